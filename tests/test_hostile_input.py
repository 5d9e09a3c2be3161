"""Inputs a hostile or careless user gives (issue 26, cases 8-11): no hang, no blow-up, no
traceback; each problem named with its file or row and what to do. Texts are invented."""

from __future__ import annotations

import codecs
import os
import time
import unicodedata
from pathlib import Path

import pytest

from tolltrace import cli
from tolltrace.extract import extract_claims
from tolltrace.extract.pattern_safety import nested_repeat
from tolltrace.extract.sentences import MAX_QUOTE_CHARS
from tolltrace.ingest.listing import assign_article_ids
from tolltrace.ingest.reading import read_article
from tolltrace.run.pipeline import process_corpus
from tolltrace.tables.csvio import read_table

TOLL = "Officials said 5 people were killed in the floods on Monday.\n"


def folder(tmp_path: Path, files: dict[str, bytes | str]) -> Path:
    raw = tmp_path / "raw"
    raw.mkdir()
    for name, content in files.items():
        data = content.encode("utf-8") if isinstance(content, str) else content
        (raw / name).write_bytes(data)
    return raw


def tally(characters: int) -> str:
    """One run-on 'sentence' of town counts, `characters` long."""
    parts, n, size = [], 0, 0
    while size < characters:
        part = f"Town{n} {n % 97 + 1} killed, "
        parts.append(part)
        size += len(part)
        n += 1
    return "Deaths by town\n\nThe tally of the dead: " + "".join(parts) + "and no more.\n"


# ---------------------------------------------------------------- bounded work (case 8)


def test_a_256_kb_tally_line_is_read_in_linear_time_and_space(tmp_path):
    raw = folder(tmp_path, {"tally.txt": tally(256_000)})
    started = time.perf_counter()
    summary = process_corpus(raw, tmp_path / "out")
    seconds = time.perf_counter() - started
    size = (tmp_path / "out" / "claims.csv").stat().st_size
    assert summary.n_claims > 10_000
    assert seconds < 10, seconds
    assert size < 50_000_000, size


def test_extraction_time_grows_with_the_text_not_its_square():
    def seconds(characters: int) -> float:
        text = tally(characters)
        started = time.perf_counter()
        extract_claims(text, "a")
        return time.perf_counter() - started

    small, large = seconds(16_000), seconds(128_000)
    assert large < 8 * small * 2.5, (small, large)  # 8x the text; the square would be 64x


