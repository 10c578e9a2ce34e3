#!/usr/bin/env bash
# Installs the Debian packages the build, the server and the tests need, when any is missing
# (chromium: the real browser of the Console tests, driven by playwright-core).
# Idempotent: runs `apt-get update` at most once, and only when something must be installed.
set -euo pipefail

packages=(
  build-essential cmake ninja-build ccache pkg-config clang clang-16 libclang-rt-16-dev
  libboost-dev libboost-system-dev libssl-dev libsodium-dev nlohmann-json3-dev
  libsqlite3-dev libpq-dev libspdlog-dev libfmt-dev libcli11-dev libcurl4-openssl-dev
  libgtest-dev libgmock-dev libbenchmark-dev
  wrk curl jq sqlite3 bc openssl
  postgresql-15 nginx
  chromium
)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
# The machine image may ship Node.js from another channel (with npm inside); only fall back to
# Debian's packages when there is no node at all.
command -v node >/dev/null 2>&1 || missing+=(nodejs npm)

if ((${#missing[@]})); then
  echo "installing: ${missing[*]}"
  sudo_cmd=()
  [ "$(id -u)" -eq 0 ] || sudo_cmd=(sudo)
  "${sudo_cmd[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi
