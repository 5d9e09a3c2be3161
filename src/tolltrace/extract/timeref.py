"""Time expressions in article text ("since Thursday", "on Saturday", "March 8").

Only finding them lives here; turning them into dates against an event start is the job
of `tolltrace.analysis.dating`.
"""

from __future__ import annotations

import bisect
import re
import sys
from collections.abc import Iterable
from typing import NamedTuple

from tolltrace.extract import lexicon
from tolltrace.extract._fastscan.scanning import (
    LiteralFinder,
    lead_windows,
    literal_positions,
    lowered,
    matches_at,
)

WEEKDAYS = lexicon.weekdays()
# Month names and abbreviations in lower case → month number.
MONTHS = lexicon.month_numbers()


class TimeExpr(NamedTuple):
    """One time expression found in text.

    kind: "since" (opens a period: "since Thursday"), "on" (a day: "on Saturday",
    "earlier on Saturday", "Friday night", "Saturday morning"), "span" (a stretch of days:
    "over the course of Friday and Saturday"; `day` is its last day), "date" (an explicit
    calendar date: "March 8", "8 March 2025"; `day` is ISO yyyy-mm-dd or --mm-dd without a
    year), "duration" ("within two days", "in the past 24 hours"), "relative" ("yesterday",
    "today", "overnight", "last week").
    day: lower-case weekday name for since/on/span, ISO-ish date for "date", "" otherwise.
    """

    start: int
    end: int
    text: str
    kind: str
    day: str


_WD = "(?:" + "|".join(day.capitalize() for day in WEEKDAYS) + ")"  # capitalised in prose
# Month names are matched case-sensitively: "may" and "march" are also ordinary words.
MONTH_PATTERN = (
    "(?-i:"
    + "|".join(
        [m.name for m in lexicon.months()]
        + [re.escape(a) + r"\.?" for a in lexicon.month_abbreviations()]
    )
    + ")(?![a-z])"
)
_PART = r"(?:\s+(?:morning|afternoon|evening|night))"


def _date_pattern(p: str) -> str:
    """A calendar-date pattern whose group names start with `p` (used twice in TIME_RE)."""
    return (
        rf"(?:(?<!\d)(?P<{p}d1>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<{p}m1>{MONTH_PATTERN})"
        rf"(?:,?\s+(?P<{p}y1>\d{{4}})(?!\d))?"
        rf"|(?P<{p}m2>{MONTH_PATTERN})\s+(?P<{p}d2>\d{{1,2}})(?!\d)(?:st|nd|rd|th)?"
        rf"(?:,?\s+(?P<{p}y2>\d{{4}})(?!\d))?"
        rf"|(?P<{p}iso>\d{{4}}-\d{{2}}-\d{{2}}))"
    )


# How many days or hours: "in the past 24 hours", "within two days", "forty-eight hours".
_SMALL = (
    "(?:"
    + "|".join((r"\d+", *lexicon.small_number_words(2, 10), "twenty-four", "forty-eight"))
    + ")"
)


def _cap(words: str) -> str:
    """A `|`-separated word list whose first letters may be upper or lower case.

    The time pattern is case-sensitive for speed (and because weekday and month names
    are capitalised); only a sentence-initial capital needs allowing for.
    """
    return "|".join(f"[{w[0].upper()}{w[0]}]{w[1:]}" for w in words.split("|"))


