"""Years and past periods in a sentence (tolltrace.extract.eras)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from tolltrace.extract._fastscan.index import article_index
from tolltrace.extract._fastscan.scanning import lowered
from tolltrace.extract.era_clauses import assign_eras
from tolltrace.extract.eras import era_point, find_eras, period_end
from tolltrace.extract.sentences import split_sentences


@pytest.mark.parametrize(
    ("text", "era", "point"),
    [
        ("killed about 1,000 people in Paktika province in 2022.", "in 2022", (2022, 0, 0)),
        ("has killed tens of thousands since April 2023", "since April 2023", (2023, 4, 0)),
        ("In 2015, a similar heatwave killed 1,200", "In 2015", (2015, 0, 0)),
        ("The war began on Oct. 7, 2023, when", "Oct. 7, 2023", (2023, 10, 7)),
        ("on 8 March 2025", "8 March 2025", (2025, 3, 8)),
        ("the 2004 tsunami killed 230,000", "the 2004 tsunami", (2004, 0, 0)),
        ("seized power in a February 2021 coup", "in a February 2021", (2021, 2, 0)),
        ("2024's floods killed 40", "2024's", (2024, 0, 0)),
        ("since early 2011", "since early 2011", (2011, 0, 0)),
        ("Türkiye's 2023 earthquakes killed", "2023 earthquakes", (2023, 0, 0)),
        ("The Izmit earthquake of 1999 killed", "earthquake of 1999", (1999, 0, 0)),
        ("The 2013 Rana Plaza collapse", "The 2013 Rana", (2013, 0, 0)),
        ("Between 2019 and 2022, cholera killed", "Between 2019 and 2022", (2019, 0, 0)),
        ("From 2022 to 2024, fighting killed", "From 2022 to 2024", (2022, 0, 0)),
    ],
)
def test_a_named_year_is_an_era_at_its_own_precision(text, era, point):
    found = find_eras(text)
    assert [e.text for e in found] == [era]
    assert era_point(found[0], now=None) == point


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
        ("A year earlier, 121 people died", 1),
    ],
)
def test_relative_eras_count_back_from_the_publication_year(text, back):
    (era,) = find_eras(text)
    assert era.years_back == back
    assert era_point(era, now=dt.date(2025, 3, 9)) == (2025 - back, 0, 0)
    assert era_point(era, now=None) is None


@pytest.mark.parametrize(
    ("text", "point"),
    [
        ("In January, an ambush killed 15", (2025, 1, 0)),
        ("In December, a similar attack killed 32", (2024, 12, 0)),
        ("Since January, fighting has killed", (2025, 1, 0)),
        ("in March", (2025, 3, 0)),
        ("Last month, clashes killed 14", (2025, 2, 0)),
        ("three months ago", (2024, 12, 0)),
    ],
)
def test_a_month_without_a_year_is_its_latest_occurrence(text, point):
    (era,) = find_eras(text)
    assert era_point(era, now=dt.date(2025, 3, 9)) == point
    assert era_point(era, now=None) is None


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
        "the 2000 homes of the district",
        "Among the 2000 wounded, 40 died",
        "confirmed in 2015 patients",
        "The 1998 residents of the camp",
        "The toll rose to 2013 on Tuesday",
        "a 2018 building code",
        "killed 40 on March 8",
        "the people may return",
    ],
)
def test_counts_days_and_durations_are_not_eras(text):
    assert find_eras(text) == []


def _eras_of(text: str, *numbers: str) -> list[list[str]]:
    """assign_eras on one sentence: the era texts of each given number."""
    spans = []
    for number in numbers:
        at = text.index(number)
        spans.append((at, at + len(number)))
    return [[e.text for e in found] for found in assign_eras(text, 0, len(text), spans)]


@pytest.mark.parametrize(
    "text",
    [
        "The attack killed 40 people, the deadliest since 2019.",
        "The deadliest earthquake since 1999 killed 40 people.",
        "In the deadliest single airstrike since 2023, jets killed 40 people.",
        "The strongest storm to hit the region since 2013 killed 40 people.",
    ],
)
def test_what_a_comparison_compares_with_dates_no_number(text):
    assert _eras_of(text, "40") == [[]]


def test_a_number_inside_the_comparison_takes_its_era():
    text = (
        "The disaster is the deadliest since a 5.9-magnitude tremor "
        "killed about 1,000 people in Paktika province in 2022."
    )
    assert _eras_of(text, "1,000") == [["in 2022"]]
    text = "It was the deadliest shooting since 2019, when 23 people were killed."
    assert _eras_of(text, "23") == [["since 2019"]]
    text = "It was the deadliest since 2012, when an avalanche buried a camp, killing 140."
    assert _eras_of(text, "140") == [["since 2012"]]


def test_a_clause_naming_the_era_s_event_takes_its_era():
    text = "Hamas' Oct. 7, 2023, attack on southern Israel killed about 1,200 people."
    assert _eras_of(text, "1,200") == [["Oct. 7, 2023"]]
    text = "It recalled the 2013 Rana Plaza collapse, which killed 1,134 workers."
    assert _eras_of(text, "1,134") == [["the 2013 Rana"]]


@pytest.mark.parametrize(
    "text",
    [
        "Bashar al-Assad, who was ousted in December 2024, killed 40 civilians on Friday.",
        "The group, founded in 2006, said 40 people were killed on Saturday.",
        "Rescuers, many of whom also worked after the February 2023 disaster, found 40 bodies.",
        "Governor Leite, in office since 2019, said 40 of the dead were children.",
        "Rendon, governor since January 2024, said 40 of the dead were children.",
        "The network, which was formed in 2023 after fighting broke out, said 40 died.",
        "The factory had passed an inspection last year, adding that 40 were injured.",
    ],
)
def test_an_aside_about_someone_else_dates_no_number_outside_it(text):
    assert _eras_of(text, "40") == [[]]


def test_an_era_dates_its_own_clause_else_the_nearest_clause_with_numbers():
    text = "Strikes killed 400 people on Tuesday, bringing the toll since October 2023 to 48,500."
    assert _eras_of(text, "400", "48,500") == [[], ["since October 2023"]]
    text = "In 2015, a heatwave killed 1,200 people and injured 3,000."
    assert _eras_of(text, "1,200", "3,000") == [["In 2015"], ["In 2015"]]
    text = "More than 200 people, most of them police, were killed in the province last year."
    assert _eras_of(text, "200") == [["last year"]]
    text = "The war, which began in April 2023, has killed tens of thousands of people."
    assert _eras_of(text, "tens of thousands") == [["in April 2023"]]


def test_a_number_is_never_its_own_year():
    text = "Officials said 2019 people were killed."
    assert _eras_of(text, "2019") == [[]]


def test_an_era_ends_with_its_year_month_or_day():
    assert period_end((2024, 0, 0)) == dt.date(2024, 12, 31)
    assert period_end((2024, 2, 0)) == dt.date(2024, 2, 29)
    assert period_end((2025, 3, 5)) == dt.date(2025, 3, 5)


def test_a_month_ahead_is_no_era():
    assert find_eras("The attack came ahead of elections due in April.") == []
    assert find_eras("The curfew will last until May.") == []
    (since,) = find_eras("since April")
    assert era_point(since, dt.date(2025, 3, 9)) == (2024, 4, 0)


def test_the_seeds_comparison_with_the_fall_of_assad_dates_no_toll():
    # data/raw/002: "in December" is when the compared event happened.
    text = (
        "According to the SOHR, over 1,000 individuals have lost their lives within just two "
        "days, marking the most intense violence Syria has witnessed since the fall of the "
        "Assad regime in December."
    )
    assert _eras_of(text, "over 1,000") == [[]]


@pytest.mark.parametrize(
    "text",
    [
        # A review's attempts to date a current toll with a passing year.
        "Gunmen killed 40 people in the village on Tuesday, the latest in a wave of deadly "
        "attacks since 2023.",
        "In Khartoum, fighting killed 40 people on Tuesday, the latest in a war that began in "
        "April 2023.",
        "Shelling killed 40 people in Sumy, a city hit almost daily since 2022.",
        "In Gaza, where the war began in October 2023, strikes killed 40 people on Tuesday.",
        "The UN says 40 people were killed on Tuesday and more than 1,200 since January 2024.",
        "Gunmen killed 40 people on Tuesday in attacks that have plagued the region since 2023.",
        "Police said 40 people had died, compared with 12 a year earlier.",
        "Following the 2023 earthquake, authorities tightened building codes, but Tuesday's "
        "tremor still killed 40 people.",
        "Since 2023, the group has been weakened, but on Tuesday its fighters killed 40 soldiers.",
        "It was the first time more than 40 people had been killed in one attack since 2019.",
        "Jets carried out 2000 strikes and killed 40 people on Tuesday.",
    ],
)
def test_a_passing_year_does_not_date_a_toll_of_the_day(text):
    at = text.index("40")
    assert assign_eras(text, 0, len(text), [(at, at + 2)]) == [[]]


def test_the_anchored_search_finds_what_the_plain_search_finds():
    # The extractor searches only near the era anchors of its one pass over the article.
    tests = Path(__file__).parent
    folders = ["heldout/articles", "blind/articles", "periods/probe/articles"]
    folders += ["periods/blind/articles"]
    checked = 0
    for folder in folders:
        for path in sorted((tests / folder).glob("*.txt")):
            text = path.read_text(encoding="utf-8")
            anchors = article_index(lowered(text), text).era
            for s in split_sentences(text):
                assert find_eras(text, s.start, s.end, anchors) == find_eras(text, s.start, s.end)
                checked += 1
    assert checked > 500
