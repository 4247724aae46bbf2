"""The editor's page form for publications and reports: a PDF upload that is checked."""

from django import forms
from django.utils.translation import gettext_lazy as _

from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.documents import get_document_model

from .validators import validate_pdf_file


class PdfUploadPageForm(WagtailAdminPageForm):
    """Page form that takes a PDF upload and files it in the document library."""

    pdf_upload = forms.FileField(
        label=_("Last opp PDF"),
        required=False,
        help_text=_("Berre PDF. Erstattar dokumentet som er valt over."),
    )

    def clean_pdf_upload(self):
        uploaded = self.cleaned_data.get("pdf_upload")
        if uploaded:
            validate_pdf_file(uploaded)
        return uploaded

    def save(self, commit=True):
        page = super().save(commit=False)
        uploaded = self.cleaned_data.get("pdf_upload")
        if uploaded:
            document = get_document_model()(title=page.title or uploaded.name)
            document.file = uploaded
            document.file_size = uploaded.size
            document.save()
            page.document = document
        if commit:
            page.save()
            self.save_m2m()
        return page


class KnowledgeFilterForm(forms.Form):
    """The knowledge index's GET form: search words, sorting and one value per facet.

    The fields take any text: a value that names nothing is ignored and named on the page
    (see `services.parse_filters`), rather than making the whole form invalid.
    """

    q = forms.CharField(required=False)
    sort = forms.CharField(required=False)
    tema = forms.CharField(required=False)
    type = forms.CharField(required=False)
    malgruppe = forms.CharField(required=False)
    fylke = forms.CharField(required=False)
    kommune = forms.CharField(required=False)
    ar = forms.CharField(required=False)
