#!/bin/bash
# Validate the corpus: instantiate every program at its smallest and largest size and run it in
# the real sandbox (presize exec), then report exit code, wall time, CPU and peak memory per run
# and estimate the total time `presize profile` needs for every size in the manifest.
#
#   corpus/validate.sh [--jobs N] [--only ID_SUBSTRING] [--out FILE.jsonl]
#
# Needs: presize and blobserver built (default /tmp/corpus-build, override with PRESIZE=... and
# BLOBSERVER=...), gcc, javac, python3, node; root (the sandbox needs it).
# Exit status: 0 when every run exited 0 within the limits, 1 otherwise.
set -euo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
export CORPUS_DIR="$HERE"
export PRESIZE="${PRESIZE:-/tmp/corpus-build/presize}"
export BLOBSERVER="${BLOBSERVER:-/tmp/corpus-build/bench/blobserver}"
for tool in "$PRESIZE" "$BLOBSERVER"; do
        [ -x "$tool" ] || { echo "validate.sh: $tool not found; build with: meson setup /tmp/corpus-build -Danalyze=false -Dtests=false --buildtype=release && ninja -C /tmp/corpus-build" >&2; exit 2; }
done
exec python3 - "$@" <<'PY'
import argparse, atexit, json, math, os, shutil, signal, subprocess, sys, tempfile, threading, time
from concurrent.futures import ThreadPoolExecutor

CORPUS = os.environ["CORPUS_DIR"]
PRESIZE = os.environ["PRESIZE"]
BLOB = os.environ["BLOBSERVER"]
HOST = "10.213.0.1"
LIMIT_WALL, LIMIT_MEM = 4.0, 1.5 * 2**30

ap = argparse.ArgumentParser()
ap.add_argument("--jobs", type=int, default=1)
ap.add_argument("--only", default="")
ap.add_argument("--out", default="")
ap.add_argument("--sizes", default="minmax", choices=["minmax", "max", "min", "all"])
args = ap.parse_args()

manifest = json.load(open(os.path.join(CORPUS, "manifest.json")))
progs = [p for p in manifest["programs"] if args.only in p["id"]]
work = tempfile.mkdtemp(prefix="corpus-validate-")
atexit.register(shutil.rmtree, work, True)
signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
inputs = os.path.join(work, "inputs")
os.makedirs(inputs)
input_lock = threading.Lock()
port_lock = threading.Lock()
free_ports = list(range(47100, 47100 + 2 * max(1, args.jobs)))


def input_file(gen, size):
    path = os.path.join(inputs, f"{gen}-{size}")
    with input_lock:
        if not os.path.exists(path):
            with open(path, "wb") as f:
                subprocess.run([sys.executable, os.path.join(CORPUS, "tools/geninput.py"), gen, str(size)], stdout=f, check=True)
    return path


def prepare(p, size, d):
    """Instantiate p at size in directory d; returns (files to copy in, command)."""
    src = open(os.path.join(CORPUS, p["path"])).read()
    if p["size_mode"] == "literal":
        if "__SIZE__" not in src:
            raise RuntimeError("literal-size program without __SIZE__")
        src = src.replace("__SIZE__", str(size))
    elif "__SIZE__" in src:
        raise RuntimeError("input-size program containing __SIZE__")
    name = os.path.basename(p["path"])
    f = os.path.join(d, name)
    open(f, "w").write(src)
    lang = p["language"]
    if lang == "python":
        return [f], ["/usr/bin/python3", name]
    if lang == "javascript":
        return [f], ["/usr/bin/node", name]
    if lang == "c":
        exe = os.path.join(d, "prog")
        r = subprocess.run(["gcc", "-O2", "-pthread", "-o", exe, f, "-lm", "-lz"], capture_output=True, text=True)
        if r.returncode:
            raise RuntimeError("gcc: " + r.stderr[-500:])
        return [exe], ["./prog"]
    cls_dir = os.path.join(d, "classes")
    r = subprocess.run(["javac", "-d", cls_dir, f], capture_output=True, text=True)
    if r.returncode:
        raise RuntimeError("javac: " + r.stderr[-500:])
    return [os.path.join(cls_dir, c) for c in sorted(os.listdir(cls_dir))], ["/usr/bin/java", "-cp", "/box", p["main_class"]]


