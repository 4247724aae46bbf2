"""The one filterable-list pattern: a GET form narrows a queryset, the result is paged, and a
filtered combination is marked `noindex`, so search engines index each list once.

A view (or a page's view) builds its form, then calls `filter_list(request, form, narrow,
per_page=…)` where `narrow(cleaned_data)` applies QuerySet methods. The template reads
`listing.page_obj`, `listing.query_string` (the filters without the page number, for page
links) and puts `{% if listing.is_filtered %}<meta name="robots" content="noindex">{% endif %}`
in its `meta` block.

A list whose rows are read in a way that does not suit counting (a condition shaped for
walking an index in the list's order, say) may pass `count=…`: `count(cleaned_data)` gives
the number of rows `narrow(cleaned_data)` would, with its own cheaper query.
"""

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from django import forms
from django.core.paginator import Page, Paginator
from django.db.models import QuerySet
from django.http import HttpRequest


@dataclass(frozen=True)
class FilteredList:
    """One page of a filtered list, the form that filtered it and how to link to other pages."""

    form: forms.Form
    page_obj: Page
    is_filtered: bool
    query_string: str

    @property
    def object_list(self) -> list[Any]:
        return list(self.page_obj.object_list)


def filter_list(
    request: HttpRequest,
    form: forms.Form,
    narrow: Callable[[dict[str, Any]], QuerySet | Sequence[Any]],
    *,
    per_page: int,
    page_param: str = "page",
    count: Callable[[dict[str, Any]], int] | None = None,
) -> FilteredList:
    """Narrow by the form's valid data (an invalid or empty form narrows nothing), then page."""
    data = form.cleaned_data if form.is_bound and form.is_valid() else {}
    paginator = Paginator(narrow(data), per_page)
    if count is not None:
        paginator.count = count(data)  # fills the cached property: Paginator then runs no COUNT
    page_obj = paginator.get_page(request.GET.get(page_param))
    query = request.GET.copy()
    query.pop(page_param, None)
    return FilteredList(
        form=form,
        page_obj=page_obj,
        is_filtered=bool(form.is_bound and form.has_changed()),
        query_string=query.urlencode(),
    )
