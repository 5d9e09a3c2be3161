"""Raw file → decoded article text, with a status for the ledger.

The text returned here is the text every offset in claims.csv refers to (and what
`tolltrace text FILE` prints). It is never normalised: CRLF and CR line ends, tabs and
trailing whitespace stay exactly as decoded, because `text[char_start:char_end]` must
equal the claim's mention.

Statuses (the `status` field of model.ArticleText):
  ok          decoded; notes say how when it was not plain UTF-8 text
  empty       nothing but whitespace (after HTML extraction, for pages)
  binary      NUL bytes or mostly control bytes: not text, skipped
  too_large   bigger than `max_bytes`; refused from its size, without being read
  unreadable  could not be opened, read or decoded
"""

from __future__ import annotations

import codecs
import hashlib
import re
from html.parser import HTMLParser
from pathlib import Path

from tolltrace import config
from tolltrace.model import ArticleText

HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml", ".shtml"})

# Bytes that do not occur in text files: C0 controls except tab, LF, VT, FF, CR and ESC.
_CONTROL_BYTES = bytes([*range(0x01, 0x09), *range(0x0E, 0x1B), *range(0x1C, 0x20), 0x7F])
_TEXT_BYTES = bytes(b for b in range(256) if b not in _CONTROL_BYTES)
# Share of control bytes (in the first BINARY_SAMPLE bytes) above which a file is binary.
BINARY_CONTROL_SHARE = 0.05
BINARY_SAMPLE = 65536

# Above this share of non-ASCII letters (and this many of them), cp1252 is probably the
# wrong legacy guess (Cyrillic or Greek text, say) and charset-normalizer is asked instead.
_MAX_NON_ASCII_LETTER_SHARE = 0.2
_MIN_NON_ASCII_LETTERS = 20

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_HTML_START = re.compile(
    r"\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html)\b", re.I | re.S
)
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)


# A text file with at most this many NUL bytes (a stray one from a bad copy), each among
# at least STRAY_NUL_SPACING bytes of text, is read.
STRAY_NUL_BYTES = 3
STRAY_NUL_SPACING = 20
# UTF-16 or UTF-32 without a byte-order mark: in mostly-Latin text the high bytes of each
# code unit are NUL and the low byte is not. Codec, unit width, offsets in the unit that
# are mostly NUL, offset that is almost never NUL; the shares are of the first bytes.
_WIDE_CODECS = (
    ("utf-32-le", 4, (2, 3), 0),
    ("utf-32-be", 4, (0, 1), 3),
    ("utf-16-le", 2, (1,), 0),
    ("utf-16-be", 2, (0,), 1),
)
_WIDE_NUL_SHARE = 0.3
_WIDE_OTHER_NUL_SHARE = 0.02
# What a refused binary file probably is, from its first bytes, and what to do.
_BINARY_KINDS = (
    (b"%PDF", "a PDF"),
    (b"PK\x03\x04", "a ZIP-based document (DOCX, ODT, EPUB or XLSX)"),
    (b"\xd0\xcf\x11\xe0", "an old Office document (DOC or XLS)"),
    (b"{\\rtf", "an RTF document"),
)


def _stray_nuls(data: bytes) -> bool:
    """Whether the NUL bytes of `data` are a stray few in a text, not a binary format."""
    nuls = data.count(0)
    if nuls > STRAY_NUL_BYTES or len(data) < STRAY_NUL_SPACING * nuls:
        return False
    rest = data[:BINARY_SAMPLE].replace(b"\x00", b"")
    return len(rest.translate(None, _TEXT_BYTES)) <= BINARY_CONTROL_SHARE * len(rest)


def _binary_hint(data: bytes) -> str:
    for magic, kind in _BINARY_KINDS:
        if data.startswith(magic):
            return f" ({kind}; save it as plain text or HTML to process it)"
    return ""


def _wide_without_bom(data: bytes) -> tuple[str, str, list[str]] | None:
    """(text, codec, notes) when `data` reads as UTF-32 or UTF-16 without a byte-order mark."""
    sample = data[:BINARY_SAMPLE]
    for codec, width, nul_at, text_at in _WIDE_CODECS:
        units = len(sample) // width
        if units == 0:
            continue

        def nul_share(offset: int, width: int = width, units: int = units) -> float:
            return sample[offset : units * width : width].count(0) / units

        if (
            all(nul_share(i) >= _WIDE_NUL_SHARE for i in nul_at)
            and nul_share(text_at) <= _WIDE_OTHER_NUL_SHARE
        ):
            try:
                text = data.decode(codec)
            except UnicodeDecodeError:
                continue
            return text, codec, [f"{codec.upper()} without a byte-order mark; decoded as {codec}"]
    return None


class _Refused(Exception):
    """Internal: reading stops with a status other than ok."""

    def __init__(self, status: str, note: str) -> None:
        super().__init__(note)
        self.status = status
        self.note = note


