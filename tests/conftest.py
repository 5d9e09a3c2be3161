"""Shared fixtures: the messy corpus of issue 5 and small raw folders."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

from messy_corpus import MessyCorpus, build_messy_corpus  # noqa: E402


@pytest.fixture
def messy_corpus(tmp_path: Path) -> MessyCorpus:
    """Every bad-input case (including a sparse 50 MB file) in a fresh raw folder."""
    return build_messy_corpus(tmp_path / "raw")


@pytest.fixture
def raw_dir(tmp_path: Path) -> Path:
    """An empty raw folder to fill in a test."""
    folder = tmp_path / "raw"
    folder.mkdir()
    return folder
