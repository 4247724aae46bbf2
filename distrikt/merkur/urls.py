"""URLs of the shop register under /merkur-register/ (inside the language prefix)."""

from django.urls import path

from . import views

app_name = "merkur"

urlpatterns = [
    path("merkur-register/", views.shop_list, name="shop_list"),
    path("merkur-register/kart/", views.shop_map, name="shop_map"),
    path("merkur-register/statistikk/", views.dashboard, name="dashboard"),
    path(
        "merkur-register/statistikk/excel/",
        views.dashboard_export,
        name="dashboard_export",
    ),
    path("merkur-register/tilgjenge/", views.accessibility, name="accessibility"),
    path("merkur-register/mine/", views.my_shops, name="my_shops"),
    path("merkur-register/ny/", views.shop_create, name="shop_create"),
    path("merkur-register/import/", views.shop_import, name="shop_import"),
    path("merkur-register/import/<int64:pk>/", views.import_job, name="import_job"),
    path("merkur-register/excel/", views.shop_export, name="shop_export"),
    path(
        "merkur-register/csv/",
        views.shop_export,
        {"file_format": "csv"},
        name="shop_export_csv",
    ),
    path("merkur-register/logg-inn/", views.MerchantLoginView.as_view(), name="login"),
    path("merkur-register/logg-ut/", views.MerchantLogoutView.as_view(), name="logout"),
    path("merkur-register/butikk/<int64:pk>/", views.shop_detail, name="shop_detail"),
    path("merkur-register/butikk/<int64:pk>/endre/", views.shop_edit, name="shop_edit"),
    path(
        "merkur-register/butikk/<int64:pk>/tenester/",
        views.shop_services,
        name="shop_services",
    ),
    path(
        "merkur-register/butikk/<int64:pk>/tenester/<int64:period_pk>/avslutt/",
        views.service_end,
        name="service_end",
    ),
    path(
        "merkur-register/butikk/<int64:pk>/nokkeltal/<int64:year>/",
        views.key_figures,
        name="key_figures",
    ),
]
