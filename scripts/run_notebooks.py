"""Executes the notebooks headlessly with the "Java (stegvis)" kernel and writes the seminar pack.

    .venv/bin/python scripts/run_notebooks.py                 # every notebook -> build/seminar/
    .venv/bin/python scripts/run_notebooks.py --check         # execute only, no HTML (for make test)
    STEGVIS_MUNICIPALITY=Smedjebacken .venv/bin/python scripts/run_notebooks.py --only 06-seminarium

notebooks/remittent/remittent.ipynb is run once per referral source of the data dictionary
(STEGVIS_REFERRAL_SOURCE=code) into build/seminar/remittent-CODE.html: feedback pages for referrers.

For each notebooks/NN-name.ipynb: build/seminar/NN-name.html (code hidden, charts embedded),
build/seminar/charts/NN-name/*.png|svg (every chart the notebook showed) and
build/seminar/executed/NN-name.ipynb; then build/seminar/index.html. Exits 1 if any cell failed.
Parameters reach the notebooks as STEGVIS_* environment variables (read with Stegvis.param).
"""
import argparse
import html
import json
import os
import re
import shutil
import sys
import time
from pathlib import Path

import nbformat
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError
from nbconvert import HTMLExporter

HOME = Path(__file__).resolve().parent.parent
KERNEL = "stegvis"


def title_of(nb, fallback):
    for cell in nb.cells:
        if cell.cell_type == "markdown":
            m = re.search(r"^#\s+(.+)$", cell.source, re.MULTILINE)
            if m:
                return m.group(1).strip()
    return fallback


def drop_logging_noise(nb):
    """Removes library warnings on stderr (SLF4J's "no providers") that mean nothing to a reader."""
    for cell in nb.cells:
        if cell.cell_type == "code":
            cell.outputs = [o for o in cell.outputs
                            if not (o.output_type == "stream" and o.get("name") == "stderr"
                                    and o.get("text", "").lstrip().startswith("SLF4J"))]


def execute(path, charts_dir, timeout):
    nb = nbformat.read(path, as_version=4)
    if charts_dir is not None:
        shutil.rmtree(charts_dir, ignore_errors=True)
        charts_dir.mkdir(parents=True, exist_ok=True)
        os.environ["STEGVIS_CHARTS_DIR"] = str(charts_dir)
    else:
        os.environ.pop("STEGVIS_CHARTS_DIR", None)
    # Both limits only stop a hang; they are far above what a cell or a kernel start takes on a loaded
    # machine, so they never decide a run (nbclient's own kernel start limit is 60 s).
    client = NotebookClient(nb, kernel_name=KERNEL, timeout=timeout, startup_timeout=timeout,
                            resources={"metadata": {"path": str(HOME)}})
    started = time.time()
    error = None
    try:
        client.execute()
    except CellExecutionError as e:
        error = str(e)
    drop_logging_noise(nb)
    return nb, error, time.time() - started


PAGE_CSS = """
<style>
  body { font-family: "DejaVu Sans", "Segoe UI", sans-serif; }
  .jp-RenderedHTMLCommon { font-size: 20px; line-height: 1.45; max-width: 1400px; }
  .jp-RenderedHTMLCommon h1 { font-size: 40px; } .jp-RenderedHTMLCommon h2 { font-size: 30px; }
  .jp-OutputArea-output img { max-width: 100%; height: auto; }
  .jp-RenderedHTMLCommon table { font-size: 17px; }
  .stegvis-back { font-size: 16px; margin: 12px 0; }
</style>
"""


def to_html(nb, title):
    exporter = HTMLExporter(template_name="lab")
    exporter.exclude_input = True
    exporter.exclude_input_prompt = True
    exporter.exclude_output_prompt = True
    body, _ = exporter.from_notebook_node(nb, resources={"metadata": {"name": title}})
    back = '<div class="stegvis-back"><a href="index.html">&larr; Alla sidor</a></div>'
    body = body.replace("</head>", PAGE_CSS + "</head>", 1)
    return re.sub(r"(<body[^>]*>)", r"\1" + back, body, count=1)


def referral_sources():
    """(code, Swedish name) of every referral source in the data dictionary."""
    codes = json.loads((HOME / "data-dictionary" / "codelists.json").read_text(encoding="utf-8"))
    return [(c["code"], c["sv"]) for c in codes["referral_source"]["codes"]]


