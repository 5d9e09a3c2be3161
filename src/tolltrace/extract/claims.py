"""The claim extractor: article text → casualty claims.

A number phrase becomes a claim only when the text ties it to people killed, injured or
missing: a person noun after it and a casualty verb in its clause ("745 civilians were
killed"), or a casualty frame before it ("the deaths of more than 532 people", "the death
toll ... to 524", "claiming the lives of 163 civilians"). Everything else is left out
(`not_counts`). A wrong number in a chart is worse than a missed one, so doubtful cases
are dropped rather than guessed.

`extract_article` reads every number of an article in order, each with one decision per
question (`read_claim`), then runs the passes that need the whole article.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from itertools import groupby
from operator import attrgetter

from tolltrace.extract import lexicon, scope
from tolltrace.extract._fastscan.index import LEFT_WORDS, article_index
from tolltrace.extract._fastscan.scanning import lowered
from tolltrace.extract.attribution import ArticleAttributions, attribute_headlines
from tolltrace.extract.back_references import back_outcome, follows_a_toll, refers_back
from tolltrace.extract.context import NumberContext, ends_with, number_context, read_left
from tolltrace.extract.cues import IMMEDIATE_STATE_RE, mentions_casualties
from tolltrace.extract.era_clauses import assign_eras
from tolltrace.extract.furniture import furniture_spans, in_spans
from tolltrace.extract.groups import civilians_named, claim_group, mark_totals_of_everyone
from tolltrace.extract.headed_lists import HeadedLists
from tolltrace.extract.invisible import for_matching
from tolltrace.extract.not_counts import is_no_casualty_count, is_not_a_count
from tolltrace.extract.numbers import NumberPhrase, find_number_phrases
from tolltrace.extract.ordinals import is_ordinal, ordinal_counts
from tolltrace.extract.outcome import Reading, read_outcome
from tolltrace.extract.parts import TOTAL_BEFORE, is_compared_figure, link_subsets
from tolltrace.extract.place_phrases import place_claims
from tolltrace.extract.sentences import (
    Sentence,
    headline_paragraph,
    sentence_at,
    sentence_quote,
    split_sentences,
    without_abbreviation_points,
)
from tolltrace.extract.sources import SourceTable, default_table
from tolltrace.extract.timeref import TimeExpr, find_time_expressions, report_times
from tolltrace.extract.victims import read_noun_phrase
from tolltrace.model import Claim

# A verb that says the toll is past the number: "has surpassed 1,000" is more than 1,000.
_BEYOND_BEFORE = tuple(
    f" {verb}"
    for verb in "surpass surpassed surpasses surpassing exceed exceeded exceeds "
    "exceeding topped topping tops past pass passed passes crossed crosses".split()
)


@dataclass(frozen=True, slots=True)
class ArticleExtraction:
    """What one pass over an article finds: its claims and all its time expressions."""

    claims: list[Claim]
    times: list[TimeExpr]


@dataclass(frozen=True, slots=True)
class _Article:
    """What every number of one article is read against."""

    text: str
    low: str | None
    article_id: str
    attributions: ArticleAttributions
    headline: int | None
    cues: list[int] | None
    sentences: list[Sentence]


def extract_claims(
    text: str, article_id: str, sources: SourceTable | None = None, language: str = ""
) -> list[Claim]:
    """Every casualty claim in `text`, in text order.

    `text` is the decoded article; every claim's `text[char_start:char_end] == mention`.
    `sources` is the alias table (the built-in one when None); `language` the article's
    language code from the manifest ("en", "de"; "" when unknown), which says how its
    numbers are written ("3.350").
    """
    return extract_article(text, article_id, sources, language).claims


def extract_article(
    text: str, article_id: str, sources: SourceTable | None = None, language: str = ""
) -> ArticleExtraction:
    """Claims and time expressions of one article, scanning the text for times only once."""
    original, text = text, without_abbreviation_points(for_matching(text))
    low = lowered(text)
    index = article_index(low, text)
    # The days an event happened ("struck on Monday") date no count: left out.
    times = report_times(text, find_time_expressions(text, low=low, anchor_hits=index.time))
    phrases = find_number_phrases(
        text,
        low=low,
        word_hits=index.number,
        digit_starts=index.digit_starts,
        decimal_mark=lexicon.decimal_mark(language),
    )
    ordinals = ordinal_counts(text, low)
    if ordinals:
        phrases = sorted([*phrases, *ordinals])
    if not phrases:
        return ArticleExtraction([], times)
    sentences = split_sentences(text)
    article = _Article(
        text,
        low,
        article_id,
        ArticleAttributions(text, sentences, sources or default_table(), low),
        headline_paragraph(text, sentences),
        index.cue,
        sentences,
    )
    time_starts = [t.start for t in times]
    furniture = furniture_spans(text, low)
    claims: list[Claim] = []
    has_cue: dict[int, bool] = {}
    listed: dict[int, str | None] = {}  # a list item's sentence -> its heading's outcome
    back_only: set[int] = set()  # sentences whose only tolls refer back to one before
    lists = HeadedLists(text, low, sentences, index.casualty, index.cue)
    for phrase in phrases:
        sentence = sentence_at(sentences, phrase.start)
        if sentence is None or (furniture and in_spans(furniture, phrase.start)):
            continue
        if sentence.index not in has_cue:
            has_cue[sentence.index] = mentions_casualties(
                text, low, sentence, index.casualty
            ) or _total_after_casualties(text, low, sentences, sentence, index.casualty)
            if not has_cue[sentence.index]:
                outcome = lists.outcome(sentence)
                # A list's items are parts of a toll told before it, never tolls of their own.
                if outcome is not None and not any(
                    c.outcome == outcome and not c.part_of for c in claims
                ):
                    outcome = None
                listed[sentence.index] = outcome
                if (
                    outcome is None
                    and follows_a_toll(sentences, sentence, claims)
                    and refers_back(text, low, sentence)
                ):
                    back_only.add(sentence.index)
                has_cue[sentence.index] = outcome is not None or sentence.index in back_only
        if not has_cue[sentence.index]:
            continue
        lo = bisect.bisect_left(time_starts, sentence.start)
        hi = bisect.bisect_left(time_starts, sentence.end)
        in_sentence = [t for t in times[lo:hi] if t.end <= sentence.end]
        claim = read_claim(
            article,
            sentence,
            phrase,
            claims,
            in_sentence,
            listed.get(sentence.index),
            sentence.index in back_only,
        )
        if claim is not None:
            claims.append(claim)
    # Passes that need every claim of the article.
    _date_eras(text, claims, index.era)
    place_claims(text, claims)
    scope.one_day_event(text, claims, times)
    link_subsets(claims)
    mark_totals_of_everyone(text, sentences, claims)
    attribute_headlines(claims)
    if text is not original:
        for claim in claims:
            claim.mention = original[claim.char_start : claim.char_end]
            claim.sentence = sentence_quote(
                original, claim.sentence_start, claim.sentence_end, claim.char_start, claim.char_end
            )
    return ArticleExtraction(claims, times)


# A sentence that goes on counting what the one before it names: a line that is only a
# total ("Total: 1,644"), or "This number includes 745 civilians".
_TOTAL_LINE_RE = re.compile(
    r"[\"“]?(?:(?:Total|Overall)\s*:\s*\S*\d"
    r"|(?:This|That|The)\s+(?:number|count|figure|toll|tally)\s+(?:also\s+)?includ)",
    re.IGNORECASE,
)


def _total_after_casualties(
    text: str,
    low: str | None,
    sentences: list[Sentence],
    sentence: Sentence,
    hits: list[tuple[int, int]] | None,
) -> bool:
    if sentence.index == 0 or not _TOTAL_LINE_RE.match(text, sentence.start, sentence.end):
        return False
    return mentions_casualties(text, low, sentences[sentence.index - 1], hits)


def read_claim(
    article: _Article,
    sentence: Sentence,
    phrase: NumberPhrase,
    earlier: list[Claim],
    times: list[TimeExpr],
    list_outcome: str | None = None,
    back_only: bool = False,
) -> Claim | None:
    """The claim a number phrase makes, or None when it is no casualty count.

    `earlier` are the article's claims before it; `times` the time expressions of its
    sentence; `list_outcome` the casualty the heading of the list its line is an item of
    names (headed_lists), if any; `back_only`, that its sentence names no casualty and
    states a toll only by referring back to one before (back_references)."""
    text = article.text
    left = read_left(text, article.low, sentence, phrase, LEFT_WORDS)
    if is_not_a_count(text, sentence, phrase, left):
        return None
    ctx = number_context(text, article.low, sentence, phrase, left, article.cues)
    if is_no_casualty_count(ctx):
        return None
    previous = earlier[-1] if earlier and earlier[-1].sentence_start == sentence.start else None
    compared = previous is not None and is_compared_figure(ctx, previous)
    is_previous = compared or scope.is_previous_figure(ctx)
    reading = None if back_only else read_outcome(ctx, previous, is_previous, earlier, compared)
    if reading is None and list_outcome is not None:
        reading = Reading(list_outcome, TOTAL_BEFORE)  # "- Hill County: 3"
    if reading is None:
        outcome = back_outcome(ctx, article.sentences, earlier)
        if outcome is not None:
            reading = Reading(outcome, "")  # "That number has since risen to 45"
    if reading is None:
        return None
    group, victim_words = claim_group(ctx, previous, earlier)
    qualifier, high = _stated_qualifier(ctx, previous, reading.part_of)
    attribution = article.attributions.for_sentence(sentence.index, phrase.start)
    scope_name, as_of_text = scope.scope_and_date(ctx, times, bool(reading.part_of))
    if scope.is_increment(ctx, reading.outcome, earlier[-1] if earlier else None):
        scope_name = "increment"
    elif scope_name == "daily" and is_ordinal(phrase):
        scope_name = "cumulative"  # "A sixth victim died early Sunday": the toll is six
    return Claim(
        article_id=article.article_id,
        claim_id=f"{article.article_id}@{phrase.start}",
        outcome=reading.outcome,
        low=phrase.low,
        high=high,
        qualifier=qualifier,
        vague_term=phrase.vague_term,
        victim_group=group,
        victim_text=" ".join(victim_words),
        civilians_named=civilians_named(ctx) if group == "unspecified" else "",
        place="",  # set per sentence, once all its claims are known (place_claims)
        source=attribution.source,
        source_kind=attribution.kind,
        source_text=attribution.text,
        source_basis=attribution.basis,
        time_text="; ".join(t.text for t in times),
        as_of_text=as_of_text,
        since_text=next((t.text for t in times if t.kind == "since"), ""),
        era_text="",  # set per sentence, once all its claims are known (_date_eras)
        scope=scope_name,
        mention=phrase.text,
        char_start=phrase.start,
        char_end=phrase.end,
        sentence=sentence_quote(text, sentence.start, sentence.end, phrase.start, phrase.end),
        sentence_start=sentence.start,
        sentence_end=sentence.end,
        paragraph=sentence.paragraph,
        is_headline=sentence.paragraph == article.headline,
        part_of=reading.part_of,
        is_previous=is_previous,
    )


# "the death toll up to 114", "the toll crept up to 116", "has gone up to 159", "Death toll
# in stampede goes up to 80": risen to 114, not at most 114.
_TOLL_NOUN_BEFORE_RE = re.compile(
    r"\b(?:toll|tally|count|figure)(?:(?:\s+in\s+[^.;:\d]{1,60}?)?"
    r"\s+(?:has\s+|had\s+|have\s+)?"
    rf"(?:{lexicon.alternation(lexicon.toll_verbs(rise=True))}))?\s*$",
    re.IGNORECASE,
)


# "at least 115 deaths and 145 injuries", "at least 10 dead, 16 injured and 101 missing":
# the qualifier of a list's first count holds for the next ones that have none of their
# own, when only a comma or "and" stands between one's noun and the next number, within
# this reach, and the next has no casualty verb of its own ("… were killed and 151 others
# injured", "and 10,000 are missing" are statements of their own; "… and 90 injuries were
# recorded" is not; nor is "…, with 15 others missing").
SHARED_QUALIFIER_REACH = 60
_SHARED_QUALIFIERS = frozenset({"at_least", "more_than", "about", "up_to"})
# Only a comma, "and" or both between one count's noun and the next number.
_LIST_JOIN_RE = re.compile(r"\s*(?:,\s*(?:and\s+)?|and\s+)", re.IGNORECASE)
_FINITE_RE = re.compile(r"\b(?:were|are|was|is|have|has|had|remains?|remained)\b", re.IGNORECASE)


def _own_statement(ctx: NumberContext) -> bool:
    """A finite casualty verb right after the number's noun: "10,000 are believed missing"
    (not "40 people missing")."""
    state = IMMEDIATE_STATE_RE.match(ctx.text, ctx.noun.end, ctx.clause_end)
    return state is not None and _FINITE_RE.search(state.group(0)) is not None


def _shared_qualifier(ctx: NumberContext, previous: Claim | None, part_of: str) -> str | None:
    """The qualifier of the count this one continues a list of, if it shares it."""
    if previous is None or previous.qualifier not in _SHARED_QUALIFIERS:
        return None
    if part_of and part_of == previous.claim_id:
        return None  # "at least 40 people, including 12 children": the part is as stated
    if ctx.phrase.start - previous.char_end > SHARED_QUALIFIER_REACH:
        return None
    after_noun = read_noun_phrase(ctx.text, previous.char_end, ctx.phrase.start).end
    if not _LIST_JOIN_RE.fullmatch(ctx.text, after_noun, ctx.phrase.start) or _own_statement(ctx):
        return None
    return previous.qualifier


def _stated_qualifier(
    ctx: NumberContext, previous: Claim | None = None, part_of: str = ""
) -> tuple[str, int | None]:
    """The qualifier and upper figure, with what the words before the number add: "the
    toll has surpassed 1,000" is more than 1,000; "the toll up to 114" is 114; a list's
    first qualifier ("at least 10 dead, 16 injured") holds for the rest."""
    phrase = ctx.phrase
    if phrase.qualifier == "exact" and not phrase.vague_term:
        shared = _shared_qualifier(ctx, previous, part_of)
        if shared is not None:
            return shared, (None if shared in ("at_least", "more_than") else phrase.low)
    if phrase.qualifier == "exact" and ends_with(ctx.left, _BEYOND_BEFORE):
        return "more_than", None
    if (
        phrase.qualifier == "up_to"
        and phrase.text[:5].lower() == "up to"
        and _TOLL_NOUN_BEFORE_RE.search(ctx.left)
    ):
        return "exact", phrase.low
    return phrase.qualifier, phrase.high


def _date_eras(text: str, claims: list[Claim], anchors: list[int] | None) -> None:
    """Set each claim's era_text: the years and past periods of its sentence that date it
    (era_clauses.assign_eras, which needs every claim of the sentence at once). Sentences
    without an era anchor (`anchors`, None: unknown) are skipped."""
    for _, same_sentence in groupby(claims, key=attrgetter("sentence_start")):
        group = list(same_sentence)
        start, end = group[0].sentence_start, group[0].sentence_end
        k = bisect.bisect_left(anchors, start) if anchors is not None else 0
        if anchors is None or (k < len(anchors) and anchors[k] < end):
            spans = [(c.char_start, c.char_end) for c in group]
            found_eras = assign_eras(text, start, end, spans, anchors)
            for claim, found in zip(group, found_eras, strict=True):
                claim.era_text = "; ".join(e.text for e in found)
