#!/usr/bin/env bash
# Measure presize serve on loopback (root): notification-to-ready, execution start with a warm
# sandbox (with and without a pre-started interpreter) vs a cold one, and how many notifications
# per second the API answers.
#   tools/bench-serve.sh PRESIZE [N]
# Prints one line per measurement. N (default 30) is the number of sequential samples.
set -eu
P=${1:?usage: tools/bench-serve.sh PRESIZE [N]}
N=${2:-30}
T=$(mktemp -d /tmp/presize-bench-serve-XXXXXX)
D=""
trap '[ -n "$D" ] && kill -TERM $D 2>/dev/null && wait $D; rm -rf "$T"' EXIT

start() { # config-json; the policy's warm pool is opened wide (its default size, 16, would refuse
  # most of the notifications measured here)
  echo "$1" >"$T/config.json"
  echo '{"warm_pool": {"size": 4096}}' >"$T/policy.json"
  "$P" serve --listen 127.0.0.1:0 --db "$T/presize.db" --config "$T/config.json" \
    --policy "$T/policy.json" "${MODEL[@]}" >"$T/log" 2>&1 &
  D=$!
  for _ in $(seq 300); do
    PORT=$(grep -o 'listening on http://127.0.0.1:[0-9]*' "$T/log" | grep -o '[0-9]*$' || true)
    [ -n "$PORT" ] && return 0
    sleep 0.1
  done
  echo "the daemon did not start: $(cat "$T/log")" >&2
  exit 1
}
stop() { kill -TERM "$D"; wait "$D" || true; D=""; }
pct() { sort -n | awk '{a[NR]=$1} END {if (NR == 0) {print "n/a"; exit} printf "p50 %.1f ms, p90 %.1f ms (n=%d)", a[int((NR+1)/2)], a[int(NR*0.9+0.5)], NR}'; }
MODEL=()
[ -n "${PRESIZE_MODEL:-}" ] && MODEL=(--model "$PRESIZE_MODEL")
URL() { echo "http://127.0.0.1:$PORT$1"; }
CODE='print(sum(range(1000)))'

# Execution start with a warm sandbox vs a cold one; start_ms = request arrival to the job
# started (cold, warm) or to the code delivered to the waiting interpreter (warm, pre-started).
# LABEL: "warm, pre-started" with the default config, "warm, no pre-start" with "prestart": false.
warm_vs_cold() { # label cold(0|1)
  local tag=${1//[^a-z]/}
  # 1. notification -> ready, as the daemon measured it (ready_after_ms of each sandbox)
  for i in $(seq "$N"); do
    curl -s -o /dev/null -X POST "$(URL /v1/notifications)" -d "{\"id\": \"r$i\", \"language\": \"python\"}"
    sleep 0.05
  done
  sleep 1
  echo "notification to ready ($1): $(curl -s "$(URL /v1/sandboxes)" | jq -r '.sandboxes[].ready_after_ms' | pct)"
  # 2. execution start
  for i in $(seq "$N"); do
    curl -s -X POST "$(URL /v1/executions)" -d "{\"notification_id\": \"r$i\", \"language\": \"python\", \"code\": \"$CODE\"}" |
      jq -r '"\(.start_ms) \(.runtime)"' >>"$T/warm-$tag"
    [ "$2" = 1 ] && curl -s -X POST "$(URL /v1/executions)" -d "{\"language\": \"python\", \"code\": \"$CODE\"}" |
      jq -r .start_ms >>"$T/cold"
  done
  echo "execution start, $1: $(cut -d' ' -f1 <"$T/warm-$tag" | pct) (runtime: $(cut -d' ' -f2 <"$T/warm-$tag" | sort | uniq -c | xargs))"
  [ "$2" = 1 ] && echo "execution start, cold: $(pct <"$T/cold")"
  # the same seen by the client: the whole request (python3's start-up, when paid, and the run)
  for i in $(seq "$N"); do
    curl -s -o /dev/null -X POST "$(URL /v1/notifications)" -d "{\"id\": \"c$i\", \"language\": \"python\"}"
  done
  sleep 1
  for i in $(seq "$N"); do
    curl -s -o /dev/null -w '%{time_total}\n' -X POST "$(URL /v1/executions)" -d "{\"notification_id\": \"c$i\", \"language\": \"python\", \"code\": \"$CODE\"}" |
      awk '{print $1 * 1000}' >>"$T/warm_total-$tag"
    [ "$2" = 1 ] && curl -s -o /dev/null -w '%{time_total}\n' -X POST "$(URL /v1/executions)" -d "{\"language\": \"python\", \"code\": \"$CODE\"}" |
      awk '{print $1 * 1000}' >>"$T/cold_total"
  done
  echo "whole execution request (client), $1: $(pct <"$T/warm_total-$tag")"
  [ "$2" = 1 ] && echo "whole execution request (client), cold: $(pct <"$T/cold_total")"
  return 0
}
start '{"max_sandboxes": 1000, "host_cpu": 1000, "host_memory": "1Ti", "ttl": "60s"}'
warm_vs_cold "warm, pre-started" 1
stop
start '{"max_sandboxes": 1000, "host_cpu": 1000, "host_memory": "1Ti", "ttl": "60s", "prestart": false}'
warm_vs_cold "warm, no pre-start" 0
stop

notify_rate() { # label
  for i in $(seq "$M"); do printf 'url = "%s"\noutput = "/dev/null"\n' "$(URL /v1/notifications)"; done >"$T/urls"
  local t0 t1
  t0=$(date +%s.%N)
  curl -s -S --no-progress-meter --parallel --parallel-max 8 -X POST -d '{"language": "python", "algorithm": "sorting"}' \
    -K "$T/urls" -w "%{http_code}\n" >"$T/codes"
  t1=$(date +%s.%N)
  echo "notifications/s, $1: $(echo "$M / ($t1 - $t0)" | bc -l | cut -d. -f1) ($M in $(echo "$t1 - $t0" | bc -l | cut -c1-5) s; answers: $(sort "$T/codes" | uniq -c | awk '{printf "%s x %s ", $1, $2}'))"
}
# 3. notifications per second, 8 parallel clients on loopback. Admitted: each is predicted,
# admitted and its sandbox queued for the two creator threads, which really create it behind.
M=${BENCH_NOTIFICATIONS:-2000}
# Without pre-started interpreters first (the API and the sandboxes' creation), then with them
# (each creation also starts python3, which takes CPU from the API on a small host).
for pre in false true; do
  start '{"max_sandboxes": 100000, "host_cpu": 100000, "host_memory": "100Ti", "ttl": "2s", "prestart": '$pre'}'
  notify_rate "admitted (sandboxes created behind), prestart $pre"
  sleep 1
  ready=$(curl -s "$(URL /metrics)" | awk '$1 == "presize_notification_to_ready_seconds_count" {print $2}')
  echo "  sandboxes ready 1 s after the last answer: $ready"
  stop
done
# The API alone: a full host (one sandbox at most), so every notification is predicted and
# refused (429) without creating anything.
start '{"max_sandboxes": 1}'
notify_rate "full host (predict + admission control, 429)"
stop
