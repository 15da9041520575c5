"""Kernel start to first chart: starts the "Java (stegvis)" Jupyter kernel with nbclient and runs the
first two cells of notebooks/03-ledtider.ipynb (open the store, a lead-time chart) against a demo
store; the time from asking for the kernel to the first image in the output, per run.

    .venv/bin/python bench/kernel_start.py STORE RUNS   (prints `kernel_to_first_chart<TAB>seconds<TAB>` per run)
"""
import sys
import time
from pathlib import Path

import nbformat
from nbclient import NotebookClient

ROOT = Path(__file__).resolve().parent.parent


def main():
    store, runs = Path(sys.argv[1]).resolve(), int(sys.argv[2])
    source = nbformat.read(ROOT / "notebooks" / "03-ledtider.ipynb", as_version=4)
    code = [c for c in source.cells if c.cell_type == "code"][:2]
    code[0].source = code[0].source.replace("build/demo/stegvis.duckdb", str(store))
    for _ in range(runs):
        nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(c.source) for c in code])
        start = time.perf_counter()
        client = NotebookClient(nb, kernel_name="stegvis", timeout=300, resources={"metadata": {"path": str(ROOT)}})
        client.execute()
        seconds = time.perf_counter() - start
        images = [o for o in nb.cells[1].outputs if any(k.startswith("image/") for k in o.get("data", {}))]
        if not images:
            sys.exit("the chart cell gave no image: " + str(nb.cells[1].outputs)[:2000])
        print(f"kernel_to_first_chart\t{seconds:.4f}\t", flush=True)


if __name__ == "__main__":
    main()
