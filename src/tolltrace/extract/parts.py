"""Parts of a total: which claims count some of the people another claim counts.

A part names its total in `part_of`: "524, including 213 fighters", "32 of them minors",
"killed 198 people there and more than 670 in Malawi" (coordinated: part of what the
first is part of), and subsets told after their toll ("Three of the dead were women",
"In Las Piedras alone, 214"), linked once the whole article is read (`link_subsets`).
"""

from __future__ import annotations

import re
from functools import cache

from tolltrace.extract import lexicon
from tolltrace.extract._fastscan.scanning import Guarded, StartAnchored
from tolltrace.extract.context import NumberContext, tail_search
from tolltrace.extract.cues import CUE, IMMEDIATE_STATE_RE, adjacent_cue, right_cue
from tolltrace.extract.not_counts import REJECTED_AFTER_RE
from tolltrace.extract.numbers import NUMBER_WORD_ANCHORS, find_number_phrases
from tolltrace.extract.place_phrases import place_nouns, place_prepositions
from tolltrace.extract.timeref import WEEKDAYS
from tolltrace.extract.victims import is_person_word, read_noun_phrase
from tolltrace.model import Claim

# A claim's part_of until `link_subsets` finds its total.
TOTAL_BEFORE = "<total before>"

# Before the number: "including 35", "among them 12", "Among them, 40", "Among the dead were
# 17", "including fighters from both sides and at least 40", "including the two pilots".
PART = StartAnchored(
    re.compile(
        r"(?:including(?:\s+[^.;\d]{1,60}?\s+and)?(?:\s+the)?|"
        r"among\s+them(?:,|\s+(?:were|are|was|is))?(?:\s+the)?|among\s+whom|of\s+whom|of\s+them,?|"
        r"among\s+(?:the|those)\s+(?:[\d,]+\s+)?(?:confirmed\s+|identified\s+|reported\s+)?"
        r"(?:dead|victims|injured|wounded|deceased|killed|bodies(?:\s+(?:found|recovered)"
        r"(?:\s+in\s+(?:the\s+)?[\w’'-]+)?)?)"
        r"(?:,|\s+(?:were|are|was|is))?)"
        r"\s+[\"'“‘]?$",
        re.IGNORECASE,
    ),
    starts=("including", "among", "of"),
)
# More part frames, read on the last words only (their start words are too common to
# index): "The injured include five …", "a toll of 190, which includes 110 …", "Of the 112
# injured, 17 …", "Of those who were killed, 45 …", "Of those who died, 12 …", "Of the
# bodies recovered so far, 17 …", "Of the missing people, 63 …", "Of the total wounded,
# 750 …", "Out of the injured, 5 …". ("The
# victims of the flood include 4,000 families" are no dead: the victims' own frame only.)
PART_TAIL = Guarded(
    re.compile(
        r"(?:\b(?:dead|injured|wounded|victims|deceased|casualties|deaths|fatalities|number|toll|"
        r"count|figure|tally)\s+"
        r"(?:also\s+)?include[sd]?|"
        r"\d,?\s+which\s+(?:also\s+)?include[sd]?|"
        r"\b(?:out\s+)?of\s+(?:the|those)\s+(?:[\d,]+\s+)?(?:total\s+|overall\s+)?"
        r"(?:who\s+(?:were\s+|had\s+been\s+|have\s+been\s+)?)?"
        r"(?:dead|injured|wounded|missing|victims|killed|bodies|died|deaths|fatalities|deceased)"
        r"(?:\s+(?:people|persons))?"
        r"(?:\s+(?:recovered|found|retrieved|counted|confirmed|recorded|identified))?"
        r"(?:\s+(?:so\s+far|to\s+date|thus\s+far|until\s+now))?,)"
        r"\s+[\"'“‘]?$",
        re.IGNORECASE,
    ),
    needs=("includ", "of"),
)
# After the number: "32 of them minors", "four of the dead" (group `dead`: the people
# counted are dead), "600 of the wounded".
_OF_THEM_RE = re.compile(
    r"\s+of\s+(?:them|whom|those|these|the\s+(?:(?P<dead>dead|victims|bodies|deaths)|injured|"
    r"wounded))\b",
    re.IGNORECASE,
)
_DIGIT_RE = re.compile(r"\d")
_NUMBER_WORD_RE = re.compile("|".join(sorted(NUMBER_WORD_ANCHORS, key=len, reverse=True)))
# "killing at least five soldiers and three civilians", "1,293 deaths in Al Haouz, 452 in
# Taroudant", "114; Sindh 111; and Islamabad 1": the next count of a list shares the verb,
# after "and", a comma or a semicolon, and maybe a place name ("with Punjab reporting") or
# the words of the rest ("and another seven at Linwood", "with the remaining 38 from …").
_COORDINATED_RE = re.compile(
    r"[^.;\"”]{0,100}?(?:[,;](?:\s+and)?|\s(?:and|as\s+well\s+as))\s+(?:the\s+)?[\"'“‘]?"
    r"(?:(?:and\s+|with\s+)?(?:(?-i:[A-Z])[\w’'-]*\s+){1,4}(?:reporting\s+|recording\s+|with\s+)?"
    r"|with\s+)?(?:(?:the\s+)?(?:another|other|remaining)\s+)?$"
)
# A number with no noun, before a place or time, shares the noun of the one it is
# coordinated with: "killed 198 people there and more than 670 in Malawi", "27 bodies on
# Sunday and four more on Monday", "five from Iran, four each from China and Russia".
_BARE_RE = re.compile(
    r"\s*(?:more\s+|each\s+)?(?:(?:in|at|on|by|across|from|inside|near|during|there|and|"
    r"respectively)\b"
    r"|[,;).!?\"”]|$)"
    r"|\s+(?:are|were|was|is)\s+[\w-]+[.!?\"”]*\s*$",  # "97 are female and 54 are male"
    re.IGNORECASE,
)
# "the other 17 were from Ya'an City", "the remaining 38 being from Shimian county": a bare
# number and the place its people came from.
_FROM_PLACE_RE = re.compile(r"\s+(?:were|was|are|is|being)\s+from\s+(?:the\s+)?(?-i:[A-Z])", re.I)
# The rest of a list ("the other 17", "the remaining 38"): of the dead only after a frame
# of the dead.
_REST_RE = re.compile(r"\b(?:other|remaining|another)\s+[\"'“‘]?$", re.IGNORECASE)
_DEAD_FRAME_RE = re.compile(
    r"\b(?:among|of)\s+(?:the|those)\s+(?:[\d,]+\s+)?(?:confirmed\s+)?(?:dead|deaths|victims|"
    r"killed|bodies|deceased|missing|injured|wounded)\b"
    r"|\b(?:dead|deaths|victims|toll|casualties)\s+(?:also\s+)?includ",
    re.IGNORECASE,
)
# A verb of its own right after a count's noun, with its object: "40 militants took part",
# "3 rescuers searched the rubble" (not "3 soldiers stationed nearby": a modifier).
_OWN_VERB_AFTER_RE = re.compile(
    r"\s+(?:(?:have|has|had)\s+)?"
    rf"(?:{'|'.join(sorted(lexicon.irregular_past()))}|(?!(?:killed|injured|wounded)\b)"
    r"[a-z]+ed)\s+(?:the|a|an|their|his|her|its|part|fire)\b",
)


