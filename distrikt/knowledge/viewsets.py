"""Wagtail admin for the knowledge bank's registers: commissioned research and example follow-ups."""

from django.utils.translation import gettext_lazy as _

from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .models import ExampleFollowUp, ResearchCommission


class ResearchCommissionViewSet(SnippetViewSet):
    model = ResearchCommission
    icon = "doc-full"
    menu_label = _("FoU-oppdrag")
    list_display = ["title", "institution", "status", "ordered_on", "due_on", "delivered_on"]
    list_filter = ["status", "themes"]
    search_fields = ["title", "institution", "question"]


class ExampleFollowUpViewSet(SnippetViewSet):
    model = ExampleFollowUp
    icon = "history"
    menu_label = _("Oppfølging av praksisdøme")
    list_display = ["example", "after_years", "status", "followed_up_on"]
    list_filter = ["status", "after_years"]


class KnowledgeViewSetGroup(SnippetViewSetGroup):
    items = (ResearchCommissionViewSet, ExampleFollowUpViewSet)
    menu_icon = "doc-full"
    menu_label = _("Kunnskapsbanken")
    menu_name = "knowledge-registers"
