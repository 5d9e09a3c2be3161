"""Which victim group a claim counts.

The noun phrase after the number decides first (`victims.victim_group`); then, in order:
"others" takes the group of the total it adds to, and so does a number with no person noun
coordinated with the count before it ("12 soldiers were killed and 30 more wounded"); a
civilian or military word before the toll noun names the group of a bare number ("the
civilian death toll rose to 56"); a casualty noun takes the group its
predicate names ("Three of the dead were children"); a bare number takes the group named
after "among" ("among them 12 soldiers"); and a count said to include combatants covers
everyone (`all`). After the whole article is read, totals of everyone are marked
(`mark_totals_of_everyone`).
"""

from __future__ import annotations

import re

from tolltrace.extract._fastscan.scanning import Guarded, StartAnchored
from tolltrace.extract.context import NumberContext
from tolltrace.extract.cues import TOLL_FRAME_GAP, adjacent_cue
from tolltrace.extract.sentences import Sentence, sentence_at
from tolltrace.extract.victims import CIVILIAN_WORDS, read_noun_phrase, victim_group
from tolltrace.model import Claim

# The words after the noun that victim_group reads ("… from both sides").
GROUP_TAIL_REACH = 40
# Who the counted dead were: "Three of the dead were children", "14 of whom were police
# officers".
_PREDICATE_RE = re.compile(
    r"(?:\s+of\s+(?:whom|them|those|these))?\s+(?:were|was|are|included)\s+(?:all\s+|also\s+)?",
    re.IGNORECASE,
)
# "Among them 12 soldiers": the group named after "among".
AMONG = StartAnchored(
    re.compile(r"\bamong\s+[\"'“‘]?([^.;]{0,80})$", re.IGNORECASE), starts=("among",)
)
# "… including both soldiers and fighters": a count that includes combatants.
_INCLUDES_COMBATANTS_PATTERN = re.compile(
    r"\binclud\w*\s+(?:both\s+)?[^.;]{0,80}?\b(?:forces|fighters|soldiers|troops|combatants|"
    r"militants|personnel)\b",
    re.IGNORECASE,
)
INCLUDES_COMBATANTS = StartAnchored(_INCLUDES_COMBATANTS_PATTERN, starts=("includ",))
_INCLUDES_COMBATANTS_ANYWHERE = Guarded(_INCLUDES_COMBATANTS_PATTERN, needs=("includ",))
# "This casualty count includes both government forces and …": a sentence about the
# count before it.
_INCLUDES_COUNT_RE = re.compile(
    r"^[\"“]?(?:This|The)\s+(?:casualty\s+|death\s+)?(?:count|toll|figure|number|tally)\s+"
    r"(?:includes|included|covers|comprises)\b",
    re.IGNORECASE,
)
_COMBATANT_GROUPS = ("fighters", "security_forces", "combatants")
# "… were killed and 30 more wounded", "… killed, while 40 were hurt": the second count of
# a coordinated pair, with no noun of its own or only "more", "others", counts the same
# people ("… and 13 injured" may count anyone hurt: it keeps its own reading). The
# coordinator stands at most this far after the first count's phrase.
COORDINATED_GROUP_REACH = 80
_COORDINATOR_RE = re.compile(r"\b(?:and|while|whereas)\b", re.IGNORECASE)
_AND_PARTICIPLE_RE = re.compile(r"\b(?:and|while)\s+\w+ing\s+$", re.IGNORECASE)
_ADDED_WORDS = frozenset({"more", "others", "other", "additional", "further"})
# "the civilian death toll rose to", "the number of military casualties is": a group word
# right before the toll noun of a bare number's frame, read as far back as a toll frame.
FRAME_GROUP_REACH = TOLL_FRAME_GAP
_FRAME_GROUP_WORD_RE = re.compile(
    r"\b(?P<word>[a-z]+)\s+(?:death\s+toll|toll|deaths|casualties|fatalities|dead)\b"
    r"[^\d.;]*$",
    re.IGNORECASE,
)
# "… people, including women and children": civilians a count of people names, with no
# number of their own (a number would be a part, read as a claim of its own).
CIVILIANS_NAMED_REACH = 60
_INCLUDES_CIVILIANS_RE = re.compile(
    r",?\s*(?:including|among\s+them|among\s+whom)\s+(?:many\s+|several\s+)?"
    r"(?P<words>[a-z]+(?:\s+(?:and|or)\s+[a-z]+)?)\b",
    re.IGNORECASE,
)


