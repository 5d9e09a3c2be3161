"""Casualty words around a number, and the outcome they give it.

The words come from `lexicon/casualty_words.csv`, by outcome (`killed`, `injured`,
`missing`, or `none` for words that make the people counted no casualties: "fled",
"arrested", "rescued"). Each rule here says where it reads them.
"""

from __future__ import annotations

import bisect
import re

from tolltrace.extract import lexicon
from tolltrace.extract._fastscan.scanning import StartAnchored
from tolltrace.extract.context import NumberContext
from tolltrace.extract.numbers import NUMBER_WORD_ANCHORS, NumberPhrase, find_number_phrases
from tolltrace.extract.sentences import Sentence
from tolltrace.extract.victims import read_noun_phrase

NEGATIVE = "negative"  # the group of the cue pattern that rules a count out
_KILLED = lexicon.alternation(lexicon.casualty_phrases("killed"))
_INJURED = lexicon.alternation(lexicon.casualty_phrases("injured"))
_MISSING = lexicon.alternation(lexicon.casualty_phrases("missing"))
_NEGATIVE = lexicon.alternation(lexicon.casualty_phrases(lexicon.NOT_A_CASUALTY))

# Any casualty word, named by its outcome: "were killed", "wounded", "fled".
CUE = StartAnchored(
    re.compile(
        rf"\b(?:(?P<killed>{_KILLED})|(?P<injured>{_INJURED})|(?P<missing>{_MISSING})|"
        rf"(?P<{NEGATIVE}>{_NEGATIVE}))\b",
        re.IGNORECASE,
    ),
    starts=lexicon.first_words(lexicon.role_phrases("cue")),
)

# A casualty frame before a number: "the death toll rose to 524", "killing at least 12". A
# frame noun or casualty word, an aside between commas ("The death toll from Cyclone Ameya,
# which …, rose to 96"), then up to TOLL_FRAME_GAP characters of the same sentence
# ("the death toll in the collision of three trains in Odisha's Balasore district on Oct. 2
# has risen to"), then the verb or preposition before the number.
TOLL_FRAME_GAP = 220
# A frame this short may hold other numbers ("The death toll, initially reported at 20,
# rose to 35"); a longer one may not (see `toll_frame`).
TOLL_FRAME_NEAR = 130
_OUTCOME_PHRASES = tuple(
    p for outcome in ("killed", "injured", "missing") for p in lexicon.casualty_phrases(outcome)
)
# An adverb of time between the verb and the number: "the death toll is now 52".
_NOW = r"(?:now|currently|officially|already)"
TOLL_FRAME = StartAnchored(
    re.compile(
        rf"\b(?:{lexicon.alternation(lexicon.toll_frames())}|{_KILLED}|{_INJURED}|{_MISSING})\b"
        rf"(?:,[^,;]{{1,120}},)?[^;]{{0,{TOLL_FRAME_GAP}}}?"
        rf"\b(?:{lexicon.alternation(lexicon.toll_verbs())})[,:\s]+"
        rf"(?:{_NOW}\s+)?(?:at\s+|to\s+)?[\"'“‘]?$",
        re.IGNORECASE,
    ),
    starts=lexicon.first_words((*lexicon.toll_frames(), *_OUTCOME_PHRASES)),
)

