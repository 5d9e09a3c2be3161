"""Years and past periods a sentence names ("in 2022", "since April 2023", "last year").

Breaking news dates its own toll by days ("on Saturday", "March 8"). A sentence that
names a year, a month or a stretch of years is often giving background: the toll of an
earlier disaster ("In 2015, a similar heatwave killed 1,200") or of a whole war ("killed
more than 4,000 since hostilities began in October 2023"). The extractor keeps the words
(`era_text`) of the eras that belong to each number; `tolltrace.analysis.dating` decides,
against the event start, whether they put the claim in another period.

Which number an era belongs to (`assign_eras`), within one sentence:

- not to any number when it is what a comparison compares with ("the deadliest since
  2019", "the strongest storm to hit the region since 2013"), unless the number stands
  inside the comparison, before the era ("the deadliest since a tremor killed 1,000
  people in 2022");
- to every number of its own clause (clauses are split at commas, semicolons, colons,
  brackets and dashes);
- not to any number outside its clause when the clause is an aside about someone or
  something else ("Assad, who was ousted in December 2024, …", "The group, founded in
  2006, said …"), unless the aside says when the killing began ("The war, which began in
  April 2023, has killed …");
- otherwise to the numbers of the nearest clause that has any ("In 2015, a heatwave
  killed 1,200", "More than 200 people, most of them police, were killed … last year").

Four-digit numbers are years only when a preposition, a month or an event noun makes
them so ("in 2018", "March 2025", "the 2004 tsunami", "2024's"), and never when a plural
noun follows ("the 2000 homes", "in 2015 patients").
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from typing import NamedTuple

from tolltrace.scanning import matches_at
from tolltrace.timeref import MONTHS


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


_MONTH = (
    r"(?-i:January|February|March|April|May|June|July|August|September|October|November|"
    r"December|Jan\.?|Feb\.?|Mar\.?|Apr\.?|Jun\.?|Jul\.?|Aug\.?|Sept?\.?|Oct\.?|Nov\.?|Dec\.?)"
    r"(?![a-z])"
)
# A month name spelled out (a bare abbreviation such as "Mar" is too often something else).
_FULL_MONTH = (
    r"(?-i:January|February|March|April|May|June|July|August|September|October|November|"
    r"December)\b"
)
_YEAR = r"(?<![\d,.])(?:19|20)\d\d(?![\d%])(?![.,]\d)"
# Nouns naming an event or period: "the 2004 tsunami", "Türkiye's 2023 earthquakes".
_EVENT_NOUN = (
    r"(?:earthquakes?|quakes?|tremors?|tsunamis?|floods?|flooding|storms?|hurricanes?|"
    r"cyclones?|typhoons?|droughts?|famines?|heatwaves?|heat\s+waves?|landslides?|fires?|"
    r"wildfires?|eruptions?|epidemics?|pandemics?|outbreaks?|wars?|conflicts?|fighting|"
    r"violence|clashes|massacres?|attacks?|bombings?|strikes?|airstrikes?|shootings?|"
    r"uprising|revolution|invasion|offensive|crackdown|coup|riots?|protests?|collapse|"
    r"disaster|crisis|insurgency|siege|genocide|elections?|stampedes?|crush|sinking|"
    r"shipwrecks?|crash|derailment|explosions?|blasts?|tragedy|accident|raids?|ambush|"
    r"assaults?|killings|murders|executions|mudslides?|avalanches?)\b"
)
_NOUN_BEFORE_RE = re.compile(rf"(?i)\b{_EVENT_NOUN}\s+$")
_N = r"(?P<{}>\d{{1,2}}|an?|one|two|three|four|five|six|seven|eight|nine|ten|a\s+few|several)"
_SMALL = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "a few": 2, "several": 2,
}  # fmt: skip

ERA_RE = re.compile(
    rf"""(?xi)
      (?P<range>\b(?:between\s+(?P<ry>{_YEAR})\s+and|from\s+(?P<ry2>{_YEAR})\s+(?:to|until|through))
        \s+{_YEAR})
    | (?P<prep>\b(?:in|since|during)\s+
        (?:(?:early|late|mid)[\s-]+|the\s+(?:start|end|beginning|middle)\s+of\s+)?
        (?:(?:the|a|an)\s+)?
        (?:(?P<d1>\d{{1,2}})\s+(?P<m1>{_MONTH})\s+
          |(?P<m2>{_MONTH})\s+(?:(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?,?\s+)?)?
        (?P<y1>{_YEAR}))
    | (?P<dated>(?:(?P<d3>\d{{1,2}})\s+(?P<m3>{_MONTH})\s+
          |(?P<m4>{_MONTH})\s+(?:(?P<d4>\d{{1,2}})(?:st|nd|rd|th)?,?\s+)?)
        (?P<y2>{_YEAR}))
    | (?P<event>(?:\b(?:the|a|an)\s+)?(?P<y3>{_YEAR})\s+{_EVENT_NOUN})
    | (?P<det>\b(?:the|a|an)\s+(?P<y6>{_YEAR})\s+(?-i:[A-Z][a-z]+)\b)
    | (?P<of>\bof\s+(?P<y4>{_YEAR}))
    | (?P<poss>(?P<y5>{_YEAR})[’']s\b)
    | (?P<month>\b(?:in|since|during|until|last)\s+(?:(?:early|late|mid)[\s-]+)?
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
    rf"""(?xi)['’]?s?\s+(?!{_EVENT_NOUN})
    (?!(?:was|has|is|its|this|his|thus|plus|across|unless|always|perhaps|whereas|towards|
        afterwards|besides|news|as|us)\b)
    (?-i:[a-z]+s|wounded|injured|dead|missing|displaced|people|men|women|children)\b
    """
)
# Every era contains one of these (found in the lower-cased text; a month only counts with
# its capital), or a four-digit run starting 19 or 20: the extractor finds them in its one
# pass over the article and skips sentences without any.
ERA_LOWER_WORDS = frozenset({"year", "decade", "month"})
ERA_ANCHOR_WORDS = (
    *sorted(ERA_LOWER_WORDS), "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep",
    "oct", "nov", "dec",
)  # fmt: skip
# The same test for one stretch of text.
_HINT_RE = re.compile(
    r"(?:19|20)\d\d|[Yy]ear|[Dd]ecade|[Mm]onth|January|February|March|April|May|June|July|"
    r"August|September|October|November|December"
)
# A comparison, up to the next clause break or 100 characters: an era inside it is what the
# toll is compared with. A comma between digits ("1,000") or a decimal point is no break.
COMPARISON_RE = re.compile(
    r"(?i)\b(?:deadliest|worst|bloodiest|largest|biggest|heaviest|highest|strongest|"
    r"fiercest|greatest|costliest|first|most|not\s+seen)\b(?:[^.;:,]|(?<=\d)[.,](?=\d)){0,100}"
)
_BREAK_RE = re.compile(r"[;:()\[\]—–]|\s-\s|,(?!\d)|(?<!\d),")
_ASIDE_RE = re.compile(
    r"(?i)(?:(?:[a-z]+\s+)?of\s+(?=whom|which))?(?:who|whom|whose|which|where|that|[a-z]+ed|"
    r"built|set\s+up|known|held|led|run|won|lost|born|made|in\s+(?:office|power|charge))\b"
)
# A clause that describes what the one before it names ("…, when 23 people were killed"),
# or goes on naming it ("Hamas' Oct. 7, 2023, attack on southern Israel killed …").
_DESCRIBES_RE = re.compile(rf"(?i)(?:(?:in|during)\s+)?(?:which|when|where|whom)\b|{_EVENT_NOUN}")
_ONSET = r"(?:began|begun|started|erupted|broke\s+out|struck|hit|swept|ravaged)\b"
# An aside that says when the killing began: "The war, which began in April 2023, has …".
_ONSET_ASIDE_RE = re.compile(rf"(?i)(?:which|that|who)\s+(?:[a-z]+\s+)?{_ONSET}")
# A clause that counts casualties or says when something deadly began.
_ABOUT_A_TOLL_RE = re.compile(
    rf"(?i)\b(?:kill\w*|died|dead|deaths?|injur\w*|wounded|missing|{_ONSET})"
)
# A sentence's opening clause that sets its time: "Since the start of the invasion in …,".
_OPENING_RE = re.compile(r"(?i)(?:since|in|during|after|before|following|over|from|between)\b")
_CONTINUES_RE = re.compile(r"(?i)[a-z]+ing\b")


def is_year_like(text: str, at: int) -> bool:
    """Whether the digit run starting at `at` has four digits and starts with 19 or 20."""
    return (
        text.startswith(("19", "20"), at)
        and text[at + 2 : at + 4].isdigit()
        and not text[at + 4 : at + 5].isdigit()
    )


def _count(word: str | None) -> int:
    if not word:
        return 1
    word = " ".join(word.lower().split())
    return int(word) if word.isdigit() else _SMALL[word]


def _month(word: str | None) -> int:
    return MONTHS.get((word or "").lower().rstrip("."), 0)


def _era(m: re.Match[str]) -> Era | None:
    text, g = m.group(0), m.group
    at = (m.start(), m.end(), text)
    counted = g("range") or g("prep") or g("dated") or g("poss")
    if g("det") and _COUNT_AFTER_RE.match(m.string, m.start("y6") + 4):
        return None
    if counted and _COUNT_AFTER_RE.match(m.string, m.end()):
        return None
    if g("range"):
        return Era(*at, int(g("ry") or g("ry2")), 0, 0, 0, 0)
    if g("prep") or g("dated"):
        year = int(g("y1") or g("y2"))
        month = _month(g("m1") or g("m2") or g("m3") or g("m4"))
        day = int(g("d1") or g("d2") or g("d3") or g("d4") or 0)
        return Era(*at, year, month, day if month and 1 <= day <= 31 else 0, 0, 0)
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


_WORD_START_RE = re.compile(r"\b\w")
# An era starts at most this many characters before its anchor ("since the beginning of
# the 12 September 2024") and ends at most this many after it ("the 2004 earthquakes").
_LEAD, _REACH = 45, 45


def find_eras(
    text: str, start: int = 0, end: int | None = None, anchors: list[int] | None = None
) -> list[Era]:
    """Every era in text[start:end], in order, with offsets into `text`.

    `anchors`: the sorted era anchors of `text` (see ERA_ANCHOR_WORDS), when a caller has
    found them; the pattern then runs only around them (it is slow on long text).
    """
    stop = len(text) if end is None else end
    if anchors is None:
        windows = [(start, stop)] if _HINT_RE.search(text, start, stop) else []
    else:
        windows = _windows(text, anchors, start, stop)
    found = []
    for lo, hi in windows:
        # Every era starts at a word: one `match` per word is far cheaper than a scan.
        starts = [m.start() for m in _WORD_START_RE.finditer(text, lo, hi)]
        for m in matches_at(ERA_RE, text, starts, hi):
            era = _era(m)
            if era is not None:
                found.append(era)
    return found


def _windows(text: str, anchors: list[int], start: int, stop: int) -> list[tuple[int, int]]:
    """Merged stretches of text[start:stop] around the anchors inside it, each starting at
    the start of a word."""
    windows: list[list[int]] = []
    for at in anchors[bisect.bisect_left(anchors, start) : bisect.bisect_left(anchors, stop)]:
        lo, hi = max(start, at - _LEAD), min(stop, at + _REACH)
        while lo > start and text[lo - 1].isalnum():
            lo -= 1
        if windows and lo <= windows[-1][1]:
            windows[-1][1] = hi
        else:
            windows.append([lo, hi])
    return [(lo, hi) for lo, hi in windows]


def assign_eras(
    text: str,
    start: int,
    end: int,
    numbers: list[tuple[int, int]],
    anchors: list[int] | None = None,
) -> list[list[Era]]:
    """For each (start, end) span of `numbers` (claims of the sentence text[start:end], in
    text order), the eras that date it (rules in the module docstring). `anchors` as for
    find_eras."""
    out: list[list[Era]] = [[] for _ in numbers]
    eras = [
        e
        for e in find_eras(text, start, end, anchors)
        if not any(a < e.end and e.start < b for a, b in numbers)
    ]
    if not eras or not numbers:
        return out
    breaks = [
        m.start() for m in _BREAK_RE.finditer(text, start, end)
        if not any(e.start <= m.start() < e.end for e in eras)
    ]  # fmt: skip
    bounds = [start, *breaks, end]
    clause_of = [bisect.bisect_right(breaks, a) for a, _ in numbers]
    marks = [(m.start(), m.end()) for m in COMPARISON_RE.finditer(text, start, end)]
    for era in eras:
        own = bisect.bisect_right(breaks, era.start)
        compared = [(a, b) for a, b in marks if a < era.start < b]
        if compared:
            mark = compared[0][0]
            targets = [i for i, (a, _) in enumerate(numbers) if mark < a < era.start]
        else:
            targets = _clause_targets(text, era, own, bounds, clause_of)
        # "... since 2019, when 23 people were killed": a clause describing the era's event
        # (and the "-ing" clauses continuing it) counts that event's toll.
        for index in _described(text, own, bounds):
            targets += [i for i, c in enumerate(clause_of) if c == index and i not in targets]
        for i in targets:
            out[i].append(era)
    return out


def _clause(text: str, bounds: list[int], index: int) -> str:
    """The text of clause `index`, without the break that opens it."""
    return text[bounds[index] : bounds[index + 1]].lstrip(" ,;:()[]—–-")


def _described(text: str, own: int, bounds: list[int]) -> list[int]:
    """The clauses after clause `own` that describe what it names: one opening "when",
    "which", "in which"… or an event noun, and the "-ing" clauses that continue it."""
    last = len(bounds) - 2
    if own >= last or not _DESCRIBES_RE.match(_clause(text, bounds, own + 1)):
        return []
    found = [own + 1]
    while found[-1] < last and _CONTINUES_RE.match(_clause(text, bounds, found[-1] + 1)):
        found.append(found[-1] + 1)
    return found


def _clause_targets(
    text: str, era: Era, own: int, bounds: list[int], clause_of: list[int]
) -> list[int]:
    """The numbers an era outside any comparison dates: those of its own clause; else, when
    its clause is about a toll or sets the time of the sentence (not an aside about someone
    or something else), those of the nearest clause that has numbers."""
    same = [i for i, c in enumerate(clause_of) if c == own]
    if same:
        return same
    clause = _clause(text, bounds, own)
    if _ASIDE_RE.match(clause):
        if not _ONSET_ASIDE_RE.match(clause):
            return []
    elif not (
        clause.startswith(era.text)
        or (own == 0 and _OPENING_RE.match(clause))
        or _ABOUT_A_TOLL_RE.search(clause)
    ):
        return []
    nearest = min(set(clause_of), key=lambda c: (abs(c - own), c))
    return [i for i, c in enumerate(clause_of) if c == nearest]


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


def before(point: tuple[int, int, int], reference: dt.date) -> bool:
    """Whether `point` lies wholly before `reference`, compared at the point's own
    precision (a year is before the event only if the whole year is)."""
    year, month, day = point
    if not month:
        return year < reference.year
    if not day:
        return (year, month) < (reference.year, reference.month)
    return (year, month, day) < (reference.year, reference.month, reference.day)
