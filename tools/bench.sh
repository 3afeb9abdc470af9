#!/usr/bin/env bash
# make bench: every benchmark, on this machine, each next to its baseline from the same run.
# Results go to stdout and to bench/results/<benchmark>.md (checked in; the README quotes them).
# BENCH_ONLY="analyze predict" runs only those (sandbox analyze predict control replay reaction).
set -euo pipefail
B=${1:-build}
cd "$(dirname "$0")/.."
mkdir -p bench/results
machine="$(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(uname -r), $(. /etc/os-release; echo "$PRETTY_NAME"), cgroup $(stat -fc %T /sys/fs/cgroup | sed 's/tmpfs/v1 (hybrid)/; s/cgroup2fs/v2/')"
stamp=$(date -u +%Y-%m-%dT%H:%MZ)
want() { [ -z "${BENCH_ONLY:-}" ] || [[ " $BENCH_ONLY " == *" $1 "* ]]; }

if ! want sandbox; then
  :
elif [ "$(id -u)" -eq 0 ]; then
  n=${BENCH_CYCLES:-1000}
  {
    echo "# Sandbox latency ($stamp)"
    echo
    echo "Machine: $machine. $n cycles each; medians and 99th percentiles in microseconds."
    echo "The floor rows do the same isolation by hand with standard tools in the same run."
    echo
    "$B/bench/bench_sandbox" -n "$n"
  } | tee bench/results/sandbox.md
else
  echo "bench: the sandbox benchmark needs root; skipped"
fi

if want analyze && [ -x "$B/bench/bench_analyze" ]; then
  {
    echo "# Analyser throughput ($stamp)"
    echo
    echo "Machine: $machine. Release build; inputs read into memory first."
    echo
    echo '```'
    tools/bench-analyze.sh "$B"
    echo '```'
  } | tee bench/results/analyze.md
fi

if want predict && [ -x "$B/bench/bench_predict" ]; then
  args=()
  [ -f models/default.json ] && args+=(--model models/default.json)
  [ -f data/runs.jsonl ] && args+=(--train data/runs.jsonl)
  {
    echo "# Prediction throughput ($stamp)"
    echo
    echo "Machine: $machine. Release build, pinned to one core, in the thread's CPU time."
    echo
    echo '```'
    "$B/bench/bench_predict" "${args[@]}"
    echo '```'
  } | tee bench/results/predict.md
fi

if want control && [ -x "$B/bench/bench_control" ]; then
  {
    echo "# Control-loop cost ($stamp)"
    echo
    echo "Machine: $machine. Release build; control_step over 100 sandboxes, 2000 rounds."
    echo
    echo '```'
    "$B/bench/bench_control" 100 2000
    echo '```'
  } | tee bench/results/control.md
fi

if want replay && [ -x "$B/bench/bench_replay" ]; then
  azure=${REPLAY_TRACE:-../shared/data/azure2019-sample}
  args=(--synthetic "${REPLAY_SYNTHETIC:-1000000}" --reps "${REPLAY_REPS:-3}")
  [ -d "$azure" ] && args+=(--azure "$azure")
  pin=()
  command -v taskset >/dev/null && pin=(taskset -c "$(($(nproc) - 1))")
  {
    echo "# Trace replay rate ($stamp)"
    echo
    echo "Machine: $machine. Release build, pinned to one core; each case next to a bare pass"
    echo "that only generates the arrivals and draws the usage (the floor of any replay)."
    echo
    "${pin[@]}" "$B/bench/bench_replay" "${args[@]}"
  } | tee bench/results/replay.md
fi

if want reaction && [ "$(id -u)" -eq 0 ]; then
  {
    echo "# Reaction time of the daemon's control loop ($stamp)"
    echo
    echo "Machine: $machine. Release build; tools/bench-reaction.sh: 30 served executions per case,"
    echo "a pre-started python in a 48Mi sandbox writing 40 MiB 1 MiB at a time; crossing = when its"
    echo "usage passes 80% of the limit, reaction = the first memory raise's applied_ms minus it."
    echo "Sample interval 100 ms: the aim is within two (200 ms). Negative: before the crossing."
    echo
    echo '```'
    tools/bench-reaction.sh "$B/presize" 30 | grep '^forecast'
    echo '```'
  } | tee bench/results/reaction.md
fi