# A toll noun right before the number, alone or with a comma, colon or dash: "The highest
# number of the fatalities, 207, has been reported in Balochistan", "Total: 1,644", headline
# style "Death toll 114" or "Death toll now 114", and "the death toll up to 114" (risen
# to, not "at most"). A word after the number that rules it out wins ("59 dead, 104
# evacuated": outcome.py).
TOLL_APPOSITION = StartAnchored(
    re.compile(
        rf"\b(?:{lexicon.alternation(lexicon.toll_frames())}|dead|deaths|total)"
        rf"\s*(?:[,:—–]\s*)?(?:{_NOW}\s+)?[\"'“‘]?$",
        re.IGNORECASE,
    ),
    starts=lexicon.first_words((*lexicon.toll_frames(), "dead", "deaths", "total")),
)
# A casualty state right after the number and its helpers: "30 were killed", "12 of them
# remain missing", "eight others in critical condition", "9,000 were reported missing",
# "60 (including 9 children) were injured", "2,700, including fighters and medics, were
# wounded" (a bracketed part between), "85 in Rukum West have been injured" (a place),
# "170 were found injured".
IMMEDIATE_STATE_RE = re.compile(
    r"(?:\s*\((?:including|among\s+them|of\s+whom)\b[^()]{1,60}\)|,\s+including\b[^,.;()]{1,60},"
    r"|\s+in\s+(?-i:[A-Z])[\w’'-]*(?:\s+(?-i:[A-Z])[\w’'-]*){0,3})?"
    r"\s*[\"'”’]?\s*(?:of\s+(?:them|whom|those|these)\s+)?(?:(?:have|has|had|were|was|are|is|"
    r"been|being|also|now|reportedly|allegedly|already|since|so\s+far|feared|believed|"
    r"reported|declared|listed|presumed|considered|thought|potentially|possibly|officially|"
    r"lightly|slightly|seriously|severely|badly|moderately|"
    r"gravely|critically|"
    r"confirmed|still|found|to|remain|remained|remains|others?|more|in|a)\s+)*(?P<cue>"
    + lexicon.alternation(lexicon.role_phrases("state"))
    + r")\b",
    re.IGNORECASE,
)
# "claimed 288 lives", "have claimed 77 lives", "took 12 lives": a verb whose lives are deaths.
LIVES_VERB_BEFORE_RE = re.compile(
    rf"\b(?:{lexicon.alternation(lexicon.role_phrases('lives'))})\s+(?:the\s+)?$", re.IGNORECASE
)
# "the floods have claimed at least 229 people": a verb whose people are deaths, after an
# event that is its subject ("the ministry claimed 300 members" is a claim).
PEOPLE_VERB_BEFORE_RE = re.compile(
    rf"\b(?:{lexicon.alternation(lexicon.event_nouns())})\b[^.;,]{{0,60}}?"
    rf"\b(?:{lexicon.alternation(lexicon.role_phrases('people'))})\s+(?:the\s+)?$",
    re.IGNORECASE,
)
# "10 lives were lost", "40 lives have been lost".
LIVES_LOST_AFTER_RE = re.compile(r"\s+(?:were|have\s+been|had\s+been|was)\s+lost\b", re.IGNORECASE)
# Words that rule a count out but may still go with injuries: "pulled out alive and taken to
# hospital".
_SOFT_NEGATIVES = frozenset(lexicon.role_phrases("soft"))
# A count of two outcomes at once is no count of either: "died or gone missing", "killed,
# injured, or displaced", "hundreds were killed and wounded".
_EITHER = lexicon.alternation(lexicon.role_phrases("either"))
# After "and", only a casualty ("killed and wounded"; not "killed and displaced families").
_TWO_OUTCOMES = r"killed|dead|died|injured|wounded|hurt|missing"
_EITHER_RE = re.compile(
    rf"(?:\s*,\s*(?:{_EITHER})\b)*,?\s+(?:(?:or|and/or)\s+(?:have\s+|had\s+|has\s+|been\s+|were\s+|"
    rf"are\s+|gone\s+|went\s+)*(?:{_EITHER})|and\s+(?:{_TWO_OUTCOMES}))\b",
    re.IGNORECASE,
)


def two_outcomes_after(text: str, pos: int) -> bool:
    """Whether a second outcome follows the casualty word that ends at `pos` ("killed,
    injured, or displaced"): the count is of neither."""
    return _EITHER_RE.match(text, pos) is not None


# A verb right before the number governs it. A casualty verb makes it a count of that
# casualty ("killed 5 soldiers and wounded 20"); a `none` verb ("arrested 45 people")
# makes it no casualty count. Every match starts with a cue word, so it is tried only
# where the article's cue index (built for CUE, whose words include all of these) has one.
# Words between a verb and the number it governs: "killed the 12", "killed an additional
# nine", "wounded another 20".
_INCREMENT_WORDS = r"the\s+|an?\s+(?:additional|further)\s+|another\s+|(?:additional|further)\s+"


def _adjacent(outcomes: tuple[str, ...]) -> StartAnchored:
    phrases = [p for outcome in outcomes for p in lexicon.casualty_phrases(outcome)]
    return StartAnchored(
        re.compile(
            rf"\b(?P<cue>{lexicon.alternation(phrases)})[\s—–]+(?:{_INCREMENT_WORDS})?[\"'“‘]?$",
            re.IGNORECASE,
        ),
        starts=lexicon.first_words(phrases),
    )


