"""The divergence chart: each outlet's figure against the release of the source it names.

One band per release of a named source (and a last one for figures that match no
release). In a band, the black tick is the source's figure and each dot an outlet's
figure for it: a dot on the tick matches; a dot off it differs, and is labelled with its
words and outlet; colour and shape say how it differs (DIVERGENCE_LABELS, the classes of
tolltrace.analysis.divergence). What the chart does not pretend:

- a changed qualifier on the same number ("more than 532" for 532) sits on the tick, so
  its label carries the words;
- a figure in words ("hundreds") is written in its band, never drawn at its coded number;
- a dot from an article with no date is hollow: which figure the source had by then is
  unknown, so it is compared with the release it relays.

The layout is computed here in pixels (bands of LANE_HEIGHT lanes, one per outlet), so the
chart is one view whose width the published page can narrow to a phone's.
"""

from __future__ import annotations

import altair as alt
import pandas as pd

from tolltrace.analysis.escalation import unknown_outlet
from tolltrace.analysis.releases import set_aside
from tolltrace.model import DIVERGENCE_CLASSES, DivergenceClass, Qualifier
from tolltrace.publish.figures import (
    Figure,
    as_text,
    figure_label,
    label_expr,
    n_articles,
    shorten,
    titled,
)
from tolltrace.publish.labels import day, source_name, victims

# Above these sizes a chart keeps the most relayed items and says so in its caption.
MAX_DIVERGENCE_ROWS = 40
# Points drawn: the most-mentioned (outlet, figure) pairs are kept so large corpora stay
# far below Altair's 5,000-row limit and the page stays small.
MAX_DIVERGENCE_POINTS = 1500

# Layout of one band, in pixels: its label, then one lane per outlet (at most MAX_LANES;
# more outlets share lanes), then a gap.
WIDTH = 520
LABEL_HEIGHT = 17
LANE_HEIGHT = 11
MAX_LANES = 12
BAND_GAP = 12
# A differing dot's label goes left of the dot past this share of the axis, so it stays
# inside the plot.
LABEL_FLIP_SHARE = 0.55
POINT_LABEL_CHARS = 60
NO_RELEASE = "Figures that match no named source's release"

