"""Rough edges met while trying the tool (issue 24): each gives a message that names the
file and what to do."""

from __future__ import annotations

import re

from tolltrace import cli, config
from tolltrace.publish import report
from tolltrace.run.pipeline import process_corpus
from tolltrace.tables.csvio import read_table

TOLL = "Officials said 5 people were killed in the floods on Monday.\n"


def test_a_stray_csv_is_not_an_article_and_the_warning_says_to_rename_it(tmp_path):
    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / "a.txt").write_text(TOLL, encoding="utf-8")
    (raw / "manifest.csv").write_text("file,outlet\na.txt,Daily\n", encoding="utf-8")
    summary = process_corpus(raw, tmp_path / "out", event_start="2025-03-03")
    assert read_table(tmp_path / "out" / "articles.csv")["file"].tolist() == ["a.txt"]
    assert any("manifest.csv: a CSV file" in w and "rename it articles.csv" in w
               for w in summary.warnings)  # fmt: skip


def test_a_folder_without_corpus_toml_is_told_what_it_misses(tmp_path):
    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / "a.txt").write_text(TOLL, encoding="utf-8")
    summary = process_corpus(raw, tmp_path / "out")
    assert any("no corpus.toml" in w and "event_start" in w for w in summary.warnings)
    given = process_corpus(raw, tmp_path / "out2", event_start="2025-03-03")
    assert not any("no corpus.toml" in w for w in given.warnings)


def test_a_manifest_warning_is_counted_in_the_summary_line(tmp_path):
    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / "a.txt").write_text(TOLL, encoding="utf-8")
    (raw / "articles.csv").write_text("file,outlet,colour\na.txt,Daily,red\n", encoding="utf-8")
    summary = process_corpus(raw, tmp_path / "out", event_start="2025-03-03")
    assert summary.line().endswith("; 1 warning about the manifest")


def test_report_on_a_folder_with_no_article_exits_1_like_process(tmp_path, capsys):
    raw = tmp_path / "empty"
    raw.mkdir()
    assert cli.main(["report", "--raw-dir", str(raw)]) == 1
    assert "no usable article found" in capsys.readouterr().err
    assert not (tmp_path / "empty-reports").exists()


def test_pages_have_a_viewport_the_corpus_name_and_a_way_back(tmp_path):
    index = (config.REPORTS_DIR / "index.html").read_text(encoding="utf-8")
    assert '<meta name="viewport"' in index
    assert '<p class="kicker">Syria coastal killings, March 2025</p>' in index
    for page in sorted(config.REPORTS_DIR.glob("0*.html")):
        text = page.read_text(encoding="utf-8")
        assert re.search(r'<meta[^>]*name="viewport"', text)
        assert '<nav class="tolltrace-nav"><a href="index.html">All reports</a>' in text
        others = {p.name for p in config.REPORTS_DIR.glob("0*.html")} - {page.name}
        assert all(f'href="{other}"' in text for other in others)


def test_the_corpus_name_is_escaped_on_the_front_page():
    page = report.index_html([], [], "summary", corpus_name="<script>x</script> floods")
    assert "<script>x" not in page and "&lt;script&gt;x&lt;/script&gt; floods" in page


def test_make_lab_may_run_as_root():
    makefile = (config.PROJECT_ROOT / "Makefile").read_text(encoding="utf-8")
    assert "--allow-root" in makefile
