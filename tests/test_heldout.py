"""Regression tests on the synthetic evaluation sets tests/heldout and tests/blind.

Both sets were written blind to the extractor, and their first scores (recorded in their
READMEs) are the honest measures of generalisation. The extractor was improved against
them afterwards, so these tests now guard those improvements.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tolltrace.evaluate import read_gold, score
from tolltrace.extract import extract_claims

SETS = [Path(__file__).parent / "heldout", Path(__file__).parent / "blind"]


@pytest.mark.parametrize("folder", SETS, ids=lambda p: p.name)
def test_scores_do_not_regress(folder):
    claims = []
    for path in sorted((folder / "articles").glob("*.txt")):
        claims.extend(extract_claims(path.read_text(encoding="utf-8"), path.stem))
    result = score(claims, read_gold(folder / "claims.csv"))
    print("\n" + result.report())
    assert result.pair_precision >= 0.97
    assert result.pair_recall >= 0.97
    assert result.mention_precision >= 0.97
    assert result.field_accuracy["victim_group"] >= 0.9
    assert result.field_accuracy["source"] >= 0.85
