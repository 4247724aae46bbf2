"""Models of the knowledge bank."""

from .entries import ContentType, KnowledgeEntry, KnowledgeEntryQuerySet
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
    "ArticlePage",
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
