"""Which numbers of a sentence each of its eras dates (`assign_eras`).

A sentence is cut into clauses at commas, semicolons, colons, brackets and dashes (not at
a comma inside a number or a date). An era (tolltrace.extract.eras) dates:

- inside its clause, the numbers after it and the nearest one before it ("40 were killed
  on Tuesday and more than 1,200 since January 2024": only the 1,200);
- no number when it is what a comparison compares with ("the deadliest earthquake since
  1999 killed 300", "the first time 40 had been killed since 2019"), except the numbers
  telling of the compared event ("the deadliest since a tremor killed 1,000 people in
  2022", "the deadliest since 2019, when 23 people were killed");
- across clauses, from an opening clause ("In 2015, a heatwave killed 1,200") or a clause
  that tells of casualties ("More than 200 people, most of them police, were killed …
  last year") or says when the killing began ("The war, which began in April 2023, has
  killed …"), the numbers of the nearest clause with numbers, at most two clauses away
  and not past a "but" or "while";
- never, from an aside about someone or something else ("Assad, who was ousted in
  December 2024, …", "The group, founded in 2006, said …", "governor since 2019");
- the numbers of a clause that describes the era's event ("…, when 23 people were
  killed", "Hamas' Oct. 7, 2023, attack … killed 1,200"), and of the "-ing" clauses going
  on from it ("…, killing 1,200").

An era never dates a number whose own words give its day ("on Tuesday", "today"): across
clauses, when the number's clause does; inside one, when they stand between the two.
"""

from __future__ import annotations

import bisect
import re

from tolltrace.extract.eras import EVENT_NOUN, Era, find_eras
from tolltrace.extract.timeref import WEEKDAYS

_BREAK_RE = re.compile(r"[;:()\[\]—–]|\s-\s|,(?!\d)|(?<!\d),")
# A comparison, up to the next clause break or 100 characters: an era inside it is what the
# toll is compared with. A comma between digits ("1,000") or a decimal point is no break.
COMPARISON_RE = re.compile(
    r"(?i)\b(?:deadliest|worst|bloodiest|largest|biggest|heaviest|highest|strongest|"
    r"fiercest|greatest|costliest|first|most|not\s+seen)\b(?:[^.;:,]|(?<=\d)[.,](?=\d)){0,100}"
)
_SINCE_RE = re.compile(r"(?i)\bsince\b")
_ASIDE_RE = re.compile(
    r"(?i)(?:(?:[a-z]+\s+)?of\s+(?=whom|which))?(?:who|whom|whose|which|where|that|"
    r"(?-i:[a-z]+ed)|built|set\s+up|known|held|led|run|won|lost|born|made|"
    r"in\s+(?:office|power|charge|the\s+post))\b"
)
_ONSET = r"(?:began|begun|started|erupted|broke\s+out|struck|hit|swept|ravaged)\b"
# An aside that says when the killing began: "The war, which began in April 2023, has …".
_ONSET_ASIDE_RE = re.compile(rf"(?i)(?:which|that|who)\s+(?:[a-z]+\s+)?{_ONSET}")
# A clause that tells of casualties: "were killed in the province last year".
_CASUALTIES_RE = re.compile(
    r"(?i)\b(?:(?:were|was|are|is|be|been|being)\s+(?:[a-z]+\s+)?"
    r"(?:killed|injured|wounded|hurt|missing)|died|perished)\b"
)
# A sentence's opening clause that sets its time: "Since the start of the invasion in …,".
_OPENING_RE = re.compile(r"(?i)(?:since|in|during|after|before|following|over|from|between)\b")
_CONTRAST_RE = re.compile(r"(?i)(?:but|yet|however|while|whereas|although|though)\b")
_DESCRIBES_RE = re.compile(r"(?i)(?:(?:in|during)\s+)?(?:which|when|where|whom)\b")
_EVENT_RE = re.compile(rf"(?i){EVENT_NOUN}")
_CONTINUES_RE = re.compile(r"(?i)[a-z]+ing\b")
_OWN_DAY_RE = re.compile(
    r"\b(?:"
    + "|".join(day.capitalize() for day in WEEKDAYS)
    + r"|[Tt]oday|[Yy]esterday|[Tt]onight|[Oo]vernight|this\s+week|last\s+night)\b"
)
_REACH = 2  # clauses


