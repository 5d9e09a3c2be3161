"""Builds the messy test corpus of issue 5 into a folder: every bad-input case at once.

`build_messy_corpus(folder)` writes the files and a manifest and returns a MessyCorpus
telling the tests what each file should become in the ledger. Everything is generated
here (no committed binaries); the articles are short texts written for these tests, each
with its own figures so that only the intended copies are duplicates.
"""

from __future__ import annotations

import codecs
import hashlib
import os
from dataclasses import dataclass, field
from pathlib import Path

# The 50 MB case is a sparse file: it has the size without using the disk.
HUGE_BYTES = 50 * 1024 * 1024

CP1252_TEXT = (
    "Caf\u00e9 owners in Jabl\u00e9 said the shelling began at dawn.\n"
    "\u201cMore than 120 civilians have been killed since Thursday,\u201d the Syrian "
    "Observatory for Human Rights said \u2013 a figure the r\u00e9gime disputes.\n"
)
LATIN1_TEXT = (
    "Le correspondant \u00e0 Baniyas \u00e9crit: \u00ables combats continuent\u00bb.\n"
    "At least 45 people were killed on Saturday, the Syrian Observatory for Human "
    "Rights said. R\u00e9sidents fled to the hills.\n"
)
BOM_TEXT = (
    "Clashes spread to three villages.\nOfficials said 37 people died in the attack on Friday.\n"
)
CRLF_TEXT = (
    "Residents described a night of gunfire.\r\n"
    "\r\n"
    "Around 80 civilians were killed on Friday, according to the Syrian Observatory for "
    "Human Rights.\r\n"
    "Roads to the coast remain closed.\r\n"
)
UTF16_TEXT = "Nearly 60 fighters were killed in clashes on Saturday, a security official said.\n"
ORIGINAL_TEXT = (
    "The monitor published a new toll on Saturday.\n"
    "At least 311 civilians were killed since Thursday, according to the Syrian "
    "Observatory for Human Rights.\n"
)
# Same words as ORIGINAL_TEXT, only the whitespace differs.
RESPACED_TEXT = (
    "The  monitor published a new toll on Saturday.\r\n\r\n"
    "At least 311 civilians were killed   since Thursday, according to the Syrian\n"
    "Observatory for Human Rights.   \n"
)
UNLISTED_TEXT = "Some 25 people were killed in Latakia on Friday, the Syrian Observatory said.\n"
BAD_DATE_TEXT = "More than 90 people were killed on Saturday, the war monitor said.\n"
CHANGED_TEXT = "At least 17 people were killed in Tartus on Friday, officials said.\n"
SCRIPT_TEXT = (
    "Unrest in the coastal towns.\n"
    "At least 64 civilians were killed on Saturday <script>alert('toll')</script> "
    "<img src=x onerror=alert(1)> </script><script>alert(2)</script>, the Syrian "
    "Observatory for Human Rights said.\n"
)
FORMULA_TEXT = (
    '=HYPERLINK("http://example.invalid","click") More than 33 people were killed on '
    "Friday, the Syrian Observatory for Human Rights said.\n"
)
HTML_PAGE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Toll rises | Example News</title></head>
<body>
<header><nav><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li>
<li><a href="/sport">Sport</a></li></ul></nav></header>
<div class="share-buttons"><a href="#">Share on Facebook</a> <a href="#">Tweet</a></div>
<main><article>
<h1>Toll in coastal violence rises to 230, monitor says</h1>
<p>At least 230 people have been killed in the coastal region since Thursday, according
to the Syrian Observatory for Human Rights, which documents the conflict.</p>
<p>The monitor said many of the victims were civilians from villages near the coast, and
that roads into the area remained closed on Saturday.</p>
<p>The figures could not be independently verified, and officials did not respond to
requests for comment on the reported killings.</p>
</article></main>
<aside class="related"><h3>Related</h3><a href="/x">Five killed in road crash</a></aside>
<section id="comments"><h2>Leave a Comment</h2>
<div class="comment"><p>Reader: I heard 9000 people were killed.</p></div></section>
<a href="#top" class="scroll-to-top">Scroll to Top</a>
<footer><p>Copyright Example News. All rights reserved.</p></footer>
</body></html>
"""
BOILERPLATE = ("Scroll to Top", "Leave a Comment", "Share on Facebook", "Tweet", "9000", "Home")


@dataclass
class MessyCorpus:
    """The built folder and what the ledger should say about it."""

    folder: Path
    expected_status: dict[str, str] = field(default_factory=dict)
    texts: dict[str, str] = field(default_factory=dict)  # decoded text of readable files
    duplicates: dict[str, str] = field(default_factory=dict)  # file → file it copies


def _write(folder: Path, name: str, data: bytes) -> Path:
    """Write bytes to folder/name."""
    path = folder / name
    path.write_bytes(data)
    return path


def build_messy_corpus(folder: Path, huge: bool = True) -> MessyCorpus:
    """Write every bad-input case into `folder` (created) with a manifest; see MessyCorpus."""
    folder.mkdir(parents=True, exist_ok=True)
    corpus = MessyCorpus(folder)
    status = corpus.expected_status

    _write(folder, "01_empty.txt", b"")
    status["01_empty.txt"] = "empty"
    _write(folder, "02_blank.txt", b"  \r\n\t \n   \n")
    status["02_blank.txt"] = "empty"
    _write(folder, "03_image.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    status["03_image.txt"] = "binary"

    cases = {
        "04_cp1252.txt": (CP1252_TEXT.encode("cp1252"), CP1252_TEXT),
        "05_latin1.txt": (LATIN1_TEXT.encode("latin-1"), LATIN1_TEXT),
        "06_bom.txt": (codecs.BOM_UTF8 + BOM_TEXT.encode("utf-8"), BOM_TEXT),
        "07_crlf.txt": (CRLF_TEXT.encode("utf-8"), CRLF_TEXT),
        "08_utf16.txt": (UTF16_TEXT.encode("utf-16"), UTF16_TEXT),
        "10_original.txt": (ORIGINAL_TEXT.encode("utf-8"), ORIGINAL_TEXT),
        "11_copy.txt": (ORIGINAL_TEXT.encode("utf-8"), ORIGINAL_TEXT),
        "12_respaced.txt": (RESPACED_TEXT.encode("utf-8"), RESPACED_TEXT),
        "14_unlisted.txt": (UNLISTED_TEXT.encode("utf-8"), UNLISTED_TEXT),
        "15_bad_date.txt": (BAD_DATE_TEXT.encode("utf-8"), BAD_DATE_TEXT),
        "16_changed.txt": (CHANGED_TEXT.encode("utf-8"), CHANGED_TEXT),
        "17_script.txt": (SCRIPT_TEXT.encode("utf-8"), SCRIPT_TEXT),
        "18_formula.txt": (FORMULA_TEXT.encode("utf-8"), FORMULA_TEXT),
    }
    for name, (data, text) in cases.items():
        _write(folder, name, data)
        corpus.texts[name] = text
        status[name] = "ok"
    _write(folder, "09_page.html", HTML_PAGE.encode("utf-8"))
    status["09_page.html"] = "ok"
    status["11_copy.txt"] = status["12_respaced.txt"] = "duplicate"
    corpus.duplicates = {"11_copy.txt": "10_original.txt", "12_respaced.txt": "10_original.txt"}
    status["14_unlisted.txt"] = status["15_bad_date.txt"] = status["16_changed.txt"] = "warning"

    if huge:
        with (folder / "13_huge.txt").open("wb") as handle:
            handle.truncate(HUGE_BYTES)
        status["13_huge.txt"] = "too_large"
    os.symlink(folder / "no-such-target.txt", folder / "19_dangling.txt")
    status["19_dangling.txt"] = "unreadable"
    (folder / "subfolder").mkdir()
    (folder / ".hidden.txt").write_text("Hidden files are ignored: 5 killed.", encoding="utf-8")

    _write_manifest(folder, status)
    status["99_gone.txt"] = "missing"
    return corpus


def _write_manifest(folder: Path, status: dict[str, str]) -> None:
    """A manifest listing the files (not 14_unlisted), one missing file, a malformed date,
    a wrong sha256 and an unknown column."""
    lines = ["file,outlet,url,published,language,sha256,notes,editor"]
    for name in sorted(status):
        if name == "14_unlisted.txt":
            continue
        published = "2025-03-08"
        sha = ""
        if name == "15_bad_date.txt":
            published = "8th of March"
        if name == "16_changed.txt":
            sha = hashlib.sha256(b"the file as it was first collected").hexdigest()
        if name == "07_crlf.txt":
            published = "2025-03-07T18:30:00+02:00"
        lines.append(f"{name},Outlet {name[:2]},,{published},en,{sha},,someone")
    lines.append("99_gone.txt,Gone Daily,,2025-03-09,en,,,someone")
    (folder / "articles.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")
