#!/usr/bin/env bash
# Create the virtual environment and install Werkroute with its pinned dependencies.
# Usage: scripts/bootstrap.sh [dev]   (dev adds the test and lint tools)
set -euo pipefail
cd "$(dirname "$0")/.."
PYTHON="${PYTHON:-python3.11}"
command -v "$PYTHON" >/dev/null || PYTHON=python3
if [ ! -x .venv/bin/python ]; then
  "$PYTHON" -m venv .venv
fi
extras=""
[ "${1:-}" = "dev" ] && extras="[dev]"
stamp=".venv/.installed$extras"
if [ ! -f "$stamp" ] || [ pyproject.toml -nt "$stamp" ]; then
  .venv/bin/python -m pip install --quiet --disable-pip-version-check --upgrade pip uv 2>/dev/null
  # uv installs the same pinned set in seconds; pip is the fallback.
  if ! .venv/bin/uv pip install --quiet --python .venv/bin/python -e ".$extras"; then
    .venv/bin/python -m pip install --quiet -e ".$extras"
  fi
  touch "$stamp"
fi
