"""Findings in words, computed from the tables: what a chart's title and the front
page's headline say."""

from __future__ import annotations

from collections.abc import Mapping

import pandas as pd

from tolltrace.analysis.releases import UNATTRIBUTED
from tolltrace.publish.figures import as_text, figure_label
from tolltrace.publish.labels import day, possessive, source_name, victims


def whole_event_lines(escalation: pd.DataFrame, outcome: str) -> pd.DataFrame:
    """The drawn points of the named sources' whole-event series for `outcome`."""
    e = escalation
    if e.empty:
        return e
    keep = (
        (as_text(e["outcome"]) == outcome)
        & (as_text(e["place_id"]) == "")
        & (as_text(e["source"]) != UNATTRIBUTED)
        & (as_text(e["on_line"]).str.lower() == "true")
    )
    lines = e[keep].copy()
    lines["order"] = pd.to_numeric(lines["order"])
    lines["value"] = pd.to_numeric(lines["value"])
    return lines.sort_values(["series_id", "order"], kind="mergesort")


def figure_of(point: Mapping[str, object]) -> str:
    return figure_label(point["low"], point["high"], str(point["qualifier"]))


def headline(escalation: pd.DataFrame, outcome: str = "killed") -> str:
    """'Syrian Observatory for Human Rights' count of civilians killed rose from more than
    300 to about 745': the longest named whole-event line, its first and last figures."""
    lines = whole_event_lines(escalation, outcome)
    if lines.empty:
        return ""
    sizes = lines.groupby("series_id").agg(n=("value", "size"), top=("value", "max"))
    best = sizes.sort_values(["n", "top"], ascending=False, kind="mergesort").index[0]
    points = lines[lines["series_id"] == best]
    first, last = points.iloc[0], points.iloc[-1]
    who, what = source_name(str(last["source"]), plain=True), victims(str(last["series"]))
    if len(points) > 1 and last["value"] > first["value"]:
        text = (
            f"{possessive(who)} count of {what} {outcome} rose from {figure_of(first)} "
            f"to {figure_of(last)}"
        )
        start, end = str(first["as_of"]), str(last["as_of"])
        if start and end and start != end:
            text += f" between {day(start)} and {day(end)}"
        return text
    return f"{who} reported {figure_of(last)} {what} {outcome}"
