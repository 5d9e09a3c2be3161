"""Every table the project writes, defined once, column by column: the shared columns in
shared_columns.py, articles.csv and claims.csv in claim_tables.py, the tables made from
the claims in analysis_tables.py; here the catalogue of them all.

For each column: its name, kind, allowed values (a vocabulary of vocab.py), whether it may
be empty, simple constraints and a one-line meaning. A table is its columns in the order
its CSV is written, with its sort keys and unique key. Everything else follows from here:
the pandera schemas (tables/schemas.py), the CSV reader's types (tables/csvio.py), the
pipeline's column types, the analysis modules' output columns, the notebooks' display
lists and docs/data-dictionary.md (tables/dictionary.py).

The shape of a definition (Column, Table) is in table.py. Plain data: nothing here needs
pandas or pandera.
"""

from __future__ import annotations

from tolltrace.model.analysis_tables import (
    CHANGES,
    CONSISTENCY,
    CORRECTIONS_APPLIED,
    ESCALATION,
    ESTIMATES,
    RELEASES,
)
from tolltrace.model.claim_tables import ARTICLES, CLAIMS
from tolltrace.model.table import Kind, Origin, Table

TABLES: tuple[Table, ...] = (
    ARTICLES,
    CLAIMS,
    RELEASES,
    ESCALATION,
    CONSISTENCY,
    ESTIMATES,
    CORRECTIONS_APPLIED,
    CHANGES,
)

ARTICLE_COLUMNS = ARTICLES.names
# claims.csv as the extractor gives it, before the pipeline adds `file` and `outlet`
# after `article_id`; then before the analysis; then the analysis's own columns.
EXTRACTED_CLAIM_COLUMNS = CLAIMS.from_origin(Origin.EXTRACTOR)
CLAIM_COLUMNS = CLAIMS.from_origin(Origin.EXTRACTOR, Origin.PIPELINE)
ANALYSIS_CLAIM_COLUMNS = CLAIMS.from_origin(Origin.ANALYSIS)


def table(name: str) -> Table:
    """The written table called `name` ("claims"); KeyError for another name."""
    for candidate in TABLES:
        if candidate.name == name:
            return candidate
    raise KeyError(f"no table called {name!r}")


def kinds_by_name() -> dict[str, Kind]:
    """The kind of every column name of the written tables.

    A name means one kind in every table, so a CSV reader can type a column by its name
    alone; ValueError names a column whose kind differs between tables.
    """
    kinds: dict[str, Kind] = {}
    for tab in TABLES:
        for column in tab.columns:
            if kinds.setdefault(column.name, column.kind) is not column.kind:
                raise ValueError(f"column {column.name!r} has two kinds")
    return kinds
