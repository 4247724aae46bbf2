"""URLs of this app: the newsletter. Its pages and feeds are Wagtail routes (/kunnskap/, /nyheiter/)."""

from django.urls import path

from . import views

app_name = "knowledge"

urlpatterns = [
    path("nyheitsbrev/", views.newsletter_signup, name="newsletter"),
    path("nyheitsbrev/sjekk-e-posten/", views.newsletter_check_email, name="newsletter_check_email"),
    path("nyheitsbrev/stadfest/<str:token>/", views.newsletter_confirm, name="newsletter_confirm"),
    path("nyheitsbrev/avmeld/<str:token>/", views.newsletter_unsubscribe, name="newsletter_unsubscribe"),
]
