"""Tolls stated by referring back to the one before: "That number has since risen to 45",
"Police put the number at 119", "The final figures now stand at 288".

Such a sentence names no casualty of its own: its noun ("that number", "the figure") or its
"it" stands for the count of the sentence before, whose outcome it takes. Only the number
right after the frame is read so, and only when a toll was stated in one of the
BACK_REACH sentences before it with no other number between; "the number of …" is an
ordinary toll frame, not this.
"""

from __future__ import annotations

import math
import re

from tolltrace.extract.context import NumberContext
from tolltrace.extract.numbers import find_number_phrases
from tolltrace.extract.sentences import Sentence
from tolltrace.model import Claim

# The toll may stand this many sentences back ("… 157 bodies. Among them … That number
# has now risen to 229").
BACK_REACH = 2
# A previous figure is within this factor of the count it was replaced by.
PREVIOUS_RATIO = 2.0
# The frame is read back this far from the number.
FRAME_REACH = 120
_NOUN = (
    r"(?:that|this|the|its|their)\s+"
    r"(?:(?:final|new|latest|official|updated|revised|overall|confirmed)\s+)?"
    r"(?:number|figure|figures|count|tally|toll|total)(?!\s+of\b)"
)
# A change, or the count as it stands now: "has since risen to", "now stands at", "is".
# Not a past state ("The figure was 14 on Sunday", "stood at 4 earlier"): an earlier figure.
_VERB = (
    r"(?:has|have)?\s*(?:since\s+|now\s+|also\s+|already\s+)?"
    r"(?:risen|rose|climbed|jumped|increased|grown|grew|reached|stands|stand|is|are)"
)
# The figure it replaced, named so: "The previous figure had been 2,189" (is_previous:
# scope.PREVIOUS).
_PREVIOUS_NOUN = (
    r"(?:the|its|that)\s+(?:previous|earlier|prior|initial)\s+(?:death\s+)?"
    r"(?:number|figure|count|tally|toll|total|estimate)\s+(?:had\s+been|was|stood\s+at)"
)
# "That number has now risen to", "The final figures now stand at", "put the number
# Wednesday at", "put it at", "The previous figure had been".
BACK_FRAME_RE = re.compile(
    rf"(?:\b{_NOUN}\s+{_VERB}\s+(?:now\s+)?(?:to\s+|at\s+)?"
    rf"|\b(?P<previous>{_PREVIOUS_NOUN})\s+"
    r"|\bput\s+(?:it|them|that|" + _NOUN + r")\s+(?:\w+\s+){0,2}?at\s+)$",
    re.IGNORECASE,
)
# "That number was 12 more than …", "… is 300 higher than last week": a difference.
_COMPARED_AFTER_RE = re.compile(
    r"\s*(?:%|(?:more|fewer|less|higher|lower|times|percent|per\s+cent)\b)", re.IGNORECASE
)
# A cheap first test of a whole sentence.
_ANY_FRAME = r"\b(?:number|figures?|count|tally|toll|total|put)\b"
_ANY_FRAME_RE = re.compile(_ANY_FRAME)  # read in the lower-cased text
_ANY_FRAME_ANY_CASE_RE = re.compile(_ANY_FRAME, re.IGNORECASE)


def follows_a_toll(sentences: list[Sentence], sentence: Sentence, earlier: list[Claim]) -> bool:
    """Whether the article's last claim stands in one of the BACK_REACH sentences before
    `sentence`."""
    if not earlier:
        return False
    first = sentences[max(0, sentence.index - BACK_REACH)].start
    return first <= earlier[-1].sentence_start < sentence.start


def refers_back(text: str, low: str | None, sentence: Sentence) -> bool:
    """Whether the sentence may state a toll by referring back (see BACK_FRAME_RE); `low`
    is the text lower-cased with the same offsets, if the caller has it."""
    if low is None:
        return _ANY_FRAME_ANY_CASE_RE.search(text, sentence.start, sentence.end) is not None
    return _ANY_FRAME_RE.search(low, sentence.start, sentence.end) is not None


def back_outcome(ctx: NumberContext, sentences: list[Sentence], earlier: list[Claim]) -> str | None:
    """The outcome of the toll the number in `ctx` states by referring back, or None: a
    frame must stand right before it, the last count before it must be a toll of the
    BACK_REACH sentences before (no other number between: "More than 200 homes were
    destroyed. The figure has since risen to 340" refers to the homes), and the number
    must count people, not a difference ("12 more than") or a thing ("3 million dollars")."""
    sentence, phrase, text = ctx.sentence, ctx.phrase, ctx.text
    if not follows_a_toll(sentences, sentence, earlier) or _COMPARED_AFTER_RE.match(
        text, phrase.end
    ):
        return None
    if ctx.noun.words and not ctx.noun.is_person:
        return None
    frame_from = max(sentence.start, phrase.start - FRAME_REACH)
    frame = BACK_FRAME_RE.search(text, frame_from, phrase.start)
    if frame is None:
        return None
    if find_number_phrases(text, earlier[-1].char_end, frame.start()):
        return None  # another count stands between the toll and its reference
    if frame.group("previous") and phrase.low:
        # "… grown to 2,207, with 344 still missing. The previous figure had been 2,189":
        # the figure replaced is the count of that sentence nearest it in size.
        told = [c for c in earlier if c.sentence_start == earlier[-1].sentence_start and c.low]
        nearest = min(told, key=lambda c: abs(math.log(c.low / phrase.low)))
        if not 1 / PREVIOUS_RATIO <= phrase.low / nearest.low <= PREVIOUS_RATIO:
            return None  # "… 60 were dead. The previous figure had been 150,000": another count
        return nearest.outcome
    return earlier[-1].outcome
