"""Route-map search benchmark: server time per typical search, and requests per second.

Prints figures; it is not a test. For each database (SQLite and/or PostgreSQL) it:

1. creates a fresh database, runs `migrate` and `werkroute demo --size large --seed 1`
   (100,000 offerings) and times both;
2. re-invokes itself as a worker (`--worker`) with DATABASE_URL set, which times a fixed list of
   typical searches two ways: (a) the search as the view runs it (SearchForm -> SearchParams ->
   search_offerings -> count + first page of 20 rows) and (b) the whole view through
   django.test.Client, template rendering included;
3. serves the route map with gunicorn (2 workers) and puts it under load with wrk, or with a
   small built-in load generator when wrk is not installed.

Run from the repository root:  .venv/bin/python bench/catalogue_search.py --help
"""

from __future__ import annotations

import argparse
import base64
import contextlib
import datetime as dt
import functools
import hashlib
import http.client
import json
import os
import platform
import re
import shutil
import socket
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parents[1]
SETTINGS_MODULE = "werkroute.conf.dev"
TARGET_P95_MS = 100.0
DEFAULT_POSTGRES_URL = "postgres://postgres@127.0.0.1:5432/werkroute_bench"
DEMO_COMMAND = ["demo", "--size", "large", "--seed", "1"]
LOAD_PATHS = ["/", "/?q=zorg&postcode=2011&radius=10"]
GUNICORN_WORKERS = 2
# DEBUG is off, so the demo's synthetic casework data needs a data key; this one is no secret.
BENCH_DATA_KEY = base64.b64encode(hashlib.sha256(b"werkroute bench").digest()).decode()
SLOWEST_SHOWN = 5


# ---------------------------------------------------------------------------------------------
# The typical searches
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Search:
    group: str
    query: str  # the route map's query string, without the leading '?'


def typical_searches(today: dt.date) -> list[Search]:
    """The fixed list of searches; dates are relative to the day of the run (so is the data)."""
    week, month, two_months = (today + dt.timedelta(days=d) for d in (7, 30, 60))
    return [
        # Plain text, as typed into the search box.
        Search("text", "q=heftruck"),
        Search("text", "q=magazijn"),
        Search("text", "q=zorg"),
        Search("text", "q=sollicitatietraining"),
        Search("text", "q=banenmarkt+Haarlem"),
        Search("text", "q=schoonmaak"),
        Search("text", "q=kok"),
        Search("text", "q=chauffeur"),
        Search("text", "q=beveiliging"),
        Search("text", "q=administratief+medewerker"),
        Search("text", "q=vrijwilligerswerk"),
        Search("text", "q=werk"),
        # Text and filters.
        Search("text+filter", "q=zorg&kind=vacancy"),
        Search("text+filter", "q=training&group=over_55"),
        Search("text+filter", "q=taal&theme=dutch_language"),
        Search("text+filter", "q=cursus&free=on"),
        Search("text+filter", "q=magazijn&municipality=velsen"),
        Search("text+filter", "q=vacature&kind=vacancy&kind=basic_job&group=youth&free=on"),
        # Text and distance, by relevance or by distance.
        Search("text+distance", "q=zorg&postcode=2011&radius=10"),
        Search("text+distance", "q=heftruck&postcode=1971&radius=25"),
        Search("text+distance", "q=kok&postcode=1941&radius=5"),
        Search("text+distance", "q=chauffeur&postcode=1971&radius=10"),
        Search("text+distance", "q=schoonmaak&postcode=2011&radius=5&sort=distance"),
        Search("text+distance", "q=magazijnmedewerker&postcode=1941&radius=25&sort=distance"),
        Search("text+distance", "q=banenmarkt&postcode=2011&radius=25&sort=distance"),
        # Filters only (the first is the route map's landing page).
        Search("filters", ""),
        Search("filters", "kind=vacancy"),
        Search("filters", "kind=job_fair&kind=application_training&municipality=haarlem"),
        Search("filters", "group=status_holders&theme=dutch_language&free=on"),
        Search("filters", "postcode=2011&radius=10&sort=distance"),
        Search("filters", "postcode=1941&sort=distance"),
        # Date ranges.
        Search("dates", f"kind=job_fair&date_from={today}&date_until={month}"),
        Search(
            "dates", f"q=sollicitatietraining&date_from={week}&date_until={two_months}&sort=date"
        ),
        # Page 2.
        Search("page 2", "q=zorg&page=2"),
        Search("page 2", "kind=vacancy&postcode=2011&radius=10&page=2"),
    ]


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


