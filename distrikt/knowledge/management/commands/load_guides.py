"""Create the guides (idempotent; never overwrites edits). Draft guides stay unpublished.

Published guides are listed in the knowledge bank: new ones through the publish signal,
and ones made before guides joined the bank by the sync at the end.
"""

from django.core.management.base import BaseCommand
from django.db import transaction

from wagtail.models import Page

from distrikt.knowledge import sync
from distrikt.knowledge.models import GuidePage, KnowledgeIndexPage
from distrikt.organisation.models import KnowledgeArea

from ._guide_content import DRAFT_TEXT, GUIDES


def step_value(title: str, paragraphs: list[str] | None, checklist: list[str]) -> dict:
    body = "".join(f"<p>{text}</p>" for text in paragraphs) if paragraphs else DRAFT_TEXT
    return {"title": title, "body": body, "checklist": checklist, "templates": []}


class Command(BaseCommand):
    help = "Create the local democracy guide (published) and two draft guides for editors."

    @transaction.atomic
    def handle(self, *args, **options) -> None:
        index = KnowledgeIndexPage.objects.first()
        if index is None:
            self.stderr.write("No knowledge index; run load_knowledge first.")
            return
        existing = set(Page.objects.child_of(index).values_list("slug", flat=True))
        areas = {area.slug: area for area in KnowledgeArea.objects.all()}
        created = 0
        for guide in GUIDES:
            if guide["slug"] in existing:
                continue
            page = GuidePage(
                title=guide["title"],
                slug=guide["slug"],
                language="nn",
                lead=guide["lead"],
                steps=[("step", step_value(*step)) for step in guide["steps"]],
                live=guide["publish"],
            )
            page.knowledge_areas = [areas[slug] for slug in guide["areas"] if slug in areas]
            index.add_child(instance=page)
            revision = page.save_revision()
            if guide["publish"]:
                revision.publish()
            created += 1
        for page in GuidePage.objects.child_of(index).live():
            sync.sync_page(page)
        self.stdout.write(f"Guides ready: {created} added.")
