#!/usr/bin/env bash
# presize train / predict / eval end to end on a synthetic dataset: exit statuses, the predict
# JSON keys, the shipped-model fallback message, corrupt and mismatched models.
set -uo pipefail
presize=$1
gen=$2
tmp=$(mktemp -d /tmp/presize-predict-cli.XXXXXX)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*"; exit 1; }
export PRESIZE_DB="$tmp/none.db"

python3 "$gen" 24 "${NFEAT:-44}" > "$tmp/runs.jsonl" || fail "generator"

# bad usage: exit 2
"$presize" predict > /dev/null 2>&1; [ $? -eq 2 ] || fail "predict without input should exit 2"
"$presize" predict --bogus --lang c > /dev/null 2>&1; [ $? -eq 2 ] || fail "unknown option"
"$presize" predict --lang c --input-bytes lots > /dev/null 2>&1; [ $? -eq 2 ] || fail "bad size"
"$presize" predict --lang c a.py b.py > /dev/null 2>&1; [ $? -eq 2 ] || fail "two files"
"$presize" train --coverage 1.5 > /dev/null 2>&1; [ $? -eq 2 ] || fail "train --coverage 1.5"
"$presize" eval --folds 1 > /dev/null 2>&1; [ $? -eq 2 ] || fail "eval --folds 1"

# train on the export (no store: --out only)
"$presize" train --from "$tmp/runs.jsonl" --out "$tmp/model.json" --rounds 40 \
        > "$tmp/train.out" 2> "$tmp/train.err" || fail "train: $(cat "$tmp/train.err")"
grep -q "excluded" "$tmp/train.err" || grep -q "runs of" "$tmp/train.err" || fail "train summary"

# predict --json: exactly the documented keys
"$presize" predict --json --model "$tmp/model.json" --lang python --algo sorting \
        --libs numpy --input-bytes 1Mi > "$tmp/p.json" || fail "predict --json"
python3 - "$tmp/p.json" <<'PY' || fail "predict JSON keys"
import json, sys
o = json.load(open(sys.argv[1]))
assert set(o) == {"tier", "complexity_score", "mode", "low_confidence", "demand", "allocation"}, o
assert o["complexity_score"] in ("low", "medium", "high")
assert o["mode"] == "metadata" and o["low_confidence"] is False
assert set(o["demand"]) == {"cpu_millicores", "memory_bytes", "net_rate_bps", "cpu_seconds",
                            "wall_seconds"}
for v in o["demand"].values():
    assert set(v) == {"point", "upper"} and v["upper"] >= v["point"] >= 0
assert set(o["allocation"]) == {"cpu_millicores", "memory_bytes", "net_rate_bps", "gpu"}
a = o["allocation"]
assert a["cpu_millicores"] % 100 == 0 and a["memory_bytes"] % (16 << 20) == 0
assert a["memory_bytes"] >= o["demand"]["memory_bytes"]["upper"]
PY

# code mode on a file; unknown language and algorithm: a prediction, low confidence
printf 'N = 100000\na = sorted(range(N))\nprint(a[-1])\n' > "$tmp/s.py"
"$presize" predict --json --model "$tmp/model.json" "$tmp/s.py" > "$tmp/c.json" || fail "code"
grep -q '"mode": "code"' "$tmp/c.json" || fail "code mode: $(cat "$tmp/c.json")"
"$presize" predict --json --model "$tmp/model.json" --lang cobol --algo quantum > "$tmp/u.json" \
        || fail "unknown language"
grep -q '"low_confidence": true' "$tmp/u.json" || fail "low confidence flag"
"$presize" predict --model "$tmp/model.json" --lang c --algo matrix | grep -q "memory" \
        || fail "table output"

# a corrupt model: exit 1 with a clear message
echo '{"format": "presize-model", "schema_version": 1, "modes": 3' > "$tmp/corrupt.json"
"$presize" predict --model "$tmp/corrupt.json" --lang c > /dev/null 2> "$tmp/e1"
[ $? -eq 1 ] || fail "corrupt model should exit 1"
grep -q "not valid JSON" "$tmp/e1" || fail "corrupt model message: $(cat "$tmp/e1")"
# a mismatched schema version: exit 1, says to retrain
python3 - "$tmp/model.json" "$tmp/v2.json" <<'PY'
import json, sys
o = json.load(open(sys.argv[1])); o["schema_version"] += 1; json.dump(o, open(sys.argv[2], "w"))
PY
"$presize" predict --model "$tmp/v2.json" --lang c > /dev/null 2> "$tmp/e2"
[ $? -eq 1 ] || fail "mismatched model should exit 1"
grep -q "retrain" "$tmp/e2" || fail "mismatch message: $(cat "$tmp/e2")"
"$presize" predict --model "$tmp/missing.json" --lang c > /dev/null 2>&1
[ $? -eq 1 ] || fail "missing model should exit 1"

# literal statistics from a corpus: rows without their code get it from the manifest's template
# (__SIZE__ replaced by the run's size), verified by the run's code hash
mkdir -p "$tmp/corpus/python"
printf 'N = __SIZE__\nprint(sum(range(N)))\n' > "$tmp/corpus/python/sum.py"
echo '{"programs": [{"id": "py-sum", "path": "python/sum.py", "language": "python"}]}' \
        > "$tmp/corpus/manifest.json"
