"""One source across the corpus: an organisation's spelled-out name and its acronym.

The extractor names an organisation the alias table does not know by its words
("national-disaster-management-authority") or by the acronym an article uses ("NDMA").
Across articles:

- a name whose initials are an acronym the corpus uses is that source;
- names that differ only in a plural ("doctor-syndicate-sd", "doctors-syndicate-sd") are
  one source, under the spelling more claims use;
- in an event of one country, an id without a country ("interior-ministry") is that
  country's, when the corpus has it with the country's code ("interior-ministry-ma").
"""

from __future__ import annotations

import pandas as pd

# An acronym id: capitals, maybe two words ("ARY NEWS").
_MAX_ACRONYM = 8


def _is_acronym(source: str) -> bool:
    letters = source.replace(" ", "").replace("&", "")
    return source.isupper() and 2 <= len(letters) <= _MAX_ACRONYM


def _initials(source: str) -> str:
    return "".join(word[0] for word in source.split("-") if word).upper()


def alias_map(sources: pd.Series) -> dict[str, str]:
    """Named ids → the acronym the corpus uses for them ({"national-disaster-management-
    authority": "NDMA"}), for names whose initials spell an acronym id of the corpus."""
    ids = {str(s) for s in pd.unique(sources)}
    acronyms = {s for s in ids if _is_acronym(s)}
    return {s: _initials(s) for s in ids if "-" in s and _initials(s) in acronyms}


def _singular(source: str) -> str:
    return "-".join(word.removesuffix("s") for word in source.split("-"))


def variant_map(sources: pd.Series, country: str = "") -> dict[str, str]:
    """Ids → the id they are spelled as elsewhere in the corpus (module docstring)."""
    counts = sources.astype(object).value_counts()
    ids = sorted(str(s) for s in counts.index)
    out: dict[str, str] = {}
    by_singular: dict[str, list[str]] = {}
    for s in ids:
        if "-" in s:
            by_singular.setdefault(_singular(s), []).append(s)
    for spellings in by_singular.values():
        if len(spellings) > 1:
            main = min(spellings, key=lambda s: (-int(counts[s]), s))
            out.update({s: main for s in spellings if s != main})
    if country:
        suffix = f"-{country.lower()}"
        present = set(ids) | set(out.values())
        for s in ids:
            target = out.get(s, s) + suffix
            if not s.endswith(suffix) and target in present:
                out[s] = target
    return out


def unify_sources(sources: pd.Series, country: str = "") -> pd.Series:
    """`sources` with every spelled-out name replaced by its acronym (see `alias_map`), and
    spellings of one source made one (`variant_map`; `country` is the event's only
    country's ISO code, or "")."""
    aliases = {**variant_map(sources, country)}
    aliases.update({k: aliases.get(v, v) for k, v in alias_map(sources).items()})
    if not aliases:
        return sources
    unified = sources.astype(object).map(lambda s: aliases.get(s, s))
    return (
        unified.astype(sources.dtype) if isinstance(sources.dtype, pd.CategoricalDtype) else unified
    )