def read_article(path: Path, max_bytes: int = config.MAX_FILE_BYTES) -> ArticleText:
    """Read one raw file and return its decoded text with a status and notes.

    The size limit is checked from the file's size before any byte is read, so a huge
    file costs nothing. Never raises for a bad file: problems come back as a status.
    """
    path = Path(path)
    try:
        size = path.stat().st_size
    except OSError as err:
        return _refused("unreadable", f"cannot open the file: {err.strerror or err}")
    if not path.is_file():
        return _refused("unreadable", "not a regular file", size=size)
    if size > max_bytes:
        return _refused(
            "too_large",
            f"file is {size:,} bytes, above the size limit of {max_bytes:,} bytes "
            "(config.MAX_FILE_BYTES); refused without reading it",
            size=size,
        )
    try:
        with path.open("rb") as handle:
            # Read what stat() announced (a buffer of max_bytes for every small file
            # costs more than the read), then anything the file grew by since.
            data = handle.read(size + 1)
            if len(data) > size:
                data += handle.read(max_bytes + 1 - len(data))
    except OSError as err:
        return _refused("unreadable", f"cannot read the file: {err.strerror or err}", size=size)
    digest = hashlib.sha256(data).hexdigest()
    if len(data) > max_bytes:  # the file grew after stat()
        return _refused(
            "too_large",
            f"file is over the size limit of {max_bytes:,} bytes; refused",
            size=len(data),
            sha256=digest,
        )
    try:
        text, encoding, notes = decode_bytes(data, html_hint=path.suffix.lower() in HTML_SUFFIXES)
        fmt = "text"
        if path.suffix.lower() in HTML_SUFFIXES or looks_like_html_page(text):
            page, text = text, html_to_text(text)
            fmt = "html"
            notes.append("article text extracted from the HTML page with trafilatura")
            if not text.strip() and nesting_depth(page) > LXML_MAX_DEPTH:
                text = plain_page_text(page)
                notes.append(
                    f"the page nests tags over {LXML_MAX_DEPTH} deep, past trafilatura's "
                    "parser; text taken from all of its paragraphs instead"
                )
    except _Refused as refusal:
        return _refused(refusal.status, refusal.note, size=len(data), sha256=digest)
    if not text.strip():
        note = "no article text found in the HTML page" if fmt == "html" else "empty file"
        if fmt == "text" and data:
            note = "whitespace only"
        return ArticleText(
            text="",
            encoding=encoding,
            fmt=fmt,
            notes=[*notes, note],
            status="empty",
            sha256=digest,
            size=len(data),
        )
    return ArticleText(
        text=text,
        encoding=encoding,
        fmt=fmt,
        notes=notes,
        status="ok",
        sha256=digest,
        size=len(data),
    )


def _refused(status: str, note: str, *, size: int = 0, sha256: str = "") -> ArticleText:
    """An ArticleText without text, for a file that could not be used."""
    return ArticleText(
        text="", encoding="", fmt="", notes=[note], status=status, sha256=sha256, size=size
    )


def decode_bytes(data: bytes, html_hint: bool = False) -> tuple[str, str, list[str]]:
    """Decode raw bytes to text: returns (text, encoding name, notes).

    Order: a byte-order mark decides (and is removed); NUL or control bytes mean binary;
    then strict UTF-8; for pages, a declared <meta charset>; then cp1252 (a superset of
    Latin-1's printable characters) unless the result looks like another script, in which
    case charset-normalizer guesses; Latin-1 is the last resort and never fails.
    Raises _Refused for binary or undecodable data.
    """
    notes: list[str] = []
    for bom, codec in _BOMS:
        if data.startswith(bom):
            try:
                text = data[len(bom) :].decode(codec)
            except UnicodeDecodeError as err:
                if codec != "utf-8":
                    raise _Refused(
                        "unreadable",
                        f"starts with a {codec} byte-order mark but is not {codec}: {err.reason}",
                    ) from err
                # A UTF-8 mark before a legacy body (an editor added it): read the body.
                data = data[len(bom) :]
                notes.append("starts with a UTF-8 byte-order mark but is not UTF-8; mark removed")
                break
            name = "utf-8-sig" if codec == "utf-8" else codec
            return text, name, [f"{codec.upper()} byte-order mark removed"]
    if b"\x00" in data:
        wide = _wide_without_bom(data)
        if wide is not None:
            return wide
        if not _stray_nuls(data):
            raise _Refused("binary", f"contains NUL bytes: not a text file{_binary_hint(data)}")
        notes.append(f"{data.count(0)} stray NUL byte(s) kept as U+0000")
    text, name, more = _decode_legacy(data, html_hint)
    return text, name, notes + more


