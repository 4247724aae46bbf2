"""URLs of the local democracy register and survey."""

from django.urls import path

from . import views

app_name = "democracy"

urlpatterns = [
    path("lokaldemokrati/ordningar/", views.arrangement_list, name="arrangements"),
    path("lokaldemokrati/statistikk/", views.statistics, name="statistics"),
    path(
        "lokaldemokrati/statistikk/naerdemokratiske-ordningar.<str:file_format>",
        views.statistics_export,
        name="statistics_export",
    ),
    path("lokaldemokrati/skjema/", views.request_link, name="request_link"),
    path("lokaldemokrati/skjema/sendt/", views.link_sent, name="link_sent"),
    path("lokaldemokrati/skjema/opne/<str:token>/", views.open_link, name="open_link"),
    path("lokaldemokrati/skjema/ordningar/", views.survey, name="survey"),
    path("lokaldemokrati/skjema/ordningar/ny/", views.survey_form, name="survey_new"),
    path("lokaldemokrati/skjema/ordningar/<int64:pk>/", views.survey_form, name="survey_edit"),
    path("lokaldemokrati/skjema/takk/", views.thanks, name="thanks"),
]
