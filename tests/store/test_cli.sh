#!/usr/bin/env bash
# presize profiles / runs / profile from the outside: bad usage (exit 2, one line), the tiers,
# export and import round trip, and a tiny real profile of a two-program corpus (resumable).
# TAP output. The profile part needs root and the analyser. $PRESIZE is the presize binary.
set -u
P=${PRESIZE:?}
T=$(mktemp -d /tmp/presize-store-cli-XXXXXX)
trap 'rm -rf "$T"' EXIT
export PRESIZE_DB=$T/default/presize.db
n=0
fails=0
ok() { n=$((n + 1)); echo "ok $n - $1"; }
no() { n=$((n + 1)); fails=$((fails + 1)); echo "not ok $n - $1"; [ -n "${2:-}" ] && echo "# $2" | head -5; }
check() { if eval "$2"; then ok "$1"; else no "$1" "${3:-}"; fi; }
leftovers() {
  local c l
  c=$(find /sys/fs/cgroup -maxdepth 5 -type d -name 'presize-*' 2>/dev/null | wc -l)
  l=$(ip -o link show 2>/dev/null | grep -c ' presize' || true)
  echo $((c + l))
}

# 1. Bad usage: exit 2, exactly one line naming the problem.
bad() { # name, expected-substring, args...
  local name=$1 want=$2; shift 2
  local err rc
  err=$("$P" "$@" 2>&1 >/dev/null); rc=$?
  if [ $rc -eq 2 ] && [ "$(printf '%s\n' "$err" | wc -l)" -eq 1 ] && [[ $err == *"$want"* ]]; then
    ok "bad usage: $name"
  else
    no "bad usage: $name" "rc=$rc err=$err"
  fi
}
bad "profiles: unknown subcommand" "unknown subcommand 'frob'" profiles frob
bad "profiles set: no name" "missing the tier NAME" profiles set
bad "profiles set: bad cpus" "--cpus 'lots'" profiles set low --cpus lots
bad "profiles set: zero memory" "--memory '0'" profiles set low --memory 0
bad "profiles set: bad rate" "--net-rate '5Mb'" profiles set low --net-rate 5Mb
bad "profiles set: new tier incomplete" "needs --cpus, --memory and --net-rate" profiles set newtier --cpus 2
bad "profiles set: bad name" "tier name 'a b'" profiles set 'a b' --cpus 1 --memory 1Gi --net-rate 1Mbit
bad "profiles list: extra arg" "list takes no arguments" profiles list extra
bad "profiles: unknown option" "unknown option" profiles list --frob
bad "profiles delete: missing" "no tier named 'nope'" profiles delete nope
bad "runs: unknown subcommand" "unknown subcommand 'drop'" runs drop
bad "runs export: no format" "--format csv or --format jsonl is required" runs export
bad "runs export: bad format" "--format 'xml'" runs export --format xml
bad "runs list: bad limit" "--limit 'many'" runs list --limit many
bad "runs import: no file" "missing FILE.jsonl" runs import
bad "runs import: missing file" "cannot read $T/none.jsonl" runs import "$T/none.jsonl"
bad "profile: no corpus" "missing CORPUS_DIR" profile
bad "profile: not a directory" "'$T/nodir' is not a directory" profile "$T/nodir"
bad "profile: bad sizes" "--sizes '1,,2'" profile --sizes 1,,2 "$T"
bad "profile: bad limit" "--limit '0'" profile --limit 0 "$T"
bad "profile: no manifest" "manifest.json" profile "$T"
mkdir -p "$T/empty"
echo '{"version":1,"programs":[]}' > "$T/empty/manifest.json"
bad "profile: empty corpus" "the corpus is empty" profile "$T/empty"
mkdir -p "$T/broken"
echo '{"version":1,"programs":[' > "$T/broken/manifest.json"
bad "profile: manifest not JSON" "not valid JSON" profile "$T/broken"
echo '{"version":2,"programs":[]}' > "$T/broken/manifest.json"
bad "profile: manifest version" '"version": 1' profile "$T/broken"

