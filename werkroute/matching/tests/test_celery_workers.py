"""Several real Celery workers on a real Redis broker share one matching run.

The test starts redis-server (a free port, a temporary folder, no persistence) and two
`celery -A werkroute.celery worker --pool=solo` processes on the test's own database, queues a run
with `werkroute match` (REDIS_URL set, so every shard goes to the broker), follows the run in the
database until it is done, and compares what the workers stored with an in-process run of the
same data. It stops every process it started, also when it fails.

PostgreSQL: the workers open the test database. SQLite: pytest-django keeps the test database in
memory, which no other process can open; the test copies it to a file for the workers (SQLite's
backup API) and copies the file back into memory afterwards, so the assertions read the same way
on both.
"""

from __future__ import annotations

import io
import os
import re
import shutil
import socket
import sqlite3
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import quote

from django.conf import settings
from django.core.management import call_command
from django.db import connection

import pytest

from werkroute.core.audit.models import ProcessingLogEntry
from werkroute.jobseekers.models import Ambition
from werkroute.jobseekers.tests.factories import JobSeekerFactory
from werkroute.matching.models import Match, MatchRun, RunStatus
from werkroute.matching.tests.conftest import Market, build_market, occupation

PROJECT_ROOT = Path(__file__).resolve().parents[3]
WORKERS = ("w1@werkroute-test", "w2@werkroute-test")
SHARD_SIZE = 2
TOP_K = 3
STARTUP_SECONDS = 40  # redis and two workers importing Django, numpy and scipy on a busy machine
RUN_SECONDS = 45
POLL_SECONDS = 0.1
RECEIVED = re.compile(r"Task matching\.score_shard\[([0-9a-f-]+)\] received")
SUCCEEDED = re.compile(r"Task matching\.score_shard\[([0-9a-f-]+)\] succeeded")

pytestmark = pytest.mark.django_db(transaction=True)


def redis_server_binary() -> str:
    found = shutil.which("redis-server") or "/usr/bin/redis-server"
    if not os.access(found, os.X_OK):
        pytest.skip(
            "redis-server not installed (Debian: apt-get install redis-server; "
            ".ci/run installs it on CI)"
        )
    return found


def wait_for(
    condition: Callable[[], Any], seconds: float, what: str, alive: Callable[[], None]
) -> Any:
    """Poll until condition() is truthy; alive() fails the test early if a process died."""
    deadline = time.monotonic() + seconds
    while True:
        alive()
        value = condition()
        if value:
            return value
        if time.monotonic() > deadline:
            pytest.fail(f"timed out after {seconds} s waiting for {what}")
        time.sleep(POLL_SECONDS)


def stop(*processes: subprocess.Popen, grace: float = 10) -> None:
    """SIGTERM (a worker finishes its task, redis exits), then SIGKILL whatever is still there."""
    running = [process for process in processes if process.poll() is None]
    for process in running:
        process.terminate()
    deadline = time.monotonic() + grace
    for process in running:
        try:
            process.wait(max(0.1, deadline - time.monotonic()))
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(5)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@contextmanager
def redis_server(folder: Path) -> Iterator[str]:
    """A throw-away redis-server on a free local port; yields its URL."""
    import redis

    binary = redis_server_binary()
    folder.mkdir()
    for _attempt in range(3):  # the free port may be taken between probing and binding
        port = free_port()
        log = folder / f"redis-{port}.log"
        with log.open("wb") as out:
            process = subprocess.Popen(
                [binary, "--port", str(port), "--bind", "127.0.0.1", "--dir", str(folder)]
                + ["--save", "", "--appendonly", "no", "--daemonize", "no"],
                stdout=out,
                stderr=subprocess.STDOUT,
            )
        client = redis.Redis(host="127.0.0.1", port=port, socket_timeout=1)
        try:
            deadline = time.monotonic() + 10
            while process.poll() is None and time.monotonic() < deadline:
                try:
                    client.ping()
                    break
                except redis.ConnectionError:
                    time.sleep(POLL_SECONDS)
            else:
                stop(process)
                continue
            yield f"redis://127.0.0.1:{port}/0"
            return
        finally:
            client.close()
            stop(process)
    pytest.fail(f"redis-server did not start; its log: {log.read_text(errors='replace')}")


