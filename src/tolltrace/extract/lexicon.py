"""The extractor's word lists, read once from the data files in `lexicon/`.

Each list is defined once, in a CSV file a journalist can read and extend without
touching a pattern; the rules build their patterns from these lists (`phrase_pattern`)
and know from them which words can start a match (`first_words`), which the fast scan
indexes. A phrase is words separated by single spaces (any run of white space in the
text); a word ending in `*` takes any ending ("heat*": heat, heatstroke, heatwave).

| file | what it lists |
|---|---|
| `casualty_words.csv` | words that tell of a casualty (or that the people counted are not one) |
| `casualty_stems.csv` | pieces of casualty words, one of which every claim's sentence holds |
| `casualty_nouns.csv` | nouns that are themselves casualties ("47 bodies", "three of the dead") |
| `toll_frames.csv` | nouns of a toll that a number follows ("the death toll rose to 524") |
| `toll_verbs.csv` | words that end a toll frame ("rose to", "stands at"), and the rises |
| `irregular_past.csv` | past tenses without "-ed" ("went", "found"): a clause's verb |
| `victim_words.csv` | nouns of people by victim group, and nouns of things that are not people |
| `number_words.csv` | number words ("twelve", "hundred") |
| `qualifiers.csv` | words before a number that qualify it ("more than", "about") |
| `vague_terms.csv` | vague quantity words and their conservative coding ("dozens": 12) |
| `languages.csv` | the decimal mark of each language ("3.5" in English, "3,5" in German) |
| `calendar.csv` | month and weekday names, with their abbreviations |
| `event_nouns.csv` | nouns naming an event or period ("the 2004 tsunami") |
| `sources.csv` | the source alias table (see `tolltrace.extract.sources`) |
| `source_frames.csv` | words right before a source ("according to", "a report released by") |
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterable
from functools import cache
from typing import NamedTuple

from tolltrace import config

# The outcome of words that say the people counted are no casualty ("fled", "rescued").
NOT_A_CASUALTY = "none"
# Victim-word groups besides the victim groups: generic people, and things that are not.
PEOPLE = "people"
NOT_PERSON = "not_person"
COLLECTIVE = "collective"  # "three families": a count of households, not of people


def rows(name: str) -> list[dict[str, str]]:
    """The rows of one lexicon file."""
    return _rows(name)


def _rows(name: str) -> list[dict[str, str]]:
    with (config.LEXICON_DIR / name).open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def phrase_pattern(phrase: str) -> str:
    """The regular expression of one lexicon phrase: "lost their lives" gives
    r"lost\\s+their\\s+lives", "heat*" gives r"heat\\w*", and last words "!under" say
    what may not follow: "buried !under !by_debris" is "buried" not followed by "under" or
    "by debris" (those are rows of their own)."""
    words, nots = [], []
    for word in phrase.split():
        if word.startswith("!"):
            nots.append(r"\s+".join(re.escape(w) for w in word[1:].split("_")))
        elif word.endswith("*"):
            words.append(re.escape(word[:-1]) + r"\w*")
        else:
            words.append(re.escape(word))
    pattern = r"\s+".join(words)
    if nots:
        pattern += rf"(?!\s+(?:{'|'.join(nots)})\b)"
    return pattern


def alternation(phrases: Iterable[str]) -> str:
    """The phrases as one regex alternation, in their order."""
    return "|".join(phrase_pattern(p) for p in phrases)


def first_words(phrases: Iterable[str]) -> frozenset[str]:
    """The lower-case first words of the phrases, less those another one begins ("kill"
    stands for "killed" too): every match of `alternation(phrases)` starts with one."""
    words = {p.split()[0].rstrip("*").lower() for p in phrases}
    return frozenset(w for w in words if not any(w != v and w.startswith(v) for v in words))


class CasualtyWord(NamedTuple):
    """A row of casualty_words.csv. `roles`: `cue` (anywhere in the number's clause it
    names the outcome, or for `none` rules the count out), `state` (right after the
    number: "30 were killed"), `either` (in "died or gone missing": a count of two
    outcomes at once, which is no count of either), `soft` (a `none` word that can still
    go with injuries: "pulled out alive and taken to hospital"), `lives` (a verb whose
    "N lives" are deaths: "claimed 288 lives"), `people` (a verb whose people counted,
    with no casualty word of their own, are dead: "the floods have claimed 229 people")."""

    phrase: str
    outcome: str
    roles: frozenset[str]


@cache
def casualty_words() -> tuple[CasualtyWord, ...]:
    return tuple(
        CasualtyWord(r["phrase"], r["outcome"], frozenset(r["roles"].split()))
        for r in _rows("casualty_words.csv")
    )


def casualty_phrases(outcome: str, role: str = "cue") -> tuple[str, ...]:
    """The phrases of one outcome (`NOT_A_CASUALTY` for the disqualifying ones) with
    `role`, in file order."""
    return tuple(w.phrase for w in casualty_words() if w.outcome == outcome and role in w.roles)


def role_phrases(role: str) -> tuple[str, ...]:
    """Every phrase with `role`, whatever its outcome, in file order."""
    return tuple(w.phrase for w in casualty_words() if role in w.roles)


@cache
def casualty_nouns() -> dict[str, tuple[str, frozenset[str]]]:
    """noun → (outcome, roles): `head` (a number's own noun that is a casualty: "47
    bodies"), `count` (after a four-digit number, it makes a count, not a year: "the 2000
    wounded")."""
    return {
        r["noun"]: (r["outcome"], frozenset(r["roles"].split()))
        for r in _rows("casualty_nouns.csv")
    }


def head_nouns() -> dict[str, str]:
    """Casualty nouns a number can have as its own noun, with their outcome."""
    return {n: o for n, (o, roles) in casualty_nouns().items() if "head" in roles}


def count_nouns() -> tuple[str, ...]:
    return tuple(n for n, (_, roles) in casualty_nouns().items() if "count" in roles)


@cache
def casualty_stems() -> tuple[str, ...]:
    """Lower-case pieces of words one of which every claim's sentence holds (casualty_stems.csv:
    "kill", "injur", "morts")."""
    return tuple(row["stem"] for row in _rows("casualty_stems.csv"))


@cache
def source_frames() -> dict[str, tuple[str, ...]]:
    """Words before a source, by part (source_frames.csv): `lead` ("according to"),
    `document` ("report") and `verb` ("released"), as in "according to a report released
    by the NDMA"; `medium` ("broadcaster"), as in "according to Korean broadcaster KBS"."""
    parts: dict[str, list[str]] = {"lead": [], "document": [], "verb": [], "medium": []}
    for row in _rows("source_frames.csv"):
        parts[row["part"]].append(row["phrase"])
    return {part: tuple(phrases) for part, phrases in parts.items()}


def _frame_parts() -> tuple[str, str, str, str]:
    """The alternations of the `lead`, `document`, `verb` and `medium` frames."""
    frames = source_frames()
    return tuple(  # type: ignore[return-value]
        rf"(?:{alternation(frames[part])})" for part in ("lead", "document", "verb", "medium")
    )


def source_frame_pattern() -> str:
    """The words right before a source, ending where the source's name begins (its "the"
    excepted): "according to ", "as per ", "a report released by ", "statistics from ".
    A document noun takes "by", "from" or "of", maybe after a date ("data as of Friday
    from"); after one of the verbs, "by"."""
    lead, document, verb, medium = _frame_parts()
    return (
        rf"(?:(?:{lead}\s+)?(?:(?:an?|the)\s+)?(?:[\w-]+\s+)?{document}"
        rf"(?:\s+{verb})?(?:\s+as\s+of\s+\w+)?\s+(?:by|from|of)|{verb}\s+by"
        rf"|{lead}\s+(?:(?:an?|the)\s+)?(?:\w+\s+)?{medium}|{lead})"
    )


def acronym_frame_pattern() -> str:
    """The frames an acronym needs before it to be a source: a `lead` ("according to the
    NDMA", "as per NDMA", "according to a report by the NDMA", "according to Korean
    broadcaster KBS") or a `verb` with "by" ("statistics released by the NDMA"). Not a
    document alone: in "the toll from the ISIS attack" the acronym is the attacker."""
    lead, document, verb, medium = _frame_parts()
    return (
        rf"(?:{lead}\s+(?:(?:an?|the)\s+)?(?:\w+\s+)?(?:{document}(?:\s+{verb})?\s+"
        rf"(?:by|from|of)|{medium})|(?:{document}\s+)?{verb}\s+by|{lead})"
    )


def source_frame_words() -> frozenset[str]:
    """Words one of which every match of `source_frame_pattern` holds: the longest word of
    each phrase ("per" for "as per": a rare word makes a better guard than "as")."""
    return frozenset(
        max(phrase.lower().split(), key=len).rstrip("*")
        for phrases in source_frames().values()
        for phrase in phrases
    )


@cache
def reporting_verbs(after_name: str = "yes", speaker: str | None = None) -> tuple[str, ...]:
    """Verbs by which a source gives a figure (reporting_verbs.csv). `after_name`: those
    read right after a source's name ("yes": "the ministry said"), or only with "that"
    after them ("that": "the committee established that"). `speaker`: instead, those that
    after "he", "she", "it" or "they" name the speaker of a sentence anywhere ("yes": "…,
    she added") or only after a comma or quote ("quote": "…,” he continued")."""
    if speaker is not None:
        return tuple(r["verb"] for r in _rows("reporting_verbs.csv") if r["speaker"] == speaker)
    return tuple(r["verb"] for r in _rows("reporting_verbs.csv") if r["after_name"] == after_name)


@cache
def name_verbs() -> tuple[str, ...]:
    """Reporting verbs by which a person or body named only by its proper name gives a
    figure ("Jomo Kariuki said"; reporting_verbs.csv, column `name`): not those that would
    make a storm, a perpetrator or a place a source ("Storm Daniel claims 40 lives", "Boko
    Haram claimed the attack", "Grand Central recorded 40,000 passengers")."""
    return tuple(r["verb"] for r in _rows("reporting_verbs.csv") if r["name"] == "yes")


@cache
def change_verbs() -> tuple[str, ...]:
    """Verbs of a figure that changes ("the toll rose from 31 to 281"; change_verbs.csv)."""
    return tuple(r["verb"] for r in _rows("change_verbs.csv"))


@cache
def change_from_pattern() -> str:
    """A toll's noun and a verb of change, then "from", ending right before the earlier
    figure: "the number of missing soared from ", "raised the death toll from ". Only a
    toll changes so: "the mercury climbed from 38 to 45" is no toll."""
    verbs = alternation(change_verbs())
    toll = r"(?:toll|tally|count|number|figure|dead|deaths|fatalities|casualties|missing|"
    toll += r"injured|wounded)"
    return (
        rf"(?:\b{toll}\b[^.;\d]{{0,60}}?\b(?:{verbs})"  # "the toll rose on Monday from"
        rf"|\b(?:{verbs})\s+the\s+(?:death\s+)?{toll})"  # "raised the death toll from"
        r"\s+(?:[\w,]+\s+){0,3}?from\s+"
    )


@cache
def kin_words() -> frozenset[str]:
    """Words of a family (kin_words.csv): "lost his two daughters" counts the dead."""
    return frozenset(r["word"] for r in _rows("kin_words.csv"))


@cache
def toll_frames() -> tuple[str, ...]:
    return tuple(r["phrase"] for r in _rows("toll_frames.csv"))


@cache
def irregular_past() -> frozenset[str]:
    """Past tenses that do not end in "-ed" ("one child went missing", "two teams found
    bodies"; irregular_past.csv): a word the rules read as a clause's verb."""
    return frozenset(r["verb"] for r in _rows("irregular_past.csv"))


@cache
def toll_verbs(rise: bool = False) -> tuple[str, ...]:
    """The words that end a toll's frame right before its number ("the death toll rose to
    524", "stands at 90"; toll_verbs.csv), or only the verbs of a rise ("the toll crept up
    to 116": risen to, not "at most")."""
    return tuple(r["phrase"] for r in _rows("toll_verbs.csv") if not rise or r["rise"] == "yes")


@cache
def victim_words() -> dict[str, frozenset[str]]:
    """group → its words: the victim groups civilians, security_forces and fighters,
    `PEOPLE` (people of no group: "people", "victims"), `NOT_PERSON` ("homes") and
    `COLLECTIVE` ("families": no person counted, but "family members" are)."""
    groups: dict[str, set[str]] = {}
    for r in _rows("victim_words.csv"):
        groups.setdefault(r["group"], set()).add(r["word"])
    return {group: frozenset(words) for group, words in groups.items()}


def words_of(group: str) -> frozenset[str]:
    return victim_words().get(group, frozenset())


@cache
def number_words() -> dict[str, dict[str, int]]:
    """kind (`unit`, `ten`, `scale`, `ordinal`) → {word: value}, in file order."""
    kinds: dict[str, dict[str, int]] = {}
    for r in _rows("number_words.csv"):
        kinds.setdefault(r["kind"], {})[r["word"]] = int(r["value"])
    return kinds


def small_number_words(lowest: int, highest: int) -> tuple[str, ...]:
    """Unit and ten words whose value lies in [lowest, highest], in file order."""
    kinds = number_words()
    return tuple(
        w
        for kind in ("unit", "ten")
        for w, v in kinds.get(kind, {}).items()
        if lowest <= v <= highest
    )


@cache
def qualifiers() -> dict[str, str]:
    """Words before a number → its qualifier ("more than": more_than)."""
    return {r["phrase"]: r["qualifier"] for r in _rows("qualifiers.csv")}


@cache
def vague_terms() -> dict[str, int]:
    """The coding of vague quantity words: term → conservative low value."""
    return {r["term"]: int(r["low"]) for r in _rows("vague_terms.csv")}


@cache
def decimal_marks() -> dict[str, str]:
    """Language code → the character that marks decimals in its numbers ("." in English, ","
    in German or Spanish)."""
    return {r["language"]: r["decimal_mark"] for r in _rows("languages.csv")}


def decimal_mark(language: str) -> str:
    """The decimal mark of a manifest `language` ("en", "en-GB", "de"), or "" when unknown."""
    code = language.strip().lower().replace("_", "-").split("-")[0]
    return decimal_marks().get(code, "")


class Month(NamedTuple):
    number: int
    name: str
    abbreviations: tuple[str, ...]


@cache
def months() -> tuple[Month, ...]:
    return tuple(
        Month(int(r["number"]), r["name"], tuple(r["abbreviations"].split()))
        for r in _rows("calendar.csv")
        if r["kind"] == "month"
    )


@cache
def weekdays() -> tuple[str, ...]:
    """Weekday names in lower case, Monday first (the order of `date.weekday()`)."""
    rows = [r for r in _rows("calendar.csv") if r["kind"] == "weekday"]
    return tuple(r["name"].lower() for r in sorted(rows, key=lambda r: int(r["number"])))


def month_abbreviations() -> tuple[str, ...]:
    """Every month abbreviation in month order, the longer first ("Sept", "Sep")."""
    return tuple(a for m in months() for a in sorted(m.abbreviations, key=len, reverse=True))


def month_numbers() -> dict[str, int]:
    """Lower-case month names and abbreviations → month number."""
    numbers: dict[str, int] = {}
    for m in months():
        numbers[m.name.lower()] = m.number
        for abbreviation in m.abbreviations:
            numbers[abbreviation.lower()] = m.number
    return numbers


@cache
def event_nouns() -> tuple[str, ...]:
    return tuple(r["noun"] for r in _rows("event_nouns.csv"))
