#!/usr/bin/env bash
# Organization-token throughput (issue 3 "Measure"; PRODUCT.md §7): M2M organization tokens
# (client_credentials + organization_id) and user organization tokens (refresh_token +
# organization_id) per second with wrk over keep-alive — the server pinned to one core, wrk to
# the other — printed beside `openssl speed ecdsap256` on the server's core in the same run.
#
# Usage: bench/org-tokens.sh [path/to/gatehouse]   (default: build/gatehouse)
# Env: DURATION (s, default 10), CONNECTIONS (default 32), SERVER_CPU (0), CLIENT_CPU (1).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
bin=${1:-$here/../build/gatehouse}
duration=${DURATION:-10}
conns=${CONNECTIONS:-32}
server_cpu=${SERVER_CPU:-0}
client_cpu=${CLIENT_CPU:-1}
for tool in wrk taskset openssl node curl; do
  command -v "$tool" >/dev/null || { echo "bench: $tool is required" >&2; exit 2; }
done
[ -x "$bin" ] || { echo "bench: no gatehouse binary at $bin (make build)" >&2; exit 2; }

tmp=$(mktemp -d)
port=$(( 20000 + RANDOM % 20000 ))
endpoint="http://127.0.0.1:$port"
id="bench$(head -c 8 /dev/urandom | od -An -tx1 | tr -d ' \n')"
secret="$(head -c 24 /dev/urandom | od -An -tx1 | tr -d ' \n')"
cleanup() { [ -n "${pid:-}" ] && kill "$pid" 2>/dev/null; wait 2>/dev/null; rm -rf "$tmp"; }
trap cleanup EXIT

GATEHOUSE_PORT=$port GATEHOUSE_ENDPOINT=$endpoint GATEHOUSE_DATABASE_URL="sqlite:$tmp/g.db" \
GATEHOUSE_BOOTSTRAP_CLIENT_ID=$id GATEHOUSE_BOOTSTRAP_CLIENT_SECRET=$secret \
GATEHOUSE_THREADS=1 GATEHOUSE_ACCESS_LOG=off \
  taskset -c "$server_cpu" "$bin" serve >"$tmp/server.log" 2>&1 &
pid=$!
for _ in $(seq 100); do
  [ "$(curl -s -o /dev/null -w '%{http_code}' "$endpoint/api/status")" = 204 ] && break
  sleep 0.1
done

eval "$(node "$here/org-tokens-setup.mjs" "$endpoint" "$id" "$secret")"

cpu_ticks() { awk '{print $14 + $15}' "/proc/$pid/stat"; }

# run <label> <body> <auth> → "<requests/s wall> <requests per server CPU-second>"
# The second figure divides by the CPU time the server really got (utime+stime), so it stays
# meaningful on a shared machine; `openssl speed` also counts CPU time, so the ratio compares like
# with like.
run() {
  local out before after requests
  before=$(cpu_ticks)
  out=$(BODY="$2" AUTH="$3" taskset -c "$client_cpu" wrk -t1 -c"$conns" -d"${duration}s" \
          -s "$here/org-tokens.lua" "$endpoint/oidc/token")
  after=$(cpu_ticks)
  if grep -q "Non-2xx" <<<"$out"; then
    echo "bench: $1 had failed responses:" >&2
    echo "$out" >&2
    exit 1
  fi
  requests=$(awk '/requests in/ {print $1}' <<<"$out")
  echo "$(awk '/Requests\/sec/ {print $2}' <<<"$out") $(echo "$requests * $(getconf CLK_TCK) / ($after - $before)" | bc -l)"
}

read -r m2m m2m_cpu < <(run m2m "grant_type=client_credentials&organization_id=$ORG_ID" "$M2M_AUTH")
read -r user user_cpu < <(run user "grant_type=refresh_token&refresh_token=$REFRESH_TOKEN&organization_id=$ORG_ID&scope=remove:member" "$WEB_AUTH")
sign=$(taskset -c "$server_cpu" openssl speed -seconds 5 ecdsap256 2>/dev/null | awk '/nistp256/ {print $(NF-1)}')

printf '\n%-46s %10s %14s  %s\n' "server on CPU $server_cpu, wrk on CPU $client_cpu" "wall /s" "per CPU-s" "ratio to sign (per CPU-s)"
printf '%-46s %10s %14.0f\n' "openssl speed ecdsap256 sign (CPU time)" "" "$sign"
printf '%-46s %10.0f %14.0f  %.2f (target >= 0.60)\n' "M2M organization tokens" "$m2m" "$m2m_cpu" "$(echo "$m2m_cpu / $sign" | bc -l)"
printf '%-46s %10.0f %14.0f  %.2f\n' "user organization tokens (refresh_token)" "$user" "$user_cpu" "$(echo "$user_cpu / $sign" | bc -l)"
