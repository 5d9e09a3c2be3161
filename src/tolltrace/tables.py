"""Writing and reading the processed CSV tables, byte for byte reproducibly.

Format of every table written here:
- UTF-8 without a byte-order mark, "\\n" line ends, a header row, columns in the order
  given (or the frame's order), comma separated, fields quoted only when they contain a
  comma, a double quote, CR or LF (quotes inside are doubled);
- integers as integers, also in columns with missing values; missing values as empty
  cells; booleans as `true`/`false`; floats in their shortest form after rounding away
  binary noise (12 significant digits); dates as ISO 8601;
- text cells that a spreadsheet would run as a formula (starting with `=`, `+`, `-`, `@`,
  or with `'`, tab or CR) get one leading `'`. `read_table` removes exactly one leading
  `'` from text cells, so a write/read round trip returns the original text.

The same frame always gives the same bytes; files are replaced atomically.
"""

from __future__ import annotations

import csv
import datetime as dt
import math
import os
import re
from collections.abc import Sequence
from pathlib import Path
from typing import Any, TextIO

import numpy as np
import pandas as pd

from tolltrace.model import Claim

FORMULA_START = frozenset("=+-@'\t\r")
_FLOAT_DIGITS = 12
WRITE_CHUNK_ROWS = 20_000

_INT_RE = re.compile(r"-?\d+\Z")
_FLOAT_RE = re.compile(r"-?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?\Z")


def _claim_kinds() -> dict[str, str]:
    """Column kinds of the extracted claim columns, from the Claim annotations."""
    kinds = {}
    for name, spec in Claim.__dataclass_fields__.items():
        annotation = str(spec.type)
        kinds[name] = "int" if annotation.startswith("int") else annotation
    return {name: ("text" if kind == "str" else kind) for name, kind in kinds.items()}


# How read_table types known columns; other columns are inferred from their cells.
COLUMN_KINDS: dict[str, str] = {
    **_claim_kinds(),
    # articles.csv
    "file": "text",
    "outlet": "text",
    "url": "text",
    "published": "text",
    "language": "text",
    "sha256": "text",
    "format": "text",
    "encoding": "text",
    "characters": "int",
    "n_claims": "int",
    "status": "text",
    "message": "text",
    "duplicate_of": "text",
    "time_mentions": "text",
    # analysis columns with fixed names
    "as_of": "text",
    "as_of_basis": "text",
    "period_start": "text",
    "release_id": "text",
    "reference_release_id": "text",
    "divergence_class": "text",
    "divergence_note": "text",
    "as_of_first": "text",
    "as_of_last": "text",
    "series_order": "int",
    "order_basis": "text",
    "n_mentions": "int",
    "n_articles": "int",
    "n_outlets": "int",
    "article_ids": "text",
    "total_claim_id": "text",
    "part_claim_ids": "text",
    "date": "text",
    "sources": "text",
    "grade": "text",
}


def escape_cell(value: str) -> str:
    """Prefix `'` to text a spreadsheet would treat as a formula (or that starts with `'`)."""
    if value and value[0] in FORMULA_START:
        return "'" + value
    return value


def unescape_cell(value: str) -> str:
    """Exact inverse of escape_cell: drop one leading `'`."""
    if value[:1] == "'":
        return value[1:]
    return value


def format_float(value: float) -> str:
    """A float as written in a table: integral values as integers, others without noise."""
    if math.isnan(value):
        return ""
    if math.isinf(value):
        return "inf" if value > 0 else "-inf"
    if value.is_integer() and abs(value) < 1e15:
        return str(int(value))
    return repr(float(f"{value:.{_FLOAT_DIGITS}g}"))


def _format_value(value: object) -> str:
    """One cell of an object (mixed) column."""
    if value is None or value is pd.NA or value is pd.NaT:
        return ""
    if isinstance(value, str):
        return escape_cell(value)
    if isinstance(value, (bool, np.bool_)):
        return "true" if value else "false"
    if isinstance(value, (int, np.integer)):
        return str(int(value))
    if isinstance(value, float):
        return format_float(value)
    if isinstance(value, pd.Timestamp):
        return _format_timestamp(value)
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    return escape_cell(str(value))


def _format_timestamp(value: pd.Timestamp) -> str:
    """A timestamp as an ISO date when it has no time of day, else ISO date-time."""
    if value.tz is None and value == value.normalize():
        return value.date().isoformat()
    return value.isoformat()


