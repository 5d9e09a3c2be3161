"""Sentence and paragraph spans with offsets into the original text.

A rule-based splitter: good enough for news prose, fast, and it never changes the text.
Each line is a paragraph (articles saved from the web put one paragraph per line); a
sentence never crosses a line break.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterator
from typing import NamedTuple

from tolltrace.extract import lexicon
from tolltrace.extract._fastscan.scanning import literal_positions, matches_at

# Words after which a full stop does not end a sentence.
_ABBREVIATIONS = frozenset(
    """mr mrs ms dr prof gen col lt maj capt sgt st jr sr rev gov sen rep pres
    no vs etc al inc ltd co corp u.s u.n u.k e.g i.e approx est""".split()
) | {a.lower() for a in lexicon.month_abbreviations()}

# A sentence ends at . ! ? (plus closing quotes/brackets) followed by space and a capital,
# digit, quote or dash.
_BOUNDARY_RE = re.compile(r"""[.!?]+["'”’)\]]*(?=[ \t]+["'“‘(\[]?[A-Z0-9\u2013\u2014-])""")
# Every sentence boundary starts with one of these.
_ENDERS = (".", "!", "?")
_LINE_RE = re.compile(r"[^\r\n]+")
# Bullet markers and leading quotes are not part of a sentence's words.
_LEADING_JUNK_RE = re.compile(r"[\s\-–—•*·]+")


class Sentence(NamedTuple):
    """A sentence: its offsets, the paragraph (line) it belongs to, and its index."""

    start: int
    end: int
    paragraph: int
    index: int


# Abbreviations with points that never end a sentence here ("u.s" above): the rules read
# them without points ("U.S. Marines" as "US   Marines", same length), so that a point
# inside a name ends no clause or noun phrase.
_DOTTED_RE = re.compile(r"(?<![\w.])(?:U\.S|U\.N|U\.K)\.(?![\w])")
# Place prefixes before a name ("St. Lucie County", "Mt. Everest", "Ft. Myers"): their
# point is read as a space, so "including five in St. Lucie County, one in Polk County"
# stays one list. (Titles of people keep theirs: `named_speakers` reads them.)
_PLACE_PREFIXES = ("St. ", "Mt. ", "Ft. ")


def _place_prefix_points(text: str) -> list[int]:
    """The points of the place prefixes right before a capital."""
    points = []
    for prefix in _PLACE_PREFIXES:
        at = text.find(prefix)
        while at != -1:
            after = at + len(prefix)
            if (
                after < len(text)
                and text[after].isupper()
                and (at == 0 or not (text[at - 1].isalnum() or text[at - 1] == "."))
            ):
                points.append(at + 2)
            at = text.find(prefix, after)
    return points


def without_abbreviation_points(text: str) -> str:
    """`text` with the points of "U.S.", "U.N." and "U.K." made spaces after the letters
    ("U.S." → "US  "), and those of a place prefix before a name made a space ("St. Lucie"
    → "St  Lucie"): the same length."""
    if "U." in text:
        text = _DOTTED_RE.sub(lambda m: m.group().replace(".", "") + "  ", text)
    points = _place_prefix_points(text)
    if points:
        chars = list(text)
        for dot in points:
            chars[dot] = " "
        text = "".join(chars)
    return text


# A word longer than the longest abbreviation is none: the walk back stops past it.
_LONGEST_ABBREVIATION = max(map(len, _ABBREVIATIONS))


def _is_abbreviation(text: str, dot: int) -> bool:
    j = dot
    floor = max(0, dot - _LONGEST_ABBREVIATION - 1)
    while j > floor and (text[j - 1].isalpha() or text[j - 1] == "."):
        j -= 1
    if j == floor and j > 0 and (text[j - 1].isalpha() or text[j - 1] == "."):
        return False  # a longer word: neither an abbreviation nor an initial
    word = text[j:dot].lower()
    if word in _ABBREVIATIONS:
        return True
    # Single initials ("A. Smith") do not end a sentence.
    return len(word) == 1 and word.isalpha() and text[dot - 1].isupper()


def split_sentences(text: str) -> list[Sentence]:
    """All sentences of `text`, in order; blank lines give no sentence."""
    sentences: list[Sentence] = []
    # Every boundary starts at a full stop, "!" or "?": the pattern is tried only there
    # (the same matches as scanning each line with it, at a fraction of the cost).
    enders = literal_positions(text, _ENDERS)
    for paragraph, (start, stop) in enumerate(_lines(text)):
        in_line = enders[bisect_left(enders, start) : bisect_left(enders, stop)]
        for b in matches_at(_BOUNDARY_RE, text, in_line, stop):
            if text[b.start()] == "." and _is_abbreviation(text, b.start()):
                continue
            _append(text, sentences, start, b.end(), paragraph)
            start = b.end()
        _append(text, sentences, start, stop, paragraph)
    return sentences


def _lines(text: str) -> Iterator[tuple[int, int]]:
    """(start, end) of every paragraph: a non-empty run of characters between CR and LF
    (_LINE_RE), joined with the lines after it that continue its sentence (`_continues`)."""
    para: tuple[int, int] | None = None
    for start, end in _raw_lines(text):
        if para is not None and _continues(text, para[1], start):
            para = (para[0], end)
            continue
        if para is not None:
            yield para
        para = (start, end)
    if para is not None:
        yield para


def _raw_lines(text: str) -> Iterator[tuple[int, int]]:
    if "\r" in text:
        for line in _LINE_RE.finditer(text):
            yield line.start(), line.end()
        return
    start = 0
    while (end := text.find("\n", start)) != -1:
        if end > start:
            yield start, end
        start = end + 1
    if start < len(text):
        yield start, len(text)


# Hard-wrapped copy (plain-text wire, e-mail, PDF) breaks lines inside a sentence: "…, with
# at least\n61 people killed". A line continues the one before when that one has no closing
# punctuation and the next opens with a small letter ("…people killed\nsince the riots
# began"), or with a digit after a word no sentence or title ends on ("at least\n61").
_OPEN_END_RE = re.compile(
    r"(?:^|\s)(?:the|a|an|of|to|at|by|from|with|and|or|than|least|about|nearly|some|in|on|"
    r"for|as|were|was|are|is|had|have|has|been|killing|killed|kill)$"
)
_CLOSED_ENDS = frozenset('.!?:;"”’)]')


def _continues(text: str, line_end: int, next_start: int) -> bool:
    """Whether the line ending at `line_end` goes on in the line at `next_start`: a wrapped
    line is long and ends on a small word or a comma (not a title, a label, a figure or a
    name: "Storm kills 12" / "by Jane Smith", "killed: 12" / "injured: 40")."""
    if text[line_end - 1] in _CLOSED_ENDS or _blank_between(text, line_end, next_start):
        return False
    line_start = text.rfind("\n", 0, line_end) + 1
    if line_end - line_start < WRAPPED_LINE_CHARS:
        return False
    last_word = _LAST_WORD_RE.search(text, max(line_start, line_end - 30), line_end)
    if last_word is None or not (last_word.group(0)[0].islower() or last_word.group(0) == ","):
        return False
    first = text[next_start]
    if first.islower():
        return True
    return first.isdigit() and bool(_OPEN_END_RE.search(text, max(0, line_end - 12), line_end))


# A hard-wrapped line holds at least this many characters (wire copy wraps at 60-80).
WRAPPED_LINE_CHARS = 45
_LAST_WORD_RE = re.compile(r"(?:[^\W\d_][\w’'-]*|,)\s*$")


def _blank_between(text: str, end: int, start: int) -> bool:
    """Whether a blank line stands between two lines (a paragraph break, never a wrap)."""
    gap = text[end:start]
    return gap.count("\n") + gap.count("\r") - gap.count("\r\n") > 1


def _append(text: str, out: list[Sentence], start: int, end: int, paragraph: int) -> None:
    junk = _LEADING_JUNK_RE.match(text, start, end)
    if junk:
        start = junk.end()
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        out.append(Sentence(start, end, paragraph, len(out)))


def sentence_at(sentences: list[Sentence], offset: int) -> Sentence | None:
    """The sentence containing `offset` (binary search over the ordered spans)."""
    lo, hi = 0, len(sentences)
    while lo < hi:
        mid = (lo + hi) // 2
        if sentences[mid].end <= offset:
            lo = mid + 1
        else:
            hi = mid
    if lo < len(sentences) and sentences[lo].start <= offset < sentences[lo].end:
        return sentences[lo]
    return None


# A title line is at most this long; a longer first line is the lede.
MAX_HEADLINE_CHARS = 200


def headline_paragraph(text: str, sentences: list[Sentence]) -> int | None:
    """The title line: a short first line with no closing full stop, followed by more text."""
    if len(sentences) < 2:
        return None
    first = sentences[0]
    line = text[first.start : first.end]
    if sentences[1].paragraph == first.paragraph or len(line) > MAX_HEADLINE_CHARS:
        return None
    return first.paragraph if line[-1:] not in '.!?:"”' else None


# A claim quotes its sentence whole up to this length; a longer run-on "sentence" (a
# town-by-town tally on one line) is quoted around the number, marked with "…" where cut,
# so the claims table grows with the text, not with its square.
MAX_QUOTE_CHARS = 1000


def sentence_quote(text: str, start: int, end: int, number_start: int, number_end: int) -> str:
    """The sentence text[start:end] a claim quotes: whole, or the MAX_QUOTE_CHARS around
    the number text[number_start:number_end]."""
    if end - start <= MAX_QUOTE_CHARS:
        return text[start:end]
    middle = (number_start + number_end) // 2
    cut_start = max(start, min(middle - MAX_QUOTE_CHARS // 2, end - MAX_QUOTE_CHARS))
    cut_end = min(end, cut_start + MAX_QUOTE_CHARS)
    before = "…" if cut_start > start else ""
    after = "…" if cut_end < end else ""
    return f"{before}{text[cut_start:cut_end]}{after}"
