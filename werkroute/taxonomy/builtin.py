"""Read the built-in compact taxonomy that ships as CSV files in ``data/``.

Three files, UTF-8 with a header row:

- ``sectors.csv``: the SBI 2008 sections A-U (``code,name``).
- ``occupational_fields.csv``: the policy fields (beroepsvelden) that
  municipalities target (``code,name,name_en``).
- ``occupations.csv``: a compact list of occupations
  (``code,name,name_female,isco08,field,sector,synonyms``), with the synonyms
  separated by ``|``.

This module is plain Python (no Django), so importers, management commands and
tests can all use it. Every reader strips whitespace and raises ``ValueError``
naming the file, the line and the problem when a row is malformed.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Collection, Iterator
from dataclasses import dataclass
from pathlib import Path

DATA_DIR = Path(__file__).parent / "data"
SECTORS_CSV = DATA_DIR / "sectors.csv"
FIELDS_CSV = DATA_DIR / "occupational_fields.csv"
OCCUPATIONS_CSV = DATA_DIR / "occupations.csv"

SYNONYM_SEPARATOR = "|"

SECTOR_COLUMNS = ("code", "name")
FIELD_COLUMNS = ("code", "name", "name_en")
OCCUPATION_COLUMNS = (
    "code",
    "name",
    "name_female",
    "isco08",
    "field",
    "sector",
    "synonyms",
)
# Columns that may be left empty; every other column needs a value.
_OPTIONAL_OCCUPATION_COLUMNS = frozenset({"name_female", "synonyms"})

_SNAKE_CASE = re.compile(r"[a-z][a-z0-9]*(?:_[a-z0-9]+)*")
_SECTOR_CODE = re.compile(r"[A-Z]")
_ISCO_UNIT_GROUP = re.compile(r"[0-9]{4}")


@dataclass(frozen=True, slots=True)
class SectorRow:
    """One SBI 2008 section, e.g. ``F`` Bouwnijverheid."""

    code: str
    name: str


@dataclass(frozen=True, slots=True)
class FieldRow:
    """One occupational field (beroepsveld), e.g. ``cleaning`` Schoonmaak."""

    code: str
    name: str
    name_en: str


@dataclass(frozen=True, slots=True)
class OccupationRow:
    """One occupation with its ISCO-08 unit group, field and typical sector."""

    code: str
    name: str
    name_female: str
    isco08: str
    field: str
    sector: str
    synonyms: tuple[str, ...]


def read_sectors(path: Path | None = None) -> list[SectorRow]:
    """Read the SBI sections from ``path`` (default: the built-in file)."""
    path = SECTORS_CSV if path is None else path
    rows: list[SectorRow] = []
    first_seen: dict[str, int] = {}
    for line, values in _read_csv(path, SECTOR_COLUMNS):
        code = values["code"]
        if not _SECTOR_CODE.fullmatch(code):
            raise _error(path, line, f"sector code {code!r} is not one capital letter")
        _check_unique(path, line, code, first_seen)
        rows.append(SectorRow(code=code, name=values["name"]))
    return rows


def read_fields(path: Path | None = None) -> list[FieldRow]:
    """Read the occupational fields from ``path`` (default: the built-in file)."""
    path = FIELDS_CSV if path is None else path
    rows: list[FieldRow] = []
    first_seen: dict[str, int] = {}
    for line, values in _read_csv(path, FIELD_COLUMNS):
        code = values["code"]
        _check_snake_case(path, line, code)
        _check_unique(path, line, code, first_seen)
        rows.append(FieldRow(code=code, name=values["name"], name_en=values["name_en"]))
    return rows


def read_occupations(
    path: Path | None = None,
    *,
    field_codes: Collection[str] | None = None,
    sector_codes: Collection[str] | None = None,
) -> list[OccupationRow]:
    """Read the occupations from ``path`` (default: the built-in file).

    ``field`` and ``sector`` must be known codes. They are checked against
    ``field_codes`` and ``sector_codes``, which default to the codes in the
    built-in fields and sectors files.
    """
    path = OCCUPATIONS_CSV if path is None else path
    if field_codes is None:
        field_codes = {row.code for row in read_fields()}
    if sector_codes is None:
        sector_codes = {row.code for row in read_sectors()}
    rows: list[OccupationRow] = []
    first_seen: dict[str, int] = {}
    for line, values in _read_csv(path, OCCUPATION_COLUMNS, _OPTIONAL_OCCUPATION_COLUMNS):
        code = values["code"]
        _check_snake_case(path, line, code)
        isco08 = values["isco08"]
        if not _ISCO_UNIT_GROUP.fullmatch(isco08):
            raise _error(path, line, f"isco08 {isco08!r} is not a 4-digit unit group")
        if values["field"] not in field_codes:
            raise _error(path, line, f"unknown field {values['field']!r}")
        if values["sector"] not in sector_codes:
            raise _error(path, line, f"unknown sector {values['sector']!r}")
        _check_unique(path, line, code, first_seen)
        rows.append(
            OccupationRow(
                code=code,
                name=values["name"],
                name_female=values["name_female"],
                isco08=isco08,
                field=values["field"],
                sector=values["sector"],
                synonyms=_split_synonyms(values["synonyms"]),
            )
        )
    return rows


def _read_csv(
    path: Path,
    columns: tuple[str, ...],
    optional: Collection[str] = (),
) -> Iterator[tuple[int, dict[str, str]]]:
    """Yield ``(line number, stripped values by column)`` for each data row.

    The line number is where the row starts in the file (the header is line 1).
    Blank lines are skipped.
    """
    with path.open(encoding="utf-8-sig", newline="") as handle:
        reader = csv.reader(handle)
        header = _read_header(path, reader, columns)
        while True:
            line = reader.line_num + 1
            try:
                raw = next(reader)
            except StopIteration:
                return
            except (csv.Error, UnicodeDecodeError) as exc:
                raise _error(path, line, f"cannot parse the row: {exc}") from exc
            if not any(value.strip() for value in raw):
                continue
            if len(raw) != len(header):
                raise _error(path, line, f"expected {len(header)} columns, found {len(raw)}")
            values = {name: value.strip() for name, value in zip(header, raw, strict=True)}
            empty = [name for name in columns if name not in optional and not values[name]]
            if empty:
                raise _error(path, line, f"missing value for {', '.join(empty)}")
            yield line, values


def _read_header(
    path: Path,
    reader: Iterator[list[str]],
    columns: tuple[str, ...],
) -> list[str]:
    try:
        raw = next(reader, None)
    except (csv.Error, UnicodeDecodeError) as exc:
        raise _error(path, 1, f"cannot parse the header: {exc}") from exc
    if raw is None:
        raise _error(path, 1, "the file is empty, expected a header row")
    header = [name.strip() for name in raw]
    missing = [name for name in columns if name not in header]
    if missing:
        raise _error(path, 1, f"missing column {', '.join(missing)}")
    unexpected = [name for name in header if name not in columns]
    if unexpected:
        raise _error(path, 1, f"unexpected column {', '.join(unexpected)}")
    if len(header) != len(set(header)):
        raise _error(path, 1, "a column name appears twice")
    return header


def _split_synonyms(value: str) -> tuple[str, ...]:
    parts = (part.strip() for part in value.split(SYNONYM_SEPARATOR))
    return tuple(part for part in parts if part)


def _check_snake_case(path: Path, line: int, code: str) -> None:
    if not _SNAKE_CASE.fullmatch(code):
        raise _error(path, line, f"code {code!r} is not lower snake_case")


def _check_unique(path: Path, line: int, code: str, first_seen: dict[str, int]) -> None:
    if code in first_seen:
        raise _error(path, line, f"duplicate code {code!r} (first on line {first_seen[code]})")
    first_seen[code] = line


def _error(path: Path, line: int, problem: str) -> ValueError:
    return ValueError(f"{path.name}, line {line}: {problem}")
