"""Models of the knowledge bank."""

from .entries import ContentType, KnowledgeEntry, KnowledgeEntryQuerySet
from .followups import (
    FOLLOW_UP_YEARS,
    ExampleFollowUp,
    FollowUpReminder,
    FollowUpStatus,
)
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
    "FOLLOW_UP_YEARS",
    "ArticlePage",
    "CommissionStatus",
    "ContentType",
    "ExampleFollowUp",
    "FilmPage",
    "FollowUpReminder",
    "FollowUpStatus",
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
