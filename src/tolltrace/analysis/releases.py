"""Releases: which claims relay the same figure, and the order of each source's series.

A release is one figure from one source for one series and outcome. Rules:

- Series. The victims a figure counts, with unspecified "people" resolved (series.py:
  `civilians` or `all` on evidence, else `unspecified`), and the place it counts (`place_id`
  from places.py; empty for the whole event): a town's or a country's figure is a series
  of its own, never a point on the event's line.
- Figure. The stated number (`low`); for a range "low-high". "532" and "more than 532"
  carry the same figure, so they are one release; its qualifier is the most specific of its
  mentions (exact > about > at_least/more_than/range > up_to), and its victim group the
  most specific (civilians over unspecified).
- Identity. Claims with the same (source, place, series, outcome, figure) are one release.
  Daily, incident and increment counts are keyed also by their as_of day. `release_id` is built from
  that content ("SOHR|civilians|killed|745", "SOHR|…|163|daily|2025-03-07", and
  "SOHR|civilians|killed|72|SY/Tartus" for a part of the event's area), so it is stable
  across runs.
- Vague figures ("hundreds", "several dozen") are not releases: the word is a writer's
  paraphrase, and its ACLED-style coding is a convention, not a number anyone released.
  Their claims get an empty `release_id`. So do tolls of another period
  (`other_period`: "in 2018", "last year"), which are not this event's figures, and
  subsets counted inside a total of their own series ("300 people, including 35
  children"; "Three of the dead were women"), which are not the series' toll.
- Unattributed claims never join a named source's release; they form releases of source
  "unattributed".
- Category. When one source's figure appears in more than one series (745 "civilians" in
  one article, 745 "in total" in another), mentions with a stated victim group vote: the
  series stated by more independent outlets (then more mentions) is the figure's home,
  and claims placing it in another series are category shifts assigned to the home
  release. Unresolved `unspecified` mentions never vote and never count as a shift: they
  join the home release. A tie between stated groups cannot be settled: every series keeps its
  own release and the claims are marked ambiguous.
- Independent outlets are distinct non-empty `outlet` values (case-insensitive); an
  article with no known outlet counts as an outlet of its own, since nothing shows it
  shares one.

Series order (`series_order`, 1, 2, … within source, series and outcome): cumulative
releases first. Releases whose `as_of_first` is known are ordered by (as_of_first, figure);
releases of unknown time are slotted in by value, before the first dated release whose
running maximum exceeds them (a monitor's cumulative count only rises). `order_basis` is
`time` for a dated release whose date is shared with no other dated release of its series
(a strictly different known time decided its place) and `value` otherwise. A figure the
text states as a previous toll ("revising a previous toll of 340") is moved before the
figure that revises it in the same sentence, if value order had put it after, and gets
`order_basis` `time`: the text states the order. Daily, incident and increment releases follow the
cumulative ones, in the same way.

Internally the work is done on integer codes and numpy arrays (pandas' text columns are
slow without pyarrow); text is built once per release, not per claim.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from tolltrace.analysis._arrays import (
    codes_of,
    column_flags,
    day_array,
    group_codes,
    iso_array,
    join_groups,
    obj_series,
    text_array,
)
from tolltrace.analysis.series import subsets, victim_series
from tolltrace.model import (
    RELEASES,
    Correction,
    OrderBasis,
    Qualifier,
    Scope,
    Series,
    VictimGroup,
)

UNATTRIBUTED = "unattributed"
# Lower is more specific.
QUALIFIER_SPECIFICITY = {
    Qualifier.EXACT: 0,
    Qualifier.ABOUT: 1,
    Qualifier.AT_LEAST: 2,
    Qualifier.MORE_THAN: 2,
    Qualifier.RANGE: 2,
    Qualifier.UP_TO: 3,
    Qualifier.VAGUE: 4,
}
GROUP_SPECIFICITY = {
    VictimGroup.CIVILIANS: 0,
    VictimGroup.SECURITY_FORCES: 1,
    VictimGroup.FIGHTERS: 1,
    VictimGroup.COMBATANTS: 2,
    VictimGroup.ALL: 3,
    VictimGroup.UNSPECIFIED: 4,
}
RELEASE_COLUMNS = RELEASES.names
# Per-claim columns returned by assign_releases.
ASSIGNMENT_COLUMNS: tuple[str, ...] = (
    "series",
    "place_id",
    "rel_series",
    "vlow",
    "vhigh",
    "release_id",
    "release_key",
    "category",
)
_BLOCK_SHIFT = 2**42  # separates series blocks when searching over running maxima


# --- rules -------------------------------------------------------------------------------


def series_of(claims: pd.DataFrame) -> np.ndarray:
    """The series of each claim before the release vote (series.victim_series)."""
    return victim_series(claims)


def place_of(claims: pd.DataFrame) -> np.ndarray:
    """Each claim's place_id ("" for the whole event, or without the column)."""
    if "place_id" not in claims:
        return np.full(len(claims), "", dtype=object)
    return text_array(claims["place_id"])


