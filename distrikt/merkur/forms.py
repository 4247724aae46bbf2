"""Forms of the Merkur register. Messages are Nynorsk; bound forms keep what was typed."""

from collections.abc import Mapping, Set
from dataclasses import dataclass

from django import forms
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.forms import PasswordResetForm
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator
from django.db.models import Model, Q
from django.forms.models import construct_instance
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from distrikt.core.outbox import queue_mail
from distrikt.municipalities.models import County, Municipality

from .attachments import CheckedFile, check_attachment
from .models import (
    ADVISOR_GROUP_NAME,
    Application,
    ApplicationStatus,
    BudgetLine,
    Chain,
    DecisionOutcome,
    ExtraService,
    PaymentRequest,
    Shop,
    ShopStatus,
    SupportScheme,
)
from .notices import absolute_url
from .validators import normalise_organisation_number, validate_organisation_number


class DesignsystemetFormMixin:
    """Give every widget Designsystemet's input class."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            field.widget.attrs.setdefault("class", "ds-input")


SORT_CHOICES = [
    ("name", _("Namn (A–Å)")),
    ("-name", _("Namn (Å–A)")),
    ("municipality", _("Kommune")),
    ("county", _("Fylke")),
    ("chain", _("Kjede")),
    ("-member_since", _("Nyaste medlem først")),
]
SORT_FIELDS = {
    "name": ["name"],
    "-name": ["-name"],
    "municipality": ["municipality__name", "name"],
    "county": ["municipality__county__code", "municipality__name", "name"],
    "chain": ["chain__name", "name"],
    "-member_since": ["-member_since", "name"],
}


class ShopFilterForm(DesignsystemetFormMixin, forms.Form):
    """Filters shared by the shop list, the map, the exports and the API."""

    county = forms.ModelChoiceField(
        label=_("Fylke"),
        queryset=County.objects.current(),
        to_field_name="code",
        required=False,
        empty_label=_("Alle fylke"),
    )
    chain = forms.ModelChoiceField(
        label=_("Kjede eller profil"),
        queryset=Chain.objects.all(),
        to_field_name="slug",
        required=False,
        empty_label=_("Alle kjeder"),
    )
    service = forms.ModelChoiceField(
        label=_("Tilleggsteneste"),
        queryset=ExtraService.objects.all(),
        to_field_name="slug",
        required=False,
        empty_label=_("Alle tenester"),
    )
    status = forms.ChoiceField(
        label=_("Status"),
        choices=[("", _("Alle")), *ShopStatus.choices],
        required=False,
    )
    sort = forms.ChoiceField(label=_("Sorter etter"), choices=SORT_CHOICES, required=False)

    def filter(self, shops):
        """Apply the valid filters and the sort order to a shop queryset."""
        if not self.is_valid():
            return shops.order_by("name")
        data = self.cleaned_data
        if data["county"]:
            shops = shops.in_county(data["county"].code)
        if data["chain"]:
            shops = shops.of_chain(data["chain"])
        if data["service"]:
            shops = shops.offering(data["service"])
        if data["status"]:
            shops = shops.filter(status=data["status"])
        return shops.order_by(*SORT_FIELDS.get(data["sort"] or "name", ["name"]))


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, attrs=None):
        super().__init__(attrs=attrs, format="%Y-%m-%d")


class ShopForm(DesignsystemetFormMixin, forms.ModelForm):
    """The register entry of a shop, for advisors and the shop's merchants."""

    organisation_number = forms.CharField(
        label=_("Organisasjonsnummer"),
        max_length=15,
        help_text=_("Ni siffer frå Einingsregisteret. Mellomrom går fint."),
    )
    municipality = forms.ModelChoiceField(label=_("Kommune"), queryset=Municipality.objects.current())

    class Meta:
        model = Shop
        fields = [
            "name",
            "organisation_number",
            "address",
            "postcode",
            "post_town",
            "municipality",
            "latitude",
            "longitude",
            "chain",
            "contact_name",
            "contact_email",
            "contact_phone",
            "member_since",
            "status",
            "closed_on",
            "closure_reason",
            "opening_hours",
            "floor_area",
            "employees",
        ]
        widgets = {
            "member_since": DateInput(),
            "closed_on": DateInput(),
            "opening_hours": forms.Textarea(attrs={"rows": 3}),
            "closure_reason": forms.Textarea(attrs={"rows": 3}),
        }

    def clean_organisation_number(self) -> str:
        return normalise_organisation_number(self.cleaned_data["organisation_number"])

    def clean_latitude(self):
        value = self.cleaned_data.get("latitude")
        if value is not None and not 57 <= value <= 72:
            raise forms.ValidationError(_("Breiddegraden må liggje mellom 57 og 72 (Noreg)."))
        return value

    def clean_longitude(self):
        value = self.cleaned_data.get("longitude")
        if value is not None and not 4 <= value <= 32:
            raise forms.ValidationError(_("Lengdegraden må liggje mellom 4 og 32 (Noreg)."))
        return value

    def clean_postcode(self) -> str:
        value = self.cleaned_data.get("postcode", "").strip()
        if value and (len(value) != 4 or not (value.isascii() and value.isdigit())):
            raise forms.ValidationError(_("Postnummeret må ha fire siffer."))
        return value

    def clean(self):
        data = super().clean()
        status = data.get("status")
        if status == ShopStatus.CLOSED:
            if not data.get("closed_on"):
                self.add_error("closed_on", _("Skriv inn datoen butikken vart lagd ned."))
            if not data.get("closure_reason", "").strip():
                self.add_error("closure_reason", _("Skriv kvifor butikken vart lagd ned."))
        elif status == ShopStatus.ACTIVE and data.get("closed_on"):
            self.add_error(
                "closed_on",
                _("Ein butikk i drift kan ikkje ha nedleggingsdato. Vel «nedlagd» eller tøm feltet."),
            )
        if (data.get("latitude") is None) != (data.get("longitude") is None):
            self.add_error(
                "longitude",
                _("Fyll inn både breiddegrad og lengdegrad, eller ingen av dei."),
            )
        return data


