"""Consistency: do the parts an article gives add up to the totals it gives?

Within one article, source and outcome, among cumulative claims that are not stated as
previous figures:

- Totals are claims for `all` or `combatants`, and any claim another claim names as its
  total (`part_of`, from "524, including 213 fighters").
- Victim-group algebra: all = civilians + combatants, or civilians + security_forces +
  fighters (the first that is complete is used); combatants = security_forces + fighters.
  For each part group the claim explicitly linked to the total is used, else the claim of
  that group nearest to the total in the text. A claim linked to another total is never
  a part of this one.
- Each figure is an interval: exact [v, v]; about [v − 10 %, v + 10 %] (ABOUT_TOLERANCE);
  more_than and at_least [v, ∞) ("over 1,000" is read as at least 1,000, as relays write
  it loosely); up_to [0, v]; range [low, high]. The parts' sum is the sum of the
  intervals.
- `check` = `algebra` when a complete decomposition was found: `consistent` when the sum
  interval meets the total's, else `inconsistent`. A more_than total whose exact parts
  sum above its floor is consistent (745 + 125 + 148 = 1,018 against "over 1,000").
- `check` = `part_of` (explicit links, no complete decomposition) or `partial` (some part
  groups present): the parts cannot show the total is right, only that it is wrong.
  `inconsistent` when the parts' floor already exceeds the total's ceiling, else
  `not_checkable`.
- Any vague figure in the check ("hundreds") makes it `not_checkable`.

Totals with no part at all get no row.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from tolltrace.analysis._arrays import codes_of, group_codes, text_array
from tolltrace.model import (
    CLAIMS,
    CONSISTENCY,
    CheckKind,
    ConsistencyStatus,
    Kind,
    Qualifier,
    Scope,
    VictimGroup,
)

ABOUT_TOLERANCE = 0.10
PART_GROUPS = (
    VictimGroup.CIVILIANS,
    VictimGroup.COMBATANTS,
    VictimGroup.SECURITY_FORCES,
    VictimGroup.FIGHTERS,
)
COMBATANT_PARTS = (VictimGroup.SECURITY_FORCES, VictimGroup.FIGHTERS)
CONSISTENCY_COLUMNS = CONSISTENCY.names


def figure_interval(
    low: pd.Series, high: pd.Series, qualifier: pd.Series
) -> tuple[pd.Series, pd.Series]:
    """(lo, hi) bounds of each figure as floats; hi is inf for open-ended figures.

    Vague figures get the bounds of their coding ([low, ∞)), but the caller treats them
    as not checkable.
    """
    v = low.astype("float64")
    h = high.astype("Float64").astype("float64")
    q = qualifier.astype(str)
    lo = v.copy()
    hi = v.copy()
    about = q == Qualifier.ABOUT
    lo[about] = np.floor(v[about] * (1 - ABOUT_TOLERANCE))
    hi[about] = np.ceil(v[about] * (1 + ABOUT_TOLERANCE))
    open_ended = q.isin([Qualifier.MORE_THAN, Qualifier.AT_LEAST, Qualifier.VAGUE])
    hi[open_ended] = np.inf
    lo[q == Qualifier.UP_TO] = 0.0
    is_range = (q == Qualifier.RANGE) & h.notna()
    hi[is_range] = h[is_range]
    return lo, hi


def _empty() -> pd.DataFrame:
    """An empty consistency table with its columns."""
    return pd.DataFrame({col: pd.Series(dtype=object) for col in CONSISTENCY_COLUMNS})


def _join_in_order(codes: np.ndarray, values: np.ndarray, sep: str) -> dict[int, str]:
    """Per code, its values joined with `sep` in the order given (codes are contiguous)."""
    out: dict[int, str] = {}
    if len(codes) == 0:
        return out
    starts = np.flatnonzero(np.r_[True, codes[1:] != codes[:-1]])
    ends = np.r_[starts[1:], len(codes)]
    for a, b in zip(starts, ends, strict=True):
        out[int(codes[a])] = sep.join(values[a:b])
    return out


_READ_COLUMNS = CLAIMS.select(
    "article_id", "claim_id", "source", "outcome", "victim_group", "qualifier", "low", "high",
    "char_start", "part_of",
)  # fmt: skip


def check_consistency(claims: pd.DataFrame) -> pd.DataFrame:
    """The consistency table: one row per total with at least one part (see module doc).

    `claims` needs article_id, claim_id, source, outcome, victim_group, qualifier, low,
    high, scope, char_start, part_of and is_previous. Sorted by (article_id,
    total_claim_id).
    """
    f = _Figures.of(claims)
    if f is None:
        return _empty()
    t_i, p_i, linked = _candidate_pairs(f)
    if len(t_i) == 0:
        return _empty()
    used_t, used_p, totals, complete, links_only = _parts_used(f, t_i, p_i, linked)
    if len(used_t) == 0:
        return _empty()
    return _checks_table(f, used_t, used_p, totals, complete, links_only)


@dataclass(slots=True)
class _Figures:
    """The cumulative claims that are not previous figures, as arrays (row = position)."""

    claim_id: np.ndarray
    article: np.ndarray
    source: np.ndarray
    outcome: np.ndarray
    group: np.ndarray
    qualifier: np.ndarray
    low: np.ndarray
    pos: np.ndarray
    lo: np.ndarray  # figure_interval bounds
    hi: np.ndarray
    vague: np.ndarray
    target: np.ndarray  # row of the claim named by part_of, -1 for none
    key: np.ndarray  # one code per article, source and outcome
    gcode: np.ndarray  # index in PART_GROUPS, -1 for other groups

    @classmethod
    def of(cls, claims: pd.DataFrame) -> _Figures | None:
        """The figures a check can use, or None when there are none."""
        if len(claims) == 0:
            return None
        low_num = pd.to_numeric(claims["low"], errors="coerce")
        keep = (
            (text_array(claims["scope"]) == Scope.CUMULATIVE)
            & ~claims["is_previous"].to_numpy(bool)
            & low_num.notna().to_numpy()
        )
        # Only the columns read below: a copy of every column of a large table is the
        # analysis's biggest transient allocation.
        c = claims.loc[keep, list(_READ_COLUMNS)]
        if c.empty:
            return None
        claim_id = text_array(c["claim_id"])
        article = text_array(c["article_id"])
        source = text_array(c["source"])
        outcome = text_array(c["outcome"])
        group = text_array(c["victim_group"])
        qualifier = text_array(c["qualifier"])
        lo, hi = figure_interval(c["low"], c["high"], c["qualifier"])
        return cls(
            claim_id=claim_id,
            article=article,
            source=source,
            outcome=outcome,
            group=group,
            qualifier=qualifier,
            low=low_num[keep].to_numpy(np.int64),
            pos=pd.to_numeric(c["char_start"]).to_numpy(np.int64),
            lo=lo.to_numpy(),
            hi=hi.to_numpy(),
            vague=qualifier == Qualifier.VAGUE,
            target=pd.Index(claim_id).get_indexer(text_array(c["part_of"])),
            key=group_codes(codes_of(article)[0], codes_of(source)[0], codes_of(outcome)[0]),
            gcode=np.array([PART_GROUPS.index(g) if g in PART_GROUPS else -1 for g in group]),
        )


def _candidate_pairs(f: _Figures) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(total row, part row, explicitly linked) for every part that may count towards a
    total of its article, source and outcome."""
    group, target, gcode = f.group, f.target, f.gcode
    rows = np.arange(len(group))
    is_total = np.isin(group, [VictimGroup.ALL, VictimGroup.COMBATANTS])
    is_total[target[target >= 0]] = True
    is_part = (gcode >= 0) | (target >= 0)
    tot = pd.DataFrame({"key": f.key[is_total], "t": rows[is_total]})
    prt = pd.DataFrame({"key": f.key[is_part], "p": rows[is_part]})
    pairs = tot.merge(prt, on="key")
    t_i, p_i = pairs["t"].to_numpy(), pairs["p"].to_numpy()
    linked = target[p_i] == t_i
    g_t, g_p = group[t_i], group[p_i]
    by_algebra = (target[p_i] < 0) & (
        ((g_t == VictimGroup.ALL) & (gcode[p_i] >= 0))
        | ((g_t == VictimGroup.COMBATANTS) & np.isin(g_p, COMBATANT_PARTS))
    )
    ok = (p_i != t_i) & (linked | by_algebra)
    return t_i[ok], p_i[ok], linked[ok]


