"""pandera schemas of every processed table, built from the column definitions
(model/columns.py) and checked before a table is written.

A row that breaks a schema (an unknown outcome, a claim whose offsets are reversed, a
ledger status outside the vocabulary) stops the run with TableValidationError naming the
table, instead of ending up in a published chart. Each column's type, vocabulary, empty
cells and simple constraints come from its definition; the checks across the columns of
a row are here. The ledger may hold no other columns, in no other order; the other tables
may carry extra columns (as before the column definitions existed).
"""

from __future__ import annotations

from collections.abc import Callable

import pandas as pd
import pandera.pandas as pa
from pandera.errors import SchemaError, SchemaErrors

from tolltrace.model import (
    ANALYSIS_CLAIM_COLUMNS,
    ARTICLES,
    CLAIMS,
    ESTIMATES,
    TABLES,
    ArticleStatus,
    Column,
    Kind,
    Origin,
    Table,
)
from tolltrace.model.columns import table as table_named


class TableValidationError(ValueError):
    """A processed table broke its schema; the message names the table and the failures."""


def column_schema(column: Column) -> pa.Column:
    """The pandera column of a column definition.

    Text may be missing where it may be empty (both are written as an empty cell).
    Integers are checked as pandas' Int64, which holds missing values.
    """
    checks: list[pa.Check] = []
    if column.kind is Kind.INT:
        if column.ge is not None:
            checks.append(pa.Check.ge(column.ge))
        return pa.Column("Int64", checks=checks, nullable=column.empty)
    if column.kind is Kind.BOOL:
        return pa.Column(bool, nullable=column.empty)
    if column.kind is Kind.NUMBER:
        return pa.Column(None, checks=[pa.Check(_numeric_or_empty, name="numeric")], nullable=True)
    if column.values is not None:
        allowed = [member.value for member in column.values]
        checks.append(pa.Check.isin([*allowed, ""] if column.empty else allowed))
    elif not column.empty:
        checks.append(pa.Check.str_length(min_value=column.min_length))
    pattern = column.text_pattern
    if pattern is not None:
        optional = "?" if column.empty else ""
        checks.append(pa.Check.str_matches(f"^(?:{pattern.regex}){optional}$"))
    return pa.Column(str, checks=checks, nullable=column.empty)


def _numeric_or_empty(series: pd.Series) -> bool:
    """True for a numeric column, or one with no values at all."""
    return bool(pd.api.types.is_numeric_dtype(series) or series.isna().all())


def _row_check(rule: Callable[[pd.DataFrame], pd.Series], name: str) -> pa.Check:
    """A check across the columns of each row: `rule(df)` gives True per good row.

    ignore_na=False: with pandera's default every such check also scanned the whole table
    for rows with no value at all (1.1 s of the claims check at 100,000 articles); the
    rules handle missing values themselves, and a row with no value at all should fail.
    """
    return pa.Check(rule, name=name, ignore_na=False)


def _articles_checks() -> list[pa.Check]:
    """A duplicate names what it duplicates; only a usable article has claims."""
    status, duplicate_of, n_claims = ARTICLES.select("status", "duplicate_of", "n_claims")
    usable = [ArticleStatus.OK.value, ArticleStatus.WARNING.value, ArticleStatus.OFF_EVENT.value]
    return [
        _row_check(
            lambda df: (df[status] == ArticleStatus.DUPLICATE) == (df[duplicate_of] != ""),
            f"{duplicate_of} set exactly for duplicates",
        ),
        _row_check(
            lambda df: (df[n_claims] == 0) | df[status].isin(usable),
            "claims only from articles read and extracted",
        ),
    ]


