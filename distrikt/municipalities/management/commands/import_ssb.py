"""Import one or more SSB tables through PxWebApi v2 (JSON-stat2)."""

import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from tqdm import tqdm

from distrikt.municipalities.importers.observations import DataImportError
from distrikt.municipalities.importers.ssb import TABLES, SsbError, import_table
from distrikt.municipalities.services import refresh_key_figures

STAGES = ("fetch", "parse", "map", "write")


class Command(BaseCommand):
    help = (
        "Fetch SSB tables (known: "
        + ", ".join(f"{table_id} {spec.title}" for table_id, spec in TABLES.items())
        + ") and store them on the current municipality structure."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument("tables", nargs="+", help="SSB table ids, e.g. 07984 13470 06913")
        parser.add_argument("--years", nargs="*", type=int, help="Years to fetch (default: all)")
        parser.add_argument(
            "--select",
            action="append",
            default=[],
            metavar="DIMENSION=CODES",
            help="Extra or changed value selection, e.g. --select Sektor=6500",
        )
        parser.add_argument(
            "--file",
            type=Path,
            help="Read a saved JSON-stat2 response instead of fetching",
        )

    def handle(self, *args, **options) -> None:
        selection = {}
        for item in options["select"]:
            dimension, _, codes = item.partition("=")
            if not codes:
                raise CommandError(f"--select needs DIMENSION=CODES, got {item!r}")
            selection[dimension] = codes
        data = None
        if options["file"]:
            try:
                data = json.loads(options["file"].read_text(encoding="utf-8"))
            except (OSError, ValueError) as error:
                raise CommandError(f"Cannot read {options['file']}: {error}") from error
        for table_id in options["tables"]:
            with tqdm(total=len(STAGES), desc=table_id, disable=options["verbosity"] == 0) as bar:

                def progress(stage: str, bar=bar) -> None:
                    bar.set_postfix_str(stage)
                    bar.update(1)

                try:
                    result = import_table(
                        table_id,
                        years=options["years"],
                        extra_selection=selection,
                        data=data,
                        progress=progress,
                    )
                except (SsbError, DataImportError) as error:
                    raise CommandError(f"{table_id}: {error} (nothing was written)") from error
            self.stdout.write(
                f"{table_id}: {result.rows} values, {result.created} new, {result.updated} updated."
            )
        refresh_key_figures()