TIME_RE = re.compile(
    rf"""(?x)
    (?P<span>(?:(?:{_cap("over")}\s+the\s+course\s+of
        |{_cap("between|throughout|across|during")})\s+)?
        (?P<sp1>{_WD})\s+(?:and|to|through|until)\s+(?P<sp2>{_WD}){_PART}?)
  | (?P<since>(?:{_cap("since")})\s+(?:(?:last|early|late)\s+)?
        (?:(?P<sw>{_WD}){_PART}?|{_date_pattern("s")}))
  | (?P<on>(?:(?:{_cap("earlier|later|late|early")})\s+)?(?:(?:{_cap("on|by|from|last")})\s+)?
        (?P<ow>{_WD})(?:{_PART}|(?=[’']s\b))?)
  | (?P<date>(?:(?:{_cap("on")})\s+)?{_date_pattern("t")})
  | (?P<duration>(?:{_cap("within|in|over|during")})\s+(?:just\s+)?(?:the\s+)?
        (?:(?:past|last|first)\s+)?(?:{_SMALL}\s+)?(?:days?|hours?|weeks?))
  | (?P<relative>\b(?:{_cap("yesterday|today|tonight|overnight")}
        |(?:{_cap("last")})\s+night|(?:{_cap("this|last")})\s+week)\b)
    """
)


# Every time expression contains one of these: lower-case words (searched in a
# lower-cased copy), capitalised month abbreviations, or an ISO date's digits.
TIME_WORD_ANCHORS = ("day", "night", "week", "hour")
MONTH_ANCHORS = tuple(m.name[:3] for m in lexicon.months())
# ... and starts at most this many characters before one of them ("over the course of
# Friday": 19 characters before the weekday, which ends in its anchor)...
MAX_LEAD = 45
# ... with one of these words (first letter in either case, so searched in the lower-cased
# copy), a month name or a digit. Every alternative of TIME_RE begins so.
START_WORDS = (
    "over", "between", "throughout", "across", "during", *WEEKDAYS, "since", "earlier",
    "late", "early", "on", "by", "from", "last", "in", "within", "yesterday", "today",
    "tonight", "this",
)  # fmt: skip
_MONTH_WORDS = {m.lower(): m for m in MONTH_ANCHORS}
# The anchors as searched in the lower-cased text (month names are checked for case after).
ANCHOR_WORDS = (*TIME_WORD_ANCHORS, *_MONTH_WORDS)
_ANCHOR_FINDER = LiteralFinder(ANCHOR_WORDS)
_START_FINDER = LiteralFinder(START_WORDS)
ISO_DATE_RE = re.compile(r"\d{4}-\d\d-\d\d")
_DIGIT_RE = re.compile(r"\d+")


def find_time_expressions(
    text: str,
    start: int = 0,
    end: int | None = None,
    low: str | None = None,
    anchor_hits: list[tuple[int, str]] | None = None,
) -> list[TimeExpr]:
    """Every time expression in text[start:end], in order, with offsets into `text`.

    `low` is an optional lower-cased copy of `text` (see `scanning.lowered`);
    `anchor_hits`, the (offset, word) occurrences of ANCHOR_WORDS in it when a caller has
    already found them (the extractor finds every word list of an article in one pass).
    """
    stop = len(text) if end is None else end
    if low is None:
        low = lowered(text)
    if low is None:  # lower-casing changed offsets: scan the plain way
        matches: Iterable[re.Match[str]] = TIME_RE.finditer(text, start, stop)
    else:
        if anchor_hits is None:
            words = _ANCHOR_FINDER.words
            anchor_hits = [(at, words[w]) for at, w in _ANCHOR_FINDER.occurrences(low, start, stop)]
        starts = _candidate_starts(text, low, start, stop, anchor_hits)
        matches = matches_at(TIME_RE, text, starts, stop)
    found = []
    for m in matches:
        kind, day = _classify(m)
        found.append(TimeExpr(m.start(), m.end(), m.group(0), kind, day))
    return found


