#!/usr/bin/env bash
# Analyser throughput: MB/s and lines/s, one thread and all cores, on the Python standard
# library and /usr/include, with peak memory; and tree-sitter's bare parse + walk (the ceiling)
# for comparison. lizard's published figures on this machine kind (../shared/data/README.md):
# 2.9 MB/s (78k lines/s) on /usr/lib/python3.11, 5.4 MB/s on /usr/include.
#   tools/bench-analyze.sh [BUILD_DIR]
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build}
bin=$build/bench/bench_analyze
[ -x "$bin" ] || { echo "bench-analyze: $bin not built (make build)" >&2; exit 1; }
cores=$(nproc)
for tree in /usr/lib/python3.11 /usr/include; do
  [ -d "$tree" ] || continue
  echo "== $tree"
  # a discarded pass first: on this VM the first pass after a pause ran ~35% slower per CPU-second
  # (the host's clock ramp-up), which made the bare parse look slower than the whole analysis
  "$bin" --bare "$tree" > /dev/null
  "$bin" --bare "$tree"
  "$bin" "$tree"
  [ "$cores" -gt 1 ] && "$bin" --jobs "$cores" "$tree"
done
echo "lizard 1.24.0 (same machine kind): 2.9 MB/s, 78k lines/s on /usr/lib/python3.11; 5.4 MB/s on /usr/include"
