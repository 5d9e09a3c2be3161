"""Fast scanning: run an expensive pattern only in windows around cheap anchors.

The full number and time patterns try dozens of case-insensitive alternatives at every
character, which costs tens of times more than a plain digit scan. Every match of them
contains an anchor (a digit, a number word, a weekday...) that a simple case-sensitive
pattern finds quickly in a lower-cased copy of the text, so the full pattern only needs
to run near the anchors.
"""

from __future__ import annotations

import re
from collections.abc import Iterator


def lowered(text: str) -> str | None:
    """`text.lower()` when it keeps every offset (same length), else None."""
    low = text.lower()
    return low if len(low) == len(text) else None


def windowed_finditer(
    pattern: re.Pattern[str],
    anchors: re.Pattern[str],
    text: str,
    start: int = 0,
    end: int | None = None,
    *,
    before: int = 40,
    after: int = 60,
    low: str | None = None,
    case_sensitive_anchors: bool = False,
) -> Iterator[re.Match[str]]:
    """Matches of `pattern` in text[start:end], searching only near matches of `anchors`.

    `anchors` runs on `low` (a lower-cased copy of `text` with the same offsets; computed
    when not given) and must be written in lower case, or on `text` itself when
    `case_sensitive_anchors` is set. The result equals
    `pattern.finditer(text, start, end)` provided every match of `pattern` contains an
    anchor, starts at most `before` characters before it and ends at most `after`
    characters after the anchor's start.
    """
    stop = len(text) if end is None else end
    if case_sensitive_anchors:
        low = text
    elif low is None:
        low = lowered(text)
    if low is None:  # lower-casing changed the length: scan the plain way
        yield from pattern.finditer(text, start, stop)
        return
    windows: list[list[int]] = []
    for a in anchors.finditer(low, start, stop):
        lo = max(start, a.start() - before)
        hi = min(stop, a.start() + after)
        if windows and lo <= windows[-1][1]:
            windows[-1][1] = max(windows[-1][1], hi)
        else:
            windows.append([lo, hi])
    last_end = start
    for lo, hi in windows:
        for m in pattern.finditer(text, max(lo, last_end), hi):
            if m.end() == hi < stop:
                # The window may have cut the match short: match again without the cut.
                m = pattern.match(text, m.start(), stop) or m
            if m.start() < last_end:
                continue
            last_end = m.end()
            yield m
