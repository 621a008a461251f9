"""Matching benchmark (issue 4, point 7): the full batch, one person or vacancy, and quality.

Prints figures; it is not a test. Whatever the figures, it exits 0 and reports PASS/FAIL per
target. Data: the large demo (`werkroute demo --size large --seed 1`: 100,000 offerings, 40,000
job seekers). The issue's shape is 40,000 people x 20,000 vacancies, so the batch runs over a fixed
subset: 20,000 of the matchable offerings (`features.matchable_offerings()`, public vacancies and
other work), taken evenly spread by primary key (`ids[int(i * len(ids) / 20000)]`).

Each part runs in its own fresh worker process (this script re-invoked with `--worker`,
`DATABASE_URL`, `DJANGO_SETTINGS_MODULE=werkroute.conf.dev`, `DEBUG=false` and a fixed, non-secret
`WERKROUTE_DATA_KEY`):

1. **Batch** (one worker per `--repeat`): `services.start_run(offering_ids=subset)` and then
   `services.score_shard` for every shard in this process - what `werkroute match` does without
   a broker (shard size and top-k from settings). Wall time, and the worker's peak RSS
   (`ru_maxrss`) right after the batch. The phases are timed from the outside by wrapping module
   functions (offering records, text-space fit, offering matrix, person records, people matrix,
   scoring, inserts, the processing log); the services are not changed. After the batch, in the
   same worker: the engine alone (`best_offerings` over all people at once, same arrays, block
   rows, threads and k as the batch) and the yardstick `dense_reference`: seeded random float32
   people x 128 and offerings x 128, same block rows, threads and k. Two ratios are printed:
   engine scoring / reference (the target, <= 3x) and full batch wall / reference.
2. **Online**: the first `matches_for_person` builds the offering arrays and the first
   `candidates_for_offering` the people arrays (cold, printed apart); then 50 seeded random people
   -> `matches_for_person`, and 50 random vacancies -> `candidates_for_offering` with the pool of
   a superuser (every active job seeker) and with a demo case manager's `candidate_pool`. These
   use the service's own arrays: every open vacancy and work offering, not the 20,000 subset.
3. **Quality**:
   - occupation recognition accuracy@1/@3 on ESCO labels held out from the importer's input:
     `bench/occupation_recognition.py`'s `evaluate(esco_dir, holdout_fraction=0.1, seed=1)`;
   - ranking quality, nDCG@10, of the engine against a TF-IDF-only baseline on this benchmark set:

     *People*: 500 seeded random (`random.Random(1)`) active job seekers with at least one
     ambition naming an occupation and a postcode the engine can place. *Vacancies*: the same
     20,000 offerings as the batch, same arrays (`space.build_offering_space(subset)`).
     *Graded relevance* of an offering for a person, from facts in the database, not from the
     engine's weights or scores:

     - 3: the offering's occupation is one of the person's ambition occupations, it lies within
       the person's travel radius, and the person meets every hard requirement (licences,
       certificates, Dutch level, education level);
     - 2: same occupation or same ISCO-08 unit group (4 digits) as an ambition or experience
       occupation, within the radius;
     - 1: same ISCO-08 sub-major group (2 digits), within 1.5x the radius;
     - 0: otherwise, and always when the offering is closed to the person's municipality.

     Distance: straight line between the planar points the engine uses (postcode area centre,
     offering location); remote work counts as within any radius, an unknown location never does.
     *Rankings*: (a) the engine: `score_rows` on those arrays, top 10 by `top_k`, as the batch
     stores; (b) the baseline: cosine of plain TF-IDF vectors (raw term counts x smoothed IDF
     fitted on the 20,000 offering texts, L2-normalised) of the person's text and the offering's
     text, the same texts and tokens (`werkroute.core.text.index_terms`) the engine reads, no
     occupation, distance, hours or requirements. nDCG@10 with gain 2^rel - 1 and discount
     1/log2(rank + 1), the ideal taken over all 20,000 offerings; people without any relevant
     offering are left out (and counted). Mean nDCG@10 of both is printed.

     Be aware: this relevance is a *constructed proxy*, not human judgement. It is built from
     the same kinds of facts the engine weighs (occupation and ISCO group, distance, hard
     requirements), though with its own thresholds and no weights, so it tells whether the
     engine ranks by those facts - and it favours the engine over a text-only baseline by
     design. It says nothing about whether people would find the suggestions good.

Run from the repository root:  .venv/bin/python bench/matching.py --help
"""

from __future__ import annotations

import argparse
import base64
import contextlib
import datetime as dt
import functools
import hashlib
import importlib.util
import json
import math
import os
import platform
import random
import resource
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import traceback
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parents[1]
SETTINGS_MODULE = "werkroute.conf.dev"
DEFAULT_SQLITE = ROOT / "var" / "bench-matching.sqlite3"
DEFAULT_POSTGRES_URL = "postgres://postgres@127.0.0.1:5432/werkroute_bench_matching"
DEFAULT_ESCO_DIR = Path("/work/shared/data/esco")
DEMO_COMMAND = ["demo", "--size", "large", "--seed", "1"]
# DEBUG is off, so the demo's synthetic casework data needs a data key; this one is no secret.
BENCH_DATA_KEY = base64.b64encode(hashlib.sha256(b"werkroute bench").digest()).decode()

SUBSET_SIZE = 20_000  # offerings in the batch: the 40,000 x 20,000
REFERENCE_DIMENSIONS = 128
REFERENCE_SEED = 1
ONLINE_SAMPLES = 50
ONLINE_SEED = 1
QUALITY_PEOPLE = 500
QUALITY_SEED = 1
NDCG_AT = 10
CASE_MANAGER = "klantmanager"  # the demo's case manager login (Haarlem)

