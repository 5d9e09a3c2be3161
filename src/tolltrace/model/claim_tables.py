"""What was read: articles.csv (the ledger) and claims.csv (see columns.py)."""

from __future__ import annotations

from tolltrace.model.shared_columns import (
    ARTICLE_ID,
    AS_OF,
    AS_OF_BASIS,
    CLAIM_ID,
    DIVERGENCE_CLASS,
    FILE,
    HIGH,
    IS_HEADLINE,
    LOW,
    OUTCOME,
    OUTLET,
    PLACE_ID,
    PLACE_KIND,
    QUALIFIER,
    REFERENCE_RELEASE_ID,
    REFERENCE_VALUE,
    RELEASE_ID,
    SCOPE,
    SOURCE,
    VICTIM_GROUP,
)
from tolltrace.model.table import (
    SHA256,
    Column,
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
    Correction,
    SourceBasis,
)

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
                "`local`, `media`, … a user's alias table may add kinds), `named` for a proper "
                "name the table does not know, or `none`",
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
