#!/usr/bin/env bash
# Builds the libFuzzer targets with clang (ASan + UBSan) and runs each for a bounded time.
#   scripts/fuzz.sh              # every target, FUZZ_SECONDS (default 60) each
#   FUZZ_SECONDS=600 scripts/fuzz.sh jws_parse_fuzz
# Exits non-zero on the first crash, leak, sanitizer report or timeout; the reproducer is left
# in build-fuzz/artifacts/. Called by `make test` (fuzz-test).
#
# Why clang-16: libFuzzer needs clang, and g++ 12's libstdc++ only declares std::expected when
# __cpp_concepts >= 202002L. Clang 16 implements what that guard protects (P0848, conditionally
# trivial special members) but still reports 201907L, so the macro is raised by hand below.
# Clang 14 (Debian's default clang) cannot compile std::expected at all.
set -euo pipefail
cd "$(dirname "$0")/.."

seconds="${FUZZ_SECONDS:-60}"
build="${FUZZ_BUILD:-build-fuzz}"
targets=("$@")
((${#targets[@]})) || targets=(jws_parse_fuzz)

cxx="$(command -v clang++-16 || true)"
if [[ -z "$cxx" ]]; then
  echo "fuzz.sh: clang++-16 not found (scripts/install-deps.sh installs it)" >&2
  exit 1
fi

cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_CXX_COMPILER="$cxx" \
  -DGATEHOUSE_BUILD_SERVER=OFF -DGATEHOUSE_BUILD_TESTS=OFF -DGATEHOUSE_BUILD_BENCH=OFF \
  -DGATEHOUSE_INSTALL=OFF -DGATEHOUSE_FUZZ=ON \
  -DCMAKE_CXX_FLAGS="-D__cpp_concepts=202002L -Wno-macro-redefined -fsanitize=fuzzer-no-link,address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer" \
  -DCMAKE_EXE_LINKER_FLAGS="-fsanitize=address,undefined" >/dev/null
cmake --build "$build" -j "${JOBS:-2}" --target "${targets[@]}"

mkdir -p "$build/artifacts"
for target in "${targets[@]}"; do
  corpus="$build/corpus/${target%_fuzz}"
  mkdir -p "$corpus"
  seeds="tests/fuzz/corpus/${target%_fuzz}"
  echo "fuzzing $target for ${seconds}s"
  log="$build/$target.log"
  status=0
  ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 \
    "$build/$target" "$corpus" "$seeds" -max_total_time="$seconds" -max_len=20000 \
    -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 -artifact_prefix="$build/artifacts/" \
    >"$log" 2>&1 || status=$?
  if ((status != 0)); then
    tail -n 80 "$log" >&2
    echo "fuzz.sh: $target FAILED (exit $status); reproducers in $build/artifacts/" >&2
    exit "$status"
  fi
  grep -E "^#[0-9]+.*DONE|stat::number_of_executed_units|stat::peak_rss_mb" "$log" || tail -n 5 "$log"
done
echo "fuzz.sh: ${#targets[@]} passed, 0 failed"
