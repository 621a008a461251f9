"""Read and check the official ESCO CSV download: occupations, skills, their relations, ISCO groups.

Plain Python (no Django), so the importer, its tests and offline tools share it. Nothing here
writes anywhere: :func:`read_esco` returns everything checked, or raises :class:`EscoFileError`
with messages in Dutch that name the file, the line and the problem.

The download has one file per concept type and language, e.g. ``occupations_nl.csv``,
``skills_nl.csv``, ``ISCOGroups_nl.csv``, and one relations file
(``occupationSkillRelations.csv``, in some versions ``occupationSkillRelations_en.csv``). Fields
holding several labels separate them by newlines inside one quoted field. A run reads one
language (Dutch by default); where a concept has no label in that language, the label comes from
the fallback language's file (English by default) when it is there, and the row records that.
Files ``<type>_<language>_*.csv`` (such as ``skills_nl_partial.csv``) count as that language.
Columns the importer does not need are ignored, so newer downloads with extra columns work.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

__all__ = [
    "EscoData",
    "EscoFileError",
    "EscoIscoGroup",
    "EscoOccupation",
    "EscoRelation",
    "EscoSkill",
    "Progress",
    "read_esco",
]

# progress(stage, done, total): called now and then while reading; total may be 0 (unknown).
Progress = Callable[[str, int, int], None]

MAX_ERRORS = 10
MAX_LABEL_LENGTH = 200  # an occupation's name
MAX_ISCO_LABEL_LENGTH = 300
MAX_SKILL_LABEL_LENGTH = 400
RELATION_TYPES = {"essential": True, "optional": False}

OCCUPATIONS = "occupations"
SKILLS = "skills"
ISCO_GROUPS = "ISCOGroups"
RELATIONS = "occupationSkillRelations"

OCCUPATION_COLUMNS = ("conceptUri", "iscoGroup", "preferredLabel", "altLabels")
SKILL_COLUMNS = ("conceptUri", "skillType", "preferredLabel")
ISCO_COLUMNS = ("code", "preferredLabel")
RELATION_COLUMNS = ("occupationUri", "relationType", "skillUri")

_URI = re.compile(r"https?://\S+")
_ISCO_UNIT = re.compile(r"[0-9]{4}")
_ISCO_CODE = re.compile(r"[0-9]{1,4}")


@dataclass(frozen=True, slots=True)
class EscoIscoGroup:
    code: str
    label: str


@dataclass(frozen=True, slots=True)
class EscoOccupation:
    uri: str
    isco: str
    label: str
    alt_labels: tuple[str, ...]
    hidden_labels: tuple[str, ...]
    label_language: str
    description: str = ""


@dataclass(frozen=True, slots=True)
class EscoSkill:
    uri: str
    label: str
    skill_type: str
    label_language: str


@dataclass(frozen=True, slots=True)
class EscoRelation:
    occupation_uri: str
    skill_uri: str
    is_essential: bool


@dataclass
class EscoData:
    language: str
    isco_groups: list[EscoIscoGroup]
    occupations: list[EscoOccupation]
    skills: list[EscoSkill]
    relations: list[EscoRelation]
    files: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


class EscoFileError(ValueError):
    """The download cannot be imported; each error names the file, the line and the problem."""

    def __init__(self, errors: list[str]):
        self.errors = errors
        super().__init__("\n".join(errors))


# ---------------------------------------------------------------------------
# Finding the files
# ---------------------------------------------------------------------------


def _find(directory: Path, kind: str, language: str) -> Path | None:
    """The file for one concept type and language: <kind>_<language>.csv, else _<language>_*.csv."""
    exact = f"{kind}_{language}.csv".lower()
    prefix = f"{kind}_{language}_".lower()
    found = sorted(p for p in directory.iterdir() if p.is_file() and p.suffix.lower() == ".csv")
    for path in found:
        if path.name.lower() == exact:
            return path
    for path in found:
        if path.name.lower().startswith(prefix):
            return path
    return None


def _find_relations(directory: Path, language: str, fallback: str) -> Path | None:
    names = [f"{RELATIONS}.csv", f"{RELATIONS}_{language}.csv", f"{RELATIONS}_{fallback}.csv"]
    by_name = {p.name.lower(): p for p in directory.iterdir() if p.is_file()}
    for name in names:
        if name.lower() in by_name:
            return by_name[name.lower()]
    return None


# ---------------------------------------------------------------------------
# Reading one file
# ---------------------------------------------------------------------------


class _Errors:
    def __init__(self) -> None:
        self.messages: list[str] = []

    def add(self, path: Path, line: int | None, problem: str) -> None:
        if len(self.messages) < MAX_ERRORS:
            where = f"{path.name}, regel {line}" if line else path.name
            self.messages.append(f"{where}: {problem}")
        elif len(self.messages) == MAX_ERRORS:
            self.messages.append("... en meer fouten; de eerste fouten staan hierboven.")

    def __bool__(self) -> bool:
        return bool(self.messages)

    @property
    def full(self) -> bool:
        return len(self.messages) > MAX_ERRORS


def _count_lines(path: Path) -> int:
    with path.open("rb") as handle:
        return sum(chunk.count(b"\n") for chunk in iter(lambda: handle.read(1 << 20), b""))


def _rows(
    path: Path,
    required: tuple[str, ...],
    errors: _Errors,
    progress: Progress | None,
) -> Iterator[tuple[int, dict[str, str]]]:
    """Yield (first line of the row, stripped values) per data row; problems go to errors."""
    stage = path.name
    total = _count_lines(path) if progress else 0
    try:
        handle = path.open(encoding="utf-8-sig", newline="")
    except OSError as exc:
        errors.add(path, None, f"kan het bestand niet openen ({exc.strerror})")
        return
    with handle:
        reader = csv.reader(handle)
        try:
            header = [name.strip() for name in next(reader, [])]
        except (csv.Error, UnicodeDecodeError) as exc:
            errors.add(path, 1, f"kan de kopregel niet lezen ({exc})")
            return
        if not header:
            errors.add(
                path, 1, "het bestand is leeg, er hoort een kopregel met kolomnamen te staan"
            )
            return
        missing = [name for name in required if name not in header]
        if missing:
            errors.add(
                path,
                1,
                f"kolom ontbreekt: {', '.join(missing)} (gevonden: {', '.join(header)})",
            )
            return
        width = len(header)
        line = reader.line_num + 1
        while True:
            try:
                raw = next(reader)
            except StopIteration:
                break
            except csv.Error as exc:
                errors.add(path, line, f"de regel is geen geldige CSV ({exc})")
                return
            except UnicodeDecodeError:
                errors.add(path, line, "het bestand is geen UTF-8-tekst")
                return
            start, line = line, reader.line_num + 1
            if progress and reader.line_num % 5000 == 0:
                progress(stage, reader.line_num, total)
            if not any(value.strip() for value in raw):
                continue
            if len(raw) != width:
                errors.add(path, start, f"verwacht {width} kolommen, gevonden {len(raw)}")
                if errors.full:
                    return
                continue
            yield start, {name: value.strip() for name, value in zip(header, raw, strict=True)}
        if progress:
            progress(stage, total, total)


def _labels(value: str) -> tuple[str, ...]:
    """Labels from a multi-label field (one per line), without doubles, in file order."""
    seen: dict[str, None] = {}
    for label in value.splitlines():
        label = label.strip()
        if label:
            seen.setdefault(label, None)
    return tuple(seen)


def _check_uri(path: Path, line: int, column: str, value: str, errors: _Errors) -> bool:
    if not value:
        errors.add(path, line, f"{column} is leeg")
        return False
    if not _URI.fullmatch(value):
        errors.add(path, line, f"{column} {value!r} is geen URI")
        return False
    return True


def _check_unique(
    path: Path, line: int, uri: str, first_seen: dict[str, int], errors: _Errors
) -> bool:
    if uri in first_seen:
        errors.add(path, line, f"{uri} staat er twee keer in (eerst op regel {first_seen[uri]})")
        return False
    first_seen[uri] = line
    return True


def _check_label(path: Path, line: int, label: str, limit: int, errors: _Errors) -> bool:
    if len(label) > limit:
        errors.add(path, line, f"preferredLabel is langer dan {limit} tekens")
        return False
    return True


# ---------------------------------------------------------------------------
# The concept types
# ---------------------------------------------------------------------------


@dataclass
class _Concept:
    """One concept as read from one language's file."""

    line: int
    path: Path
    values: dict[str, str]


