"""Models of the knowledge bank."""

from .entries import ContentType, KnowledgeEntry, KnowledgeEntryQuerySet
from .news import NEWS_DATASET, NewsIndexPage, NewsPage
from .newsletter import DigestFrequency, NewsletterSubscription
from .pages import (
    ArticlePage,
    FilmPage,
    KnowledgeIndexPage,
    KnowledgePage,
    PracticalExamplePage,
    PublicationKind,
    PublicationPage,
    ResearchReportPage,
    ThemePage,
)

__all__ = [
    "NEWS_DATASET",
    "ArticlePage",
    "ContentType",
    "DigestFrequency",
    "FilmPage",
    "KnowledgeEntry",
    "KnowledgeEntryQuerySet",
    "KnowledgeIndexPage",
    "KnowledgePage",
    "NewsIndexPage",
    "NewsPage",
    "NewsletterSubscription",
    "PracticalExamplePage",
    "PublicationKind",
    "PublicationPage",
    "ResearchReportPage",
    "ThemePage",
]
