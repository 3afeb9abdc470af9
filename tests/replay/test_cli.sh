#!/usr/bin/env bash
# presize replay end to end on hand-made traces (tests/replay/fixtures): bad usage and bad input
# exit 2 with one line naming the problem; malformed rows are reported with their line numbers,
# skipped and counted; both Azure layouts and presize's runs (.jsonl and a store .db) are read;
# the --json keys are exactly the documented ones; the constant workload's numbers are the
# hand-computed ones; the same seed gives the same result; --report writes the page. TAP output.
# $PRESIZE is the presize binary, $FIXTURES the fixtures directory, $PRESIZE_SOURCE the tree.
set -u
P=${PRESIZE:?}
F=${FIXTURES:?}
SRC=${PRESIZE_SOURCE:-$(cd "$(dirname "$0")/../.." && pwd)}
T=$(mktemp -d /tmp/presize-replay-test-XXXXXX)
trap 'rm -rf "$T"' EXIT
n=0
fails=0
ok() { n=$((n + 1)); echo "ok $n - $1"; }
no() { n=$((n + 1)); fails=$((fails + 1)); echo "not ok $n - $1"; [ -n "${2:-}" ] && printf '%s\n' "$2" | head -8 | sed 's/^/# /'; }
py() { python3 -c "$@"; }

# 1. Bad usage and unusable input: exit 2, the first line names the problem.
bad() { # name, expected-substring, args...
  local name=$1 want=$2; shift 2
  local err rc
  err=$("$P" replay "$@" 2>&1 >/dev/null); rc=$?
  if [ $rc -eq 2 ] && [[ $(printf '%s\n' "$err" | head -1) == *"$want"* ]]; then
    ok "bad usage: $name"
  else
    no "bad usage: $name" "rc=$rc err=$err"
  fi
}
mkdir -p "$T/nothing"
printf 'a,b,c\n1,2,3\n' > "$T/notrace_inv.csv"
printf 'a,b\n' > "$T/notrace_run.csv"
bad "no trace" "give a --trace or --synthetic N"
bad "unknown option" "unknown option" --frob
bad "unknown format" "unknown --format" --format csv --trace "$F/const"
bad "unknown policy" "--policies takes a list" --policies static,magic --synthetic 10
bad "empty policy list" "--policies takes a list" --policies , --synthetic 10
bad "both sources" "exclude each other" --trace "$F/const" --synthetic 10
bad "synthetic zero" "--synthetic takes a count" --synthetic 0
bad "synthetic not a number" "--synthetic takes a count" --synthetic many
bad "zero hosts" "--hosts takes a count" --hosts 0 --synthetic 10
bad "absurd hosts" "--hosts takes a count" --hosts 99999999999 --synthetic 10
bad "zero host cpus" "--host-cpus must be from 1 to 4096" --host-cpus 0 --synthetic 10
bad "absurd host cpus" "--host-cpus must be from 1 to 4096" --host-cpus 1000000 --synthetic 10
bad "host cpus unit" "--host-cpus is not a CPU quantity" --host-cpus 16x --synthetic 10
bad "tiny host memory" "--host-memory must be from 256Mi to 64Ti" --host-memory 1Ki --synthetic 10
bad "host memory unit" "--host-memory is not a size" --host-memory 2Gx --synthetic 10
bad "bad duration" "not a duration" --keepalive soon --synthetic 10
bad "bad seed" "--seed takes" --seed -3 --synthetic 10
bad "missing trace" "cannot read $T/none" --trace "$T/none"
bad "directory without a trace" "no Azure 2019 trace here" --trace "$T/nothing"
bad "not an invocations file" "not a durations file" --trace "$T/notrace_inv.csv"
bad "empty trace" "empty trace" --trace "$F/empty"
bad "runs: missing file" "cannot read" --format runs --trace "$T/none.jsonl"
printf 'not json\n' > "$T/junk.jsonl"
err=$("$P" replay --trace "$T/junk.jsonl" 2>&1 >/dev/null); rc=$?
# the malformed line is reported first, then the reason it cannot replay
if [ $rc -eq 2 ] && [[ $(printf '%s\n' "$err" | head -1) == *"junk.jsonl:1: not a JSON object"* ]] &&
   [[ $(printf '%s\n' "$err" | tail -1) == *"empty trace"* ]]; then
  ok "bad usage: runs with nothing usable"
else
  no "bad usage: runs with nothing usable" "rc=$rc err=$err"
fi