def _decode_legacy(data: bytes, html_hint: bool) -> tuple[str, str, list[str]]:
    """decode_bytes after the byte-order mark and NUL checks."""
    sample = data[:BINARY_SAMPLE]
    if sample and len(sample.translate(None, _TEXT_BYTES)) > BINARY_CONTROL_SHARE * len(sample):
        raise _Refused("binary", "mostly control bytes: not a text file")
    try:
        return data.decode("utf-8"), "utf-8", []
    except UnicodeDecodeError:
        pass
    if html_hint or looks_like_html_page(data[:4096].decode("latin-1")):
        declared = _declared_charset(data)
        if declared:
            try:
                text = data.decode(declared)
                return text, declared, [f"not UTF-8; decoded as {declared}, as the page declares"]
            except UnicodeDecodeError:
                pass
    try:
        text = data.decode("cp1252")
        if _plausible_western(text):
            return text, "cp1252", ["not UTF-8; decoded as cp1252 (Windows-1252, covers Latin-1)"]
    except UnicodeDecodeError:
        pass
    guessed = _charset_normalizer_guess(data)
    if guessed is not None:
        text, name = guessed
        return text, name, [f"not UTF-8; decoded as {name} (detected by charset-normalizer)"]
    return data.decode("latin-1"), "latin-1", ["not UTF-8; decoded as Latin-1 (last resort)"]


def _declared_charset(data: bytes) -> str | None:
    """The codec named by a page's <meta charset>, if Python knows it."""
    match = _META_CHARSET.search(data[:4096])
    if not match:
        return None
    try:
        return codecs.lookup(match.group(1).decode("ascii")).name
    except (LookupError, UnicodeDecodeError):
        return None


def _plausible_western(text: str) -> bool:
    """True when a cp1252 decoding reads like Western European text, not mojibake."""
    letters = 0
    non_ascii = 0
    for char in text:
        if char.isalpha():
            letters += 1
            if ord(char) > 0x7F:
                non_ascii += 1
    return non_ascii < _MIN_NON_ASCII_LETTERS or non_ascii <= _MAX_NON_ASCII_LETTER_SHARE * letters


def _charset_normalizer_guess(data: bytes) -> tuple[str, str] | None:
    """charset-normalizer's best decoding of `data`, or None."""
    # Imported here: most corpora never need a guess, and the import costs each worker.
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None or best.encoding is None:
        return None
    try:
        return data.decode(best.encoding), best.encoding
    except (LookupError, UnicodeDecodeError):
        return None


def looks_like_html_page(text: str) -> bool:
    """True when text is clearly a whole HTML page (starts with a doctype or <html>)."""
    return _HTML_START.match(text[:4096]) is not None


def html_to_text(page: str) -> str:
    """The article text of an HTML page, without navigation, comments or share buttons.

    trafilatura keeps the headline and body paragraphs (one per line) and drops
    boilerplate; it returns nothing when it finds no article, which callers treat as empty.
    """
    import trafilatura  # here: only saved web pages need it, and it takes a second to import

    try:
        text = trafilatura.extract(
            page,
            output_format="txt",
            include_comments=False,
            include_tables=False,
            include_images=False,
            include_links=False,
            deduplicate=False,
        )
    except Exception as err:  # trafilatura raises assorted parser errors on broken pages
        raise _Refused(
            "unreadable", f"HTML extraction failed: {type(err).__name__}: {err}"
        ) from err
    return text or ""


# libxml2, under trafilatura, stops reading a page nested deeper than this.
LXML_MAX_DEPTH = 255
_VOID_TAGS = frozenset("area base br col embed hr img input link meta source track wbr".split())
_SKIPPED_TAGS = frozenset({"script", "style", "noscript", "template"})
_BLOCK_TAGS = frozenset(
    "p div h1 h2 h3 h4 h5 h6 li td th tr br section article header footer blockquote".split()
)


class _PageText(HTMLParser):
    """The depth of a page's tags, and its text with a line break at each block."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.depth = self.deepest = self.skipping = 0
        self.parts: list[str] = []

    def handle_starttag(self, tag: str, attrs: list) -> None:
        if tag in _VOID_TAGS:
            if tag == "br":
                self.parts.append("\n")
            return
        self.depth += 1
        self.deepest = max(self.deepest, self.depth)
        self.skipping += tag in _SKIPPED_TAGS
        if tag in _BLOCK_TAGS:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in _VOID_TAGS:
            return
        self.depth = max(0, self.depth - 1)
        self.skipping = max(0, self.skipping - (tag in _SKIPPED_TAGS))
        if tag in _BLOCK_TAGS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self.skipping:
            self.parts.append(data)


def _parse_page(page: str) -> _PageText:
    parser = _PageText()
    parser.feed(page)
    parser.close()
    return parser


def nesting_depth(page: str) -> int:
    """How deep the page's tags nest (unclosed tags count as open)."""
    return _parse_page(page).deepest


def plain_page_text(page: str) -> str:
    """Every text of the page outside scripts and styles, one block a line."""
    lines = (" ".join(line.split()) for line in "".join(_parse_page(page).parts).splitlines())
    return "\n".join(line for line in lines if line)