def has_own_verb(ctx: NumberContext) -> bool:
    """Whether the people counted are the subject of a verb of their own with its object
    ("40 militants took part", "3 rescuers searched the rubble")."""
    return _OWN_VERB_AFTER_RE.match(ctx.text, ctx.noun.end, ctx.clause_end) is not None


def _from_place(ctx: NumberContext) -> bool:
    """ "the other 17 were from Ya'an City" and nothing after the place but the clause's
    end: not "… were from Calder and were moved"."""
    m = _FROM_PLACE_RE.match(ctx.text, ctx.phrase.end, ctx.clause_end)
    return m is not None and not _VERB_IN_REST_RE.search(ctx.text, m.end(), ctx.clause_end)


_VERB_IN_REST_RE = re.compile(r"\b(?:were|was|are|is|been|had|have|has|\w+ed)\b", re.IGNORECASE)
# "seven in Castilla-La Mancha", "one each in Andalusia", "seven in a neighbouring area of
# Castilla": a bare number and its place.
_PLACE_AFTER_RE = re.compile(
    r"\s+(?:each\s+)?(?:in|at|across|from)\s+(?:(?:the|a|an)\s+)?(?:[a-z]+\s+){0,3}?[A-Z]"
)
# After the noun: the people counted are some of a toll told before ("seven police officers
# were among the dead").
_AMONG_AFTER_RE = re.compile(
    r"(?:\s+(?:who|which|that)\b[^.;\d]{0,80}?)?(?:\s+(?:were|was|are)(?:\s+also)?)?\s+among\s+"
    r"(?:the\s+|those\s+)?"
    r"(?P<among>dead|deceased|victims|killed|wounded|injured|missing)\b",
    re.IGNORECASE,
)
# "In Las Piedras alone, 214": a part of the whole toll.
_ALONE_RE = re.compile(r"\balone\b", re.IGNORECASE)


