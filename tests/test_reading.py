"""reading.read_article: statuses, encodings, BOM, CRLF, HTML, size limit."""

from __future__ import annotations

import codecs
import os
from pathlib import Path

import pytest
from messy_corpus import BOILERPLATE, CP1252_TEXT, CRLF_TEXT, HTML_PAGE, LATIN1_TEXT

from tolltrace import config
from tolltrace.extract import extract_claims
from tolltrace.ingest.reading import decode_bytes, looks_like_html_page, read_article


def _file(folder: Path, name: str, data: bytes) -> Path:
    path = folder / name
    path.write_bytes(data)
    return path


def _assert_claims_match(text: str, article_id: str) -> list:
    """Extract claims and check every mention is its slice of the text."""
    claims = extract_claims(text, article_id)
    for claim in claims:
        assert text[claim.char_start : claim.char_end] == claim.mention
    return claims


def test_empty_file(tmp_path: Path) -> None:
    article = read_article(_file(tmp_path, "a.txt", b""))
    assert article.status == "empty"
    assert article.text == ""


def test_whitespace_only_file(tmp_path: Path) -> None:
    article = read_article(_file(tmp_path, "a.txt", b" \r\n\t\n  \n"))
    assert article.status == "empty"
    assert "whitespace" in article.notes[-1]


def test_nul_bytes_named_txt_are_binary(tmp_path: Path) -> None:
    article = read_article(_file(tmp_path, "photo.txt", b"GIF89a\x01\x00\x01\x00\x00\xff"))
    assert article.status == "binary"
    assert "NUL" in article.notes[0]
    assert article.text == ""


def test_control_bytes_without_nul_are_binary(tmp_path: Path) -> None:
    data = bytes(range(1, 32)) * 20 + b"some text"
    assert read_article(_file(tmp_path, "x.txt", data)).status == "binary"


def test_a_stray_form_feed_is_still_text(tmp_path: Path) -> None:
    data = b"Page one.\x0cPage two: 5 people were killed on Friday, officials said.\n" * 3
    assert read_article(_file(tmp_path, "x.txt", data)).status == "ok"


def test_cp1252_curly_quotes_and_accents(tmp_path: Path) -> None:
    article = read_article(_file(tmp_path, "a.txt", CP1252_TEXT.encode("cp1252")))
    assert article.status == "ok"
    assert article.encoding == "cp1252"
    assert article.text == CP1252_TEXT
    assert "\u201cMore than 120" in article.text
    assert any("cp1252" in note for note in article.notes)


def test_cp1252_offsets_index_the_decoded_text(tmp_path: Path) -> None:
    article = read_article(_file(tmp_path, "a.txt", CP1252_TEXT.encode("cp1252")))
    claims = _assert_claims_match(article.text, "a")
    mentions = [c.mention for c in claims]
    assert "More than 120" in mentions
    claim = claims[mentions.index("More than 120")]
    # The é and the curly quote before it are one character each in the decoded text.
    assert claim.char_start == CP1252_TEXT.index("More than 120")


def test_latin1_accents(tmp_path: Path) -> None:
    article = read_article(_file(tmp_path, "a.txt", LATIN1_TEXT.encode("latin-1")))
    assert article.status == "ok"
    assert article.text == LATIN1_TEXT
    assert "\u00e9crit" in article.text and "\u00ab" in article.text
    claims = _assert_claims_match(article.text, "a")
    assert [c.char_start for c in claims if c.low == 45] == [LATIN1_TEXT.index("At least 45")]


def test_utf8_bom_removed(tmp_path: Path) -> None:
    text = "Officials said 37 people died in the attack on Friday.\n"
    article = read_article(_file(tmp_path, "a.txt", codecs.BOM_UTF8 + text.encode()))
    assert article.status == "ok"
    assert article.text == text
    assert article.encoding == "utf-8-sig"
    assert not article.text.startswith("\ufeff")
    claims = _assert_claims_match(article.text, "a")
    assert [c.char_start for c in claims] == [text.index("37")]


def test_bom_only_file_is_empty(tmp_path: Path) -> None:
    assert read_article(_file(tmp_path, "a.txt", codecs.BOM_UTF8)).status == "empty"


def test_utf16_with_bom(tmp_path: Path) -> None:
    text = "Nearly 60 fighters were killed on Saturday.\n"
    article = read_article(_file(tmp_path, "a.txt", text.encode("utf-16")))
    assert (article.status, article.text) == ("ok", text)


