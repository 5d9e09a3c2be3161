"""Dating rules: as_of, as_of_basis and period_start (tolltrace.analysis.dating)."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest
from analysis_frames import EVENT_START, articles_frame, claims_frame
from hypothesis import given
from hypothesis import strategies as st

from tolltrace.analysis.dating import (
    WEEKDAYS,
    date_claims,
    inherited_day,
    parse_published,
    resolve_day,
    resolve_weekday,
)


def _dated(rows, articles=None, event_start=EVENT_START) -> pd.DataFrame:
    """date_claims on handmade claims (bare ledger rows unless given), by claim_id."""
    claims = claims_frame(rows)
    arts = articles_frame(articles, claims)
    return date_claims(claims, arts, event_start).set_index(claims["claim_id"])


def test_weekdays_resolve_to_the_first_such_day_from_the_event_start():
    assert resolve_weekday("Thursday", EVENT_START) == dt.date(2025, 3, 6)
    assert resolve_weekday("friday", EVENT_START) == dt.date(2025, 3, 7)
    assert resolve_weekday("Saturday", EVENT_START) == dt.date(2025, 3, 8)
    assert resolve_weekday("wednesday", EVENT_START) == dt.date(2025, 3, 12)
    assert resolve_weekday("someday", EVENT_START) is None


@given(st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2100, 1, 1)))
def test_a_weekday_never_lands_before_the_start_or_a_week_after(start):
    # dateparser's known failure: weekdays landing a week off. Plain arithmetic cannot.
    for name in WEEKDAYS:
        day = resolve_weekday(name, start)
        assert 0 <= (day - start).days <= 6
        assert WEEKDAYS[day.weekday()] == name


def test_explicit_dates_and_dates_without_a_year():
    assert resolve_day("2025-03-09", EVENT_START) == dt.date(2025, 3, 9)
    assert resolve_day("--03-08", EVENT_START) == dt.date(2025, 3, 8)
    assert resolve_day("--02-30", EVENT_START) is None
    assert resolve_day("--03-08", None) is None
    assert resolve_day("saturday", None) is None
    assert resolve_day("", EVENT_START) is None


def test_published_values_give_the_date_as_written():
    assert parse_published("2025-03-09") == dt.date(2025, 3, 9)
    assert parse_published("2025-03-08T23:30:00-05:00") == dt.date(2025, 3, 8)
    assert parse_published("") is None
    assert parse_published("March 9") is None
    assert parse_published(float("nan")) is None


def test_the_publication_date_comes_first():
    rows = [{"article_id": "a", "low": 10, "char_start": 0, "as_of_text": "on Saturday"}]
    got = _dated(rows, [{"article_id": "a", "published": "2025-03-10"}])
    assert got.loc["a@0", "as_of"] == "2025-03-10"
    assert got.loc["a@0", "as_of_basis"] == "published"


def test_own_text_dates_a_claim_without_a_publication_date():
    rows = [
        {"article_id": "a", "low": 1, "char_start": 0, "as_of_text": "earlier on Saturday"},
        {
            "article_id": "a",
            "low": 2,
            "char_start": 10,
            "as_of_text": "over the course of Friday and Saturday",
        },
        {"article_id": "a", "low": 3, "char_start": 20, "as_of_text": "8 March 2025"},
    ]
    got = _dated(rows)
    assert list(got["as_of"]) == ["2025-03-08", "2025-03-08", "2025-03-08"]
    assert set(got["as_of_basis"]) == {"text"}


def test_since_opens_a_period_but_does_not_date_the_claim():
    rows = [{"article_id": "a", "low": 5, "char_start": 0, "since_text": "since Thursday"}]
    got = _dated(rows, [{"article_id": "a", "time_mentions": "since Thursday; overnight"}])
    assert got.loc["a@0", "period_start"] == "2025-03-06"
    assert got.loc["a@0", "as_of"] == ""
    assert got.loc["a@0", "as_of_basis"] == "unknown"


def test_a_claim_without_its_own_day_inherits_the_latest_day_of_its_article():
    rows = [
        {"article_id": "a", "low": 5, "char_start": 0, "since_text": "since Thursday"},
        {"article_id": "a", "low": 6, "char_start": 9, "as_of_text": "within two days"},
    ]
    mentions = "since Thursday; on Friday; Saturday morning; since Thursday"
    got = _dated(rows, [{"article_id": "a", "time_mentions": mentions}])
    assert list(got["as_of"]) == ["2025-03-08", "2025-03-08"]
    assert list(got["as_of_basis"]) == ["inherited", "inherited"]
    assert list(got["period_start"]) == ["2025-03-06", ""]


def test_never_the_future():
    # Published on Friday: "since Saturday" and a mentioned Saturday lie in its future.
    rows = [{"article_id": "a", "low": 5, "char_start": 0, "since_text": "since Saturday"}]
    arts = [{"article_id": "a", "published": "2025-03-07", "time_mentions": "on Saturday"}]
    got = _dated(rows, arts)
    assert got.loc["a@0", "period_start"] == ""
    assert got.loc["a@0", "as_of"] == "2025-03-07"
    assert inherited_day("on Saturday; on Friday", EVENT_START, dt.date(2025, 3, 7)) == dt.date(
        2025, 3, 7
    )
    assert inherited_day("on Saturday", EVENT_START, dt.date(2025, 3, 7)) is None


@pytest.mark.parametrize("scope", ["daily", "increment"])
def test_a_daily_count_is_dated_by_the_day_it_counts(scope):
    rows = [
        {
            "article_id": "a",
            "low": 163,
            "char_start": 0,
            "scope": scope,
            "time_text": "On Saturday; on Friday",
            "as_of_text": "On Saturday",
        }
    ]
    got = _dated(rows, [{"article_id": "a", "published": "2025-03-09"}])
    assert got.loc["a@0", "as_of"] == "2025-03-07"
    assert got.loc["a@0", "as_of_basis"] == "text"


def test_a_stated_previous_figure_takes_only_its_own_date():
    rows = [
        {"article_id": "a", "low": 340, "char_start": 0, "is_previous": True},
        {
            "article_id": "a",
            "low": 300,
            "char_start": 9,
            "is_previous": True,
            "as_of_text": "on Friday",
        },
    ]
    arts = [{"article_id": "a", "published": "2025-03-09", "time_mentions": "on Saturday"}]
    got = _dated(rows, arts)
    assert got.loc["a@0", "as_of_basis"] == "unknown"
    assert got.loc["a@9", "as_of"] == "2025-03-07"


def test_without_an_event_start_weekdays_stay_unknown_and_dates_still_resolve():
    rows = [
        {"article_id": "a", "low": 1, "char_start": 0, "as_of_text": "on Saturday"},
        {"article_id": "a", "low": 2, "char_start": 5, "as_of_text": "8 March 2025"},
    ]
    got = _dated(rows, event_start=None)
    assert list(got["as_of"]) == ["", "2025-03-08"]
    assert list(got["as_of_basis"]) == ["unknown", "text"]


def test_no_claims_gives_an_empty_table():
    empty = claims_frame([{"article_id": "a", "low": 1, "char_start": 0}]).iloc[0:0]
    got = date_claims(empty, articles_frame([]), EVENT_START)
    assert list(got.columns) == ["as_of", "as_of_basis", "period_start", "other_period"]
    assert len(got) == 0


def _other(era_text, published="", event_start=EVENT_START) -> bool:
    rows = [{"article_id": "a", "low": 5, "char_start": 0, "era_text": era_text}]
    got = _dated(rows, [{"article_id": "a", "published": published}], event_start)
    return bool(got.loc["a@0", "other_period"])


def test_an_era_wholly_before_the_event_is_another_period():
    assert _other("in 2018")
    assert _other("since April 2023")
    assert _other("the 2004 tsunami")
    assert _other("on Oct. 7, 2023")
    assert _other("in February 2025")  # the month before the event start
    assert _other("last year", published="2025-03-09")
    assert _other("over the past decade")  # counted back from the event start's year


def test_the_event_s_own_year_and_month_are_not_another_period():
    assert not _other("")
    assert not _other("in 2025")
    assert not _other("in March 2025")
    assert not _other("since 8 March 2025")
    # A year after the event began, "last year" is the event's year.
    assert not _other("last year", published="2026-03-06")


def test_without_an_event_start_the_publication_year_decides():
    assert _other("in 2024", published="2025-03-09", event_start=None)
    assert not _other("in 2025", published="2025-03-09", event_start=None)
    assert not _other("in February 2025", published="2025-03-09", event_start=None)


def test_without_any_date_only_a_relative_era_is_judged():
    assert _other("last year", event_start=None)
    assert _other("a decade ago", event_start=None)
    assert not _other("in 2018", event_start=None)


def test_a_month_without_a_year_is_placed_from_the_article_s_date():
    assert _other("In January", published="2025-03-09")
    assert _other("In December", published="2025-03-09")  # December 2024
    assert not _other("in March", published="2025-03-09")  # the event's own month
    assert _other("Last month", published="2025-03-09")
    assert not _other("Last month", published="2025-04-02")  # March: the event's month
    # Without an event start a month may be when this event began: not judged.
    assert not _other("since it was declared in August", published="2025-03-09", event_start=None)


def test_a_part_of_a_total_of_another_period_is_of_another_period():
    rows = [
        {"article_id": "a", "low": 4000, "char_start": 0, "era_text": "in October 2023"},
        {"article_id": "a", "low": 100, "char_start": 60, "part_of": "a@0"},
        {"article_id": "a", "low": 30, "char_start": 90},
    ]
    got = _dated(rows)
    assert got["other_period"].tolist() == [True, True, False]


def test_a_part_with_its_own_day_is_not_of_the_total_s_period():
    rows = [
        {"article_id": "a", "low": 1200, "char_start": 0, "era_text": "Since October 2023"},
        {
            "article_id": "a",
            "low": 40,
            "char_start": 60,
            "part_of": "a@0",
            "time_text": "on Tuesday",
        },
    ]
    assert _dated(rows)["other_period"].tolist() == [True, False]


def test_without_an_event_start_a_recent_date_may_be_this_event():
    assert not _other("on 31 December 2024", published="2025-01-02", event_start=None)
    assert _other("on 31 December 2024", published="2025-03-09", event_start=None)
