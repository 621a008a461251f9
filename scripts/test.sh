#!/usr/bin/env bash
# The whole test suite: lint, then every test on SQLite and again on PostgreSQL.
# Extra arguments go to pytest (e.g. scripts/test.sh -k search).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/bootstrap.sh dev
scripts/ensure_chromium.sh
export PYTHONDONTWRITEBYTECODE=1

echo "== ruff"
.venv/bin/ruff check .
.venv/bin/ruff format --check .
echo "== migrations are complete"
DJANGO_SETTINGS_MODULE=werkroute.conf.test .venv/bin/python manage.py makemigrations --check --dry-run >/dev/null

WORKERS="${PYTEST_WORKERS:-2}"
echo "== tests on SQLite"
env -u DATABASE_URL .venv/bin/pytest -n "$WORKERS" "$@"

echo "== tests on PostgreSQL"
PG_URL="$(scripts/ensure_postgres.sh)"
DATABASE_URL="$PG_URL" .venv/bin/pytest -n "$WORKERS" "$@"