def _claims_checks() -> list[pa.Check]:
    """Offsets in order, figures in order, the id built from the offset, the mention as
    long as its offsets say."""
    article_id, claim_id, low, high, mention, start, end = CLAIMS.select(
        "article_id", "claim_id", "low", "high", "mention", "char_start", "char_end"
    )
    return [
        _row_check(lambda df: df[end] > df[start], f"{end} > {start}"),
        _row_check(lambda df: df[high].isna() | (df[high] >= df[low]), f"{high} >= {low}"),
        _row_check(
            lambda df: df[claim_id] == df[article_id] + "@" + df[start].astype("int64").astype(str),
            f"{claim_id} == {article_id}@{start}",
        ),
        _row_check(
            lambda df: df[mention].str.len() == df[end] - df[start],
            f"len({mention}) == {end} - {start}",
        ),
    ]


def _estimates_checks() -> list[pa.Check]:
    """low <= best <= high."""
    low, best, high = ESTIMATES.select("low", "best", "high")
    return [
        _row_check(
            lambda df: df[low].isna() | df[best].isna() | (df[low] <= df[best]),
            f"{low} <= {best}",
        ),
        _row_check(
            lambda df: df[best].isna() | df[high].isna() | (df[best] <= df[high]),
            f"{best} <= {high}",
        ),
    ]


def table_schema(
    table: Table, columns: tuple[str, ...] | None = None, checks: list[pa.Check] | None = None
) -> pa.DataFrameSchema:
    """The schema of `table` (only `columns`, when given), with the row `checks`."""
    names = table.names if columns is None else table.select(*columns)
    strict = table is ARTICLES
    return pa.DataFrameSchema(
        {name: column_schema(table.column(name)) for name in names},
        checks=checks or [],
        strict=strict,
        ordered=strict,
        coerce=True,
        name=table.name,
    )


_ROW_CHECKS: dict[str, Callable[[], list[pa.Check]]] = {
    ARTICLES.name: _articles_checks,
    CLAIMS.name: _claims_checks,
    ESTIMATES.name: _estimates_checks,
}
SCHEMAS: dict[str, pa.DataFrameSchema] = {
    table.name: table_schema(table, checks=_ROW_CHECKS.get(table.name, list)()) for table in TABLES
}
# claims.csv before the analysis: without the analysis columns.
CLAIMS_UNANALYSED = table_schema(
    CLAIMS, CLAIMS.from_origin(Origin.EXTRACTOR, Origin.PIPELINE), _claims_checks()
)
VALIDATE_CHUNK_ROWS = 50_000


def validate_table(name: str, df: pd.DataFrame) -> pd.DataFrame:
    """Check `df` against the schema of table `name`; return `df` unchanged.

    claims without any analysis column are checked without them. Rows are checked in
    slices of VALIDATE_CHUNK_ROWS, so memory stays bounded for big tables; the unique key
    is checked over the whole table. Raises TableValidationError naming the table and
    listing the failures.
    """
    schema = SCHEMAS[name]
    if name == CLAIMS.name and not any(c in df.columns for c in ANALYSIS_CLAIM_COLUMNS):
        schema = CLAIMS_UNANALYSED
    for first in range(0, max(len(df), 1), VALIDATE_CHUNK_ROWS):
        try:
            schema.validate(df.iloc[first : first + VALIDATE_CHUNK_ROWS], lazy=True)
        except (SchemaErrors, SchemaError) as err:
            raise TableValidationError(f"{name}.csv failed its schema check:\n{err}") from err
    _check_unique(name, df)
    return df


def _check_unique(name: str, df: pd.DataFrame) -> None:
    """Raise TableValidationError when the table's unique key repeats (checked outside
    pandera, so that the row checks can run on slices of a large table)."""
    key = list(table_named(name).unique)
    if not key or any(column not in df.columns for column in key):
        return
    if len(key) == 1:
        label = key[0]
        repeated = df.loc[df[label].duplicated(), label]
    else:
        label = f"({', '.join(key)})"
        rows = df.loc[df.duplicated(key), key].itertuples(index=False, name=None)
        repeated = pd.Series(list(rows), dtype=object)
    if not repeated.empty:
        shown = ", ".join(map(str, repeated.head(5)))
        raise TableValidationError(
            f"{name}.csv failed its schema check: {len(repeated)} repeated {label} values ({shown})"
        )
