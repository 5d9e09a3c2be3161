"""Altair charts of toll escalation, source divergence, consistency checks and estimates.

Each builder takes the processed tables (as read by `tolltrace.tables.csvio.read_table`) and
returns a `Figure`: a named Altair chart with a title and a caption a reader understands
without the notebook. Data are aggregated before charting (one point per release, not
per mention) and capped, so a 100,000-article corpus still gives a small chart.

Escalation and divergence are built here; consistency and estimates in totals.py; the
Figure, its shared pieces and its export (`save_figure`, through vl-convert) in
figures.py. Everything is reachable as `charts.X`.
"""

from __future__ import annotations

import altair as alt
import pandas as pd

from tolltrace.analysis.releases import set_aside
from tolltrace.model import DIVERGENCE_CLASSES, DivergenceClass
from tolltrace.publish import escalation
from tolltrace.publish.escalation import (
    FIGURE_KINDS,
    KIND_SHAPES,
    MAX_COLOURED,
    escalation_chart,
    escalation_points,
    review_table,
)
from tolltrace.publish.figures import (
    OKABE_ITO,
    SENTENCE_CHARS,
    VL_VERSION,
    Figure,
    as_text,
    figure_label,
    label_expr,
    save_figure,
    save_spec,
    shorten,
    spec_to_png,
    spec_to_svg,
    wrap,
)
from tolltrace.publish.labels import source_name, victims
from tolltrace.publish.totals import (
    MAX_CHECK_ROWS,
    STATUS_COLOURS,
    consistency_chart,
    estimates_chart,
)

# The whole chart API, wherever each piece is defined (notebooks call charts.X).
__all__ = [
    "DIVERGENCE_CLASSES",
    "DIVERGENCE_COLOURS",
    "DIVERGENCE_LABELS",
    "DIVERGENCE_SHAPES",
    "FIGURE_KINDS",
    "KIND_SHAPES",
    "MAX_CHECK_ROWS",
    "MAX_DIVERGENCE_POINTS",
    "MAX_DIVERGENCE_ROWS",
    "MAX_COLOURED",
    "OKABE_ITO",
    "SENTENCE_CHARS",
    "STATUS_COLOURS",
    "VL_VERSION",
    "Figure",
    "consistency_chart",
    "divergence_chart",
    "divergence_points",
    "escalation_chart",
    "escalation_points",
    "escalation",
    "estimates_chart",
    "review_table",
    "figure_label",
    "save_figure",
    "save_spec",
    "shorten",
    "spec_to_png",
    "spec_to_svg",
]

# Above these sizes a chart keeps the most relayed items and says so in its caption.
MAX_DIVERGENCE_ROWS = 40
# Points drawn in the divergence chart: the most-mentioned (outlet, figure) pairs are kept
# so large corpora stay far below Altair's 5,000-row limit and the page stays small.
MAX_DIVERGENCE_POINTS = 1500

DIVERGENCE_LABELS = {
    DivergenceClass.SAME: "same figure",
    DivergenceClass.TIMING: "timing (older or newer release)",
    DivergenceClass.CATEGORY_SHIFT: "category shift (victim group changed)",
    DivergenceClass.QUALIFIER_DRIFT: "qualifier drift (e.g. exact → 'more than')",
    DivergenceClass.ATTRIBUTION_SHIFT: "attribution shift (other source or none)",
    DivergenceClass.CONTRADICTION: "contradiction (same source and time, other figure)",
    DivergenceClass.UNKNOWN: "unknown (no reference to compare with)",
}
DIVERGENCE_COLOURS = {
    DivergenceClass.SAME: "#009E73",
    DivergenceClass.TIMING: "#56B4E9",
    DivergenceClass.CATEGORY_SHIFT: "#E69F00",
    DivergenceClass.QUALIFIER_DRIFT: "#CC79A7",
    DivergenceClass.ATTRIBUTION_SHIFT: "#0072B2",
    DivergenceClass.CONTRADICTION: "#D55E00",
    DivergenceClass.UNKNOWN: "#999999",
}
DIVERGENCE_SHAPES = {
    DivergenceClass.SAME: "circle",
    DivergenceClass.TIMING: "square",
    DivergenceClass.CATEGORY_SHIFT: "triangle-up",
    DivergenceClass.QUALIFIER_DRIFT: "diamond",
    DivergenceClass.ATTRIBUTION_SHIFT: "triangle-down",
    DivergenceClass.CONTRADICTION: "cross",
    DivergenceClass.UNKNOWN: "triangle-right",
}


