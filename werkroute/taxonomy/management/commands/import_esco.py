"""`werkroute import-esco DIR`: load the official ESCO CSV download (one language per run)."""

import sys
import time
from pathlib import Path
from typing import Any, TextIO

from django.core.management.base import BaseCommand, CommandError, CommandParser

from werkroute.core.services import ImportFailed
from werkroute.taxonomy.services import import_esco

BAR_WIDTH = 30


class ProgressBar:
    """A one-line text progress bar on a terminal; one line per finished stage elsewhere."""

    def __init__(self, stream: TextIO) -> None:
        self.stream = stream
        self.live = hasattr(stream, "isatty") and stream.isatty()
        self.stage = ""

    def __call__(self, stage: str, done: int, total: int) -> None:
        if stage != self.stage:
            self.stage = stage
        share = done / total if total else 1.0
        if self.live:
            filled = round(BAR_WIDTH * share)
            bar = "#" * filled + "-" * (BAR_WIDTH - filled)
            end = "\n" if done >= total else ""
            self.stream.write(f"\r{stage[:40]:<40} [{bar}] {share:4.0%}{end}")
            self.stream.flush()
        elif done >= total:
            self.stream.write(f"{stage}: klaar ({total})\n")


class Command(BaseCommand):
    help = (
        "Importeer de ESCO-download (CSV): beroepen, vaardigheden, hun relaties en ISCO-groepen. "
        "Alles of niets; een tweede keer verandert niets."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("directory", type=Path, help="de map met de CSV-bestanden van ESCO")
        parser.add_argument(
            "--language",
            default="nl",
            help="taal van de namen (standaard nl); ontbreekt een naam, dan de Engelse",
        )
        parser.add_argument(
            "--no-progress", action="store_true", help="geen voortgangsbalk op stderr"
        )

    def handle(self, *args: Any, directory: Path, language: str, **options: Any) -> None:
        started = time.perf_counter()
        stream = getattr(self.stderr, "_out", sys.stderr)
        progress = None if options["no_progress"] else ProgressBar(stream)
        try:
            result = import_esco(directory, language=language, progress=progress)
        except ImportFailed as exc:
            raise CommandError("Niets geïmporteerd.\n" + "\n".join(exc.errors)) from None
        seconds = time.perf_counter() - started
        for warning in result.warnings:
            self.stdout.write(self.style.WARNING(warning))
        self.stdout.write(f"Bestanden: {', '.join(result.files)}")
        self.stdout.write(f"ISCO-groepen: {result.isco_groups}")
        fallback = result.skills_in_fallback_language
        self.stdout.write(
            f"Vaardigheden: {result.skills}"
            + (
                f" ({fallback} met de Engelse naam: ESCO heeft er geen in deze taal)"
                if fallback
                else ""
            )
        )
        self.stdout.write(
            f"Beroepen: {result.occupations} ({result.builtin_with_esco} ingebouwde beroepen "
            f"gekoppeld aan hun ESCO-beroep, {result.linked_builtin} daarvan nu)"
        )
        self.stdout.write(f"Relaties beroep-vaardigheid: {result.relations}")
        summary = (
            "ESCO geïmporteerd" if result.changed else "ESCO was al bijgewerkt: niets veranderd"
        )
        self.stdout.write(self.style.SUCCESS(f"{summary} in {seconds:.1f} s."))
