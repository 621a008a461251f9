"""Checks on the built-in taxonomy CSV files and their reader (no Django)."""

from __future__ import annotations

import csv
import string
from collections import Counter, defaultdict
from pathlib import Path

import pytest

from werkroute.taxonomy.builtin import (
    FieldRow,
    OccupationRow,
    SectorRow,
    read_fields,
    read_occupations,
    read_sectors,
)

PROJECT_ROOT = Path(__file__).resolve().parents[3]
# The shared data folder sits next to the project root, not inside it.
SHARED_DATA = PROJECT_ROOT / ".." / "shared" / "data"
ESCO_ISCO_GROUPS = SHARED_DATA / "esco" / "ISCOGroups_nl.csv"
ISCO_BRC_CROSSWALK = SHARED_DATA / "classifications" / "isco08_brc2014_crosswalk.csv"

EXPECTED_FIELDS = {
    "hospitality_tourism",
    "construction_installation",
    "care_welfare",
    "transport_logistics",
    "cleaning",
    "green",
    "retail",
    "production_technology",
    "administration_customer_contact",
    "education_support",
    "security",
    "ict",
    "other",
}

OCCUPATIONS_HEADER = "code,name,name_female,isco08,field,sector,synonyms\n"
WAITER_ROW = "waiter,Ober,,5131,hospitality_tourism,I,\n"


def _codes_in_column(path: Path, column: str) -> set[str]:
    if not path.is_file():
        pytest.skip(f"{path.name} not found at {path.resolve()}: the shared data folder is absent")
    with path.open(encoding="utf-8", newline="") as handle:
        return {row[column].strip() for row in csv.DictReader(handle)}


def _write(tmp_path: Path, text: str, name: str = "occupations.csv") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


# --- the shipped data -------------------------------------------------------


def test_it_reads_every_row_of_the_builtin_files() -> None:
    sectors = read_sectors()
    fields = read_fields()
    occupations = read_occupations()

    assert all(isinstance(row, SectorRow) for row in sectors)
    assert all(isinstance(row, FieldRow) for row in fields)
    assert all(isinstance(row, OccupationRow) for row in occupations)
    assert len(sectors) == 21
    assert len(fields) == len(EXPECTED_FIELDS)
    assert len(occupations) >= 180


def test_sectors_are_exactly_the_sbi_sections_a_to_u() -> None:
    codes = [row.code for row in read_sectors()]

    assert codes == list(string.ascii_uppercase[: string.ascii_uppercase.index("U") + 1])
    assert all(row.name for row in read_sectors())


def test_fields_are_the_policy_fields() -> None:
    fields = read_fields()

    assert {row.code for row in fields} == EXPECTED_FIELDS
    assert all(row.name and row.name_en for row in fields)


def test_occupation_codes_are_unique() -> None:
    counts = Counter(row.code for row in read_occupations())

    assert [code for code, count in counts.items() if count > 1] == []


def test_every_field_except_other_has_at_least_ten_occupations() -> None:
    counts = Counter(row.field for row in read_occupations())

    too_few = {field: counts[field] for field in EXPECTED_FIELDS - {"other"} if counts[field] < 10}
    assert too_few == {}
    assert counts["other"] >= 1


def test_each_name_or_synonym_points_to_one_occupation() -> None:
    owners: dict[str, set[str]] = defaultdict(set)
    for row in read_occupations():
        for term in (row.name, row.name_female, *row.synonyms):
            if term:
                owners[term.casefold()].add(row.code)

    assert {term: codes for term, codes in owners.items() if len(codes) > 1} == {}


def test_synonyms_are_trimmed_and_do_not_repeat_the_name() -> None:
    for row in read_occupations():
        assert all(synonym == synonym.strip() and synonym for synonym in row.synonyms)
        names = {row.name.casefold(), row.name_female.casefold()}
        assert not names & {synonym.casefold() for synonym in row.synonyms}, row.code
        assert len(set(row.synonyms)) == len(row.synonyms), row.code


def test_every_isco08_code_is_an_esco_unit_group() -> None:
    unit_groups = {code for code in _codes_in_column(ESCO_ISCO_GROUPS, "code") if len(code) == 4}

    unknown = {row.code: row.isco08 for row in read_occupations() if row.isco08 not in unit_groups}
    assert unknown == {}


