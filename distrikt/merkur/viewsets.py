"""Wagtail admin for the Merkur catalogues and the shop register."""

from django.utils.translation import gettext_lazy as _

from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .models import Chain, ExtraService, Shop


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


class MerkurViewSetGroup(SnippetViewSetGroup):
    items = (ShopViewSet, ExtraServiceViewSet, ChainViewSet)
    menu_icon = "home"
    menu_label = _("Merkur")
    menu_name = "merkur"
