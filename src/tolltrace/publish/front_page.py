"""The front page's finding: a headline and a dek computed from the tables, and a table of
key figures (each source's latest whole-event figure per group of victims), in reader's
words (labels.py)."""

from __future__ import annotations

import html

import pandas as pd

from tolltrace.publish.figures import as_text, figure_label, shorten
from tolltrace.publish.labels import day, possessive, source_name, victims

UNATTRIBUTED = "unattributed"
QUOTE_CHARS = 160
HEADS = ("Source", "Victims", "Latest figure", "First reported", "Outlets", "In words")


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


def _figure(point: pd.Series) -> str:
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
            f"{possessive(who)} count of {what} {outcome} rose from {_figure(first)} "
            f"to {_figure(last)}"
        )
        start, end = str(first["as_of"]), str(last["as_of"])
        if start and end and start != end:
            text += f" between {day(start)} and {day(end)}"
        return text
    return f"{who} reported {_figure(last)} {what} {outcome}"


def dek(escalation: pd.DataFrame, n_articles: int, outcome: str = "killed") -> str:
    """How many different figures the outlets ran, from how many named sources."""
    e = escalation[as_text(escalation["outcome"]) == outcome] if len(escalation) else escalation
    figures = len(set(as_text(e["release_id"]))) if len(e) else 0
    named = set(as_text(e["source"])) - {UNATTRIBUTED} if len(e) else set()
    return (
        f"Across {n_articles:,} articles, outlets ran {figures:,} different figures for the "
        f"people {outcome}, from {len(named):,} named sources and their own reporting. All "
        "are tolls as reported, not verified."
    )


def key_figures_html(
    escalation: pd.DataFrame, urls: dict[str, str], outcome: str = "killed"
) -> str:
    """An HTML table: per named source and group of victims, the latest whole-event figure,
    the day first reported, how many outlets carried it, and its words (linked to the
    article when the manifest gives its URL)."""
    lines = whole_event_lines(escalation, outcome)
    if lines.empty:
        return ""
    latest = lines.groupby("series_id", sort=False).tail(1)
    latest = latest.sort_values(["value", "series_id"], ascending=[False, True], kind="mergesort")
    rows = []
    for point in latest.to_dict("records"):
        quote = html.escape(shorten(str(point["sentence"]), QUOTE_CHARS))
        article = str(point["article_ids"]).split("; ")[0]
        url = urls.get(article, "")
        if url.startswith(("https://", "http://")):
            quote = f'<a href="{html.escape(url)}">{quote}</a>'
        cells = [
            html.escape(source_name(str(point["source"]))),
            html.escape(victims(str(point["series"]))),
            f"<strong>{html.escape(_figure(pd.Series(point)))}</strong>",
            html.escape(day(str(point["as_of"])) or "date unknown"),
            f"{int(point['n_outlets']):,}",
            quote,
        ]
        rows.append(
            "<tr>"
            + "".join(f'<td data-label="{h}">{c}</td>' for h, c in zip(HEADS, cells, strict=True))
            + "</tr>"
        )
    head = "".join(f"<th>{h}</th>" for h in HEADS)
    return (
        f'<table class="key-figures"><thead><tr>{head}</tr></thead>\n<tbody>\n'
        + "\n".join(rows)
        + "\n</tbody></table>"
    )
