"""URLs of this app, included under the language prefix before Wagtail's catch-all.

The registration form and the .ics files are routes on the event pages under /arrangement/;
here are the personal pages reached through the signed links in the e-mails.
"""

from django.urls import path

from . import views

app_name = "events"

urlpatterns = [
    # The same URL as the event page's own route, answered without walking the page tree.
    path("arrangement/<slug:slug>/pamelding/", views.registration_form, name="registration_form"),
    path("pamelding/", views.registration_help, name="registration_help"),
    path("pamelding/motteke/", views.registration_received, name="registration_received"),
    path(
        "pamelding/<int64:pk>/<str:token>/",
        views.registration_detail,
        name="registration",
    ),
    path(
        "pamelding/<int64:pk>/<str:token>/stadfest/",
        views.registration_confirm,
        name="registration_confirm",
    ),
    path(
        "pamelding/<int64:pk>/<str:token>/avmeld/",
        views.registration_cancel,
        name="registration_cancel",
    ),
    path(
        "pamelding/<int64:pk>/<str:token>/slett/",
        views.registration_delete,
        name="registration_delete",
    ),
]
