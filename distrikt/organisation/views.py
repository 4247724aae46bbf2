"""The staff directory's list and the contact form: parse, call a query or service, render."""

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.cache import add_never_cache_headers
from django.utils.translation import get_language

from distrikt.core.filtering import filter_list
from distrikt.core.page_views import page_view
from distrikt.core.ratelimit import is_rate_limited

from . import services
from .forms import ContactForm, StaffFilterForm
from .models import ContactPage, Office, Person, StaffDirectoryPage

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


@page_view(ContactPage, "contact")
def contact(request: HttpRequest, page: ContactPage) -> HttpResponse:
    """Show the contact form and the offices; store and send a valid message."""
    form = ContactForm(request.POST if request.method == "POST" else None)
    status = 200
    rate_limited = False
    if request.method == "POST":
        if is_rate_limited(
            request, "organisation:contact", settings.CONTACT_RATE_LIMIT, settings.CONTACT_RATE_WINDOW
        ):
            status, rate_limited = 429, True
        elif form.is_spam:
            # Looks like success to the bot; nothing is stored or sent.
            return redirect(page.url + "?sendt=1")
        elif form.is_valid():
            office, area = form.recipient_choice()
            services.send_contact_message(
                name=form.cleaned_data["name"],
                email=form.cleaned_data["email"],
                phone=form.cleaned_data["phone"],
                message=form.cleaned_data["message"],
                office=office,
                knowledge_area=area,
                language=get_language() or "nn",
            )
            return redirect(page.url + "?sendt=1")
        else:
            status = 400
    context = page.get_context(request)
    context.update(
        form=form,
        is_sent=request.method == "GET" and request.GET.get("sendt") == "1",
        rate_limited=rate_limited,
        offices=Office.objects.select_related("municipality"),
    )
    response = TemplateResponse(request, "organisation/contact_page.html", context, status=status)
    add_never_cache_headers(response)
    response["Cache-Control"] += ", private"
    return response
