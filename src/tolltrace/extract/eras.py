"""Years, months and past periods in text ("in 2022", "since April 2023", "last year").

Breaking news dates its own toll by days ("on Saturday", "March 8"). A sentence that
names a year, a month or a stretch of years is often giving background: the toll of an
earlier disaster ("In 2015, a similar heatwave killed 1,200") or of a whole war ("killed
more than 4,000 since hostilities began in October 2023"). This module finds such eras
and places them in time; `tolltrace.extract.era_clauses` decides which number each one dates, and
`tolltrace.analysis.dating` whether that puts the claim in another period.

A four-digit number is a year only when something makes it one: a preposition ("in
2018", "In the 1990s"), a month ("March 2025"), an event noun ("the 2004 tsunami", "the
earthquake of 1999"), a capitalised name after "the" ("the 2013 Rana Plaza collapse") or
a possessive ("2024's"); and not when a plural noun follows a preposition mid-sentence
("confirmed in 2015 patients") or a count word comes before it ("carried out 2000
strikes").
"""

from __future__ import annotations

import bisect
import calendar
import datetime as dt
import re
from typing import NamedTuple

from tolltrace.extract import lexicon
from tolltrace.extract._fastscan.scanning import lead_windows, matches_at
from tolltrace.extract.timeref import MONTH_PATTERN, MONTHS


class Era(NamedTuple):
    """One year- or month-level time expression.

    `year`/`month`/`day`: the calendar point it names (0 where not given). A month without
    a year (`year` 0, "in January") is its latest occurrence up to the article's date.
    `years_back`/`months_back` count back from the article's date ("last year": 1 year,
    "a decade ago": 10, "last month": 1 month).
    """

    start: int
    end: int
    text: str
    year: int
    month: int
    day: int
    years_back: int
    months_back: int


# A month with no day or year is only read spelled out, with its capital ("in March", not
# "in Mar" or "in march"); with a day or year, timeref's MONTH_PATTERN (abbreviations too).
_FULL_MONTH = (
    "(?-i:"
    + "|".join(
        w for m in lexicon.months() for w in (m.name, *m.abbreviations) if len(w) > 3 or w == m.name
    )
    + r")\b"
)
_YEAR = r"(?<![\d,.])(?:19|20)\d\d(?![\d%])(?![.,]\d)"
# Nouns naming an event or period: "the 2004 tsunami", "Türkiye's 2023 earthquakes".
EVENT_NOUN = "(?:" + lexicon.alternation(lexicon.event_nouns()) + r")\b"
# How many years or months back: "two years ago", "in the past decade", "a few months ago".
_SMALL = {
    "a": 1, "an": 1,
    **{w: v for w, v in lexicon.number_words()["unit"].items() if 1 <= v <= 10},
    "a few": 2, "several": 2,
}  # fmt: skip
_N = r"(?P<{}>\d{{1,2}}|an?|" + "|".join(lexicon.small_number_words(1, 10)) + r"|a\s+few|several)"

