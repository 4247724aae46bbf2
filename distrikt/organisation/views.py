"""The staff directory's list: parse the filter form, read people, render the page."""

from django.http import HttpRequest, HttpResponse

from distrikt.core.filtering import filter_list
from distrikt.core.page_views import page_view

from .forms import StaffFilterForm
from .models import Person, StaffDirectoryPage

# The whole staff fits on one page; the directory is a list to scan, not to page through.
STAFF_PER_PAGE = 500


@page_view(StaffDirectoryPage, "staff_list")
def staff_list(request: HttpRequest, page: StaffDirectoryPage) -> HttpResponse:
    listing = filter_list(
        request,
        StaffFilterForm(request.GET or None),
        lambda filters: Person.objects.for_directory().matching(
            name=filters.get("q", ""),
            office_slug=filters.get("office", ""),
            area_slug=filters.get("area", ""),
        ),
        per_page=STAFF_PER_PAGE,
    )
    return page.render(
        request,
        context_overrides={
            "listing": listing,
            "form": listing.form,
            "people": listing.object_list,
            "is_filtered": listing.is_filtered,
        },
        template="organisation/staff_directory_page.html",
    )
