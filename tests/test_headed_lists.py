"""Lists of figures under a heading that names the casualty (extract/headed_lists.py).
Every text here is invented."""

from __future__ import annotations

from tolltrace.extract import extract_claims

LIST = (
    "The storm killed 230 people in seven states.\n\n"
    "Fatalities by province, the agency's breakdown:\n\n"
    "  • Northland: 77\n"
    "  • Southland: 36\n"
    "  • Westland: 25\n\n"
    "Power outages continue.\n"
    "Updated: 12\n"
)


def _claims(text: str) -> list[tuple[int, str, str]]:
    return [(c.low, c.outcome, c.part_of) for c in extract_claims(text, "a")]


def test_each_item_counts_the_casualty_of_its_heading_as_a_part():
    assert _claims(LIST) == [
        (230, "killed", ""),
        (77, "killed", "a@17"),
        (36, "killed", "a@17"),
        (25, "killed", "a@17"),
    ]


def test_a_list_under_a_heading_without_a_casualty_counts_nothing():
    text = "Schedule for Tuesday:\n- Meeting: 10\n- Lunch: 12\n"
    assert _claims(text) == []


def test_items_of_the_injured_and_dash_items():
    text = (
        "The quake injured 40 people.\nInjuries by district:\n- Hill District – 14\n"
        "- River District – 9\n"
    )
    assert [(low, outcome) for low, outcome, _ in _claims(text)] == [
        (40, "injured"),
        (14, "injured"),
        (9, "injured"),
    ]


def test_no_list_without_a_toll_before_it_nor_of_things_nor_of_two_outcomes():
    assert _claims("Deaths by county:\n- Rowan County: 4\n- Pike County: 12\n") == []
    things = (
        "The storm killed 230 people.\n\nStorm deaths by the numbers:\n- Homes destroyed: 340\n"
    )
    assert _claims(things) == [(230, "killed", "")]
    two = "The storm killed 30 and injured 90.\nDeaths and injuries by county:\n- Rowan County: 4\n"
    assert [low for low, _, _ in _claims(two)] == [30, 90]


def test_a_label_before_a_figure_is_no_source_and_the_heading_gives_its_own():
    text = (
        "The toll rose to 102, according to the Northland Department of Health (NDH).\n"
        "The NDH death breakdown is as follows:\n"
        "- Hill County: 1\n"
        "- Vale County: 5\n"
    )
    assert [c.source for c in extract_claims(text, "a")] == ["NDH", "NDH", "NDH"]


def test_an_item_line_in_prose_is_no_list():
    text = "The death toll rose sharply.\nThe vote: 12\n"
    assert _claims(text) == []