def of_them(ctx: NumberContext) -> re.Match[str] | None:
    """ "N of them", "N of the dead" right after the number."""
    return _OF_THEM_RE.match(ctx.text, ctx.phrase.end, ctx.clause_end)


def part_frame(ctx: NumberContext) -> re.Match[str] | None:
    """The words before the number that make it a part ("including", "Among the dead,")."""
    return PART.search(ctx.left, ctx.left_starts) or tail_search(PART_TAIL, ctx.left)


def is_part(ctx: NumberContext) -> bool:
    """Whether the words before the number make it part of a total: "including 35",
    "Among the dead were 17", "including fighters from both sides and at least 40", but
    not "including eight women and three" (a number between: the three is coordinated) nor
    "towns including Rafah and 12" (no people between)."""
    m = part_frame(ctx)
    if m is None:
        return False
    words = m.group(0)
    if words[:9].lower() != "including" or " and" not in words:
        return True
    between = words[9 : words.rfind(" and")].split()
    return not find_number_phrases(words) and any(is_person_word(w) for w in between)


# "raising the toll to 149—61 men, 36 women and 52 children": a breakdown after a dash
# (or "--"), colon or bracket is part of the count before it.
_BREAKDOWN_RE = re.compile(r"\s*(?:[—–:(]|--)\s*[\"'“‘]?$")


# "three more deaths were recorded: two in Castilla and one in Andalusia", "two died -- one
# at the Central Hospital and …", "two deaths in the state: “One in Vale County …": a
# breakdown by place after the words of the count and a colon (or "--"), at most this far
# after the count.
_COLON_BREAKDOWN_RE = re.compile(r"[^\d.;:]{0,60}(?::|\s--)\s*[\"'“‘]?$")


# "Five others died in the attack — four women and a boy": who the count was, after its
# clause and a dash.
_DASH_BREAKDOWN_RE = re.compile(r"[^\d.;:]{0,60}\s[—–]\s*$")


def is_breakdown(ctx: NumberContext, previous: Claim) -> bool:
    """Whether the number opens a breakdown of the claim just before it ("149—61 men",
    "three more deaths: two in Castilla and one in Andalusia", "Five died — four women
    and a boy")."""
    if previous.char_end > ctx.phrase.start:
        return False
    if _BREAKDOWN_RE.match(ctx.text, previous.char_end, ctx.phrase.start):
        return True
    if (
        ctx.noun.is_person
        and (ctx.phrase.low or 0) <= (previous.low or 0)
        and _DASH_BREAKDOWN_RE.fullmatch(ctx.text, previous.char_end, ctx.phrase.start)
        and right_cue(ctx) is None
    ):
        return True
    return bool(
        _COLON_BREAKDOWN_RE.match(ctx.text, previous.char_end, ctx.phrase.start)
        and not ctx.noun.words
        and ctx.phrase.low <= previous.low  # a part is no larger than its total
        and _PLACE_AFTER_RE.match(ctx.text, ctx.phrase.end, ctx.clause_end)
        and right_cue(ctx) is None  # "…: 300 in Valencia were evacuated" says its own
    )


