"""The staff directory's list: parse the filter form, read people, render the page."""

from django.http import HttpRequest, HttpResponse

from distrikt.core.page_views import page_view

from .forms import StaffFilterForm
from .models import Person, StaffDirectoryPage


@page_view(StaffDirectoryPage, "staff_list")
def staff_list(request: HttpRequest, page: StaffDirectoryPage) -> HttpResponse:
    form = StaffFilterForm(request.GET or None)
    filters = form.cleaned_data if form.is_valid() else {}
    people = Person.objects.for_directory().matching(
        name=filters.get("q", ""),
        office_slug=filters.get("office", ""),
        area_slug=filters.get("area", ""),
    )
    return page.render(
        request,
        context_overrides={
            "form": form,
            "people": list(people),
            "is_filtered": bool(form.is_bound and form.has_changed()),
        },
        template="organisation/staff_directory_page.html",
    )
