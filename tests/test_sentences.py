"""Sentence spans: offsets, paragraphs, abbreviations, CRLF."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from tolltrace.extract.sentences import (
    _BOUNDARY_RE,
    _LINE_RE,
    Sentence,
    _append,
    _continues,
    _is_abbreviation,
    sentence_at,
    split_sentences,
)


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


def test_hard_wrapped_lines_inside_a_sentence_are_one_paragraph():
    text = (
        "Floods in the north\n"
        "12 people died on Monday.\n"
        "Sunday was the worst day of the floods so far, with at least\n"
        "40 people killed across the towns and villages of the\n"
        "region. Rescue goes on in the valley and on the hills above\n"
        "\n"
        "in the hills, officials said.\n"
        "Storm kills 12 in the north\n"
        "by a staff reporter\n"
        "killed: 12\n"
        "injured: 40"
    )
    wrapped = (
        "Sunday was the worst day of the floods so far, with at least\n40 people killed across "
        "the towns and villages of the\nregion."
    )
    assert texts(text) == [
        "Floods in the north",  # a title before a line opening with a digit stays apart
        "12 people died on Monday.",
        wrapped,
        "Rescue goes on in the valley and on the hills above",  # a blank line: no wrap
        "in the hills, officials said.",
        "Storm kills 12 in the north",  # a short line is no wrapped one
        "by a staff reporter",
        "killed: 12",  # nor one that ends on a figure
        "injured: 40",
    ]
    assert [s.paragraph for s in split_sentences(text)] == [0, 1, 2, 2, 3, 4, 5, 6, 7]


def test_sentence_at_finds_the_containing_sentence():
    text = "First one. Second one."
    spans = split_sentences(text)
    assert sentence_at(spans, text.index("Second")) == spans[1]
    assert sentence_at(spans, len(text) + 5) is None


def _reference_split(text: str) -> list[tuple[int, int, int]]:
    """The plain splitter: each paragraph (lines joined where one continues the sentence of
    the one before) scanned whole with the boundary pattern."""
    found: list[Sentence] = []
    paragraphs: list[tuple[int, int]] = []
    for line in _LINE_RE.finditer(text):
        if paragraphs and _continues(text, paragraphs[-1][1], line.start()):
            paragraphs[-1] = (paragraphs[-1][0], line.end())
        else:
            paragraphs.append((line.start(), line.end()))
    for paragraph, (start, stop) in enumerate(paragraphs):
        for b in _BOUNDARY_RE.finditer(text, start, stop):
            if text[b.start()] == "." and _is_abbreviation(text, b.start()):
                continue
            _append(text, found, start, b.end(), paragraph)
            start = b.end()
        _append(text, found, start, stop, paragraph)
    return [(s.start, s.end, s.paragraph) for s in found]


_PIECES = st.sampled_from(
    ["Mr.", "U.S.", "A.", "said", " ", "  ", "\t", "\n", "\r\n", "\r", ".", "!", "?", "...",
     "?!", '"', "”", ")", "A", "The", "12", "3.5", "-", "–", "•", "e.g.", "toll"]
)  # fmt: skip


@settings(max_examples=400, deadline=None)
@given(st.lists(_PIECES, max_size=30))
def test_split_equals_scanning_every_line_with_the_pattern(pieces: list[str]) -> None:
    text = "".join(pieces)
    assert [(s.start, s.end, s.paragraph) for s in split_sentences(text)] == _reference_split(text)
