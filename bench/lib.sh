# Shared by bench/run and bench/scale.sh (sourced): the temporary directory and the processes to
# stop at exit, the result map R, the Gatehouse start/stop with its start-up timing, and wrk_run.
# Expects: here, bin, server_cpu, client_cpu, duration.

tmp=$(mktemp -d)
pids=()
cleanup() {
  local p
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  wait 2>/dev/null || true
  rm -rf "$tmp"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

declare -A R  # results, flat dotted keys → bench/out/latest.json
log() { printf '%s\n' "$*" >&2; }
rand_hex() { head -c "$1" /dev/urandom | od -An -tx1 | tr -d ' \n'; }
free_port() { node -e 'const s=require("net").createServer();s.listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})'; }
ms_since() { echo "($(date +%s%N) - $1) / 1000000" | bc -l; }
# VmRSS/VmHWM of a process in MiB.
vm() { awk -v k="$2:" '$1 == k {printf "%.1f", $2 / 1024}' "/proc/$1/status"; }
cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }

# wait_status <port> <pid>: polls GET /api/status over bash's /dev/tcp (no process per try) until
# it answers 204; fails if the process exits or 10 s pass.
wait_status() {
  local port=$1 pid=$2 line deadline=$((SECONDS + 10))
  while ((SECONDS < deadline)); do
    kill -0 "$pid" 2>/dev/null || return 1
    if { exec 3<>"/dev/tcp/127.0.0.1/$port"; } 2>/dev/null; then
      printf 'GET /api/status HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n' >&3
      line=
      read -r -t 2 line <&3 || true
      exec 3>&-
      [[ $line == "HTTP/1.1 204"* ]] && return 0
    fi
  done
  return 1
}

# Gatehouse on a free loopback port; gh_db may be changed before start_gatehouse.
gh_port=$(free_port)
gh_endpoint="http://127.0.0.1:$gh_port"
gh_id="bench$(rand_hex 8)"
gh_secret=$(rand_hex 24)
gh_db=$tmp/gatehouse.db
gh_log=$tmp/gatehouse.log

# start_gatehouse: starts the server on the server CPU; sets gh_pid and startup_ms (process start
# to the first 204 from /api/status).
start_gatehouse() {
  local t0
  t0=$(date +%s%N)
  GATEHOUSE_PORT=$gh_port GATEHOUSE_ENDPOINT=$gh_endpoint GATEHOUSE_DATABASE_URL="sqlite:$gh_db" \
  GATEHOUSE_BOOTSTRAP_CLIENT_ID=$gh_id GATEHOUSE_BOOTSTRAP_CLIENT_SECRET=$gh_secret \
  GATEHOUSE_THREADS=1 GATEHOUSE_ACCESS_LOG=off \
    taskset -c "$server_cpu" "$bin" serve >>"$gh_log" 2>&1 &
  gh_pid=$!
  pids+=("$gh_pid")
  if ! wait_status "$gh_port" "$gh_pid"; then
    log "bench: gatehouse did not become ready:"; tail -20 "$gh_log" >&2; exit 1
  fi
  startup_ms=$(ms_since "$t0")
}
stop_gatehouse() { kill "$gh_pid"; wait "$gh_pid" 2>/dev/null || true; }

# to_ms <wrk latency like 1.23ms / 850.00us / 1.02s>
to_ms() { awk -v v="$1" 'BEGIN { n = v + 0; if (v ~ /us$/) n /= 1000; else if (v ~ /ms$/) n = n; else if (v ~ /s$/) n *= 1000; printf "%.2f", n }'; }

# wrk_run <key> <pid> <url> <connections> [VAR=value]...: wrk on the client CPU with --latency
# and bench/org-tokens.lua (or LUA=...); sets R[<key>.rps|.cpu_rps|.cpu_pct|.p50_ms|.p99_ms|.rss_mib].
# cpu_rps divides requests by the CPU time the server process really got (utime + stime), which
# stays meaningful on a shared machine and is what `openssl speed` counts too.
wrk_run() {
  local key=$1 pid=$2 url=$3 c=$4 out before after requests max=0 v lua=$here/org-tokens.lua
  shift 4
  before=$(cpu_ticks "$pid")
  out=$(env "$@" taskset -c "$client_cpu" wrk -t1 -c"$c" -d"${duration}s" --latency -s "${LUA:-$lua}" "$url" &
        wrk_pid=$!
        while kill -0 "$wrk_pid" 2>/dev/null; do
          v=$(awk '$1 == "VmRSS:" {print $2}' "/proc/$pid/status")
          ((v > max)) && max=$v
          echo "$max" >"$tmp/rss"
          sleep 0.2
        done
        wait "$wrk_pid")
  after=$(cpu_ticks "$pid")
  if grep -q -e "Non-2xx" -e "Socket errors" <<<"$out"; then
    log "bench/run: $key had failed responses or socket errors:"; log "$out"; exit 1
  fi
  requests=$(awk '/requests in/ {print $1}' <<<"$out")
  R[$key.rps]=$(awk '/Requests\/sec/ {print $2}' <<<"$out")
  R[$key.cpu_rps]=$(echo "$requests * $(getconf CLK_TCK) / ($after - $before)" | bc -l)
  # The share of the server's core it actually got: below 100 % other work ran on that core.
  R[$key.cpu_pct]=$(echo "100 * ($after - $before) / $(getconf CLK_TCK) / $duration" | bc -l)
  R[$key.p50_ms]=$(to_ms "$(awk '$1 == "50%" {print $2}' <<<"$out")")
  R[$key.p99_ms]=$(to_ms "$(awk '$1 == "99%" {print $2}' <<<"$out")")
  R[$key.rss_mib]=$(awk '{printf "%.1f", $1 / 1024}' "$tmp/rss")
  log "  $key: $(printf '%.0f' "${R[$key.rps]}")/s wall, $(printf '%.0f' "${R[$key.cpu_rps]}")/CPU-s ($(printf '%.0f' "${R[$key.cpu_pct]}") % of a core), p99 ${R[$key.p99_ms]} ms"
}

# write_json <file>: R as nested JSON (dotted keys become objects; numbers stay numbers).
write_json() {
  local k
  for k in "${!R[@]}"; do printf '%s\t%s\n' "$k" "${R[$k]}"; done |
    jq -Rn 'reduce (inputs | split("\t")) as [$k, $v] ({}; setpath($k | split("."); ($v | tonumber? // $v)))' >"$1"
}
