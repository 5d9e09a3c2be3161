"""The columns several tables share, defined once (see columns.py)."""

from __future__ import annotations

from tolltrace.model.table import (
    date,
    flag,
    integer,
    text,
    vocab,
)
from tolltrace.model.vocab import (
    AsOfBasis,
    DivergenceClass,
    Outcome,
    PlaceKind,
    Qualifier,
    Scope,
    Series,
    VictimGroup,
)

# ---------------------------------------------------------------- shared columns

ARTICLE_ID = text(
    "article_id",
    "the file's stem, e.g. `003_30b87b7eb73067d6` (the full file name if two files share a stem)",
    empty=False,
)
FILE = text("file", "the file name in the raw folder", empty=False)
OUTLET = text("outlet", "the outlet, from the manifest")
CLAIM_ID = text(
    "claim_id", "`article_id@char_start`: stable across runs", empty=False, min_length=3
)
OUTCOME = vocab("outcome", Outcome, "what happened to the people the figure counts")
LOW = integer(
    "low",
    "the stated figure (for a range, its lower end; for a vague word, its coded value)",
)
HIGH = integer(
    "high",
    'upper figure; empty when open-ended ("more than 700", "at least 34", vague words). '
    'Exact, "about" and "up to" figures have `high` = `low`; "300 to 400" gives 300 and 400',
    empty=True,
)
QUALIFIER = vocab("qualifier", Qualifier, "how the figure is stated")
VICTIM_GROUP = vocab(
    "victim_group",
    VictimGroup,
    "who the figure counts (`combatants`: fighters of both sides, or security forces and "
    "fighters together; `all`: combatants and civilians together)",
)
SOURCE = text(
    "source",
    "canonical id of whoever the article attributes the figure to: an id of the alias table "
    "(`SOHR`, `UN`, `health_ministry`, `officials`, `local_sources`, …), the id of a named "
    "organisation the table does not know, made from its words (`interior-ministry`) or its "
    "acronym (`NDMA`), or `unattributed`",
    empty=False,
)
SCOPE = vocab(
    "scope",
    Scope,
    "`cumulative` (a running total), `daily` (a count for one stated day), `incident` (one "
    'event inside the story) or `increment` (a number added to a toll: "27 more", '
    '"another 20")',
)
IS_HEADLINE = flag("is_headline", "true for the title line")
AS_OF = date("as_of", "the date the figure describes, or empty")
AS_OF_BASIS = vocab(
    "as_of_basis",
    AsOfBasis,
    "what dated the figure: the article's publication date, the claim's own words, the "
    "latest day its article mentions, a date set in corrections.csv, or nothing",
)
RELEASE_ID = text(
    "release_id",
    "the release this claim relays, e.g. `SOHR|civilians|killed|745`, "
    "`AFAD|unspecified|killed|20665|TR` for a part of the event's area; empty for vague "
    "words, other periods, off-event articles and subsets of a total in their own series",
)
PLACE_ID = text(
    "place_id",
    "the area the figure counts, when narrower than the event's: an ISO 3166 country "
    "(`TR`) or region (`TR-31`) code, a town (`SY/Baniyas`) or other words "
    "(`other:rebel-held-areas`); empty for the whole event",
)
PLACE_KIND = vocab(
    "place_kind",
    PlaceKind,
    "`event` (the whole event's area, or no narrower place named), `country`, `region`, "
    "`city` or `other`",
)
REFERENCE_RELEASE_ID = text(
    "reference_release_id", "the release the claim is compared with (empty if none)"
)
REFERENCE_VALUE = integer("reference_value", "the `low` of that release", empty=True)
DIVERGENCE_CLASS = vocab(
    "divergence_class",
    DivergenceClass,
    "how the claim differs from the release it is compared with",
    empty=True,
)
SERIES = vocab(
    "series",
    Series,
    "the victims the series counts, with unspecified people resolved: `civilians` when its "
    "words name civilians or the same source gives the figure for civilians, `all` when it "
    "is a total of civilians and combatants, else `unspecified`",
)
NOTE = text("note", "a remark in words")
