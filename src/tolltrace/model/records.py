"""Records passed between the pipeline stages: an article's decoded text and its claims."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field


@dataclass(slots=True)
class Claim:
    """One mention of a casualty figure in one article, as the extractor found it.

    The fields are the extractor's columns of claims.csv, in order (model/columns.py
    defines them; a test checks that the two agree).
    """

    article_id: str
    claim_id: str
    outcome: str
    low: int
    high: int | None
    qualifier: str
    vague_term: str
    victim_group: str
    victim_text: str
    civilians_named: str
    place: str
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
