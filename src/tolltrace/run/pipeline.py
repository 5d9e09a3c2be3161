"""`process_corpus`: a raw folder → the articles ledger, claims and analysis tables.

Each file is read and its claims extracted by `process_file`, a top-level function run
through `engines.map_ordered` (in this process, a process pool or Dask). It returns a small
result: the ledger fields and compact claim rows, never the text. The main process then
marks duplicates, joins the manifest, builds the tables, runs the analysis, checks every
table against its schema and writes it. What each ledger status means is part of the
articles table's definition (`status` in model/columns.py, docs/data-dictionary.md).
"""

from __future__ import annotations

import datetime as dt
import sys
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd

from tolltrace import config
from tolltrace.analysis import analyze
from tolltrace.analysis.dating import parse_published
from tolltrace.extract.sources import SourceTable, SourceTableError
from tolltrace.ingest.corpus import (
    CorpusConfig,
    CorpusConfigError,
    read_corpus_config,
    resolve_event_start,
)
from tolltrace.ingest.corrections import CorrectionsError, read_corrections
from tolltrace.ingest.listing import (
    assign_article_ids,
    list_raw_files,
    match_spellings,
    raw_file_path,
)
from tolltrace.ingest.manifest import Manifest, ManifestEntry, ManifestError, read_manifest
from tolltrace.model import (
    ARTICLE_COLUMNS,
    ARTICLES,
    CLAIMS,
    CONSISTENCY,
    CORRECTIONS_APPLIED,
    ESCALATION,
    ESTIMATES,
    RELEASES,
    ArticleStatus,
    Correction,
    CorrectionAction,
    Kind,
    Table,
)
from tolltrace.run import engines, folders
from tolltrace.run.claimrows import ClaimCollector
from tolltrace.run.corrections import apply_corrections
from tolltrace.run.output import write_build
from tolltrace.run.worker import FileResult, FileTask, load_sources, plural, process_file

USABLE_STATUSES = (ArticleStatus.OK, ArticleStatus.WARNING)
# Read and extracted, but published outside the event window: claims kept, never charted.
EXTRACTED_STATUSES = (*USABLE_STATUSES, ArticleStatus.OFF_EVENT)
SKIPPED_STATUSES = (
    ArticleStatus.EMPTY,
    ArticleStatus.BINARY,
    ArticleStatus.DUPLICATE,
    ArticleStatus.TOO_LARGE,
    ArticleStatus.UNREADABLE,
)
ANALYSIS_TABLES = (RELEASES, ESCALATION, CONSISTENCY, ESTIMATES)


class PipelineUsageError(ValueError):
    """The run cannot start: a missing raw folder, output over the raw data, bad settings."""


def setup_errors() -> tuple[type[Exception], ...]:
    """What process_corpus raises when a run cannot start: a bad folder, manifest, corpus
    config or alias table, or an engine that is not installed. Each message names the
    file and the problem, so callers print it as one line."""
    return (
        PipelineUsageError,
        folders.FolderError,
        CorrectionsError,
        ManifestError,
        CorpusConfigError,
        SourceTableError,
        engines.EngineUnavailable,
    )


@dataclass(slots=True)
class ProcessSummary:
    """Counts of one run, the tables written and warnings not tied to one file."""

    n_files: int = 0
    n_ok: int = 0
    n_warning: int = 0
    n_skipped: int = 0
    n_missing: int = 0
    n_off_event: int = 0
    n_claims: int = 0
    event_start: dt.date | None = None
    n_manifest_warnings: int = 0
    tables: dict[str, Path] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)

    @property
    def usable(self) -> bool:
        """True when at least one article was read and extracted."""
        return self.n_ok + self.n_warning > 0

    def line(self) -> str:
        """The one-line summary printed at the end of `tolltrace process`."""
        text = (
            f"{self.n_files} files, {self.n_ok} ok, {self.n_warning} with warnings, "
            f"{self.n_skipped} skipped, {self.n_claims} claims"
        )
        if self.n_off_event:
            text += f", {self.n_off_event} published outside the event window (not charted)"
        if self.n_missing:
            text += f" ({self.n_missing} listed in the manifest but missing)"
        if self.n_manifest_warnings:
            text += f"; {plural(self.n_manifest_warnings, 'warning')} about the manifest"
        return text


# ---------------------------------------------------------------- main process