out=$("$P" replay --help 2>&1); rc=$?
if [ $rc -eq 0 ] && [[ $out == *"usage: presize replay"* ]] && [[ $out == *"--host-memory"* ]]; then
  ok "--help"
else
  no "--help" "rc=$rc"
fi

# 2. Malformed rows: reported with file and line, skipped, counted; the rest replays.
err=$("$P" replay --trace "$F/bad" 2>&1 >"$T/bad.out"); rc=$?
if [ $rc -eq 0 ] && [[ $err == *"bad_inv.csv:3: column minute_10: 'x' is not a count"* ]] &&
   [[ $err == *"bad_inv.csv:4: 5 fields, the header has 13"* ]] &&
   [[ $err == *"bad_inv.csv:5: column minute_10: '-1' is not a count"* ]] &&
   [[ $err == *"bad_run.csv:7: percentile_Average_1: 'sixty'"* ]] &&
   [[ $err == *"4 malformed rows skipped"* ]] &&
   grep -q "2 functions, 13 invocations" "$T/bad.out" &&
   grep -q "4 malformed rows skipped, 1 invoked functions without a duration row" "$T/bad.out"; then
  ok "malformed rows reported with line numbers, skipped and counted"
else
  no "malformed rows" "rc=$rc err=$err $(cat "$T/bad.out")"
fi