def is_coordinated(ctx: NumberContext, previous: Claim) -> bool:
    """Whether the number shares the verb and noun of the claim before it in its sentence:
    "and" between them, no casualty word between, a person noun or none, and no casualty
    word of its own after it."""
    text, phrase = ctx.text, ctx.phrase
    if previous.char_end > phrase.start or not _COORDINATED_RE.match(
        text, previous.char_end, phrase.start
    ):
        return False
    # Its own noun ("1,293 deaths in Al Haouz, 452 in Taroudant") is no verb between them;
    # another number between them ("two children, aged 15 and 16") breaks the list.
    after_previous = read_noun_phrase(text, previous.char_end, phrase.start).end
    between = text[after_previous : phrase.start]
    if _DIGIT_RE.search(between) or (
        _NUMBER_WORD_RE.search(between.lower()) and find_number_phrases(between)
    ):
        return False
    if right_cue(ctx) is not None or IMMEDIATE_STATE_RE.match(text, ctx.noun.end, ctx.clause_end):
        return False  # its own casualty word ("… and 40 people remain under treatment")
    rest = _REST_RE.search(text, previous.char_end, phrase.start)
    if rest is not None and (
        ctx.noun.words
        or ";" in text[previous.char_end : phrase.start]
        or (
            rest.group(0).lower().startswith(("other", "remaining"))
            and not _DEAD_FRAME_RE.search(text, ctx.sentence.start, previous.char_start)
        )
    ):
        # the rest of a list is a bare number ("and another seven at Linwood"; not "another
        # 100 children were orphaned"), and "the other 17" the rest of the dead only after a
        # frame of the dead ("Among the dead, 29 … and the other 17"), not the rest of a
        # group ("Twelve of the 40 pilgrims died, and the other 28 …": the survivors)
        return False
    if not CUE.search(text, ctx.cues, 0, after_previous, phrase.start):
        if ctx.noun.is_person:
            # "… killed 12, and 40 militants took part": a clause of their own
            return not has_own_verb(ctx)
        if _from_place(ctx):
            return True  # "and the other 17 were from Ya'an City"
        bare = _BARE_RE.match(text, phrase.end, ctx.clause_end)
        # "19 were caused by the Vale Fire and 12 by the Ridge Fire": a part's sibling by
        # another cause; "killed 12 people, 3 by beheading" breaks the 12 down instead.
        return bare is not None and (
            bare.group(0).strip().lower() != "by" or bool(previous.part_of)
        )
    # The verb of the first count stands between: the next shares it only as a bare number
    # with its own place ("217 people died in Valencia, seven in Castilla and one in …").
    return bool(
        not ctx.noun.words
        and (_PLACE_AFTER_RE.match(text, phrase.end, ctx.clause_end) or _from_place(ctx))
        and not adjacent_cue(ctx)
    )


# "Sixty-four of the dead were children and 57 were women": a bare number whose predicate
# names who they were, joined by "and" or a comma to a part before it, is a part of the
# same total.
_PREDICATE_AFTER_RE = re.compile(r"\s+(?:were|was|are|is)\s+(?:all\s+|also\s+)?(?P<who>[\w-]+)")
_JOINED_RE = re.compile(r"(?:,|\band)\s*$")
PREDICATE_PAIR_REACH = 80


def is_predicate_part(ctx: NumberContext, previous: Claim) -> bool:
    """Whether the number is the next of a list of parts told by their predicates ("64 of
    the dead were children and 57 were women")."""
    if not previous.part_of or ctx.noun.words or previous.char_end > ctx.phrase.start:
        return False
    between = ctx.text[previous.char_end : ctx.phrase.start]
    if len(between) > PREDICATE_PAIR_REACH or not _JOINED_RE.search(between):
        return False
    who = _PREDICATE_AFTER_RE.match(ctx.text, ctx.phrase.end, ctx.clause_end)
    return who is not None and is_person_word(who.group("who"))


