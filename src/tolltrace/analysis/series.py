"""Whose toll a figure is: its victim series, with counts of unspecified people resolved.

Relays write "people" for a monitor's civilian count, and also for its count of everyone.
Pooling "people" with civilians drew an all-victims total on a civilian line; so a count
of unspecified people joins another series only on evidence:

- `civilians` when its own words name civilians ("people, including women and children":
  the claim's `civilians_named`);
- `all` when it is a total whose parts in the article include combatants ("524,
  including 213 fighters"; the extractor already marks most such totals `all`);
- the series of the same source's release of the same figure, where one exists (the
  release vote in releases.py: "745 people" joins the monitor's "745 civilians");
- otherwise `unspecified`, a series of its own.

Subsets: a part counted inside a total of its own series and place ("300 people,
including 35 children"; "Three of the dead were women") is not that series' toll and is
kept out of releases; a part for a narrower place ("In Hatay alone, 72") is that place's
figure. A part of civilians inside a total of unspecified people or of everyone is such
a subset too, unless it names civilians as a whole ("1,000 killed, including 745
civilians": the civilian toll).
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from tolltrace.analysis._arrays import text_array
from tolltrace.model import Scope, Series, VictimGroup

COMBATANT_GROUPS = (VictimGroup.SECURITY_FORCES, VictimGroup.FIGHTERS, VictimGroup.COMBATANTS)
# Victim words that name civilians as a whole, not a subgroup of them.
WHOLE_CIVILIAN_WORDS = ("civilian",)
_BROAD = (Series.UNSPECIFIED, Series.ALL, Series.CIVILIANS)


def victim_series(claims: pd.DataFrame) -> np.ndarray:
    """The series of each claim, before the release vote (module docstring)."""
    groups = text_array(claims["victim_group"])
    series = groups.copy()
    unspecified = groups == VictimGroup.UNSPECIFIED
    if not unspecified.any():
        return series
    if "civilians_named" in claims:
        named = text_array(claims["civilians_named"]) != ""
        series[unspecified & named] = Series.CIVILIANS
    totals = _totals_of_combatants(claims, groups)
    series[unspecified & totals] = Series.ALL
    return series


def _totals_of_combatants(claims: pd.DataFrame, groups: np.ndarray) -> np.ndarray:
    """True for claims that some part of combatants names as its total (`part_of`)."""
    out = np.zeros(len(claims), dtype=bool)
    if "part_of" not in claims or "claim_id" not in claims:
        return out
    parts = text_array(claims["part_of"])
    linked = parts != ""
    if not linked.any():
        return out
    combatant = linked & pd.Series(groups).isin(COMBATANT_GROUPS).to_numpy()
    totals = set(parts[combatant])
    if totals:
        out = pd.Series(text_array(claims["claim_id"])).isin(totals).to_numpy()
    return out


def subsets(claims: pd.DataFrame, series: np.ndarray) -> np.ndarray:
    """Cumulative claims counting some of a total in their own series, or civilians of a
    broader total without naming civilians as a whole (module docstring). All False
    without claim_id and part_of columns."""
    n = len(claims)
    subset = np.zeros(n, dtype=bool)
    if n == 0 or "part_of" not in claims or "claim_id" not in claims:
        return subset
    parts = text_array(claims["part_of"])
    rows = np.flatnonzero(parts != "")  # few claims are parts: look up only those
    if len(rows) == 0:
        return subset
    ids = pd.Index(text_array(claims["claim_id"]))
    position = np.arange(n)
    if not ids.is_unique:  # two runs' tables concatenated: the first of each id counts
        keep = ~ids.duplicated()
        ids, position = ids[keep], position[keep]
    at = ids.get_indexer(parts[rows])
    total = np.where(at >= 0, position[at], -1)
    linked = rows[total >= 0]
    totals = total[total >= 0]
    same = series[linked] == series[totals]
    words = (
        text_array(claims["victim_text"])[linked]
        if "victim_text" in claims
        else np.full(len(linked), "", dtype=object)
    )
    names_whole = np.array(
        [any(w in text.lower() for w in WHOLE_CIVILIAN_WORDS) for text in words], dtype=bool
    )
    civilian_part = (
        (series[linked] == Series.CIVILIANS) & np.isin(series[totals], _BROAD) & ~names_whole
    )
    if "place_id" in claims:  # "In Hatay alone, 72": the town's own figure, not a subset
        place = text_array(claims["place_id"])
        same_place = place[linked] == place[totals]
        same, civilian_part = same & same_place, civilian_part & same_place
    subset[linked] = same | civilian_part
    if "scope" in claims:  # a day's count inside a total ("including 163 on Friday") stays
        subset &= text_array(claims["scope"]) == Scope.CUMULATIVE
    return subset
