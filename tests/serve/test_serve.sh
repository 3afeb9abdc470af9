#!/usr/bin/env bash
# presize serve from the outside: a real daemon on loopback (a free port), driven by curl.
# The notification -> execution flow (warm), a cold execution, stdin/args/exit codes, timeouts,
# an OOM kill, every bad-input case, the token, a full host (429), priority eviction, TTL expiry
# (waste), DELETE, profiles, the store, metrics, and SIGTERM leaving nothing behind. TAP output;
# needs root.
# Waits are polls with generous deadlines (a loaded 2-core machine, ASan): no timing asserts.
set -u
P=${PRESIZE:?}
T=$(mktemp -d /tmp/presize-serve-XXXXXX)
DPID=""
cleanup() {
  [ -n "$DPID" ] && kill -TERM "$DPID" 2>/dev/null && wait "$DPID" 2>/dev/null
  [ -n "${DPID2:-}" ] && kill -TERM "$DPID2" 2>/dev/null && wait "$DPID2" 2>/dev/null
  [ -n "${DPID3:-}" ] && kill -TERM "$DPID3" 2>/dev/null && wait "$DPID3" 2>/dev/null
  rm -rf "$T"
}
trap cleanup EXIT
n=0
fails=0
ok() { n=$((n + 1)); echo "ok $n - $1"; }
no() { n=$((n + 1)); fails=$((fails + 1)); echo "not ok $n - $1"; [ -n "${2:-}" ] && echo "# $2" | head -5; }
check() { if eval "$2"; then ok "$1"; else no "$1" "${3:-code=$code body=$(head -c 400 "$T/body")}"; fi; }

