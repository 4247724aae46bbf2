"""Views of the shop register, its forms, import/export, map, dashboard and accessibility.

Thin: parse input with a form, call a query or a service, render. A shop that the user may
not edit answers 404, so its existence is not revealed.
"""

import hashlib
from pathlib import Path
from urllib.parse import urlencode

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse, reverse_lazy
from django.utils.cache import patch_cache_control
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from axes.utils import reset as reset_login_failures

from distrikt.core import charts, maps
from distrikt.core.cache import page_cache
from distrikt.core.exports import csv_dialect_for, export_response
from distrikt.core.filtering import filter_list
from distrikt.core.ratelimit import count_attempt, is_rate_limited

from . import exports, grant_statistics, idporten, importers, services, statistics
from .forms import (
    GrantYearForm,
    KeyFiguresForm,
    MerchantPasswordResetForm,
    ServiceEndForm,
    ServiceStartForm,
    ShopFilterForm,
    ShopForm,
    ShopImportForm,
    current_year,
)
from .models import (
    ACCESSIBILITY_DATASET,
    GRANTS_DATASET,
    REGISTER_DATASET,
    SCHEMES_DATASET,
    AccessibilityRun,
    ImportJob,
    MerchantProfile,
    MunicipalityAccessibility,
    Shop,
    ShopAccessibility,
    ShopKeyFigures,
    ShopService,
    is_advisor,
)

LOGIN_URL = reverse_lazy("merkur:login")
merkur_login_required = login_required(login_url=LOGIN_URL)
IMPORT_REFRESH_SECONDS = 2


# What the public register pages show, and the query parameters the lists read.
REGISTER_DATASETS = (REGISTER_DATASET,)
SHOP_QUERY_PARAMS = (*ShopFilterForm.base_fields, "page")
# The dashboard shows the register, and the grant figures built from the cases and schemes.
DASHBOARD_DATASETS = (REGISTER_DATASET, GRANTS_DATASET, SCHEMES_DATASET)
DASHBOARD_QUERY_PARAMS = tuple(GrantYearForm.base_fields)


def _require_advisor(request: HttpRequest) -> None:
    if not is_advisor(request.user):
        raise PermissionDenied


def _editable_shop(request: HttpRequest, pk: int) -> Shop:
    return get_object_or_404(Shop.objects.visible_to(request.user).for_listing(), pk=pk)


@page_cache(datasets=REGISTER_DATASETS, query_params=SHOP_QUERY_PARAMS)
def shop_list(request: HttpRequest) -> HttpResponse:
    form = ShopFilterForm(request.GET or None)
    listing = filter_list(request, form, lambda _data: form.filter(Shop.objects.for_listing()), per_page=50)
    return render(
        request,
        "merkur/shop_list.html",
        {
            "form": form,
            "listing": listing,
            "page_obj": listing.page_obj,
            "filter_query": listing.query_string,
            "is_advisor": is_advisor(request.user),
        },
    )


def _county_outlines() -> dict[str, str]:
    path = getattr(
        settings, "MERKUR_COUNTY_GEOJSON", Path(settings.DATA_DIR) / "geo" / "fylke_2024_S.geojson"
    )
    return maps.boundary_paths(Path(path), "fylkesnummer") if Path(path).exists() else {}


@page_cache(datasets=REGISTER_DATASETS, query_params=SHOP_QUERY_PARAMS)
def shop_map(request: HttpRequest) -> HttpResponse:
    form = ShopFilterForm(request.GET or None)
    shops = form.filter(Shop.objects.for_listing())
    listing = filter_list(request, form, lambda _data: shops, per_page=100)
    return render(
        request,
        "merkur/shop_map.html",
        {
            "form": form,
            "listing": listing,
            "map": maps.SvgMap(
                shapes=[maps.MapShape(path=path) for path in _county_outlines().values()],
                points=maps.place(
                    shops.with_location(),
                    label=lambda shop: shop.name,
                    css_class=lambda shop: "is-active" if shop.status == "active" else "is-closed",
                ),
            ),
            "page_obj": listing.page_obj,
            "filter_query": listing.query_string,
        },
    )


def shop_detail(request: HttpRequest, pk: int) -> HttpResponse:
    shop = get_object_or_404(Shop.objects.for_listing(), pk=pk)
    may_edit = services.can_edit_shop(request.user, shop)
    figures = list(shop.key_figures.order_by("year")) if may_edit else []
    return render(
        request,
        "merkur/shop_detail.html",
        {
            "shop": shop,
            "may_edit": may_edit,
            "current_services": shop.current_service_periods(),
            "accessibility": ShopAccessibility.objects.filter(shop=shop).first(),
            "accessibility_run": AccessibilityRun.objects.first(),
            "key_figures": figures,
            "turnover_chart": charts.bar_chart(
                statistics.Row(str(row.year), row.turnover) for row in figures
            ),
            "report_year": current_year() - 1,
        },
    )


