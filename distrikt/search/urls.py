"""Site-wide search at /sok/."""

from django.urls import path

from . import views

app_name = "search"

urlpatterns = [
    path("sok/", views.search, name="index"),
    path("sok/forslag/", views.autocomplete, name="autocomplete"),
]
