"""Where a build's tables come from: a fingerprint of every input, and `datapackage.json`.

The fingerprint is a sha256 over the article files (name and sha256 of each, from the
ledger), the raw folder's settings (articles.csv, corpus.toml, sources.csv,
corrections.csv), an extra alias table given with --sources, the built-in word lists,
the event start and the tolltrace version. `datapackage.json` (the Frictionless Data
Package layout) describes every table from its one definition in model/columns.py and
carries the fingerprint with each input's own hash, so that a stale build can say what
changed. Nothing in it depends on the clock, the machine or the folder's path.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pandas as pd

from tolltrace import __version__, config
from tolltrace.model import TABLES, ArticleStatus, Column, Kind, Table

DATAPACKAGE_NAME = "datapackage.json"
SHORT = 12  # characters of the fingerprint shown on a page
_FIELD_TYPES = {Kind.TEXT: "string", Kind.INT: "integer", Kind.BOOL: "boolean", Kind.DATE: "date"}


def _sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _file_hash(path: Path) -> str:
    return _sha256(path.read_bytes()) if path.is_file() else ""


def settings_hashes(
    raw_dir: Path, event_start: object, sources_path: Path | None = None
) -> dict[str, str]:
    """Every input but the articles: the settings files, word lists, event start, version."""
    hashes = {name: _file_hash(raw_dir / name) for name in config.SETTINGS_FILES}
    hashes["--sources"] = _file_hash(Path(sources_path)) if sources_path else ""
    lexicon = sorted(config.LEXICON_DIR.glob("*.csv"))
    hashes["word lists"] = _sha256(
        b"".join(p.name.encode() + b"\0" + _sha256(p.read_bytes()).encode() for p in lexicon)
    )
    hashes["event_start"] = "" if event_start is None else str(event_start)
    hashes["tolltrace"] = __version__
    return hashes


def articles_hash(ledger: pd.DataFrame) -> str:
    """One hash of the article files the ledger lists: each file's name and sha256."""
    present = ledger[ledger["status"].astype(str) != ArticleStatus.MISSING]
    lines = sorted(f"{f}\t{s}\n" for f, s in zip(present["file"], present["sha256"], strict=True))
    return _sha256("".join(lines).encode("utf-8"))


def fingerprint(inputs: dict[str, str]) -> str:
    """The build's fingerprint: a sha256 over every input's hash."""
    return _sha256(json.dumps(inputs, sort_keys=True).encode("utf-8"))


def stale_inputs(recorded: dict[str, str], current: dict[str, str]) -> list[str]:
    """The inputs whose hash differs between a build's record and now (articles apart)."""
    return [name for name in current if recorded.get(name) != current[name]]


def datapackage(
    inputs: dict[str, str], name: str, event_window: tuple[object, object]
) -> dict[str, object]:
    """The datapackage.json of a build (see the module docstring)."""
    start, end = ("" if day is None else str(day) for day in event_window)
    return {
        "profile": "tabular-data-package",
        "name": "tolltrace-tables",
        "title": name or "tolltrace tables",
        "description": "Casualty-toll claims read from news articles, and what tolltrace "
        "made of them. Figures as reported, not verified.",
        "resources": [_resource(table) for table in TABLES if table.written],
        "tolltrace": {
            "version": __version__,
            "fingerprint": fingerprint(inputs),
            "inputs": inputs,
            "event_window": {"start": start, "end": end},
        },
    }


def _resource(table: Table) -> dict[str, object]:
    return {
        "name": table.name,
        "path": table.file,
        "profile": "tabular-data-resource",
        "title": table.title,
        "description": table.about,
        "format": "csv",
        "mediatype": "text/csv",
        "encoding": "utf-8",
        "schema": {"fields": [_field(c) for c in table.columns], "missingValues": [""]},
    }


def _field(column: Column) -> dict[str, object]:
    field: dict[str, object] = {
        "name": column.name,
        "type": _FIELD_TYPES[column.kind],
        "description": column.meaning,
    }
    constraints: dict[str, object] = {}
    if column.values is not None:
        constraints["enum"] = [str(v) for v in column.values]
    if column.kind is Kind.INT and column.ge is not None:
        constraints["minimum"] = column.ge
    if column.kind is Kind.BOOL:
        field["trueValues"], field["falseValues"] = ["true"], ["false"]
    if constraints:
        field["constraints"] = constraints
    return field


def write_datapackage(package: dict[str, object], folder: Path) -> Path:
    """Write `package` as folder/datapackage.json (sorted keys kept as built, LF, UTF-8)."""
    path = folder / DATAPACKAGE_NAME
    path.write_text(json.dumps(package, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return path


def read_datapackage(folder: Path) -> dict[str, object] | None:
    """The datapackage.json in `folder`, or None when there is none or it cannot be read."""
    try:
        return json.loads((folder / DATAPACKAGE_NAME).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