def value_arrays(
    low: pd.Series, high: pd.Series, qualifier: pd.Series
) -> tuple[np.ndarray, np.ndarray]:
    """(vlow, vhigh) per claim: the stated number, and for ranges the upper number.

    Missing `low` gives -1 (such a claim is never eligible).
    """
    vlow = pd.to_numeric(low, errors="coerce").fillna(-1).to_numpy(np.int64)
    h = pd.to_numeric(high, errors="coerce").fillna(-1).to_numpy(np.int64)
    is_range = (text_array(qualifier) == Qualifier.RANGE) & (h >= 0)
    return vlow, np.where(is_range, h, vlow)


def figure_text(vlow: np.ndarray, vhigh: np.ndarray) -> np.ndarray:
    """Figure text: "745", or "300-400" for a range."""
    return np.array(
        [str(a) if a == b else f"{a}-{b}" for a, b in zip(vlow, vhigh, strict=True)],
        dtype=object,
    )


def outlet_keys(outlet: pd.Series, article_id: pd.Series) -> np.ndarray:
    """Independent-outlet key: the outlet name case-folded, or the article's own id."""
    codes, uniques = pd.factorize(text_array(outlet))
    names = np.array([o.strip().casefold() for o in uniques], dtype=object)[codes]
    missing = np.flatnonzero(names == "")
    id_codes, ids = pd.factorize(text_array(article_id)[missing])
    names[missing] = ("article:" + np.asarray(ids, dtype=object))[id_codes]
    return names


def subsets_in_own_series(claims: pd.DataFrame) -> np.ndarray:
    """Cumulative claims counting some of a total of their own series (series.subsets):
    charted beside their total they would read as a fall."""
    return subsets(claims, victim_series(claims)) if len(claims) else np.zeros(0, dtype=bool)


def set_aside(claims: pd.DataFrame) -> np.ndarray:
    """Claims kept out of releases, estimates, article scores and charts: tolls of another
    period (`other_period`, when the column is there), claims of articles published outside
    the event window (`off_event`), claims a journalist rejected (`correction`) and subsets
    of a total in their own series (subsets_in_own_series)."""
    return (
        column_flags(claims, "other_period")
        | column_flags(claims, "off_event")
        | rejected(claims)
        | subsets_in_own_series(claims)
    )


def rejected(claims: pd.DataFrame) -> np.ndarray:
    """Claims corrections.csv rejects: not tolls, whatever the extractor read."""
    if "correction" not in claims.columns:
        return np.zeros(len(claims), dtype=bool)
    return text_array(claims["correction"]) == Correction.REJECTED


def eligible(claims: pd.DataFrame) -> np.ndarray:
    """Claims that can be part of a release: a number, not a vague word, and not set aside
    (set_aside)."""
    low_ok = pd.to_numeric(claims["low"], errors="coerce").notna().to_numpy()
    ok = (text_array(claims["qualifier"]) != Qualifier.VAGUE) & low_ok
    return ok & ~set_aside(claims)