# Malformed entries are reported by index, each on its own line, then exit 2.
mkdir -p "$T/bad/py"
echo 'print(__SIZE__)' > "$T/bad/py/ok.py"
echo 'print(1)' > "$T/bad/py/nosize.py"
cat > "$T/bad/manifest.json" <<'EOF'
{"version":1,"programs":[
 {"id":"good","path":"py/ok.py","language":"python","algorithm":"misc","size_mode":"literal","sizes":[1]},
 {"id":"badlang","path":"py/ok.py","language":"cobol","algorithm":"misc","sizes":[1]},
 {"id":"nosizes","path":"py/ok.py","language":"python","algorithm":"misc","sizes":[]},
 {"id":"missing","path":"py/missing.py","language":"python","algorithm":"misc","sizes":[1]},
 {"id":"notoken","path":"py/nosize.py","language":"python","algorithm":"misc","size_mode":"literal","sizes":[1]},
 {"id":"nogen","path":"py/ok.py","language":"python","algorithm":"misc","size_mode":"input","sizes":[1]},
 {"id":"good","path":"py/ok.py","language":"python","algorithm":"misc","sizes":[2]}
]}
EOF
err=$("$P" profile "$T/bad" 2>&1 >/dev/null); rc=$?
check "profile: malformed manifest exits 2" '[ $rc -eq 2 ]' "rc=$rc"
for want in "programs[1] (id 'badlang'): 'language'" "programs[2] (id 'nosizes'): 'sizes'" \
            "programs[3] (id 'missing'): cannot read 'py/missing.py'" \
            "programs[4] (id 'notoken'): size_mode \"literal\" but" \
            "programs[5] (id 'nogen'): size_mode \"input\" needs" \
            "programs[6]: id 'good' is used twice" "6 malformed program entries"; do
  check "profile: manifest reports: $want" '[[ $err == *"$want"* ]]' "$err"
done

# 2. profiles: the defaults, set, list --json, a non-presize file.
out=$("$P" profiles list); rc=$?
check "profiles list: creates the default store" '[ $rc -eq 0 ] && [ -f "$PRESIZE_DB" ]' "rc=$rc"
check "profiles list: the mission's tiers" \
  '[[ $out == *"low"*"1"*"2Gi"*"10Mbit"*"no"* ]] && [[ $out == *"medium"*"4"*"8Gi"*"50Mbit"* ]] && [[ $out == *"high"*"8"*"16Gi"*"100Mbit"*"yes"* ]]' "$out"
DB=$T/p.db
"$P" profiles set gpu-xl --cpus 16 --memory 64Gi --net-rate 1gbit --gpu --db "$DB"; rc=$?
check "profiles set: new tier" '[ $rc -eq 0 ]' "rc=$rc"
"$P" profiles set low --memory 3Gi --db "$DB"; rc=$?
check "profiles set: change one field" '[ $rc -eq 0 ]' "rc=$rc"
json=$("$P" profiles list --json --db "$DB")
check "profiles list --json" \
  '[ "$(printf "%s" "$json" | /usr/bin/python3 -c "import json,sys; t={x[\"name\"]:x for x in json.load(sys.stdin)}; print(t[\"low\"][\"memory_bytes\"], t[\"low\"][\"cpu_millicores\"], t[\"gpu-xl\"][\"net_rate_bps\"], t[\"gpu-xl\"][\"gpu\"], t[\"high\"][\"gpu\"], len(t))")" = "3221225472 1000 1000000000 True True 4" ]' "$json"
"$P" profiles delete gpu-xl --db "$DB"; rc=$?
check "profiles delete" '[ $rc -eq 0 ] && [ "$("$P" profiles list --db "$DB" | wc -l)" -eq 4 ]'
head -c 8192 /dev/urandom > "$T/garbage.db"
err=$("$P" profiles list --db "$T/garbage.db" 2>&1 >/dev/null); rc=$?
check "profiles: a garbage file is refused" '[ $rc -eq 2 ] && [[ $err == *"not a presize database"* ]]' "rc=$rc $err"

