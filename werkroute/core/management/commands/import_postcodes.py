from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from werkroute.core.services import ImportFailed, import_postcode_file


class Command(BaseCommand):
    help = "Load the national four-digit postcode table (CBS-derived CSV: pc4,lat,lon,plaats,...)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", type=Path)

    def handle(self, *args: Any, file: Path, **options: Any) -> None:
        try:
            result = import_postcode_file(file)
        except ImportFailed as exc:
            raise CommandError("Niets geïmporteerd.\n" + "\n".join(exc.errors)) from None
        for warning in result.warnings:
            self.stdout.write(self.style.WARNING(warning))
        self.stdout.write(
            self.style.SUCCESS(
                f"{result.rows} postcodegebieden: {result.created} nieuw, {result.updated} bijgewerkt."
            )
        )
