"""The raw folder's files: which are articles, their ids, and how a manifest's names meet
the names on disk. Names, not Path objects: at 100,000 files building and joining Paths
cost a second."""

from __future__ import annotations

import operator
import os
import unicodedata
from collections import Counter
from collections.abc import Iterable
from dataclasses import replace
from pathlib import Path

from tolltrace import config
from tolltrace.ingest.manifest import Manifest

IGNORED_NAMES = frozenset(config.SETTINGS_FILES)
SETTINGS_TABLES = tuple(sorted(name for name in IGNORED_NAMES if name.endswith(".csv")))


def list_raw_files(raw_dir: Path) -> tuple[list[str], list[str]]:
    """Names of the article files in raw_dir (sorted) and warnings about what was passed over.

    Names, not Path objects: at 100,000 files building and joining Paths cost a second.
    """
    names = []
    warnings = []
    with os.scandir(raw_dir) as entries:
        listed = sorted(
            ((entry.name, _is_dir(entry), entry.is_symlink()) for entry in entries), key=_first
        )
    inside = os.path.realpath(raw_dir)
    for name, is_dir, is_link in listed:
        if name.startswith(".") or name in IGNORED_NAMES:
            continue
        if name.lower().endswith(".csv"):
            warnings.append(
                f"{Path(raw_dir) / name}: a CSV file, not read as an article (the raw folder's "
                f"settings are {', '.join(SETTINGS_TABLES)}); if it is your manifest, rename "
                f"it {config.MANIFEST_NAME}"
            )
            continue
        if not _is_utf8(name):
            shown = name.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
            warnings.append(
                f"{Path(raw_dir) / shown}: file name is not UTF-8 text, so tables cannot name "
                "it; not read. Rename the file (for example with convmv) to process it"
            )
            continue
        if is_dir:
            warnings.append(
                f"{Path(raw_dir) / name}: subfolder not searched; move its articles up to "
                "process them"
            )
            continue
        if is_link and os.path.dirname(os.path.realpath(os.path.join(raw_dir, name))) != inside:
            warnings.append(
                f"{Path(raw_dir) / name}: a link to a file outside the raw folder; not read. "
                "Copy the file into the folder to process it"
            )
            continue
        names.append(name)
    return names, warnings


def _is_utf8(name: str) -> bool:
    try:
        name.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _is_dir(entry: os.DirEntry) -> bool:
    """Path.is_dir's answer (symlinks followed, False when the entry cannot be examined)."""
    try:
        return entry.is_dir()
    except OSError:
        return False


_first = operator.itemgetter(0)


def raw_file_path(raw_dir: Path, name: str) -> str:
    """str(raw_dir / name) for a plain file name, without building a Path."""
    base = str(raw_dir)
    return name if base == "." else os.path.join(base, name)


def assign_article_ids(names: Iterable[str]) -> dict[str, str]:
    """file name → article_id: the stem, or the whole name when stems collide (also with
    another file's whole name: "a", "a.txt" and "a.txt.html" are a, a.txt, a.txt.html)."""
    stem_of = {name: file_stem(name) or name for name in names}
    counts = Counter(stem_of.values())
    ids = {name: stem if counts[stem] == 1 else name for name, stem in stem_of.items()}
    # File names are unique, so moving every clashing stem to its whole name ends.
    while True:
        taken = Counter(ids.values())
        clashing = [name for name, i in ids.items() if i != name and taken[i] > 1]
        if not clashing:
            return ids
        for name in clashing:
            ids[name] = name


def file_stem(name: str) -> str:
    """Path(name).stem, computed on the string for a plain file name (pathlib is slow
    enough to matter at 100,000 files)."""
    if "/" in name or name in ("", "."):
        return Path(name).stem
    dot = name.rfind(".")
    return name[:dot] if 0 < dot < len(name) - 1 else name


def match_spellings(manifest: Manifest, present: set[str]) -> None:
    """Give a manifest row the on-disk spelling of its file when the two differ only in
    Unicode normalisation ("café" typed as one é, stored by macOS as e and an accent)."""
    unmatched = [name for name in manifest.entries if name not in present and not name.isascii()]
    if not unmatched:
        return
    on_disk = {unicodedata.normalize("NFC", n): n for n in present if not n.isascii()}
    for name in unmatched:
        disk = on_disk.get(unicodedata.normalize("NFC", name))
        if disk is not None and disk not in manifest.entries:
            entry = manifest.entries.pop(name)
            manifest.entries[disk] = replace(entry, file=disk)
