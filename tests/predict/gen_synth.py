#!/usr/bin/env python3
"""Synthetic runs in the `presize runs export --format jsonl` shape, for developing and testing
presize train/predict/eval before (and independently of) the measured corpus. Resource use is a
known function of language, algorithm and the size literal in the code, with log-normal noise."""
import json, math, random, sys

def main():
    n_programs = int(sys.argv[1]) if len(sys.argv) > 1 else 80
    n_features = int(sys.argv[2]) if len(sys.argv) > 2 else 44
    seed = int(sys.argv[3]) if len(sys.argv) > 3 else 7
    rng = random.Random(seed)
    langs = {"python": (12e6, 48, 30.0), "javascript": (42e6, 24, 45.0),
             "c": (1.5e6, 8, 1.0), "java": (38e6, 16, 80.0)}
    algos = ["sorting", "searching", "graph", "dynamic_programming", "matrix", "string", "regex",
             "hashing", "compression", "json", "image", "recursion", "allocation",
             "multithreaded", "file_io", "network_io"]
    libs = {"python": ["numpy", "re", "json", "zlib", "hashlib"], "javascript": ["zlib", "crypto"],
            "c": ["pthread", "zlib"], "java": ["java.util.regex", "java.util.concurrent"]}
    for p in range(n_programs):
        lang = list(langs)[p % 4]
        algo = algos[(p // 4 + p) % len(algos)]
        base, bpe, startup = langs[lang]
        mem_exp = 2.0 if algo in ("matrix", "dynamic_programming", "image") else 1.0
        cpu_exp = {"matrix": 3.0, "dynamic_programming": 2.0, "image": 2.0}.get(algo, 1.2)
        k_mem = bpe * rng.uniform(0.5, 2.0)
        k_cpu = {"c": 2e-6, "java": 6e-6, "javascript": 8e-6, "python": 1e-4}[lang] * rng.uniform(0.5, 2)
        lo = {2.0: 100, 1.0: 10000}[mem_exp]
        sizes = [int(lo * 2 ** i) for i in range(8)]
        lib = ",".join(rng.sample(libs[lang], rng.randint(0, 2)))
        feats = [rng.randint(0, 30) for _ in range(n_features)]
        for s in sizes:
            mem = base + k_mem * s ** mem_exp
            cpu_ms = startup + k_cpu * s ** cpu_exp * 1000 / 1e3
            cores = 2.5 if algo == "multithreaded" else 0.97
            net = s * 100 if algo == "network_io" else 0
            noise = lambda: math.exp(rng.gauss(0, 0.06))
            cpu_ms *= noise()
            wall_ms = cpu_ms / cores * noise() + (net / 1e6)
            src = f"import x\nN = {s}\nSEED = 42\nfor i in range(N):\n    pass\n"
            row = {
                "created_at": 1700000000 + p * 100 + sizes.index(s),
                "program": f"{lang}/synth_{p}", "language": lang, "algorithm": algo,
                "libraries": lib, "input_bytes": 0, "size": s, "code_hash": f"{p:032x}{s:032x}",
                "source": "profile", "outcome": "ok" if rng.random() > 0.02 else "timeout",
                "features_version": 1, "features": feats,
                "cpu_ns": int(cpu_ms * 1e6), "wall_ns": int(wall_ms * 1e6),
                "peak_memory_bytes": int(mem * noise()), "avg_cores": cores * noise(),
                "net_rx_bytes": int(net * noise()), "net_tx_bytes": int(net / 10),
                "code": src,
            }
            # the rest of the export's fields, so that `presize runs import` takes the rows
            for pre in ("alloc_", "limit_"):
                row.update({pre + "cpu_millicores": 4000, pre + "memory_bytes": 8 << 30,
                            pre + "net_rate_bps": 0, pre + "pids": 256, pre + "timeout_ns": 0,
                            pre + "network": False, pre + "allow": ""})
            row.update({"exit_code": 0 if row["outcome"] == "ok" else -1, "signal": 0,
                        "oom_killed": False, "timed_out": row["outcome"] == "timeout",
                        "user_ns": row["cpu_ns"], "sys_ns": 0, "peak_cores": row["avg_cores"],
                        "throttled_ns": 0, "io_read_bytes": 0, "io_write_bytes": 0,
                        "minor_faults": 0, "major_faults": 0})
            print(json.dumps(row))

main()
