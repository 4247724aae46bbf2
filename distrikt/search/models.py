"""The site-wide search index: one document per page, person or municipality, and its terms.

Terms are the normalised forms from `morphology.py`, kept in a plain indexed table so the
same SQL answers on SQLite and PostgreSQL.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class ResultType(models.TextChoices):
    """What a search hit is, shown beside each result."""

    ARTICLE = "article", _("Artikkel")
    PUBLICATION = "publication", _("Publikasjon")
    FILM = "film", _("Film")
    WEBINAR = "webinar", _("Webinar")
    EXAMPLE = "example", _("Praksisdøme")
    RESEARCH = "research", _("FoU-rapport")
    PAGE = "page", _("Side")
    PERSON = "person", _("Tilsett")
    MUNICIPALITY = "municipality", _("Kommune")


class SearchDocument(models.Model):
    """Something the site-wide search can find, with what a result line needs."""

    changes_datasets = ()

    key = models.CharField(max_length=40, unique=True)
    page = models.OneToOneField(
        "wagtailcore.Page",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="search_document",
    )
    person = models.OneToOneField(
        "organisation.Person",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="search_document",
    )
    municipality = models.OneToOneField(
        "municipalities.Municipality",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="search_document",
    )
    result_type = models.CharField(_("type"), max_length=20, choices=ResultType.choices, db_index=True)
    title = models.CharField(_("tittel"), max_length=255)
    title_folded = models.CharField(max_length=255, db_index=True, default="")
    url = models.CharField(_("adresse"), max_length=500)
    language = models.CharField(_("målform"), max_length=2, blank=True)
    date = models.DateField(_("dato"), null=True, blank=True)
    text = models.TextField(_("tekst"), blank=True)

    class Meta:
        verbose_name = _("søkjedokument")
        verbose_name_plural = _("søkjedokument")

    def __str__(self) -> str:
        return self.title

    def save(self, *args, **kwargs) -> None:
        self.title_folded = self.title.casefold()[:255]
        super().save(*args, **kwargs)


class SearchTerm(models.Model):
    """One normalised term of one document, with its weight (title counts more)."""

    changes_datasets = ()

    document = models.ForeignKey(SearchDocument, on_delete=models.CASCADE, related_name="terms")
    term = models.CharField(max_length=60)
    weight = models.PositiveIntegerField(default=1)

    class Meta:
        verbose_name = _("søkjeord")
        verbose_name_plural = _("søkjeord")
        indexes = [
            models.Index(fields=["term", "weight", "document"], name="search_term_lookup"),
            models.Index(fields=["document", "term"], name="search_term_by_document"),
        ]

    def __str__(self) -> str:
        return self.term
