"""Estimates: low, best and high per date, victim group and outcome (UCDP GED style).

Built from the named-source cumulative releases of the whole event (unattributed figures,
vague words and the figures of one town or country of the event never enter an estimate;
daily, incident and increment counts are not cumulative tolls and are left out). For
each series and outcome, a row per date on which some release was first seen,
using every release first seen on or before that date, plus one row with an empty `date`
that uses all releases, those of unknown time included (the corpus-wide estimate; sorted
last).

- `low`: the highest conservative figure: the largest `low` of those releases. A
  cumulative count only rises, so a lower figure from another source does not lower the
  floor.
- `high`: the highest credible figure: the largest `high` (or `low`, for open-ended
  figures) of those releases. Every named source is treated as credible.
- `best`: the latest figure (highest series_order) of the best-supported source, the one
  whose releases there are carried by the most independent outlets (then most releases,
  then source id). A range counts by its midpoint (rounded down). A best below `low` is
  raised to `low`, with a note, so low ≤ best ≤ high always holds.
- `sources`: the named sources behind the row ("; "-joined, sorted).
- `grade` (Airwars style): `multiple_sources` when two or more named sources have a
  release with the best figure, else `single_source`.
- `victim_group`: the most specific group among the series' releases (`civilians` for a
  civilian series that also holds "people" resolved as civilians); `series` names the
  series itself.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from tolltrace.analysis._arrays import codes_of, day_array, group_codes, join_groups, text_array
from tolltrace.analysis.releases import GROUP_SPECIFICITY, UNATTRIBUTED
from tolltrace.model import ESTIMATES, Grade, Qualifier, Scope

ESTIMATE_COLUMNS = ESTIMATES.names


def _empty() -> pd.DataFrame:
    """An empty estimates table with its columns."""
    return pd.DataFrame({col: pd.Series(dtype=object) for col in ESTIMATE_COLUMNS})


def estimate_tolls(releases: pd.DataFrame) -> pd.DataFrame:
    """The estimates table (rules in the module docstring).

    `releases` is the releases table. Sorted by (date, victim_group, outcome) with the
    undated rows last.
    """
    if len(releases) == 0:
        return _empty()
    named = (text_array(releases["source"]) != UNATTRIBUTED) & (
        text_array(releases["scope"]) == Scope.CUMULATIVE
    )
    if "place_id" in releases:  # a town's figure is no estimate of the event's toll
        named &= text_array(releases["place_id"]) == ""
    r = releases[named].reset_index(drop=True)
    if r.empty:
        return _empty()
    source = text_array(r["source"])
    series = text_array(r["series"])
    outcome = text_array(r["outcome"])
    src_c, src_u = codes_of(source)
    g = group_codes(codes_of(series)[0], codes_of(outcome)[0])
    vlow = r["low"].to_numpy(np.int64)
    vhigh = pd.array(r["high"], dtype="Int64").fillna(0).to_numpy(np.int64)
    vhigh = np.where(r["high"].isna().to_numpy(), vlow, vhigh)
    is_range = text_array(r["qualifier"]) == Qualifier.RANGE
    point = np.where(is_range, (vlow + vhigh) // 2, vlow)
    row_keys, row_of, a_rel = _rows(g, day_array(r["as_of_first"]))
    n_rows = len(row_keys)

    low = np.zeros(n_rows, dtype=np.int64)
    high = np.zeros(n_rows, dtype=np.int64)
    np.maximum.at(low, row_of, vlow[a_rel])
    np.maximum.at(high, row_of, vhigh[a_rel])
    per_source = pd.DataFrame({"row": row_of, "src": src_c[a_rel], "rel": a_rel})
    n_releases = np.bincount(row_of, minlength=n_rows)
    pairs = per_source[["row", "src"]].drop_duplicates().sort_values(["row", "src"])
    n_sources = np.bincount(pairs["row"].to_numpy(), minlength=n_rows)
    sources = join_groups(pairs["row"].to_numpy(), src_u[pairs["src"].to_numpy()], n_rows)[0]

    best_rel = _best_releases(r, per_source, n_rows)
    raw_best = point[best_rel]
    raised = raw_best < low
    best = np.minimum(np.maximum(raw_best, low), high)
    note = np.where(
        raised,
        "best raised to the floor: " + source[best_rel] + "'s latest figure was "
        + raw_best.astype(str).astype(object),
        "",
    )  # fmt: skip

    backers = per_source.assign(v=vlow[per_source["rel"].to_numpy()])
    backers = backers[backers["v"].to_numpy() == best[backers["row"].to_numpy()]]
    n_backers = np.bincount(
        backers[["row", "src"]].drop_duplicates()["row"].to_numpy(), minlength=n_rows
    )

    row_g = row_keys["g"].to_numpy()
    first_rel = np.unique(g, return_index=True)[1]
    est = pd.DataFrame(
        {
            "date": _date_text(row_keys["date"].to_numpy()),
            "victim_group": _series_groups(r, g)[row_g],
            "series": series[first_rel][row_g],
            "outcome": outcome[first_rel][row_g],
            "low": low,
            "best": best,
            "high": high,
            "sources": sources,
            "grade": np.where(n_backers >= 2, Grade.MULTIPLE_SOURCES, Grade.SINGLE_SOURCE),
            "n_sources": n_sources,
            "n_releases": n_releases,
            "best_source": source[best_rel],
            "best_release_id": text_array(r["release_id"])[best_rel],
            "note": note,
        }
    )
    est = est.astype({c: object for c in est.columns if est[c].dtype != np.int64})
    est["_undated"] = est["date"] == ""
    est = est.sort_values(["_undated", "date", "victim_group", "outcome", "series"])
    return est[list(ESTIMATE_COLUMNS)].reset_index(drop=True)


_UNDATED_DAY = np.iinfo(np.int64).max  # sorts the corpus-wide rows last


def _rows(g: np.ndarray, first: np.ndarray) -> tuple[pd.DataFrame, np.ndarray, np.ndarray]:
    """Every (series/outcome, date) row with the releases available then.

    `g` codes each release's series and outcome, `first` is its as_of_first day. Returns
    the rows' (g, date) keys, sorted (an undated row per series and outcome, dated
    _UNDATED_DAY, last), and for each (row, available release) pair its row and release.
    """
    dated = ~np.isnat(first)
    day = np.where(dated, first.astype("datetime64[D]").astype(np.int64), -1)
    rel = pd.DataFrame({"g": g, "rel": np.arange(len(g)), "day": day})
    dates = rel.loc[dated, ["g", "day"]].drop_duplicates().rename(columns={"day": "date"})
    dated_avail = dates.merge(rel[dated], on="g")
    dated_avail = dated_avail[dated_avail["day"] <= dated_avail["date"]]
    undated_avail = rel.assign(date=_UNDATED_DAY)
    avail = pd.concat([dated_avail, undated_avail], ignore_index=True)[["g", "date", "rel"]]
    row_keys = avail[["g", "date"]].drop_duplicates().sort_values(["g", "date"])
    row_keys = row_keys.reset_index(drop=True)
    row_of = pd.MultiIndex.from_frame(row_keys).get_indexer(
        pd.MultiIndex.from_frame(avail[["g", "date"]])
    )
    return row_keys, row_of, avail["rel"].to_numpy()


def _best_releases(r: pd.DataFrame, per_source: pd.DataFrame, n_rows: int) -> np.ndarray:
    """Per row, the release `best` comes from: the latest of the source whose available
    releases are carried by the most independent outlets (then most releases, then
    source code). `per_source` pairs each row with its available releases and their
    source codes."""
    # Support of each source in each row: distinct outlets over its available releases.
    outlet_lists = [o.split("; ") if o else [] for o in text_array(r["outlets"])]
    lengths = np.array([len(o) for o in outlet_lists], dtype=np.int64)
    outlet_c = pd.factorize(np.array([x for o in outlet_lists for x in o], dtype=object))[0]
    rel_outlets = pd.DataFrame({"rel": np.repeat(np.arange(len(r)), lengths), "outlet": outlet_c})
    support = per_source.merge(rel_outlets, on="rel")
    support = (
        support.groupby(["row", "src"])
        .agg(n_out=("outlet", "nunique"), n_rel=("rel", "nunique"))
        .reset_index()
    )
    top = support.sort_values(
        ["row", "n_out", "n_rel", "src"], ascending=[True, False, False, True]
    ).drop_duplicates("row")
    order_in_series = r["series_order"].to_numpy(np.int64)
    latest = per_source.assign(order=order_in_series[per_source["rel"].to_numpy()])
    latest = latest.sort_values(["row", "src", "order"]).drop_duplicates(
        ["row", "src"], keep="last"
    )
    chosen = top[["row", "src"]].merge(latest, on=["row", "src"]).sort_values("row")
    best_rel = np.full(n_rows, -1, dtype=np.int64)
    best_rel[chosen["row"].to_numpy()] = chosen["rel"].to_numpy()
    return best_rel


def _series_groups(r: pd.DataFrame, g: np.ndarray) -> np.ndarray:
    """Per series/outcome code of `g`: the most specific victim group of its releases."""
    groups = text_array(r["victim_group"])
    gspec = np.array([GROUP_SPECIFICITY.get(v, 9) for v in groups])
    group_pick = np.lexsort((groups, gspec, g))
    group_first = group_pick[np.r_[True, g[group_pick][1:] != g[group_pick][:-1]]]
    return groups[group_first]


def _date_text(row_date: np.ndarray) -> np.ndarray:
    """Row dates (days since the epoch) as ISO text, "" for the undated rows."""
    return np.where(
        row_date == _UNDATED_DAY,
        "",
        np.datetime_as_string(
            np.where(row_date == _UNDATED_DAY, 0, row_date).astype("datetime64[D]")
        ),
    ).astype(object)
