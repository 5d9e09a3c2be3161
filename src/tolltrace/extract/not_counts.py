"""Numbers that are no casualty count: units, dates, years, labels, ages, rates, speakers,
bodies identified, and counts of people who are not casualties (nobody, people on board,
forecasts).

A wrong number on a chart is worse than a missed one, so doubtful cases are dropped.
"""

from __future__ import annotations

import re

from tolltrace.extract import lexicon
from tolltrace.extract._fastscan.scanning import StartAnchored
from tolltrace.extract.context import Left, NumberContext
from tolltrace.extract.cues import adjacent_negative
from tolltrace.extract.numbers import NumberPhrase
from tolltrace.extract.sentences import Sentence
from tolltrace.extract.victims import SINGULAR_PERSON_WORDS, death_noun_after, is_person_word

# A plain four-digit number in this range is a year unless a count's words frame it. (An
# era, tolltrace.extract.eras, names only 1900-2099: a year that dates a toll.)
YEARS = range(1800, 2101)

# A unit or share right after the number: "13-year war", "10%", "5 km", "210 kph", and a
# clock time: "as of 6:15 p.m.", "at 8:40pm" (whole words: "18 Americans" is no "18 am").
_UNIT_AFTER_RE = re.compile(
    r"(?::[0-5]\d(?!\d)"
    r"|-(?:year|day|month|week|hour|minute|old|strong|member|km|mile|storey|story|kilometre)"
    r"|\s*%|\s*°|\s+(?:percent(?:age)?|per\s+cent|pm|am|p\.m\.|a\.m\.|GMT|BST|CET|km\b|kilometres|miles|"
    r"kph|mph|km/h|knots|degrees|celsius|fahrenheit)(?!\w))",
    re.IGNORECASE,
)
# Places that people live in: "a city of 2 million".
_POPULATED = "city|town|province|district|region|state|country|nation|island|county|metropolis"
# Counts of people that are not casualties, read on the words before the number.
NOT_A_TOLL = StartAnchored(
    re.compile(
        "|".join(
            (
                # "no one was killed", "none of the 300 passengers were hurt", "not one
                # student was hurt": nobody.
                r"\b(?:no|none\s+of(?:\s+the|\s+its|\s+their)?|not\s+a\s+single|not)\s+$",
                # "a ferry carrying 250 passengers": who was on board, not who died; but
                # "the river carried 26 bodies" counts the dead (a death noun follows).
                r"(?P<on_board>\b(?:carrying|carried|transporting|ferrying|"
                r"(?:packed|crammed|overloaded|loaded)\s+with)\s+$)",
                # "could kill up to 1,000", "the toll is expected to rise to 80": a forecast.
                # "may have killed 40" stays a claim; "May" and "Will" (a month, a name)
                # count only in lower case.
                r"\b(?:could|might|would|can|(?-i:may|will)|"
                r"(?:expected|likely|set|projected|feared)\s+to)\s+(?!have\b)(?:\w+\s+){0,2}?"
                r"(?:kill|injure|wound|claim|rise|climb|reach|exceed|top|surpass|pass|hit|increase|"
                r"grow|go\s+up|go|"
                r"double|jump|soar|spike|swell|leap|mount|see|cause|leave)\w*(?:\s+(?:further|still|again|sharply|significantly))?"
                r"(?:\s+(?:to|above|over|past|beyond|by|into|up\s+to|as\s+high\s+as))?\s+$",
                # "no plan to injure 50", "designed to kill 20": an intent.
                r"\b(?:plans?|planned|planning|designed|intended|intends?|aims?|aimed|wants?|"
                r"wanted|tried|trying|threatened|threatens|threatening)\s+to\s+(?:kill|injure|"
                r"wound|harm)(?:\s+[^.;]{1,60}?\s+and\s+(?:kill|injure|wound|harm))?\s+$",
                # "children under the age of 16", "aged 21": an age.
                r"\b(?:ages?\s+of|aged(?:\s+(?:between|from|under|over))?)\s+$",
                # "3 deaths per 100,000 people", "an average of 400 a year": a rate.
                r"\b(?:per|every)\s+$",
                # "Norland, home to 80,000 people", "a province of 2 million people": who
                # live there.
                rf"\b(?:home\s+to|population\s+of|(?:{_POPULATED})\s+of)\s+$",
            )
        ),
        re.IGNORECASE,
    ),
    starts=("no", "not", "carrying", "carried", "transporting", "ferrying", "packed", "crammed",
            "overloaded", "loaded", "could", "might", "would", "can", "may", "will", "expected",
            "likely", "set", "projected", "feared", "age", "ages", "aged", "per", "every",
            "home", "population", "plan", "plans", "planned", "planning", "designed", "intended",
            "intend", "intends", "aim", "aims", "aimed", "want", "wants", "wanted", "tried",
            "trying", "threatened", "threatens", "threatening",
            *_POPULATED.split("|")),
)  # fmt: skip
# NOT_A_TOLL ends at the number, so it is looked for only in its last characters: the
# longest forecast ("are expected to rise further to about ") is under 100 characters.
NOT_A_TOLL_REACH = 100
# "an average of 400 a year": a mean, not a toll (read on the last words: "an" and "on" are
# too common to index).
_AVERAGE_BEFORE_RE = re.compile(
    r"\b(?:an\s+average\s+of|on\s+average,?|all\s+but)\s+$", re.IGNORECASE
)  # and "all but one person aboard died": who survived
_AVERAGE_REACH = 20  # "on average, " and "an average of " are under 20 characters
# A day of a month: "March 6", "6th of March".
_MONTHS = (
    "(?:"
    + "|".join([m.name for m in lexicon.months()] + list(lexicon.month_abbreviations()))
    + r")\.?"
)
MONTH_BEFORE = StartAnchored(
    re.compile(rf"\b{_MONTHS}\s+$"), starts=(m.name[:3] for m in lexicon.months())
)
_MONTH_AFTER_RE = re.compile(rf"(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTHS}\b")
# A label: "Resolution 2254", "No. 3", "aged 12", "Route 66", "flight 808".
LABEL_BEFORE = StartAnchored(
    re.compile(
        r"\b(?:No\.|number|Resolution|Article|Route|Highway|page|chapter|Section|aged|age|ages|"
        r"flight)\s*$",
        re.IGNORECASE,
    ),
    starts=("no.", "number", "resolution", "article", "route", "highway", "page", "chapter",
            "section", "age", "flight"),
)  # fmt: skip
# A four-digit number framed as a count, not a year: "Among the 2000 wounded", "The toll
# rose to 2013 on Tuesday".
_COUNT_NOUN_AFTER_RE = re.compile(
    rf"\s+(?:{lexicon.alternation(lexicon.count_nouns())})\b", re.IGNORECASE
)
_DETERMINER_BEFORE_RE = re.compile(r"\b(?:the|all|some|about|nearly|over)\s+$", re.IGNORECASE)
_DETERMINER_REACH = 12  # "nearly " with spaces around it
_TOLL_REACHED_RE = re.compile(
    r"\b(?:toll|tally|figure)\s+(?:has\s+|had\s+)?(?:rose|risen|climbed|jumped|increased|"
    r"reached|stood\s+at|stands\s+at)\s+(?:to\s+)?$",
    re.IGNORECASE,
)
_TOLL_REACHED_REACH = 40  # "tally has stood at to " is under 40 characters
# "raised the death toll from 28 to 68": a rise, not the range 28-68.
_FROM_BEFORE_RE = re.compile(r"\bfrom\s+$", re.IGNORECASE)
_FROM_REACH = 8
# The number counts bodies identified, not the dead: "16 of the victims had been identified",
# "205 bodies had already been identified", "82 bodies were still unidentified", "187
# bodies yet to be identified", "8 remain unidentified".
_IDENTIFIED_AFTER_RE = re.compile(
    r"(?:\s+(?:victims|bodies))?"  # "five of the dead victims had been identified"
    r"(?:\s+of\s+(?:whom|them|those|these))?"  # "41 of whom have been positively identified"
    r"(?:\s+(?:had|have|has|been|were|was|are|now|so\s+far|already|still|yet\s+to\s+be|"
    r"remain|remains|remained|positively|formally|officially|fully))*"
    r"\s+(?:identified\b(?!\s+as\b)|unidentified\b)",
    re.IGNORECASE,
)
# Bodies handled, not the dead counted again: "110 bodies were kept at the hospital", "the
# bodies of 24 foreign nationals have been sent home", "89 bodies were released to
# families" (but "44 bodies were brought to hospital" is how a toll is first told).
_HANDLED_AFTER_RE = re.compile(
    r"(?:\s+of\s+[^.;,]{1,50}?)?(?:\s+(?:had|have|has|been|were|was|are|is|now|already|still|"
    r"being))*\s+(?:identified\b(?!\s+as\b)|unidentified|unclaimed|handed\s+over|sent|kept|"
    r"flown|repatriated|preserved|lying|awaiting|released|returned)\b",
    re.IGNORECASE,
)
_BODY_WORDS = frozenset({"bodies", "corpses", "remains"})
_BODIES_OF_BEFORE_RE = re.compile(r"\b(?:bodies|remains)\s+of\s+(?:the\s+)?$", re.IGNORECASE)
_BODIES_OF_REACH = 20  # "the bodies of the "
# "28 unidentified bodies", "the unclaimed bodies": not the toll.
_HANDLED_WORDS = frozenset({"unidentified", "unclaimed"})
# The number counts who speak, not who died: "Two security sources said another 19 …"
# ("says" only after one: in "a father who lost his two daughters says", he speaks).
_SPEAKERS_AFTER_RE = re.compile(
    r"(?:\s+(?!(?:were|was|are|is|have|has|had|been|who|which|that|and|or|but)\b)[A-Za-z][\w-]*)"
    r"{0,2}\s+(?P<verb>said|say|says|told|stated)\b(?!\s+to\b)",
    re.IGNORECASE,
)
# "3 deaths per 100,000 people", "400 people a year", read after the noun: a rate.
_RATE_AFTER_RE = re.compile(
    r"\s+(?:(?:per|for\s+every|out\s+of\s+every|in\s+every)\s+(?:[\d,]+|hundred|thousand|"
    r"million|capita|head)\b|(?:a|an|each|every|per)\s+(?:year|month|week|day)\b"
    r"(?!\s+(?:after|before|earlier|later|ago|into|on|since)\b)|"
    r"(?:annually|yearly)\b)",
    re.IGNORECASE,
)


