"""Ways real articles name who gives a figure, found by the seventh session's blind sets
(issue 22): media by their country or owner, witnesses who saw, rescue teams, a person
by surname after "according to" or after "Mr", a speaker whose aside lacks its closing
comma, and a sentence after the figure that confirms it. Every sentence is invented."""

from __future__ import annotations

import pytest

from tolltrace.extract import extract_claims


def sources(text: str) -> list[tuple[int, str]]:
    return [(c.low, c.source) for c in extract_claims(text, "a")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Norlandic media reported at least 81 people had died.", [(81, "media")]),
        ("Ten people were injured, Norlandic public television said.", [(10, "media")]),
        ("The regime-controlled media reported that 13 people were killed.", [(13, "media")]),
        ("Reporters saw at least 20 bodies next to the station.", [(20, "media")]),
        ("AFP saw at least 20 bodies in one street.", [(20, "AFP")]),
        ("Fifteen were wounded, the Pentagon said.", [(15, "pentagon")]),
        (
            "A total of 70 bodies have been recovered, say Norland police.",
            [(70, "norland-police")],
        ),
        (
            "At least 104 people were killed, according to the enclave's health ministry.",
            [(104, "health_ministry")],
        ),
        (
            "Two bodies were found, according to search and rescue personnel.",
            [(2, "local_sources")],
        ),
        ("The rescue team added that two bodies were retrieved.", [(2, "local_sources")]),
        (
            "The city's firefighting service said 60 people remained hospitalized.",
            [(60, "officials")],
        ),
    ],
)
def test_media_witnesses_rescuers_and_services_are_sources(text, expected):
    assert sources(text) == expected


def test_reporters_spoken_to_are_no_source():
    text = "Mayor Tom Vale, speaking to reporters, said 23 bodies have been recovered."
    assert sources(text) == [(23, "officials")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Club leader Jana Roe had said that the death toll had exceeded 125.",
            [(125, "jana-roe")],
        ),
        (
            "Tom Vale, director of information of Eastmoor province said that 25 people were "
            "killed.",
            [(25, "tom-vale")],
        ),
    ],
)
def test_a_named_speaker_after_had_or_an_unclosed_aside(text, expected):
    assert sources(text) == expected


def test_an_unclosed_aside_needs_an_office():
    text = (
        "Officials said 12 people died. Three of the dead were members of the paramilitary "
        "Frontier Corps, he said."
    )
    assert sources(text) == [(12, "officials"), (3, "officials")]


def test_a_surname_after_according_to_or_a_title_of_address_is_the_person_named_before():
    text = (
        "Interior Ministry spokesman Tom Vale said the toll had reached 800. In Kunar, 610 "
        "people have been confirmed dead, according to Vale."
    )
    assert sources(text) == [(800, "interior-ministry"), (610, "interior-ministry")]
    text = (
        "Police Commissioner Mike Roe arrived in the morning.\n\nAt a press conference, Mr Roe "
        "said that 50 people had died."
    )
    assert sources(text) == [(50, "commissioner-mike-roe")]


def test_according_to_a_place_names_no_person():
    text = "Fighting went on in Kunar.\n\nIn Kunar, 610 people died, according to Kunar."
    assert sources(text) == [(610, "unattributed")]


def test_a_sentence_that_confirms_the_figure_gives_its_source():
    text = (
        "The death toll from the fire rose to 46. The toll is likely to rise.\n"
        "Health Minister Tom Vale confirmed this while speaking at the hospital."
    )
    assert sources(text) == [(46, "officials")]
    text = (
        "At least 724 people died. The updated figures from the Office of Civil Protection "
        "follow an earlier count."
    )
    assert sources(text) == [(724, "civil-protection-office")]
    text = "At least 2,300 people have died.\n\nThe agency gave the numbers of missing people."
    assert sources(text) == [(2300, "unattributed")]


def test_according_to_them_and_an_additional_paragraph_keep_the_source_before():
    text = (
        "The deputy mayor, Jana Roe, told reporters about the search.\n\n"
        "According to them, 419 people died in the occupation."
    )
    assert sources(text) == [(419, "officials")]
    text = (
        "Health Minister Tom Vale said that 62 people were killed.\n\n"
        "Additionally, 5 people were in critical condition."
    )
    assert sources(text) == [(62, "officials"), (5, "officials")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "At least 40 people died in the strike.\nThe army said the toll was exaggerated.",
            [(40, "unattributed")],
        ),
        (
            "The UN said 40 people died in the camp.\n\nMoreover, Hamas claims that 200 people "
            "were killed.",
            [(40, "UN"), (200, "unattributed")],
        ),
        (
            "Reporters Without Borders said 12 journalists were killed.",
            [(12, "reporters-without-borders")],
        ),
        ("Social media posts showed 12 bodies in the street.", [(12, "unattributed")]),
        ("On Monday television footage showed 12 bodies.", [(12, "unattributed")]),
        ("Norland television said 12 fighters were killed.", [(12, "media")]),
        (
            "Twelve people died, the governor said.\n\nIn addition, critics argue that 40 people "
            "were killed by police.",
            [(12, "officials"), (40, "unattributed")],
        ),
    ],
)
def test_what_the_review_found_names_no_source(text, expected):
    assert sources(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "At least 40 people died in the blast.\nThe army confirmed this morning that its "
            "troops had reached the town.",
            [(40, "unattributed")],
        ),
        (
            "At least 40 people died in the blast.\nThe ministry released the figures for last "
            "year's floods.",
            [(40, "unattributed")],
        ),
        ("Col. Tom Reed said 12 people died.", [(12, "tom-reed")]),
    ],
)
def test_what_the_second_review_found_names_no_source(text, expected):
    assert sources(text) == expected


def test_a_heading_run_into_a_sentence_with_have_is_no_speaker():
    text = (
        "Sectarian Violence and Allegations of Human Rights Violations Reports have noted that "
        "no forces were present. Clashes killed several dozen officers."
    )
    assert sources(text) == [(24, "unattributed")]  # several dozen: 24


def test_a_connective_before_another_times_figure_carries_no_source():
    text = (
        "Police said 14 people died in the crash.\n\n"
        "Moreover, last year 300 people died on the same road."
    )
    assert sources(text) == [(14, "officials"), (300, "unattributed")]
