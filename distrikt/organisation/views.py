"""Query helpers behind the staff directory page."""

from django.http import HttpRequest

from .forms import StaffFilterForm
from .models import Person


def staff_list_context(request: HttpRequest) -> dict:
    form = StaffFilterForm(request.GET or None)
    people = Person.objects.select_related("office", "photo").prefetch_related("knowledge_areas")
    if form.is_valid():
        if form.cleaned_data["q"]:
            people = people.search_name(form.cleaned_data["q"])
        if form.cleaned_data["office"]:
            people = people.in_office(form.cleaned_data["office"])
        if form.cleaned_data["area"]:
            people = people.with_expertise(form.cleaned_data["area"])
    return {
        "form": form,
        "people": list(people),
        "is_filtered": bool(form.is_bound and form.has_changed()),
    }