# 3. --json: exactly the documented keys.
"$P" replay --trace "$F/const" --json > "$T/const.json" 2>"$T/const.err"; rc=$?
keys=$(py 'import json,sys
d=json.load(open(sys.argv[1]))
print(",".join(sorted(d)))
print(",".join(p["policy"] for p in d["policies"]))
print(",".join(sorted(d["policies"][0])))' "$T/const.json" 2>&1)
want='invocations,policies,seconds
static,vpa,presize,oracle
adjustments,allocated_core_seconds,allocated_gib_seconds,cold_starts,cpu_slack_core_seconds,hosts,memory_slack_gib_seconds,oom_kills,policy,throttled_seconds,used_core_seconds,used_gib_seconds'
if [ $rc -eq 0 ] && [ "$keys" = "$want" ]; then
  ok "--json keys"
else
  no "--json keys" "rc=$rc $keys $(cat "$T/const.err")"
fi

# 4. The constant workload by hand (one function, 1 run a minute for 10 minutes, 1 s, 100 MiB,
# 1 core, no keep-alive): used memory 10 x 100 MiB x (1 - 0.5/4) s = 875/1024 GiB-s; static
# (1 CPU, 2Gi): 20 GiB-s allocated, slack 20 - 875/1024; oracle slack 0; 10 cold starts.
"$P" replay --trace "$F/const" --cpu-demand 1 --keepalive 0 --json > "$T/hand.json"; rc=$?
res=$(py 'import json,sys
d=json.load(open(sys.argv[1]))
p={x["policy"]: x for x in d["policies"]}
s, o = p["static"], p["oracle"]
ok = (d["invocations"] == 10 and abs(s["memory_slack_gib_seconds"] - (20 - 875/1024)) < 1e-6
      and abs(s["allocated_gib_seconds"] - 20) < 1e-6 and abs(s["cpu_slack_core_seconds"]) < 1e-6
      and abs(o["memory_slack_gib_seconds"]) < 1e-9 and abs(o["cpu_slack_core_seconds"]) < 1e-9
      and s["cold_starts"] == 10 and p["presize"]["cold_starts"] == 0
      and all(x["oom_kills"] == 0 for x in d["policies"]))
print("yes" if ok else json.dumps(d))' "$T/hand.json" 2>&1)
if [ $rc -eq 0 ] && [ "$res" = yes ]; then
  ok "constant workload: static slack exact, oracle slack 0"
else
  no "constant workload" "rc=$rc $res"
fi

# 5. The original Azure layout: Trigger column, per-day files (two days), memory per app joined
# by HashApp; a function without a duration row skipped, one without a memory row counted.
"$P" replay --trace "$F/orig" > "$T/orig.out" 2>&1; rc=$?
if [ $rc -eq 0 ] && grep -q "3 functions, 15 invocations over 2880 minutes" "$T/orig.out" &&
   grep -q "1 invoked functions without a duration row skipped, 1 without a memory row" "$T/orig.out"; then
  ok "original layout (Trigger column, two days, memory per app)"
else
  no "original layout" "rc=$rc $(cat "$T/orig.out")"
fi
"$P" replay --trace "$F/orig/invocations_per_function_md.anon.d01.csv" --json > "$T/d01.json" 2>&1; rc=$?
if [ $rc -eq 0 ] && [ "$(py 'import json,sys; print(json.load(open(sys.argv[1]))["invocations"])' "$T/d01.json")" = 12 ]; then
  ok "one day's invocations file, siblings found by name"
else
  no "one day's file" "rc=$rc $(cat "$T/d01.json")"
fi
"$P" replay --trace "$F/const/const_inv.csv" --json > "$T/c.json" 2>&1; rc=$?
if [ $rc -eq 0 ] && [ "$(py 'import json,sys; print(json.load(open(sys.argv[1]))["invocations"])' "$T/c.json")" = 10 ]; then
  ok "sample layout given by its invocations file"
else
  no "sample layout file" "rc=$rc $(cat "$T/c.json")"
fi

# 6. presize's runs: a jsonl export (malformed lines counted) and a store.
err=$("$P" replay --trace "$F/runs.jsonl" --json 2>&1 >"$T/runs.json"); rc=$?
if [ $rc -eq 0 ] && [[ $err == *"runs.jsonl:2: created_at is not an integer"* ]] &&
   [[ $err == *"runs.jsonl:4: not a JSON object"* ]] &&
   [ "$(py 'import json,sys; print(json.load(open(sys.argv[1]))["invocations"])' "$T/runs.json")" = 3 ]; then
  ok "runs export (.jsonl), malformed lines reported"
else
  no "runs export" "rc=$rc err=$err"
fi
if [ -f "$SRC/data/runs.jsonl" ]; then
  head -20 "$SRC/data/runs.jsonl" > "$T/r20.jsonl"
  if "$P" runs import "$T/r20.jsonl" --db "$T/runs.db" >/dev/null 2>&1 &&
     "$P" replay --trace "$T/runs.db" --json > "$T/db.json" 2>&1 &&
     [ "$(py 'import json,sys; print(json.load(open(sys.argv[1]))["invocations"])' "$T/db.json")" = 20 ]; then
    ok "runs store (.db)"
  else
    no "runs store" "$(cat "$T/db.json" 2>/dev/null)"
  fi
else
  ok "runs store (.db) # SKIP no data/runs.jsonl"
fi

# 7. The same seed gives the same result; another seed another one.
strip() { py 'import json,sys; d=json.load(open(sys.argv[1])); d.pop("seconds"); print(json.dumps(d, sort_keys=True))' "$1"; }
"$P" replay --synthetic 1000 --minutes 10 --seed 5 --json > "$T/s1.json" 2>/dev/null
"$P" replay --synthetic 1000 --minutes 10 --seed 5 --json > "$T/s2.json" 2>/dev/null
"$P" replay --synthetic 1000 --minutes 10 --seed 6 --json > "$T/s3.json" 2>/dev/null
if [ "$(strip "$T/s1.json")" = "$(strip "$T/s2.json")" ] && [ "$(strip "$T/s1.json")" != "$(strip "$T/s3.json")" ]; then
  ok "same seed, same result"
else
  no "same seed, same result"
fi

# 8. --policies selects; --hosts bounds the cluster and counts what it rejects.
"$P" replay --trace "$F/orig" --policies presize,oracle --json > "$T/sel.json" 2>&1
if [ "$(py 'import json,sys; print(",".join(p["policy"] for p in json.load(open(sys.argv[1]))["policies"]))' "$T/sel.json")" = "presize,oracle" ]; then
  ok "--policies"
else
  no "--policies" "$(cat "$T/sel.json")"
fi
out=$("$P" replay --synthetic 500 --minutes 5 --hosts 1 --host-cpus 1 --host-memory 2Gi 2>&1); rc=$?
if [ $rc -eq 0 ] && [[ $out == *"(fixed number)"* ]] && [[ $out =~ rejected\ [1-9] ]]; then
  ok "--hosts: a full cluster rejects and counts"
else
  no "--hosts" "rc=$rc $out"
fi

# 9. --report: one page with inline SVG.
"$P" replay --trace "$F/orig" --report "$T/report" >/dev/null 2>&1; rc=$?
if [ $rc -eq 0 ] && grep -q "<svg" "$T/report/index.html" && grep -q "OOM kills per 1,000" "$T/report/index.html" &&
   grep -q "Cold starts" "$T/report/index.html"; then
  ok "--report writes index.html with SVG charts"
else
  no "--report" "rc=$rc"
fi

echo "1..$n"
[ $fails -eq 0 ]