def write_index(out, pages, referrer_pages=()):
    rows = []
    for p in pages:
        charts = "".join(
            f'<li><a href="{html.escape(c.relative_to(out).as_posix())}">{html.escape(c.stem)}</a> '
            f'(<a href="{html.escape(c.with_suffix(".svg").relative_to(out).as_posix())}">SVG</a>)</li>'
            for c in p["charts"])
        status = "" if p["error"] is None else ' <strong style="color:#D55E00">(fel vid körning)</strong>'
        rows.append(f'<section><h2><a href="{p["html"]}">{html.escape(p["title"])}</a>{status}</h2>'
                    f'<ul class="charts">{charts}</ul></section>')
    params = "".join(f"<li>{html.escape(k)} = {html.escape(v)}</li>"
                     for k, v in sorted(os.environ.items())
                     if k.startswith("STEGVIS_") and v and k not in ("STEGVIS_CHARTS_DIR", "STEGVIS_HOME"))
    (out / "index.html").write_text(f"""<!DOCTYPE html>
<html lang="sv"><head><meta charset="utf-8"><title>stegvis – seminariematerial</title>
<style>
 body {{ font-family: "DejaVu Sans", sans-serif; max-width: 1100px; margin: 2em auto; font-size: 20px; color: #1a1a1a; }}
 h1 {{ font-size: 40px; }} h2 {{ font-size: 28px; margin-bottom: 0.2em; }}
 a {{ color: #0072B2; }} ul.charts {{ font-size: 16px; columns: 2; }}
</style></head><body>
<h1>stegvis – seminariematerial</h1>
<p>Genererat {time.strftime("%Y-%m-%d %H:%M")} från <code>{html.escape(os.environ.get("STEGVIS_DB", "build/demo/stegvis.duckdb"))}</code>.
Alla diagram finns också som PNG och SVG under <a href="charts/">charts/</a>.</p>
{"<p>Parametrar:</p><ul>" + params + "</ul>" if params else ""}
{"".join(rows)}
{"<section><h2>Återkoppling till remittenter</h2><ul>" + "".join(
    f'<li><a href="{html.escape(p["html"])}">{html.escape(p["title"])}</a>'
    + ('' if p["error"] is None else ' <strong style="color:#D55E00">(fel vid körning)</strong>') + '</li>'
    for p in referrer_pages) + "</ul></section>" if referrer_pages else ""}
</body></html>
""", encoding="utf-8")


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--notebooks", default=str(HOME / "notebooks"))
    ap.add_argument("--out", default=str(HOME / "build" / "seminar"))
    ap.add_argument("--only", nargs="*", help="notebook names (stems) to run")
    ap.add_argument("--check", action="store_true", help="execute only; write no HTML")
    ap.add_argument("--timeout", type=int, default=600, help="seconds per cell")
    args = ap.parse_args()

    every = sorted(Path(args.notebooks).glob("*.ipynb"))
    paths = [p for p in every if not args.only or p.stem in args.only]
    if not paths and not (args.only and "remittent" in args.only):
        print("run_notebooks: no notebooks found", file=sys.stderr)
        return 1
    out = Path(args.out).resolve()
    if not args.check:
        out.mkdir(parents=True, exist_ok=True)
        (out / "executed").mkdir(exist_ok=True)
    errors = {}
    failed = 0
    for path in paths:
        charts_dir = None if args.check else out / "charts" / path.stem
        nb, error, seconds = execute(path, charts_dir, args.timeout)
        title = title_of(nb, path.stem)
        print(f"{'FEL' if error else 'ok '} {path.name:32s} {seconds:6.1f} s  {title}", flush=True)
        if error:
            failed += 1
            errors[path.stem] = error
            print(error, file=sys.stderr)
        if not args.check:
            nbformat.write(nb, out / "executed" / path.name)
            (out / f"{path.stem}.html").write_text(to_html(nb, title), encoding="utf-8")
    referrer_pages = []
    template = Path(args.notebooks) / "remittent" / "remittent.ipynb"
    if template.exists() and (not args.only or "remittent" in args.only):
        for code, name in referral_sources():
            stem = f"remittent-{code}"
            os.environ["STEGVIS_REFERRAL_SOURCE"] = code
            charts_dir = None if args.check else out / "charts" / stem
            nb, error, seconds = execute(template, charts_dir, args.timeout)
            title = f"Återkoppling till {name}"
            print(f"{'FEL' if error else 'ok '} {stem + '.ipynb':32s} {seconds:6.1f} s  {title}", flush=True)
            if error:
                failed += 1
                print(error, file=sys.stderr)
            if not args.check:
                nbformat.write(nb, out / "executed" / f"{stem}.ipynb")
                (out / f"{stem}.html").write_text(to_html(nb, title), encoding="utf-8")
            referrer_pages.append({"title": title, "html": f"{stem}.html", "error": error})
        os.environ.pop("STEGVIS_REFERRAL_SOURCE", None)
    if not args.check:
        # The index lists every page present, also those of earlier runs when --only was used.
        pages = []
        for path in every:
            executed = out / "executed" / path.name
            if executed.exists():
                charts_dir = out / "charts" / path.stem
                pages.append({"title": title_of(nbformat.read(executed, as_version=4), path.stem),
                              "html": f"{path.stem}.html", "error": errors.get(path.stem),
                              "charts": sorted(charts_dir.glob("*.png")) if charts_dir.exists() else []})
        write_index(out, pages, referrer_pages)
        print(f"wrote {out / 'index.html'}")
    print(f"{len(paths) + len(referrer_pages) - failed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
