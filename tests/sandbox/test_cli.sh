#!/usr/bin/env bash
# presize exec from the outside: usage errors, exit statuses, the JSON shape, nothing left behind.
# TAP output. Needs root. $1 (or $PRESIZE) is the presize binary.
set -u
P=${1:-${PRESIZE:?}}
PY=/usr/bin/python3
n=0
fails=0
ok() { n=$((n + 1)); echo "ok $n - $1"; }
no() { n=$((n + 1)); fails=$((fails + 1)); echo "not ok $n - $1"; [ -n "${2:-}" ] && echo "# $2"; }
check() { if eval "$2"; then ok "$1"; else no "$1" "${3:-}"; fi; }
leftovers() {
  local c l
  c=$(find /sys/fs/cgroup -maxdepth 5 -type d -name 'presize-*' 2>/dev/null | wc -l)
  l=$(ip -o link show 2>/dev/null | grep -c ' presize' || true)
  echo $((c + l))
}

# 1. Bad usage: exit 2, one line that names the problem, nothing created.
bad() { # name, expected-substring, args...
  local name=$1 want=$2; shift 2
  local err rc
  err=$("$P" exec "$@" 2>&1 >/dev/null); rc=$?
  if [ $rc -eq 2 ] && [ "$(printf '%s\n' "$err" | wc -l)" -eq 1 ] && [[ $err == *"$want"* ]] && [ "$(leftovers)" -eq 0 ]; then
    ok "bad usage: $name"
  else
    no "bad usage: $name" "rc=$rc err=$err"
  fi
}
bad "unknown unit" "--memory '12Q'" --memory 12Q -- true
bad "zero cpu" "cpu limit must be positive" --cpus 0 -- true
bad "negative cpu" "--cpus '-1'" --cpus -1 -- true
bad "zero memory" "memory limit must be positive" --memory 0 -- true
bad "cpu above host" "more than the host has" --cpus 64 -- true
bad "memory above host" "more than the host has" --memory 64Ti -- true
bad "zero pids" "pids limit must be positive" --pids 0 -- true
bad "bad rate" "--net-rate '10Mb'" --net-rate 10Mb -- true
bad "bad timeout" "--timeout '10 days'" --timeout '10 days' -- true
bad "missing command" "missing command"
bad "command does not exist" "no-such-command-xyz" -- no-such-command-xyz
bad "loopback allow-net" "loopback" --allow-net 127.0.0.1:8080 -- true
bad "malformed allow-net" "--allow-net 'nowhere'" --allow-net nowhere -- true
bad "unknown option" "--frobnicate" --frobnicate -- true

# Not root: exit 2, before anything is created.
if command -v setpriv >/dev/null; then
  err=$(setpriv --reuid=65534 --regid=65534 --clear-groups "$P" exec -- true 2>&1); rc=$?
  check "not root refused" '[ $rc -eq 2 ] && [[ $err == *"must run as root"* ]]' "rc=$rc err=$err"
fi

# 2. --help on the command and on presize itself.
out=$("$P" exec --help); rc=$?
check "exec --help" '[ $rc -eq 0 ] && [[ $out == *"--cpus"* ]] && [[ $out == *"--json"* ]]'
out=$("$P" --help); rc=$?
check "presize --help lists exec" '[ $rc -eq 0 ] && [[ $out == *"exec"* ]]'

# 3. The command's own failure is not presize's: exit 0, the status in the report.
json=$("$P" exec --json -- /bin/sh -c 'exit 7'); rc=$?
check "failing command: presize exits 0" '[ $rc -eq 0 ]' "rc=$rc"
check "failing command: exit_code 7" \
  '[ "$(printf "%s" "$json" | $PY -c "import json,sys; print(json.load(sys.stdin)[\"exit_code\"])")" = 7 ]' "$json"

# 4. The JSON object has exactly the documented keys, with limits in internal units.
json=$("$P" exec --json --cpus 500m --memory 128Mi --pids 32 --timeout 5s -- /bin/echo hi 2>/dev/null)
keys=$(printf '%s' "$json" | $PY -c '
import json, sys
o = json.load(sys.stdin)
want = ["exit_code","signal","oom_killed","timed_out","cpu_seconds","wall_seconds","peak_memory_bytes",
        "avg_cores","peak_cores","throttled_seconds","net_rx_bytes","net_tx_bytes","io_read_bytes",
        "io_write_bytes","minor_faults","major_faults","limits"]
lw = ["cpu_millicores","memory_bytes","net_rate_bps","pids","timeout_seconds"]
l = o["limits"]
print(sorted(o) == sorted(want) and sorted(l) == sorted(lw) and l["cpu_millicores"] == 500
      and l["memory_bytes"] == 128 << 20 and l["pids"] == 32 and l["timeout_seconds"] == 5
      and l["net_rate_bps"] == 0 and o["exit_code"] == 0 and o["signal"] == 0)')
check "json keys and limits" '[ "$keys" = True ]' "$json"

# 5. With --json the command's stdout goes to stderr, so stdout is exactly one JSON line.
lines=$("$P" exec --json -- /bin/echo hello 2>/dev/null | wc -l)
check "json: one line on stdout" '[ "$lines" -eq 1 ]'
err=$("$P" exec --json -- /bin/echo hello 2>&1 >/dev/null)
check "json: command stdout on stderr" '[[ $err == *hello* ]]'

# 6. The table: resource rows on stderr; the command's stdout untouched.
out=$("$P" exec --memory 64Mi -- /bin/echo table 2>/tmp/presize-cli-table.$$); rc=$?
tab=$(cat /tmp/presize-cli-table.$$); rm -f /tmp/presize-cli-table.$$
check "table: command stdout" '[ "$out" = table ] && [ $rc -eq 0 ]'
check "table: rows" '[[ $tab == *"peak memory"* ]] && [[ $tab == *"64Mi"* ]] && [[ $tab == *"exit code 0"* ]]' "$tab"

# 7. OOM and timeout through the CLI.
json=$("$P" exec --json --memory 32Mi -- $PY -c "x = b'x' * (100 << 20)" 2>/dev/null)
check "oom_killed via cli" '[[ $json == *"\"oom_killed\": true"* ]]' "$json"
json=$("$P" exec --json --timeout 200ms -- sleep 5 2>/dev/null)
check "timed_out via cli" '[[ $json == *"\"timed_out\": true"* ]]' "$json"

# 8. --file copies into the working directory.
tmp=$(mktemp -d); printf 'print(6 * 7)\n' > "$tmp/answer.py"
out=$("$P" exec --file "$tmp/answer.py" -- $PY answer.py 2>/dev/null); rm -rf "$tmp"
check "--file" '[ "$out" = 42 ]' "$out"

check "nothing left behind" '[ "$(leftovers)" -eq 0 ]'
echo "1..$n"
[ $fails -eq 0 ]
