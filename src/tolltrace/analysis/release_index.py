"""The releases table as arrays, for the divergence rules: each release's series and
place in one key space with the claims', lookups of the highest release of a series
(overall, or first seen before a day), and the release of another named source with the
same figure (an attribution shift)."""

from __future__ import annotations

import numpy as np
import pandas as pd

from tolltrace.analysis._arrays import day_array, group_codes, text_array
from tolltrace.analysis.releases import UNATTRIBUTED, release_values
from tolltrace.model import Scope


def place_ids(table: pd.DataFrame) -> np.ndarray:
    """The place_id column as text ("" everywhere when missing)."""
    if "place_id" not in table:
        return np.full(len(table), "", dtype=object)
    return text_array(table["place_id"])


def series_key(releases: pd.DataFrame) -> np.ndarray:
    """Series and place of each release: a town's figures are compared with the town's."""
    return text_array(releases["series"]) + "@" + place_ids(releases)


class ReleaseIndex:
    """The releases table as arrays, with lookups by series key and value rank."""

    def __init__(
        self,
        releases: pd.DataFrame,
        source: np.ndarray,
        outcome: np.ndarray,
        claim_series: list[np.ndarray],
    ) -> None:
        """Index `releases`, giving claims (their source, outcome, and one or more series
        arrays) integer codes in the same key space: `c_source`, `c_outcome`, `c_series`
        and the series keys `keys` (one array per entry of `claim_series`)."""
        r = releases.reset_index(drop=True)
        self.id = text_array(r["release_id"])
        self.source = text_array(r["source"])
        self.figure = text_array(r["figure"])
        self.qualifier = text_array(r["qualifier"])
        self.low = r["low"].to_numpy(np.int64)
        self.first = day_array(r["as_of_first"])
        self.first_text = text_array(r["as_of_first"])
        self.cum = text_array(r["scope"]) == Scope.CUMULATIVE
        self.n_outlets = r["n_outlets"].to_numpy(np.int64)
        self.n_mentions = r["n_mentions"].to_numpy(np.int64)
        self.vlow, self.vhigh = release_values(r)
        vlow, vhigh = self.vlow, self.vhigh
        self.id_rank = np.empty(len(r), dtype=np.int64)
        self.id_rank[np.argsort(self.id, kind="stable")] = np.arange(len(r))
        nr = len(r)
        src = pd.factorize(np.concatenate([self.source, source]))[0]
        out = pd.factorize(np.concatenate([text_array(r["outcome"]), outcome]))[0]
        ser = pd.factorize(np.concatenate([series_key(r), *claim_series]))[0]
        self.src_c, self.c_source = src[:nr], src[nr:]
        self.out_c, self.c_outcome = out[:nr], out[nr:]
        self.ser_c = ser[:nr]
        nc = len(source)
        self.c_series = [ser[nr + i * nc : nr + (i + 1) * nc] for i in range(len(claim_series))]
        k = len(claim_series)
        codes = group_codes(
            np.concatenate([src[:nr], *([src[nr:]] * k)]),
            ser,
            np.concatenate([out[:nr], *([out[nr:]] * k)]),
        )
        self.gk = codes[:nr]
        self.keys = [codes[nr + i * nc : nr + (i + 1) * nc] for i in range(k)]
        n_keys = int(codes.max()) + 1 if len(codes) else 0

        cum_rows = np.flatnonzero(self.cum)
        by_value = cum_rows[
            np.lexsort((self.id_rank[cum_rows], vhigh[cum_rows], vlow[cum_rows], self.gk[cum_rows]))
        ]
        self.by_value = by_value
        gks = self.gk[by_value]
        starts = np.flatnonzero(np.r_[True, gks[1:] != gks[:-1]]) if len(gks) else np.array([])
        self.base = np.full(n_keys, -1, dtype=np.int64)
        self.top = np.full(n_keys, -1, dtype=np.int64)
        if len(gks):
            self.base[gks[starts]] = starts
            ends = np.r_[starts[1:], len(gks)]
            self.top[gks[starts]] = by_value[ends - 1]
        self.vrank = np.full(len(r), -1, dtype=np.int64)
        self.vrank[by_value] = np.arange(len(by_value)) - self.base[gks]
        self.index = pd.Index(self.id)

    def highest_before(self, gk: np.ndarray, when: np.ndarray, inclusive: bool) -> np.ndarray:
        """Per claim: the highest cumulative release of series `gk` first seen before `when`.

        `inclusive` also counts releases first seen on that day. -1 where there is none.
        """
        out = np.full(len(gk), -1, dtype=np.int64)
        dated = np.flatnonzero(self.cum & ~np.isnat(self.first))
        rows = np.flatnonzero(~np.isnat(when))
        if len(dated) == 0 or len(rows) == 0:
            return out
        dated = dated[np.argsort(self.first[dated], kind="stable")]
        right = pd.DataFrame(
            {"t": self.first[dated].astype(np.int64), "gk": self.gk[dated], "v": self.vrank[dated]}
        )
        right["best"] = right.groupby("gk")["v"].cummax()
        left = pd.DataFrame({"t": when[rows].astype(np.int64), "gk": gk[rows], "row": rows})
        left = left.sort_values("t", kind="stable")
        m = pd.merge_asof(
            left,
            right[["t", "gk", "best"]],
            on="t",
            by="gk",
            allow_exact_matches=inclusive,
            direction="backward",
        )
        found = m[m["best"].notna()]
        best = found["best"].to_numpy(np.int64)
        out[found["row"].to_numpy()] = self.by_value[self.base[found["gk"].to_numpy()] + best]
        return out

    def highest(self, gk: np.ndarray) -> np.ndarray:
        """Per claim: the highest cumulative release of series `gk` (-1 if none)."""
        return self.top[gk]


def attribution_match(
    rel: ReleaseIndex, rows: np.ndarray, vlow: np.ndarray, vhigh: np.ndarray, cum: np.ndarray
) -> np.ndarray:
    """Per claim in `rows`: a named source's release with the same figure, not its source.

    Claims are matched on outcome, figure and scope (cumulative or not), using the codes
    `rel` gave them (their first series array counts as their series). Prefers the
    claim's series, then most outlets, most mentions, then release_id. -1 where none.
    """
    out = np.full(len(rows), -1, dtype=np.int64)
    named = np.flatnonzero(rel.source != UNATTRIBUTED)
    if len(rows) == 0 or len(named) == 0:
        return out
    right = pd.DataFrame(
        {
            "outcome": rel.out_c[named],
            "vlow": rel.vlow[named],
            "vhigh": rel.vhigh[named],
            "cum": rel.cum[named],
            "r": named,
        }
    )
    left = pd.DataFrame(
        {
            "outcome": rel.c_outcome[rows],
            "vlow": vlow[rows],
            "vhigh": vhigh[rows],
            "cum": cum[rows],
            "i": np.arange(len(rows)),
        }
    )
    m = left.merge(right, on=["outcome", "vlow", "vhigh", "cum"])
    i, r = m["i"].to_numpy(), m["r"].to_numpy()
    keep = rel.c_source[rows[i]] != rel.src_c[r]
    i, r = i[keep], r[keep]
    if len(i) == 0:
        return out
    other = rel.c_series[0][rows[i]] != rel.ser_c[r]
    order = np.lexsort((rel.id_rank[r], -rel.n_mentions[r], -rel.n_outlets[r], other, i))
    i, r = i[order], r[order]
    first = np.r_[True, i[1:] != i[:-1]]
    out[i[first]] = r[first]
    return out