# 3. runs on an empty store.
out=$("$P" runs export --format csv --db "$DB"); rc=$?
check "runs export csv on an empty store: header only" '[ $rc -eq 0 ] && [ "$(printf "%s\n" "$out" | wc -l)" -eq 1 ] && [[ $out == id,created_at,code_hash,* ]]' "$out"
out=$("$P" runs list --json --db "$DB")
check "runs list --json on an empty store" '[ "$(printf "%s" "$out" | tr -d " \n")" = "[]" ]' "$out"

# 4. A tiny real profile: one literal-size and one input-size python program.
if [ "$(id -u)" -ne 0 ] || [ -z "${PRESIZE_HAVE_ANALYZE:-}" ]; then
  echo "ok $((n + 1)) # SKIP profile needs root and the analyser"
  n=$((n + 1))
else
  C=$T/corpus
  mkdir -p "$C/python"
  cat > "$C/python/squares.py" <<'EOF'
def squares(n):
    total = 0
    for i in range(n):
        total += i * i
    return total

print(squares(__SIZE__))
EOF
  cat > "$C/python/wordcount.py" <<'EOF'
import sys
from collections import Counter
words = Counter(sys.stdin.read().split())
print(len(words), sum(words.values()))
EOF
  cat > "$C/manifest.json" <<'EOF'
{"version":1,"programs":[
 {"id":"py_squares","path":"python/squares.py","language":"python","algorithm":"numeric",
  "libraries":[],"style":"loop","size_mode":"literal","sizes":[1000,200000]},
 {"id":"py_wordcount","path":"python/wordcount.py","language":"python","algorithm":"string_processing",
  "libraries":["collections","sys"],"style":"helper","size_mode":"input","sizes":[4096,100000],
  "input":{"generator":"text"}}
]}
EOF
  PDB=$T/prof.db
  t0=$(date +%s%N)
  out=$("$P" profile --db "$PDB" --json "$C" 2>"$T/err"); rc=$?
  t1=$(date +%s%N)
  check "profile: exit 0" '[ $rc -eq 0 ]' "rc=$rc $(cat "$T/err")"
  check "profile: summary JSON" '[[ $out == *"\"runs\":4"* ]] && [[ $out == *"\"ok\":4"* ]] && [[ $out == *"\"skipped\":0"* ]]' "$out"
  check "profile: human summary on stderr" 'grep -q "4 runs recorded (ok 4" "$T/err"' "$(cat "$T/err")"
  echo "# profile of 4 runs took $(( (t1 - t0) / 1000000 )) ms"
  "$P" runs export --format jsonl --db "$PDB" --out "$T/runs.jsonl"; rc=$?
  check "runs export jsonl" '[ $rc -eq 0 ] && [ "$(wc -l < "$T/runs.jsonl")" -eq 4 ]'
  res=$(/usr/bin/python3 - "$T/runs.jsonl" <<'EOF'
import hashlib, json, sys
runs = [json.loads(l) for l in open(sys.argv[1])]
src = open(sys.argv[1].rsplit("/", 1)[0] + "/corpus/python/squares.py").read()
errs = []
by = {(r["program"], r["size"]): r for r in runs}
if set(by) != {("py_squares", 1000), ("py_squares", 200000), ("py_wordcount", 4096), ("py_wordcount", 100000)}:
    errs.append("keys %s" % sorted(by))
for (p, s), r in by.items():
    if r["outcome"] != "ok" or r["exit_code"] != 0 or r["source"] != "profile": errs.append("outcome %s" % r)
    if r["language"] != "python" or r["features_version"] < 1 or len(r["features"]) < 10: errs.append("meta %s" % p)
    if r["cpu_ns"] <= 0 or r["wall_ns"] <= 0 or r["peak_memory_bytes"] < 1 << 20: errs.append("usage %s" % p)
    if r["alloc_pids"] != 256 or r["alloc_timeout_ns"] != 30 * 10**9 or r["alloc_memory_bytes"] <= 0: errs.append("alloc %s" % p)
    if r["alloc_network"]: errs.append("network for %s" % p)
sq = by[("py_squares", 200000)]
if sq["code_hash"] != hashlib.sha256(src.replace("__SIZE__", "200000").encode()).hexdigest(): errs.append("code hash")
if sq["input_bytes"] != 0: errs.append("literal input_bytes")
wc = by[("py_wordcount", 100000)]
if wc["input_bytes"] != 100000 or wc["libraries"] != "collections,sys" or wc["algorithm"] != "string_processing": errs.append("input meta %s" % wc)
if wc["io_read_bytes"] < 0: errs.append("io")
if by[("py_squares", 1000)]["code_hash"] == sq["code_hash"]: errs.append("sizes share a hash")
# runs go in the order of their code's hash (a fixed shuffle of programs and sizes), not the manifest's
order = [r["code_hash"] for r in sorted(runs, key=lambda r: r["id"])]
if order != sorted(order): errs.append("run order %s" % [(r["program"], r["size"]) for r in sorted(runs, key=lambda r: r["id"])])
print("; ".join(errs) or "ok")
EOF
)
  check "profile: rows hold metadata, features, alloc, usage, code hash" '[ "$res" = ok ]' "$res"
  # Resumable: a second profile skips everything.
  out=$("$P" profile --db "$PDB" --json "$C" 2>"$T/err"); rc=$?
  check "profile: second run skips all" '[ $rc -eq 0 ] && [[ $out == *"\"runs\":0"* ]] && [[ $out == *"\"skipped\":4"* ]]' "rc=$rc $out"
  check "profile: nothing added" '[ "$("$P" runs export --format jsonl --db "$PDB" | wc -l)" -eq 4 ]'
  # A new size is profiled; --only and --sizes restrict; --limit caps.
  out=$("$P" profile --db "$PDB" --json --only py_squares --sizes 1000,3000,5000 --limit 1 "$C" 2>"$T/err"); rc=$?
  check "profile: --only/--sizes/--limit" '[ $rc -eq 0 ] && [[ $out == *"\"runs\":1"* ]] && [[ $out == *"\"skipped\":1"* ]]' "rc=$rc $out"
  # A failing program is recorded as failed and reported, and profiling continues.
  echo 'raise SystemExit("deliberate failure __SIZE__")' > "$C/python/fails.py"
  /usr/bin/python3 - "$C/manifest.json" <<'EOF'
