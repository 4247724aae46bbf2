"""Compile every .po file of the project to .mo without needing GNU gettext on the machine."""

from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand

import polib


class Command(BaseCommand):
    help = "Compile the project's .po files (distrikt/**/locale) to .mo files."

    def handle(self, *args, **options) -> None:
        compiled = 0
        for po_path in sorted(Path(settings.PROJECT_DIR).glob("**/locale/*/LC_MESSAGES/*.po")):
            mo_path = po_path.with_suffix(".mo")
            if mo_path.exists() and mo_path.stat().st_mtime >= po_path.stat().st_mtime:
                continue
            polib.pofile(str(po_path)).save_as_mofile(str(mo_path))
            compiled += 1
        self.stdout.write(f"Compiled {compiled} translation file(s).")
