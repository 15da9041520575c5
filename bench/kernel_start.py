"""Kernel start to first chart: starts the "Java (stegvis)" Jupyter kernel with nbclient and runs the
first two cells of notebooks/03-ledtider.ipynb (open the store, a lead-time chart) against a demo
store; the time from asking for the kernel to the first image in the output, per run. When the jar is
newer than the kernel's class-data archive, one session comes first (reported apart, as
`kernel_first_session_after_build`) and the archive it leads to (kernel/stegvis-kernel writes it in the
background once per build) is waited for: every session but the first after a build maps it.

    .venv/bin/python bench/kernel_start.py STORE RUNS   (prints `kernel_to_first_chart<TAB>seconds<TAB>` per run)
"""
import sys
import time
from pathlib import Path

import nbformat
from nbclient import NotebookClient

ROOT = Path(__file__).resolve().parent.parent
ARCHIVE = ROOT / "target" / "cds" / "kernel.jsa"
# The archive is stale when older than either jar it holds classes of (as kernel/stegvis-kernel checks).
JARS = [ROOT / "target" / "stegvis.jar", Path(sys.prefix) / "share" / "jupyter" / "kernels" / "java" / "jjava.jar"]


def session(code):
    """Runs the cells in a fresh kernel; returns the executed notebook and its seconds."""
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(c.source) for c in code])
    start = time.perf_counter()
    client = NotebookClient(nb, kernel_name="stegvis", timeout=300, resources={"metadata": {"path": str(ROOT)}})
    client.execute()
    return nb, time.perf_counter() - start


def archive_fresh():
    return ARCHIVE.exists() and all(ARCHIVE.stat().st_mtime > jar.stat().st_mtime for jar in JARS)


def main():
    store, runs = Path(sys.argv[1]).resolve(), int(sys.argv[2])
    source = nbformat.read(ROOT / "notebooks" / "03-ledtider.ipynb", as_version=4)
    code = [c for c in source.cells if c.cell_type == "code"][:2]
    code[0].source = code[0].source.replace("build/demo/stegvis.duckdb", str(store))
    if not archive_fresh():
        _, seconds = session(code)
        print(f"kernel_first_session_after_build\t{seconds:.4f}\t", flush=True)
        deadline = time.monotonic() + 300
        while not archive_fresh() and time.monotonic() < deadline:
            time.sleep(1)
    for _ in range(runs):
        nb, seconds = session(code)
        images = [o for o in nb.cells[1].outputs if any(k.startswith("image/") for k in o.get("data", {}))]
        if not images:
            sys.exit("the chart cell gave no image: " + str(nb.cells[1].outputs)[:2000])
        print(f"kernel_to_first_chart\t{seconds:.4f}\t", flush=True)


if __name__ == "__main__":
    main()
