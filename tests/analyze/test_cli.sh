#!/usr/bin/env bash
# presize analyze end to end: exit statuses, JSON Lines keys, directory walking, bad input.
set -uo pipefail
presize=$1
fixtures=$2
tmp=$(mktemp -d /tmp/presize-analyze-cli.XXXXXX)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*"; exit 1; }

# a directory: every fixture, one JSON object each, with the documented keys
"$presize" analyze --json "$fixtures" > "$tmp/out.jsonl" || fail "exit $? on fixtures"
n=$(wc -l < "$tmp/out.jsonl")
[ "$n" -eq 8 ] || fail "expected 8 JSON lines, got $n"
python3 - "$tmp/out.jsonl" <<'PY' || fail "JSON keys"
import json, sys
keys = ["path", "language", "lines", "nloc", "functions", "max_ccn", "max_loop_depth",
        "recursion", "imports", "external_calls", "parse_error_ratio", "features"]
fkeys = ["name", "start_line", "end_line", "ccn", "cognitive", "max_loop_depth", "recursive",
         "nloc", "params"]
langs = set()
for line in open(sys.argv[1]):
    o = json.loads(line)
    for k in keys:
        assert k in o, (o["path"], k)
    assert o["functions"], o["path"]
    for f in o["functions"]:
        for k in fkeys:
            assert k in f, (o["path"], f.get("name"), k)
    assert o["features"]["version"] >= 1 and len(o["features"]["vector"]) > 10
    langs.add(o["language"])
assert langs == {"python", "javascript", "typescript", "c", "cpp", "java", "go", "rust"}, langs
PY

# text output, --functions
"$presize" analyze --functions "$fixtures/sample.py" | grep -q 'pong (37-38) mutually recursive' ||
  fail "--functions text"
# the feature schema
[ "$("$presize" analyze --features-schema | head -n1)" = lines ] || fail "--features-schema"

# bad input: the rest of the run continues, status 1, a message per file
printf '\x00\x01\x02binary' > "$tmp/bin.py"
: > "$tmp/empty.go"
printf 'hello\n' > "$tmp/notes.unknown"
"$presize" analyze --json "$tmp/bin.py" "$tmp/empty.go" "$tmp/notes.unknown" /nonexistent.py \
  "$fixtures/sample.c" > "$tmp/o" 2> "$tmp/e"
rc=$?
[ $rc -eq 1 ] || fail "bad input: exit $rc, want 1"
grep -q 'bin.py: binary file' "$tmp/e" || fail "binary message"
grep -q 'notes.unknown: unknown language' "$tmp/e" || fail "unknown language message"
grep -q 'nonexistent.py: No such file' "$tmp/e" || fail "missing file message"
[ "$(wc -l < "$tmp/o")" -eq 2 ] || fail "empty.go and sample.c should still be analysed"

# --lang forces a language
printf 'def f(a):\n    return a\n' > "$tmp/script"
"$presize" analyze --json --lang python "$tmp/script" | grep -q '"language":"python"' || fail "--lang"

# usage errors: status 2
"$presize" analyze > /dev/null 2>&1; [ $? -eq 2 ] || fail "no paths: want 2"
"$presize" analyze --lang cobol x > /dev/null 2>&1; [ $? -eq 2 ] || fail "bad --lang: want 2"
"$presize" analyze --jobs 0 x > /dev/null 2>&1; [ $? -eq 2 ] || fail "bad --jobs: want 2"
"$presize" analyze --bogus > /dev/null 2>&1; [ $? -eq 2 ] || fail "bad option: want 2"
echo "analyze CLI: ok"
