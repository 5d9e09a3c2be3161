"""The claim extractor: article text → casualty claims.

A number phrase becomes a claim only when the text ties it to people killed, injured or
missing: a person noun after it and a casualty verb in its clause ("745 civilians were
killed"), or a casualty frame before it ("the deaths of more than 532 people", "the death
toll ... to 524", "claiming the lives of 163 civilians"). Everything else is left out:
ages and durations ("13-year war"), percentages, years and dates, counts of things
("30 separate incidents", "five massacres", "12 dogs"), people who fled, sought refuge, were
detained or are trapped, nobody ("no one was killed"), people on board ("a ferry carrying
250 passengers"), forecasts ("could kill up to 1,000") and rates ("3 deaths per 100,000").
A wrong number in a chart is worse than a missed one, so doubtful cases are dropped
rather than guessed.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from tolltrace.extract import lexicon
from tolltrace.extract._fastscan.scanning import (
    Guarded,
    LiteralFinder,
    StartAnchored,
    has_non_ascii_digit,
    lowered,
)
from tolltrace.extract.attribution import ArticleAttributions
from tolltrace.extract.era_clauses import assign_eras
from tolltrace.extract.eras import ERA_ANCHOR_WORDS, ERA_LOWER_WORDS, is_year_like
from tolltrace.extract.numbers import NUMBER_WORD_ANCHORS, NumberPhrase, find_number_phrases
from tolltrace.extract.sentences import Sentence, sentence_at, split_sentences
from tolltrace.extract.sources import SourceTable, default_table
from tolltrace.extract.timeref import ANCHOR_WORDS as TIME_ANCHOR_WORDS
from tolltrace.extract.timeref import TimeExpr, find_time_expressions
from tolltrace.extract.victims import is_person_word, read_noun_phrase, victim_group
from tolltrace.model import Claim

# The casualty words of lexicon/casualty_words.csv, as alternations by outcome.
_KILLED = lexicon.alternation(lexicon.casualty_phrases("killed"))
_INJURED = lexicon.alternation(lexicon.casualty_phrases("injured"))
_MISSING = lexicon.alternation(lexicon.casualty_phrases("missing"))
_NEGATIVE = lexicon.alternation(lexicon.casualty_phrases(lexicon.NOT_A_CASUALTY))
_CUE_RE = re.compile(
    rf"\b(?:(?P<killed>{_KILLED})|(?P<injured>{_INJURED})|(?P<missing>{_MISSING})|"
    rf"(?P<negative>{_NEGATIVE}))\b",
    re.IGNORECASE,
)
_CUE = StartAnchored(_CUE_RE)
_DIGIT_RE = re.compile(r"\d")
# Every number phrase holds a digit or one of these words (numbers.NUMBER_WORD_ANCHORS).
_NUMBER_WORD_RE = re.compile("|".join(sorted(NUMBER_WORD_ANCHORS, key=len, reverse=True)))
# Casualty frames before a number that has no noun of its own ("the death toll rose to 524").
_TOLL_FRAME = StartAnchored(
    re.compile(
        rf"\b(?:{lexicon.alternation(lexicon.toll_frames())}|{_KILLED}|{_INJURED}|{_MISSING})\b"
        # an aside between commas ("The death toll from Cyclone Ameya, which …, rose to 96"),
        # then up to 100 characters in which a decimal point may stand ("magnitude 7.1")
        r"(?:,[^,.;]{1,120},)?(?:[^.;]|\.(?=\d)){0,100}?"
        r"\b(?:to|at|of|reached|reaches|rose|rises|rising|climbed|climbs|stands|stood|hit|hits|"
        r"passed|passes|pass|past|surpassed|surpasses|exceeded|exceeds|topped|tops|is|was|"
        r"killing|killed|wounding|injuring|higher|lower|down|up)[,\s]+"
        r"(?:at\s+|to\s+)?[\"'“‘]?$",
        re.IGNORECASE,
    )
)
_IMMEDIATE_VERB_RE = re.compile(
    r"\s*[\"'”’]?\s*(?:of\s+(?:them|whom|those|these)\s+)?(?:(?:have|has|had|were|was|are|is|been|being|also|now|reportedly|"
    r"allegedly|already|since|so\s+far|feared|believed|confirmed|still|remain|remained|"
    r"remains|others?|more|in|a)\s+)*(?P<cue>"
    + lexicon.alternation(lexicon.role_phrases("state"))
    + r")\b",
    re.IGNORECASE,
)
_SOFT_NEGATIVES = frozenset(lexicon.role_phrases("soft"))
_MIXED_RE = re.compile(
    r"\s+or\s+(?:have\s+|had\s+|has\s+|been\s+|were\s+|are\s+|gone\s+|went\s+)*"
    rf"(?:{lexicon.alternation(lexicon.role_phrases('either'))})\b",
    re.IGNORECASE,
)
# "32 of them minors", "about 10 of them seriously": a part of the count before it.
_OF_THEM_RE = re.compile(
    r"\s+of\s+(?:them|whom|those|these|the\s+(?:(?P<dead>dead|victims|bodies|deaths)|injured|wounded))\b",
    re.IGNORECASE,
)
# "killing at least five soldiers and three civilians": the second count shares the verb.
_COORDINATED_RE = re.compile(r"[^.;]{0,40}?\s(?:and|as\s+well\s+as)\s+[\"'“‘]?$")
# A number with no noun, before a place or time, shares the noun of the one it is
# coordinated with: "killed 198 people there and more than 670 in Malawi", "27 bodies on
# Sunday and four more on Monday".
_BARE_RE = re.compile(
    r"\s*(?:more\s+)?(?:(?:in|at|on|across|from|inside|near|during|there)\b|$)", re.IGNORECASE
)
# The people whose bodies are counted are dead: "recovered the bodies of 12 miners".
_BODIES_OF_RE = re.compile(r"\b(?:bodies|remains|corpses)\s+of\s+$", re.IGNORECASE)


# A verb right before the number governs it. A casualty verb makes it a count of that
# casualty ("killed 5 soldiers and wounded 20"); any other cue verb ("arrested 45
# people") makes it no casualty count. Every match starts with a cue word, so it is
# tried only where the article's cue index (built for _CUE, whose words include all of
# these) has one.
def _adjacent(cues: str) -> StartAnchored:
    return StartAnchored(re.compile(rf"\b(?P<cue>{cues})\s+(?:the\s+)?[\"'“‘]?$", re.IGNORECASE))


_ADJACENT_CUE = _adjacent(f"{_KILLED}|{_INJURED}")
_ADJACENT_NEGATIVE = _adjacent(_NEGATIVE)
if not _ADJACENT_CUE.words | _ADJACENT_NEGATIVE.words <= _CUE.words:  # pragma: no cover
    raise RuntimeError("every start word of the _ADJACENT patterns must be in the _CUE index")
_PART = StartAnchored(
    re.compile(
        r"(?:including(?:\s+[^.;\d]{1,60}?\s+and)?|among\s+them|among\s+whom|of\s+whom|of\s+them|"
        r"among\s+the\s+(?:dead|victims|injured|wounded)(?:\s+were)?)"
        r"\s+[\"'“‘]?$",
        re.IGNORECASE,
    )
)
# More part frames, read on the last words only (their start words are too common to index):
# "The injured include five …", "Of the 112 injured, 17 …".
_PART_TAIL_RE = re.compile(
    r"(?:\b(?:dead|injured|wounded|victims)\s+include[sd]?|"
    r"\bof\s+(?:the|those)\s+(?:[\d,]+\s+)?(?:dead|injured|wounded|victims|killed|bodies),)"
    r"\s+[\"'“‘]?$",
    re.IGNORECASE,
)
_TAIL = 70  # characters before the number that the _TAIL patterns read
# Each with substrings one of which any match holds: the pattern runs only where one occurs.
_PART_TAIL = (_PART_TAIL_RE, ("includ", "of"))
# A figure the text says was superseded: "revising a previous toll of 56", "up from 30",
# "The previous toll, issued on Sunday, was 66", "initially reported at 20", "officials
# had earlier put the death toll at 30".
_PREVIOUS = StartAnchored(
    re.compile(
        r"(?:(?:previous|earlier|prior|initial)\s+(?:death\s+)?(?:toll|count|figure|tally)"
        r"(?:\s+of|(?:,[^,.;]{1,60},)?\s+(?:had\s+been|was|stood\s+at))?\s+"
        r"|\bup\s+from\s+|\brevis\w+\b[^.;]{0,40}\bfrom\s+"
        r"|\b(?:rais|lift|push|increas)\w*\s+the\s+(?:death\s+)?toll\s+from\s+)$",
        re.IGNORECASE,
    )
)
# More superseded forms, read on the last words only: "had reported 876", "had initially
# said eight", "initially reported at 20", "had earlier put the toll at 70".
_PREVIOUS_TAIL_RE = re.compile(
    r"(?:\bhad\s+(?P<when>earlier\s+|previously\s+|initially\s+|first\s+)?(?:reported|said|put|given|"
    r"announced|counted|recorded|told\s+(?:\w+\s+){0,2}?)\s*(?:that\s+)?"
    r"|\b(?:initially|earlier|first)\s+(?:been\s+)?(?:reported|put|given|estimated|set|"
    r"announced|gave)\s+(?:the\s+(?:death\s+)?(?:toll|number|figure)\s+)?(?:at|as)\s+)$",
    re.IGNORECASE,
)
_PREVIOUS_TAIL = (_PREVIOUS_TAIL_RE, ("had", "initially", "earlier", "first"))


def _previous_tail(text: str, left: str, phrase: NumberPhrase) -> bool:
    """_PREVIOUS_TAIL_RE at the end of `left`. A bare "had reported 876" (reported speech
    says "had" too: "said it had recorded 1,200") counts only with an earlier time after
    the number ("… a week ago", "… earlier")."""
    m = _tail_search(_PREVIOUS_TAIL, left)
    if m is None:
        return False
    if m.group(0).lower().startswith("had") and not m.group("when"):
        return bool(
            _EARLIER_AFTER_RE.match(text, phrase.end, phrase.end + 60)
            or _EARLIER_BEFORE_RE.search(left)
        )
    return True


_EARLIER_BEFORE_RE = re.compile(r"\b(?:earlier|initially|previously|at\s+first)\b", re.IGNORECASE)
_EARLIER_AFTER_RE = re.compile(r"[^.;]*?\b(?:ago|earlier|previously|before)\b", re.IGNORECASE)


def _tail_search(tail: tuple[re.Pattern[str], tuple[str, ...]], left: str) -> re.Match[str] | None:
    """A _TAIL pattern's match at the end of `left`, tried only where one of its substrings
    occurs in the last _TAIL characters."""
    pattern, needles = tail
    window = left[-_TAIL:]
    lowered = window.lower()
    if any(needle in lowered for needle in needles):
        return pattern.search(window)
    return None


# A four-digit number framed as a count, not a year: "Among the 2000 wounded", "The toll
# rose to 2013 on Tuesday".
_DEATH_NOUN_AFTER_RE = re.compile(
    rf"\s+(?:{lexicon.alternation(lexicon.count_nouns())})\b", re.IGNORECASE
)
_DETERMINER_BEFORE_RE = re.compile(r"\b(?:the|all|some|about|nearly|over)\s+$", re.IGNORECASE)
_TOLL_REACHED_RE = re.compile(
    r"\b(?:toll|tally|figure)\s+(?:has\s+|had\s+)?(?:rose|risen|climbed|jumped|increased|"
    r"reached|stood\s+at|stands\s+at)\s+(?:to\s+)?$",
    re.IGNORECASE,
)
# A verb that says the toll is past the number: "has surpassed 1,000" is more than 1,000.
_BEYOND_BEFORE = tuple(
    f" {verb}"
    for verb in "surpass surpassed surpasses surpassing exceed exceeded exceeds "
    "exceeding topped topping tops past pass passed passes".split()
)
# A number that adds to a toll told elsewhere: "recovered 12 more bodies", "another 20",
# "a further 10 people died" (the words before the number; after it: _MORE_AFTER_RE).
_ANOTHER_BEFORE = (" another", " additional", " further")
_MORE_AFTER_RE = re.compile(r"\s+(?:more|additional|further)\b(?!\s+than\b)", re.IGNORECASE)
# "Three of the dead were children": who the counted dead were.
_PREDICATE_RE = re.compile(r"\s+(?:were|was|are|included)\s+(?:all\s+|also\s+)?", re.IGNORECASE)
_INCLUDES_COMBATANTS_RE = Guarded(
    re.compile(
        r"\binclud\w*\s+(?:both\s+)?[^.;]{0,80}?\b(?:forces|fighters|soldiers|troops|combatants|"
        r"militants|personnel)\b",
        re.IGNORECASE,
    )
)
_INCLUDES_COUNT_RE = re.compile(
    r"^[\"“]?(?:This|The)\s+(?:casualty\s+|death\s+)?(?:count|toll|figure|number|tally)\s+"
    r"(?:includes|included|covers|comprises)\b",
    re.IGNORECASE,
)
# After the noun: the people counted are some of a toll told before ("seven police officers
# were among the dead").
_AMONG_AFTER_RE = re.compile(
    r"(?:\s+(?:who|which|that)\b[^.;\d]{0,80}?)?\s+(?:were|was|are)\s+(?:also\s+)?among\s+"
    r"(?:the\s+|those\s+)?"
    r"(?:dead|victims|killed|wounded|injured|missing)\b",
    re.IGNORECASE,
)
_AMONG = StartAnchored(re.compile(r"\bamong\s+[\"'“‘]?([^.;]{0,80})$", re.IGNORECASE))
_INCIDENT_RE = Guarded(
    re.compile(
        r"^[^.;]{0,60}?\bin\s+(?:a|an|one|the|a\s+single)\s+(?:\w+\s+){0,2}?(?:air\s*strike|strike|"
        r"attack|bombing|explosion|blast|shelling|ambush|raid|massacre|shooting)\b",
        re.IGNORECASE,
    )
)
_REPORT_VERB_BEFORE_RE = re.compile(
    r"\b(?:said|says|reported|stated|added|confirmed|announced|claimed|documented|told)\s+"
    r"(?:\w+\s+)?$",
    re.IGNORECASE,
)
# Each alternative starts with one fixed character or class (",?\s+" written out as two
# alternatives, "\s+" as "\s\s*"), so the regex engine skips other offsets quickly.
_CLAUSE_BREAK_RE = re.compile(
    r";|\s(?:while|whereas|but|when|where|after)\s|,\s+and\s+that\s|\s\s*and\s+that\s|,\s+and\s",
    re.IGNORECASE,
)
_UNIT_AFTER_RE = re.compile(
    r"(?:-(?:year|day|month|week|hour|minute|old|strong|member|km|mile|storey|story|kilometre)"
    r"|\s*%|\s+(?:percent|per\s+cent|pm|am|p\.m\.|a\.m\.|GMT|BST|CET|km\b|kilometres|miles|"
    r"kph|mph|km/h|knots))",
    re.IGNORECASE,
)
# After a number: the total it is added to ("…, bringing the death toll since October to").
_ADDING_REACH = 300
_ADDING_VERBS = ("bringing", "raising", "taking", "pushing", "lifting", "putting")
_ADDED_TO_TOTAL_RE = re.compile(
    r"\b(?:bringing|raising|taking|pushing|lifting|putting)\s+(?:the\s+)?(?:[\w’'-]+\s+){0,3}?"
    r"(?:toll|total|tally|number|count)\b(?![^.;]{0,80}?\bfrom\s+\d)[^.;]{0,80}?\b(?:to|at|past)\s",
    re.IGNORECASE,
)
# Words of a running total; a perfect tense with "since" opens one when no day follows it
# ("has killed 1,043 since it was declared", not "the deadliest day since the ceasefire").
_RUNNING_TOTAL_RE = re.compile(
    r"\b(?:total|so\s+far|overall|toll|(?:has|have|had)\b[^.;]{0,80}?\bsince)\b"
)
_MONTHS = (
    "(?:"
    + "|".join([m.name for m in lexicon.months()] + list(lexicon.month_abbreviations()))
    + r")\.?"
)
_MONTH_BEFORE = StartAnchored(re.compile(rf"\b{_MONTHS}\s+$"))
_MONTH_AFTER_RE = re.compile(rf"(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTHS}\b")
_LABEL_BEFORE = StartAnchored(
    re.compile(
        r"\b(?:No\.|number|Resolution|Article|Route|Highway|page|chapter|Section|aged|age|ages)\s*$",
        re.IGNORECASE,
    )
)
# Counts of people that are not casualties, read on the words before the number.
_NOT_A_TOLL = StartAnchored(
    re.compile(
        "|".join(
            (
                # "no one was killed", "none of the 300 passengers were hurt": nobody.
                r"\b(?:no|none\s+of(?:\s+the|\s+its|\s+their)?|not\s+a\s+single)\s+$",
                # "a ferry carrying 250 passengers": who was on board, not who died.
                r"\b(?:carrying|carried|transporting|ferrying|"
                r"(?:packed|crammed|overloaded|loaded)\s+with)\s+$",
                # "could kill up to 1,000", "the toll is expected to rise to 80": a forecast.
                # "may have killed 40" stays a claim; "May" and "Will" (a month, a name)
                # count only in lower case.
                r"\b(?:could|might|would|can|(?-i:may|will)|"
                r"(?:expected|likely|set|projected|feared)\s+to)\s+(?!have\b)(?:\w+\s+){0,2}?"
                r"(?:kill|claim|rise|climb|reach|exceed|top|surpass|pass|hit|increase|grow|go\s+up|"
                r"double|jump|soar)\b[^.;]{0,25}$",
                # "3 deaths per 100,000 people", "an average of 400 a year": a rate.
                r"\b(?:per|every)\s+$",
            )
        ),
        re.IGNORECASE,
    )
)
# _NOT_A_TOLL and _ADJACENT_NEGATIVE end at the number, so they are looked for only in
# its last characters: the longest forecast ("are expected to rise further to about ") is
# under 100 characters, the longest verb before a number ("treated for dehydration the ")
# under 40.
_NOT_A_TOLL_REACH = 100
# "an average of 400 a year": a mean, not a toll (read on the last words: "an" and "on" are
# too common to index).
_AVERAGE_BEFORE_RE = re.compile(r"\b(?:an\s+average\s+of|on\s+average,?)\s+$", re.IGNORECASE)
_ADJACENT_REACH = 40
# The number counts bodies identified, not the dead: "16 of the victims had been identified".
_IDENTIFIED_AFTER_RE = re.compile(
    r"(?:\s+(?:had|have|has|been|were|was|now|so\s+far))*\s+identified\b(?!\s+as\b)"
)
# The number counts who speak, not who died: "Two security sources said another 19 …".
_SPEAKERS_AFTER_RE = re.compile(
    r"(?:\s+(?!(?:were|was|are|is|have|has|had|been|who|which|that)\b)[A-Za-z][\w-]*){0,2}"
    r"\s+(?:said|say|says|told|stated)\b(?!\s+to\b)",
    re.IGNORECASE,
)
# "3 deaths per 100,000 people", "400 people a year", read after the noun: a rate.
_RATE_AFTER_RE = re.compile(
    r"\s+(?:(?:per|for\s+every|out\s+of\s+every|in\s+every)\s+(?:[\d,]+|hundred|thousand|"
    r"million|capita|head)\b|(?:a|an|each|every|per)\s+(?:year|month|week|day)\b"
    r"(?!\s+(?:after|before|earlier|later|ago|into|on|since)\b)|"
    r"(?:annually|yearly)\b)",
    re.IGNORECASE,
)
# The end-anchored patterns read on the words before a number start only with these
# words: one pass over those words finds where each of them can match.
_LEFT_WORDS = LiteralFinder(
    _PREVIOUS.words
    | _PART.words
    | _TOLL_FRAME.words
    | _AMONG.words
    | _MONTH_BEFORE.words
    | _LABEL_BEFORE.words
    | _NOT_A_TOLL.words
)
_INCLUDES_COMBATANTS = StartAnchored(_INCLUDES_COMBATANTS_RE.pattern)


def _left_starts(left_low: str) -> list[int]:
    """Offsets in the lower-cased left context where one of _LEFT_WORDS starts."""
    return sorted({at for at, _ in _LEFT_WORDS.occurrences(left_low)})


@dataclass(frozen=True, slots=True)
class ArticleExtraction:
    """What one pass over an article finds: its claims and all its time expressions."""

    claims: list[Claim]
    times: list[TimeExpr]


def extract_claims(text: str, article_id: str, sources: SourceTable | None = None) -> list[Claim]:
    """Every casualty claim in `text`, in text order.

    `text` is the decoded article; every claim's `text[char_start:char_end] == mention`.
    `sources` is the alias table (the built-in one when None).
    """
    return extract_article(text, article_id, sources).claims


def extract_article(
    text: str, article_id: str, sources: SourceTable | None = None
) -> ArticleExtraction:
    """Claims and time expressions of one article, scanning the text for times only once."""
    low = lowered(text)
    words = _article_words(low, text)
    times = find_time_expressions(text, low=low, anchor_hits=words.time)
    phrases = find_number_phrases(
        text, low=low, word_hits=words.number, digit_starts=words.digit_starts
    )
    if not phrases:
        return ArticleExtraction([], times)
    sentences = split_sentences(text)
    time_starts = [t.start for t in times]
    attributions = ArticleAttributions(text, sentences, sources or default_table(), low)
    headline = _headline_paragraph(text, sentences)
    cues = words.cue
    claims: list[Claim] = []
    has_cue: dict[int, bool] = {}
    for phrase in phrases:
        sentence = sentence_at(sentences, phrase.start)
        if sentence is None:
            continue
        if sentence.index not in has_cue:
            has_cue[sentence.index] = _mentions_casualties(text, low, sentence, words.casualty)
        if not has_cue[sentence.index]:
            continue
        lo = bisect.bisect_left(time_starts, sentence.start)
        hi = bisect.bisect_left(time_starts, sentence.end)
        in_sentence = [t for t in times[lo:hi] if t.end <= sentence.end]
        claim = _read_claim(
            text,
            article_id,
            sentence,
            phrase,
            claims,
            attributions,
            headline,
            in_sentence,
            cues,
            low,
        )
        if claim is not None:
            claims.append(claim)
    _date_eras(text, claims, words.era)
    _one_day_event(claims, times)
    _link_subsets(claims)
    _mark_totals_of_everyone(text, sentences, claims)
    _attribute_headlines(claims)
    return ArticleExtraction(claims, times)


# Every claim's sentence names a casualty with one of these (lower-case substrings).
_CASUALTY_LITERALS = (
    "kill", "dead", "death", "die", "execut", "massacr", "slain", "murder", "perish", "lives",
    "behead", "slaughter", "fatalit", "bodies", "corpses", "buried", "injur", "wound", "hurt",
    "treated", "hospital", "missing", "unaccounted", "toll", "martyr", "drown", "victim",
)  # fmt: skip


def _mentions_casualties(
    text: str, low: str | None, sentence: Sentence, hits: list[tuple[int, int]] | None
) -> bool:
    """Whether the sentence has any casualty word; without one no number in it is a claim.

    `hits` are the (start, end) offsets of _CASUALTY_LITERALS in the article, if known.
    """
    if hits is None:
        words = (low if low is not None else text.lower())[sentence.start : sentence.end]
        return any(lit in words for lit in _CASUALTY_LITERALS)
    i = bisect.bisect_left(hits, (sentence.start, 0))
    while i < len(hits) and hits[i][0] < sentence.end:
        if hits[i][1] <= sentence.end:
            return True
        i += 1
    return False


@dataclass(frozen=True, slots=True)
class _ArticleWords:
    """Where the word lists the extractor anchors on occur in one article (None each when
    lower-casing changed the text's length and the scanners must search the plain way).

    `digit_starts` are the starts of the article's digit runs, None when the text holds a
    digit outside ASCII (then the scanners find the runs with their own pattern). `era`
    are offsets that every era contains one of (eras.ERA_ANCHOR_WORDS, four-digit runs
    starting 19 or 20)."""

    number: list[tuple[int, str]] | None
    time: list[tuple[int, str]] | None
    cue: list[int] | None
    casualty: list[tuple[int, int]] | None
    digit_starts: list[int] | None
    era: list[int] | None


_NUMBER, _TIME, _CUE_START, _CASUALTY, _DIGIT, _ERA = 1, 2, 4, 8, 16, 32
_WORD_KINDS: dict[str, int] = {}
for _kind, _words in (
    (_NUMBER, NUMBER_WORD_ANCHORS),
    (_TIME, TIME_ANCHOR_WORDS),
    (_CUE_START, _CUE.words),
    (_CASUALTY, _CASUALTY_LITERALS),
    (_DIGIT, tuple("0123456789")),
    (_ERA, ERA_ANCHOR_WORDS),
):
    for _word in _words:
        _WORD_KINDS[_word] = _WORD_KINDS.get(_word, 0) | _kind
_WORD_FINDER = LiteralFinder(_WORD_KINDS)
_FOUND_KINDS = tuple(_WORD_KINDS[w] for w in _WORD_FINDER.words)


def _article_words(low: str | None, text: str) -> _ArticleWords:
    """Every word list of the extractor found in one pass over the lower-cased article."""
    if low is None:
        return _ArticleWords(None, None, None, None, None, None)
    number: list[tuple[int, str]] = []
    time: list[tuple[int, str]] = []
    cue: list[int] = []
    casualty: list[tuple[int, int]] = []
    digit_starts: list[int] = []
    era: list[int] = []
    last_digit = -2
    words = _WORD_FINDER.words
    for at, w in _WORD_FINDER.occurrences(low):
        kinds = _FOUND_KINDS[w]
        if kinds & _DIGIT:
            if at != last_digit + 1:
                digit_starts.append(at)
            last_digit = at
            continue
        if kinds & _NUMBER:
            number.append((at, words[w]))
        if kinds & _TIME:
            time.append((at, words[w]))
        if kinds & _CUE_START:
            cue.append(at)
        if kinds & _CASUALTY:
            casualty.append((at, at + len(words[w])))
        if kinds & _ERA and (text[at].isupper() or words[w] in ERA_LOWER_WORDS):
            era.append(at)
    runs = None if has_non_ascii_digit(text) else digit_starts
    era.extend(at for at in digit_starts if is_year_like(text, at))
    era.sort()
    return _ArticleWords(number, time, sorted(set(cue)), casualty, runs, era)


def _read_claim(
    text: str,
    article_id: str,
    sentence: Sentence,
    phrase: NumberPhrase,
    earlier: list[Claim],
    attributions: ArticleAttributions,
    headline: int | None,
    times: list[TimeExpr],
    cues: list[int] | None,
    low: str | None = None,
) -> Claim | None:
    # The words before the number that can bear on it; a bounded window keeps the
    # end-anchored patterns below from rescanning long sentences.
    left = _clause_start(text[max(sentence.start, phrase.start - 160) : phrase.start])
    left_at = phrase.start - len(left)
    # Where the end-anchored patterns read on `left` can start (None: they scan).
    left_starts = _left_starts(low[left_at : phrase.start]) if low is not None else None
    if _is_not_a_count(text, sentence, phrase, left, left_starts):
        return None
    if phrase.qualifier == "range" and _FROM_BEFORE_RE.search(left[-8:]):
        return None  # "raised the death toll from 28 to 68": a rise, not a range
    clause_end = _clause_end(text, phrase.end, sentence.end)
    noun = read_noun_phrase(text, phrase.end, clause_end)
    if (
        noun.is_non_person
        or _RATE_AFTER_RE.match(text, noun.end, sentence.end)
        or _SPEAKERS_AFTER_RE.match(text, phrase.end, clause_end)
        or _IDENTIFIED_AFTER_RE.match(text, noun.end, clause_end)
    ):
        return None
    if not noun.is_death_noun and _ADJACENT_NEGATIVE.search(
        left, cues, left_at, max(0, len(left) - _ADJACENT_REACH)
    ):
        return None
    after_noun = text[noun.end : clause_end]
    after_low = low[noun.end : clause_end] if low is not None else None
    part_of = ""
    is_previous = bool(_PREVIOUS.search(left, left_starts)) or _previous_tail(text, left, phrase)
    outcome = None
    previous = earlier[-1] if earlier and earlier[-1].sentence_start == sentence.start else None
    of_them = _OF_THEM_RE.match(text, phrase.end, clause_end)  # "N of them", "N of the dead"
    subset = previous is not None and of_them is not None
    is_part = _is_part(left, left_starts)
    if (subset or is_part) and previous is not None:
        verb = _IMMEDIATE_VERB_RE.match(text, noun.end, clause_end)
        if verb:
            outcome = _cue_outcome(verb.group("cue"))
        elif noun.is_death_noun:
            outcome = noun.outcome  # "four of the wounded"
        else:
            outcome = previous.outcome
        if outcome == previous.outcome:
            part_of = previous.claim_id
    elif (
        previous is not None
        and previous.char_end <= phrase.start
        and _COORDINATED_RE.match(text, previous.char_end, phrase.start)
        and not _CUE.search(text, cues, 0, previous.char_end, phrase.start)
        and (noun.is_person or _BARE_RE.match(text, phrase.end, clause_end))
        and _right_cue(after_noun, cues, noun.end) is None
    ):
        outcome = previous.outcome
        part_of = previous.part_of  # "including 35 children … and 10 at a church"
    elif noun.is_death_noun:
        outcome = noun.outcome
    elif noun.is_person:
        adjacent = _ADJACENT_CUE.search(left, cues, left_at)
        if adjacent:
            outcome = _cue_outcome(adjacent.group("cue"))
        else:
            outcome = _right_cue(after_noun, cues, noun.end) or _left_cue(left, cues, left_at)
            if outcome is None and _BODIES_OF_RE.search(left):
                outcome = "killed"  # "recovered the bodies of 12 miners"
    else:
        verb = _IMMEDIATE_VERB_RE.match(text, phrase.end, clause_end)
        adjacent = _ADJACENT_CUE.search(left, cues, left_at)
        if verb:
            outcome = _cue_outcome(verb.group("cue"))
        elif adjacent:
            outcome = _cue_outcome(adjacent.group("cue"))
        elif _TOLL_FRAME.search(left, left_starts) or is_previous:
            outcome = _left_cue(left, cues, left_at) or "killed"
        elif of_them:
            outcome = _right_cue(after_noun, cues, noun.end)  # "12 of them with injuries"
    if outcome is None and of_them and of_them.group("dead"):
        outcome = "killed"  # "11 of the victims were women"
    if outcome is None or outcome == "negative":
        return None
    if not part_of and (
        (
            previous is None
            and (of_them or is_part or ("alone" in left.lower() and _ALONE_RE.search(left)))
        )
        or _AMONG_AFTER_RE.match(text, noun.end, clause_end)
    ):
        part_of = _TOTAL_BEFORE  # found once the article's eras are known (_link_subsets)
    words = noun.words if (noun.is_person or noun.is_death_noun) else ()
    group = victim_group(words, after_noun[:40])
    if noun.head.lower() == "others" and previous is not None:
        root = previous
        while root.part_of:
            root = next((c for c in earlier if c.claim_id == root.part_of), root)
            if not root.part_of or root is previous:
                break
        group = root.victim_group
    elif noun.is_death_noun:
        predicate = _PREDICATE_RE.match(text, noun.end, clause_end)
        if predicate:
            described = read_noun_phrase(text, predicate.end(), clause_end)
            if described.is_person:
                group = victim_group(described.words)
    if group == "unspecified" and not noun.is_person:
        among = _AMONG.search(left, left_starts)
        if among:
            group = victim_group(tuple(among.group(1).split()))
    if group == "unspecified" and _INCLUDES_COMBATANTS.search(
        after_noun, _INCLUDES_COMBATANTS.index(after_low)
    ):
        group = "all"
    qualifier, high = phrase.qualifier, phrase.high
    if qualifier == "exact" and _ends_with(left, _BEYOND_BEFORE):
        qualifier, high = "more_than", None  # "the toll has surpassed 1,000"
    attribution = attributions.for_sentence(sentence.index, phrase.start)
    scope, as_of_text = _scope_and_date(
        text, sentence, phrase, times, after_noun, after_low, clause_end, bool(part_of), low
    )
    if _is_increment(text, left, phrase, outcome, earlier[-1] if earlier else None):
        scope = "increment"
    return Claim(
        article_id=article_id,
        claim_id=f"{article_id}@{phrase.start}",
        outcome=outcome,
        low=phrase.low,
        high=high,
        qualifier=qualifier,
        vague_term=phrase.vague_term,
        victim_group=group,
        victim_text=" ".join(words),
        source=attribution.source,
        source_kind=attribution.kind,
        source_text=attribution.text,
        source_basis=attribution.basis,
        time_text="; ".join(t.text for t in times),
        as_of_text=as_of_text,
        since_text=next((t.text for t in times if t.kind == "since"), ""),
        era_text="",  # set per sentence, once all its claims are known (_date_eras)
        scope=scope,
        mention=phrase.text,
        char_start=phrase.start,
        char_end=phrase.end,
        sentence=text[sentence.start : sentence.end],
        sentence_start=sentence.start,
        sentence_end=sentence.end,
        paragraph=sentence.paragraph,
        is_headline=sentence.paragraph == headline,
        part_of=part_of,
        is_previous=is_previous,
    )


def _is_part(left: str, left_starts: list[int] | None) -> bool:
    """Whether the words before the number make it part of a total: "including 35",
    "Among the dead were 17", "including fighters from both sides and at least 40", but
    not "including eight women and three" (a number between: the three is coordinated) nor
    "towns including Rafah and 12" (no people between)."""
    m = _PART.search(left, left_starts) or _tail_search(_PART_TAIL, left)
    if m is None:
        return False
    words = m.group(0)
    if words[:9].lower() != "including" or " and" not in words:
        return True
    between = words[9 : words.rfind(" and")].split()
    return not find_number_phrases(words) and any(is_person_word(w) for w in between)


def _is_not_a_count(
    text: str,
    sentence: Sentence,
    phrase: NumberPhrase,
    left: str,
    left_starts: list[int] | None = None,
) -> bool:
    """Numbers that are units, dates, years, labels or ages rather than counts of people,
    or counts of people that are not casualties (_NOT_A_TOLL)."""
    if (
        _UNIT_AFTER_RE.match(text, phrase.end, sentence.end)
        or _NOT_A_TOLL.search(left, left_starts, 0, max(0, len(left) - _NOT_A_TOLL_REACH))
        or _AVERAGE_BEFORE_RE.search(left[-20:])
    ):
        return True
    if phrase.vague_term:
        return False
    if _MONTH_BEFORE.search(left, left_starts) or _MONTH_AFTER_RE.match(
        text, phrase.end, sentence.end
    ):
        return True
    plain_year = phrase.qualifier == "exact" and phrase.text.isdigit() and len(phrase.text) == 4
    if (
        plain_year
        and 1800 <= phrase.low <= 2100
        and not (
            _DEATH_NOUN_AFTER_RE.match(text, phrase.end, sentence.end)
            and _DETERMINER_BEFORE_RE.search(left[-12:])
        )
        and not _TOLL_REACHED_RE.search(left[-40:])
    ):
        return True  # a year, unless a count's words frame it ("the 2000 wounded")
    return phrase.qualifier == "exact" and bool(_LABEL_BEFORE.search(left, left_starts))


def _clause_start(left: str) -> str:
    """The part of `left` after its last clause break: cues before it are not ours."""
    cut = 0
    for m in _CLAUSE_BREAK_RE.finditer(left):
        cut = m.end()
    return left[cut:]


def _clause_end(text: str, start: int, stop: int) -> int:
    m = _CLAUSE_BREAK_RE.search(text, start, stop)
    return m.start() if m else stop


def _cue_outcome(word: str) -> str:
    m = _CUE_RE.match(word)
    return m.lastgroup if m else "killed"  # type: ignore[return-value]


def _right_cue(after_noun: str, cues: list[int] | None, offset: int) -> str | None:
    """The first casualty (or disqualifying) word after the noun phrase, within reach.

    A count of two outcomes at once ("died or gone missing") is no count of either.
    `cues` is the article's cue index (`_CUE.index`), `offset` where `after_noun` starts.
    """
    window = after_noun[:160]
    m = _CUE.search(window, cues, offset)
    if m is None:
        return None
    if _MIXED_RE.match(window, m.end()):
        return "negative"
    if m.lastgroup == "negative" and m.group(0).lower() in _SOFT_NEGATIVES:
        # "pulled out alive and taken to hospital with injuries": hurt, not unharmed.
        later = _CUE.search(window, cues, offset, m.end())
        # Not when another number has the injuries: "64 rescued, 12 of them with injuries".
        if (
            later is not None
            and later.lastgroup == "injured"
            and not _DIGIT_RE.search(window, m.end(), later.start())
        ):
            return "injured"
    return m.lastgroup


def _left_cue(left: str, cues: list[int] | None, offset: int) -> str | None:
    """The nearest casualty word before the number, if no other number stands between.

    `offset` is where `left` starts in the article (see `_right_cue`).
    """
    window = left[-100:]
    last = None
    for m in _CUE.finditer(window, cues, offset + len(left) - len(window)):
        last = m
    if last is None:
        return None
    between = window[last.end() :]
    if _DIGIT_RE.search(between) or (
        _NUMBER_WORD_RE.search(between.lower()) and find_number_phrases(between)
    ):
        return None
    return last.lastgroup


def _one_day_event(claims: list[Claim], times: list[TimeExpr]) -> None:
    """An article that counts for one day only ("a car bomb … on Saturday, killing at least
    34 people") gives the event's toll, not one day of a longer count: its `daily` claims
    become `cumulative`, so the toll can chart. They stay `daily` where the article frames
    a longer event (a since, span or duration expression, "on Friday alone", "the deadliest
    day since …", a count added
    to a total, a larger running total) or counts for two or more days."""
    daily = [c for c in claims if c.scope == "daily"]
    if not daily or any(
        t.kind in ("since", "span") or (t.kind == "duration" and not _ONE_DAY_RE.search(t.text))
        for t in times
    ):
        return
    told_in = {c.sentence_start: c.sentence for c in daily}.values()  # each sentence once
    if any(_LONGER_RE.search(text) or _ADDED_TO_TOTAL_RE.search(text) for text in told_in):
        return  # "on Friday alone", "the deadliest day since …", "bringing the total to 300"
    most = {
        o: max((c.low or 0) for c in daily if c.outcome == o) for o in {c.outcome for c in daily}
    }
    if any(
        c.scope == "cumulative"
        and c.outcome in most
        and (c.low or 0) > most[c.outcome]
        and not c.era_text
        and not c.is_previous
        for c in claims
    ):
        return  # a larger running total: "45 killed on Tuesday … 40,000 killed in the war"
    by_text = {t.text: t for t in times}
    days = {_day_key(by_text.get(c.as_of_text), c.as_of_text) for c in daily}
    # A dateline's date ("GOMA, March 10 (Reuters) -") is when, not a day of the count.
    told = {key for key, is_date in days if not is_date} or {key for key, _ in days}
    if len(told) == 1:
        for c in daily:
            c.scope = "cumulative"


def _day_key(t: TimeExpr | None, text: str) -> tuple[str, bool]:
    """(the day an as_of text names, whether it is a calendar date)."""
    if t is None:
        return text.lower(), False
    return t.day or t.text.lower(), t.kind == "date"


_FROM_BEFORE_RE = re.compile(r"\bfrom\s+$", re.IGNORECASE)
_ALONE_RE = re.compile(r"\balone\b", re.IGNORECASE)
_LONGER_RE = re.compile(r"\b(?:alone|since)\b", re.IGNORECASE)  # a day of a longer event
# Before a number: it is the total ("the toll has risen to 2,100 in the past 24 hours").
_TOTAL_WORD_RE = re.compile(r"\b(?:toll|total|tally)\b", re.IGNORECASE)
# A duration of one day: its count is that day's ("in the past 24 hours").
_ONE_DAY_RE = re.compile(r"(?:24|twenty-four)\s+hours|(?:past|last)\s+day\b", re.IGNORECASE)


# A claim's part_of until _link_subsets finds its total.
_TOTAL_BEFORE = "<total before>"


def _link_subsets(claims: list[Claim]) -> None:
    """Point each subset told after its toll ("At least 58 were killed. Three of the dead
    were women"; part_of _TOTAL_BEFORE) to that toll: the nearest earlier claim of the same
    outcome that is no part and no previous figure, preferring one not dated to a year or
    past period (era_text). None such: no link."""
    for i, claim in enumerate(claims):
        if claim.part_of != _TOTAL_BEFORE:
            continue
        totals = [
            c
            for c in reversed(claims[:i])
            if c.outcome == claim.outcome
            and not c.part_of
            and not c.is_previous
            and (c.low or 0) >= (claim.low or 0)
        ]
        current = [c for c in totals if not c.era_text]
        claim.part_of = (current or totals)[0].claim_id if totals else ""


def _ends_with(left: str, words: tuple[str, ...]) -> bool:
    """Whether the last word before the number is one of `words` (each given with a leading
    space, in lower case): "has surpassed ", "Another "."""
    return (" " + left[-25:]).rstrip().lower().endswith(words)


def _is_increment(
    text: str, left: str, phrase: NumberPhrase, outcome: str, before: Claim | None
) -> bool:
    """Whether the number adds to a toll rather than states one ("12 more bodies",
    "another 20 people were killed"). Not when it adds people of another outcome than
    the claim `before` it ("two were killed and dozens more are missing"): that is the
    whole count of its own outcome."""
    if not (_MORE_AFTER_RE.match(text, phrase.end) or _ends_with(left, _ANOTHER_BEFORE)):
        return False
    return before is None or before.outcome == outcome


def _scope_and_date(
    text: str,
    sentence: Sentence,
    phrase: NumberPhrase,
    times: list[TimeExpr],
    after_noun: str,
    after_low: str | None,
    clause_end: int,
    is_part: bool,
    low: str | None = None,
) -> tuple[str, str]:
    """Is the figure a running total, one day's count or one incident's; which words date it.

    `clause_end` ends the number's clause; `is_part` says it is a part of the total before
    it ("1,500 since Thursday, including 163 on Friday"); `low` is the lower-cased article
    when known."""
    if _INCIDENT_RE.match(after_noun, low=after_low):
        return "incident", _nearest(times, phrase.start)
    days = [t for t in times if t.kind in ("on", "date", "span")]
    event_days = [t for t in days if not _is_report_time(text, sentence, t)]
    reach = min(sentence.end, phrase.end + _ADDING_REACH)  # bounded: long tables stay linear
    adding = (
        _ADDED_TO_TOTAL_RE.search(text, phrase.end, reach)
        if low is None or any(low.find(v, phrase.end, reach) >= 0 for v in _ADDING_VERBS)
        else None
    )
    if adding:
        # "killed 27 on Monday, bringing the total to 300": the 27 is what was added.
        own = [
            t
            for t in times
            if t.start < adding.start()
            and (t in event_days or (t.kind == "duration" and _ONE_DAY_RE.search(t.text)))
        ]
        return ("daily", _nearest(own, phrase.start)) if own else ("increment", "")
    own_days = [t for t in event_days if phrase.end <= t.start < clause_end]
    if is_part and own_days:
        return "daily", own_days[0].text
    one_day = [t for t in times if t.kind == "duration" and _ONE_DAY_RE.search(t.text)]
    own_day = [
        t
        for t in one_day
        if phrase.end <= t.start < clause_end and not _DIGIT_RE.search(text, phrase.end, t.start)
    ]
    if own_day and not _TOTAL_WORD_RE.search(text, sentence.start, phrase.start):
        return "daily", own_day[
            0
        ].text  # "… 1,043 since August, with 37 deaths in the past 24 hours"
    # The sentence's neighbours are never word characters, so \b behaves as on a slice.
    cumulative = any(t.kind in ("since", "span", "duration") for t in times) or bool(
        _RUNNING_TOTAL_RE.search(text, sentence.start, sentence.end)
    )
    if not cumulative and event_days:
        return "daily", _nearest(event_days, phrase.start)
    return "cumulative", days[-1].text if days else ""


def _is_report_time(text: str, sentence: Sentence, t: TimeExpr) -> bool:
    """'reported earlier on Saturday', 'On Saturday, the monitor said': when, not what."""
    if _REPORT_VERB_BEFORE_RE.search(text, max(sentence.start, t.start - 30), t.start):
        return True
    return t.start == sentence.start and text[t.end : t.end + 1] == ","


def _nearest(times: list[TimeExpr], offset: int) -> str:
    if not times:
        return ""
    return min(times, key=lambda t: abs(t.start - offset)).text


def _headline_paragraph(text: str, sentences: list[Sentence]) -> int | None:
    """The title line: a short first line with no closing full stop, followed by more text."""
    if len(sentences) < 2:
        return None
    first = sentences[0]
    line = text[first.start : first.end]
    if sentences[1].paragraph == first.paragraph or len(line) > 200:
        return None
    return first.paragraph if line[-1:] not in '.!?:"”' else None


def _mark_totals_of_everyone(text: str, sentences: list[Sentence], claims: list[Claim]) -> None:
    """A total said to include combatants, or civilians among others, covers everyone:
    code it `all`.

    Two forms: a part of another group ("524, including 213 fighters"; "1,018 people,
    including 745 civilians": the rest are not civilians), and a next
    sentence that says so ("This casualty count includes both government forces and ...").
    """
    by_id = {c.claim_id: c for c in claims}
    for c in claims:
        total = by_id.get(c.part_of)
        if (
            total is not None
            and total.victim_group == "unspecified"
            and (
                c.victim_group in ("fighters", "security_forces", "combatants")
                or c.victim_text.lower().endswith("civilians")
            )
        ):
            total.victim_group = "all"
    for c in claims:
        if c.victim_group != "unspecified":
            continue
        here = sentence_at(sentences, c.char_start)
        if here is None or here.index + 1 >= len(sentences):
            continue
        nxt = sentences[here.index + 1]
        body = text[nxt.start : nxt.end]
        if _INCLUDES_COUNT_RE.match(body) and _INCLUDES_COMBATANTS_RE.search(body):
            last_in_sentence = [k for k in claims if k.sentence_start == c.sentence_start][-1]
            if last_in_sentence is c:
                c.victim_group = "all"


def _date_eras(text: str, claims: list[Claim], anchors: list[int] | None) -> None:
    """Set each claim's era_text: the years and past periods of its sentence that date it
    (era_clauses.assign_eras, which needs every claim of the sentence at once). Sentences without
    an era anchor (`anchors`, None: unknown) are skipped."""
    i = 0
    while i < len(claims):
        j = i
        while j < len(claims) and claims[j].sentence_start == claims[i].sentence_start:
            j += 1
        group = claims[i:j]
        start, end = group[0].sentence_start, group[0].sentence_end
        k = bisect.bisect_left(anchors, start) if anchors is not None else 0
        if anchors is None or (k < len(anchors) and anchors[k] < end):
            spans = [(c.char_start, c.char_end) for c in group]
            found_eras = assign_eras(text, start, end, spans, anchors)
            for claim, found in zip(group, found_eras, strict=True):
                claim.era_text = "; ".join(e.text for e in found)
        i = j


def _attribute_headlines(claims: list[Claim]) -> None:
    """A headline figure the body repeats with a source takes that source."""
    for c in claims:
        if not c.is_headline or c.source_basis != "none":
            continue
        body = next(
            (
                k
                for k in claims
                if not k.is_headline
                and k.source_basis == "explicit"
                and (k.low, k.high, k.outcome) == (c.low, c.high, c.outcome)
            ),
            None,
        )
        if body is not None:
            c.source, c.source_kind, c.source_text = body.source, body.source_kind, body.source_text
            c.source_basis = "carried"