def run(p, size):
    d = tempfile.mkdtemp(dir=work)
    rec = {"id": p["id"], "language": p["language"], "algorithm": p["algorithm"], "size": size}
    srv = None
    port = None
    try:
        files, cmd = prepare(p, size, d)
        argv = [PRESIZE, "exec", "--json", "--cpus", "2", "--memory", "2Gi", "--pids", "256", "--timeout", "20s"]
        if "server" in p:
            with port_lock:
                port = free_ports.pop()
            nbytes = size if p["server"]["bytes"] == "size" else p["server"]["bytes"]
            srv = subprocess.Popen([BLOB, HOST, str(port), str(nbytes), "--count", str(p["server"]["connections"])], stdout=subprocess.PIPE)
            if srv.stdout.readline().split()[:1] != [b"ready"]:
                raise RuntimeError("blobserver did not start")
            argv += ["--allow-net", f"{HOST}:{port}", "--env", f"PRESIZE_BLOB_PORT={port}"]
        for f in files:
            argv += ["--file", f]
        argv += ["--"] + cmd
        stdin = open(input_file(p["input"]["generator"], size), "rb") if p["size_mode"] == "input" else subprocess.DEVNULL
        r = subprocess.run(argv, stdin=stdin, capture_output=True, timeout=120)
        if r.returncode != 0:
            raise RuntimeError("presize exit %d: %s" % (r.returncode, r.stderr.decode(errors="replace")[-400:]))
        m = json.loads(r.stdout)
        rec.update(exit_code=m["exit_code"], signal=m["signal"], timed_out=m["timed_out"], oom=m["oom_killed"],
                   wall=m["wall_seconds"], cpu=m["cpu_seconds"], mem=m["peak_memory_bytes"], net_rx=m["net_rx_bytes"],
                   output=r.stderr.decode(errors="replace").strip().splitlines()[-1:] or [""])
        rec["output"] = rec["output"][0][:100]
    except Exception as ex:  # noqa: BLE001 - report every failure as a failed run
        rec.update(exit_code=-1, error=str(ex)[:400])
    finally:
        if srv:
            srv.kill()
            srv.wait()
        if port is not None:
            with port_lock:
                free_ports.append(port)
        shutil.rmtree(d, ignore_errors=True)
    return rec


jobs = []
for p in progs:
    s = p["sizes"]
    pick = {"minmax": [s[0], s[-1]] if len(s) > 1 else s, "max": [s[-1]], "min": [s[0]], "all": s}[args.sizes]
    jobs += [(p, x) for x in pick]

results = []
out = open(args.out, "w") if args.out else None
t0 = time.time()
with ThreadPoolExecutor(args.jobs) as ex:
    for i, rec in enumerate(ex.map(lambda j: run(*j), jobs)):
        results.append(rec)
        if out:
            out.write(json.dumps(rec) + "\n")
            out.flush()
        ok = rec["exit_code"] == 0 and not rec.get("timed_out")
        if ok:
            line = "%-34s %11d  exit 0  wall %6.2fs  cpu %6.2fs  mem %7.1f MiB  %s" % (rec["id"], rec["size"], rec["wall"], rec["cpu"], rec["mem"] / 2**20, rec["output"][:50])
        else:
            line = "%-34s %11d  FAILED  %s" % (rec["id"], rec["size"], rec.get("error") or json.dumps({k: rec.get(k) for k in ("exit_code", "signal", "timed_out", "oom", "output")}))
        print("[%d/%d] %s" % (i + 1, len(jobs), line), flush=True)
shutil.rmtree(work, ignore_errors=True)

# Summary
by = {}
for r in results:
    by.setdefault(r["id"], {})[r["size"]] = r
problems, total_est, runs = [], 0.0, 0
for p in progs:
    rs = by.get(p["id"], {})
    for size, r in rs.items():
        if r["exit_code"] != 0 or r.get("timed_out"):
            problems.append("%s@%d failed" % (p["id"], size))
        elif size == p["sizes"][-1] and (r["wall"] > LIMIT_WALL or r["mem"] > LIMIT_MEM):
            problems.append("%s@%d over limits (wall %.2fs, mem %.0f MiB)" % (p["id"], size, r["wall"], r["mem"] / 2**20))
    lo, hi = p["sizes"][0], p["sizes"][-1]
    if lo in rs and hi in rs and "wall" in rs[lo] and "wall" in rs[hi]:
        wl, wh = max(rs[lo]["wall"], 1e-3), max(rs[hi]["wall"], 1e-3)
        for s in p["sizes"]:
            f = 0 if hi == lo else (math.log(s) - math.log(lo)) / (math.log(hi) - math.log(lo))
            total_est += math.exp(math.log(wl) + f * (math.log(wh) - math.log(wl)))
        runs += len(p["sizes"])
print()
print("programs %d, runs in manifest %d, validation runs %d in %.0fs" % (len(progs), sum(len(p["sizes"]) for p in progs), len(results), time.time() - t0))
count = {}
for p in progs:
    count.setdefault(p["language"], 0)
    count[p["language"]] += 1
print("per language:", json.dumps(count))
if runs:
    print("estimated profiling time for all %d runs (geometric interpolation of min/max wall): %.1f min" % (runs, total_est / 60))
print("problems: %d" % len(problems))
for x in problems:
    print("  " + x)
sys.exit(1 if problems else 0)
PY
