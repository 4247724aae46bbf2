"""The staff directory's search and filter form (GET, works without JavaScript)."""

from django import forms
from django.utils.translation import gettext_lazy as _

from distrikt.core.forms import AccessibleFormMixin

from .models import KnowledgeArea, Office


class StaffFilterForm(forms.Form):
    q = forms.CharField(label=_("Namn"), required=False, max_length=100)
    office = forms.ChoiceField(label=_("Kontor"), required=False)
    area = forms.ChoiceField(label=_("Fagområde"), required=False)

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["office"].choices = [
            ("", _("Alle kontor")),
            *Office.objects.values_list("slug", "name"),
        ]
        self.fields["area"].choices = [("", _("Alle fagområde"))] + [
            (area.slug, area.localized_name) for area in KnowledgeArea.objects.all()
        ]


class ContactForm(AccessibleFormMixin, forms.Form):
    """The contact form: who it is for, who is asking, and the question (POST)."""

    MAX_MESSAGE_LENGTH = 5000

    to = forms.ChoiceField(label=_("Kven vil du kontakte?"))
    name = forms.CharField(
        label=_("Namnet ditt"), max_length=150, widget=forms.TextInput(attrs={"autocomplete": "name"})
    )
    email = forms.EmailField(
        label=_("E-postadressa di"), max_length=254, widget=forms.EmailInput(attrs={"autocomplete": "email"})
    )
    phone = forms.CharField(
        label=_("Telefon (om du vil bli ringd)"),
        max_length=40,
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "tel", "inputmode": "tel"}),
    )
    message = forms.CharField(
        label=_("Kva gjeld det?"),
        max_length=MAX_MESSAGE_LENGTH,
        widget=forms.Textarea(attrs={"rows": 6}),
    )
    # Hidden from people; bots fill in every field.
    website = forms.CharField(label=_("Nettstad"), required=False)

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["to"].choices = [
            ("", _("Vel kontor eller fagområde")),
            (
                _("Kontor"),
                [(f"office:{slug}", name) for slug, name in Office.objects.values_list("slug", "name")],
            ),
            (
                _("Fagområde"),
                [(f"area:{area.slug}", area.localized_name) for area in KnowledgeArea.objects.all()],
            ),
        ]
        self.fields["to"].error_messages["required"] = _("Vel kontoret eller fagområdet du vil kontakte.")
        self.fields["to"].error_messages["invalid_choice"] = _("Vel eitt av kontora eller fagområda i lista.")
        self.fields["name"].error_messages["required"] = _("Skriv namnet ditt.")
        self.fields["email"].error_messages["required"] = _("Skriv e-postadressa di, så vi kan svare deg.")
        self.fields["email"].error_messages["invalid"] = _(
            "Skriv ei gyldig e-postadresse, til dømes namn@kommune.no."
        )
        self.fields["message"].error_messages["required"] = _("Skriv kva du lurer på.")
        self.fields["message"].error_messages["max_length"] = _(
            "Meldinga kan vere på høgst %(limit_value)d teikn (ho er på %(show_value)d)."
        )

    @property
    def is_spam(self) -> bool:
        return bool(self.data.get("website"))

    def recipient_choice(self) -> tuple[Office | None, KnowledgeArea | None]:
        """The office or knowledge area chosen (the form must be valid)."""
        kind, _separator, slug = self.cleaned_data["to"].partition(":")
        if kind == "office":
            return Office.objects.get(slug=slug), None
        return None, KnowledgeArea.objects.get(slug=slug)