ERA_RE = re.compile(
    rf"""(?xi)
      (?P<range>\b(?:between\s+(?P<ry>{_YEAR})\s+and|from\s+(?P<ry2>{_YEAR})\s+(?:to|until|through))
        \s+{_YEAR})
    | (?P<prep>\b(?:in|since|during)\s+
        (?:(?:early|late|mid)[\s-]+|the\s+(?:start|end|beginning|middle)\s+of\s+)?
        (?:(?:the|a|an)\s+)?
        (?:(?P<d1>\d{{1,2}})\s+(?P<m1>{MONTH_PATTERN})\s+
          |(?P<m2>{MONTH_PATTERN})\s+(?:(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?,?\s+)?)?
        (?P<y1>{_YEAR})(?:s\b)?)
    | (?P<dated>(?:(?P<d3>\d{{1,2}})\s+(?P<m3>{MONTH_PATTERN})\s+
          |(?P<m4>{MONTH_PATTERN})\s+(?:(?P<d4>\d{{1,2}})(?:st|nd|rd|th)?,?\s+)?)
        (?P<y2>{_YEAR}))
    | (?P<event>(?:\b(?:the|a|an)\s+)?(?P<y3>{_YEAR})\s+{EVENT_NOUN})
    | (?P<det>\b(?:the|a|an)\s+(?P<y6>{_YEAR})\s+(?-i:[A-Z][a-z]+)\b)
    | (?P<of>\bof\s+(?P<y4>{_YEAR}))
    | (?P<poss>(?P<y5>{_YEAR})[’']s\b)
    | (?P<month>\b(?:in|since|during|last)\s+(?:(?:early|late|mid)[\s-]+)?
        (?P<m5>{_FULL_MONTH})(?!\s*\d))
    | (?P<last>\blast\s+(?P<lu>year|month)\b)
    | (?P<ago>\b{_N.format("n1")}\s+(?P<u1>years?|decades?|months?)\s+ago\b)
    | (?P<past>\b(?:in|over|during|for)\s+the\s+(?:past|last|previous)\s+
        (?:{_N.format("n2")}\s+)?(?P<u2>years?|decades?)\b)
    | (?P<earlier>\b(?:a|one)\s+year\s+(?:earlier|before)\b|\bthe\s+(?:previous|preceding)\s+year\b)
    """
)
# After a year, a plural noun or a noun-like participle makes the number a count: "the
# 2000 homes", "in 2015 patients", "2000 wounded" (not "in 2018 floods", "since 2011 has").
_COUNT_AFTER_RE = re.compile(
    rf"""(?xi)['’]?s?\s+(?!{EVENT_NOUN})
    (?!(?:was|has|is|its|this|his|thus|plus|across|unless|always|perhaps|whereas|towards|
        afterwards|besides|news|as|us)\b)
    (?-i:[a-z]+s|wounded|injured|dead|missing|displaced|people|men|women|children)\b
    """
)
# Before a number, words that make it a count: "carried out 2000 strikes".
_COUNT_BEFORE_RE = re.compile(
    r"(?i)\b(?:out|conducted|launched|recorded|reported|registered|over|about|around|nearly|"
    r"some|than|least|most|of|with|by|and)\s+$"
)
_NOUN_BEFORE_RE = re.compile(rf"(?i)\b{EVENT_NOUN}\s+$")
_FUTURE_BEFORE_RE = re.compile(
    r"(?i)\b(?:due|scheduled|expected|planned|slated|set|next|until|by|will|ahead\s+of|"
    r"run-up\s+to)\b[^.,;:]{0,25}$"
)

# Every era contains one of these (found in the lower-cased text; a month only counts with
# its capital), or a four-digit run starting 19 or 20: the extractor finds them in its one
# pass over the article and skips sentences without any.
ERA_LOWER_WORDS = frozenset({"year", "decade", "month"})
ERA_ANCHOR_WORDS = (
    *sorted(ERA_LOWER_WORDS), "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep",
    "oct", "nov", "dec",
)  # fmt: skip
# The same test on one stretch of text, for callers without the anchors.
_HINT_RE = re.compile("(?i:" + "|".join(ERA_ANCHOR_WORDS) + r")|(?:19|20)\d\d")
_WORD_START_RE = re.compile(r"\b\w")
# An era starts at most this many characters before its anchor ("since the beginning of
# the 12 September 2024").
_LEAD = 45


def is_year_like(text: str, at: int) -> bool:
    """Whether the digit run starting at `at` has four digits and starts with 19 or 20."""
    return (
        text.startswith(("19", "20"), at)
        and text[at + 2 : at + 4].isdigit()
        and not text[at + 4 : at + 5].isdigit()
    )


def find_eras(
    text: str, start: int = 0, end: int | None = None, anchors: list[int] | None = None
) -> list[Era]:
    """Every era in text[start:end], in order, with offsets into `text`.

    `anchors`: the sorted era anchors of `text` (see ERA_ANCHOR_WORDS), when a caller has
    found them. The pattern is tried only at the starts of words (it is slow as a scan),
    and with anchors only at those at most _LEAD characters before one.
    """
    stop = len(text) if end is None else end
    if anchors is None:
        windows = [(start, stop)] if _HINT_RE.search(text, start, stop) else []
    else:
        inside = anchors[bisect.bisect_left(anchors, start) : bisect.bisect_left(anchors, stop)]
        windows = [(lo, hi + 1) for lo, hi in lead_windows(inside, _LEAD, start)]
    starts: list[int] = []
    for lo, hi in windows:
        while lo > start and text[lo - 1].isalnum():
            lo -= 1
        starts.extend(m.start() for m in _WORD_START_RE.finditer(text, lo, hi))
    found = []
    for m in matches_at(ERA_RE, text, sorted(set(starts)), stop):
        era = _era(m)
        if era is not None:
            found.append(era)
    return found


