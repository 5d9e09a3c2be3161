"""The whole pipeline on the messy corpus: every file accounted for, every case handled."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
from messy_corpus import BOILERPLATE, MessyCorpus

from tolltrace.ingest.listing import list_raw_files, raw_file_path
from tolltrace.ingest.reading import read_article
from tolltrace.run.pipeline import process_corpus
from tolltrace.tables.csvio import FORMULA_START, read_table


@pytest.fixture
def processed(messy_corpus: MessyCorpus, tmp_path: Path):
    """The messy corpus processed once: (corpus, summary, ledger, claims)."""
    out = tmp_path / "out"
    summary = process_corpus(messy_corpus.folder, out)
    ledger = read_table(out / "articles.csv").set_index("file", drop=False)
    claims = read_table(out / "claims.csv")
    return messy_corpus, summary, ledger, claims


def test_ledger_accounts_for_every_file(processed) -> None:
    corpus, summary, ledger, _ = processed
    found = {p.name for p in corpus.folder.iterdir()} - {
        "articles.csv",
        ".hidden.txt",
        "subfolder",
    }
    assert set(ledger["file"]) == found | {"99_gone.txt"}
    assert ledger["status"].to_dict() == corpus.expected_status
    assert summary.n_files == len(found)
    assert summary.n_ok + summary.n_warning + summary.n_skipped == summary.n_files
    assert summary.n_missing == 1
    assert (ledger["message"] != "").all()
    assert ledger["article_id"].is_unique


def test_summary_line(processed) -> None:
    _, summary, ledger, claims = processed
    assert summary.line() == (
        f"{summary.n_files} files, {(ledger['status'] == 'ok').sum()} ok, "
        f"{(ledger['status'] == 'warning').sum()} with warnings, {summary.n_skipped} skipped, "
        f"{len(claims)} claims (1 listed in the manifest but missing)"
        "; 1 warning about the manifest"  # its unknown column
    )
    assert summary.n_claims == len(claims) == ledger["n_claims"].sum()


def test_warnings_name_what_was_passed_over(processed) -> None:
    _, summary, _, _ = processed
    assert any("'editor'" in w and "line 1" in w for w in summary.warnings)
    assert any("subfolder" in w for w in summary.warnings)


def test_every_claim_mention_is_its_slice_of_the_decoded_text(processed) -> None:
    corpus, _, ledger, claims = processed
    assert not claims.empty
    for file, group in claims.groupby("file"):
        text = read_article(corpus.folder / file).text
        for claim in group.itertuples():
            assert text[claim.char_start : claim.char_end] == claim.mention


@pytest.mark.parametrize(
    ("file", "low", "encoding"),
    [
        ("04_cp1252.txt", 120, "cp1252"),
        ("05_latin1.txt", 45, "cp1252"),
        ("06_bom.txt", 37, "utf-8-sig"),
        ("07_crlf.txt", 80, "utf-8"),
        ("08_utf16.txt", 60, "utf-16-le"),
        ("09_page.html", 230, "utf-8"),
    ],
)
def test_odd_inputs_yield_their_toll_claim(processed, file: str, low: int, encoding: str) -> None:
    corpus, _, ledger, claims = processed
    assert ledger.loc[file, "encoding"] == encoding
    lows = claims.loc[claims["file"] == file, "low"].tolist()
    assert low in lows
    if file in corpus.texts:
        assert ledger.loc[file, "characters"] == len(corpus.texts[file])


def test_encoding_notes(processed) -> None:
    _, _, ledger, _ = processed
    assert "cp1252" in ledger.loc["04_cp1252.txt", "message"]
    assert "byte-order mark" in ledger.loc["06_bom.txt", "message"]
    assert "trafilatura" in ledger.loc["09_page.html", "message"]
    assert ledger.loc["09_page.html", "format"] == "html"


def test_html_boilerplate_kept_out_of_claims(processed) -> None:
    _, _, _, claims = processed
    page = claims[claims["file"] == "09_page.html"]
    assert 9000 not in set(page["low"])
    for words in BOILERPLATE:
        assert not page["sentence"].str.contains(words, regex=False).any()


def test_duplicates_point_to_the_first_copy_and_add_no_claims(processed) -> None:
    corpus, _, ledger, claims = processed
    for copy, original in corpus.duplicates.items():
        row = ledger.loc[copy]
        assert row["status"] == "duplicate"
        assert row["duplicate_of"] == Path(original).stem
        assert row["n_claims"] == 0
        assert "would have added 1 claim" in row["message"]
        assert copy not in set(claims["file"])
    assert "byte-for-byte" in ledger.loc["11_copy.txt", "message"]
    assert "whitespace" in ledger.loc["12_respaced.txt", "message"]
    assert (claims["file"] == "10_original.txt").sum() == 1


def test_duplicates_are_not_counted_in_releases(processed) -> None:
    _, summary, _, _ = processed
    releases = read_table(summary.tables["releases"])
    for ids in releases["article_ids"]:
        assert "11_copy" not in ids and "12_respaced" not in ids


def test_missing_too_large_and_unreadable_rows(processed) -> None:
    _, _, ledger, _ = processed
    assert "line 20" in ledger.loc["99_gone.txt", "message"]
    assert "size limit" in ledger.loc["13_huge.txt", "message"]
    assert pd.isna(ledger.loc["13_huge.txt", "characters"])
    assert ledger.loc["19_dangling.txt", "status"] == "unreadable"


def test_manifest_problems_become_row_warnings(processed) -> None:
    _, _, ledger, _ = processed
    assert "not listed" in ledger.loc["14_unlisted.txt", "message"]
    assert "'8th of March'" in ledger.loc["15_bad_date.txt", "message"]
    assert ledger.loc["15_bad_date.txt", "published"] == ""
    assert "sha256 differs" in ledger.loc["16_changed.txt", "message"]
    assert ledger.loc["07_crlf.txt", "published"] == "2025-03-07T18:30:00+02:00"


def test_script_text_survives_as_data(processed) -> None:
    _, _, _, claims = processed
    sentence = claims.loc[claims["file"] == "17_script.txt", "sentence"].iloc[0]
    assert "<script>" in sentence  # kept verbatim in the CSV; HTML output must escape it


def test_no_csv_cell_starts_a_formula(processed, tmp_path: Path) -> None:
    _, summary, _, claims = processed
    import csv

    for path in summary.tables.values():
        with path.open(encoding="utf-8", newline="") as handle:
            for row in list(csv.reader(handle))[1:]:
                for cell in row:
                    if cell[:1] in FORMULA_START:
                        assert cell[:1] == "'" or cell.lstrip("-").replace(".", "").isdigit()
    assert claims.loc[claims["file"] == "18_formula.txt", "sentence"].iloc[0].startswith("=")


def test_same_tables_with_two_jobs(messy_corpus: MessyCorpus, tmp_path: Path) -> None:
    one, two = tmp_path / "one", tmp_path / "two"
    process_corpus(messy_corpus.folder, one, jobs=1)
    process_corpus(messy_corpus.folder, two, jobs=2)
    for path in sorted(one.glob("*.csv")):
        assert path.read_bytes() == (two / path.name).read_bytes(), path.name


def test_extractor_crash_is_a_warning_not_a_lost_article(
    raw_dir: Path, tmp_path: Path, monkeypatch
):
    from tolltrace.run import worker

    (raw_dir / "a.txt").write_text("Five people were killed.\n")

    def broken(text, article_id, sources=None, language=""):
        raise RuntimeError("boom")

    monkeypatch.setattr(worker, "extract_article", broken)
    process_corpus(raw_dir, tmp_path / "out")
    row = read_table(tmp_path / "out" / "articles.csv").iloc[0]
    assert row["status"] == "warning"
    assert "extraction failed (RuntimeError: boom)" in row["message"]


def test_claims_with_wrong_offsets_are_dropped_and_reported(raw_dir, tmp_path, monkeypatch):
    from tolltrace.run import worker

    real = worker.extract_article

    def shifted(text, article_id, sources=None):
        extraction = real(text, article_id, sources)
        for claim in extraction.claims:
            claim.char_start += 1
            claim.char_end += 1
        return extraction

    (raw_dir / "a.txt").write_text("At least 45 people were killed on Saturday, officials said.\n")
    monkeypatch.setattr(worker, "extract_article", shifted)
    process_corpus(raw_dir, tmp_path / "out")
    row = read_table(tmp_path / "out" / "articles.csv").iloc[0]
    assert row["status"] == "warning"
    assert "dropped" in row["message"]
    assert row["n_claims"] == 0


def test_colliding_stems_get_whole_names(raw_dir: Path, tmp_path: Path) -> None:
    (raw_dir / "story.txt").write_text("Five people were killed on Friday, officials said.\n")
    (raw_dir / "story.html").write_text(
        "<!DOCTYPE html><html><body><article><p>Eleven people were killed on Saturday, "
        "officials said, in a village near the coast.</p></article></body></html>"
    )
    process_corpus(raw_dir, tmp_path / "out")
    ledger = read_table(tmp_path / "out" / "articles.csv")
    assert sorted(ledger["article_id"]) == ["story.html", "story.txt"]


def test_claims_are_put_in_order_after_analysis() -> None:
    from tolltrace.run.pipeline import order_claims

    claims = pd.DataFrame(
        {"char_start": [5, 1, 9, 2], "extra": list("wxyz"), "article_id": ["b", "b", "a", "a"]}
    )
    ordered = order_claims(claims)
    assert list(ordered.columns) == ["article_id", "char_start", "extra"]
    assert ordered[["article_id", "char_start"]].values.tolist() == [
        ["a", 2],
        ["a", 9],
        ["b", 1],
        ["b", 5],
    ]


def test_listing_names_files_and_passes_over_folders_and_hidden_files(tmp_path: Path) -> None:
    (tmp_path / "b.txt").write_text("b")
    (tmp_path / "a.txt").write_text("a")
    (tmp_path / ".hidden.txt").write_text("h")
    (tmp_path / "nested").mkdir()
    (tmp_path / "to_nested").symlink_to(tmp_path / "nested")
    names, warnings = list_raw_files(tmp_path)
    assert names == ["a.txt", "b.txt"]
    assert warnings == [
        f"{tmp_path / name}: subfolder not searched; move its articles up to process them"
        for name in ("nested", "to_nested")
    ]


@pytest.mark.parametrize("raw_dir", [".", "/", "corpus", "corpus/raw", "/data/raw", "../raw"])
def test_raw_file_path_is_the_joined_path(raw_dir: str) -> None:
    assert raw_file_path(Path(raw_dir), "01_a.txt") == str(Path(raw_dir) / "01_a.txt")
