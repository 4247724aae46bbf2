"""Wagtail admin for regions, their members and the indicators' names and descriptions."""

from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .models import Indicator, Region, RegionMembership


class RegionViewSet(SnippetViewSet):
    model = Region
    icon = "group"
    menu_label = _("Regionar")
    list_display = ["name", "kind", "code"]
    list_filter = ["kind"]
    search_fields = ["name", "code"]
    panels = [
        FieldPanel("kind"),
        FieldPanel("name"),
        FieldPanel("code"),
        FieldPanel("slug"),
        FieldPanel("description"),
        FieldPanel("source"),
    ]


class RegionMembershipViewSet(SnippetViewSet):
    model = RegionMembership
    icon = "list-ul"
    menu_label = _("Medlemskap i regionar")
    list_display = ["municipality", "region", "valid_from", "valid_to"]
    list_filter = ["region__kind"]
    panels = [
        FieldPanel("region"),
        FieldPanel("municipality"),
        FieldPanel("valid_from"),
        FieldPanel("valid_to"),
    ]


class IndicatorViewSet(SnippetViewSet):
    model = Indicator
    icon = "table"
    menu_label = _("Indikatorar")
    list_display = ["code", "name_nn", "unit", "ssb_table"]
    search_fields = ["code", "name_nn"]
    panels = [
        FieldPanel("name_nn"),
        FieldPanel("name_nb"),
        FieldPanel("name_en"),
        FieldPanel("unit"),
        FieldPanel("source"),
        FieldPanel("ssb_table"),
        FieldPanel("description"),
    ]


class MunicipalitiesViewSetGroup(SnippetViewSetGroup):
    items = (RegionViewSet, RegionMembershipViewSet, IndicatorViewSet)
    menu_icon = "site"
    menu_label = _("Kommunedata")
    menu_name = "municipality-data"