def test_a_claim_quotes_a_long_sentence_around_its_number():
    text = tally(20_000)
    claims = extract_claims(text, "a")
    middle = claims[len(claims) // 2]
    assert middle.sentence_end - middle.sentence_start > 20_000
    assert len(middle.sentence) <= MAX_QUOTE_CHARS + 2
    assert middle.sentence.startswith("…") and middle.sentence.endswith("…")
    assert middle.mention in middle.sentence
    short = extract_claims(TOLL, "a")[0]
    assert short.sentence == TOLL.strip()


# ------------------------------------------------------ catastrophic patterns (case 9)


@pytest.mark.parametrize("pattern", ["(x+x+)+y", "(a|aa)+", "(?:\\w+\\s?)*z", "(a{2,})*"])
def test_a_pattern_that_can_backtrack_without_end_is_refused_with_its_row(
    tmp_path, capsys, pattern
):
    raw = folder(tmp_path, {"a.txt": "Officials said " + "x" * 40 + " 5 people were killed."})
    (raw / "sources.csv").write_text(
        f'source_id,kind,pattern,needs_frame,words,note\nX,officials,"{pattern}",false,,\n',
        encoding="utf-8",
    )
    started = time.perf_counter()
    assert cli.main(["process", str(raw), "--out-dir", str(tmp_path / "out")]) == 2
    assert time.perf_counter() - started < 5
    err = capsys.readouterr().err
    assert "sources.csv, line 2" in err and "nested repeat" in err


@pytest.mark.parametrize(
    "pattern", ["Rami Abdul?[- ]?Rahman", "(?-i:SOHR)", "(?:[A-Z]\\.)+", "[(]+x", "a{2,}"]
)
def test_ordinary_patterns_pass_the_check(pattern):
    assert nested_repeat(pattern) == ""


# ------------------------------------------------------------ no tracebacks (case 10)


def test_files_whose_names_and_stems_overlap_get_distinct_ids(tmp_path):
    raw = folder(tmp_path, {"a": TOLL, "a.txt": TOLL + "Again.\n", "a.txt.html": TOLL})
    process_corpus(raw, tmp_path / "out")
    ledger = read_table(tmp_path / "out" / "articles.csv")
    assert sorted(ledger["file"]) == ["a", "a.txt", "a.txt.html"]
    assert ledger["article_id"].is_unique
    assert assign_article_ids(["a", "a.txt", "a.txt.html", "a.txt.html.md"]) == {
        "a": "a",
        "a.txt": "a.txt",
        "a.txt.html": "a.txt.html",
        "a.txt.html.md": "a.txt.html.md",
    }


def test_a_file_name_that_is_not_utf8_is_named_and_passed_over(tmp_path, capsys):
    raw = folder(tmp_path, {"good.txt": TOLL})
    bad = os.fsencode(raw) + b"/bad\xff\xfe.txt"
    with open(bad, "wb") as fh:
        fh.write(TOLL.encode())
    assert cli.main(["process", str(raw), "--out-dir", str(tmp_path / "out")]) == 0
    err = capsys.readouterr().err
    assert "bad\\xff\\xfe.txt: file name is not UTF-8" in err and "Rename" in err
    assert list(read_table(tmp_path / "out" / "articles.csv")["file"]) == ["good.txt"]
    assert not list((tmp_path / "out").glob(".*.tmp"))


@pytest.mark.parametrize("published", ["9999-12-31", "0001-01-01", "1600-05-05"])
def test_a_publication_date_outside_1900_2100_is_a_warning(tmp_path, published):
    raw = folder(tmp_path, {"a.txt": TOLL, "articles.csv": f"file,published\na.txt,{published}\n"})
    summary = process_corpus(raw, tmp_path / "out")
    ledger = read_table(tmp_path / "out" / "articles.csv")
    assert ledger["published"].tolist() == [""]
    assert "outside 1900-2100" in ledger["message"][0]
    assert summary.n_claims == 1


@pytest.mark.parametrize("start", ["1600-01-01", "2300-01-01"])
def test_an_event_start_outside_1900_2100_stops_with_a_message(tmp_path, capsys, start):
    raw = folder(tmp_path, {"a.txt": TOLL})
    out = str(tmp_path / "out")
    assert cli.main(["process", str(raw), "--out-dir", out, "--event-start", start]) == 2
    assert "outside 1900-2100" in capsys.readouterr().err


def test_an_output_path_under_a_file_stops_before_any_work(tmp_path, capsys):
    raw = folder(tmp_path, {"a.txt": TOLL})
    (tmp_path / "plain").write_text("x", encoding="utf-8")
    assert cli.main(["process", str(raw), "--out-dir", str(tmp_path / "plain" / "out")]) == 2
    assert "is a file, not a folder" in capsys.readouterr().err


# ------------------------------------------------------------------------ case 11


def test_a_link_out_of_the_raw_folder_is_not_followed(tmp_path, capsys):
    secret = tmp_path / "secret.txt"
    secret.write_text("Officials said 99 people were killed.\n", encoding="utf-8")
    raw = folder(tmp_path, {"a.txt": TOLL})
    (raw / "link.txt").symlink_to(secret)
    (raw / "inner.txt").symlink_to(raw / "a.txt")
    assert cli.main(["process", str(raw), "--out-dir", str(tmp_path / "out")]) == 0
    assert "link.txt: a link to a file outside the raw folder" in capsys.readouterr().err
    claims = read_table(tmp_path / "out" / "claims.csv")
    assert 99 not in claims["low"].astype(int).tolist()
    assert "inner.txt" in read_table(tmp_path / "out" / "articles.csv")["file"].tolist()


def test_control_characters_in_file_names_reach_the_terminal_escaped(tmp_path, capsys):
    raw = folder(tmp_path, {"evil\x1b[31m\u202e.txt": "", "a.txt": TOLL})
    cli.main(["process", str(raw), "--out-dir", str(tmp_path / "out")])
    err = capsys.readouterr().err
    assert "\x1b" not in err and "\u202e" not in err
    assert "evil\\x1b[31m\\u202e.txt" in err


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be"])
def test_wide_encodings_without_a_byte_order_mark_are_read(tmp_path, codec):
    raw = folder(tmp_path, {"a.txt": ("Flood in Tartus\n\n" + TOLL).encode(codec)})
    article = read_article(raw / "a.txt")
    assert article.status == "ok" and article.encoding == codec
    assert "5 people were killed" in article.text


def test_a_stray_nul_byte_does_not_drop_the_article(tmp_path):
    raw = folder(tmp_path, {"a.txt": b"Flood\n\nOfficials said\x00 5 people were killed.\n"})
    summary = process_corpus(raw, tmp_path / "out")
    assert summary.n_claims == 1
    assert "stray NUL" in read_table(tmp_path / "out" / "articles.csv")["message"][0]


def test_a_utf8_mark_before_a_legacy_body_is_read(tmp_path):
    body = "Café owners said 5 people were killed in the floods.\n".encode("cp1252")
    raw = folder(tmp_path, {"a.txt": codecs.BOM_UTF8 + body})
    article = read_article(raw / "a.txt")
    assert article.status == "ok" and article.text.startswith("Café")


@pytest.mark.parametrize(
    ("start", "kind"), [(b"%PDF-1.7\n", "a PDF"), (b"PK\x03\x04", "ZIP-based document")]
)
def test_documents_are_refused_with_what_to_do(tmp_path, start, kind):
    raw = folder(tmp_path, {"a.pdf": start + b"\x00\x00\x00\x00\x01\x02" * 10})
    article = read_article(raw / "a.pdf")
    assert article.status == "binary"
    assert kind in article.notes[-1] and "save it as plain text or HTML" in article.notes[-1]


def test_a_page_nested_past_the_parser_limit_still_gives_its_text(tmp_path):
    deep = 300
    page = (
        "<!doctype html><html><body>"
        + "<div>" * deep
        + "<p>Officials said 5 people were killed in the floods on Monday.</p>"
        + "</div>" * deep
        + "</body></html>"
    )
    raw = folder(tmp_path, {"a.html": page})
    summary = process_corpus(raw, tmp_path / "out")
    assert summary.n_claims == 1


def test_a_manifest_row_and_a_file_spelt_in_other_normal_forms_match(tmp_path):
    disk = unicodedata.normalize("NFD", "café.txt")
    typed = unicodedata.normalize("NFC", "café.txt")
    raw = folder(tmp_path, {disk: TOLL, "articles.csv": f"file,outlet\n{typed},Le Monde\n"})
    process_corpus(raw, tmp_path / "out")
    ledger = read_table(tmp_path / "out" / "articles.csv")
    assert len(ledger) == 1
    assert ledger["outlet"][0] == "Le Monde" and ledger["status"][0] == "ok"


@pytest.mark.parametrize("start", ["2099-01-01", "1900-03-06"])
def test_an_event_start_far_from_the_articles_is_a_warning(tmp_path, start):
    manifest = "file,published\na.txt,2025-03-09\nb.txt,2025-03-10\n"
    raw = folder(tmp_path, {"a.txt": TOLL, "b.txt": TOLL + "More.\n", "articles.csv": manifest})
    summary = process_corpus(raw, tmp_path / "out", event_start=start)
    assert any(f"event_start {start}" in w and "check the year" in w for w in summary.warnings)
    plausible = process_corpus(raw, tmp_path / "out2", event_start="2025-03-06")
    assert not any("event_start" in w for w in plausible.warnings)
