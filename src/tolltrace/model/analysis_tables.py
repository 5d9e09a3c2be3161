"""What was made of the claims: releases, escalation, consistency and estimates, the
record of corrections applied, the changes since the last build, and the article scores
the analysis returns without writing (see columns.py)."""

from __future__ import annotations

from tolltrace.model.claim_tables import (
    CLAIMS,
)
from tolltrace.model.shared_columns import (
    ARTICLE_ID,
    CLAIM_ID,
    DIVERGENCE_CLASS,
    HIGH,
    LOW,
    NOTE,
    OUTCOME,
    OUTLET,
    PLACE_ID,
    PLACE_KIND,
    QUALIFIER,
    REFERENCE_RELEASE_ID,
    REFERENCE_VALUE,
    RELEASE_ID,
    SCOPE,
    SERIES,
    SOURCE,
    VICTIM_GROUP,
)
from tolltrace.model.table import (
    Column,
    Kind,
    Table,
    date,
    flag,
    integer,
    text,
    vocab,
)
from tolltrace.model.vocab import (
    Change,
    ChangedRecord,
    CheckKind,
    ConsistencyStatus,
    CorrectionAction,
    EscalationFlag,
    Grade,
    OrderBasis,
)

# ---------------------------------------------------------------- releases.csv

RELEASES = Table(
    "releases",
    "one row per figure a source released",
    "A release is one figure from one source for one series and outcome; the claims that "
    "relay it name it in their `release_id`.",
    (
        RELEASE_ID.but(
            "stable id from source, series, outcome and figure (plus scope and day for "
            "daily, incident and increment counts, and the place when it is narrower than "
            "the event)",
            empty=False,
        ),
        SOURCE.but("canonical source id, or `unattributed`"),
        SERIES,
        PLACE_ID,
        PLACE_KIND,
        text("place", "the place words of its first mention, or empty"),
        VICTIM_GROUP.but("the most specific group among its mentions"),
        OUTCOME,
        SCOPE,
        LOW.but("the figure as its most specific mention gives it"),
        HIGH.but("the upper figure of that mention; empty when open-ended"),
        QUALIFIER.but("the most specific qualifier among its mentions"),
        text("figure", "`745`, or `300-400` for a range", empty=False),
        date("as_of_first", "earliest `as_of` of its mentions (empty if none is known)"),
        date("as_of_last", "latest `as_of` of its mentions (empty if none is known)"),
        integer(
            "series_order",
            "1, 2, … within source, series and outcome (cumulative releases first, then "
            "daily, incident and increment counts)",
            ge=1,
        ),
        vocab(
            "order_basis",
            OrderBasis,
            "`time` (a distinct known date, or an order the text states) or `value` "
            "(inferred from the figure)",
        ),
        integer("n_mentions", "claims that relay it", ge=1),
        integer("n_articles", "articles that carry it", ge=1),
        integer(
            "n_outlets",
            "independent outlets (an article with no known outlet counts as its own)",
        ),
        text("article_ids", "the articles, sorted, joined with `; `", empty=False),
        text(
            "outlets",
            "the outlet keys joined with `; ` (`article:ID` where the outlet is unknown)",
            empty=False,
        ),
        flag("stated_previous", "true if some mention states it as a previous toll"),
    ),
    sort_keys=("source", "place_id", "series", "outcome", "series_order"),
    unique=("release_id",),
)

# ---------------------------------------------------------------- escalation.csv

ESCALATION = Table(
    "escalation",
    "one row per point of the escalation chart",
    "The chart is drawn from this table alone. A series is one source's cumulative figures "
    "for one place, victim group and outcome; unattributed figures are each outlet's own. "
    "A drawn line never falls: a later figure lower than an earlier one of its series is a "
    "point off the line, flagged for review.",
    (
        text(
            "series_id",
            "`source|place_id|series|outcome` (`unattributed:OUTLET|…` for an outlet's own "
            "figures)",
            empty=False,
        ),
        SOURCE.but("canonical source id, or `unattributed`"),
        OUTLET.but("for unattributed figures, the outlet that printed them; else empty"),
        PLACE_ID,
        PLACE_KIND,
        text("place", "the place words of the release's first mention, or empty"),
        SERIES,
        OUTCOME,
        date("as_of", "the day the figure was first reported (empty if unknown)"),
        flag(
            "as_of_inferred",
            "true when the figure's own date is unknown and `as_of` is the day of the figures "
            "just before and after it in its series",
        ),
        integer("order", "1, 2, … within the series: the order its line takes", ge=1),
        integer("value", "where the point is drawn: the stated figure (`up to` figures: `high`)"),
        LOW.but("the release's `low`"),
        HIGH.but("the release's `high`"),
        QUALIFIER.but("the release's qualifier"),
        flag("on_line", "true when the point is part of its series' drawn line"),
        vocab("flag", EscalationFlag, "why the point is off the line, or empty", empty=True),
        NOTE.but(
            'the flag in words ("lower than the 1,000 this source gave on 2025-03-08: another '
            'place or group, a correction, or a misreading?")'
        ),
        RELEASE_ID.but("the release the point draws", empty=False),
        text("claim_ids", "the claims behind the point, joined with `; `", empty=False),
        text("sentence", "the sentence of the first of those claims"),
        text("article_ids", "their articles, sorted, joined with `; `", empty=False),
        text("outlets", "their outlets, joined with `; `"),
        integer("n_outlets", "independent outlets", ge=1),
    ),
    sort_keys=("outcome", "place_id", "series_id", "order"),
    unique=("series_id", "release_id"),
)

# ---------------------------------------------------------------- consistency.csv

