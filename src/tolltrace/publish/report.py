"""`tolltrace report`: run the notebooks with papermill and publish them as offline HTML.

For each notebook in notebooks/ (in name order) this writes to the reports folder the
executed notebook, an HTML page with the code hidden, and the chart images; then an
index page with a computed summary of the findings. Every file is the same byte for byte
from run to run: papermill's timestamps, durations and paths are scrubbed, cell ids are
renumbered, and the pages carry the Vega bundle inline instead of loading it from a CDN.
"""

from __future__ import annotations

import base64
import hashlib
import html
import json
import shutil
import sys
from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor
from functools import cache
from pathlib import Path

import nbformat
import papermill
import vl_convert
from nbconvert import HTMLExporter
from nbconvert.preprocessors import Preprocessor

from tolltrace import config
from tolltrace.ingest.corpus import read_corpus_config
from tolltrace.model import (
    ArticleStatus,
)
from tolltrace.publish import charts
from tolltrace.publish.front_page import (
    CHARTS_SUBDIR,
    DATA_SUBDIR,
    changes_html,
    front_lead,
    index_html,
    provenance_line,
    read_summary_tables,
    summary_paragraph,
)
from tolltrace.publish.notebook import (
    CHART_MIMETYPE,
    ParameterError,
    Parameters,
    build_tables,
    display_path,
    resolve_parameters,
)
from tolltrace.run import engines, folders
from tolltrace.run.pipeline import setup_errors
from tolltrace.tables.csvio import read_table

TEMPLATES_DIR = Path(__file__).resolve().parent / "templates"
TEMPLATE_NAME = "tolltrace"
NOTEBOOK_PATTERN = "[0-9][0-9]-*.ipynb"
# The files the last report wrote, one relative path a line: the only ones it may delete.
WRITTEN_LIST = ".tolltrace-report-files"
# Tables the index page offers for download: small ones, whatever the corpus's size.
DOWNLOADS = (
    ("escalation.csv", "the escalation chart's points, with the claims behind each"),
    ("releases.csv", "every figure each source released"),
    ("estimates.csv", "low, best and high estimates per day"),
    ("changes.csv", "the claims and releases added, removed or changed since the last build"),
)
CELL_TIMEOUT_S = 1800
# The kernel logs errors only: its warning that it runs over TCP without encryption (on
# this machine's loopback, for the few seconds of a run) was printed three times a report.
KERNEL_ARGUMENTS = ["--IPKernelApp.log_level=ERROR"]
# The narrowest plot a chart is drawn at on a phone, in pixels.
MIN_PLOT_WIDTH = 160

INIT_JS = """(function () {
  "use strict";
  // A chart that says how (usermeta.tolltrace: plot width, room beside it) is narrowed to
  // its frame, so a phone shows it whole; its title is already the text above it.
  function fit(spec, target) {
    var meta = spec.usermeta && spec.usermeta.tolltrace;
    if (!meta) { return spec; }
    delete spec.title;
    var width = Math.max(MIN_PLOT_WIDTH, Math.min(meta.width, target.clientWidth - meta.reserve));
    (spec.vconcat || [spec]).forEach(function (view) { view.width = width; });
    return spec;
  }
  var specs = document.querySelectorAll("script.tolltrace-spec");
  Array.prototype.forEach.call(specs, function (el) {
    var target = document.getElementById(el.getAttribute("data-target"));
    var spec = fit(JSON.parse(el.textContent), target);
    vegaEmbed(target, spec, {renderer: "svg", actions: false, tooltip: {theme: "light"}})
      .then(function () { target.setAttribute("data-drawn", "true"); })
      .catch(function (err) {
        target.textContent = "This chart could not be drawn: " + err;
        target.setAttribute("data-drawn", "error");
      });
  });
})();""".replace("MIN_PLOT_WIDTH", str(MIN_PLOT_WIDTH))

