"""Writing a build's tables: validated, written into a private folder beside the tables
folder with `changes.csv` (against what the folder held) and `datapackage.json` (the
inputs' fingerprint), then moved in whole (run/folders.py)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pandas as pd

from tolltrace.ingest.corpus import CorpusConfig
from tolltrace.model import CHANGES
from tolltrace.run import folders
from tolltrace.tables import csvio, schemas
from tolltrace.tables.changes import describe_changes, table_changes
from tolltrace.tables.provenance import (
    articles_hash,
    datapackage,
    settings_hashes,
    write_datapackage,
)


def write_build(
    frames: dict[str, pd.DataFrame],
    out_dir: Path,
    raw_dir: Path,
    event_start: dt.date | None,
    corpus: CorpusConfig,
    sources_path: Path | None,
) -> tuple[list[str], list[str]]:
    """Write `frames` (emptied once written) and changes.csv to `out_dir`; return the names
    of the tables written and the notes for the run's summary."""
    for name, df in frames.items():
        schemas.validate_table(name, df)
    notes = []
    with folders.private_folder(out_dir) as work:
        for name, df in frames.items():
            csvio.write_table(df, work / f"{name}.csv")
        names = [*frames, CHANGES.name]
        articles_digest = articles_hash(frames["articles"])
        frames.clear()  # written: the comparison below reads the files, not these frames
        changes = table_changes(out_dir, work)
        schemas.validate_table(CHANGES.name, changes)
        csvio.write_table(changes, work / f"{CHANGES.name}.csv")
        if (out_dir / "claims.csv").is_file() and len(changes):
            notes.append(f"since the last build: {describe_changes(changes)}")
        inputs = {
            "articles": articles_digest,
            **settings_hashes(raw_dir, event_start, sources_path),
        }
        window = (event_start, corpus.event_end)
        write_datapackage(datapackage(inputs, corpus.name, window), work)
        folders.swap_in(work, out_dir)
    return names, notes
