"""`werkroute recognise-occupation`: job titles as people write them -> occupations.

Reads one title per line on standard input (or the titles given as arguments) and writes, per
title, the best candidates. With --json, one JSON object per line:
{"text": ..., "candidates": [{"label", "esco_uri", "isco", "score", "code", "matched"}, ...]}
for operators normalising imported titles in bulk.
"""

import json
import sys
from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from werkroute.taxonomy.queries import recognise_occupation


class Command(BaseCommand):
    help = (
        "Herken beroepen in functietitels: één titel per regel op standaardinvoer (of als "
        "argumenten); per titel de beste kandidaten."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("titles", nargs="*", help="titels; zonder: lees standaardinvoer")
        parser.add_argument(
            "--json", action="store_true", help="één JSON-object per regel (JSON Lines)"
        )
        parser.add_argument(
            "--limit", type=int, default=3, help="aantal kandidaten per titel (standaard 3)"
        )

    def handle(self, *args: Any, titles: list[str], limit: int, **options: Any) -> None:
        as_json = options["json"]
        lines = titles or (line.rstrip("\r\n") for line in sys.stdin)
        for text in lines:
            if not text.strip():
                continue
            candidates = recognise_occupation(text, limit=max(limit, 1))
            if as_json:
                record = {"text": text, "candidates": [c.as_json() for c in candidates]}
                self.stdout.write(json.dumps(record, ensure_ascii=False))
                continue
            found = (
                "; ".join(f"{c.label} ({c.isco}, {c.score:.2f})" for c in candidates)
                or "geen beroep gevonden"
            )
            self.stdout.write(f"{text}\t{found}")
