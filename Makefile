# Gatehouse: the two set-up commands are `make run` and `make test` (README.md).
# Everything they need is installed by scripts/install-deps.sh and `npm ci`.
SHELL := /bin/bash
JOBS ?= $(shell nproc)
BUILD ?= build
ASAN_BUILD ?= build-asan
CMAKE_FLAGS ?=

.PHONY: all deps npm build build-asan run test unit-test asan-test e2e-test fuzz-test example-test package-test bench clean format

all: build

deps:
	@bash scripts/install-deps.sh

npm: deps
	@cd tests/e2e && { [ -d node_modules ] && [ node_modules/.package-lock.json -nt package-lock.json ] || npm ci --no-audit --no-fund --loglevel=error; }

build: deps
	@cmake -S . -B $(BUILD) -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo $(CMAKE_FLAGS) >/dev/null
	@cmake --build $(BUILD) -j $(JOBS)

build-asan: deps
	@cmake -S . -B $(ASAN_BUILD) -G Ninja -DCMAKE_BUILD_TYPE=Debug -DGATEHOUSE_SANITIZE=ON -DGATEHOUSE_BUILD_BENCH=OFF >/dev/null
	@cmake --build $(ASAN_BUILD) -j $(JOBS) --target unit_tests

run: build
	@mkdir -p var
	./$(BUILD)/gatehouse serve

unit-test: build
	@$(BUILD)/unit_tests --gtest_brief=1

asan-test: build-asan
	@ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 $(ASAN_BUILD)/unit_tests --gtest_brief=1

e2e-test: build npm
	@cd tests/e2e && GATEHOUSE_BIN=$(CURDIR)/$(BUILD)/gatehouse node --test --test-concurrency=1 --test-reporter=spec

# libFuzzer (clang-16, ASan+UBSan) on the JWS/JWT/JWKS parsers for FUZZ_SECONDS (default 60).
fuzz-test: deps
	@bash scripts/fuzz.sh

# examples/org-service end to end (self-contained mode: OpenSSL-minted tokens).
example-test: build
	@bash examples/org-service/e2e_test.sh

# gatehouse_verify installed with `cmake --install`, then used by find_package() from the example.
package-test: deps
	@bash scripts/test-verify-package.sh

test: unit-test asan-test e2e-test

bench: build
	@bash bench/run

format:
	@git ls-files '*.cc' '*.h' | xargs clang-format -i

clean:
	rm -rf $(BUILD) $(ASAN_BUILD)
