"""The front page (reports/index.html): a headline and a dek computed from the tables, a
table of key figures (each source's latest whole-event figure per group of victims), the
paragraph on how the figures were read, what changed in this build and the provenance
line, in reader's words (labels.py)."""

from __future__ import annotations

import html
from pathlib import Path

import pandas as pd

from tolltrace.analysis.releases import UNATTRIBUTED
from tolltrace.model import (
    ARTICLES,
    CLAIMS,
    ArticleStatus,
    ConsistencyStatus,
    Correction,
    DivergenceClass,
    Qualifier,
)
from tolltrace.publish import charts
from tolltrace.publish.figures import as_text, shorten
from tolltrace.publish.findings import figure_of, headline, whole_event_lines
from tolltrace.publish.labels import day, source_name, victims
from tolltrace.publish.notebook import Parameters, display_path, read_tables
from tolltrace.tables.changes import describe_changes
from tolltrace.tables.csvio import read_table
from tolltrace.tables.provenance import SHORT, read_datapackage

CHARTS_SUBDIR = "charts"
DATA_SUBDIR = "data"
FRONT_CSS = (
    "body{font-family:sans-serif;max-width:900px;margin:2em auto;padding:0 1em;line-height:1.4}"
    "h1{font-size:clamp(1.5em,6vw,2em)}img{max-width:100%;height:auto}"
    ".kicker{color:#555;text-transform:uppercase;"
    "font-size:.85em;margin:0}.dek{font-size:1.15em;color:#333}"
    "table.key-figures{border-collapse:collapse;width:100%;font-size:.9em}"
    ".key-figures th,.key-figures td{text-align:left;vertical-align:top;padding:4px 6px;"
    "border-bottom:1px solid #ddd;overflow-wrap:break-word}footer{color:#555;font-size:.85em}"
    # On a phone each key figure is a block of labelled lines, not a row of six columns.
    "@media (max-width:640px){.key-figures thead{display:none}"
    ".key-figures tr{display:block;border-bottom:1px solid #ddd;padding:.4em 0}"
    ".key-figures td{display:block;border:0;padding:1px 0}"
    ".key-figures td::before{content:attr(data-label) ': ';color:#555}}"
)
# How many changes the front page lists before "and N more".
MAX_CHANGES_SHOWN = 10

QUOTE_CHARS = 160
HEADS = ("Source", "Victims", "Latest figure", "First reported", "Outlets", "In words")


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
            f"<strong>{html.escape(figure_of(point))}</strong>",
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


def _count(frame: pd.DataFrame, column: str, value: str) -> int:
    """Return how many rows of `frame` have `value` in `column` (0 if there is no column)."""
    return int((frame[column].astype(str) == value).sum()) if column in frame else 0


# The columns summary_paragraph reads from the two long tables (the others are small).
SUMMARY_COLUMNS = {
    ARTICLES.name: list(ARTICLES.select("article_id", "url", "status")),
    CLAIMS.name: list(CLAIMS.select("source", "outcome", "divergence_class", "correction")),
}


def read_summary_tables(processed_dir: Path) -> dict[str, pd.DataFrame]:
    """Read the processed tables with the long ones cut to SUMMARY_COLUMNS.

    That is all summary_paragraph needs, and it keeps a large corpus's claims out of memory.
    """
    return read_tables(processed_dir, columns=SUMMARY_COLUMNS)


def front_lead(tables: dict[str, pd.DataFrame], outcome: str) -> tuple[str, str, str]:
    """The front page's headline, dek and key-figures table (front_page.py)."""
    articles, escalation = tables["articles"], tables["escalation"]
    urls = dict(zip(as_text(articles["article_id"]), as_text(articles["url"]), strict=True))
    return (
        headline(escalation, outcome),
        dek(escalation, len(articles), outcome),
        key_figures_html(escalation, urls, outcome),
    )