@merkur_login_required
def my_shops(request: HttpRequest) -> HttpResponse:
    shops = Shop.objects.visible_to(request.user).for_listing().order_by("name")
    return render(
        request,
        "merkur/my_shops.html",
        {
            "page_obj": Paginator(shops, 50).get_page(request.GET.get("page")),
            "is_advisor": is_advisor(request.user),
            "idporten_enabled": idporten.is_enabled(),
            "is_linked_to_idporten": MerchantProfile.objects.filter(
                user=request.user, idporten_pid_digest__isnull=False
            ).exists(),
        },
    )


@merkur_login_required
def shop_create(request: HttpRequest) -> HttpResponse:
    _require_advisor(request)
    form = ShopForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        shop = services.save_shop(form.save(commit=False), request.user, is_new=True)
        messages.success(request, _("Butikken er lagd inn i registeret."))
        return redirect("merkur:shop_detail", pk=shop.pk)
    return render(request, "merkur/shop_form.html", {"form": form, "shop": None})


@merkur_login_required
def shop_edit(request: HttpRequest, pk: int) -> HttpResponse:
    shop = _editable_shop(request, pk)
    form = ShopForm(request.POST or None, instance=shop)
    if request.method == "POST" and form.is_valid():
        services.save_shop(form.save(commit=False), request.user)
        messages.success(request, _("Endringane er lagra."))
        return redirect("merkur:shop_detail", pk=shop.pk)
    return render(request, "merkur/shop_form.html", {"form": form, "shop": shop})


def _services_page(
    request: HttpRequest, shop: Shop, start_form=None, end_errors=None, status=200
) -> HttpResponse:
    return render(
        request,
        "merkur/shop_services.html",
        {
            "shop": shop,
            "periods": ShopService.objects.filter(shop=shop).select_related("service"),
            "start_form": start_form or ServiceStartForm(),
            "end_errors": end_errors or {},
        },
        status=status,
    )