# An age after a name: "said Maria Lopez, 45, who had travelled", "Ahmed, 12,".
_NAME_REACH = 30
_NAME_BEFORE_RE = re.compile(r"(?-i:[A-Z][\w’'.-]*),\s+$")
_AGE_AFTER_RE = re.compile(r",|\s+(?:who|whose)\b")


# "one of the most resounding victories", "one of the deadliest": a superlative, no count.
_ONE_OF_THE_MOST_RE = re.compile(
    r"\s+of\s+the\s+(?:most|least|deadliest|worst|bloodiest|largest|biggest|greatest|"
    r"heaviest|highest|strongest|best|longest|oldest|youngest|latest|earliest)\b",
    re.IGNORECASE,
)
# "three of his four children": a count of a family before the number, which is then the
# family's size (the kin of kin_words.csv).
_COUNT_OF_THEIR_BEFORE_RE = re.compile(
    r"\b(?:\d[\d,]*|one|two|three|four|five|six|seven|eight|nine|ten)\s+of\s+"
    r"(?:his|her|their|my|our)\s+$",
    re.IGNORECASE,
)
_COUNT_OF_THEIR_REACH = 30
_NEXT_WORD_RE = re.compile(r"\s+([^\W\d_]+)")
_KIN_WORDS = lexicon.kin_words()