@dataclass
class Summary:
    p50: float
    p95: float
    mean: float
    max: float

    @classmethod
    def of(cls, values: list[float]) -> Summary:
        return cls(
            percentile(values, 50), percentile(values, 95), statistics.fmean(values), max(values)
        )


@dataclass
class SearchTiming:
    group: str
    query: str
    matches: int  # the paginator's count: capped at COUNT_CAP + 1 since SearchPaginator
    search_sql: int  # SQL statements of the search itself (a)
    view_sql: int  # SQL statements of the whole request (b)
    search_ms: list[float] = field(default_factory=list)
    view_ms: list[float] = field(default_factory=list)


@dataclass
class WorkerReport:
    vendor: str
    offerings: int
    public: int
    repeat: int
    load_before: float  # 1-minute load average when measuring started and ended: on a shared
    load_after: float  # machine, other processes inflate every figure
    planner: str  # what the query planner works with (statistics, JIT)
    timings: list[SearchTiming]


@dataclass
class LoadResult:
    path: str
    tool: str
    connections: int
    seconds: float
    requests: int
    rps: float
    p50_ms: float
    p99_ms: float
    errors: int
    note: str = ""


@dataclass
class DatabaseRun:
    name: str
    url: str
    migrate_s: float | None = None
    generate_s: float | None = None
    report: WorkerReport | None = None
    load: list[LoadResult] = field(default_factory=list)
    load_error: str = ""


# ---------------------------------------------------------------------------------------------
# Worker: runs inside Django, against one database
# ---------------------------------------------------------------------------------------------


def run_worker(repeat: int, out: Path, explain: bool) -> None:
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", SETTINGS_MODULE)
    import django

    django.setup()
    from django.utils import timezone

    searches = typical_searches(timezone.localdate())
    print(f"  warming up ({len(searches)} searches)...", flush=True)
    timings = [profile(s) for s in searches]
    print(f"  measuring ({repeat} rounds)...", flush=True)
    load_before = os.getloadavg()[0]
    for round_no in range(repeat):
        for timing in timings:
            timing.search_ms.append(time_search(timing.query))
            timing.view_ms.append(time_view(timing.query))
        print(f"    round {round_no + 1}/{repeat} done", flush=True)
    load = (load_before, os.getloadavg()[0])
    report = WorkerReport(
        connection_vendor(), *dataset_size(), repeat, *load, planner_settings(), timings
    )
    out.write_text(json.dumps(asdict(report)))
    if explain:
        explain_slowest(timings)


def connection_vendor() -> str:
    from django.db import connection

    return connection.vendor


def planner_settings() -> str:
    from django.db import connection

    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute("SELECT COUNT(*) FROM sqlite_master WHERE name = 'sqlite_stat1'")
            analyzed = cursor.fetchone()[0]
            return f"SQLite {sqlite3.sqlite_version}, ANALYZE statistics: {'yes' if analyzed else 'none'}"
        cursor.execute("SELECT current_setting('server_version'), current_setting('jit')")
        version, jit = cursor.fetchone()
        return f"PostgreSQL {version}, jit={jit}"


def dataset_size() -> tuple[int, int]:
    from werkroute.catalogue.models import Offering

    return Offering.objects.count(), Offering.objects.public().count()