# How each qualifier is drawn on the escalation chart.
def _outlet_names(claims: pd.DataFrame) -> pd.Series:
    """Return each claim's outlet, or a note naming the article when the outlet is unknown."""
    outlet = as_text(claims["outlet"]) if "outlet" in claims else pd.Series("", index=claims.index)
    article = as_text(claims["article_id"])
    return outlet.where(outlet != "", "unknown outlet (" + article + ")")


def _sorted_claims(claims: pd.DataFrame) -> pd.DataFrame:
    """Return claims in table order (article, offset) whatever order they came in."""
    ordered = claims.assign(_start=pd.to_numeric(claims["char_start"], errors="coerce"))
    return ordered.sort_values(["article_id", "_start"], kind="stable").drop(columns="_start")


def divergence_points(
    claims: pd.DataFrame,
    releases: pd.DataFrame,
    outcome: str = "killed",
    max_rows: int = MAX_DIVERGENCE_ROWS,
    max_points: int = MAX_DIVERGENCE_POINTS,
) -> tuple[pd.DataFrame, int]:
    """Return one row per (reference release, outlet, figure, class), ready to chart.

    Each row is an outlet's figure set against the release it should be compared with,
    with the reference figure and a row label naming that release. Claims without a
    reference share one row. Claims set aside (tolls of another period, subsets of a total
    in their own series: releases.set_aside) are left out: they are not this event's
    figures of that series. Only the `max_rows` references with most mentions are
    kept, and at most `max_points` points (those with most mentions); the second value is
    the number of references before that cut.
    """
    keep = (as_text(claims["outcome"]) == outcome) & ~set_aside(claims)
    cl = _sorted_claims(claims[keep])
    if cl.empty:
        return pd.DataFrame(columns=_DIVERGENCE_COLUMNS), 0
    cl = cl.assign(
        ref=as_text(cl["reference_release_id"]),
        divergence_class=as_text(cl["divergence_class"]).replace("", DivergenceClass.UNKNOWN),
        outlet=_outlet_names(cl),
        claimed_source=as_text(cl["source"]),
        qualifier=as_text(cl["qualifier"]),
        low=pd.to_numeric(cl["low"], errors="coerce"),
        high=pd.to_numeric(cl["high"], errors="coerce"),
        reference_value=pd.to_numeric(cl["reference_value"], errors="coerce"),
        vague_term=as_text(cl["vague_term"]) if "vague_term" in cl else "",
    )
    cl["figure"] = [
        figure_label(lo, hi, q, v)
        for lo, hi, q, v in zip(
            cl["low"], cl["high"], cl["qualifier"], cl["vague_term"], strict=True
        )
    ]
    cl = _with_reference_rows(cl, releases)
    counts = cl.groupby("row_label")["article_id"].size()
    total = len(counts)
    if total > max_rows:
        keep = counts.reset_index(name="n").sort_values(["n", "row_label"], ascending=[False, True])
        cl = cl[cl["row_label"].isin(set(keep["row_label"].head(max_rows)))]
    keys = _DIVERGENCE_KEYS
    grouped = cl.groupby(keys, sort=True, dropna=False)
    out = grouped.agg(
        reference_value=("reference_value", "first"),
        n_mentions=("article_id", "size"),
        note=("divergence_note", "first") if "divergence_note" in cl else ("figure", "first"),
        sentence=("sentence", "first"),
    ).reset_index()
    out["note"] = as_text(out["note"]) if "divergence_note" in cl else ""
    out["sentence"] = [shorten(s) for s in as_text(out["sentence"])]
    out["class_label"] = (
        out["divergence_class"].map(DIVERGENCE_LABELS).fillna(out["divergence_class"])
    )
    if len(out) > max_points:
        out = out.sort_values(["n_mentions", *keys], ascending=[False] + [True] * len(keys))
        out = out.head(max_points)
    out = out.sort_values(keys, kind="stable").reset_index(drop=True)
    return out[_DIVERGENCE_COLUMNS], total


