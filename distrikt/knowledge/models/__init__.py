"""Models of the knowledge bank."""

from .entries import ContentType, KnowledgeEntry, KnowledgeEntryQuerySet
from .followups import (
    FOLLOW_UP_YEARS,
    ExampleFollowUp,
    FollowUpReminder,
    FollowUpStatus,
)
from .guides import GuidePage, GuidePdf, GuidePdfStatus
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
from .research import CommissionStatus, ResearchCommission, ResearchCommissionQuerySet

__all__ = [
    "FOLLOW_UP_YEARS",
    "NEWS_DATASET",
    "ArticlePage",
    "CommissionStatus",
    "ContentType",
    "DigestFrequency",
    "ExampleFollowUp",
    "FilmPage",
    "FollowUpReminder",
    "FollowUpStatus",
    "GuidePage",
    "GuidePdf",
    "GuidePdfStatus",
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
    "ResearchCommission",
    "ResearchCommissionQuerySet",
    "ResearchReportPage",
    "ThemePage",
]