CONSISTENCY = Table(
    "consistency",
    "totals checked against their parts",
    "Parts and total come from one article, source and outcome.",
    (
        ARTICLE_ID.but("the article where the check was made"),
        SOURCE.but("the source of the total and its parts"),
        OUTCOME.but("the outcome of the total and its parts"),
        text(
            "total_claim_id",
            "the total (group `all` or `combatants`, or the target of a `part_of` link)",
            empty=False,
        ),
        VICTIM_GROUP.but("the total's victim group", name="total_group"),
        integer("total_value", "the total's figure"),
        QUALIFIER.but("the total's qualifier", name="total_qualifier"),
        text("part_claim_ids", "the part claims, in text order, joined with `; `", empty=False),
        text("part_groups", "their victim groups, joined with `; `", empty=False),
        integer("parts_sum", "the sum of the parts"),
        vocab(
            "check",
            CheckKind,
            "`algebra` (a complete decomposition), `part_of` (explicit links only) or "
            "`partial` (incomplete parts)",
        ),
        vocab("status", ConsistencyStatus, "the result of the check"),
        NOTE.but('the sum in words, e.g. "311 civilians + 213 combatants = 524 against exact 524"'),
    ),
    sort_keys=("article_id", "total_claim_id"),
    unique=("total_claim_id",),
)

# ---------------------------------------------------------------- estimates.csv

ESTIMATES = Table(
    "estimates",
    "low, best and high per day and victim group",
    "From the named-source cumulative releases. The rows with an empty `date` (all "
    "releases, undated ones included) sort first.",
    (
        date(
            "date",
            "the estimate as of this day; empty means all releases, undated ones included",
        ),
        VICTIM_GROUP.but("the most specific group of the series"),
        SERIES.but("the series the estimate covers"),
        OUTCOME,
        LOW.but(
            "highest conservative figure: the largest `low` among named-source cumulative releases"
        ),
        integer(
            "best",
            "the latest figure of the source carried by the most independent outlets, "
            "raised to `low` if below it (a range gives its midpoint, rounded down)",
        ),
        HIGH.but(
            "highest credible figure: the largest `high` (or `low` when open-ended)",
            empty=False,
        ),
        text("sources", "the named sources behind the row, joined with `; `", empty=False),
        vocab(
            "grade",
            Grade,
            "`multiple_sources` if two or more named sources give the best figure, else "
            "`single_source`",
        ),
        integer("n_sources", "named sources counted", ge=1),
        integer("n_releases", "releases counted", ge=1),
        SOURCE.but("the source `best` comes from", name="best_source"),
        RELEASE_ID.but("the release `best` comes from", name="best_release_id", empty=False),
        NOTE.but("set when `best` was raised to the floor"),
    ),
    sort_keys=("date", "victim_group", "outcome"),
    unique=("date", "series", "outcome"),
)

CORRECTIONS_APPLIED = Table(
    "corrections_applied",
    "every row of the raw folder's corrections.csv and what it changed",
    "One row per row of `corrections.csv` (none when there is no such file), in its "
    "order: the claim it matched and the field it changed, before and after.",
    (
        integer("line", "the row's line in corrections.csv", ge=2),
        vocab("action", CorrectionAction, "`reject`, `set` or `add`"),
        CLAIM_ID.but("the claim the row matched, or the one it added"),
        text("field", "the field set (`set`), or empty"),
        text("before", "the field's value before (`set`); the mention for `reject` and `add`"),
        text("after", "the field's value after (`set`), or empty"),
        text("reason", "the row's reason", empty=False),
    ),
    sort_keys=("line",),
    unique=("line",),
)

CHANGES = Table(
    "changes",
    "what changed since the last build into the same folder",
    "One row per claim or release added or removed, and per field of one that changed, "
    "against the tables the folder held before this build (none: everything is added). A "
    "rebuild that changes nothing writes the header alone. `tolltrace diff OLD NEW` "
    "compares any two folders the same way.",
    (
        vocab("record", ChangedRecord, "`claim` or `release`"),
        text("key", "its `claim_id` or `release_id`", empty=False),
        vocab("change", Change, "`added`, `removed` or `changed`"),
        text("field", "the column that changed (`changed`), else empty"),
        text(
            "before", "the value before; for a removed claim its mention, for a release its figure"
        ),
        text("after", "the value after; for an added claim its mention, for a release its figure"),
    ),
    sort_keys=("record", "key", "field"),
    unique=("record", "key", "field"),
)


# ---------------------------------------------------------------- returned, not written

ARTICLE_SCORES = Table(
    "article_scores",
    "each article's headline figure against its reference",
    "Returned by `tolltrace.analysis.article_scores`, not written: per article, its "
    "headline killed figure (else its first numeric killed figure) against the highest "
    "figure then available from the same source.",
    (
        *(
            CLAIMS.column(name).but(origin=None)
            for name in ("article_id", "claim_id", "is_headline", "source", "low", "qualifier")
        ),
        *(CLAIMS.column(name).but(origin=None) for name in ("as_of", "as_of_basis")),
        REFERENCE_RELEASE_ID.but(
            "the same source's release the figure is compared with (empty if none)"
        ),
        REFERENCE_VALUE.but("the `low` of that release"),
        integer(
            "difference",
            "`low` − `reference_value`; empty without a reference",
            ge=None,
            empty=True,
        ),
        Column(
            "ratio",
            Kind.NUMBER,
            "`low` / `reference_value`, to 4 decimals; empty without a reference",
            empty=True,
        ),
        DIVERGENCE_CLASS,
        NOTE.but("why there is no same-source reference, or empty"),
    ),
    sort_keys=("article_id",),
    unique=("article_id",),
    written=False,
)
