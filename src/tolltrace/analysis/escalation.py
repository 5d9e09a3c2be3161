"""The escalation chart's data: one row per point it draws (escalation.csv).

Rules:

- Points. Each cumulative release of a named source is a point of its series (source ×
  place × victim series × outcome), dated by the day it was first reported
  (`as_of_first`). Daily, incident and increment counts, vague words and everything
  releases leave out (other periods, off-event articles, subsets) are not points.
- Unattributed figures are each outlet's own: an unattributed release printed by two
  outlets is a point in each outlet's series, dated by that outlet's own first report.
- Order. A named source's points follow its releases' `series_order` (time, then figure;
  a figure of unknown time slotted in by value; a stated previous toll before the figure
  that revises it). An outlet's own points follow time, then figure.
- Lines never fall. A point lower than the highest figure drawn before it in its series
  is off the line (`lower_than_earlier`), with a note naming that figure and its day.
  A cumulative toll does not fall: the lower figure counts another place or group, is a
  correction, or was misread, and an editor decides which.
- A figure of unknown time is drawn only where its place in the series pins its day: the
  figures just before and after it on the line were first reported on the same day
  (`as_of` is that day, `as_of_inferred` true). Otherwise it is listed, never drawn
  (`undated`).
- An outlet's unattributed figures join in a line only when the outlet printed them on
  two or more days, and then only its highest of each day: several unattributed figures
  of one day are more likely places or groups than a count repeated. The others are
  points off any line (`unattributed`).
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from tolltrace.analysis._arrays import text_array
from tolltrace.analysis.releases import UNATTRIBUTED
from tolltrace.model import ESCALATION, Correction, EscalationFlag, Qualifier, Scope

ESCALATION_COLUMNS = ESCALATION.names


def unknown_outlet(article_id: str) -> str:
    """How a figure of an article without a known outlet names its outlet."""
    return f"unknown outlet ({article_id})"


def build_escalation(releases: pd.DataFrame, claims: pd.DataFrame) -> pd.DataFrame:
    """The escalation table (rules in the module docstring).

    `releases` is build_releases' table; `claims` the analysed claims with claim_id,
    article_id, outlet, release_id and as_of.
    """
    rel = releases[text_array(releases["scope"]) == Scope.CUMULATIVE] if len(releases) else releases
    if rel.empty:
        return _empty()
    c = pd.DataFrame(
        {
            "release_id": text_array(claims["release_id"]),
            "claim_id": text_array(claims["claim_id"]),
            "article_id": text_array(claims["article_id"]),
            "outlet": text_array(claims["outlet"]),
            "as_of": text_array(claims["as_of"]),
            "sentence": (
                text_array(claims["sentence"])
                if "sentence" in claims
                else np.full(len(claims), "", dtype=object)
            ),
        }
    )
    c = c[c["release_id"].isin(set(text_array(rel["release_id"])))]
    c["outlet_shown"] = np.where(
        c["outlet"].str.strip() != "", c["outlet"].str.strip(), c["article_id"].map(unknown_outlet)
    )
    named = rel[text_array(rel["source"]) != UNATTRIBUTED]
    points = [_named_points(named, c), _outlet_points(rel, c)]
    table = pd.concat([p for p in points if not p.empty], ignore_index=True)
    if table.empty:
        return _empty()
    table = _flag(table)
    table["note"] = _with_corrections(table, claims)
    keys = list(ESCALATION.sort_keys)
    table = table.sort_values(keys, kind="stable").reset_index(drop=True)
    return table[list(ESCALATION_COLUMNS)]


# How a point's note names a hand correction of one of its claims (corrections.csv).
_BY_HAND = {Correction.CORRECTED: "corrected by hand", Correction.ADDED: "added by hand"}


def _with_corrections(points: pd.DataFrame, claims: pd.DataFrame) -> np.ndarray:
    """The points' notes, with "corrected by hand: <reason>" for a point whose claims a
    journalist corrected or added."""
    notes = text_array(points["note"]).copy()
    if "correction" not in claims:
        return notes
    marks = text_array(claims["correction"])
    by_hand = np.isin(marks, list(_BY_HAND))
    if not by_hand.any():
        return notes
    reasons = text_array(claims["correction_reason"])[by_hand]
    said = {
        cid: f"{_BY_HAND[Correction(mark)]}: {reason}"
        for cid, mark, reason in zip(
            text_array(claims["claim_id"])[by_hand], marks[by_hand], reasons, strict=True
        )
    }
    for i, ids in enumerate(text_array(points["claim_ids"])):
        told = [said[cid] for cid in ids.split("; ") if cid in said]
        if told:
            notes[i] = "; ".join([n for n in (notes[i],) if n] + list(dict.fromkeys(told)))
    return notes


def _empty() -> pd.DataFrame:
    return pd.DataFrame({name: pd.Series(dtype=object) for name in ESCALATION_COLUMNS})


def _joined(values: pd.Series) -> str:
    return "; ".join(sorted(set(values)))


def _in_order(values: pd.Series) -> str:
    return "; ".join(dict.fromkeys(values))


def _release_fields(rel: pd.DataFrame) -> pd.DataFrame:
    """The columns every point takes from its release."""
    low = pd.to_numeric(rel["low"]).astype("int64")
    high = pd.to_numeric(rel["high"], errors="coerce").astype("Int64")
    qualifier = text_array(rel["qualifier"])
    up_to = (qualifier == Qualifier.UP_TO) & high.notna().to_numpy()
    return pd.DataFrame(
        {
            "release_id": text_array(rel["release_id"]),
            "source": text_array(rel["source"]),
            "place_id": text_array(rel["place_id"]),
            "place_kind": text_array(rel["place_kind"]),
            "place": text_array(rel["place"]),
            "series": text_array(rel["series"]),
            "outcome": text_array(rel["outcome"]),
            "value": np.where(up_to, high.fillna(0).to_numpy(np.int64), low.to_numpy()),
            "low": low.to_numpy(),
            "high": high.array,
            "qualifier": qualifier,
        }
    )


def _named_points(rel: pd.DataFrame, claims: pd.DataFrame) -> pd.DataFrame:
    if rel.empty:
        return pd.DataFrame()
    points = _release_fields(rel)
    points["order"] = pd.to_numeric(rel["series_order"]).to_numpy(np.int64)
    by_release = claims.groupby("release_id", sort=True)
    points["outlet"] = ""
    points["as_of"] = text_array(rel["as_of_first"])
    points["claim_ids"] = points["release_id"].map(by_release["claim_id"].agg(_in_order))
    points["sentence"] = points["release_id"].map(by_release["sentence"].first())
    points["article_ids"] = text_array(rel["article_ids"])
    points["outlets"] = points["release_id"].map(by_release["outlet_shown"].agg(_joined))
    points["n_outlets"] = pd.to_numeric(rel["n_outlets"]).to_numpy(np.int64)
    points["series_id"] = (
        points["source"] + "|" + points["place_id"] + "|" + points["series"] + "|"
        + points["outcome"]
    )  # fmt: skip
    return points


def _outlet_points(rel: pd.DataFrame, claims: pd.DataFrame) -> pd.DataFrame:
    """Unattributed releases split by outlet: each outlet's own points."""
    unattributed = rel[text_array(rel["source"]) == UNATTRIBUTED]
    if unattributed.empty:
        return pd.DataFrame()
    fields = _release_fields(unattributed).set_index("release_id")
    c = claims[claims["release_id"].isin(set(fields.index))]
    dated = c.assign(day=c["as_of"].where(c["as_of"] != ""))
    grouped = dated.groupby(["release_id", "outlet_shown"], sort=True)
    points = grouped.agg(
        as_of=("day", "min"),
        claim_ids=("claim_id", _in_order),
        sentence=("sentence", "first"),
        article_ids=("article_id", _joined),
    ).reset_index()
    points["as_of"] = points["as_of"].fillna("")
    points = points.join(fields, on="release_id")
    points["outlet"] = points["outlet_shown"]
    points["outlets"] = points["outlet_shown"]
    points = points.sort_values(["outlet", "place_id", "series", "outcome", "as_of", "value"])
    points["order"] = np.arange(len(points))  # time, then figure (undated first: never drawn)
    points["n_outlets"] = 1
    points["series_id"] = (
        UNATTRIBUTED + ":" + points["outlet"] + "|" + points["place_id"] + "|"
        + points["series"] + "|" + points["outcome"]
    )  # fmt: skip
    return points.drop(columns=["outlet_shown"])


