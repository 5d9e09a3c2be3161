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

from tolltrace.extract import lexicon, parts
from tolltrace.extract.context import NumberContext
from tolltrace.extract.cues import (
    CUE,
    IMMEDIATE_STATE_RE,
    LIVES_LOST_AFTER_RE,
    LIVES_VERB_BEFORE_RE,
    NEGATIVE,
    PEOPLE_VERB_BEFORE_RE,
    TOLL_FRAME,
    TOLL_FRAME_NEAR,
    adjacent_cue,
    cue_outcome,
    frame_outcome,
    left_cue,
    right_cue,
    toll_frame,
    two_outcomes_after,
)
from tolltrace.extract.not_counts import reports_the_missing
from tolltrace.extract.numbers import find_number_phrases
from tolltrace.extract.victims import is_person_word, read_noun_phrase
from tolltrace.model import Claim

_DEAD_WORDS_RE = re.compile(r"\b(?:victims|casualties|deceased|fatalities|bodies)\b", re.IGNORECASE)
# "The 26 victims include …": the victims whose parts a list then counts are the dead, as
# in "The victims included …" (_outcome_of_frame).
_INCLUDE_AFTER_RE = re.compile(r"\s+(?:also\s+)?includ(?:e|es|ed)\b", re.IGNORECASE)
_COUNT_WORDS_RE = re.compile(r"\b(?:number|count|figure|toll|tally)\b", re.IGNORECASE)
_AMONG_THEM_RE = re.compile(r"(?:among|of)\s+them\b", re.IGNORECASE)
# "77 lives", "24 more lives", "a further 10 lives", "12 innocent lives".
_LIVES_WORDS_RE = re.compile(r"(?:[a-z-]+\s+){0,2}lives$", re.IGNORECASE)
# "has claimed at least 77": the verb stands within this reach before "N lives".
_LIVES_VERB_REACH = 30
# A factbox's line that opens with its label: "People killed: 501", "Injured: 1,523".
_LABEL_LINE_RE = re.compile(
    r"\s*(?:(?:people|persons|civilians|total)\s+)?(?P<cue>killed|dead|injured|wounded|missing)"
    r"\s*:\s*",
    re.IGNORECASE,
)
# What may follow the figure of such a line: its end, a comma or the source ("People killed:
# 185, according to …"); not "Missing: 1 in 4 homes", "Injured: 12 police stations".
_LABEL_VALUE_END_RE = re.compile(r"[ \t]*(?:$|[,;.(\r\n])", re.MULTILINE)
# The toll named after its new figure: "raising to 64 the death toll from the collapse".
_RAISING_TO_BEFORE_RE = re.compile(r"\b(?:rais|bring|push|lift)\w*\s+to\s+$", re.IGNORECASE)
_RAISING_TO_REACH = 20
_TOLL_AFTER_RE = re.compile(
    r"\s+the\s+(?:overall\s+|total\s+|official\s+)?death\s+toll\b", re.IGNORECASE
)
# A verb of its own after a count's noun: the people counted are the subject of a clause.
_VERB_AFTER_RE = re.compile(
    r"\s+(?:had|have|has|were|was|are|is|would|will|could|might|may|can|did|do|does|who|that)\b",
    re.IGNORECASE,
)
# "confirmed the deaths of 23 passengers who boarded": the deaths are said before them, so
# a clause after them ("who boarded", "who fled") does not undo it.
_DEATHS_OF_RE = re.compile(r"\bdeaths?\s+of\s+$", re.IGNORECASE)
_DEATHS_OF_REACH = 12
# The people whose bodies are counted are dead: "recovered the bodies of 12 miners", "the
# remains of all 179 victims".
_BODIES_OF_RE = re.compile(
    r"\b(?:bodies|remains|corpses)\s+of\s+(?:all\s+)?(?:the\s+)?$", re.IGNORECASE
)


def _after_deaths_of(ctx: NumberContext) -> bool:
    """ "the death(s) of" right before the number."""
    return _DEATHS_OF_RE.search(ctx.left[-_DEATHS_OF_REACH:]) is not None