TARGET_BATCH_S = 30.0
TARGET_PEAK_MB = 3 * 1024.0
TARGET_RATIO = 3.0
TARGET_ONLINE_P95_MS = 50.0
TARGET_ACCURACY_AT_3 = 0.90


# ---------------------------------------------------------------------------------------------
# Figures
# ---------------------------------------------------------------------------------------------


def percentile(values: list[float], pct: float) -> float:
    """Linear interpolation between closest ranks (numpy's default)."""
    ordered = sorted(values)
    if len(ordered) == 1:
        return ordered[0]
    rank = (len(ordered) - 1) * pct / 100
    low = int(rank)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (rank - low)


def peak_rss_mb() -> float:
    """Peak resident set size of this process so far (Linux reports kilobytes)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def verdict(ok: bool) -> str:
    return "PASS" if ok else "FAIL"


class Phases:
    """Wall time of wrapped functions, by the path of wrapped calls they ran inside.

    Only the main thread is timed; the engine's own threads call nothing wrapped.
    """

    def __init__(self) -> None:
        self.seconds: dict[tuple[str, ...], float] = {}
        self.calls: dict[tuple[str, ...], int] = {}
        self.stack: list[str] = []
        self.main = threading.main_thread()

    def reset(self) -> None:
        self.seconds.clear()
        self.calls.clear()

    @contextlib.contextmanager
    def phase(self, label: str) -> Iterator[None]:
        if threading.current_thread() is not self.main:
            yield
            return
        self.stack.append(label)
        path = tuple(self.stack)
        start = time.perf_counter()
        try:
            yield
        finally:
            self.seconds[path] = self.seconds.get(path, 0.0) + time.perf_counter() - start
            self.calls[path] = self.calls.get(path, 0) + 1
            self.stack.pop()

    def wrap(self, owner: Any, name: str, label: str) -> None:
        """Time every call of owner.name (a module function, a method or a classmethod).

        A name the code does not have (any more) is skipped: the tree changes under the bench.
        """
        if not hasattr(owner, name):
            return
        raw = owner.__dict__.get(name) if isinstance(owner, type) else None
        original = getattr(owner, name)

        @functools.wraps(original)
        def timed(*args: Any, **kwargs: Any) -> Any:
            with self.phase(label):
                return original(*args, **kwargs)

        setattr(owner, name, staticmethod(timed) if isinstance(raw, classmethod) else timed)

    def wrap_generator(self, owner: Any, name: str, label: str, *, per_item: bool) -> None:
        """Time the iteration of a generator function: as a whole, or only inside next()."""
        if not hasattr(owner, name):
            return
        original = getattr(owner, name)

        @functools.wraps(original)
        def timed(*args: Any, **kwargs: Any) -> Iterator[Any]:
            generator = original(*args, **kwargs)
            if not per_item:
                with self.phase(label):
                    yield from generator
                return
            while True:
                with self.phase(label):
                    try:
                        item = next(generator)
                    except StopIteration:
                        return
                yield item

        setattr(owner, name, timed)

    def rows(self) -> list[tuple[int, str, int, float]]:
        """(depth, label, calls, seconds) in call order, with 'other' for unexplained time."""
        order = list(self.seconds)
        result = []

        def visit(prefix: tuple[str, ...]) -> None:
            children = [p for p in order if len(p) == len(prefix) + 1 and p[:-1] == prefix]
            for child in children:
                result.append((len(prefix), child[-1], self.calls[child], self.seconds[child]))
                grandchildren = [p for p in order if len(p) == len(child) + 1 and p[:-1] == child]
                visit(child)
                rest = self.seconds[child] - sum(self.seconds[g] for g in grandchildren)
                if grandchildren and abs(rest) >= 0.005:
                    result.append((len(child), "(other)", 0, rest))

        visit(())
        return result


# ---------------------------------------------------------------------------------------------
# Worker: Django set up, one database
# ---------------------------------------------------------------------------------------------


def setup_django() -> None:
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", SETTINGS_MODULE)
    import django

    django.setup()


def subset_offering_ids(size: int | None) -> list[int]:
    """A deterministic `size` of the matchable offerings, evenly spread by pk (None: all)."""
    from werkroute.matching import features

    ids = list(features.matchable_offerings().order_by("pk").values_list("pk", flat=True))
    if size is None or len(ids) <= size:
        return ids
    step = len(ids) / size
    return [ids[int(i * step)] for i in range(size)]


def kinds_of(ids: list[int]) -> dict[str, int]:
    from django.db.models import Count

    from werkroute.catalogue.models import Offering
    from werkroute.matching import features

    counts: dict[str, int] = {}
    for chunk in features.chunks(ids):
        rows = Offering.objects.filter(pk__in=chunk).values("kind").annotate(n=Count("pk"))
        for row in rows:
            counts[row["kind"]] = counts.get(row["kind"], 0) + row["n"]
    return dict(sorted(counts.items(), key=lambda item: -item[1]))


def database_label() -> str:
    from django.db import connection

    if connection.vendor == "sqlite":
        return f"SQLite {sqlite3.sqlite_version}"
    with connection.cursor() as cursor:
        cursor.execute("SELECT current_setting('server_version')")
        return f"PostgreSQL {cursor.fetchone()[0]}"


def instrument_arrays(phases: Phases) -> None:
    """Wrap the steps that turn the database into the engine's arrays."""
    from werkroute.matching import features, space
    from werkroute.matching.engine import OfferingMatrix, PeopleMatrix, TextSpace

    phases.wrap(space, "build_offering_space", "offering arrays (space.build_offering_space)")
    phases.wrap(features, "offering_records", "offering records (features.offering_records)")
    phases.wrap(features, "occupation_infos", "occupation infos (features.occupation_infos)")
    # Tokenising the offerings happens between these calls: it shows as (other).
    for name in ("fit_tokens", "fit") if hasattr(TextSpace, "fit_tokens") else ("fit",):
        phases.wrap(TextSpace, name, f"text-space fit (TextSpace.{name})")
    phases.wrap(OfferingMatrix, "build", "offering matrix (OfferingMatrix.build)")
    phases.wrap(features, "person_records", "person records (features.person_records)")
    phases.wrap(PeopleMatrix, "build", "people matrix (PeopleMatrix.build)")
    phases.wrap(TextSpace, "transform", "text transform (tokenise + project)")
    phases.wrap(TextSpace, "transform_tokens", "project tokens (TextSpace.transform_tokens)")


