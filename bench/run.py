"""Runs the benchmark: per size, demo cohort -> rounds of [stegvis import, bare DuckDB read_csv,
stegvis metric suite, pandas suite], each a separate process under /usr/bin/time (peak RSS), the
tools' order rotated every round so that load on the machine falls on all of them alike.
Writes bench/results/runs-<size>.csv (one row per measurement), then bench/report.py summarises.

    python bench/run.py --sizes 10000 100000 1000000 [--rounds 10000=7,100000=5,1000000=3] [--smoke]
    python bench/run.py --cli                 (each ./stegvis metrics call at the demo's default size)
    python bench/run.py --kernel .venv/bin/python   (kernel start to first chart)
"""
import argparse
import csv
import datetime
import os
import platform
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
WORK = ROOT / "bench" / "work"
RESULTS = ROOT / "bench" / "results"
CLASSPATH = f"{WORK / 'classes'}:{ROOT / 'target' / 'classes'}:{ROOT / 'target' / 'lib' / '*'}"
JAVA = ["java", "-Djava.awt.headless=true", "-cp", CLASSPATH, "Bench"]
WARMUP_SIZE = 2000  # the small cohort each import process imports first, to warm the JIT
STANDALONE_UP_TO = 10_000  # each metric alone (cache emptied) is measured up to this size
FIELDS = ["machine", "date", "size", "events", "tool", "metric", "run", "seconds", "cpu_seconds", "rss_mb", "heap_mb",
          "load_avg"]


def machine():
    cpu = next((l.split(":", 1)[1].strip() for l in open("/proc/cpuinfo") if l.startswith("model name")), "?")
    mem = next(int(l.split()[1]) for l in open("/proc/meminfo") if l.startswith("MemTotal")) / 1024 ** 2
    return f"{os.cpu_count()} cores {cpu}, {mem:.0f} GiB, {platform.system()} {platform.release()}"


def cohort(size):
    """The demo cohort of `size` episodes (generated once, seed 42); returns its folder and event count."""
    out = WORK / f"csv-{size}"
    if not (out / "staffing.csv").exists():
        subprocess.run([str(ROOT / "stegvis"), "demo", "--out", str(out), "--episodes", str(size), "--seed", "42"],
                       check=True, stdout=subprocess.DEVNULL)
    with open(out / "events.csv", "rb") as f:
        events = sum(1 for _ in f) - 1
    return out, events