def _count(word: str | None) -> int:
    if not word:
        return 1
    word = " ".join(word.lower().split())
    return int(word) if word.isdigit() else _SMALL[word]


def _month(word: str | None) -> int:
    return MONTHS.get((word or "").lower().rstrip("."), 0)


def _is_count(m: re.Match[str], year_at: int) -> bool:
    """Whether the year of match `m` (at `year_at`) reads as a count of something."""
    after = _COUNT_AFTER_RE.match(m.string, year_at + 4)
    prep = m.group("prep") or ""
    if after and not prep[:1].isupper():  # "In 2019 militants killed": a year
        return True
    return _COUNT_BEFORE_RE.search(m.string, max(0, year_at - 12), year_at) is not None


def _era(m: re.Match[str]) -> Era | None:
    g = m.group
    at = (m.start(), m.end(), g(0))
    # A month makes a number a year; otherwise it may be a count.
    year = "y1" if g("y1") and not (g("m1") or g("m2")) else None
    year = year or next((y for y in ("y3", "y5", "y6", "ry", "ry2") if g(y)), None)
    if year is not None and _is_count(m, m.start(year)):
        return None
    if g("range"):
        return Era(*at, int(g("ry") or g("ry2")), 0, 0, 0, 0)
    if g("prep") or g("dated"):
        month = _month(g("m1") or g("m2") or g("m3") or g("m4"))
        day = int(g("d1") or g("d2") or g("d3") or g("d4") or 0)
        return Era(*at, int(g("y1") or g("y2")), month, day if month and day <= 31 else 0, 0, 0)
    if g("of"):  # "the earthquake of 1999", not "the deaths of 2000 people"
        noun = _NOUN_BEFORE_RE.search(m.string, max(0, m.start() - 20), m.start())
        if noun is None:
            return None
        return Era(
            noun.start(), m.end(), m.string[noun.start() : m.end()], int(g("y4")), 0, 0, 0, 0
        )
    if g("event") or g("poss") or g("det"):
        return Era(*at, int(g("y3") or g("y5") or g("y6")), 0, 0, 0, 0)
    if g("month"):
        # "elections due in April": a month ahead, not an era.
        if _FUTURE_BEFORE_RE.search(m.string, max(0, m.start() - 40), m.start()):
            return None
        return Era(*at, 0, _month(g("m5")), 0, 0, 0)
    if g("last"):
        return Era(*at, 0, 0, 0, *((1, 0) if g("lu").lower() == "year" else (0, 1)))
    if g("earlier"):
        return Era(*at, 0, 0, 0, 1, 0)
    n, unit = (g("n1"), g("u1")) if g("ago") else (g("n2"), g("u2"))
    unit = unit.lower()
    if unit.startswith("month"):
        return Era(*at, 0, 0, 0, 0, _count(n))
    return Era(*at, 0, 0, 0, _count(n) * (10 if unit.startswith("decade") else 1), 0)


def era_point(era: Era, now: dt.date | None) -> tuple[int, int, int] | None:
    """(year, month, day) the era names, month and day 0 when not given. A relative era,
    or a month without a year, is placed from `now` (the article's date); None when that
    is unknown."""
    if era.year:
        return (era.year, era.month, era.day)
    if now is None:
        return None
    if era.month:
        return (now.year if era.month <= now.month else now.year - 1, era.month, 0)
    if era.months_back:
        months = now.year * 12 + now.month - 1 - era.months_back
        return (months // 12, months % 12 + 1, 0)
    return (now.year - era.years_back, 0, 0)


def period_end(point: tuple[int, int, int]) -> dt.date:
    """The last day of the year, month or day a point names."""
    year, month, day = point
    if not month:
        return dt.date(year, 12, 31)
    if not day:
        return dt.date(year, month, calendar.monthrange(year, month)[1])
    return dt.date(year, month, min(day, calendar.monthrange(year, month)[1]))
