"""Views behind the knowledge bank's and the news list's routable pages, and the newsletter
(thin: parse, query or call a service, render)."""

from collections.abc import Sequence
from urllib.parse import urlencode

from django.conf import settings
from django.core.paginator import Paginator
from django.http import FileResponse, Http404, HttpRequest, HttpResponse, QueryDict
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.cache import add_never_cache_headers, patch_cache_control
from django.utils.translation import get_language
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from distrikt.core.exports import export_response
from distrikt.core.filtering import filter_list
from distrikt.core.page_views import page_view
from distrikt.core.pdf import PDF_CONTENT_TYPE
from distrikt.core.ratelimit import is_rate_limited

from . import guide_pdfs, newsletter, services
from .feeds import feed_response, news_feed_response
from .forms import KnowledgeFilterForm
from .models import (
    GuidePage,
    KnowledgeIndexPage,
    NewsIndexPage,
    NewsletterSubscription,
    NewsPage,
    ThemePage,
)
from .newsletter_forms import NewsletterForm

NEWS_PER_PAGE = 20
# How often the "being made" page of a guide PDF reloads itself (a meta refresh, no script).


def _query_without(params: QueryDict, *keys: str) -> str:
    kept = [(k, v) for k, v in params.items() if k not in keys and v]
    return urlencode(kept)


@page_view(KnowledgeIndexPage, "entry_list")
def entry_list(request: HttpRequest, page: KnowledgeIndexPage) -> HttpResponse:
    selections: list[services.EntrySelection] = []

    def narrow(data: dict) -> Sequence:
        selections.append(services.select_entries(data))
        return selections[-1].entries

    listing = filter_list(
        request, KnowledgeFilterForm(request.GET or None), narrow, per_page=services.PAGE_SIZE
    )
    result = services.EntrySearch.of(selections[-1], listing.page_obj)
    today = timezone.localdate()
    context = {
        "listing": listing,
        "result": result,
        "today": today,
        "upcoming_webinars": services.upcoming_webinars(today),
        "page_query": listing.query_string,
        "remove_links": [
            (facet.label, _query_without(request.GET, facet.key, "page"))
            for facet in result.facets
            if facet.key in result.filters
        ],
    }
    return page.render(request, context_overrides=context, template="knowledge/knowledge_index_page.html")


@page_view(ThemePage, "theme")
def theme(request: HttpRequest, page: ThemePage) -> HttpResponse:
    area = page.knowledge_area
    context = {
        "entries": services.entries_for_area(area),
        "experts": list(area.experts.select_related("office").order_by("sort_order", "name")),
        "today": timezone.localdate(),
    }
    return page.render(request, context_overrides=context, template="knowledge/theme_page.html")


@page_view(GuidePage, "pdf")
@require_http_methods(["GET", "HEAD", "POST"])
def guide_pdf(request: HttpRequest, page: GuidePage) -> HttpResponse:
    """The guide's PDF when it is made for the live revision; otherwise a page saying it is being
    made (or that it failed, with a button to try again). POST retries a failed PDF."""
    pdf = guide_pdfs.order_pdf(page, get_language() or page.language)
    if pdf is None:
        raise Http404
    if request.method == "POST":
        guide_pdfs.retry_pdf(pdf)
        return redirect(request.path)
    # With tasks run in-process the PDF may have been made while it was ordered.
    pdf.refresh_from_db()
    if pdf.is_ready:
        return FileResponse(pdf.file.open("rb"), filename=f"{page.slug}.pdf", content_type=PDF_CONTENT_TYPE)
    context = {"pdf": pdf}
    response = page.render(request, context_overrides=context, template="knowledge/guide_pdf_status.html")
    # The state changes within seconds: neither the page cache nor a browser may keep it.
    patch_cache_control(response, no_store=True)
    return response


@page_view(KnowledgeIndexPage, "feed")
@page_view(ThemePage, "feed")
def feed(request: HttpRequest, page: KnowledgeIndexPage | ThemePage, kind: str) -> HttpResponse:
    """RSS or Atom of the newest entries: the whole bank, or one theme's area."""
    return feed_response(request, page, area=getattr(page, "knowledge_area", None), kind=kind)


