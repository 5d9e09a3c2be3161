"""The front page states a finding computed from the tables, in reader's words (issue 24)."""

from __future__ import annotations

import html
import re

import pandas as pd

from tolltrace import config
from tolltrace.publish import front_page
from tolltrace.publish.labels import readable, source_name
from tolltrace.tables.csvio import read_table

CODES = ("civilians_or_unspecified", "more_than", "at_least", "local_sources",
         "security_forces", "qualifier_drift")  # fmt: skip


def _visible(page: str) -> str:
    body = re.sub(r"<(script|style)[^>]*>.*?</\1>", " ", page, flags=re.S)
    return html.unescape(re.sub(r"<[^>]+>", " ", body))


def test_the_headline_is_the_longest_named_line_of_the_escalation_table():
    escalation = read_table(config.PROCESSED_DIR / "escalation.csv")
    lines = front_page.whole_event_lines(escalation, "killed")
    longest = lines.groupby("series_id").size().idxmax()
    points = lines[lines["series_id"] == longest]
    first, last = int(points["value"].iloc[0]), int(points["value"].iloc[-1])
    page = (config.REPORTS_DIR / "index.html").read_text(encoding="utf-8")
    h1 = html.unescape(re.search(r"<h1>(.*?)</h1>", page).group(1))
    assert f"{first:,}" in h1 and f"{last:,}" in h1
    assert source_name(points["source"].iloc[0], plain=True) in h1


def test_no_page_and_no_chart_shows_an_internal_code():
    pages = sorted(config.REPORTS_DIR.glob("*.html"))
    assert len(pages) == 4
    for page in pages:
        text = _visible(page.read_text(encoding="utf-8"))
        assert not [code for code in CODES if code in text], page.name
        assert not re.search(r"\w+@\d+", text), page.name  # a claim id
    for chart in sorted((config.REPORTS_DIR / "charts").glob("*.svg")):
        texts = " ".join(re.findall(r">([^<]+)<", chart.read_text(encoding="utf-8")))
        assert not [code for code in CODES if code in texts], chart.name
        assert not re.search(r"\w+@\d+", texts), chart.name


def test_tables_for_readers_keep_quotes_and_ids_but_word_the_codes():
    frame = pd.DataFrame(
        {
            "article_id": ["flood_a"],
            "qualifier": ["more_than"],
            "victim_group": ["security_forces"],
            "source": ["local_sources"],
            "release_id": ["SOHR|security_forces|killed|125"],
            "claim_ids": ["flood_a@12; flood_b@3"],
            "sentence": ["A made_up_word stays as written."],
            "note": ["745 civilians + 125 security_forces against more_than 1000"],
            "divergence_note": ["the highest figure is 745 (SOHR|civilians|killed|745)"],
        }
    )
    row = readable(frame).iloc[0]
    assert row["article_id"] == "flood_a"
    assert (row["qualifier"], row["victim_group"], row["source"]) == (
        "more than",
        "security forces",
        "local sources",
    )
    assert row["release_id"] == "SOHR · security forces · killed · 125"
    assert row["claim_ids"] == "flood_a at 12; flood_b at 3"
    assert row["sentence"] == "A made_up_word stays as written."
    assert row["note"] == "745 civilians + 125 security forces against more than 1000"
    assert row["divergence_note"] == "the highest figure is 745 (SOHR · civilians · killed · 745)"


def test_key_figures_are_each_named_sources_latest_figure_with_its_link():
    escalation = pd.DataFrame(
        {
            "series_id": ["A||civilians|killed"] * 2 + ["unattributed:X||unspecified|killed"],
            "source": ["red_cross", "red_cross", "unattributed"],
            "place_id": ["", "", ""],
            "series": ["civilians", "civilians", "unspecified"],
            "outcome": ["killed"] * 3,
            "on_line": [True, True, True],
            "order": [0, 1, 0],
            "value": [10, 40, 99],
            "low": [10, 40, 99],
            "high": [10, None, 99],
            "qualifier": ["exact", "more_than", "exact"],
            "as_of": ["2024-05-01", "2024-05-03", "2024-05-02"],
            "n_outlets": [1, 3, 1],
            "article_ids": ["a", "b; c", "d"],
            "sentence": ["x", "The Red Cross said <b>more than 40</b> died.", "y"],
            "release_id": ["r1", "r2", "r3"],
        }
    )
    table = front_page.key_figures_html(escalation, {"b": "https://example.org/b"})
    assert table.count("<tr><td") == 1  # the unattributed line is not a key figure
    assert "Red Cross and Red Crescent" in table and "<strong>more than 40</strong>" in table
    assert "3 May 2024" in table and '<a href="https://example.org/b">' in table
    assert "&lt;b&gt;more than 40&lt;/b&gt;" in table
    assert front_page.headline(escalation) == (
        "Red Cross and Red Crescent's count of civilians killed rose from 10 to more than 40 "
        "between 1 May 2024 and 3 May 2024"
    )
