"""pandera schemas of every processed table, checked before a table is written.

A row that breaks a schema (an unknown outcome, a claim whose offsets are reversed, a
ledger status outside the vocabulary) stops the run with TableValidationError naming the
table, instead of ending up in a published chart. The analysis tables are checked on the
column names fixed in issue 3; extra columns are allowed there.
"""

from __future__ import annotations

from collections.abc import Callable

import pandas as pd
import pandera.pandas as pa
from pandera.errors import SchemaError, SchemaErrors

from tolltrace.model import (
    ANALYSIS_CLAIM_COLUMNS,
    DIVERGENCE_CLASSES,
    OUTCOMES,
    ArticleStatus,
    AsOfBasis,
    ConsistencyStatus,
    OrderBasis,
    Qualifier,
    Scope,
    SourceBasis,
    VictimGroup,
)

ARTICLE_STATUSES = tuple(ArticleStatus)
AS_OF_BASES = tuple(AsOfBasis)
CONSISTENCY_STATUSES = tuple(ConsistencyStatus)
ORDER_BASES = tuple(OrderBasis)
QUALIFIERS = tuple(Qualifier)
SCOPES = tuple(Scope)
SOURCE_BASES = tuple(SourceBasis)
VICTIM_GROUPS = tuple(VictimGroup)
ARTICLE_FORMATS = ("text", "html", "")

_ISO_DATE_OR_EMPTY = r"^(?:\d{4}-\d{2}-\d{2})?$"
_SHA256_OR_EMPTY = r"^(?:[0-9a-f]{64})?$"


class TableValidationError(ValueError):
    """A processed table broke its schema; the message names the table and the failures."""


def _text(*checks: pa.Check, nullable: bool = False, required: bool = True) -> pa.Column:
    """A text column (missing values written as empty text)."""
    return pa.Column(str, checks=list(checks), nullable=nullable, required=required)


def _int(*checks: pa.Check, nullable: bool = False, required: bool = True) -> pa.Column:
    """An integer column; nullable ones use pandas' Int64."""
    return pa.Column("Int64", checks=list(checks), nullable=nullable, required=required)


def _number(nullable: bool = True, required: bool = True) -> pa.Column:
    """A numeric column whose integer/float type is left to the analysis."""
    return pa.Column(
        None,
        checks=[pa.Check(_numeric_or_empty, name="numeric")],
        nullable=nullable,
        required=required,
    )


def _numeric_or_empty(series: pd.Series) -> bool:
    """True for a numeric column, or one with no values at all."""
    return bool(pd.api.types.is_numeric_dtype(series) or series.isna().all())


def _within(values: tuple[str, ...]) -> pa.Check:
    """Allowed values of a vocabulary column."""
    return pa.Check.isin(list(values))


def _nullable_isin(values: tuple[str, ...]) -> pa.Check:
    """Allowed values, or empty text."""
    return pa.Check.isin([*values, ""])


def _row_check(rule: Callable[[pd.DataFrame], pd.Series], name: str) -> pa.Check:
    """A check across the columns of each row: `rule(df)` gives True per good row.

    ignore_na=False: with pandera's default every such check also scanned the whole table
    for rows with no value at all (1.1 s of the claims check at 100,000 articles); the
    rules handle missing values themselves, and a row with no value at all should fail.
    """
    return pa.Check(rule, name=name, ignore_na=False)


