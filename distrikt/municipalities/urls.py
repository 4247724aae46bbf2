"""URLs of this app, included under the language prefix before Wagtail's catch-all."""

from django.urls import path

from . import views

app_name = "municipalities"

urlpatterns = [
    path("kommunar/", views.overview, name="overview"),
    path("kommunar/distriktsindeksen/", views.district_index, name="district_index"),
    path("kommunar/regionar/<slug:slug>/", views.region_detail, name="region"),
    path(
        "kommunar/<str:slug>/data/<slug:series_name>.<str:extension>",
        views.download,
        name="download",
    ),
    path("kommunar/<str:slug>/", views.profile, name="profile"),
    path("fylke/", views.county_list, name="counties"),
    path("fylke/<slug:slug>/", views.county_detail, name="county"),
]
