#!/usr/bin/env bash
# Set up on a fresh machine and serve the route map with the demo region on SQLite.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/bootstrap.sh
mkdir -p var
export DJANGO_SETTINGS_MODULE=werkroute.conf.dev
# The demo logs in without an authenticator app; real installations keep two-factor login on.
export WERKROUTE_REQUIRE_STAFF_2FA="${WERKROUTE_REQUIRE_STAFF_2FA:-false}"
SIZE="${DEMO_SIZE:-city}"
SEED="${DEMO_SEED:-1}"
.venv/bin/werkroute migrate --no-input
.venv/bin/werkroute demo --seed "$SEED" --size "$SIZE"
# Matching: every job seeker's best vacancies, so the monitor and the lists have data at once.
.venv/bin/werkroute match
echo "Matching: klantmanager -> dossier -> 'Passende vacatures'; werkzoekende -> 'Vacatures die bij jou passen';"
echo "          functioneel beheerder -> /matching/instellingen/ en /werkgevers/instellingen/; uitleg voor iedereen: /algoritme/"
echo "Werkgevers: werkgeversadviseur -> /werkgevers/ (werkakkoorden, voordrachten, controles na 6 en 12 maanden);"
echo "          werkgever -> /werkgever/ (voordrachten beantwoorden); regelingen en de check: /regelingen/"
echo "Verwijzingen: klantmanager -> /werk/verwijzingen/ en /werk/partners/; partner -> /partner/verwijzingen/"
echo
echo "Werkroute runs on http://127.0.0.1:8000  (stop with Ctrl+C)"
exec .venv/bin/werkroute runserver 127.0.0.1:8000