class _Clauses:
    """The clauses of one sentence: their bounds, and which clause an offset is in."""

    def __init__(self, text: str, start: int, end: int, eras: list[Era]) -> None:
        self.text = text
        self.breaks = [
            m.start() for m in _BREAK_RE.finditer(text, start, end)
            if not any(e.start <= m.start() < e.end for e in eras)
        ]  # fmt: skip
        self.bounds = [start, *self.breaks, end]

    def of(self, at: int) -> int:
        return bisect.bisect_right(self.breaks, at)

    def words(self, index: int) -> str:
        """The text of clause `index`, without the break that opens it."""
        return self.text[self.bounds[index] : self.bounds[index + 1]].lstrip(" ,;:()[]—–-")

    @property
    def last(self) -> int:
        return len(self.bounds) - 2


def assign_eras(
    text: str,
    start: int,
    end: int,
    numbers: list[tuple[int, int]],
    anchors: list[int] | None = None,
) -> list[list[Era]]:
    """For each (start, end) span of `numbers` (claims of the sentence text[start:end], in
    text order), the eras that date it (rules in the module docstring). `anchors` as for
    eras.find_eras."""
    out: list[list[Era]] = [[] for _ in numbers]
    eras = [
        e
        for e in find_eras(text, start, end, anchors)
        if not any(a < e.end and e.start < b for a, b in numbers)
    ]
    if not eras or not numbers:
        return out
    clauses = _Clauses(text, start, end, eras)
    clause_of = [clauses.of(a) for a, _ in numbers]
    comparisons = list(COMPARISON_RE.finditer(text, start, end))
    for era in eras:
        own = clauses.of(era.start)
        comparison = next((m for m in comparisons if m.start() < era.start < m.end()), None)
        if comparison is not None:
            since = _SINCE_RE.search(text, comparison.start(), era.start)
            lo = since.end() if since else era.start
            targets = [i for i, (a, _) in enumerate(numbers) if lo < a < era.start]
        else:
            targets = _in_clause(era, own, numbers, clause_of)
            if not targets:
                targets = _across_clauses(era, own, clauses, clause_of)
        for index in _described(era, own, clauses):
            targets += [i for i, c in enumerate(clause_of) if c == index and i not in targets]
        for i in targets:
            if not _has_own_day(era, own, numbers[i], clause_of[i], clauses):
                out[i].append(era)
    return out


def _in_clause(
    era: Era, own: int, numbers: list[tuple[int, int]], clause_of: list[int]
) -> list[int]:
    """The numbers of the era's clause it dates: those after it, and the nearest before."""
    mine = [i for i, c in enumerate(clause_of) if c == own]
    before = [i for i in mine if numbers[i][0] < era.start]
    return [i for i in mine if numbers[i][0] > era.start] + before[-1:]


def _across_clauses(era: Era, own: int, clauses: _Clauses, clause_of: list[int]) -> list[int]:
    """The numbers of the nearest clause with numbers that an era of a clause without any
    dates, if its clause sets the time of the sentence or tells of casualties."""
    words = clauses.words(own)
    if _ASIDE_RE.match(words):
        if not _ONSET_ASIDE_RE.match(words):
            return []
    elif not (
        words.startswith(era.text)
        or (own == 0 and _OPENING_RE.match(words))
        or _CASUALTIES_RE.search(words)
    ):
        return []
    near = [c for c in set(clause_of) if abs(c - own) <= _REACH]
    for target in sorted(near, key=lambda c: (abs(c - own), c)):
        between = range(own + 1, target + 1) if target > own else range(target + 1, own + 1)
        if not any(_CONTRAST_RE.match(clauses.words(c)) for c in between):
            return [i for i, c in enumerate(clause_of) if c == target]
    return []


def _described(era: Era, own: int, clauses: _Clauses) -> list[int]:
    """The clauses after the era's that describe what it names: one opening "when",
    "which", "in which"… (or an event noun right after a full date: "Oct. 7, 2023,
    attack"), and the "-ing" clauses that go on from it."""
    if own >= clauses.last:
        return []
    after = clauses.words(own + 1)
    if not (_DESCRIBES_RE.match(after) or (era.day and _EVENT_RE.match(after))):
        return []
    found = [own + 1]
    while found[-1] < clauses.last and _CONTINUES_RE.match(clauses.words(found[-1] + 1)):
        found.append(found[-1] + 1)
    return found


def _has_own_day(
    era: Era, own: int, number: tuple[int, int], clause: int, clauses: _Clauses
) -> bool:
    """Whether the number's own words give its day: between it and the era when they share
    a clause (`clause` == the era's clause `own`), anywhere in its clause otherwise."""
    if clause == own:
        lo, hi = (number[1], era.start) if number[0] < era.start else (era.end, number[0])
        return _OWN_DAY_RE.search(clauses.text, lo, hi) is not None
    return _OWN_DAY_RE.search(clauses.words(clause)) is not None