class LookupChoiceField(forms.ModelChoiceField):
    """A model choice found in a dict loaded beforehand (`instances`, keyed by primary key as
    text) instead of one query per form; the same messages as ModelChoiceField."""

    instances: Mapping[str, Model] = {}

    def to_python(self, value):
        if value in self.empty_values:
            return None
        try:
            return self.instances[str(value)]
        except KeyError:
            raise forms.ValidationError(
                self.error_messages["invalid_choice"], code="invalid_choice", params={"value": value}
            ) from None


@dataclass(frozen=True)
class ShopRowLookups:
    """What checking an import row needs from the database, loaded once for the whole file."""

    municipalities: Mapping[str, Municipality]
    chains: Mapping[str, Chain]
    numbers_in_use: Set[str]

    @classmethod
    def load(cls) -> "ShopRowLookups":
        return cls(
            municipalities={str(m.pk): m for m in Municipality.objects.current()},
            chains={str(chain.pk): chain for chain in Chain.objects.all()},
            numbers_in_use=frozenset(Shop.objects.values_list("organisation_number", flat=True)),
        )


class ShopRowForm(ShopForm):
    """One row of an import file: the register's form and messages, but a new shop is always
    in operation (no status or closure fields), and the lookups are loaded once for the
    file (`ShopRowLookups`), so checking a row asks the database nothing."""

    municipality = LookupChoiceField(label=_("Kommune"), queryset=Municipality.objects.current())
    chain = Shop._meta.get_field("chain").formfield(form_class=LookupChoiceField)

    class Meta(ShopForm.Meta):
        fields = [
            name for name in ShopForm.Meta.fields if name not in ("status", "closed_on", "closure_reason")
        ]

    def __init__(self, *args, lookups: ShopRowLookups, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.lookups = lookups
        self.fields["municipality"].instances = lookups.municipalities
        self.fields["chain"].instances = lookups.chains

    def _post_clean(self) -> None:
        # As ModelForm's, without the model's check constraint: it concerns only the status
        # and closure fields, which a row cannot set, and Django checks it with a query.
        exclude = self._get_validation_exclusions()
        try:
            self.instance = construct_instance(self, self.instance, self._meta.fields, self._meta.exclude)
            self.instance.full_clean(exclude=exclude, validate_unique=False, validate_constraints=False)
        except forms.ValidationError as error:
            self._update_errors(error)
        if self._validate_unique:
            self.validate_unique()

    def _get_validation_exclusions(self) -> set[str]:
        # The municipality and chain were found among the rows loaded for the file, so the
        # model need not ask the database again whether they exist.
        return super()._get_validation_exclusions() | {"municipality", "chain"}

    def validate_unique(self) -> None:
        # Only the organisation number is unique; it is looked up in the numbers loaded
        # beforehand. A shop saved since then makes the save fail (IntegrityError): nothing is saved.
        if "organisation_number" in self._get_validation_exclusions():
            return
        if self.cleaned_data.get("organisation_number") in self.lookups.numbers_in_use:
            error = self.instance.unique_error_message(Shop, ("organisation_number",))
            self._update_errors(forms.ValidationError({"organisation_number": [error]}))


class GrantYearForm(DesignsystemetFormMixin, forms.Form):
    """The year of the dashboard's grant figures: one of the years that have figures (empty: the latest)."""

    year = forms.TypedChoiceField(
        label=_("År"),
        coerce=int,
        required=False,
        empty_value=None,
        error_messages={
            "invalid_choice": _("Det finst ingen tilskotstal for «%(value)s». Vel eit år frå lista."),
        },
    )

    def __init__(self, *args, years: list[int], **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["year"].choices = [(year, str(year)) for year in years]
        self.latest_year = years[0]

    def selected_year(self) -> int:
        """The year asked for, or the latest when none (or a wrong one) was asked for."""
        if self.is_bound and self.is_valid() and self.cleaned_data["year"] is not None:
            return self.cleaned_data["year"]
        return self.latest_year


class ServiceStartForm(DesignsystemetFormMixin, forms.Form):
    """Start offering an extra service."""

    service = forms.ModelChoiceField(label=_("Teneste"), queryset=ExtraService.objects.all())
    started_on = forms.DateField(label=_("Startdato"), widget=DateInput())
    note = forms.CharField(label=_("Merknad"), max_length=200, required=False)


class ServiceEndForm(DesignsystemetFormMixin, forms.Form):
    """End an open service period."""

    ended_on = forms.DateField(label=_("Sluttdato"), widget=DateInput())


def current_year() -> int:
    return timezone.localdate().year


# The limits of the columns in ShopKeyFigures: bigint for kroner, integer for customers.
MAX_BIGINT = 2**63 - 1
MIN_BIGINT = -(2**63)
MAX_INTEGER = 2**31 - 1
TOO_LARGE = _("Talet er for stort. Det kan vere høgst %(limit_value)s.")
TOO_SMALL = _("Talet er for lite. Det kan vere minst %(limit_value)s.")


class KeyFiguresForm(DesignsystemetFormMixin, forms.Form):
    """A year's key figures; implausible changes need the confirmation box ticked."""

    turnover = forms.IntegerField(
        label=_("Omsetnad (kr)"),
        min_value=0,
        max_value=MAX_BIGINT,
        error_messages={"min_value": _("Omsetnaden kan ikkje vere negativ."), "max_value": TOO_LARGE},
    )
    result = forms.IntegerField(
        label=_("Resultat (kr)"),
        help_text=_("Driftsresultat. Kan vere negativt."),
        min_value=MIN_BIGINT,
        max_value=MAX_BIGINT,
        error_messages={"min_value": TOO_SMALL, "max_value": TOO_LARGE},
    )
    customers = forms.IntegerField(
        label=_("Tal på kundar"),
        min_value=0,
        max_value=MAX_INTEGER,
        required=False,
        help_text=_("Om de kjenner det, til dømes frå kassesystemet."),
        error_messages={"min_value": _("Talet på kundar kan ikkje vere negativt."), "max_value": TOO_LARGE},
    )
    services_income = forms.IntegerField(
        label=_("Inntekter frå tilleggstenester (kr)"),
        min_value=0,
        max_value=MAX_BIGINT,
        required=False,
        error_messages={"min_value": _("Inntektene kan ikkje vere negative."), "max_value": TOO_LARGE},
    )
    confirm_warnings = forms.BooleanField(
        label=_("Eg har sjekka tala med store endringar, og dei er rette."),
        required=False,
    )

    def clean(self):
        data = super().clean()
        turnover = data.get("turnover")
        income = data.get("services_income")
        if turnover is not None and income is not None and income > turnover:
            self.add_error(
                "services_income",
                _("Inntektene frå tilleggstenester kan ikkje vere større enn omsetnaden."),
            )
        return data


IMPORT_EXTENSIONS = (".xlsx", ".csv")


class ShopImportForm(DesignsystemetFormMixin, forms.Form):
    """Upload of a shop list; nothing is written unless every row passes, by default."""

    file = forms.FileField(
        label=_("Fil (Excel .xlsx eller CSV)"),
        help_text=_("Første rad er kolonnenamn. Sjå kolonnane under."),
    )
    import_valid_rows = forms.BooleanField(
        label=_("Importer dei gyldige radene sjølv om nokre rader har feil"),
        required=False,
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        max_bytes = settings.MERKUR_IMPORT_MAX_BYTES
        name = upload.name.lower()
        if not name.endswith(IMPORT_EXTENSIONS):
            raise forms.ValidationError(_("Fila må vere ei Excel-fil (.xlsx) eller ei CSV-fil (.csv)."))
        if upload.size > max_bytes:
            raise forms.ValidationError(
                _("Fila er for stor. Største tillatne storleik er %(size)s MB.")
                % {"size": max_bytes // (1024 * 1024)}
            )
        head = upload.read(4)
        upload.seek(0)
        if name.endswith(".xlsx") and head[:2] != b"PK":
            raise forms.ValidationError(
                _("Fila ser ikkje ut som ei Excel-fil (.xlsx). Lagra du ho i rett format?")
            )
        if name.endswith(".csv") and (head[:2] == b"PK" or b"\x00" in upload.read(8192)):
            raise forms.ValidationError(
                _("Fila ser ikkje ut som ei CSV-fil. Lagra du ho som «CSV UTF-8» i Excel?")
            )
        upload.seek(0)
        return upload


# Upper bounds that keep every number a person can type inside the database's range and
# far above anything real (no shop sells for NOK 10 billion).
MAX_KRONER = 10_000_000_000
MAX_GRANT_KRONER = 100_000_000
MAX_HOUSEHOLDS = 1_000_000
MAX_LITRES = 100_000_000


class ApplicationStartForm(DesignsystemetFormMixin, forms.Form):
    """Choose the scheme and (if the merchant has several) the shop."""

    scheme = forms.ModelChoiceField(
        label=_("Ordning"), queryset=SupportScheme.objects.none(), empty_label=_("Vel ordning")
    )
    shop = forms.ModelChoiceField(
        label=_("Butikk"), queryset=Shop.objects.none(), empty_label=_("Vel butikk")
    )

    def __init__(self, *args, user, today, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["scheme"].queryset = SupportScheme.objects.open_on(today)
        self.fields["shop"].queryset = Shop.objects.visible_to(user).active().order_by("name")


class ApplicationForm(DesignsystemetFormMixin, forms.ModelForm):
    """The merchant's application; every field may stay empty in a draft."""

    class Meta:
        model = Application
        fields = [
            "organisation_number",
            "enterprise_name",
            "turnover",
            "households",
            "distance_km",
            "has_no_road_link",
            "fuel_litres",
            "extra_services",
            "project_description",
            "shop_benefit",
            "community_benefit",
            "municipality",
            "requested_amount",
        ]
        widgets = {"extra_services": forms.CheckboxSelectMultiple}

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["municipality"].queryset = Municipality.objects.current().order_by("name")
        self.fields["extra_services"].widget.attrs.pop("class", None)
        self.fields["extra_services"].help_text = _(
            "Kryss av dei tenestene butikken tilbyr og kan dokumentere."
        )
        bounds = {
            "turnover": MAX_KRONER,
            "requested_amount": MAX_GRANT_KRONER,
            "households": MAX_HOUSEHOLDS,
            "fuel_litres": MAX_LITRES,
        }
        for name, limit in bounds.items():
            self.fields[name].max_value = limit
            self.fields[name].validators.append(MaxValueValidator(limit))
            self.fields[name].widget.attrs["max"] = limit
        self.fields["distance_km"].min_value = 0

    def clean_organisation_number(self) -> str:
        value = normalise_organisation_number(self.cleaned_data.get("organisation_number", ""))
        if value:
            validate_organisation_number(value)
        return value


class BudgetLineForm(DesignsystemetFormMixin, forms.ModelForm):
    class Meta:
        model = BudgetLine
        fields = ["kind", "description", "amount"]

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["amount"].max_value = MAX_GRANT_KRONER
        self.fields["amount"].validators.append(MaxValueValidator(MAX_GRANT_KRONER))


BudgetLineFormSet = forms.inlineformset_factory(
    Application, BudgetLine, form=BudgetLineForm, extra=2, can_delete=True, max_num=50, validate_max=True
)


class AttachmentForm(DesignsystemetFormMixin, forms.Form):
    file = forms.FileField(label=_("Vedlegg (PDF, JPEG eller PNG)"))
    description = forms.CharField(label=_("Kva vedlegget er"), max_length=200, required=False)

    def clean_file(self):
        try:
            return check_attachment(self.cleaned_data["file"])
        except ValidationError as error:
            raise forms.ValidationError(error.messages) from error


class MessageForm(DesignsystemetFormMixin, forms.Form):
    text = forms.CharField(label=_("Melding"), widget=forms.Textarea(attrs={"rows": 4}), max_length=5000)


def advisor_users():
    return (
        get_user_model()
        .objects.filter(Q(is_superuser=True) | Q(groups__name=ADVISOR_GROUP_NAME), is_active=True)
        .distinct()
        .order_by("username")
    )


class CaseQueueFilterForm(DesignsystemetFormMixin, forms.Form):
    """Filters of the advisors' queue."""

    scheme = forms.ModelChoiceField(
        label=_("Ordning"),
        queryset=SupportScheme.objects.all(),
        to_field_name="slug",
        required=False,
        empty_label=_("Alle ordningar"),
    )
    county = forms.ModelChoiceField(
        label=_("Fylke"),
        queryset=County.objects.current(),
        to_field_name="code",
        required=False,
        empty_label=_("Alle fylke"),
    )
    status = forms.ChoiceField(
        label=_("Status"), choices=[("", _("Alle opne saker")), *ApplicationStatus.choices], required=False
    )
    advisor = forms.ModelChoiceField(
        label=_("Sakshandsamar"),
        queryset=get_user_model().objects.none(),
        required=False,
        empty_label=_("Alle sakshandsamarar"),
    )
    deadline_before = forms.DateField(
        label=_("Frist før"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )

    OPEN_STATUSES = (
        ApplicationStatus.SUBMITTED,
        ApplicationStatus.UNDER_ASSESSMENT,
        ApplicationStatus.MORE_INFORMATION_REQUESTED,
        ApplicationStatus.GRANTED,
        ApplicationStatus.PARTIALLY_PAID,
        ApplicationStatus.PAID,
        ApplicationStatus.REPORTED,
    )

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["advisor"].queryset = advisor_users()

    def filter(self, applications, data):
        return self._narrow(applications, data, is_counting=False).order_by("deadline", "submitted_at", "pk")

    def count(self, data) -> int:
        """How many cases ``filter()`` gives, counted the cheap way (one COUNT, no join unless
        a county is chosen)."""
        return self._narrow(Application.objects.all(), data, is_counting=True).count()

    def _narrow(self, applications, data, *, is_counting: bool):
        status = data.get("status")
        if status:
            applications = applications.filter(status=status)
        elif is_counting:
            # The status index counts the open cases without reading a row.
            applications = applications.in_status(*self.OPEN_STATUSES)
        else:
            # Listing one page: walk the queue's order instead (see in_common_status).
            applications = applications.in_common_status(*self.OPEN_STATUSES)
        if data.get("scheme"):
            applications = applications.filter(scheme=data["scheme"])
        if data.get("county"):
            applications = applications.filter(shop__municipality__county=data["county"])
        if data.get("advisor"):
            applications = applications.filter(assigned_advisor=data["advisor"])
        if data.get("deadline_before"):
            applications = applications.filter(deadline__lt=data["deadline_before"])
        return applications


class AssignForm(DesignsystemetFormMixin, forms.Form):
    advisor = forms.ModelChoiceField(label=_("Sakshandsamar"), queryset=get_user_model().objects.none())

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["advisor"].queryset = advisor_users()


class NoteForm(DesignsystemetFormMixin, forms.Form):
    text = forms.CharField(label=_("Notat"), widget=forms.Textarea(attrs={"rows": 3}), max_length=5000)


class InformationRequestForm(DesignsystemetFormMixin, forms.Form):
    text = forms.CharField(label=_("Kva manglar?"), widget=forms.Textarea(attrs={"rows": 4}), max_length=5000)
    answer_by = forms.DateField(label=_("Svarfrist"), widget=forms.DateInput(attrs={"type": "date"}))


class ConflictForm(DesignsystemetFormMixin, forms.Form):
    explanation = forms.CharField(
        label=_("Kvifor er du inhabil?"), widget=forms.Textarea(attrs={"rows": 3}), max_length=2000
    )


class DecisionForm(DesignsystemetFormMixin, forms.Form):
    """Grant or refusal; the reasons are always required (forvaltningslova § 24)."""

    outcome = forms.ChoiceField(label=_("Vedtak"), choices=DecisionOutcome.choices, widget=forms.RadioSelect)
    amount = forms.IntegerField(
        label=_("Innvilga beløp (kr)"), required=False, min_value=1, max_value=MAX_GRANT_KRONER
    )
    conditions = forms.CharField(
        label=_("Vilkår"), widget=forms.Textarea(attrs={"rows": 3}), required=False, max_length=5000
    )
    use_deadline = forms.DateField(
        label=_("Frist for bruk og sluttrapport"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
    )
    justification = forms.CharField(
        label=_("Grunngiving"),
        widget=forms.Textarea(attrs={"rows": 6}),
        max_length=20000,
        help_text=_("Vis til reglane og dei faktiske forholda vedtaket byggjer på."),
    )

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["outcome"].widget.attrs.pop("class", None)

    def clean(self):
        data = super().clean()
        if data.get("outcome") == DecisionOutcome.GRANT:
            if not data.get("amount"):
                self.add_error("amount", _("Skriv kor mykje som blir innvilga."))
            if not data.get("use_deadline"):
                self.add_error("use_deadline", _("Set ein frist for bruk av tilskotet."))
        return data


class PaymentRequestChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj) -> str:
        kind = _("sluttutbetaling") if obj.is_final else _("delutbetaling")
        return _("%(date)s: %(amount)s kr (%(kind)s)") % {
            "date": f"{timezone.localtime(obj.requested_at):%d.%m.%Y}",
            "amount": obj.amount,
            "kind": kind,
        }


class PaymentForm(DesignsystemetFormMixin, forms.Form):
    """A payment against the grant, against one of the merchant's open requests where there is one."""

    payment_request = PaymentRequestChoiceField(
        label=_("Førespurnad frå kjøpmannen"),
        queryset=PaymentRequest.objects.none(),
        required=False,
        empty_label=_("Utan førespurnad"),
    )
    amount = forms.IntegerField(label=_("Beløp (kr)"), min_value=1, max_value=MAX_GRANT_KRONER)
    is_final = forms.BooleanField(label=_("Sluttutbetaling"), required=False)

    def __init__(self, *args, application: Application | None = None, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        if application is not None:
            self.fields["payment_request"].queryset = PaymentRequest.objects.filter(
                application=application
            ).open()


class PaymentRequestRefusalForm(DesignsystemetFormMixin, forms.Form):
    """The advisor refuses one of the merchant's open payment requests, with reasons."""

    payment_request = PaymentRequestChoiceField(
        label=_("Førespurnad som blir avslått"), queryset=PaymentRequest.objects.none()
    )
    reason = forms.CharField(
        label=_("Grunngiving"), widget=forms.Textarea(attrs={"rows": 3}), max_length=5000
    )

    def __init__(self, *args, application: Application | None = None, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        if application is not None:
            self.fields["payment_request"].queryset = PaymentRequest.objects.filter(
                application=application
            ).open()


class MultipleFileInput(forms.FileInput):
    allow_multiple_selected = True


MAX_REQUEST_ATTACHMENTS = 5


class MultipleAttachmentField(forms.FileField):
    """Several files in one input; each is checked like an application attachment."""

    def __init__(self, *args, **kwargs) -> None:
        kwargs.setdefault("widget", MultipleFileInput())
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None) -> list[CheckedFile]:
        uploads = [upload for upload in (data if isinstance(data, list | tuple) else [data]) if upload]
        if not uploads:
            if self.required:
                raise forms.ValidationError(self.error_messages["required"], code="required")
            return []
        if len(uploads) > MAX_REQUEST_ATTACHMENTS:
            raise forms.ValidationError(
                _("Du kan leggje ved høgst %(count)s filer.") % {"count": MAX_REQUEST_ATTACHMENTS},
                code="too_many",
            )
        checked, errors = [], []
        for upload in uploads:
            try:
                checked.append(check_attachment(super().clean(upload, initial)))
            except ValidationError as error:
                errors += [f"{upload.name}: {message}" for message in error.messages]
        if errors:
            raise forms.ValidationError(errors)
        return checked


KIND_PARTIAL = "partial"
KIND_FINAL = "final"


class PaymentRequestForm(DesignsystemetFormMixin, forms.Form):
    """The merchant's request for payment; the amount's upper bound is checked by the service."""

    amount = forms.IntegerField(label=_("Beløp du ber om (kr)"), min_value=1, max_value=MAX_GRANT_KRONER)
    kind = forms.ChoiceField(
        label=_("Delutbetaling eller sluttutbetaling"),
        choices=[
            (KIND_PARTIAL, _("Delutbetaling: eg ber om meir seinare")),
            (KIND_FINAL, _("Sluttutbetaling: prosjektet er ferdig")),
        ],
        widget=forms.RadioSelect,
        initial=KIND_PARTIAL,
    )
    work_done = forms.CharField(
        label=_("Kva er gjort"),
        widget=forms.Textarea(attrs={"rows": 6}),
        max_length=20000,
        help_text=_("Kva av prosjektet er gjennomført, og kva pengane er brukte til."),
    )
    attachments = MultipleAttachmentField(
        label=_("Vedlegg (PDF, JPEG eller PNG)"),
        required=False,
        help_text=_(
            "Til dømes fakturaer og kvitteringar, høgst fem filer. Har skjemaet feil, må du velje filene på nytt."
        ),
    )

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["kind"].widget.attrs.pop("class", None)

    @property
    def is_final(self) -> bool:
        return self.cleaned_data.get("kind") == KIND_FINAL


class ActualCostForm(DesignsystemetFormMixin, forms.Form):
    description = forms.CharField(label=_("Post"), max_length=200)
    amount = forms.IntegerField(label=_("Beløp (kr)"), min_value=1, max_value=MAX_GRANT_KRONER)


class BaseActualCostFormSet(forms.BaseFormSet):
    def clean(self) -> None:
        super().clean()
        if any(self.errors):
            return
        if not self.lines():
            raise forms.ValidationError(_("Før opp minst éin faktisk kostnad."), code="no_costs")

    def lines(self) -> list[tuple[str, int]]:
        return [
            (form.cleaned_data["description"], form.cleaned_data["amount"])
            for form in self.forms
            if form.has_changed() and form.cleaned_data
        ]


ActualCostFormSet = forms.formset_factory(
    ActualCostForm, formset=BaseActualCostFormSet, extra=5, max_num=50, validate_max=True
)


class FinalReportForm(DesignsystemetFormMixin, forms.Form):
    work_done = forms.CharField(
        label=_("Kva er gjort"),
        widget=forms.Textarea(attrs={"rows": 6}),
        max_length=20000,
        help_text=_("Kva prosjektet har gjennomført, samanlikna med det du søkte om."),
    )
    shop_effects = forms.CharField(
        label=_("Verknader for butikken"), widget=forms.Textarea(attrs={"rows": 5}), max_length=20000
    )
    community_effects = forms.CharField(
        label=_("Verknader for lokalsamfunnet"), widget=forms.Textarea(attrs={"rows": 5}), max_length=20000
    )
    actual_cost_total = forms.IntegerField(
        label=_("Faktisk kostnad i alt (kr)"), min_value=1, max_value=MAX_KRONER
    )


class AppealForm(DesignsystemetFormMixin, forms.Form):
    reasons = forms.CharField(
        label=_("Kva klagar du på, og kvifor?"),
        widget=forms.Textarea(attrs={"rows": 8}),
        max_length=20000,
        help_text=_("Skriv kva i vedtaket du meiner er feil, og kva du ønskjer skal bli endra."),
    )


class MerchantPasswordResetForm(DesignsystemetFormMixin, PasswordResetForm):
    """Django's reset form, with the e-mail sent through the outbox and a link to SITE_BASE_URL."""

    email = forms.EmailField(
        label=_("E-postadresse"),
        max_length=254,
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )

    def send_mail(
        self,
        subject_template_name,
        email_template_name,
        context,
        from_email,
        to_email,
        html_email_template_name=None,
    ) -> None:
        path = reverse(
            "merkur:password_reset_confirm", kwargs={"uidb64": context["uid"], "token": context["token"]}
        )
        body = render_to_string(
            email_template_name,
            {
                "user": context["user"],
                "link": absolute_url(path),
                "hours": settings.PASSWORD_RESET_TIMEOUT // 3600,
            },
        )
        queue_mail(to_email, str(_("Nytt passord til Merkur-registeret")), body, related=context["user"])


class StatementRequestForm(DesignsystemetFormMixin, forms.Form):
    email = forms.EmailField(
        label=_("E-postadressa til kommunen"),
        help_text=_("Postmottaket til kommunen. Hit sender vi lenkja til skjemaet for fråsegna."),
    )


class StatementForm(DesignsystemetFormMixin, forms.Form):
    text = forms.CharField(
        label=_("Fråsegn frå kommunen"), widget=forms.Textarea(attrs={"rows": 10}), max_length=20000
    )
