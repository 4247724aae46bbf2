"""Forms: registration (with the event's extra questions), calendar filters, staff tools."""

from django import forms
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from distrikt.core.converters import MAX_DATABASE_INT
from distrikt.core.derived import get_or_compute
from distrikt.municipalities.models import DATASET as MUNICIPALITY_DATASET
from distrikt.municipalities.models import County, Municipality
from distrikt.organisation.models import KnowledgeArea, TargetGroup

from .models import EventKind, EventPage, RegistrationQuestion

YES_NO_CHOICES = [("", "—"), ("ja", _("Ja")), ("nei", _("Nei"))]


class RegistrationForm(forms.Form):
    """Who is coming, what they need, their consent, and answers to the extra questions."""

    name = forms.CharField(label=_("Namn"), max_length=150)
    email = forms.EmailField(
        label=_("E-post"),
        max_length=254,
        error_messages={"invalid": _("Skriv ei gyldig e-postadresse, til dømes namn@kommune.no.")},
    )
    organisation = forms.CharField(label=_("Organisasjon eller arbeidsstad"), max_length=200, required=False)
    role = forms.CharField(label=_("Rolle eller stilling"), max_length=150, required=False)
    # Checked against the register in clean_municipality; the 357 options are built only
    # when the form is shown, not on every submission.
    municipality = forms.IntegerField(
        label=_("Kommune"),
        required=False,
        widget=forms.Select,
        min_value=1,
        max_value=MAX_DATABASE_INT,
        error_messages={
            "min_value": _("Vel ein kommune frå lista."),
            "max_value": _("Vel ein kommune frå lista."),
            "invalid": _("Vel ein kommune frå lista."),
        },
    )
    dietary_needs = forms.CharField(
        label=_("Matbehov (valfritt)"),
        required=False,
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    accessibility_needs = forms.CharField(
        label=_("Behov for tilrettelegging (valfritt)"),
        required=False,
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    has_consented = forms.BooleanField(
        label=_("Eg samtykkjer i at Distriktssenteret lagrar opplysningane for å gjennomføre arrangementet."),
        error_messages={"required": _("Du må samtykkje for at vi kan ta imot påmeldinga.")},
    )
    # Hidden from people; bots fill in every field.
    website = forms.CharField(label=_("Nettstad"), required=False)

    def __init__(self, *args, event: EventPage, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.event = event
        self.fields["name"].error_messages["required"] = _("Skriv namnet ditt.")
        self.fields["email"].error_messages["required"] = _("Skriv e-postadressa di.")
        self.questions = list(event.questions.all())
        for question in self.questions:
            self.fields[question.field_name] = self._question_field(question)

    @staticmethod
    def _question_field(question: RegistrationQuestion) -> forms.Field:
        common = {
            "label": question.label,
            "required": question.is_required,
            "error_messages": {"required": _("Svar på dette spørsmålet.")},
        }
        if question.kind == RegistrationQuestion.Kind.CHOICE:
            return forms.ChoiceField(
                choices=[
                    ("", "—"),
                    *[(choice, choice) for choice in question.choice_list],
                ],
                **common,
            )
        if question.kind == RegistrationQuestion.Kind.YES_NO:
            return forms.ChoiceField(choices=YES_NO_CHOICES, **common)
        return forms.CharField(max_length=1000, **common)

    def municipality_options(self) -> str:
        """The municipality <option>s, built in Python: 357 of them are slow in a template loop.

        The list with nothing chosen (every empty form) is built once per language and
        change of the municipality register.
        """
        current = str(self["municipality"].value() or "")
        if not current:
            return get_or_compute(
                MUNICIPALITY_DATASET,
                "registration-municipality-options",
                lambda: _municipality_options(""),
                language=get_language(),
                in_process=True,  # a string: nobody can change it
            )
        return _municipality_options(current)

    def clean_municipality(self) -> Municipality | None:
        pk = self.cleaned_data.get("municipality")
        if pk is None:
            return None
        municipality = Municipality.objects.current().filter(pk=pk).first()
        if municipality is None:
            raise forms.ValidationError(_("Vel ein kommune frå lista."))
        return municipality

    @property
    def is_spam(self) -> bool:
        return bool(self.data.get("website"))

    def question_fields(self) -> list:
        return [self[question.field_name] for question in self.questions]

    def answers(self) -> list[dict]:
        return [
            {
                "question": question.label,
                "answer": self.cleaned_data.get(question.field_name, ""),
            }
            for question in self.questions
        ]


class CalendarFilterForm(forms.Form):
    """Filters of the event calendar; all optional, unknown values are form errors."""

    kind = forms.ChoiceField(
        label=_("Type"),
        required=False,
        choices=[("", _("Alle typar")), *EventKind.choices],
    )
    theme = forms.ChoiceField(label=_("Tema"), required=False)
    target_group = forms.ChoiceField(label=_("Målgruppe"), required=False)
    county = forms.ChoiceField(label=_("Fylke"), required=False)
    month = forms.RegexField(
        label=_("Månad"),
        required=False,
        # Years a calendar can show; 0000 or 9999-12 would overflow the date arithmetic.
        regex=r"^(19|20)\d{2}-(0[1-9]|1[0-2])$",
        error_messages={"invalid": _("Skriv månaden som ÅÅÅÅ-MM.")},
        widget=forms.TextInput(attrs={"type": "month"}),
    )
    past = forms.BooleanField(label=_("Vis tidlegare arrangement"), required=False)

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["theme"].choices = [
            ("", _("Alle tema")),
            *[(area.slug, area.localized_name) for area in KnowledgeArea.objects.all()],
        ]
        self.fields["target_group"].choices = [
            ("", _("Alle målgrupper")),
            *[(group.slug, group.localized_name) for group in TargetGroup.objects.all()],
        ]
        self.fields["county"].choices = [
            ("", _("Alle fylke")),
            *[(county.slug, county.name) for county in County.objects.current()],
        ]


class StaffMessageForm(forms.Form):
    """A message from staff to everyone registered for an event."""

    subject = forms.CharField(label=_("Emne"), max_length=200)
    body = forms.CharField(label=_("Melding"), widget=forms.Textarea(attrs={"rows": 8}))
    include_waiting_list = forms.BooleanField(label=_("Send òg til dei på ventelista"), required=False)


def _municipality_options(current: str) -> str:
    choices = [
        ("", _("Vel kommune (valfritt)")),
        *Municipality.objects.current().order_by("name").values_list("pk", "name"),
    ]
    return mark_safe(  # noqa: S308  (every value and label is escaped here)
        "".join(
            f'<option value="{escape(value)}"'
            f"{' selected' if str(value) == current else ''}>{escape(label)}</option>"
            for value, label in choices
        )
    )