def _read_concepts(
    path: Path | None,
    required: tuple[str, ...],
    key: str,
    errors: _Errors,
    progress: Progress | None,
) -> dict[str, _Concept]:
    concepts: dict[str, _Concept] = {}
    if path is None:
        return concepts
    first_seen: dict[str, int] = {}
    for line, values in _rows(path, required, errors, progress):
        identifier = values[key]
        if key == "code":
            if not _ISCO_CODE.fullmatch(identifier):
                errors.add(path, line, f"ISCO-code {identifier!r} heeft niet 1 tot 4 cijfers")
                continue
        elif not _check_uri(path, line, key, identifier, errors):
            continue
        if _check_unique(path, line, identifier, first_seen, errors):
            concepts[identifier] = _Concept(line, path, values)
        if errors.full:
            break
    return concepts


def _merge(
    primary: dict[str, _Concept], fallback: dict[str, _Concept], language: str, fallback_code: str
) -> Iterator[tuple[str, _Concept, str, str]]:
    """(id, concept as read, label, language of the label) for every concept in either file.

    Concepts come in the primary file's order, then those only in the fallback file.
    """
    for identifier in [*primary, *(i for i in fallback if i not in primary)]:
        own = primary.get(identifier)
        other = fallback.get(identifier)
        if own is not None and own.values["preferredLabel"]:
            yield identifier, own, own.values["preferredLabel"], language
        elif other is not None and other.values["preferredLabel"]:
            yield identifier, own or other, other.values["preferredLabel"], fallback_code
        else:
            concept = own or other
            assert concept is not None
            yield identifier, concept, "", ""