def _parts_used(
    f: _Figures, t_i: np.ndarray, p_i: np.ndarray, linked: np.ndarray
) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """The (total row, part row) pairs each check sums, ordered by total then text
    position, with every candidate total (sorted), whether its decomposition is complete,
    and whether it has only explicit links to go by."""
    pos, gcode, group = f.pos, f.gcode, f.group
    dist = np.abs(pos[p_i] - pos[t_i])
    order = np.lexsort((pos[p_i], dist, ~linked, gcode[p_i], t_i))
    t_s, p_s = t_i[order], p_i[order]
    firsts = np.r_[True, (t_s[1:] != t_s[:-1]) | (gcode[p_s][1:] != gcode[p_s][:-1])]
    best_t, best_p = t_s[firsts], p_s[firsts]
    best_alg = gcode[best_p] >= 0
    best_t, best_p = best_t[best_alg], best_p[best_alg]

    totals = np.unique(t_i)
    slot = np.searchsorted(totals, best_t)
    has = np.zeros((len(totals), len(PART_GROUPS)), dtype=bool)
    has[slot, gcode[best_p]] = True
    civ, comb, sf, fi = has.T
    is_all = group[totals] == VictimGroup.ALL
    is_comb = group[totals] == VictimGroup.COMBATANTS
    f_civ_comb = is_all & civ & comb
    f_three = is_all & ~f_civ_comb & civ & sf & fi
    f_comb = is_comb & sf & fi
    complete = f_civ_comb | f_three | f_comb
    has_links = np.isin(totals, t_i[linked])
    partial = ~complete & ~has_links

    chosen = np.zeros_like(has)
    chosen[f_civ_comb, 0:2] = True
    chosen[f_three, 0] = True
    chosen[f_three, 2:4] = True
    chosen[f_comb, 2:4] = True
    chosen[partial & is_all, 0] = civ[partial & is_all]
    chosen[partial & is_all, 1] = comb[partial & is_all]
    no_comb = partial & ((is_all & ~comb) | is_comb)
    chosen[no_comb, 2:4] = has[no_comb, 2:4]

    use_alg = chosen[slot, gcode[best_p]]
    links_only = ~complete & has_links
    use_link = linked & links_only[np.searchsorted(totals, t_i)]
    used_t = np.r_[best_t[use_alg], t_i[use_link]]
    used_p = np.r_[best_p[use_alg], p_i[use_link]]
    order = np.lexsort((pos[used_p], used_t))
    return used_t[order], used_p[order], totals, complete, links_only


