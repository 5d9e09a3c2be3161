"""Divergence: what each claim should be compared with, and how it differs.

Reference. For a claim with a named source, the reference is that source's release in the
claim's series and outcome that was the highest available at the claim's `as_of`:
the highest of the source's releases first seen on an earlier day, or the claim's own
release if that is higher. Releases first seen on the claim's own day do not count against
it: within one day their order is only inferred from value. When the claim's as_of is
unknown, the reference is the release it relays: whether that figure was already stale
cannot be told (noted "time unknown", with the source's highest figure in the series).
Daily, incident and increment counts are compared with their own release (the count of
that day).
"Highest" means the largest figure.

Classes (`divergence_class`), first matching rule wins:

- `unknown`: the rules cannot settle it. Vague figures ("hundreds": the coding is a
  convention, not a figure to compare; the note gives the source's figure then, for
  context); tolls of another period (`other_period`, "in 2018": not this event's);
  subsets of a total in their own series ("including 35 children": not the series' toll;
  the note names the total); a
  figure one source gives for two victim groups with equal support; an unattributed
  figure no named source released.
- `category_shift`: the figure is the source's release for another series (the civilian
  count reported as everyone's, or the reverse). The reference is then the source's
  highest figure in the claim's own series at that time, if any.
- `attribution_shift`: an unattributed figure that a named source released (the
  reference is that release: same series first, then most outlets, most mentions); or a
  named claim that would be a contradiction of its own source but matches another
  source's release (the reference stays its own source's figure; the note names the
  other release).
- `same`: the claim relays the reference release with its qualifier.
- `qualifier_drift`: the claim relays the reference release with another qualifier (an
  exact 532 relayed as "more than 532").
- `timing`: the claim relays an older release of its source than the reference: one first
  seen no later than the reference, or a figure the text states as previous (compared,
  when undated, with the highest figure of the series).
- `contradiction`: a lower figure than one the source had already released by an earlier
  day, first seen only after it, not stated as a previous figure, and not another
  source's release either.

Each article's headline figure against its reference: scores.article_scores.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from tolltrace.analysis._arrays import (
    column_flags,
    day_array,
    obj_series,
    text_array,
)
from tolltrace.analysis.release_index import ReleaseIndex, attribution_match, place_ids
from tolltrace.analysis.releases import UNATTRIBUTED, subsets_in_own_series
from tolltrace.model import CLAIMS, DivergenceClass, Scope

DIVERGENCE_COLUMNS = CLAIMS.select(
    "reference_release_id", "reference_value", "divergence_class", "divergence_note"
)


TIME_UNKNOWN = "time unknown: compared with the release it relays, not with later ones"


def classify_divergence(
    claims: pd.DataFrame, assignment: pd.DataFrame, releases: pd.DataFrame
) -> pd.DataFrame:
    """reference_release_id, reference_value, divergence_class and divergence_note per claim.

    `claims` needs source, outcome, qualifier, low, vague_term, victim_group, scope, as_of
    and is_previous, and era_text when it has other_period; `assignment` is
    releases.assign_releases' result; `releases` is releases.build_releases' table. Rules
    in the module docstring.
    """
    v = _Verdicts.unknown(len(claims))
    own_id = assignment["release_id"].to_numpy(dtype=object)
    vague = _note_uncompared(claims, own_id, v)
    if len(claims) == 0 or len(releases) == 0:
        return _result(claims.index, v.cls, v.note, v.ref, None)
    c = _Claims.of(claims, assignment, releases, own_id)
    _home_series(c, v)
    _other_series(c, v, vague)
    _unattributed(c, v)
    return _result(claims.index, v.cls, v.note, v.ref, c.rel)


@dataclass(slots=True)
class _Verdicts:
    """Per claim: its divergence class, note and reference (a row of ReleaseIndex, -1 none)."""

    cls: np.ndarray
    note: np.ndarray
    ref: np.ndarray

    @classmethod
    def unknown(cls, n: int) -> _Verdicts:
        """Every claim unknown, without a note or a reference."""
        return cls(
            np.full(n, DivergenceClass.UNKNOWN, dtype=object),
            np.full(n, "", dtype=object),
            np.full(n, -1, dtype=np.int64),
        )


@dataclass(slots=True)
class _Claims:
    """The claims as arrays, with their releases in the key space of `rel`."""

    rel: ReleaseIndex
    source: np.ndarray
    qualifier: np.ndarray
    group: np.ndarray
    prev: np.ndarray
    t: np.ndarray  # as_of day
    has_t: np.ndarray
    cum: np.ndarray
    named: np.ndarray
    rel_series: np.ndarray
    category: np.ndarray
    vlow: np.ndarray
    vhigh: np.ndarray
    own_id: np.ndarray
    own: np.ndarray  # the claim's own release (a row of rel), -1 for none
    has_own: np.ndarray
    figure: np.ndarray  # the own release's figure text
    gk_rel: np.ndarray  # series key of the release's series
    gk_self: np.ndarray  # series key of the claim's own series

    @classmethod
    def of(
        cls,
        claims: pd.DataFrame,
        assignment: pd.DataFrame,
        releases: pd.DataFrame,
        own_id: np.ndarray,
    ) -> _Claims:
        """The arrays of `claims` (as classify_divergence takes them)."""
        source = text_array(claims["source"])
        outcome = text_array(claims["outcome"])
        t = day_array(claims["as_of"])
        series = assignment["series"].to_numpy(dtype=object)
        rel_series = assignment["rel_series"].to_numpy(dtype=object)
        where = "@" + place_ids(assignment)
        rel = ReleaseIndex(releases, source, outcome, [rel_series + where, series + where])
        gk_rel, gk_self = rel.keys
        own = rel.index.get_indexer(own_id)
        has_own = own >= 0
        return cls(
            rel=rel,
            source=source,
            qualifier=text_array(claims["qualifier"]),
            group=text_array(claims["victim_group"]),
            prev=claims["is_previous"].to_numpy(bool),
            t=t,
            has_t=~np.isnat(t),
            cum=text_array(claims["scope"]) == Scope.CUMULATIVE,
            named=source != UNATTRIBUTED,
            rel_series=rel_series,
            category=assignment["category"].to_numpy(dtype=object),
            vlow=assignment["vlow"].to_numpy(np.int64),
            vhigh=assignment["vhigh"].to_numpy(np.int64),
            own_id=own_id,
            own=own,
            has_own=has_own,
            figure=np.where(has_own, rel.figure[np.maximum(own, 0)], "").astype(object),
            gk_rel=gk_rel,
            gk_self=gk_self,
        )


def _note_uncompared(claims: pd.DataFrame, own_id: np.ndarray, v: _Verdicts) -> np.ndarray:
    """Note the claims no figure is compared with: vague figures, tolls of another period
    and subsets of a total in their own series. Returns which claims are vague figures."""
    n = len(claims)
    low = pd.to_numeric(claims["low"], errors="coerce").fillna(-1).to_numpy(np.int64)
    vague_term = text_array(claims["vague_term"]) if n else np.array([], dtype=object)
    other = column_flags(claims, "other_period")
    subset = subsets_in_own_series(claims) & ~other
    vague = (own_id == "") & ~other & ~subset
    v.note[vague] = _cat(
        vague, "vague figure ('", vague_term, "', coded ", low.astype(str).astype(object), ")"
    )
    if other.any():
        era = text_array(claims["era_text"]) if "era_text" in claims else np.full(n, "", object)
        v.note[other] = _cat(
            other, "toll of another period ('", era, "'): not compared with this event's figures"
        )
    if subset.any():
        v.note[subset] = _cat(
            subset,
            "part of the total ",
            text_array(claims["part_of"]),
            ": a subset of its series, not compared with the series' figures",
        )
    return vague


def _home_series(c: _Claims, v: _Verdicts) -> None:
    """Named claims of a release, in its home series: compared with the highest release
    of their source then (their own, if higher)."""
    rel, own = c.rel, c.own
    normal = c.named & c.has_own & (c.category == "")
    before = rel.highest_before(c.gk_rel, c.t, inclusive=False)
    own_rank = rel.vrank[np.maximum(own, 0)]
    before_rank = np.where(before >= 0, rel.vrank[np.maximum(before, 0)], -1)
    dated_ref = np.where(before_rank > own_rank, before, own)
    # Undated: compared with the release it relays, unless the text calls it previous.
    undated_ref = np.where(c.prev, rel.highest(c.gk_rel), own)
    v.ref[normal] = np.where(c.cum, np.where(c.has_t, dated_ref, undated_ref), own)[normal]

    is_own = v.ref == own
    own_q = rel.qualifier[np.maximum(own, 0)]
    undated_cum = ~c.has_t & c.cum
    top = rel.highest(c.gk_rel)
    higher = undated_cum & (top >= 0) & (top != own)
    lead = _text_where(undated_cum, TIME_UNKNOWN + "; ")
    lead[higher] = _cat(
        higher,
        lead,
        "the highest ",
        c.source,
        " figure of the series is ",
        *_release_words(rel, top),
        "; ",
    )
    m = normal & is_own & (c.qualifier == own_q)
    v.cls[m] = DivergenceClass.SAME
    undated_same = m & undated_cum
    v.note[undated_same] = _cat(undated_same, lead, "this claim relays ", c.own_id)
    m = normal & is_own & (c.qualifier != own_q)
    v.cls[m] = DivergenceClass.QUALIFIER_DRIFT
    v.note[m] = _cat(
        m,
        lead,
        "the release states ",
        own_q,
        " ",
        c.figure,
        "; this claim says ",
        c.qualifier,
        " ",
        c.figure,
    )
    _older_release(c, v, normal & ~is_own)


def _older_release(c: _Claims, v: _Verdicts, older: np.ndarray) -> None:
    """Claims relaying another release than their reference: timing when it is older,
    else attribution shift or contradiction (_later_lower)."""
    rel, ref = c.rel, v.ref
    r_id = rel.id[np.maximum(ref, 0)]
    r_fig = rel.figure[np.maximum(ref, 0)]
    r_first = rel.first_text[np.maximum(ref, 0)]
    o_first = rel.first_text[np.maximum(c.own, 0)]
    previous = _text_where(c.prev, "stated as a previous figure; ")
    own_earlier = np.asarray(o_first <= r_first, dtype=bool)
    m = older & ~c.has_t
    v.cls[m] = DivergenceClass.TIMING
    v.note[m] = _cat(
        m,
        previous,
        "the highest ",
        c.source,
        " figure is ",
        r_fig,
        " (",
        r_id,
        "); this claim relays the lower release ",
        c.own_id,
    )
    m = older & c.has_t & (c.prev | own_earlier)
    same_day = _text_where(o_first == r_first, " (same day: order inferred from value)")
    v.cls[m] = DivergenceClass.TIMING
    v.note[m] = _cat(
        m,
        previous,
        c.source,
        " had released ",
        r_fig,
        " by ",
        r_first,
        "; this claim relays the older release ",
        c.own_id,
        same_day,
    )
    _later_lower(c, v, np.flatnonzero(older & c.has_t & ~c.prev & ~own_earlier))


def _later_lower(c: _Claims, v: _Verdicts, late_rows: np.ndarray) -> None:
    """Claims (rows `late_rows`) of a lower figure first seen after their source's higher
    one: an attribution shift when another source released it, else a contradiction."""
    rel, n = c.rel, len(c.source)
    r_fig = rel.figure[np.maximum(v.ref, 0)]
    r_first = rel.first_text[np.maximum(v.ref, 0)]
    o_first = rel.first_text[np.maximum(c.own, 0)]
    other = attribution_match(rel, late_rows, c.vlow, c.vhigh, c.cum)
    m = np.zeros(n, dtype=bool)
    m[late_rows[other >= 0]] = True
    other_id = np.full(n, "", dtype=object)
    other_id[late_rows[other >= 0]] = rel.id[other[other >= 0]]
    v.cls[m] = DivergenceClass.ATTRIBUTION_SHIFT
    v.note[m] = _cat(
        m,
        c.figure,
        " matches ",
        other_id,
        ", a release of another source; ",
        c.source,
        " had released ",
        r_fig,
        " by ",
        r_first,
    )
    m = np.zeros(n, dtype=bool)
    m[late_rows[other < 0]] = True
    v.cls[m] = DivergenceClass.CONTRADICTION
    v.note[m] = _cat(
        m,
        c.source,
        " had released ",
        r_fig,
        " by ",
        r_first,
        "; ",
        c.figure,
        " is lower, first seen ",
        o_first,
        ", and the text states no revision",
    )


def _other_series(c: _Claims, v: _Verdicts, vague: np.ndarray) -> None:
    """Category shifts, ties between stated groups, and vague figures (the source's
    figure then, for context only)."""
    rel, ref, note = c.rel, v.ref, v.note
    upto = rel.highest_before(c.gk_self, c.t, inclusive=True)
    self_ref = np.where(c.has_t, upto, rel.highest(c.gk_self))
    m = c.named & c.has_own & (c.category == "shift")
    ref[m] = self_ref[m]
    v.cls[m] = DivergenceClass.CATEGORY_SHIFT
    note[m] = _cat(
        m,
        c.figure,
        " is ",
        c.source,
        "'s figure for ",
        c.rel_series,
        " (",
        c.own_id,
        "); this claim reports it as ",
        c.group,
    )
    m = c.has_own & (c.category == "ambiguous")
    ref[m] = c.own[m]
    note[m] = _cat(
        m,
        c.source,
        " gives ",
        c.figure,
        " for more than one victim group with equal support; which the source meant is not settled",
    )
    m = vague & c.named
    ref[m] = self_ref[m]
    m = m & (ref >= 0)
    note[m] = _cat(
        m,
        note,
        "; ",
        c.source,
        "'s figure then: ",
        *_release_words(rel, ref),
    )


def _unattributed(c: _Claims, v: _Verdicts) -> None:
    """Unattributed figures: an attribution shift when a named source released them."""
    loose = np.flatnonzero(~c.named & c.has_own)
    match = attribution_match(c.rel, loose, c.vlow, c.vhigh, c.cum)
    found, missing = loose[match >= 0], loose[match < 0]
    v.ref[found] = match[match >= 0]
    v.cls[found] = DivergenceClass.ATTRIBUTION_SHIFT
    v.note[found] = "unattributed here; " + c.rel.id[v.ref[found]] + " is a named source's release"
    v.note[missing] = "unattributed, and no named source released this figure"


def _text_where(mask: np.ndarray, text: str) -> np.ndarray:
    """`text` on `mask` rows and "" elsewhere, as one object array.

    np.where(mask, text, "") would first build a fixed-width text array of four bytes per
    character for every claim (60 MB for a 38-character text at 100,000 articles).
    """
    out = np.full(len(mask), "", dtype=object)
    out[mask] = text
    return out


def _release_words(rel: ReleaseIndex, rows: np.ndarray) -> tuple[object, ...]:
    """The parts of "745 (SOHR|civilians|killed|745)" for the releases `rows` (for _cat)."""
    at = np.maximum(rows, 0)
    return rel.figure[at], " (", rel.id[at], ")"


def _cat(mask: np.ndarray, *parts: object) -> np.ndarray:
    """Concatenate text parts (arrays over all claims, or plain strings) on `mask` rows.

    Each note is built in one join, and equal notes are held once (most repeat), so a
    large corpus never holds a text per claim for every partial concatenation.
    """
    rows = np.flatnonzero(mask)
    columns = [
        part[rows].astype(object) if isinstance(part, np.ndarray) else [part] * len(rows)
        for part in parts
    ]
    notes = ["".join(pieces) for pieces in zip(*columns, strict=True)]
    return _shared(np.array(notes, dtype=object))


def _result(
    idx: pd.Index, cls: np.ndarray, note: np.ndarray, ref: np.ndarray, rel: ReleaseIndex | None
) -> pd.DataFrame:
    """The divergence columns as a DataFrame on the claims' index."""
    has_ref = ref >= 0
    if rel is None:
        ids = np.full(len(idx), "", dtype=object)
        values = pd.array([pd.NA] * len(idx), dtype="Int64")
    else:
        ids = np.where(has_ref, rel.id[np.maximum(ref, 0)], "").astype(object)
        values = pd.array(np.where(has_ref, rel.low[np.maximum(ref, 0)], 0), dtype="Int64")
        values[~has_ref] = pd.NA
    return pd.DataFrame(
        {
            "reference_release_id": obj_series(ids, idx),
            "reference_value": pd.Series(values, index=idx, dtype="Int64"),
            "divergence_class": obj_series(cls, idx),
            "divergence_note": obj_series(_shared(note), idx),
        }
    )


def _shared(texts: np.ndarray) -> np.ndarray:
    """`texts` with equal strings held once: notes are built per claim, and most repeat."""
    codes, uniques = pd.factorize(texts)
    return np.asarray(uniques, dtype=object)[codes] if len(codes) else texts
