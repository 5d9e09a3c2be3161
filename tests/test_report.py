"""Report building: metadata scrubbing, safe offline HTML export, the index page."""

from __future__ import annotations

import json
import re

import chart_data
import nbformat
import pandas as pd
import pytest
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook, new_output

from tolltrace import cli, config
from tolltrace.publish import charts, report
from tolltrace.publish import notebook as nbt
from tolltrace.publish.notebook import CHART_MIMETYPE


def _display(obj) -> nbformat.NotebookNode:
    """Return the display_data output a kernel would store for `obj`."""
    bundle = obj._repr_mimebundle_()
    data, metadata = bundle if isinstance(bundle, tuple) else (bundle, {})
    return new_output("display_data", data=data, metadata=metadata)


def handmade_notebook() -> nbformat.NotebookNode:
    """A notebook with outputs as the kernel would store them, built from handmade tables."""
    escalation = charts.escalation_chart(chart_data.escalation())
    cells = [
        new_markdown_cell("# Handmade report\n\nSome text."),
        new_code_cell("x = 1", outputs=[_display(nbt.show_chart(escalation))]),
        new_code_cell(
            "t", outputs=[_display(nbt.show_table(chart_data.claims(), ["outlet", "sentence"]))]
        ),
    ]
    kernelspec = {"name": "tolltrace", "display_name": "t", "language": "python"}
    return report.scrub_notebook(new_notebook(cells=cells, metadata={"kernelspec": kernelspec}))


def test_script_json_cannot_break_out_and_round_trips():
    value = {"s": chart_data.XSS_SENTENCE, "t": "a & b <!-- c --> \u2028"}
    text = report.script_json(value)
    assert "<" not in text and ">" not in text and "&" not in text
    assert json.loads(text) == value


def test_scrub_removes_run_metadata_and_renumbers_ids():
    nb = handmade_notebook()
    nb.metadata["papermill"] = {"start_time": "2026-01-01T00:00:00", "input_path": "/x"}
    nb.cells[1].metadata["papermill"] = {"duration": 1.5}
    nb.cells[1].metadata["execution"] = {"iopub.execute_input": "2026-01-01T00:00:01"}
    nb.cells[1].id = "4f1c2e"
    report.scrub_notebook(nb)
    text = nbformat.writes(nb)
    assert "papermill" not in text and "2026-01-01" not in text and "input_path" not in text
    assert [c.id for c in nb.cells] == ["cell-00", "cell-01", "cell-02"]
    nbformat.validate(nb)


def test_export_is_offline_escaped_and_deterministic():
    nb = handmade_notebook()
    page = report.export_html(nb, "Handmade report")
    assert page == report.export_html(handmade_notebook(), "Handmade report")
    # No resource the page needs is remote, and the CDN scripts of the lab template are gone.
    assert not re.search(r"""(src|href)\s*=\s*["']?(https?:)?//""", page)
    assert "require.js" not in page.lower() and "mathjax" not in page.lower()
    assert "altair-viz" not in page
    # Only our own scripts: the bundle, the init code and one JSON spec per chart.
    tags = re.findall(r"<script[^>]*>", page)
    assert tags.count("<script>") == 2
    assert len(tags) == 3
    # The article's markup appears only as text: escaped in the table, \\u003c in the spec.
    assert "<img src=x" not in page and "alert(2)</script>" not in page
    assert '&lt;script&gt;alert("x")&lt;/script&gt;' in page
    spec_text = re.search(r'class="tolltrace-spec"[^>]*>(.*?)</script>', page, re.S).group(1)
    spec = json.loads(spec_text)
    sentences = {row.get("sentence") for rows in spec["datasets"].values() for row in rows}
    assert charts.shorten(chart_data.XSS_SENTENCE) in sentences
    assert "'unsafe-inline'" not in report.content_security_policy().split("style-src")[0]


def test_chart_outputs_found_in_order():
    found = report.chart_outputs(handmade_notebook())
    assert [name for name, _, _ in found] == ["escalation-killed"]
    assert found[0][1]["$schema"].endswith(".json")
    assert found[0][2] == charts.spec_to_svg(found[0][1])


def _tables() -> dict[str, pd.DataFrame]:
    """The handmade tables as build_tables would return them."""
    articles = pd.DataFrame({"article_id": ["a1", "a2", "a3"], "status": ["ok", "ok", "duplicate"]})
    return {
        "articles": articles,
        "claims": chart_data.claims(),
        "releases": chart_data.releases(),
        "consistency": chart_data.consistency(),
        "estimates": chart_data.estimates(),
    }


def test_summary_is_computed_from_the_tables():
    text = report.summary_paragraph(_tables())
    assert "3 files (2 read without problems)" in text
    assert "6 casualty claims attributed to 2 named sources" in text
    assert "80–90, from MINISTRY" in text
    assert "3 match their source's release exactly" in text
    assert "the commonest difference is qualifier drift (1)" in text
    assert "1 could not be compared" in text
    assert "1 add up, 1 do not" in text
    assert "not verified" in text
    changed = _tables()
    changed["releases"].loc[2, "low"] = 95
    assert "95–90, from MINISTRY" in report.summary_paragraph(changed)


def test_summary_from_its_columns_alone_equals_the_summary_from_whole_tables():
    whole = nbt.read_tables(config.PROCESSED_DIR)
    cut = report.read_summary_tables(config.PROCESSED_DIR)
    assert len(cut["claims"].columns) == 4
    for outcome in ("killed", "injured"):
        assert report.summary_paragraph(cut, outcome) == report.summary_paragraph(whole, outcome)


