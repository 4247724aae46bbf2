"""The knowledge app's sections of the home page: the newest knowledge and the news."""

from django.utils import timezone
from django.utils.translation import gettext as _

from distrikt.core.home_sections import HomeSection

from .models import KnowledgeEntry, KnowledgeIndexPage, NewsIndexPage, NewsPage

MERKUR_AREA = "merkur"


def newest_knowledge_section() -> HomeSection | None:
    entries = list(KnowledgeEntry.objects.exclude(content_type="webinar").newest_first()[:4])
    if not entries:
        return None
    index = KnowledgeIndexPage.objects.live().first()
    return HomeSection(
        title=_("Nyaste kunnskap"),
        template="knowledge/home/newest_knowledge.html",
        context={"entries": entries, "today": timezone.localdate()},
        order=20,
        more_url=index.url if index else "",
        more_label=_("Alt i kunnskapsbanken"),
    )


def _news_section(title: str, news, order: int, more_label: str) -> HomeSection | None:
    items = list(news[:3])
    if not items:
        return None
    index = NewsIndexPage.objects.live().first()
    return HomeSection(
        title=title,
        template="knowledge/home/news.html",
        context={"news": items},
        order=order,
        more_url=index.url if index else "",
        more_label=more_label,
    )


def news_section() -> HomeSection | None:
    news = NewsPage.objects.published().exclude(knowledge_areas__slug=MERKUR_AREA).newest_first()
    return _news_section(_("Nyheiter"), news, 10, _("Alle nyheiter"))


def merkur_news_section() -> HomeSection | None:
    return _news_section(
        _("Nytt frå Merkur"),
        NewsPage.objects.published().with_area(MERKUR_AREA).newest_first(),
        40,
        _("Alle nyheiter"),
    )