def _candidate_starts(
    text: str, low: str, start: int, stop: int, anchor_hits: list[tuple[int, str]]
) -> list[int]:
    """Sorted offsets where a time expression can start: a start word, a month name or a
    digit, at most MAX_LEAD characters before an anchor."""
    anchors: list[int] = []
    months: list[int] = []
    for at, word in anchor_hits:
        if at < start or at + len(word) > stop:
            continue
        if word not in _MONTH_WORDS:
            anchors.append(at)
        elif text.startswith(_MONTH_WORDS[word], at):
            anchors.append(at)
            months.append(at)
    anchors.extend(m.start() for m in iso_dates(text, start, stop))
    if not anchors:
        return []
    anchors.sort()
    windows = lead_windows(anchors, MAX_LEAD, start)
    candidates = [at for at in months if _inside(windows, at)]
    # Start words in one pass over the text, kept where they start inside a window.
    starts = _START_FINDER.occurrences(low, start, stop)
    k = 0
    for lo, hi in windows:
        while k < len(starts) and starts[k][0] < lo:
            k += 1
        while k < len(starts) and starts[k][0] <= hi:
            candidates.append(starts[k][0])
            k += 1
        for m in _DIGIT_RE.finditer(text, lo, hi + 1):
            candidates.extend(range(m.start(), m.end()))
    return sorted(set(candidates))


def iso_dates(text: str, start: int, stop: int) -> Iterable[re.Match[str]]:
    """What `ISO_DATE_RE.finditer(text, start, stop)` finds: every match has a hyphen four
    characters after its start, so the pattern is tried only there."""
    starts = [hyphen - 4 for hyphen in literal_positions(text, ("-",), start + 4, stop)]
    return matches_at(ISO_DATE_RE, text, starts, stop)


def _inside(windows: list[tuple[int, int]], at: int) -> bool:
    i = bisect.bisect_right(windows, (at, sys.maxsize)) - 1
    return i >= 0 and windows[i][0] <= at <= windows[i][1]


def _classify(m: re.Match[str]) -> tuple[str, str]:
    if m.group("span"):
        return "span", m.group("sp2").lower()
    if m.group("since"):
        if m.group("sw"):
            return "since", m.group("sw").lower()
        return "since", _date_value(m, "s")
    if m.group("on"):
        return "on", m.group("ow").lower()
    if m.group("date"):
        return "date", _date_value(m, "t")
    if m.group("duration"):
        return "duration", ""
    return "relative", ""


def _date_value(m: re.Match[str], p: str) -> str:
    if m.group(p + "iso"):
        return m.group(p + "iso")
    day = m.group(p + "d1") or m.group(p + "d2")
    month_word = (m.group(p + "m1") or m.group(p + "m2") or "").lower().rstrip(".")
    year = m.group(p + "y1") or m.group(p + "y2")
    if not day or month_word not in MONTHS:
        return ""
    month = MONTHS[month_word]
    if not 1 <= int(day) <= 31:
        return ""
    return f"{year}-{month:02d}-{int(day):02d}" if year else f"--{month:02d}-{int(day):02d}"


# --- when the event happened, not when a toll was counted ------------------------------

# "The quake struck … on Monday", "since the clashes began on Thursday": a day this close
# after an event verb (lexicon/event_verbs.csv), in the same sentence and with no number
# between, dates the event, not a report.
EVENT_VERB_REACH = 50
_SENTENCE_BREAK_RE = re.compile(r"[.!?]\s|\n|\d")


def _event_verb_re() -> re.Pattern[str]:
    verbs = lexicon.alternation(r["verb"] for r in lexicon.rows("event_verbs.csv"))
    return re.compile(rf"\b(?:{verbs})\b", re.IGNORECASE)


_EVENT_VERB_RE = _event_verb_re()
EVENT_TIME_KINDS = frozenset({"on", "date", "span"})


def is_event_time(text: str, t: TimeExpr) -> bool:
    """True when the day `t` names is when the event happened ("struck on Monday")."""
    if t.kind not in EVENT_TIME_KINDS:
        return False
    start = max(0, t.start - EVENT_VERB_REACH)
    left = text[start : t.start]
    last = None
    for last in _EVENT_VERB_RE.finditer(left):  # noqa: B007 - the last match is wanted
        pass
    return last is not None and not _SENTENCE_BREAK_RE.search(left, last.end())


def report_times(text: str, times: list[TimeExpr]) -> list[TimeExpr]:
    """`times` without the days that date the event itself (is_event_time)."""
    return [t for t in times if not is_event_time(text, t)]