# "The toll reached 499 on Monday, from 476 as reported on Sunday", "risen to 1,332 from 918
# the day before", "jumped to 600 from more than 300 a day earlier": the figure after "from"
# is the same count's earlier value. An earlier time after it says so ("as reported
# Sunday", "a day earlier"); a weekday or nothing after it only after a verb of change
# before the count ("has risen to 1,332 from 918."), not "killed 12 people at the market,
# open from 6 on Friday", "killed 12 people from 3 villages".
_COMPARED_BEFORE_RE = re.compile(r"[^.;:\d]{0,60}?[\s,]from\s+[\"'“‘]?$", re.IGNORECASE)
_EARLIER_TIME_AFTER_RE = re.compile(
    r"[\"'”’]?\s*(?:as\s+(?:reported|announced|given|recorded)\b|a\s+day\s+(?:earlier|before)\b|"
    r"the\s+(?:previous|day\s+before|week\s+before)\b|earlier\b|previously\b)",
    re.IGNORECASE,
)
_TIME_OR_END_AFTER_RE = re.compile(
    r"[\"'”’]?\s*(?:(?:on\s+)?(?:" + "|".join(WEEKDAYS) + r"|yesterday)\b|[,.;)]|$)",
    re.IGNORECASE,
)
# The verb of change stands at most this far before the count compared ("has risen to").
_CHANGE_BEFORE_REACH = 40
_CHANGE_BEFORE_RE = re.compile(
    rf"\b(?:{lexicon.alternation(lexicon.change_verbs())})\b[^.;\d]*$", re.IGNORECASE
)


# A figure the count before it replaces or rejects: "is 30 and not 17 as earlier reported",
# "around 250, not 359 reported earlier", "about 50, rather than 500", "several dozen, not
# nearly 500 as the group had claimed". After a bare "not", the words after the number must
# say it was given before or by others ("12 killed, not 13" alone may be a correction of a
# typo, a claim of its own).
_REJECTED_BEFORE_RE = re.compile(
    r"[^.;:\d]{0,60}?[\s,]\s*(?:and\s+|but\s+)?(?P<how>not|rather\s+than|instead\s+of)\s+"
    r"(?:the\s+)?[\"'“‘]?$",
    re.IGNORECASE,
)


def is_compared_figure(ctx: NumberContext, previous: Claim) -> bool:
    """Whether the number is the earlier value of the count right before it in its
    sentence ("… to 1,332 from 918 as reported Sunday"), or a figure that count replaces
    ("… is 30 and not 17 as earlier reported")."""
    text, end = ctx.text, ctx.clause_end + 1
    if previous.char_end > ctx.phrase.start:
        return False
    rejected = _REJECTED_BEFORE_RE.fullmatch(text, previous.char_end, ctx.phrase.start)
    if rejected is not None and not ctx.noun.head:  # "not 359 reported earlier"
        # "not 359 reported earlier", "rather than 500 as first reported" (not "rather than
        # the 3,000 predicted", "employs 400 workers rather than 600")
        return bool(REJECTED_AFTER_RE.match(text, ctx.phrase.end, end))
    if ctx.noun.words:
        return False
    if _COMPARED_BEFORE_RE.fullmatch(text, previous.char_end, ctx.phrase.start) is None:
        return False
    if _EARLIER_TIME_AFTER_RE.match(text, ctx.phrase.end, end):
        return True
    reach = max(ctx.sentence.start, previous.char_start - _CHANGE_BEFORE_REACH)
    return bool(
        _TIME_OR_END_AFTER_RE.match(text, ctx.phrase.end, end)
        and _CHANGE_BEFORE_RE.search(text, reach, previous.char_start)
    )


# "19 people had drowned; 7 were children", "40 were killed, 12 were soldiers": a bare number
# after a toll and a semicolon or comma, whose predicate names who they were, is a part.
_AFTER_TOTAL_RE = re.compile(r"[^.;,\d]{0,60}[;,]\s*$")