def measured(cmd, cwd=ROOT, multi=False):
    """Runs one benchmark process; returns {name: (seconds, cpu seconds)} from its output (with multi, a list per
    name) and its peak RSS in MB."""
    with tempfile.NamedTemporaryFile("r", suffix=".time") as tf:
        p = subprocess.run(["/usr/bin/time", "-f", "%M", "-o", tf.name] + cmd, cwd=cwd, text=True,
                           stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        if p.returncode != 0:
            sys.exit(f"benchmark process failed: {' '.join(cmd)}\n{p.stderr[-3000:]}")
        rss = int(tf.read().strip().splitlines()[-1]) / 1024
    values = {}
    for line in p.stdout.splitlines():
        name, *numbers = line.split("\t")
        if numbers:
            v = tuple(float(x) if x else None for x in numbers)
            if multi:
                values.setdefault(name, []).append(v)
            else:
                values[name] = v
    return values, rss


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--sizes", nargs="+", type=int, default=[10_000, 100_000, 1_000_000])
    ap.add_argument("--rounds", default="", help="size=rounds,... (default: 7 up to 10k, 5 up to 100k, else 3)")
    ap.add_argument("--smoke", action="store_true", help="one round, results to bench/work/smoke instead")
    ap.add_argument("--cli", action="store_true", help="only: each ./stegvis metrics call on the demo's default size"
                    " (3,000 episodes), median of 3 after a first call")
    ap.add_argument("--kernel", metavar="PYTHON", help="only: kernel start to first chart (3 runs, 10k store) with this"
                    " Python (the venv holding the \"Java (stegvis)\" kernel, make venv)")
    args = ap.parse_args()
    if args.kernel:
        kernel(args.kernel)
        return
    if args.cli:
        cli()
        return
    rounds = {int(k): int(v) for k, v in (kv.split("=") for kv in args.rounds.split(",") if kv)}
    results = WORK / "smoke" if args.smoke else RESULTS
    results.mkdir(parents=True, exist_ok=True)
    python = str(WORK / "venv" / "bin" / "python")
    warmup_csv, _ = cohort(WARMUP_SIZE)
    warmup_store = WORK / f"store-{WARMUP_SIZE}.duckdb"
    if not warmup_store.exists():
        subprocess.run([str(ROOT / "stegvis"), "import", "--db", str(warmup_store), str(warmup_csv)], check=True,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    host, today = machine(), datetime.date.today().isoformat()

    for size in args.sizes:
        n_rounds = 1 if args.smoke else rounds.get(size, 7 if size <= 10_000 else 5 if size <= 100_000 else 3)
        started = time.perf_counter()
        csv_dir, events = cohort(size)
        rows = []

        def record(tool, metric, run, seconds, cpu=None, rss=None, heap=None):
            rows.append({"machine": host, "date": today, "size": size, "events": events, "tool": tool,
                         "metric": metric, "run": run, "seconds": f"{seconds:.4f}",
                         "cpu_seconds": "" if cpu is None else f"{cpu:.4f}",
                         "rss_mb": "" if rss is None else f"{rss:.0f}", "heap_mb": "" if heap is None else f"{heap:.0f}",
                         "load_avg": f"{os.getloadavg()[0]:.1f}"})

        store = WORK / f"store-{size}.duckdb"
        if not store.exists():  # the store the metric rounds read; its cold CLI import is a figure of its own
            for f in [store, Path(f"{store}.wal"), Path(f"{store}.key")]:
                f.unlink(missing_ok=True)
            t = time.perf_counter()
            subprocess.run([str(ROOT / "stegvis"), "import", "--db", str(store), str(csv_dir)], check=True,
                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            record("stegvis", "import_cli_cold", 0, time.perf_counter() - t)
        scratch = WORK / f"scratch-{size}.duckdb"
        tools = {
            "stegvis_import": (JAVA + ["import", str(warmup_csv), str(csv_dir), str(scratch)], "stegvis"),
            "bare_duckdb": (JAVA + ["bare-import", str(warmup_csv), str(csv_dir), str(scratch)], "duckdb"),
            "stegvis_metrics": (JAVA + ["metrics", str(store), str(size <= STANDALONE_UP_TO).lower(),
                                        str(WORK / f"store-{WARMUP_SIZE}.duckdb")], "stegvis"),
            "pandas": ([python, str(ROOT / "bench" / "pandas_suite.py"), str(csv_dir)]
                       + (["--standalone"] if size <= STANDALONE_UP_TO else []), "pandas"),
        }
        order = list(tools)
        for r in range(1, n_rounds + 1):
            for key in order[r - 1:] + order[:r - 1]:
                cmd, tool = tools[key]
                values, rss = measured(cmd)
                heap = values.pop("heap_mb", (None,))[0]
                for metric, (sec, cpu) in values.items():
                    record(tool, metric, r, sec, cpu, rss, heap)
            print(f"size {size}: round {r}/{n_rounds} done ({time.perf_counter() - started:.0f} s)", flush=True)
            with open(results / f"runs-{size}.csv", "w", newline="") as f:  # after every round: a partial run is kept
                w = csv.DictWriter(f, FIELDS)
                w.writeheader()
                w.writerows(rows)
        for f in [scratch, Path(f"{scratch}.wal"), Path(f"{scratch}.key"), Path(f"{scratch}.warmup"),
                  Path(f"{scratch}.warmup.wal"), Path(f"{scratch}.warmup.key")]:
            f.unlink(missing_ok=True)
        print(f"size {size}: {len(rows)} measurements -> {results / f'runs-{size}.csv'}", flush=True)


CLI_METRICS = ["funnel", "steps", "transitions", "leadtime", "flow", "outcomes", "flow-quality", "compare",
               "data-quality", "right-support", "cycling", "intensity", "partner-input", "goals", "ratings",
               "process-map", "referrers"]


def cli(size=3000, runs=3):
    """Each `./stegvis metrics NAME` as a user types it, on the demo store of the default size, from a
    cold JVM: the median of `runs` after one untimed call (which writes the launcher's class-data
    archive after a build) -> bench/results/runs-cli.csv."""
    csv_dir, events = cohort(size)
    store = WORK / f"store-{size}.duckdb"
    if not store.exists():
        subprocess.run([str(ROOT / "stegvis"), "import", "--db", str(store), str(csv_dir)], check=True,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    # the demo project's settings (goals) beside the store, as make demo-db puts them
    (WORK / f"store-{size}.properties").write_bytes((csv_dir / "stegvis.properties").read_bytes())
    host, today = machine(), datetime.date.today().isoformat()
    rows = []
    for name in CLI_METRICS:
        cmd = [str(ROOT / "stegvis"), "metrics", name, "--db", str(store)]
        subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        for r in range(1, runs + 1):
            with tempfile.NamedTemporaryFile("r", suffix=".time") as tf:
                t = time.perf_counter()
                subprocess.run(["/usr/bin/time", "-f", "%M %U %S", "-o", tf.name] + cmd, check=True,
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
                seconds = time.perf_counter() - t
                kb, user, system = tf.read().strip().splitlines()[-1].split()
                rss, cpu = int(kb) / 1024, float(user) + float(system)
            rows.append({"machine": host, "date": today, "size": size, "events": events, "tool": "stegvis_cli",
                         "metric": name, "run": r, "seconds": f"{seconds:.4f}", "cpu_seconds": f"{cpu:.2f}",
                         "rss_mb": f"{rss:.0f}", "heap_mb": "", "load_avg": f"{os.getloadavg()[0]:.1f}"})
    with open(RESULTS / "runs-cli.csv", "w", newline="") as f:
        w = csv.DictWriter(f, FIELDS)
        w.writeheader()
        w.writerows(rows)
    print("./stegvis metrics, median seconds: " + ", ".join(
        f"{n} {sorted(float(r['seconds']) for r in rows if r['metric'] == n)[runs // 2]:.2f}" for n in CLI_METRICS),
        flush=True)


def kernel(python, size=10_000, runs=3):
    """Kernel start to first chart on the demo store of `size` episodes -> bench/results/runs-kernel.csv."""
    _, events = cohort(size)
    values, rss = measured([python, str(ROOT / "bench" / "kernel_start.py"), str(WORK / f"store-{size}.duckdb"),
                            str(runs)], multi=True)
    rows = [{"machine": machine(), "date": datetime.date.today().isoformat(), "size": size, "events": events,
             "tool": "stegvis", "metric": "kernel_to_first_chart", "run": i + 1, "seconds": f"{sec:.4f}",
             "cpu_seconds": "", "rss_mb": "", "heap_mb": "", "load_avg": f"{os.getloadavg()[0]:.1f}"}
            for i, (sec, *_) in enumerate(values["kernel_to_first_chart"])]
    with open(RESULTS / "runs-kernel.csv", "w", newline="") as f:
        w = csv.DictWriter(f, FIELDS)
        w.writeheader()
        w.writerows(rows)
    print(f"kernel start to first chart: {[r['seconds'] for r in rows]} s", flush=True)


if __name__ == "__main__":
    main()
