"""Registration only: the language-share dashboard, page caching and document privacy."""

from django.http import Http404
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.menu import MenuItem

from .admin_views import language_share_dashboard
from .cache import mark_cacheable
from .documents import is_withheld, may_see_withheld_documents


@hooks.register("before_serve_page")
def mark_page_response_cacheable(page, request, serve_args, serve_kwargs):
    may_cache = getattr(page, "may_use_page_cache", None)
    if may_cache is not None and may_cache(request):
        mark_cacheable(request, page.page_cache_tags(), page.cache_query_params, page.cache_timeout)


@hooks.register("before_serve_document")
def withhold_documents_of_unpublished_pages(document, request):
    if is_withheld(document) and not may_see_withheld_documents(request.user):
        raise Http404


@hooks.register("register_admin_urls")
def register_language_share_url():
    return [path("language-share/", language_share_dashboard, name="core_language_share")]


@hooks.register("register_admin_menu_item")
def register_language_share_menu_item():
    return MenuItem(_("Målform"), reverse("core_language_share"), icon_name="doc-full", order=900)
