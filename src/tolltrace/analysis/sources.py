"""One source across the corpus: an organisation's spelled-out name and its acronym.

The extractor names an organisation the alias table does not know by its words
("national-disaster-management-authority") or by the acronym an article uses ("NDMA").
Across articles, a name whose initials are an acronym the corpus uses is that source.
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


def unify_sources(sources: pd.Series) -> pd.Series:
    """`sources` with every spelled-out name replaced by its acronym (see `alias_map`)."""
    aliases = alias_map(sources)
    if not aliases:
        return sources
    unified = sources.astype(object).map(lambda s: aliases.get(s, s))
    return (
        unified.astype(sources.dtype) if isinstance(sources.dtype, pd.CategoricalDtype) else unified
    )