# j FILTER: a jq filter over the last response body; strings print bare, the rest compact.
j() { jq -rc "$1" "$T/body" 2>/dev/null; }
# req METHOD PATH [JSON|@FILE]: sets $code, the body in $T/body, headers in $T/headers.
AUTH=()
req() {
  local data=()
  [ $# -ge 3 ] && data=(--data-binary "$3" -H 'Content-Type: application/json')
  code=$(curl -s -m 120 -o "$T/body" -D "$T/headers" -w '%{http_code}' -X "$1" "${AUTH[@]}" \
    "${data[@]}" "http://127.0.0.1:$PORT$2")
}
# start_daemon LOG ARGS...: sets DPID_NEW and PORT_NEW once it listens.
start_daemon() {
  local log=$1; shift
  "$P" serve --listen 127.0.0.1:0 "$@" >"$log" 2>&1 &
  DPID_NEW=$!
  PORT_NEW=""
  for _ in $(seq 600); do
    PORT_NEW=$(grep -o 'listening on http://127.0.0.1:[0-9]*' "$log" | grep -o '[0-9]*$')
    [ -n "$PORT_NEW" ] && return 0
    kill -0 "$DPID_NEW" 2>/dev/null || return 1
    sleep 0.1
  done
  return 1
}
# poll N CMD: until CMD succeeds, every 0.2 s, N times at most.
poll() {
  local i
  for i in $(seq "$1"); do eval "$2" && return 0; sleep 0.2; done
  return 1
}
bad() { # name, status, field ("" for null), method, path, data
  req "$4" "$5" "$6"
  local f
  f=$(j '.field')
  [ "$f" = null ] && f=""
  if [ "$code" = "$2" ] && [ "$f" = "$3" ] && [ -n "$(j '.error')" ]; then ok "bad input: $1"; else no "bad input: $1" "code=$code body=$(head -c 300 "$T/body")"; fi
}
# stop_daemon3 NAME: SIGTERM the extra daemon, check it exits 0 and leaves no cgroup of its own.
stop_daemon3() {
  local rc=0 c
  kill -TERM "$DPID3"
  wait "$DPID3" || rc=$?
  c=$(find /sys/fs/cgroup -maxdepth 4 -type d -name "presize-*-$DPID3-*" 2>/dev/null | wc -l)
  DPID3=""
  check "$1: SIGTERM exit 0, nothing left" '[ $rc -eq 0 ] && [ "$c" -eq 0 ]' "rc=$rc c=$c"
}
metric() { curl -s "${AUTH[@]}" "http://127.0.0.1:$PORT/metrics" | awk -v k="$1" '$1 == k {print $2}'; }

# ---- usage errors ----
err=$("$P" serve --listen 0.0.0.0:0 --db "$T/x.db" 2>&1); rc=$?
check "non-loopback without a token: exit 2" '[ $rc -eq 2 ] && [[ $err == *"needs --token-file"* ]]' "rc=$rc $err"
err=$("$P" serve --listen nowhere 2>&1); rc=$?
check "bad --listen: exit 2" '[ $rc -eq 2 ]' "rc=$rc $err"
echo '{"ttl": "2s", "frob": 1}' >"$T/bad.json"
err=$("$P" serve --config "$T/bad.json" 2>&1); rc=$?
check "unknown config key: exit 2 naming it" '[ $rc -eq 2 ] && [[ $err == *frob* ]]' "rc=$rc $err"
"$P" serve --help | grep -q 'usage: presize serve'
check "serve --help" '[ $? -eq 0 ]' ""

# ---- the daemon: no model (plans come from the lowest tier, which the test sets) ----
cat >"$T/config.json" <<EOF
{"max_sandboxes": 8, "body_max": 65536, "host_cpu": 64, "host_memory": "64Gi", "grace": "8s"}
EOF
if ! start_daemon "$T/daemon.log" --db "$T/presize.db" --config "$T/config.json" --model none; then
  echo "Bail out! the daemon did not start: $(cat "$T/daemon.log")"
  exit 1
fi
DPID=$DPID_NEW
PORT=$PORT_NEW
ok "daemon listens on a free port ($PORT)"

err=$(timeout 120 "$P" serve --listen "127.0.0.1:$PORT" --db "$T/other.db" --model none 2>&1); rc=$?
check "a port in use: exit 1, says so" '[ $rc -eq 1 ] && [[ $err == *"cannot listen"* ]]' "rc=$rc $err"

req GET /healthz
check "healthz" '[ "$code" = 200 ] && [ "$(j ".status")" = ok ]'

# profiles: one small tier so that plans are small and an allocation can be outgrown
req PUT /v1/profiles '{"tiers": [{"name": "tiny", "cpu_millicores": 500, "memory_bytes": "64Mi", "net_rate_bps": 0}, {"name": "big", "cpu_millicores": "2", "memory_bytes": 1073741824, "gpu": false}]}'
check "PUT /v1/profiles" '[ "$code" = 200 ] && [ "$(j "[.tiers[].name]")" = "[\"tiny\",\"big\"]" ]'
req GET /v1/profiles
check "GET /v1/profiles from the store" '[ "$code" = 200 ] && [ "$(j ".source")" = store ] && [ "$(j ".tiers[0].memory_bytes")" = 67108864 ]'
req PUT /v1/profiles '{"tiers": [{"name": "x", "cpu_millicores": 0, "memory_bytes": 1}]}'
check "PUT /v1/profiles: zero cpu names the field" '[ "$code" = 400 ] && [ "$(j ".field")" = "tiers[0].cpu_millicores" ]'
req PUT /v1/profiles '{"tiers": [{"name": "x", "cpu_millicores": 1, "memory_bytes": 1, "colour": 1}]}'
check "PUT /v1/profiles: unknown tier field" '[ "$code" = 400 ] && [ "$(j ".field")" = "tiers[0].colour" ]'

# ---- notification -> warm execution ----
req POST /v1/notifications '{"id": "job-1", "language": "python", "algorithm": "sorting", "libraries": ["numpy"], "input_bytes": 1000, "priority": 1, "expected_in_ms": 50}'
check "notification: 202 with the plan" '[ "$code" = 202 ] && [ "$(j ".id")" = job-1 ] && [ "$(j ".tier")" = tiny ] && [ "$(j ".complexity_score")" = low ] && [ "$(j ".allocation.memory_bytes")" = 67108864 ] && [[ "$(j ".state")" =~ ^(warming|ready)$ ]]'
SB=$(j '.sandbox_id')
poll 150 'req GET /v1/sandboxes/$SB; [ "$(j ".state")" = ready ]'
check "its sandbox becomes ready" '[ "$(j ".state")" = ready ] && [ "$(j ".notification_id")" = job-1 ]'
c=$(find /sys/fs/cgroup -maxdepth 4 -type d -name "presize-*-$DPID-*" 2>/dev/null | wc -l)
check "the warm sandbox has its cgroup" '[ "$c" -gt 0 ]' "cgroups=$c"
req GET /v1/sandboxes
check "GET /v1/sandboxes lists it with the capacity" '[ "$code" = 200 ] && [ "$(j "[.sandboxes[].id]")" = "[\"$SB\"]" ] && [ "$(j ".capacity.used_memory_bytes")" = 67108864 ]'

cat >"$T/ex1.json" <<'EOF'
{"notification_id": "job-1", "language": "python", "args": ["a", "b c"], "stdin": "from stdin",
 "code": "import sys\nprint(sum(range(1000)), sys.argv[1:], sys.stdin.read())\nprint('err', file=sys.stderr)\n"}
EOF
req POST /v1/executions "@$T/ex1.json"
check "warm execution: warm true, exit 0" '[ "$code" = 200 ] && [ "$(j ".warm")" = true ] && [ "$(j ".exit_code")" = 0 ] && [ "$(j ".state")" = done ]'
WANT="499500 ['a', 'b c'] from stdin"
check "warm execution: stdout carries args and stdin" '[ "$(j .stdout)" = "$WANT" ] && [ "$(j .stderr)" = err ]'
check "warm execution: usage, prediction, timeline, adjustments" '[ "$(j ".usage.exit_code")" = 0 ] && [ "$(j ".allocation_timeline[0].memory_bytes")" = 67108864 ] && [ "$(j ".usage.limits.memory_bytes == .allocation_timeline[-1].memory_bytes")" = true ] && [ "$(j ".prediction.tier")" = tiny ] && [ "$(j ".adjustments|type")" = array ]'
check "warm execution: through the pre-started runtime" '[ "$(j .runtime)" = prestarted ]'
EX1=$(j '.id')
req GET "/v1/executions/$EX1"
check "GET /v1/executions/{id} of a finished one" '[ "$code" = 200 ] && [ "$(j ".exit_code")" = 0 ] && [ "$(j ".warm")" = true ]'
req POST /v1/executions '{"notification_id": "job-1", "language": "python", "code": "print(1)"}'
check "double claim: 409 naming notification_id" '[ "$code" = 409 ] && [ "$(j ".field")" = notification_id ]'
req POST /v1/notifications '{"id": "job-1", "language": "python"}'
check "a claimed notification id cannot be reused: 409" '[ "$code" = 409 ] && [ "$(j ".field")" = id ]'

# ---- a pre-started runtime: python3 waits in the warm sandbox; usage counts from the delivery ----
req POST /v1/notifications '{"id": "pre-1", "language": "python"}'
SB=$(j '.sandbox_id')
poll 150 'req GET /v1/sandboxes/$SB; [ "$(j ".state")" = ready ]'
check "a warm python sandbox holds a pre-started runtime" '[ "$(j ".runtime")" = prestarted ]'
sleep 1
req GET "/v1/sandboxes/$SB"
WAITED=$(j '.age_ms')
cat >"$T/pre1.json" <<'EOF'
{"notification_id": "pre-1", "language": "python", "args": ["-x", "two words", ""], "stdin": "line 1\nline 2\n",
 "code": "import sys\nprint(__name__, sys.argv, repr(sys.stdin.read()))\nsys.exit(5)\n"}
EOF
req POST /v1/executions "@$T/pre1.json"
WANT="__main__ ['main.py', '-x', 'two words', ''] 'line 1\\nline 2\\n'"
check "pre-started: runtime prestarted, exit code 5, args and stdin" '[ "$code" = 200 ] && [ "$(j .runtime)" = prestarted ] && [ "$(j .exit_code)" = 5 ] && [ "$(j .stdout)" = "$WANT" ]' "code=$code want=$WANT body=$(head -c 600 "$T/body")"
check "pre-started: cpu and wall time from the delivery, below the time it waited" '[ "$(j ".usage.cpu_seconds * 1000 < $WAITED and .usage.wall_seconds * 1000 < $WAITED and .usage.cpu_seconds > 0")" = true ] && [ "$(j ".start_ms > 0")" = true ]' "waited=${WAITED}ms $(j '{start_ms, usage}' | head -c 600)"
req POST /v1/notifications '{"id": "pre-2", "language": "python"}'
poll 150 'req GET /v1/sandboxes/$(j .sandbox_id); [ "$(j ".state")" = ready ]'
req POST /v1/executions '{"notification_id": "pre-2", "language": "python", "code": "def f():\n    raise ValueError(\"boom\")\nf()\n"}'
check "pre-started: code that raises exits non-zero with its traceback on stderr" '[ "$code" = 200 ] && [ "$(j .runtime)" = prestarted ] && [ "$(j .exit_code)" -ne 0 ] && [[ "$(j .stderr)" == *Traceback* ]] && [[ "$(j .stderr)" == *"ValueError: boom"* ]] && [[ "$(j .stderr)" == *main.py* ]]'
check "pre-started: the traceback shows the source line (the code is in /box/main.py)" '[[ "$(j .stderr)" == *"raise ValueError(\"boom\")"* ]]' "$(j .stderr | head -c 400)"
req POST /v1/notifications '{"id": "pre-js", "language": "javascript"}'
poll 150 'req GET /v1/sandboxes/$(j .sandbox_id); [ "$(j ".state")" = ready ]'
check "a warm javascript sandbox holds a pre-started runtime" '[ "$(j ".runtime")" = prestarted ]'
cat >"$T/prejs.json" <<'EOF'
{"notification_id": "pre-js", "language": "javascript", "args": ["a", "b c"], "stdin": "in\n",
 "code": "const fs = require('fs');\nconsole.log(require.main === module, process.argv.slice(2).join('|'), JSON.stringify(fs.readFileSync(0, 'utf8')));\nprocess.exit(2);\n"}
EOF
req POST /v1/executions "@$T/prejs.json"
check "pre-started javascript: main module, args, stdin, exit code 2" '[ "$code" = 200 ] && [ "$(j .runtime)" = prestarted ] && [ "$(j .exit_code)" = 2 ] && [ "$(j .stdout)" = "true a|b c \"in\\n\"" ]'
req POST /v1/notifications '{"id": "pre-js2", "language": "javascript"}'
poll 150 'req GET /v1/sandboxes/$(j .sandbox_id); [ "$(j ".state")" = ready ]'
cat >"$T/prejs2.json" <<'EOF'
{"notification_id": "pre-js2", "language": "javascript",
 "code": "const { Worker, isMainThread, parentPort } = require('worker_threads');\nif (isMainThread) new Worker(__filename).on('message', (m) => console.log(m));\nelse parentPort.postMessage('from the worker');\n"}
EOF
req POST /v1/executions "@$T/prejs2.json"
check "pre-started javascript: new Worker(__filename) finds its file" '[ "$code" = 200 ] && [ "$(j .runtime)" = prestarted ] && [ "$(j .exit_code)" = 0 ] && [ "$(j .stdout)" = "from the worker" ]' "code=$code $(j '{stdout, stderr}' | head -c 400)"

# ---- cold executions ----
req POST /v1/executions '{"language": "javascript", "code": "console.log(1 + 1)"}'
check "cold execution (javascript): warm false, exit 0" '[ "$code" = 200 ] && [ "$(j ".warm")" = false ] && [ "$(j ".runtime")" = cold ] && [ "$(j ".exit_code")" = 0 ] && [ "$(j ".stdout")" = 2 ]'
req POST /v1/executions '{"language": "python", "code": "import sys; sys.exit(3)", "wait": false}'
check "wait false: 202 and an id" '[ "$code" = 202 ] && [[ "$(j ".state")" =~ ^(queued|running)$ ]]'
EX=$(j '.id')
poll 300 'req GET /v1/executions/$EX; [ "$(j ".state")" = done ]'
check "polled to done: exit 3, outcome failed" '[ "$(j ".exit_code")" = 3 ] && [ "$(j ".outcome")" = failed ]'
req POST /v1/executions '{"language": "python", "code": "import time\ntime.sleep(60)\n", "timeout": "1s"}'
check "timeout: outcome timeout" '[ "$code" = 200 ] && [ "$(j ".outcome")" = timeout ] && [ "$(j ".usage.timed_out")" = true ]'

# ---- the control loop and the policy ----
# A tier of 8 MiB: python's plan starts at its floor (48 MiB); ramp.py grows 5 MiB every 100 ms to
# 150 MiB, so it lives only if the loop raises its memory.
req PUT /v1/profiles '{"tiers": [{"name": "tiny", "cpu_millicores": 1000, "memory_bytes": "8Mi", "net_rate_bps": 0}]}'
check "PUT /v1/profiles: an 8 MiB tier" '[ "$code" = 200 ]'
cat >"$T/ramp.py" <<'EOF'
import time
chunks = []
for i in range(30):
    chunks.append(b"\x01" * (5 << 20))
    time.sleep(0.1)
print(len(chunks) * 5, "MiB")
EOF
python3 -c 'import json,sys; print(json.dumps({"language": "python", "code": open(sys.argv[1]).read(), "wait": False}))' \
  "$T/ramp.py" >"$T/ramp.json"
req POST /v1/executions "@$T/ramp.json"
check "ramp: accepted" '[ "$code" = 202 ]'
EX=$(j .id)
# while it runs: the pool accounts for the raised allocation (capacity = sum of allocations)
poll 300 'req GET /v1/sandboxes; [ "$(j "[.sandboxes[] | select(.execution_id == \"$EX\") | .allocation.memory_bytes > 50331648] == [true]")" = true ] || { req GET /v1/executions/$EX; [ "$(j .state)" = done ]; }'
req GET /v1/sandboxes
acct=$(j '.capacity.used_memory_bytes == ([.sandboxes[].allocation.memory_bytes] | add)')
raised=$(j "[.sandboxes[] | select(.execution_id == \"$EX\") | .allocation.memory_bytes > 50331648] == [true]")
check "ramp: a raise shows in the sandbox and in the pool's accounting" '[ "$raised" = true ] && [ "$acct" = true ]' "$(head -c 600 "$T/body")"
poll 600 'req GET /v1/executions/$EX; [ "$(j .state)" = done ]'
check "ramp: exit 0, not OOM-killed, prints 150 MiB" '[ "$(j .outcome)" = ok ] && [ "$(j .exit_code)" = 0 ] && [ "$(j .usage.oom_killed)" = false ] && [ "$(j .stdout)" = "150 MiB" ]'
check "ramp: started at the python floor (48 MiB)" '[ "$(j ".allocation_timeline[0].memory_bytes")" = 50331648 ]'
check "ramp: at least one applied memory raise, each with a reason" '[ "$(j "[.adjustments[] | select(.resource == \"memory\" and .applied and .to > .from and (.reason|length) > 0)] | length > 0")" = true ]'
check "ramp: allocation_timeline longer than 1, ends above the peak" '[ "$(j ".allocation_timeline|length > 1")" = true ] && [ "$(j ".allocation_timeline[-1].memory_bytes >= .usage.peak_memory_bytes")" = true ]'
grep -o '"at_ms":[0-9.]*,"resource":"memory"[^}]*' "$T/body" | head -1 | sed 's/^/# first raise: /'
up=$(metric 'presize_adjustments_total{resource="memory",direction="up"}')
check "metrics: presize_adjustments_total counts the raises" '[ "${up:-0}" -ge 1 ]' "up=$up"
req GET /v1/sandboxes
check "after it: the pool's accounting is back to the sum of what is left" '[ "$(j ".capacity.used_memory_bytes == ([.sandboxes[].allocation.memory_bytes] | add // 0)")" = true ]'

req GET /v1/policy
check "GET /v1/policy: the defaults" '[ "$code" = 200 ] && [ "$(j .cooldown)" = 5s ] && [ "$(j .memory.max)" = 64Gi ] && [ "$(j .sample_interval)" = 100ms ]'
bad "PUT /v1/policy: a bad unit names the field" 400 memory.max PUT /v1/policy '{"memory": {"max": "2Gx"}}'
bad "PUT /v1/policy: an unknown field" 400 colldown PUT /v1/policy '{"colldown": "1s"}'
bad "PUT /v1/policy: min above max" 400 memory.min PUT /v1/policy '{"memory": {"min": "1Gi", "max": "64Mi"}}'
req GET /v1/policy
check "a refused PUT changes nothing" '[ "$(j .memory.max)" = 64Gi ]'
req PUT /v1/policy '{"memory": {"max": "64Mi"}}'
check "PUT /v1/policy: answers the full policy" '[ "$code" = 200 ] && [ "$(j .memory.max)" = 64Mi ] && [ "$(j .cooldown)" = 5s ]'
sed 's/"wait": false/"wait": true/' "$T/ramp.json" >"$T/ramp-wait.json"
req POST /v1/executions "@$T/ramp-wait.json"
check "ramp under memory.max 64Mi: never raised above it" '[ "$code" = 200 ] && [ "$(j "[.allocation_timeline[].memory_bytes] | max <= 67108864")" = true ] && [ "$(j "[.adjustments[] | select(.applied) | .to] | all(. <= 67108864)")" = true ]' "code=$code $(j '{outcome, allocation_timeline, adjustments}' | head -c 600)"
check "ramp under memory.max 64Mi: OOM-killed or capped" '[ "$(j .outcome)" = oom ] || [ "$(j .usage.limits.memory_bytes <= 67108864)" = true ]'
req POST /v1/executions '{"language": "python", "code": "b = bytearray(400 * 1024 * 1024)\nprint(len(b))\n"}'
check "a job above the policy's memory.max is OOM-killed" '[ "$code" = 200 ] && [ "$(j ".outcome")" = oom ] && [ "$(j ".usage.oom_killed")" = true ]'
# a mostly idle program is scaled down (a short scale-down window and cooldown, by policy)
req PUT /v1/policy '{"scale_down": {"window": "1s", "share": 0.3}, "cooldown": "1s"}'
req POST /v1/executions '{"language": "python", "code": "import time\ntime.sleep(3)\n"}'
check "an idle program: its CPU lowered while it runs, with a scale-down reason" '[ "$code" = 200 ] && [ "$(j "[.adjustments[] | select(.resource == \"cpu\" and .applied and .to < .from and (.reason | test(\"scale-down\")))] | length > 0")" = true ] && [ "$(j ".allocation_timeline[-1].cpu_millicores < .allocation_timeline[0].cpu_millicores")" = true ]' "code=$code $(j '{adjustments, allocation_timeline}' | head -c 600)"
down=$(metric 'presize_adjustments_total{resource="cpu",direction="down"}')
check "metrics: the scale-down counted" '[ "${down:-0}" -ge 1 ]' "down=$down"
req PUT /v1/policy '{}'
check "PUT /v1/policy {}: back to the defaults" '[ "$code" = 200 ] && [ "$(j .memory.max)" = 64Gi ]'
req PUT /v1/profiles '{"tiers": [{"name": "tiny", "cpu_millicores": 500, "memory_bytes": "64Mi", "net_rate_bps": 0}, {"name": "big", "cpu_millicores": "2", "memory_bytes": 1073741824, "gpu": false}]}'
check "profiles restored" '[ "$code" = 200 ]'
python3 -c 'import json,sys; print(json.dumps({"language":"python","code":"print(\"x\" * 200000)"}))' >"$T/bigout.json"
req POST /v1/executions "@$T/bigout.json"
check "stdout is bounded (64 KiB, truncated flag)" '[ "$(j ".stdout|length")" = 65536 ] && [ "$(j ".stdout_truncated")" = true ]'

# ---- bad input: 4xx with {error, field} ----
bad "network on a daemon that allows none" 422 network POST /v1/notifications '{"language": "python", "network": true}'
bad "malformed JSON" 400 "" POST /v1/notifications '{"language": "python"'
bad "not an object" 400 "" POST /v1/executions '[1, 2]'
bad "unknown field" 400 frob POST /v1/notifications '{"language": "python", "frob": 1}'
bad "wrong type: language" 400 language POST /v1/notifications '{"language": 5}'
bad "wrong type: input_bytes" 400 input_bytes POST /v1/notifications '{"language": "python", "input_bytes": "lots"}'
bad "wrong type: libraries" 400 libraries POST /v1/notifications '{"language": "python", "libraries": "numpy"}'
bad "wrong type: wait" 400 wait POST /v1/executions '{"language": "python", "code": "1", "wait": "yes"}'
bad "wrong type: args" 400 args POST /v1/executions '{"language": "python", "code": "1", "args": [1]}'
bad "bad timeout" 400 timeout POST /v1/executions '{"language": "python", "code": "1", "timeout": "soon"}'
bad "missing language" 400 language POST /v1/notifications '{"algorithm": "sorting"}'
bad "missing code" 400 code POST /v1/executions '{"language": "python"}'
bad "bad notification id" 400 id POST /v1/notifications '{"id": "a/b", "language": "python"}'
bad "unknown language (notification)" 422 language POST /v1/notifications '{"language": "cobol"}'
bad "unknown language (execution)" 422 language POST /v1/executions '{"language": "cobol", "code": "x"}'
bad "empty notification id" 404 notification_id POST /v1/executions '{"notification_id": "", "language": "python", "code": "1"}'
bad "priority out of range (notification)" 400 priority POST /v1/notifications '{"language": "python", "priority": 9999999999}'
bad "wrong type: priority (execution)" 400 priority POST /v1/executions '{"language": "python", "code": "1", "priority": "high"}'
bad "bad code_hash" 400 code_hash POST /v1/notifications '{"language": "python", "code_hash": "xyz"}'
bad "unknown notification id" 404 notification_id POST /v1/executions '{"notification_id": "nope", "language": "python", "code": "1"}'
bad "unknown execution id" 404 id GET /v1/executions/ex-999999 ""
bad "unknown sandbox id" 404 id GET /v1/sandboxes/sb-999999 ""
bad "unknown endpoint" 404 "" GET /v1/nothing ""
bad "wrong method" 405 "" DELETE /v1/notifications ""
python3 -c 'import json; print(json.dumps({"language": "python", "code": "#" * 100000}))' >"$T/huge.json"
bad "body over the limit: 413" 413 "" POST /v1/executions "@$T/huge.json"

req POST /v1/notifications '{"id": "after-ttl", "language": "python"}'
check "another notification" '[ "$code" = 202 ]'

# ---- DELETE ----
SB=$(j '.sandbox_id')
poll 150 'req GET /v1/sandboxes/$SB; [ "$(j ".state")" = ready ]'
req DELETE "/v1/sandboxes/$SB"
check "DELETE a ready sandbox" '[ "$code" = 200 ] && [ "$(j ".state")" = destroyed ]'
req GET "/v1/sandboxes/$SB"
check "it is gone" '[ "$code" = 404 ]'
req POST /v1/executions '{"notification_id": "after-ttl", "language": "python", "code": "1"}'
check "its notification can no longer be claimed" '[ "$code" = 404 ] || [ "$code" = 409 ]'

# DELETE of a running sandbox kills its job; the execution ends failed (killed)
req POST /v1/executions '{"language": "python", "code": "import time\ntime.sleep(120)\n", "wait": false}'
EX=$(j .id)
poll 300 'req GET /v1/executions/$EX; [ "$(j .state)" = running ]'
req GET /v1/sandboxes
SB=$(j '.sandboxes[] | select(.state == "running") | .id')
req DELETE "/v1/sandboxes/$SB"
check "DELETE a running sandbox: destroying" '[ "$code" = 200 ] && [ "$(j .state)" = destroying ] && [ "$(j .was)" = running ]'
poll 300 'req GET /v1/executions/$EX; [ "$(j .state)" = done ]'
check "its job is killed: outcome failed by a signal" '[ "$(j .outcome)" = failed ] && [ "$(j .usage.signal)" = 9 ]'

# ---- the store and the metrics ----
runs=$("$P" runs export --format jsonl --db "$T/presize.db" 2>/dev/null | grep -c '"source":"serve"')
check "every finished execution is in the store (source serve)" '[ "$runs" -ge 6 ]' "runs=$runs"
warm=$(metric 'presize_claims_total{kind="warm"}')
cold=$(metric 'presize_claims_total{kind="cold"}')
oom=$(metric presize_oom_kills_total)
hist=$(metric 'presize_execution_start_seconds_count{sandbox="warm"}')
check "metrics: claims warm and cold, OOM kills, latency histograms" '[ "$warm" -ge 1 ] && [ "$cold" -ge 5 ] && [ "$oom" -ge 1 ] && [ "$hist" -ge 1 ]' "warm=$warm cold=$cold oom=$oom hist=$hist"
curl -s "http://127.0.0.1:$PORT/metrics" | grep -q '^presize_notification_to_ready_seconds_bucket{le="+Inf"}'
check "metrics: Prometheus histogram buckets" '[ $? -eq 0 ]' ""

# ---- SIGTERM with a warm sandbox and two running executions: the short one finishes within the
# grace period (8 s here), the long one is ended when it is over; nothing left ----
req POST /v1/notifications '{"id": "last", "language": "python"}'
req POST /v1/executions '{"language": "python", "code": "import time\ntime.sleep(120)\n", "args": ["presize-serve-test-marker"], "wait": false}'
EX=$(j '.id')
poll 300 'req GET /v1/executions/$EX; [ "$(j ".state")" = running ]'
check "an execution is running before SIGTERM" '[ "$(j ".state")" = running ]'
curl -s -m 120 -o "$T/short.json" -X POST --data-binary '{"language": "python", "code": "import time\ntime.sleep(1.5)\nprint(\"finished\")\n"}' "http://127.0.0.1:$PORT/v1/executions" &
SHORT=$!
poll 300 'req GET /v1/sandboxes; [ "$(j "[.sandboxes[] | select(.state == \"running\")] | length")" = 2 ]'
kill -TERM "$DPID"
rc=0
wait "$DPID" || rc=$?
wait "$SHORT"
DPID_DONE=$DPID
DPID=""
check "SIGTERM: exit 0" '[ $rc -eq 0 ]' "rc=$rc $(tail -3 "$T/daemon.log")"
check "SIGTERM: a running execution finishes within the grace period, its client answered" '[ "$(jq -r .outcome "$T/short.json")" = ok ] && [ "$(jq -r .stdout "$T/short.json")" = finished ]' "$(head -c 300 "$T/short.json")"
check "SIGTERM: the daemon said how long the grace period is" 'grep -q "have 8 s to finish" "$T/daemon.log"' "$(tail -3 "$T/daemon.log")"
c=$(find /sys/fs/cgroup -maxdepth 4 -type d -name "presize-*-$DPID_DONE-*" 2>/dev/null | wc -l)
check "SIGTERM: no presize cgroup left" '[ "$c" -eq 0 ]' "cgroups=$c"
check "SIGTERM: no sandboxed process left" '! pgrep -f presize-serve-test-marker >/dev/null' "$(pgrep -af presize-serve-test-marker)"

# ---- a full host: 429 with Retry-After; TTL expiry frees capacity and counts waste ----
# Its own daemon: a 2-CPU host whatever this machine has, the default tiers (low = 1 CPU each),
# a 1 s TTL.
cat >"$T/small.json" <<EOF
{"ttl": "1s", "retry_after": 2, "host_cpu": 2, "host_memory": "64Gi"}
EOF
if start_daemon "$T/daemon3.log" --db "$T/small.db" --config "$T/small.json" --model none; then
  DPID3=$DPID_NEW
  PORT=$PORT_NEW
  for i in 1 2; do
    req POST /v1/notifications "{\"id\": \"fill-$i\", \"language\": \"python\"}"
    [ "$code" = 202 ] || no "fill $i admitted" "code=$code $(cat "$T/body")"
  done
  req POST /v1/notifications '{"id": "fill-3", "language": "python"}'
  check "a full host (CPU) answers 429 with Retry-After" '[ "$code" = 429 ] && grep -qi "^Retry-After: 2" "$T/headers"'
  req POST /v1/executions '{"language": "python", "code": "print(1)"}'
  check "a cold execution on a full host: 429 too" '[ "$code" = 429 ]'
  # the pre-started interpreters waiting in this daemon's sandboxes (found by their cgroup)
  boxed() { local p c=0; for p in $(pgrep -f 'h = b.readline'); do grep -q -- "-$DPID3-" "/proc/$p/cgroup" 2>/dev/null && c=$((c + 1)); done; echo $c; }
  poll 150 '[ "$(boxed)" -ge 1 ]'
  w=$(boxed)
  check "the unclaimed warm sandboxes hold waiting interpreters" '[ "$w" -ge 1 ]' "waiting=$w"
  poll 300 'req GET /v1/sandboxes; [ "$(j ".sandboxes|length")" = 0 ]'
  check "TTL expiry destroys the unclaimed sandboxes" '[ "$(j ".sandboxes|length")" = 0 ] && [ "$(j ".capacity.used_cpu_millicores")" = 0 ]'
  w=$(boxed)
  c=$(find /sys/fs/cgroup -maxdepth 4 -type d -name "presize-*-$DPID3-*" 2>/dev/null | wc -l)
  check "TTL expiry: no waiting interpreter and no cgroup left" '[ "$w" -eq 0 ] && [ "$c" -eq 0 ]' "waiting=$w cgroups=$c"
  exp=$(metric presize_sandboxes_expired_total)
  rej=$(metric 'presize_notifications_total{result="rejected_full"}')
  check "metrics: expired sandboxes counted as waste, rejections counted" '[ "${exp:-0}" -ge 2 ] && [ "${rej:-0}" -ge 2 ]' "expired=$exp rejected=$rej"
  req POST /v1/notifications '{"id": "after-ttl", "language": "python"}'
  check "capacity is free again after the TTL" '[ "$code" = 202 ]'
  stop_daemon3 "small daemon"
else
  no "the small daemon starts" "$(cat "$T/daemon3.log")"
fi

# ---- priorities: a higher-priority admission evicts unclaimed lower-priority warm sandboxes ----
# Its own daemon: a 2-CPU host (python's plan: 1 CPU), a long TTL (nothing expires meanwhile).
cat >"$T/prio.json" <<EOF2
{"ttl": "300s", "host_cpu": 2, "host_memory": "64Gi"}
EOF2
if start_daemon "$T/daemon7.log" --db "$T/prio.db" --config "$T/prio.json" --model none; then
  DPID3=$DPID_NEW
  PORT=$PORT_NEW
  for i in 1 2; do
    req POST /v1/notifications "{\"id\": \"low-$i\", \"language\": \"python\"}"
    [ "$code" = 202 ] || no "priority: low $i admitted" "code=$code $(cat "$T/body")"
    [ "$i" = 1 ] && sb_low1=$(j .sandbox_id)
  done
  req POST /v1/notifications '{"id": "equal", "language": "python", "priority": 0}'
  check "priority: an equal priority on a full host still gets 429" '[ "$code" = 429 ]'
  ev=$(metric presize_sandboxes_evicted_total)
  check "priority: nothing evicted for an equal priority" '[ "$ev" = 0 ]' "evicted=$ev"
  req POST /v1/notifications '{"id": "high", "language": "python", "priority": 5}'
  check "priority: a higher priority on a full host is admitted" '[ "$code" = 202 ]'
  ev=$(metric presize_sandboxes_evicted_total)
  check "priority: one low sandbox evicted, counted" '[ "${ev:-0}" -ge 1 ]' "evicted=$ev"
  req GET /v1/sandboxes
  check "priority: the newest low one was evicted, the older kept" '[ "$(j "[.sandboxes[].notification_id] | sort | join(\",\")")" = "high,low-1" ]' "$(head -c 400 "$T/body")"
  req POST /v1/executions '{"notification_id": "low-2", "language": "python", "code": "print(1)"}'
  check "priority: claiming the evicted notification: 410 saying so" '[ "$code" = 410 ] && [ "$(j .field)" = notification_id ] && [[ "$(j .error)" == *evicted* ]]'
  # low-1 claimed and running: never evicted, even for a higher priority
  req POST /v1/executions '{"notification_id": "low-1", "language": "python", "code": "import time\ntime.sleep(60)", "timeout": "120s", "wait": false}'
  check "priority: low-1 claimed (running in the background)" '[ "$code" = 202 ]'
  xid=$(j .id)
  req POST /v1/notifications '{"id": "mid", "language": "python", "priority": 3}'
  check "priority: a claimed/running lower-priority sandbox is not evicted (429)" '[ "$code" = 429 ]'
  req GET "/v1/sandboxes/$sb_low1"
  check "priority: the claimed sandbox is still there" '[ "$code" = 200 ] && [[ "$(j .state)" =~ ^(claimed|running)$ ]]' "code=$code $(head -c 300 "$T/body")"
  # a cold execution with a priority evicts too (high is the only unclaimed one, priority 5)
  req POST /v1/executions '{"language": "python", "code": "print(7)", "priority": 9}'
  check "priority: a cold execution of a higher priority evicts and runs" '[ "$code" = 200 ] && [ "$(j .stdout)" = 7 ]' "code=$code $(head -c 300 "$T/body")"
  ev=$(metric presize_sandboxes_evicted_total)
  check "priority: the cold execution's eviction counted" '[ "${ev:-0}" -ge 2 ]' "evicted=$ev"
  req POST /v1/executions '{"notification_id": "high", "language": "python", "code": "print(1)"}'
  check "priority: high was evicted by the cold execution (410)" '[ "$code" = 410 ]'
  req DELETE "/v1/sandboxes/$sb_low1"
  poll 300 'req GET "/v1/executions/$xid"; [[ "$(j .state)" =~ ^(done|failed)$ ]]'
  stop_daemon3 "priority daemon"
else
  no "the priority daemon starts" "$(cat "$T/daemon7.log")"
fi

# ---- the policy governs the pool: warm_pool.size and .ttl, overcommit, classes ----
# Its own daemon: a 2-CPU host (python's plan: 1 CPU), a starting policy from --policy.
cat >"$T/pol.json" <<EOF2
{"warm_pool": {"size": 2, "ttl": "300s"}, "overcommit": 2,
 "classes": {"gold": {"priority": 10, "memory": {"max": "1Gi"}}, "batch": {"priority": -5}}}
EOF2
echo '{"warm_pool": {"size": -1}}' >"$T/badpol.json"
err=$("$P" serve --listen 127.0.0.1:0 --db "$T/pol.db" --policy "$T/badpol.json" --model none 2>&1); rc=$?
check "serve --policy with a bad field: exit 2 naming it" '[ $rc -eq 2 ] && [[ $err == *warm_pool.size* ]]' "rc=$rc $err"
cat >"$T/pol-config.json" <<EOF2
{"host_cpu": 2, "host_memory": "64Gi"}
EOF2
if start_daemon "$T/daemon8.log" --db "$T/pol.db" --config "$T/pol-config.json" --policy "$T/pol.json" --model none; then
  DPID3=$DPID_NEW
  PORT=$PORT_NEW
  req GET /v1/policy
  check "policy: --policy is the starting policy" '[ "$(j .warm_pool.size)" = 2 ] && [ "$(j .classes.gold.priority)" = 10 ] && [ "$(j .overcommit)" = 2 ]' "$(head -c 300 "$T/body")"
  req GET /v1/sandboxes
  check "policy: capacity is the host x the policy's overcommit" '[ "$(j .capacity.cpu_millicores)" = 4000 ]' "$(head -c 300 "$T/body")"
  req POST /v1/notifications '{"id": "w-1", "language": "python", "class": "batch"}'
  check "policy: a batch notification admitted" '[ "$code" = 202 ]'
  sid=$(j .sandbox_id)
  req POST /v1/notifications '{"id": "w-2", "language": "python"}'
  check "policy: a notification without class admitted" '[ "$code" = 202 ]'
  req POST /v1/notifications '{"id": "w-3", "language": "python", "class": "batch"}'
  check "policy: warm_pool.size 2 reached: 429 saying so (CPU is not full)" '[ "$code" = 429 ] && [[ "$(j .error)" == *warm_pool.size* ]]'
  req GET "/v1/sandboxes/$sid"
  check "policy: a notification's class gives its priority" '[ "$(j .class)" = batch ] && [ "$(j .priority)" = -5 ]'
  req POST /v1/notifications '{"id": "g-1", "language": "python", "class": "gold"}'
  check "policy: a gold notification (priority 10) evicts a batch one from the full warm pool" '[ "$code" = 202 ]'
  req POST /v1/notifications '{"id": "p-10", "language": "python", "priority": 10}'
  check "policy: a priority alone picks its class (and evicts the other batch one)" '[ "$code" = 202 ]'
  req GET /v1/sandboxes
  check "policy: the sandboxes of priority 10 are in class gold" '[ "$(j "[.sandboxes[] | select(.priority == 10) | .class] | unique | join(\",\")")" = gold ]' "$(head -c 500 "$T/body")"
  bad "an unknown class" 400 class POST /v1/notifications '{"language": "python", "class": "platinum"}'
  bad "an execution's unknown class" 400 class POST /v1/executions '{"language": "python", "code": "print(1)", "class": "platinum"}'
  req POST /v1/executions '{"notification_id": "g-1", "language": "python", "code": "print(1)"}'
  check "policy: an execution runs in its notification's class" '[ "$code" = 200 ] && [ "$(j .class)" = gold ]' "code=$code $(head -c 300 "$T/body")"
  req PUT /v1/policy '{"warm_pool": {"size": 8, "ttl": "1s"}}'
  check "policy: a PUT is read over the starting policy (classes kept, overcommit kept)" '[ "$code" = 200 ] && [ "$(j .classes.gold.priority)" = 10 ] && [ "$(j .overcommit)" = 2 ] && [ "$(j .warm_pool.ttl)" = 1s ]' "$(head -c 300 "$T/body")"
  req POST /v1/notifications '{"id": "short-ttl", "language": "python"}'
  check "policy: admitted after the PUT" '[ "$code" = 202 ]'
  sid=$(j .sandbox_id)
  poll 300 'req GET /v1/sandboxes/$sid; [ "$code" = 404 ]'
  check "policy: the PUT's warm_pool.ttl (1s) expires the new warm sandbox" '[ "$code" = 404 ]'
  req PUT /v1/policy '{"overcommit": 1}'
  req GET /v1/sandboxes
  check "policy: a PUT of overcommit changes the capacity" '[ "$(j .capacity.cpu_millicores)" = 2000 ]' "$(head -c 300 "$T/body")"
  stop_daemon3 "policy daemon"
else
  no "the policy daemon starts" "$(cat "$T/daemon8.log")"
fi

# ---- a raise the host has no room for: not applied, recorded with "applied": false ----
# 160 MiB of host memory: a warm sandbox holds 48 MiB, the ramp starts at 48 MiB and cannot grow
# past the 112 MiB left, whatever the policy says. Without pre-started runtimes ("prestart": false).
cat >"$T/full.json" <<EOF
{"host_cpu": 2, "host_memory": "160Mi", "prestart": false}
EOF
if start_daemon "$T/daemon6.log" --db "$T/full.db" --config "$T/full.json" --model none; then
  DPID3=$DPID_NEW
  PORT=$PORT_NEW
  req PUT /v1/profiles '{"tiers": [{"name": "tiny", "cpu_millicores": 500, "memory_bytes": "8Mi", "net_rate_bps": 0}]}'
  req POST /v1/notifications '{"id": "hold", "language": "python"}'
  check "full host: a warm sandbox holds 48 MiB" '[ "$code" = 202 ] && [ "$(j .allocation.memory_bytes)" = 50331648 ]'
  req POST /v1/executions "@$T/ramp-wait.json"
  check "full host: a raise without room is recorded, not applied, saying the host is full" '[ "$code" = 200 ] && [ "$(j "[.adjustments[] | select(.resource == \"memory\" and .applied == false and (.reason | test(\"host is full\")))] | length > 0")" = true ]' "code=$code $(j '{outcome, adjustments}' | head -c 800)"
  check "full host: the allocation never passed the room left" '[ "$(j "[.allocation_timeline[].memory_bytes] | max <= 117440512")" = true ]'
  req GET /v1/sandboxes
  check "full host: the pool's accounting is back to the warm sandbox alone" '[ "$(j .capacity.used_memory_bytes)" = 50331648 ]' "$(head -c 400 "$T/body")"
  poll 150 'req GET /v1/sandboxes; [ "$(j ".sandboxes[0].state")" = ready ]'
  check "prestart false: a warm sandbox without a runtime" '[ "$(j ".sandboxes[0].runtime")" = none ]'
  req POST /v1/executions '{"notification_id": "hold", "language": "python", "args": ["x"], "stdin": "y", "code": "import sys\nprint(sys.argv[1], sys.stdin.read())"}'
  check "prestart false: the execution says runtime warm" '[ "$code" = 200 ] && [ "$(j .runtime)" = warm ] && [ "$(j .stdout)" = "x y" ]'
  stop_daemon3 "full-host daemon"
else
  no "the full-host daemon starts" "$(cat "$T/daemon6.log")"
fi

# ---- feedback: served runs stored with features, online calibration, retraining ----
# Its own daemon and store, the shipped model; calibration after 3 executions, retraining from 20.
cat >"$T/fb.json" <<EOF2
{"calibration_min": 3, "calibration_window": 10, "retrain_min": 20, "host_cpu": 16, "host_memory": "64Gi"}
EOF2
DATA=$(cd "$(dirname "$0")/../../data" && pwd)/runs.jsonl
if start_daemon "$T/daemon9.log" --db "$T/fb.db" --config "$T/fb.json"; then
  DPID3=$DPID_NEW
  PORT=$PORT_NEW
  req GET /v1/model
  check "model: the shipped model serves, calibration not active yet, no retraining" '[ "$code" = 200 ] && [[ "$(j .model)" == *default.json ]] && [ "$(j .calibration.active)" = false ] && [ "$(j .retrain.state)" = idle ]' "$(head -c 400 "$T/body")"
  req POST /v1/model/retrain '{"frob": 1}'
  check "retrain: an unknown field is refused" '[ "$code" = 400 ] && [ "$(j .field)" = frob ]'
  req POST /v1/model/retrain
  check "retrain: accepted (202, training)" '[ "$code" = 202 ] && [ "$(j .state)" = training ]' "code=$code $(head -c 300 "$T/body")"
  poll 300 'req GET /v1/model; [ "$(j .retrain.state)" != training ]'
  check "retrain on an empty store: failed, saying how many runs it needs" '[ "$(j .retrain.state)" = failed ] && [[ "$(j .retrain.error)" == *"at least 20"* ]] && [[ "$(j .model)" == *default.json ]]' "$(head -c 400 "$T/body")"
  for i in 1 2 3; do
    req POST /v1/executions "{\"language\": \"python\", \"code\": \"import sys\\nx = bytearray(24 << 20)\\nprint(len(x) + $i)\\n\"}"
    [ "$code" = 200 ] && [ "$(j .outcome)" = ok ] || no "feedback: execution $i" "code=$code $(head -c 300 "$T/body")"
    [ "$i" = 1 ] && b1=$(j .prediction.bounds)
  done
  check "feedback: before enough runs, the bounds are the model's" '[ "$b1" = model ]' "bounds=$b1"
  req GET /v1/model
  q=$(j '.calibration.q.peak_memory_bytes')
  check "feedback: after 3 runs the online calibration is active" '[ "$(j .calibration.active)" = true ] && [ "$(j .calibration.runs)" = 3 ] && [ "$q" != null ]' "$(head -c 400 "$T/body")"
  req POST /v1/notifications '{"language": "python", "code": "x = bytearray(24 << 20)\nprint(len(x))\n"}'
  check "feedback: a new plan's bounds come from the online calibration" '[ "$code" = 202 ] && [ "$(j .bounds)" = online ]' "code=$code $(head -c 300 "$T/body")"
  ok_q=$(jq -r --argjson q "$q" '.demand.memory_bytes as $d | (($d.point + 1) | log) + $q | exp - 1 | [., $d.point] | max | (. - $d.upper) | fabs < ($d.upper * 1e-6 + 2)' "$T/body")
  check "feedback: memory upper = max(point, point x exp(q)) with the window's quantile" '[ "$ok_q" = true ]' "q=$q $(j .demand.memory_bytes)"
  e=$(metric 'presize_prediction_error_log_count{target="peak_memory_bytes"}')
  o=$(metric presize_bounds_online_total)
  check "metrics: prediction error observed, online bounds counted" '[ "${e:-0}" -ge 3 ] && [ "${o:-0}" -ge 1 ]' "error_count=$e online=$o"
  nf=$("$P" runs export --format jsonl --db "$T/fb.db" | jq -s '[.[] | select(.source == "serve") | (.features | length)] | min')
  check "feedback: served runs are stored with the analyser's features" '[ "${nf:-0}" -gt 10 ]' "features=$nf"
  head -n 60 "$DATA" >"$T/some-runs.jsonl"
  "$P" runs import "$T/some-runs.jsonl" --db "$T/fb.db" >/dev/null 2>&1
  check "feedback: profiled runs imported into the live store" '[ $? -eq 0 ]' ""
  req POST /v1/model/retrain '{}'
  check "retrain: accepted again" '[ "$code" = 202 ]' "code=$code $(head -c 300 "$T/body")"
  req POST /v1/model/retrain
  check "retrain: a second one while it runs: 409" '[ "$code" = 409 ]' "code=$code"
  poll 900 'req GET /v1/model; [ "$(j .retrain.state)" != training ]'
  check "retrain: done, the new model serves and is kept in the store" '[ "$(j .retrain.state)" = done ] && [[ "$(j .model)" == store:presize-* ]] && [ "$(j .retrain.result.runs)" -ge 60 ]' "$(head -c 600 "$T/body")"
  check "retrain: the calibration window starts afresh" '[ "$(j .calibration.runs)" = 0 ] && [ "$(j .calibration.active)" = false ]' "$(head -c 400 "$T/body")"
  req POST /v1/notifications '{"language": "python", "algorithm": "sorting"}'
  check "retrain: plans come from the new model" '[ "$code" = 202 ] && [ "$(j .mode)" = metadata ] && [ "$(j .bounds)" = model ]' "code=$code $(head -c 300 "$T/body")"
  r=$(metric 'presize_retrains_total{result="done"}')
  check "metrics: retrainings counted" '[ "$r" = 1 ]' "done=$r"
  kill -TERM "$DPID3"
  rc=0
  wait "$DPID3" || rc=$?
  DPID3=""
  n_models=$(sqlite3 "$T/fb.db" 'SELECT count(*) FROM models' 2>/dev/null || echo "?")
  check "feedback daemon: SIGTERM exit 0; the model is in the store" '[ $rc -eq 0 ] && [ "$n_models" = 1 ]' "rc=$rc models=$n_models"
else
  no "the feedback daemon starts" "$(cat "$T/daemon9.log")"
fi

# ---- the network: only with --config allow_net, shaped at the allocation's rate ----
BLOB="$(dirname "$P")/bench/blobserver"
NETPORT=47391
cat >"$T/net.json" <<EOF2
{"allow_net": ["10.213.0.1:$NETPORT"], "host_cpu": 8, "host_memory": "64Gi"}
EOF2
DL='import os, socket, sys, time
t = time.monotonic()
try:
    s = socket.create_connection((os.environ.get("PRESIZE_HOST_ADDR", "10.213.0.1"), int(sys.argv[1])), timeout=5)
except OSError as e:
    print("unreachable", type(e).__name__)
    sys.exit(0)
n = 0
while chunk := s.recv(1 << 16):
    n += len(chunk)
print(n, round(time.monotonic() - t, 2))'
if [ -x "$BLOB" ] && start_daemon "$T/daemon10.log" --db "$T/net.db" --config "$T/net.json" --model none; then
  DPID3=$DPID_NEW
  PORT=$PORT_NEW
  "$BLOB" 10.213.0.1 $NETPORT 2000000 --count 2 >"$T/blob.log" 2>&1 &
  BPID=$!
  req PUT /v1/policy '{"net": {"max": "10Mbit"}}'
  req POST /v1/notifications '{"id": "net-1", "language": "python", "network": true}'
  check "network: a notification asking for it gets a shaped network (the tier's 10Mbit)" '[ "$code" = 202 ] && [ "$(j .allocation.net_rate_bps)" = 10000000 ]' "code=$code $(head -c 300 "$T/body")"
  jq -n --arg c "$DL" --arg p "$NETPORT" '{notification_id: "net-1", language: "python", code: $c, args: [$p]}' >"$T/dl.json"
  req POST /v1/executions "@$T/dl.json"
  check "network: the served code downloads from an allowed address, every byte counted" '[ "$code" = 200 ] && [ "$(j .stdout | cut -d" " -f1)" = 2000000 ] && [ "$(j ".usage.net_rx_bytes >= 2000000")" = true ]' "code=$code $(j '{stdout, stderr, usage: .usage.net_rx_bytes}' | head -c 400)"
  check "network: shaped (policy net.max 10Mbit: no raise): 2 MB cannot take under a second" '[ "$(j ".usage.wall_seconds >= 1.0")" = true ] && [ "$(j "[.adjustments[] | select(.resource == \"net\")] | length")" = 0 ]' "$(j '{wall: .usage.wall_seconds, adjustments}' | head -c 400)"
  req PUT /v1/policy '{}'
  req POST /v1/notifications '{"id": "net-2", "language": "python", "network": true}'
  jq -n --arg c "$DL" --arg p "$NETPORT" '{notification_id: "net-2", language: "python", code: $c, args: [$p]}' >"$T/dl.json"
  req POST /v1/executions "@$T/dl.json"
  check "network: under the default policy the control loop raises the rate of a download at its limit" '[ "$code" = 200 ] && [ "$(j .stdout | cut -d" " -f1)" = 2000000 ] && [ "$(j "[.adjustments[] | select(.resource == \"net\" and .applied and .to > .from)] | length > 0")" = true ]' "code=$code $(j '{stdout, adjustments}' | head -c 500)"
  kill "$BPID" 2>/dev/null; wait "$BPID" 2>/dev/null
  jq -n --arg c "$DL" --arg p "$NETPORT" '{language: "python", code: $c, args: [$p]}' >"$T/dl2.json"
  req POST /v1/executions "@$T/dl2.json"
  check "network: an execution that did not ask (and is not predicted to need it) reaches nothing" '[ "$code" = 200 ] && [[ "$(j .stdout)" == unreachable* ]] && [ "$(j .prediction.allocation.net_rate_bps)" = 0 ]' "code=$code $(j '{stdout, stderr}' | head -c 300)"
  kill -TERM "$DPID3"
  rc=0
  wait "$DPID3" || rc=$?
  v=$(ip -o link show 2>/dev/null | grep -c "alias presize:$DPID3:" || true)
  c=$(find /sys/fs/cgroup -maxdepth 4 -type d -name "presize-*-$DPID3-*" 2>/dev/null | wc -l)
  DPID3=""
  check "network daemon: SIGTERM exit 0, no cgroup and no veth left" '[ $rc -eq 0 ] && [ "$c" -eq 0 ] && [ "$v" -eq 0 ]' "rc=$rc cgroups=$c veths=$v"
else
  no "the network daemon starts" "$(cat "$T/daemon10.log")"
fi

# ---- SIGKILL, then a restart: the leftovers are removed, the store is intact ----
if start_daemon "$T/daemon4.log" --db "$T/presize.db" --model none; then
  DPID4=$DPID_NEW
  PORT=$PORT_NEW
  req POST /v1/notifications '{"id": "killed", "language": "python"}'
  SB=$(j .sandbox_id)
  poll 150 'req GET /v1/sandboxes/$SB; [ "$(j .state)" = ready ]'
  kill -KILL "$DPID4"
  wait "$DPID4" 2>/dev/null
  before=$(find /sys/fs/cgroup -maxdepth 4 -type d -name "presize-*-$DPID4-*" 2>/dev/null | wc -l)
  runs0=$("$P" runs export --format jsonl --db "$T/presize.db" 2>/dev/null | wc -l)
  if start_daemon "$T/daemon5.log" --db "$T/presize.db" --model none; then
    DPID=$DPID_NEW
    PORT=$PORT_NEW
    after=$(find /sys/fs/cgroup -maxdepth 4 -type d -name "presize-*-$DPID4-*" 2>/dev/null | wc -l)
    runs1=$("$P" runs export --format jsonl --db "$T/presize.db" 2>/dev/null | wc -l)
    check "after SIGKILL and a restart: leftover cgroups removed, store intact" '[ "$after" -eq 0 ] && [ "$runs1" -eq "$runs0" ] && [ "$runs0" -ge 6 ]' "before=$before after=$after runs=$runs0/$runs1"
    kill -TERM "$DPID"
    wait "$DPID"
    DPID=""
  else
    no "restart after SIGKILL" "$(cat "$T/daemon5.log")"
  fi
else
  no "the daemon to SIGKILL starts" "$(cat "$T/daemon4.log")"
fi

# ---- a token ----
head -c 24 /dev/urandom | base64 >"$T/token"
if start_daemon "$T/daemon2.log" --db "$T/presize.db" --token-file "$T/token" --model none; then
  DPID2=$DPID_NEW
  PORT=$PORT_NEW
  req GET /healthz
  check "token: no Authorization is 401" '[ "$code" = 401 ] && [ "$(j ".field")" = Authorization ]'
  AUTH=(-H "Authorization: Bearer wrong-token-wrong-token")
  req GET /v1/sandboxes
  check "token: a wrong token is 401" '[ "$code" = 401 ]'
  AUTH=(-H "Authorization: Bearer $(cat "$T/token")")
  req GET /v1/sandboxes
  check "token: the right token is 200" '[ "$code" = 200 ]'
  req POST /v1/notifications '{"language": "python"}'
  check "token: a notification with the token" '[ "$code" = 202 ]'
  kill -TERM "$DPID2"
  rc=0
  wait "$DPID2" || rc=$?
  c=$(find /sys/fs/cgroup -maxdepth 4 -type d -name "presize-*-$DPID2-*" 2>/dev/null | wc -l)
  DPID2=""
  check "token daemon: SIGTERM exit 0, nothing left" '[ $rc -eq 0 ] && [ "$c" -eq 0 ]' "rc=$rc c=$c"
else
  no "the token daemon starts" "$(cat "$T/daemon2.log")"
fi

echo "1..$n"
[ $fails -eq 0 ]
