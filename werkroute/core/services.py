"""Writes to the core tables: regions, municipalities and the postcode table."""

import csv
import io
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from django.db import transaction
from django.utils.translation import gettext as _

from werkroute.core.models import PostcodeArea

POSTCODE_COLUMNS_REQUIRED = ("pc4", "lat", "lon")
POSTCODE_COLUMN_MAP = {
    "plaats": "place",
    "gemeentecode": "municipality_code",
    "gemeentenaam": "municipality_name",
    "provincie": "province",
}
MAX_REPORTED_ERRORS = 10
NL_BOUNDS = (50.6, 53.7, 3.2, 7.3)  # lat min/max, lon min/max: a point outside is a broken row


class RowSkipped(Exception):
    """A row that carries no usable data (a postcode area without a centroid): noted, not an error."""


class ImportFailed(ValueError):
    """An import that wrote nothing; errors name the file line and the problem."""

    def __init__(self, errors: list[str]):
        self.errors = errors
        super().__init__("\n".join(errors))


@dataclass
class ImportResult:
    created: int = 0
    updated: int = 0
    rows: int = 0
    warnings: list[str] = field(default_factory=list)


def _parse_postcode_row(row: dict[str, str], line: int) -> PostcodeArea:
    pc4 = (row.get("pc4") or "").strip()
    if len(pc4) != 4 or not pc4.isdigit() or pc4.startswith("0"):
        raise ValueError(
            _("regel %(line)d: postcode %(pc4)r heeft geen 4 cijfers") % {"line": line, "pc4": pc4}
        )
    if not (row.get("lat") or "").strip() and not (row.get("lon") or "").strip():
        raise RowSkipped(
            _("regel %(line)d: postcode %(pc4)s heeft geen coördinaten en is overgeslagen")
            % {"line": line, "pc4": pc4}
        )
    try:
        lat, lon = float(row["lat"]), float(row["lon"])
    except (TypeError, ValueError):
        raise ValueError(
            _("regel %(line)d: lat en lon moeten getallen zijn") % {"line": line}
        ) from None
    min_lat, max_lat, min_lon, max_lon = NL_BOUNDS
    if not (min_lat <= lat <= max_lat and min_lon <= lon <= max_lon):
        raise ValueError(
            _("regel %(line)d: punt %(lat)s, %(lon)s ligt niet in Nederland")
            % {"line": line, "lat": lat, "lon": lon}
        )
    extra = {
        target: (row.get(source) or "").strip() for source, target in POSTCODE_COLUMN_MAP.items()
    }
    return PostcodeArea(pc4=pc4, lat=lat, lon=lon, **extra)


def read_postcode_areas(
    lines: Iterable[str], source: str, warnings: list[str] | None = None
) -> list[PostcodeArea]:
    reader = csv.DictReader(lines)
    missing = [c for c in POSTCODE_COLUMNS_REQUIRED if c not in (reader.fieldnames or [])]
    if missing:
        raise ImportFailed(
            [
                _("%(source)s: kolom ontbreekt: %(columns)s")
                % {"source": source, "columns": ", ".join(missing)}
            ]
        )
    areas: dict[str, PostcodeArea] = {}
    errors: list[str] = []
    for line, row in enumerate(reader, start=2):
        try:
            area = _parse_postcode_row(row, line)
        except RowSkipped as skipped:
            if warnings is not None:
                warnings.append(f"{source}: {skipped}")
            continue
        except ValueError as exc:
            errors.append(f"{source}: {exc}")
            if len(errors) >= MAX_REPORTED_ERRORS:
                break
            continue
        if area.pc4 in areas:
            errors.append(
                _("%(source)s: regel %(line)d: postcode %(pc4)s staat er twee keer in")
                % {"source": source, "line": line, "pc4": area.pc4}
            )
        areas[area.pc4] = area
    if errors:
        raise ImportFailed(errors)
    if not areas:
        raise ImportFailed([_("%(source)s: het bestand bevat geen postcodes") % {"source": source}])
    return list(areas.values())


@transaction.atomic
def save_postcode_areas(areas: list[PostcodeArea]) -> ImportResult:
    existing = set(PostcodeArea.objects.values_list("pc4", flat=True))
    PostcodeArea.objects.bulk_create(
        areas,
        batch_size=1000,
        update_conflicts=True,
        unique_fields=["pc4"],
        update_fields=["lat", "lon", *POSTCODE_COLUMN_MAP.values()],
    )
    created = sum(1 for a in areas if a.pc4 not in existing)
    return ImportResult(created=created, updated=len(areas) - created, rows=len(areas))


def import_postcode_file(path: Path) -> ImportResult:
    """Load a CBS-derived four-digit postcode table; all rows or none."""
    try:
        text = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise ImportFailed([_("Bestand niet gevonden: %(path)s") % {"path": path}]) from None
    except UnicodeDecodeError:
        raise ImportFailed(
            [_("%(path)s is geen UTF-8-tekstbestand (CSV)") % {"path": path}]
        ) from None
    warnings: list[str] = []
    areas = read_postcode_areas(io.StringIO(text), path.name, warnings)
    result = save_postcode_areas(areas)
    result.warnings = warnings
    return result
