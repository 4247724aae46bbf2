"""StreamField blocks used only by the knowledge bank."""

from django.utils.translation import gettext_lazy as _

from wagtail import blocks


class RelatedContentBlock(blocks.PageChooserBlock):
    """A link to another page shown under «Relatert innhald»."""

    class Meta:
        icon = "link"
        label = _("Relatert side")
