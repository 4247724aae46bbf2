"""Generate a large corpus of demo knowledge pages for load tests (never for real sites)."""

from django.core.management.base import BaseCommand

from distrikt.knowledge.corpus import generate_corpus


class Command(BaseCommand):
    help = "Add N generated demo pages (titles end in «(testkorpus)») to the knowledge bank."

    def add_arguments(self, parser) -> None:
        parser.add_argument("--pages", type=int, default=20_000)
        parser.add_argument("--seed", type=int, default=4)

    def handle(self, *args, pages: int, seed: int, **options) -> None:
        count = generate_corpus(pages, seed=seed)
        self.stdout.write(f"{count} corpus pages added.")