class WorkerDatabase:
    """The test database as the worker processes see it."""

    def __init__(self, folder: Path) -> None:
        self.sqlite_file: Path | None = None
        if connection.vendor == "sqlite":
            self.sqlite_file = folder / "workers.sqlite3"

    @property
    def url(self) -> str:
        if self.sqlite_file is not None:
            return f"sqlite:///{self.sqlite_file}"
        db = connection.settings_dict
        password = f":{quote(db['PASSWORD'], safe='')}" if db["PASSWORD"] else ""
        host = quote(db["HOST"] or "", safe="")
        port = f":{db['PORT']}" if db["PORT"] else ""
        return f"postgres://{quote(db['USER'], safe='')}{password}@{host}{port}/{db['NAME']}"

    def share(self) -> None:
        """SQLite: copy the in-memory test database (its committed data) to the file."""
        if self.sqlite_file is None:
            return
        connection.ensure_connection()
        target = sqlite3.connect(self.sqlite_file)
        try:
            connection.connection.backup(target)
        finally:
            target.close()

    def take_back(self) -> None:
        """SQLite: copy what the workers wrote back into the test database."""
        if self.sqlite_file is None:
            return
        source = sqlite3.connect(self.sqlite_file)
        try:
            source.backup(connection.connection)
        finally:
            source.close()

    def run_state(self, run_id: int) -> tuple[str, int, int, str]:
        """(status, shards, shards_done, error) of a run, as the workers left it just now."""
        query = "SELECT status, shards, shards_done, error FROM matching_matchrun WHERE id = ?"
        if self.sqlite_file is None:
            return MatchRun.objects.values_list("status", "shards", "shards_done", "error").get(
                pk=run_id
            )
        reader = sqlite3.connect(self.sqlite_file, timeout=20)
        try:
            return reader.execute(query, [run_id]).fetchone()
        finally:
            reader.close()


@dataclass
class Worker:
    name: str
    process: subprocess.Popen
    log: Path

    def output(self) -> str:
        return self.log.read_text(errors="replace")


@contextmanager
def celery_workers(environment: dict[str, str], folder: Path) -> Iterator[list[Worker]]:
    workers: list[Worker] = []
    try:
        for name in WORKERS:
            log = folder / f"{name.split('@')[0]}.log"
            with log.open("wb") as out:
                process = subprocess.Popen(
                    [sys.executable, "-m", "celery", "-A", "werkroute.celery", "worker"]
                    + ["--pool=solo", "--prefetch-multiplier=1", "--loglevel=INFO", "-n", name]
                    + ["--without-mingle", "--without-gossip", "--without-heartbeat"],
                    cwd=PROJECT_ROOT,
                    env=environment,
                    stdout=out,
                    stderr=subprocess.STDOUT,
                )
            workers.append(Worker(name, process, log))
        yield workers
    finally:
        stop(*(worker.process for worker in workers))


def ping(redis_url: str) -> set[str]:
    """The workers that answer on the broker's control channel (consuming tasks by then)."""
    from celery import Celery

    # Not the current app: the test process's own tasks must keep running in-process.
    probe = Celery("werkroute-test-probe", broker=redis_url, set_as_current=False)
    try:
        replies = probe.control.ping(destination=list(WORKERS), timeout=0.5)
    finally:
        probe.close()
    return {name for reply in replies for name in reply}


def stored_matches() -> dict[tuple[int, int], float]:
    return {
        (person, offering): score
        for person, offering, score in Match.objects.values_list(
            "job_seeker_id", "offering_id", "score"
        )
    }


def more_people(market: Market, count: int) -> None:
    """A few more job seekers beside the market's four, so a run has several shards."""
    codes = ["cook", "forklift_driver", "warehouse_worker"]
    for number in range(count):
        person = JobSeekerFactory(
            municipality=market.municipality,
            postcode=("3511AB", "3514AB")[number % 2],
            hours_min=16 + 4 * (number % 3),
            hours_max=32 + 4 * (number % 2),
        )
        Ambition.objects.create(job_seeker=person, occupation=occupation(codes[number % 3]))


