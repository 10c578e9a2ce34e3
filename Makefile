# Gatehouse: the two set-up commands are `make run` and `make test` (README.md).
# Everything they need is installed by scripts/install-deps.sh and `npm ci`.
SHELL := /bin/bash
JOBS ?= $(shell nproc)
BUILD ?= build
ASAN_BUILD ?= build-asan
TSAN_BUILD ?= build-tsan
CMAKE_FLAGS ?=

.PHONY: all deps npm console console-test build build-asan build-tsan run test unit-test asan-test tsan-test flake-hunt e2e-test pg-test e2e-test-pg fuzz-test example-test package-test bench clean format

all: build

deps:
	@bash scripts/install-deps.sh

npm: deps
	@cd tests/e2e && { [ -d node_modules ] && [ node_modules/.package-lock.json -nt package-lock.json ] || npm ci --no-audit --no-fund --loglevel=error; }

# The web Console (console/, React + Vite) built into console/dist; `npm ci` only when
# node_modules is older than the lock file, the Vite build only when a source is newer than it.
CONSOLE_SOURCES = console/index.html console/vite.config.js console/package-lock.json console/src
console: deps
	@cd console && { [ -d node_modules ] && [ node_modules/.package-lock.json -nt package-lock.json ] || npm ci --no-audit --no-fund --loglevel=error; }
	@if [ ! -f console/dist/index.html ] || [ -n "$$(find $(CONSOLE_SOURCES) -newer console/dist/index.html -print -quit)" ]; then \
	  cd console && npm run --silent build -- --logLevel warn; fi

# Unit tests of the Console's pure logic (PKCE, paging, errors, impact and explain texts).
console-test: console
	@cd console && npm test --silent

build: deps console
	@cmake -S . -B $(BUILD) -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DGATEHOUSE_WITH_POSTGRES=ON $(CMAKE_FLAGS) >/dev/null
	@cmake --build $(BUILD) -j $(JOBS)

build-asan: deps
	@cmake -S . -B $(ASAN_BUILD) -G Ninja -DCMAKE_BUILD_TYPE=Debug -DGATEHOUSE_SANITIZE=ON -DGATEHOUSE_BUILD_BENCH=OFF >/dev/null
	@cmake --build $(ASAN_BUILD) -j $(JOBS) --target unit_tests

# ThreadSanitizer: the unit tests only (the server's worker pools, read caches, key ring and
# change feed are exercised there by several threads). Suppressions, each with its reason:
# tests/tsan.supp.
build-tsan: deps
	@cmake -S . -B $(TSAN_BUILD) -G Ninja -DCMAKE_BUILD_TYPE=Debug -DGATEHOUSE_TSAN=ON -DGATEHOUSE_BUILD_BENCH=OFF -DGATEHOUSE_BUILD_EXAMPLES=OFF >/dev/null
	@cmake --build $(TSAN_BUILD) -j $(JOBS) --target unit_tests

run: build
	@mkdir -p var
	./$(BUILD)/gatehouse serve

unit-test: build
	@$(BUILD)/unit_tests --gtest_brief=1

asan-test: build-asan
	@ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 $(ASAN_BUILD)/unit_tests --gtest_brief=1

tsan-test: build-tsan
	@TSAN_OPTIONS="halt_on_error=1 second_deadlock_stack=1 suppressions=$(CURDIR)/tests/tsan.supp" $(TSAN_BUILD)/unit_tests --gtest_brief=1

# The whole black-box suite on the embedded SQLite default. The fleet tests need several nodes on
# one database server and run in e2e-test-pg only.
E2E_SQLITE_FILES = $(filter-out fleet-%,$(notdir $(wildcard tests/e2e/*.test.mjs)))
e2e-test: build npm
	@cd tests/e2e && GATEHOUSE_BIN=$(CURDIR)/$(BUILD)/gatehouse node --test --test-concurrency=1 --test-reporter=spec $(E2E_SQLITE_FILES)

# Repository contract tests on SQLite and a throwaway PostgreSQL 15 server.
pg-test: build
	@bash scripts/pg-test-server.sh run $(CURDIR)/$(BUILD)/pg_tests --gtest_brief=1

# The whole black-box suite again on PostgreSQL, fleet tests included.
e2e-test-pg: build npm
	@bash scripts/e2e-postgres.sh $(CURDIR)/$(BUILD)/gatehouse

# libFuzzer (clang-16, ASan+UBSan) on the JWS/JWT/JWKS parsers for FUZZ_SECONDS (default 60).
fuzz-test: deps
	@bash scripts/fuzz.sh

# examples/org-service end to end (self-contained mode: OpenSSL-minted tokens).
example-test: build
	@bash examples/org-service/e2e_test.sh

# gatehouse_verify installed with `cmake --install`, then used by find_package() from the example.
package-test: deps
	@bash scripts/test-verify-package.sh

# The flake hunt (doc/testing.md): the unit tests, plain, under ASan+UBSan and under TSan, N times
# each in a shuffled order (a different seed every round); E2E_N=k also runs the SQLite e2e suite
# k times. Any failure stops it: a test that fails even once is a bug.
N ?= 30
E2E_N ?= 0
FLAKE_LOG ?= /tmp/gatehouse-flake-hunt.log
flake-hunt: build build-asan build-tsan
	@run() { name=$$1; shift; "$$@" --gtest_brief=1 --gtest_repeat=$(N) --gtest_shuffle --gtest_random_seed=0 >$(FLAKE_LOG) 2>&1 \
	    || { grep -B5 -A30 -m3 "FAILED\|ERROR\|WARNING: ThreadSanitizer\|Sanitizer" $(FLAKE_LOG) | head -120; echo "flake-hunt: $$name failed (log: $(FLAKE_LOG))"; exit 1; }; \
	    echo "flake-hunt: $$name unit tests passed $(N) times"; }; \
	  run plain $(BUILD)/unit_tests && \
	  ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 run ASan+UBSan $(ASAN_BUILD)/unit_tests && \
	  TSAN_OPTIONS="halt_on_error=1 second_deadlock_stack=1 suppressions=$(CURDIR)/tests/tsan.supp" run TSan $(TSAN_BUILD)/unit_tests
	@for i in $$(seq $(E2E_N)); do $(MAKE) --no-print-directory e2e-test >$(FLAKE_LOG) 2>&1 || { tail -60 $(FLAKE_LOG); echo "flake-hunt: e2e failed in round $$i"; exit 1; }; echo "flake-hunt: e2e round $$i passed"; done

# Everything, on both backends. FUZZ_SECONDS bounds the fuzzing run. Each suite prints how long
# it took (the first one includes the build); doc/testing.md has the figures.
TEST_SUITES = unit-test console-test asan-test tsan-test pg-test e2e-test e2e-test-pg example-test package-test fuzz-test
test:
	@export FUZZ_SECONDS=$${FUZZ_SECONDS:-30}; start=$$(date +%s); \
	for t in $(TEST_SUITES); do s=$$(date +%s); \
	  $(MAKE) --no-print-directory $$t || { echo "make test: $$t FAILED"; exit 1; }; \
	  echo "make test: $$t passed in $$(( $$(date +%s) - s )) s"; done; \
	echo "make test: every suite passed in $$(( $$(date +%s) - start )) s"

# bench/run (BENCH_ARGS=--scale adds the 1M-organization run, --json prints the JSON too).
bench: build
	@bash bench/run $(BENCH_ARGS) $(CURDIR)/$(BUILD)/gatehouse

format:
	@git ls-files '*.cc' '*.h' | xargs clang-format -i

clean:
	rm -rf $(BUILD) $(ASAN_BUILD)