def _flag(points: pd.DataFrame) -> pd.DataFrame:
    """as_of_inferred, on_line, flag and note of every point (module docstring)."""
    p = points.sort_values(["series_id", "order", "release_id"], kind="stable")
    p = p.reset_index(drop=True)
    n = len(p)
    on_line = np.zeros(n, dtype=bool)
    flag = np.full(n, "", dtype=object)
    note = np.full(n, "", dtype=object)
    day = p["as_of"].to_numpy(dtype=object).copy()
    inferred = np.zeros(n, dtype=bool)
    series = p["series_id"].to_numpy(dtype=object)
    value = p["value"].to_numpy(np.int64)
    outlet = p["outlet"].to_numpy(dtype=object)
    for rows in pd.Series(np.arange(n)).groupby(series, sort=False).indices.values():
        _pin_days(rows, day, inferred, outlet)
        days = {day[i] for i in rows if day[i]}
        top_of_day = {day[i]: i for i in rows if day[i]}  # rows go up in value within a day
        best: tuple[int, str] | None = None
        for i in rows:
            if not day[i]:
                flag[i] = EscalationFlag.UNDATED
                note[i] = "no date: listed, not drawn"
            elif outlet[i] and (len(days) < 2 or top_of_day[day[i]] != i):
                flag[i] = EscalationFlag.UNATTRIBUTED
                note[i] = (
                    "an unattributed figure of this outlet: a point, not a line (it printed "
                    "figures on one day only, or a higher one that day)"
                )
            elif best is not None and value[i] < best[0]:
                flag[i] = EscalationFlag.LOWER
                who = "this outlet printed" if outlet[i] else "this source gave"
                note[i] = (
                    f"lower than the {best[0]:,} {who} on {best[1]}: another place or "
                    "group, a correction, or a misreading?"
                )
            else:
                on_line[i] = True
                if best is None or value[i] > best[0]:
                    best = (int(value[i]), str(day[i]))
    p["order"] = p.groupby("series_id", sort=False).cumcount().to_numpy(np.int64) + 1
    p["as_of"] = day
    p["as_of_inferred"] = inferred
    p["on_line"] = on_line
    p["flag"] = flag
    p["note"] = note
    return p


def _pin_days(rows: np.ndarray, day: np.ndarray, inferred: np.ndarray, outlet: np.ndarray) -> None:
    """Date an undated point of a named source's series when the dated points around it
    were first reported on one day (module docstring)."""
    if outlet[rows[0]]:
        return
    known = [i for i in rows if day[i]]
    for k, i in enumerate(rows):
        if day[i]:
            continue
        before = [j for j in rows[:k] if day[j]]
        after = [j for j in rows[k + 1 :] if day[j]]
        if before and after and day[before[-1]] == day[after[0]] and known:
            day[i] = day[before[-1]]
            inferred[i] = True
