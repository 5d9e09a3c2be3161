"""The escalation chart, drawn from escalation.csv and nothing else.

What it shows (the table's rules are in tolltrace.analysis.escalation):

- the whole event's series in the main panel, one step line per source, place and
  victims, that never falls; figures for one town, region or country of the event in a
  panel of their own below;
- a later figure lower than the line is a hollow point off the line, listed by
  `review_table` under the chart; an outlet's unattributed figures off any line are
  hollow points;
  figures without a date are not drawn (the caption counts them);
- at most MAX_COLOURED series in colour, named at their line's end; the rest grey, named
  on hover;
- x: the day each figure was first reported, with the year when the axis spans two years,
  covering the event window; when every figure falls on one day, each series' order
  instead.
"""

from __future__ import annotations

import datetime as dt

import altair as alt
import pandas as pd

from tolltrace.model import EscalationFlag, Qualifier
from tolltrace.publish.figures import (
    OKABE_ITO,
    Figure,
    as_text,
    figure_label,
    n_articles,
    shorten,
    titled,
)
from tolltrace.publish.findings import headline
from tolltrace.publish.labels import claim_words, source_name, victims

MAX_COLOURED = 8
MAX_DRAWN_POINTS = 1500
OTHER_COLOUR = "#9a9a9a"
OTHER_LABEL = "other series (hover to see)"
WIDTH, MAIN_HEIGHT, PART_HEIGHT = 600, 320, 220
MAX_DAY_TICKS = 10
# A line-end label is two lines above its point, the series and its last figure ("SOHR ·
# civilians" over "about 745"), each cut to LABEL_LIMIT pixels; LABEL_GAP pixels apart. The
# published page keeps BESIDE_PLOT pixels beside the plot for the labels and the y axis.
LABEL_GAP = 26
LABEL_LIMIT = 160
CHAR_WIDTH = 6.5
BESIDE_PLOT = LABEL_LIMIT + 60

# How each qualifier is drawn: the label in the shape legend, and its shape.
FIGURE_KINDS = {
    Qualifier.EXACT: "exact or approximate figure",
    Qualifier.ABOUT: "exact or approximate figure",
    Qualifier.MORE_THAN: "floor ('more than', 'at least')",
    Qualifier.AT_LEAST: "floor ('more than', 'at least')",
    Qualifier.UP_TO: "ceiling ('up to')",
    Qualifier.RANGE: "range (low end shown)",
}
KIND_SHAPES = {
    "exact or approximate figure": "circle",
    "floor ('more than', 'at least')": "triangle-up",
    "ceiling ('up to')": "triangle-down",
    "range (low end shown)": "square",
}
REVIEW_COLUMNS = ["series", "as_of", "figure", "note", "outlets", "claim_ids"]
# What the chart's inline data holds per point: what it draws and its tooltip shows.
_CHART_FIELDS = [
    "series_id", "order", "as_of", "value", "on_line", "colour", "kind", "label", "figure",
    "as_of_shown", "note", "outlets", "claim_ids", "claims_shown", "sentence",
]  # fmt: skip


def series_label(source: str, outlet: str, series: str, place: str) -> str:
    """ "SOHR · civilians", "no named source (Reuters) · people", "AFAD · people · in Hatay"."""
    who = f"no named source ({outlet})" if outlet else source_name(source, short=True)
    words = [who, victims(series)]
    if place:
        words.append(place)
    return " · ".join(words)


