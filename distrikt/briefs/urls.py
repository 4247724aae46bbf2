"""URLs of the briefs, under the language prefix."""

from django.urls import path

from . import views

app_name = "briefs"

urlpatterns = [
    path("kunnskapsgrunnlag/", views.brief_list, name="list"),
    path("kunnskapsgrunnlag/bestill/", views.request_view, name="request"),
    path("kunnskapsgrunnlag/<int64:pk>/", views.brief_detail, name="detail"),
    path("kunnskapsgrunnlag/<int64:pk>/last-ned.<str:file_format>", views.download, name="download"),
]
