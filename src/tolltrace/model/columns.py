"""Every column of the five processed tables, defined once.

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

from tolltrace.model.table import (
    SHA256,
    Column,
    Kind,
    Origin,
    Table,
    date,
    flag,
    integer,
    text,
    vocab,
)
from tolltrace.model.vocab import (
    ArticleFormat,
    ArticleStatus,
    AsOfBasis,
    Change,
    ChangedRecord,
    CheckKind,
    ConsistencyStatus,
    Correction,
    CorrectionAction,
    DivergenceClass,
    EscalationFlag,
    Grade,
    OrderBasis,
    Outcome,
    PlaceKind,
    Qualifier,
    Scope,
    Series,
    SourceBasis,
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

# ---------------------------------------------------------------- articles.csv

ARTICLES = Table(
    "articles",
    "one row per input file, whatever happened to it",
    "One row for every file in the raw folder, plus one for every manifest row whose file "
    "is missing.",
    (
        ARTICLE_ID,
        FILE,
        OUTLET,
        text("url", "the article's address, from the manifest"),
        text(
            "published",
            "when it was published, from the manifest: ISO text or empty (never invented)",
        ),
        text("language", "its language, from the manifest"),
        text("sha256", "of the raw bytes (empty when the file was not read)", pattern=SHA256),
        vocab("format", ArticleFormat, "how the file was read (empty if it was not)", empty=True),
        text("encoding", "how the bytes were decoded (`utf-8`, `utf-8-sig`, `cp1252`, …)"),
        integer("characters", "length of the decoded text", empty=True),
        integer("n_claims", "claims written to `claims.csv`"),
        vocab(
            "status",
            ArticleStatus,
            "`ok` (read and extracted; the message notes any decoding or HTML extraction); "
            "`warning` (read and extracted, with something to check: not in the manifest, a "
            "malformed manifest date or sha256, a sha256 that differs from the manifest's, "
            "claims dropped for bad offsets, an extractor failure); `empty` (empty, "
            "whitespace only, or a page with no article text); `binary` (NUL or control "
            "bytes; skipped); `duplicate` (same bytes, or same text apart from whitespace, "
            "as `duplicate_of`, the first such article by `article_id`; no claims written); "
            "`missing` (in the manifest, no such file); `too_large` (over the size limit; "
            "refused unread); `unreadable` (cannot be opened, read or decoded); "
            "`off_event` (read and extracted, but published before `event_start` or after "
            "the event window of corpus.toml: its claims stay in `claims.csv`, kept out of "
            "releases, estimates and charts)",
        ),
        text("message", "what happened, in words"),
        text("duplicate_of", "the `article_id` this file duplicates"),
        text(
            "time_mentions",
            "every time expression in the article, in order, joined with `; `",
        ),
    ),
    sort_keys=("article_id",),
    unique=("article_id",),
)

# ---------------------------------------------------------------- claims.csv


def _filled_by(origin: Origin, *columns: Column) -> tuple[Column, ...]:
    """`columns`, marked as filled by `origin`."""
    return tuple(column.but(origin=origin) for column in columns)


CLAIMS = Table(
    "claims",
    "one row per claim mention",
    "The extractor's columns, with `file` and `outlet` from the ledger after `article_id`, "
    "then the columns the analysis adds.",
    (
        *_filled_by(Origin.EXTRACTOR, ARTICLE_ID.but("the article (see `articles.csv`)")),
        *_filled_by(
            Origin.PIPELINE,
            FILE.but("the file name, from the ledger"),
            OUTLET.but("the outlet, from the ledger"),
        ),
        *_filled_by(
            Origin.EXTRACTOR,
            CLAIM_ID,
            OUTCOME,
            LOW,
            HIGH,
            QUALIFIER,
            text("vague_term", 'the vague words as coded ("several dozen"), else empty'),
            VICTIM_GROUP,
            text("victim_text", 'the words that name the victims ("Alawite civilians")'),
            text(
                "civilians_named",
                "for a count of unspecified people, the civilians its words say it includes "
                '("people, including women and children": `women and children`), else empty',
            ),
            text(
                "place",
                'the words that say where the figure counts ("in Hatay", "across both '
                'countries", "outside the city"), or empty',
            ),
            SOURCE,
            text(
                "source_kind",
                "the source's kind in the alias table (`monitor`, `ngo`, `un`, `government`, "
                "`local`, `media`, … a user's alias table may add kinds), or `none`",
            ),
            text("source_text", "the words that named the source"),
            vocab(
                "source_basis",
                SourceBasis,
                "`explicit` (named in the sentence), `carried` (from the paragraph, the "
                "previous speaker, or the body for a headline) or `none`",
            ),
            text(
                "time_text",
                'every time expression in the sentence, joined with `; ` ("earlier on '
                'Saturday; since Thursday")',
            ),
            text("as_of_text", "the expression that dates the figure, or empty"),
            text("since_text", 'a "since …" expression, or empty'),
            text(
                "era_text",
                "the years, months and past periods of the sentence that date this number, "
                'joined with `; ` ("in 2018", "since April 2023", "last year"), or empty',
            ),
            SCOPE,
            text("mention", "the exact words of the number phrase", empty=False),
            integer(
                "char_start",
                "offset of the mention in the decoded text (`tolltrace text FILE`)",
            ),
            integer(
                "char_end",
                "offset just after the mention: `text[char_start:char_end] == mention`",
                ge=1,
            ),
            text(
                "sentence",
                "the whole sentence; a longer one than 1,000 characters (a run-on tally) "
                "is quoted by the 1,000 around the number, marked `…` where cut",
            ),
            integer("sentence_start", "offset of the sentence"),
            integer("sentence_end", "offset just after the sentence"),
            integer("paragraph", "index of the line it stands on (0 = first line)"),
            IS_HEADLINE,
            text(
                "part_of",
                '`claim_id` of the total this is part of ("524, including 213 fighters"; '
                '"32 of them minors"; "Three of the dead were women", after its toll)',
            ),
            flag(
                "is_previous",
                'true for a figure stated as superseded ("revising a previous toll of 45", '
                '"up from 427", "initially reported at 20", "had earlier put the toll at '
                '70", "The previous toll, issued on Sunday, was 66", "raising the toll from '
                '28", "The ministry had reported 876 deaths a week ago"; a bare "said it had '
                'recorded 1,200" only with an earlier time)',
            ),
        ),
        *_filled_by(
            Origin.PIPELINE,
            vocab(
                "correction",
                Correction,
                "what the raw folder's `corrections.csv` did: `rejected` (not a toll: kept "
                "here, left out of releases, estimates and charts), `corrected` (a field "
                "set by hand), `added` (a toll the extractor missed); empty for none",
                empty=True,
            ),
            text("correction_reason", "the reasons of the corrections applied, joined by `; `"),
        ),
        *_filled_by(
            Origin.ANALYSIS,
            AS_OF,
            AS_OF_BASIS,
            date("period_start", 'the day a "since …" expression opens, or empty'),
            flag(
                "other_period",
                "true when `era_text` names a time wholly before the event: a toll of "
                "another event or period, kept out of releases, estimates and charts",
            ),
            flag(
                "off_event",
                "true when the article was published outside the event window "
                "(`articles.csv` status `off_event`): kept out of releases, estimates and "
                "charts",
            ),
            PLACE_ID,
            PLACE_KIND,
            RELEASE_ID,
            REFERENCE_RELEASE_ID,
            REFERENCE_VALUE,
            DIVERGENCE_CLASS,
            text("divergence_note", "why, in words"),
        ),
    ),
    sort_keys=("article_id", "char_start"),
    unique=("claim_id",),
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