def is_predicate_of(ctx: NumberContext, total: Claim) -> bool:
    """Whether the number is a part of the toll right before it told by its predicate, no
    larger than it and with nothing after who they were ("; 7 were children", not "; 120
    were residents who fled")."""
    if total.part_of or ctx.noun.words or total.char_end > ctx.phrase.start:
        return False
    if (ctx.phrase.low or 0) > (total.low or 0):
        return False
    if not _AFTER_TOTAL_RE.fullmatch(ctx.text, total.char_end, ctx.phrase.start):
        return False
    who = _PREDICATE_AFTER_RE.match(ctx.text, ctx.phrase.end, ctx.clause_end)
    return (
        who is not None
        and is_person_word(who.group("who"))
        and _NOTHING_MORE_RE.fullmatch(ctx.text, who.end(), ctx.clause_end) is not None
    )


_NOTHING_MORE_RE = re.compile(r"[\s.,;:!?\"”’)]*")


def among_after(ctx: NumberContext) -> re.Match[str] | None:
    """ "seven police officers were among the dead", "Eleven tourists among deceased"."""
    return _AMONG_AFTER_RE.match(ctx.text, ctx.noun.end, ctx.clause_end)


# "with 21 and 18 respectively", "40 and 12 deaths, respectively": each number counts one
# of several places or groups named before, so each is a part of the whole. Between the
# number and "respectively" stand at most RESPECTIVE_WORDS words: numbers, "and" and the
# noun they share ("and 18", "and 12 deaths"; not "39 people, with 21 and 18 …").
RESPECTIVE_WORDS = 6


def is_respective(ctx: NumberContext) -> bool:
    """Whether "respectively" closes the list the number opens or continues ("21 and 18
    respectively")."""
    text = ctx.text
    at = text.find("respectively", ctx.phrase.end, ctx.clause_end)
    if at < 0:
        return False
    words = text[ctx.phrase.end : at].replace(",", " ").split()
    if len(words) > RESPECTIVE_WORDS:
        return False
    # numbers and "and", then at most the noun they share ("and 12 deaths")
    return all(
        w.lower() == "and" or w[:1].isdigit() or w.lower() in NUMBER_WORD_ANCHORS
        for w in words[:-1]
    )


def is_breakdown_item(ctx: NumberContext, previous: Claim) -> bool:
    """Whether the number opens a breakdown of the count before it in its sentence: a place
    in brackets or a "respectively" list ("killed 30 people in Ardent (18), Belmar (12)",
    "killed 39 people, with 21 and 18 deaths respectively"), no larger than that count."""
    return (
        not previous.part_of
        and (previous.low or 0) >= ctx.phrase.low
        and (is_bracket_list_item(ctx) or is_respective(ctx))
    )


def is_subset_of_earlier(
    ctx: NumberContext, previous: Claim | None, of_them: re.Match[str] | None, part: bool
) -> bool:
    """Whether the number is part of a toll told before its sentence (no claim before it in
    the sentence, and a part's words: "Three of the dead were women", "In Las Piedras
    alone, 214", "seven police officers were among the dead")."""
    if previous is None and (
        of_them
        or is_respective(ctx)
        or part
        or ("alone" in ctx.left.lower() and _ALONE_RE.search(ctx.left))
        or is_bracket_list_item(ctx)
    ):
        return True
    return bool(among_after(ctx))


def link_subsets(claims: list[Claim]) -> None:
    """Point each subset told after its toll ("At least 58 were killed. Three of the dead
    were women"; part_of TOTAL_BEFORE) to that toll: the nearest claim of the same outcome
    in an earlier sentence that is no part and no previous figure, preferring one not dated
    to a year or past period (era_text). None such: no link (the items of one list are
    parts of a toll before their sentence, never of one another)."""
    for i, claim in enumerate(claims):
        if claim.part_of != TOTAL_BEFORE:
            continue
        totals = [
            c
            for c in reversed(claims[:i])
            if c.outcome == claim.outcome
            and not c.part_of
            and not c.is_previous
            and (c.low or 0) >= (claim.low or 0)
            and c.sentence_start < claim.sentence_start  # a list's first item is no total
        ]
        current = [c for c in totals if not c.era_text]
        claim.part_of = (current or totals)[0].claim_id if totals else ""


