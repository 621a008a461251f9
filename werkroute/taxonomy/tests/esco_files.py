"""Small ESCO downloads for tests, cut from the real files in ../shared/data/esco."""

from __future__ import annotations

import csv
from collections.abc import Callable, Iterable
from pathlib import Path

OCCUPATIONS = "occupations_nl.csv"
SKILLS_NL = "skills_nl_partial.csv"
SKILLS_EN = "skills_en.csv"
ISCO = "ISCOGroups_nl.csv"
RELATIONS = "occupationSkillRelations.csv"
# A few occupations that built-in ones link to, and a few that stand alone.
SAMPLE_LABELS = ("kok", "heftruckchauffeur", "inspiciënt", "operator draadtrekmachine")


def read(path: Path) -> tuple[list[str], list[list[str]]]:
    with path.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle))
    return rows[0], rows[1:]


def write(path: Path, header: list[str], rows: Iterable[list[str]]) -> None:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(header)
        writer.writerows(rows)


def line_of(path: Path, predicate: Callable[[list[str]], bool]) -> int:
    """The line on which the first row matching predicate starts (the header is line 1)."""
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.reader(handle)
        next(reader)
        start = reader.line_num + 1
        for row in reader:
            if predicate(row):
                return start
            start = reader.line_num + 1
    raise LookupError(path)


def small_download(source: Path, target: Path, labels: Iterable[str] = SAMPLE_LABELS) -> Path:
    """A consistent cut of the download: some occupations with their skills and relations."""
    target.mkdir(parents=True, exist_ok=True)
    header, rows = read(source / ISCO)
    write(target / ISCO, header, rows)
    header, rows = read(source / OCCUPATIONS)
    label_column = header.index("preferredLabel")
    wanted = set(labels)
    chosen = [row for row in rows if row[label_column] in wanted]
    write(target / OCCUPATIONS, header, chosen)
    uris = {row[0] for row in chosen}
    header, rows = read(source / RELATIONS)
    relations = [row for row in rows if row[0] in uris]
    write(target / RELATIONS, header, relations)
    skill_uris = {row[header.index("skillUri")] for row in relations}
    for name in (SKILLS_EN, SKILLS_NL):
        header, rows = read(source / name)
        write(target / name, header, [row for row in rows if row[0] in skill_uris])
    return target