def instrument_batch(phases: Phases) -> None:
    """Wrap what a run calls, from the outside: the services stay as they are."""
    from django.db.models import QuerySet

    from werkroute.core.audit import services as audit
    from werkroute.matching.services import batch

    instrument_arrays(phases)
    phases.wrap(batch, "start_run", "start_run")
    phases.wrap(batch, "score_shard", "score_shard")
    phases.wrap_generator(batch, "_best_rows", "scoring + result rows (_best_rows)", per_item=False)
    phases.wrap_generator(
        batch, "best_offerings", "waiting on the engine threads (best_offerings)", per_item=True
    )
    phases.wrap(QuerySet, "delete", "delete the shard's old matches (QuerySet.delete)")
    phases.wrap(batch, "_insert", "store matches (_insert)")
    phases.wrap(batch, "_subjects", "log subjects (_subjects)")
    phases.wrap(audit, "_write_span", "processing log entries (_write_span)")


def run_batch_worker(args: argparse.Namespace) -> dict[str, Any]:
    setup_django()
    from django.conf import settings

    import numpy as np

    from werkroute.matching import features, space
    from werkroute.matching.engine import PeopleMatrix, best_offerings, dense_reference
    from werkroute.matching.models import Match
    from werkroute.matching.services import batch

    ids = None if args.all_offerings else subset_offering_ids(SUBSET_SIZE)
    if args.empty_table:
        # The first run ever: every match is a new row (later runs mostly update rows in place).
        Match.objects.all().delete()
    phases = Phases()
    instrument_batch(phases)
    result: dict[str, Any] = {
        "database": database_label(),
        "scope": "all matchable offerings" if ids is None else f"subset of {len(ids):,}",
        "kinds": kinds_of(ids if ids is not None else subset_offering_ids(None)),
        "shard_size": settings.MATCHING_SHARD_SIZE,
        "top_k": settings.MATCHING_TOP_K,
        "workers": batch.WORKERS,
        "matches_before": Match.objects.count(),
        "blas_threads": os.environ.get("OPENBLAS_NUM_THREADS", "default"),
        "rss_before_mb": peak_rss_mb(),
        "load_before": os.getloadavg()[0],
    }
    print(f"  batch ({result['scope']}) ...", flush=True)
    started = time.perf_counter()
    with phases.phase("full batch (start_run + every shard, in-process)"):
        run, shards = batch.start_run(
            shard_size=settings.MATCHING_SHARD_SIZE,
            top_k=settings.MATCHING_TOP_K,
            offering_ids=ids,
        )
        for first, last in shards:
            batch.score_shard(run.pk, first, last)
    result["batch_s"] = time.perf_counter() - started
    result["peak_rss_mb"] = peak_rss_mb()
    run.refresh_from_db()
    result.update(
        status=run.status,
        people=run.people,
        offerings=run.offerings,
        shards=len(shards),
        stored=Match.objects.filter(run=run).count(),
        phases=phases.rows(),
    )

    # The engine alone: every person at once, the run's own arrays, block rows, threads and k.
    if ids is None:
        offering_space = space.offering_space()
    elif hasattr(batch, "_subset_space"):  # the run's own arrays, cached by the service
        offering_space = batch._subset_space(tuple(ids))
    else:
        offering_space = space.build_offering_space(ids)
    records = features.person_records(features.matchable_people())
    people = PeopleMatrix.build(
        records,
        offering_space.matrix,
        offering_space.occupations,
        space.weights_by_municipality(),
    )
    result["engine_widths"] = {
        "linear": int(people.linear.shape[1]),
        "distance": int(people.distance.shape[1]),
        "occupation table": int(people.occupation_fit.shape[1]),
    }
    k = settings.MATCHING_TOP_K
    result["block_rows"] = batch.block_rows(offering_space.matrix.size)
    print("  engine alone, then the dense reference ...", flush=True)
    started = time.perf_counter()
    for _block in best_offerings(
        people, offering_space.matrix, k, block_rows=result["block_rows"], workers=batch.WORKERS
    ):
        pass
    result["engine_s"] = time.perf_counter() - started
    shape = (people.size, offering_space.matrix.size)
    del people, records

    rng = np.random.default_rng(REFERENCE_SEED)
    left = rng.standard_normal((shape[0], REFERENCE_DIMENSIONS), dtype=np.float32)
    right = rng.standard_normal((shape[1], REFERENCE_DIMENSIONS), dtype=np.float32)
    started = time.perf_counter()
    for _block in dense_reference(
        left, right, k, block_rows=result["block_rows"], workers=batch.WORKERS
    ):
        pass
    result["reference_s"] = time.perf_counter() - started
    result["reference_shape"] = shape
    result["peak_rss_end_mb"] = peak_rss_mb()
    result["load_after"] = os.getloadavg()[0]
    return result


def instrument_online(phases: Phases) -> None:
    from werkroute.core.audit import services as audit
    from werkroute.matching import space
    from werkroute.matching.services import reading

    instrument_arrays(phases)
    phases.wrap(space, "_offering_version", "offering version check (space._offering_version)")
    phases.wrap(space, "_people_version", "people version check (space._people_version)")
    phases.wrap(space, "person_matrix", "one person's row (space.person_matrix)")
    phases.wrap(space, "disabled_municipalities", "switched-off municipalities (query)")
    phases.wrap(reading, "_best_columns", "score + top-k (_best_columns)")
    phases.wrap(reading, "_explain_person", "explanations (_explain_person)")
    phases.wrap(reading, "courses_for_gaps", "courses for the gaps (catalogue search, cached)")
    phases.wrap(reading, "_best_visible_rows", "best people in the pool (_best_visible_rows)")
    phases.wrap(reading, "_explain_candidates", "explanations (_explain_candidates)")
    phases.wrap(audit, "_write_span", "processing log entries (_write_span)")


