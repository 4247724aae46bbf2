"""The site-wide search index: one document per searchable thing, its terms and its words.

Terms are the keys from `morphology.py`, kept in a plain indexed table so the same SQL
answers on SQLite and PostgreSQL. The words table is the index's vocabulary: compound
splitting and spelling correction look words up there.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.contrib.search_promotions.models import Query


class ResultType(models.TextChoices):
    """What a search hit is, shown beside each result (other apps may register more)."""

    ARTICLE = "article", _("Artikkel")
    PUBLICATION = "publication", _("Publikasjon")
    FILM = "film", _("Film")
    WEBINAR = "webinar", _("Webinar")
    EXAMPLE = "example", _("Praksisdøme")
    RESEARCH = "research", _("FoU-rapport")
    GUIDE = "guide", _("Rettleiar")
    THEME = "theme", _("Tema")
    EVENT = "event", _("Arrangement")
    PAGE = "page", _("Side")
    OVERVIEW = "overview", _("Oversikt")
    PERSON = "person", _("Tilsett")
    OFFICE = "office", _("Kontor")
    MUNICIPALITY = "municipality", _("Kommune")
    COUNTY = "county", _("Fylke")
    REGION = "region", _("Region")
    SHOP = "shop", _("Merkur-butikk")


class SearchDocument(models.Model):
    """Something the site-wide search can find, with what a result line and the facets need."""

    changes_datasets = ()

    key = models.CharField(max_length=60, unique=True)
    page = models.OneToOneField(
        "wagtailcore.Page",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="search_document",
    )
    result_type = models.CharField(_("type"), max_length=20, db_index=True)
    title = models.CharField(_("tittel"), max_length=255)
    title_folded = models.CharField(max_length=255, db_index=True, default="")
    url = models.CharField(_("adresse"), max_length=500)
    language = models.CharField(_("målform"), max_length=2, blank=True)
    date = models.DateField(_("dato"), null=True, blank=True)
    text = models.TextField(_("tekst"), blank=True)
    themes = models.CharField(
        _("tema"), max_length=500, blank=True, help_text=_("Adressenamn, skilde med mellomrom.")
    )
    is_demo = models.BooleanField(_("demodata"), default=False)

    class Meta:
        verbose_name = _("søkjedokument")
        verbose_name_plural = _("søkjedokument")

    def __str__(self) -> str:
        return self.title

    def save(self, *args, **kwargs) -> None:
        self.title_folded = self.title.casefold()[:255]
        super().save(*args, **kwargs)


class SearchTerm(models.Model):
    """One term of one document, with its weight (exact words outweigh compound parts)."""

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


class SearchWord(models.Model):
    """A word (folded, as written) seen in the index, with its term and how often it occurs."""

    changes_datasets = ()

    word = models.CharField(max_length=60, unique=True)
    term = models.CharField(max_length=60, db_index=True)
    frequency = models.PositiveIntegerField(default=1)

    class Meta:
        verbose_name = _("ord i søkjeindeksen")
        verbose_name_plural = _("ord i søkjeindeksen")

    def __str__(self) -> str:
        return self.word


class SearchOutcome(models.Model):
    """How many results a logged query gave the last time; deleted with the query it belongs to."""

    changes_datasets = ()

    query = models.OneToOneField(
        Query, on_delete=models.CASCADE, primary_key=True, related_name="search_outcome"
    )
    result_count = models.PositiveIntegerField(_("treff"), default=0)
    suggestion = models.CharField(_("forslag"), max_length=255, blank=True)
    searched_at = models.DateTimeField(_("sist søkt"), auto_now=True)

    class Meta:
        verbose_name = _("søkjeresultat")
        verbose_name_plural = _("søkjeresultat")
        indexes = [models.Index(fields=["result_count", "searched_at"], name="search_outcome_empty")]

    def __str__(self) -> str:
        return f"{self.query}: {self.result_count}"
