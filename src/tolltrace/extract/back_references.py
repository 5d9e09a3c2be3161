"""Tolls stated by referring back to the one before: "That number has since risen to 45",
"Police put the number at 119", "The final figures now stand at 288".

Such a sentence names no casualty of its own: its noun ("that number", "the figure") or its
"it" stands for the count of the sentence before, whose outcome it takes. Only the number
right after the frame is read so, and only when a toll was stated in one of the
BACK_REACH sentences before it; "the number of …" is an ordinary toll frame, not this.
"""

from __future__ import annotations

import re

from tolltrace.extract.numbers import NumberPhrase
from tolltrace.extract.sentences import Sentence
from tolltrace.model import Claim

# The toll may stand this many sentences back ("… 157 bodies. Among them … That number
# has now risen to 229").
BACK_REACH = 2
# The frame is read back this far from the number.
FRAME_REACH = 120
_NOUN = (
    r"(?:that|this|the|its|their)\s+"
    r"(?:(?:final|new|latest|official|updated|revised|overall|confirmed)\s+)?"
    r"(?:number|figure|figures|count|tally|toll|total)(?!\s+of\b)"
)
_VERB = (
    r"(?:has|have|had)?\s*(?:since\s+|now\s+|also\s+|already\s+)?"
    r"(?:risen|rose|climbed|jumped|increased|grown|grew|reached|stands|stood|stand|hit|"
    r"is|was|are|were)"
)
# "That number has now risen to", "The final figures now stand at", "put the number
# Wednesday at", "put it at".
BACK_FRAME_RE = re.compile(
    rf"(?:\b{_NOUN}(?:\s+\w+){{0,2}}?\s+{_VERB}\s+(?:now\s+)?(?:to\s+|at\s+)?"
    r"|\bput\s+(?:it|them|that|" + _NOUN + r")\s+(?:\w+\s+){0,2}?at\s+)$",
    re.IGNORECASE,
)
# A cheap first test of a whole sentence.
_ANY_FRAME = r"\b(?:number|figures?|count|tally|toll|total|put)\b"
_ANY_FRAME_RE = re.compile(_ANY_FRAME)  # read in the lower-cased text
_ANY_FRAME_ANY_CASE_RE = re.compile(_ANY_FRAME, re.IGNORECASE)


def refers_back(text: str, low: str | None, sentence: Sentence) -> bool:
    """Whether the sentence may state a toll by referring back (see BACK_FRAME_RE); `low`
    is the text lower-cased with the same offsets, if the caller has it."""
    if low is None:
        return _ANY_FRAME_ANY_CASE_RE.search(text, sentence.start, sentence.end) is not None
    return _ANY_FRAME_RE.search(low, sentence.start, sentence.end) is not None


def back_outcome(
    text: str,
    sentences: list[Sentence],
    sentence: Sentence,
    phrase: NumberPhrase,
    earlier: list[Claim],
) -> str | None:
    """The outcome of the toll `phrase` states by referring back, or None when no frame
    stands right before it or no toll was stated in the sentences just before."""
    frame_from = max(sentence.start, phrase.start - FRAME_REACH)
    if not earlier or BACK_FRAME_RE.search(text, frame_from, phrase.start) is None:
        return None
    before = {s.start for s in sentences[max(0, sentence.index - BACK_REACH) : sentence.index]}
    stated = [c for c in earlier if c.sentence_start in before]
    if not stated:
        return None
    totals = [c for c in stated if not c.part_of and not c.is_previous]
    return (totals or stated)[-1].outcome
