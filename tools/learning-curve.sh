#!/bin/sh
# How the held-out accuracy grows with the number of programs: `presize eval` (5 folds grouped
# by program) on a share of the corpus's programs, for several shares and draws, written as a
# Markdown table to data/learning-curve.md. A program is kept or dropped whole (all its sizes),
# the draw is a hash of the seed and the program's id, so every run of this script picks the
# same programs. Takes about 15-20 minutes (one `presize eval` per share and draw).
#
#   tools/learning-curve.sh [PRESIZE] [RUNS.jsonl]
#   SHARES="0.5 0.75" DRAWS="1 2" OUT=data/learning-curve.md
set -eu
PRESIZE=${1:-build/presize}
RUNS=${2:-data/runs.jsonl}
SHARES=${SHARES:-0.5 0.75}
DRAWS=${DRAWS:-1 2}
OUT=${OUT:-data/learning-curve.md}
PY=/usr/bin/python3
[ -x "$PRESIZE" ] || { echo "learning-curve: $PRESIZE not found (make build)" >&2; exit 2; }
[ -r "$RUNS" ] || { echo "learning-curve: $RUNS not readable" >&2; exit 2; }
TMP=$(mktemp -d /tmp/presize-lc.XXXXXX)
trap 'rm -rf "$TMP"' EXIT INT TERM

# subset SHARE DRAW > FILE: the runs of the programs whose hash falls under SHARE
subset() {
        "$PY" - "$RUNS" "$1" "$2" <<'EOF'
import hashlib, json, sys
path, share, draw = sys.argv[1], float(sys.argv[2]), sys.argv[3]
keep = {}
for line in open(path):
    r = json.loads(line)
    p = r["program"]
    if p not in keep:
        h = hashlib.sha256(f"{draw}:{p}".encode()).digest()
        keep[p] = int.from_bytes(h[:8], "big") / 2**64 < share
    if keep[p]:
        sys.stdout.write(line)
EOF
}

row() { # row LABEL EVAL.json
        "$PY" - "$1" "$2" <<'EOF'
import json, sys
d = json.load(open(sys.argv[2]))
m = d["overall"]["model"]
cells = [f"{100 * m[t]['mdape']:.1f}%" for t in ("peak_memory_bytes", "cpu_seconds", "wall_seconds")]
cells.append(f"{m['peak_memory_bytes']['overprovisioning']:.2f}x")
print(f"| {sys.argv[1]} | {d['dataset']['programs']} | {d['runs']} | " + " | ".join(cells) + " |")
EOF
}

n=0
for s in $SHARES; do for d in $DRAWS; do n=$((n + 1)); done; done
n=$((n + 1))
i=0
{
        echo "# Learning curve ($(date -u +%Y-%m-%dT%H:%MZ))"
        echo
        echo "Machine: $(nproc) cores, $(uname -r). \`tools/learning-curve.sh\`: \`presize eval\` (5 folds"
        echo "grouped by program, seed 0) on a share of the programs of $RUNS, each kept or dropped"
        echo "whole; model MdAPE on the held-out programs and mean memory over-provisioning."
        echo
        echo "| share (draw) | programs | runs | memory MdAPE | CPU MdAPE | wall MdAPE | memory over-prov. |"
        echo "|---|---:|---:|---:|---:|---:|---:|"
} > "$TMP/table.md"
for s in $SHARES; do
        for d in $DRAWS; do
                i=$((i + 1))
                echo "learning-curve: [$i/$n] share $s, draw $d" >&2
                subset "$s" "$d" > "$TMP/runs.jsonl"
                "$PRESIZE" eval --from "$TMP/runs.jsonl" --json > "$TMP/eval.json"
                row "$s ($d)" "$TMP/eval.json" >> "$TMP/table.md"
        done
done
i=$((i + 1))
echo "learning-curve: [$i/$n] all programs" >&2
"$PRESIZE" eval --from "$RUNS" --json > "$TMP/eval.json"
row "1 (all)" "$TMP/eval.json" >> "$TMP/table.md"
mkdir -p "$(dirname "$OUT")"
cp "$TMP/table.md" "$OUT"
cat "$OUT"