class Reading(NamedTuple):
    """A number read as a casualty count: its outcome and the claim id of its total."""

    outcome: str
    part_of: str


def read_outcome(
    ctx: NumberContext,
    previous: Claim | None,
    is_previous: bool,
    earlier: list[Claim],
    compared: bool = False,
) -> Reading | None:
    """The outcome and total of the number in `ctx`, or None when it counts no casualties.

    `previous` is the claim before it in its sentence; `is_previous` says the text gives
    the number as a superseded figure (which frames it as a toll); `earlier` are the
    article's claims before it, the last of which "This number includes 745 civilians"
    counts again; `compared`, that the number is `previous`'s earlier value
    (parts.is_compared_figure: "risen to 1,332 from 918 on Sunday")."""
    last = earlier[-1] if earlier else None
    of_them = parts.of_them(ctx)
    is_part = parts.is_part(ctx)
    part_of = ""
    if previous is not None and (
        of_them is not None or is_part or parts.is_breakdown(ctx, previous)
    ):
        outcome: str | None = _outcome_of_part(ctx, previous)
        if outcome == previous.outcome:
            part_of = previous.claim_id
    elif previous is not None and compared:
        outcome, part_of = previous.outcome, ""  # "risen to 1,332 from 918 on Sunday"
    elif previous is not None and (
        parts.is_coordinated(ctx, previous)
        or parts.is_predicate_part(ctx, previous)
        or parts.follows_bracket_item(ctx, previous)
    ):
        outcome, part_of = previous.outcome, previous.part_of
    elif previous is not None and parts.is_predicate_of(ctx, previous):
        outcome, part_of = previous.outcome, previous.claim_id  # "19 drowned; 7 were children"
    else:
        outcome = _own_outcome(ctx, is_previous, of_them, earlier)
    if outcome is None and of_them and of_them.group("dead"):
        outcome = "killed"  # "11 of the victims were women"
    if (
        outcome is None
        and of_them
        and previous is None
        and last is not None
        and _who_of_the_count_before(ctx, of_them, last)
    ):
        outcome, part_of = last.outcome, last.claim_id  # "… 35 had died. Four of them are …"
    if outcome is None:
        outcome = _outcome_among(ctx)  # "Eleven tourists among the deceased"
    if (
        outcome is None
        and previous is None
        and is_part
        and not _negative_right_after(ctx)
        and not parts.has_own_verb(ctx)  # "Of the missing, 12 have contacted their families"
    ):
        outcome = _outcome_of_frame(ctx, last)  # "Among the dead, 101 were women"
    if outcome is None or outcome == NEGATIVE:
        return None
    if not part_of and parts.is_subset_of_earlier(ctx, previous, of_them, is_part):
        part_of = parts.TOTAL_BEFORE  # found once the article's eras are known
    elif not part_of and previous is not None and parts.is_breakdown_item(ctx, previous):
        part_of = previous.claim_id  # "The storm killed 14, with deaths in Ardent (9) …"
    elif not part_of and previous is not None and previous.part_of and parts.is_respective(ctx):
        part_of = previous.part_of  # "… recorded 40 and 12 deaths, respectively": the 12
    return Reading(outcome, part_of)


# "four and three deaths", "308 and 223 deaths": the first number shares the noun after the
# second.
_PAIR_RE = re.compile(r"\s+(?:and|or)\s+")


def _shared_noun(ctx: NumberContext) -> str | None:
    """The outcome of the casualty noun after the next number, when only "and", "or" or a
    comma stands between them."""
    pair = _PAIR_RE.match(ctx.text, ctx.phrase.end, ctx.clause_end)
    if pair is None:
        return None
    following = find_number_phrases(ctx.text, pair.end(), ctx.clause_end)
    if not following or following[0].start != pair.end():
        return None
    noun = read_noun_phrase(ctx.text, following[0].end, ctx.clause_end)
    return noun.outcome if noun.is_death_noun else None