def process_corpus(
    raw_dir: Path,
    out_dir: Path,
    event_start: dt.date | str | None = None,
    jobs: int = 1,
    engine: str = "local",
    sources_path: Path | None = None,
    progress: bool | None = None,
    max_bytes: int = config.MAX_FILE_BYTES,
    wait: bool = False,
) -> ProcessSummary:
    """Process every file in raw_dir and write the tables to out_dir.

    One build at a time writes a folder: when another holds it, `wait` says whether to
    wait for it or to raise FolderError at once.

    event_start overrides RAW_DIR/corpus.toml. progress None means: a progress bar when
    stderr is a terminal. Raises PipelineUsageError, ManifestError, CorpusConfigError or
    sources.SourceTableError when the run cannot start, and schemas.TableValidationError
    when a table breaks its schema (nothing is then written).
    """
    raw_dir, out_dir = folders.absolute(raw_dir), folders.absolute(out_dir)
    _check_folders(raw_dir, out_dir)
    with folders.build_lock(out_dir, wait=wait):
        folders.remove_leftovers(out_dir)
        return _process(
            raw_dir, out_dir, event_start, jobs, engine, sources_path, progress, max_bytes
        )


def _process(
    raw_dir: Path,
    out_dir: Path,
    event_start: dt.date | str | None,
    jobs: int,
    engine: str,
    sources_path: Path | None,
    progress: bool | None,
    max_bytes: int,
) -> ProcessSummary:
    """process_corpus under the build lock of `out_dir`."""
    summary = ProcessSummary()
    manifest = read_manifest(raw_dir)
    corpus = read_corpus_config(raw_dir)
    summary.event_start = resolve_event_start(event_start, corpus)
    summary.warnings.extend(manifest.warnings)
    summary.n_manifest_warnings = len(manifest.warnings)
    summary.warnings.extend(corpus.warnings)
    if corpus.path is None and summary.event_start is None:
        summary.warnings.append(
            f"no {config.CORPUS_CONFIG_NAME} in {raw_dir}: without event_start, weekday dates "
            "('on Monday') date nothing and no event window applies; add one with name and "
            "event_start (docs/corpus.md), or give --event-start"
        )

    source_files = _source_files(raw_dir, sources_path)
    load_sources(source_files)  # fails here, before any work, when a table is bad
    corrections = read_corrections(raw_dir)  # so does a malformed corrections.csv
    if progress is None:
        progress = sys.stderr.isatty()
    reading = _Reading(source_files, max_bytes, jobs, engine, progress)
    window = EventWindow(summary.event_start, corpus.event_end)
    frames = _read_corpus(raw_dir, manifest, reading, summary, window)
    summary.warnings.extend(_implausible_start(summary.event_start, frames["articles"]))
    frames["claims"], applied = apply_corrections(
        frames["claims"], frames["articles"], corrections, raw_dir
    )
    if corrections:
        rejected = frames["claims"]["correction"].astype(str) == Correction.REJECTED
        summary.n_claims = int((~rejected).sum())  # the claims that count, after corrections
        done = applied["action"].value_counts()
        summary.notes.append(
            f"{len(corrections)} corrections applied from {config.CORRECTIONS_NAME} ("
            + ", ".join(f"{done.get(a, 0)} {a}" for a in CorrectionAction)
            + "): see corrections_applied.csv"
        )
    summary.notes.extend(_analyse(frames, summary.event_start, corpus))
    frames[CORRECTIONS_APPLIED.name] = applied
    summary.warnings.extend(unknown_sources(frames["claims"], load_sources(source_files)))
    # Written apart and moved in at the end: a stopped build never leaves a mixed set.
    names, notes = write_build(frames, out_dir, raw_dir, summary.event_start, corpus, sources_path)
    summary.notes.extend(notes)
    for name in names:
        summary.tables[name] = out_dir / f"{name}.csv"
    return summary


# An event_start this far before the middle publication date is taken for a typo.
PLAUSIBLE_START_DAYS = 366


