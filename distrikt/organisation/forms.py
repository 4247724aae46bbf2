"""The staff directory's search and filter form (GET, works without JavaScript)."""

from django import forms
from django.utils.translation import gettext_lazy as _

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