def assign_releases(claims: pd.DataFrame) -> pd.DataFrame:
    """Which release each claim relays (rules in the module docstring).

    `claims` needs article_id, outlet, source, outcome, victim_group, qualifier, low, high,
    scope and as_of (ISO text). Returns, on the claims' index: `series` (the claim's own
    series), `rel_series` (the series of the release it is assigned to), `vlow`/`vhigh`
    (the figure), `release_id` ("" for vague claims), `release_key` (an integer per
    release_id within this result, -1 for none) and `category` ("" normal, "shift" a
    category shift assigned to the home release, "ambiguous" a tie between stated groups).
    """
    n = len(claims)
    series = series_of(claims) if n else np.array([], dtype=object)
    place = place_of(claims)
    vlow, vhigh = value_arrays(claims["low"], claims["high"], claims["qualifier"])
    rel_series = series.copy()
    release_id = np.full(n, "", dtype=object)
    release_key = np.full(n, -1, dtype=np.int64)
    category = np.full(n, "", dtype=object)
    ok = eligible(claims) if n else np.array([], dtype=bool)
    if ok.any():
        rows = np.flatnonzero(ok)
        sub = claims.iloc[rows]
        source = text_array(sub["source"])
        outcome = text_array(sub["outcome"])
        scope = text_array(sub["scope"])
        day = np.where(scope == Scope.CUMULATIVE, "", text_array(sub["as_of"])).astype(object)
        day = np.where((scope != Scope.CUMULATIVE) & (day == ""), "undated", day).astype(object)
        src_c, _ = codes_of(source)
        out_c, _ = codes_of(outcome)
        scope_c, _ = codes_of(scope)
        day_c, _ = codes_of(day)
        ser = series[rows]
        ser_c, ser_u = codes_of(ser)
        stated = ser != Series.UNSPECIFIED
        outlet_c, _ = codes_of(outlet_keys(sub["outlet"], sub["article_id"]))
        place_c, _ = codes_of(place[rows])
        key = group_codes(src_c, out_c, vlow[rows], vhigh[rows], scope_c, day_c, place_c)
        home_c, cat = _vote(key, ser_c, stated, outlet_c)
        rel_c = np.where(home_c >= 0, home_c, ser_c)
        rel_series[rows] = ser_u[rel_c]
        category[rows] = cat
        rid = group_codes(key, rel_c)
        first = np.unique(rid, return_index=True)[1]
        # Texts are built once per release (at its first row), not once per claim.
        fig = figure_text(vlow[rows[first]], vhigh[rows[first]])
        scope_f, day_f = scope[first], day[first]
        slot = np.where(scope_f == Scope.CUMULATIVE, "", "|" + scope_f + "|" + day_f).astype(object)
        where = np.where(place[rows[first]] == "", "", "|" + place[rows[first]]).astype(object)
        ids = (
            source[first] + "|" + ser_u[rel_c[first]] + "|" + outcome[first] + "|" + fig
            + slot + where
        )  # fmt: skip
        release_id[rows] = ids[rid]
        release_key[rows] = rid
    return pd.DataFrame(
        {
            "series": obj_series(series, claims.index),
            "place_id": obj_series(place, claims.index),
            "rel_series": obj_series(rel_series, claims.index),
            "vlow": pd.Series(vlow, index=claims.index, dtype="int64"),
            "vhigh": pd.Series(vhigh, index=claims.index, dtype="int64"),
            "release_id": obj_series(release_id, claims.index),
            "release_key": pd.Series(release_key, index=claims.index, dtype="int64"),
            "category": obj_series(category, claims.index),
        }
    )


