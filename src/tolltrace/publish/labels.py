"""Reader's words for the codes of the tables: one place, used by every chart, table and
page. Source names are data (`words/source_names.csv`, extendable like `sources.csv`);
an id made from an organisation's words reads as those words, and a country code after
a generic id as the country ("officials-sy": officials (Syria))."""

from __future__ import annotations

import csv
import datetime as dt
from functools import cache
from pathlib import Path

import pycountry

from tolltrace.model import Outcome, Series

WORDS_DIR = Path(__file__).resolve().parent / "words"

VICTIM_WORDS = {
    Series.CIVILIANS: "civilians",
    Series.UNSPECIFIED: "people",
    Series.ALL: "all victims",
    Series.SECURITY_FORCES: "security forces",
    Series.FIGHTERS: "fighters",
    Series.COMBATANTS: "combatants",
}
OUTCOME_WORDS = {Outcome.KILLED: "killed", Outcome.INJURED: "injured", Outcome.MISSING: "missing"}


@cache
def _names() -> dict[str, tuple[str, str]]:
    with (WORDS_DIR / "source_names.csv").open(encoding="utf-8", newline="") as fh:
        return {row["source_id"]: (row["name"], row["short"]) for row in csv.DictReader(fh)}


def _country(code: str) -> str:
    country = pycountry.countries.get(alpha_2=code.upper()) if len(code) == 2 else None
    return getattr(country, "common_name", None) or getattr(country, "name", "") if country else ""


def source_name(source_id: str, short: bool = False, plain: bool = False) -> str:
    """'Syrian Observatory for Human Rights (SOHR)' (short: 'SOHR'; plain: without the
    abbreviation); 'local sources'; 'officials (Syria)' for officials-sy; 'moroccan
    interior ministry' for an id made from an organisation's words."""
    source_id = str(source_id)
    if source_id in _names():
        name, abbreviation = _names()[source_id]
        if short or name == abbreviation:
            return abbreviation
        return f"{name} ({abbreviation})" if abbreviation.isupper() and not plain else name
    base, _, code = source_id.rpartition("-")
    country = _country(code) if base else ""
    if country:
        return f"{source_name(base, short, plain)} ({country})"
    return source_id.replace("_", " ").replace("-", " ")


def victims(series: str) -> str:
    """'civilians', 'people', 'all victims', …"""
    return VICTIM_WORDS.get(series, str(series).replace("_", " "))


def day(iso: str) -> str:
    """'8 March 2025' for '2025-03-08'; '' for ''."""
    if not iso:
        return ""
    date = dt.date.fromisoformat(str(iso)[:10])
    return f"{date.day} {date:%B %Y}"


def possessive(name: str) -> str:
    """ "the Observatory's", "Human Rights Watch's", "Médecins Sans Frontières'"."""
    return f"{name}'" if name.endswith("s") else f"{name}'s"