ARTICLES = pa.DataFrameSchema(
    {
        "article_id": _text(pa.Check.str_length(min_value=1)),
        "file": _text(pa.Check.str_length(min_value=1)),
        "outlet": _text(),
        "url": _text(),
        "published": _text(),
        "language": _text(),
        "sha256": _text(pa.Check.str_matches(_SHA256_OR_EMPTY)),
        "format": _text(_within(ARTICLE_FORMATS)),
        "encoding": _text(),
        "characters": _int(pa.Check.ge(0), nullable=True),
        "n_claims": _int(pa.Check.ge(0)),
        "status": _text(_within(ARTICLE_STATUSES)),
        "message": _text(),
        "duplicate_of": _text(),
        "time_mentions": _text(),
    },
    checks=[
        _row_check(
            lambda df: (df["status"] == "duplicate") == (df["duplicate_of"] != ""),
            "duplicate_of set exactly for duplicates",
        ),
        _row_check(
            lambda df: (df["n_claims"] == 0) | df["status"].isin(["ok", "warning"]),
            "claims only from usable articles",
        ),
    ],
    strict=True,
    ordered=True,
    coerce=True,
    name="articles",
)


def _claims_columns(with_analysis: bool) -> dict[str, pa.Column]:
    """Columns of claims.csv, with the analysis columns required when analysis ran."""
    columns = {
        "article_id": _text(pa.Check.str_length(min_value=1)),
        "file": _text(),
        "outlet": _text(),
        "claim_id": _text(pa.Check.str_length(min_value=3)),
        "outcome": _text(_within(OUTCOMES)),
        "low": _int(pa.Check.ge(0)),
        "high": _int(pa.Check.ge(0), nullable=True),
        "qualifier": _text(_within(QUALIFIERS)),
        "vague_term": _text(),
        "victim_group": _text(_within(VICTIM_GROUPS)),
        "victim_text": _text(),
        "source": _text(pa.Check.str_length(min_value=1)),
        "source_kind": _text(),
        "source_text": _text(),
        "source_basis": _text(_within(SOURCE_BASES)),
        "time_text": _text(),
        "as_of_text": _text(),
        "since_text": _text(),
        "era_text": _text(),
        "scope": _text(_within(SCOPES)),
        "mention": _text(pa.Check.str_length(min_value=1)),
        "char_start": _int(pa.Check.ge(0)),
        "char_end": _int(pa.Check.ge(1)),
        "sentence": _text(),
        "sentence_start": _int(pa.Check.ge(0)),
        "sentence_end": _int(pa.Check.ge(0)),
        "paragraph": _int(pa.Check.ge(0)),
        "is_headline": pa.Column(bool),
        "part_of": _text(),
        "is_previous": pa.Column(bool),
    }
    if with_analysis:
        columns.update(
            {
                "as_of": _text(pa.Check.str_matches(_ISO_DATE_OR_EMPTY), nullable=True),
                "as_of_basis": _text(_within(AS_OF_BASES)),
                "other_period": pa.Column(bool),
                "release_id": _text(nullable=True),
                "reference_value": _number(),
                "divergence_class": _text(_nullable_isin(DIVERGENCE_CLASSES), nullable=True),
            }
        )
    return columns


def _claims_schema(with_analysis: bool) -> pa.DataFrameSchema:
    """The claims schema, before or after analysis."""
    return pa.DataFrameSchema(
        _claims_columns(with_analysis),
        checks=[
            _row_check(lambda df: df["char_end"] > df["char_start"], "char_end > char_start"),
            _row_check(lambda df: df["high"].isna() | (df["high"] >= df["low"]), "high >= low"),
            _row_check(
                lambda df: (
                    df["claim_id"]
                    == df["article_id"] + "@" + df["char_start"].astype("int64").astype(str)
                ),
                "claim_id == article_id@char_start",
            ),
            _row_check(
                lambda df: df["mention"].str.len() == df["char_end"] - df["char_start"],
                "len(mention) == char_end - char_start",
            ),
        ],
        strict=False,
        coerce=True,
        name="claims",
    )


CLAIMS = _claims_schema(with_analysis=False)
CLAIMS_ANALYSED = _claims_schema(with_analysis=True)

