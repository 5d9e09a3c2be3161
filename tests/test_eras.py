"""Years and past periods in a sentence (tolltrace.eras)."""

from __future__ import annotations

import datetime as dt

import pytest

from tolltrace.eras import before, claim_eras, era_point, find_eras


@pytest.mark.parametrize(
    ("text", "era", "point"),
    [
        ("killed about 1,000 people in Paktika province in 2022.", "in 2022", (2022, 0, 0)),
        ("has killed tens of thousands since April 2023", "since April 2023", (2023, 4, 0)),
        ("In 2015, a similar heatwave killed 1,200", "In 2015", (2015, 0, 0)),
        ("The war began on Oct. 7, 2023, when", "Oct. 7, 2023", (2023, 10, 7)),
        ("on 8 March 2025", "8 March 2025", (2025, 3, 8)),
        ("the 2004 tsunami killed 230,000", "the 2004 tsunami", (2004, 0, 0)),
        ("seized power in a February 2021 coup", "in a February 2021 coup", (2021, 2, 0)),
        ("2024's floods killed 40", "2024's", (2024, 0, 0)),
        ("since early 2011", "since early 2011", (2011, 0, 0)),
    ],
)
def test_a_named_year_is_an_era_at_its_own_precision(text, era, point):
    found = find_eras(text)
    assert [e.text for e in found] == [era]
    assert era_point(found[0], published_year=None) == point


@pytest.mark.parametrize(
    ("text", "back"),
    [
        ("were killed in the province last year", 1),
        ("a decade ago", 10),
        ("Ten years ago", 10),
        ("a few years ago", 2),
        ("over the past decade", 10),
        ("in the past 13 years", 13),
        ("over the last two decades", 20),
    ],
)
def test_relative_eras_count_back_from_the_publication_year(text, back):
    (era,) = find_eras(text)
    assert era.years_back == back
    assert era_point(era, published_year=2025) == (2025 - back, 0, 0)
    assert era_point(era, published_year=None) is None


@pytest.mark.parametrize(
    "text",
    [
        "2000 people were killed",
        "killed 1999 people",
        "the 2000 people who died",
        "He said 2000 were killed",
        "about 10% of 2020",
        "in the past 24 hours",
        "over the course of Friday and Saturday",
        "a 13-year civil war",
        "killed 2,000 people in March",
    ],
)
def test_counts_days_and_durations_are_not_eras(text):
    assert find_eras(text) == []


def test_a_comparison_after_the_number_does_not_date_it():
    text = "The attack killed 40 people, the deadliest since 2019."
    assert claim_eras(text, 0, len(text), text.index("40")) == []


def test_a_number_inside_the_comparison_takes_its_era():
    text = (
        "The disaster is the deadliest in Afghanistan since a 5.9-magnitude tremor "
        "killed about 1,000 people in Paktika province in 2022."
    )
    eras = claim_eras(text, 0, len(text), text.index("1,000"))
    assert [e.text for e in eras] == ["in 2022"]


def test_before_compares_at_the_eras_precision():
    start = dt.date(2025, 3, 6)
    assert before((2024, 0, 0), start)
    assert not before((2025, 0, 0), start)  # the event's own year
    assert before((2025, 2, 0), start)
    assert not before((2025, 3, 0), start)  # the event's own month
    assert before((2025, 3, 5), start)
    assert not before((2025, 3, 6), start)
