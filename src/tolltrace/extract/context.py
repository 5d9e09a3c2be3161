"""What stands around one number in its sentence: the words before it, its clause and
its noun phrase (`NumberContext`), read once and shared by every rule about the number.

The rules read bounded stretches of text, named here with the reason for each reach, so
that a long sentence (a town-by-town tally) costs no more per number than a short one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from tolltrace.extract._fastscan.scanning import Guarded, LiteralFinder
from tolltrace.extract.numbers import NumberPhrase
from tolltrace.extract.sentences import Sentence
from tolltrace.extract.victims import NounPhrase, read_noun_phrase

# The words before a number that can bear on it: the longest frame read there (a toll
# noun, an aside between commas and up to cues.TOLL_FRAME_GAP characters before "rose to")
# fits.
LEFT_REACH = 260
# Frames read on the last words only ("The injured include …", "had earlier put the toll
# at"): the longest is under 70 characters.
TAIL_REACH = 70
# The last word before a number ("has surpassed 1,000", "Another 20"): 25 characters hold
# the longest such word with its spaces.
LAST_WORD_REACH = 25
# A clause, and an open bracket a number stands in, are read this far at most: a run-on
# "sentence" (a 60 KB tally of towns) would otherwise be rescanned for every number in it.
CLAUSE_REACH = 600

# A clause ends at a semicolon or before "while", "but", "when", "after", ", and that", ...
# The alternatives are grouped by their first character (";", white space, ","), so the
# regex engine tries three branches at each offset, not six.
# ", as tens of thousands gathered": "as" after a comma opens a clause, but not "as many as";
# nor does "but" in "all but one", nor "after" in "the toll after the storm", nor ", and"
# closing a list of places ("in Vetria, Norland, and other nearby districts").
_CLAUSE_BREAK_RE = re.compile(
    r";"
    r"|\s(?:(?:while|whereas|(?<!all\s)but|when|where|(?<!toll\s)after)\s|\s*and\s+that\s)"
    r"|,\s+(?:and\s+that\s|and\s(?!other\s|neighbou?ring\s|nearby\s|surrounding\s)"
    r"|as\s(?!many|much|few|high|well|of|a\s+result))",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class NumberContext:
    """One number phrase in its sentence.

    `left` is the text before the number back to the start of its clause (at most
    LEFT_REACH characters), starting at offset `left_at`; `left_starts` the offsets in
    the article where a word that can start an end-anchored rule stands in it (None: the
    rules scan). `clause_end` ends the number's clause; `noun` is the noun phrase after
    the number, `after_noun` the rest of the clause. `cues` is the article's index of
    casualty words (None: unknown) and `low` the article lower-cased (None when
    lower-casing changes offsets)."""

    text: str
    low: str | None
    sentence: Sentence
    phrase: NumberPhrase
    left: str
    left_at: int
    left_starts: list[int] | None
    clause_end: int
    noun: NounPhrase
    after_noun: str
    after_low: str | None
    cues: list[int] | None


@dataclass(frozen=True, slots=True)
class Left:
    """The words before a number back to the start of its clause (at most LEFT_REACH
    characters): `text`, starting at article offset `at`; `starts`, the offsets in `text`
    where a word that can start an end-anchored rule stands (None: the rules scan)."""

    text: str
    at: int
    starts: list[int] | None


def read_left(
    text: str, low: str | None, sentence: Sentence, phrase: NumberPhrase, words: LiteralFinder
) -> Left:
    """The words before `phrase`; `words` are those an end-anchored rule can start with."""
    left = clause_start(text[max(sentence.start, phrase.start - LEFT_REACH) : phrase.start])
    at = phrase.start - len(left)
    starts = None
    if low is not None:
        starts = words.starts(low[at : phrase.start])
    return Left(left, at, starts)


def number_context(
    text: str,
    low: str | None,
    sentence: Sentence,
    phrase: NumberPhrase,
    left: Left,
    cues: list[int] | None,
) -> NumberContext:
    """The whole context of `phrase`, once its `left` words are read."""
    end = clause_end(text, phrase.end, sentence.end)
    # Inside brackets, the clause ends at the closing one: "419 deaths (including 77
    # children, 177 men and 168 women) and 500 injured" gives the 177 no "injured".
    opened = text.rfind("(", max(sentence.start, phrase.start - CLAUSE_REACH), phrase.start)
    if opened >= 0 and text.find(")", opened, phrase.start) < 0:
        closing = text.find(")", phrase.end, end)
        if closing >= 0:
            end = closing
    noun = read_noun_phrase(text, phrase.end, end)
    return NumberContext(
        text=text,
        low=low,
        sentence=sentence,
        phrase=phrase,
        left=left.text,
        left_at=left.at,
        left_starts=left.starts,
        clause_end=end,
        noun=noun,
        after_noun=text[noun.end : end],
        after_low=low[noun.end : end] if low is not None else None,
        cues=cues,
    )


def clause_start(left: str) -> str:
    """The part of `left` after its last clause break: cues before it are not ours."""
    cut = 0
    for m in _CLAUSE_BREAK_RE.finditer(left):
        cut = m.end()
    return left[cut:]


def clause_end(text: str, start: int, stop: int) -> int:
    """Where the clause that runs from `start` ends (at most `stop`)."""
    stop = min(stop, start + CLAUSE_REACH)
    m = _CLAUSE_BREAK_RE.search(text, start, stop)
    return m.start() if m else stop


def tail_search(rule: Guarded, left: str) -> re.Match[str] | None:
    """A rule read on the last words only: its match at the end of `left`'s last
    TAIL_REACH characters."""
    return rule.search(left[-TAIL_REACH:])


def ends_with(left: str, words: tuple[str, ...]) -> bool:
    """Whether the last word before the number is one of `words` (each given with a leading
    space, in lower case): "has surpassed ", "Another "."""
    return (" " + left[-LAST_WORD_REACH:]).rstrip().lower().endswith(words)