import json, sys
m = json.load(open(sys.argv[1]))
m["programs"].insert(0, {"id": "py_fails", "path": "python/fails.py", "language": "python",
                         "algorithm": "misc", "size_mode": "literal", "sizes": [1]})
json.dump(m, open(sys.argv[1], "w"))
EOF
  out=$("$P" profile --db "$PDB" --json "$C" 2>"$T/err"); rc=$?
  check "profile: failing program recorded, run continues" '[ $rc -eq 0 ] && [[ $out == *"\"failed\":{\"failed\":1"* ]] && [[ $out == *"\"skipped\":4"* ]]' "rc=$rc $out"
  check "profile: failure reported with its message" 'grep -q "py_fails size 1: failed: exit 1: deliberate failure 1" "$T/err"' "$(cat "$T/err")"
  # Import rebuilds a store from the export; importing twice adds nothing.
  "$P" runs export --format jsonl --db "$PDB" --out "$T/all.jsonl"
  "$P" runs import "$T/all.jsonl" --db "$T/copy.db" 2>"$T/err"; rc=$?
  check "runs import" '[ $rc -eq 0 ] && grep -q "imported 6 runs (0 already present)" "$T/err"' "rc=$rc $(cat "$T/err")"
  "$P" runs import "$T/all.jsonl" --db "$T/copy.db" 2>"$T/err"
  check "runs import twice adds nothing" 'grep -q "imported 0 runs (6 already present)" "$T/err"' "$(cat "$T/err")"
  "$P" runs export --format jsonl --db "$T/copy.db" --out "$T/again.jsonl"
  check "import/export round trip is lossless (but for ids)" \
    'diff <(sed "s/^{\"id\":[0-9]*,//" "$T/all.jsonl") <(sed "s/^{\"id\":[0-9]*,//" "$T/again.jsonl") >/dev/null'
  "$P" runs export --format csv --db "$PDB" --out "$T/all.csv"
  res=$(/usr/bin/python3 - "$T/all.csv" <<'EOF'
import csv, sys
rows = list(csv.DictReader(open(sys.argv[1])))
h = list(rows[0].keys())
print(len(rows), "f_lines" in h, "peak_memory_bytes" in h, "limit_allow" in h, all(r["f_lines"] for r in rows))
EOF
)
  check "runs export csv: every run, named feature columns" '[ "$res" = "6 True True True True" ]' "$res"
  printf '{"id":1}\nnot json\n' > "$T/bad.jsonl"
  err=$("$P" runs import "$T/bad.jsonl" --db "$T/copy.db" 2>&1); rc=$?
  check "runs import: malformed line named, nothing imported" '[ $rc -eq 2 ] && [[ $err == *"bad.jsonl:1: missing field"* ]]' "rc=$rc $err"
  out=$("$P" runs list --limit 2 --db "$PDB")
  check "runs list --limit" '[ "$(printf "%s\n" "$out" | wc -l)" -eq 3 ]' "$out"
  # SIGINT mid-run: the sandbox is destroyed, nothing is recorded for that run, exit 130.
  echo 'import time
