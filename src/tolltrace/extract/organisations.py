"""Named organisations the alias table does not know, kept as sources of their own.

The alias table names the sources it knows ("SOHR", "UN") and has broad rows for the
rest ("officials", "local sources"). When such a row matches a proper name of an
organisation ("the Moroccan Interior Ministry", "Maui County", "the Central Committee of
Sudanese Doctors"), folding it into `officials` would pool two governments into one
series. Instead the name becomes an id of its own, made from its words; an acronym the
article defines ("National Disaster Management Authority (NDMA)") or that reports a figure
("NDMA said") is the id of that organisation. The run summary lists these names, so a
journalist can give them one id in `sources.csv`.

Ids: the significant words of the name in lower case joined by hyphens, "Ministry of X"
turned into "X ministry" ("interior-ministry", "maui-county", "sudan-doctors-union");
an acronym as written ("NDMA").
"""

from __future__ import annotations

import re
from functools import cache
from typing import NamedTuple

from tolltrace.extract import lexicon
from tolltrace.extract.places import city_named, country_names, country_of, region_named

# Titles of an office a source can be named by, with its place or portfolio.
_OFFICES = frozenset(
    "minister secretary spokesman spokeswoman spokesperson governor mayor collector "
    "commissioner director chief president magistrate superintendent sheriff".split()
)
# Words of a name that make no difference to whom it names.
_STOP = frozenset("the a an of for and on in 's ’s".split())
# Titles of people: "Health Minister", "the spokesman" stay the broad `officials` row.
_TITLES = frozenset(
    "minister spokesman spokeswoman spokesperson governor mayor official officials president "
    "collector officer prosecutor commissioner chief secretary director magistrate "
    "superintendent sheriff".split()
)
_WORD_RE = re.compile(r"[\w’'-]+")
# Initials with dots: "U.S.", "U.K.".
_INITIALS_RE = re.compile(r"\b(?:[A-Z]\.){2,}")


def _undotted(text: str) -> str:
    """`text` with the dots of its initials dropped: "U.S. Coast Guard" → "US Coast Guard"."""
    return _INITIALS_RE.sub(lambda m: m.group(0).replace(".", ""), text)


# "Ministry of the Interior and Safety" → "interior and safety ministry".
_OF_FORM_RE = re.compile(
    r"^(?P<head>[\w-]+)\s+(?:of|for)\s+(?:the\s+)?(?P<rest>.+)$", re.IGNORECASE
)
# An acronym in brackets, "(NDMA)", and the name right before it: "National Disaster
# Management Authority (NDMA)" (the name is read back from the bracket).
_BRACKETED_RE = re.compile(r"\((?P<acronym>[A-Z][A-Z&]{1,7})\)")
_NAME_BEFORE_RE = re.compile(
    r"(?P<name>(?:(?-i:[A-Z])[\w’'-]*\s+(?:(?:of|for|and|on)\s+(?:the\s+)?)?){1,8})$"
)
_NAME_REACH = 120  # eight words of a name, with their spaces
# An acronym that reports a figure: "NDMA said", "according to the NDMA", "the NDH death
# breakdown".
# A capitalised word right after an acronym may name the branch's region: "PDMA Punjab".
_REGION_AFTER = r"(?:\s+(?P<region>(?-i:[A-Z][a-z]+)))?"
ACRONYM_AFTER_RE = re.compile(
    r"(?-i:(?P<acronym>\b[A-Z][A-Z&]{1,7}(?:\s+[A-Z][A-Z&]{1,7})*))"
    + _REGION_AFTER
    + r"(?=\s+(?:has\s+|had\s+|also\s+)?(?:said|says|"
    r"reported|reports|stated|added|confirmed|announced|recorded|counted|tallied|estimated)\b"
    r"|(?:['’]s)?\s+(?:(?:death|casualty|latest|official)\s+)?"
    r"(?:breakdown|figures|data|tally|count|estimate)\b)"
)
# An acronym, and the place that may follow it ("PDMA Sindh"); it names a source when a
# frame of source_frames.csv comes right before it ("according to the NDMA", "as per PDMA
# Sindh"), which sources.SourceTable.acronyms checks.
ACRONYM_RE = re.compile(
    r"(?-i:(?P<acronym>\b[A-Z][A-Z&]{1,7}(?:\s+[A-Z][A-Z&]{1,7})*))(?![\w&])" + _REGION_AFTER
)
# Two capitals in a row: no acronym without them (a cheap test before the patterns above).
CAPITALS_RE = re.compile(r"[A-Z][A-Z&]")
# Acronyms that are no organisation.
_NOT_ORGANISATIONS = frozenset(
    "AM PM GMT UTC BST CET US UK EU TV AP AFP UPI DNA CPR ICU ID OK MP MLA CM".split()
)


