"""Registration only."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.snippets.models import register_snippet

from .admin_views import submission_detail, submission_list, submission_review
from .viewsets import DemocracyViewSetGroup

register_snippet(DemocracyViewSetGroup)


class EditorMenuItem(MenuItem):
    def is_shown(self, request) -> bool:
        return request.user.has_perm("democracy.change_arrangement")


@hooks.register("register_admin_urls")
def register_submission_urls():
    return [
        path("lokaldemokrati/innsendingar/", submission_list, name="democracy_submissions"),
        path("lokaldemokrati/innsendingar/<int64:pk>/", submission_detail, name="democracy_submission"),
        path(
            "lokaldemokrati/innsendingar/<int64:pk>/handsam/",
            submission_review,
            name="democracy_submission_review",
        ),
    ]


@hooks.register("register_admin_menu_item")
def register_submission_menu_item():
    return EditorMenuItem(
        _("Innsendingar om lokaldemokrati"), reverse("democracy_submissions"), icon_name="tasks", order=910
    )