time.sleep(__SIZE__)' > "$C/python/sleeps.py"
  mkdir -p "$T/slow/python"
  cp "$C/python/sleeps.py" "$T/slow/python/"
  echo '{"version":1,"programs":[{"id":"py_sleeps","path":"python/sleeps.py","language":"python","algorithm":"misc","size_mode":"literal","sizes":[20]}]}' > "$T/slow/manifest.json"
  t0=$(date +%s%N)
  "$P" profile --db "$PDB" "$T/slow" 2>"$T/err" &
  pid=$!
  for _ in $(seq 50); do [ "$(leftovers)" -gt 0 ] && break; sleep 0.1; done
  sleep 0.3
  kill -INT $pid
  wait $pid; rc=$?
  t1=$(date +%s%N)
  check "profile: SIGINT stops with 130" '[ $rc -eq 130 ] && grep -q "interrupted: 0 runs recorded" "$T/err"' "rc=$rc $(cat "$T/err")"
  check "profile: SIGINT stops promptly" '[ $(( (t1 - t0) / 1000000 )) -lt 8000 ]' "$(( (t1 - t0) / 1000000 )) ms"
  check "profile: the interrupted run is not recorded" '! "$P" runs export --format csv --db "$PDB" | grep -q py_sleeps'
  # Compiled C and a network program against the blob server (started, waited for, stopped).
  X=$T/extra
  mkdir -p "$X/c" "$X/python"
  cat > "$X/c/fill.c" <<'EOF'
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
int main(void)
{
        size_t n = __SIZE__;
        char *p = malloc(n);
        memset(p, 1, n);
        long s = 0;
        for (size_t i = 0; i < n; i += 4096)
                s += p[i];
        printf("%ld\n", s);
        free(p);
        return 0;
}
EOF
  cat > "$X/python/fetch.py" <<'EOF'
import os, socket
s = socket.create_connection((os.environ["PRESIZE_HOST_ADDR"], int(os.environ["PRESIZE_BLOB_PORT"])))
n = 0
while True:
    b = s.recv(65536)
    if not b:
        break
    n += len(b)