def run_search(query: str) -> tuple[int, list[object]]:
    """What the search view does before rendering: form, search, count, the page's rows."""
    from django.conf import settings
    from django.http import QueryDict

    from werkroute.catalogue.forms import SearchForm
    from werkroute.catalogue.search import SearchPaginator, distance_km, search_offerings

    data = QueryDict(query)
    form = SearchForm(data)
    if not form.is_valid():
        raise ValueError(f"invalid search {query!r}: {form.errors.as_text()}")
    outcome = search_offerings(form.to_params())
    paginator = SearchPaginator(outcome.queryset, settings.CATALOGUE_PAGE_SIZE)
    page = paginator.get_page(data.get("page"))
    rows = list(page.object_list)
    for offering in rows:
        offering.distance_km = distance_km(offering)
    return paginator.count, rows


@functools.cache
def test_client() -> Any:
    """One client for every request: a new one would load the middleware again each time (and
    whitenoise scans every static file when it loads), which a running server never does."""
    from django.test import Client

    return Client()


def get_view(query: str) -> bytes:
    response = test_client().get(f"/?{query}")
    if response.status_code != 200:
        raise RuntimeError(f"GET /?{query} answered {response.status_code}")
    return response.content


def time_search(query: str) -> float:
    start = time.perf_counter()
    run_search(query)
    return (time.perf_counter() - start) * 1000


def time_view(query: str) -> float:
    start = time.perf_counter()
    get_view(query)
    return (time.perf_counter() - start) * 1000


def profile(search: Search) -> SearchTiming:
    """One untimed pass (the warm-up) that also counts matches and SQL statements."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as search_queries:
        matches, _rows = run_search(search.query)
    with CaptureQueriesContext(connection) as view_queries:
        get_view(search.query)
    return SearchTiming(search.group, search.query, matches, len(search_queries), len(view_queries))


def explain_slowest(timings: list[SearchTiming]) -> None:
    """Print the query plan of the slowest SQL statement of each of the slowest searches."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    slowest = sorted(timings, key=lambda t: percentile(t.search_ms, 50), reverse=True)
    for timing in slowest[:SLOWEST_SHOWN]:
        with CaptureQueriesContext(connection) as captured:
            run_search(timing.query)
        statement = max(captured.captured_queries, key=lambda q: float(q["time"]))
        print(f"\n=== ?{timing.query}  ({statement['time']} s)\n{statement['sql']}\n")
        for line in query_plan(statement["sql"]):
            print(f"    {line}")


def query_plan(sql: str) -> Iterator[str]:
    from django.db import connection

    prefix = "EXPLAIN QUERY PLAN " if connection.vendor == "sqlite" else "EXPLAIN ANALYZE "
    with connection.cursor() as cursor:
        cursor.execute(prefix + sql)
        for row in cursor.fetchall():
            yield " | ".join(str(cell) for cell in row)


# ---------------------------------------------------------------------------------------------
# Parent: databases, data, worker, load test, summary
# ---------------------------------------------------------------------------------------------


@dataclass
class Bench:
    args: argparse.Namespace
    work_dir: Path

    def env(self, database_url: str) -> dict[str, str]:
        """The environment of every child: dev settings without DEBUG, collected static files."""
        env = dict(os.environ)
        env.update(
            DJANGO_SETTINGS_MODULE=SETTINGS_MODULE,
            DEBUG="false",
            DATABASE_URL=database_url,
            WERKROUTE_VAR_DIR=str(self.work_dir / "var"),
            PYTHONPATH=str(ROOT),
        )
        env.setdefault("WERKROUTE_DATA_KEY", BENCH_DATA_KEY)
        return env

    def log(self, name: str) -> Path:
        return self.work_dir / f"{name}.log"


def werkroute(args: list[str], env: dict[str, str], log: Path) -> float:
    """Run a `werkroute` command with its output in log; return how long it took in seconds."""
    start = time.perf_counter()
    with log.open("ab") as out:
        command = [sys.executable, "-m", "werkroute.cli", *args]
        result = subprocess.run(command, env=env, cwd=ROOT, stdout=out, stderr=out)
    if result.returncode:
        sys.exit(f"werkroute {' '.join(args)} failed:\n{log.read_text(errors='replace')[-3000:]}")
    return time.perf_counter() - start


def sqlite_offering_count(path: Path) -> int:
    if not path.exists():
        return 0
    with contextlib.closing(sqlite3.connect(path)) as db:
        try:
            return db.execute("SELECT COUNT(*) FROM catalogue_offering").fetchone()[0]
        except sqlite3.OperationalError:
            return 0


