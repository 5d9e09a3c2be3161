"""Sources named only by a proper name: "Zabihullah Mujahid said", "according to Jana Roe",
"“… 40 were killed,” said spokesman Tom Vale", "the Hadra Observatory for Human Rights said".

The alias table knows organisations and titles. A sentence that names neither may still
name who gives its figure: a person, or a body the table does not know, called by two to
five capitalised words, with a reporting verb right after the name (an aside between
commas may stand between: "Habtamu Fetena, head of the zonal committee, said"), or
"according to" or a reporting verb right before it. Such a name is a source of its own:
its id is made from its words and its kind is `named` (`government` when an office
stands in its aside or just before it), and the run summary lists it among the names the
alias table does not know, so a journalist can map it to the body it speaks for in
`sources.csv`. Only sentences where the table finds no source are read so.
"""

from __future__ import annotations

import re

from tolltrace.extract import lexicon
from tolltrace.extract._fastscan.scanning import Guarded
from tolltrace.extract.organisations import is_place
from tolltrace.extract.places import country_of
from tolltrace.extract.sources import SourceMention

KIND = "named"
GOVERNMENT = "government"

# A capitalised word, with the particles names carry inside ("Ashraf al-Qidra", "Luiz da
# Silva") and initials ("Jane Q. Roe").
_CAP = r"(?:[A-ZÀ-ÖØ-Þ][^\W\d_]*(?:['’-][^\W\d_]+)*|[A-Z]\.)"
_PARTICLE = r"(?:(?:al|el|da|de|di|do|dos|du|van|von|der|den|bin|ibn|la|le)[\s-])"
# Two to five such words, maybe joined by "of", "for", "and" or "on" ("the Hadra
# Observatory for Human Rights").
_JOIN = r"(?:(?:of|for|and|on)\s+(?:the\s+)?)"
_NAME = rf"{_CAP}(?:[\s-]+{_JOIN}?{_PARTICLE}?{_CAP}){{1,4}}"
# An aside between the name and its verb holds no number: "Tom Vale, whose brother was
# among the 12 killed, said …" is no source of the 12. An aside that opens with a
# lower-case word and names an office may lack its closing comma ("Tom Vale, director of
# information of the province said"; not "the Frontier Corps, he said").
_OFFICE_WORDS = (
    r"official|spokes(?:man|woman|person)|minister|chief|head|director|governor|mayor|"
    r"commissioner|secretary|officer|superintendent|inspector|commander|administrator|"
    r"prefect|sheriff|manager|chairman|chairwoman|chairperson"
)
_ASIDE = (
    r"(?:,[^,.;\"“”\d]{1,80},"
    rf"|,\s+(?=(?-i:[a-z]))[^,.;\"“”\d()]{{0,60}}?\b(?:{_OFFICE_WORDS})\b[^,.;\"“”\d()]{{0,40}})?"
)
_VERBS = lexicon.alternation(lexicon.name_verbs())
_VERB_WORDS = lexicon.first_words(lexicon.name_verbs())

# Each reporting verb, or "according to", is found first; the name is then read right
# before the verb ("Zabihullah Mujahid said", "Habtamu Fetena, head of the committee,
# said") or right after it ("according to Jana Roe", "…,” said spokesman Tom Vale").
VERB = Guarded(
    re.compile(rf"\b(?:(?P<verb>{_VERBS})|according\s+to)\b", re.IGNORECASE),
    needs=(*_VERB_WORDS, "according"),
)
# The same, read in the lower-cased text (faster: no case folding at each offset).
_VERB_LOW_RE = re.compile(rf"\b(?:(?P<verb>{_VERBS})|according\s+to)\b")
# A name, its aside and an adverb are read this far back from the verb.
NAME_REACH = 160
_NAME_BEFORE_RE = re.compile(
    rf"(?<![\w’'-])(?P<name>{_NAME}){_ASIDE}\s+(?:had\s+)?"
    r"(?:also\s+|further\s+|later\s+)?$"
)
# Lower-case words between a verb and the name ("said spokesman Tom Vale"), but not a
# preposition: "told reporters in San Alejo" names a place, not a speaker.
_PLACE_WORDS = r"(?:in|at|from|near|outside|inside|to|on|of|across|into)"
_NAME_AFTER_RE = re.compile(
    rf"\s+(?:(?!{_PLACE_WORDS}\b)(?-i:[a-z]+)\s+){{0,3}}(?P<name>{_NAME})(?![\w’'-])"
)
# Only after "according to", or after a verb that follows a comma or a quote.
_QUOTE_OR_COMMA_RE = re.compile(r"[,\"”’]\s*$")