def test_crlf_kept_and_offsets_exact(tmp_path: Path) -> None:
    article = read_article(_file(tmp_path, "a.txt", CRLF_TEXT.encode()))
    assert article.text == CRLF_TEXT
    assert "\r\n" in article.text
    claims = _assert_claims_match(article.text, "a")
    assert [c.char_start for c in claims if c.low == 80] == [CRLF_TEXT.index("Around 80")]


def test_html_page_extracts_the_article_without_boilerplate(tmp_path: Path) -> None:
    article = read_article(_file(tmp_path, "page.html", HTML_PAGE.encode()))
    assert article.status == "ok"
    assert article.fmt == "html"
    assert "At least 230 people have been killed" in article.text
    for words in BOILERPLATE:
        assert words not in article.text
    assert "<" not in article.text
    claims = _assert_claims_match(article.text, "page")
    assert 230 in {c.low for c in claims}
    assert 9000 not in {c.low for c in claims}


def test_html_recognised_by_content_in_a_txt_file(tmp_path: Path) -> None:
    article = read_article(_file(tmp_path, "saved.txt", HTML_PAGE.encode()))
    assert article.fmt == "html"
    assert "Scroll to Top" not in article.text


def test_html_page_without_article_is_empty(tmp_path: Path) -> None:
    page = (
        b"<!DOCTYPE html><html><head><title>x</title></head>"
        b"<body><script>var a = 1;</script></body></html>"
    )
    article = read_article(_file(tmp_path, "nav.html", page))
    assert article.status == "empty"
    assert "HTML" in article.notes[-1]


def test_html_in_cp1252_declared_by_meta(tmp_path: Path) -> None:
    page = HTML_PAGE.replace('charset="utf-8"', 'charset="windows-1252"').replace(
        "many of the victims", "many of the victims \u2013 caf\u00e9 owners \u2013"
    )
    article = read_article(_file(tmp_path, "p.html", page.encode("cp1252")))
    assert article.status == "ok"
    assert "caf\u00e9 owners \u2013" in article.text
    assert "cp1252" in article.encoding


def test_plain_text_mentioning_html_is_not_a_page() -> None:
    assert not looks_like_html_page("The <html> tag starts a page. 5 people were killed.")
    assert looks_like_html_page("\n  <!doctype html>\n<html>")


def test_50_mb_file_refused_from_its_size(tmp_path: Path, monkeypatch) -> None:
    path = tmp_path / "huge.txt"
    with path.open("wb") as handle:
        handle.truncate(50 * 1024 * 1024)
    opened = []
    real_open = Path.open
    monkeypatch.setattr(
        Path, "open", lambda self, *a, **k: opened.append(self) or real_open(self, *a, **k)
    )
    article = read_article(path)
    assert article.status == "too_large"
    assert "52,428,800 bytes" in article.notes[0]
    assert f"{config.MAX_FILE_BYTES:,}" in article.notes[0]
    assert opened == []  # decided from the size alone


def test_size_limit_is_a_parameter(tmp_path: Path) -> None:
    path = _file(tmp_path, "a.txt", b"x" * 101)
    assert read_article(path, max_bytes=100).status == "too_large"
    assert read_article(path, max_bytes=101).status == "ok"


def test_dangling_symlink_is_unreadable(tmp_path: Path) -> None:
    link = tmp_path / "gone.txt"
    os.symlink(tmp_path / "nowhere", link)
    article = read_article(link)
    assert article.status == "unreadable"
    assert "cannot open" in article.notes[0]


def test_directory_is_unreadable(tmp_path: Path) -> None:
    assert read_article(tmp_path).status == "unreadable"


def test_sha256_is_of_the_raw_bytes(tmp_path: Path) -> None:
    import hashlib

    data = codecs.BOM_UTF8 + b"Five people were killed."
    article = read_article(_file(tmp_path, "a.txt", data))
    assert article.sha256 == hashlib.sha256(data).hexdigest()
    assert article.size == len(data)


@pytest.mark.parametrize(
    "text",
    [
        "Plain ASCII only.",
        "Caf\u00e9 \u201cquoted\u201d \u2013 done",
        "\u00e0\u00e9\u00ee\u00f5\u00fc",
    ],
)
def test_decode_bytes_round_trips_cp1252(text: str) -> None:
    decoded, encoding, _ = decode_bytes(text.encode("cp1252"))
    assert decoded == text
    assert encoding in ("utf-8", "cp1252")


def test_cyrillic_legacy_text_is_not_forced_into_cp1252() -> None:
    text = "\u0412 \u0440\u0435\u0437\u0443\u043b\u044c\u0442\u0430\u0442\u0435 " * 20
    _, encoding, notes = decode_bytes(text.encode("cp1251"))
    assert encoding != "cp1252"
    assert "charset-normalizer" in notes[0]
