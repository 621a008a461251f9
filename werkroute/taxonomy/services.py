"""Writes to the taxonomy: the built-in compact list, and the ESCO import.

The built-in list (``data/*.csv``) is part of the product and synced after every migrate. The
ESCO import adds the full European classification on top of it: ISCO groups, skills, every ESCO
occupation and the occupation-skill relations. The two never overwrite each other: the sync owns
code, name, female form, ISCO group, field, sector and synonyms of the built-in occupations; the
import owns the ESCO fields (URI, ESCO labels, skills) and the occupations it created itself.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from django.db import transaction
from django.utils import timezone

from werkroute.core.services import ImportFailed
from werkroute.core.text import normalise
from werkroute.taxonomy import builtin, esco
from werkroute.taxonomy.models import (
    EscoSkill,
    IscoGroup,
    Occupation,
    OccupationalField,
    OccupationSkill,
    Sector,
)

BATCH_SIZE = 2000
ESCO_CODE_PREFIX = "esco-"
# Built-in <-> ESCO link: how much a label match counts on either side (product must be >= 2).
BUILTIN_NAME, BUILTIN_SYNONYM = 2, 1
ESCO_PREFERRED, ESCO_ALT, ESCO_HIDDEN = 2.0, 1.0, 0.5
MIN_LINK_SCORE = 2.0

Progress = Callable[[str, int, int], None]


# ---------------------------------------------------------------------------
# The built-in list
# ---------------------------------------------------------------------------

BUILTIN_FIELDS = ("name", "name_female", "isco08", "field_id", "sector_id", "synonyms")


def sync_builtin_taxonomy(using: str = "default") -> int:
    """Create or update the built-in sectors, fields and occupations; returns the occupation count.

    Only what differs is written, so a second run changes nothing. Occupations that were imported
    from elsewhere (is_builtin=False) are left alone, and so are the ESCO fields of built-in
    occupations (URI, ESCO labels, skills) that an ESCO import added.
    """
    with transaction.atomic(using=using):
        return _sync(using)


def _sync(using: str) -> int:
    for row in builtin.read_sectors():
        _update_or_create(Sector, using, {"code": row.code}, {"name": row.name})
    for row in builtin.read_fields():
        _update_or_create(
            OccupationalField,
            using,
            {"code": row.code},
            {"name": row.name, "name_en": row.name_en},
        )
    sectors = {s.code: s.pk for s in Sector.objects.using(using).all()}
    fields = {f.code: f.pk for f in OccupationalField.objects.using(using).all()}
    rows = builtin.read_occupations()
    existing = {
        o.code: o for o in Occupation.objects.using(using).filter(code__in=[r.code for r in rows])
    }
    for row in rows:
        wanted: dict[str, Any] = {
            "name": row.name,
            "name_female": row.name_female,
            "isco08": row.isco08,
            "field_id": fields[row.field],
            "sector_id": sectors.get(row.sector),
            "synonyms": "\n".join(row.synonyms),
        }
        occupation = existing.get(row.code)
        if occupation is None:
            Occupation.objects.using(using).create(code=row.code, is_builtin=True, **wanted)
            continue
        changed = [name for name, value in wanted.items() if getattr(occupation, name) != value]
        if not occupation.is_builtin:
            occupation.is_builtin = True
            changed.append("is_builtin")
        if changed:
            for name in changed:
                if name in wanted:
                    setattr(occupation, name, wanted[name])
            occupation.save(using=using, update_fields=[*changed, "updated_at"])
    return len(rows)


def _update_or_create(model: Any, using: str, lookup: dict, values: dict) -> None:
    instance = model.objects.using(using).filter(**lookup).first()
    if instance is None:
        model.objects.using(using).create(**lookup, **values)
    elif any(getattr(instance, name) != value for name, value in values.items()):
        for name, value in values.items():
            setattr(instance, name, value)
        instance.save(using=using, update_fields=list(values))


# ---------------------------------------------------------------------------
# The ESCO import
# ---------------------------------------------------------------------------


@dataclass
class Counts:
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    deleted: int = 0

    def __str__(self) -> str:
        text = f"{self.created} nieuw, {self.updated} bijgewerkt, {self.unchanged} ongewijzigd"
        return text + (f", {self.deleted} verwijderd" if self.deleted else "")


@dataclass
class EscoImportResult:
    language: str
    files: list[str]
    isco_groups: Counts = field(default_factory=Counts)
    skills: Counts = field(default_factory=Counts)
    occupations: Counts = field(default_factory=Counts)
    relations: Counts = field(default_factory=Counts)
    linked_builtin: int = 0  # built-in occupations this run linked to their ESCO occupation
    builtin_with_esco: int = 0  # built-in occupations linked after this run, in all
    skills_in_fallback_language: int = 0
    warnings: list[str] = field(default_factory=list)

    @property
    def changed(self) -> bool:
        return any(
            c.created or c.updated or c.deleted
            for c in (self.isco_groups, self.skills, self.occupations, self.relations)
        )


def import_esco(
    directory: Path, *, language: str = "nl", progress: Progress | None = None
) -> EscoImportResult:
    """Import an ESCO CSV download: all of it in one transaction, or nothing.

    Raises ImportFailed (messages in Dutch naming file, line and problem) when a file is missing
    or broken; the database is then untouched. A second run with the same files changes nothing.
    """
    try:
        data = esco.read_esco(Path(directory), language, progress=progress)
    except esco.EscoFileError as exc:
        raise ImportFailed(exc.errors) from None
    result = EscoImportResult(language=language, files=data.files, warnings=list(data.warnings))
    result.skills_in_fallback_language = sum(
        1 for skill in data.skills if skill.label_language != language
    )
    with transaction.atomic():
        _save_isco_groups(data.isco_groups, result)
        skill_ids = _save_skills(data.skills, result, progress)
        occupation_ids = _save_occupations(data.occupations, result, progress)
        _save_relations(data.relations, occupation_ids, skill_ids, result, progress)
        _mark_skills_changed(result, occupation_ids)
        result.builtin_with_esco = (
            Occupation.objects.filter(is_builtin=True).exclude(esco_uri="").count()
        )
    return result


def _mark_skills_changed(result: EscoImportResult, occupation_ids: dict[str, int]) -> None:
    """Skill labels and links feed occupation recognition: changed ones make it rebuild."""
    relations, skills = result.relations, result.skills
    if relations.created or relations.updated or relations.deleted or skills.updated:
        latest = Occupation.objects.filter(pk__in=list(occupation_ids.values())[:1])
        latest.update(updated_at=timezone.now())


def _save_isco_groups(groups: list[esco.EscoIscoGroup], result: EscoImportResult) -> None:
    existing = {g.code: g for g in IscoGroup.objects.all()}
    new, changed = [], []
    for group in groups:
        current = existing.get(group.code)
        if current is None:
            new.append(IscoGroup(code=group.code, label=group.label))
        elif current.label != group.label:
            current.label = group.label
            changed.append(current)
        else:
            result.isco_groups.unchanged += 1
    IscoGroup.objects.bulk_create(new, batch_size=BATCH_SIZE)
    IscoGroup.objects.bulk_update(changed, ["label"], batch_size=BATCH_SIZE)
    result.isco_groups.created, result.isco_groups.updated = len(new), len(changed)


def _save_skills(
    skills: list[esco.EscoSkill], result: EscoImportResult, progress: Progress | None
) -> dict[str, int]:
    existing = {s.uri: s for s in EscoSkill.objects.all()}
    new, changed = [], []
    for skill in skills:
        values = {
            "label": skill.label,
            "skill_type": skill.skill_type,
            "label_language": skill.label_language,
        }
        current = existing.get(skill.uri)
        if current is None:
            new.append(EscoSkill(uri=skill.uri, **values))
        elif any(getattr(current, name) != value for name, value in values.items()):
            for name, value in values.items():
                setattr(current, name, value)
            changed.append(current)
        else:
            result.skills.unchanged += 1
    _bulk_create(EscoSkill, new, "vaardigheden opslaan", progress)
    EscoSkill.objects.bulk_update(
        changed, ["label", "skill_type", "label_language"], batch_size=BATCH_SIZE
    )
    result.skills.created, result.skills.updated = len(new), len(changed)
    return dict(EscoSkill.objects.values_list("uri", "id"))


def _label_key(label: str) -> str:
    """Labels compare without case, accents, punctuation or spaces: Chef-kok = chefkok."""
    return normalise(label).replace(" ", "")


def _esco_code(uri: str) -> str:
    """A stable code for an occupation created by the import, from the last part of its URI."""
    tail = uri.rstrip("/").rsplit("/", 1)[-1].lower()
    tail = re.sub(r"[^a-z0-9_-]+", "-", tail).strip("-") or "occupation"
    return (ESCO_CODE_PREFIX + tail)[:120]


def _link_builtin(
    occupations: list[esco.EscoOccupation], builtins: list[Occupation], taken: set[str]
) -> dict[str, Occupation]:
    """Built-in occupations (without ESCO URI yet) that are an ESCO occupation, by ESCO URI.

    A link needs the same ISCO unit group and a label that reads the same on both sides: the
    built-in name or female form against an ESCO preferred or alternative label, or a built-in
    synonym against the ESCO preferred label. Best pairs first, each side used once; ties go by
    built-in code and URI, so the outcome does not depend on the order of the files.
    """
    by_isco: dict[str, list[esco.EscoOccupation]] = defaultdict(list)
    for occupation in occupations:
        if occupation.uri not in taken:
            by_isco[occupation.isco].append(occupation)
    pairs: list[tuple[float, str, str, Occupation]] = []
    for candidate in builtins:
        own: dict[str, int] = {}
        for label in candidate.synonym_list:
            own[_label_key(label)] = BUILTIN_SYNONYM
        for label in (candidate.name, candidate.name_female):
            if label:
                own[_label_key(label)] = BUILTIN_NAME
        for occupation in by_isco.get(candidate.isco08, ()):
            theirs: dict[str, float] = {}
            for label in occupation.hidden_labels:
                theirs[_label_key(label)] = ESCO_HIDDEN
            for label in occupation.alt_labels:
                theirs[_label_key(label)] = ESCO_ALT
            theirs[_label_key(occupation.label)] = ESCO_PREFERRED
            score = max(
                (weight * theirs[key] for key, weight in own.items() if key in theirs), default=0
            )
            if score >= MIN_LINK_SCORE:
                pairs.append((score, candidate.code, occupation.uri, candidate))
    pairs.sort(key=lambda pair: (-pair[0], pair[1], pair[2]))
    links: dict[str, Occupation] = {}
    used: set[str] = set()
    for _score, code, uri, candidate in pairs:
        if code not in used and uri not in links:
            used.add(code)
            links[uri] = candidate
    return links


def _derived_fields(builtins: Iterable[Occupation]) -> dict[str, int]:
    """Per ISCO unit group, the policy field most built-in occupations of that group have."""
    counted: dict[str, Counter[int]] = defaultdict(Counter)
    for occupation in builtins:
        if occupation.field_id:
            counted[occupation.isco08][occupation.field_id] += 1
    return {
        isco: min(counter.items(), key=lambda item: (-item[1], item[0]))[0]
        for isco, counter in counted.items()
    }


ESCO_FIELDS = ("esco_label", "esco_alt_labels", "esco_hidden_labels")
ESCO_ONLY_FIELDS = ("name", "isco08", "field_id")


def _save_occupations(
    occupations: list[esco.EscoOccupation], result: EscoImportResult, progress: Progress | None
) -> dict[str, int]:
    by_uri = {o.esco_uri: o for o in Occupation.objects.exclude(esco_uri="")}
    builtins = list(Occupation.objects.filter(is_builtin=True))
    links = _link_builtin(occupations, [o for o in builtins if not o.esco_uri], taken=set(by_uri))
    fields = _derived_fields(builtins)
    codes = set(Occupation.objects.values_list("code", flat=True))
    now = timezone.now()
    new: list[Occupation] = []
    changed: dict[int, Occupation] = {}
    changed_fields: set[str] = set()
    for item in occupations:
        esco_values: dict[str, Any] = {
            "esco_label": item.label,
            "esco_alt_labels": "\n".join(item.alt_labels),
            "esco_hidden_labels": "\n".join(item.hidden_labels),
            "esco_description": item.description,
        }
        current = by_uri.get(item.uri)
        if current is None and item.uri in links:
            current = links[item.uri]
            current.esco_uri = item.uri
            changed_fields.add("esco_uri")
            changed[current.pk] = current
            result.linked_builtin += 1
        if current is None:
            code = _esco_code(item.uri)
            if code in codes:
                code = f"{code[:110]}-{len(codes)}"
            codes.add(code)
            new.append(
                Occupation(
                    code=code,
                    esco_uri=item.uri,
                    name=item.label[:200],
                    isco08=item.isco,
                    field_id=fields.get(item.isco),
                    is_builtin=False,
                    updated_at=now,
                    **esco_values,
                )
            )
            continue
        values = dict(esco_values)
        if not current.is_builtin:  # the import's own occupation: the import owns its name too
            values.update(
                {"name": item.label[:200], "isco08": item.isco, "field_id": fields.get(item.isco)}
            )
        differs = [name for name, value in values.items() if getattr(current, name) != value]
        if differs:
            for name in differs:
                setattr(current, name, values[name])
            changed_fields.update(differs)
            changed[current.pk] = current
        elif current.pk not in changed:
            result.occupations.unchanged += 1
    for occupation in changed.values():
        occupation.updated_at = now
    _bulk_create(Occupation, new, "beroepen opslaan", progress)
    if changed:
        Occupation.objects.bulk_update(
            list(changed.values()), sorted({*changed_fields, "updated_at"}), batch_size=BATCH_SIZE
        )
    result.occupations.created, result.occupations.updated = len(new), len(changed)
    seen = {item.uri for item in occupations}
    missing = [uri for uri in by_uri if uri not in seen]
    if missing:
        result.warnings.append(
            f"{len(missing)} beroepen uit een eerdere ESCO-import staan niet in deze bestanden; "
            "ze blijven bestaan."
        )
    return dict(Occupation.objects.filter(esco_uri__in=seen).values_list("esco_uri", "id"))


def _save_relations(
    relations: list[esco.EscoRelation],
    occupation_ids: dict[str, int],
    skill_ids: dict[str, int],
    result: EscoImportResult,
    progress: Progress | None,
) -> None:
    """Make the links of the imported occupations exactly ESCO's: add, change and remove."""
    wanted: dict[tuple[int, int], bool] = {}
    for relation in relations:
        pair = (occupation_ids[relation.occupation_uri], skill_ids[relation.skill_uri])
        wanted[pair] = relation.is_essential
    existing = {
        (occupation_id, skill_id): (pk, essential)
        for pk, occupation_id, skill_id, essential in OccupationSkill.objects.filter(
            occupation_id__in=set(occupation_ids.values())
        ).values_list("pk", "occupation_id", "skill_id", "is_essential")
    }
    new = [
        OccupationSkill(occupation_id=o, skill_id=s, is_essential=essential)
        for (o, s), essential in wanted.items()
        if (o, s) not in existing
    ]
    changed = [
        OccupationSkill(pk=existing[pair][0], is_essential=essential)
        for pair, essential in wanted.items()
        if pair in existing and existing[pair][1] != essential
    ]
    stale = [pk for pair, (pk, _essential) in existing.items() if pair not in wanted]
    _bulk_create(OccupationSkill, new, "relaties opslaan", progress)
    OccupationSkill.objects.bulk_update(changed, ["is_essential"], batch_size=BATCH_SIZE)
    for start in range(0, len(stale), BATCH_SIZE):
        OccupationSkill.objects.filter(pk__in=stale[start : start + BATCH_SIZE]).delete()
    counts = result.relations
    counts.created, counts.updated, counts.deleted = len(new), len(changed), len(stale)
    counts.unchanged = len(wanted) - counts.created - counts.updated


def _bulk_create(model: Any, objects: list[Any], stage: str, progress: Progress | None) -> None:
    total = len(objects)
    for start in range(0, total, BATCH_SIZE):
        model.objects.bulk_create(objects[start : start + BATCH_SIZE])
        if progress:
            progress(stage, min(start + BATCH_SIZE, total), total)
