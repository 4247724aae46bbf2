"""Filter and weight forms for the overview and the Distriktsindeksen page."""

from django import forms
from django.utils.translation import gettext_lazy as _

from .indices import (
    BUSINESS_DIVERSITY,
    CENTRALITY,
    EMPLOYMENT_GROWTH,
    METHODS,
    POPULATION_GROWTH,
)
from .models import County

SIZE_BANDS = {
    "under-2000": (0, 2000),
    "2000-4999": (2000, 5000),
    "5000-9999": (5000, 10000),
    "10000-19999": (10000, 20000),
    "20000-49999": (20000, 50000),
    "over-50000": (50000, None),
}
SORT_FIELDS = {
    "kode": "code",
    "namn": "name",
    "fylke": "county__name",
    "folketal": "population",
    "endring": "population_change_10y",
    "sentralitet": "centrality_index",
}
MAP_INDICATORS = {
    "folketal": _("Folketal"),
    "endring": _("Folketalsendring siste ti år (%)"),
    "sentralitet": _("Sentralitetsindeks"),
}


class OverviewFilterForm(forms.Form):
    """Filters and sorting of the municipality table."""

    fylke = forms.ChoiceField(label=_("Fylke"), required=False)
    klasse = forms.TypedChoiceField(
        label=_("Sentralitetsklasse"),
        required=False,
        coerce=int,
        empty_value=None,
        choices=[("", _("Alle"))] + [(str(number), str(number)) for number in range(1, 7)],
    )
    storleik = forms.ChoiceField(
        label=_("Folketal"),
        required=False,
        choices=[
            ("", _("Alle")),
            ("under-2000", _("Under 2 000")),
            ("2000-4999", _("2 000–4 999")),
            ("5000-9999", _("5 000–9 999")),
            ("10000-19999", _("10 000–19 999")),
            ("20000-49999", _("20 000–49 999")),
            ("over-50000", _("50 000 eller fleire")),
        ],
    )
    indeks_fra = forms.FloatField(label=_("Distriktsindeks frå"), required=False, min_value=0, max_value=100)
    indeks_til = forms.FloatField(label=_("Distriktsindeks til"), required=False, min_value=0, max_value=100)
    prioritert = forms.ChoiceField(
        label=_("Prioritert kommune"),
        required=False,
        choices=[
            ("", _("Alle")),
            ("ja", _("Berre prioriterte")),
            ("nei", _("Berre andre")),
        ],
    )
    sorter = forms.ChoiceField(
        label=_("Sorter etter"),
        required=False,
        choices=[
            ("kode", _("Kommunenummer")),
            ("namn", _("Namn")),
            ("fylke", _("Fylke")),
            ("folketal", _("Folketal")),
            ("endring", _("Folketalsendring")),
            ("sentralitet", _("Sentralitetsindeks")),
        ],
    )
    retning = forms.ChoiceField(
        label=_("Retning"),
        required=False,
        choices=[("stigande", _("Stigande")), ("fallande", _("Fallande"))],
    )
    kart = forms.ChoiceField(
        label=_("Farge på kartet"),
        required=False,
        choices=list(MAP_INDICATORS.items()),
    )

    def __init__(self, *args, has_index: bool = False, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        if has_index:
            self.fields["kart"].choices = [
                *MAP_INDICATORS.items(),
                ("distriktsindeks", _("Distriktsindeks")),
            ]
        self.fields["fylke"].choices = [("", _("Alle"))] + [
            (county.code, county.name) for county in County.objects.current()
        ]

    def clean(self) -> dict:
        cleaned = super().clean()
        low, high = cleaned.get("indeks_fra"), cleaned.get("indeks_til")
        if low is not None and high is not None and low > high:
            self.add_error("indeks_til", _("«Til» må vere større enn eller lik «frå»."))
        return cleaned


def weight_field(label: str) -> forms.FloatField:
    return forms.FloatField(
        label=label,
        required=False,
        min_value=0,
        max_value=100,
        help_text=_("Prosent, 0–100."),
    )


class DistrictIndexForm(forms.Form):
    """Year, method, weights and the explicit choice of the simplified variant."""

    aar = forms.IntegerField(label=_("Utgåve (år)"), min_value=1996, max_value=2100)
    metode = forms.ChoiceField(
        label=_("Metode"),
        choices=[
            ("2022", _("2022 (fire indikatorar)")),
            ("2018", _("2018 (tre indikatorar)")),
        ],
    )
    vekt_sentralitet = weight_field(_("Vekt for sentralitet"))
    vekt_folketalsvekst = weight_field(_("Vekt for folketalsvekst"))
    vekt_sysselsetjingsvekst = weight_field(_("Vekt for sysselsetjingsvekst"))
    vekt_naeringsbreidd = weight_field(_("Vekt for breidd i privat næringsliv"))
    forenkla = forms.BooleanField(
        label=_("Vis forenkla variant over dei komponentane som finst"),
        required=False,
    )

    WEIGHT_FIELDS = {
        "vekt_sentralitet": CENTRALITY,
        "vekt_folketalsvekst": POPULATION_GROWTH,
        "vekt_sysselsetjingsvekst": EMPLOYMENT_GROWTH,
        "vekt_naeringsbreidd": BUSINESS_DIVERSITY,
    }

    def weights(self) -> dict[str, float]:
        """The chosen weights, or the method's official ones when none are given."""
        method = METHODS[self.cleaned_data["metode"]]
        given = {component: self.cleaned_data.get(name) for name, component in self.WEIGHT_FIELDS.items()}
        if all(value is None for value in given.values()):
            return dict(method)
        return {
            component: (value or 0.0) / 100
            for component, value in given.items()
            if component in method or value
        }

    def clean(self) -> dict:
        cleaned = super().clean()
        values = [cleaned.get(name) for name in self.WEIGHT_FIELDS]
        if any(value is not None for value in values) and not sum(value or 0 for value in values):
            raise forms.ValidationError(_("Minst éi vekt må vere større enn null."))
        return cleaned
