"""Pages editors pin to a query (Wagtail's search promotions), read without a query per search.

The pins are one derived value (query text → page ids) under the `search-promotions`
dataset, which a change of a promotion or of a query's text bumps (see `signals`); the pages
themselves are read only for a query that has pins.
"""

from wagtail.contrib.search_promotions.models import SearchPromotion
from wagtail.models import Page
from wagtail.search.utils import normalise_query_string

from distrikt.core.derived import get_or_compute

PROMOTIONS_DATASET = "search-promotions"


def _promotions() -> dict[str, tuple[int, ...]]:
    """The pages editors pinned, per query text (Wagtail search promotions)."""
    promoted: dict[str, list[int]] = {}
    picks = (
        SearchPromotion.objects.filter(page__isnull=False)
        .order_by("sort_order", "pk")
        .values_list("query__query_string", "page_id")
    )
    for query_string, page_id in picks:
        promoted.setdefault(query_string, []).append(page_id)
    return {query_string: tuple(page_ids) for query_string, page_ids in promoted.items()}


def promoted_pages(query: str) -> list[Page]:
    """The live pages editors pinned for this query, in their order."""
    if not query:
        return []
    page_ids = get_or_compute(
        PROMOTIONS_DATASET, "promotions", _promotions, language_neutral=True, in_process=True
    ).get(normalise_query_string(query), ())
    if not page_ids:
        return []
    pages = {page.pk: page for page in Page.objects.live().filter(pk__in=page_ids).specific()}
    return [pages[page_id] for page_id in page_ids if page_id in pages]