DIVERGENCE_LABELS = {
    DivergenceClass.SAME: "same figure",
    DivergenceClass.TIMING: "timing (older or newer release)",
    DivergenceClass.CATEGORY_SHIFT: "category shift (victim group changed)",
    DivergenceClass.QUALIFIER_DRIFT: "qualifier drift (e.g. exact → 'more than')",
    DivergenceClass.ATTRIBUTION_SHIFT: "attribution shift (other source or none)",
    DivergenceClass.CONTRADICTION: "contradiction (same source and time, other figure)",
    DivergenceClass.UNKNOWN: "not compared (no release, or words only)",
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

# One chart point per combination of these; the table carries them and the aggregates.
_KEYS = [
    "row_key",
    "row_label",
    "outlet",
    "claimed_source",
    "figure",
    "low",
    "qualifier",
    "divergence_class",
]
_COLUMNS = [
    *_KEYS,
    "class_label",
    "reference_value",
    "dated",
    "vague",
    "n_mentions",
    "note",
    "sentence",
]


def _outlet_names(claims: pd.DataFrame) -> pd.Series:
    """Each claim's outlet, or a note naming the article when the outlet is unknown."""
    outlet = as_text(claims["outlet"]) if "outlet" in claims else pd.Series("", index=claims.index)
    return outlet.where(outlet != "", as_text(claims["article_id"]).map(unknown_outlet))


def divergence_points(
    claims: pd.DataFrame,
    releases: pd.DataFrame,
    outcome: str = "killed",
    max_rows: int = MAX_DIVERGENCE_ROWS,
    max_points: int = MAX_DIVERGENCE_POINTS,
) -> tuple[pd.DataFrame, int]:
    """Return one row per (reference release, outlet, figure, class), ready to chart.

    Each row is an outlet's figure set against the release it should be compared with,
    with the reference figure and a band label naming that release; `dated` says whether
    the article gave the figure a date, `vague` whether it is words ("hundreds"). Claims
    without a reference share the last band. Claims set aside (tolls of another period,
    subsets of a total in their own series: releases.set_aside) are left out. Only the
    `max_rows` references with most mentions are kept, and at most `max_points` points
    (those with most mentions); the second value is the number of references before
    that cut.
    """
    keep = (as_text(claims["outcome"]) == outcome) & ~set_aside(claims)
    cl = claims[keep]
    if cl.empty:
        return pd.DataFrame(columns=_COLUMNS), 0
    cl = cl.assign(_start=pd.to_numeric(cl["char_start"], errors="coerce"))
    cl = cl.sort_values(["article_id", "_start"], kind="stable").drop(columns="_start")
    cl = cl.assign(
        ref=as_text(cl["reference_release_id"]),
        divergence_class=as_text(cl["divergence_class"]).replace("", DivergenceClass.UNKNOWN),
        outlet=_outlet_names(cl),
        claimed_source=[source_name(s, short=True) for s in as_text(cl["source"])],
        qualifier=as_text(cl["qualifier"]),
        low=pd.to_numeric(cl["low"], errors="coerce"),
        high=pd.to_numeric(cl["high"], errors="coerce"),
        reference_value=pd.to_numeric(cl["reference_value"], errors="coerce"),
        vague_term=as_text(cl["vague_term"]) if "vague_term" in cl else "",
        dated=as_text(cl["as_of"]) != "" if "as_of" in cl else False,
    )
    cl["vague"] = cl["qualifier"] == Qualifier.VAGUE
    cl["figure"] = [
        f"“{term or 'vague'}”" if q == Qualifier.VAGUE else figure_label(lo, hi, q)
        for lo, hi, q, term in zip(
            cl["low"], cl["high"], cl["qualifier"], cl["vague_term"], strict=True
        )
    ]
    cl = _with_reference_rows(cl, releases)
    counts = cl.groupby("row_label")["article_id"].size()
    total = len(counts)
    if total > max_rows:
        top = counts.reset_index(name="n").sort_values(["n", "row_label"], ascending=[False, True])
        cl = cl[cl["row_label"].isin(set(top["row_label"].head(max_rows)))]
    grouped = cl.groupby(_KEYS, sort=True, dropna=False)
    out = grouped.agg(
        reference_value=("reference_value", "first"),
        dated=("dated", "any"),
        vague=("vague", "first"),
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
        out = out.sort_values(["n_mentions", *_KEYS], ascending=[False] + [True] * len(_KEYS))
        out = out.head(max_points)
    out = out.sort_values(_KEYS, kind="stable").reset_index(drop=True)
    return out[_COLUMNS], total


def _with_reference_rows(cl: pd.DataFrame, releases: pd.DataFrame) -> pd.DataFrame:
    """`cl` (claims with their `ref` release id) with the band of their reference release:
    its label ("SOHR · about 745 civilians · 8 March 2025") and a key that sorts bands by
    source, series and release order, unmatched claims last."""
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
        ref_as_of=[day(d) or "date unknown" for d in as_text(releases["as_of_first"])],
    )[["ref", "ref_source", "ref_series", "ref_order", "ref_figure", "ref_as_of"]]
    cl = cl.merge(rel, on="ref", how="left")
    known = cl["ref_source"].notna() & (cl["ref"] != "")
    cl["row_label"] = pd.Series(
        [
            f"{source_name(src, short=True)} · {figure} {victims(series)} · {as_of}"
            for src, figure, series, as_of in zip(
                as_text(cl["ref_source"]),
                as_text(cl["ref_figure"]),
                as_text(cl["ref_series"]),
                as_text(cl["ref_as_of"]),
                strict=True,
            )
        ],
        index=cl.index,
    ).where(known, NO_RELEASE)
    cl["row_key"] = (
        as_text(cl["ref_source"])
        + "\x00"
        + as_text(cl["ref_series"])
        + "\x00"
        + cl["ref_order"].fillna(0).astype(int).astype(str).str.zfill(6)
        # Releases of one series in two places share an order: the id keeps them apart.
        + "\x00"
        + as_text(cl["ref"])
    ).where(known, "\uffff")
    return cl


def _layout(points: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame, int]:
    """Pixel positions: `y` for every point (a lane of its band), and the
    bands (label, top, tick from/to, reference figure); also the chart's height."""
    points = points.copy()
    bands = []
    top = 0
    points["y"] = 0.0
    for label, rows in points.groupby("row_key", sort=True):
        # Numbers first, words last: the tick spans only the lanes of numbers.
        rows = rows.sort_values("vague", kind="stable")
        lanes = min(len(rows), MAX_LANES)
        number_lanes = max(1, min(int((~rows["vague"]).sum()), MAX_LANES))
        first_lane = top + LABEL_HEIGHT + LANE_HEIGHT / 2
        points.loc[rows.index, "y"] = [
            first_lane + (i % MAX_LANES) * LANE_HEIGHT for i in range(len(rows))
        ]
        bottom = top + LABEL_HEIGHT + lanes * LANE_HEIGHT
        bands.append(
            {
                "row_key": label,
                "row_label": rows["row_label"].iloc[0],
                "label_y": top,
                "tick_y": top + LABEL_HEIGHT - 2,
                "tick_y2": top + LABEL_HEIGHT + number_lanes * LANE_HEIGHT + 2,
                "reference_value": rows["reference_value"].iloc[0] if label != "\uffff" else None,
            }
        )
        top = bottom + BAND_GAP
    return points, pd.DataFrame(bands), max(top, 40)


def _finding(points: pd.DataFrame) -> str:
    """The chart's title: how many compared figures differ from their source's release."""
    compared = points[points["divergence_class"] != DivergenceClass.UNKNOWN]
    n = len(compared)
    differ = compared[compared["divergence_class"] != DivergenceClass.SAME]
    if n == 0:
        return "No figure outlets ran could be set against a source's release"
    if differ.empty:
        return f"All {n:,} figures outlets ran match their source's release"
    counts = differ["divergence_class"].value_counts()
    kinds = sorted(counts.index, key=lambda k: (-counts[k], DIVERGENCE_CLASSES.index(k)))
    main = DIVERGENCE_LABELS[DivergenceClass(kinds[0])].split(" (")[0]
    verb = "differs" if len(differ) == 1 else "differ"
    if len(kinds) == 1:
        how = f", by {main}"
    elif counts[kinds[0]] > counts[kinds[1]]:
        how = f", most by {main}"
    else:
        how = f", in {len(kinds)} ways"
    return f"{len(differ):,} of {n:,} figures outlets ran {verb} from their source's release{how}"


def divergence_chart(
    claims: pd.DataFrame,
    releases: pd.DataFrame,
    outcome: str = "killed",
    max_rows: int = MAX_DIVERGENCE_ROWS,
) -> Figure:
    """Chart each outlet's figure against its source's release (module docstring)."""
    points, total = divergence_points(claims, releases, outcome, max_rows)
    name = f"divergence-{outcome}"
    if points.empty:
        empty = alt.Chart(pd.DataFrame({"t": ["Nothing to compare"]})).mark_text()
        return Figure(name, "Nothing to compare", "Nothing to draw.", empty.encode(text="t:N"))
    points, bands, height = _layout(points)
    numbers = points[~points["vague"]]
    top = max(
        float(numbers["low"].max()) if len(numbers) else 0.0,
        float(pd.to_numeric(bands["reference_value"], errors="coerce").max() or 0.0),
        1.0,
    )
    flip = points["low"].fillna(0) > LABEL_FLIP_SHARE * top
    differs = ~points["divergence_class"].isin([DivergenceClass.SAME, DivergenceClass.UNKNOWN])
    points["point_label"] = [
        shorten(f"{figure}{', in words' if vague else ''} ({outlet})", POINT_LABEL_CHARS)
        for figure, vague, outlet in zip(
            points["figure"], points["vague"], points["outlet"], strict=True
        )
    ]
    drawn = set(points.loc[~points["vague"], "divergence_class"])
    present = [c for c in DIVERGENCE_CLASSES if c in drawn]
    scale = alt.Scale(domain=present, range=[DIVERGENCE_COLOURS[c] for c in present])
    x_scale = alt.Scale(domain=[0, top], nice=True)
    x_axis = alt.Axis(format=",d", orient="top", tickCount=5)
    x = alt.X("low:Q", title=f"Number {outcome}", scale=x_scale, axis=x_axis)
    y_scale = alt.Scale(domain=[0, height], range=[0, height])
    y = alt.Y("y:Q", scale=y_scale, axis=None)
    band_labels = (
        alt.Chart(bands)
        .mark_text(align="left", baseline="top", fontWeight="bold", fontSize=11.5, limit=480)
        .encode(x=alt.value(0), y=alt.Y("label_y:Q", scale=y_scale, axis=None), text="row_label")
    )
    ticks = (
        alt.Chart(bands[bands["reference_value"].notna()])
        .mark_rule(color="black", strokeWidth=2.5)
        .encode(
            x=alt.X("reference_value:Q", title=f"Number {outcome}", scale=x_scale, axis=x_axis),
            y=alt.Y("tick_y:Q", scale=y_scale, axis=None),
            y2="tick_y2:Q",
            tooltip=[alt.Tooltip("row_label:N", title="The source's figure")],
        )
    )
    tooltip = [
        alt.Tooltip("outlet:N", title="Outlet"),
        alt.Tooltip("figure:N", title="Article's figure"),
        alt.Tooltip("claimed_source:N", title="Attributed to"),
        alt.Tooltip("row_label:N", title="Compared with"),
        alt.Tooltip("class_label:N", title="Difference"),
        alt.Tooltip("n_mentions:Q", title="Mentions"),
        alt.Tooltip("sentence:N", title="Sentence"),
    ]
    fields = [
        "row_label", "outlet", "claimed_source", "figure", "low", "y", "divergence_class",
        "class_label", "dated", "n_mentions", "sentence", "point_label",
    ]  # fmt: skip
    legend = alt.Legend(
        orient="bottom",
        direction="vertical",
        title="How the outlet's figure differs",
        labelExpr=label_expr(DIVERGENCE_LABELS),
        labelLimit=300,
    )
    shapes = alt.Scale(domain=present, range=[DIVERGENCE_SHAPES[c] for c in present])
    dots = (
        alt.Chart(points[~points["vague"]][fields])
        .mark_point(size=80, strokeWidth=2, opacity=0.95)
        .encode(
            x=x,
            y=y,
            stroke=alt.Stroke("divergence_class:N", scale=scale, legend=legend),
            shape=alt.Shape("divergence_class:N", scale=shapes, legend=legend),
            fill=alt.condition(
                "datum.dated",
                alt.Fill("divergence_class:N", scale=scale, legend=None),
                alt.value("white"),
            ),
            tooltip=tooltip,
        )
    )
    right = points[differs & ~points["vague"] & ~flip][fields]
    left = points[differs & ~points["vague"] & flip][fields]
    words = points[points["vague"]][fields]
    labels = [
        alt.Chart(frame)
        .mark_text(align=align, baseline="middle", dx=dx, fontSize=10.5)
        .encode(x=x, y=y, text="point_label:N", color=alt.value("#333"), tooltip=tooltip)
        for frame, align, dx in ((right, "left", 9), (left, "right", -9))
        if not frame.empty
    ]
    if not words.empty:
        labels.append(
            alt.Chart(words)
            .mark_text(align="left", baseline="middle", fontStyle="italic", fontSize=10.5)
            .encode(
                x=alt.value(2),
                y=y,
                text=alt.Text("point_label:N"),
                color=alt.value("#555"),
                tooltip=tooltip,
            )
        )
    caption = _caption(points, total, len(bands))
    chart = alt.layer(band_labels, ticks, dots, *labels).properties(width=WIDTH, height=height)
    chart = titled(
        chart,
        _finding(points),
        caption,
        n_articles(claims[as_text(claims["outcome"]) == outcome]),
        fit=(WIDTH, 30),
    ).configure_view(stroke=None)
    return Figure(name, _finding(points), caption, chart, len(points))


def _caption(points: pd.DataFrame, total: int, shown: int) -> str:
    bands = (
        f"each of the {shown:,} most cited of {total:,} releases"
        if shown < total
        else "each release"
    )
    cut = (
        f" Only the {len(points):,} most-mentioned outlet figures are drawn."
        if len(points) >= MAX_DIVERGENCE_POINTS
        else ""
    )
    return (
        f"One band for {bands} of a named source: the black tick is the source's "
        "figure, each dot an outlet's figure for it. Dots on the tick match; labelled dots "
        "differ. Hollow dots: the article gives no date, so it is compared with the release "
        "it relays. Figures in words (“hundreds”) are written, not drawn as numbers."
        f"{cut}"
    )
