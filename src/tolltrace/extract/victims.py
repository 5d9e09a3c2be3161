"""Who a number counts: the noun phrase after a number, and the victim group it names."""

from __future__ import annotations

import re
from itertools import pairwise
from typing import NamedTuple

from tolltrace.extract import lexicon

SECURITY_WORDS = lexicon.words_of("security_forces")
FIGHTER_WORDS = lexicon.words_of("fighters")
CIVILIAN_WORDS = lexicon.words_of("civilians")
GENERIC_PERSON_WORDS = lexicon.words_of(lexicon.PEOPLE)
# A head noun that is not a person: the number counts something else.
NON_PERSON_WORDS = lexicon.words_of(lexicon.NOT_PERSON)
# "three families" counts households; "three family members" counts people.
COLLECTIVE_WORDS = lexicon.words_of(lexicon.COLLECTIVE)
# Nouns that are themselves casualties: "47 bodies", "three of the dead", "600 of the wounded".
DEATH_NOUNS = lexicon.head_nouns()
_ALL_PERSON_WORDS = SECURITY_WORDS | FIGHTER_WORDS | CIVILIAN_WORDS | GENERIC_PERSON_WORDS
# A person word whose plural the lists also hold ("student", "students"; "policeman",
# "policemen"): as a modifier it may stand before the noun it qualifies ("a student
# protest"), and after a number other than one it is a label's ("Grade 8 student").
SINGULAR_PERSON_WORDS = frozenset(
    w
    for w in _ALL_PERSON_WORDS
    if f"{w}s" in _ALL_PERSON_WORDS
    or f"{w}es" in _ALL_PERSON_WORDS
    or (w.endswith("man") and f"{w[:-3]}men" in _ALL_PERSON_WORDS)
    or f"{w}ren" in _ALL_PERSON_WORDS
)
# First words of casualty phrases: after a person noun, its verb ("worker hurt").
_CASUALTY_WORDS = frozenset(p.phrase.lower().split()[0] for p in lexicon.casualty_words())
# Words that end the noun phrase: verbs, relative pronouns, prepositions of place/time.
STOP_WORDS = frozenset(
    """were was have has had are is be been being who that which whom whose killed died dead
    injured wounded missing executed in on at since according by during after before across
    near when as with into than while but and or also reportedly allegedly said says
    remain remained remains still feared believed being for to this last next so over amid
    throughout following within until fatally mortally""".split()
)
# A word (an abbreviation with points, "U.S.", is one), a number or a punctuation mark.
_TOKEN_RE = re.compile(r"(?-i:(?:[A-Z]\.){2,})|[^\W\d_][\w’'-]*|\d[\d,.]*|[^\w\s]")
_BOTH_SIDES_RE = re.compile(r"\b(?:both|either|all)\s+sides\b", re.IGNORECASE)
_DEMONYM_RE = re.compile(r"^[A-Z][a-z]+(?:s|is|ese|ians)$")
_LEADING_OF = frozenset("of the them those these whom".split())
# A number word past the head starts another count: "the two drivers and the three guards".
_COUNT_WORDS = frozenset(
    w for kind in ("unit", "ten") for w in lexicon.number_words().get(kind, {})
)


class NounPhrase(NamedTuple):
    """What follows a number: its head noun, whether it is a person, and its words."""

    head: str
    is_person: bool
    is_non_person: bool
    is_death_noun: bool
    outcome: str  # for casualty nouns: the outcome they name
    end: int  # offset just past the phrase, into the text the phrase was read from
    words: tuple[str, ...]


# The words that may follow "body" when it counts a dead person ("one body was found",
# "a fourth body recovered"); any other word makes it a compound ("body armour").
BODY_FOLLOWERS = frozenset(
    """was is has had were found recovered pulled retrieved discovered located washed
    lay lying in from at on near of believed thought identified""".split()
)
# Past tenses without "-ed": the verb after a plural subject ("two teams found bodies"),
# the verb that ends a noun phrase's "of the …" tail ("of the block fled"), the verb after
# a person noun ("one child went missing").
_IRREGULAR_PAST = lexicon.irregular_past()
_TAIL_MODIFIERS = frozenset(
    "the a an of from on both his her their its our my your this that these those".split()
)
_LINKING_WORDS = _TAIL_MODIFIERS | {"and"}