ADJACENT_CUE = _adjacent(("killed", "injured"))
ADJACENT_NEGATIVE = _adjacent((lexicon.NOT_A_CASUALTY,))
if not all(  # pragma: no cover
    any(word.startswith(cue) for cue in CUE.words)
    for word in ADJACENT_CUE.words | ADJACENT_NEGATIVE.words
):  # the index finds words by their start: "mass" finds "massacres"
    raise RuntimeError("every start word of the ADJACENT patterns must be in the CUE index")
# A verb before the number reads at most this far back: the longest, "treated for
# dehydration the ", is under 40 characters.
ADJACENT_REACH = 40
# The first casualty word after the noun phrase counts within this reach.
RIGHT_CUE_REACH = 160
# The nearest casualty word before the number counts within this reach.
LEFT_CUE_REACH = 100

# Every claim's sentence names a casualty with one of these (lower-case substrings): a
# sentence without one is skipped whole, so this list must cover every casualty word.
CASUALTY_LITERALS = lexicon.casualty_stems()

_DIGIT_RE = re.compile(r"\d")
# A part told after its total: "…, of whom 12 died", "…, of which 3 were children" (not a
# number's own "12 of them").
_OF_WHOM_RE = re.compile(r",\s*(?:of|among)\s+(?:whom|which|them)\b", re.IGNORECASE)
# A verb followed by a number governs that number, not one before it.
_GOVERNS_A_NUMBER_RE = re.compile(r"\s+(?:the\s+)?", re.IGNORECASE)
_GOVERNED_REACH = 25  # "at least two hundred and" with spaces
# Every number phrase holds a digit or one of these words (numbers.NUMBER_WORD_ANCHORS).
_NUMBER_WORD_RE = re.compile("|".join(sorted(NUMBER_WORD_ANCHORS, key=len, reverse=True)))


def mentions_casualties(
    text: str, low: str | None, sentence: Sentence, hits: list[tuple[int, int]] | None
) -> bool:
    """Whether the sentence has any casualty word; without one no number in it is a claim.

    `hits` are the (start, end) offsets of CASUALTY_LITERALS in the article, if known.
    """
    if hits is None:
        words = (low if low is not None else text.lower())[sentence.start : sentence.end]
        return any(lit in words for lit in CASUALTY_LITERALS)
    i = bisect.bisect_left(hits, (sentence.start, 0))
    while i < len(hits) and hits[i][0] < sentence.end:
        if hits[i][1] <= sentence.end:
            return True
        i += 1
    return False


# A span of time after a verb is no number it governs: "shot dead 2 days earlier".
_DURATION_AFTER_RE = re.compile(
    r"\s+(?:days?|hours?|weeks?|months?|years?|minutes?|nights?)\b", re.IGNORECASE
)


def _starts_a_number(text: str) -> bool:
    head = text[:_GOVERNED_REACH]
    if not (_DIGIT_RE.search(head) or _NUMBER_WORD_RE.search(head.lower())):
        return False
    found = find_number_phrases(text)
    return bool(found) and found[0].start == 0 and not _DURATION_AFTER_RE.match(text, found[0].end)


def cue_outcome(word: str) -> str:
    """The outcome a casualty word names ("wounded": injured); a word with the `state` role
    only has the outcome its row gives."""
    m = CUE.pattern.match(word)
    if m:
        return m.lastgroup  # type: ignore[return-value]
    return _STATE_OUTCOMES.get(" ".join(word.lower().split()), "killed")


_STATE_OUTCOMES = {
    " ".join(word for word in w.phrase.split() if not word.startswith("!")): w.outcome
    for w in lexicon.casualty_words()
    if "state" in w.roles and "*" not in w.phrase
}


# After a count's injury, its death: "was wounded in the raid and later died in hospital",
# "…, hospitalised in intensive care, succumbed to their injuries". No number between, and
# no other subject ("…, and a man died of a heart attack").
_LATER_DIED_RE = re.compile(
    r"(?:(?!\band\s+(?:a|an|another|one|the|he|she|his|her)\s)[^\d.;]){0,80}?"
    r"\b(?:and\s+)?(?:later\s+|subsequently\s+|then\s+|eventually\s+)?"
    r"(?:died|succumbed|passed\s+away)\b",
    re.IGNORECASE,
)


