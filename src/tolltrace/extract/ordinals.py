"""Ordinal counts of the dead: "a fourth body was recovered", "the county's 3rd death".

An ordinal before a body or a death says how many have been counted so far: the fourth
body recovered means four dead recovered. Only a body found or recovered ("the fourth
body was found", "4th Body Found") and a death linked to a cause ("its sixth death linked
to the heat"), never a compound ("the second death anniversary", "a third body camera"),
a rank in another series ("the sixth body found in the lake since 2019", "the third death
in custody this year") or a body that is an organisation ("the second body to examine
the crash"). "First" is left out: "the first death" more often opens a story than counts
one.
"""

from __future__ import annotations

import re

from tolltrace.extract import lexicon
from tolltrace.extract.numbers import NumberPhrase

ORDINALS = lexicon.number_words()["ordinal"]
_NOUNS = ("body", "death", "person", "victim")
# "4th", "12th", "22nd": a digit ordinal of two or more.
_DIGIT_ORDINAL_RE = re.compile(r"(?<![\w.,])(?:[2-9]|[1-9]\d{1,2})(?:st|nd|rd|th)$")
# The word before the noun, read back this far.
_WORD_REACH = 16
# What must follow the noun: a body's recovery ("A fifth body was recovered", "4th Body
# Found"), a death's cause or confirmation ("its sixth death linked to the heat", "A seventh
# death in the county has been confirmed"), a person's or victim's death ("Sixth person
# dies after the attack").
# "Sixth person dies after the attack", "a fourth victim has died".
_DIES_RE = re.compile(r"\s+(?:(?:has|had)\s+)?(?:dies|died|succumbs|succumbed|to\s+die)\b")
_FOLLOWS = {
    "body": re.compile(
        r"\s+(?:(?:was|has\s+been|had\s+been)\s+)?(?:found|recovered|pulled|retrieved|"
        r"discovered|located|washed)\b"
    ),
    "death": re.compile(
        r"\s+(?:linked|related|tied|attributed|connected|blamed|due\s+to|caused\s+by)\b"
        r"|(?:\s+in\s+[a-z .'’-]{1,40}?)?\s+(?:has\s+been|was|is)\s+confirmed\b"
    ),
    "person": _DIES_RE,
    "victim": _DIES_RE,
}
# Ranks in another series than the event's dead: "the sixth body found in the lake since
# 2019", "the third death in custody this year", "was not linked to the storm".
_OTHER_SERIES_RE = re.compile(
    r"\b(?:since|this|last)\s+(?:year|month|week|season|spring|summer|autumn|fall|winter|"
    r"\d{4})|\bin\s+\d{4}\b|\bnot\b|\bsince\b|\bin\s+the\s+(?:past|last)\b|"
    r"\bin\s+(?:the\s+|police\s+)?(?:family|custody)\b|"
    r"\b(?:of|from)\s+(?:measles|cholera|covid|flu|influenza|dengue|malaria|mpox|ebola)\b"
)
_KEY_ANY_CASE_RE = re.compile(rf"(?:nd|rd|th) (?P<noun>{'|'.join(_NOUNS)})\b", re.IGNORECASE)
_FOLLOWS_ANY_CASE = {k: re.compile(v.pattern, re.IGNORECASE) for k, v in _FOLLOWS.items()}
_OTHER_SERIES_ANY_CASE_RE = re.compile(_OTHER_SERIES_RE.pattern, re.IGNORECASE)
# The rest of its sentence is read this far for another series.
_SERIES_REACH = 80


def ordinal_counts(text: str, low: str | None) -> list[NumberPhrase]:
    """Every ordinal before "body" or "death" in `text` as an exact number phrase (offsets
    into `text`; `low` is the text lower-cased with the same offsets, None: none are looked
    for)."""
    if low is None:
        return _ordinal_counts_any_case(text)
    found = []
    # every ordinal ends in "nd", "rd" or "th" ("second", "3rd", "fourth"): each noun is
    # found, and the two letters before it read; the rest of the text is never walked
    for noun in _NOUNS:
        key = f" {noun}"
        at = low.find(key)
        while at != -1:
            end = at + len(key)
            if low[at - 2 : at] in _ORDINAL_ENDS and (
                _FOLLOWS[noun].match(low, end)
                and not _OTHER_SERIES_RE.search(low, end, _sentence_end(low, end))
            ):
                phrase = _ordinal_before(text, low, at)
                if phrase is not None:
                    found.append(phrase)
            at = low.find(key, end)
    return sorted(found)


def is_ordinal(phrase: NumberPhrase) -> bool:
    """Whether a number phrase is an ordinal ("sixth", "4th"): the rank of the last death,
    so the running toll, never one day's count."""
    word = phrase.text.lower()
    return word in ORDINALS or _DIGIT_ORDINAL_RE.search(word) is not None


def _ordinal_counts_any_case(text: str) -> list[NumberPhrase]:
    """The same, read in `text` itself when lower-casing it would move its offsets."""
    found = []
    for m in _KEY_ANY_CASE_RE.finditer(text):
        noun, end = m.group("noun").lower(), m.end()
        if _FOLLOWS_ANY_CASE[noun].match(text, end) and not _OTHER_SERIES_ANY_CASE_RE.search(
            text, end, _sentence_end(text, end)
        ):
            phrase = _ordinal_before(text, text, m.start("noun") - 1)
            if phrase is not None:
                found.append(phrase)
    return sorted(found)


_ORDINAL_ENDS = ("nd", "rd", "th")
if not all(word[-2:] in _ORDINAL_ENDS for word in ORDINALS):  # pragma: no cover
    raise RuntimeError("number_words.csv: an ordinal that does not end in nd, rd or th")


def _sentence_end(low: str, start: int) -> int:
    stop = min(len(low), start + _SERIES_REACH)
    ends = [at for at in (low.find(". ", start, stop), low.find("\n", start, stop)) if at >= 0]
    return min(ends, default=stop)


def _ordinal_before(text: str, low: str, at: int) -> NumberPhrase | None:
    start = low.rfind(" ", max(0, at - _WORD_REACH), at) + 1
    if start == 0 and at >= _WORD_REACH:
        return None
    word = low[start:at].lower()
    value = ORDINALS.get(word)
    if value is None and _DIGIT_ORDINAL_RE.search(word):
        value = int(word[:-2])
    if value is None:
        return None
    return NumberPhrase(start, at, text[start:at], value, value, "exact", "")