class Named(NamedTuple):
    """An organisation named in the text: its id, its kind and whether it was an acronym."""

    source_id: str
    kind: str
    acronym: bool


@cache
def _heads() -> dict[str, str]:
    """Organisation nouns (the last word of a name) → the kind of source they name."""
    return {r["noun"]: r["kind"] for r in lexicon.rows("organisation_nouns.csv")}


def named_organisation(text: str, first_word: bool = False) -> Named | None:
    """The id of the organisation `text` names ("the Moroccan Interior Ministry"), or None
    when it is no proper name of one (a title, "the ministry", "local officials").

    `first_word`: `text` opens its sentence, so its first capital may be no name's
    ("Emergency services said"); then the organisation noun must have a capital too."""
    words = _WORD_RE.findall(_undotted(text))
    while words and words[0].lower() in _STOP:
        words = words[1:]
        first_word = False
    heads = [i for i, w in enumerate(words) if w.lower() in _heads()]
    if not heads:
        return _office(words)
    joined = [h for h in heads[:-1] if words[h + 1].lower() == "and"]
    if joined:  # "Karama Hospital and Nasr Hospital said": two bodies, the first one's id
        words, heads = words[: joined[0] + 1], [h for h in heads if h <= joined[0]]
    joins = [i for i, w in enumerate(words) if w.lower() in ("of", "for")]
    if joins and joins[0] < heads[0] < len(words):
        # "Fernando Bastidas of the Permanent Committee", "Secretary General of the General
        # Directorate": the body named after "of" is the source.
        return named_organisation(" ".join(words[joins[0] + 1 :]))
    if any(w.lower() in _TITLES for w in words):
        return _office(words)
    head = heads[-1]
    kind = _heads()[words[head].lower()]
    names = [w for i, w in enumerate(words) if i != head and w[:1].isupper()]
    if first_word and words[0] in names and not words[head][:1].isupper():
        names.remove(words[0])
    if not names:
        return None  # "the ministry", "local authorities", "Emergency services": no name
    return Named(slug(" ".join(words)), kind, False)


def _office(words: list[str]) -> Named | None:
    """An office named by its place ("Kerala Health Minister", "Odisha Chief Secretary",
    "West Bengal chief minister", "Pakistan Climate Change Minister") as a source of its
    own; None for a title without a place the gazetteer knows ("the minister", "Prime
    Minister Roe", "Health Minister …"), or an anonymous official ("a Syrian security
    official"), which stay the broad `officials` row. Two offices of two places are two
    sources; one title without its place would pool every country's."""
    titles = [i for i, w in enumerate(words) if w.lower() in _OFFICES]
    if not titles or any(w.lower() in ("official", "officials") for w in words):
        return None
    before = words[: titles[0]]
    # A capitalised word that is an organisation's noun is no place ("Police Chief": there
    # is a town called Police).
    names = [w for w in before if w[:1].isupper() and w.lower() not in _heads()]
    places = [w for w in names if is_place(w)] or (
        [" ".join(names)] if len(names) > 1 and is_place(" ".join(names)) else []
    )
    if not places:
        return None
    return Named(slug(" ".join(words)), "government", False)


def is_place(name: str) -> bool:
    """A country, region or city the gazetteer knows ("Kerala", "Pakistan", "Quetta")."""
    return any(find(name) is not None for find in (country_of, region_named, city_named))


def slug(name: str) -> str:
    """The id of a name: "Ministry of the Interior" → "interior-ministry"; a country named
    by its name or adjective goes last, as its ISO code, so that "the Moroccan Interior
    Ministry" and "Morocco's Interior Ministry" are one id (`interior-ministry-ma`)."""
    name = " ".join(name.replace("’s", "").replace("'s", "").split())
    name = _undotted(name)
    of_form = _OF_FORM_RE.match(name)
    if of_form and of_form.group("head").lower() in _heads():
        name = f"{of_form.group('rest')} {of_form.group('head')}"
    words, countries = [], []
    for word in _WORD_RE.findall(name):
        country = country_of(word.strip("’'-")) if word[:1].isupper() else None
        if country is not None:
            countries.append(country.place_id.lower())
        elif word.lower().strip("’'-") not in _STOP:
            words.append(word.lower().strip("’'-"))
    return "-".join([w for w in words if w] + sorted(set(countries)))


