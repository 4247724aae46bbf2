"""Forms of the Merkur register. Messages are Nynorsk; bound forms keep what was typed."""

from collections.abc import Mapping, Set
from dataclasses import dataclass

from django import forms
from django.conf import settings
from django.db.models import Model
from django.forms.models import construct_instance
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from distrikt.municipalities.models import County, Municipality

from .models import Chain, ExtraService, Shop, ShopStatus
from .validators import normalise_organisation_number


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
        if value and (len(value) != 4 or not value.isdigit()):
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
