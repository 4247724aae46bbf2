"""URLs of the shop register under /merkur-register/ (inside the language prefix)."""

from django.urls import path

from . import case_views, idporten_views, portal_views, views

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
    path("merkur-register/glemt-passord/", views.MerchantPasswordResetView.as_view(), name="password_reset"),
    path(
        "merkur-register/glemt-passord/sendt/",
        views.MerchantPasswordResetDoneView.as_view(),
        name="password_reset_done",
    ),
    path(
        "merkur-register/nytt-passord/<uidb64>/<token>/",
        views.MerchantPasswordResetConfirmView.as_view(),
        name="password_reset_confirm",
    ),
    path(
        "merkur-register/nytt-passord/ferdig/",
        views.MerchantPasswordResetCompleteView.as_view(),
        name="password_reset_complete",
    ),
    # ID-porten (404 while it is not configured). The callback is registered at ID-porten.
    path(
        "merkur-register/id-porten/logg-inn/",
        idporten_views.IdPortenLoginView.as_view(),
        name="idporten_login",
    ),
    path(
        "merkur-register/id-porten/tilbake/",
        idporten_views.IdPortenCallbackView.as_view(),
        name="idporten_callback",
    ),
    path("merkur-register/id-porten/fjern-kopling/", idporten_views.idporten_unlink, name="idporten_unlink"),
    path(
        "merkur-register/id-porten/ingen-tilgang/",
        idporten_views.idporten_no_access,
        name="idporten_no_access",
    ),
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

urlpatterns += [
    path("merkur-register/soknader/", portal_views.application_list, name="application_list"),
    path("merkur-register/soknader/ny/", portal_views.application_start, name="application_start"),
    path("merkur-register/soknader/<int64:pk>/", portal_views.application_detail, name="application_detail"),
    path(
        "merkur-register/soknader/<int64:pk>/endre/", portal_views.application_edit, name="application_edit"
    ),
    path(
        "merkur-register/soknader/<int64:pk>/trekk/",
        portal_views.application_withdraw,
        name="application_withdraw",
    ),
    path(
        "merkur-register/soknader/<int64:pk>/vedlegg/",
        portal_views.attachment_upload,
        name="attachment_upload",
    ),
    path(
        "merkur-register/soknader/<int64:pk>/vedlegg/<int64:attachment_pk>/",
        portal_views.attachment_download,
        name="attachment_download",
    ),
    path(
        "merkur-register/soknader/<int64:pk>/vedtak/<int64:decision_pk>/",
        portal_views.decision_letter,
        name="decision_letter",
    ),
    path(
        "merkur-register/soknader/<int64:pk>/vedtak/<int64:decision_pk>/klage/",
        portal_views.appeal,
        name="appeal",
    ),
    path(
        "merkur-register/soknader/<int64:pk>/utbetaling/",
        portal_views.payment_request,
        name="payment_request",
    ),
    path(
        "merkur-register/soknader/<int64:pk>/sluttrapport/",
        portal_views.final_report,
        name="final_report",
    ),
    path(
        "merkur-register/soknader/<int64:pk>/fraasegn/",
        portal_views.statement_request,
        name="statement_request",
    ),
    path(
        "merkur-register/fraasegn/<str:token>/",
        portal_views.municipality_statement,
        name="municipality_statement",
    ),
    path("merkur-register/saker/", case_views.case_queue, name="case_queue"),
    path("merkur-register/saker/<int64:pk>/", case_views.case_detail, name="case_detail"),
    path(
        "merkur-register/saker/<int64:pk>/arkivpakke/",
        case_views.case_archive_package,
        name="case_archive_package",
    ),
    path("merkur-register/saker/<int64:pk>/<slug:action>/", case_views.case_action, name="case_action"),
]
