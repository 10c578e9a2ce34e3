#!/usr/bin/env bash
# Instructions per organization-token request, counted by valgrind's callgrind: a figure that
# stays the same on a busy machine (wrk rates do not), used to find and check hot-path work
# (doc/performance.md). Prints, for the M2M and refresh paths, instructions per request and
# the share spent inside ECDSA signing, i.e. the best ratio to raw signing the path can reach
# if instructions were all the same price.
#
# Usage: bench/profile-tokens.sh [path/to/gatehouse]     (default: build/gatehouse)
# Env: REQUESTS (per path, default 2000), KEEP=1 keeps the callgrind.out files in bench/out/.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
bin=${1:-$here/../build/gatehouse}
requests=${REQUESTS:-2000}
for tool in valgrind callgrind_control callgrind_annotate node curl; do
  command -v "$tool" >/dev/null || { echo "profile: $tool is required (make deps)" >&2; exit 2; }
done
[ -x "$bin" ] || { echo "profile: no gatehouse binary at $bin (make build)" >&2; exit 2; }

tmp=$(mktemp -d)
port=$(( 20000 + RANDOM % 20000 ))
endpoint="http://127.0.0.1:$port"
id="prof$(head -c 8 /dev/urandom | od -An -tx1 | tr -d ' \n')"
secret="$(head -c 24 /dev/urandom | od -An -tx1 | tr -d ' \n')"
cleanup() { [ -n "${pid:-}" ] && kill "$pid" 2>/dev/null; wait 2>/dev/null; rm -rf "$tmp"; }
trap cleanup EXIT

GATEHOUSE_PORT=$port GATEHOUSE_ENDPOINT=$endpoint GATEHOUSE_DATABASE_URL="sqlite:$tmp/g.db" \
GATEHOUSE_BOOTSTRAP_CLIENT_ID=$id GATEHOUSE_BOOTSTRAP_CLIENT_SECRET=$secret \
GATEHOUSE_THREADS=1 GATEHOUSE_ACCESS_LOG=off \
  valgrind --tool=callgrind --instr-atstart=no --callgrind-out-file="$tmp/cg.%p" \
  "$bin" serve >"$tmp/server.log" 2>&1 &
pid=$!
for _ in $(seq 600); do
  [ "$(curl -s -o /dev/null -w '%{http_code}' "$endpoint/api/status")" = 204 ] && break
  sleep 0.1
done
eval "$(node "$here/org-tokens-setup.mjs" "$endpoint" "$id" "$secret")"

# profile <label> <body> <auth>: the requests run with collection on; the rest does not count.
profile() {
  local label=$1 body=$2 auth=$3
  # Warm up (caches, prepared statements) before counting.
  node "$here/profile-requests.mjs" "$endpoint/oidc/token" "$body" "$auth" 50
  callgrind_control -z "$pid" >/dev/null 2>&1
  callgrind_control -i on "$pid" >/dev/null 2>&1
  node "$here/profile-requests.mjs" "$endpoint/oidc/token" "$body" "$auth" "$requests"
  callgrind_control -i off "$pid" >/dev/null 2>&1
  rm -f "$tmp"/cg.*
  callgrind_control -d "$label" "$pid" >/dev/null 2>&1
  local file
  file=$(ls -t "$tmp"/cg.* | head -1)
  local total sign
  total=$({ callgrind_annotate "$file" 2>/dev/null || true; } | awk '/PROGRAM TOTALS/ {gsub(",", "", $1); print $1; exit}')
  sign=$({ callgrind_annotate --inclusive=yes "$file" 2>/dev/null || true; } |
         awk '/[: ](ECDSA_do_sign_ex|ossl_ecdsa_sign_sig|ECDSA_do_sign) / {gsub(",", "", $1); print $1; exit}')
  printf '%-34s %12.0f instr/request   ECDSA sign %6.0f instr (%4.1f %%)\n' "$label" \
    "$(echo "$total / $requests" | bc -l)" "$(echo "${sign:-0} / $requests" | bc -l)" \
    "$(echo "100 * ${sign:-0} / $total" | bc -l)"
  if [ -n "${KEEP:-}" ]; then mkdir -p "$here/out"; cp "$file" "$here/out/callgrind.$label"; fi
  rm -f "$file"
}

profile m2m "grant_type=client_credentials&organization_id=$ORG_ID" "$M2M_AUTH"
profile refresh "grant_type=refresh_token&refresh_token=$REFRESH_TOKEN&organization_id=$ORG_ID&scope=remove:member" "$WEB_AUTH"
