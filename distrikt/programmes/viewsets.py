"""Wagtail admin for the programmes' projects."""

from django.utils.translation import gettext_lazy as _

from wagtail.snippets.views.snippets import SnippetViewSet

from .models import Project


class ProjectViewSet(SnippetViewSet):
    model = Project
    icon = "group"
    menu_label = _("Prosjekt i program")
    menu_name = "programme-projects"
    list_display = ["name", "programme", "leader", "is_demo"]
    list_filter = ["programme", "is_demo"]
    search_fields = ["name", "leader"]
    add_to_admin_menu = True