def _checks_table(
    f: _Figures,
    used_t: np.ndarray,
    used_p: np.ndarray,
    totals: np.ndarray,
    complete: np.ndarray,
    links_only: np.ndarray,
) -> pd.DataFrame:
    """One row per total: its parts summed, checked against it and put in words."""
    low, lo, hi, vague, group = f.low, f.lo, f.hi, f.vague, f.group
    out_totals = np.unique(used_t)
    k = np.searchsorted(totals, out_totals)
    piece = low[used_p].astype(str).astype(object) + " " + group[used_p]
    ids = _join_in_order(used_t, f.claim_id[used_p], "; ")
    groups = _join_in_order(used_t, group[used_p], "; ")
    pieces = _join_in_order(used_t, piece, " + ")
    frame = pd.DataFrame(
        {"t": used_t, "low": low[used_p], "lo": lo[used_p], "hi": hi[used_p], "v": vague[used_p]}
    )
    sums = frame.groupby("t", sort=True).agg(
        parts_sum=("low", "sum"), lo_sum=("lo", "sum"), hi_sum=("hi", "sum"), any_vague=("v", "any")
    )
    parts_sum = sums["parts_sum"].to_numpy(np.int64)
    check = np.where(
        complete[k],
        CheckKind.ALGEBRA,
        np.where(links_only[k], CheckKind.PART_OF, CheckKind.PARTIAL),
    )
    any_vague = sums["any_vague"].to_numpy(bool) | vague[out_totals]
    meets = (sums["lo_sum"].to_numpy() <= hi[out_totals]) & (
        lo[out_totals] <= sums["hi_sum"].to_numpy()
    )
    exceeds = sums["lo_sum"].to_numpy() > hi[out_totals]
    algebra = check == CheckKind.ALGEBRA
    status = np.select(
        [any_vague, algebra & meets, algebra | exceeds],
        [
            ConsistencyStatus.NOT_CHECKABLE,
            ConsistencyStatus.CONSISTENT,
            ConsistencyStatus.INCONSISTENT,
        ],
        default=ConsistencyStatus.NOT_CHECKABLE,
    )
    total_text = f.qualifier[out_totals] + " " + low[out_totals].astype(str).astype(object)
    sum_text = np.array(
        [f"{pieces[t]} = {s}" for t, s in zip(out_totals, parts_sum, strict=True)], dtype=object
    )
    lead = np.select(
        [any_vague, algebra, exceeds],
        ["a vague figure is involved: ", "", "the parts alone exceed the total: "],
        default="partial: the parts do not cover the total, and do not exceed it: ",
    ).astype(object)
    out = pd.DataFrame(
        {
            "article_id": f.article[out_totals],
            "source": f.source[out_totals],
            "outcome": f.outcome[out_totals],
            "total_claim_id": f.claim_id[out_totals],
            "total_group": group[out_totals],
            "total_value": low[out_totals],
            "total_qualifier": f.qualifier[out_totals],
            "part_claim_ids": [ids[t] for t in out_totals],
            "part_groups": [groups[t] for t in out_totals],
            "parts_sum": parts_sum,
            "check": check,
            "status": status,
            "note": lead + sum_text + " against " + total_text,
        }
    )
    numbers = CONSISTENCY.of_kind(Kind.INT)
    out = out.astype({col: object for col in out.columns if col not in numbers})
    out = out.sort_values(list(CONSISTENCY.sort_keys)).reset_index(drop=True)
    return out[list(CONSISTENCY_COLUMNS)]
