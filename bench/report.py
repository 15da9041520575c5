"""Summarises bench/results/runs-*.csv: the median of the runs per size, tool and measurement
(summary.csv), the table for the README (summary.md) and the 10k -> 100k -> 1M chart (chart.png).

    python bench/report.py [RESULTS_DIR]
"""
import sys
from pathlib import Path

import matplotlib
import pandas as pd

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402

METRICS = ["funnel", "steps", "transitions", "leadtime", "leadtime_split", "flow", "outcomes", "flow_quality",
           "compare", "data_quality"]


def fmt(x):
    return "" if pd.isna(x) else f"{x:.2f}" if x >= 0.1 else f"{x * 1000:.0f} ms"


def both(wall, cpu):
    """Wall-clock seconds and, in brackets, the process's CPU seconds (all threads)."""
    return fmt(wall) + ("" if pd.isna(cpu) else f" ({fmt(cpu)})")


def main():
    results = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).resolve().parent / "results"
    runs = pd.concat([pd.read_csv(f) for f in sorted(results.glob("runs-*.csv"))])
    cli = runs[runs.tool == "stegvis_cli"]
    runs = runs[runs.tool != "stegvis_cli"]
    med = runs.groupby(["size", "events", "tool", "metric"]).agg(
        seconds=("seconds", "median"), cpu_seconds=("cpu_seconds", "median"), runs=("seconds", "size"),
        rss_mb=("rss_mb", "max"), heap_mb=("heap_mb", "max"), load_avg=("load_avg", "median")).reset_index()
    med.to_csv(results / "summary.csv", index=False)

    def get(tool, metric, size, col="seconds"):
        v = med[(med.tool == tool) & (med.metric == metric) & (med["size"] == size)][col]
        return v.iloc[0] if len(v) else float("nan")

    sizes = sorted(med["size"].unique())
    events = {s: int(med[med["size"] == s].events.iloc[0]) for s in sizes}
    head = "| | " + " | ".join(f"{s:,} episodes ({events[s]:,} events)" for s in sizes) + " |"
    lines = [f"Machine: {runs.machine.iloc[0]}; {runs.date.min()}; load average during the runs (median) "
             + ", ".join(f"{s:,}: {runs[runs['size'] == s].load_avg.median():.1f}" for s in sizes)
             + ". Median of runs (runs per size: "
             + ", ".join(f"{s:,}: {int(get('stegvis', 'suite', s, 'runs'))}" for s in sizes)
             + "). Wall-clock seconds (unless marked ms), in brackets the CPU seconds of the process (all threads).",
             "", head, "|---" * (len(sizes) + 1) + "|"]

    def row(label, values):
        lines.append(f"| {label} | " + " | ".join(values) + " |")

    def timed(tool, metric):
        return [both(get(tool, metric, s), get(tool, metric, s, "cpu_seconds")) for s in sizes]

    row("**import**: stegvis (validation, pseudonymisation), warm JVM", timed("stegvis", "import"))
    row("DuckDB bare `read_csv` into tables (floor), warm JVM", timed("duckdb", "bare_read_csv"))
    def ratio(a, b, col):
        return [f"{get(*a, s, col) / get(*b, s, col):.1f}x" for s in sizes]

    row("ratio stegvis / bare, wall (CPU) (target <= 2)",
        [w + f" ({c})" for w, c in zip(ratio(("stegvis", "import"), ("duckdb", "bare_read_csv"), "seconds"),
                                        ratio(("stegvis", "import"), ("duckdb", "bare_read_csv"), "cpu_seconds"))])
    row("`./stegvis import` from a cold start (one run)", [fmt(get("stegvis", "import_cli_cold", s)) for s in sizes])
    row("pandas `read_csv` of the six core files its suite reads", timed("pandas", "load"))
    row("peak RSS import: stegvis / bare DuckDB (MB)",
        [f"{get('stegvis', 'import', s, 'rss_mb'):.0f} / {get('duckdb', 'bare_read_csv', s, 'rss_mb'):.0f}" for s in sizes])
    row("peak Java heap import (MB)", [f"{get('stegvis', 'import', s, 'heap_mb'):.0f}" for s in sizes])
    row("**suite** (9 metrics, no data quality): stegvis, warm JVM", timed("stegvis", "suite_without_dq"))
    row("the same in pandas (data loaded)", timed("pandas", "suite_without_dq"))
    row("ratio pandas / stegvis, wall (CPU) (target >= 5)",
        [w + f" ({c})" for w, c in zip(ratio(("pandas", "suite_without_dq"), ("stegvis", "suite_without_dq"), "seconds"),
                                        ratio(("pandas", "suite_without_dq"), ("stegvis", "suite_without_dq"), "cpu_seconds"))])
    row("stegvis suite with data quality (target <= 10 s at 1M)", timed("stegvis", "suite"))
    row("stegvis suite again, per-episode tables cached", timed("stegvis", "suite_cached"))
    row("peak RSS suite: stegvis / pandas (MB)",
        [f"{get('stegvis', 'suite', s, 'rss_mb'):.0f} / {get('pandas', 'suite_without_dq', s, 'rss_mb'):.0f}" for s in sizes])
    row("kernel start to first chart, `03-ledtider` cells 1-2 via nbclient (target <= 5 s)",
        [fmt(get("stegvis", "kernel_to_first_chart", s)) for s in sizes])
    for m in METRICS:
        cells = []
        for s in sizes:
            parts = [both(get("stegvis", m, s), get("stegvis", m, s, "cpu_seconds")),
                     both(get("stegvis", "in_suite_" + m, s), get("stegvis", "in_suite_" + m, s, "cpu_seconds")),
                     both(get("pandas", m, s), get("pandas", m, s, "cpu_seconds"))]
            cells.append(" / ".join(p if p else "-" for p in parts))
        row(f"`{m}`: stegvis alone / stegvis in the suite / pandas alone", cells)
    if len(cli):
        c = cli.groupby("metric", sort=False).agg(seconds=("seconds", "median"), cpu=("cpu_seconds", "median"),
                                                  rss=("rss_mb", "max"))
        lines += ["", f"`./stegvis metrics NAME --db FILE` from a cold start on the demo store of the default size "
                      f"({int(cli['size'].iloc[0]):,} episodes), median of {int(cli.run.max())} runs, load average "
                      f"{cli.load_avg.median():.1f} (target < 1 s each; slowest {c.seconds.max():.2f} s, "
                      f"peak RSS {c.rss.max():.0f} MB):", "",
                  "| " + " | ".join(f"`{m}`" for m in c.index) + " |", "|---" * len(c) + "|",
                  "| " + " | ".join(f"{v:.2f} ({u:.2f})" for v, u in zip(c.seconds, c.cpu)) + " |",
                  "", "Wall-clock seconds, in brackets the CPU seconds of the process (user + system, all threads)."]
    (results / "summary.md").write_text("\n".join(lines) + "\n")

    fig, ax = plt.subplots(figsize=(7, 4.5))
    series = [("stegvis", "suite", "stegvis suite (with data quality)", "C0", "-"),
              ("pandas", "suite_without_dq", "pandas suite (without data quality)", "C1", "-"),
              ("stegvis", "suite_without_dq", "stegvis suite (without data quality)", "C0", ":"),
              ("stegvis", "import", "stegvis import", "C2", "-"),
              ("duckdb", "bare_read_csv", "DuckDB bare read_csv", "C2", "--"),
              ("pandas", "load", "pandas read_csv", "C1", "--")]
    events = [events[s] for s in sizes]
    for tool, metric, label, colour, style in series:
        ys = [get(tool, metric, s) for s in sizes]
        ax.plot(events, ys, marker="o", color=colour, linestyle=style, label=label)
    lo, hi = min(events), max(events)
    ax.plot([lo, hi], [1, hi / lo], color="grey", linewidth=0.6, label="linear (slope 1)")
    ax.set_xscale("log")
    ax.set_yscale("log")
    ax.set_xlabel("events (" + " / ".join(f"{s:,}" for s in sizes) + " episodes)")
    ax.set_ylabel("seconds (median)")
    ax.set_title("stegvis vs pandas and bare DuckDB, warm", fontsize=10)
    ax.grid(True, which="both", linewidth=0.3)
    ax.legend(fontsize=7)
    fig.tight_layout()
    fig.savefig(results / "chart.png", dpi=110)


if __name__ == "__main__":
    main()
