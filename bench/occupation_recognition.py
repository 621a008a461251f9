"""Occupation recognition benchmark: accuracy@1 and @3 on ESCO labels held out from the input.

Prints figures; it is not a test, and it needs no Django and no database.

Method
------
1. Read ``occupations_nl.csv`` from the ESCO download directory (conceptUri, preferredLabel,
   altLabels, hiddenLabels; several labels in one field are separated by newlines).
2. Eligible for holding out: the alternative labels (altLabels) of occupations that have at least
   two of them, never the preferred label and never an alternative label that reads the same as
   the occupation's preferred label once normalised (lower case, no accents, no punctuation).
   Labels that read the same within one occupation count once.
3. A seeded random sample (``random.Random(seed)``) of ``holdout_fraction`` of the eligible
   (occupation, label) pairs is held out.
4. The recogniser (``werkroute.taxonomy.recognition.OccupationRecogniser``) is built from every
   label of every occupation - preferred, alternative and hidden labels, exactly as the importer
   hands them over - minus, for each held-out pair, every label of that occupation that reads the
   same as the held-out label. The recogniser's vocabulary (for compound splitting and gender
   forms) comes from those rows only, so nothing of a held-out label leaks into it. The same
   text may remain as a label of *another* occupation: that is the real ambiguity of ESCO, and
   it counts against the recogniser.
   Also handed over (unless ``--labels-only``), as weak evidence: each occupation's description
   and the labels of its skills (essential and optional), read with the importer's own reader
   (``werkroute.taxonomy.esco.read_esco``: Dutch, English where a skill has no Dutch label).
   They are part of the importer's input and nothing is removed from them; a description may
   use a held-out label's words (often in the plural), as it does in the product.
5. Each held-out label is recognised on its own; correct@k = its own occupation is among the
   first k candidates. Reported: n, accuracy_at_1, accuracy_at_3 (strict: the target figures),
   seconds_build (building the recogniser) and the median and 95th percentile of the time per
   query in milliseconds.
6. Also reported, never instead of the strict figures: n_ambiguous, the held-out labels that
   read exactly (normalised) like a label of one or more *other* occupations that stays in the
   input, and accuracy_at_1_filtered / accuracy_at_3_filtered, in which those other
   occupations are left out of the ranking before counting (the "filtered" ranking of
   link-prediction benchmarks: an occupation that carries the very text typed is a right
   answer too, not an error). Every other candidate still counts against the recogniser.

Run from the repository root:

    .venv/bin/python bench/occupation_recognition.py [ESCO_DIR] [--fraction 0.1] [--seed 1]
        [--misses N] [--labels-only]

--misses N prints N held-out labels (seeded sample) missed at 3, with the first three candidates.

ESCO_DIR defaults to ../shared/data/esco. "This service uses the ESCO classification of the
European Commission."
"""

from __future__ import annotations

import argparse
import csv
import random
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from werkroute.core.text import normalise  # noqa: E402
from werkroute.taxonomy.esco import read_esco  # noqa: E402
from werkroute.taxonomy.recognition import LabelRow, OccupationRecogniser  # noqa: E402

DEFAULT_ESCO_DIR = ROOT.parent / "shared" / "data" / "esco"
OCCUPATIONS_FILE = "occupations_nl.csv"


def _labels(value: str) -> list[str]:
    return [label.strip() for label in (value or "").splitlines() if label.strip()]


def read_occupations(esco_dir: Path) -> list[dict[str, list[str] | str]]:
    path = esco_dir / OCCUPATIONS_FILE
    with path.open(encoding="utf-8-sig", newline="") as handle:
        return [
            {
                "uri": row["conceptUri"],
                "preferred": row["preferredLabel"].strip(),
                "alt": _labels(row["altLabels"]),
                "hidden": _labels(row.get("hiddenLabels", "")),
            }
            for row in csv.DictReader(handle)
        ]


def split_holdout(
    occupations: list[dict], holdout_fraction: float, seed: int
) -> tuple[list[LabelRow], list[tuple[str, str]]]:
    """(rows to build the recogniser from, held-out (occupation uri, label) pairs)."""
    eligible: list[tuple[str, str]] = []
    for occupation in occupations:
        preferred = normalise(occupation["preferred"])
        distinct: dict[str, str] = {}
        for label in occupation["alt"]:
            key = normalise(label)
            if key and key != preferred:
                distinct.setdefault(key, label)
        if len(occupation["alt"]) >= 2:
            eligible.extend((occupation["uri"], label) for label in distinct.values())
    rng = random.Random(seed)
    held_out = rng.sample(eligible, round(len(eligible) * holdout_fraction))
    removed = {(uri, normalise(label)) for uri, label in held_out}
    rows: list[LabelRow] = []
    for occupation in occupations:
        uri = occupation["uri"]
        labelled = [
            (occupation["preferred"], "preferred"),
            *((label, "alt") for label in occupation["alt"]),
            *((label, "hidden") for label in occupation["hidden"]),
        ]
        rows.extend(
            LabelRow(uri, label, kind)
            for label, kind in labelled
            if (uri, normalise(label)) not in removed
        )
    return rows, held_out