def _with_reference_rows(cl: pd.DataFrame, releases: pd.DataFrame) -> pd.DataFrame:
    """`cl` (claims with their `ref` release id) with the chart row of their reference
    release: its label ("SOURCE: FIGURE (SERIES, release N, as of DATE)") and a key
    that sorts rows by source, series and release order, unmatched claims last."""
    rel = releases.assign(
        ref=as_text(releases["release_id"]),
        ref_source=as_text(releases["source"]),
        ref_series=as_text(releases["series"])
        if "series" in releases
        else as_text(releases["victim_group"]),
        ref_order=pd.to_numeric(releases["series_order"], errors="coerce").fillna(0).astype(int),
        ref_figure=[
            figure_label(lo, hi, q)
            for lo, hi, q in zip(
                releases["low"], releases["high"], as_text(releases["qualifier"]), strict=True
            )
        ],
        ref_as_of=as_text(releases["as_of_first"]).replace("", "date unknown"),
    )[["ref", "ref_source", "ref_series", "ref_order", "ref_figure", "ref_as_of"]]
    cl = cl.merge(rel, on="ref", how="left")
    known = cl["ref_source"].notna() & (cl["ref"] != "")
    cl["row_label"] = pd.Series(
        [
            f"{source_name(src, short=True)}: {figure} ({victims(series)}, {as_of})"
            for src, figure, series, as_of in zip(
                as_text(cl["ref_source"]),
                as_text(cl["ref_figure"]),
                as_text(cl["ref_series"]),
                as_text(cl["ref_as_of"]),
                strict=True,
            )
        ],
        index=cl.index,
    ).where(known, "no matching release")
    cl["row_key"] = (
        as_text(cl["ref_source"])
        + "\x00"
        + as_text(cl["ref_series"])
        + "\x00"
        + cl["ref_order"].fillna(0).astype(int).astype(str).str.zfill(6)
    ).where(known, "\uffff")
    return cl


# One chart point per combination of these; the table carries them and the aggregates.
_DIVERGENCE_KEYS = [
    "row_key",
    "row_label",
    "outlet",
    "claimed_source",
    "figure",
    "low",
    "qualifier",
    "divergence_class",
]
_DIVERGENCE_COLUMNS = [
    *_DIVERGENCE_KEYS,
    "class_label",
    "reference_value",
    "n_mentions",
    "note",
    "sentence",
]


def divergence_chart(
    claims: pd.DataFrame,
    releases: pd.DataFrame,
    outcome: str = "killed",
    max_rows: int = MAX_DIVERGENCE_ROWS,
) -> Figure:
    """Chart each outlet's figure against its source's reference release, by divergence class.

    One row per reference release: a black tick marks the source's figure, and each
    outlet's figure is a point coloured and shaped by how it differs from it.
    """
    points, total = divergence_points(claims, releases, outcome, max_rows)
    order = list(dict.fromkeys(points.sort_values("row_key")["row_label"]))
    y = alt.Y("row_label:N", title=None, sort=order, axis=alt.Axis(labelLimit=420))
    classes = list(DIVERGENCE_CLASSES)
    colour = alt.Color(
        "divergence_class:N",
        title="How the article's figure differs",
        scale=alt.Scale(domain=classes, range=[DIVERGENCE_COLOURS[c] for c in classes]),
        legend=alt.Legend(labelExpr=label_expr(DIVERGENCE_LABELS), labelLimit=320),
    )
    shape = alt.Shape(
        "divergence_class:N",
        scale=alt.Scale(domain=classes, range=[DIVERGENCE_SHAPES[c] for c in classes]),
        legend=None,
    )
    base = alt.Chart(points)
    reference = base.mark_tick(color="black", thickness=2, size=22).encode(
        x=alt.X("reference_value:Q"),
        y=y,
        tooltip=[alt.Tooltip("row_label:N", title="Reference release")],
    )
    marks = base.mark_point(filled=True, size=90, opacity=0.85).encode(
        x=alt.X("low:Q", title=f"Reported number {outcome} (black tick: the source's figure)"),
        y=y,
        yOffset=alt.YOffset("outlet:N"),
        color=colour,
        shape=shape,
        tooltip=[
            alt.Tooltip("outlet:N", title="Outlet"),
            alt.Tooltip("figure:N", title="Article's figure"),
            alt.Tooltip("claimed_source:N", title="Attributed to"),
            alt.Tooltip("row_label:N", title="Compared with"),
            alt.Tooltip("class_label:N", title="Difference"),
            alt.Tooltip("note:N", title="Note"),
            alt.Tooltip("n_mentions:Q", title="Mentions"),
            alt.Tooltip("sentence:N", title="Sentence"),
        ],
    )
    height = max(60, 26 * max(1, len(order)))
    shown = (
        f"the {len(order):,} most cited of {total:,} releases"
        if len(order) < total
        else f"{total:,} releases"
    )
    cut = (
        f" Only the {len(points):,} most-mentioned outlet figures are drawn."
        if len(points) >= MAX_DIVERGENCE_POINTS
        else ""
    )
    caption = (
        f"Each row is a source's release ({shown}); the black tick is the source's figure "
        f"and each point an outlet's figure ({outcome}) that should match it. Colour and "
        f"shape give the kind of difference.{cut} Tolls as reported, not verified."
    )
    title = f"Where outlets' figures ({outcome}) differ from their sources"
    chart = (
        alt.layer(reference, marks)
        .properties(width=560, height=height)
        .properties(title=alt.Title(title, anchor="start", subtitle=wrap(caption)))
    )
    return Figure(f"divergence-{outcome}", title, caption, chart, len(points))
