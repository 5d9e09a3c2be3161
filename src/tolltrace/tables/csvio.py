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

import datetime as dt
import math
import os
import re
from collections.abc import Sequence
from itertools import islice
from pathlib import Path

import numpy as np
import pandas as pd

from tolltrace.model import Kind
from tolltrace.model.columns import kinds_by_name

FORMULA_START = frozenset("=+-@'\t\r")
_FLOAT_DIGITS = 12
WRITE_CHUNK_ROWS = 20_000
JOIN_ROWS = 500

_INT_RE = re.compile(r"-?\d+\Z")
_FLOAT_RE = re.compile(r"-?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?\Z")


# How read_table types the columns of the processed tables, from their definitions (a
# name has one kind in every table). Numbers, and columns of other tables, are typed from
# their cells.
_READ_AS = {Kind.TEXT: "text", Kind.DATE: "text", Kind.INT: "int", Kind.BOOL: "bool"}
READ_KINDS: dict[str, str] = {
    name: _READ_AS[kind] for name, kind in kinds_by_name().items() if kind in _READ_AS
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
    """Every cell of one column as the text written to the CSV (before CSV quoting).

    Categorical and text columns are formatted once per distinct value; integer columns
    without gaps in one vectorised step (a claims table has millions of cells).
    """
    return _ColumnCells(series, quoted=False).cells(0, len(series))


class _ColumnCells:
    """The cells of one column, formatted (and, when `quoted`, CSV-quoted) on demand for
    any slice of rows.

    Categorical and text columns format and quote each distinct value once for the whole
    column, however many slices are asked for: a sentence that a thousand claims share
    is handled once, not once per row or per slice.
    """

    def __init__(self, series: pd.Series, quoted: bool) -> None:
        self._series = series
        self._quoted = quoted
        self._codes: np.ndarray | None = None
        self._texts: np.ndarray | None = None
        self._needs_quotes: np.ndarray | None = None
        dtype = series.dtype
        if isinstance(dtype, pd.CategoricalDtype):
            self._set_coded(series.cat.codes.to_numpy(), series.cat.categories)
        elif isinstance(dtype, pd.StringDtype) or (
            dtype is np.dtype(object) and pd.api.types.infer_dtype(series, skipna=True) == "string"
        ):
            codes, uniques = pd.factorize(series, use_na_sentinel=True)
            self._set_coded(codes, uniques)

    def _set_coded(self, codes: np.ndarray, uniques: object) -> None:
        values = pd.Series(np.asarray(uniques, dtype=object), dtype=object)
        texts = _format_objects(values.to_numpy(dtype=object, na_value=None))
        # Code -1 picks the last entry: the empty cell of a missing value.
        self._codes = codes
        self._texts = np.asarray([*texts, ""], dtype=object)
        if self._quoted:
            # Which distinct values need quoting; they are quoted slice by slice, so the
            # quoted copies of long texts never all exist at once.
            self._needs_quotes = np.fromiter(
                (_NEEDS_QUOTES_RE.search(t) is not None for t in self._texts),
                dtype=bool,
                count=len(self._texts),
            )

    def cells(self, first: int, last: int) -> list[str]:
        """The cells of rows first..last-1."""
        if self._codes is not None and self._texts is not None:
            codes = self._codes[first:last]
            texts = self._texts[codes]
            if self._needs_quotes is not None:
                rows = np.flatnonzero(self._needs_quotes[codes])
                texts[rows] = [_quoted(t) for t in texts[rows]]
            return texts.tolist()
        cells, plain = _format_plain(self._series.iloc[first:last])
        # Numbers, booleans and dates never hold a character that needs quoting.
        return [_quote(c) for c in cells] if self._quoted and not plain else cells


def _format_plain(series: pd.Series) -> tuple[list[str], bool]:
    """Cells of a column that is neither categorical nor text, and whether they are all
    numbers, booleans or dates (nothing that needs quoting)."""
    dtype = series.dtype
    if isinstance(dtype, np.dtype) and dtype.kind in "iu":  # numpy integers: never missing
        return series.to_numpy().astype(str).tolist(), True
    if pd.api.types.is_bool_dtype(dtype) or pd.api.types.is_integer_dtype(dtype):
        missing = series.isna().to_numpy()
        if pd.api.types.is_bool_dtype(dtype):
            filled = series.to_numpy(dtype=bool, na_value=False)
            texts = np.where(filled, "true", "false").astype(object)
        else:
            texts = series.to_numpy(dtype="int64", na_value=0).astype(str).astype(object)
        texts[missing] = ""
        return texts.tolist(), True
    values = series.to_numpy(dtype=object, na_value=None)
    if pd.api.types.is_float_dtype(dtype):
        return ["" if v is None else format_float(float(v)) for v in values], True
    if pd.api.types.is_datetime64_any_dtype(dtype):
        return ["" if v is None else _format_timestamp(pd.Timestamp(v)) for v in values], True
    return [_format_value(v) for v in values], False


def _format_objects(values: np.ndarray) -> list[str]:
    """Cells of an object column: text escaped, anything else by `_format_value`."""
    fmt = _format_value
    return [
        (("'" + v if v and v[0] in FORMULA_START else v) if type(v) is str else fmt(v))
        for v in values
    ]


_NEEDS_QUOTES_RE = re.compile(r'[,"\n\r]')


def _quote(field: str) -> str:
    """CSV quoting for one field: the csv module's minimal rule (a comma, a double quote or
    a line feed), plus a bare CR, which the csv module leaves unquoted when the line
    terminator is "\\n" and which a reader would otherwise take for a line end."""
    return _quoted(field) if _NEEDS_QUOTES_RE.search(field) else field


def _quoted(field: str) -> str:
    """The field in double quotes, its own double quotes doubled."""
    return '"' + field.replace('"', '""') + '"'


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
    columns_cells = [_ColumnCells(df[name], quoted=True) for name in names]
    with tmp.open("w", encoding="utf-8", newline="") as handle:
        handle.write(_csv_line([_quote(name) for name in names]))
        # Formatted in slices so a million-row table never exists twice as text cells.
        for first in range(0, len(df), WRITE_CHUNK_ROWS):
            last = first + WRITE_CHUNK_ROWS
            rows = zip(*(column.cells(first, last) for column in columns_cells), strict=True)
            if len(names) == 1:
                handle.writelines(_csv_line(row) for row in rows)
                continue
            # Joined a few hundred lines at a time: one string per line would make many
            # small writes, one string per slice a large copy of the slice.
            while lines := list(map(",".join, islice(rows, JOIN_ROWS))):
                lines.append("")
                handle.write("\n".join(lines))
    os.replace(tmp, path)


def _csv_line(fields: Sequence[str]) -> str:
    """One line of quoted fields; a lone empty field is written as "" (as the csv module
    does), so the line is not mistaken for a blank one."""
    if len(fields) == 1 and fields[0] == "":
        return '""\n'
    return ",".join(fields) + "\n"


def read_table(path: Path, columns: list[str] | None = None) -> pd.DataFrame:
    """Read a table written by write_table, restoring text, integers and booleans.

    Columns of the processed tables get the type of their definition (READ_KINDS); other
    columns, and numbers, are typed from their cells: all `true`/`false` → boolean, all
    integers → Int64, all numbers → Float64, else text.
    Empty text cells come back as "", empty numbers and booleans as <NA>. `columns`
    reads only those (in the file's order).
    """
    raw = pd.read_csv(
        path,
        dtype=str,
        keep_default_na=False,
        na_filter=False,
        encoding="utf-8",
        usecols=columns,
    )
    out = {}
    for name in raw.columns:
        values = raw[name].tolist()
        kind = READ_KINDS.get(name) or _infer_kind(values)
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
    if kind == "int":
        return pd.Series([int(v) if v != "" else pd.NA for v in values], dtype="Int64")
    if kind == "bool":
        return pd.Series(
            [(v == "true") if v in ("true", "false") else pd.NA for v in values],
            dtype="boolean",
        )
    if kind == "float":
        return pd.Series([float(v) if v != "" else pd.NA for v in values], dtype="Float64")
    return pd.Series([unescape_cell(v) for v in values], dtype=object).astype(str)
