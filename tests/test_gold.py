"""Score the extractor against the hand-annotated seed claims (tests/annotations/gold)."""

from __future__ import annotations

import pytest
from annotation_sets import annotations, article_paths, extracted_claims

from tolltrace.evaluate import score


@pytest.fixture(scope="module")
def seed_claims():
    return extracted_claims("gold")


@pytest.fixture(scope="module")
def result(seed_claims):
    outcome = score(seed_claims, annotations("gold"))
    print("\n" + outcome.report())
    return outcome


def test_death_pairs_meet_the_bar(result):
    assert result.pair_precision >= 0.95
    assert result.pair_recall >= 0.95


def test_mentions_found_at_exact_offsets(result):
    assert result.mention_precision >= 0.95
    assert result.mention_recall >= 0.95


def test_source_and_victim_group_mostly_right(result):
    assert result.field_accuracy["source"] >= 0.90
    assert result.field_accuracy["victim_group"] >= 0.90


def test_every_offset_slices_its_mention(seed_claims):
    texts = {p.stem: p.read_text(encoding="utf-8") for p in article_paths("gold")}
    for claim in seed_claims:
        assert texts[claim.article_id][claim.char_start : claim.char_end] == claim.mention
        sentence = texts[claim.article_id][claim.sentence_start : claim.sentence_end]
        assert sentence == claim.sentence
