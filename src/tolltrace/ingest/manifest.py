"""The raw folder's manifest, articles.csv: what is known about each file.

Columns: file, outlet, url, published, language, sha256, notes. Every field but `file`
may be blank; `published` is a date (YYYY-MM-DD) or an ISO 8601 timestamp. Problems come
back as messages naming the manifest's line, never as exceptions, except a manifest that
cannot be parsed at all (ManifestError, naming the file and line). No manifest at all is
fine: every field is then unknown.
"""

from __future__ import annotations

import csv
import datetime as dt
import functools
import io
import re
from dataclasses import dataclass, field
from pathlib import Path

from tolltrace import config
from tolltrace.ingest.corpus import EARLIEST_YEAR, LATEST_YEAR

MANIFEST_COLUMNS = ("file", "outlet", "url", "published", "language", "sha256", "notes")
_SHA256 = re.compile(r"[0-9a-f]{64}\Z")


class ManifestError(ValueError):
    """The manifest cannot be read; the message names the file and, where known, the line."""


@dataclass(frozen=True, slots=True)
class ManifestEntry:
    """One manifest row. `published` is normalised ISO text or "" when blank or malformed."""

    file: str
    line: int
    outlet: str = ""
    url: str = ""
    published: str = ""
    language: str = ""
    sha256: str = ""
    notes: str = ""
    warnings: tuple[str, ...] = ()


@dataclass(slots=True)
class Manifest:
    """A parsed manifest: entries by file name, and warnings about the manifest itself."""

    path: Path | None
    entries: dict[str, ManifestEntry] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)

    @property
    def lists_files(self) -> bool:
        """True when the manifest exists and names at least one file."""
        return bool(self.entries)


@functools.lru_cache(maxsize=4096)  # a corpus repeats a few hundred dates many times
def normalise_published(value: str) -> str | None:
    """ISO text for a date or timestamp ("" for blank); None when it is neither."""
    value = value.strip()
    if not value:
        return ""
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        try:
            return dt.date.fromisoformat(value).isoformat()
        except ValueError:
            return None
    if re.match(r"\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}", value):
        try:
            return dt.datetime.fromisoformat(value).isoformat()
        except ValueError:
            return None
    return None


def read_manifest(raw_dir: Path) -> Manifest:
    """Read RAW_DIR/articles.csv; a missing manifest gives an empty Manifest without warnings."""
    path = Path(raw_dir) / config.MANIFEST_NAME
    if not path.is_file():
        return Manifest(path=None)
    try:
        data = path.read_bytes()
    except OSError as err:
        raise ManifestError(f"{path}: cannot read the manifest: {err.strerror or err}") from err
    manifest = Manifest(path=path)
    text = _decode(path, data, manifest)
    records = _records(path, text)
    if not records:
        manifest.warnings.append(f"{path}: the manifest is empty; it lists no files")
        return manifest
    header_line, header = records[0]
    names = [name.strip().lower() for name in header]
    _check_header(path, header_line, names, manifest)
    for line, row in records[1:]:
        _add_row(path, line, names, row, manifest)
    if not manifest.entries:
        manifest.warnings.append(f"{path}: the manifest is empty; it lists no files")
    return manifest


def _decode(path: Path, data: bytes, manifest: Manifest) -> str:
    """The manifest's text: UTF-8 (with or without BOM), or cp1252 with a warning."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        bad_line = data.count(b"\n", 0, err.start) + 1
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError as err:
        raise ManifestError(
            f"{path}, line {bad_line}: not UTF-8 text (byte {err.start}); save it as UTF-8"
        ) from err
    manifest.warnings.append(f"{path}, line {bad_line}: not UTF-8; read as cp1252")
    return text


def _records(path: Path, text: str) -> list[tuple[int, list[str]]]:
    """Non-blank CSV records with the line each starts on; ManifestError if unparsable."""
    if "\x00" in text:
        line = text.count("\n", 0, text.index("\x00")) + 1
        raise ManifestError(f"{path}, line {line}: contains NUL bytes; not a CSV file")
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    records = []
    end = 0
    try:
        for row in reader:
            start, end = end + 1, reader.line_num
            if any(cell.strip() for cell in row):
                records.append((start, row))
    except csv.Error as err:
        raise ManifestError(
            f"{path}, line {reader.line_num}: cannot parse the manifest as CSV: {err}"
        ) from err
    return records


def _check_header(path: Path, line: int, names: list[str], manifest: Manifest) -> None:
    """Reject a header without `file` or with repeated names; warn about unknown columns."""
    if "file" not in names:
        raise ManifestError(
            f"{path}, line {line}: the header has no 'file' column "
            f"(expected: {', '.join(MANIFEST_COLUMNS)})"
        )
    repeated = sorted({n for n in names if n and names.count(n) > 1})
    if repeated:
        raise ManifestError(f"{path}, line {line}: repeated column(s): {', '.join(repeated)}")
    unknown = [n for n in names if n not in MANIFEST_COLUMNS]
    if unknown:
        manifest.warnings.append(
            f"{path}, line {line}: unknown column(s) ignored: "
            f"{', '.join(repr(n) for n in unknown)} (known: {', '.join(MANIFEST_COLUMNS)})"
        )


def _add_row(path: Path, line: int, names: list[str], row: list[str], manifest: Manifest) -> None:
    """Turn one data record into an entry, or a warning saying why it was ignored."""
    if len(row) > len(names):
        manifest.warnings.append(
            f"{path}, line {line}: {len(row)} fields but the header has {len(names)}; "
            "extra fields ignored"
        )
    cells = dict.fromkeys(names, "") if len(row) < len(names) else {}
    cells.update(zip(names, map(str.strip, row), strict=False))  # stops at the shorter
    name = cells["file"]
    if not name:
        manifest.warnings.append(f"{path}, line {line}: no file name; row ignored")
        return
    if name in manifest.entries:
        first = manifest.entries[name].line
        manifest.warnings.append(
            f"{path}, line {line}: duplicate row for {name} (first listed on line {first}); "
            "this row ignored"
        )
        return
    warnings = []
    published = normalise_published(cells.get("published", ""))
    if published is None:
        warnings.append(
            f"manifest line {line}: published {cells['published']!r} is not a date "
            "(YYYY-MM-DD) or ISO timestamp; publication date treated as unknown"
        )
        published = ""
    elif published and not EARLIEST_YEAR <= int(published[:4]) <= LATEST_YEAR:
        warnings.append(
            f"manifest line {line}: published {cells['published']!r} is outside "
            f"{EARLIEST_YEAR}-{LATEST_YEAR}; publication date treated as unknown (check the year)"
        )
        published = ""
    sha256 = cells.get("sha256", "").lower()
    if sha256 and not _SHA256.match(sha256):
        warnings.append(
            f"manifest line {line}: sha256 {cells['sha256']!r} is not a 64-digit hex digest; "
            "not checked"
        )
        sha256 = ""
    manifest.entries[name] = ManifestEntry(
        file=name,
        line=line,
        outlet=cells.get("outlet", ""),
        url=cells.get("url", ""),
        published=published,
        language=cells.get("language", ""),
        sha256=sha256,
        notes=cells.get("notes", ""),
        warnings=tuple(warnings),
    )
