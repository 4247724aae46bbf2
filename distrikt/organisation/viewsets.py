"""Wagtail admin for the organisation's registers."""

from django.utils.translation import gettext_lazy as _

from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .models import ContactMessage, KnowledgeArea, Office, Person, TargetGroup


class ReadOnlyPermissionPolicy(ModelPermissionPolicy):
    """Only "view" is ever granted, even to superusers: the records are written by the site."""

    def user_has_permission(self, user, action):
        return action == "view" and super().user_has_permission(user, action)

    def users_with_any_permission(self, actions):
        return super().users_with_any_permission([action for action in actions if action == "view"])


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


class ContactMessageViewSet(SnippetViewSet):
    """Messages from the contact form, read-only, for the «Postmottak» group only."""

    model = ContactMessage
    icon = "mail"
    menu_label = _("Kontaktmeldingar")
    inspect_view_enabled = True
    copy_view_enabled = False
    list_display = [
        "name",
        Column("topic", label=_("kontor eller kunnskapsområde"), accessor="topic"),
        DateColumn("created_at", label=_("motteke"), accessor="created_at"),
        "language",
    ]
    list_filter = ["office", "knowledge_area"]
    search_fields = ["name", "email", "message"]
    search_backend_name = None
    inspect_view_fields = [
        "created_at",
        "name",
        "email",
        "phone",
        "office",
        "knowledge_area",
        "message",
        "recipient",
        "language",
    ]


class OrganisationViewSetGroup(SnippetViewSetGroup):
    items = (PersonViewSet, OfficeViewSet, KnowledgeAreaViewSet, TargetGroupViewSet, ContactMessageViewSet)
    menu_icon = "group"
    menu_label = _("Organisasjon")
    menu_name = "organisation"
