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
from .followups import (
    FOLLOW_UP_YEARS,
    ExampleFollowUp,
    FollowUpReminder,
    FollowUpStatus,
)
from .research import CommissionStatus, ResearchCommission, ResearchCommissionQuerySet

__all__ = [
    "FOLLOW_UP_YEARS",
    "ArticlePage",
    "ExampleFollowUp",
    "FollowUpReminder",
    "FollowUpStatus",
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