def read_evidence(esco_dir: Path) -> dict[str, list[str]]:
    """Per occupation uri: its description and the labels of its skills, as the importer reads them.

    Not held out: the importer stores them, and the product's recogniser uses them the same way.
    """
    data = read_esco(esco_dir)
    texts = {o.uri: [o.description] if o.description else [] for o in data.occupations}
    skills = {skill.uri: skill.label for skill in data.skills}
    for relation in data.relations:
        texts.setdefault(relation.occupation_uri, []).append(skills[relation.skill_uri])
    return texts


def other_owners(rows: list[LabelRow], held_out: list[tuple[str, str]]) -> list[set[str]]:
    """For each held-out pair: the other occupations with a label that reads exactly the same."""
    owners: dict[str, set[str]] = {}
    for row in rows:
        owners.setdefault(normalise(row.label), set()).add(str(row.key))
    return [owners.get(normalise(label), set()) - {uri} for uri, label in held_out]


def _share(count: int, n: int) -> float:
    return round(count / n, 4) if n else 0.0


def evaluate(
    esco_dir: Path,
    holdout_fraction: float = 0.1,
    seed: int = 1,
    misses: list | None = None,
    *,
    with_evidence: bool = True,
) -> dict:
    """The figures; held-out labels missed at 3 are appended to misses (when given)."""
    occupations = read_occupations(Path(esco_dir))
    rows, held_out = split_holdout(occupations, holdout_fraction, seed)
    evidence = read_evidence(Path(esco_dir)) if with_evidence else None
    started = time.perf_counter()
    recogniser = OccupationRecogniser(rows, evidence)
    seconds_build = time.perf_counter() - started
    at_1 = at_3 = filtered_1 = filtered_3 = 0
    timings: list[float] = []
    for (uri, label), others in zip(held_out, other_owners(rows, held_out), strict=True):
        started = time.perf_counter()
        matches = recogniser.recognise(label, limit=3)
        timings.append((time.perf_counter() - started) * 1000)
        keys = [match.key for match in matches]
        at_1 += keys[:1] == [uri]
        at_3 += uri in keys
        if misses is not None and uri not in keys:
            misses.append((uri, label, bool(others), matches))
        if others:
            wider = recogniser.recognise(label, limit=3 + len(others))
            keys = [match.key for match in wider if match.key not in others]
        filtered_1 += keys[:1] == [uri]
        filtered_3 += uri in keys[:3]
    n = len(held_out)
    timings.sort()
    return {
        "n": n,
        "accuracy_at_1": _share(at_1, n),
        "accuracy_at_3": _share(at_3, n),
        "n_ambiguous": sum(1 for others in other_owners(rows, held_out) if others),
        "accuracy_at_1_filtered": _share(filtered_1, n),
        "accuracy_at_3_filtered": _share(filtered_3, n),
        "seconds_build": round(seconds_build, 2),
        "ms_per_query_p50": round(statistics.median(timings), 2) if timings else 0.0,
        "ms_per_query_p95": round(timings[int(0.95 * (len(timings) - 1))], 2) if timings else 0.0,
    }


def print_misses(occupations: list[dict], misses: list, count: int, seed: int) -> None:
    names = {occupation["uri"]: occupation["preferred"] for occupation in occupations}
    sample = random.Random(seed).sample(misses, min(count, len(misses)))
    for uri, label, ambiguous, matches in sample:
        flag = " [another occupation has this label]" if ambiguous else ""
        print(f"{label!r} -> {names[uri]!r}{flag}")
        for match in matches:
            print(f"    {match.score:.3f} {names[match.key]!r} via {match.label!r} ({match.kind})")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("esco_dir", nargs="?", type=Path, default=DEFAULT_ESCO_DIR)
    parser.add_argument("--fraction", type=float, default=0.1, help="share of labels held out")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--misses", type=int, default=0, help="print N missed labels")
    parser.add_argument(
        "--labels-only", action="store_true", help="no descriptions or skill labels (as before)"
    )
    args = parser.parse_args(argv)
    misses: list = []
    result = evaluate(
        args.esco_dir, args.fraction, args.seed, misses, with_evidence=not args.labels_only
    )
    for name, value in result.items():
        print(f"{name}: {value}")
    if args.misses:
        print(f"\n{len(misses)} missed at 3; a sample of {min(args.misses, len(misses))}:")
        print_misses(read_occupations(args.esco_dir), misses, args.misses, args.seed)


if __name__ == "__main__":
    main()
