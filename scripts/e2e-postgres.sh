#!/usr/bin/env bash
# Runs the whole end-to-end suite (tests/e2e) against a throwaway PostgreSQL 15 server
# (scripts/pg-test-server.sh): every server a test starts gets a fresh schema of that database
# (tests/e2e/lib/server.mjs freshDatabaseUrl), and the server is stopped at the end.
#
#   scripts/e2e-postgres.sh /abs/path/to/gatehouse [test files...]
# The binary must be built with -DGATEHOUSE_WITH_POSTGRES=ON. Exit status: node --test's.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
bin="${1:?usage: e2e-postgres.sh /abs/path/to/gatehouse [test files...]}"
shift
export GATEHOUSE_BIN="$bin"
cd "$here/../tests/e2e"
exec bash "$here/pg-test-server.sh" run bash -c \
  'GATEHOUSE_TEST_DATABASE_URL="$GATEHOUSE_TEST_PG_DSN" node --test --test-concurrency=1 --test-reporter=spec "$@"' \
  e2e-postgres "$@"