def summary_paragraph(tables: dict[str, pd.DataFrame], outcome: str = "killed") -> str:
    """Return a plain-text paragraph of the main findings, computed from the tables."""
    articles, claims = tables["articles"], tables["claims"]
    if "correction" in claims:  # a claim rejected by hand is no claim
        claims = claims[as_text(claims["correction"]) != Correction.REJECTED]
    releases, consistency = tables["releases"], tables["consistency"]
    estimates = tables["estimates"]
    sources = set(claims["source"].astype(str)) - {"unattributed", "", "nan"}
    parts = [
        f"The corpus holds {len(articles):,} files "
        f"({_count(articles, 'status', ArticleStatus.OK):,} read "
        f"without problems) with {len(claims):,} casualty claims attributed to "
        f"{len(sources):,} named sources, grouped into {len(releases):,} distinct releases."
    ]
    rel = releases[releases["outcome"].astype(str) == outcome].copy()
    if "place_id" in rel:  # the whole event's figures, not one town's
        rel = rel[rel["place_id"].fillna("").astype(str) == ""]
    rel["_low"] = pd.to_numeric(rel["low"], errors="coerce")
    rel = rel.dropna(subset=["_low"])
    if not rel.empty:
        top = rel.sort_values(["_low", "release_id"], ascending=[False, True]).iloc[0]
        as_of = str(top["as_of_first"]) if pd.notna(top["as_of_first"]) else ""
        parts.append(
            f"The highest reported figure ({outcome}) is "
            f"{charts.figure_label(top['low'], top['high'], str(top['qualifier']))}, "
            f"from {top['source']} ({top['victim_group']}, as of {as_of or 'an unknown date'}), "
            f"relayed by {int(top['n_articles']):,} article(s)."
        )
    killed = claims[claims["outcome"].astype(str) == outcome]
    if len(killed):
        classes = killed["divergence_class"].astype(str).value_counts()
        same = int(classes.get(DivergenceClass.SAME, 0))
        unknown = int(classes.get(DivergenceClass.UNKNOWN, 0))
        others = classes.drop(
            labels=[DivergenceClass.SAME, DivergenceClass.UNKNOWN], errors="ignore"
        )
        others = others[others > 0]
        sentence = (
            f"Of {len(killed):,} claims of people {outcome}, {same:,} match their "
            "source's release exactly"
        )
        if len(others):
            name, count = sorted(others.items(), key=lambda kv: (-kv[1], kv[0]))[0]
            label = charts.DIVERGENCE_LABELS.get(name, name).split(" (")[0]
            sentence += f"; the commonest difference is {label} ({count:,})"
        if unknown:
            sentence += f"; {unknown:,} could not be compared with a release"
        parts.append(sentence + ".")
    if len(consistency):
        parts.append(
            f"Of {len(consistency):,} parts-and-totals checks, "
            f"{_count(consistency, 'status', ConsistencyStatus.CONSISTENT):,} add up, "
            f"{_count(consistency, 'status', ConsistencyStatus.INCONSISTENT):,} do not and "
            f"{_count(consistency, 'status', ConsistencyStatus.NOT_CHECKABLE):,} cannot be "
            "checked."
        )
    est = estimates[estimates["outcome"].astype(str) == outcome].copy()
    est["_best"] = pd.to_numeric(est["best"], errors="coerce")
    est = est.dropna(subset=["_best"])
    if not est.empty:
        row = est.sort_values(["_best", "date"], ascending=[False, True], na_position="last")
        row = row.iloc[0]
        qualifiers = dict(
            zip(as_text(releases["release_id"]), as_text(releases["qualifier"]), strict=True)
        )
        qualifier = qualifiers.get(str(row.get("best_release_id", "")), "")
        group, grade = victims(str(row["victim_group"])), str(row["grade"]).replace("_", " ")
        if qualifier in (Qualifier.MORE_THAN, Qualifier.AT_LEAST):
            best = charts.figure_label(row["best"], None, qualifier)
            parts.append(
                f"The largest estimate is {best} {group} {outcome}: an open-ended figure, "
                f"with no upper bound given, graded {grade}."
            )
        else:
            parts.append(
                f"The largest estimate is {int(row['low']):,} (low) / {int(row['best']):,} "
                f"(best) / {int(row['high']):,} (high) {group} {outcome}, graded {grade}."
            )
    applied = tables.get("corrections_applied")
    if applied is not None and len(applied):
        parts.append(
            f"{len(applied):,} corrections were applied by hand (corrections_applied.csv)."
        )
    parts.append("All figures are tolls as reported, not verified.")
    return " ".join(parts)


