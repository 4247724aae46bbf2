"""Wagtail admin for the Merkur catalogues and the shop register."""

from django.utils.translation import gettext_lazy as _

from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .models import Chain, ExtraService, Shop, SupportScheme


class ShopViewSet(SnippetViewSet):
    model = Shop
    icon = "home"
    menu_label = _("Butikkar")
    list_display = ["name", "organisation_number", "municipality", "chain", "status"]
    list_filter = ["status", "chain", "is_demo"]
    search_fields = ["name", "organisation_number"]


class ExtraServiceViewSet(SnippetViewSet):
    model = ExtraService
    icon = "list-ul"
    menu_label = _("Tilleggstenester")
    list_display = ["name", "sort_order"]


class ChainViewSet(SnippetViewSet):
    model = Chain
    icon = "tag"
    menu_label = _("Kjeder og profilar")
    list_display = ["name", "sort_order"]


class SupportSchemeViewSet(SnippetViewSet):
    """The schemes and their rules: amounts and limits are edited here, not in code."""

    model = SupportScheme
    icon = "doc-full"
    menu_label = _("Støtteordningar")
    list_display = ["name", "max_amount", "min_amount", "max_cost_share", "is_published"]
    list_filter = ["is_published"]
    search_fields = ["name"]


class MerkurViewSetGroup(SnippetViewSetGroup):
    items = (ShopViewSet, ExtraServiceViewSet, ChainViewSet, SupportSchemeViewSet)
    menu_icon = "home"
    menu_label = _("Merkur")
    menu_name = "merkur"