def claim_group(
    ctx: NumberContext, previous: Claim | None, earlier: list[Claim]
) -> tuple[str, tuple[str, ...]]:
    """(victim group, the words that name the victims) of the number in `ctx`. `previous`
    is the claim before it in its sentence, `earlier` every claim before it."""
    noun = ctx.noun
    words = noun.words if (noun.is_person or noun.is_death_noun) else ()
    group = victim_group(words, ctx.after_noun[:GROUP_TAIL_REACH])
    if noun.head.lower() == "others" and previous is not None:
        group = _root(previous, earlier).victim_group  # "… and 12 others"
    elif noun.is_death_noun or not noun.words:  # "Three of the dead were …", "57 were …"
        predicate = _PREDICATE_RE.match(ctx.text, noun.end, ctx.clause_end)
        if predicate:
            described = read_noun_phrase(ctx.text, predicate.end(), ctx.clause_end)
            if described.is_person:
                group = victim_group(described.words)
    if (
        group == "unspecified"
        and previous is not None
        and not noun.is_person
        and (not noun.words or _ADDED_WORDS & {w.lower() for w in noun.words})
    ):
        group = _coordinated_group(ctx, previous, earlier)
    if group == "unspecified" and not noun.is_person and not noun.is_death_noun:
        group = _frame_group(ctx)
    if group == "unspecified" and not noun.is_person:
        among = AMONG.search(ctx.left, ctx.left_starts)
        if among:
            group = victim_group(tuple(among.group(1).split()))
    if group == "unspecified" and INCLUDES_COMBATANTS.search(
        ctx.after_noun, INCLUDES_COMBATANTS.index(ctx.after_low)
    ):
        group = "all"
    return group, words


def _coordinated_group(ctx: NumberContext, previous: Claim, earlier: list[Claim]) -> str:
    """The group of the count a bare number is coordinated with: "eight children had been
    killed and more than 40 had been injured" (children: civilians)."""
    between = ctx.text[previous.char_end : ctx.phrase.start]
    if (
        previous.part_of  # "64 of the dead were children and 12 were injured": not children
        or len(between) > COORDINATED_GROUP_REACH
        or not _COORDINATOR_RE.search(between)
        or (adjacent_cue(ctx) and not _AND_PARTICIPLE_RE.search(ctx.left[-40:]))
    ):  # "… and rebels wounded 30" is a clause of its own; "killing 14 … and injuring 50" not
        return "unspecified"
    return _root(previous, earlier).victim_group


def _frame_group(ctx: NumberContext) -> str:
    """The group a bare number's toll frame names before its noun: "The number of civilian
    deaths is 56" (civilians)."""
    m = _FRAME_GROUP_WORD_RE.search(ctx.left[-FRAME_GROUP_REACH:])
    return victim_group((m.group("word"),)) if m else "unspecified"


def civilians_named(ctx: NumberContext) -> str:
    """The civilians a count of unspecified people says it includes ("people, including
    women and children": "women and children"), else ""."""
    tail = ctx.after_noun[:CIVILIANS_NAMED_REACH]
    match = _INCLUDES_CIVILIANS_RE.match(tail)
    if match is None:
        return ""
    words = match.group("words").split()
    nouns = [w for w in words if w.lower() not in ("and", "or")]
    if all(w.lower() in CIVILIAN_WORDS for w in nouns):
        return match.group("words")
    return ""


def _root(claim: Claim, earlier: list[Claim]) -> Claim:
    """The total a part belongs to, following part_of links back."""
    root = claim
    while root.part_of:
        root = next((c for c in earlier if c.claim_id == root.part_of), root)
        if not root.part_of or root is claim:
            break
    return root


def mark_totals_of_everyone(text: str, sentences: list[Sentence], claims: list[Claim]) -> None:
    """A total said to include combatants, or civilians among others, covers everyone:
    code it `all`.

    Two forms: a part of another group ("524, including 213 fighters"; "1,018 people,
    including 745 civilians": the rest are not civilians), and a next sentence that says so
    ("This casualty count includes both government forces and ...").
    """
    by_id = {c.claim_id: c for c in claims}
    for c in claims:
        total = by_id.get(c.part_of)
        if (
            total is not None
            and total.victim_group == "unspecified"
            and (c.victim_group in _COMBATANT_GROUPS or c.victim_text.lower().endswith("civilians"))
        ):
            total.victim_group = "all"
    for c in claims:
        if c.victim_group != "unspecified":
            continue
        here = sentence_at(sentences, c.char_start)
        if here is None or here.index + 1 >= len(sentences):
            continue
        nxt = sentences[here.index + 1]
        body = text[nxt.start : nxt.end]
        if _INCLUDES_COUNT_RE.match(body) and _INCLUDES_COMBATANTS_ANYWHERE.search(body):
            last_in_sentence = [k for k in claims if k.sentence_start == c.sentence_start][-1]
            if last_in_sentence is c:
                c.victim_group = "all"
