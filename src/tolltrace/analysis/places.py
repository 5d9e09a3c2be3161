"""Which area each figure counts: the whole event, or a part of it (a country of a
cross-border event, a region, a town).

The extractor keeps a claim's place words ("in Hatay", "across both countries"); here
they are resolved against the event's own area and the gazetteers (extract/places.py):

1. The event's area. Words `corpus.toml` declares (`area`, `[places]` of kind other) and
   the capitalised words of its `name` ("Al Haouz earthquake, Morocco": Al Haouz,
   Morocco), with the countries among them or holding them (`countries` adds more). With
   none of these, the countries named by at least COUNTRY_SHARE of the articles with
   claims are the event's, and a town or region named by more than AREA_SHARE of them is
   its area (`describe_area` says what was taken, for the run's summary).
2. A place is the whole event (`event`, empty `place_id`) when it names the area, says
   so ("across both countries", "nationwide"), names the event's only country ("in
   Syria's coastal region", "in northern Syria" for an event in Syria), or names all of
   its countries ("in Turkey and Syria").
3. Otherwise it is a part: a country (`TR`), an ISO 3166-2 region (`TR-31`), a town
   (`SY/Baniyas`), a place corpus.toml declares, or other words (`other:rebel-held-areas`,
   `other:the-city`). A direction or a description of a country ("in northern Syria" in
   a two-country event) counts as that country.
4. A name no gazetteer knows, with no place noun ("in Itaewon"), is left as the whole
   event: splitting a line on a word that may not be a place would hide a toll.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

from tolltrace.extract import lexicon
from tolltrace.extract.place_phrases import place_nouns
from tolltrace.extract.places import (
    Place,
    city_named,
    country_names,
    country_of,
    fold,
    region_named,
)
from tolltrace.ingest.corpus import CorpusConfig
from tolltrace.model import PlaceKind

# Place nouns in the plural without a name ("in the provinces"): all the event's places.
_PLURAL_NOUNS = frozenset(
    "provinces regions states districts governorates towns villages areas".split()
)
COUNTRY_SHARE = 1 / 3
AREA_SHARE = 1 / 2

_NAME_RE = re.compile(r"[A-Z][\w’'-]*(?:\s+(?:(?:al|el|de)\b|[A-Z][\w’'-]*))*")
_POSSESSIVE_RE = re.compile(r"['’]s$")


@dataclass(frozen=True)
class EventArea:
    """The event's area: words that name it, and its countries (ISO codes)."""

    words: tuple[str, ...] = ()
    countries: tuple[str, ...] = ()
    local: tuple[tuple[str, str], ...] = ()  # (folded name, kind) of declared places
    inferred: bool = False


def _leading_words() -> frozenset[str]:
    words = {r["word"] for r in lexicon.rows("place_words.csv") if r["role"] == "preposition"}
    return frozenset(words | {"the", "and"})


@cache
def _whole_event_words() -> frozenset[str]:
    """Phrases that say the whole event ("both countries"), with and without "the"."""
    words = [r["word"] for r in lexicon.rows("place_words.csv") if r["role"] == "whole_event"]
    return frozenset([*words, *(w.removeprefix("the ") for w in words)])


def _not_names() -> frozenset[str]:
    months = [m.name for m in lexicon.months()]
    return frozenset(months + [d.capitalize() for d in lexicon.weekdays()])


def names_in(text: str) -> list[str]:
    """The capitalised names of a text, without months, weekdays or possessive 's."""
    skip = _not_names()
    return [
        _POSSESSIVE_RE.sub("", m.group(0))
        for m in _NAME_RE.finditer(text)
        if m.group(0) not in skip
    ]


def event_area(corpus: CorpusConfig | None) -> EventArea:
    """The area corpus.toml declares or names (rule 1, without inference)."""
    if corpus is None:
        return EventArea()
    words = [*corpus.area, *names_in(corpus.name)]
    local = []
    for place in corpus.places:
        local.extend((fold(n), place.kind) for n in (place.name, *place.aliases))
        if place.kind == PlaceKind.OTHER:
            words.append(place.name)
    countries: list[str] = []
    for code in corpus.countries:
        country = country_of(code) or _by_code(code)
        if country is not None:
            countries.append(country.country)
    for word in words:
        found = country_of(word) or region_named(word)
        if found is not None:
            countries.append(found.country)
    if not countries and words:
        for word in words:
            city = city_named(word)
            if city is not None:
                countries.append(city.country)
    return EventArea(tuple(dict.fromkeys(words)), tuple(dict.fromkeys(countries)), tuple(local))


def _by_code(code: str) -> Place | None:
    import pycountry

    found = pycountry.countries.get(alpha_2=code.upper()) if len(code) == 2 else None
    return Place(found.alpha_2, found.name, "country", found.alpha_2) if found else None


