"""The order form for a brief: one area list (counties, regions, themes, the country), language, period."""

from django import forms
from django.core.validators import MaxValueValidator
from django.utils.translation import gettext_lazy as _

from distrikt.municipalities.models import County, Region
from distrikt.organisation.models import KnowledgeArea

from .models import AreaKind, BriefLanguage
from .services import FIRST_YEAR, default_period


def area_choices() -> list:
    """Grouped choices `kind:key` for every area a brief can cover."""
    return [
        ("", _("Vel eit område")),
        (str(_("Heile landet")), [(f"{AreaKind.COUNTRY}:", _("Heile landet"))]),
        (
            str(_("Fylke")),
            [(f"{AreaKind.COUNTY}:{county.code}", county.name) for county in County.objects.current()],
        ),
        (
            str(_("Regionar")),
            [(f"{AreaKind.REGION}:{region.slug}", region.name) for region in Region.objects.order_by("name")],
        ),
        (
            str(_("Kunnskapsområde")),
            [(f"{AreaKind.THEME}:{area.slug}", area.localized_name) for area in KnowledgeArea.objects.all()],
        ),
    ]


class BriefRequestForm(forms.Form):
    """What a ministry user orders: area, written standard and period."""

    area = forms.ChoiceField(label=_("Område"), error_messages={"required": _("Vel eit område.")})
    language = forms.ChoiceField(
        label=_("Målform"),
        choices=BriefLanguage.choices,
        initial=BriefLanguage.NYNORSK,
        help_text=_("Nynorsk om du ikkje ber om bokmål."),
    )
    year_from = forms.IntegerField(label=_("Frå år"), min_value=FIRST_YEAR)
    year_to = forms.IntegerField(label=_("Til år"), min_value=FIRST_YEAR)

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["area"].choices = area_choices()
        first, last = default_period()
        for name in ("year_from", "year_to"):
            self.fields[name].max_value = last + 1
            self.fields[name].validators.append(MaxValueValidator(last + 1))
            self.fields[name].widget.attrs.update(
                {"min": FIRST_YEAR, "max": last + 1, "inputmode": "numeric"}
            )
        self.fields["year_from"].initial = first
        self.fields["year_to"].initial = last

    def clean(self) -> dict:
        cleaned = super().clean()
        year_from, year_to = cleaned.get("year_from"), cleaned.get("year_to")
        if year_from and year_to and year_from > year_to:
            self.add_error("year_to", _("«Til år» kan ikkje vere før «frå år»."))
        return cleaned

    @property
    def area_kind(self) -> str:
        return self.cleaned_data["area"].partition(":")[0]

    @property
    def area_key(self) -> str:
        return self.cleaned_data["area"].partition(":")[2]


class AnnualReportForm(forms.Form):
    """The year of the annual-report figures."""

    year = forms.IntegerField(label=_("År"), min_value=FIRST_YEAR)

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        _first, last = default_period()
        self.fields["year"].max_value = last
        self.fields["year"].validators.append(MaxValueValidator(last))
        self.fields["year"].widget.attrs.update({"min": FIRST_YEAR, "max": last, "inputmode": "numeric"})
