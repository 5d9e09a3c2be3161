"""manifest.read_manifest and corpus.toml: every problem named by its line."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from tolltrace import config
from tolltrace.ingest.corpus import (
    CorpusConfigError,
    parse_event_start,
    read_corpus_config,
    resolve_event_start,
)
from tolltrace.ingest.manifest import ManifestError, normalise_published, read_manifest
from tolltrace.run.pipeline import process_corpus

HEADER = "file,outlet,url,published,language,sha256,notes\n"


def _manifest(folder: Path, text: str | bytes) -> Path:
    path = folder / "articles.csv"
    if isinstance(text, str):
        path.write_text(text, encoding="utf-8")
    else:
        path.write_bytes(text)
    return path


def _article(folder: Path, name: str, text: str = "Five people were killed on Friday.\n") -> None:
    (folder / name).write_text(text, encoding="utf-8")


def _ledger(raw_dir: Path, tmp_path: Path) -> dict[str, dict[str, object]]:
    """Run the pipeline and return the ledger rows by file."""
    out = tmp_path / "out"
    process_corpus(raw_dir, out)
    from tolltrace.tables.csvio import read_table

    ledger = read_table(out / "articles.csv")
    return {row["file"]: row for row in ledger.to_dict("records")}


def test_the_shipped_manifest_reads_cleanly() -> None:
    manifest = read_manifest(config.RAW_DIR)
    assert manifest.warnings == []
    assert len(manifest.entries) == 5
    entry = manifest.entries["003_30b87b7eb73067d6.txt"]
    assert entry.outlet == "Tehran Times"
    assert entry.published == ""
    assert entry.line == 5


def test_no_manifest_is_fine(raw_dir: Path, tmp_path: Path) -> None:
    _article(raw_dir, "a.txt")
    manifest = read_manifest(raw_dir)
    assert (manifest.path, manifest.entries, manifest.warnings) == (None, {}, [])
    assert _ledger(raw_dir, tmp_path)["a.txt"]["status"] == "ok"


def test_row_naming_a_missing_file(raw_dir: Path, tmp_path: Path) -> None:
    _article(raw_dir, "a.txt")
    _manifest(raw_dir, HEADER + "a.txt,A,,,en,,\ngone.txt,Gone Daily,,2025-03-07,en,,\n")
    row = _ledger(raw_dir, tmp_path)["gone.txt"]
    assert row["status"] == "missing"
    assert row["article_id"] == "gone"
    assert "line 3" in row["message"]
    assert row["outlet"] == "Gone Daily"


def test_file_not_in_the_manifest(raw_dir: Path, tmp_path: Path) -> None:
    _article(raw_dir, "a.txt")
    _article(raw_dir, "b.txt", "Seven people were killed on Saturday.\n")
    _manifest(raw_dir, HEADER + "a.txt,A,,,en,,\n")
    ledger = _ledger(raw_dir, tmp_path)
    assert ledger["a.txt"]["status"] == "ok"
    assert ledger["b.txt"]["status"] == "warning"
    assert "not listed in articles.csv" in ledger["b.txt"]["message"]


@pytest.mark.parametrize("bad", ["8 March 2025", "2025-13-01", "2025-02-30", "08/03/2025", "soon"])
def test_malformed_date_is_a_warning_and_unknown(raw_dir: Path, tmp_path: Path, bad: str) -> None:
    _article(raw_dir, "a.txt")
    _manifest(raw_dir, HEADER + f"a.txt,A,,{bad},en,,\n")
    entry = read_manifest(raw_dir).entries["a.txt"]
    assert entry.published == ""
    assert "line 2" in entry.warnings[0] and bad in entry.warnings[0]
    row = _ledger(raw_dir, tmp_path)["a.txt"]
    assert row["status"] == "warning"
    assert row["published"] == ""


@pytest.mark.parametrize(
    ("given", "normalised"),
    [
        ("", ""),
        (" 2025-03-08 ", "2025-03-08"),
        ("2025-03-08T14:05:00Z", "2025-03-08T14:05:00+00:00"),
        ("2025-03-08 14:05", "2025-03-08T14:05:00"),
        ("2025-03-08T14:05:00+02:00", "2025-03-08T14:05:00+02:00"),
        ("20250308", None),
        ("March 8", None),
    ],
)
def test_published_dates_and_timestamps(given: str, normalised: str | None) -> None:
    assert normalise_published(given) == normalised


def test_unknown_column_warns_with_its_line(raw_dir: Path) -> None:
    _manifest(raw_dir, "file,outlet,editor\na.txt,A,Jo\n")
    manifest = read_manifest(raw_dir)
    assert manifest.entries["a.txt"].outlet == "A"
    assert len(manifest.warnings) == 1
    assert "line 1" in manifest.warnings[0] and "'editor'" in manifest.warnings[0]


@pytest.mark.parametrize("content", ["", HEADER, HEADER + "\n,,,,,,\n"])
def test_empty_manifest_warns(raw_dir: Path, tmp_path: Path, content: str) -> None:
    _article(raw_dir, "a.txt")
    _manifest(raw_dir, content)
    manifest = read_manifest(raw_dir)
    assert manifest.entries == {}
    assert any("empty" in w for w in manifest.warnings)
    # With nothing listed, files are not each flagged as unlisted.
    assert _ledger(raw_dir, tmp_path)["a.txt"]["status"] == "ok"


def test_duplicate_row_warns_and_first_wins(raw_dir: Path) -> None:
    _manifest(raw_dir, HEADER + "a.txt,First,,,en,,\nb.txt,B,,,en,,\na.txt,Second,,,en,,\n")
    manifest = read_manifest(raw_dir)
    assert manifest.entries["a.txt"].outlet == "First"
    assert any("line 4" in w and "line 2" in w for w in manifest.warnings)


def test_sha256_mismatch_warns(raw_dir: Path, tmp_path: Path) -> None:
    _article(raw_dir, "a.txt")
    _manifest(raw_dir, HEADER + "a.txt,A,,,en," + "0" * 64 + ",\n")
    row = _ledger(raw_dir, tmp_path)["a.txt"]
    assert row["status"] == "warning"
    assert "sha256 differs from manifest line 2" in row["message"]


def test_shipped_sha256_values_match_the_raw_files(tmp_path: Path) -> None:
    ledger = _ledger(config.RAW_DIR, tmp_path)
    assert {row["status"] for row in ledger.values()} == {"ok"}


def test_malformed_sha256_warns(raw_dir: Path) -> None:
    _manifest(raw_dir, HEADER + "a.txt,A,,,en,abc,\n")
    entry = read_manifest(raw_dir).entries["a.txt"]
    assert entry.sha256 == ""
    assert "64-digit" in entry.warnings[0]


def test_extra_fields_warn(raw_dir: Path) -> None:
    _manifest(raw_dir, "file,outlet\na.txt,A,surplus\n")
    manifest = read_manifest(raw_dir)
    assert "a.txt" in manifest.entries
    assert "line 2" in manifest.warnings[0]


def test_multiline_notes_keep_line_numbers(raw_dir: Path) -> None:
    _manifest(raw_dir, HEADER + 'a.txt,A,,,en,,"two\nlines"\nb.txt,B,,bad,en,,\n')
    manifest = read_manifest(raw_dir)
    assert manifest.entries["a.txt"].notes == "two\nlines"
    assert manifest.entries["b.txt"].line == 4
    assert "line 4" in manifest.entries["b.txt"].warnings[0]


@pytest.mark.parametrize(
    ("content", "line"),
    [
        (HEADER + 'a.txt,"unclosed,,,,,\nb.txt,B,,,,,\n', 3),
        (HEADER + 'a.txt,"A"B,,,,,\n', 2),
        ("outlet,url\nA,\n", 1),
        ("file,outlet,file\na.txt,A,b.txt\n", 1),
        (HEADER.encode() + b"a.txt,A\x00,,,,,\n", 2),
    ],
)
def test_unparseable_manifest_names_file_and_line(raw_dir: Path, content, line: int) -> None:
    _manifest(raw_dir, content)
    with pytest.raises(ManifestError) as caught:
        read_manifest(raw_dir)
    message = str(caught.value)
    assert str(raw_dir / "articles.csv") in message
    assert f"line {line}" in message


def test_cp1252_manifest_is_read_with_a_warning(raw_dir: Path) -> None:
    _manifest(raw_dir, (HEADER + "a.txt,Le Monde \u2013 \u00e9dition,,,fr,,\n").encode("cp1252"))
    manifest = read_manifest(raw_dir)
    assert manifest.entries["a.txt"].outlet == "Le Monde \u2013 \u00e9dition"
    assert "line 2" in manifest.warnings[0] and "cp1252" in manifest.warnings[0]


def test_utf8_bom_in_manifest_header(raw_dir: Path) -> None:
    _manifest(raw_dir, b"\xef\xbb\xbf" + HEADER.encode() + b"a.txt,A,,,en,,\n")
    assert read_manifest(raw_dir).entries["a.txt"].outlet == "A"


# ---------------------------------------------------------------- corpus.toml


def test_shipped_corpus_settings() -> None:
    corpus = read_corpus_config(config.RAW_DIR)
    assert corpus.event_start == dt.date(2025, 3, 6)
    assert corpus.event_start.strftime("%A") == "Thursday"
    assert corpus.name


def test_no_corpus_settings_means_no_event_start(raw_dir: Path) -> None:
    corpus = read_corpus_config(raw_dir)
    assert corpus.event_start is None
    assert resolve_event_start(None, corpus) is None


def test_event_start_override_wins(raw_dir: Path) -> None:
    (raw_dir / "corpus.toml").write_text('event_start = 2025-03-06\nname = "x"\n')
    corpus = read_corpus_config(raw_dir)
    assert resolve_event_start("2025-03-01", corpus) == dt.date(2025, 3, 1)
    assert resolve_event_start(None, corpus) == dt.date(2025, 3, 6)


def test_event_start_as_text_in_toml(raw_dir: Path) -> None:
    (raw_dir / "corpus.toml").write_text('event_start = "2025-03-06"\n')
    assert read_corpus_config(raw_dir).event_start == dt.date(2025, 3, 6)


@pytest.mark.parametrize("bad", ["yesterday", "2025-3-6", "2025-02-30", "", "06/03/2025"])
def test_bad_event_start_is_a_clear_error(bad: str) -> None:
    with pytest.raises(CorpusConfigError, match="not a date"):
        parse_event_start(bad)


def test_unreadable_corpus_toml_names_the_line(raw_dir: Path) -> None:
    (raw_dir / "corpus.toml").write_text('name = "x"\nevent_start = = 2025\n')
    with pytest.raises(CorpusConfigError) as caught:
        read_corpus_config(raw_dir)
    assert "corpus.toml" in str(caught.value) and "line 2" in str(caught.value)


def test_unknown_corpus_setting_warns(raw_dir: Path) -> None:
    (raw_dir / "corpus.toml").write_text("event_begin = 2025-03-06\n")
    corpus = read_corpus_config(raw_dir)
    assert corpus.event_start is None
    assert "event_begin" in corpus.warnings[0]