def infer_area(area: EventArea, places: Sequence[str], article_ids: Sequence[str]) -> EventArea:
    """The area from the claims' places when nothing is declared (rule 1)."""
    if area.words or area.countries:
        return area
    articles = set(article_ids)
    if not articles:
        return area
    countries: Counter[str] = Counter()
    parts: Counter[str] = Counter()
    seen: set[tuple[str, str]] = set()
    for text, article in zip(places, article_ids, strict=True):
        for name in names_in(text):
            if (article, name) in seen:
                continue
            seen.add((article, name))
            country = country_of(name)
            if country is not None:
                countries[country.country] += 1
            elif region_named(name) or city_named(name):
                parts[name] += 1
    chosen = sorted(c for c, n in countries.items() if n >= COUNTRY_SHARE * len(articles))
    words: list[str] = []
    if parts:
        name, n = min(parts.items(), key=lambda item: (-item[1], item[0]))
        if n > AREA_SHARE * len(articles):
            words.append(name)
    return EventArea(tuple(words), tuple(chosen), area.local, inferred=bool(chosen or words))


def describe_area(area: EventArea) -> str:
    """The area in words, for the run's summary."""
    names = ", ".join([*area.words, *area.countries]) or "nothing named"
    how = "taken from the articles" if area.inferred else "from corpus.toml"
    return (
        f"event area {how}: {names} (figures for other places are drawn apart; set area "
        "and countries in corpus.toml to change it)"
    )


def resolve_places(places: Sequence[str], area: EventArea) -> tuple[list[str], list[str]]:
    """(place_id, place_kind) per place text (rules 2-4); each distinct text once."""
    memo: dict[str, tuple[str, str]] = {}
    ids, kinds = [], []
    for text in places:
        if text not in memo:
            memo[text] = resolve_place(text, area)
        place_id, kind = memo[text]
        ids.append(place_id)
        kinds.append(kind)
    return ids, kinds


_WHOLE = ("", PlaceKind.EVENT.value)


def resolve_place(text: str, area: EventArea) -> tuple[str, str]:
    """(place_id, place_kind) of one place text (module docstring)."""
    words = text.split()
    leading = _leading_words()
    while words and words[0].lower() in leading:
        words = words[1:]
    body = " ".join(words)
    if not body:
        return _WHOLE
    folded = fold(body)
    if folded in _whole_event_words() or any(fold(w) in folded for w in area.words if w):
        return _WHOLE
    names = names_in(body)
    if not names:
        if body.split()[-1] in _PLURAL_NOUNS and "-" not in body:
            return _WHOLE  # "in the provinces", "across the districts": the event's
        return f"other:{_slug(body)}", PlaceKind.OTHER.value
    found = [_resolve_name(name, body, area) for name in names]
    known = [p for p in found if p is not None]
    if not known:
        return _WHOLE
    countries = {p.country for p in known if p.kind == PlaceKind.COUNTRY}
    if len(known) == 1:
        place = known[0]
        if place.kind == PlaceKind.COUNTRY and area.countries in ((), (place.country,)):
            return _WHOLE
        return place.place_id, place.kind
    if countries and countries == set(area.countries) and len(countries) == len(known):
        return _WHOLE
    return "+".join(sorted(p.place_id for p in known)), PlaceKind.OTHER.value


def _resolve_name(name: str, body: str, area: EventArea) -> Place | None:
    """The place one name of a place phrase stands for: the whole name, else its first
    words ("in Morocco Leaves 296 Dead", a title in title case: Morocco)."""
    words = name.split()
    for n in range(len(words), 0, -1):
        found = _resolve_words(" ".join(words[:n]), body, area)
        if found is not None:
            return found
    return None


def _resolve_words(name: str, body: str, area: EventArea) -> Place | None:
    noun = next((place_nouns()[w] for w in body.split()[::-1] if w in place_nouns()), "")
    country = country_of(name)
    if country is not None and (noun or name in country_names()):
        # "northern Syria", "Syria's coastal region", "the Syrian coast": the country;
        # not an adjective alone ("in Turkish strikes")
        return country
    key = fold(name)
    for local, kind in area.local:
        if local == key:
            return Place(f"local/{name}", name, kind, "")
    countries = area.countries
    if noun != PlaceKind.CITY:
        region = region_named(name, countries)
        if region is not None and (not countries or region.country in countries):
            return region
    city = city_named(name, countries)
    if city is not None and (not countries or city.country in countries):
        return city
    if noun:
        owner = countries[0] if len(countries) == 1 else "other"
        return Place(f"{owner}/{name} {_noun_word(body)}".strip(), name, noun, owner)
    return None


def _noun_word(body: str) -> str:
    return next((w for w in body.split()[::-1] if w in place_nouns()), "")


def _slug(words: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", fold(words)).strip("-")