_AMONG_OUTCOMES = {"wounded": "injured", "injured": "injured", "missing": "missing"}


def _outcome_among(ctx: NumberContext) -> str | None:
    among = parts.among_after(ctx)
    if among is None:
        return None
    return _AMONG_OUTCOMES.get(among.group("among").lower(), "killed")


def _outcome_of_frame(ctx: NumberContext, last: Claim | None) -> str | None:
    """The casualty word of a part's frame ("Among the injured, 12"), if it has one."""
    frame = parts.part_frame(ctx)
    if frame is None:
        return None
    cue = None
    for m in CUE.finditer(frame.group(0), ctx.cues, ctx.left_at + frame.start()):
        cue = m
    if cue is not None:
        return cue.lastgroup if cue.lastgroup != NEGATIVE else None
    # "The victims included …", "The casualties included …": the dead of the story.
    if _DEAD_WORDS_RE.search(frame.group(0)):
        return "killed"
    # "This number includes …": the count told just before; "Among them, 40 were women" only
    # right after the sentence whose last count is that toll.
    if last is not None and (
        _COUNT_WORDS_RE.search(frame.group(0))
        or (_AMONG_THEM_RE.match(frame.group(0)) and _follows_its_toll(ctx, frame, last))
    ):
        return last.outcome
    return None


# "Four of them are children": who some of the count before were.
_OF_THEM_WHO_RE = re.compile(r"\s+(?:were|are)\s+(?:all\s+|also\s+)?(?P<who>[\w-]+)")


def _who_of_the_count_before(ctx: NumberContext, of_them: re.Match[str], last: Claim) -> bool:
    """Whether "N of them are <people>" (`of_them`: its "of them") opens its sentence right
    after the sentence that ends with the count `last` ("… at least 35 people had died.
    Four of them are children"), so that the number is a part of that count."""
    if last.is_previous:
        return False  # "… rose to 40 from 35. Four of them …": of the 40, not the 35
    who = _OF_THEM_WHO_RE.match(ctx.text, of_them.end(), ctx.clause_end)
    if who is None or not is_person_word(who.group("who")):
        return False
    text = ctx.text
    if text[ctx.sentence.start : ctx.phrase.start].strip(" \t\"“'‘"):
        return False
    if text[last.sentence_end : ctx.sentence.start].strip() or (ctx.phrase.low or 0) > (
        last.low or 0
    ):
        return False  # "… left 6 dead. Twelve of them are children": not of the 6
    # "Police arrested 3 suspects after the blast that killed 12. Two of them are
    # brothers": the sentence holds another number, which "them" may count
    offset = last.char_start - last.sentence_start
    numbers = find_number_phrases(text[last.sentence_start : last.sentence_end])
    return all(p.start == offset for p in numbers)


def _follows_its_toll(ctx: NumberContext, frame: re.Match[str], last: Claim) -> bool:
    """Whether the frame opens its sentence and the sentence before it ends with the count
    `last` (no other number after it there): "… killed 83. Among them, …"."""
    text = ctx.text
    if text[ctx.sentence.start : ctx.left_at + frame.start()].strip():
        return False
    if text[last.sentence_end : ctx.sentence.start].strip():
        return False
    return not any(ch.isdigit() for ch in text[last.char_end : last.sentence_end])


def _outcome_of_part(ctx: NumberContext, total: Claim) -> str:
    """ "including 35 children": its own verb ("… of whom 12 were wounded"), its noun
    ("four of the wounded"), else its total's outcome."""
    verb = IMMEDIATE_STATE_RE.match(ctx.text, ctx.noun.end, ctx.clause_end)
    if verb:
        return cue_outcome(verb.group("cue"))
    if ctx.noun.is_death_noun:
        if _after_deaths_of(ctx):
            return "killed"  # "following the death of one of the wounded"
        return ctx.noun.outcome
    if _negative_right_after(ctx) or _negative_right_after(ctx, ctx.phrase.end):
        return NEGATIVE  # "Toll rises to 137: 11 suspects detained", "59 dead, 104 evacuated"
    return total.outcome