def postgres_admin(url: str, statements: list[str]) -> None:
    """Run statements on the server's maintenance database (autocommit: CREATE DATABASE)."""
    import psycopg

    admin = urlsplit(url)._replace(path="/postgres").geturl()
    with psycopg.connect(admin, autocommit=True) as conn:
        for statement in statements:
            conn.execute(statement)


def postgres_offering_count(url: str) -> int:
    import psycopg

    try:
        with psycopg.connect(url) as conn:
            row = conn.execute("SELECT COUNT(*) FROM catalogue_offering").fetchone()
    except (psycopg.OperationalError, psycopg.errors.UndefinedTable):
        return 0
    return row[0] if row else 0


def postgres_vacuum_analyze(url: str) -> None:
    """What autovacuum does shortly after a bulk load: statistics and the visibility map."""
    import psycopg

    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute("VACUUM ANALYZE")


def prepare_sqlite(run: DatabaseRun, path: Path, bench: Bench) -> None:
    existing = sqlite_offering_count(path)
    if existing:
        print(f"{run.name}: reusing {path} ({existing:,} offerings)")
        return
    for old in path.parent.glob(path.name + "*"):
        old.unlink()
    print(f"{run.name}: new database {path}")
    fill(run, bench)


def prepare_postgres(run: DatabaseRun, bench: Bench) -> None:
    name = urlsplit(run.url).path.lstrip("/")
    existing = postgres_offering_count(run.url) if bench.args.reuse else 0
    if existing:
        print(f"{run.name}: reusing database {name} ({existing:,} offerings)")
        return
    print(f"{run.name}: (re)creating database {name}")
    drop, create = f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)', f'CREATE DATABASE "{name}"'
    postgres_admin(run.url, [drop, create])
    fill(run, bench)
    postgres_vacuum_analyze(run.url)


def fill(run: DatabaseRun, bench: Bench) -> None:
    env, log = bench.env(run.url), bench.log(f"setup-{run.name}")
    run.migrate_s = werkroute(["migrate", "--no-input", "-v", "0"], env, log)
    print(f"  migrate: {run.migrate_s:.1f} s", flush=True)
    print(f"  werkroute {' '.join(DEMO_COMMAND)} ...", flush=True)
    run.generate_s = werkroute(DEMO_COMMAND, env, log)
    print(f"  demo data generated in {run.generate_s:.1f} s", flush=True)


def measure_searches(run: DatabaseRun, bench: Bench) -> None:
    """Re-invoke this script as a worker with the database in its environment."""
    out = bench.work_dir / f"{run.name}.json"
    command = [sys.executable, __file__, "--worker", "--repeat", str(bench.args.repeat)]
    command += ["--out", str(out), *(["--explain"] if bench.args.explain else [])]
    subprocess.run(command, env=bench.env(run.url), cwd=ROOT, check=True)
    data = json.loads(out.read_text())
    data["timings"] = [SearchTiming(**t) for t in data["timings"]]
    run.report = WorkerReport(**data)


# --- gunicorn and load ------------------------------------------------------------------------


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def get_status(port: int, path: str, timeout: float = 10.0) -> int:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    try:
        conn.request("GET", path)
        response = conn.getresponse()
        response.read()
        return response.status
    finally:
        conn.close()


def wait_until_serving(process: subprocess.Popen[bytes], port: int, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"gunicorn exited with {process.returncode}")
        with contextlib.suppress(OSError):
            if get_status(port, "/") == 200:
                return
        time.sleep(0.2)
    raise RuntimeError("gunicorn did not answer within 60 s")


@contextlib.contextmanager
def gunicorn(env: dict[str, str], log: Path) -> Iterator[int]:
    """Serve the route map on a free loopback port; always stop the server afterwards."""
    port = free_port()
    command = [
        str(Path(sys.executable).parent / "gunicorn"),
        "werkroute.wsgi",
        "-w",
        str(GUNICORN_WORKERS),
        "--bind",
        f"127.0.0.1:{port}",
    ]
    with log.open("wb") as log_file:
        process = subprocess.Popen(command, env=env, cwd=ROOT, stdout=log_file, stderr=log_file)
        try:
            wait_until_serving(process, port)
            yield port
        except Exception:
            print(log.read_text(errors="replace")[-3000:], file=sys.stderr)
            raise
        finally:
            stop(process)


