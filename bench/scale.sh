#!/usr/bin/env bash
# Scale benchmark (PRODUCT.md §7 "scale" and "memory" rows): 1,000,000 organizations, 10,000,000
# memberships and 1,000 template roles in SQLite (scripts/gen-scale-data.mjs | gatehouse import,
# timed), then, with the server pinned to one core and wrk on the other:
#   - organization-token latency for random M2M apps and random members of random organizations
#     (bench/scale-setup.mjs, bench/token-list.lua), with 1 connection and with SCALE_CONNECTIONS;
#   - member-list latency on random organizations (bench/member-list.lua);
#   - the time to add a template scope, role, and permission at 1,000 and at 1,000,000
#     organizations (bench/template-ops.mjs on a small database, then on the big one);
#   - RSS idle and while serving the set, start-up time on the big database.
#
#   bench/scale.sh [path/to/gatehouse]       (bench/run --scale or SCALE=1 bench/run calls it)
# Env: SCALE_DB (default bench/out/scale/gatehouse.db; reused when its .complete marker matches
#      the sizes, so the load is paid once — the runs add a few apps, roles and passwords to it),
#      SCALE_ORGS (1000000), SCALE_MEMBERS_PER_ORG (10), SCALE_USERS (= orgs), SCALE_ROLES (1000),
#      SCALE_CONNECTIONS (8), SCALE_CLIENTS (100 apps + 100 users), DURATION (10), QUICK=1.
# Prints a table; writes bench/out/scale.json and bench/out/scale.txt.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
bin=$(realpath "${1:-$root/build/gatehouse}")
if [ "${QUICK:-0}" = 1 ]; then duration=${DURATION:-2}; reps=5; else duration=${DURATION:-10}; reps=20; fi
orgs=${SCALE_ORGS:-1000000}
per_org=${SCALE_MEMBERS_PER_ORG:-10}
users=${SCALE_USERS:-$orgs}
roles=${SCALE_ROLES:-1000}
scopes=20
small_orgs=1000
conns=${SCALE_CONNECTIONS:-8}
clients=${SCALE_CLIENTS:-100}
server_cpu=${SERVER_CPU:-0}
client_cpu=${CLIENT_CPU:-1}
scale_db=$(realpath -m "${SCALE_DB:-$here/out/scale/gatehouse.db}")
[ -x "$bin" ] || { echo "bench/scale.sh: no gatehouse binary at $bin (make build)" >&2; exit 2; }
taskset -cp "$client_cpu" $$ >/dev/null

# shellcheck source=bench/lib.sh
source "$here/lib.sh"

# load <db> <orgs> <users>: a fresh database with the template (roles × scopes), users,
# organizations and memberships; a progress bar when standard error is a terminal.
load() {
  local progress=--no-progress
  [ -t 2 ] && progress=
  rm -f "$1" "$1-wal" "$1-shm"
  mkdir -p "$(dirname "$1")"
  GATEHOUSE_DATABASE_URL="sqlite:$1" "$bin" migrate >>"$gh_log" 2>&1
  node "$root/scripts/gen-scale-data.mjs" --orgs "$2" --users "$3" --members-per-org "$per_org" \
      --roles "$roles" --scopes "$scopes" |
    GATEHOUSE_DATABASE_URL="sqlite:$1" "$bin" import $progress - >>"$gh_log"
}
db_mib() { { du -cm "$1" "$1-wal" 2>/dev/null || true; } | awk 'END {print $1}'; }

params="orgs=$orgs users=$users per_org=$per_org roles=$roles scopes=$scopes"
if [ -f "$scale_db.complete" ] && [ "$(head -1 "$scale_db.complete")" = "$params" ]; then
  log "bench/scale: reusing $scale_db ($params)"
  R[scale.load_s]=$(sed -n 2p "$scale_db.complete")
else
  log "bench/scale: loading $orgs organizations, $((orgs * per_org)) memberships, $users users, $roles template roles into $scale_db"
  rm -f "$scale_db.complete"
  t0=$(date +%s%N)
  load "$scale_db" "$orgs" "$users"
  R[scale.load_s]=$(echo "$(ms_since "$t0") / 1000" | bc -l)
  printf '%s\n%s\n' "$params" "${R[scale.load_s]}" >"$scale_db.complete"
fi
R[scale.db_mib]=$(db_mib "$scale_db")

# The template writes at 1,000 organizations (same template size), on a throwaway database.
log "bench/scale: template writes at $small_orgs organizations"
gh_db=$tmp/small.db
load "$gh_db" "$small_orgs" "$small_orgs" 2>/dev/null
start_gatehouse
eval "$(node "$here/scale-setup.mjs" "$gh_endpoint" "$gh_id" "$gh_secret" "$small_orgs" "$scopes" 1 "$tmp/x" "$tmp/y")"
node "$here/template-ops.mjs" "$gh_endpoint" "$MGMT_TOKEN" "$reps" s00000000000000000000 >"$tmp/small.json"
stop_gatehouse

