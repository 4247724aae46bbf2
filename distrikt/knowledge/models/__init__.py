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
from .research import CommissionStatus, ResearchCommission, ResearchCommissionQuerySet

__all__ = [
    "ArticlePage",
    "CommissionStatus",
    "ContentType",
    "FilmPage",
    "KnowledgeEntry",
    "KnowledgeEntryQuerySet",
    "KnowledgeIndexPage",
    "KnowledgePage",
    "PracticalExamplePage",
    "PublicationKind",
    "PublicationPage",
    "ResearchCommission",
    "ResearchCommissionQuerySet",
    "ResearchReportPage",
    "ThemePage",
]
