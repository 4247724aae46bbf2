"""Wagtail admin for the register of arrangements and the municipalities' e-mail domains."""

from django.utils.translation import gettext_lazy as _

from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .models import Arrangement, MunicipalEmailDomain


class ArrangementViewSet(SnippetViewSet):
    model = Arrangement
    icon = "group"
    menu_label = _("Nærdemokratiske ordningar")
    list_display = ["name", "municipality", "kind", "mandate", "status", "is_published"]
    list_filter = ["kind", "mandate", "status", "is_published", "is_demo"]
    search_fields = ["name", "area"]


class MunicipalEmailDomainViewSet(SnippetViewSet):
    model = MunicipalEmailDomain
    icon = "mail"
    menu_label = _("E-postdomene for kommunar")
    list_display = ["domain", "municipality"]
    search_fields = ["domain"]


class DemocracyViewSetGroup(SnippetViewSetGroup):
    items = (ArrangementViewSet, MunicipalEmailDomainViewSet)
    menu_icon = "group"
    menu_label = _("Lokaldemokrati")
    menu_name = "democracy"
