#!/usr/bin/env bash
# A private PostgreSQL cluster for the persistence tests and benchmarks.
#
#   ops/ci/postgres.sh start    # init (once) and start; prints the connection string on stdout
#   ops/ci/postgres.sh stop     # stop (the data directory stays)
#   ops/ci/postgres.sh status
#   ops/ci/postgres.sh env      # prints: export LITHAIR_PG_CONNECTION='...'
#   ops/ci/postgres.sh destroy  # stop and delete the data directory
#
# Typical CI use:  eval "$(ops/ci/postgres.sh env)"  (starts the cluster when needed)
#
# Every step is idempotent. Installs PostgreSQL with apt-get when its binaries are missing; runs the server as
# user postgres (created when missing) when called as root, else as the calling user. Trust authentication on
# 127.0.0.1 only. Settings: LITHAIR_PG_PORT (55432), LITHAIR_PG_DATA (/tmp/lithair-pgdata),
# LITHAIR_PG_DATABASE (lithair_test). Progress goes to stderr.
set -euo pipefail

PORT="${LITHAIR_PG_PORT:-55432}"
DATA="${LITHAIR_PG_DATA:-/tmp/lithair-pgdata}"
DATABASE="${LITHAIR_PG_DATABASE:-lithair_test}"
SOCKETS="${LITHAIR_PG_SOCKETS:-/tmp}"
LOG="$DATA.log"
CONNECTION="Host=127.0.0.1;Port=$PORT;Username=postgres;Password=postgres;Database=$DATABASE"

say() { echo "postgres.sh: $*" >&2; }

find_bin() {
  local dir
  dir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
  if [ -n "$dir" ] && [ -x "$dir/pg_ctl" ]; then
    echo "$dir"
  elif command -v pg_ctl >/dev/null 2>&1; then
    dirname "$(command -v pg_ctl)"
  fi
}

ensure_installed() {
  BIN=$(find_bin)
  if [ -z "$BIN" ]; then
    say "PostgreSQL binaries not found; installing with apt-get"
    if [ "$(id -u)" -ne 0 ]; then
      say "need root to install PostgreSQL"
      exit 1
    fi
    DEBIAN_FRONTEND=noninteractive apt-get update -qq >&2
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >&2
    BIN=$(find_bin)
    [ -n "$BIN" ] || { say "installation did not provide pg_ctl"; exit 1; }
  fi
}

# Runs a command as the server's owner.
as_owner() {
  if [ "$(id -u)" -eq 0 ]; then
    id postgres >/dev/null 2>&1 || useradd -r -m -d /var/lib/postgresql -s /bin/bash postgres
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

is_running() {
  [ -f "$DATA/postmaster.pid" ] && as_owner "$BIN/pg_ctl" -D "$DATA" status >/dev/null 2>&1
}

start() {
  ensure_installed
  if [ ! -f "$DATA/PG_VERSION" ]; then
    say "initialising $DATA"
    mkdir -p "$DATA"
    [ "$(id -u)" -eq 0 ] && { as_owner true; chown postgres: "$DATA"; }
    as_owner "$BIN/initdb" -D "$DATA" -A trust -U postgres -E UTF8 >&2
  fi
  if is_running; then
    say "already running on port $PORT"
  else
    touch "$LOG"
    [ "$(id -u)" -eq 0 ] && chown postgres: "$LOG"
    as_owner "$BIN/pg_ctl" -D "$DATA" -l "$LOG" -w -t 60 \
      -o "-p $PORT -k $SOCKETS -c listen_addresses=127.0.0.1 -c max_connections=200" start >&2 ||
      { say "could not start the server (port $PORT taken?); last log lines:"; tail -n 5 "$LOG" >&2; return 1; }
  fi
  if ! as_owner "$BIN/psql" -h 127.0.0.1 -p "$PORT" -U postgres -d postgres -tAc \
      "SELECT 1 FROM pg_database WHERE datname = '$DATABASE'" | grep -q 1; then
    say "creating database $DATABASE"
    as_owner "$BIN/createdb" -h 127.0.0.1 -p "$PORT" -U postgres "$DATABASE" ||
      { say "could not create database $DATABASE"; return 1; }
  fi
  echo "$CONNECTION"
}

stop() {
  BIN=$(find_bin)
  if [ -n "$BIN" ] && [ -f "$DATA/PG_VERSION" ] && is_running; then
    as_owner "$BIN/pg_ctl" -D "$DATA" -m fast -w stop >&2
  else
    say "not running"
  fi
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  status)
    BIN=$(find_bin)
    if [ -n "$BIN" ] && is_running; then say "running on port $PORT"; echo "$CONNECTION"; else say "not running"; exit 3; fi ;;
  env)
    # Fail (and print nothing to eval) when the server cannot be started.
    connection=$(start) || exit 1
    echo "export LITHAIR_PG_CONNECTION='$connection'" ;;
  destroy) stop; rm -rf "$DATA" "$LOG"; say "deleted $DATA" ;;
  *) echo "usage: $0 start|stop|status|env|destroy" >&2; exit 2 ;;
esac
