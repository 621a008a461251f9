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
5. Each held-out label is recognised on its own; correct@k = its own occupation is among the
   first k candidates. Reported: n, accuracy_at_1, accuracy_at_3, seconds_build (building the
   recogniser) and the median and 95th percentile of the time per query in milliseconds.

Run from the repository root:

    .venv/bin/python bench/occupation_recognition.py [ESCO_DIR] [--fraction 0.1] [--seed 1]

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


def evaluate(esco_dir: Path, holdout_fraction: float = 0.1, seed: int = 1) -> dict:
    occupations = read_occupations(Path(esco_dir))
    rows, held_out = split_holdout(occupations, holdout_fraction, seed)
    started = time.perf_counter()
    recogniser = OccupationRecogniser(rows)
    seconds_build = time.perf_counter() - started
    at_1 = at_3 = 0
    timings: list[float] = []
    for uri, label in held_out:
        started = time.perf_counter()
        matches = recogniser.recognise(label, limit=3)
        timings.append((time.perf_counter() - started) * 1000)
        keys = [match.key for match in matches]
        at_1 += keys[:1] == [uri]
        at_3 += uri in keys
    n = len(held_out)
    timings.sort()
    return {
        "n": n,
        "accuracy_at_1": round(at_1 / n, 4) if n else 0.0,
        "accuracy_at_3": round(at_3 / n, 4) if n else 0.0,
        "seconds_build": round(seconds_build, 2),
        "ms_per_query_p50": round(statistics.median(timings), 2) if timings else 0.0,
        "ms_per_query_p95": round(timings[int(0.95 * (len(timings) - 1))], 2) if timings else 0.0,
    }


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("esco_dir", nargs="?", type=Path, default=DEFAULT_ESCO_DIR)
    parser.add_argument("--fraction", type=float, default=0.1, help="share of labels held out")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args(argv)
    result = evaluate(args.esco_dir, args.fraction, args.seed)
    for name, value in result.items():
        print(f"{name}: {value}")


if __name__ == "__main__":
    main()