assert n == __SIZE__, n
EOF
  cat > "$X/manifest.json" <<'EOF'
{"version":1,"programs":[
 {"id":"c_fill","path":"c/fill.c","language":"c","algorithm":"allocation_heavy","libraries":["stdlib"],"size_mode":"literal","sizes":[67108864]},
 {"id":"py_fetch","path":"python/fetch.py","language":"python","algorithm":"network_io","libraries":["socket"],"size_mode":"literal","sizes":[2000000],"server":{"bytes":"size","connections":1}}
]}
EOF
  out=$("$P" profile --db "$T/extra.db" --json "$X" 2>"$T/err"); rc=$?
  check "profile: C and network programs" '[ $rc -eq 0 ] && [[ $out == *"\"ok\":2"* ]]' "rc=$rc $out $(cat "$T/err")"
  res=$("$P" runs export --format jsonl --db "$T/extra.db" | /usr/bin/python3 -c '
import json, sys
r = {x["program"]: x for x in map(json.loads, sys.stdin)}
c, n = r["c_fill"], r["py_fetch"]
print(c["peak_memory_bytes"] >= 64 << 20, c["alloc_network"], n["alloc_network"], n["net_rx_bytes"] >= 2000000, n["alloc_allow"].startswith("10.213.0.1:"))')
  check "profile: C peak memory measured; network run had its veth and its bytes" '[ "$res" = "True False True True True" ]' "$res"
  check "profile: blob server stopped" '! pgrep -f "blobserver 10.213.0.1" >/dev/null'
  # Every input generator gives exactly `size` bytes of its kind (the program asserts it).
  G=$T/gens
  mkdir -p "$G/py" "$G/js"
  cat > "$G/py/check.py" <<'EOF'
import json, sys
data = sys.stdin.buffer.read()
kind, size = sys.argv[0].split("_")[1].split(".")[0], __SIZE__
assert len(data) == size, (len(data), size)
if kind == "text":
    t = data.decode("ascii")
    assert t.endswith("\n") and all(c.isprintable() or c == "\n" for c in t), t[-40:]
    assert len(t.split()) > size // 20
elif kind == "numbers":
    nums = [int(x) for x in data.decode().splitlines()]
    assert data.endswith(b"\n") and len(nums) > size // 12
elif kind == "json":
    doc = json.loads(data)
    assert isinstance(doc, list) and (size < 100 or len(doc) > size // 120), len(doc)
    for o in doc:
        assert set(o) == {"id", "name", "tags", "score"} and isinstance(o["tags"], list)
else:
    assert len(set(data)) > min(200, size // 50), len(set(data))
EOF
  echo 'let n = 0; process.stdin.on("data", d => { n += d.length; }); process.stdin.on("end", () => { if (n !== __SIZE__) process.exit(3); });' > "$G/js/count.js"
  progs=""
  for g in text numbers json binary pixels; do
    cp "$G/py/check.py" "$G/py/check_$g.py"
    progs="$progs{\"id\":\"gen_$g\",\"path\":\"py/check_$g.py\",\"language\":\"python\",\"algorithm\":\"misc\",\"size_mode\":\"input\",\"sizes\":[2,77,4096,300001],\"input\":{\"generator\":\"$g\"}},"
  done
  echo "{\"version\":1,\"programs\":[$progs{\"id\":\"js_count\",\"path\":\"js/count.js\",\"language\":\"javascript\",\"algorithm\":\"misc\",\"size_mode\":\"input\",\"sizes\":[12345],\"input\":{\"generator\":\"binary\"}}]}" > "$G/manifest.json"
  out=$("$P" profile --db "$T/gens.db" --json "$G" 2>"$T/err"); rc=$?
  check "profile: generators give exact sizes and valid content; javascript runs" '[ $rc -eq 0 ] && [[ $out == *"\"ok\":21"* ]]' "rc=$rc $out $(grep -v '^presize profile: [0-9]' "$T/err" | head -3)"
  # Not root: exit 2 with a clear message (after the manifest is validated).
  chmod 755 "$T"
  if command -v setpriv >/dev/null; then
    err=$(setpriv --reuid=65534 --regid=65534 --clear-groups "$P" profile --db "$T/nobody.db" "$C" 2>&1 >/dev/null); rc=$?
    check "profile: needs root" '[ $rc -eq 2 ] && [[ $err == *"must run as root"* ]] && [ "$(printf "%s\n" "$err" | wc -l)" -eq 1 ]' "rc=$rc $err"
  fi
  check "profile: nothing left behind" '[ "$(leftovers)" -eq 0 ] && ! ls -d /tmp/presize-profile-* >/dev/null 2>&1'
fi

echo "1..$n"
[ $fails -eq 0 ]
