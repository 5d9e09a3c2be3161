"""Characters of no width around and inside numbers (issue 26, case 7): a number is read as
its whole value or not at all, never as a smaller one. Sentences are invented."""

from __future__ import annotations

import pytest

from tolltrace.extract import extract_claims
from tolltrace.extract.invisible import FORMAT_CHARACTERS, for_matching

WRAPPERS = [
    ("\u202e", "\u202c"),  # right-to-left override ... pop directional formatting
    ("\u2066", "\u2069"),  # left-to-right isolate ... pop directional isolate
    ("\u2067", "\u2069"),  # right-to-left isolate
    ("\u200f", "\u200f"),  # right-to-left marks
    ("\ufeff", ""),  # a byte-order mark inside the text
]


@pytest.mark.parametrize(("before", "after"), WRAPPERS)
def test_a_number_wrapped_in_direction_marks_is_read(before, after):
    text = f"Officials said {before}1,200{after} people were killed in the floods."
    claims = extract_claims(text, "a")
    assert [(c.low, c.outcome) for c in claims] == [(1200, "killed")]
    assert claims[0].mention == text[claims[0].char_start : claims[0].char_end]
    assert claims[0].sentence == text[claims[0].sentence_start : claims[0].sentence_end]


@pytest.mark.parametrize(
    "middle", ["\u200b", "\u2060", "\u00ad", ",\u200b", "\u200e,", "\u200e\u00a0", "\u202c"]
)
def test_format_characters_inside_a_number_give_the_whole_number(middle):
    text = f"Officials said 1{middle}200 people were killed."
    claims = extract_claims(text, "a")
    assert [c.low for c in claims] == [1200]
    assert claims[0].mention == text[claims[0].char_start : claims[0].char_end]


def test_no_number_is_read_as_its_last_digits_or_as_zero():
    for char in FORMAT_CHARACTERS:
        for text in (f"Officials said 1{char}000 were killed.", f"Police said 12{char},500 died."):
            lows = [c.low for c in extract_claims(text, "a")]
            assert all(low >= 1000 for low in lows), (repr(char), lows)


def test_the_matching_copy_keeps_every_offset():
    text = "Police:\u2066 1\u200b200\u2069 dead, \u202eabc\u202c."
    copy = for_matching(text)
    assert len(copy) == len(text)
    assert copy == "Police:  1\u200b200  dead,  abc ."
    assert for_matching("plain text") == "plain text"
