"""What a figure counts in time: a running total, one day's count, one incident's, a
number added to a toll, or a superseded figure; and which words date it.

Only `cumulative` figures are running totals; the others never reach an estimate or the
escalation chart, where "27 more" would plot as a fall.
"""

from __future__ import annotations

import re
from functools import lru_cache

from tolltrace.extract._fastscan.scanning import Guarded, StartAnchored
from tolltrace.extract.context import NumberContext, ends_with, tail_search
from tolltrace.extract.numbers import CHANGE_FROM_BEFORE, CHANGE_FROM_REACH
from tolltrace.extract.sentences import Sentence
from tolltrace.extract.timeref import TimeExpr
from tolltrace.model import Claim

# A figure the text says was superseded: "revising a previous toll of 56", "up from 30",
# "down from an earlier report of 7",
# "The previous toll, issued on Sunday, was 66", "raising the toll from 28".
PREVIOUS = StartAnchored(
    re.compile(
        r"(?:(?:previous|earlier|prior|initial)\s+(?:death\s+)?(?:toll|count|figure|tally|estimate)"
        r"(?:\s+of|(?:,[^,.;]{1,60},)?\s+(?:had\s+been|was|stood\s+at))?\s+"
        r"|\bup\s+from\s+|\brevis\w+\b[^.;]{0,80}\bfrom\s+"
        r"|\b(?:up|down)\s+from\s+(?:an?|the)\s+(?:earlier|previous|initial|prior)\s+"
        r"(?:report|estimate)\s+of\s+"
        r"|\b(?:rais|lift|push|increas)\w*\s+the\s+(?:death\s+)?toll\s+from\s+"
        # "revised the toll to 275 from 288": the figure after "to N from" is the earlier one
        r"|\bto\s+[\d,.]+\s+from\s+)$",
        re.IGNORECASE,
    ),
    starts=("previous", "earlier", "prior", "initial", "up", "down", "revis", "rais", "lift",
            "push", "increas", "to"),
)  # fmt: skip
# More superseded forms, read on the last words only: "had reported 876", "had initially
# said eight", "initially reported at 20", "had earlier put the toll at 70".
_PREVIOUS_TAIL = Guarded(
    re.compile(
        r"(?:\bhad\s+(?P<when>earlier\s+|previously\s+|initially\s+|first\s+)?(?:reported|said|"
        r"put|given|announced|counted|recorded|told\s+(?:\w+\s+){0,2}?)\s*(?:that\s+)?"
        r"|\b(?:initially|earlier|first|previously)\s+(?:been\s+)?(?:reported|put|given|estimated|set|"
        r"announced|gave)\s+(?:the\s+(?:death\s+)?(?:toll|number|figure)\s+)?(?:at|as)\s+)$",
        re.IGNORECASE,
    ),
    needs=("had", "initially", "earlier", "first", "previously"),
)
_EARLIER_BEFORE_RE = re.compile(r"\b(?:earlier|initially|previously|at\s+first)\b", re.IGNORECASE)
_EARLIER_AFTER_RE = re.compile(r"[^.;]*?\b(?:ago|earlier|previously|before)\b", re.IGNORECASE)
# "had reported 876 … a week ago": the earlier time is read this far after the number.
_EARLIER_AFTER_REACH = 60

