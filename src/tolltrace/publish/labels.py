"""Reader's words for the codes of the tables: one place, used by every chart, table and
page. Source names are data (`words/source_names.csv`, extendable like `sources.csv`);
an id made from an organisation's words reads as those words, and a country code after
a generic id as the country ("officials-sy": officials (Syria))."""

from __future__ import annotations

import csv
import datetime as dt
import re
from enum import StrEnum
from functools import cache
from pathlib import Path

import pandas as pd

from tolltrace.extract.places import country_name
from tolltrace.model import Series, vocab

WORDS_DIR = Path(__file__).resolve().parent / "words"

VICTIM_WORDS = {
    Series.CIVILIANS: "civilians",
    Series.UNSPECIFIED: "people",
    Series.ALL: "all victims",
    Series.SECURITY_FORCES: "security forces",
    Series.FIGHTERS: "fighters",
    Series.COMBATANTS: "combatants",
}


@cache
def _names() -> dict[str, tuple[str, str]]:
    with (WORDS_DIR / "source_names.csv").open(encoding="utf-8", newline="") as fh:
        return {row["source_id"]: (row["name"], row["short"]) for row in csv.DictReader(fh)}


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
    country = country_name(code) if base else ""
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


QUALIFIER_WORDS = {
    "exact": "exact",
    "about": "about",
    "more_than": "more than",
    "at_least": "at least",
    "up_to": "up to",
    "range": "range",
    "vague": "vague word",
}
_SOURCE_COLUMNS = ("source", "best_source", "claimed_source", "ref_source")
_GROUP_COLUMNS = ("victim_group", "series")
_ID_RE = re.compile(r"@(\d+)")


def claim_words(claim_ids: str) -> str:
    """Claim ids in a reader's words: 'flood_a at 12; flood_b at 3'."""
    return _ID_RE.sub(r" at \1", claim_ids)


def readable(frame: pd.DataFrame) -> pd.DataFrame:
    """A copy of `frame` for a reader's eyes: codes as words ("more than", "security
    forces", "SOHR", "local sources"), release ids as "SOHR · civilians · killed · 745"
    and claim ids as "003_… at 2554", also inside notes and lists. The article's own
    words (sentences, mentions, the `*_text` columns) are left as written; the CSV files
    keep the codes."""
    out = frame.copy()
    for name in out.columns:
        if name in _QUOTED or name.endswith("_text"):
            continue
        cells = out[name].astype(object).where(out[name].notna(), "")
        if name == "qualifier":
            out[name] = [QUALIFIER_WORDS.get(str(v), str(v)) for v in cells]
        elif name in _GROUP_COLUMNS:
            out[name] = [victims(str(v)) if v != "" else "" for v in cells]
        elif name in _SOURCE_COLUMNS:
            out[name] = [source_name(str(v), short=True) if v != "" else "" for v in cells]
        elif name.endswith("release_id"):
            out[name] = [_release_words(str(v)) for v in cells]
        elif name in _ARTICLE_IDS or name.endswith(("claim_id", "claim_ids", "part_of")):
            out[name] = [_ID_RE.sub(r" at \1", v) if isinstance(v, str) else v for v in cells]
        elif cells.map(lambda v: isinstance(v, str)).any():
            out[name] = [_words(v) if isinstance(v, str) else v for v in cells]
    return out


# Ids made from file names ("flood_a"): kept, but for the "@" of a claim id.
_ARTICLE_IDS = frozenset({"article_id", "article_ids", "duplicate_of"})
# The article's own words: shown as written.
_QUOTED = frozenset({"sentence", "mention", "quote", "message", "file", "outlet", "url"})
# A code in a note or list: "more_than", "security_forces", "local_sources".
_CODE_RE = re.compile(r"\b[a-z]+(?:_[a-z]+)+\b")


def _words(text: str) -> str:
    """Codes, release ids and claim ids inside a text cell, in a reader's words."""
    text = _ID_RE.sub(r" at \1", text)
    text = _RELEASE_RE.sub(lambda m: _release_words(m.group()), text)
    return _CODE_RE.sub(lambda m: _code_words(m.group()), text)


# A release id inside a note: "SOHR|civilians|killed|745" (the place may follow: "|SY-TA").
_RELEASE_RE = re.compile(r"[\w.-]+(?:\|[\w.-]*){3,4}")


def _code_words(code: str) -> str:
    """A code's words; any other word with underscores (a parameter's name) as written."""
    if code in QUALIFIER_WORDS:
        return QUALIFIER_WORDS[code]
    if code in VICTIM_WORDS:
        return VICTIM_WORDS[code]
    if code in _names():
        return source_name(code, short=True)
    return code.replace("_", " ") if code in _vocabulary() else code


@cache
def _vocabulary() -> frozenset[str]:
    """Every value of the tables' vocabularies (model/vocab.py)."""
    return frozenset(
        str(value)
        for member in vars(vocab).values()
        if isinstance(member, type) and issubclass(member, StrEnum) and member is not StrEnum
        for value in member
    )


def _release_words(release_id: str) -> str:
    if not release_id:
        return ""
    source, *rest = release_id.split("|")
    words = [source_name(source, short=True)]
    for part in rest:
        words.append(victims(part) if part in VICTIM_WORDS else part.replace("_", " "))
    return " · ".join(w for w in words if w)