def _vote(
    key: np.ndarray, ser_c: np.ndarray, stated: np.ndarray, outlet_c: np.ndarray
) -> tuple[np.ndarray, np.ndarray]:
    """The home series code per claim (-1: its own) and its category ("", shift, ambiguous).

    `key` groups claims of one source, outcome and figure (and day, for daily counts);
    stated claims vote for their series with their outlets, then their mentions.
    """
    votes = pd.DataFrame({"key": key[stated], "ser": ser_c[stated], "outlet": outlet_c[stated]})
    tally = (
        votes.groupby(["key", "ser"], sort=True)
        .agg(n_out=("outlet", "nunique"), n_men=("outlet", "size"))
        .reset_index()
        .sort_values(["key", "n_out", "n_men", "ser"], ascending=[True, False, False, True])
    )
    rank = tally.groupby("key").cumcount().to_numpy()
    top = tally[rank == 0].set_index("key")
    second = tally[rank == 1].set_index("key")
    n_series = tally.groupby("key").size()
    tie_keys = second.index[
        (second["n_out"].to_numpy() == top.loc[second.index, "n_out"].to_numpy())
        & (second["n_men"].to_numpy() == top.loc[second.index, "n_men"].to_numpy())
    ]
    multi_keys = n_series.index[n_series.to_numpy() >= 2]

    home = pd.Series(top["ser"]).reindex(key).fillna(-1).to_numpy(np.int64, copy=True)
    ambiguous = np.isin(key, tie_keys.to_numpy())
    home[ambiguous] = -1
    category = np.full(len(key), "", dtype=object)
    multi = np.isin(key, multi_keys.to_numpy())
    category[multi & ~ambiguous & stated & (ser_c != home)] = "shift"
    category[ambiguous] = "ambiguous"
    return home, category


def build_releases(claims: pd.DataFrame, assignment: pd.DataFrame) -> pd.DataFrame:
    """The releases table: one row per release_id, ordered within each series.

    `claims` as for assign_releases plus claim_id, char_start, is_previous and (for stated
    revisions) sentence_start; `assignment` is assign_releases' result. Sorted by
    (source, series, outcome, series_order).
    """
    rows = np.flatnonzero(assignment["release_id"].to_numpy(dtype=object) != "")
    if len(rows) == 0:
        return pd.DataFrame({c: pd.Series(dtype=object) for c in RELEASE_COLUMNS})
    sub = claims.iloc[rows]
    a = assignment.iloc[rows]
    rid_c = a["release_key"].to_numpy(np.int64)
    n = int(rid_c.max()) + 1
    rid_u = np.empty(n, dtype=object)
    rid_u[rid_c] = a["release_id"].to_numpy(dtype=object)
    qual = text_array(sub["qualifier"])
    group = text_array(sub["victim_group"])
    shifted = a["category"].to_numpy(dtype=object) == "shift"
    qspec = np.array([QUALIFIER_SPECIFICITY.get(q, 9) for q in qual])
    gspec = np.array([GROUP_SPECIFICITY.get(g, 9) for g in group])
    order = np.arange(len(rows))  # claims arrive sorted by (article_id, char_start)

    rep = _first_by(rid_c, n, shifted, qspec, codes_of(qual)[0], order)
    rep_g = _first_by(rid_c, n, shifted, gspec, codes_of(group)[0], order)
    rep_p = _first_by(rid_c, n, order)  # the first mention, in claim order
    article = text_array(sub["article_id"])
    outlet = outlet_keys(sub["outlet"], sub["article_id"])
    days = day_array(sub["as_of"])
    frame = pd.DataFrame({"r": rid_c, "d": days})
    first = frame.groupby("r")["d"].min().reindex(range(n)).to_numpy("datetime64[D]")
    last = frame.groupby("r")["d"].max().reindex(range(n)).to_numpy("datetime64[D]")
    prev = pd.Series(sub["is_previous"].to_numpy(bool)).groupby(rid_c).any()
    article_ids, n_art = join_groups(rid_c, article, n)
    outlets, n_out = join_groups(rid_c, outlet, n)

    low = pd.to_numeric(sub["low"]).to_numpy(np.int64)[rep]
    high = pd.array(pd.to_numeric(sub["high"], errors="coerce"), dtype="Int64")[rep]
    vlow = a["vlow"].to_numpy(np.int64)[rep]
    vhigh = a["vhigh"].to_numpy(np.int64)[rep]
    idx = pd.RangeIndex(n)
    rel = pd.DataFrame(
        {
            "release_id": obj_series(rid_u, idx),
            "source": obj_series(text_array(sub["source"])[rep], idx),
            "series": obj_series(a["rel_series"].to_numpy(dtype=object)[rep], idx),
            "place_id": obj_series(text_array(a["place_id"])[rep], idx),
            "place_kind": obj_series(_column(sub, "place_kind", "event")[rep], idx),
            "place": obj_series(_column(sub, "place", "")[rep_p], idx),
            "victim_group": obj_series(group[rep_g], idx),
            "outcome": obj_series(text_array(sub["outcome"])[rep], idx),
            "scope": obj_series(text_array(sub["scope"])[rep], idx),
            "low": pd.Series(low, index=idx, dtype="int64"),
            "high": pd.Series(high, index=idx, dtype="Int64"),
            "qualifier": obj_series(qual[rep], idx),
            "figure": obj_series(figure_text(vlow, vhigh), idx),
            "as_of_first": obj_series(iso_array(first), idx),
            "as_of_last": obj_series(iso_array(last), idx),
            "n_mentions": pd.Series(np.bincount(rid_c, minlength=n), index=idx, dtype="int64"),
            "n_articles": pd.Series(n_art, index=idx),
            "n_outlets": pd.Series(n_out, index=idx),
            "article_ids": obj_series(article_ids, idx),
            "outlets": obj_series(outlets, idx),
            "stated_previous": pd.Series(prev.to_numpy(bool), index=idx),
        }
    )
    rel = order_releases(rel, stated_revisions(claims, assignment))
    return rel[list(RELEASE_COLUMNS)]