def index_html(
    pages: list[tuple[str, str]],
    chart_names: list[str],
    summary: str,
    downloads: tuple[tuple[str, str], ...] = (),
    changes: str = "",
    provenance: str = "",
    corpus_name: str = "",
    lead: tuple[str, str, str] = ("", "", ""),
) -> str:
    """Return the index page: the summary, links to each report, the chart images, what
    changed in this build (`changes`, HTML from changes_html) and the tables to download
    (`downloads`: file names in DATA_SUBDIR and what they hold), headed by the corpus name."""
    links = "\n".join(
        f'<li><a href="{html.escape(href)}">{html.escape(title)}</a></li>' for href, title in pages
    )
    data = "\n".join(
        f'<li><a href="{DATA_SUBDIR}/{html.escape(name)}">{html.escape(name)}</a>: '
        f"{html.escape(what)}</li>"
        for name, what in downloads
    )
    title, standfirst, key_figures = lead
    kicker = corpus_name or "What the articles claimed"
    heading = title or kicker
    images = "\n".join(
        f'<figure><img src="{CHARTS_SUBDIR}/{html.escape(n)}.svg" alt="{html.escape(n)}">'
        f'<figcaption><a href="{CHARTS_SUBDIR}/{html.escape(n)}.svg">SVG</a> '
        f'<a href="{CHARTS_SUBDIR}/{html.escape(n)}.png">PNG</a></figcaption></figure>'
        for n in chart_names
    )
    return (
        '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        '<meta http-equiv="Content-Security-Policy" content="default-src \'none\'; '
        "img-src 'self' data:; style-src 'unsafe-inline'\">\n"
        f"<title>{html.escape(kicker)}</title>\n"
        f"<style>{FRONT_CSS}</style>\n</head>\n<body>\n"
        f'<p class="kicker">{html.escape(kicker)}</p>\n'
        f"<h1>{html.escape(heading)}</h1>\n"
        + (f'<p class="dek">{html.escape(standfirst)}</p>\n' if standfirst else "")
        + (f"<h2>Key figures</h2>\n{key_figures}\n" if key_figures else "")
        + f"<h2>Charts</h2>\n{images}\n"
        + f"<h2>Reports</h2>\n<ul>\n{links}\n</ul>\n"
        + (f"<h2>What changed in this build</h2>\n{changes}\n" if changes else "")
        + (f"<h2>Data</h2>\n<ul>\n{data}\n</ul>\n" if data else "")
        + f"<h2>How these figures were read</h2>\n<p>{html.escape(summary)}</p>\n"
        + (f"<footer><p>{html.escape(provenance)}</p></footer>\n" if provenance else "")
        + "</body>\n</html>\n"
    )


def provenance_line(params: Parameters) -> str:
    """Which inputs and code made the tables, from their datapackage.json: the tolltrace
    version, the short fingerprint and the parameters (no clock time, no machine path for
    the shipped corpus), or "" when there is no datapackage."""
    package = read_datapackage(params.processed_dir)
    if package is None:
        return ""
    stamp = package["tolltrace"]
    return (
        f"Built by tolltrace {stamp['version']} from inputs with fingerprint "
        f"{stamp['fingerprint'][:SHORT]} (datapackage.json); raw_dir "
        f"{display_path(params.raw_dir)}, event_start {params.event_start or 'not set'}, "
        f"outcome {params.outcome}."
    )


def changes_html(processed_dir: Path) -> str:
    """What changed in this build, from changes.csv: a sentence and the first changes."""
    path = processed_dir / "changes.csv"
    if not path.is_file():
        return ""
    changes = pd.read_csv(path, dtype=str, keep_default_na=False, na_filter=False)
    if changes.empty:
        return "<p>Nothing changed since the last build of these tables.</p>"
    claims = processed_dir / "claims.csv"
    n_claims = len(read_table(claims, ["claim_id"])) if claims.is_file() else -1
    added = changes[(changes["record"] == "claim") & (changes["change"] == "added")]
    if len(added) == n_claims and set(changes["change"]) == {"added"}:
        return (
            f"<p>This is the first build of these tables: {html.escape(describe_changes(changes))}"
            ".</p>"
        )
    items = []
    for row in changes.head(MAX_CHANGES_SHOWN).itertuples(index=False):
        what = f"{row.record} {row.key}: {row.change}"
        if row.field:
            what += f" {row.field} {row.before!r} → {row.after!r}"
        elif row.after or row.before:
            what += f" ({row.after or row.before})"
        items.append(f"<li>{html.escape(what)}</li>")
    more = len(changes) - MAX_CHANGES_SHOWN
    if more > 0:
        items.append(f"<li>… and {more} more (see changes.csv)</li>")
    return (
        f"<p>Since the last build: {html.escape(describe_changes(changes))}.</p>\n"
        f"<ul>\n{chr(10).join(items)}\n</ul>"
    )


# ---------------------------------------------------------------- the command