# "in an air strike", "in a single attack": one incident inside the story.
_INCIDENT = Guarded(
    re.compile(
        r"^[^.;]{0,60}?\bin\s+(?:a|an|one|the|a\s+single)\s+(?:\w+\s+){0,2}?(?:air\s*strike|strike|"
        r"attack|bombing|explosion|blast|shelling|ambush|raid|massacre|shooting)\b",
        re.IGNORECASE,
    ),
    needs=("strike", "attack", "bombing", "explosion", "blast", "shelling", "ambush", "raid",
           "massacre", "shooting"),
)  # fmt: skip
# "reported earlier on Saturday": the day of the report, not of the count.
_REPORT_VERB_BEFORE_RE = re.compile(
    r"\b(?:said|says|reported|stated|added|confirmed|announced|claimed|documented|told)\s+"
    r"(?:\w+\s+)?$",
    re.IGNORECASE,
)
_REPORT_VERB_REACH = 30  # "documented earlier " with room for one word
# After a number: the total it is added to ("…, bringing the death toll since October to").
_ADDING_REACH = 300  # bounded: a long town-by-town tally stays linear
_ADDING_VERBS = ("bringing", "raising", "taking", "pushing", "lifting", "putting")
ADDED_TO_TOTAL_RE = re.compile(
    r"\b(?:bringing|raising|taking|pushing|lifting|putting)\s+(?:the\s+)?(?:[\w’'-]+\s+){0,3}?"
    r"(?:toll|total|tally|number|count)\b(?![^.;]{0,80}?\bfrom\s+\d)[^.;]{0,80}?\b(?:to|at|past)\s",
    re.IGNORECASE,
)
# Words of a running total; a perfect tense with "since" opens one when no day follows it
# ("has killed 1,043 since it was declared", not "the deadliest day since the ceasefire").
_RUNNING_TOTAL = Guarded(
    re.compile(r"\b(?:total|so\s+far|overall|toll|(?:has|have|had)\b[^.;]{0,80}?\bsince)\b"),
    needs=("total", "far", "overall", "toll", "since"),
)
# Before a number: it is the total ("the toll has risen to 2,100 in the past 24 hours").
_TOTAL_WORD_RE = re.compile(r"\b(?:toll|total|tally)\b", re.IGNORECASE)
# A duration of one day: its count is that day's ("in the past 24 hours").
ONE_DAY_RE = re.compile(r"(?:24|twenty-four)\s+hours|(?:past|last)\s+day\b", re.IGNORECASE)
_DIGIT_RE = re.compile(r"\d")
# A number that adds to a toll told elsewhere: "recovered 12 more bodies", "another 20",
# "a further 10 people died" (the words before the number; after it: _MORE_AFTER_RE).
_ANOTHER_BEFORE = (" another", " additional", " further")
_MORE_AFTER_RE = re.compile(r"\s+(?:more|additional|further)\b(?!\s+than\b)", re.IGNORECASE)


def is_previous_figure(ctx: NumberContext) -> bool:
    """Whether the text gives the number as a superseded figure. A bare "had reported
    876" (reported speech says "had" too: "said it had recorded 1,200") counts only with
    an earlier time around it ("… a week ago", "… earlier")."""
    if PREVIOUS.search(ctx.left, ctx.left_starts) or CHANGE_FROM_BEFORE.search(
        ctx.left[-CHANGE_FROM_REACH:]  # "the number of missing soared from 31 to 281"
    ):
        return True
    m = tail_search(_PREVIOUS_TAIL, ctx.left)
    if m is None:
        return False
    if m.group(0).lower().startswith("had") and not m.group("when"):
        end = ctx.phrase.end
        return bool(
            _EARLIER_AFTER_RE.match(ctx.text, end, end + _EARLIER_AFTER_REACH)
            or _EARLIER_BEFORE_RE.search(ctx.left)
        )
    return True


# "The toll rose by one to 158": the one is added ("increased by " with room to spare).
_RISE_BY_REACH = 20
_RISE_BY_RE = re.compile(
    r"\b(?:rose|risen|rises|increased|increases|climbed|climbs|jumped|grew|went\s+up|up)\s+by\s+$",
    re.IGNORECASE,
)


def is_increment(ctx: NumberContext, outcome: str, before: Claim | None) -> bool:
    """Whether the number adds to a toll rather than states one ("12 more bodies",
    "another 20 people were killed"). Not when it adds people of another outcome than
    the claim `before` it ("two were killed and dozens more are missing"): that is the
    whole count of its own outcome."""
    if _RISE_BY_RE.search(ctx.left[-_RISE_BY_REACH:]):
        return True
    if not (_MORE_AFTER_RE.match(ctx.text, ctx.phrase.end) or ends_with(ctx.left, _ANOTHER_BEFORE)):
        return False
    return before is None or before.outcome == outcome


def scope_and_date(ctx: NumberContext, times: list[TimeExpr], is_part: bool) -> tuple[str, str]:
    """Is the figure a running total, one day's count or one incident's; which words date it.

    `times` are the sentence's time expressions; `is_part` says the number is a part of a
    total ("1,500 since Thursday, including 163 on Friday")."""
    text, sentence, phrase = ctx.text, ctx.sentence, ctx.phrase
    if _INCIDENT.match(ctx.after_noun, low=ctx.after_low):
        return "incident", _nearest(times, phrase.start)
    days = [t for t in times if t.kind in ("on", "date", "span")]
    event_days = [t for t in days if not _is_report_time(text, sentence, t)]
    adding = _added_to_total(ctx)
    if adding:
        # "killed 27 on Monday, bringing the total to 300": the 27 is what was added.
        own = [
            t
            for t in times
            if t.start < adding.start()
            and (t in event_days or (t.kind == "duration" and ONE_DAY_RE.search(t.text)))
        ]
        return ("daily", _nearest(own, phrase.start)) if own else ("increment", "")
    own_days = [t for t in event_days if phrase.end <= t.start < ctx.clause_end]
    if is_part and own_days:
        return "daily", own_days[0].text
    own_day = [
        t
        for t in times
        if t.kind == "duration"
        and ONE_DAY_RE.search(t.text)
        and phrase.end <= t.start < ctx.clause_end
        and not _DIGIT_RE.search(text, phrase.end, t.start)
    ]
    if own_day and not _TOTAL_WORD_RE.search(text, sentence.start, phrase.start):
        # "… 1,043 since August, with 37 deaths in the past 24 hours"
        return "daily", own_day[0].text
    # The sentence's neighbours are never word characters, so \b behaves as on a slice.
    cumulative = any(t.kind in ("since", "span", "duration") for t in times) or (
        _running_total_in(text, sentence.start, sentence.end)
    )
    if not cumulative and event_days:
        return "daily", _nearest(event_days, phrase.start)
    return "cumulative", days[-1].text if days else ""


