"""The newsletter's sign-up form (kept apart from forms.py, which the page models import)."""

from django import forms
from django.utils.translation import gettext_lazy as _

from distrikt.core.forms import AccessibleFormMixin
from distrikt.organisation.models import KnowledgeArea

from .models import DigestFrequency


class NewsletterForm(AccessibleFormMixin, forms.Form):
    """Sign-up for the newsletter: the address, the themes and how often (POST)."""

    email = forms.EmailField(
        label=_("E-postadressa di"), max_length=254, widget=forms.EmailInput(attrs={"autocomplete": "email"})
    )
    areas = forms.ModelMultipleChoiceField(
        label=_("Tema du vil ha nytt om"),
        queryset=KnowledgeArea.objects.all(),
        widget=forms.CheckboxSelectMultiple,
    )
    frequency = forms.ChoiceField(
        label=_("Kor ofte"),
        choices=DigestFrequency.choices,
        initial=DigestFrequency.MONTHLY,
        widget=forms.RadioSelect,
    )
    # Hidden from people; bots fill in every field.
    website = forms.CharField(label=_("Nettstad"), required=False)

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["areas"].label_from_instance = lambda area: area.localized_name
        self.fields["email"].error_messages["required"] = _("Skriv e-postadressa di.")
        self.fields["email"].error_messages["invalid"] = _(
            "Skriv ei gyldig e-postadresse, til dømes namn@kommune.no."
        )
        self.fields["areas"].error_messages["required"] = _("Vel minst eitt tema.")
        self.fields["areas"].error_messages["invalid_choice"] = _("Vel tema frå lista.")
        self.fields["frequency"].error_messages["required"] = _("Vel kor ofte du vil ha nyheitsbrevet.")

    @property
    def is_spam(self) -> bool:
        return bool(self.data.get("website"))
