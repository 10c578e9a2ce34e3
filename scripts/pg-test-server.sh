#!/usr/bin/env bash
# A throwaway PostgreSQL 15 server for tests (ISSUE 5): initdb in a temporary directory, a free
# loopback port, trust authentication, nothing kept.
#
#   scripts/pg-test-server.sh start        prints `export GATEHOUSE_PG_DIR=...` and
#                                          `export GATEHOUSE_TEST_PG_DSN=postgresql://...` (eval it)
#   scripts/pg-test-server.sh stop [DIR]   stops the server of DIR (default $GATEHOUSE_PG_DIR), deletes DIR
#   scripts/pg-test-server.sh run CMD...   start, run CMD with both variables exported, stop; exits
#                                          with CMD's status
#
# initdb and postgres refuse to run as root, so as root they run as the `postgres` user (created
# by Debian's package) with `runuser`. Installs postgresql-15 through install-deps.sh if missing.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
pgbin=/usr/lib/postgresql/15/bin

as_pg() {
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

free_port() {
  local p
  for _ in $(seq 50); do
    p=$((20000 + RANDOM % 20000))
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null; then echo "$p"; return 0; fi
  done
  echo "no free port found" >&2
  return 1
}

start() {
  [ -x "$pgbin/postgres" ] || bash "$here/install-deps.sh" >&2
  local dir port
  dir="$(mktemp -d /tmp/gatehouse-pg.XXXXXX)"
  chmod 755 "$dir"
  [ "$(id -u)" -ne 0 ] || chown postgres: "$dir"
  as_pg "$pgbin/initdb" -D "$dir/data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 \
    || { cat "$dir/initdb.log" >&2; rm -rf "$dir"; return 1; }
  for attempt in 1 2 3 4 5; do
    port="$(free_port)"
    # fsync=off: a throwaway cluster; durability of *Gatehouse's* acknowledged writes under
    # SIGKILL of a node does not depend on the database host's fsync.
    if as_pg "$pgbin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 30 start -o \
      "-p $port -k $dir -c listen_addresses=127.0.0.1 -c fsync=off -c full_page_writes=off -c max_connections=300 -c shared_buffers=128MB" \
      >/dev/null 2>&1; then
      echo "export GATEHOUSE_PG_DIR=$dir"
      echo "export GATEHOUSE_TEST_PG_DSN=postgresql://postgres@127.0.0.1:$port/postgres"
      return 0
    fi
    echo "postgres failed to start on port $port (attempt $attempt)" >&2
    tail -5 "$dir/server.log" >&2 || true
  done
  rm -rf "$dir"
  return 1
}

stop() {
  local dir="${1:-${GATEHOUSE_PG_DIR:-}}"
  [ -n "$dir" ] && [ -d "$dir" ] || { echo "stop: no server directory" >&2; return 1; }
  as_pg "$pgbin/pg_ctl" -D "$dir/data" -m immediate -w stop >/dev/null 2>&1 || true
  rm -rf "$dir"
}

run() {
  local env_lines
  env_lines="$(start)"
  eval "$env_lines"
  trap 'stop "$GATEHOUSE_PG_DIR"' EXIT
  local rc=0
  "$@" || rc=$?
  exit "$rc"
}

case "${1:-}" in
  start) start ;;
  stop) shift; stop "$@" ;;
  run) shift; run "$@" ;;
  *) echo "usage: $0 start | stop [DIR] | run CMD..." >&2; exit 2 ;;
esac
