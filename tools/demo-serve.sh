#!/usr/bin/env bash
# make demo, second half: the daemon on the embedded defaults (local backend, a fresh SQLite store,
# the shipped model). Demo-scale tiers go in through PUT /v1/profiles; then, for each sample program,
# a pre-trigger notification (the sandbox is created and its interpreter started), the execution
# that claims it a moment later, and one table: predicted vs allocated vs used, and what the control
# loop changed while it ran.
set -euo pipefail
P=${1:-build/presize}
cd "$(dirname "$0")/.."
T=$(mktemp -d /tmp/presize-demo-serve.XXXXXX)
DPID=""
cleanup() {
  [ -n "$DPID" ] && kill -TERM "$DPID" 2>/dev/null && wait "$DPID" 2>/dev/null
  rm -rf "$T"
}
trap cleanup EXIT

"$P" serve --listen 127.0.0.1:0 --db "$T/presize.db" >"$T/daemon.log" 2>&1 &
DPID=$!
PORT=""
for _ in $(seq 100); do
  PORT=$(grep -o 'listening on http://127.0.0.1:[0-9]*' "$T/daemon.log" | grep -o '[0-9]*$' || true)
  [ -n "$PORT" ] && break
  sleep 0.1
done
[ -n "$PORT" ] || { cat "$T/daemon.log"; exit 1; }
U=http://127.0.0.1:$PORT
printf '\n\033[1m== The daemon: notifications before executions, the control loop while they run\033[0m\n'
printf '$ presize serve --listen 127.0.0.1:%s --db %s\n' "$PORT" "$T/presize.db"
sed 's/^/  /' "$T/daemon.log"
printf '$ curl -X PUT %s/v1/profiles -d (low 1100m/64Mi, medium 2/128Mi, high 4/1Gi: demo-scale tiers)\n' "$U"
curl -sf -X PUT "$U/v1/profiles" -d '{"tiers": [
  {"name": "low", "cpu_millicores": "1100m", "memory_bytes": "64Mi", "net_rate_bps": "10Mbit"},
  {"name": "medium", "cpu_millicores": 2000, "memory_bytes": "128Mi", "net_rate_bps": "50Mbit"},
  {"name": "high", "cpu_millicores": 4000, "memory_bytes": "1Gi", "net_rate_bps": "100Mbit"}]}' >/dev/null

MIB=1048576
printf '\n%-12s %-6s %9s %9s %8s %8s %9s %8s %9s %5s %8s %-8s\n' program tier "mem pred" "mem upper" "alloc" "used" "final" "cpu alloc" "cores" "adj" "start" outcome
for f in examples/hello.py examples/cpu_sum.py examples/threads.js examples/ramp.py; do
  lang=python
  case $f in *.js) lang=javascript ;; esac
  name=$(basename "$f")
  jq -n --arg id "demo-$name" --arg c "$(cat "$f")" --arg l "$lang" \
    '{id: $id, language: $l, code: $c, expected_in_ms: 300}' >"$T/n.json"
  curl -s -X POST "$U/v1/notifications" -d @"$T/n.json" >"$T/note.json"
  sleep 0.3 # the execution request follows its notification
  jq -n --arg id "demo-$name" --arg c "$(cat "$f")" --arg l "$lang" \
    '{notification_id: $id, language: $l, code: $c, timeout: "60s"}' >"$T/x.json"
  curl -s -X POST "$U/v1/executions" -d @"$T/x.json" >"$T/res.json"
  jq -r --arg n "$name" --argjson M $MIB '
    [$n, .prediction.tier,
     "\((.prediction.demand.memory_bytes.point / $M * 10 | round) / 10)Mi",
     "\((.prediction.demand.memory_bytes.upper / $M * 10 | round) / 10)Mi",
     "\(.allocation_timeline[0].memory_bytes / $M | round)Mi",
     "\((.usage.peak_memory_bytes // 0) / $M | round)Mi",
     "\(.allocation_timeline[-1].memory_bytes / $M | round)Mi",
     "\(.allocation_timeline[0].cpu_millicores)m",
     "\((.usage.avg_cores // 0) * 100 | round / 100)",
     "\(.adjustments | length)",
     "\(.start_ms * 10 | round / 10)ms",
     .outcome] | @tsv' "$T/res.json" |
    awk -F'\t' '{printf "%-12s %-6s %9s %9s %8s %8s %9s %8s %9s %5s %8s %-8s\n", $1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12}'
  cp "$T/res.json" "$T/last-$name.json"; [ -n "${DEMO_KEEP:-}" ] && cp "$T/res.json" "/tmp/demo-$name.json"
done
printf '\n(mem pred/upper: the model'"'"'s point and calibrated bound; alloc: the sandbox made before the\n'
printf ' request arrived; used: peak; final: after the control loop; start: request to code running)\n'
printf '\nThe adjustments of ramp.py, which outgrew its prediction:\n'
jq -r '.adjustments[] | "  at \(.at_ms | round) ms  \(.resource)  \(.from / 1048576 | round)Mi -> \(.to / 1048576 | round)Mi  \(.reason)"' "$T/last-ramp.py.json" | head -12
printf '\n$ curl %s/metrics | grep -E "claims|adjustments_total|oom"\n' "$U"
curl -s "$U/metrics" | grep -E '^presize_(claims_total|adjustments_total\{resource="memory"|oom_kills_total)' | sed 's/^/  /'
