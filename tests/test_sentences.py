"""Sentence spans: offsets, paragraphs, abbreviations, CRLF."""

from __future__ import annotations

from tolltrace.sentences import sentence_at, split_sentences


def texts(text: str):
    return [text[s.start : s.end] for s in split_sentences(text)]


def test_splits_on_full_stops_and_lines():
    text = "Title line\n\nFirst one. Second one! Third?\nNext paragraph."
    assert texts(text) == ["Title line", "First one.", "Second one!", "Third?", "Next paragraph."]
    assert [s.paragraph for s in split_sentences(text)] == [0, 1, 1, 1, 2]


def test_abbreviations_and_decimals_do_not_split():
    text = "Dr. Smith said 2.5 million people in the U.S. were affected. Then it ended."
    assert texts(text) == [
        "Dr. Smith said 2.5 million people in the U.S. were affected.",
        "Then it ended.",
    ]


def test_crlf_and_bullets_keep_exact_offsets():
    text = "One.\r\n- Hundreds fled.\r\n"
    spans = split_sentences(text)
    assert [text[s.start : s.end] for s in spans] == ["One.", "Hundreds fled."]


def test_sentence_at_finds_the_containing_sentence():
    text = "First one. Second one."
    spans = split_sentences(text)
    assert sentence_at(spans, text.index("Second")) == spans[1]
    assert sentence_at(spans, len(text) + 5) is None
