"""Records passed between the pipeline stages, and the fixed column order of every table.

The column lists here are the single source of truth for table layouts: the writers,
the schemas and the README's data dictionary all follow them.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field

OUTCOMES = ("killed", "injured", "missing")
QUALIFIERS = ("exact", "about", "more_than", "at_least", "up_to", "range", "vague")
VICTIM_GROUPS = ("civilians", "security_forces", "fighters", "combatants", "all", "unspecified")
SCOPES = ("cumulative", "daily", "incident", "increment")
SOURCE_BASES = ("explicit", "carried", "none")
# Vocabularies of the analysis tables.
AS_OF_BASES = ("published", "text", "inherited", "unknown")
DIVERGENCE_CLASSES = (
    "same",
    "timing",
    "category_shift",
    "qualifier_drift",
    "attribution_shift",
    "contradiction",
    "unknown",
)
ORDER_BASES = ("time", "value")
CONSISTENCY_STATUSES = ("consistent", "inconsistent", "not_checkable")


@dataclass(slots=True)
class Claim:
    """One mention of a casualty figure in one article, as the extractor found it."""

    article_id: str
    claim_id: str
    outcome: str
    low: int
    high: int | None
    qualifier: str
    vague_term: str
    victim_group: str
    victim_text: str
    source: str
    source_kind: str
    source_text: str
    source_basis: str
    time_text: str
    as_of_text: str
    since_text: str
    era_text: str
    scope: str
    mention: str
    char_start: int
    char_end: int
    sentence: str
    sentence_start: int
    sentence_end: int
    paragraph: int
    is_headline: bool
    part_of: str
    is_previous: bool

    def as_row(self) -> dict[str, object]:
        return asdict(self)


# Column order of claims.csv as written by extraction. The pipeline inserts `file` and
# `outlet` after `article_id`; analysis appends ANALYSIS_CLAIM_COLUMNS.
EXTRACTED_CLAIM_COLUMNS: tuple[str, ...] = tuple(Claim.__dataclass_fields__)

ANALYSIS_CLAIM_COLUMNS: tuple[str, ...] = (
    "as_of",
    "as_of_basis",
    "period_start",
    "other_period",
    "release_id",
    "reference_release_id",
    "reference_value",
    "divergence_class",
    "divergence_note",
)


@dataclass(slots=True)
class ArticleText:
    """The decoded text of one input file, with what happened while reading it."""

    text: str
    encoding: str
    fmt: str  # "text" or "html"
    notes: list[str] = field(default_factory=list)
    # Added for the ledger (reading.py): "ok", "empty", "binary", "too_large" or
    # "unreadable"; the sha256 of the raw bytes ("" when the file was not read) and its size.
    status: str = "ok"
    sha256: str = ""
    size: int = 0


# The articles ledger (articles.csv): one row per file found and per manifest row whose
# file is missing. Statuses are documented in pipeline.py and the README.
ARTICLE_STATUSES = (
    "ok",
    "warning",
    "empty",
    "binary",
    "duplicate",
    "missing",
    "too_large",
    "unreadable",
)
ARTICLE_COLUMNS: tuple[str, ...] = (
    "article_id",
    "file",
    "outlet",
    "url",
    "published",
    "language",
    "sha256",
    "format",
    "encoding",
    "characters",
    "n_claims",
    "status",
    "message",
    "duplicate_of",
    "time_mentions",
)
# claims.csv before analysis: the pipeline adds where each claim's article came from.
CLAIM_COLUMNS: tuple[str, ...] = (
    "article_id",
    "file",
    "outlet",
    *EXTRACTED_CLAIM_COLUMNS[1:],
)