def _need(
    directory: Path, kind: str, language: str, fallback: str, errors: _Errors
) -> tuple[Path | None, Path | None]:
    primary = _find(directory, kind, language)
    other = _find(directory, kind, fallback) if fallback and fallback != language else None
    if primary is None and other is None:
        wanted = f"{kind}_{language}.csv"
        if fallback and fallback != language:
            wanted += f" (of {kind}_{fallback}.csv)"
        errors.messages.append(f"Bestand ontbreekt in {directory}: {wanted}")
    return primary, other


def read_esco(
    directory: Path,
    language: str = "nl",
    *,
    fallback: str = "en",
    progress: Progress | None = None,
) -> EscoData:
    """Read and check an ESCO download; raises EscoFileError when anything is wrong."""
    directory = Path(directory)
    if not directory.is_dir():
        raise EscoFileError([f"Map niet gevonden: {directory}"])
    errors = _Errors()
    occupation_files = _need(directory, OCCUPATIONS, language, fallback, errors)
    skill_files = _need(directory, SKILLS, language, fallback, errors)
    isco_files = _need(directory, ISCO_GROUPS, language, fallback, errors)
    relations_file = _find_relations(directory, language, fallback)
    if relations_file is None:
        errors.messages.append(f"Bestand ontbreekt in {directory}: {RELATIONS}.csv")
    if errors:
        raise EscoFileError(errors.messages)
    data = EscoData(language=language, isco_groups=[], occupations=[], skills=[], relations=[])
    data.files = [
        p.name
        for p in (*isco_files, *occupation_files, *skill_files, relations_file)
        if p is not None
    ]

    # ISCO groups
    isco_primary = _read_concepts(isco_files[0], ISCO_COLUMNS, "code", errors, progress)
    isco_other = _read_concepts(isco_files[1], ISCO_COLUMNS, "code", errors, progress)
    for code, concept, label, _lang in _merge(isco_primary, isco_other, language, fallback):
        if not label:
            errors.add(concept.path, concept.line, f"ISCO-groep {code} heeft geen naam")
        elif _check_label(concept.path, concept.line, label, MAX_ISCO_LABEL_LENGTH, errors):
            data.isco_groups.append(EscoIscoGroup(code=code, label=label))
    if errors:
        raise EscoFileError(errors.messages)
    isco_codes = {group.code for group in data.isco_groups}

    # Occupations
    occupations = _read_concepts(
        occupation_files[0], OCCUPATION_COLUMNS, "conceptUri", errors, progress
    )
    occupations_other = _read_concepts(
        occupation_files[1], OCCUPATION_COLUMNS, "conceptUri", errors, progress
    )
    for uri, concept, label, label_language in _merge(
        occupations, occupations_other, language, fallback
    ):
        values = concept.values
        isco = values["iscoGroup"]
        if not label:
            errors.add(concept.path, concept.line, "preferredLabel is leeg")
            continue
        if not _ISCO_UNIT.fullmatch(isco):
            errors.add(
                concept.path,
                concept.line,
                f"iscoGroup {isco!r} is geen ISCO-beroepsgroep van 4 cijfers",
            )
            continue
        if isco not in isco_codes:
            errors.add(
                concept.path, concept.line, f"ISCO-groep {isco} staat niet in het ISCO-bestand"
            )
            continue
        if not _check_label(concept.path, concept.line, label, MAX_LABEL_LENGTH, errors):
            continue
        own = occupations.get(uri)
        alt = _labels(own.values["altLabels"]) if own else ()
        hidden = _labels(own.values.get("hiddenLabels", "")) if own else ()
        if not alt and label_language != language:
            other = occupations_other.get(uri)
            alt = _labels(other.values["altLabels"]) if other else ()
        data.occupations.append(
            EscoOccupation(
                uri=uri,
                isco=isco,
                label=label,
                alt_labels=tuple(a for a in alt if a != label),
                hidden_labels=hidden,
                label_language=label_language,
                description=(concept.values.get("description") or "").strip(),
            )
        )
    if errors:
        raise EscoFileError(errors.messages)

    # Skills
    skills = _read_concepts(skill_files[0], SKILL_COLUMNS, "conceptUri", errors, progress)
    skills_other = _read_concepts(skill_files[1], SKILL_COLUMNS, "conceptUri", errors, progress)
    for uri, concept, label, label_language in _merge(skills, skills_other, language, fallback):
        if not label:
            errors.add(concept.path, concept.line, "preferredLabel is leeg")
            continue
        if not _check_label(concept.path, concept.line, label, MAX_SKILL_LABEL_LENGTH, errors):
            continue
        skill_type = concept.values["skillType"] or (
            skills_other[uri].values["skillType"] if uri in skills_other else ""
        )
        data.skills.append(
            EscoSkill(uri=uri, label=label, skill_type=skill_type, label_language=label_language)
        )
    if errors:
        raise EscoFileError(errors.messages)

    # Relations
    occupation_uris = {o.uri for o in data.occupations}
    skill_uris = {s.uri for s in data.skills}
    seen_pairs: dict[tuple[str, str], int] = {}
    unknown_occupations: list[int] = []
    unknown_skills: list[int] = []
    assert relations_file is not None
    for line, values in _rows(relations_file, RELATION_COLUMNS, errors, progress):
        occupation_uri, skill_uri = values["occupationUri"], values["skillUri"]
        relation = values["relationType"].lower()
        if not _check_uri(relations_file, line, "occupationUri", occupation_uri, errors):
            continue
        if not _check_uri(relations_file, line, "skillUri", skill_uri, errors):
            continue
        if relation not in RELATION_TYPES:
            errors.add(
                relations_file,
                line,
                f"relationType {values['relationType']!r} is niet 'essential' of 'optional'",
            )
            continue
        pair = (occupation_uri, skill_uri)
        if pair in seen_pairs:
            errors.add(
                relations_file,
                line,
                f"de relatie staat er twee keer in (eerst op regel {seen_pairs[pair]})",
            )
            continue
        seen_pairs[pair] = line
        if occupation_uri not in occupation_uris:
            unknown_occupations.append(line)
            continue
        if skill_uri not in skill_uris:
            unknown_skills.append(line)
            continue
        data.relations.append(
            EscoRelation(occupation_uri, skill_uri, is_essential=RELATION_TYPES[relation])
        )
        if errors.full:
            break
    if errors:
        raise EscoFileError(errors.messages)
    for lines, what in ((unknown_occupations, "een beroep"), (unknown_skills, "een vaardigheid")):
        if lines:
            shown = ", ".join(str(n) for n in lines[:5])
            data.warnings.append(
                f"{relations_file.name}: {len(lines)} relaties verwijzen naar {what} dat niet in "
                f"de andere bestanden staat (bijvoorbeeld regel {shown}); die zijn overgeslagen."
            )
    return data
