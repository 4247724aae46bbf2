"""Wagtail admin for the organisation's registers."""

from django.utils.translation import gettext_lazy as _

from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .models import KnowledgeArea, Office, Person, TargetGroup


class PersonViewSet(SnippetViewSet):
    model = Person
    icon = "user"
    menu_label = _("Tilsette")
    list_display = ["name", "job_title", "office"]
    list_filter = ["office", "knowledge_areas"]
    search_fields = ["name", "job_title"]


class OfficeViewSet(SnippetViewSet):
    model = Office
    icon = "home"
    menu_label = _("Kontor")
    list_display = ["name", "municipality", "phone"]


class KnowledgeAreaViewSet(SnippetViewSet):
    model = KnowledgeArea
    icon = "tag"
    menu_label = _("Kunnskapsområde")
    list_display = ["name", "name_nb", "name_en"]


class TargetGroupViewSet(SnippetViewSet):
    model = TargetGroup
    icon = "group"
    menu_label = _("Målgrupper")
    list_display = ["name", "name_nb", "name_en"]


class OrganisationViewSetGroup(SnippetViewSetGroup):
    items = (PersonViewSet, OfficeViewSet, KnowledgeAreaViewSet, TargetGroupViewSet)
    menu_icon = "group"
    menu_label = _("Organisasjon")
    menu_name = "organisation"