def _is_tail_verb(word: str, previous: str) -> bool:
    """Whether a word in a noun phrase's tail is the clause's verb: a lower-case past tense
    after a noun ("of the block fled"), not a modifier ("of the armed forces")."""
    if not word.islower() or previous.lower() in _TAIL_MODIFIERS:
        return False
    return word.endswith("ed") or word in _IRREGULAR_PAST


def _subject_and_verb(words: list[str]) -> bool:
    """Whether the words read so far hold a plural noun and a past-tense verb (a clause of
    its own, whose object a death noun after them is), not modifiers ("29 more badly
    burned bodies")."""
    for noun, verb in pairwise(words):
        noun, verb = noun.lower(), verb.lower()
        plural = noun.endswith("s") and not noun.endswith(("ss", "ous", "us"))
        if plural and (verb.endswith("ed") or verb in _IRREGULAR_PAST):
            return True
    return False


def read_noun_phrase(text: str, start: int, stop: int, max_words: int = 7) -> NounPhrase:
    """Read the noun phrase that starts at `start` (just after a number).

    Skips a leading "of the" ("hundreds of civilians"), then takes up to `max_words`
    modifiers until a person or non-person head noun, and continues through a trailing
    "of the ..." or "from both sides" so the victim group can be read from it.
    """
    words: list[str] = []
    head = ""
    is_person = is_non_person = is_death = False
    end = start
    pos = start
    seen_words = 0
    head_index = 0
    after_of = False
    for m in _TOKEN_RE.finditer(text, start, stop):
        tok = m.group(0)
        low = tok.lower()
        if tok in "\"'“”‘’":
            pos = m.end()
            continue
        if not tok[0].isalnum():
            break
        if head:
            # Past the head, read on only through "of the security forces", "from both
            # sides", or further person nouns ("security forces members").
            tail_started = len(words) > head_index + 1
            if low in STOP_WORDS and low != "and":
                break
            coordinated = "and" in words[head_index + 1 :]
            if tok[0].isdigit() or (coordinated and low in _COUNT_WORDS):
                # "drivers of the bus and the two guards": the next count starts
                while coordinated and words[-1].lower() in _LINKING_WORDS:
                    end = text.rfind(words.pop(), start, end)
                end = start + len(text[start:end].rstrip())
                break
            if (
                not tail_started
                and low not in ("of", "from", "on")
                and not is_person_word(tok)
                and not (low == "and" and _and_a_person(text, m.end(), stop))
            ):
                break
            if seen_words > max_words + 6:
                break
            if tail_started and _is_tail_verb(tok, words[-1]):
                break  # "300 residents of the block fled": the verb is the clause's own
            words.append(tok)
            seen_words += 1
            end = m.end()
            continue
        if not words and low in ("a", "an"):
            break  # "from 28 a day earlier": no noun of the number's own
        if not words and not after_of and low == "the" and pos == start:
            break  # "up from 94 the previous day": "the" right after it starts no noun
        if not words and low in _LEADING_OF:
            pos = m.end()
            after_of = low == "of"
            continue
        if not words and after_of and tok[0].isdigit():
            continue  # "3 of 12 dogs": the count is of the noun after the second number
        if DEATH_NOUNS.get(low):
            if _subject_and_verb(words):
                break  # "the two targeted villages brought bodies": not their own noun
            words.append(tok)
            end = m.end()
            compound = _NEXT_WORD_RE.match(text, end, stop)
            if compound and (
                compound.group(1).lower() in NON_PERSON_WORDS
                or (low == "body" and compound.group(1).lower() not in BODY_FOLLOWERS)
            ):
                # "166 body parts", "40 body cameras": the thing counted, not the dead.
                words.append(compound.group(1))
                end = compound.end()
                head, is_non_person = compound.group(1), True
                break
            head, is_death = tok, True
            break
        if low in STOP_WORDS:
            break
        words.append(tok)
        seen_words += 1
        end = m.end()
        if low in NON_PERSON_WORDS or (
            low in COLLECTIVE_WORDS and not _person_next(text, m.end(), stop)
        ):
            head, is_non_person = tok, True
            break
        if is_person_word(tok):
            if low in SINGULAR_PERSON_WORDS and _modifies_next(text, m.end(), stop):
                continue  # "two tourist buses", "one victim support group": a modifier
            head, is_person = tok, True
            head_index = len(words) - 1
            continue
        if tok[0].isdigit() or seen_words >= max_words:
            break
    del pos
    outcome = DEATH_NOUNS.get(head.lower(), "") if is_death else ""
    return NounPhrase(head, is_person, is_non_person, is_death, outcome, end, tuple(words))


