"""StreamField blocks used only by the knowledge bank."""

from django.utils.translation import gettext_lazy as _

from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock


class RelatedContentBlock(blocks.PageChooserBlock):
    """A link to another page shown under «Relatert innhald»."""

    class Meta:
        icon = "link"
        label = _("Relatert side")


class GuideStepBlock(blocks.StructBlock):
    """One step of a guide: what to do and why, a checklist to tick, and templates to download."""

    title = blocks.CharBlock(label=_("Tittel"), max_length=160)
    body = blocks.RichTextBlock(label=_("Tekst"), features=["h3", "bold", "italic", "link", "ol", "ul"])
    checklist = blocks.ListBlock(
        blocks.CharBlock(label=_("Punkt"), max_length=300), label=_("Sjekkliste"), default=[]
    )
    templates = blocks.ListBlock(
        DocumentChooserBlock(label=_("Dokument")), label=_("Malar til nedlasting"), default=[]
    )

    class Meta:
        icon = "list-ol"
        label = _("Steg")