def test_two_celery_workers_on_redis_share_one_run(transactional_db: Any, tmp_path: Path) -> None:
    redis_server_binary()
    if not settings.CELERY_TASK_ALWAYS_EAGER:
        pytest.skip(
            "REDIS_URL is set for the test process; the in-process reference needs it unset"
        )
    market = build_market()
    more_people(market, 8)
    database = WorkerDatabase(tmp_path)
    database.share()

    with ExitStack() as stack:
        redis_url = stack.enter_context(redis_server(tmp_path / "redis"))
        environment = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "werkroute.conf.test",
            "DATABASE_URL": database.url,
            "DB_CONN_MAX_AGE": "0",
            "REDIS_URL": redis_url,
            "LOG_LEVEL": "INFO",
            "PYTHONDONTWRITEBYTECODE": "1",
        }
        workers = stack.enter_context(celery_workers(environment, tmp_path))

        def report() -> str:
            return "\n".join(f"--- {w.name}:\n{w.output()[-4000:]}" for w in workers)

        def alive() -> None:
            for worker in workers:
                if worker.process.poll() is not None:
                    pytest.fail(f"{worker.name} exited ({worker.process.returncode})\n{report()}")

        wait_for(lambda: ping(redis_url) == set(WORKERS), STARTUP_SECONDS, "both workers", alive)
        queued = subprocess.run(
            [sys.executable, "-m", "werkroute.cli", "match"]
            + ["--shard-size", str(SHARD_SIZE), "--top-k", str(TOP_K)],
            cwd=PROJECT_ROOT,
            env=environment,
            capture_output=True,
            text=True,
            timeout=60,
            check=False,
        )
        assert queued.returncode == 0, queued.stdout + queued.stderr
        started = re.search(r"Run (\d+):", queued.stdout)
        assert started, queued.stdout
        run_id = int(started[1])

        def finished() -> tuple[str, int, int, str] | None:
            state = database.run_state(run_id)
            if state[0] == RunStatus.FAILED:
                pytest.fail(f"the run failed: {state[3]}\n{report()}")
            return state if state[0] == RunStatus.DONE else None

        status, shards, shards_done, _error = wait_for(
            finished, RUN_SECONDS, f"run {run_id} to be done", alive
        )
        # The log lines of the last task are written just after its database work.
        wait_for(
            lambda: sum(len(SUCCEEDED.findall(w.output())) for w in workers) >= shards,
            10,
            "the workers to log the last task",
            alive,
        )
        stack.close()  # stops the workers and redis before the database is read back

    logs = {worker.name: worker.output() for worker in workers}
    received = {name: RECEIVED.findall(text) for name, text in logs.items()}
    succeeded = [task for text in logs.values() for task in SUCCEEDED.findall(text)]
    database.take_back()
    run = MatchRun.objects.get(pk=run_id)

    # The run is done, in several shards, each done once.
    assert status == RunStatus.DONE and run.status == RunStatus.DONE
    people = 4 + 8
    assert run.people == people
    assert shards == run.shards == -(-people // SHARD_SIZE)
    assert shards_done == run.shards_done == run.shards
    # Both workers took shards; every queued task was received once and succeeded once.
    assert all(received.values()), {name: len(tasks) for name, tasks in received.items()}
    every_received = [task for tasks in received.values() for task in tasks]
    assert len(every_received) == len(set(every_received)) == run.shards, received
    assert sorted(succeeded) == sorted(every_received), logs
    # Each person was scored by one shard only: one processing-log entry each for this run.
    logged = Counter(
        ProcessingLogEntry.objects.filter(processing_activity__code="matching").values_list(
            "data_subject_hash", flat=True
        )
    )
    assert len(logged) == people and set(logged.values()) == {1}, logged
    # Every stored match came from this run, and the logs' hash chains survived two writers.
    by_workers = stored_matches()
    assert by_workers
    assert set(Match.objects.values_list("run_id", flat=True)) == {run_id}
    call_command("verify_audit_chain", stdout=io.StringIO())

    # The same data scored in this process (no broker: the shards run here) stores the same.
    call_command("match", shard_size=SHARD_SIZE, top_k=TOP_K, stdout=io.StringIO())
    in_process = MatchRun.objects.exclude(pk=run_id).get()
    assert in_process.status == RunStatus.DONE
    in_process_matches = stored_matches()
    assert in_process_matches.keys() == by_workers.keys()
    assert in_process_matches == pytest.approx(by_workers, rel=1e-9, abs=1e-12)
