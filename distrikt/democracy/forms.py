"""Forms of the survey: asking for a link, and one arrangement."""

from django import forms
from django.utils.translation import gettext_lazy as _

from distrikt.municipalities.models import Municipality

from .models import SURVEY_FIELDS, Arrangement, ArrangementKind, Mandate
from .services import allowed_domains, email_domain


class LinkRequestForm(forms.Form):
    municipality = forms.ModelChoiceField(
        label=_("Kommune"),
        queryset=Municipality.objects.current().order_by("name"),
        empty_label=_("Vel kommune"),
    )
    email = forms.EmailField(
        label=_("E-postadressa di i kommunen"),
        max_length=254,
        help_text=_(
            "Adressa må høyre til kommunen sitt eige e-postdomene, til dømes namn@steinkjer.kommune.no."
        ),
    )

    def clean(self):
        data = super().clean()
        municipality, email = data.get("municipality"), data.get("email")
        if municipality and email:
            domains = allowed_domains(municipality)
            if email_domain(email) not in domains:
                self.add_error(
                    "email",
                    _("Adressa må slutte på @%(domains)s, domenet til %(municipality)s.")
                    % {"domains": " eller @".join(domains), "municipality": municipality.short_name},
                )
        return data


class ArrangementForm(forms.ModelForm):
    """One arrangement as the municipality describes it; the model's rules apply."""

    class Meta:
        model = Arrangement
        fields = list(SURVEY_FIELDS)
        widgets = {
            "area": forms.TextInput(),
            "has_own_budget": forms.CheckboxInput(),
        }


class ArrangementFilterForm(forms.Form):
    fylke = forms.CharField(label=_("Fylke"), required=False, max_length=2)
    type = forms.ChoiceField(
        label=_("Type ordning"), required=False, choices=[("", _("Alle")), *ArrangementKind.choices]
    )
    mandat = forms.ChoiceField(label=_("Mandat"), required=False, choices=[("", _("Alle")), *Mandate.choices])
