"""Create the knowledge bank's pages and its demo content (idempotent; never overwrites edits).

Creates the index page (/kunnskap/), one theme page per knowledge area, links the home
page's area cards to the theme pages, and adds the demo pieces in `_demo_content.py`
(every one marked is_demo=True) once, unless the setting KNOWLEDGE_LOAD_DEMO_CONTENT is
False (for a real deployment). Pages that exist are left as editors left them.
"""

import datetime

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.db import transaction

from wagtail.models import Page

from distrikt.core.models import HomePage
from distrikt.knowledge.models import (
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
from distrikt.municipalities.models import Municipality
from distrikt.organisation.models import KnowledgeArea, TargetGroup

from ._demo_content import ENGLISH_VERSIONS, PIECES, THEME_INTROS

INDEX_LEAD = (
    "Kunnskapsbanken samlar artiklar, publikasjonar, filmar, webinar, praksisdøme og "
    "FoU-rapportar frå Distriktssenteret. Avgrens etter tema, type, målgruppe, stad og år."
)
# (slug, title, lead, knowledge area, days ago) – demo items about the platform itself.
DEMO_NEWS = [
    (
        "demo-nyheitsbrev-pa-e-post",
        "Demo: Nyheitsbrev om tema du vel",
        "Demoinnhald. Du kan no melde deg på eit nyheitsbrev med ny kunnskap og arrangement i dei "
        "tema du vel, kvar veke eller kvar månad.",
        "",
        2,
    ),
    (
        "demo-merkur-registeret",
        "Demo: Merkur-registeret på nett",
        "Demoinnhald. Kjøpmenn i Merkur kan sjå og halde ved like opplysningane om butikken sin i "
        "Merkur-registeret.",
        "merkur",
        5,
    ),
]
PAGE_CLASSES = {
    "article": ArticlePage,
    "publication": PublicationPage,
    "film": FilmPage,
    "example": PracticalExamplePage,
    "research": ResearchReportPage,
}


def paragraphs(texts: list[str]) -> list[tuple[str, str]]:
    return [("paragraph", f"<p>{text}</p>") for text in texts]


class Command(BaseCommand):
    help = "Create the knowledge bank's index and theme pages and load its demo content."

    @transaction.atomic
    def handle(self, *args, **options) -> None:
        home = HomePage.objects.first()
        if home is None:
            self.stderr.write("No home page; run setup_site_pages first.")
            return
        index = self._index_page(home)
        themes = self._theme_pages(index)
        self._link_home_cards(home, themes)
        news_index = self._news_index(home)
        created = self._demo_pieces(index) if getattr(settings, "KNOWLEDGE_LOAD_DEMO_CONTENT", True) else 0
        if getattr(settings, "KNOWLEDGE_LOAD_DEMO_CONTENT", True):
            self._demo_news(news_index)
        self.stdout.write(f"Knowledge bank ready: {len(themes)} themes, {created} demo pieces added.")
        call_command("load_guides", verbosity=options["verbosity"])

    def _publish(self, parent: Page, page: Page) -> Page:
        parent.add_child(instance=page)
        page.save_revision().publish()
        return page

    def _index_page(self, home: HomePage) -> KnowledgeIndexPage:
        index = KnowledgeIndexPage.objects.first()
        if index is not None:
            return index
        return self._publish(
            home,
            KnowledgeIndexPage(
                title="Kunnskap",
                slug="kunnskap",
                language="nn",
                lead=INDEX_LEAD,
                show_in_menus=True,
            ),
        )

    def _news_index(self, home: HomePage) -> NewsIndexPage:
        news_index = NewsIndexPage.objects.first()
        if news_index is not None:
            return news_index
        return self._publish(
            home,
            NewsIndexPage(
                title="Nyheiter",
                slug="nyheiter",
                language="nn",
                lead="Nytt frå Distriktssenteret og Merkur-programmet. Du kan få nyheitene på e-post eller som RSS.",
            ),
        )

    def _demo_news(self, news_index: NewsIndexPage) -> None:
        """Two marked demo items, so the list, the feed and the home page show something."""
        if NewsPage.objects.exists():
            return
        for slug, title, lead, area_slug, days_ago in DEMO_NEWS:
            page = NewsPage(
                title=title,
                slug=slug,
                language="nn",
                lead=lead,
                date=datetime.date.today() - datetime.timedelta(days=days_ago),
                is_demo=True,
            )
            self._publish(news_index, page)
            area = KnowledgeArea.objects.filter(slug=area_slug).first()
            if area is not None:
                page.knowledge_areas.add(area)
                page.save_revision().publish()

    def _theme_pages(self, index: KnowledgeIndexPage) -> dict[str, ThemePage]:
        themes = {}
        for area in KnowledgeArea.objects.all():
            theme = ThemePage.objects.filter(knowledge_area=area).first()
            if theme is None and not Page.objects.child_of(index).filter(slug=area.slug).exists():
                theme = self._publish(
                    index,
                    ThemePage(
                        title=area.name,
                        slug=area.slug,
                        language="nn",
                        knowledge_area=area,
                        lead=THEME_INTROS.get(area.slug, area.description),
                    ),
                )
            if theme is not None:
                themes[area.name] = theme
        return themes

    def _link_home_cards(self, home: HomePage, themes: dict[str, ThemePage]) -> None:
        """Point each unlinked area card on the home page at its theme page."""
        home = home.get_latest_revision_as_object()
        changed = False
        for block in home.body:
            if block.block_type != "cards":
                continue
            for card in block.value["cards"]:
                theme = themes.get(card["title"]) or next(
                    (page for name, page in themes.items() if name.split()[0] == card["title"].split()[0]),
                    None,
                )
                if theme is not None and card["page"] is None and not card["url"]:
                    card["page"] = theme
                    changed = True
        if changed:
            home.save_revision().publish()

    def _demo_pieces(self, index: KnowledgeIndexPage) -> int:
        existing = set(Page.objects.child_of(index).values_list("slug", flat=True))
        areas = {area.slug: area for area in KnowledgeArea.objects.all()}
        groups = {group.slug: group for group in TargetGroup.objects.all()}
        municipalities = {m.code: m for m in Municipality.objects.current().select_related("county")}
        created = 0
        for piece in PIECES:
            if piece["slug"] in existing:
                continue
            page = self._build(piece)
            self._tag(page, piece, areas, groups, municipalities)
            self._publish(index, page)
            created += 1
            english = ENGLISH_VERSIONS.get(piece["slug"])
            slug_en = f"{piece['slug']}-en"
            if english and slug_en not in existing:
                title, lead, body = english
                english_page = ArticlePage(
                    title=title,
                    slug=slug_en,
                    language="en",
                    lead=lead,
                    body=paragraphs(body),
                    date=page.date,
                    is_demo=True,
                )
                self._tag(english_page, piece, areas, groups, municipalities)
                self._publish(index, english_page)
                page.english_version = english_page
                page.save_revision().publish()
                created += 1
        return created

    def _build(self, piece: dict) -> Page:
        page_class = PAGE_CLASSES[piece["type"]]
        fields = {
            "title": piece["title"],
            "slug": piece["slug"],
            "language": piece["language"],
            "lead": piece["lead"],
            "body": paragraphs(piece["body"]),
            "date": datetime.date.fromisoformat(piece["date"]),
            "is_demo": True,
        }
        if piece["type"] == "example":
            fields |= {
                "why": piece["why"],
                "how": piece["how"],
                "results": piece["results"],
                "cost": piece["cost"],
                "lessons": piece["lessons"],
                "contact_text": piece["contact"],
            }
        elif piece["type"] == "publication":
            fields |= {
                "kind": piece["kind"],
                "publisher": piece["publisher"],
                "year": piece["year"],
                "commissioned_by_centre": piece["commissioned"],
                "research_institution": piece.get("institution", ""),
            }
        elif piece["type"] == "film":
            fields |= {
                "transcript": piece["transcript"],
                "duration": datetime.timedelta(minutes=piece["duration_minutes"]),
            }
        elif piece["type"] == "research":
            fields |= {
                "institution": piece["institution"],
                "commissioned_year": piece["commissioned_year"],
                "programme": piece["programme"],
                "abstract": piece["abstract"],
            }
        return page_class(**fields)

    def _tag(self, page, piece, areas, groups, municipalities) -> None:
        page.knowledge_areas = [areas[s] for s in piece["areas"] if s in areas]
        page.target_groups = [groups[s] for s in piece["groups"] if s in groups]
        places = [municipalities[c] for c in piece["municipalities"] if c in municipalities]
        page.municipalities = places
        page.counties = list({m.county_id: m.county for m in places}.values())