RELEASES = pa.DataFrameSchema(
    {
        "release_id": _text(pa.Check.str_length(min_value=1)),
        "source": _text(pa.Check.str_length(min_value=1)),
        "victim_group": _text(_within(VICTIM_GROUPS)),
        "outcome": _text(_within(OUTCOMES)),
        "scope": _text(_within(SCOPES)),
        "low": _int(pa.Check.ge(0)),
        "high": _int(pa.Check.ge(0), nullable=True),
        "qualifier": _text(_within(QUALIFIERS)),
        "as_of_first": _text(pa.Check.str_matches(_ISO_DATE_OR_EMPTY), nullable=True),
        "as_of_last": _text(pa.Check.str_matches(_ISO_DATE_OR_EMPTY), nullable=True),
        "series_order": _int(pa.Check.ge(1)),
        "order_basis": _text(_within(ORDER_BASES)),
        "n_mentions": _int(pa.Check.ge(1)),
        "n_articles": _int(pa.Check.ge(1)),
        "n_outlets": _int(pa.Check.ge(0)),
        "article_ids": _text(),
    },
    strict=False,
    coerce=True,
    name="releases",
)

CONSISTENCY = pa.DataFrameSchema(
    {
        "article_id": _text(pa.Check.str_length(min_value=1)),
        "total_claim_id": _text(pa.Check.str_length(min_value=1)),
        "total_value": _number(),
        "part_claim_ids": _text(nullable=True),
        "parts_sum": _number(),
        "status": _text(_within(CONSISTENCY_STATUSES)),
    },
    strict=False,
    coerce=True,
    name="consistency",
)

ESTIMATES = pa.DataFrameSchema(
    {
        "date": _text(nullable=True),
        "victim_group": _text(_within(VICTIM_GROUPS)),
        "outcome": _text(_within(OUTCOMES)),
        "low": _number(),
        "best": _number(),
        "high": _number(),
        "sources": _text(nullable=True),
        "grade": _text(nullable=True),
    },
    checks=[
        _row_check(
            lambda df: df["low"].isna() | df["best"].isna() | (df["low"] <= df["best"]),
            "low <= best",
        ),
        _row_check(
            lambda df: df["best"].isna() | df["high"].isna() | (df["best"] <= df["high"]),
            "best <= high",
        ),
    ],
    strict=False,
    coerce=True,
    name="estimates",
)

SCHEMAS: dict[str, pa.DataFrameSchema] = {
    "articles": ARTICLES,
    "claims": CLAIMS,
    "releases": RELEASES,
    "consistency": CONSISTENCY,
    "estimates": ESTIMATES,
}


# Columns whose values must be unique over the whole table (checked outside pandera, so
# that the row checks can run on slices of a large table).
UNIQUE_COLUMNS: dict[str, str] = {
    "articles": "article_id",
    "claims": "claim_id",
    "releases": "release_id",
}
VALIDATE_CHUNK_ROWS = 50_000


def validate_table(name: str, df: pd.DataFrame) -> pd.DataFrame:
    """Check `df` against the schema of table `name`; return `df` unchanged.

    claims with any analysis column are checked with the analysis columns required. Rows
    are checked in slices of VALIDATE_CHUNK_ROWS, so memory stays bounded for big tables.
    Raises TableValidationError naming the table and listing the failures.
    """
    schema = SCHEMAS[name]
    if name == "claims" and any(c in df.columns for c in ANALYSIS_CLAIM_COLUMNS):
        schema = CLAIMS_ANALYSED
    for first in range(0, max(len(df), 1), VALIDATE_CHUNK_ROWS):
        try:
            schema.validate(df.iloc[first : first + VALIDATE_CHUNK_ROWS], lazy=True)
        except (SchemaErrors, SchemaError) as err:
            raise TableValidationError(f"{name}.csv failed its schema check:\n{err}") from err
    column = UNIQUE_COLUMNS.get(name)
    if column in df.columns:
        repeated = df.loc[df[column].duplicated(), column]
        if not repeated.empty:
            shown = ", ".join(map(str, repeated.head(5)))
            raise TableValidationError(
                f"{name}.csv failed its schema check: {len(repeated)} repeated {column} "
                f"values ({shown})"
            )
    return df