@page_view(KnowledgeIndexPage, "research_commissions")
def research_commissions(request: HttpRequest, page: KnowledgeIndexPage) -> HttpResponse:
    """The public register of commissioned research: ongoing, completed, and counts."""
    context = {"overview": services.research_overview()}
    return page.render(request, context_overrides=context, template="knowledge/research_commissions.html")


@page_view(KnowledgeIndexPage, "research_commissions_export")
def research_commissions_export(request: HttpRequest, page: KnowledgeIndexPage) -> HttpResponse:
    return export_response(services.research_tables(services.research_overview()), "xlsx", "fou-oppdrag")


@page_view(NewsIndexPage, "news_list")
def news_list(request: HttpRequest, page: NewsIndexPage) -> HttpResponse:
    news = NewsPage.objects.published().child_of(page).newest_first().prefetch_related("knowledge_areas")
    page_obj = Paginator(news, NEWS_PER_PAGE).get_page(request.GET.get("page"))
    return page.render(
        request,
        context_overrides={"news_page": page_obj},
        template="knowledge/news_index_page.html",
    )


@page_view(NewsIndexPage, "news_feed")
def news_feed(request: HttpRequest, page: NewsIndexPage) -> HttpResponse:
    return news_feed_response(request, page)


def _private(response: HttpResponse) -> HttpResponse:
    add_never_cache_headers(response)
    response["Cache-Control"] += ", private"
    return response


@require_http_methods(["GET", "HEAD", "POST"])
def newsletter_signup(request: HttpRequest) -> HttpResponse:
    """Sign up for the digest: choose themes and how often; a confirmation link is e-mailed."""
    form = NewsletterForm(request.POST if request.method == "POST" else None)
    status = 200
    rate_limited = False
    if request.method == "POST":
        if is_rate_limited(
            request, "knowledge:newsletter", settings.NEWSLETTER_RATE_LIMIT, settings.NEWSLETTER_RATE_WINDOW
        ):
            status, rate_limited = 429, True
        elif form.is_spam:
            return redirect("knowledge:newsletter_check_email")
        elif form.is_valid():
            newsletter.subscribe(
                form.cleaned_data["email"],
                form.cleaned_data["areas"],
                form.cleaned_data["frequency"],
                language=get_language() or "nn",
            )
            return redirect("knowledge:newsletter_check_email")
        else:
            status = 400
    response = render(
        request,
        "knowledge/newsletter_signup.html",
        {"form": form, "rate_limited": rate_limited},
        status=status,
    )
    return _private(response)


def newsletter_check_email(request: HttpRequest) -> HttpResponse:
    return render(request, "knowledge/newsletter_message.html", {"message_kind": "check_email"})


@require_http_methods(["GET", "HEAD", "POST"])
def newsletter_confirm(request: HttpRequest, token: str) -> HttpResponse:
    """The link in the confirmation e-mail: a button that confirms (link checkers only GET)."""
    subscription = NewsletterSubscription.objects.filter(token=token, unsubscribed_at__isnull=True).first()
    if subscription is None:
        raise Http404
    if request.method == "POST":
        newsletter.confirm(token)
        return _private(render(request, "knowledge/newsletter_message.html", {"message_kind": "confirmed"}))
    return _private(
        render(
            request,
            "knowledge/newsletter_action.html",
            {"action": "confirm", "subscription": subscription, "areas": subscription.knowledge_areas.all()},
        )
    )


@csrf_exempt
@require_http_methods(["GET", "HEAD", "POST"])
def newsletter_unsubscribe(request: HttpRequest, token: str) -> HttpResponse:
    """One-click unsubscribe (RFC 8058): mail programs POST here without a CSRF token.

    The token is the secret; a POST stops the digests at once. A GET (the link in the
    text) shows a button, so link checkers that open it unsubscribe no one.
    """
    if request.method == "POST":
        if not newsletter.unsubscribe(token):
            raise Http404
        return _private(
            render(request, "knowledge/newsletter_message.html", {"message_kind": "unsubscribed"})
        )
    if not NewsletterSubscription.objects.filter(token=token).exists():
        raise Http404
    return _private(
        render(
            request,
            "knowledge/newsletter_action.html",
            {
                "action": "unsubscribe",
                "post_url": reverse("knowledge:newsletter_unsubscribe", kwargs={"token": token}),
            },
        )
    )
