"""Claim rows on their way from the extractor to the claims table.

A worker turns one article's claims into compact value tuples (`claim_rows`); the main
process gathers them into typed DataFrame chunks as they arrive (`ClaimCollector`), so it
never holds millions of row tuples at once. The columns and their types come from the
claims table's definition (model/columns.py); which text columns are held as categories
is decided here, for memory.
"""

from __future__ import annotations

import operator
from collections.abc import Iterable

import pandas as pd
from pandas.api.types import union_categoricals

from tolltrace.model import CLAIM_COLUMNS, CLAIMS, EXTRACTED_CLAIM_COLUMNS, Claim, Kind

# Claim rows are turned into typed DataFrame chunks this often.
CLAIM_CHUNK_ROWS = 50_000

# Columns with few distinct values (and sentences, which copies of a story repeat):
# stored as categories, they take a fraction of the memory of one string object per
# row (about 1 KB less per claim). A choice about memory, not about what the columns
# hold, so it is made here rather than in the columns' definitions.
CATEGORY_CLAIM_COLUMNS = CLAIMS.select(
    "file", "outlet", "outcome", "qualifier", "vague_term", "victim_group", "source",
    "source_kind", "source_text", "source_basis", "scope", "as_of_text", "since_text",
    "era_text", "sentence", "civilians_named", "place", "correction", "correction_reason",
)  # fmt: skip
# The pipeline's columns after the extractor's (`correction`, `correction_reason`): empty
# until corrections.csv is applied.
_UNCORRECTED = ("",) * (len(CLAIM_COLUMNS) - len(EXTRACTED_CLAIM_COLUMNS) - 2)


def collected_row(row: tuple, file: str, outlet: str) -> tuple:
    """An extracted row (EXTRACTED_CLAIM_COLUMNS) as a claims row (CLAIM_COLUMNS): the file
    and outlet after article_id, the correction columns empty."""
    return (row[0], file, outlet, *row[1:], *_UNCORRECTED)


def _claim_dtypes() -> dict[str, str | type]:
    """The type of each claims column before analysis: integers as int64 (Int64 where a
    cell may be empty), flags as bool, text as str or, for CATEGORY_CLAIM_COLUMNS,
    categories."""
    dtypes: dict[str, str | type] = {}
    for name in CLAIM_COLUMNS:
        column = CLAIMS.column(name)
        if column.kind is Kind.INT:
            dtypes[name] = "Int64" if column.empty else "int64"
        elif column.kind is Kind.BOOL:
            dtypes[name] = bool
        elif column.kind is Kind.TEXT:
            dtypes[name] = "category" if name in CATEGORY_CLAIM_COLUMNS else str
        else:
            raise ValueError(f"claims column {name!r}: no type for kind {column.kind}")
    for name in CATEGORY_CLAIM_COLUMNS:
        if dtypes[name] != "category":
            raise ValueError(f"claims column {name!r} is not text and cannot be a category")
    return dtypes


_DTYPES = _claim_dtypes()

# ---------------------------------------------------------------- worker side

_CHAR_START = EXTRACTED_CLAIM_COLUMNS.index("char_start")
_claim_values = operator.attrgetter(*EXTRACTED_CLAIM_COLUMNS)
# Long texts that several claims of one article repeat.
_SHARED_FIELDS = tuple(
    EXTRACTED_CLAIM_COLUMNS.index(name)
    for name in CLAIMS.select("sentence", "source_text", "victim_text", "time_text")
)


def claim_rows(claims: Iterable[Claim], text: str) -> tuple[list[tuple], int]:
    """Claims → value tuples in EXTRACTED_CLAIM_COLUMNS order, by char_start.

    Equal strings within one article share one object (sentences repeat across the claims
    of a sentence), which keeps the rows small. Claims whose mention is not their slice of
    the text are dropped and counted.
    """
    shared: dict[str, str] = {}
    rows = []
    dropped = 0
    for claim in claims:
        if not (0 <= claim.char_start < claim.char_end <= len(text)) or (
            text[claim.char_start : claim.char_end] != claim.mention
        ):
            dropped += 1
            continue
        row = list(_claim_values(claim))
        for i in _SHARED_FIELDS:
            row[i] = shared.setdefault(row[i], row[i])
        rows.append(tuple(row))
    rows.sort(key=lambda row: row[_CHAR_START])
    return rows, dropped


# ---------------------------------------------------------------- main process

# Claim columns (CLAIM_COLUMNS positions) whose texts are held once for the whole corpus:
# the plain-text ones that recur across articles ("since Thursday", "more than 300"), and
# the categorical ones too, so every chunk's categories hold the same objects (sharing
# only the plain-text ones raised peak memory at 100,000 articles from 927 MB to 998 MB).
# "file" is left out: it is one object per article already, and never repeats.
_CORPUS_SHARED = tuple(
    CLAIM_COLUMNS.index(name)
    for name in CLAIMS.select(
        *CATEGORY_CLAIM_COLUMNS, "victim_text", "time_text", "mention", "part_of"
    )
    if name != "file"
)


class ClaimCollector:
    """Claim rows gathered into typed DataFrame chunks as they arrive."""

    def __init__(self) -> None:
        self._rows: list[tuple] = []
        self._chunks: list[pd.DataFrame] = []
        self._shared: dict[str, str] = {}

    def add(self, rows: list[tuple], file: str, outlet: str) -> None:
        """Add one article's rows, inserting its file and outlet after article_id.

        Short texts that recur across articles ("killed", "SOHR", "the monitor", "since
        Thursday") are stored once for the whole corpus.
        """
        shared = self._shared
        for row in rows:
            values = list(collected_row(row, file, outlet))
            for i in _CORPUS_SHARED:
                values[i] = shared.setdefault(values[i], values[i])
            self._rows.append(tuple(values))
        if len(self._rows) >= CLAIM_CHUNK_ROWS:
            self._flush()

    def _flush(self) -> None:
        """Turn the pending rows into one typed chunk."""
        if self._rows:
            self._chunks.append(claims_frame(self._rows))
            self._rows = []

    def frame(self) -> pd.DataFrame:
        """All claims, in arrival order (which is article_id, char_start order)."""
        self._flush()
        if not self._chunks:
            return claims_frame([])
        chunks, self._chunks = self._chunks, []
        if len(chunks) == 1:
            return chunks[0]
        # Categories differ from chunk to chunk; unite them so the columns stay categorical.
        columns = {
            name: (
                union_categoricals([c[name] for c in chunks])
                if _DTYPES[name] == "category"
                else pd.concat([c[name] for c in chunks], ignore_index=True)
            )
            for name in CLAIM_COLUMNS
        }
        return pd.DataFrame({name: pd.Series(values) for name, values in columns.items()})


def claims_frame(rows: list[tuple]) -> pd.DataFrame:
    """Rows in CLAIM_COLUMNS order → a DataFrame with the claims table's types."""
    frame = pd.DataFrame.from_records(rows, columns=list(CLAIM_COLUMNS))
    for name, dtype in _DTYPES.items():
        if dtype == "category":
            frame[name] = frame[name].astype(str).astype("category")
        else:
            frame[name] = frame[name].astype(dtype)
    return frame
