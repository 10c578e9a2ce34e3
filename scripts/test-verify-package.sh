#!/usr/bin/env bash
# Proves gatehouse_verify is installable and usable without the server: builds only the library,
# installs it into a temporary prefix with `cmake --install`, then builds examples/org-service
# standalone against it with find_package(gatehouse_verify), and runs its end-to-end test.
set -euo pipefail
cd "$(dirname "$0")/.."
root="$PWD"
work="${PACKAGE_TEST_DIR:-$(mktemp -d)}"
trap '[[ -z "${PACKAGE_TEST_DIR:-}" ]] && rm -rf "$work"' EXIT
jobs="${JOBS:-2}"

cmake -S . -B "$work/lib" -G Ninja -DCMAKE_BUILD_TYPE=Release -DGATEHOUSE_BUILD_SERVER=OFF \
  -DGATEHOUSE_BUILD_TESTS=OFF -DGATEHOUSE_BUILD_BENCH=OFF -DGATEHOUSE_BUILD_EXAMPLES=OFF \
  -DCMAKE_INSTALL_PREFIX="$work/prefix" >/dev/null
cmake --build "$work/lib" -j "$jobs" --target gatehouse_verify
cmake --install "$work/lib" >/dev/null
echo "installed: $(cd "$work/prefix" && find . -type f | sort | tr '\n' ' ')"

# The example, alone, sees only the installed package (no path back to this tree).
cp -r examples/org-service "$work/org-service-src"
cmake -S "$work/org-service-src" -B "$work/example" -G Ninja -DCMAKE_BUILD_TYPE=Release \
  -DCMAKE_PREFIX_PATH="$work/prefix" >/dev/null
grep -q "gatehouse_verify_DIR:PATH=$work/prefix" "$work/example/CMakeCache.txt" ||
  { echo "test-verify-package: the example did not use the installed package" >&2; exit 1; }
cmake --build "$work/example" -j "$jobs"
ORG_SERVICE_BIN="$work/example/org-service" bash "$root/examples/org-service/e2e_test.sh"