# "who lost his two daughters", "lost 26 members of her family": the kin lost are dead.
_LOST_BEFORE_RE = re.compile(
    r"\blost\s+(?:(?:his|her|their|our|my|its|both|all)\s+)?(?:own\s+)?$", re.IGNORECASE
)
_LOST_REACH = 25
# "lost her two children in the crowd and found them", "lost three sons to the militia,
# which recruited them": lost, not dead.
_NOT_DEAD_AFTER_RE = re.compile(
    r"\b(?:found|reunited|recruited|conscripted|abducted|kidnapped|custody|prison|jail)\b",
    re.IGNORECASE,
)
_KIN_WORDS = lexicon.kin_words()


def _victims_outcome(ctx: NumberContext, earlier: list[Claim]) -> str | None:
    """What "The N victims include …" counts: the outcome of the same figure told before
    ("… including 26 foreigners. The 26 foreign victims include …": killed; "The attack
    wounded 50 people. The 50 victims include …": injured); else the dead, unless the
    sentence before told a count of the injured or missing (then no guess)."""
    same = next((c for c in reversed(earlier) if c.low == ctx.phrase.low), None)
    if same is not None:
        return same.outcome
    last = earlier[-1] if earlier else None
    just_before = last is not None and last.sentence_end >= ctx.sentence.start - 2
    return None if just_before and last.outcome != "killed" else "killed"


# The helpers between a noun and its verb: "11 suspects were later detained".
_HELPERS_RE = re.compile(
    r"\s*(?:(?:were|was|are|is|have|has|had|been|being|also|later|since|now|found)\s+)*"
)


def _negative_right_after(ctx: NumberContext, at: int | None = None) -> bool:
    """A word that makes the people counted no casualties right after the noun (or offset
    `at`): "11 suspects detained", "12 others were arrested", "104 evacuated"."""
    start = ctx.noun.end if at is None else at
    helpers = _HELPERS_RE.match(ctx.text, start, ctx.clause_end)
    cue = CUE.pattern.match(ctx.text, helpers.end() if helpers else start)
    return cue is not None and cue.lastgroup == NEGATIVE


