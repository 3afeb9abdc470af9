# Thin wrapper around Meson + Ninja. `make demo` and `make check` work on a fresh Debian 12 machine:
# they install what is missing (apt-get, and npm for the tree-sitter grammars) and then build.
SHELL := /bin/bash
BUILD ?= build
SANBUILD ?= build-san
MESON ?= meson

# Debian packages the build, the tests and the demo need.
DEB_PKGS := meson ninja-build pkg-config gcc libc6-dev libseccomp-dev libjansson-dev libcmocka-dev \
            libsqlite3-dev libxgboost-dev iproute2 util-linux curl python3 nodejs npm \
            clang-format cppcheck zlib1g-dev libmicrohttpd-dev jq sqlite3

.PHONY: all build deps grammars check test lint fmt demo bench fuzz clean profile model replay noise \
        learning-curve

all: build

deps:
	@tools/install-deps.sh $(DEB_PKGS)

grammars: deps
	@tools/fetch-grammars.sh

$(BUILD)/build.ninja:
	$(MESON) setup $(BUILD) --buildtype=release -Dtests=false >/dev/null

$(SANBUILD)/build.ninja:
	$(MESON) setup $(SANBUILD) -Db_sanitize=address,undefined -Db_lundef=false >/dev/null

build: grammars $(BUILD)/build.ninja
	ninja -C $(BUILD)

# Every test, under AddressSanitizer and UndefinedBehaviorSanitizer; then the style checks.
check: grammars $(SANBUILD)/build.ninja
	ninja -C $(SANBUILD)
	$(MESON) test -C $(SANBUILD) --print-errorlogs --num-processes 1 --timeout-multiplier 3
	$(MAKE) --no-print-directory lint
	@tools/check-leftovers.sh

test: check

lint:
	@tools/lint.sh

fmt:
	clang-format -i $$(git ls-files 'src/*.c' 'src/*.h' 'tests/*.c' 'tests/*.h' 'bench/*.c' | grep -v '/fixtures/')

demo: build
	@tools/demo.sh $(BUILD)/presize

bench: build
	@tools/bench.sh $(BUILD)

replay: build ; $(BUILD)/presize replay --trace $(or $(REPLAY_TRACE),../shared/data/azure2019-sample) --report docs/replay

clean:
	rm -rf $(BUILD) $(SANBUILD)

# Fuzz the analyser, the literal statistics and the model file reader (libFuzzer, clang-14):
# FUZZ_SECONDS per language and per target; corpus in fuzz/corpus/.
FUZZ_SECONDS ?= 180
fuzz: grammars
	@tools/fuzz-analyze.sh $(FUZZ_SECONDS)

# Re-measure the corpus (about 35 minutes for its 3,999 runs; resumable) and export the dataset that is checked in.
PROFILE_DB ?= /var/tmp/presize/corpus.db
profile: build
	@tools/install-deps.sh openjdk-17-jdk-headless
	@mkdir -p $(dir $(PROFILE_DB)) data
	$(BUILD)/presize profile --db $(PROFILE_DB) corpus/
	$(BUILD)/presize runs export --db $(PROFILE_DB) --format jsonl --out data/runs.jsonl
	$(BUILD)/presize runs export --db $(PROFILE_DB) --format csv --out data/runs.csv

# Train the shipped model on the checked-in dataset and cross-validate it over three assignments of
# the programs to folds (report in docs/eval/; about 15 minutes).
model: build
	$(BUILD)/presize train --from data/runs.jsonl --corpus corpus --out models/default.json
	$(BUILD)/presize eval --from data/runs.jsonl --corpus corpus --repeats 3 --report docs/eval --json > data/eval.json

# How repeatable one measurement is: 32 programs of the corpus profiled three times (about 8
# minutes; needs root and a JDK); the report goes to data/noise.md.
noise: build
	@tools/install-deps.sh openjdk-17-jdk-headless
	@tools/noise.sh $(BUILD)

# How the held-out accuracy grows with the number of training programs: cross-validation on half
# and three quarters of the programs (two draws each) and on all of them (about 20 minutes); the
# table goes to data/learning-curve.md.
learning-curve: build
	@tools/learning-curve.sh $(BUILD)/presize data/runs.jsonl