def format_column(series: pd.Series) -> list[str]:
    """Every cell of one column as the text written to the CSV.

    Categorical and text columns are formatted once per distinct value; integer columns
    without gaps in one vectorised step (a claims table has millions of cells).
    """
    dtype = series.dtype
    if isinstance(dtype, pd.CategoricalDtype):
        return _format_coded(series.cat.codes.to_numpy(), series.cat.categories)
    if isinstance(dtype, pd.StringDtype) or (
        dtype is np.dtype(object) and pd.api.types.infer_dtype(series, skipna=True) == "string"
    ):
        codes, uniques = pd.factorize(series, use_na_sentinel=True)
        return _format_coded(codes, uniques)
    if isinstance(dtype, np.dtype) and dtype.kind in "iu":  # numpy integers: never missing
        return series.to_numpy().astype(str).tolist()
    values = series.to_numpy(dtype=object, na_value=None)
    if pd.api.types.is_bool_dtype(dtype):
        return ["" if v is None else ("true" if v else "false") for v in values]
    if pd.api.types.is_integer_dtype(dtype):
        return ["" if v is None else str(int(v)) for v in values]
    if pd.api.types.is_float_dtype(dtype):
        return ["" if v is None else format_float(float(v)) for v in values]
    if pd.api.types.is_datetime64_any_dtype(dtype):
        return ["" if v is None else _format_timestamp(pd.Timestamp(v)) for v in values]
    return [_format_value(v) for v in values]


def _format_objects(values: np.ndarray) -> list[str]:
    """Cells of an object column: text escaped, anything else by `_format_value`."""
    fmt = _format_value
    return [
        (("'" + v if v and v[0] in FORMULA_START else v) if type(v) is str else fmt(v))
        for v in values
    ]


def _format_coded(codes: np.ndarray, uniques: object) -> list[str]:
    """Cells from codes into distinct values (-1: missing), each value formatted once."""
    values = pd.Series(np.asarray(uniques, dtype=object), dtype=object)
    texts = _format_objects(values.to_numpy(dtype=object, na_value=None))
    # Code -1 picks the last entry: the empty cell of a missing value.
    return np.asarray([*texts, ""], dtype=object)[codes].tolist()


def _quote(field: str) -> str:
    """CSV quoting for one field, the csv module's minimal rule plus bare CR."""
    if any(c in field for c in ',"\n\r'):
        return '"' + field.replace('"', '""') + '"'
    return field


def write_table(df: pd.DataFrame, path: Path, columns: Sequence[str] | None = None) -> None:
    """Write `df` to `path` in the project's CSV format (see the module docstring).

    `columns` fixes the column order (every name must exist); default: the frame's order.
    """
    path = Path(path)
    names = list(columns) if columns is not None else [str(c) for c in df.columns]
    missing = [name for name in names if name not in df.columns]
    if missing:
        raise KeyError(f"{path.name}: columns missing from the table: {', '.join(missing)}")
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.tmp")
    with tmp.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n", quoting=csv.QUOTE_MINIMAL)
        writer.writerow(names)
        # Formatted in slices so a million-row table never exists twice as text cells.
        for first in range(0, len(df), WRITE_CHUNK_ROWS):
            part = df.iloc[first : first + WRITE_CHUNK_ROWS]
            _write_rows(handle, writer, [format_column(part[name]) for name in names])
    os.replace(tmp, path)


def _write_rows(handle: TextIO, writer: Any, cells: list[list[str]]) -> None:
    """Write formatted columns as rows; rows holding a bare CR are quoted by hand, because
    the csv module does not quote a lone CR when the line terminator is "\\n"."""
    rows = list(zip(*cells, strict=True))
    crs = {i for column in cells for i, v in enumerate(column) if "\r" in v}
    if not crs:
        writer.writerows(rows)
        return
    for i, row in enumerate(rows):
        if i in crs:
            handle.write(",".join(_quote(v) for v in row) + "\n")
        else:
            writer.writerow(row)


def read_table(path: Path) -> pd.DataFrame:
    """Read a table written by write_table, restoring text, integers and booleans.

    Known columns (COLUMN_KINDS) get their type; other columns are typed from their cells:
    all `true`/`false` → boolean, all integers → Int64, all numbers → Float64, else text.
    Empty text cells come back as "", empty numbers and booleans as <NA>.
    """
    raw = pd.read_csv(path, dtype=str, keep_default_na=False, na_filter=False, encoding="utf-8")
    out = {}
    for name in raw.columns:
        values = raw[name].tolist()
        kind = COLUMN_KINDS.get(name) or _infer_kind(values)
        out[name] = _convert(values, kind)
    return pd.DataFrame(out, columns=list(raw.columns), index=pd.RangeIndex(len(raw)))


def _infer_kind(values: list[str]) -> str:
    """The kind of an unknown column from its written cells."""
    filled = [v for v in values if v != ""]
    if not filled:
        return "text"
    if all(v in ("true", "false") for v in filled):
        return "bool"
    if all(_INT_RE.match(v) for v in filled):
        return "int"
    if all(_FLOAT_RE.match(v) or v in ("inf", "-inf") for v in filled):
        return "float"
    return "text"


def _convert(values: list[str], kind: str) -> pd.Series:
    """Cells of one column → a typed Series."""
    if kind == "int" or kind == "int | None":
        return pd.Series([int(v) if v != "" else pd.NA for v in values], dtype="Int64")
    if kind == "bool":
        return pd.Series(
            [(v == "true") if v in ("true", "false") else pd.NA for v in values],
            dtype="boolean",
        )
    if kind == "float":
        return pd.Series([float(v) if v != "" else pd.NA for v in values], dtype="Float64")
    return pd.Series([unescape_cell(v) for v in values], dtype=object).astype(str)
