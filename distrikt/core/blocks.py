"""StreamField blocks shared by every app's editorial pages.

Each block renders accessible markup: real headings, images with required alt text,
tables with captions, embeds that load nothing from a third party before a click.
"""

from django.utils.translation import gettext_lazy as _

from wagtail import blocks
from wagtail.contrib.table_block.blocks import TableBlock
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images.blocks import ImageChooserBlock

RICH_TEXT_FEATURES = [
    "h2",
    "h3",
    "h4",
    "bold",
    "italic",
    "ol",
    "ul",
    "link",
    "document-link",
    "blockquote",
]


class HeadingBlock(blocks.StructBlock):
    """A section heading at level 2 or 3 (level 1 is the page title)."""

    text = blocks.CharBlock(label=_("Tekst"), max_length=200)
    level = blocks.ChoiceBlock(
        label=_("Nivå"),
        choices=[("h2", _("Overskrift 2")), ("h3", _("Overskrift 3"))],
        default="h2",
    )

    class Meta:
        icon = "title"
        label = _("Overskrift")
        template = "core/blocks/heading_block.html"


class QuoteBlock(blocks.StructBlock):
    """A quotation with the person or source it comes from."""

    quote = blocks.TextBlock(label=_("Sitat"))
    attribution = blocks.CharBlock(label=_("Kjelde"), required=False, max_length=200)

    class Meta:
        icon = "openquote"
        label = _("Sitat")
        template = "core/blocks/quote_block.html"


class FactBoxBlock(blocks.StructBlock):
    """A highlighted box of key facts beside the running text."""

    title = blocks.CharBlock(label=_("Tittel"), max_length=200)
    body = blocks.RichTextBlock(label=_("Innhald"), features=["bold", "italic", "ol", "ul", "link"])

    class Meta:
        icon = "info-circle"
        label = _("Faktaboks")
        template = "core/blocks/fact_box_block.html"


class AccessibleImageBlock(blocks.StructBlock):
    """An image with alt text the editor must write, and an optional caption."""

    image = ImageChooserBlock(label=_("Bilete"))
    alt_text = blocks.CharBlock(
        label=_("Alternativ tekst"),
        max_length=300,
        help_text=_("Skildre kva biletet viser for dei som ikkje ser det."),
    )
    caption = blocks.CharBlock(label=_("Bilettekst"), required=False, max_length=300)

    class Meta:
        icon = "image"
        label = _("Bilete")
        template = "core/blocks/accessible_image_block.html"


class CaptionedTableBlock(blocks.StructBlock):
    """A data table with a caption that says what it shows."""

    caption = blocks.CharBlock(label=_("Tabelltekst"), max_length=300)
    table = TableBlock(label=_("Tabell"), table_options={"startRows": 3, "startCols": 3})

    class Meta:
        icon = "table"
        label = _("Tabell")
        template = "core/blocks/captioned_table_block.html"


class DocumentLinkBlock(blocks.StructBlock):
    """A link to a document in the library, with its type and size shown."""

    document = DocumentChooserBlock(label=_("Dokument"))
    title = blocks.CharBlock(label=_("Lenketekst"), required=False, max_length=200)

    class Meta:
        icon = "doc-full"
        label = _("Dokument")
        template = "core/blocks/document_link_block.html"


class PrivacyEmbedBlock(blocks.StructBlock):
    """A video or other embed that loads only when the reader asks for it."""

    embed = EmbedBlock(label=_("Adresse (URL)"))
    title = blocks.CharBlock(label=_("Tittel på innhaldet"), max_length=200)

    class Meta:
        icon = "media"
        label = _("Innebygd innhald")
        template = "core/blocks/privacy_embed_block.html"


class LinkCardBlock(blocks.StructBlock):
    """An entry point: title, short text and a link to a page."""

    title = blocks.CharBlock(label=_("Tittel"), max_length=120)
    text = blocks.TextBlock(label=_("Tekst"), required=False)
    page = blocks.PageChooserBlock(label=_("Side"), required=False)
    url = blocks.URLBlock(label=_("Eller adresse"), required=False)

    class Meta:
        icon = "link"
        label = _("Inngang")
        template = "core/blocks/link_card_block.html"


class LinkCardGridBlock(blocks.StructBlock):
    """A headed group of entry points shown as cards."""

    heading = blocks.CharBlock(label=_("Overskrift"), max_length=120)
    intro = blocks.TextBlock(label=_("Ingress"), required=False)
    cards = blocks.ListBlock(LinkCardBlock(), label=_("Inngangar"))

    class Meta:
        icon = "grip"
        label = _("Inngangar")
        template = "core/blocks/link_card_grid_block.html"


class BodyStreamBlock(blocks.StreamBlock):
    """The accessible body used by editorial pages across the site."""

    heading = HeadingBlock()
    paragraph = blocks.RichTextBlock(label=_("Tekst"), features=RICH_TEXT_FEATURES, icon="pilcrow")
    quote = QuoteBlock()
    fact_box = FactBoxBlock()
    image = AccessibleImageBlock()
    table = CaptionedTableBlock()
    document = DocumentLinkBlock()
    embed = PrivacyEmbedBlock()
    cards = LinkCardGridBlock()