# A number that opens a clause of its own after the count (not a list's next item, "and 70
# Teleks"): ", leaving about 50,000", "and left 4,000".
_OTHER_COUNT_RE = re.compile(
    r"(?:,\s*|\b(?:leaving|left|leaves|forcing|forced|displacing|and\s+left)\s+)"
    r"[^\d.;]{0,30}?\d",
    re.IGNORECASE,
)


# A number right before a casualty word after the count, and a clause break before it.
_NUMBER_RIGHT_BEFORE_RE = re.compile(r"\d(?:[\d,.]*\d)?\s+$")
_CLAUSE_BREAK_RE = re.compile(r"[,;]|\b(?:that|which|where)\b")
# A colon then a number: a breakdown stands between a count and the words after it.
_BREAKDOWN_BETWEEN_RE = re.compile(r":\s*[\"'“‘]?\d")


def right_cue(ctx: NumberContext) -> str | None:
    """The first casualty (or disqualifying) word after the noun phrase, within reach.

    A count of two outcomes at once ("died or gone missing") is no count of either.
    """
    window = ctx.after_noun[:RIGHT_CUE_REACH]
    offset = ctx.noun.end
    m = CUE.search(window, ctx.cues, offset)
    if m is None:
        return None
    if _BREAKDOWN_BETWEEN_RE.search(window, 0, m.start()):
        # "5,264 civilian casualties: 2,345 killed and 2,919 injured": the words belong to
        # the breakdown's numbers, not to the total before its colon.
        return None
    before = _NUMBER_RIGHT_BEFORE_RE.search(window, 0, m.start())
    if before is not None and _CLAUSE_BREAK_RE.search(window, 0, before.start()):
        # "…, and 3 in Dailekh, totaling 166 wounded", "…, mentioning that about 300 injured
        # are critical": the word is the noun of the number right before it, in a clause of
        # its own (not "Two men aged 25 and 31 killed", "40 people on Flight 302 killed").
        return None
    if m.lastgroup == NEGATIVE and _OTHER_COUNT_RE.search(window, 0, m.start()):
        # "… includes 110 Varans and 70 Teleks, leaving about 50,000 people displaced": the
        # word that rules a count out belongs to the number nearer to it.
        return None
    of_whom = _OF_WHOM_RE.search(window, 0, m.start())
    if of_whom is not None and "," not in window[of_whom.end() : m.start()]:
        # "48 passengers and two drivers, of whom 31 died": the part's word, not the total's
        # (but "40 people, of whom 12 were children, were killed" closes the aside)
        return None
    # Read on past the window: its end may cut the word ("kill|ed") or hide its number.
    whole = CUE.pattern.match(ctx.after_noun, m.start()) or m
    governed = _GOVERNS_A_NUMBER_RE.match(ctx.after_noun, whole.end())
    after = ctx.after_noun[governed.end() : governed.end() + _GOVERNED_REACH] if governed else ""
    if governed and _starts_a_number(after):
        return None  # "… the crush that killed nearly 160": the verb has a number of its own
    if two_outcomes_after(window, m.end()):
        return NEGATIVE
    if m.lastgroup == "injured" and _LATER_DIED_RE.match(window, m.end()):
        return "killed"  # "was wounded in the raid and later died in hospital"
    if m.lastgroup == NEGATIVE and m.group(0).lower() in _SOFT_NEGATIVES:
        # "pulled out alive and taken to hospital with injuries": hurt, not unharmed.
        later = CUE.search(window, ctx.cues, offset, m.end())
        # Not when another number has the injuries: "64 rescued, 12 of them with injuries".
        if (
            later is not None
            and later.lastgroup == "injured"
            and not _DIGIT_RE.search(window, m.end(), later.start())
        ):
            return "injured"
    return m.lastgroup


def left_cue(ctx: NumberContext, in_a_count: bool = True) -> str | None:
    """The nearest casualty word before the number, if no other number stands between;
    with `in_a_count` False, not one inside a count's noun ("the number of people who
    died"), see _COUNT_OF_BEFORE_RE."""
    left = ctx.left
    window = left[-LEFT_CUE_REACH:]
    last = None
    for m in CUE.finditer(window, ctx.cues, ctx.left_at + len(left) - len(window)):
        last = m
    if last is None:
        return None
    between = window[last.end() :]
    if _DIGIT_RE.search(between) or (
        _NUMBER_WORD_RE.search(between.lower()) and find_number_phrases(between)
    ):
        return None
    if (
        not in_a_count
        and _COUNT_OF_BEFORE_RE.search(window, 0, last.start())
        and not _OWN_LIST_END_RE.search(between)
    ):
        return None  # its own frame's, if any (toll_frame)
    return last.lastgroup


