"""Tables for reading: escaped cells, the figure marked in its sentence, outlets linked to
their articles, long tables folded under their count (invented rows)."""

from __future__ import annotations

import pandas as pd

from tolltrace.publish.html_table import linked, marked, table_html


def test_the_mention_is_marked_in_its_sentence_and_the_rest_escaped():
    got = marked("Officials said <b>more than 40</b> died, more than 40.", "more than 40")
    assert got == (
        "Officials said &lt;b&gt;<mark>more than 40</mark>&lt;/b&gt; died, more than 40."
    )
    assert marked("No figure here.", "12") == "No figure here."


def test_an_outlet_links_only_to_a_web_address():
    assert linked("Daily <One>", 'https://example.org/a?x=1&y="2"') == (
        '<a href="https://example.org/a?x=1&amp;y=&quot;2&quot;">Daily &lt;One&gt;</a>'
    )
    assert linked("Daily One", "javascript:alert(1)") == "Daily One"
    assert linked("Daily One", "") == "Daily One"


def test_a_claims_table_marks_links_and_escapes():
    frame = pd.DataFrame(
        {
            "article_id": ["a1", "a2"],
            "outlet": ["Wire", "Paper"],
            "mention": ["about 30", "12"],
            "sentence": ["About 30 died; about 30 were hurt.", "<script>x</script> 12 died."],
        }
    )
    html = table_html(frame, "2 claims", {"a1": "https://example.org/1"})
    assert '<a href="https://example.org/1">Wire</a>' in html
    assert "<td>Paper</td>" in html
    assert html.count('<td class="wide">') == 2  # the sentences
    assert "About 30 died; <mark>about 30</mark> were hurt." in html
    assert "&lt;script&gt;x&lt;/script&gt; <mark>12</mark> died." in html
    assert "<script>" not in html
    assert html.startswith('<p class="tolltrace-note">2 claims</p>')


def test_a_long_table_is_folded_under_its_count():
    frame = pd.DataFrame({"n": range(25)})
    html = table_html(frame, "25 rows", collapse_rows=20)
    assert html.startswith('<details class="tolltrace-fold"><summary>25 rows (show the table)')
    assert html.count("<tr>") == 26
    assert table_html(frame.head(5), "5 rows", collapse_rows=20).startswith("<p ")


def test_the_mark_skips_a_longer_number_that_holds_the_figure():
    assert marked("Of the 140 passengers, 40 died.", "40") == (
        "Of the 140 passengers, <mark>40</mark> died."
    )
    assert (
        marked("Some 1,040 fled and 40 died.", "40") == "Some 1,040 fled and <mark>40</mark> died."
    )
