"""Ordinal counts of the dead: "a fourth body was recovered", "the county's 3rd death".

An ordinal before a body or a death says how many have been counted so far: the fourth
body recovered means four dead recovered. Only those two nouns, and only where the noun
ends its phrase ("the fourth body was found", "4th Body Found"), never a compound ("the
second death anniversary", "a third body camera"). "First" is left out: "the first
death" more often opens a story than counts one.
"""

from __future__ import annotations

import re

from tolltrace.extract import lexicon
from tolltrace.extract.numbers import NumberPhrase

ORDINALS = lexicon.number_words()["ordinal"]
_NOUNS = ("body", "death")
# "4th", "12th", "22nd": a digit ordinal of two or more.
_DIGIT_ORDINAL_RE = re.compile(r"(?<![\w.,])(?:[2-9]|[1-9]\d{1,2})(?:st|nd|rd|th)$")
# The word before the noun, read back this far.
_WORD_REACH = 16
# What may follow the noun: punctuation, the end, or a verb or preposition of its clause.
_NOUN_ENDS_RE = re.compile(
    r"(?:\s*(?:[,.;:!?)\"”’—–]|$)|\s+(?:was|is|has|had|have|found|recovered|pulled|retrieved|"
    r"discovered|located|washed|in|from|at|on|near|linked|related|tied|connected|confirmed|"
    r"reported|attributed|since|after|to|this|so|as|yet|believed|thought)\b)"
)


def ordinal_counts(text: str, low: str | None) -> list[NumberPhrase]:
    """Every ordinal before "body" or "death" in `text` as an exact number phrase (offsets
    into `text`; `low` its lower-cased copy of the same length, None: none found)."""
    if low is None:
        return []
    found = []
    for noun in _NOUNS:
        at = low.find(f" {noun}")
        while at != -1:
            end = at + 1 + len(noun)
            if _NOUN_ENDS_RE.match(low, end):
                phrase = _ordinal_before(text, low, at)
                if phrase is not None:
                    found.append(phrase)
            at = low.find(f" {noun}", end)
    return sorted(found)


def _ordinal_before(text: str, low: str, at: int) -> NumberPhrase | None:
    start = low.rfind(" ", max(0, at - _WORD_REACH), at) + 1
    if start == 0 and at >= _WORD_REACH:
        return None
    word = low[start:at]
    value = ORDINALS.get(word)
    if value is None and _DIGIT_ORDINAL_RE.search(word):
        value = int(word[:-2])
    if value is None or (start > 0 and low[start - 1] not in " \n\t"):
        return None
    return NumberPhrase(start, at, text[start:at], value, value, "exact", "")
