#!/usr/bin/env bash
# The hostile-program suite: each program attacks from inside a sandbox; each check asserts that
# it was contained and that nothing was left behind. TAP output. Needs root.
set -u
P=${1:?presize binary}
D=$(cd "$(dirname "$0")" && pwd)
PY=/usr/bin/python3
n=0; fails=0
ok() { n=$((n + 1)); echo "ok $n - $1"; }
no() { n=$((n + 1)); fails=$((fails + 1)); echo "not ok $n - $1"; [ -n "${2:-}" ] && echo "# $2" | head -c 2000; echo; }
check() { if eval "$2"; then ok "$1"; else no "$1" "${3:-}"; fi; }
field() { printf '%s' "$1" | $PY -c "import json,sys; print(json.load(sys.stdin)$2)"; }
leftovers() {
  local c l
  c=$(find /sys/fs/cgroup -maxdepth 5 -type d -name 'presize-*' 2>/dev/null | wc -l)
  l=$(ip -o link show 2>/dev/null | grep -c ' presize' || true)
  echo $((c + l))
}
run() { # out-var json-var presize-args... -- cmd
  local __o=$1 __j=$2; shift 2
  local __tmp; __tmp=$(mktemp)
  local __js; __js=$("$P" exec --json "$@" 2>"$__tmp")
  printf -v "$__o" '%s' "$(cat "$__tmp")"; printf -v "$__j" '%s' "$__js"; rm -f "$__tmp"
}

# Fork bomb: stopped at the pids limit, killed by the timeout, nothing survives.
run out js --pids 64 --timeout 3s --file "$D/forkbomb.sh" -- /bin/sh forkbomb.sh
check "forkbomb: stopped by timeout" '[ "$(field "$js" "[\"timed_out\"]")" = True ]' "$js"
check "forkbomb: hit the pids limit" '[[ $out == *"fork"* || $out == *"Resource temporarily unavailable"* || $out == *"Cannot fork"* ]]' "$out"
check "forkbomb: no process survives" '[ "$(pgrep -fc forkbomb.sh)" -eq 0 ]'

# Memory bomb: OOM-killed inside its limit; presize reports it.
run out js --memory 128Mi --timeout 20s --file "$D/membomb.py" -- $PY membomb.py
check "membomb: oom_killed" '[ "$(field "$js" "[\"oom_killed\"]")" = True ]' "$js"
check "membomb: peak within limit" '[ "$(field "$js" "[\"peak_memory_bytes\"] <= 128 << 20")" = True ]' "$js"

# Disk fill: /tmp and /box are bounded tmpfs; the host's disk is untouched.
before=$(df --output=used / | tail -1)
run out js --memory 256Mi --timeout 30s --file "$D/diskfill.py" -- $PY diskfill.py
after=$(df --output=used / | tail -1)
check "diskfill: stopped (ENOSPC, EFBIG or OOM)" '[[ $out == *"/tmp ENOSPC"* || $out == *"/tmp EFBIG"* ]] || [ "$(field "$js" "[\"oom_killed\"]")" = True ]' "$out $js"
check "diskfill: host disk unchanged (< 16 MiB)" '[ $(( (after - before) )) -lt 16384 ]' "before=$before after=$after"

# /proc snooping: only the sandbox's processes; nothing of the host's.
run out js --file "$D/procsnoop.py" -- $PY procsnoop.py
check "procsnoop: few pids, all small" '[[ $out == *"pids "[1-4]" True"* ]]' "$out"
check "procsnoop: init environ unreadable" '[[ $out == *"init_environ EACCES"* ]]' "$out"
check "procsnoop: kcore unreadable" '[[ $out == *"kcore EACCES"* || $out == *"kcore EPERM"* || $out == *"kcore ENOENT"* ]]' "$out"
check "procsnoop: no /sys, no /root, no /work" '[[ $out == *"sys False"* && $out == *"host_root False False"* ]]' "$out"
check "procsnoop: sysctl not writable" '[[ $out == *"sysctl EROFS"* || $out == *"sysctl EACCES"* ]]' "$out"

# ptrace: denied by seccomp, whoever the target.
run out js --file "$D/ptrace.py" -- $PY ptrace.py
check "ptrace: attach init denied" '[[ $out == *"attach_init EPERM"* ]]' "$out"
check "ptrace: attach child denied" '[[ $out == *"attach_child EPERM"* ]]' "$out"
check "ptrace: traceme denied" '[[ $out == *"traceme EPERM"* ]]' "$out"

# setuid: no way back to root.
run out js --file "$D/setuid.py" -- $PY setuid.py
check "setuid: setuid(0) denied" '[[ $out == *"setuid EPERM"* ]]' "$out"
check "setuid: setgid(0) denied" '[[ $out == *"setgid EPERM"* ]]' "$out"
check "setuid: still uid 65534" '[[ $out == *"uid_after 65534 65534"* && $out == *"id 65534"* ]]' "$out"

# Signals: cannot reach init or any host process.
sleep 60 & canary=$!
run out js --file "$D/signal_host.py" -- $PY signal_host.py $canary
check "signal: init refuses" '[[ $out == *"init EPERM"* ]]' "$out"
check "signal: host pid not visible" '[[ $out == *"host_pid ESRCH"* ]]' "$out"
check "signal: host canary alive" 'kill -0 $canary 2>/dev/null'
kill $canary 2>/dev/null; wait $canary 2>/dev/null

# Network flood: limited to its rate, only to the allowed port, nowhere else.
port=47999
run out js --net-rate 1Mbit --allow-net 10.213.0.1:$port --file "$D/netflood.py" -- $PY netflood.py $port
tx=$(field "$js" '["net_tx_bytes"]')
check "netflood: tx held to ~1Mbit for ~2-3 s (<= 600 kB)" '[ "$tx" -gt 100000 ] && [ "$tx" -le 600000 ]' "tx=$tx $out"
check "netflood: other port not reachable" '[[ $out == *"other_port timeout"* ]]' "$out"
check "netflood: other host unreachable" '[[ $out == *"other_host ENETUNREACH"* ]]' "$out"

check "hostile suite left nothing behind" '[ "$(leftovers)" -eq 0 ]'
echo "1..$n"
[ $fails -eq 0 ]