def _implausible_start(start: dt.date | None, articles: pd.DataFrame) -> list[str]:
    """A warning when event_start cannot be the event of these articles: after every one
    was published, or a year or more before most were ("2099", "1900" for "2025")."""
    days = sorted(d for d in map(parse_published, articles["published"]) if d is not None)
    if start is None or not days:
        return []
    middle = days[len(days) // 2]
    if start > days[-1]:
        problem = f"after every article's publication date (the latest is {days[-1]})"
    elif (middle - start).days > PLAUSIBLE_START_DAYS:
        problem = f"more than a year before most articles were published (middle: {middle})"
    else:
        return []
    return [f"event_start {start} is {problem}; check the year in corpus.toml or --event-start"]


def _check_folders(raw_dir: Path, out_dir: Path) -> None:
    """Raise PipelineUsageError for a raw folder that is not there, FolderError for an
    output folder over, inside or around it, or one that cannot be written."""
    if not raw_dir.is_dir():
        raise PipelineUsageError(f"raw folder not found: {raw_dir}")
    folders.check_apart({"RAW_DIR": raw_dir, "--out-dir": out_dir})
    folders.check_writable(out_dir, "--out-dir")


@dataclass(frozen=True, slots=True)
class _Reading:
    """How the files of a run are read: alias tables, size limit, workers, progress bar."""

    source_files: tuple[str, ...]
    max_bytes: int
    jobs: int
    engine: str
    progress: bool


def _language(manifest: Manifest, name: str) -> str:
    entry = manifest.entries.get(name)
    return entry.language if entry is not None else ""


@dataclass(frozen=True, slots=True)
class EventWindow:
    """The days an article about the event may be published: from event_start to
    event_end (either may be unknown)."""

    start: dt.date | None = None
    end: dt.date | None = None

    def outside(self, published: str) -> str:
        """Why an article published on `published` is off the event, or "" when it is not
        (or its date is unknown)."""
        day = parse_published(published)
        if day is None:
            return ""
        if self.start is not None and day < self.start:
            return f"published {day}, before the event began ({self.start})"
        if self.end is not None and day > self.end:
            return f"published {day}, after the event window closed ({self.end})"
        return ""


def _read_corpus(
    raw_dir: Path,
    manifest: Manifest,
    reading: _Reading,
    summary: ProcessSummary,
    window: EventWindow | None = None,
) -> dict[str, pd.DataFrame]:
    """Read every file in raw_dir and extract its claims: {"articles": the ledger, "claims":
    the claims before analysis}. Adds the summary's counts, warnings and problem lines."""
    names, listing_warnings = list_raw_files(raw_dir)
    summary.warnings.extend(listing_warnings)
    n_files = len(names)
    present = set(names)
    match_spellings(manifest, present)
    missing = [entry for name, entry in manifest.entries.items() if name not in present]
    ids = assign_article_ids(names + [e.file for e in missing])
    files, limit = reading.source_files, reading.max_bytes
    tasks = sorted(
        (
            FileTask(
                raw_file_path(raw_dir, name), ids[name], files, limit, _language(manifest, name)
            )
            for name in names
        ),
        key=lambda task: task.article_id,
    )
    name_of = {ids[name]: name for name in names}
    del names, present

    claims = ClaimCollector()
    results = engines.map_ordered(
        process_file, tasks, jobs=reading.jobs, engine=reading.engine, progress=reading.progress
    )
    ledger = _ledger_rows(results, name_of, manifest, claims, window or EventWindow())
    del tasks, results
    for entry in missing:
        ledger.append(_missing_row(ids[entry.file], entry, manifest))

    articles = pd.DataFrame.from_records(ledger, columns=list(ARTICLE_COLUMNS))
    del ledger
    articles = articles.sort_values(list(ARTICLES.sort_keys), kind="mergesort", ignore_index=True)
    for name in ARTICLES.of_kind(Kind.INT):
        articles[name] = articles[name].astype("Int64" if ARTICLES.column(name).empty else "int64")
    _count(summary, articles, n_files)
    summary.problems.extend(_problem_lines(articles))
    return {"articles": articles, "claims": claims.frame()}


def _ledger_rows(
    results: Iterable[FileResult],
    name_of: dict[str, str],
    manifest: Manifest,
    claims: ClaimCollector,
    window: EventWindow,
) -> list[tuple]:
    """The ledger row of every file read, in arrival order; the claims of the usable
    articles go to `claims`. `name_of` and the manifest's entries are emptied as used."""
    listed = manifest.lists_files
    ledger: list[tuple] = []
    first_by_bytes: dict[str, str] = {}
    first_by_text: dict[bytes, str] = {}
    for result in results:
        name = name_of.pop(result.article_id)
        entry = manifest.entries.pop(name, None)  # freed as used
        duplicate_of, how = _duplicate_of(result, first_by_bytes, first_by_text)
        row = _ledger_row(result, name, entry, listed, duplicate_of, how, window)
        if row[_STATUS] in EXTRACTED_STATUSES:
            claims.add(result.claims, name, str(row[_OUTLET]))
        ledger.append(row)
    return ledger


def _analyse(
    frames: dict[str, pd.DataFrame], event_start: dt.date | None, corpus: CorpusConfig
) -> list[str]:
    """Replace frames["claims"] by the analysed claims and add the analysis tables, each
    in its documented order. Returns the notes the analysis has for the run's summary."""
    # Hand the claims over without keeping a reference: only one copy stays alive.
    notes: list[str] = []
    results = analyze(frames.pop("claims"), frames["articles"], event_start, corpus, notes)
    frames["claims"] = order_claims(results.pop("claims"))
    for table in ANALYSIS_TABLES:
        frames[table.name] = _sorted(table, results.pop(table.name))
    return notes


# How many names the run summary lists.
MAX_UNKNOWN_SOURCES = 15


def unknown_sources(claims: pd.DataFrame, table: SourceTable) -> list[str]:
    """One line naming the sources the claims credit that the alias table does not know
    (organisations kept under ids made from their words), most claims first, so that a
    journalist can merge or rename them in sources.csv."""
    known = {alias.source_id for alias in table.aliases} | {"unattributed"}
    unknown = claims.loc[~claims["source"].astype(str).isin(known), ["source", "source_text"]]
    if unknown.empty:
        return []
    counts = unknown.groupby("source", observed=True).agg(
        claims=("source_text", "size"), words=("source_text", "first")
    )
    counts = counts.sort_values("claims", ascending=False, kind="mergesort")
    shown = [
        f"{source} ({words!s}: {n})"
        for source, n, words in counts.head(MAX_UNKNOWN_SOURCES).itertuples()
    ]
    more = len(counts) - len(shown)
    return [
        f"{len(counts)} sources the alias table does not know, by claims: {'; '.join(shown)}"
        + (f"; and {more} more" if more > 0 else "")
        + ". To merge names of one source or give one a better id, add rows to sources.csv "
        "beside the articles (see docs/rules.md)."
    ]


def _source_files(raw_dir: Path, sources_path: Path | None) -> tuple[str, ...]:
    """Alias tables tried before the built-in one: --sources first, then RAW_DIR/sources.csv."""
    files = []
    if sources_path is not None:
        if not Path(sources_path).is_file():
            raise PipelineUsageError(f"--sources: no such file: {sources_path}")
        files.append(str(Path(sources_path).resolve()))
    local = raw_dir / config.SOURCES_OVERRIDE_NAME
    if local.is_file():
        files.append(str(local.resolve()))
    return tuple(files)


def _duplicate_of(
    result: FileResult, first_by_bytes: dict[str, str], first_by_text: dict[bytes, str]
) -> tuple[str, str]:
    """(article_id of the earlier copy, how it matched) or ("", "") for a first copy."""
    if result.status not in USABLE_STATUSES:
        return "", ""
    if result.sha256 in first_by_bytes:
        return first_by_bytes[result.sha256], "a byte-for-byte copy of"
    if result.text_key in first_by_text:
        return first_by_text[result.text_key], "the same text, apart from whitespace, as"
    first_by_bytes[result.sha256] = result.article_id
    first_by_text[result.text_key] = result.article_id
    return "", ""


def _ledger_row(
    result: FileResult,
    name: str,
    entry: ManifestEntry | None,
    listed: bool,
    duplicate_of: str,
    how: str,
    window: EventWindow,
) -> tuple:
    """One ledger row (in ARTICLE_COLUMNS order) for a file that was found."""
    warnings = list(entry.warnings) if entry else []
    if entry is None and listed:
        warnings.append(f"not listed in {config.MANIFEST_NAME}")
    if entry and entry.sha256 and result.sha256 and entry.sha256 != result.sha256:
        warnings.append(
            f"sha256 differs from manifest line {entry.line}: the raw file changed "
            "(raw data must stay as collected)"
        )
    status = result.status
    n_claims = len(result.claims)
    messages = list(result.notes)
    if duplicate_of:
        status = ArticleStatus.DUPLICATE
        messages.append(
            f"{how} {duplicate_of}; not counted again "
            f"(it would have added {plural(n_claims, 'claim')})"
        )
        n_claims = 0
    elif status in USABLE_STATUSES:
        if warnings:
            status = ArticleStatus.WARNING
        messages.append(plural(n_claims, "claim"))
        off = window.outside(entry.published) if entry else ""
        if off:
            status = ArticleStatus.OFF_EVENT
            messages.append(
                f"{off}: its claims stay in claims.csv but are left out of releases, "
                "estimates and charts; if it is about this event, widen event_start or "
                "event_end in corpus.toml"
            )
    elif status in SKIPPED_STATUSES:
        messages.append("skipped")
    messages.extend(warnings)
    return _as_row(
        {
            "article_id": result.article_id,
            "file": name,
            "outlet": entry.outlet if entry else "",
            "url": entry.url if entry else "",
            "published": entry.published if entry else "",
            "language": entry.language if entry else "",
            "sha256": result.sha256,
            "format": result.fmt,
            "encoding": result.encoding,
            "characters": result.characters,
            "n_claims": n_claims,
            "status": status,
            "message": "; ".join(messages),
            "duplicate_of": duplicate_of,
            "time_mentions": result.time_mentions if status in EXTRACTED_STATUSES else "",
        }
    )


def _as_row(values: dict[str, object]) -> tuple:
    """A ledger row as a tuple in ARTICLE_COLUMNS order (tuples are a third of a dict)."""
    return tuple(values[name] for name in ARTICLE_COLUMNS)


_STATUS = ARTICLE_COLUMNS.index("status")
_OUTLET = ARTICLE_COLUMNS.index("outlet")


def _missing_row(article_id: str, entry: ManifestEntry, manifest: Manifest) -> tuple:
    """The ledger row (in ARTICLE_COLUMNS order) of a manifest row whose file is missing."""
    where = manifest.path.name if manifest.path else config.MANIFEST_NAME
    return _as_row(
        {
            "article_id": article_id,
            "file": entry.file,
            "outlet": entry.outlet,
            "url": entry.url,
            "published": entry.published,
            "language": entry.language,
            "sha256": entry.sha256,
            "format": "",
            "encoding": "",
            "characters": None,
            "n_claims": 0,
            "status": ArticleStatus.MISSING,
            "message": "; ".join(
                [
                    f"listed on line {entry.line} of {where} but not in the raw folder",
                    *entry.warnings,
                ]
            ),
            "duplicate_of": "",
            "time_mentions": "",
        }
    )


def order_claims(claims: pd.DataFrame) -> pd.DataFrame:
    """Claims columns in the fixed order (extras from the analysis last), sorted."""
    fixed = CLAIMS.names
    columns = [c for c in fixed if c in claims.columns]
    columns += [c for c in claims.columns if c not in fixed]
    if columns != list(claims.columns):
        claims = claims[columns]
    article_id, char_start = CLAIMS.sort_keys
    if _is_sorted(claims[article_id].to_numpy(object), claims[char_start].to_numpy()):
        return claims.reset_index(drop=True)
    return claims.sort_values(list(CLAIMS.sort_keys), kind="mergesort", ignore_index=True)


def _is_sorted(article_ids: np.ndarray, starts: np.ndarray) -> bool:
    """True when rows are already in (article_id, char_start) order (no copy needed)."""
    if len(article_ids) < 2:
        return True
    a, b = article_ids[:-1], article_ids[1:]
    same = a == b
    return bool(((a < b) | (same & (starts[:-1] <= starts[1:]))).all())


def _sorted(table: Table, df: pd.DataFrame) -> pd.DataFrame:
    """An analysis table in its documented order (keys it does not have are skipped)."""
    keys = [key for key in table.sort_keys if key in df.columns]
    if not keys:
        return df.reset_index(drop=True)
    return df.sort_values(keys, kind="mergesort", ignore_index=True)


def _count(summary: ProcessSummary, articles: pd.DataFrame, n_files: int) -> None:
    """Fill the summary's counts from the ledger."""
    status = articles["status"]
    summary.n_files = n_files
    summary.n_ok = int((status == ArticleStatus.OK).sum())
    summary.n_warning = int((status == ArticleStatus.WARNING).sum())
    summary.n_skipped = int(status.isin(SKIPPED_STATUSES).sum())
    summary.n_missing = int((status == ArticleStatus.MISSING).sum())
    summary.n_off_event = int((status == ArticleStatus.OFF_EVENT).sum())
    summary.n_claims = int(articles["n_claims"].sum())


def _problem_lines(articles: pd.DataFrame) -> list[str]:
    """One line per ledger row that is not plainly ok, for the terminal."""
    rows = articles[articles["status"] != ArticleStatus.OK]
    return [f"{r.file}: {r.status}: {r.message}" for r in rows.itertuples(index=False)]