def run_online_worker(args: argparse.Namespace) -> dict[str, Any]:
    setup_django()
    from werkroute.accounts.models import User
    from werkroute.catalogue.constants import OfferingKind
    from werkroute.catalogue.models import Offering
    from werkroute.jobseekers.models import JobSeeker
    from werkroute.jobseekers.queries import candidate_pool
    from werkroute.matching import features, space
    from werkroute.matching.services import candidates_for_offering, matches_for_person

    rng = random.Random(ONLINE_SEED)
    superuser = User.objects.filter(is_superuser=True).order_by("pk").first()
    case_manager = (
        User.objects.filter(username=CASE_MANAGER).first()
        or User.objects.filter(username__startswith=f"{CASE_MANAGER}-").order_by("pk").first()
    )
    if superuser is None or case_manager is None:
        return {"error": "no demo superuser or case manager in this database"}
    disabled = space.disabled_municipalities()
    person_ids = list(
        features.matchable_people()
        .exclude(municipality_id__in=disabled)
        .order_by("pk")
        .values_list("pk", flat=True)
    )
    vacancy_ids = list(
        features.matchable_offerings()
        .filter(kind=OfferingKind.VACANCY)
        .order_by("pk")
        .values_list("pk", flat=True)
    )
    people = [JobSeeker.objects.get(pk=pk) for pk in rng.sample(person_ids, ONLINE_SAMPLES + 1)]
    vacancies = [Offering.objects.get(pk=pk) for pk in rng.sample(vacancy_ids, ONLINE_SAMPLES + 1)]
    pools = {"all active (superuser)": superuser, f"case manager {case_manager}": case_manager}
    result: dict[str, Any] = {
        "database": database_label(),
        "pool_sizes": {label: candidate_pool(user).count() for label, user in pools.items()},
    }

    def timed(call: Callable[[], Any]) -> float:
        start = time.perf_counter()
        call()
        return (time.perf_counter() - start) * 1000

    def person_call(job_seeker: JobSeeker) -> Callable[[], Any]:
        return lambda: matches_for_person(actor=superuser, job_seeker=job_seeker)

    def vacancy_call(offering: Offering, user: Any) -> Callable[[], Any]:
        return lambda: candidates_for_offering(
            actor=user, offering=offering, people=candidate_pool(user)
        )

    phases = Phases()
    instrument_online(phases)
    print("  online: cold calls (building the arrays) ...", flush=True)
    with phases.phase("cold: first person -> vacancies"):
        result["cold_person_ms"] = timed(person_call(people[0]))
    with phases.phase("cold: first vacancy -> candidates"):
        result["cold_vacancy_ms"] = timed(vacancy_call(vacancies[0], superuser))
    result["cold_phases"] = phases.rows()
    result["offering_columns"] = space.offering_space().matrix.size
    result["people_rows"] = space.people_space().matrix.size

    print(
        f"  online: {ONLINE_SAMPLES} people, {ONLINE_SAMPLES} vacancies x 2 pools ...", flush=True
    )
    phases = Phases()
    instrument_online(phases)
    load_before = os.getloadavg()[0]
    series: dict[str, list[float]] = {}
    with phases.phase("person -> vacancies"):
        series["person -> vacancies"] = [timed(person_call(p)) for p in people[1:]]
    for label, user in pools.items():
        name = f"vacancy -> candidates, {label}"
        with phases.phase(name):
            series[name] = [timed(vacancy_call(v, user)) for v in vacancies[1:]]
    result.update(
        series=series,
        warm_phases=phases.rows(),
        load_before=load_before,
        load_after=os.getloadavg()[0],
    )
    return result


# --- Quality ----------------------------------------------------------------------------------


def recognition_figures(esco_dir: Path) -> dict[str, Any]:
    path = ROOT / "bench" / "occupation_recognition.py"
    if not path.exists():
        return {"error": "not available (bench/occupation_recognition.py does not exist yet)"}
    try:
        spec = importlib.util.spec_from_file_location("occupation_recognition", path)
        assert spec is not None and spec.loader is not None
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        started = time.perf_counter()
        figures = module.evaluate(esco_dir, holdout_fraction=0.1, seed=1)
        figures["bench_seconds"] = time.perf_counter() - started
        return {k: v for k, v in figures.items() if isinstance(v, int | float | str)}
    except Exception as exc:  # noqa: BLE001 -- the bench reports, it never fails
        return {"error": f"not available ({type(exc).__name__}: {exc})"}


def ndcg_at(relevance_in_order: Any, ideal: Any, k: int) -> float:
    import numpy as np

    discounts = 1.0 / np.log2(np.arange(2, k + 2))
    gains = (2.0 ** np.asarray(relevance_in_order[:k], dtype=np.float64)) - 1.0
    ideal_gains = (2.0 ** np.sort(np.asarray(ideal, dtype=np.float64))[::-1][:k]) - 1.0
    best = float(ideal_gains @ discounts[: len(ideal_gains)])
    return float(gains @ discounts[: len(gains)]) / best if best > 0 else math.nan


