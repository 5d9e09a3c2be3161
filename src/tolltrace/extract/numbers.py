"""Number phrases: find them in text and turn them into (low, high, qualifier).

A number phrase is an optional qualifier ("more than", "some", "between"), one number or
two joined into a range ("300 to 400", "three to four hundred"), or a vague quantity word
("dozens", "several hundred"). Vague words are coded from the `vague_terms.csv` table
shipped with the package, and the words themselves are kept.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from tolltrace.extract import lexicon
from tolltrace.extract._fastscan.scanning import (
    Guarded,
    LiteralFinder,
    anchored_matches,
    digit_positions,
    lowered,
)
from tolltrace.extract.invisible import FORMAT_CHARACTERS
from tolltrace.extract.timeref import MONTH_PATTERN

UNITS = lexicon.number_words()["unit"]
TENS = lexicon.number_words()["ten"]
SCALES = lexicon.number_words()["scale"]
# Qualifier words before a number ("more than": more_than); longest first in the pattern,
# so that "just over" wins over "over".
QUALIFIER_WORDS = lexicon.qualifiers()

_NUMWORD = "|".join(sorted([*UNITS, *TENS, *SCALES, "dozen"], key=len, reverse=True))
# Characters that group thousands: "1,200", "1.200", "1 200" with a plain, no-break, narrow
# no-break or thin space, and the Arabic thousands separator ("1٬200"). Characters of no
# width may stand in a number too ("1\u200b200", a soft hyphen, direction marks).
GROUP_SEPARATORS = ",. \u00a0\u202f\u2009\u066c"
_GROUP = rf"[{FORMAT_CHARACTERS}]*[{GROUP_SEPARATORS}][{FORMAT_CHARACTERS}]*|[{FORMAT_CHARACTERS}]+"
_DIGITS = rf"\d{{1,3}}(?:(?:{_GROUP})\d{{3}})+(?![\d])|\d+(?:\.\d+)?"
# Number words joined by spaces or hyphens, or by "and" or a comma after a scale word
# ("two hundred and fifty", "five thousand, six hundred"; "four and three" is two numbers).
_AFTER_SCALE = "(?:(?<=hundred)|(?<=thousand)|(?<=million))"
_WORDNUM = (
    rf"(?:(?:{_NUMWORD})(?:(?:[\s-]+|{_AFTER_SCALE}\s+and\s+|{_AFTER_SCALE},\s+)"
    rf"(?:{_NUMWORD}))*)"
)
_SCALE_AFTER = r"(?:\s+(?:hundred|thousand|million))?"
_ONE_NUMBER = rf"(?:(?:{_DIGITS}){_SCALE_AFTER}|a\s+(?:dozen|hundred|thousand)|{_WORDNUM})"


def _vague_pattern() -> str:
    terms = sorted(lexicon.vague_terms(), key=len, reverse=True)
    return "|".join(re.escape(t).replace(r"\ ", r"\s+") for t in terms)


_QUALIFIER_PATTERN = "|".join(
    re.escape(q).replace(r"\ ", r"\s+") for q in sorted(QUALIFIER_WORDS, key=len, reverse=True)
)

# One regex finds every candidate number phrase. Word boundaries keep "one" out of "someone".
# "100+" is at least 100.
NUMBER_PHRASE_RE = re.compile(
    rf"""(?ix)
    (?<![\w.,])(?<!\w-)
    (?:(?P<qual>{_QUALIFIER_PATTERN})\s+)?
    (?:
        (?P<between>between)\s+(?P<b1>{_ONE_NUMBER})\s+and\s+(?P<b2>{_ONE_NUMBER})
      | (?P<vague>{_vague_pattern()})
      | (?P<n1>{_ONE_NUMBER})
        (?:\s*(?:to|-|–|or)\s*(?P<n2>{_ONE_NUMBER})|(?P<plus>\+)(?![\d+]))?
    )
    (?![\w])
    """
)


class NumberPhrase(NamedTuple):
    """A number phrase found in text, with offsets into that text."""

    start: int
    end: int
    text: str
    low: int
    high: int | None
    qualifier: str
    vague_term: str


def parse_number(words: str, decimal_mark: str = "") -> int | None:
    """Turn one number ("1,000", "1.000", "1 000", "2.5 million", "two hundred and fifty")
    into an int.

    `decimal_mark` is the article's ("." in English, "," in German; "" when unknown):
    "3.350" is 3,350 unless "." marks decimals. Returns None when the words are not a whole
    number ("1.5" alone, "3.350" in English) or mix two group separators ("1,234.567"):
    never a smaller number made by dropping digits.
    """
    m = _DIGIT_WORDS_RE.match(words)
    if m:
        return _parse_digits(m.group("digits"), m.group("scale"), decimal_mark)
    s = " ".join(words.lower().replace("-", " ").replace(",", " ").split())
    if not s:
        return None
    if s.startswith("a "):
        s = "one " + s[2:]
    return _parse_words(s)


_DIGIT_WORDS_RE = re.compile(
    rf"(?P<digits>\d[\d{GROUP_SEPARATORS}{FORMAT_CHARACTERS}]*?)"
    r"(?:\s+(?P<scale>hundred|thousand|million))?\s*$",
    re.IGNORECASE,
)
_GROUPED_RE = re.compile(rf"\d{{1,3}}(?:[{GROUP_SEPARATORS}]\d{{3}})+")
_FORMAT_TABLE = str.maketrans("", "", FORMAT_CHARACTERS)


def _parse_digits(digits: str, scale_word: str | None, decimal_mark: str) -> int | None:
    scale = SCALES[scale_word.lower()] if scale_word else 1
    digits = digits.translate(_FORMAT_TABLE)
    if _GROUPED_RE.fullmatch(digits):
        separators = {c for c in digits if not c.isdigit()}
        if len(separators) > 1:
            return None  # "1,234.567": which is the decimal mark?
        (separator,) = separators
        if separator == decimal_mark and digits.count(separator) == 1:
            value = float(digits.replace(separator, ".")) * scale  # "3.350" in English
            return int(value) if value.is_integer() and scale > 1 else None
        return int("".join(c for c in digits if c.isdigit())) * scale
    if not digits.isdigit():
        if "." not in digits or not digits.replace(".", "", 1).isdigit():
            return None
        value = float(digits) * scale
        return int(value) if value.is_integer() and scale > 1 else None
    return int(digits) * scale


def _parse_words(s: str) -> int | None:
    total = 0
    current = 0
    seen = False
    for word in s.split(" "):
        if word == "and":
            continue
        if word in UNITS:
            current += UNITS[word]
        elif word in TENS:
            current += TENS[word]
        elif word == "dozen":
            current = (current or 1) * 12
        elif word == "hundred":
            current = (current or 1) * 100
        elif word in ("thousand", "million"):
            total += (current or 1) * SCALES[word]
            current = 0
        else:
            return None
        seen = True
    return total + current if seen else None


def _scale_word(words: str) -> int:
    last = words.lower().replace("-", " ").split()[-1]
    return SCALES.get(last, 1)


def phrase_from_match(m: re.Match[str], decimal_mark: str = "") -> NumberPhrase | None:
    """Build a NumberPhrase from a NUMBER_PHRASE_RE match, or None if it does not parse."""
    qual_words = " ".join((m.group("qual") or "").lower().split())
    qualifier = QUALIFIER_WORDS.get(qual_words, "exact")
    if m.group("vague"):
        term = " ".join(m.group("vague").lower().split())
        low = lexicon.vague_terms()[term]
        return NumberPhrase(m.start(), m.end(), m.group(0), low, None, "vague", term)
    first = m.group("b1") or m.group("n1")
    second = m.group("b2") or m.group("n2")
    low = parse_number(first, decimal_mark)
    if low is None:
        return None
    if second is None:
        if m.group("plus") and qualifier == "exact":
            qualifier = "at_least"  # "100+ killed": 100 or more
        high = None if qualifier in ("more_than", "at_least") else low
        return NumberPhrase(m.start(), m.end(), m.group(0), low, high, qualifier, "")
    high = parse_number(second, decimal_mark)
    if high is None:
        return None
    # "three to four hundred": the shared multiplier applies to the first number too.
    scale = _scale_word(second)
    if scale > 1 and _scale_word(first) == 1 and low < scale and low * scale <= high:
        low *= scale
    if high < low:
        # "2-3" style ranges only; "1990-91" and "24/7"-like forms are not ranges of people.
        return None
    return NumberPhrase(m.start(), m.end(), m.group(0), low, high, "range", "")


# Every number phrase contains a digit or one of these words (searched in lower case).
NUMBER_WORD_ANCHORS = (*UNITS, *TENS, *SCALES, "dozen", "score", "handful")


def _prefix_words() -> frozenset[str]:
    """Words that can open a number phrase before its first number or vague word."""
    words = {*QUALIFIER_WORDS, "between", "several", "a few", "a", "tens of", "hundreds of"}
    words |= {f"{q} a" for q in QUALIFIER_WORDS} | {f"{q} between" for q in QUALIFIER_WORDS}
    for term in lexicon.vague_terms():
        parts = term.split()
        words |= {" ".join(parts[:i]) for i in range(1, len(parts))}
    return frozenset(words)


_PREFIXES = _prefix_words()


_NUMBER_WORD_FINDER = LiteralFinder(NUMBER_WORD_ANCHORS)


def find_number_phrases(
    text: str,
    start: int = 0,
    end: int | None = None,
    low: str | None = None,
    word_hits: list[tuple[int, str]] | None = None,
    digit_starts: list[int] | None = None,
    decimal_mark: str = "",
) -> list[NumberPhrase]:
    """Every number phrase in text[start:end], in order, with offsets into `text`.

    `low` is an optional lower-cased copy of `text` (see `scanning.lowered`), shared by
    callers that scan the same text several times; `word_hits`, the (offset, word)
    occurrences of NUMBER_WORD_ANCHORS in it when a caller has already found them;
    `digit_starts`, the sorted starts of every digit run of `text` when the caller has
    found them (what `digit_positions(text)` returns; used when the whole text is read).
    """
    stop = len(text) if end is None else end
    if low is None:
        low = lowered(text)
    if low is None:  # lower-casing changed offsets: scan the plain way
        matches = NUMBER_PHRASE_RE.finditer(text, start, stop)
    else:
        if digit_starts is None or start != 0 or stop != len(text):
            anchors = digit_positions(text, start, stop)
        else:
            anchors = list(digit_starts)
        if word_hits is None:
            anchors.extend(at for at, _ in _NUMBER_WORD_FINDER.occurrences(low, start, stop))
        else:
            anchors.extend(at for at, word in word_hits if start <= at and at + len(word) <= stop)
        # A phrase never starts right after a letter, digit, [.,] or a word's hyphen (the
        # pattern's lookbehinds), so anchors inside words ("someone", "often") cannot.
        anchors = sorted(a for a in anchors if a == 0 or not _continues_word(text, a))
        matches = (
            m
            for m in anchored_matches(NUMBER_PHRASE_RE, anchors, text, low, _PREFIXES)
            if m.start() >= start and m.end() <= stop
        )
    found = []
    for m in matches:
        if m.group("n2") is not None and (
            _BY_BEFORE_RE.search(text, max(0, m.start() - 4), m.start())
            or CHANGE_FROM_BEFORE.search(text, max(0, m.start() - CHANGE_FROM_REACH), m.start())
        ):  # a change, maybe downwards ("lowered from 288 to 275"): two figures
            found.extend(_rise_by_then_to(text, m, decimal_mark))
            continue
        phrase = phrase_from_match(m, decimal_mark)
        if (
            phrase is None
            and m.group("n2") is not None
            and _SPACED_DASH_RE.fullmatch(text, m.end("n1"), m.start("n2"))
        ):
            # "the toll is three – two on the island and one on the mainland": a total
            # and the first number of its breakdown, not the range 3-2.
            found.extend(_singles(text, m, decimal_mark, m.start()))
            continue
        if phrase is not None and phrase.qualifier == "range":
            phrase = _count_after_a_day(text, m, phrase)
        if phrase is not None:
            found.append(phrase)
    return found


# A dash with spaces on both sides between two numbers.
_SPACED_DASH_RE = re.compile(r"\s+[-–—]\s+")


def _singles(text: str, m: re.Match[str], decimal_mark: str, first_from: int) -> list[NumberPhrase]:
    """The two numbers of a range match read one by one, the first from `first_from` (the
    match's start keeps its qualifier; the first number's start drops it)."""
    phrases = []
    for begin, group in ((first_from, "n1"), (m.start("n2"), "n2")):
        single = NUMBER_PHRASE_RE.match(text, begin, m.end(group))
        phrase = phrase_from_match(single, decimal_mark) if single is not None else None
        if phrase is not None:
            phrases.append(phrase)
    return phrases


# "rose by one to 158": two numbers, the rise and the new total, not the range 1-158.
_BY_BEFORE_RE = re.compile(r"\bby\s+$", re.IGNORECASE)
# "the number of missing soared from 31 to 281": the earlier figure and the new one, not
# the range 31-281 (lexicon.change_from_pattern), read this far before the first figure.
# scope.is_previous_figure reads it too: the first figure is the superseded one.
CHANGE_FROM_BEFORE = Guarded(
    re.compile(lexicon.change_from_pattern() + "$", re.IGNORECASE), needs=("from",)
)
CHANGE_FROM_REACH = 100


def _rise_by_then_to(text: str, m: re.Match[str], decimal_mark: str) -> list[NumberPhrase]:
    if m.group("n2") is None or not _TO_RE.match(text, m.end("n1"), m.start("n2")):
        return [p for p in [phrase_from_match(m, decimal_mark)] if p is not None]
    return _singles(text, m, decimal_mark, m.start("n1"))


_MONTH_BEFORE_RE = re.compile(rf"\b{MONTH_PATTERN}\s+$")
_TO_RE = re.compile(r"\s*to\s*$", re.IGNORECASE)


def _count_after_a_day(text: str, m: re.Match[str], phrase: NumberPhrase) -> NumberPhrase | None:
    """ "the toll since October 7 to 40,005": a month's day joined by "to" to a number no
    day can be is no range; the number after "to" stands alone. ("March 6 to 10" stays a
    range, which the extractor rejects as a date.)"""
    if (
        m.group("n2") is None
        or (phrase.high or 0) <= 31
        or not _TO_RE.match(text, m.end("n1"), m.start("n2"))
        or not _MONTH_BEFORE_RE.search(text, max(0, m.start("n1") - 12), m.start("n1"))
    ):
        return phrase
    second = NUMBER_PHRASE_RE.match(text, m.start("n2"))
    return phrase_from_match(second) if second is not None else None


def _continues_word(text: str, at: int) -> bool:
    """What NUMBER_PHRASE_RE's lookbehinds reject before a phrase at `at`: a word character,
    a point or a comma, or a hyphen after a word character ("COVID-19"; not "Press)--At")."""
    char = text[at - 1]
    if char.isalnum() or char in "_.,":
        return True
    return char == "-" and at >= 2 and (text[at - 2].isalnum() or text[at - 2] == "_")
