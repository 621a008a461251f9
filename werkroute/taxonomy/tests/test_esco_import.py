"""The ESCO import: the full real download once for this module, and small broken cuts of it."""

from __future__ import annotations

import io
import json
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from django.core.management import call_command

import pytest

from conftest import SHARED_DATA
from werkroute.taxonomy import services
from werkroute.taxonomy.models import EscoSkill, IscoGroup, Occupation, OccupationSkill
from werkroute.taxonomy.queries import (
    clear_recogniser_cache,
    evidence_texts,
    recognise_occupation,
)
from werkroute.taxonomy.services import import_esco, sync_builtin_taxonomy

ESCO_DIR = SHARED_DATA / "esco"
KOK = "http://data.europa.eu/esco/occupation/90f75f67-495d-49fa-ab57-2f320e251d7e"

# What people type, and the (built-in) occupation it means.
EXAMPLES = {
    "heftruckchauffeur": "forklift_driver",
    "schoonmaakster": "cleaner",
    "kok": "cook",
    "magazijn medewerker": "warehouse_worker",
    "verzorgende ig": "care_assistant_ig",
    "buschauffeur": "bus_driver",
    "heftruck chaufeur": "forklift_driver",
    "schoonmaakser": "cleaner",
    "Magazijnmedewerkster": "warehouse_worker",
    "kokkin": "cook",
}


def _counts() -> dict[str, int]:
    return {
        "isco": IscoGroup.objects.count(),
        "skills": EscoSkill.objects.count(),
        "occupations": Occupation.objects.count(),
        "relations": OccupationSkill.objects.count(),
        "linked": Occupation.objects.filter(is_builtin=True).exclude(esco_uri="").count(),
    }


def _remove_esco_import() -> None:
    OccupationSkill.objects.all().delete()
    EscoSkill.objects.all().delete()
    IscoGroup.objects.all().delete()
    Occupation.objects.filter(is_builtin=False).delete()
    Occupation.objects.filter(is_builtin=True).update(
        esco_uri="", esco_label="", esco_alt_labels="", esco_hidden_labels=""
    )
    clear_recogniser_cache()


@dataclass
class FullImport:
    first: services.EscoImportResult
    second: services.EscoImportResult


@pytest.fixture(scope="module")
def full_import(django_db_setup: Any, django_db_blocker: Any) -> Iterator[FullImport]:
    """The real download, imported twice (committed), then taken out again after the module."""
    if not ESCO_DIR.is_dir():
        pytest.skip(f"ESCO files not found at {ESCO_DIR} (a clone without ../shared)")
    with django_db_blocker.unblock():
        _remove_esco_import()
        first = import_esco(ESCO_DIR)
        second = import_esco(ESCO_DIR)
        try:
            yield FullImport(first, second)
        finally:
            _remove_esco_import()


# --- the full download --------------------------------------------------------------------------


@pytest.mark.django_db
def test_the_full_download_imports_everything(full_import: FullImport) -> None:
    first = full_import.first
    assert first.isco_groups.created == 619
    assert first.skills.created == 13_896
    assert first.occupations.created + first.occupations.updated == 3_039
    # 191 relations in the v1.1.1 file name occupations that v1.2.0 no longer has.
    assert first.relations.created == 123_855 - 191
    assert any("191 relaties" in warning for warning in first.warnings)
    assert _counts()["isco"] == 619
    assert EscoSkill.objects.count() == 13_896
    assert Occupation.objects.exclude(esco_uri="").count() == 3_039
    # Its speed is a figure for docs/operations.md, not a test: a busy machine must not fail it.


@pytest.mark.django_db
def test_a_second_run_changes_nothing(full_import: FullImport) -> None:
    second = full_import.second
    assert not second.changed
    assert second.skills.unchanged == 13_896
    assert second.occupations.unchanged == 3_039
    assert second.relations.unchanged == 123_855 - 191


