"""Registration only: the report of searches that found nothing, under «Rapportar»."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.menu import AdminOnlyMenuItem

from . import admin_views


@hooks.register("register_admin_urls")
def register_report_urls():
    return [path("sok/utan-treff/", admin_views.unanswered_queries, name="search_unanswered_queries")]


@hooks.register("register_reports_menu_item")
def register_unanswered_queries_menu_item():
    return AdminOnlyMenuItem(
        _("Søk utan treff"), reverse("search_unanswered_queries"), icon_name="search", order=900
    )