def tfidf_cosine(person_texts: list[str], offering_texts: list[str]) -> Any:
    """(people x offerings) cosine of plain TF-IDF vectors; IDF fitted on the offerings."""
    import numpy as np
    import scipy.sparse as sp

    from werkroute.core.text import index_terms

    vocabulary: dict[str, int] = {}
    offering_tokens = [index_terms(t) for t in offering_texts]
    for tokens in offering_tokens:
        for term in tokens:
            vocabulary.setdefault(term, len(vocabulary))

    def counts(tokenised: list[list[str]]) -> sp.csr_matrix:
        rows, cols = [], []
        for r, tokens in enumerate(tokenised):
            for term in tokens:
                if (c := vocabulary.get(term)) is not None:
                    rows.append(r)
                    cols.append(c)
        matrix = sp.csr_matrix(
            (np.ones(len(rows), dtype=np.float64), (rows, cols)),
            shape=(len(tokenised), len(vocabulary)),
        )
        matrix.sum_duplicates()
        return matrix

    offering_counts = counts(offering_tokens)
    n = offering_counts.shape[0]
    df = np.bincount(offering_counts.indices, minlength=len(vocabulary))
    idf = np.log((1 + n) / (1 + df)) + 1.0

    def unit(matrix: sp.csr_matrix) -> sp.csr_matrix:
        weighted = matrix @ sp.diags(idf)
        norms = np.sqrt(np.asarray(weighted.multiply(weighted).sum(axis=1)).ravel())
        norms[norms == 0] = 1.0
        return sp.diags(1.0 / norms) @ weighted

    people = unit(counts([index_terms(t) for t in person_texts]))
    return (people @ unit(offering_counts).T).toarray().astype(np.float32)


def benchmark_people(rng: random.Random) -> list[int]:
    """Active people with an ambition occupation and a postcode the engine can place."""
    from werkroute.core.models import PostcodeArea
    from werkroute.jobseekers.models import Ambition
    from werkroute.matching import features, space

    with_ambition = set(
        Ambition.objects.filter(occupation__isnull=False).values_list("job_seeker_id", flat=True)
    )
    known = set(PostcodeArea.objects.values_list("pc4", flat=True))
    rows = (
        features.matchable_people()
        .exclude(municipality_id__in=space.disabled_municipalities())
        .order_by("pk")
        .values_list("pk", "postcode")
    )
    eligible = [pk for pk, pc in rows if pk in with_ambition and (pc or "")[:4] in known]
    return sorted(rng.sample(eligible, min(QUALITY_PEOPLE, len(eligible))))