def _own_outcome(
    ctx: NumberContext, is_previous: bool, of_them: re.Match[str] | None, earlier: list[Claim]
) -> str | None:
    if reports_the_missing(ctx):
        return "missing"  # "43 reports of missing persons", "1,200 requests about …"
    noun = ctx.noun
    if noun.is_death_noun:
        # "47 bodies"; but "one of the injured died": the verb says what became of them.
        verb = IMMEDIATE_STATE_RE.match(ctx.text, noun.end, ctx.clause_end)
        if verb:
            return cue_outcome(verb.group("cue"))
        if _after_deaths_of(ctx):
            return "killed"  # "after the death of one of the wounded"
        return noun.outcome
    if _LIVES_WORDS_RE.match(" ".join(noun.words)) and (
        LIVES_VERB_BEFORE_RE.search(ctx.left[-_LIVES_VERB_REACH:])
        or LIVES_LOST_AFTER_RE.match(ctx.text, noun.end, ctx.clause_end)
    ):
        return "killed"  # "claimed 288 lives", "10 lives were lost"
    if noun.is_person:
        if (
            _LOST_BEFORE_RE.search(ctx.left[-_LOST_REACH:])
            and _KIN_WORDS & {w.lower() for w in noun.words}
            and not _NOT_DEAD_AFTER_RE.search(ctx.text, noun.end, ctx.clause_end)
        ):
            return "killed"  # "lost his two daughters", "lost 26 members of his family"
        adjacent = adjacent_cue(ctx)
        if adjacent:
            return cue_outcome(adjacent.group("cue"))  # "killed 5 soldiers"
        if _after_deaths_of(ctx):
            return "killed"  # "the deaths of 23 passengers who boarded the ferry"
        right = right_cue(ctx)
        far = (
            right is not None
            and right != NEGATIVE
            and not IMMEDIATE_STATE_RE.match(ctx.text, noun.end, ctx.clause_end)
        )  # a casualty word not right after the noun ("… as rescuers search for the missing")
        frame = toll_frame(ctx) if far else None
        if (
            frame is not None
            and frame.re is TOLL_FRAME.pattern
            and len(frame.group(0)) <= TOLL_FRAME_NEAR
        ):
            # "the death toll surpasses 150 people as rescuers search for the missing": the
            # frame right before the number says what it counts, not a word after it (but
            # "… due to hundreds of people feared trapped": no count of the dead).
            return frame_outcome(ctx, frame)
        state = None if right else IMMEDIATE_STATE_RE.match(ctx.text, noun.end, ctx.clause_end)
        if state is not None:
            return cue_outcome(state.group("cue"))  # "1,300 pilgrims deceased in total"
        outcome = right or left_cue(ctx, in_a_count=False)  # "12 civilians were wounded"
        if right is None and outcome is not None and parts.has_own_verb(ctx):
            return None  # "Twelve died and 3 rescuers searched the rubble": not the dead
        if (
            outcome is None
            and PEOPLE_VERB_BEFORE_RE.search(ctx.left)
            and not _VERB_AFTER_RE.match(ctx.text, noun.end, ctx.clause_end)
        ):
            # "the floods have claimed at least 229 people" (not "the ministry claimed 300
            # members had joined": a claim that they did something)
            outcome = "killed"
        if outcome is None and _BODIES_OF_RE.search(ctx.left):
            outcome = "killed"  # "recovered the bodies of 12 miners"
        if (
            outcome is None
            and _DEAD_WORDS_RE.fullmatch(noun.head)
            and _INCLUDE_AFTER_RE.match(ctx.text, noun.end, ctx.clause_end)
        ):
            outcome = _victims_outcome(ctx, earlier)  # "The 26 foreign victims include …"
        if outcome is None:
            frame = frame or toll_frame(ctx)
            if frame:
                outcome = frame_outcome(ctx, frame)  # "bringing the toll to 56 people"
        return outcome
    verb = IMMEDIATE_STATE_RE.match(ctx.text, ctx.phrase.end, ctx.clause_end)
    if verb:
        if two_outcomes_after(ctx.text, verb.end()):
            return None  # "thousands have been killed, injured, or displaced"
        return cue_outcome(verb.group("cue"))  # "30 were killed"
    adjacent = adjacent_cue(ctx)
    if adjacent:
        return cue_outcome(adjacent.group("cue"))  # "killing at least 12"
    shared = _shared_noun(ctx)
    if shared is not None:
        return shared  # "reported four and three deaths, respectively"
    if _negative_right_after(ctx, ctx.phrase.end):
        return None  # "59 dead, 104 evacuated": the next count of a list, of no casualty
    frame = toll_frame(ctx)
    if frame:
        return frame_outcome(ctx, frame)  # "the death toll rose to 524"
    label = _LABEL_LINE_RE.fullmatch(ctx.text, ctx.sentence.start, ctx.phrase.start)
    if label is not None and _LABEL_VALUE_END_RE.match(ctx.text, ctx.phrase.end):
        return cue_outcome(label.group("cue"))  # a factbox's line: "People killed: 501"
    if _RAISING_TO_BEFORE_RE.search(ctx.left[-_RAISING_TO_REACH:]) and _TOLL_AFTER_RE.match(
        ctx.text, ctx.phrase.end, ctx.clause_end
    ):
        return "killed"  # "raising to 64 the death toll"
    if is_previous:
        return left_cue(ctx) or "killed"  # "up from 30"
    if of_them:
        return right_cue(ctx)  # "12 of them with injuries"
    if parts.is_respective(ctx):
        return left_cue(ctx)  # "recorded many deaths, with 21 and 18 respectively"
    if parts.is_bracket_list_item(ctx):
        return left_cue(ctx)  # "Deaths were recorded in Northvale (6), Eastmoor (3)"
    return None
