"""The words that say where a figure counts: "in Hatay", "across both countries",
"outside the city", "in Syria's coastal region".

Only the words are found here; which place they stand for (a country, a region, a town,
the whole event) is decided in `tolltrace.analysis.places`, against the gazetteers and
the corpus's own settings. The word lists are in `lexicon/place_words.csv`.

A claim takes the nearest place phrase of its clause: after the number first, within
PLACE_AFTER_REACH characters ("killed 72 people in Tartus"), else before it within
PLACE_BEFORE_REACH ("In Tartus alone, 72 were killed"), never across another number
("20,000 in Turkey and 3,500 in Syria": each number its own country). A place where the
figure was *given* ("officials said in Damascus", "the London-based monitor") is not
where it counts.
"""

from __future__ import annotations

import re
from functools import cache
from itertools import groupby
from operator import attrgetter
from typing import NamedTuple

from tolltrace.extract import lexicon
from tolltrace.model import Claim

PLACE_AFTER_REACH = 90
PLACE_BEFORE_REACH = 70
# How far back a reporting word makes a place the place of the report ("said in X").
REPORTING_REACH = 3  # words
PHRASE_LENGTH = 60  # the longest place phrase read, past either reach

_DIGIT_RE = re.compile(r"\d")
_CLAUSE_END_RE = re.compile(r"[;:]|\s[–—]\s|\bwhile\b|\bwhereas\b")


class PlacePhrase(NamedTuple):
    """A place phrase: its offsets and its words ("in northern Syria")."""

    start: int
    end: int
    text: str


def _words(role: str) -> list[str]:
    return [r["word"] for r in lexicon.rows("place_words.csv") if r["role"] == role]


@cache
def place_prepositions() -> tuple[str, ...]:
    """Prepositions that open a place phrase ("in", "across")."""
    return tuple(_words("preposition"))


@cache
def place_nouns() -> dict[str, str]:
    """Place nouns ("province", "town") → the kind of place they name."""
    return {
        r["word"]: r["kind"] for r in lexicon.rows("place_words.csv") if r["role"] == "place_noun"
    }


@cache
def _pattern() -> re.Pattern[str]:
    prep = lexicon.alternation(_words("preposition"))
    direction = lexicon.alternation(_words("direction"))
    noun = lexicon.alternation(place_nouns())
    whole = lexicon.alternation(_words("whole_event"))
    not_names = lexicon.alternation(
        [m.name for m in lexicon.months()] + [d.capitalize() for d in lexicon.weekdays()]
    )
    # A capitalised name of one to four words ("Al Haouz", "Kahramanmaras"), not a month
    # or a weekday; joined names make a list ("Turkey and Syria", "Hatay, Adiyaman").
    name = (
        rf"(?-i:(?!(?:{not_names})\b)[A-Z][\w’'-]*(?:\.[A-Z]\.?)*"
        rf"(?:\s+(?:(?:al|el|de)\b|[A-Z][\w’'-]*)){{0,3}})"
    )
    names = rf"{name}(?:\s*(?:,\s*(?:and\s+)?|\s+and\s+|\s*&\s*){name})*"
    return re.compile(
        rf"\b(?:(?:{prep})\s+(?:and\s+around\s+)?(?:the\s+)?"
        rf"(?:(?:{whole})\b"
        rf"|(?:(?-i:(?:{direction})|[a-z]+-held)\s+)?"
        rf"(?:{names}(?:['’]s)?(?:\s+(?:[a-z]+\s+)?(?:{noun})\b)?|(?:[a-z]+\s+)?(?:{noun})\b))"
        rf"|(?:{whole})\b(?<=nationwide))",
        re.IGNORECASE,
    )


@cache
def _reporting() -> frozenset[str]:
    return frozenset(_words("reporting"))


@cache
def _starts() -> re.Pattern[str]:
    """Where a place phrase can start: a preposition, or "nationwide"."""
    words = lexicon.alternation([*_words("preposition"), "nationwide"])
    return re.compile(rf"\b(?:{words})\b", re.IGNORECASE)


def find_place_phrases(text: str, start: int, end: int) -> list[PlacePhrase]:
    """Every place phrase between `start` and `end` (one sentence), in text order."""
    found = []
    pattern = _pattern()
    for at in _starts().finditer(text, start, end):
        m = pattern.match(text, at.start(), end)
        if m is None or (found and m.start() < found[-1].end):
            continue
        if _given_there(text, start, m.start()):
            continue
        words = m.group(0)
        if words.split()[-1].lower() in ("the", "and"):
            continue
        found.append(PlacePhrase(m.start(), m.end(), words))
    return found


def _given_there(text: str, sentence_start: int, at: int) -> bool:
    """A reporting word just before the place: "said in Geneva", "based in London"."""
    left = text[max(sentence_start, at - 40) : at].replace("-", " ").lower().split()
    return any(w.strip(",.") in _reporting() for w in left[-REPORTING_REACH:])


def place_claims(text: str, claims: list[Claim]) -> None:
    """Set each claim's `place`: the nearest place phrase of its clause (module docstring)."""
    for _, same_sentence in groupby(claims, key=attrgetter("sentence_start")):
        group = list(same_sentence)
        # Only the stretch a place phrase can be taken from is read.
        reach_start = group[0].char_start - PLACE_BEFORE_REACH - PHRASE_LENGTH
        reach_end = group[-1].char_end + PLACE_AFTER_REACH + PHRASE_LENGTH
        start = max(group[0].sentence_start, reach_start)
        end = min(group[0].sentence_end, reach_end)
        phrases = find_place_phrases(text, start, end)
        if phrases:
            for claim in group:
                claim.place = _nearest(text, claim, phrases)


def _nearest(text: str, claim: Claim, phrases: list[PlacePhrase]) -> str:
    after = [p for p in phrases if claim.char_end <= p.start <= claim.char_end + PLACE_AFTER_REACH]
    for p in after:
        if _open_between(text, claim.char_end, p.start):
            return p.text
        break
    reach = claim.char_start - PLACE_BEFORE_REACH
    before = [p for p in phrases if reach <= p.end <= claim.char_start]
    for p in reversed(before):
        if _open_between(text, p.end, claim.char_start):
            return p.text
        break
    return ""


def _open_between(text: str, start: int, end: int) -> bool:
    """No other number and no clause break between a number and a place."""
    between = text[start:end]
    return not _DIGIT_RE.search(between) and not _CLAUSE_END_RE.search(between)