PAGE_CSS = """
.jp-Notebook { max-width: 1100px; margin: 0 auto; }
.tolltrace-chart { margin: 1em 0; overflow-x: auto; }
.tolltrace-chart figcaption { font-size: 0.9em; color: #444; }
.tolltrace-chart-title { font-weight: bold; font-size: 1.1em; margin: 0 0 0.2em; }
.tolltrace-chart-dek { color: #333; margin: 0 0 0.5em; }
.jp-RenderedHTMLCommon table.tolltrace-table {
  border-collapse: collapse; font-size: 0.85em; table-layout: auto;
  display: block; overflow-x: auto; max-width: 100%;
}
.jp-RenderedHTMLCommon table.tolltrace-table th, .jp-RenderedHTMLCommon table.tolltrace-table td {
  border-bottom: 1px solid #ddd; padding: 2px 6px; text-align: left; vertical-align: top;
}
.jp-RenderedHTMLCommon table.tolltrace-table td.wide { min-width: 22em; }
.tolltrace-note { font-style: italic; color: #444; }
.tolltrace-table mark { background: #fde9a9; padding: 0 1px; }
.tolltrace-fold summary { cursor: pointer; font-style: italic; color: #444; }

#vg-tooltip-element { max-width: 420px; white-space: normal; }
.tolltrace-nav, .tolltrace-provenance {
  font-family: sans-serif; font-size: 0.9em; max-width: 1100px; margin: 0 auto; padding: 0.6em 1em;
}
.tolltrace-nav { border-bottom: 1px solid #ddd; font-size: 1em; }
.tolltrace-provenance { color: #555; border-top: 1px solid #ddd; }
"""


# ---------------------------------------------------------------- running notebooks


def notebook_paths(notebooks_dir: Path = config.NOTEBOOKS_DIR) -> list[Path]:
    """Return the numbered notebooks (`01-….ipynb`, …) in name order."""
    return sorted(notebooks_dir.glob(NOTEBOOK_PATTERN))


def execute_notebook(path: Path, parameters: dict[str, object]) -> nbformat.NotebookNode:
    """Run `path` with papermill on the project kernel; return the scrubbed notebook.

    With no parameters, papermill injects no cell, so the result is the notebook as
    committed with fresh outputs (how `refresh_notebooks` runs them).
    """
    nb = papermill.execute_notebook(
        str(path),
        None,
        parameters=parameters or None,
        kernel_name=config.KERNEL_NAME,
        progress_bar=False,
        log_output=False,
        request_save_on_cell_execute=False,
        # No cwd: papermill would change the whole process's working directory while
        # other notebooks run in threads. Every path the notebooks use is absolute.
        execution_timeout=CELL_TIMEOUT_S,
        extra_arguments=KERNEL_ARGUMENTS,
    )
    return scrub_notebook(nb)


def execute_all(
    paths: list[Path], parameters: dict[str, object], workers: int | None = None
) -> list[nbformat.NotebookNode]:
    """Run the notebooks side by side (one kernel each; by default all at once); keep order.

    Each notebook builds its tables in a private folder (notebook.build_tables), so
    concurrent runs never see each other's half-written files. Most of a run is kernel
    start-up and imports, which overlap well even on two cores.
    """
    workers = workers or max(1, len(paths))
    if workers == 1:
        return [execute_notebook(path, parameters) for path in paths]
    with ThreadPoolExecutor(max_workers=workers) as pool:
        return list(pool.map(lambda path: execute_notebook(path, parameters), paths))


def scrub_notebook(nb: nbformat.NotebookNode) -> nbformat.NotebookNode:
    """Remove run-specific metadata (times, durations, paths) and renumber cell ids.

    Changes `nb` in place and returns it.
    """
    nb.metadata.pop("papermill", None)
    nb.metadata.pop("widgets", None)
    nb.nbformat, nb.nbformat_minor = 4, 5
    for index, cell in enumerate(nb.cells):
        cell.id = f"cell-{index:02d}"
        cell.metadata.pop("papermill", None)
        cell.metadata.pop("execution", None)
        cell.metadata.pop("ExecuteTime", None)
        for output in cell.get("outputs", []):
            output.get("metadata", {}).pop("execution", None)
    return nb


