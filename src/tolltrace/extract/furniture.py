"""Page furniture copied along with an article: blocks of other stories' headlines.

A web page saved as text often keeps its "Related" or "Read more" block, whose headlines
carry other events' tolls ("Related: Floods kill 40 in …"). Numbers there are not the
article's. A block is recognised only where the text shows it (markers in
`lexicon/page_furniture.csv`):

- a line that starts with a marker and a colon or a bar carries one headline:
  "Read more: Storm kills 12 in …" (that line);
- a line that is only a marker ("Related stories") heads a block: the lines after it, up
  to the first blank line or FURNITURE_MAX_LINES lines, each no longer than
  HEADLINE_MAX_CHARS (longer lines are prose, and end the block).
"""

from __future__ import annotations

import re
from functools import cache

from tolltrace.extract import lexicon

FURNITURE_MAX_LINES = 8
HEADLINE_MAX_CHARS = 160


@cache
def _marker_re() -> re.Pattern[str]:
    markers = lexicon.alternation(r["marker"] for r in lexicon.rows("page_furniture.csv"))
    return re.compile(
        rf"^[ \t]*(?:{markers})[ \t]*(?:(?P<inline>[:|][ \t]*\S.*)|:?[ \t]*)$",
        re.IGNORECASE | re.MULTILINE,
    )


@cache
def _any_marker() -> re.Pattern[str]:
    """Any marker after a line break, in lower-cased text: an article without one has no
    block (the search jumps from line break to line break, so it is cheap)."""
    markers = sorted({r["marker"].lower() for r in lexicon.rows("page_furniture.csv")})
    return re.compile("\n[ \t]*(?:" + "|".join(re.escape(m) for m in markers) + ")")


def furniture_spans(text: str, low: str | None = None) -> list[tuple[int, int]]:
    """(start, end) of each block of other stories' headlines, in text order. `low` is
    the lower-cased text, when the caller has it."""
    low = text.lower() if low is None else low
    first_line = "\n" + low[:HEADLINE_MAX_CHARS]
    if not _any_marker().search(low) and not _any_marker().match(first_line):
        return []
    spans = []
    for m in _marker_re().finditer(text):
        if m.group("inline"):
            spans.append((m.start(), m.end()))
            continue
        end = m.end()
        pos = m.end() + 1
        for _ in range(FURNITURE_MAX_LINES):
            if pos >= len(text):
                break
            line_end = text.find("\n", pos)
            line_end = len(text) if line_end < 0 else line_end
            line = text[pos:line_end].strip()
            if not line or len(line) > HEADLINE_MAX_CHARS or line.endswith("."):
                break
            end = line_end
            pos = line_end + 1
        spans.append((m.start(), end))
    return spans


def in_spans(spans: list[tuple[int, int]], offset: int) -> bool:
    """True when `offset` lies in one of `spans`."""
    return any(start <= offset < end for start, end in spans)
