#!/usr/bin/env bash
# Set up on a fresh machine and serve the route map with the demo region on SQLite.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/bootstrap.sh
export DJANGO_SETTINGS_MODULE=werkroute.conf.dev
SIZE="${DEMO_SIZE:-city}"
SEED="${DEMO_SEED:-1}"
.venv/bin/werkroute migrate --no-input
.venv/bin/werkroute demo --seed "$SEED" --size "$SIZE"
echo
echo "Werkroute runs on http://127.0.0.1:8000  (stop with Ctrl+C)"
exec .venv/bin/werkroute runserver 127.0.0.1:8000