def stop(process: subprocess.Popen[bytes]) -> None:
    if process.poll() is not None:
        return
    process.terminate()  # gunicorn's master stops its workers on SIGTERM
    try:
        process.wait(timeout=15)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


def warm_up_server(port: int, paths: list[str], rounds: int = 10) -> None:
    for _round in range(rounds):
        for path in paths:
            status = get_status(port, path)
            if status != 200:
                raise RuntimeError(f"GET {path} answered {status}")


UNIT_MS = {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60_000.0}


def wrk_duration_ms(text: str) -> float:
    match = re.fullmatch(r"([\d.]+)(us|ms|s|m)", text)
    if not match:
        raise ValueError(f"unexpected wrk duration {text!r}")
    return float(match.group(1)) * UNIT_MS[match.group(2)]


def run_wrk(wrk: str, port: int, path: str, duration: float, concurrency: int) -> LoadResult:
    threads = min(2, concurrency)
    command = [
        wrk,
        f"-t{threads}",
        f"-c{concurrency}",
        f"-d{duration:g}s",
        "--timeout",
        "10s",
        "--latency",
        f"http://127.0.0.1:{port}{path}",
    ]
    output = subprocess.run(command, capture_output=True, text=True, check=True).stdout
    return parse_wrk(output, path, concurrency)


def parse_wrk(output: str, path: str, connections: int) -> LoadResult:
    def number(pattern: str) -> str:
        match = re.search(pattern, output)
        if not match:
            raise ValueError(f"wrk output lacks {pattern!r}:\n{output}")
        return match.group(1)

    requests = int(number(r"(\d+) requests in"))
    seconds = wrk_duration_ms(number(r"requests in ([\d.]+\w+),")) / 1000
    socket_errors = re.search(
        r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", output
    )
    non_2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    errors = sum(int(n) for n in socket_errors.groups()) if socket_errors else 0
    errors += int(non_2xx.group(1)) if non_2xx else 0
    return LoadResult(
        path=path,
        tool="wrk",
        connections=connections,
        seconds=seconds,
        requests=requests,
        rps=float(number(r"Requests/sec:\s+([\d.]+)")),
        # Anchored: the thread statistics end in a percentage too ("72.50%"), and an
        # unanchored "50%" matched that and the next line's "Req/Sec".
        p50_ms=wrk_duration_ms(number(r"(?m)^\s*50%\s+(\S+)")),
        p99_ms=wrk_duration_ms(number(r"(?m)^\s*99%\s+(\S+)")),
        errors=errors,
    )


@dataclass
class LoadState:
    port: int
    path: str
    deadline: float
    budget: Iterator[int]
    latencies: list[float] = field(default_factory=list)
    errors: int = 0
    lock: threading.Lock = field(default_factory=threading.Lock)


def load_client(state: LoadState) -> None:
    """One simulated user: keep-alive requests until the time or the request budget runs out."""
    conn: http.client.HTTPConnection | None = None
    latencies: list[float] = []
    errors = 0
    while time.perf_counter() < state.deadline and next(state.budget, None) is not None:
        conn = conn or http.client.HTTPConnection("127.0.0.1", state.port, timeout=10)
        start = time.perf_counter()
        try:
            conn.request("GET", state.path)
            response = conn.getresponse()
            response.read()
        except (OSError, http.client.HTTPException):
            errors += 1
            conn.close()
            conn = None
            continue
        latencies.append((time.perf_counter() - start) * 1000)
        errors += response.status >= 400
        if response.will_close:  # gunicorn's sync workers close after each response
            conn.close()
            conn = None
    if conn:
        conn.close()
    with state.lock:
        state.latencies.extend(latencies)
        state.errors += errors


