"""A table as HTML a reader can use: every cell escaped, the figure's words marked in its
sentence, the outlet linked to its article, a long table folded under its count.

Cells hold untrusted article text: each one is escaped here, and a link is made only of
an http(s) address, itself escaped.
"""

from __future__ import annotations

import html
import re

import pandas as pd

# Tables longer than this are folded: the count shows, the rows open on a click.
COLLAPSE_ROWS = 20
LINK_SCHEMES = ("http://", "https://")
# Columns of running text, drawn wide enough to read (the page's CSS class "wide").
WIDE_COLUMNS = frozenset({"sentence", "divergence_note", "note", "message"})


def _cell(value: object) -> str:
    return "" if value is None or (not isinstance(value, str) and pd.isna(value)) else str(value)


def marked(sentence: str, words: str) -> str:
    """`sentence` escaped, with the first occurrence of `words` that is not part of a longer
    number or word in <mark>: 'Of the 140 passengers, <mark>40</mark> died.'"""
    found = re.search(rf"(?<![\w.,]){re.escape(words)}(?![\w]|[.,]\d)", sentence) if words else None
    if found is None:
        return html.escape(sentence)
    at, end = found.span()
    return (
        f"{html.escape(sentence[:at])}<mark>{html.escape(sentence[at:end])}</mark>"
        f"{html.escape(sentence[end:])}"
    )


def linked(text: str, url: str) -> str:
    """`text` escaped, as a link to `url` when it is an http(s) address."""
    if not url.lower().startswith(LINK_SCHEMES):
        return html.escape(text)
    return f'<a href="{html.escape(url, quote=True)}">{html.escape(text)}</a>'


def table_html(
    frame: pd.DataFrame,
    note: str,
    urls: dict[str, str] | None = None,
    collapse_rows: int = COLLAPSE_ROWS,
) -> str:
    """`frame` as an HTML table under `note` (its count): the `sentence` column with its
    row's `mention` marked, the `outlet` column linked to `urls[article_id]`; folded
    under the note when it has more than `collapse_rows` rows."""
    urls = urls or {}
    columns = list(frame.columns)
    head = "".join(f"<th>{html.escape(str(c))}</th>" for c in columns)
    rows = []
    for record in frame.to_dict("records"):
        cells = []
        for name in columns:
            text = _cell(record[name])
            if name == "sentence" and "mention" in record:
                cells.append(marked(text, _cell(record["mention"])))
            elif name == "outlet" and text:
                cells.append(linked(text, urls.get(_cell(record.get("article_id")), "")))
            else:
                cells.append(html.escape(text))
        rows.append(
            "<tr>"
            + "".join(
                f'<td class="wide">{c}</td>' if name in WIDE_COLUMNS else f"<td>{c}</td>"
                for name, c in zip(columns, cells, strict=True)
            )
            + "</tr>"
        )
    table = (
        f'<table class="tolltrace-table">\n<thead><tr>{head}</tr></thead>\n<tbody>\n'
        + "\n".join(rows)
        + "\n</tbody>\n</table>"
    )
    caption = html.escape(note)
    if len(frame) > collapse_rows:
        return (
            f'<details class="tolltrace-fold"><summary>{caption} (show the table)</summary>\n'
            f"{table}\n</details>"
        )
    return f'<p class="tolltrace-note">{caption}</p>\n{table}'
