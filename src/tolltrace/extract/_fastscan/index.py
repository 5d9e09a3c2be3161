"""Where the words the extractor's rules declare occur in one article, found in one pass.

No rule lives here: the word lists come from the rules (`StartAnchored.words`, the
number, time and era anchors, the casualty words a claim's sentence must hold), and every
scanner that reads this index finds exactly what it would find by scanning the plain way
(tests/test_fastscan.py).
"""

from __future__ import annotations

from dataclasses import dataclass

from tolltrace.extract import cues, groups, not_counts, parts, scope
from tolltrace.extract._fastscan.scanning import LiteralFinder, has_non_ascii_digit
from tolltrace.extract.eras import ERA_ANCHOR_WORDS, ERA_LOWER_WORDS, is_year_like
from tolltrace.extract.numbers import NUMBER_WORD_ANCHORS
from tolltrace.extract.timeref import ANCHOR_WORDS as TIME_ANCHOR_WORDS


@dataclass(frozen=True, slots=True)
class ArticleIndex:
    """Where the word lists the extractor anchors on occur in one article (None each when
    lower-casing changed the text's length and the scanners must search the plain way).

    `number` and `time`: (offset, word) of number words and time anchors; `cue`: offsets of
    casualty words (the start words of `cues.CUE`); `casualty`: (start, end) of
    `cues.CASUALTY_LITERALS`; `digit_starts`: the starts of the article's digit runs, None
    when the text holds a digit outside ASCII (then the scanners find the runs with their
    own pattern); `era`: offsets that every era contains one of (eras.ERA_ANCHOR_WORDS,
    four-digit runs starting 19 or 20)."""

    number: list[tuple[int, str]] | None
    time: list[tuple[int, str]] | None
    cue: list[int] | None
    casualty: list[tuple[int, int]] | None
    digit_starts: list[int] | None
    era: list[int] | None


_NUMBER, _TIME, _CUE, _CASUALTY, _DIGIT, _ERA = 1, 2, 4, 8, 16, 32
_WORD_KINDS: dict[str, int] = {}
for _kind, _words in (
    (_NUMBER, NUMBER_WORD_ANCHORS),
    (_TIME, TIME_ANCHOR_WORDS),
    (_CUE, cues.CUE.words),
    (_CASUALTY, cues.CASUALTY_LITERALS),
    (_DIGIT, tuple("0123456789")),
    (_ERA, ERA_ANCHOR_WORDS),
):
    for _word in _words:
        _WORD_KINDS[_word] = _WORD_KINDS.get(_word, 0) | _kind
_WORD_FINDER = LiteralFinder(_WORD_KINDS)
_FOUND_KINDS = tuple(_WORD_KINDS[w] for w in _WORD_FINDER.words)

# The rules read on the words before a number start only with these words: one pass over
# those words finds where each of them can match.
LEFT_WORDS = LiteralFinder(
    scope.PREVIOUS.words
    | parts.PART.words
    | cues.TOLL_FRAME.words
    | cues.TOLL_APPOSITION.words
    | groups.AMONG.words
    | not_counts.MONTH_BEFORE.words
    | not_counts.LABEL_BEFORE.words
    | not_counts.NOT_A_TOLL.words
)


def article_index(low: str | None, text: str) -> ArticleIndex:
    """Every word list of the extractor found in one pass over the lower-cased article."""
    if low is None:
        return ArticleIndex(None, None, None, None, None, None)
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
        if kinds & _CUE:
            cue.append(at)
        if kinds & _CASUALTY:
            casualty.append((at, at + len(words[w])))
        if kinds & _ERA and (text[at].isupper() or words[w] in ERA_LOWER_WORDS):
            era.append(at)
    runs = None if has_non_ascii_digit(text) else digit_starts
    era.extend(at for at in digit_starts if is_year_like(text, at))
    era.sort()
    return ArticleIndex(number, time, sorted(set(cue)), casualty, runs, era)
