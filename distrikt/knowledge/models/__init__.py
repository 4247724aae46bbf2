"""Models of the knowledge bank."""

from .entries import ContentType, KnowledgeEntry, KnowledgeEntryQuerySet
from .guides import GuidePage
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
    "GuidePage",
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
