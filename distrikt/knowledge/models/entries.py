"""The denormalised knowledge-bank index: one row per live page that belongs in the bank.

Any app's page joins the bank by implementing `knowledge_bank_entry()`; the signals in
`signals.py` keep this table in step with publishing, so lists and filters are plain SQL.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

# The dataset of the page cache and derived data (facet counts) that a change of the bank's
# index makes stale; the index is kept in sync on publish, unpublish, move and delete.
DATASET = "knowledge-bank"


class ContentType(models.TextChoices):
    """The kinds of content in the knowledge bank."""

    ARTICLE = "article", _("Artikkel")
    PUBLICATION = "publication", _("Publikasjon")
    FILM = "film", _("Film")
    WEBINAR = "webinar", _("Webinar")
    EXAMPLE = "example", _("Praksisdøme")
    RESEARCH = "research", _("FoU-rapport")
    GUIDE = "guide", _("Rettleiar")


class KnowledgeEntryQuerySet(models.QuerySet):
    def with_area(self, slug: str) -> "KnowledgeEntryQuerySet":
        return self.filter(knowledge_areas__slug=slug)

    def of_type(self, code: str) -> "KnowledgeEntryQuerySet":
        return self.filter(content_type=code)

    def for_target_group(self, slug: str) -> "KnowledgeEntryQuerySet":
        return self.filter(target_groups__slug=slug)

    def in_county(self, code: str) -> "KnowledgeEntryQuerySet":
        return self.filter(models.Q(counties__code=code) | models.Q(municipalities__county__code=code))

    def in_municipality(self, code: str) -> "KnowledgeEntryQuerySet":
        return self.filter(municipalities__code=code)

    def in_year(self, year: int) -> "KnowledgeEntryQuerySet":
        return self.filter(year=year)

    def newest_first(self) -> "KnowledgeEntryQuerySet":
        return self.order_by("-date", "-page_id")


class KnowledgeEntry(models.Model):
    """A page's row in the knowledge bank: what it is, when, and what it is tagged with."""

    changes_datasets = (DATASET,)

    page = models.OneToOneField(
        "wagtailcore.Page",
        on_delete=models.CASCADE,
        related_name="knowledge_entry",
        primary_key=True,
    )
    content_type = models.CharField(
        _("innhaldstype"), max_length=20, choices=ContentType.choices, db_index=True
    )
    title = models.CharField(_("tittel"), max_length=255)
    url = models.CharField(_("adresse"), max_length=500)
    summary = models.TextField(_("samandrag"), blank=True)
    date = models.DateField(_("dato"), db_index=True)
    year = models.PositiveSmallIntegerField(_("år"), db_index=True)
    language = models.CharField(_("målform"), max_length=2, default="nn")
    is_demo = models.BooleanField(_("demodata"), default=False)
    knowledge_areas = models.ManyToManyField(
        "organisation.KnowledgeArea", blank=True, related_name="knowledge_entries"
    )
    target_groups = models.ManyToManyField(
        "organisation.TargetGroup", blank=True, related_name="knowledge_entries"
    )
    municipalities = models.ManyToManyField(
        "municipalities.Municipality", blank=True, related_name="knowledge_entries"
    )
    counties = models.ManyToManyField("municipalities.County", blank=True, related_name="knowledge_entries")

    objects = KnowledgeEntryQuerySet.as_manager()

    class Meta:
        verbose_name = _("oppføring i kunnskapsbanken")
        verbose_name_plural = _("oppføringar i kunnskapsbanken")
        ordering = ["-date", "-page_id"]

    def __str__(self) -> str:
        return self.title

    @property
    def content_type_label(self) -> str:
        return ContentType(self.content_type).label
