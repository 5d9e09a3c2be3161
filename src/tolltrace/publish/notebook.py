"""Helpers the notebooks call: parameter checks, building the tables, and display objects.

Display objects emit only deterministic outputs: a chart is an SVG rendered by vl-convert
plus its Vega-Lite spec under a project mime type (the HTML export turns it into an
interactive chart); a table is HTML escaped by pandas. Nothing random, nothing remote.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import html
import tomllib
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from tolltrace import config
from tolltrace.analysis import column_flags
from tolltrace.ingest.corpus import CorpusConfigError, read_corpus_config
from tolltrace.ingest.listing import list_raw_files, raw_file_path
from tolltrace.model import (
    ARTICLES,
    CLAIMS,
    OUTCOMES,
    RELEASES,
    TABLES,
    ArticleStatus,
    DivergenceClass,
)
from tolltrace.publish import charts
from tolltrace.publish.html_table import table_html
from tolltrace.publish.labels import readable
from tolltrace.run.pipeline import process_corpus
from tolltrace.tables.csvio import read_table
from tolltrace.tables.provenance import read_datapackage, settings_hashes, stale_inputs

# Mime type of a chart's Vega-Lite spec in a notebook output. JupyterLab does not know it
# and shows the SVG next to it; report.py turns it into an interactive chart.
CHART_MIMETYPE = "application/vnd.tolltrace.chart+json"
TABLE_NAMES = tuple(table.name for table in TABLES)
MAX_TABLE_ROWS = 500

# Columns shown in the notebooks' tables (the CSVs hold every column).
LEDGER_COLUMNS = list(
    ARTICLES.select(
        "article_id", "outlet", "published", "format", "encoding", "characters", "n_claims",
        "status", "message", "duplicate_of",
    )
)  # fmt: skip
CLAIM_COLUMNS = list(
    CLAIMS.select(
        "article_id", "outlet", "outcome", "low", "high", "qualifier", "victim_group", "source",
        "time_text", "as_of", "mention", "sentence", "correction",
    )
)  # fmt: skip
RELEASE_COLUMNS = list(
    RELEASES.select(
        "source", "place", "series", "victim_group", "outcome", "scope", "series_order",
        "order_basis", "low", "high", "qualifier", "as_of_first", "as_of_last", "n_articles",
        "n_outlets",
    )
)  # fmt: skip
OTHER_PERIOD_COLUMNS = list(
    CLAIMS.select(
        "article_id", "outlet", "mention", "outcome", "victim_group", "source", "era_text",
        "sentence",
    )
)  # fmt: skip
DIFFERENCE_COLUMNS = list(
    CLAIMS.select(
        "article_id", "outlet", "mention", "source", "victim_group", "as_of", "divergence_class",
        "reference_value", "divergence_note", "sentence",
    )
)  # fmt: skip


class ParameterError(ValueError):
    """A notebook parameter that makes no sense; shown as one line, without a traceback."""

    def _render_traceback_(self) -> list[str]:
        """Tell IPython to print only the message (IPython calls this instead of a traceback)."""
        return [f"ParameterError: {self}"]


@dataclass(frozen=True, slots=True)
class Parameters:
    """Notebook parameters, checked and resolved to paths."""

    raw_dir: Path
    processed_dir: Path
    event_start: str | None
    outcome: str
    rebuild: bool = True
    jobs: int = 1

    def describe(self) -> pd.DataFrame:
        """Return the parameters as a two-column table, paths relative to the project.

        `jobs` is left out: it changes how fast the tables are built, never what they hold,
        so the table (and the notebook's stored output) is the same at any job count.
        """
        rows = [
            ("raw_dir", display_path(self.raw_dir)),
            ("processed_dir", display_path(self.processed_dir)),
            ("event_start", self.event_start or "(not set)"),
            ("outcome", self.outcome),
            (
                "rebuild",
                "yes: built from raw_dir" if self.rebuild else "no: read from processed_dir",
            ),
        ]
        return pd.DataFrame(rows, columns=["parameter", "value"])


def display_path(path: Path) -> str:
    """Return `path` relative to the project root when inside it, else as given."""
    try:
        return path.resolve().relative_to(config.PROJECT_ROOT).as_posix()
    except ValueError:
        return str(path)


def _resolve_dir(value: object, default: Path, name: str) -> Path:
    """Return `value` as a path (relative ones against the project root), or `default`."""
    if value is None or value == "":
        return default
    if not isinstance(value, str | Path):
        raise ParameterError(f"{name} must be a folder path written as text; got {value!r}")
    path = Path(value).expanduser()
    return path if path.is_absolute() else config.PROJECT_ROOT / path


def corpus_event_start(raw_dir: Path) -> str | None:
    """Return `event_start` from the corpus config next to `raw_dir`, or None if absent."""
    path = raw_dir / config.CORPUS_CONFIG_NAME
    if not path.is_file():
        return None
    try:
        value = tomllib.loads(path.read_text(encoding="utf-8")).get("event_start")
    except tomllib.TOMLDecodeError as err:
        raise ParameterError(f"{display_path(path)} is not valid TOML: {err}") from None
    return None if value is None else str(value)


def _check_date(value: object, where: str) -> str:
    """Return `value` as an ISO date string, or raise ParameterError naming `where`."""
    if isinstance(value, dt.date):
        return value.isoformat()
    try:
        return dt.date.fromisoformat(str(value).strip()).isoformat()
    except ValueError:
        raise ParameterError(
            f"{where} must be a date written YYYY-MM-DD (for example 2024-05-01); got {value!r}"
        ) from None


def resolve_parameters(
    raw_dir: object = None,
    processed_dir: object = None,
    event_start: object = None,
    outcome: object = "killed",
    rebuild: object = True,
    jobs: object = 1,
) -> Parameters:
    """Check the notebook parameters and resolve them; raise ParameterError with a clear message.

    `raw_dir=None` is the shipped corpus (config.RAW_DIR). `processed_dir=None` is
    config.PROCESSED_DIR for the shipped corpus and `<raw_dir>-processed` beside any other
    raw folder, so another corpus never overwrites the shipped tables. `event_start=None`
    reads `event_start` from the corpus config in the raw folder. `rebuild=False` reads
    the tables already in processed_dir instead of building them; `jobs` is the number of
    worker processes that build them.
    """
    raw = _resolve_dir(raw_dir, config.RAW_DIR, "raw_dir")
    if not raw.is_dir():
        raise ParameterError(f"raw_dir {str(raw)!r} does not exist or is not a folder")
    default_out = (
        config.PROCESSED_DIR
        if raw.resolve() == config.RAW_DIR.resolve()
        else raw.parent / f"{raw.name}-processed"
    )
    out = _resolve_dir(processed_dir, default_out, "processed_dir")
    if out.exists() and not out.is_dir():
        raise ParameterError(f"processed_dir {str(out)!r} exists and is not a folder")
    if event_start is None or event_start == "":
        found = corpus_event_start(raw)
        start = None if found is None else _check_date(found, f"event_start in {raw.name}/")
    else:
        start = _check_date(event_start, "event_start")
    if outcome not in OUTCOMES:
        raise ParameterError(f"outcome must be one of {', '.join(OUTCOMES)}; got {outcome!r}")
    if not isinstance(rebuild, bool):
        raise ParameterError(f"rebuild must be True or False; got {rebuild!r}")
    if isinstance(jobs, bool) or not isinstance(jobs, int) or jobs < 1:
        raise ParameterError(f"jobs must be a whole number of at least 1; got {jobs!r}")
    if not rebuild:
        missing = [n for n in TABLE_NAMES if not (out / f"{n}.csv").is_file()]
        if missing:
            raise ParameterError(
                f"rebuild is False but processed_dir {display_path(out)!r} has no "
                f"{', '.join(f'{n}.csv' for n in missing)}; set rebuild = True or run "
                "tolltrace process first"
            )
        differs = ledger_mismatch(raw, out)
        if differs:
            raise ParameterError(
                f"rebuild is False but the tables in {display_path(out)!r} were not built "
                f"from the files now in raw_dir: {differs}; set rebuild = True"
            )
        stale = stale_settings(raw, out, start)
        if stale:
            raise ParameterError(
                f"rebuild is False but the tables in {display_path(out)!r} were built with "
                f"other inputs: {stale}; set rebuild = True"
            )
    return Parameters(raw, out, start, str(outcome), rebuild, jobs)


def stale_settings(raw_dir: Path, processed_dir: Path, event_start: str | None) -> str:
    """Which inputs other than the articles (ledger_mismatch checks those) changed since
    the tables in `processed_dir` were built, from their datapackage.json ("": none)."""
    package = read_datapackage(processed_dir)
    if package is None:
        return "no datapackage.json says which (a build by an older tolltrace)"
    recorded = package.get("tolltrace", {}).get("inputs", {})
    changed = stale_inputs(recorded, settings_hashes(raw_dir, event_start))
    return ", ".join(f"{name} changed" for name in changed)


def ledger_mismatch(raw_dir: Path, processed_dir: Path) -> str:
    """Say how the ledger in `processed_dir` and the files in `raw_dir` differ ("": not).

    Compares the ledger's (articles.csv) file names with the article files now in
    `raw_dir`, and each file's sha256 with the ledger's, so tables built from another
    folder, or before files were added, removed or edited, are caught. A file the pipeline
    could not read (too large, unreadable) has no sha256 in the ledger and is checked by
    name only. A changed manifest, event_start, alias table or extractor is not detected.
    """

    ledger_table = read_table(processed_dir / "articles.csv", ["file", "sha256", "status"])
    ledger = {
        file: sha
        for file, sha, status in ledger_table.itertuples(index=False)
        if status != ArticleStatus.MISSING
    }
    names, _ = list_raw_files(raw_dir)
    added = sorted(set(names) - set(ledger))
    gone = sorted(set(ledger) - set(names))
    changed = [
        name
        for name in sorted(set(names) & set(ledger))
        if ledger[name] and _sha256(raw_file_path(raw_dir, name)) != ledger[name]
    ]
    parts = [
        f"{len(files)} {what} (first: {files[0]})"
        for files, what in ((added, "new"), (gone, "no longer there"), (changed, "changed"))
        if files
    ]
    return "; ".join(parts)


def _sha256(path: str) -> str:
    """The file's sha256 in hex, or "" when it cannot be read (then it counts as changed)."""
    try:
        with open(path, "rb") as fh:
            return hashlib.file_digest(fh, "sha256").hexdigest()
    except OSError:
        return ""


def build_tables(params: Parameters, read: bool = True) -> dict[str, pd.DataFrame]:
    """Run the pipeline on `params.raw_dir` into `params.processed_dir`; return its tables.

    This is the same function `tolltrace process` calls, so a notebook and the command
    line can never disagree: it writes into a private folder and moves the tables in at
    the end, under a lock (run/folders.py), so a half-written table is never read. With
    `params.rebuild` False the tables already in `processed_dir` are read instead. With
    `read` False the tables are written but not read, and {} is returned.
    """

    if not params.rebuild:
        return read_tables(params.processed_dir)
    # Notebooks run side by side: each waits for the other's build rather than failing.
    process_corpus(
        params.raw_dir,
        params.processed_dir,
        event_start=params.event_start,
        jobs=params.jobs,
        progress=False,
        wait=True,
    )
    return read_tables(params.processed_dir) if read else {}


def read_tables(
    processed_dir: Path, columns: dict[str, list[str]] | None = None
) -> dict[str, pd.DataFrame]:
    """Read every processed table in `processed_dir` with tables.read_table.

    `columns` maps a table name to the only columns to read from it.
    """

    columns = columns or {}
    return {
        name: read_table(processed_dir / f"{name}.csv", columns.get(name)) for name in TABLE_NAMES
    }


class ChartOutput:
    """A chart as a notebook output: SVG for JupyterLab and nbval, spec for the HTML page."""

    def __init__(self, figure: charts.Figure) -> None:
        """Render `figure` once; the outputs are fixed from here on."""
        self.figure = figure
        self.spec = figure.spec()
        self.svg = charts.spec_to_svg(self.spec)

    def _repr_mimebundle_(self, include=None, exclude=None) -> tuple[dict, dict]:
        """Return the output bundle and its metadata (the chart's file name)."""
        data = {
            "image/svg+xml": self.svg,
            CHART_MIMETYPE: {"name": self.figure.name, "spec": self.spec},
            "text/plain": f"{self.figure.title}. {self.figure.caption}",
        }
        return data, {"tolltrace": {"chart": self.figure.name}}


class NoteOutput:
    """A one-line note in place of a chart that would have nothing to draw."""

    def __init__(self, text: str) -> None:
        """Keep the note's text."""
        self.text = text

    def _repr_mimebundle_(self, include=None, exclude=None) -> dict:
        """Return the note as escaped HTML and as text."""
        return {
            "text/html": f'<p class="tolltrace-note">{html.escape(self.text)}</p>',
            "text/plain": self.text,
        }


def show_chart(figure: charts.Figure) -> ChartOutput | NoteOutput:
    """Return `figure` as a notebook output (use as a cell's last expression).

    A chart with no data becomes a note saying so, rather than empty axes.
    """
    if figure.rows == 0:
        return NoteOutput(f"{figure.title}: nothing to chart in this corpus.")
    return ChartOutput(figure)


class TableOutput:
    """A table as a notebook output: escaped HTML (html_table) and a short text."""

    def __init__(
        self, frame: pd.DataFrame, total: int, noun: str, urls: dict[str, str] | None = None
    ) -> None:
        """Keep the rows to show, how many there were, what one row is called and the
        articles' addresses (article_id -> url) its outlets link to."""
        self.frame = frame
        self.total = total
        self.noun = noun
        self.urls = urls or {}

    def _repr_mimebundle_(self, include=None, exclude=None) -> dict:
        """Return the table as escaped HTML and a one-line text version."""
        shown = len(self.frame)
        note = f"{self.total:,} {self.noun}"
        if shown < self.total:
            note = f"first {shown:,} of {self.total:,} {self.noun}; the CSV holds them all"
        return {"text/html": table_html(self.frame, note, self.urls), "text/plain": note}


def event_window(params: Parameters) -> tuple[str | None, str | None]:
    """(event_start, event_end) of the run: the parameter, else corpus.toml's; None when
    unknown. The escalation chart's time axis covers this window."""
    try:
        corpus = read_corpus_config(params.raw_dir)
    except CorpusConfigError as err:
        raise ParameterError(str(err)) from None
    end = corpus.event_end.isoformat() if corpus.event_end else None
    return params.event_start, end


def show_table(
    frame: pd.DataFrame,
    columns: list[str] | None = None,
    noun: str = "rows",
    max_rows: int = MAX_TABLE_ROWS,
    articles: pd.DataFrame | None = None,
) -> TableOutput:
    """Return the `columns` of `frame` as an escaped table of at most `max_rows` rows, in a
    reader's words (labels.readable); with the `articles` ledger, each outlet links to its
    article's address."""
    chosen = frame if columns is None else frame[[c for c in columns if c in frame]]
    urls: dict[str, str] = {}
    if articles is not None and "url" in articles:
        known = articles[articles["url"].fillna("") != ""]
        urls = dict(zip(known["article_id"].astype(str), known["url"].astype(str), strict=True))
    shown = readable(chosen.head(max_rows).reset_index(drop=True))
    return TableOutput(shown, len(frame), noun, urls)


def other_period_claims(claims: pd.DataFrame) -> pd.DataFrame:
    """Return the claims marked `other_period` (tolls of an earlier event or a longer
    period), with OTHER_PERIOD_COLUMNS, in table order."""
    chosen = claims[column_flags(claims, "other_period")]
    return chosen[[c for c in OTHER_PERIOD_COLUMNS if c in chosen]].reset_index(drop=True)


def differing_claims(claims: pd.DataFrame, outcome: str) -> pd.DataFrame:
    """Return the `outcome` claims whose divergence class is not `same`, in table order."""
    same = DivergenceClass.SAME
    chosen = claims[(claims["outcome"] == outcome) & (claims["divergence_class"] != same)]
    return chosen[[c for c in DIFFERENCE_COLUMNS if c in chosen]].reset_index(drop=True)
