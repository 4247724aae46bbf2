"""Factories for the knowledge bank's pages; each one is added to the tree and published."""

import datetime

from django.core.management import call_command
from django.utils.text import slugify

import factory

from distrikt.core.models import HomePage
from distrikt.organisation.factories import KnowledgeAreaFactory

from .models import (
    ArticlePage,
    FilmPage,
    KnowledgeIndexPage,
    NewsIndexPage,
    NewsPage,
    PracticalExamplePage,
    PublicationPage,
    ResearchReportPage,
    ThemePage,
)

TAG_FIELDS = (
    "knowledge_areas",
    "target_groups",
    "municipalities",
    "counties",
    "authors",
)


def home() -> HomePage:
    if not HomePage.objects.exists():
        call_command("setup_site_pages", verbosity=0)
    return HomePage.objects.get()


class PublishedPageFactory(factory.Factory):
    """Adds the page under `parent` (default: the knowledge index) and publishes a revision."""

    class Meta:
        abstract = True

    title = factory.Sequence(lambda n: f"Testside {n}")
    slug = factory.LazyAttribute(lambda page: slugify(page.title))
    language = "nn"

    @classmethod
    def default_parent(cls):
        return KnowledgeIndexPage.objects.first() or KnowledgeIndexPageFactory()

    @classmethod
    def _create(cls, model_class, parent=None, publish=True, **kwargs):
        tags = {name: kwargs.pop(name) for name in TAG_FIELDS if name in kwargs}
        page = model_class(**kwargs)
        for name, values in tags.items():
            setattr(page, name, list(values))
        (parent or cls.default_parent()).add_child(instance=page)
        revision = page.save_revision()
        if publish:
            revision.publish()
            page.refresh_from_db()
        return page


class KnowledgeIndexPageFactory(PublishedPageFactory):
    class Meta:
        model = KnowledgeIndexPage

    title = "Kunnskap"
    slug = "kunnskap"
    lead = "Kunnskapsbanken."

    @classmethod
    def default_parent(cls):
        return home()


class ThemePageFactory(PublishedPageFactory):
    class Meta:
        model = ThemePage

    knowledge_area = factory.SubFactory(KnowledgeAreaFactory)
    title = factory.LazyAttribute(lambda page: page.knowledge_area.name)
    slug = factory.LazyAttribute(lambda page: page.knowledge_area.slug)
    lead = "Eit tema."


class KnowledgePageFactory(PublishedPageFactory):
    class Meta:
        abstract = True

    lead = "Ei kort ingress om innhaldet."
    date = factory.LazyFunction(datetime.date.today)
    is_demo = False


class ArticlePageFactory(KnowledgePageFactory):
    class Meta:
        model = ArticlePage

    body = factory.LazyFunction(lambda: [("paragraph", "<p>Brødtekst i artikkelen.</p>")])


class PublicationPageFactory(KnowledgePageFactory):
    class Meta:
        model = PublicationPage

    publisher = "Distriktssenteret"
    year = 2024


class FilmPageFactory(KnowledgePageFactory):
    class Meta:
        model = FilmPage

    transcript = "Forteljar: Dette er heile teksten i filmen."
    duration = datetime.timedelta(minutes=9)


class PracticalExamplePageFactory(KnowledgePageFactory):
    class Meta:
        model = PracticalExamplePage

    why = "Fordi det trongst."
    how = "Saman med innbyggjarane."
    results = "Fleire tilflyttarar."
    lessons = "Start i det små."


class ResearchReportPageFactory(KnowledgePageFactory):
    class Meta:
        model = ResearchReportPage

    institution = "Eit forskingsinstitutt"
    abstract = "Samandrag av rapporten."
    commissioned_year = 2023


class NewsIndexPageFactory(PublishedPageFactory):
    class Meta:
        model = NewsIndexPage

    title = "Nyheiter"
    slug = "nyheiter"
    lead = "Nytt frå Distriktssenteret."

    @classmethod
    def default_parent(cls):
        return home()


class NewsPageFactory(PublishedPageFactory):
    class Meta:
        model = NewsPage

    lead = "Ei kort ingress om nyheita."
    date = factory.LazyFunction(datetime.date.today)
    body = factory.LazyFunction(lambda: [("paragraph", "<p>Brødtekst i nyheita.</p>")])

    @classmethod
    def default_parent(cls):
        return NewsIndexPage.objects.first() or NewsIndexPageFactory()
