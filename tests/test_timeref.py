"""Time expressions: kinds, days and offsets."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from tolltrace.extract.timeref import ISO_DATE_RE, find_time_expressions, iso_dates


def kinds(text: str):
    return [(t.text, t.kind, t.day) for t in find_time_expressions(text)]


def test_weekday_forms():
    text = "since Thursday, earlier on Saturday, Friday night and on Sunday"
    assert kinds(text) == [
        ("since Thursday", "since", "thursday"),
        ("earlier on Saturday", "on", "saturday"),
        ("Friday night", "on", "friday"),
        ("on Sunday", "on", "sunday"),
    ]


def test_span_ends_on_its_last_day():
    assert kinds("over the course of Friday and Saturday") == [
        ("over the course of Friday and Saturday", "span", "saturday")
    ]


def test_calendar_dates_with_and_without_year():
    assert kinds("on March 8, 2025 and 9 March") == [
        ("on March 8, 2025", "date", "2025-03-08"),
        ("9 March", "date", "--03-09"),
    ]


def test_durations_and_relative_words():
    assert [k for _, k, _ in kinds("within just two days, in the past 24 hours, overnight")] == [
        "duration",
        "duration",
        "relative",
    ]


def test_lower_case_words_that_look_like_months_or_days_are_not_times():
    assert kinds("around 30 separate incidents; they may march") == []


def test_offsets_are_into_the_whole_text():
    text = "Intro. The toll rose on Saturday."
    (t,) = find_time_expressions(text, 7)
    assert text[t.start : t.end] == "on Saturday"


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["2025", "-", "03", "8", "12", " ", "x", "٣"]), max_size=16))
def test_iso_dates_found_at_hyphens_equal_a_full_scan(pieces: list[str]) -> None:
    text = "".join(pieces)
    for start, stop in ((0, len(text)), (1, max(1, len(text) - 2))):
        expected = [m.span() for m in ISO_DATE_RE.finditer(text, start, stop)]
        assert [m.span() for m in iso_dates(text, start, stop)] == expected


def test_a_month_and_year_is_no_day_of_the_month():
    # "March 2025" once read as March 20 ("20" from the year): a false day.
    assert find_time_expressions("Since March 2025, at least 1,500 people were killed.") == []
    assert find_time_expressions("the February 2023 earthquakes") == []
    found = find_time_expressions("2025 March 3 and on March 8, 2025")
    assert [(t.text, t.day) for t in found] == [
        ("March 3", "--03-03"),
        ("on March 8, 2025", "2025-03-08"),
    ]