def test_every_isco08_code_is_in_the_brc_crosswalk() -> None:
    crosswalk = _codes_in_column(ISCO_BRC_CROSSWALK, "ISCO2008unitgroup")

    unknown = {row.code: row.isco08 for row in read_occupations() if row.isco08 not in crosswalk}
    assert unknown == {}


# --- the reader -------------------------------------------------------------


def test_it_strips_whitespace_and_splits_synonyms(tmp_path: Path) -> None:
    path = _write(
        tmp_path,
        OCCUPATIONS_HEADER
        + " cleaner , Schoonmaker , Schoonmaakster , 9112 , cleaning , N ,"
        + '" schoonmaakmedewerker | poetshulp ||"\n'
        + "\n"
        + "cook,Kok,,5120,hospitality_tourism,I,\n",
    )

    rows = read_occupations(path)

    assert rows == [
        OccupationRow(
            code="cleaner",
            name="Schoonmaker",
            name_female="Schoonmaakster",
            isco08="9112",
            field="cleaning",
            sector="N",
            synonyms=("schoonmaakmedewerker", "poetshulp"),
        ),
        OccupationRow(
            code="cook",
            name="Kok",
            name_female="",
            isco08="5120",
            field="hospitality_tourism",
            sector="I",
            synonyms=(),
        ),
    ]


def test_it_checks_fields_and_sectors_against_the_given_codes(tmp_path: Path) -> None:
    path = _write(tmp_path, OCCUPATIONS_HEADER + "cook,Kok,,5120,kitchen,Z,\n")

    rows = read_occupations(path, field_codes={"kitchen"}, sector_codes={"Z"})

    assert [row.code for row in rows] == ["cook"]


# Line 1 is the header and line 2 a valid row, so each body starts on line 3.
@pytest.mark.parametrize(
    ("body", "line", "problem"),
    [
        ("cook,Kok,,5120,hospitality_tourism,I\n", 3, "expected 7 columns, found 6"),
        ("cook,Kok,,512,hospitality_tourism,I,\n", 3, "isco08 '512' is not a 4-digit"),
        ("cook,Kok,,51a0,hospitality_tourism,I,\n", 3, "isco08 '51a0' is not a 4-digit"),
        ("cook,Kok,,5120,kitchen,I,\n", 3, "unknown field 'kitchen'"),
        ("cook,Kok,,5120,hospitality_tourism,Z,\n", 3, "unknown sector 'Z'"),
        ("cook,,,5120,hospitality_tourism,I,\n", 3, "missing value for name"),
        ("Cook Chef,Kok,,5120,hospitality_tourism,I,\n", 3, "not lower snake_case"),
        (
            "cook,Kok,,5120,hospitality_tourism,I,\n\ncook,Kok,,5120,hospitality_tourism,I,\n",
            5,
            "duplicate code 'cook' (first on line 3)",
        ),
        (
            '"cook\n",Kok,,5120,hospitality_tourism,I,\nchef,Chef-kok,,34,hospitality_tourism,I,\n',
            5,
            "isco08 '34' is not a 4-digit",
        ),
    ],
)
def test_it_rejects_a_malformed_occupation_row(
    tmp_path: Path, body: str, line: int, problem: str
) -> None:
    path = _write(
        tmp_path, OCCUPATIONS_HEADER + "waiter,Ober,,5131,hospitality_tourism,I,\n" + body
    )

    with pytest.raises(ValueError) as excinfo:
        read_occupations(path)

    message = str(excinfo.value)
    assert message.startswith(f"occupations.csv, line {line}: ")
    assert problem in message


def test_it_rejects_a_file_with_a_missing_column(tmp_path: Path) -> None:
    path = _write(
        tmp_path,
        "code,name,isco08,field,sector,synonyms\ncook,Kok,5120,hospitality_tourism,I,\n",
    )

    with pytest.raises(ValueError, match=r"^occupations\.csv, line 1: missing column name_female"):
        read_occupations(path)


def test_it_rejects_a_malformed_sector_or_field(tmp_path: Path) -> None:
    sectors = _write(tmp_path, "code,name\nA,Landbouw\nab,Iets\n", name="sectors.csv")
    fields = _write(tmp_path, "code,name,name_en\ngreen,Groen,Green\ngreen,Tuin,Garden\n", "f.csv")

    with pytest.raises(ValueError, match=r"^sectors\.csv, line 3: sector code 'ab'"):
        read_sectors(sectors)
    with pytest.raises(ValueError, match=r"^f\.csv, line 3: duplicate code 'green'"):
        read_fields(fields)