def escalation_points(escalation: pd.DataFrame, outcome: str = "killed") -> pd.DataFrame:
    """The rows of `escalation` for `outcome`, with what the chart draws from each: a
    label, its figure in words, its kind of figure, whether it is drawn, and its colour
    group (`colour`: its label for the MAX_COLOURED most prominent series of its panel,
    else OTHER_LABEL)."""
    e = escalation[as_text(escalation["outcome"]) == outcome].copy()
    if e.empty:
        return e.assign(label="", figure="", kind="", drawn=False, colour="", panel="")
    for col in ("source", "outlet", "series", "place", "place_id", "flag", "as_of", "note"):
        e[col] = as_text(e[col])
    e["on_line"] = e["on_line"].astype(str).str.lower().isin(["true", "1"])
    e["panel"] = e["place_id"].map(lambda p: "part" if p else "event")
    # The place words name a part's series; the whole event's need none.
    shown_place = e["place"].where(e["panel"] == "part", "")
    e["label"] = [
        series_label(s, o, v, p)
        for s, o, v, p in zip(e["source"], e["outlet"], e["series"], shown_place, strict=True)
    ]
    e["figure"] = [
        figure_label(lo, hi, q)
        for lo, hi, q in zip(e["low"], e["high"], as_text(e["qualifier"]), strict=True)
    ]
    e["kind"] = as_text(e["qualifier"]).map(FIGURE_KINDS).fillna(FIGURE_KINDS[Qualifier.EXACT])
    e["drawn"] = e["as_of"] != ""
    e["claims_shown"] = as_text(e["claim_ids"]).map(claim_words)
    e["sentence"] = as_text(e["sentence"]).map(shorten) if "sentence" in e else ""
    e["as_of_shown"] = e["as_of"] + e["as_of_inferred"].astype(str).str.lower().map(
        {"true": " (inferred from the figures around it)"}
    ).fillna("")
    e["colour"] = OTHER_LABEL
    for _, panel in e[e["drawn"] & e["on_line"]].groupby("panel", sort=True):
        ranked = (
            panel.groupby("label")
            .agg(on_line=("on_line", "sum"), top=("value", "max"))
            .sort_values(["on_line", "top"], ascending=False, kind="stable")
        )
        top = set(ranked.index[:MAX_COLOURED])
        e.loc[panel.index[panel["label"].isin(top)], "colour"] = panel["label"]
    keep = e[e["drawn"]]
    if len(keep) > MAX_DRAWN_POINTS:
        ranked = keep.groupby("series_id")["value"].max().sort_values(ascending=False)
        counts = keep["series_id"].map(keep["series_id"].value_counts())
        cumulative = counts.groupby(keep["series_id"]).first().loc[ranked.index].cumsum()
        kept = set(cumulative.index[cumulative <= MAX_DRAWN_POINTS])
        e.loc[e["drawn"] & ~e["series_id"].isin(kept), "drawn"] = False
    return e.sort_values(["panel", "series_id", "order"], kind="stable").reset_index(drop=True)


def review_table(escalation: pd.DataFrame, outcome: str = "killed") -> pd.DataFrame:
    """The figures a line leaves out because they are lower than it, with the claims
    behind them: what an editor checks before publishing."""
    e = escalation_points(escalation, outcome)
    lower = e[e["flag"] == EscalationFlag.LOWER] if not e.empty else e
    if lower.empty:
        return pd.DataFrame(columns=REVIEW_COLUMNS)
    return lower.rename(columns={"label": "series"})[REVIEW_COLUMNS].reset_index(drop=True)


