"""StreamField blocks used only by event pages: the programme and questions and answers."""

from django.utils.translation import gettext_lazy as _

from wagtail import blocks
from wagtail.snippets.blocks import SnippetChooserBlock

from distrikt.core.blocks import BodyStreamBlock


class ExternalSpeakerBlock(blocks.StructBlock):
    """A speaker from outside the centre: name, title and organisation."""

    name = blocks.CharBlock(label=_("Namn"), max_length=150)
    title = blocks.CharBlock(label=_("Tittel"), max_length=150, required=False)
    organisation = blocks.CharBlock(label=_("Organisasjon"), max_length=150, required=False)

    class Meta:
        icon = "user"
        label = _("Ekstern innleiar")


class SpeakerStreamBlock(blocks.StreamBlock):
    """Speakers of one programme item: staff from the directory or external people."""

    staff = SnippetChooserBlock("organisation.Person", label=_("Tilsett"), icon="user")
    external = ExternalSpeakerBlock()


class ProgrammeItemBlock(blocks.StructBlock):
    """One item of the programme: time, title, short text and speakers."""

    start_time = blocks.TimeBlock(label=_("Frå klokka"))
    end_time = blocks.TimeBlock(label=_("Til klokka"), required=False)
    title = blocks.CharBlock(label=_("Tittel"), max_length=200)
    description = blocks.TextBlock(label=_("Skildring"), required=False)
    speakers = SpeakerStreamBlock(label=_("Innleiarar"), required=False)

    class Meta:
        icon = "time"
        label = _("Programpunkt")
        template = "events/blocks/programme_item_block.html"


class QuestionAnswerBlock(blocks.StructBlock):
    """A question asked during the event and the answer given."""

    question = blocks.TextBlock(label=_("Spørsmål"))
    answer = blocks.RichTextBlock(label=_("Svar"), features=["bold", "italic", "ol", "ul", "link"])

    class Meta:
        icon = "help"
        label = _("Spørsmål og svar")
        template = "events/blocks/question_answer_block.html"


class AfterEventStreamBlock(BodyStreamBlock):
    """What stays after the event: recording, slides, questions and answers."""

    question_answer = QuestionAnswerBlock()