def _family_size(text: str, end: int, words: str) -> bool:
    """ "three of his four children": the number after "N of his" counts the family."""
    if not _COUNT_OF_THEIR_BEFORE_RE.search(words[-_COUNT_OF_THEIR_REACH:]):
        return False
    nxt = _NEXT_WORD_RE.match(text, end)
    return nxt is not None and nxt.group(1).lower() in _KIN_WORDS


# After a figure a count rejects: the words that say it was given before or by others ("30
# and not 17 as earlier reported", "not nearly 500 as the group had claimed";
# parts.is_compared_figure).
REJECTED_AFTER_RE = re.compile(
    r"[\"'”’]?\s*(?:as\s+(?:[^\W\d]+\s+){0,3}?(?:had\s+|has\s+|have\s+)?"
    r"(?:earlier\s+|previously\s+|initially\s+|first\s+)?(?:claimed|said|reported|stated|announced)\b"
    r"|(?:reported\s+|given\s+|announced\s+)?(?:earlier|previously|initially)\b)",
    re.IGNORECASE,
)
# "…, not 17", "… and not 17" before such words: a rejected figure, not "not one".
_REJECTED_NOT_BEFORE_RE = re.compile(r"(?:,\s*|\s)(?:and\s+|but\s+)?not\s+$", re.IGNORECASE)