python3 - "$tmp/runs.jsonl" "$tmp/corpus-runs.jsonl" <<'PY'
import hashlib, json, sys
out = open(sys.argv[2], "w")
for i, line in enumerate(open(sys.argv[1])):
    o = json.loads(line)
    if i < 8:
        o.pop("code")
        o["program"] = "py-sum"
        o["code_hash"] = hashlib.sha256(b"N = %d\nprint(sum(range(N)))\n" % o["size"]).hexdigest()
    out.write(json.dumps(o) + "\n")
PY
"$presize" train --from "$tmp/corpus-runs.jsonl" --corpus "$tmp/corpus" --rounds 5 \
        --out "$tmp/m2.json" > /dev/null 2> "$tmp/corpus.err" || fail "train with --corpus"
grep -Eq "literal statistics from .* for [0-9]+ runs \(8 verified by code hash, their analyser features derived again\)" \
        "$tmp/corpus.err" || fail "corpus literals: $(cat "$tmp/corpus.err")"

# history: runs of the same code in the store blend in (mode "history")
head -3 "$tmp/runs.jsonl" | python3 -c '
import hashlib, json, sys
h = hashlib.sha256(open(sys.argv[1], "rb").read()).hexdigest()
for i, line in enumerate(sys.stdin):
    o = json.loads(line); o.update(code_hash=h, program="hist", size=i, outcome="ok")
    print(json.dumps(o))' "$tmp/s.py" > "$tmp/hist.jsonl"
"$presize" runs import "$tmp/hist.jsonl" --db "$tmp/h.db" > /dev/null 2>&1 \
        || fail "runs import (history fixture)"
"$presize" predict --json --db "$tmp/h.db" --model "$tmp/model.json" "$tmp/s.py" \
        > "$tmp/h.json" || fail "predict with history"
grep -q '"mode": "history"' "$tmp/h.json" || fail "history mode: $(cat "$tmp/h.json")"
# the store has no model: the shipped one (or a clear message) -- never a crash
"$presize" predict --db "$tmp/h.db" --lang c > /dev/null 2> "$tmp/ship.err"
st=$?
if [ $st -eq 0 ]; then
        grep -q "using the shipped model" "$tmp/ship.err" || fail "fallback not announced"
else
        [ $st -eq 1 ] && grep -q "no model" "$tmp/ship.err" || fail "no-model message"
fi
# train into the store, then predict from it
"$presize" train --db "$tmp/h.db" --from "$tmp/runs.jsonl" --rounds 5 > /dev/null 2>&1 \
        || fail "train into the store"
"$presize" predict --db "$tmp/h.db" --lang c --algo sorting > /dev/null 2> "$tmp/st.err" \
        || fail "predict from the store's model"
! grep -q "shipped" "$tmp/st.err" || fail "used the shipped model although the store has one"

# eval: runs, JSON, report
"$presize" eval --from "$tmp/runs.jsonl" --folds 3 --rounds 30 --json --report "$tmp/rep" \
        > "$tmp/eval.json" 2> "$tmp/eval.err" || fail "eval: $(cat "$tmp/eval.err")"
python3 - "$tmp/eval.json" <<'PY' || fail "eval JSON"
import json, sys
o = json.load(open(sys.argv[1]))
for k in ("overall", "by_language", "by_algorithm", "aims"):
    assert k in o, k
assert set(o["overall"]) == {"model", "metadata_model", "language_median", "static_tiers"}
PY
# repeated cross-validation: seed 0 is the evaluation above, the others other fold assignments
"$presize" eval --from "$tmp/runs.jsonl" --folds 3 --rounds 30 --repeats 2 --json \
        > "$tmp/rep.json" 2> "$tmp/rep.err" || fail "eval --repeats: $(cat "$tmp/rep.err")"
python3 - "$tmp/eval.json" "$tmp/rep.json" <<'PY' || fail "eval --repeats JSON"
import json, sys
one, rep = json.load(open(sys.argv[1])), json.load(open(sys.argv[2]))
assert one["overall"] == rep["overall"], "seed 0 differs from the plain evaluation"
r = rep["repeats"]
assert r["count"] == 2 and r["seeds"] == [0, 1], r
m = r["methods"]["model"]["peak_memory_bytes"]
for k in ("mdape", "coverage", "overprovisioning"):
    v = m[k]["values"]
    # the JSON keeps 6 significant digits: compare relatively
    assert len(v) == 2 and abs(m[k]["mean"] - sum(v) / 2) <= 1e-5 * max(1, sum(v) / 2), (k, m[k])
    assert abs(v[0] - one["overall"]["model"]["peak_memory_bytes"][k]) < 1e-5, (k, v[0])
assert m["mdape"]["values"][0] != m["mdape"]["values"][1], "the two assignments gave the same result"
PY
"$presize" eval --from "$tmp/runs.jsonl" --folds 3 --rounds 30 --repeats 2 > "$tmp/rep.txt" \
        2> /dev/null || fail "eval --repeats table"
grep -q "repeated cross-validation: 2 fold assignments" "$tmp/rep.txt" || fail "no repeats table"
"$presize" eval --repeats 21 > /dev/null 2>&1; [ $? -eq 2 ] || fail "eval --repeats 21"
grep -q "<svg" "$tmp/rep/index.html" || fail "report has no SVG"
! grep -qi "<script" "$tmp/rep/index.html" || fail "report has a script"
echo "ok"