@lru_cache(maxsize=64)
def _running_total_in(text: str, start: int, end: int) -> bool:
    """Whether the sentence says it counts a running total: once per sentence, not per
    number (a long tally has thousands)."""
    return bool(_RUNNING_TOTAL.search(text, start, end))


def _added_to_total(ctx: NumberContext) -> re.Match[str] | None:
    """ "…, bringing the total to 300" after the number (read within _ADDING_REACH, only
    where an adding verb stands)."""
    low, end = ctx.low, ctx.phrase.end
    reach = min(ctx.sentence.end, end + _ADDING_REACH)
    if low is not None and not any(low.find(v, end, reach) >= 0 for v in _ADDING_VERBS):
        return None
    return ADDED_TO_TOTAL_RE.search(ctx.text, end, reach)


def _is_report_time(text: str, sentence: Sentence, t: TimeExpr) -> bool:
    """'reported earlier on Saturday', 'On Saturday, the monitor said': when, not what."""
    before = max(sentence.start, t.start - _REPORT_VERB_REACH)
    if _REPORT_VERB_BEFORE_RE.search(text, before, t.start):
        return True
    return t.start == sentence.start and text[t.end : t.end + 1] == ","


def _nearest(times: list[TimeExpr], offset: int) -> str:
    if not times:
        return ""
    return min(times, key=lambda t: abs(t.start - offset)).text


# A day of a longer event: "on Friday alone", "the deadliest day since …".
_LONGER_RE = re.compile(r"\b(?:alone|since)\b", re.IGNORECASE)


def one_day_event(text: str, claims: list[Claim], times: list[TimeExpr]) -> None:
    """An article that counts for one day only ("a car bomb … on Saturday, killing at least
    34 people") gives the event's toll, not one day of a longer count: its `daily` claims
    become `cumulative`, so the toll can chart. They stay `daily` where the article frames
    a longer event (a since, span or duration expression, "on Friday alone", "the deadliest
    day since …", a count added to a total, a larger running total) or counts for two or
    more days."""
    daily = [c for c in claims if c.scope == "daily"]
    if not daily or any(
        t.kind in ("since", "span") or (t.kind == "duration" and not ONE_DAY_RE.search(t.text))
        for t in times
    ):
        return
    told_in = {c.sentence_start: c.sentence_end for c in daily}.items()  # each sentence once
    if any(
        _LONGER_RE.search(text, start, end) or ADDED_TO_TOTAL_RE.search(text, start, end)
        for start, end in told_in
    ):
        return  # "on Friday alone", "the deadliest day since …", "bringing the total to 300"
    most = {
        o: max((c.low or 0) for c in daily if c.outcome == o) for o in {c.outcome for c in daily}
    }
    if any(
        c.scope == "cumulative"
        and c.outcome in most
        and (c.low or 0) > most[c.outcome]
        and not c.era_text
        and not c.is_previous
        for c in claims
    ):
        return  # a larger running total: "45 killed on Tuesday … 40,000 killed in the war"
    by_text = {t.text: t for t in times}
    days = {_day_key(by_text.get(c.as_of_text), c.as_of_text) for c in daily}
    # A dateline's date ("GOMA, March 10 (Reuters) -") is when, not a day of the count.
    told = {key for key, is_date in days if not is_date} or {key for key, _ in days}
    if len(told) == 1:
        for c in daily:
            c.scope = "cumulative"


def _day_key(t: TimeExpr | None, text: str) -> tuple[str, bool]:
    """(the day an as_of text names, whether it is a calendar date)."""
    if t is None:
        return text.lower(), False
    return t.day or t.text.lower(), t.kind == "date"
