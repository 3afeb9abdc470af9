#!/usr/bin/env bash
# Fuzz the analyser with libFuzzer (clang-14, Debian's libclang-rt-14-dev): SECONDS per
# language (default 180), every language in turn, starting from the checked-in corpus
# fuzz/corpus/<lang>/. New inputs go to build-fuzz/corpus/<lang>/ (not the checked-in corpus);
# crashes to build-fuzz/crashes/. Then the prediction's literal and size statistics for SECONDS
# more (fuzz/fuzz_literals.c, seeded with the analyser's corpus of the four corpus languages),
# and the model file reader for SECONDS more (fuzz/fuzz_model.c, seeded with fuzz/corpus/model/).
# Exit status 1 when any target found a crash.
#   tools/fuzz-analyze.sh [SECONDS] [LANG...]
set -euo pipefail
cd "$(dirname "$0")/.."
secs=${1:-180}
shift || true
langs=("$@")
[ ${#langs[@]} -gt 0 ] || langs=(python javascript typescript tsx c cpp java go rust)
CC=${FUZZ_CC:-clang-14}
out=build-fuzz
mkdir -p "$out/obj" "$out/crashes"
tools/fetch-grammars.sh

rt=third_party/grammars/runtime/vendor/tree-sitter/lib
cflags="-g -O1 -std=gnu11 -D_GNU_SOURCE -Isrc -I$rt/include $(pkg-config --cflags jansson)"
libs="$(pkg-config --libs jansson) -lpthread -lm"
# Grammars: coverage only (no ASan: generated tables, and 40 MB of them). Built once.
objs=()
for d in python/src javascript/src typescript/typescript/src typescript/tsx/src c/src cpp/src \
         java/src go/src rust/src; do
  for f in parser scanner; do
    src=third_party/grammars/$d/$f.c
    [ -f "$src" ] || continue
    obj=$out/obj/$(echo "$d" | tr / _)_$f.o
    if [ ! -f "$obj" ] || [ "$src" -nt "$obj" ]; then
      echo "fuzz: compiling $src"
      $CC $cflags -w -fsanitize=fuzzer-no-link -c "$src" -o "$obj"
    fi
    objs+=("$obj")
  done
done
# The pinned tree-sitter runtime, instrumented like presize's own code (one unit, its lib.c).
$CC $cflags -I$rt/src -w -fsanitize=fuzzer-no-link,address,undefined -c "$rt/src/lib.c" \
  -o "$out/obj/ts_runtime.o"
$CC $cflags -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=undefined \
  -o "$out/fuzz_analyze" fuzz/fuzz_analyze.c src/analyze/*.c "${objs[@]}" "$out/obj/ts_runtime.o" $libs

status=0
for l in "${langs[@]}"; do
  mkdir -p "$out/corpus/$l"
  seeds=fuzz/corpus/$l
  [ -d "$seeds" ] || seeds=""
  echo "fuzz: $l for ${secs}s"
  if ! PRESIZE_FUZZ_LANG=$l ASAN_OPTIONS=detect_leaks=1 "$out/fuzz_analyze" \
      -max_total_time="$secs" -timeout=10 -rss_limit_mb=2048 -max_len=65536 \
      -artifact_prefix="$out/crashes/$l-" -print_final_stats=1 \
      "$out/corpus/$l" $seeds 2> "$out/$l.log"; then
    echo "fuzz: $l FAILED (see $out/$l.log and $out/crashes/)"; status=1
  fi
  grep -E '^stat::number_of_executed_units|^stat::peak_rss_mb' "$out/$l.log" | tr '\n' ' '; echo
done
# The literal and size statistics (the prediction's text lexers): any bytes.
$CC -g -O1 -std=gnu11 -D_GNU_SOURCE -Isrc -fsanitize=fuzzer,address,undefined \
  -fno-sanitize-recover=undefined -o "$out/fuzz_literals" fuzz/fuzz_literals.c \
  src/predict/features.c src/predict/sizes.c src/predict/code_stub.c -lpthread -lm
mkdir -p "$out/corpus/literals"
seeds=()
for l in python javascript c java; do [ -d "fuzz/corpus/$l" ] && seeds+=("fuzz/corpus/$l"); done
echo "fuzz: literals for ${secs}s"
if ! ASAN_OPTIONS=detect_leaks=1 "$out/fuzz_literals" -max_total_time="$secs" -timeout=10 \
    -rss_limit_mb=2048 -max_len=65536 -artifact_prefix="$out/crashes/literals-" \
    -print_final_stats=1 "$out/corpus/literals" "${seeds[@]}" 2> "$out/literals.log"; then
  echo "fuzz: literals FAILED (see $out/literals.log and $out/crashes/)"; status=1
fi
grep -E '^stat::number_of_executed_units|^stat::peak_rss_mb' "$out/literals.log" | tr '\n' ' '; echo
# The model file reader (fuzz/fuzz_model.c): any bytes, seeded with a small trained model. It
# links the analyser, so that a model trained with it matches the feature layout and the reader
# gets past the names to the trees, the quantiles and the language levels.
$CC $cflags -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=undefined \
  -o "$out/fuzz_model" fuzz/fuzz_model.c src/predict/model.c src/predict/gbt.c \
  src/predict/features.c src/predict/sizes.c src/predict/code.c src/analyze/*.c "${objs[@]}" \
  "$out/obj/ts_runtime.o" $libs -lxgboost
mkdir -p "$out/corpus/model"
echo "fuzz: model file for ${secs}s"
if ! ASAN_OPTIONS=detect_leaks=1 "$out/fuzz_model" -max_total_time="$secs" -timeout=10 \
    -rss_limit_mb=2048 -max_len=65536 -artifact_prefix="$out/crashes/model-" \
    -print_final_stats=1 "$out/corpus/model" fuzz/corpus/model 2> "$out/model.log"; then
  echo "fuzz: model FAILED (see $out/model.log and $out/crashes/)"; status=1
fi
grep -E '^stat::number_of_executed_units|^stat::peak_rss_mb' "$out/model.log" | tr '\n' ' '; echo
exit $status