# A country or region that reports a figure: "Turkey has reported 3,500 deaths", "Syria
# said", "Odisha revised the toll".
_COUNTRY_VERBS = (
    "said", "says", "reported", "reports", "confirmed", "announced", "recorded", "counted",
    "put the", "revised", "lowered", "raised", "updated",
)  # fmt: skip
COUNTRY_SAID_RE = re.compile(
    r"(?-i:(?P<name>\b[A-Z][\w’'.-]+(?:\s+[A-Z][\w’'.-]+){0,2}))"
    rf"(?=\s+(?:has\s+|had\s+|also\s+)?(?P<verb>{lexicon.alternation(_COUNTRY_VERBS)})\b)"
)
# The verbs COUNTRY_SAID_RE looks for after a name: a sentence with none of them names no
# reporting country (a cheap test before the pattern, which is tried at every offset).
COUNTRY_VERB_RE = re.compile("|".join(sorted(lexicon.first_words(_COUNTRY_VERBS))))


def country_qualified(source_id: str, text: str) -> str:
    """`source_id` with the ISO code of the country `text` names ("Kenyan officials" →
    officials-ke), or as it is when it names none."""
    codes = sorted(
        {
            c.place_id.lower()
            for w in _WORD_RE.findall(text)
            if w[:1].isupper() and (c := country_of(w))
        }
    )
    return "-".join([source_id, *codes]) if codes else source_id


# A region that "reported" or "recorded" deaths is where they happened ("Punjab reported
# 223 deaths"); one that revised a figure is its government. ("X said" is left to
# countries: the region table is not read for every "Smith said".)
_REGION_VERBS = frozenset({"revised", "lowered", "raised", "updated"})


def reporting_country(name: str, verb: str = "said", text: str = "") -> Named | None:
    """The government of the country or region `name` names ("Turkey", "Odisha"), as a
    source ("government-tr", "government-in-od"), given the `verb` after the name. A
    region counts only after a verb of revision, when `text` (the article) names its
    country, and never when its name is also a town's ("Washington revised": not the
    state's government)."""
    place = country_names().get(name)
    if place is None and verb.lower() in _REGION_VERBS:
        region = region_named(name)
        if (
            region is not None
            and any(n in text for n in _names_of_country(region.country))
            and city_named(name) is None
        ):
            place = region
    if place is None:
        return None
    return Named(f"government-{place.place_id.lower().replace('/', '-')}", "government", False)


@cache
def _names_of_country(code: str) -> tuple[str, ...]:
    """The names of a country by its ISO code ("India", "Republic of India")."""
    return tuple(name for name, place in country_names().items() if place.country == code)


def defined_acronyms(text: str, low: str | None = None) -> dict[str, str]:
    """The acronyms an article defines after a name, each with the id of the name:
    {"NDMA": "national-disaster-management-authority"}."""
    found: dict[str, str] = {}
    if "(" not in text:
        return found
    for m in _BRACKETED_RE.finditer(text):
        acronym = m.group("acronym")
        before = _NAME_BEFORE_RE.search(text, max(0, m.start() - _NAME_REACH), m.start())
        if before is None or acronym in _NOT_ORGANISATIONS:
            continue
        named = named_organisation(before.group("name"))
        if named is not None:
            found.setdefault(acronym, named.source_id)
    return found


def acronym_id(acronym: str, region: str | None) -> str:
    """The id of an acronym, with the region it is followed by when that is a place the
    gazetteer knows: "PDMA Sindh" → "PDMA-sindh" (one province's branch), "NDMA" → "NDMA"."""
    if region and (region_named(region) is not None or country_of(region) is not None):
        return f"{acronym}-{slug(region)}"
    return acronym


def is_organisation_acronym(acronym: str) -> bool:
    return acronym not in _NOT_ORGANISATIONS


def is_dateline(word: str) -> bool:
    """Whether a word in capitals is a place (a dateline: "KERALA: …", "BEIRUT: …")."""
    return is_place(word.title())
