"""Registration only: the admin page for briefs."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.menu import MenuItem

from .admin_views import admin_briefs, annual_report
from .services import can_request_briefs


class BriefsMenuItem(MenuItem):
    def is_shown(self, request) -> bool:
        return can_request_briefs(request.user)


@hooks.register("register_admin_urls")
def register_briefs_admin_url():
    return [
        path("kunnskapsgrunnlag/", admin_briefs, name="briefs_admin"),
        path("arsrapport/", annual_report, name="briefs_annual_report"),
    ]


@hooks.register("register_admin_menu_item")
def register_briefs_menu_item():
    return BriefsMenuItem(
        _("Kunnskapsgrunnlag"), reverse("briefs_admin"), icon_name="doc-full-inverse", order=850
    )


@hooks.register("register_admin_menu_item")
def register_annual_report_menu_item():
    return MenuItem(_("Tal til årsrapporten"), reverse("briefs_annual_report"), icon_name="table", order=860)
