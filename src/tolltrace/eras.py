"""Years and past periods a sentence names ("in 2022", "since April 2023", "last year").

Breaking news dates its own toll by days ("on Saturday", "March 8"). A sentence that
names a year, a month of a year or a stretch of years is usually giving background: the
toll of an earlier disaster ("In 2015, a similar heatwave killed 1,200") or of a whole war
("killed more than 4,000 since hostilities began in October 2023"). The extractor keeps
the words (`era_text`); `tolltrace.analysis.dating` decides, against the event start,
whether they put the claim in another period.

An era in a comparison does not date the claim before it: in "the attack killed 40, the
deadliest since 2019", 2019 is the earlier attack's year, not this toll's.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import NamedTuple

from tolltrace.timeref import MONTHS


class Era(NamedTuple):
    """One year-level time expression.

    `year`/`month`/`day`: the calendar point it names (month and day 0 when not given);
    `year` is 0 for a relative era, which counts `years_back` from the publication year
    ("last year": 1, "a decade ago": 10, "over the past 13 years": 13).
    """

    start: int
    end: int
    text: str
    year: int
    month: int
    day: int
    years_back: int


_MONTH = (
    r"(?-i:January|February|March|April|May|June|July|August|September|October|November|"
    r"December|Jan\.?|Feb\.?|Mar\.?|Apr\.?|Jun\.?|Jul\.?|Aug\.?|Sept?\.?|Oct\.?|Nov\.?|Dec\.?)"
    r"(?![a-z])"
)
# A four-digit number before one of these is a count, unless a preposition or month
# makes it a year ("in 2018 were" but "2000 were killed", "the 2000 people").
_COUNT_AFTER_RE = re.compile(
    r"\s+(?:people|persons|civilians|soldiers|fighters|troops|men|women|children|dead|deaths|"
    r"bodies|victims|others|more|of|were|are|have|had|was)\b",
    re.IGNORECASE,
)
_SMALL = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "a few": 2, "several": 2,
}  # fmt: skip
_N = r"(?P<{}>\d{{1,2}}|an?|one|two|three|four|five|six|seven|eight|nine|ten|a\s+few|several)"

ERA_RE = re.compile(
    rf"""(?xi)
    (?P<abs>
      (?P<prep>\b(?:in|since|during)\s+
        (?:(?:early|late|mid)[\s-]+|the\s+(?:start|end|beginning|middle)\s+of\s+)?)?
      (?P<det>\b(?:the|a|an)\s+)?
      (?:(?P<d1>\d{{1,2}})\s+(?P<m1>{_MONTH})\s+
        |(?P<m2>{_MONTH})\s+(?:(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?,?\s+)?)?
      (?<![\d,.])(?P<year>(?:19|20)\d\d)(?![\d%])(?![.,]\d)
      (?P<poss>[’']s\b)?
      (?!\s*(?:percent|per\s+cent)\b)
      (?(det)\s+(?P<noun>[a-z]+))
    )
  | (?P<last>\blast\s+year\b)
  | (?P<ago>\b{_N.format("n1")}\s+(?P<u1>years?|decades?)\s+ago\b)
  | (?P<past>\b(?:in|over|during|for)\s+the\s+(?:past|last|previous)\s+
        (?:{_N.format("n2")}\s+)?(?P<u2>years?|decades?)\b)
    """
)
# Every era contains one of these: a cheap test that skips most sentences.
_HINT_RE = re.compile(r"(?:19|20)\d\d|[Yy]ear|[Dd]ecade")
# A comparison whose era says when the compared thing happened, not when the toll did.
COMPARISON_RE = re.compile(
    r"(?i)\b(?:deadliest|worst|bloodiest|largest|biggest|heaviest|highest|first|most\s+(?:deadly|lethal|violent|serious))"
    r"\b[^.;:]{0,80}?\b(?:since|in)\b"
)


def _count(word: str | None) -> int:
    if not word:
        return 1
    word = " ".join(word.lower().split())
    return int(word) if word.isdigit() else _SMALL[word]


def _era(m: re.Match[str]) -> Era | None:
    text = m.group(0)
    if m.group("abs"):
        dated = m.group("prep") or m.group("m1") or m.group("m2")
        # Without a preposition or a month, a four-digit number may be a count.
        if not dated and (
            _COUNT_AFTER_RE.match(" " + (m.group("noun") or ""))
            if m.group("det")
            else not m.group("poss") or _COUNT_AFTER_RE.match(m.string, m.end())
        ):
            return None
        month_word = (m.group("m1") or m.group("m2") or "").lower().rstrip(".")
        day = int(m.group("d1") or m.group("d2") or 0)
        month, day = MONTHS.get(month_word, 0), (day if 1 <= day <= 31 else 0)
        return Era(m.start(), m.end(), text, int(m.group("year")), month, day, 0)
    if m.group("last"):
        return Era(m.start(), m.end(), text, 0, 0, 0, 1)
    n, unit = (m.group("n1"), m.group("u1")) if m.group("ago") else (m.group("n2"), m.group("u2"))
    per = 10 if unit.lower().startswith("decade") else 1
    return Era(m.start(), m.end(), text, 0, 0, 0, _count(n) * per)


def find_eras(text: str, start: int = 0, end: int | None = None) -> list[Era]:
    """Every era in text[start:end], in order, with offsets into `text`."""
    stop = len(text) if end is None else end
    if not _HINT_RE.search(text, start, stop):
        return []
    found = []
    for m in ERA_RE.finditer(text, start, stop):
        era = _era(m)
        if era is not None:
            found.append(era)
    return found


def claim_eras(text: str, sentence_start: int, sentence_end: int, at: int) -> list[Era]:
    """The eras of the sentence that date a number standing at offset `at`.

    All of the sentence's eras, except those after a comparison ("the deadliest since")
    that itself comes after the number.
    """
    eras = find_eras(text, sentence_start, sentence_end)
    if not eras:
        return eras
    marks = [m.start() for m in COMPARISON_RE.finditer(text, sentence_start, sentence_end)]
    return [e for e in eras if not any(at < mark <= e.start for mark in marks)]


def era_point(era: Era, published_year: int | None) -> tuple[int, int, int] | None:
    """(year, month, day) the era names, month and day 0 when not given; a relative era
    counts back from `published_year` (None when that is unknown)."""
    if era.year:
        return (era.year, era.month, era.day)
    if published_year is None:
        return None
    return (published_year - era.years_back, 0, 0)


def before(point: tuple[int, int, int], reference: dt.date) -> bool:
    """Whether `point` lies wholly before `reference`, compared at the point's own
    precision (a year is before the event only if the whole year is)."""
    year, month, day = point
    if not month:
        return year < reference.year
    if not day:
        return (year, month) < (reference.year, reference.month)
    return (year, month, day) < (reference.year, reference.month, reference.day)