def relevance_matrix(records: list[Any], offering_space: Any) -> Any:
    """Graded relevance (people x offerings) as the module docstring defines it."""
    import numpy as np

    from werkroute.jobseekers.models import Ambition, WorkExperience
    from werkroute.matching.engine.matrices import offering_needs, person_lacks

    matrix = offering_space.matrix
    occupations = offering_space.occupations
    person_ids = [r.key for r in records]
    ambitions: dict[int, set[int]] = {pk: set() for pk in person_ids}
    experience: dict[int, set[int]] = {pk: set() for pk in person_ids}
    for pk, occupation in Ambition.objects.filter(
        job_seeker_id__in=person_ids, occupation__isnull=False
    ).values_list("job_seeker_id", "occupation_id"):
        ambitions[pk].add(occupation)
    for pk, occupation in WorkExperience.objects.filter(
        job_seeker_id__in=person_ids, occupation__isnull=False
    ).values_list("job_seeker_id", "occupation_id"):
        experience[pk].add(occupation)

    def isco(occupation: int | None) -> int:
        info = occupations.get(occupation) if occupation is not None else None
        code = info.isco if info else ""
        return int(code) if len(code) == 4 and code.isdigit() else -1

    offers = matrix.records
    occupation = np.array([o.occupation if o.occupation else -1 for o in offers], dtype=np.int64)
    isco4 = np.array([isco(o.occupation) for o in offers], dtype=np.int64)
    isco2 = np.where(isco4 >= 0, isco4 // 100, -1)
    ox = np.array([o.x_km if o.x_km is not None else np.nan for o in offers], dtype=np.float64)
    oy = np.array([o.y_km if o.y_km is not None else np.nan for o in offers], dtype=np.float64)
    remote = np.array([o.remote for o in offers], dtype=bool)
    needs = np.array([offering_needs(o) for o in offers], dtype=np.float32)

    grades = np.zeros((len(records), len(offers)), dtype=np.int8)
    for i, person in enumerate(records):
        wanted = ambitions[person.key]
        own = wanted | experience[person.key]
        own4 = {isco(o) for o in own} - {-1}
        own2 = {c // 100 for c in own4}
        with np.errstate(invalid="ignore"):
            km = np.hypot(ox - (person.x_km or np.nan), oy - (person.y_km or np.nan))
            within = remote | (km <= person.radius_km)
            within_wide = remote | (km <= 1.5 * person.radius_km)
        meets = (needs @ person_lacks(person)) == 0
        same = np.isin(occupation, list(own))
        grade = np.where(np.isin(occupation, list(wanted)) & within & meets, 3, 0)
        grade = np.maximum(grade, np.where((same | np.isin(isco4, list(own4))) & within, 2, 0))
        grade = np.maximum(grade, np.where((same | np.isin(isco2, list(own2))) & within_wide, 1, 0))
        for column, allowed in matrix.restricted:
            if person.municipality not in allowed:
                grade[column] = 0
        grades[i] = grade
    return grades


def run_quality_worker(args: argparse.Namespace) -> dict[str, Any]:
    result: dict[str, Any] = {"recognition": recognition_figures(args.esco_dir)}
    setup_django()

    from werkroute.matching import features, space
    from werkroute.matching.engine import PeopleMatrix, score_rows, top_k

    print("  quality: benchmark set, rankings ...", flush=True)
    ids = subset_offering_ids(SUBSET_SIZE)
    offering_space = space.build_offering_space(ids)
    chosen = benchmark_people(random.Random(QUALITY_SEED))
    records = features.person_records(features.matchable_people().filter(pk__in=chosen))
    people = PeopleMatrix.build(
        records,
        offering_space.matrix,
        offering_space.occupations,
        space.weights_by_municipality(),
    )
    grades = relevance_matrix(records, offering_space)
    engine_scores = score_rows(people, offering_space.matrix, 0, people.size).copy()
    engine_top, _values = top_k(engine_scores, NDCG_AT)
    cosine = tfidf_cosine(
        [r.text for r in records], [o.text for o in offering_space.matrix.records]
    )
    baseline_top, _values = top_k(cosine, NDCG_AT)

    engine, baseline, skipped = [], [], 0
    engine_hits, baseline_hits = [], []
    for i in range(len(records)):
        if not grades[i].any():
            skipped += 1
            continue
        engine.append(ndcg_at(grades[i][engine_top[i]], grades[i], NDCG_AT))
        baseline.append(ndcg_at(grades[i][baseline_top[i]], grades[i], NDCG_AT))
        engine_hits.append(float((grades[i][engine_top[i]] >= 2).mean()))
        baseline_hits.append(float((grades[i][baseline_top[i]] >= 2).mean()))
    per_grade = {g: float((grades == g).sum(axis=1).mean()) for g in (3, 2, 1)}
    result["ranking"] = {
        "people": len(records),
        "offerings": offering_space.matrix.size,
        "without_relevant": skipped,
        "relevant_per_person": per_grade,
        "ndcg_engine": statistics.fmean(engine) if engine else math.nan,
        "ndcg_baseline": statistics.fmean(baseline) if baseline else math.nan,
        "p_at_10_engine": statistics.fmean(engine_hits) if engine_hits else math.nan,
        "p_at_10_baseline": statistics.fmean(baseline_hits) if baseline_hits else math.nan,
        "engine_wins": int(sum(e > b for e, b in zip(engine, baseline, strict=True))),
        "baseline_wins": int(sum(b > e for e, b in zip(engine, baseline, strict=True))),
    }
    return result


WORKERS: dict[str, Callable[[argparse.Namespace], dict[str, Any]]] = {
    "batch": run_batch_worker,
    "online": run_online_worker,
    "quality": run_quality_worker,
}


def run_worker(args: argparse.Namespace) -> None:
    try:
        result = WORKERS[args.worker](args)
    except Exception as exc:  # noqa: BLE001 -- report, do not fail the whole bench
        traceback.print_exc()
        result = {"error": f"{type(exc).__name__}: {exc}"}
    args.out.write_text(json.dumps(result, default=str))


# ---------------------------------------------------------------------------------------------
# Parent: the database, the workers, the report
# ---------------------------------------------------------------------------------------------


@dataclass
class Bench:
    args: argparse.Namespace
    work_dir: Path
    results: dict[str, Any] = field(default_factory=dict)

    def env(self, database_url: str) -> dict[str, str]:
        env = dict(os.environ)
        env.update(
            DJANGO_SETTINGS_MODULE=SETTINGS_MODULE,
            DEBUG="false",
            DATABASE_URL=database_url,
            WERKROUTE_VAR_DIR=str(self.work_dir / "var"),
            PYTHONPATH=str(ROOT),
        )
        env.setdefault("WERKROUTE_DATA_KEY", BENCH_DATA_KEY)
        if self.args.blas_threads:
            env["OPENBLAS_NUM_THREADS"] = str(self.args.blas_threads)
        return env


def werkroute(args: list[str], env: dict[str, str], log: Path) -> float:
    start = time.perf_counter()
    with log.open("ab") as out:
        command = [sys.executable, "-m", "werkroute.cli", *args]
        result = subprocess.run(command, env=env, cwd=ROOT, stdout=out, stderr=out)
    if result.returncode:
        sys.exit(f"werkroute {' '.join(args)} failed:\n{log.read_text(errors='replace')[-3000:]}")
    return time.perf_counter() - start


def sqlite_counts(path: Path) -> tuple[int, int]:
    if not path.exists():
        return 0, 0
    with contextlib.closing(sqlite3.connect(path)) as db:
        try:
            offerings = db.execute("SELECT COUNT(*) FROM catalogue_offering").fetchone()[0]
            people = db.execute("SELECT COUNT(*) FROM jobseekers_jobseeker").fetchone()[0]
        except sqlite3.OperationalError:
            return 0, 0
    return offerings, people


def postgres_counts(url: str) -> tuple[int, int]:
    import psycopg

    try:
        with psycopg.connect(url) as conn:
            offerings = conn.execute("SELECT COUNT(*) FROM catalogue_offering").fetchone()
            people = conn.execute("SELECT COUNT(*) FROM jobseekers_jobseeker").fetchone()
    except (psycopg.OperationalError, psycopg.errors.UndefinedTable):
        return 0, 0
    return (offerings[0] if offerings else 0), (people[0] if people else 0)


def prepare(name: str, url: str, bench: Bench) -> None:
    """Reuse a database holding the large demo, else build it; migrate in either case."""
    env, log = bench.env(url), bench.work_dir / f"setup-{name}.log"
    if url.startswith("sqlite"):
        path = Path(url.removeprefix("sqlite:///"))
        offerings, people = sqlite_counts(path)
        if not (offerings and people):
            for old in path.parent.glob(path.name + "*"):
                old.unlink()
            path.parent.mkdir(parents=True, exist_ok=True)
    else:
        import psycopg

        offerings, people = postgres_counts(url) if bench.args.reuse else (0, 0)
        if not (offerings and people):
            database = urlsplit(url).path.lstrip("/")
            admin = urlsplit(url)._replace(path="/postgres").geturl()
            with psycopg.connect(admin, autocommit=True) as conn:
                conn.execute(f'DROP DATABASE IF EXISTS "{database}" WITH (FORCE)')
                conn.execute(f'CREATE DATABASE "{database}"')
    migrate_s = werkroute(["migrate", "--no-input", "-v", "0"], env, log)
    if offerings and people:
        print(f"{name}: reusing {url} ({offerings:,} offerings, {people:,} job seekers)")
        return
    print(f"{name}: new database {url}; migrate {migrate_s:.1f} s", flush=True)
    print(f"  werkroute {' '.join(DEMO_COMMAND)} ...", flush=True)
    generate_s = werkroute(DEMO_COMMAND, env, log)
    print(f"  demo data generated in {generate_s:.1f} s", flush=True)
    if not url.startswith("sqlite"):
        import psycopg

        with psycopg.connect(url, autocommit=True) as conn:
            conn.execute("VACUUM ANALYZE")


def worker(kind: str, url: str, bench: Bench, extra: list[str] | None = None) -> dict[str, Any]:
    # Others may add migrations while the bench runs: apply them before every worker.
    werkroute(["migrate", "--no-input", "-v", "0"], bench.env(url), bench.work_dir / "migrate.log")
    out = bench.work_dir / f"{kind}-{time.monotonic_ns()}.json"
    command = [sys.executable, __file__, "--worker", kind, "--out", str(out)]
    command += ["--esco-dir", str(bench.args.esco_dir), *(extra or [])]
    if bench.args.empty_table:
        command.append("--empty-table")
    subprocess.run(command, env=bench.env(url), cwd=ROOT, check=False)
    if not out.exists():
        return {"error": f"the {kind} worker wrote no result"}
    return json.loads(out.read_text())


# --- printing ---------------------------------------------------------------------------------


def print_title(text: str) -> None:
    print(f"\n{text}\n{'=' * len(text)}")


def print_phases(rows: list[list[Any]], indent: str = "  ") -> None:
    for depth, label, calls, seconds in rows:
        times = f" x{calls}" if calls > 1 else ""
        name = f"{'  ' * depth}{label}{times}"
        print(f"{indent}{name:<74}{seconds:>8.2f} s")


def print_batch(name: str, runs: list[dict[str, Any]]) -> None:
    ok = [r for r in runs if "error" not in r]
    for r in runs:
        if "error" in r:
            print(f"batch worker failed: {r['error']}")
    if not ok:
        return
    first = ok[0]
    print_title(f"{name}: full batch, {first['scope']} ({first['database']})")
    kinds = ", ".join(f"{kind} {n:,}" for kind, n in first["kinds"].items())
    print(f"offerings by kind: {kinds}")
    print(
        f"{first['people']:,} people x {first['offerings']:,} offerings, {first['shards']} "
        f"shards of {first['shard_size']:,}, top {first['top_k']}, block rows "
        f"{first['block_rows']}, {first['workers']} threads; engine widths {first['engine_widths']}"
    )
    for number, r in enumerate(ok, start=1):
        print(
            f"\nrun {number}/{len(ok)}: status {r['status']}, {r['stored']:,} matches stored "
            f"({r['matches_before']:,} in the table before, updated or replaced shard by shard); "
            f"OPENBLAS_NUM_THREADS {r['blas_threads']}; load average {r['load_before']:.2f} -> "
            f"{r['load_after']:.2f}"
        )
        print_phases(r["phases"])
        people, offerings = r["reference_shape"]
        rows = [
            (
                f"engine alone: best_offerings, all {people:,} x {offerings:,}, arrays built",
                r["engine_s"],
            ),
            (
                f"dense reference: {people:,} x {REFERENCE_DIMENSIONS} @ {REFERENCE_DIMENSIONS} x "
                f"{offerings:,} float32, same blocks + top-k",
                r["reference_s"],
            ),
        ]
        for label, seconds in rows:
            print(f"  {label:<74}{seconds:>8.2f} s")
        print(
            f"  peak RSS: {r['rss_before_mb']:,.0f} MB after Django setup, "
            f"{r['peak_rss_mb']:,.0f} MB after the batch, {r['peak_rss_end_mb']:,.0f} MB after "
            "the engine alone and the reference"
        )
    wall = statistics.median(r["batch_s"] for r in ok)
    peak = max(r["peak_rss_mb"] for r in ok)
    engine_ratio = statistics.median(r["engine_s"] / r["reference_s"] for r in ok)
    batch_ratio = statistics.median(r["batch_s"] / r["reference_s"] for r in ok)
    median = " (median of runs)" if len(ok) > 1 else ""
    print(f"\ntargets{median}:")
    lines = [
        (
            "full batch wall time",
            f"{wall:.1f} s",
            f"<= {TARGET_BATCH_S:g} s",
            wall <= TARGET_BATCH_S,
        ),
        (
            "peak RSS of the batch worker",
            f"{peak:,.0f} MB",
            f"<= {TARGET_PEAK_MB:,.0f} MB",
            peak <= TARGET_PEAK_MB,
        ),
        (
            "engine scoring / dense reference",
            f"{engine_ratio:.2f} x",
            f"<= {TARGET_RATIO:g} x",
            engine_ratio <= TARGET_RATIO,
        ),
        (
            "full batch wall / dense reference",
            f"{batch_ratio:.2f} x",
            f"<= {TARGET_RATIO:g} x (stricter reading)",
            batch_ratio <= TARGET_RATIO,
        ),
    ]
    for label, value, target, ok_ in lines:
        print(f"  {label:<36}{value:>10}   target {target:<30}{verdict(ok_)}")


def print_online(name: str, r: dict[str, Any]) -> None:
    print_title(f"{name}: one person, one vacancy")
    if "error" in r:
        print(f"online worker failed: {r['error']}")
        return
    print(
        f"service arrays: {r['offering_columns']:,} offerings (all open work), "
        f"{r['people_rows']:,} people; pools: "
        + ", ".join(f"{label} {n:,}" for label, n in r["pool_sizes"].items())
    )
    print(
        f"cold (first call builds the arrays): person -> vacancies {r['cold_person_ms']:,.0f} ms, "
        f"vacancy -> candidates {r['cold_vacancy_ms']:,.0f} ms"
    )
    print_phases(r["cold_phases"])
    print(
        f"\nwarm, {ONLINE_SAMPLES} calls each; load average {r['load_before']:.2f} -> "
        f"{r['load_after']:.2f}"
    )
    print(f"  {'ms':<58}{'p50':>8}{'p95':>8}{'max':>8}  target p95 <= {TARGET_ONLINE_P95_MS:g}")
    for label, values in r["series"].items():
        p50, p95 = percentile(values, 50), percentile(values, 95)
        print(
            f"  {label[:58]:<58}{p50:>8.1f}{p95:>8.1f}{max(values):>8.1f}  "
            f"{verdict(p95 <= TARGET_ONLINE_P95_MS)}"
        )
    print("  where the warm time goes (totals over the calls):")
    print_phases(r["warm_phases"], indent="    ")


def print_quality(name: str, r: dict[str, Any]) -> None:
    print_title(f"{name}: quality")
    if "error" in r:
        print(f"quality worker failed: {r['error']}")
        return
    rec = r.get("recognition", {})
    if "error" in rec:
        print(f"occupation recognition: {rec['error']}")
    else:
        acc3 = float(rec.get("accuracy_at_3", math.nan))
        extra = {k: v for k, v in rec.items() if k not in ("n", "accuracy_at_1", "accuracy_at_3")}
        print(
            f"occupation recognition, {rec.get('n')} held-out ESCO labels: accuracy@1 "
            f"{float(rec.get('accuracy_at_1', math.nan)):.3f}, accuracy@3 {acc3:.3f}  "
            f"target @3 >= {TARGET_ACCURACY_AT_3:g}  {verdict(acc3 >= TARGET_ACCURACY_AT_3)}"
        )
        print(
            "  "
            + ", ".join(
                f"{k} {v:.3g}" if isinstance(v, float) else f"{k} {v}" for k, v in extra.items()
            )
        )
    q = r.get("ranking")
    if not q:
        return
    per_grade = ", ".join(f"grade {g}: {n:.1f}" for g, n in q["relevant_per_person"].items())
    print(
        f"\nranking, benchmark set: {q['people']} people x {q['offerings']:,} offerings; "
        f"{q['without_relevant']} people without any relevant offering left out"
    )
    print(f"  relevant offerings per person (mean): {per_grade}")
    print(f"  {'':<34}{'nDCG@10':>9}{'P@10 (grade>=2)':>17}")
    print(f"  {'engine (score_rows)':<34}{q['ndcg_engine']:>9.3f}{q['p_at_10_engine']:>17.3f}")
    print(
        f"  {'TF-IDF cosine only (baseline)':<34}{q['ndcg_baseline']:>9.3f}"
        f"{q['p_at_10_baseline']:>17.3f}"
    )
    print(
        f"  per person: engine better {q['engine_wins']}, baseline better {q['baseline_wins']} "
        "(relevance is a constructed proxy: see the docstring)"
    )


def print_machine() -> None:
    now = dt.datetime.now().astimezone().strftime("%Y-%m-%d %H:%M %Z")
    print(
        f"{now} · {platform.node()} · {os.cpu_count()} cores · Python "
        f"{platform.python_version()} · load average {os.getloadavg()[0]:.2f}"
    )


# --- main -------------------------------------------------------------------------------------


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--sqlite", type=Path, default=DEFAULT_SQLITE, help="SQLite file (reused when filled)"
    )
    parser.add_argument("--postgres", action="store_true", help="also bench PostgreSQL")
    parser.add_argument("--postgres-only", action="store_true", help="PostgreSQL, not SQLite")
    parser.add_argument("--postgres-url", default=DEFAULT_POSTGRES_URL)
    parser.add_argument("--reuse", action="store_true", help="keep a filled PostgreSQL database")
    parser.add_argument("--repeat", type=int, default=1, help="batch runs, each a fresh worker")
    parser.add_argument("--all-offerings", action="store_true", help="also batch all offerings")
    parser.add_argument(
        "--empty-table",
        action="store_true",
        help="every batch starts without stored matches (a first run) instead of replacing them",
    )
    parser.add_argument("--skip-online", action="store_true", help="no one-person/vacancy part")
    parser.add_argument("--skip-quality", action="store_true", help="no recognition or nDCG")
    parser.add_argument("--esco-dir", type=Path, default=DEFAULT_ESCO_DIR)
    parser.add_argument(
        "--blas-threads",
        type=int,
        help="set OPENBLAS_NUM_THREADS in the workers (default: unset, as the app runs)",
    )
    parser.add_argument("--worker", choices=sorted(WORKERS), help=argparse.SUPPRESS)
    parser.add_argument("--out", type=Path, help=argparse.SUPPRESS)
    return parser.parse_args(argv)


def databases(args: argparse.Namespace) -> list[tuple[str, str]]:
    found = []
    if not args.postgres_only:
        found.append(("SQLite", f"sqlite:///{args.sqlite.resolve()}"))
    if args.postgres or args.postgres_only:
        found.append(("PostgreSQL", args.postgres_url))
    return found


def main() -> None:
    args = parse_args()
    if args.worker:
        run_worker(args)
        return
    print_machine()
    with tempfile.TemporaryDirectory(prefix="werkroute-bench-matching-") as tmp:
        bench = Bench(args, Path(tmp))
        for name, url in databases(args):
            prepare(name, url, bench)
            runs = [worker("batch", url, bench) for _ in range(max(args.repeat, 1))]
            print_batch(name, runs)
            if args.all_offerings:
                print_batch(name, [worker("batch", url, bench, ["--all-offerings"])])
            if not args.skip_online:
                print_online(name, worker("online", url, bench))
            if not args.skip_quality:
                print_quality(name, worker("quality", url, bench))
    print()
    print_machine()


if __name__ == "__main__":
    main()
