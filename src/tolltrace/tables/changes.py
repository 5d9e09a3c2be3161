"""What changed between two builds: the `changes` table (model/columns.py, CHANGES).

Claims are matched by `claim_id` and releases by `release_id`; cells are compared as the
CSV text they are written as, so a change is exactly what a reader of the two files
would see. A table whose file is byte-identical in both folders is not read.
"""

from __future__ import annotations

import filecmp
from pathlib import Path

import pandas as pd

from tolltrace.model import CHANGES, Change, ChangedRecord

# (record, table, key column, the column that stands for a record added or removed)
COMPARED = (
    (ChangedRecord.CLAIM, "claims", "claim_id", "mention"),
    (ChangedRecord.RELEASE, "releases", "release_id", "figure"),
)


def table_changes(old_dir: Path, new_dir: Path) -> pd.DataFrame:
    """The changes table from the tables in `old_dir` to those in `new_dir` (a table
    missing from `old_dir` counts as empty: all its records are added)."""
    parts = []
    for record, name, key, shown in COMPARED:
        old_path, new_path = old_dir / f"{name}.csv", new_dir / f"{name}.csv"
        if _same_bytes(old_path, new_path):
            continue
        # A first build (nothing to compare with) adds every record: two columns are enough.
        columns = None if old_path.is_file() and new_path.is_file() else [key, shown]
        parts.append(
            _compare(record, _text(old_path, columns), _text(new_path, columns), key, shown)
        )
    frames = [p for p in parts if not p.empty]
    if not frames:
        return pd.DataFrame({name: pd.Series(dtype=object) for name in CHANGES.names})
    out = pd.concat(frames, ignore_index=True)
    return out.sort_values(list(CHANGES.sort_keys), kind="mergesort", ignore_index=True)


def _same_bytes(a: Path, b: Path) -> bool:
    """Whether two files hold the same bytes (compared in chunks: tables can be large)."""
    return a.is_file() and b.is_file() and filecmp.cmp(a, b, shallow=False)


def _text(path: Path, columns: list[str] | None = None) -> pd.DataFrame:
    if not path.is_file():
        return pd.DataFrame()
    return pd.read_csv(
        path, dtype=str, keep_default_na=False, na_filter=False, encoding="utf-8", usecols=columns
    )


def _compare(
    record: ChangedRecord, old: pd.DataFrame, new: pd.DataFrame, key: str, shown: str
) -> pd.DataFrame:
    old = old.set_index(key) if key in old else pd.DataFrame(columns=[shown]).rename_axis(key)
    new = new.set_index(key) if key in new else pd.DataFrame(columns=[shown]).rename_axis(key)
    added = new.index.difference(old.index, sort=False)
    removed = old.index.difference(new.index, sort=False)
    parts = [
        _rows(record, added, Change.ADDED, "", "", new.loc[added, shown]),
        _rows(record, removed, Change.REMOVED, "", old.loc[removed, shown], ""),
    ]
    common = new.index.intersection(old.index, sort=False)
    for field in [c for c in new.columns if c in old.columns]:
        before = old.loc[common, field].to_numpy()
        after = new.loc[common, field].to_numpy()
        differ = before != after
        if differ.any():
            parts.append(
                _rows(record, common[differ], Change.CHANGED, field, before[differ], after[differ])
            )
    return pd.concat(parts, ignore_index=True)


def _rows(record: str, keys: pd.Index, change: str, field: str, before, after) -> pd.DataFrame:
    """Rows of the changes table for `keys` (`before`/`after`: one text for all, or one
    value per key)."""
    values = (record, keys, change, field, before, after)
    return pd.DataFrame(
        {name: _cells(v, len(keys)) for name, v in zip(CHANGES.names, values, strict=True)}
    )


def _cells(value: object, n: int) -> object:
    if isinstance(value, str):
        return [str(value)] * n
    if isinstance(value, pd.Series | pd.Index):
        return value.to_numpy(dtype=object)
    return value


def describe_changes(changes: pd.DataFrame) -> str:
    """The changes table in one line: "2 claims added, 1 release changed" (or "none")."""
    if changes.empty:
        return "none"
    counts = changes.drop_duplicates(["record", "key"]).groupby(["record", "change"]).size()
    parts = []
    for record in ChangedRecord:
        for change in Change:
            n = int(counts.get((record, change), 0))
            if n:
                parts.append(f"{n} {record}{'s' if n != 1 else ''} {change}")
    return ", ".join(parts)
