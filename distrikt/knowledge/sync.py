"""Keep the knowledge-bank table in step with the pages that feed it.

A page of any app joins the bank by implementing `knowledge_bank_entry()`; a return value of
None keeps it out. Only live, public pages are listed.
"""

import datetime

from django.db import transaction

from wagtail.models import Page

from .models import ContentType, KnowledgeEntry

VALID_TYPES = set(ContentType.values)


def entry_data_for(page: Page) -> dict | None:
    """The bank data a page offers, or None when it is not (or cannot be) in the bank."""
    specific = page.specific
    method = getattr(specific, "knowledge_bank_entry", None)
    if method is None or not page.live:
        return None
    data = method()
    if not data or data.get("content_type") not in VALID_TYPES:
        return None
    if not isinstance(data.get("date"), datetime.date):
        return None
    if page.get_view_restrictions().exists():
        return None
    return data


@transaction.atomic
def sync_page(page: Page) -> KnowledgeEntry | None:
    """Create, update or remove the bank row of one page."""
    data = entry_data_for(page)
    if data is None:
        KnowledgeEntry.objects.filter(page_id=page.pk).delete()
        return None
    specific = page.specific
    date = data["date"]
    if isinstance(date, datetime.datetime):
        date = date.date()
    entry, _created = KnowledgeEntry.objects.update_or_create(
        page_id=page.pk,
        defaults={
            "content_type": data["content_type"],
            "title": specific.title,
            "url": specific.get_url() or specific.url_path,
            "summary": (data.get("summary") or "")[:2000],
            "date": date,
            "year": date.year,
            "language": getattr(specific, "language", "nn") or "nn",
            "is_demo": bool(data.get("is_demo", getattr(specific, "is_demo", False))),
        },
    )
    entry.knowledge_areas.set(data.get("knowledge_areas") or [])
    entry.target_groups.set(data.get("target_groups") or [])
    entry.municipalities.set(data.get("municipalities") or [])
    entry.counties.set(data.get("counties") or [])
    return entry


def remove_page(page_id: int) -> None:
    KnowledgeEntry.objects.filter(page_id=page_id).delete()


def sync_subtree(page: Page) -> None:
    """Re-sync a page and its descendants (after a move, their URLs changed)."""
    for descendant in Page.objects.descendant_of(page, inclusive=True).specific():
        if hasattr(descendant, "knowledge_bank_entry"):
            sync_page(descendant)


def bank_page_classes() -> list[type]:
    """Every page class of any app that can feed the bank."""
    from wagtail.models import get_page_models

    return [
        model
        for model in get_page_models()
        if hasattr(model, "knowledge_bank_entry") and not model._meta.abstract
    ]


@transaction.atomic
def rebuild_index() -> int:
    """Rebuild the whole bank table from the live pages; returns the number of rows."""
    KnowledgeEntry.objects.all().delete()
    count = 0
    for model in bank_page_classes():
        for page in model.objects.live():
            if sync_page(page) is not None:
                count += 1
    return count


def refresh_urls() -> None:
    """Recompute stored addresses (a site's root or hostname changed)."""
    for entry in KnowledgeEntry.objects.select_related("page"):
        url = entry.page.get_url() or entry.page.url_path
        if url != entry.url:
            KnowledgeEntry.objects.filter(pk=entry.pk).update(url=url)
