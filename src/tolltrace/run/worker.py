"""What one worker does for one file: read it and extract its claims (`process_file`),
with a picklable task in and result out, so that any engine (run/engines.py) can run it."""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from tolltrace import config
from tolltrace.extract import extract_article
from tolltrace.extract.sources import SourceTable
from tolltrace.ingest.reading import read_article
from tolltrace.model import ArticleStatus
from tolltrace.run.claimrows import claim_rows


@dataclass(frozen=True, slots=True)
class FileTask:
    """What a worker needs for one file (small and picklable)."""

    path: str
    article_id: str
    source_files: tuple[str, ...] = ()
    max_bytes: int = config.MAX_FILE_BYTES
    language: str = ""  # the manifest's, which says how the article writes its numbers


@dataclass(slots=True)
class FileResult:
    """What a worker sends back for one file: ledger fields and claim rows, no text."""

    article_id: str
    status: str
    notes: tuple[str, ...]
    sha256: str = ""
    text_key: bytes = b""
    fmt: str = ""
    encoding: str = ""
    characters: int | None = None
    time_mentions: str = ""
    claims: list[tuple] = field(default_factory=list)


def plural(count: int, noun: str) -> str:
    """ "1 claim", "2 claims"."""
    return f"{count} {noun}" if count == 1 else f"{count} {noun}s"


# ---------------------------------------------------------------- per-file worker

_SOURCE_TABLES: dict[tuple[str, ...], SourceTable] = {}


def load_sources(source_files: Sequence[str]) -> SourceTable:
    """The alias table with `source_files` tried first, loaded once per process."""
    key = tuple(source_files)
    if key not in _SOURCE_TABLES:
        _SOURCE_TABLES[key] = SourceTable.load([Path(p) for p in key])
    return _SOURCE_TABLES[key]


def process_file(task: FileTask) -> FileResult:
    """Read one file and extract its claims. Never raises for a bad file or an extractor
    failure: both come back as a status and notes."""
    article = read_article(Path(task.path), task.max_bytes)
    if article.status != ArticleStatus.OK:
        return FileResult(
            article_id=task.article_id,
            status=article.status,
            notes=tuple(article.notes),
            sha256=article.sha256,
            fmt=article.fmt,
            encoding=article.encoding,
            characters=0 if article.status == ArticleStatus.EMPTY else None,
        )
    text = article.text
    notes = list(article.notes)
    status = ArticleStatus.OK
    rows: list[tuple] = []
    time_mentions = ""
    try:
        extraction = extract_article(
            text, task.article_id, load_sources(task.source_files), task.language
        )
        rows, dropped = claim_rows(extraction.claims, text)
        if dropped:
            status = ArticleStatus.WARNING
            notes.append(
                f"{plural(dropped, 'claim')} dropped: offsets that do not match the mention "
                "(an extractor bug)"
            )
        time_mentions = "; ".join(t.text for t in extraction.times)
    except Exception as err:  # one article's extractor bug must not stop a corpus run
        status = ArticleStatus.WARNING
        rows = []
        notes.append(f"extraction failed ({type(err).__name__}: {err}); no claims from this file")
    return FileResult(
        article_id=task.article_id,
        status=status,
        notes=tuple(notes),
        sha256=article.sha256,
        text_key=hashlib.sha256(" ".join(text.split()).encode("utf-8")).digest(),
        fmt=article.fmt,
        encoding=article.encoding,
        characters=len(text),
        time_mentions=time_mentions,
        claims=rows,
    )