# "The number of people who died is far below the 80,000 residents": a casualty word inside
# a count's noun ("the number of people who died", "the toll of those killed") belongs to
# that count, which only a toll frame gives a number, a list of what it includes ("The
# number of people killed included 12 soldiers") or an apposition ("The number of people
# who died in the blaze, 17 residents and 2 firefighters, …"); it is no cue of another
# number.
_COUNT_OF_BEFORE_RE = re.compile(
    r"\b(?:number|count|toll|tally|figure)\s+of\s+(?:[\w’'-]+\s+){0,3}$", re.IGNORECASE
)

_OWN_LIST_END_RE = re.compile(r"(?:\binclud(?:e|es|ed|ing)|,)\s+$", re.IGNORECASE)


def toll_frame(ctx: NumberContext) -> re.Match[str] | None:
    """TOLL_FRAME before the number. A frame longer than TOLL_FRAME_NEAR holds no other count
    between its noun and the number: "the toll rose to 212 on Thursday, …, as temperatures
    topped 48" frames the 212, not the 48; a later frame may ("killed 27 people, bringing
    the total killed since … to 1,340"). Years, days of a month and units do not count."""
    apposition = TOLL_APPOSITION.search(ctx.left, ctx.left_starts)
    if apposition is not None:
        return apposition
    pos = 0
    while (frame := TOLL_FRAME.search(ctx.left, ctx.left_starts, 0, pos)) is not None:
        gap = frame.group(0)
        if len(gap) <= TOLL_FRAME_NEAR:
            return frame
        counts = [
            p
            for p in find_number_phrases(gap)
            if not _is_date_or_unit(gap, p)
            and not read_noun_phrase(gap, p.end, len(gap)).is_non_person
        ]  # "two passenger trains" is a count of things
        if not counts:
            return frame
        pos = frame.start() + counts[-1].end
    return None


_YEAR_OR_DAY_RE = re.compile(r"(?:19|20)\d\d$|\d{1,2}$")
_UNIT_AFTER_RE = re.compile(
    r"-[a-z]|\s*%|\s*(?:st|nd|rd|th)\b|\s+(?:years?|months?|weeks?|days?|hours?|minutes?)\b"
)
_MONTH_END_RE = re.compile(
    "(?:" + "|".join(m.name[:3] for m in lexicon.months()) + r")[a-z]*\.?\s+$"
)


def _is_date_or_unit(gap: str, phrase: NumberPhrase) -> bool:
    if _UNIT_AFTER_RE.match(gap, phrase.end):
        return True  # "the 13-year war", "10%"
    if phrase.text.isdigit() and len(phrase.text) == 4 and _YEAR_OR_DAY_RE.match(phrase.text):
        return True  # "the 2023 earthquake"
    return phrase.text.isdigit() and bool(_MONTH_END_RE.search(gap[: phrase.start]))  # "Oct. 29"


_TOLL_WORD_RE = re.compile(r"\b(?:death\s+)?toll\b", re.IGNORECASE)


def frame_outcome(ctx: NumberContext, frame: re.Match[str]) -> str:
    """The outcome a toll frame names: its last casualty word ("the number of injured rose
    to": injured), else killed ("the toll increased to 278")."""
    last = None
    for m in CUE.finditer(frame.group(0), ctx.cues, ctx.left_at + frame.start()):
        last = m
    if last is None or last.lastgroup == NEGATIVE:
        return "killed"
    if _TOLL_WORD_RE.search(frame.group(0), last.end()):
        return "killed"  # "the death of one of the wounded brought the toll to 10"
    return last.lastgroup  # type: ignore[return-value]


def adjacent_cue(ctx: NumberContext) -> re.Match[str] | None:
    """A casualty verb right before the number: "killed 5 soldiers"."""
    return ADJACENT_CUE.search(ctx.left, ctx.cues, ctx.left_at)


def adjacent_negative(ctx: NumberContext) -> bool:
    """A verb right before the number that makes it no casualty count: "arrested 45"."""
    left = ctx.left
    return bool(
        ADJACENT_NEGATIVE.search(left, ctx.cues, ctx.left_at, max(0, len(left) - ADJACENT_REACH))
    )
