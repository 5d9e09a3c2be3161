"""Number phrases: separators, words, ranges with a shared multiplier, qualifiers, vague words."""

from __future__ import annotations

import pytest

from tolltrace.extract.lexicon import vague_terms
from tolltrace.extract.numbers import find_number_phrases, parse_number


def one(text: str):
    phrases = find_number_phrases(text)
    assert len(phrases) == 1, phrases
    return phrases[0]


@pytest.mark.parametrize(
    ("words", "value"),
    [
        ("1,000", 1000),
        ("1.000", 1000),
        ("12,345,678", 12345678),
        ("2.5 million", 2_500_000),
        ("745", 745),
        ("five", 5),
        ("twenty-five", 25),
        ("two hundred and fifty", 250),
        ("two hundred fifty", 250),
        ("three thousand four hundred", 3400),
        ("a hundred", 100),
        ("a dozen", 12),
        ("two dozen", 24),
    ],
)
def test_parse_number(words, value):
    assert parse_number(words) == value


def test_decimal_without_scale_is_not_a_count():
    assert parse_number("1.5") is None


@pytest.mark.parametrize(
    ("text", "low", "high", "qualifier"),
    [
        ("300 to 400", 300, 400, "range"),
        ("300-400", 300, 400, "range"),
        ("300–400", 300, 400, "range"),
        ("between 30 and 40", 30, 40, "range"),
        ("three to four hundred", 300, 400, "range"),
        ("two or three", 2, 3, "range"),
    ],
)
def test_ranges(text, low, high, qualifier):
    p = one(text)
    assert (p.low, p.high, p.qualifier) == (low, high, qualifier)


def test_backwards_range_is_not_a_range():
    assert find_number_phrases("1990-91") == []


@pytest.mark.parametrize(
    ("text", "qualifier", "high"),
    [
        ("approximately 745", "about", 745),
        ("around 30", "about", 30),
        ("some 300", "about", 300),
        ("nearly 700", "about", 700),
        ("over 1,000", "more_than", None),
        ("more than 532", "more_than", None),
        ("at least 34", "at_least", None),
        ("no fewer than 12", "at_least", None),
        ("up to 400", "up_to", 400),
        ("as many as 90", "up_to", 90),
        ("a total of 18", "exact", 18),
    ],
)
def test_qualifiers(text, qualifier, high):
    p = one(text)
    assert p.qualifier == qualifier
    assert p.high == high
    assert p.text == text


@pytest.mark.parametrize(
    ("text", "term", "low"),
    [
        ("dozens", "dozens", 12),
        ("Several dozen", "several dozen", 24),
        ("hundreds", "hundreds", 100),
        ("Thousands", "thousands", 1000),
        ("tens of thousands", "tens of thousands", 10000),
        ("scores", "scores", 20),
    ],
)
def test_vague_words_are_coded_and_kept(text, term, low):
    p = one(text)
    assert (p.qualifier, p.vague_term, p.low, p.high) == ("vague", term, low, None)
    assert p.text == text


def test_vague_table_follows_acled_for_dozens_and_hundreds():
    assert vague_terms()["dozens"] == 12
    assert vague_terms()["hundreds"] == 100


def test_number_words_inside_other_words_are_ignored():
    assert find_number_phrases("someone, anyone, often, tenure") == []


def test_offsets_index_the_text():
    text = "Officials said more than 1,200 people died."
    p = one(text)
    assert text[p.start : p.end] == "more than 1,200"


@pytest.mark.parametrize(
    ("text", "phrases"),
    [
        # A day of a month joined by "to" to a number no day can be: the number alone.
        ("the toll since October 7 to 40,005", [("40,005", 40005, 40005, "exact")]),
        ("since Oct. 7 to 1,200 people", [("1,200", 1200, 1200, "exact")]),
        # A span of days stays one phrase (the extractor rejects it as a date).
        ("from March 6 to 10", [("6 to 10", 6, 10, "range")]),
        ("from 30 to 40 people", [("30 to 40", 30, 40, "range")]),
    ],
)
def test_a_day_of_a_month_is_no_range_start(text, phrases):
    found = [(p.text, p.low, p.high, p.qualifier) for p in find_number_phrases(text)]
    assert found == phrases