# "1 in 3 was a child", "one out of five": a ratio, not a count.
_RATIO_AFTER_RE = re.compile(
    r"\s+(?:in|out\s+of)\s+(?:every\s+)?(?:\d|two|three|four|five|six|seven|eight|nine|ten)\b",
    re.IGNORECASE,
)


def is_not_a_count(text: str, sentence: Sentence, phrase: NumberPhrase, left: Left) -> bool:
    """Numbers that are units, dates, years, labels or ages rather than counts of people,
    or counts of people that are not casualties (NOT_A_TOLL), read before the noun."""
    words = left.text
    if (
        _UNIT_AFTER_RE.match(text, phrase.end, sentence.end)
        or _AVERAGE_BEFORE_RE.search(words[-_AVERAGE_REACH:])
        or _RATIO_AFTER_RE.match(text, phrase.end, sentence.end)
    ):
        return True
    not_a_toll = NOT_A_TOLL.search(words, left.starts, 0, max(0, len(words) - NOT_A_TOLL_REACH))
    if not_a_toll and not (
        (not_a_toll.group("on_board") and death_noun_after(text, phrase.end, sentence.end))
        or _rejected_figure(text, sentence, phrase, words)
    ):
        return True
    if phrase.vague_term:
        return False
    if MONTH_BEFORE.search(words, left.starts) or _MONTH_AFTER_RE.match(
        text, phrase.end, sentence.end
    ):
        return True
    if _is_a_year(text, sentence, phrase, words):
        return True
    if (
        phrase.text.isdigit()
        and _NAME_BEFORE_RE.search(words[-_NAME_REACH:])
        and _AGE_AFTER_RE.match(text, phrase.end, sentence.end)
    ):
        return True  # an age after a name
    if phrase.qualifier == "exact" and LABEL_BEFORE.search(words, left.starts):
        return True
    if phrase.low == 1 and _ONE_OF_THE_MOST_RE.match(text, phrase.end, sentence.end):
        return True  # "one of the deadliest attacks"
    if _family_size(text, phrase.end, words):
        return True  # "three of his four children": the family, not the dead
    # "raised the death toll from 28 to 68": a rise, not a range
    return phrase.qualifier == "range" and bool(_FROM_BEFORE_RE.search(words[-_FROM_REACH:]))


def _rejected_figure(text: str, sentence: Sentence, phrase: NumberPhrase, words: str) -> bool:
    """ "… is 30 and not 17 as earlier reported": "not" before a figure given before or by
    others is no "not one" (parts.is_compared_figure reads it as the earlier value)."""
    return bool(
        _REJECTED_NOT_BEFORE_RE.search(words[-12:])
        and REJECTED_AFTER_RE.match(text, phrase.end, sentence.end)
    )


def _is_a_year(text: str, sentence: Sentence, phrase: NumberPhrase, words: str) -> bool:
    """A plain four-digit number in YEARS, unless a count's words frame it ("the 2000
    wounded", "the toll rose to 2013")."""
    if not (
        phrase.qualifier == "exact"
        and phrase.text.isdigit()
        and len(phrase.text) == 4
        and phrase.low in YEARS
    ):
        return False
    counted = _COUNT_NOUN_AFTER_RE.match(
        text, phrase.end, sentence.end
    ) and _DETERMINER_BEFORE_RE.search(words[-_DETERMINER_REACH:])
    return not counted and not _TOLL_REACHED_RE.search(words[-_TOLL_REACHED_REACH:])


# "We have already identified 22 bodies", "identified another one of the fatalities": a
# count of identifications (but "identified 12 of the dead" names some of the dead).
_IDENTIFIED_BEFORE_RE = re.compile(r"\bidentified\s+(?P<another>another\s+)?$", re.IGNORECASE)
# "whose body was one of the 18 recovered": one of a count told right after, not a count.
_ONE_OF_A_COUNT_RE = re.compile(r"\s+of\s+(?:the\s+|those\s+)?\d", re.IGNORECASE)
# "In every family, there is at least one person killed": a count in each of many, not a
# toll.
_DISTRIBUTIVE_WORDS = ("every", "each", "Every", "Each")  # a cheap test first
_DISTRIBUTIVE_BEFORE_RE = re.compile(
    r"\b(?:every|each)\s+(?!(?:death|one)\b)[\w-]+,?\s+(?:there\s+(?:is|was|are|were)\s+"
    r"|has\s+|had\s+|lost\s+)$",
    re.IGNORECASE,
)


