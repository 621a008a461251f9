#!/usr/bin/env bash
# Make a PostgreSQL server available on 127.0.0.1:5432 and print a DATABASE_URL for the tests.
# Uses the server that is already running; starts the local cluster when it is down; installs
# Debian's postgresql when there is none (as root). Prints only the URL on stdout.
set -euo pipefail
HOST=127.0.0.1
PORT="${PGPORT:-5432}"
DB=werkroute
log() { echo "$@" >&2; }

as_postgres() { if [ "$(id -u)" = "0" ]; then runuser -u postgres -- "$@"; else sudo -u postgres "$@"; fi; }

running() { pg_isready -q -h "$HOST" -p "$PORT" 2>/dev/null; }

start_cluster() {
  command -v pg_lsclusters >/dev/null || return 1
  local version name
  read -r version name _ < <(pg_lsclusters --no-header | head -n 1) || return 1
  [ -n "${version:-}" ] || return 1
  log "Starting PostgreSQL cluster $version/$name..."
  pg_ctlcluster --skip-systemctl-redirect "$version" "$name" start >&2 2>/dev/null \
    || pg_ctlcluster "$version" "$name" start >&2
}

if ! command -v pg_isready >/dev/null || ! command -v pg_lsclusters >/dev/null; then
  if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null; then
    log "Installing Debian's postgresql..."
    apt-get update -qq >/dev/null
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
  else
    log "PostgreSQL is not installed; install Debian's 'postgresql' package."
    exit 1
  fi
fi

if ! running; then
  start_cluster || true
  for _ in $(seq 1 30); do running && break; sleep 0.5; done
fi
running || { log "PostgreSQL does not answer on $HOST:$PORT."; exit 1; }

# Trust authentication (as on our machines) needs no password; otherwise use a password role.
if psql -h "$HOST" -p "$PORT" -U postgres -d postgres -tAc "select 1" >/dev/null 2>&1; then
  echo "postgres://postgres@$HOST:$PORT/$DB"
  exit 0
fi
as_postgres psql -q -d postgres -c "DO \$\$BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname='werkroute') THEN CREATE ROLE werkroute LOGIN PASSWORD 'werkroute' CREATEDB; END IF; END\$\$;" >&2
echo "postgres://werkroute:werkroute@$HOST:$PORT/$DB"