# Words a capitalised run may open with that name nobody ("The Ministry", "On Monday",
# "Cyclone Chido").
_NOT_FIRST = frozenset(
    """the a an this these that those it its they he she we our their his her in on at as
    after before but and or so if when while since for from by with of to officials police
    authorities according however meanwhile earlier later then also cyclone hurricane storm
    typhoon tropical operation flight""".split()
)
# Titles of address before a surname ("Mr Bush"), and with the ranks and offices of a name
# ("Col. Tom Reed"), with or without their points: no part of the name.
TITLES_OF_ADDRESS = frozenset("mr mrs ms dr prof".split())
_HONORIFICS = frozenset(
    title + point
    for title in TITLES_OF_ADDRESS | set("col gen lt maj capt sgt rev sen rep gov".split())
    for point in ("", ".")
)
# Weekdays (not months: "Jan Egeland", "Theresa May").
_CALENDAR = frozenset("monday tuesday wednesday thursday friday saturday sunday".split())
# A preposition or a vessel, building or street before the name: a place or a thing.
_BEFORE_NAME_REACH = 20  # "aboard the " before the name, with room to spare
_NOT_A_SPEAKER_BEFORE_RE = re.compile(
    r"\b(?:in|at|near|from|of|on|outside|inside|aboard|ferry|ship|vessel|boat|hotel|mall|"
    r"station|street|hospital|camp|stadium|airport)\s+(?:the\s+)?$",
    re.IGNORECASE,
)
# An office in the aside or before the name makes its holder an official: "Habtamu
# Fetena, head of the zonal emergency committee, said", "said spokesman Tom Vale".
_OFFICE_RE = re.compile(rf"\b(?:{_OFFICE_WORDS})\b", re.IGNORECASE)
# An office is a government's when a word of government stands with it ("head of the zonal
# emergency committee", "Divisional Railway Manager"; not "director of the Hadra
# Observatory", "manager of the Linton Hotel").
_GOVERNMENT_RE = re.compile(
    r"\b(?:ministry|minister|government|governor|mayor|state|district|zonal|provincial|"
    r"county|municipal|federal|national|police|army|military|railways?|authority|agency|"
    r"department|council|prefect|sheriff|commissioner)\b",
    re.IGNORECASE,
)
# An office before the name is read this far back ("Divisional Railway Manager (DRM) ").
OFFICE_REACH = 40


def named_speakers(text: str, start: int, end: int, low: str | None = None) -> list[SourceMention]:
    """Every proper name in text[start:end] framed as giving a figure (module docstring).
    `low` is the text lower-cased (scanning.lowered), when the caller has it."""
    found: list[SourceMention] = []
    if not VERB.may_match(text, start, end, low):
        return found
    verbs = (
        _VERB_LOW_RE.finditer(low, start, end)
        if low is not None
        else VERB.pattern.finditer(text, start, end)
    )
    for verb in verbs:
        if verb.group("verb"):
            before = _NAME_BEFORE_RE.search(
                text, max(start, verb.start() - NAME_REACH), verb.start()
            )
            if before is not None:
                _add(found, _mention(text, start, before, before.start()))
                continue
            if not _QUOTE_OR_COMMA_RE.search(text, max(start, verb.start() - 3), verb.start()):
                continue
        after = _NAME_AFTER_RE.match(text, verb.end(), end)
        if after is not None:
            _add(found, _mention(text, start, after, verb.start()))
    return sorted(found)


_NAME_ENDING_RE = re.compile(rf"(?<![\w’'-])(?P<name>{_NAME})$")


def person_named(text: str, start: int, end: int) -> SourceMention | None:
    """The person whose name ends at `end` ("Police Commissioner Mike Bush", read back to
    `start` at most) as a source of their own, as when they are named giving a figure: a
    speaker quoted later by surname alone ("Mr Bush said") whose full name stood in a
    sentence that gave no source."""
    m = _NAME_ENDING_RE.search(text, max(start, end - NAME_REACH), end)
    while m is not None:
        mention = _mention(text, start, m, m.start())
        if mention is not None:
            return mention
        # "Police Commissioner Mike Bush": a run may open with a word no name opens with
        space = text.find(" ", m.start(), end)
        m = _NAME_ENDING_RE.match(text, space + 1, end) if space >= 0 else None
    return None


def _add(found: list[SourceMention], mention: SourceMention | None) -> None:
    if mention is not None and not any(
        mention.start < f.end and f.start < mention.end for f in found
    ):
        found.append(mention)


def _mention(text: str, start: int, m: re.Match[str], frame: int) -> SourceMention | None:
    n_start, n_end = m.span("name")
    words = text[n_start:n_end].replace("-", " ").split()
    # "Mr Akem", "Nepal Shailendra Thapa": a title or a country before the name is no part
    # of it.
    while words and (words[0].lower() in _HONORIFICS or country_of(words[0]) is not None):
        words = words[1:]
    if words and words[-1].lower() in _NOT_FIRST:
        return None  # "… Human Rights Violations The reported scale …": a heading run in
    if len(words) < 2 or words[0].lower() in _NOT_FIRST or is_place(" ".join(words)):
        return None  # "North Carolina reported": a place (its government: sources.acronyms)
    if "and" in words:
        return None  # "Sindh and Punjab reported": two sources, or two places
    if any(w.lower().removesuffix("’s").removesuffix("'s") in _CALENDAR for w in words):
        return None  # "Monday's Situation Report"
    if words[-1].endswith(("'s", "’s")):
        return None  # "North Carolina's reported deaths": a possessive names no speaker
    if _NOT_A_SPEAKER_BEFORE_RE.search(text, max(start, n_start - _BEFORE_NAME_REACH), n_start):
        return None  # "camps near Cox Bazar reported", "the ferry Sea Star reported"
    source_id = "-".join(w.lower().strip(".’'") for w in words)
    around = (max(start, min(frame, n_start) - OFFICE_REACH), m.end())
    official = _OFFICE_RE.search(text, *around) and _GOVERNMENT_RE.search(text, *around)
    kind = GOVERNMENT if official else KIND
    return SourceMention(n_start, n_end, text[n_start:n_end], source_id, kind, True)