def run_python_load(
    port: int, path: str, duration: float, concurrency: int, max_requests: int = 1_000_000
) -> LoadResult:
    start = time.perf_counter()
    state = LoadState(port, path, start + duration, iter(range(max_requests)))
    threads = [threading.Thread(target=load_client, args=(state,)) for _ in range(concurrency)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    seconds = time.perf_counter() - start
    latencies = state.latencies or [0.0]
    return LoadResult(
        path=path,
        tool="python",
        connections=concurrency,
        seconds=seconds,
        requests=len(state.latencies),
        rps=len(state.latencies) / seconds,
        p50_ms=percentile(latencies, 50),
        p99_ms=percentile(latencies, 99),
        errors=state.errors,
        note="built-in generator (GIL-bound: shares the 2 cores with gunicorn)",
    )


def load_test(run: DatabaseRun, bench: Bench) -> None:
    args, wrk = bench.args, shutil.which("wrk")
    tool = "wrk" if wrk else "built-in generator"
    print(f"  load: gunicorn -w {GUNICORN_WORKERS}, {tool}, {args.duration:g} s", flush=True)
    with gunicorn(bench.env(run.url), bench.log(f"gunicorn-{run.name}")) as port:
        warm_up_server(port, LOAD_PATHS)
        for path in LOAD_PATHS:
            if wrk:
                result = run_wrk(wrk, port, path, args.duration, args.concurrency)
            else:
                result = run_python_load(port, path, args.duration, args.concurrency)
            run.load.append(result)


# --- printing ----------------------------------------------------------------------------------


def verdict(summary: Summary) -> str:
    return "PASS" if summary.p95 <= TARGET_P95_MS else "FAIL"


def print_search_table(run: DatabaseRun, per_query: bool) -> None:
    report = run.report
    assert report is not None
    samples = len(report.timings) * report.repeat
    title = f"{run.name}: {report.offerings:,} offerings ({report.public:,} public)"
    print(f"\n{title}\n{'=' * len(title)}")
    if run.generate_s is not None:
        print(f"migrate {run.migrate_s:.1f} s, demo generation {run.generate_s:.1f} s")
    print(
        f"{len(report.timings)} searches x {report.repeat} repeats = {samples} samples per row; "
        f"load average {report.load_before:.1f} -> {report.load_after:.1f}"
    )
    print(f"{report.planner}\n")
    print(f"{'ms':<34}{'p50':>8}{'p95':>8}{'mean':>8}{'max':>8}  target p95 <= {TARGET_P95_MS:g}")
    rows = [
        ("(a) search: form, count, page", [ms for t in report.timings for ms in t.search_ms]),
        ("(b) view: GET / (test Client)", [ms for t in report.timings for ms in t.view_ms]),
    ]
    for label, values in rows:
        s = Summary.of(values)
        print(f"{label:<34}{s.p50:>8.1f}{s.p95:>8.1f}{s.mean:>8.1f}{s.max:>8.1f}  {verdict(s)}")
    ranked = sorted(report.timings, key=lambda t: percentile(t.view_ms, 50), reverse=True)
    shown = ranked if per_query else ranked[:SLOWEST_SHOWN]
    print(f"\n{'All searches' if per_query else 'Slowest 5 searches'} (by p50 of the view):")
    print(f"  {'query':<58}{'count':>8}{'SQL':>4}{'(a) p50':>9}{'max':>8}{'(b) p50':>9}{'max':>8}")
    for t in shown:
        a, b = Summary.of(t.search_ms), Summary.of(t.view_ms)
        query = f"?{t.query}" if t.query else "/ (landing page)"
        print(
            f"  {query[:58]:<58}{t.matches:>8}{t.view_sql:>4}"
            f"{a.p50:>9.1f}{a.max:>8.1f}{b.p50:>9.1f}{b.max:>8.1f}"
        )


def print_load_table(runs: list[DatabaseRun]) -> None:
    if not any(run.load or run.load_error for run in runs):
        return
    print(f"\nRoute map under load (gunicorn -w {GUNICORN_WORKERS}, loopback)")
    print("===============================================")
    print(
        f"{'database':<12}{'URL':<36}{'req/s':>8}{'p50 ms':>9}{'p99 ms':>9}"
        f"{'requests':>10}{'errors':>8}"
    )
    for run in runs:
        if run.load_error:
            print(f"{run.name:<12}load test failed: {run.load_error}")
        for r in run.load:
            print(
                f"{run.name:<12}{r.path:<36}{r.rps:>8.1f}{r.p50_ms:>9.1f}{r.p99_ms:>9.1f}"
                f"{r.requests:>10}{r.errors:>8}"
            )
    results = [r for run in runs for r in run.load]
    tools = {
        f"{r.tool}, {r.connections} connections, {r.seconds:.0f} s per URL"
        + (f" ({r.note})" if r.note else "")
        for r in results
    }
    if tools:
        print(f"load generator: {'; '.join(sorted(tools))}")


def print_machine() -> None:
    now = dt.datetime.now().astimezone().strftime("%Y-%m-%d %H:%M %Z")
    print(
        f"\n{now} · {platform.node()} · {os.cpu_count()} cores · Python {platform.python_version()}"
    )


# --- main ----------------------------------------------------------------------------------------


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--db", choices=["sqlite", "postgres", "both"], default="both")
    parser.add_argument("--repeat", type=int, default=5, help="timed runs per search (default 5)")
    parser.add_argument("--duration", type=float, default=10, help="seconds of load per URL")
    parser.add_argument("--concurrency", type=int, default=8, help="connections under load")
    parser.add_argument("--skip-load", action="store_true", help="no gunicorn load test")
    parser.add_argument(
        "--reuse", action="store_true", help="keep an existing werkroute_bench database"
    )
    parser.add_argument("--sqlite", type=Path, help="SQLite file to reuse (filled when empty)")
    parser.add_argument("--postgres-url", default=DEFAULT_POSTGRES_URL)
    parser.add_argument("--per-query", action="store_true", help="print every search, not 5")
    parser.add_argument("--explain", action="store_true", help="print plans of the slowest")
    parser.add_argument("--worker", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--out", type=Path, help=argparse.SUPPRESS)
    return parser.parse_args(argv)


def database_runs(args: argparse.Namespace, work_dir: Path) -> Iterator[DatabaseRun]:
    if args.db in ("sqlite", "both"):
        path = (args.sqlite or work_dir / "bench.sqlite3").resolve()
        yield DatabaseRun("SQLite", f"sqlite:///{path}")
    if args.db in ("postgres", "both"):
        yield DatabaseRun("PostgreSQL", args.postgres_url)


def bench_database(run: DatabaseRun, bench: Bench) -> None:
    """Prepare, measure and load-test one database; print its figures as soon as they exist."""
    if run.url.startswith("sqlite"):
        prepare_sqlite(run, Path(run.url.removeprefix("sqlite:///")), bench)
    else:
        prepare_postgres(run, bench)
    measure_searches(run, bench)
    print_search_table(run, bench.args.per_query)
    if bench.args.skip_load:
        return
    try:
        load_test(run, bench)
    except (RuntimeError, OSError, ValueError, subprocess.CalledProcessError) as exc:
        run.load_error = str(exc)  # gunicorn has been stopped; keep the search figures
    print_load_table([run])


def main() -> None:
    args = parse_args()
    if args.worker:
        run_worker(args.repeat, args.out, args.explain)
        return
    runs: list[DatabaseRun] = []
    with tempfile.TemporaryDirectory(prefix="werkroute-bench-") as tmp:
        bench = Bench(args, Path(tmp))
        # Static files once, for whitenoise (DEBUG off): the manifest the templates need.
        static_env = bench.env(f"sqlite:///{bench.work_dir / 'static.sqlite3'}")
        werkroute(["collectstatic", "--noinput", "-v", "0"], static_env, bench.log("static"))
        for run in database_runs(args, bench.work_dir):
            bench_database(run, bench)
            runs.append(run)
    print("\n\nSUMMARY")
    print_machine()
    for run in runs:
        print_search_table(run, args.per_query)
    print_load_table(runs)


if __name__ == "__main__":
    main()
