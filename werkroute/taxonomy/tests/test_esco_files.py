"""The ESCO import on small cuts of the real download: counts, progress, and broken files."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

from django.core.management import CommandError, call_command

import pytest

from werkroute.core.services import ImportFailed
from werkroute.taxonomy import services
from werkroute.taxonomy.models import EscoSkill, IscoGroup, Occupation, OccupationSkill
from werkroute.taxonomy.services import import_esco
from werkroute.taxonomy.tests import esco_files


def _counts() -> dict[str, int]:
    return {
        "isco": IscoGroup.objects.count(),
        "skills": EscoSkill.objects.count(),
        "occupations": Occupation.objects.count(),
        "relations": OccupationSkill.objects.count(),
        "linked": Occupation.objects.exclude(esco_uri="").count(),
    }


# --- small cuts of the download -----------------------------------------------------------------


@pytest.fixture
def small(shared_data: Path, tmp_path: Path) -> Path:
    return esco_files.small_download(shared_data / "esco", tmp_path / "esco")


@pytest.mark.django_db
def test_the_command_reports_counts_and_shows_progress(small: Path) -> None:
    out, err = io.StringIO(), io.StringIO()
    call_command("import_esco", str(small), stdout=out, stderr=err)
    # kok and heftruckchauffeur are built-in occupations: linked, not created.
    assert "Beroepen: 2 nieuw, 2 bijgewerkt" in out.getvalue()
    assert Occupation.objects.get(code="cook").esco_label == "kok"
    assert EscoSkill.objects.filter(label_language="en").exists()
    assert "relaties opslaan: klaar" in err.getvalue()
    out = io.StringIO()
    call_command("import_esco", str(small), stdout=out, stderr=io.StringIO())
    assert "niets veranderd" in out.getvalue()


def _expect_failure(directory: Path, *messages: str) -> str:
    before = _counts()
    with pytest.raises(CommandError) as caught:
        call_command("import_esco", str(directory), stdout=io.StringIO(), stderr=io.StringIO())
    text = str(caught.value)
    assert text.startswith("Niets geïmporteerd.")
    for message in messages:
        assert message in text, text
    assert _counts() == before
    return text


@pytest.mark.django_db
def test_a_missing_column_is_named(small: Path) -> None:
    header, rows = esco_files.read(small / esco_files.OCCUPATIONS)
    drop = header.index("iscoGroup")
    esco_files.write(
        small / esco_files.OCCUPATIONS,
        [h for i, h in enumerate(header) if i != drop],
        [[v for i, v in enumerate(row) if i != drop] for row in rows],
    )
    _expect_failure(small, "occupations_nl.csv, regel 1: kolom ontbreekt: iscoGroup")


@pytest.mark.django_db
def test_a_broken_relation_row_is_named_with_its_line(small: Path) -> None:
    path = small / esco_files.RELATIONS
    header, rows = esco_files.read(path)
    rows[5][header.index("relationType")] = "verplicht"
    esco_files.write(path, header, rows)
    line = esco_files.line_of(path, lambda row: "verplicht" in row)
    _expect_failure(
        small,
        f"occupationSkillRelations.csv, regel {line}: relationType 'verplicht' is niet "
        "'essential' of 'optional'",
    )


@pytest.mark.django_db
def test_a_row_with_too_few_columns_is_named_with_its_line(small: Path) -> None:
    path = small / esco_files.SKILLS_EN
    header, rows = esco_files.read(path)
    rows.insert(3, ["http://data.europa.eu/esco/skill/kapot", "knowledge"])
    esco_files.write(path, header, rows)
    line = esco_files.line_of(path, lambda row: row[0].endswith("/kapot"))
    _expect_failure(small, f"skills_en.csv, regel {line}: verwacht 5 kolommen, gevonden 2")


@pytest.mark.django_db
def test_an_occupation_without_isco_group_and_a_missing_file(small: Path) -> None:
    path = small / esco_files.OCCUPATIONS
    header, rows = esco_files.read(path)
    rows[1][header.index("iscoGroup")] = "12x"
    esco_files.write(path, header, rows)
    line = esco_files.line_of(path, lambda row: row[header.index("iscoGroup")] == "12x")
    _expect_failure(small, f"occupations_nl.csv, regel {line}: iscoGroup '12x'")
    for name in (esco_files.SKILLS_EN, esco_files.SKILLS_NL):
        (small / name).unlink()
    _expect_failure(small, "Bestand ontbreekt", "skills_nl.csv (of skills_en.csv)")


@pytest.mark.django_db
def test_a_failure_while_writing_leaves_nothing_behind(
    small: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = _counts()

    def fail(*args: Any, **kwargs: Any) -> None:
        raise RuntimeError("the disk is full")

    monkeypatch.setattr(services, "_save_relations", fail)
    with pytest.raises(RuntimeError):
        import_esco(small)
    assert _counts() == before
    assert not Occupation.objects.exclude(esco_uri="").exists()


@pytest.mark.django_db
def test_a_directory_that_is_not_there(tmp_path: Path) -> None:
    with pytest.raises(ImportFailed) as caught:
        import_esco(tmp_path / "bestaat-niet")
    assert "Map niet gevonden" in str(caught.value)
