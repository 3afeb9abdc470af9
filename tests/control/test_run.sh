#!/usr/bin/env bash
# presize run end to end (root, real sandbox): a program that outgrows its prediction is raised
# and finishes, while the same program with --no-adjust is OOM-killed; an idle program is scaled
# down; a C program is compiled and run; bad usage exits 2 with one line; the --json keys; nothing
# left behind. TAP output. $PRESIZE is the presize binary, $PRESIZE_SOURCE the source tree.
set -u
P=${PRESIZE:?}
SRC=${PRESIZE_SOURCE:-$(cd "$(dirname "$0")/../.." && pwd)}
T=$(mktemp -d /tmp/presize-run-test-XXXXXX)
trap 'rm -rf "$T"' EXIT
export PRESIZE_DB=$T/presize.db
n=0
fails=0
ok() { n=$((n + 1)); echo "ok $n - $1"; }
no() { n=$((n + 1)); fails=$((fails + 1)); echo "not ok $n - $1"; [ -n "${2:-}" ] && printf '%s\n' "$2" | head -8 | sed 's/^/# /'; }
# presize-* cgroups whose owner is gone (a concurrent presize elsewhere has live ones;
# run makes no veth: loopback only).
leftovers() {
  local c=0 d pid
  for d in $(find /sys/fs/cgroup -maxdepth 5 -type d -name 'presize-*' 2>/dev/null); do
    pid=${d##*/}; pid=${pid%-*}; pid=${pid##*-} # presize-<id>-<pid>-<starttime>
    kill -0 "$pid" 2>/dev/null || c=$((c + 1))
  done
  echo $c
}

# 1. Bad usage: exit 2, exactly one line naming the problem (cli_usage_error adds the usage
# text after a blank line: the first line is checked).
bad() { # name, expected-substring, args...
  local name=$1 want=$2; shift 2
  local err rc
  err=$("$P" run "$@" 2>&1 >/dev/null); rc=$?
  if [ $rc -eq 2 ] && [[ $(printf '%s\n' "$err" | head -1) == *"$want"* ]]; then
    ok "bad usage: $name"
  else
    no "bad usage: $name" "rc=$rc err=$err"
  fi
}
printf 'print("hi")\n' > "$T/hi.py"
printf '{"memory": {"max": "2Gx"}}\n' > "$T/badunit.json"
printf '{"cpu": {"min": "1"}, "colldown": "1s"}\n' > "$T/unknown.json"
printf '{"cpu": {"min": "4", "max": "2"}}\n' > "$T/minmax.json"
printf 'not json\n' > "$T/notjson.json"
printf 'x\n' > "$T/prog.rb"
bad "no FILE" "missing FILE" 
bad "unknown option" "unknown option" --frob "$T/hi.py"
bad "bad timeout" "--timeout" --timeout soon "$T/hi.py"
bad "args without --" "arguments for the code go after --" "$T/hi.py" extra
bad "unknown extension" "cannot tell the language" "$T/prog.rb"
bad "unknown language" "--lang 'ruby'" --lang ruby "$T/prog.rb"
bad "missing file" "cannot read $T/none.py" "$T/none.py"
bad "policy: bad unit" "memory.max: '2Gx'" --policy "$T/badunit.json" "$T/hi.py"
bad "policy: unknown field" "colldown: unknown field" --policy "$T/unknown.json" "$T/hi.py"
bad "policy: min above max" "cpu.min: above cpu.max" --policy "$T/minmax.json" "$T/hi.py"
bad "policy: not JSON" "--policy $T/notjson.json" --policy "$T/notjson.json" "$T/hi.py"
out=$("$P" run --help 2>&1); rc=$?
if [ $rc -eq 0 ] && [[ $out == *"usage: presize run"* ]] && [[ $out == *"--no-adjust"* ]]; then
  ok "--help"
else
  no "--help" "rc=$rc"
fi

if [ "$(id -u)" -ne 0 ]; then
  echo "1..$n # the rest needs root"
  exit $((fails > 0))
fi

# The model: $PRESIZE_TEST_MODEL, else the shipped one when this presize can use it, else one
# trained here on synthetic runs.
MODEL=()
if [ -n "${PRESIZE_TEST_MODEL:-}" ]; then
  MODEL=(--model "$PRESIZE_TEST_MODEL")
elif ! "$P" predict --model "$SRC/models/default.json" --lang python > /dev/null 2>&1; then
  python3 "$SRC/tests/predict/gen_synth.py" 24 > "$T/runs.jsonl" &&
    "$P" train --from "$T/runs.jsonl" --out "$T/model.json" --rounds 40 > /dev/null 2>&1
  if [ -f "$T/model.json" ]; then ok "a model to predict with (synthetic)"; else no "train a model"; fi
  MODEL=(--model "$T/model.json")
fi

# 2. A program that outgrows its prediction: 10 MiB every 50 ms up to 400 MiB.
cat > "$T/grow.py" <<'PY'
import time
chunks = []
for i in range(40):
    chunks.append(b"\x01" * (10 << 20))
    time.sleep(0.05)
print(len(chunks) * 10, "MiB")
PY
"$P" run --json "${MODEL[@]}" --timeout 60s "$T/grow.py" > "$T/adj.json" 2> "$T/adj.err"; rc=$?
"$P" run --json --no-adjust "${MODEL[@]}" --timeout 60s "$T/grow.py" > "$T/fixed.json" 2> "$T/fixed.err"; rc2=$?
check_json() { # name, file, python assertions on j
  local name=$1 file=$2 code=$3 msg
  if msg=$(python3 - "$file" "$code" 2>&1 <<'PY'
import json, sys
j = json.load(open(sys.argv[1]))
exec(sys.argv[2])
PY
  ); then ok "$name"; else no "$name" "$msg"; fi
}
if [ $rc -eq 0 ] && [ $rc2 -eq 0 ]; then ok "run exits 0 with and without the control loop"; else no "run exits 0" "rc=$rc rc2=$rc2 $(tail -3 "$T/adj.err") $(tail -3 "$T/fixed.err")"; fi
check_json "--json: the documented keys" "$T/adj.json" '
for k in ("usage", "prediction", "allocation_timeline", "adjustments", "policy"):
    assert k in j, k
for k in ("exit_code", "signal", "oom_killed", "timed_out", "peak_memory_bytes", "limits"):
    assert k in j["usage"], k
for k in ("tier", "complexity_score", "demand", "allocation"):
    assert k in j["prediction"], k
for a in j["adjustments"]:
    for k in ("at_ms", "resource", "from", "to", "reason"):
        assert k in a, k
    assert a["reason"], a
for p in j["allocation_timeline"]:
    for k in ("at_ms", "cpu_millicores", "memory_bytes"):
        assert k in p, k
'
check_json "the prediction is well under what the program uses" "$T/adj.json" '
a = j["allocation_timeline"][0]["memory_bytes"]
assert a < 200 << 20, "initial memory %d: the test needs a prediction below 200Mi" % a
'
check_json "with the control loop: raised, no OOM kill, exit 0" "$T/adj.json" '
u = j["usage"]
assert not u["oom_killed"] and u["exit_code"] == 0 and u["signal"] == 0, u
assert u["peak_memory_bytes"] > 400e6, u["peak_memory_bytes"]
tl = j["allocation_timeline"]
assert len(tl) >= 2 and tl[-1]["memory_bytes"] > tl[0]["memory_bytes"], tl
mem = [a for a in j["adjustments"] if a["resource"] == "memory"]
assert mem and all(a["to"] > a["from"] for a in mem), mem
assert u["limits"]["memory_bytes"] == tl[-1]["memory_bytes"], (u["limits"], tl[-1])
'
check_json "with --no-adjust: OOM-killed, no adjustment" "$T/fixed.json" '
u = j["usage"]
assert u["oom_killed"], u
assert j["adjustments"] == [] and len(j["allocation_timeline"]) == 1, j["adjustments"]
'
if grep -q "400 MiB" "$T/adj.err"; then ok "the program's stdout goes to stderr with --json"; else no "stdout to stderr" "$(head -3 "$T/adj.err")"; fi

# 3. A mostly idle program is scaled down (a short window and cooldown to keep the test short).
printf 'import time\ntime.sleep(3)\n' > "$T/idle.py"
printf '{"scale_down": {"window": "1s"}, "cooldown": "1s"}\n' > "$T/fast.json"
"$P" run --json "${MODEL[@]}" --policy "$T/fast.json" --timeout 30s "$T/idle.py" > "$T/idle.json" 2> "$T/idle.err"; rc=$?
check_json "an idle program is scaled down" "$T/idle.json" '
down = [a for a in j["adjustments"] if a["to"] < a["from"]]
assert down, j["adjustments"]
assert all(a["reason"].startswith("scale-down:") for a in down), down
assert j["usage"]["exit_code"] == 0, j["usage"]
'

# 4. The table, and a C program compiled on the host.
cat > "$T/hello.c" <<'C'
#include <stdio.h>
int main(int argc, char **argv) { printf("hello %s\n", argc > 1 ? argv[1] : "nobody"); return 0; }
C
out=$("$P" run "${MODEL[@]}" --timeout 30s "$T/hello.c" -- world 2> "$T/c.err"); rc=$?
if [ $rc -eq 0 ] && [ "$out" = "hello world" ] && grep -q "predicted" "$T/c.err" &&
   grep -q "outcome: exit code 0" "$T/c.err"; then
  ok "C: compiled, run with its arguments, table on stderr"
else
  no "C: compiled and run" "rc=$rc out=$out $(cat "$T/c.err")"
fi
printf 'int main(void) { return syntax error; }\n' > "$T/broken.c"
"$P" run "${MODEL[@]}" "$T/broken.c" > /dev/null 2> "$T/broken.err"; rc=$?
if [ $rc -eq 1 ] && grep -q "gcc failed" "$T/broken.err"; then ok "C: a compile error exits 1 and says so"; else no "C: compile error" "rc=$rc $(cat "$T/broken.err")"; fi

# 5. Nothing left behind.
left=$(leftovers)
if [ "$left" -eq 0 ]; then ok "no presize-* cgroup left"; else no "leftovers: $left"; fi

echo "1..$n"
exit $((fails > 0))
