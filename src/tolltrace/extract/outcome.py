"""Whether a number counts casualties, which outcome, and which total it is part of.

One decision per form of sentence, tried in this order:

1. a part of the claim before it in the sentence ("…, including 35 children", "…, 32 of
   them minors"): the outcome its own verb or noun gives, else its total's;
2. a number coordinated with the claim before it ("killed 198 people there and more than
   670 in Malawi"): that claim's outcome;
3. otherwise its own words: a casualty noun ("47 bodies"), a person noun with a casualty
   word around it ("killed 5 soldiers", "12 civilians were wounded"), or a bare number
   with a state or toll frame ("30 were killed", "the death toll rose to 524").
"""

from __future__ import annotations

import re
from typing import NamedTuple

from tolltrace.extract import parts
from tolltrace.extract.context import NumberContext
from tolltrace.extract.cues import (
    IMMEDIATE_STATE_RE,
    NEGATIVE,
    TOLL_FRAME,
    adjacent_cue,
    cue_outcome,
    left_cue,
    right_cue,
)
from tolltrace.model import Claim

# The people whose bodies are counted are dead: "recovered the bodies of 12 miners".
_BODIES_OF_RE = re.compile(r"\b(?:bodies|remains|corpses)\s+of\s+$", re.IGNORECASE)


class Reading(NamedTuple):
    """A number read as a casualty count: its outcome and the claim id of its total."""

    outcome: str
    part_of: str


def read_outcome(ctx: NumberContext, previous: Claim | None, is_previous: bool) -> Reading | None:
    """The outcome and total of the number in `ctx`, or None when it counts no casualties.

    `previous` is the claim before it in its sentence; `is_previous` says the text gives
    the number as a superseded figure (which frames it as a toll)."""
    of_them = parts.of_them(ctx)
    is_part = parts.is_part(ctx)
    part_of = ""
    if previous is not None and (of_them is not None or is_part):
        outcome: str | None = _outcome_of_part(ctx, previous)
        if outcome == previous.outcome:
            part_of = previous.claim_id
    elif previous is not None and parts.is_coordinated(ctx, previous):
        outcome, part_of = previous.outcome, previous.part_of
    else:
        outcome = _own_outcome(ctx, is_previous, of_them)
    if outcome is None and of_them and of_them.group("dead"):
        outcome = "killed"  # "11 of the victims were women"
    if outcome is None or outcome == NEGATIVE:
        return None
    if not part_of and parts.is_subset_of_earlier(ctx, previous, of_them, is_part):
        part_of = parts.TOTAL_BEFORE  # found once the article's eras are known
    return Reading(outcome, part_of)


def _outcome_of_part(ctx: NumberContext, total: Claim) -> str:
    """ "including 35 children": its own verb ("… of whom 12 were wounded"), its noun
    ("four of the wounded"), else its total's outcome."""
    verb = IMMEDIATE_STATE_RE.match(ctx.text, ctx.noun.end, ctx.clause_end)
    if verb:
        return cue_outcome(verb.group("cue"))
    if ctx.noun.is_death_noun:
        return ctx.noun.outcome
    return total.outcome


def _own_outcome(
    ctx: NumberContext, is_previous: bool, of_them: re.Match[str] | None
) -> str | None:
    noun = ctx.noun
    if noun.is_death_noun:
        return noun.outcome  # "47 bodies"
    if noun.is_person:
        adjacent = adjacent_cue(ctx)
        if adjacent:
            return cue_outcome(adjacent.group("cue"))  # "killed 5 soldiers"
        outcome = right_cue(ctx) or left_cue(ctx)  # "12 civilians were wounded"
        if outcome is None and _BODIES_OF_RE.search(ctx.left):
            outcome = "killed"  # "recovered the bodies of 12 miners"
        return outcome
    verb = IMMEDIATE_STATE_RE.match(ctx.text, ctx.phrase.end, ctx.clause_end)
    if verb:
        return cue_outcome(verb.group("cue"))  # "30 were killed"
    adjacent = adjacent_cue(ctx)
    if adjacent:
        return cue_outcome(adjacent.group("cue"))  # "killing at least 12"
    if TOLL_FRAME.search(ctx.left, ctx.left_starts) or is_previous:
        return left_cue(ctx) or "killed"  # "the death toll rose to 524"
    if of_them:
        return right_cue(ctx)  # "12 of them with injuries"
    return None
