"""Compute Distriktsindeksen from stored observations and store it when the edition is complete."""

from django.core.management.base import BaseCommand, CommandError

from distrikt.municipalities.indices import METHODS, compute_edition, store_edition
from distrikt.municipalities.services import refresh_key_figures


class Command(BaseCommand):
    help = "Compute Distriktsindeksen for an edition year and method version (2022 or 2018)."

    def add_arguments(self, parser) -> None:
        parser.add_argument("--year", type=int, required=True)
        parser.add_argument("--method", choices=sorted(METHODS), default="2022")
        parser.add_argument(
            "--simplified",
            action="store_true",
            help="Store the simplified variant over the available components when inputs are incomplete.",
        )

    def handle(self, *args, **options) -> None:
        edition = compute_edition(options["year"], options["method"], simplified=options["simplified"])
        for key, component in edition.inputs.items():
            if key in edition.weights:
                self.stdout.write(
                    f"{key}: {len(component.values)}/{component.expected} municipalities ({component.basis})"
                )
        if not edition.rows:
            missing = ", ".join(component.key for component in edition.missing_components)
            raise CommandError(
                f"Edition {edition.year} (method {edition.method}) is incomplete; missing: {missing}. "
                "Nothing stored. Import the missing SSB tables or use --simplified."
            )
        stored = store_edition(edition)
        refresh_key_figures()
        variant = "simplified variant" if edition.is_simplified else "edition"
        self.stdout.write(f"Stored {stored} values of the {variant} {edition.year} ({edition.method}).")