@pytest.mark.django_db
def test_skills_without_a_dutch_label_keep_the_english_one(full_import: FullImport) -> None:
    assert EscoSkill.objects.filter(label_language="nl").count() == 2_218
    assert EscoSkill.objects.filter(label_language="en").count() == 13_896 - 2_218
    dutch = EscoSkill.objects.get(uri__endswith="000f1d3d-220f-4789-9c0a-cc742521fb02")
    assert (dutch.label, dutch.label_language) == ("Haskell", "nl")
    english = EscoSkill.objects.get(uri__endswith="0005c151-5b5a-4a66-8aac-60e734beb1ab")
    assert (english.label, english.label_language) == ("manage musical staff", "en")
    assert full_import.first.skills_in_fallback_language == 13_896 - 2_218


@pytest.mark.django_db
def test_builtin_occupations_are_linked_not_duplicated(full_import: FullImport) -> None:
    cook = Occupation.objects.get(code="cook")
    assert cook.esco_uri == KOK
    assert cook.name == "Kok"  # the built-in name stays
    assert "kokkin" in cook.esco_alt_label_list
    assert cook.skill_links.filter(is_essential=True).exists()
    assert Occupation.objects.filter(esco_uri=KOK).count() == 1
    assert full_import.first.linked_builtin > 150
    forklift = Occupation.objects.get(code="forklift_driver")
    assert forklift.esco_label == "heftruckchauffeur"
    assert forklift.skills.count() > 5


@pytest.mark.django_db
def test_esco_occupations_get_a_field_from_builtin_ones_of_their_isco_group(
    full_import: FullImport,
) -> None:
    industrial_cook = Occupation.objects.get(esco_label="industriële kok")
    assert industrial_cook.is_builtin is False
    assert industrial_cook.isco08 == "5120"
    assert industrial_cook.field is not None
    assert industrial_cook.field.code == "hospitality_tourism"
    stage_manager = Occupation.objects.get(esco_label="inspiciënt")  # ISCO 2654: no built-in
    assert stage_manager.field is None


@pytest.mark.django_db
def test_the_builtin_sync_keeps_what_the_import_added(full_import: FullImport) -> None:
    before = Occupation.objects.get(code="cook")
    links = before.skill_links.count()
    sync_builtin_taxonomy()
    after = Occupation.objects.get(code="cook")
    assert (after.esco_uri, after.esco_alt_labels) == (before.esco_uri, before.esco_alt_labels)
    assert after.skill_links.count() == links
    assert after.updated_at == before.updated_at  # nothing changed, nothing written


@pytest.mark.django_db
@pytest.mark.parametrize(("text", "code"), sorted(EXAMPLES.items()))
def test_recognition_after_the_import(full_import: FullImport, text: str, code: str) -> None:
    best = recognise_occupation(text)[0]
    assert best.code == code, [(c.label, c.score) for c in recognise_occupation(text)]


@pytest.mark.django_db
def test_recognition_finds_esco_only_occupations(full_import: FullImport) -> None:
    best = recognise_occupation("toneelmeester")[0]
    assert best.label == "inspiciënt"
    assert best.esco_uri.startswith("http://data.europa.eu/esco/occupation/")
    assert best.isco == "2654"


@pytest.mark.django_db
def test_the_command_writes_json_lines(
    full_import: FullImport, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO("heftruckchauffeur\n\nkok\n"))
    out = io.StringIO()
    call_command("recognise_occupation", "--json", stdout=out)
    records = [json.loads(line) for line in out.getvalue().splitlines()]
    assert [r["text"] for r in records] == ["heftruckchauffeur", "kok"]
    first = records[0]["candidates"]
    assert len(first) == 3
    assert first[0]["label"] == "Heftruckchauffeur"
    assert first[0]["isco"] == "8344"
    assert first[0]["esco_uri"].startswith("http://data.europa.eu/esco/occupation/")
    assert first[0]["score"] >= first[1]["score"] >= first[2]["score"]
    assert records[1]["candidates"][0]["esco_uri"] == KOK


@pytest.mark.django_db
def test_descriptions_are_stored_and_help_recognition(full_import: FullImport) -> None:
    inspicient = Occupation.objects.get(esco_label="inspiciënt")
    assert inspicient.esco_description.startswith("Technische directeuren")
    texts = evidence_texts([inspicient])[inspicient.pk]
    assert texts[0] == inspicient.esco_description
    assert len(texts) == 1 + inspicient.skill_links.count()
