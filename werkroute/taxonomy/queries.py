"""Reads of the taxonomy: occupation recognition over the occupations in the database.

The recogniser (``werkroute.taxonomy.recognition``) is built from the Occupation table once per
process and kept; it is rebuilt when the occupations change (their number, highest id or latest
``updated_at`` differ: the built-in sync, the ESCO import and admin edits all bump these). With
only the built-in list it knows 255 occupations; after an ESCO import some 3,000, with every
ESCO label.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from typing import Any

from django.db.models import Count, Max

from werkroute.taxonomy.models import Occupation, OccupationSkill
from werkroute.taxonomy.recognition import LabelRow, OccupationRecogniser

__all__ = [
    "Candidate",
    "occupation_recogniser",
    "recognise_occupation",
    "suggest_occupations",
]


@dataclass(frozen=True, slots=True)
class Candidate:
    """An occupation that a text may mean: best first in the lists below."""

    occupation_id: int
    code: str
    label: str  # the occupation's name
    esco_uri: str  # "" for a built-in occupation the ESCO import has not linked
    isco: str
    score: float  # 0..1
    matched: str  # the label that matched what was typed (a synonym, a female form, ...)

    def as_json(self) -> dict[str, Any]:
        return {
            "label": self.label,
            "esco_uri": self.esco_uri,
            "isco": self.isco,
            "score": self.score,
            "code": self.code,
            "matched": self.matched,
        }


@dataclass(frozen=True, slots=True)
class _Entry:
    code: str
    label: str
    esco_uri: str
    isco: str


class _Cache:
    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.version: tuple[Any, ...] | None = None
        self.recogniser: OccupationRecogniser | None = None
        self.entries: dict[int, _Entry] = {}


_cache = _Cache()


def _version() -> tuple[Any, ...]:
    found = Occupation.objects.aggregate(
        count=Count("id"), top=Max("id"), changed=Max("updated_at")
    )
    return found["count"], found["top"], found["changed"]


def label_rows(occupations: Any) -> list[LabelRow]:
    """Every way each occupation is named, as rows for the recogniser."""
    rows: list[LabelRow] = []
    for occupation in occupations:
        key = occupation.pk
        rows.append(LabelRow(key, occupation.name, "preferred"))
        if occupation.name_female:
            rows.append(LabelRow(key, occupation.name_female, "female"))
        rows.extend(LabelRow(key, label, "synonym") for label in occupation.synonym_list)
        if occupation.esco_label:
            rows.append(LabelRow(key, occupation.esco_label, "preferred"))
        rows.extend(LabelRow(key, label, "alt") for label in occupation.esco_alt_label_list)
        rows.extend(LabelRow(key, label, "hidden") for label in occupation.esco_hidden_label_list)
    return rows


def evidence_texts(occupations: Any) -> dict[int, list[str]]:
    """What else is known of each occupation: its ESCO description and its skills' labels."""
    texts: dict[int, list[str]] = {
        occupation.pk: [occupation.esco_description] if occupation.esco_description else []
        for occupation in occupations
    }
    links = OccupationSkill.objects.values_list("occupation_id", "skill__label")
    for occupation_id, label in links.iterator(chunk_size=10_000):
        if occupation_id in texts:
            texts[occupation_id].append(label)
    return texts


def occupation_recogniser() -> tuple[OccupationRecogniser, dict[int, _Entry]]:
    """The recogniser for the occupations now in the database (built on first use, then kept)."""
    version = _version()
    if _cache.recogniser is not None and _cache.version == version:
        return _cache.recogniser, _cache.entries
    with _cache.lock:
        if _cache.recogniser is None or _cache.version != version:
            occupations = list(
                Occupation.objects.only(
                    "id",
                    "code",
                    "name",
                    "name_female",
                    "synonyms",
                    "isco08",
                    "esco_uri",
                    "esco_label",
                    "esco_alt_labels",
                    "esco_hidden_labels",
                    "esco_description",
                ).order_by("id")
            )
            _cache.recogniser = OccupationRecogniser(
                label_rows(occupations), evidence_texts(occupations)
            )
            _cache.entries = {
                o.pk: _Entry(code=o.code, label=o.name, esco_uri=o.esco_uri, isco=o.isco08)
                for o in occupations
            }
            _cache.version = version
        return _cache.recogniser, _cache.entries


def clear_recogniser_cache() -> None:
    with _cache.lock:
        _cache.recogniser = None
        _cache.version = None
        _cache.entries = {}


def _candidates(matches: list[Any], entries: dict[int, _Entry]) -> list[Candidate]:
    found = []
    for match in matches:
        entry = entries[match.key]
        found.append(
            Candidate(
                occupation_id=match.key,
                code=entry.code,
                label=entry.label,
                esco_uri=entry.esco_uri,
                isco=entry.isco,
                score=match.score,
                matched=match.label,
            )
        )
    return found


def recognise_occupation(text: str, limit: int = 5) -> list[Candidate]:
    """The occupations a job title (as people write it) may mean, best first.

    For imports: "heftruck chaufeur", "schoonmaakster", "magazijn medewerker" and the like find
    their occupation despite typos, compounds written apart and female forms.
    """
    if not text or not text.strip():
        return []
    recogniser, entries = occupation_recogniser()
    return _candidates(recogniser.recognise(text, limit=limit), entries)


def suggest_occupations(text: str, limit: int = 10) -> list[Candidate]:
    """Like recognise_occupation(), for a typeahead: also what has only been typed half."""
    if not text or not text.strip():
        return []
    recogniser, entries = occupation_recogniser()
    return _candidates(recogniser.suggest(text, limit=limit), entries)