def _column(claims: pd.DataFrame, name: str, default: str) -> np.ndarray:
    """A text column as an array, or `default` everywhere when it is missing."""
    if name not in claims:
        return np.full(len(claims), default, dtype=object)
    return text_array(claims[name])


def _first_by(codes: np.ndarray, n: int, *keys: np.ndarray) -> np.ndarray:
    """Per code 0..n-1, the row position that sorts first by `keys` (most significant first)."""
    order = np.lexsort((*reversed(keys), codes))
    firsts = np.flatnonzero(np.r_[True, codes[order][1:] != codes[order][:-1]])
    out = np.empty(n, dtype=np.int64)
    out[codes[order][firsts]] = order[firsts]
    return out


def stated_revisions(claims: pd.DataFrame, assignment: pd.DataFrame) -> pd.DataFrame:
    """Pairs (previous_id, revised_id) of releases the text orders.

    A claim flagged `is_previous` is paired with the nearest claim of the same sentence,
    source, series and outcome that is not itself a previous figure.
    """
    cols = ["previous_id", "revised_id"]
    empty = pd.DataFrame({c: pd.Series(dtype=object) for c in cols})
    prev = claims["is_previous"].to_numpy(bool) if "is_previous" in claims else None
    rid = assignment["release_id"].to_numpy(dtype=object)
    if prev is None or not (prev & (rid != "")).any():
        return empty
    sentence = (
        pd.to_numeric(claims["sentence_start"]).to_numpy(np.int64)
        if "sentence_start" in claims
        else np.zeros(len(claims), dtype=np.int64)
    )
    d = pd.DataFrame(
        {
            "article_id": text_array(claims["article_id"]),
            "sentence": sentence,
            "source": text_array(claims["source"]),
            "outcome": text_array(claims["outcome"]),
            "rel_series": assignment["rel_series"].to_numpy(dtype=object),
            "place_id": _column(assignment, "place_id", ""),
            "release_id": rid,
            "pos": pd.to_numeric(claims["char_start"]).to_numpy(np.int64),
            "prev": prev,
        }
    )
    d = d[d["release_id"] != ""]
    keys = ["article_id", "sentence", "source", "outcome", "rel_series", "place_id"]
    pairs = d[d["prev"]].merge(d[~d["prev"]], on=keys, suffixes=("_p", "_r"))
    if pairs.empty:
        return empty
    pairs["dist"] = (pairs["pos_p"] - pairs["pos_r"]).abs()
    pairs = pairs.sort_values(["article_id", "pos_p", "dist", "pos_r"])
    pairs = pairs.drop_duplicates(["article_id", "pos_p"])
    pairs = pairs[pairs["release_id_p"] != pairs["release_id_r"]]
    out = pairs.rename(columns={"release_id_p": "previous_id", "release_id_r": "revised_id"})
    return out[cols].drop_duplicates().sort_values(cols).reset_index(drop=True)


def release_values(releases: pd.DataFrame) -> tuple[np.ndarray, np.ndarray]:
    """(vlow, vhigh) of each release: its low, and its high for ranges (else its low)."""
    return value_arrays(releases["low"], releases["high"], releases["qualifier"])


