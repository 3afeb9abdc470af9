#!/usr/bin/env bash
# make demo: a few sample programs under different limits, with what presize measured.
set -euo pipefail
P=${1:-build/presize}
B=$(dirname "$P")
cd "$(dirname "$0")/.."
if [ "$(id -u)" -ne 0 ]; then echo "make demo needs root (cgroups and namespaces)"; exit 1; fi
PY=/usr/bin/python3

show() { # title, presize exec args...
  local title=$1; shift
  printf '\n\033[1m== %s\033[0m\n$ presize exec %s\n' "$title" "$*"
  "$P" exec "$@" || true
}

show "CPU-bound Python, half a core: throttled to 0.5" \
  --cpus 500m --memory 128Mi --file examples/cpu_sum.py -- $PY cpu_sum.py
show "The same with two cores: one core is all a Python loop can use" \
  --cpus 2 --memory 128Mi --file examples/cpu_sum.py -- $PY cpu_sum.py
show "Two node workers under 1 core, then under 2" \
  --cpus 1 --memory 256Mi --file examples/threads.js -- /usr/bin/node threads.js
show "" --cpus 2 --memory 256Mi --file examples/threads.js -- /usr/bin/node threads.js
show "A growing program under 64Mi: the kernel OOM-kills it, presize reports it" \
  --memory 64Mi --file examples/grow.py -- $PY grow.py
show "The same under 256Mi: it finishes" \
  --memory 256Mi --file examples/grow.py -- $PY grow.py

port=47310
"$B/bench/blobserver" 10.213.0.1 $port 4000000 --count 2 >/dev/null &
srv=$!
trap 'kill $srv 2>/dev/null || true' EXIT
sleep 0.2
show "A 4 MB download from a server on this host at 8Mbit (about 4 s)" \
  --net-rate 8Mbit --allow-net 10.213.0.1:$port --file examples/download.py -- $PY download.py $port
show "The same at 32Mbit (about 1 s)" \
  --net-rate 32Mbit --allow-net 10.213.0.1:$port --file examples/download.py -- $PY download.py $port
# Before it runs: what the code is, what it will need, and the sandbox sized from that.
export PRESIZE_DB=${PRESIZE_DB:-$(mktemp -d /tmp/presize-demo.XXXXXX)/presize.db}
printf '\n\033[1m== Before it runs: analyse, predict (the shipped model), then run in the predicted size\033[0m\n'
printf '$ presize analyze examples/cpu_sum.py\n'
"$P" analyze examples/cpu_sum.py || true
printf '$ presize predict examples/cpu_sum.py\n'
"$P" predict examples/cpu_sum.py || true
if pred=$("$P" predict --json examples/cpu_sum.py 2>/dev/null); then
  read -r cpus mem < <(printf '%s' "$pred" | $PY -c 'import json,sys; a=json.load(sys.stdin)["allocation"]; print("%dm" % a["cpu_millicores"], a["memory_bytes"])')
  show "The predicted allocation" --cpus "$cpus" --memory "$mem" --file examples/cpu_sum.py -- $PY cpu_sum.py
fi
printf '\n\033[1m== A program that outgrows its prediction: presize run raises memory before the limit\033[0m\n'
printf '$ presize run examples/ramp.py\n'
"$P" run examples/ramp.py || true
printf '\n\033[1m== The same without the control loop: OOM-killed at the predicted size\033[0m\n'
printf '$ presize run --no-adjust examples/ramp.py\n'
"$P" run --no-adjust examples/ramp.py || true
printf '\n== JSON for programs: presize exec --json\n'
"$P" exec --json --cpus 250m --memory 64Mi --timeout 2s -- /bin/sh -c 'while :; do :; done'
# The daemon: notifications, warm sandboxes, executions under the control loop, one table.
tools/demo-serve.sh "$P"
