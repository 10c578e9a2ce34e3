#!/usr/bin/env bash
# Runs verify_benchmarks (library vs raw OpenSSL in one binary, pinned to one core) and prints
# the ratios of PRODUCT.md §7 / issue 4: library verify as % of raw verify, SignJwt as % of raw
# sign. Usage: scripts/bench-verify.sh [build-dir]   (default build; CPU via BENCH_CPU, default 0)
set -euo pipefail
cd "$(dirname "$0")/.."
bin="${1:-build}/verify_benchmarks"
[[ -x "$bin" ]] || { echo "bench-verify.sh: build $bin first" >&2; exit 1; }
out="$(taskset -c "${BENCH_CPU:-0}" "$bin" --benchmark_min_time="${BENCH_MIN_TIME:-2}" 2>/dev/null)"
echo "$out" | grep '^BM_'
echo "$out" | awk '
  /^BM_/ {
    match($0, /items_per_second=[0-9.]+[kM]?/)
    v = substr($0, RSTART + 17, RLENGTH - 17)
    mult = 1
    if (v ~ /k$/) { mult = 1e3; sub(/k$/, "", v) }
    if (v ~ /M$/) { mult = 1e6; sub(/M$/, "", v) }
    rate[$1] = v * mult
  }
  END {
    n = split("ES256 RS256 EdDSA", algs, " ")
    print ""
    for (i = 1; i <= n; i++) {
      a = algs[i]
      lib = rate["BM_LibraryVerify/" a]; raw = rate["BM_RawVerifyPrepared/" a]
      evp = rate["BM_RawDigestVerify/" a]
      if (lib && raw) printf "verify %-5s library %8.0f/s = %5.1f%% of raw prepared verify (%.0f/s), %5.1f%% of EVP_DigestVerify (%.0f/s)\n", a, lib, 100 * lib / raw, raw, 100 * lib / evp, evp
    }
    n = split("ES256 EdDSA", algs, " ")
    for (i = 1; i <= n; i++) {
      a = algs[i]
      s = rate["BM_SignJwt/" a]; r = rate["BM_RawSignPrepared/" a]
      if (s && r) printf "sign   %-5s SignJwt %8.0f/s = %5.1f%% of raw sign (%.0f/s)\n", a, s, 100 * s / r, r
    }
  }'