@merkur_login_required
def shop_services(request: HttpRequest, pk: int) -> HttpResponse:
    shop = _editable_shop(request, pk)
    if request.method != "POST":
        return _services_page(request, shop)
    form = ServiceStartForm(request.POST)
    if form.is_valid():
        try:
            services.start_service(
                shop,
                form.cleaned_data["service"],
                form.cleaned_data["started_on"],
                request.user,
                form.cleaned_data["note"],
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Tenesta er lagd til."))
            return redirect("merkur:shop_services", pk=shop.pk)
    return _services_page(request, shop, start_form=form, status=400)


@merkur_login_required
@require_POST
def service_end(request: HttpRequest, pk: int, period_pk: int) -> HttpResponse:
    shop = _editable_shop(request, pk)
    period = get_object_or_404(ShopService, pk=period_pk, shop=shop)
    form = ServiceEndForm(request.POST)
    if form.is_valid():
        try:
            services.end_service(period, form.cleaned_data["ended_on"], request.user)
        except ValidationError as error:
            form.add_error("ended_on", error)
        else:
            messages.success(request, _("Tenesteperioden er avslutta."))
            return redirect("merkur:shop_services", pk=shop.pk)
    return _services_page(
        request,
        shop,
        end_errors={period.pk: form.errors.get("ended_on", [])},
        status=400,
    )


@merkur_login_required
def key_figures(request: HttpRequest, pk: int, year: int) -> HttpResponse:
    shop = _editable_shop(request, pk)
    if not 2000 <= year <= current_year():
        raise Http404
    existing = ShopKeyFigures.objects.filter(shop=shop, year=year).first()
    initial = (
        {
            "turnover": existing.turnover,
            "result": existing.result,
            "customers": existing.customers,
            "services_income": existing.services_income,
        }
        if existing
        else None
    )
    form = KeyFiguresForm(request.POST or None, initial=initial)
    warnings: list[str] = []
    if request.method == "POST" and form.is_valid():
        values = services.KeyFigureValues(
            turnover=form.cleaned_data["turnover"],
            result=form.cleaned_data["result"],
            customers=form.cleaned_data["customers"],
            services_income=form.cleaned_data["services_income"],
        )
        warnings = services.plausibility_warnings(shop, year, values)
        if warnings and not form.cleaned_data["confirm_warnings"]:
            form.add_error(
                "confirm_warnings",
                _("Nokre tal har endra seg mykje. Sjekk dei, og kryss av for at dei er rette."),
            )
        else:
            services.save_key_figures(shop, year, values, request.user, warnings_confirmed=bool(warnings))
            messages.success(request, _("Nøkkeltala for %(year)s er lagra.") % {"year": year})
            return redirect("merkur:shop_detail", pk=shop.pk)
    return render(
        request,
        "merkur/key_figures_form.html",
        {
            "shop": shop,
            "year": year,
            "form": form,
            "warnings": warnings,
            "years": range(current_year(), current_year() - 6, -1),
        },
        status=400 if form.is_bound and not form.is_valid() else 200,
    )


@merkur_login_required
def shop_import(request: HttpRequest) -> HttpResponse:
    """Check the upload (type, size) and hand it to a background job; its page shows progress."""
    _require_advisor(request)
    form = ShopImportForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        job = services.start_shop_import(
            request.user,
            upload.name,
            upload.read(),
            import_valid_rows=form.cleaned_data["import_valid_rows"],
        )
        return redirect("merkur:import_job", pk=job.pk)
    return render(
        request,
        "merkur/shop_import.html",
        {"form": form, "columns": importers.COLUMNS},
        status=400 if form.is_bound else 200,
    )


@merkur_login_required
def import_job(request: HttpRequest, pk: int) -> HttpResponse:
    """Progress and, at the end, the report of one import; only for advisors."""
    job = get_object_or_404(ImportJob.objects.visible_to(request.user), pk=pk)
    return render(
        request,
        "merkur/import_job.html",
        {"job": job, "refresh_seconds": IMPORT_REFRESH_SECONDS},
    )


@merkur_login_required
def shop_export(request: HttpRequest, file_format: str = "xlsx") -> HttpResponse:
    """The shops the user may see, as Excel (with services and key figures) or CSV."""
    form = ShopFilterForm(request.GET or None)
    shops = form.filter(Shop.objects.visible_to(request.user))
    return export_response(
        exports.shops_tables(shops),
        file_format,
        "merkur-butikkar",
        dialect=csv_dialect_for(request),
        is_personal=True,
    )


def _grant_figures(request: HttpRequest) -> tuple[GrantYearForm, grant_statistics.GrantStatistics]:
    """The year form and the grant figures the user may see: advisors all, others decided grants."""
    is_full = is_advisor(request.user)
    form = GrantYearForm(request.GET or None, years=grant_statistics.cached_grant_years(is_full=is_full))
    return form, grant_statistics.cached_grant_statistics(form.selected_year(), is_full=is_full)


def _render_dashboard(
    request: HttpRequest, form: GrantYearForm, grants: grant_statistics.GrantStatistics
) -> HttpResponse:
    data = statistics.cached_dashboard()
    response = render(
        request,
        "merkur/dashboard.html",
        {
            "dashboard": data,
            "county_chart": charts.bar_chart(data.by_county),
            "centrality_chart": charts.bar_chart(data.by_centrality),
            "services_chart": charts.bar_chart(data.services_now),
            "closures_chart": charts.bar_chart(data.closures),
            "turnover_chart": charts.bar_chart(data.turnover_bands),
            "year_form": form,
            "grants": grants,
            "grants_by_year_chart": charts.bar_chart(
                grant_statistics.chart_rows(grants.by_year, "granted_sum")
            ),
            "grants_by_scheme_chart": charts.bar_chart(
                grant_statistics.chart_rows(grants.by_scheme, "granted_sum")
            ),
            "grants_by_county_chart": charts.bar_chart(
                grant_statistics.chart_rows(grants.by_county, "granted_sum")
            ),
            "budget_chart": charts.bar_chart(grant_statistics.budget_chart_rows(grants.budget)),
            "processing_chart": charts.bar_chart(
                grant_statistics.chart_rows(grants.processing_by_year, "median_days")
            ),
        },
        status=400 if form.is_bound and not form.is_valid() else 200,
    )
    if grants.is_full:
        # Pending and refused cases are for the advisors: no shared cache may keep them.
        patch_cache_control(response, private=True, no_store=True)
    return response


@page_cache(datasets=DASHBOARD_DATASETS, query_params=DASHBOARD_QUERY_PARAMS)
def dashboard(request: HttpRequest) -> HttpResponse:
    form, grants = _grant_figures(request)
    return _render_dashboard(request, form, grants)


@page_cache(datasets=DASHBOARD_DATASETS, query_params=DASHBOARD_QUERY_PARAMS)
def dashboard_export(request: HttpRequest) -> HttpResponse:
    """Every table of the dashboard, the grant tables for the chosen year included, as Excel."""
    form, grants = _grant_figures(request)
    if form.is_bound and not form.is_valid():
        return _render_dashboard(request, form, grants)
    return export_response(
        [*exports.dashboard_tables(statistics.cached_dashboard()), *exports.grant_tables(grants)],
        "xlsx",
        f"merkur-statistikk-{grants.year}",
        is_personal=grants.is_full,
    )


@page_cache(datasets=(*REGISTER_DATASETS, ACCESSIBILITY_DATASET))
def accessibility(request: HttpRequest) -> HttpResponse:
    shop_rows = ShopAccessibility.objects.select_related("shop__municipality").order_by(
        "-population_next_over_10km", "shop__name"
    )
    municipality_rows = (
        MunicipalityAccessibility.objects.select_related("municipality")
        .filter(population_over_10km__gt=0)
        .order_by("-population_over_10km")
    )
    return render(
        request,
        "merkur/accessibility.html",
        {
            "run": AccessibilityRun.objects.first(),
            "critical": shop_rows.filter(is_critical=True),
            "shop_rows": shop_rows[:50],
            "municipality_rows": municipality_rows[:50],
        },
    )


class MerchantLoginView(auth_views.LoginView):
    """Login for merchants and advisors, outside the Wagtail admin; with ID-porten when it is on."""

    template_name = "merkur/registration/login.html"
    redirect_authenticated_user = True

    def get_default_redirect_url(self) -> str:
        return reverse("merkur:my_shops")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        if idporten.is_enabled():
            next_url = self.get_redirect_url()
            login_url = reverse("merkur:idporten_login")
            context["idporten_login_url"] = (
                f"{login_url}?{urlencode({'next': next_url})}" if next_url else login_url
            )
        return context


class MerchantLogoutView(auth_views.LogoutView):
    """Log out and return to the shop register; a session from ID-porten ends there too."""

    next_page = reverse_lazy("merkur:shop_list")

    def post(self, request, *args, **kwargs):
        end_session_url = idporten.logout_url(request)
        response = super().post(request, *args, **kwargs)
        if not end_session_url:
            return response
        # A page that moves on at once, not a redirect: the logout form's redirect to another
        # origin would break the site's Content-Security-Policy (form-action 'self').
        return render(request, "merkur/idporten/logged_out.html", {"end_session_url": end_session_url})


def _password_reset_address_key(email: str) -> str:
    # The counter key names no address in clear (the rate-limit table is not personal data).
    return "merkur:password-reset:" + hashlib.sha256(email.strip().casefold().encode()).hexdigest()


class MerchantPasswordResetView(auth_views.PasswordResetView):
    """Ask for a new password by e-mail. The answer is the same whether the address is known or not;
    a client address that asks too often is refused, and an e-mail address gets at most
    MERKUR_PASSWORD_RESET_RATE_LIMIT messages per window (more are silently not sent)."""

    form_class = MerchantPasswordResetForm
    template_name = "merkur/registration/password_reset_form.html"
    email_template_name = "merkur/email/password_reset.txt"
    success_url = reverse_lazy("merkur:password_reset_done")

    def post(self, request: HttpRequest, *args, **kwargs) -> HttpResponse:
        if is_rate_limited(
            request,
            "merkur:password-reset",
            settings.MERKUR_PASSWORD_RESET_CLIENT_RATE_LIMIT,
            settings.MERKUR_PASSWORD_RESET_RATE_WINDOW,
        ):
            form = self.get_form()
            form.is_valid()
            form.add_error(None, _("Du har bede om nytt passord for mange gonger. Vent litt og prøv igjen."))
            return self.render_to_response(self.get_context_data(form=form), status=429)
        return super().post(request, *args, **kwargs)

    def form_valid(self, form: MerchantPasswordResetForm) -> HttpResponse:
        limit = settings.MERKUR_PASSWORD_RESET_RATE_LIMIT
        window = settings.MERKUR_PASSWORD_RESET_RATE_WINDOW
        if limit and count_attempt(_password_reset_address_key(form.cleaned_data["email"]), window) > limit:
            return HttpResponseRedirect(self.get_success_url())
        return super().form_valid(form)


class MerchantPasswordResetDoneView(auth_views.PasswordResetDoneView):
    template_name = "merkur/registration/password_reset_done.html"


class MerchantPasswordResetConfirmView(auth_views.PasswordResetConfirmView):
    """Set the new password from the e-mailed link; it also lifts a login lockout of the user
    (django-axes), since whoever holds the link has shown they own the account."""

    template_name = "merkur/registration/password_reset_confirm.html"
    success_url = reverse_lazy("merkur:password_reset_complete")

    def form_valid(self, form) -> HttpResponse:
        response = super().form_valid(form)
        reset_login_failures(username=form.user.get_username())
        return response


class MerchantPasswordResetCompleteView(auth_views.PasswordResetCompleteView):
    template_name = "merkur/registration/password_reset_complete.html"
