"""Every path and default the project uses. Nothing else builds paths from strings."""

from __future__ import annotations

import os
from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent


def _find_root() -> Path:
    override = os.environ.get("TOLLTRACE_ROOT")
    if override:
        return Path(override).resolve()
    # src/tolltrace/config.py → the checkout is two levels above the package.
    return PACKAGE_DIR.parents[1]


PROJECT_ROOT = _find_root()
DATA_DIR = PROJECT_ROOT / "data"
RAW_DIR = DATA_DIR / "raw"
PROCESSED_DIR = DATA_DIR / "processed"
REPORTS_DIR = PROJECT_ROOT / "reports"
NOTEBOOKS_DIR = PROJECT_ROOT / "notebooks"

MANIFEST_NAME = "articles.csv"
CORPUS_CONFIG_NAME = "corpus.toml"
CORRECTIONS_NAME = "corrections.csv"
SOURCES_OVERRIDE_NAME = "sources.csv"
# The raw folder's settings files: never read as articles, each part of a build's fingerprint.
SETTINGS_FILES = (MANIFEST_NAME, CORPUS_CONFIG_NAME, SOURCES_OVERRIDE_NAME, CORRECTIONS_NAME)

# The word lists and alias tables a journalist may extend (see docs/rules.md).
LEXICON_DIR = PACKAGE_DIR / "extract" / "lexicon"
BUILTIN_SOURCES = LEXICON_DIR / "sources.csv"

KERNEL_NAME = "tolltrace"

# Files above this size are refused with a message instead of being read into memory.
MAX_FILE_BYTES = 20 * 1024 * 1024
