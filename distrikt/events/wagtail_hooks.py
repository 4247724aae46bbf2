"""Registration only: staff URLs, the admin menu item and the participants button."""

from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.widgets import Button

from . import staff_views
from .models import EventPage
from .services import can_view_registrations


class RegistrationsMenuItem(MenuItem):
    """Shown only to those who may see participant lists."""

    def is_shown(self, request) -> bool:
        return can_view_registrations(request.user)


staff_patterns = (
    [
        path("", staff_views.event_overview, name="overview"),
        path("<int64:page_id>/", staff_views.participants, name="participants"),
        path(
            "<int64:page_id>/eksport/<str:file_format>/",
            staff_views.export,
            name="export",
        ),
        path("<int64:page_id>/melding/", staff_views.message, name="message"),
        path(
            "<int64:page_id>/epost/<int64:message_id>/send-igjen/",
            staff_views.retry_mail,
            name="retry_mail",
        ),
    ],
    "events_staff",
)


@hooks.register("register_admin_urls")
def register_staff_urls():
    return [path("arrangement/", include(staff_patterns))]


@hooks.register("register_admin_menu_item")
def register_participants_menu_item():
    return RegistrationsMenuItem(
        _("Påmeldingar"), reverse("events_staff:overview"), icon_name="date", order=350
    )


@hooks.register("register_page_listing_more_buttons")
def participants_button(page, user, next_url=None):
    if page.specific_class and issubclass(page.specific_class, EventPage) and can_view_registrations(user):
        yield Button(
            _("Deltakarar"),
            reverse("events_staff:participants", args=[page.pk]),
            icon_name="group",
            priority=90,
        )
