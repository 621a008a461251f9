from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils import timezone

from werkroute.subsidies.constants import vocabularies
from werkroute.subsidies.rules import COUNTRIES, read_catalogue
from werkroute.subsidies.services import schemes_dir


class Command(BaseCommand):
    help = (
        "Lees en controleer de bestanden met regelingen (standaard de map uit "
        "WERKROUTE_SCHEMES_DIR of de meegeleverde map). Toont elke fout met bestand, regeling en "
        "voorwaarde, en stopt met een foutcode als er een is."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("directory", nargs="?", help="De map met regelingen (nl/, be-vl/).")

    def handle(self, *args: Any, **options: Any) -> None:
        root = Path(options["directory"]) if options["directory"] else schemes_dir()
        catalogue, errors = read_catalogue(root, vocabularies(), today=timezone.localdate())
        for error in errors:
            self.stderr.write(self.style.ERROR(str(error)))
        if errors:
            raise CommandError(f"{len(errors)} fout(en) gevonden in {root}")
        counts = ", ".join(
            f"{len(catalogue.for_country(code))} voor {label}" for code, label in COUNTRIES.items()
        )
        self.stdout.write(self.style.SUCCESS(f"Alle regelingen in {root} zijn goed: {counts}."))
