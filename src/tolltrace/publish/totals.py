"""Charts of totals: parts-and-totals checks (consistency) and low/best/high estimates."""

from __future__ import annotations

import altair as alt
import pandas as pd

from tolltrace.model import ConsistencyStatus
from tolltrace.publish.figures import OKABE_ITO, Figure, as_text, n_articles, titled
from tolltrace.publish.labels import victims

MAX_CHECK_ROWS = 40
# The column of the estimates made from every release, dated or not (an empty `date`).
ALL_REPORTS = "all reports"
STATUS_COLOURS = {
    ConsistencyStatus.CONSISTENT: "#009E73",
    ConsistencyStatus.INCONSISTENT: "#D55E00",
    ConsistencyStatus.NOT_CHECKABLE: "#999999",
}


def estimates_chart(estimates: pd.DataFrame, outcome: str = "killed") -> Figure:
    """Chart low/best/high estimates per day and victim group, with their sources."""
    est = estimates[as_text(estimates["outcome"]) == outcome].copy()
    est = est.assign(
        date=as_text(est["date"]).replace("", ALL_REPORTS),
        victim_group=[victims(g) for g in as_text(est["victim_group"])],
        low=pd.to_numeric(est["low"], errors="coerce"),
        best=pd.to_numeric(est["best"], errors="coerce"),
        high=pd.to_numeric(est["high"], errors="coerce"),
        sources=as_text(est["sources"]),
        grade=as_text(est["grade"]),
    ).sort_values(["date", "victim_group"], kind="stable")
    est = est[["date", "victim_group", "low", "best", "high", "sources", "grade"]]
    dates = list(dict.fromkeys(est["date"]))
    x = alt.X("date:N", title="Day (as of)", sort=dates, axis=alt.Axis(labelAngle=0))
    colour = alt.Color("victim_group:N", title="Victims", scale=alt.Scale(range=list(OKABE_ITO)))
    tooltip = [
        alt.Tooltip("date:N", title="Day"),
        alt.Tooltip("victim_group:N", title="Victims"),
        alt.Tooltip("low:Q", title="Low", format=","),
        alt.Tooltip("best:Q", title="Best", format=","),
        alt.Tooltip("high:Q", title="High", format=","),
        alt.Tooltip("sources:N", title="Sources"),
        alt.Tooltip("grade:N", title="Grade"),
    ]
    base = alt.Chart(est)
    spread = base.mark_rule(strokeWidth=3).encode(
        x=x,
        xOffset="victim_group:N",
        y=alt.Y("low:Q", title=f"Number {outcome}"),
        y2="high:Q",
        color=colour,
        tooltip=tooltip,
    )
    best = base.mark_point(filled=True, size=110, shape="diamond").encode(
        x=x, xOffset="victim_group:N", y="best:Q", color=colour, tooltip=tooltip
    )
    caption = (
        f"Low, best and high estimates of the number {outcome} per day and group of victims, "
        f"and over all reports ('{ALL_REPORTS}', undated figures included) "
        "(line from low to high, diamond at best), from the figures sources reported; the "
        "tooltip lists the sources and whether one or several back the figure."
    )
    title = f"Estimated number {outcome}: low, best and high"
    width = max(240, 90 * max(1, len(dates)))
    chart = alt.layer(spread, best).properties(width=width, height=260)
    chart = titled(chart, title, caption, None, fit=(width, 80), wrap_at=90)
    return Figure(f"estimates-{outcome}", title, caption, chart, len(est))


def consistency_chart(consistency: pd.DataFrame, max_rows: int = MAX_CHECK_ROWS) -> Figure:
    """Chart each parts-and-totals check: the stated total against the sum of its parts."""
    con = consistency.assign(
        article_id=as_text(consistency["article_id"]),
        total_claim_id=as_text(consistency["total_claim_id"]),
        total_value=pd.to_numeric(consistency["total_value"], errors="coerce"),
        parts_sum=pd.to_numeric(consistency["parts_sum"], errors="coerce"),
        status=as_text(consistency["status"]),
    ).sort_values(["article_id", "total_claim_id"], kind="stable")
    total = len(con)
    con = con.head(max_rows)
    # A reader's row label: the total and its article ("80 in flood_a"), never an article@offset
    # id; the offset is added only where one article states one total twice.
    label = [f"{int(v):,} in {a}" if pd.notna(v) else f"? in {a}"
             for v, a in zip(con["total_value"], con["article_id"], strict=True)]  # fmt: skip
    offsets = [cid.rpartition("@")[2] for cid in con["total_claim_id"]]
    twice = pd.Series(label).duplicated(keep=False).to_numpy()
    con["check"] = [f"{lab} (at {off})" if t else lab
                    for lab, off, t in zip(label, offsets, twice, strict=True)]  # fmt: skip
    con = con[["check", "article_id", "total_value", "parts_sum", "status"]]
    order = list(con["check"])
    y = alt.Y("check:N", title="Total checked (figure in article)", sort=order)
    statuses = list(STATUS_COLOURS)
    colour = alt.Color(
        "status:N",
        title="Check",
        scale=alt.Scale(domain=statuses, range=list(STATUS_COLOURS.values())),
    )
    tooltip = [
        alt.Tooltip("article_id:N", title="Article"),
        alt.Tooltip("total_value:Q", title="Stated total", format=","),
        alt.Tooltip("parts_sum:Q", title="Sum of parts", format=","),
        alt.Tooltip("status:N", title="Check"),
    ]
    base = alt.Chart(con)
    totals = base.mark_tick(color="black", thickness=2, size=18).encode(
        x=alt.X("total_value:Q", title="Number (black tick: stated total; point: sum of parts)"),
        y=y,
        tooltip=tooltip,
    )
    parts = base.mark_point(filled=True, size=90).encode(
        x="parts_sum:Q", y=y, color=colour, tooltip=tooltip
    )
    shown = f"first {len(con):,} of {total:,}" if len(con) < total else f"{total:,}"
    caption = (
        f"Within each article, do the parts add up to the total they claim? ({shown} checks; "
        "a check with missing parts is not checkable.)"
    )
    title = "Do the parts add up to the totals?"
    chart = alt.layer(totals, parts).properties(width=520, height=max(60, 24 * max(1, len(order))))
    articles = n_articles(con)
    chart = titled(chart, title, caption, articles, fit=(520, 260), wrap_at=90)
    return Figure("consistency", title, caption, chart, len(con))
