"""Lists of figures under a heading that names the casualty.

A page may break a toll down in a list of short lines under a heading that ends with a
colon ("Fatalities by province:" then "• Northland: 12", "- Hill County: 3"). The item
lines name no casualty themselves, so the sentence gate would skip them; here each item's
number counts the casualty its heading names, as a part of the toll told before the list
(claims.py reads no list that follows no toll of that outcome).
"""

from __future__ import annotations

import re

from tolltrace.extract.cues import CUE, NEGATIVE, mentions_casualties
from tolltrace.extract.sentences import Sentence

# One item: a name (capitalised words: a place), a colon or dash, and a number that ends
# the line ("Northland: 12", "Hill County – 3"; not "Homes destroyed: 340").
# Bullets are already cut from the sentence's start.
_ITEM_RE = re.compile(
    r"(?!Total\b|Overall\b)(?-i:[A-Z][\w’'.-]*(?:\s+(?:[A-Z][\w’'.-]*|of|and|the|de|del|la))*)"
    r"\s*[:–—]\s*\d[\d,]*\s*"
)
# A heading of such a list says it breaks a toll down: "Fatalities by province:", "Deaths by
# county:", "The agency's death breakdown is as follows:".
_BREAKDOWN_RE = re.compile(r"\bbreakdown\b|\bby\s+(?:the\s+)?[a-z]+\s*:", re.IGNORECASE)
# A list is walked back at most this many items to its heading.
MAX_ITEMS = 60


class HeadedLists:
    """The outcome each list item of one article counts (answers are cached, so a long list
    is walked once)."""

    def __init__(
        self,
        text: str,
        low: str | None,
        sentences: list[Sentence],
        hits: list[tuple[int, int]] | None,
        cues: list[int] | None,
    ) -> None:
        self.text, self.low, self.sentences = text, low, sentences
        self.hits, self.cues = hits, cues
        self._heading: dict[int, int | None] = {}  # item index -> heading index

    def outcome(self, sentence: Sentence) -> str | None:
        """The casualty the heading of the list `sentence` is an item of names, or None
        when it is no such item."""
        heading = self._heading_of(sentence.index)
        if heading is None:
            return None
        head = self.sentences[heading]
        words = self.text[head.start : head.end]
        outcomes = {m.lastgroup for m in CUE.finditer(words, self.cues, head.start)}
        if len(outcomes) != 1 or NEGATIVE in outcomes:
            return None  # "Deaths and injuries by county:", "rescued and killed": no one outcome
        return outcomes.pop()

    def _heading_of(self, index: int) -> int | None:
        if index in self._heading:
            return self._heading[index]
        s = self.sentences[index]
        found = None
        if _ITEM_RE.fullmatch(self.text, s.start, s.end) and index > 0:
            before = self.sentences[index - 1]
            if before.paragraph != s.paragraph:
                if _ITEM_RE.fullmatch(self.text, before.start, before.end):
                    found = self._walk_back(index)
                elif self._is_heading(before):
                    found = index - 1
        self._heading[index] = found
        return found

    def _walk_back(self, index: int) -> int | None:
        """The heading above the items before `index` (the nearest answer already known is
        reused)."""
        j = index - 1
        while j > 0 and index - j <= MAX_ITEMS:
            if j in self._heading:
                return self._heading[j]
            s, before = self.sentences[j], self.sentences[j - 1]
            if before.paragraph == s.paragraph:
                return None
            if not _ITEM_RE.fullmatch(self.text, before.start, before.end):
                return j - 1 if self._is_heading(before) else None
            j -= 1
        return None

    def _is_heading(self, s: Sentence) -> bool:
        return (
            self.text[s.end - 1] == ":"
            and _BREAKDOWN_RE.search(self.text, s.start, s.end) is not None
            and mentions_casualties(self.text, self.low, s, self.hits)
        )