log "bench/scale: serving $scale_db"
gh_db=$scale_db
start_gatehouse
R[scale.startup_ms]=$startup_ms
sleep 0.5
R[scale.rss_mib.idle]=$(vm "$gh_pid" VmRSS)
eval "$(node "$here/scale-setup.mjs" "$gh_endpoint" "$gh_id" "$gh_secret" "$orgs" "$scopes" "$clients" "$tmp/m2m.list" "$tmp/refresh.list")"
node "$here/template-ops.mjs" "$gh_endpoint" "$MGMT_TOKEN" "$reps" s00000000000000000000 >"$tmp/big.json"
for size in small big; do
  for op in scope role permission; do
    for f in median_ms max_ms; do R[scale.template.$size.$op.$f]=$(jq ".$op.$f" "$tmp/$size.json"); done
  done
done

log "bench/scale: token and member-list runs, ${duration}s each"
for c in 1 "$conns"; do
  LUA=$here/token-list.lua wrk_run "scale.m2m.c$c" "$gh_pid" "$gh_endpoint" "$c" LIST="$tmp/m2m.list"
  LUA=$here/token-list.lua wrk_run "scale.refresh.c$c" "$gh_pid" "$gh_endpoint" "$c" LIST="$tmp/refresh.list"
done
LUA=$here/member-list.lua wrk_run scale.member_list "$gh_pid" "$gh_endpoint" "${MEMBER_CONNECTIONS:-4}" \
  TOKEN="$MGMT_TOKEN" ORGS="$orgs"
R[scale.rss_mib.hwm]=$(vm "$gh_pid" VmHWM)
R[scale.rss_mib.end]=$(vm "$gh_pid" VmRSS)
stop_gatehouse

verdict() { if (( $(echo "$1" | bc -l) )); then echo PASS; else echo FAIL; fi; }
{
  printf '\nGatehouse scale benchmark — %s, %s, %s\n' "$(date -u +%FT%TZ)" "$bin" \
    "$(getconf _NPROCESSORS_ONLN) CPUs, load $(cut -d' ' -f1-3 /proc/loadavg)"
  printf 'SQLite %s: %d organizations, %d memberships, %d users, %d template roles × %d scopes; %s MiB\n' \
    "$scale_db" "$orgs" "$((orgs * per_org))" "$users" "$roles" "$scopes" "${R[scale.db_mib]}"
  printf 'load (gen-scale-data | gatehouse import): %.0f s; start to first 204: %.0f ms\n\n' "${R[scale.load_s]}" "${R[scale.startup_ms]}"
  printf '%-56s %9s %10s %6s %8s %8s\n' "server on CPU $server_cpu, wrk on CPU $client_cpu" "wall /s" "per CPU-s" "CPU %" "p50 ms" "p99 ms"
  row() { printf '  %-54s %9.0f %10.0f %6.0f %8.2f %8.2f\n' "$1" "${R[$2.rps]}" "${R[$2.cpu_rps]}" "${R[$2.cpu_pct]}" "${R[$2.p50_ms]}" "${R[$2.p99_ms]}"; }
  for c in 1 "$conns"; do
    row "M2M org token, $clients apps in random orgs, c=$c" "scale.m2m.c$c"
    row "user org token (refresh), $clients random members, c=$c" "scale.refresh.c$c"
  done
  row "member list page (20) of random orgs, c=${MEMBER_CONNECTIONS:-4}" scale.member_list
  printf '\n%-56s %14s %14s\n' "template writes (median / max ms, $reps each)" "$small_orgs orgs" "$orgs orgs"
  for op in scope role permission; do
    printf '  %-54s %14s %14s\n' "add $op" \
      "${R[scale.template.small.$op.median_ms]} / ${R[scale.template.small.$op.max_ms]}" \
      "${R[scale.template.big.$op.median_ms]} / ${R[scale.template.big.$op.max_ms]}"
  done
  printf '\n%-56s %14s %12s %s\n' "PRODUCT.md §7" value target verdict
  target() { printf '  %-54s %14s %12s %s\n' "$1" "$2" "$3" "$4"; }
  v=${R[scale.m2m.c$conns.p99_ms]}; target "M2M org-token p99 under load (c=$conns)" "$v ms" "< 5 ms" "$(verdict "$v < 5")"
  v=${R[scale.refresh.c$conns.p99_ms]}; target "user org-token p99 under load (c=$conns)" "$v ms" "< 5 ms" "$(verdict "$v < 5")"
  v=${R[scale.member_list.p99_ms]}; target "member list p99 (c=${MEMBER_CONNECTIONS:-4})" "$v ms" "< 20 ms" "$(verdict "$v < 20")"
  for op in role permission; do
    v=$(echo "${R[scale.template.big.$op.median_ms]} / ${R[scale.template.small.$op.median_ms]}" | bc -l)
    R[scale.template.ratio.$op]=$v
    target "add template $op, $orgs / $small_orgs orgs (median)" "$(printf '%.2f' "$v")" "0.5 - 1.5" "$(verdict "$v >= 0.5 && $v <= 1.5")"
  done
  v=${R[scale.rss_mib.idle]}; target "idle RSS on the scale set" "$v MiB" "< 50 MB" "$(verdict "$v * 1048576 < 50000000")"
  v=${R[scale.rss_mib.hwm]}; target "RSS serving the scale set (VmHWM)" "$v MiB" "< 300 MB" "$(verdict "$v * 1048576 < 300000000")"
} >"$tmp/scale.txt"
cat "$tmp/scale.txt"
mkdir -p "$here/out"
R[scale.binary]=$bin
R[scale.date]=$(date -u +%FT%TZ)
write_json "$here/out/scale.json"
cp "$tmp/scale.txt" "$here/out/scale.txt"