def test_index_escapes_titles_and_summary():
    page = report.index_html([("01-x.html", "<b>x</b>")], ["escalation-killed"], "a <i>b</i>")
    assert "<b>x</b>" not in page and "&lt;b&gt;x&lt;/b&gt;" in page
    assert "a &lt;i&gt;b&lt;/i&gt;" in page
    assert 'src="charts/escalation-killed.svg"' in page


def _report_args(*argv: str):
    """`tolltrace report ARGV` parsed as the command line parses it."""
    return cli.build_parser().parse_args(["report", *argv])


def test_main_report_rejects_bad_parameters(tmp_path, capsys):
    args = _report_args(
        "--raw-dir", str(tmp_path), "--reports-dir", str(tmp_path / "r"),
        "--event-start", "next friday",
    )  # fmt: skip
    assert report.main_report(args) == 2
    assert "event_start must be a date" in capsys.readouterr().err
    args.raw_dir = tmp_path / "missing"
    args.event_start = None
    assert report.main_report(args) == 2
    assert "does not exist" in capsys.readouterr().err
    assert not (tmp_path / "r").exists()


def test_main_report_names_a_broken_manifest_before_running_any_notebook(tmp_path, capsys):
    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / "a.txt").write_text("At least 12 people were killed, officials said.\n")
    (raw / "articles.csv").write_text("outlet,url\nNowhere,\n", encoding="utf-8")
    args = _report_args(
        "--raw-dir", str(raw), "--processed-dir", str(tmp_path / "p"),
        "--reports-dir", str(tmp_path / "r"),
    )  # fmt: skip
    assert report.main_report(args) == 2
    err = capsys.readouterr().err
    assert err.startswith("tolltrace report: ")
    assert "articles.csv" in err
    assert "Traceback" not in err
    assert not (tmp_path / "r").exists()
    assert not (tmp_path / "p").exists()


def test_a_bad_parameter_stops_report_before_the_notebooks_are_refreshed(
    tmp_path, capsys, monkeypatch
):
    refreshed = []
    monkeypatch.setattr(report, "refresh_notebooks", lambda: refreshed.append(1) or [])
    args = _report_args(
        "--raw-dir", str(tmp_path / "missing"), "--reports-dir", str(tmp_path / "r"),
        "--refresh-notebooks",
    )  # fmt: skip
    assert report.main_report(args) == 2
    assert "does not exist" in capsys.readouterr().err
    assert refreshed == []


def test_tables_built_in_a_child_process_equal_tables_built_here(tmp_path):
    here = nbt.resolve_parameters(config.RAW_DIR, tmp_path / "here")
    apart = nbt.resolve_parameters(config.RAW_DIR, tmp_path / "apart")
    nbt.build_tables(here, read=False)
    report.build_tables_apart(apart)
    names = sorted(p.name for p in here.processed_dir.glob("*.csv"))
    assert names == sorted(p.name for p in apart.processed_dir.glob("*.csv"))
    assert "claims.csv" in names
    for name in names:
        assert (apart.processed_dir / name).read_bytes() == (here.processed_dir / name).read_bytes()


def test_report_on_another_folder_keeps_the_shipped_tables(tmp_path):
    raw = tmp_path / "mine"
    raw.mkdir()
    args = _report_args("--raw-dir", str(raw))
    params = nbt.resolve_parameters(args.raw_dir, args.processed_dir)
    assert params.processed_dir == tmp_path / "mine-processed"


def test_report_refuses_a_job_count_below_one(capsys):
    with pytest.raises(SystemExit) as caught:
        cli.main(["report", "--jobs", "0"])
    assert caught.value.code == 2
    assert "--jobs" in capsys.readouterr().err


def test_tables_escape_text_and_leave_missing_cells_empty():
    frame = pd.DataFrame(
        {
            "n": pd.array([7, None], dtype="Int64"),
            "sentence": [chart_data.XSS_SENTENCE, None],
        }
    )
    html_text = nbt.show_table(frame, noun="claims")._repr_mimebundle_()["text/html"]
    assert "<NA>" not in html_text and "&lt;NA&gt;" not in html_text
    assert "<td></td>" in html_text and "<td>7</td>" in html_text
    assert "<script" not in html_text and "<img" not in html_text
    assert "&lt;img src=x onerror=alert(1)&gt;" in html_text


def test_table_is_cut_with_a_note():
    frame = pd.DataFrame({"n": range(5)})
    bundle = nbt.show_table(frame, noun="claims", max_rows=2)._repr_mimebundle_()
    assert bundle["text/plain"] == "first 2 of 5 claims; the CSV holds them all"
    assert bundle["text/html"].count("<tr") == 3  # header + two rows


def test_a_chart_with_nothing_to_draw_becomes_a_note():
    empty = chart_data.consistency().iloc[0:0]
    figure = charts.consistency_chart(empty)
    assert figure.rows == 0
    bundle = nbt.show_chart(figure)._repr_mimebundle_()
    assert CHART_MIMETYPE not in bundle and "image/svg+xml" not in bundle
    assert bundle["text/plain"].endswith("nothing to chart in this corpus.")
    assert nbt.show_chart(charts.consistency_chart(chart_data.consistency())).figure.rows == 2


def test_an_open_ended_best_estimate_keeps_its_qualifier():
    text = report.summary_paragraph(report.read_summary_tables(config.PROCESSED_DIR))
    assert "The largest estimate is more than 1,000 all victims killed: an open-ended" in text
    assert "1,000 (high)" not in text