def _handled(ctx: NumberContext) -> bool:
    """Bodies identified, kept, sent or still unidentified: a count of their handling."""
    noun, text = ctx.noun, ctx.text
    if any(w.lower() in _HANDLED_WORDS for w in noun.words):
        return True
    tail = ctx.left[-40:]
    identified = _IDENTIFIED_BEFORE_RE.search(tail) if "identified" in tail else None
    if identified and (identified.group("another") or noun.head.lower() in _BODY_WORDS):
        return True
    if ctx.phrase.low == 1 and _ONE_OF_A_COUNT_RE.match(text, ctx.phrase.end, ctx.clause_end):
        return True
    if any(w in tail for w in _DISTRIBUTIVE_WORDS) and _DISTRIBUTIVE_BEFORE_RE.search(tail):
        return True
    if _IDENTIFIED_AFTER_RE.match(text, noun.end, ctx.clause_end):
        return True
    bodies = noun.head.lower() in _BODY_WORDS or _BODIES_OF_BEFORE_RE.search(
        ctx.left[-_BODIES_OF_REACH:]
    )
    return bool(bodies and _HANDLED_AFTER_RE.match(text, noun.end, ctx.clause_end))


def _counts_speakers(ctx: NumberContext) -> bool:
    m = _SPEAKERS_AFTER_RE.match(ctx.text, ctx.phrase.end, ctx.clause_end)
    return m is not None and (m.group("verb").lower() != "says" or ctx.phrase.low == 1)


# People after "by" do something, they are not its casualties: "killed by 3 gunmen", "a
# sweep by about 900 soldiers" (but "the toll rose by 12": a rise).
_CHANGED_BY_RE = re.compile(
    rf"\b(?:{lexicon.alternation(lexicon.change_verbs())})\s+by\s+$", re.IGNORECASE
)
_CHANGED_BY_REACH = 20  # "skyrocketed by " with spaces


def _agents(ctx: NumberContext) -> bool:
    noun = ctx.noun
    return (
        ctx.left[-3:].lower() == "by "
        and noun.is_person
        and not noun.is_death_noun
        and not _CHANGED_BY_RE.search(ctx.left[-_CHANGED_BY_REACH:])
    )


# A label's word right before a number and a singular person noun: "Grade 8 student", "Ward
# 7 resident" (not "including 46 man, 32 women", as some copy writes the dead, nor "On
# Friday 30 civilian deaths").
_LABEL_WORD_BEFORE_RE = re.compile(
    r"\b(?-i:Grade|Class|Year|Form|Standard|Ward|Block|Sector|Zone|Bus|Route|Platform|Level|"
    r"Room|Gate|Flat|Apartment|Unit|Team|Phase|Camp|Section|Division)\s+$"
)
_LABEL_WORD_REACH = 30


# "43 reports of missing persons have been received": an emergency service's count of the
# missing.
_REPORTS_OF_MISSING_RE = re.compile(
    r"\s+(?:reports|requests|calls)\s+(?:of|about)\s+(?:missing|disappeared)\s+(?P<who>[\w-]+)",
    re.IGNORECASE,
)


def reports_the_missing(ctx: NumberContext) -> bool:
    """ "43 reports of missing persons": a count of the missing, not of reports."""
    m = _REPORTS_OF_MISSING_RE.match(ctx.text, ctx.phrase.end, ctx.clause_end)
    return (
        m is not None
        and is_person_word(m.group("who"))  # not "missing dogs"
        and not _RATE_AFTER_RE.match(ctx.text, m.end(), ctx.sentence.end)  # "every year"
    )


def is_no_casualty_count(ctx: NumberContext) -> bool:
    """Read after the noun: a count of things, a rate, who speaks, bodies identified,
    people a verb before the number makes no casualties ("arrested 45 people"), or who
    acts ("killed by 3 gunmen")."""
    text, noun = ctx.text, ctx.noun
    if (
        noun.is_person
        and ctx.phrase.low != 1
        and noun.head.lower() in SINGULAR_PERSON_WORDS
        and _LABEL_WORD_BEFORE_RE.search(ctx.left[-_LABEL_WORD_REACH:])
    ):
        return True  # "a Grade 8 student", "Ward 7 resident": a label's number
    if (
        (noun.is_non_person and not reports_the_missing(ctx))
        or _RATE_AFTER_RE.match(text, noun.end, ctx.sentence.end)
        or (not noun.is_death_noun and _counts_speakers(ctx))
        or _handled(ctx)
        or _agents(ctx)
    ):
        return True
    return not noun.is_death_noun and adjacent_negative(ctx)