_NEXT_WORD_RE = re.compile(r"\s+([^\W\d_][\w’'-]*)")


def death_noun_after(text: str, end: int, stop: int) -> bool:
    """The word right after offset `end` is a death noun ("26 bodies", "12 dead")."""
    m = _NEXT_WORD_RE.match(text, end, stop)
    return bool(m) and m.group(1).lower() in DEATH_NOUNS


# Words after "X and Y" that leave Y in the victims' phrase.
_ENDS_A_GROUP = frozenset(
    """were was are had have who killed died dead wounded injured missing in on at from
    across near during and also""".split()
)


# Words besides STOP_WORDS that join a noun to what follows it ("one counselor from the
# camp").
_LINKS = frozenset("of from among inside outside aboard".split())


def _modifies_next(text: str, pos: int, stop: int) -> bool:
    """Whether the word after a singular person noun is the noun it modifies ("tourist
    buses", "victim support group", "student protest"), not its verb ("student died",
    "person dies", "worker hurt") or a word that ends the phrase."""
    m = _NEXT_WORD_RE.match(text, pos, stop)
    if m is None:
        return False
    word = m.group(1)
    low = word.lower()
    if low in NON_PERSON_WORDS or low in DEATH_NOUNS or is_person_word(word):
        return True  # "tourist buses", "civilian deaths", "civilian men"
    return (
        word.islower()
        and low not in STOP_WORDS
        and low not in _LINKS
        and low not in _CASUALTY_WORDS
        and low not in _IRREGULAR_PAST
        and not low.endswith(("s", "ed"))
    )


def _person_next(text: str, pos: int, stop: int) -> bool:
    """Whether the word right after `pos` names people ("family members")."""
    m = _NEXT_WORD_RE.match(text, pos, stop)
    return m is not None and is_person_word(m.group(1))


def _and_a_person(text: str, pos: int, stop: int) -> bool:
    """Whether a person word follows "and" at `pos` and ends the phrase ("soldiers and
    civilians were killed"), rather than starting a clause of its own ("killed 9 people
    and police said …")."""
    m = _NEXT_WORD_RE.match(text, pos, stop)
    if m is None or not is_person_word(m.group(1)):
        return False
    after = _NEXT_WORD_RE.match(text, m.end(), stop)
    return after is None or after.group(1).lower() in _ENDS_A_GROUP


def is_person_word(tok: str) -> bool:
    """Whether `tok` names people (a security, fighter, civilian or generic person word)."""
    low = tok.lower()
    return (
        low in SECURITY_WORDS
        or low in FIGHTER_WORDS
        or low in CIVILIAN_WORDS
        or low in GENERIC_PERSON_WORDS
        or bool(_DEMONYM_RE.match(tok))
    )


def victim_group(words: tuple[str, ...] | list[str], text_after: str = "") -> str:
    """The victim group named by a noun phrase's words.

    The head and its modifiers decide: fighters of both sides, or security forces and
    fighters together, are `combatants`; combatants named with civilians ("soldiers and
    civilians") are `all`; otherwise a security word makes `security_forces`, a fighter
    word `fighters`, civilian words `civilians`; everything else (people, an ethnic group)
    is `unspecified`.
    """
    lows = [w.lower() for w in words]
    joined = " ".join(lows) + " " + text_after.lower()
    has_fighter = any(w in FIGHTER_WORDS for w in lows)
    has_security = any(w in SECURITY_WORDS for w in lows)
    has_civilian = any(w in CIVILIAN_WORDS for w in lows)
    if "combatants" in lows or "combatant" in lows:
        return "combatants"
    if (has_fighter or has_security) and _BOTH_SIDES_RE.search(joined):
        return "combatants"
    if (has_fighter or has_security) and has_civilian and "and" in lows:
        return "all"  # "soldiers and civilians"; not "women fighters", "child soldiers"
    if has_fighter and has_security:
        return "combatants"
    if has_fighter and not has_civilian:
        return "fighters"
    if has_security and not has_civilian:
        return "security_forces"
    if has_civilian and not (has_fighter or has_security):
        return "civilians"
    return "unspecified"