# "Deaths were recorded in Northvale (6), Eastmoor (3) and Linton (2)": a number alone in
# brackets (or with its casualty noun, "Ardent province (212 deaths)") right after a
# capitalised name of one to three words. It counts for that place when the sentence lists
# at least two such items.
_BRACKET_OPEN_RE = re.compile(r"[A-Z][\w'’.-]*(?:\s+[\w'’.-]+){0,2}\s*\(\s*$")
_BRACKET_CLOSE_RE = re.compile(r"\s*\)")
_BRACKETED_COUNT_RE = re.compile(r"\(\s*\d")
_NAME_REACH = 40


def is_bracket_item(text: str, start: int, noun_end: int) -> bool:
    """Whether the number at `start`, whose noun phrase ends at `noun_end`, stands alone
    (with its noun) in brackets after a name."""
    if "(" not in text[max(0, start - 2) : start]:
        return False
    return bool(
        _BRACKET_CLOSE_RE.match(text, noun_end)
        and _BRACKET_OPEN_RE.search(text, max(0, start - _NAME_REACH), start)
    )


def is_bracket_list_item(ctx: NumberContext) -> bool:
    """Whether the number is an item of a list of places with their counts in brackets:
    the sentence has two such items or more and its first item is named as a place (a
    place noun in or right before its name, "Ardent province (212)", "la province de
    Chichaoua (103)"; a preposition of place right before it, "in Northvale (6)"; or
    places named in the plural before the list, "Other districts … include Norland (4)").
    "The dead included Tom Vale (34) and Ann Roe (29), both from Linton district" gives
    ages."""
    text, sentence = ctx.text, ctx.sentence
    if not is_bracket_item(text, ctx.phrase.start, ctx.noun.end):
        return False
    items = list(_BRACKETED_COUNT_RE.finditer(text, sentence.start, sentence.end))
    if len(items) < 2:
        return False
    first = items[0].start() + 1
    name = _BRACKET_OPEN_RE.search(text, max(sentence.start, first - _NAME_REACH), first)
    if name is None:
        return False
    before = max(sentence.start, name.start() - _PLACE_WORD_REACH)
    if _place_noun_re().search(text, before, first):
        return True
    if _place_preposition_re().search(text, before, name.start()):
        return True
    return any(
        m.group(0).lower().endswith("s")
        for m in _place_noun_re().finditer(text, sentence.start, name.start())
    )


# A place noun or preposition this far before a list's first name names it a place.
_PLACE_WORD_REACH = 20


@cache
def _place_noun_re() -> re.Pattern[str]:
    return re.compile(rf"\b(?:{lexicon.alternation(place_nouns())})\b", re.IGNORECASE)


@cache
def _place_preposition_re() -> re.Pattern[str]:
    words = lexicon.alternation(place_prepositions())
    return re.compile(rf"\b(?:{words})\s+(?:the\s+)?$", re.IGNORECASE)


def follows_bracket_item(ctx: NumberContext, previous: Claim) -> bool:
    """Whether the number and the claim before it in its sentence are items of one bracket
    list, with only a comma, "and" or "followed by" between them and the next name."""
    if not is_bracket_list_item(ctx):
        return False
    text = ctx.text
    close = _BRACKET_CLOSE_RE.match(text, previous.char_end)
    noun_end = read_noun_phrase(text, previous.char_end, ctx.phrase.start).end
    close = close or _BRACKET_CLOSE_RE.match(text, noun_end)
    return (
        close is not None and _ITEM_JOIN_RE.match(text, close.end(), ctx.phrase.start) is not None
    )


# Between one item's closing bracket and the next number: a join, the next name, "(".
_ITEM_JOIN_RE = re.compile(
    r"\s*(?:,\s*(?:and\s+)?|and\s+|;\s*)(?:followed\s+by\s+)?[^()\d;.]{1,60}\(\s*$",
    re.IGNORECASE,
)