def _x(points: pd.DataFrame, start: dt.date | None, end: dt.date | None) -> tuple[alt.X, str]:
    """The x axis and how the caption explains it."""
    days = sorted(set(points["as_of"]))
    if len(days) < 2:
        x = alt.X(
            "order:Q",
            title="Figure number within each series (all on one day: order from the figures)",
            scale=alt.Scale(padding=24),
            axis=alt.Axis(tickMinStep=1, format="d"),
        )
        return x, "x: each series' figures in order, since all were reported on one day"
    first = min(dt.date.fromisoformat(days[0]), start or dt.date.max)
    last = max(dt.date.fromisoformat(days[-1]), end or dt.date.min)
    fmt = "%d %b %Y" if first.year != last.year else "%d %b"
    span = (last - first).days
    if span <= 2 * MAX_DAY_TICKS:
        ticks = {"interval": "day", "step": max(1, span // MAX_DAY_TICKS + 1)}
    elif span <= 7 * MAX_DAY_TICKS:
        ticks = {"interval": "week", "step": max(1, span // (7 * MAX_DAY_TICKS) + 1)}
    else:
        ticks = {"interval": "month", "step": max(1, span // (30 * MAX_DAY_TICKS) + 1)}
    x = alt.X(
        "as_of:T",
        title="Day the figure was first reported",
        scale=alt.Scale(type="utc", domain=[first.isoformat(), last.isoformat()], padding=16),
        axis=alt.Axis(
            labelExpr=f"utcFormat(datum.value, '{fmt}')",
            tickCount=ticks,
            labelOverlap=True,
        ),
    )
    return x, "x: the day each figure was first reported"


def _tooltip() -> list[alt.Tooltip]:
    return [
        alt.Tooltip("figure:N", title="Reported toll"),
        alt.Tooltip("label:N", title="Series"),
        alt.Tooltip("as_of_shown:N", title="First reported"),
        alt.Tooltip("note:N", title="Note"),
        alt.Tooltip("outlets:N", title="Outlets"),
        alt.Tooltip("claims_shown:N", title="Claims"),
        alt.Tooltip("sentence:N", title="Sentence"),
    ]


def _panel(points: pd.DataFrame, x: alt.X, title: str, height: int) -> alt.LayerChart:
    """One panel: step lines of the on-line points, every drawn point, and a label at the
    end of each coloured line."""
    domain = [c for c in dict.fromkeys(points["colour"]) if c != OTHER_LABEL]
    domain = sorted(domain)
    colour = alt.Color(
        "colour:N",
        scale=alt.Scale(
            domain=[*domain, OTHER_LABEL], range=[*OKABE_ITO[: len(domain)], OTHER_COLOUR]
        ),
        legend=None,
    )
    y = alt.Y("value:Q", title="Reported toll")
    kinds = [k for k in KIND_SHAPES if k in set(points["kind"])]
    shape = alt.Shape(
        "kind:N",
        title="Kind of figure",
        scale=alt.Scale(domain=kinds, range=[KIND_SHAPES[k] for k in kinds]),
        legend=alt.Legend(orient="bottom", direction="vertical"),
    )
    points = points[_CHART_FIELDS]
    on_line = points[points["on_line"]]
    off_line = points[~points["on_line"]]
    lines = (
        alt.Chart(on_line)
        .mark_line(interpolate="step-after", strokeWidth=2)
        .encode(x=x, y=y, color=colour, detail="series_id:N", order="order:Q")
    )
    dots = (
        alt.Chart(on_line)
        .mark_point(filled=True, size=70, opacity=0.95)
        .encode(x=x, y=y, color=colour, shape=shape, tooltip=_tooltip())
    )
    off = (
        alt.Chart(off_line)
        .mark_point(filled=False, size=90, strokeWidth=2)
        .encode(x=x, y=y, color=colour, shape=shape, tooltip=_tooltip())
    )
    ends = on_line[on_line["colour"] != OTHER_LABEL]
    last = ends.sort_values("order").groupby("series_id", sort=True).tail(1)
    x_field = x.shorthand.split(":")[0]
    last = last.assign(end_label=last["label"] + "\n" + last["figure"])
    ends = _spread(last, height, x_field, points[x_field])
    labels = (
        alt.Chart(ends)
        .mark_text(
            align="left",
            baseline="bottom",
            dx=7,
            dy=-LABEL_GAP // 2,
            fontSize=11,
            limit=LABEL_LIMIT,
            lineBreak="\n",
        )
        .encode(x=x, y=alt.Y("label_y:Q", title="Reported toll"), text="end_label:N", color=colour)
    )
    return alt.layer(lines, dots, off, labels).properties(
        width=WIDTH, height=height, title=alt.Title(title, anchor="start", fontSize=13)
    )


def _spread(ends: pd.DataFrame, height: int, x_field: str, span: pd.Series) -> pd.DataFrame:
    """Line-end labels with `label_y`: their figure, moved up while a label already placed
    overlaps it: less than LABEL_GAP pixels apart in height, and one reaching over the
    other's start in width (x measured against `span`, the panel's x values, on a plot
    WIDTH pixels wide; a label's width estimated at CHAR_WIDTH a character)."""
    ends = ends.sort_values(["value", "series_id"], kind="stable").copy()
    top = max(float(ends["value"].max()) if len(ends) else 1.0, 1.0)
    gap = LABEL_GAP * top / height
    xs, lo, hi = _as_number(ends[x_field]), *_bounds(_as_number(span))
    pixels = (xs - lo) / ((hi - lo) or 1.0) * WIDTH
    widths = [
        min(LABEL_LIMIT, CHAR_WIDTH * max(len(line) for line in str(text).split("\n")))
        for text in ends["end_label"]
    ]
    placed: list[tuple[float, float, float]] = []
    label_y = []
    for px, width, value in zip(pixels, widths, ends["value"], strict=True):

        def hits(y: float, px: float = px, width: float = width) -> list[float]:
            return [
                qy
                for qx, qw, qy in placed
                if abs(y - qy) < gap and (0 <= qx - px < width or 0 <= px - qx < qw)
            ]

        y = float(value)
        while hits(y):
            y = max(hits(y)) + gap
        placed.append((px, width, y))
        label_y.append(y)
    ends["label_y"] = label_y
    return ends


def _as_number(values: pd.Series) -> pd.Series:
    """x values as numbers: days since 1970 for dates, else the numbers themselves."""
    if pd.api.types.is_numeric_dtype(values):
        return values.astype(float)
    days = pd.to_datetime(values, errors="coerce")
    return (days - pd.Timestamp("1970-01-01")).dt.days.astype(float)


def _bounds(values: pd.Series) -> tuple[float, float]:
    return (float(values.min()), float(values.max())) if len(values) else (0.0, 1.0)


def escalation_chart(
    escalation: pd.DataFrame,
    outcome: str = "killed",
    event_start: dt.date | str | None = None,
    event_end: dt.date | str | None = None,
) -> Figure:
    """Each source's reported toll over time (module docstring), from escalation.csv.

    `event_start` and `event_end` (the event window, when known) widen the time axis to
    cover it.
    """
    points = escalation_points(escalation, outcome)
    drawn = points[points["drawn"]] if not points.empty else points
    name = f"escalation-{outcome}"
    title = headline(escalation, outcome) or f"How the reported toll ({outcome}) grew"
    if drawn.empty:
        empty = (
            alt.Chart(pd.DataFrame({"t": ["No dated figures to draw"]}))
            .mark_text()
            .encode(text="t:N")
        )
        return Figure(name, title, "Nothing to draw.", empty.properties(title=title), 0)
    x, x_note = _x(drawn, _day(event_start), _day(event_end))
    main = drawn[drawn["panel"] == "event"]
    parts = drawn[drawn["panel"] == "part"]
    panels = []
    if not main.empty:
        panels.append(_panel(main, x, "The whole event", MAIN_HEIGHT))
    if not parts.empty:
        panels.append(_panel(parts, x, "One town, region or country of the event", PART_HEIGHT))
    chart = (
        panels[0]
        if len(panels) == 1
        else alt.vconcat(*panels).resolve_scale(color="independent", y="independent")
    )
    caption = _caption(points, drawn, x_note, outcome)
    articles = n_articles(points[points["drawn"]], "article_ids")
    chart = titled(chart, title, caption, articles, fit=(WIDTH, BESIDE_PLOT))
    chart = chart.configure_view(stroke=None)
    return Figure(name, title, caption, chart, len(drawn))


def _caption(points: pd.DataFrame, drawn: pd.DataFrame, x_note: str, outcome: str) -> str:
    n_series = drawn["series_id"].nunique()
    lower = int((drawn["flag"] == EscalationFlag.LOWER).sum())
    undated = int((points["flag"] == EscalationFlag.UNDATED).sum())
    hidden = int((~points["drawn"]).sum()) - undated
    if lower == 0:
        falls = "no later figure was lower."
    elif lower == 1:
        falls = "1 later figure lower than its line is drawn hollow and listed below the chart."
    else:
        falls = f"{lower:,} later figures lower than their lines are drawn hollow and listed below."
    text = (
        f"Tolls ({outcome}) as reported, not verified: {len(drawn):,} figures in "
        f"{n_series:,} series (one source, place and group of victims each); {x_note}. "
        f"A line never falls: {falls} Unattributed figures are each outlet's own, grey "
        "points unless the outlet printed them on several days."
    )
    if undated:
        text += f" {undated:,} figures of unknown date are listed in escalation.csv, not drawn."
    if hidden > 0:
        text += f" {hidden:,} figures of the smallest series are left out to keep it legible."
    return text


def _day(value: dt.date | str | None) -> dt.date | None:
    if value is None or value == "":
        return None
    if isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value)[:10])
