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
    "DigestFrequency",
    "NewsIndexPage",
    "NewsPage",
    "NewsletterSubscription",
    "ContentType",
    "FilmPage",
    "KnowledgeEntry",
    "KnowledgeEntryQuerySet",
    "KnowledgeIndexPage",
    "KnowledgePage",
    "PracticalExamplePage",
    "PublicationKind",
    "PublicationPage",
    "ResearchReportPage",
    "ThemePage",
]
