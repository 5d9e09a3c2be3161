"""Time expressions in article text. (Being written; interface fixed.)"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class TimeExpr:
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


def find_time_expressions(text: str, start: int = 0, end: int | None = None) -> list[TimeExpr]:
    """Every time expression in text[start:end], in order, with offsets into `text`."""
    return []
