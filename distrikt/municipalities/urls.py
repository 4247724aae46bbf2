"""URLs of this app, included under the language prefix before Wagtail's catch-all."""

from django.urls import path

from . import views

app_name = "municipalities"

urlpatterns = [
    path("kommunar/", views.overview, name="overview"),
    path("kommunar/data.<str:extension>", views.overview_download, name="overview_download"),
    path("kommunar/samanlikn/", views.compare, name="compare"),
    path("kommunar/samanlikn/data.<str:extension>", views.compare_download, name="compare_download"),
    path("kommunar/distriktsindeksen/", views.district_index, name="district_index"),
    path(
        "kommunar/distriktsindeksen/data.<str:extension>",
        views.district_index_download,
        name="district_index_download",
    ),
    path("kommunar/regionar/<slug:slug>/", views.region_detail, name="region"),
    path(
        "kommunar/<str:slug>/data/<slug:series_name>.<str:extension>",
        views.download,
        name="download",
    ),
    path("kommunar/<str:slug>/", views.profile, name="profile"),
    path("fylke/", views.county_list, name="counties"),
    path("fylke/<slug:slug>/", views.county_detail, name="county"),
    path("fylke/<slug:slug>/data.<str:extension>", views.county_download, name="county_download"),
]