def order_releases(releases: pd.DataFrame, revisions: pd.DataFrame | None = None) -> pd.DataFrame:
    """Add series_order and order_basis (rules in the module docstring); sort the table."""
    r = releases.reset_index(drop=True)
    n = len(r)
    if n == 0:
        return r.assign(series_order=pd.Series(dtype="int64"), order_basis=pd.Series(dtype=object))
    vlow, vhigh = release_values(r)
    block = (text_array(r["scope"]) != Scope.CUMULATIVE).astype(np.int64)
    src_c = codes_of(text_array(r["source"]))[0]
    ser_c = codes_of(text_array(r["series"]))[0]
    out_c = codes_of(text_array(r["outcome"]))[0]
    place_c = codes_of(_column(r, "place_id", ""))[0]
    series_c = group_codes(src_c, place_c, ser_c, out_c)
    g = group_codes(series_c, block)
    rid_c = codes_of(text_array(r["release_id"]))[0]
    first = day_array(r["as_of_first"]).astype(np.int64)  # NaT → min int64
    known = ~np.isnat(day_array(r["as_of_first"]))

    k = np.flatnonzero(known)
    k = k[np.lexsort((rid_c[k], vhigh[k], vlow[k], first[k], g[k]))]
    kg = g[k]
    starts = np.r_[True, kg[1:] != kg[:-1]] if len(k) else np.array([], dtype=bool)
    group_start = np.maximum.accumulate(np.where(starts, np.arange(len(k)), 0))
    pos = np.zeros(n, dtype=np.int64)
    kind = np.zeros(n, dtype=np.int64)
    pos[k] = np.arange(len(k)) - group_start
    kind[k] = 1
    running = pd.Series(vlow[k]).groupby(kg).cummax().to_numpy(np.int64)
    encoded = kg * _BLOCK_SHIFT + np.minimum(running, _BLOCK_SHIFT - 1)
    u = np.flatnonzero(~known)
    ug = g[u]
    lo = np.searchsorted(encoded, ug * _BLOCK_SHIFT, side="left")
    hi = np.searchsorted(
        encoded, ug * _BLOCK_SHIFT + np.minimum(vlow[u], _BLOCK_SHIFT - 1), "right"
    )
    pos[u] = hi - lo

    basis = np.full(n, OrderBasis.VALUE, dtype=object)
    n_known = np.bincount(kg, minlength=g.max() + 1 if n else 0)
    same_day = pd.Series(np.ones(len(k))).groupby([kg, first[k]]).transform("size").to_numpy()
    basis[k[(n_known[kg] >= 2) & (same_day == 1)]] = OrderBasis.TIME

    order = np.lexsort((rid_c, vhigh, vlow, kind, pos, block, series_c))
    ids = list(r["release_id"].to_numpy(dtype=object)[order])
    basis = basis[order]
    r = r.iloc[order].reset_index(drop=True)
    ids, moved = _apply_revisions(ids, dict(zip(r["release_id"], g[order], strict=True)), revisions)
    where = pd.Index(r["release_id"]).get_indexer(ids)
    r = r.iloc[where].reset_index(drop=True)
    basis = basis[where]
    basis[np.isin(r["release_id"].to_numpy(dtype=object), list(moved))] = OrderBasis.TIME
    r["order_basis"] = obj_series(basis, r.index)
    r["series_order"] = (
        pd.Series(series_c[order][where]).groupby(series_c[order][where]).cumcount() + 1
    ).to_numpy(np.int64)
    return r


def _apply_revisions(
    ids: list[str], block: dict[str, int], revisions: pd.DataFrame | None
) -> tuple[list[str], set[str]]:
    """Move each stated previous release just before the release that revises it."""
    moved: set[str] = set()
    if revisions is None or revisions.empty:
        return ids, moved
    for prev, new in revisions[["previous_id", "revised_id"]].itertuples(index=False):
        if prev not in block or new not in block or block[prev] != block[new]:
            continue
        moved.add(prev)
        i, j = ids.index(prev), ids.index(new)
        if i > j:
            ids.pop(i)
            ids.insert(j, prev)
    return ids, moved
