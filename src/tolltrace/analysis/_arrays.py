"""Array helpers the analysis modules share: text, date and flag columns as numpy arrays
however they are held, and integer codes for grouping.

The analysis works on numpy arrays and integer codes rather than pandas' text columns,
which are slow without pyarrow.
"""

from __future__ import annotations

import numpy as np
import pandas as pd


def column_flags(frame: pd.DataFrame, name: str) -> np.ndarray:
    """Column `name` as a bool array however it is held: bool, pandas "boolean" (missing is
    False) or text ("true", "True", "1", "yes"); all False when there is no such column."""
    if name not in frame.columns:
        return np.zeros(len(frame), dtype=bool)
    col = frame[name]
    if col.dtype == bool:
        return col.to_numpy()
    if isinstance(col.dtype, pd.BooleanDtype):
        return col.fillna(False).to_numpy(bool)
    return col.astype(str).str.strip().str.lower().isin(["true", "1", "yes"]).to_numpy()


def text_array(values: pd.Series | np.ndarray) -> np.ndarray:
    """Values as a numpy object array of str, "" for missing."""
    s = pd.Series(values, dtype=object) if not isinstance(values, pd.Series) else values
    arr = s.to_numpy(dtype=object, na_value="")
    if isinstance(s.dtype, pd.StringDtype) or pd.api.types.infer_dtype(arr) in ("string", "empty"):
        return arr.copy()  # pandas may hand out a read-only view
    return np.array([v if isinstance(v, str) else str(v) for v in arr], dtype=object)


def obj_series(values: object, index: pd.Index) -> pd.Series:
    """A pandas Series of dtype object (pandas 3 would otherwise infer its slow str type)."""
    return pd.Series(values, index=index, dtype=object)


def day_array(iso: pd.Series | np.ndarray) -> np.ndarray:
    """ISO date text → numpy datetime64[D] (NaT for "" or unparseable), parsing each once."""
    codes, uniques = pd.factorize(text_array(iso))
    days = np.array(
        [np.datetime64(u) if len(u) == 10 else np.datetime64("NaT") for u in uniques],
        dtype="datetime64[D]",
    )
    return days[codes] if len(codes) else np.array([], dtype="datetime64[D]")


def iso_array(days: np.ndarray) -> np.ndarray:
    """datetime64[D] → ISO date text, "" for NaT."""
    out = np.datetime_as_string(days.astype("datetime64[D]")).astype(object)
    out[np.isnat(days)] = ""
    return out


def codes_of(values: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """(codes, uniques) with codes in sorted order of the unique values."""
    codes, uniques = pd.factorize(values, sort=True)
    return codes.astype(np.int64), np.asarray(uniques, dtype=object)


def group_codes(*columns: np.ndarray) -> np.ndarray:
    """One integer code per distinct combination of the given integer columns."""
    if len(columns[0]) == 0:
        return np.array([], dtype=np.int64)
    frame = pd.DataFrame({str(i): c for i, c in enumerate(columns)})
    return frame.groupby(list(frame.columns), sort=True).ngroup().to_numpy(np.int64)


def join_groups(codes: np.ndarray, values: np.ndarray, n: int) -> tuple[np.ndarray, np.ndarray]:
    """Per code 0..n-1: the "; "-joined sorted distinct `values` (text), and their count."""
    out = np.full(n, "", dtype=object)
    if len(codes) == 0:
        return out, np.zeros(n, dtype=np.int64)
    v_codes, v_uniques = codes_of(values)
    width = len(v_uniques) + 1
    combined = np.unique(codes.astype(np.int64) * width + v_codes)
    c = combined // width
    v = v_uniques[combined % width]
    starts = np.flatnonzero(np.r_[True, c[1:] != c[:-1]])
    ends = np.r_[starts[1:], len(c)]
    for s, e in zip(starts, ends, strict=True):
        out[c[s]] = "; ".join(v[s:e])
    return out, np.bincount(c, minlength=n).astype(np.int64)
