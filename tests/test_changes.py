"""What changed since the last build (issue 25): changes.csv, `tolltrace diff`, and the
front page's section. The added sentences are invented."""

from __future__ import annotations

import shutil
from pathlib import Path

from tolltrace import cli, config
from tolltrace.publish import report
from tolltrace.run.pipeline import process_corpus
from tolltrace.tables.csvio import read_table

ARTICLE = "004_cc5060f159b3eb3a.txt"
NEW_SENTENCE = "\nThe Syrian Observatory for Human Rights later said 1,480 people were killed.\n"


def copy_of_seeds(tmp_path: Path) -> Path:
    raw = tmp_path / "raw"
    shutil.copytree(config.RAW_DIR, raw)
    return raw


def test_a_rebuild_that_changes_nothing_writes_the_header_alone(tmp_path):
    raw, out = copy_of_seeds(tmp_path), tmp_path / "out"
    process_corpus(raw, out)
    first = read_table(out / "changes.csv")
    assert set(first["change"]) == {"added"}  # against an empty folder
    assert len(first[first["record"] == "claim"]) == len(read_table(out / "claims.csv"))
    summary = process_corpus(raw, out)
    assert (out / "changes.csv").read_text(encoding="utf-8") == (
        "record,key,change,field,before,after\n"
    )
    assert not any("since the last build" in note for note in summary.notes)
    assert (config.PROCESSED_DIR / "changes.csv").read_bytes() == (out / "changes.csv").read_bytes()


def test_a_new_toll_in_an_article_is_exactly_one_claim_and_one_release_added(tmp_path):
    raw, out = copy_of_seeds(tmp_path), tmp_path / "out"
    process_corpus(raw, out)
    text = (raw / ARTICLE).read_text(encoding="utf-8")
    (raw / ARTICLE).write_text(text + NEW_SENTENCE, encoding="utf-8")
    summary = process_corpus(raw, out)
    changes = read_table(out / "changes.csv")
    claims = read_table(out / "claims.csv")
    new_claim = claims[claims["mention"] == "1,480"]
    assert changes[["record", "key", "change", "after"]].values.tolist() == [
        ["claim", new_claim["claim_id"].iloc[0], "added", "1,480"],
        ["release", new_claim["release_id"].iloc[0], "added", "1480"],
    ]
    assert "since the last build: 1 claim added, 1 release added" in summary.notes


def test_diff_compares_any_two_folders_as_the_build_does(tmp_path, capsys):
    raw = copy_of_seeds(tmp_path)
    process_corpus(raw, tmp_path / "old")
    (raw / ARTICLE).write_text(
        (raw / ARTICLE).read_text(encoding="utf-8") + NEW_SENTENCE, encoding="utf-8"
    )
    shutil.copytree(tmp_path / "old", tmp_path / "new")
    process_corpus(raw, tmp_path / "new")
    capsys.readouterr()
    assert cli.main(["diff", str(tmp_path / "old"), str(tmp_path / "new")]) == 0
    printed = capsys.readouterr()
    assert printed.out == (tmp_path / "new" / "changes.csv").read_text(encoding="utf-8")
    assert "1 claim added, 1 release added" in printed.err
    assert cli.main(["diff", str(tmp_path / "nowhere"), str(tmp_path / "new")]) == 2


def test_a_changed_field_is_one_row_with_before_and_after(tmp_path):
    raw, out = copy_of_seeds(tmp_path), tmp_path / "out"
    process_corpus(raw, out)
    (raw / "corrections.csv").write_text(
        "action,claim_id,field,value,reason\n"
        "set,003_30b87b7eb73067d6@2728,outcome,injured,test: the 93 were wounded\n",
        encoding="utf-8",
    )
    process_corpus(raw, out)
    changes = read_table(out / "changes.csv")
    claim = changes[changes["record"] == "claim"].set_index("field")
    assert claim.loc["outcome", ["before", "after"]].tolist() == ["killed", "injured"]
    assert claim.loc["correction", "after"] == "corrected"


def test_the_front_page_says_what_changed(tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    (out / "changes.csv").write_text(
        "record,key,change,field,before,after\n"
        "claim,a@1,added,,,<b>12</b>\n"
        "release,SOHR|all|killed|12,changed,n_outlets,1,2\n",
        encoding="utf-8",
    )
    section = report.changes_html(out)
    assert "1 claim added, 1 release changed" in section
    assert "&lt;b&gt;12&lt;/b&gt;" in section and "<b>12" not in section
    (out / "changes.csv").write_text("record,key,change,field,before,after\n", encoding="utf-8")
    assert "Nothing changed" in report.changes_html(out)
    page = report.index_html([], [], "summary", changes=report.changes_html(out))
    assert "<h2>What changed in this build</h2>" in page


def test_a_first_build_is_called_one_on_the_front_page(tmp_path):
    raw, out = copy_of_seeds(tmp_path), tmp_path / "out"
    process_corpus(raw, out)
    assert "This is the first build of these tables: 21 claims added" in report.changes_html(out)
    process_corpus(raw, out)
    assert "Nothing changed" in report.changes_html(out)