def write_notebook(nb: nbformat.NotebookNode, path: Path) -> None:
    """Write `nb` to `path` as nbformat JSON with `\\n` line ends."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(nbformat.writes(nb) + "\n", encoding="utf-8", newline="\n")


# ---------------------------------------------------------------- HTML export


def script_json(value: object) -> str:
    """Return `value` as JSON safe inside an HTML <script> element.

    `<`, `>` and `&` become \\u escapes, so text such as `</script>` or `<!--` from an
    article cannot end the element or open markup; JSON.parse restores them exactly.
    """
    text = json.dumps(value, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    for char, escaped in (
        ("&", "\\u0026"),
        ("<", "\\u003c"),
        (">", "\\u003e"),
        ("\u2028", "\\u2028"),
        ("\u2029", "\\u2029"),
    ):
        text = text.replace(char, escaped)
    return text


def chart_embed_html(index: int, name: str, spec: dict, caption: str) -> str:
    """Return the markup of one interactive chart: a target, its spec and a caption.

    A chart that the page fits to its frame (its spec has `usermeta.tolltrace`) shows its
    title and subtitle as text above it, which wraps on a phone, and its source line under
    it; the spec keeps them for the SVG and PNG files.
    """
    target = f"tolltrace-chart-{index}"
    links = " ".join(
        f'<a href="{CHARTS_SUBDIR}/{html.escape(name)}.{ext}">{ext.upper()}</a>'
        for ext in ("svg", "png")
    )
    title = spec.get("title") if isinstance(spec.get("title"), dict) else None
    head, foot = "", html.escape(caption)
    if title and "tolltrace" in spec.get("usermeta", {}):
        lines = list(title.get("subtitle", []))
        head = (
            f'<p class="tolltrace-chart-title">{html.escape(str(title.get("text", "")))}</p>\n'
            f'<p class="tolltrace-chart-dek">{html.escape(" ".join(lines[:-1]))}</p>\n'
        )
        foot = html.escape(lines[-1]) if lines else ""
    return (
        '<figure class="tolltrace-chart">\n'
        f"{head}"
        f'<div id="{target}" class="tolltrace-chart-view" role="img" '
        f'aria-label="{html.escape(caption)}"></div>\n'
        f'<script type="application/json" class="tolltrace-spec" data-target="{target}">'
        f"{script_json(spec)}</script>\n"
        f"<figcaption>{foot} Download: {links}</figcaption>\n"
        "</figure>"
    )


class ChartEmbedPreprocessor(Preprocessor):
    """Replace each chart output (SVG + spec) by an interactive vega-embed chart."""

    def preprocess(self, nb, resources):
        """Number the charts across the notebook and record how many there are."""
        resources.setdefault("tolltrace", {})["n_charts"] = 0
        return super().preprocess(nb, resources)

    def preprocess_cell(self, cell, resources, index):
        """Turn every chart output of `cell` into escaped HTML for the page."""
        for output in cell.get("outputs", []):
            data = output.get("data", {})
            if CHART_MIMETYPE not in data:
                continue
            resources["tolltrace"]["n_charts"] += 1
            chart = data[CHART_MIMETYPE]
            caption = data.get("text/plain", "")
            output["data"] = {
                "text/html": chart_embed_html(
                    resources["tolltrace"]["n_charts"], chart["name"], chart["spec"], caption
                )
            }
        return cell, resources


# Cells tagged so in a notebook (its parameters and how the tables were built) come last on
# the published page, under APPENDIX_HEADING: a reader meets the finding and charts first.
APPENDIX_TAG = "appendix"
APPENDIX_HEADING = "## Appendix: parameters and how the tables were built"


class AppendixPreprocessor(Preprocessor):
    """Move the cells tagged APPENDIX_TAG to the end of the page, under a heading. The
    notebook itself keeps its order (it runs top to bottom)."""

    def preprocess(self, nb, resources):
        tagged = [c for c in nb.cells if APPENDIX_TAG in c.metadata.get("tags", [])]
        if tagged:
            rest = [c for c in nb.cells if APPENDIX_TAG not in c.metadata.get("tags", [])]
            heading = nbformat.v4.new_markdown_cell(APPENDIX_HEADING)
            heading.id = "appendix"
            nb.cells = [*rest, heading, *tagged]
        return nb, resources


@cache
def vega_bundle() -> str:
    """Return the Vega, Vega-Lite and vega-embed JavaScript that vl-convert ships."""
    bundle = vl_convert.javascript_bundle(vl_version=charts.VL_VERSION)
    # Inside <script>, only "</script" could end the element early; "<\/" means the same to JS.
    return bundle.replace("</script", "<\\/script")


def _script_hash(script: str) -> str:
    """Return the CSP source expression allowing exactly this inline script."""
    digest = hashlib.sha256(script.encode("utf-8")).digest()
    return "'sha256-" + base64.b64encode(digest).decode("ascii") + "'"


def content_security_policy() -> str:
    """Return the page's policy: no network at all, and only our own two scripts may run.

    Vega compiles its expressions with Function(), hence 'unsafe-eval'; injected inline
    scripts and event handlers from article text would still be refused.
    """
    scripts = " ".join(_script_hash(s) for s in (vega_bundle(), INIT_JS))
    return (
        "default-src 'none'; "
        f"script-src {scripts} 'unsafe-eval'; "
        "style-src 'unsafe-inline'; img-src data:; font-src data:; "
        "base-uri 'none'; form-action 'none'"
    )


def notebook_title(nb: nbformat.NotebookNode, fallback: str) -> str:
    """Return the first markdown heading of `nb`, or `fallback`."""
    for cell in nb.cells:
        if cell.cell_type == "markdown":
            for line in cell.source.splitlines():
                if line.startswith("#"):
                    return line.lstrip("#").strip()
    return fallback


def export_html(
    nb: nbformat.NotebookNode,
    title: str,
    provenance: str = "",
    nav: tuple[tuple[str, str], ...] = (),
    page: str = "",
) -> str:
    """Return `nb` as one offline HTML page with code hidden and interactive charts; a
    navigation bar to the front page and the other pages (`nav`: href and label of each,
    `page` this one's href) at its head and the build's provenance line at its foot."""
    exporter = HTMLExporter(
        extra_template_basedirs=[str(TEMPLATES_DIR)],
        template_name=TEMPLATE_NAME,
        exclude_input=True,
        exclude_input_prompt=True,
        exclude_output_prompt=True,
    )
    exporter.register_preprocessor(ChartEmbedPreprocessor(), enabled=True)
    exporter.register_preprocessor(AppendixPreprocessor(), enabled=True)
    resources = {
        "metadata": {"name": title},
        "tolltrace": {
            "vega_js": vega_bundle(),
            "init_js": INIT_JS,
            "csp": content_security_policy(),
            "css": PAGE_CSS,
            "provenance": provenance,
            "nav": nav,
            "page": page,
        },
    }
    body, _ = exporter.from_notebook_node(nbformat.from_dict(nb), resources=resources)
    return body if body.endswith("\n") else body + "\n"


def chart_outputs(nb: nbformat.NotebookNode) -> list[tuple[str, dict, str]]:
    """Return (name, Vega-Lite spec, SVG) of every chart output in `nb`, in order."""
    found = []
    for cell in nb.cells:
        for output in cell.get("outputs", []):
            data = output.get("data", {})
            chart = data.get(CHART_MIMETYPE)
            if chart:
                found.append((chart["name"], chart["spec"], data.get("image/svg+xml", "")))
    return found


def warm_up() -> None:
    """Prepare the export (Vega bundle, page policy, templates) while kernels start."""
    content_security_policy()
    export_html(nbformat.v4.new_notebook(), "warm-up")


# ---------------------------------------------------------------- index page


class NothingToPublish(Exception):
    """The raw folder gave no article to report on (`tolltrace report` exits 1)."""


def build_tables_apart(params: Parameters) -> None:
    """`build_tables(params, read=False)` in a child process.

    At 100,000 articles the build holds about 0.9 GB, which CPython keeps after the
    tables are written; the child gives it back when it ends, before the notebooks'
    kernels start. Its errors are raised here as the same exceptions.
    """
    with ProcessPoolExecutor(max_workers=1, mp_context=engines.pool_context()) as pool:
        pool.submit(build_tables, params, False).result()


def build_reports(
    raw_dir: Path | None = None,
    processed_dir: Path | None = None,
    reports_dir: Path | None = None,
    event_start: str | None = None,
    notebooks_dir: Path = config.NOTEBOOKS_DIR,
    jobs: int = 1,
) -> list[Path]:
    """Build the tables once, run every notebook on them, write the reports folder; return
    the files written.

    Arguments left as None keep the notebooks' defaults (the shipped corpus). `jobs` is the
    number of worker processes that build the tables. The notebooks run with
    `rebuild = False`: each reads the tables built here instead of building its own copy.
    """
    params = resolve_parameters(raw_dir, processed_dir, event_start, jobs=jobs)
    defaults = resolve_parameters(params.raw_dir, None, None)
    out = folders.absolute(reports_dir if reports_dir is not None else default_reports_dir(params))
    folders.check_apart(
        {
            "--raw-dir": params.raw_dir,
            "--processed-dir": params.processed_dir,
            "--reports-dir": out,
            "the notebooks folder": notebooks_dir,
        }
    )
    folders.check_writable(out, "--reports-dir")
    # Only what differs from the notebooks' defaults is injected, so the default run has
    # no machine-specific paths in its injected cell: only `rebuild = False`.
    parameters: dict[str, object] = {}
    if params.raw_dir.resolve() != config.RAW_DIR.resolve():
        parameters["raw_dir"] = str(params.raw_dir.resolve())
    if params.processed_dir.resolve() != defaults.processed_dir.resolve():
        parameters["processed_dir"] = str(params.processed_dir.resolve())
    if event_start is not None:
        parameters["event_start"] = params.event_start
    build_tables_apart(params)
    statuses = set(read_table(params.processed_dir / "articles.csv", ["status"])["status"])
    if not statuses & {ArticleStatus.OK, ArticleStatus.WARNING}:
        raise NothingToPublish(
            f"no usable article found in {display_path(params.raw_dir)}: nothing to publish "
            f"(see {display_path(params.processed_dir / 'articles.csv')})"
        )
    provenance = provenance_line(params)
    parameters["rebuild"] = False
    chart_dir = out / CHARTS_SUBDIR
    chart_dir.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    pages: list[tuple[str, str]] = []
    chart_names: list[str] = []
    paths = notebook_paths(notebooks_dir)
    nav = tuple(
        (f"{path.stem}.html", notebook_title(nbformat.read(path, as_version=4), path.stem))
        for path in paths
    )
    # All notebooks start at once; each is published as soon as it is done, while the
    # others still run, so the export overlaps the kernels' start-up and imports.
    with ThreadPoolExecutor(max_workers=max(1, len(paths))) as pool:
        runs = [pool.submit(execute_notebook, path, parameters) for path in paths]
        warm_up()
        for path, run in zip(paths, runs, strict=True):
            nb = run.result()
            write_notebook(nb, out / path.name)
            title = notebook_title(nb, path.stem)
            page = out / f"{path.stem}.html"
            html_page = export_html(nb, title, provenance, nav, page.name)
            page.write_text(html_page, encoding="utf-8", newline="\n")
            written += [out / path.name, page]
            pages.append((page.name, title))
            for name, spec, svg in chart_outputs(nb):
                written += charts.save_spec(spec, name, chart_dir, svg or None)
                chart_names.append(name)
    downloads = _copy_downloads(params.processed_dir, out / DATA_SUBDIR)
    written += [out / DATA_SUBDIR / name for name, _ in downloads]
    index = write_front_page(params, out, pages, chart_names, downloads, provenance)
    written.append(index)
    remove_stale(out, written)
    return written


def write_front_page(
    params: Parameters,
    out: Path,
    pages: list[tuple[str, str]],
    chart_names: list[str],
    downloads: tuple[tuple[str, str], ...],
    provenance: str,
) -> Path:
    """Write out/index.html from the tables (front_page.py); return its path."""
    tables = read_summary_tables(params.processed_dir)
    page = index_html(
        pages,
        chart_names,
        summary_paragraph(tables, params.outcome),
        downloads,
        changes_html(params.processed_dir),
        provenance,
        read_corpus_config(params.raw_dir).name,
        front_lead(tables, params.outcome),
    )
    index = out / "index.html"
    index.write_text(page, encoding="utf-8", newline="\n")
    return index


def default_reports_dir(params: Parameters) -> Path:
    """reports/ for the shipped corpus; `<raw>-reports` beside any other raw folder, so
    another corpus never overwrites the shipped pages."""
    if params.raw_dir.resolve() == config.RAW_DIR.resolve():
        return config.REPORTS_DIR
    return params.raw_dir.parent / f"{params.raw_dir.name}-reports"


def remove_stale(out: Path, written: list[Path]) -> None:
    """Delete what the last build wrote in `out` and this one did not (a removed chart or
    notebook), then record what this one wrote. A file the report never wrote is never
    touched: the record (WRITTEN_LIST) is the only list of files the report owns."""
    record = out / WRITTEN_LIST
    now = sorted({path.relative_to(out).as_posix() for path in written})
    before = record.read_text(encoding="utf-8").splitlines() if record.is_file() else []
    for name in sorted(set(before) - set(now)):
        stale = out / name
        # Only names of the report's own making: no "..", nothing outside `out`.
        if ".." not in Path(name).parts and stale.is_file() and not stale.is_symlink():
            stale.unlink()
    record.write_text("".join(f"{name}\n" for name in now), encoding="utf-8", newline="\n")


def _copy_downloads(processed_dir: Path, data_dir: Path) -> tuple[tuple[str, str], ...]:
    """Copy the DOWNLOADS tables that exist into `data_dir`; return those copied."""
    data_dir.mkdir(parents=True, exist_ok=True)
    copied = []
    for name, what in DOWNLOADS:
        source = processed_dir / name
        if source.is_file():
            shutil.copyfile(source, data_dir / name)
            copied.append((name, what))
    return tuple(copied)


def refresh_notebooks(notebooks_dir: Path = config.NOTEBOOKS_DIR) -> list[Path]:
    """Re-run each notebook in place on its default parameters; return the paths."""
    paths = notebook_paths(notebooks_dir)
    for path, nb in zip(paths, execute_all(paths, {}), strict=True):
        write_notebook(nb, path)
    return paths


def main_report(args) -> int:
    """Entry point of `tolltrace report`; returns the exit code.

    `args` has raw_dir, processed_dir, reports_dir, event_start, jobs and
    refresh_notebooks.
    """
    try:
        files = build_reports(
            getattr(args, "raw_dir", None),
            getattr(args, "processed_dir", None),
            getattr(args, "reports_dir", None),
            getattr(args, "event_start", None),
            jobs=getattr(args, "jobs", 1),
        )
        # After the reports, so a bad parameter or manifest stops before any notebook runs.
        if getattr(args, "refresh_notebooks", False):
            for path in refresh_notebooks():
                print(f"refreshed {display_path(path)}")
    except (ParameterError, *setup_errors()) as err:
        print(f"tolltrace report: {err}", file=sys.stderr)
        return 2
    except NothingToPublish as err:
        print(f"tolltrace report: {err}", file=sys.stderr)
        return 1
    except papermill.PapermillExecutionError as err:
        print(f"tolltrace report: a notebook failed: {err.ename}: {err.evalue}", file=sys.stderr)
        return 1
    index = files[-1]
    print(f"tolltrace report: {len(files)} files written; open {display_path(index)}")
    return 0
