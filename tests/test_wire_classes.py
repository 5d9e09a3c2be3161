"""Classes of toll sentences found by the sixth session's blind sets (issue 22): earlier
values after "from", bracketed parts, verbs and frames, and the numbers next to them that
are no tolls. Every sentence is invented to show one class; none is copied from an article."""

from __future__ import annotations

import pytest

from tolltrace.extract import extract_claims


def claims(text: str) -> list[tuple[int, str]]:
    return [(c.low, c.outcome) for c in extract_claims(text, "a")]


def by_number(text: str) -> dict[int, object]:
    return {c.low: c for c in extract_claims(text, "a")}


# --- the earlier value of a count, after "from" ---


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The toll from the storm in Norland reached 210 as of Monday, from 188 as reported "
            "on Sunday.",
            [(210, "killed", False), (188, "killed", True)],
        ),
        (
            "The number of injuries has risen to 900 from 640 as reported Sunday, while 120 people "
            "are missing, from 95 the day before.",
            [
                (900, "injured", False),
                (640, "injured", True),
                (120, "missing", False),
                (95, "missing", True),
            ],
        ),
        (
            'An envoy said deaths had jumped to "at least 600," from more than 300 a day earlier.',
            [(600, "killed", False), (300, "killed", True)],
        ),
    ],
)
def test_a_figure_after_from_is_the_earlier_value_of_the_count_before_it(text, expected):
    found = [(c.low, c.outcome, c.is_previous) for c in extract_claims(text, "a")]
    assert found == expected


@pytest.mark.parametrize(
    "text",
    [
        "The attack killed 12 people from 3 villages.",
        "The attack killed 12 people at the market, which had been open from 6 on Friday.",
        "Police said 12 people were killed, from 9 on Monday.",
    ],
)
def test_a_from_with_no_change_or_earlier_time_compares_nothing(text):
    assert claims(text) == [(12, "killed")]


# --- parts and their totals ---


def test_a_bracketed_part_does_not_hide_the_verb_of_its_total():
    text = (
        "Rescuers said 30 people (including 4 children) were killed, and another 60 "
        "(including 9 children) were injured."
    )
    found = by_number(text)
    assert [(n, c.outcome) for n, c in found.items()] == [
        (30, "killed"),
        (4, "killed"),
        (60, "injured"),
        (9, "injured"),
    ]
    assert found[9].part_of == found[60].claim_id
    assert found[4].part_of == found[30].claim_id


def test_including_the_two_and_the_three_are_both_parts():
    found = by_number("Nine workers were killed, including the two drivers and the three guards.")
    assert found[2].part_of == found[3].part_of == found[9].claim_id
    assert found[2].victim_text == "drivers"


def test_a_noun_phrase_stops_where_the_next_coordinated_count_begins():
    found = by_number(
        "Nine died, including the two drivers of the bus and the three guards of the depot."
    )
    assert found[2].victim_text == "drivers of the bus"
    assert found[3].victim_text == "guards of the depot"


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("Gunmen killed seven members of one family.", "members of one family"),
        ("Floods killed 26 members of his extended family.", "members of his extended family"),
    ],
)
def test_a_count_word_or_an_adjective_inside_a_noun_phrase_is_kept(text, words):
    assert [c.victim_text for c in extract_claims(text, "a")] == [words]


def test_the_verb_after_an_of_phrase_is_the_clauses_own():
    # "fled" was read as part of "residents of the block", hiding it from the outcome.
    assert claims("The blast killed 12 people and the 300 residents of the block fled.") == [
        (12, "killed")
    ]


def test_of_the_bodies_recovered_so_far_is_a_frame_of_the_dead():
    assert claims(
        "The flood killed 50 people. Of the bodies recovered so far, 11 were children."
    ) == [
        (50, "killed"),
        (11, "killed"),
    ]


# --- verbs ---


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Storms killed an additional seven people overnight, and 90 others were injured.",
            [(7, "killed"), (90, "injured")],
        ),
        ("The strikes wounded a further 14 people on Monday.", [(14, "injured")]),
        ("A bomber blew himself up at the shrine, martyring 30 worshippers.", [(30, "killed")]),
        ("Toll rises to 88 after one more person dies.", [(88, "killed"), (1, "killed")]),
        ("The shelling has claimed 9 innocent lives.", [(9, "killed")]),
        ("The floods have claimed at least 88 people since March.", [(88, "killed")]),
    ],
)
def test_verbs_of_death_and_injury(text, expected):
    assert claims(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "The ministry claimed 300 members had joined.",
        "The rebels claimed 300 fighters in the north.",
        "The group claimed responsibility for the attack on 12 villages.",
        "Doctors fear more will die.",
        "If aid does not arrive, 500 children could die, the agency warned.",
        "Police seized 3 dies used to mint fake coins.",
        "The 12 doctors still in hospital worked through the night.",
    ],
)
def test_claimed_by_a_speaker_is_no_death(text):
    assert claims(text) == []


# --- no tolls ---


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The junta reported 60 fatalities and said more than 200,000 people have been forced "
            "from their homes.",
            [(60, "killed")],
        ),
        ("The quake killed 40 people and left 3,000 homeless.", [(40, "killed")]),
        ("Twelve homeless men were killed in the fire.", [(12, "killed")]),
        (
            "Rescuers said 30 bodies have been retrieved, 21 of whom have been positively "
            "identified.",
            [(30, "killed")],
        ),
        (
            "Rescuers said 30 people died, 21 of whom were children.",
            [(30, "killed"), (21, "killed")],
        ),
    ],
)
def test_people_made_homeless_and_bodies_identified_are_no_tolls(text, expected):
    assert claims(text) == expected


# --- sources ---


@pytest.mark.parametrize(
    ("text", "source"),
    [
        ("The toll has climbed to at least 74, according to Norland's state television.", "media"),
        ("Diplomats have said at least 550 pilgrims died.", "officials"),
        (
            "At least 323 of those who died were Vetrians, two diplomats told reporters.",
            "officials",
        ),
        ("Deputy Head of the Office Tom Vale specified that 64 people were injured.", "officials"),
        # a name of its own that merely contains the monitor head's surname
        ("Health Minister Fahd bin Abdul Rahman Al-Vale said 1,301 people died.", "officials"),
        ("Abdel Rahman said 40 people were killed.", "SOHR"),
    ],
)
def test_sources_named_by_office_medium_or_surname(text, source):
    assert [c.source for c in extract_claims(text, "a")] == [source]


def test_a_source_line_gives_its_source_to_the_paragraphs_under_it():
    text = (
        "The Emergency Service said 23 people were killed.\n\n"
        "Source: Vale City Council, referring to the State Emergency Service\n\n"
        "Details: 72 people were injured, including 13 children.\n\n"
        "Another 43 people are missing."
    )
    assert [(c.low, c.source) for c in extract_claims(text, "a")] == [
        (23, "emergency-service"),
        (72, "vale-city-council"),
        (13, "vale-city-council"),
        (43, "vale-city-council"),
    ]


def test_a_pictures_credit_is_no_source_line():
    text = "Source: AFP/Getty Images\n\nAt least 40 people were killed in the blast."
    assert [c.source for c in extract_claims(text, "a")] == ["unattributed"]


def test_a_paragraph_with_a_source_of_its_own_ends_the_source_lines_reach():
    text = (
        "Source: Vale City Council\n\n"
        "Police said 12 people were hurt.\n\n"
        "Another 43 people are missing."
    )
    assert [(c.low, c.source) for c in extract_claims(text, "a")][-1] == (43, "unattributed")


# --- breakdowns and singular people ---


def test_a_breakdown_after_a_double_hyphen_or_a_quoted_colon_is_part_of_the_count():
    found = by_number(
        "Two people have died of their wounds -- one at the Central Hospital and another at home."
    )
    assert found[1].part_of == found[2].claim_id
    text = (
        "The governor said there had been at least two storm deaths in the state: “One in "
        "Vale County due to a car crash, and one in Norby due to a falling tree.”"
    )
    assert [(c.low, c.place, bool(c.part_of)) for c in extract_claims(text, "a")] == [
        (2, "in the state", False),
        (1, "in Vale County", True),
        (1, "in Norby", True),
    ]


def test_one_and_a_singular_person_noun_is_the_next_of_a_list():
    text = "Five students died. Among the dead are four undergraduate students and one resident."
    found = by_number(text)
    assert found[1].outcome == "killed" and found[1].victim_group == "civilians"


@pytest.mark.parametrize(
    "text",
    [
        "Two tourist buses collided on the highway, killing 12 people.",
        "At least 12 people were killed in a raid on one of the most powerful criminal gangs.",
        "Three migrant boats capsized and 12 people drowned.",
        "A landslide buried six houses, killing 12 members of three families.",
    ],
)
def test_a_person_word_before_a_thing_counts_the_thing(text):
    assert claims(text) == [(12, "killed")]


def test_an_earlier_report_and_diplomatic_sources():
    found = by_number("Diplomatic sources said 5 were killed, down from an earlier report of 7.")
    assert (found[5].is_previous, found[7].is_previous) == (False, True)
    assert found[5].source == "officials"


# --- sixth session, blind sets 15-16 ---


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a clock time run into "pm"
        ("The toll rose to 10, the centre said at 8:40pm yesterday.", [(10, "killed")]),
        # an age
        ("Among the dead were 12 children under the age of 16.", [(12, "killed")]),
        ("The blast killed 12 people aged 21 to 40.", [(12, "killed")]),
        # lives touched, not lost
        ("Floods hit eight districts, affecting the lives of about 41,000 people.", []),
        ("The crash claimed the lives of 40 passengers.", [(40, "killed")]),
        # several outcomes at once
        ("The agency said thousands have been killed, injured, or displaced this year.", []),
        ("The war has killed or displaced 50,000 people.", []),
        ("Hundreds were killed and wounded by the gunfire.", []),
        ("Thirty were killed and 40 wounded.", [(30, "killed"), (40, "injured")]),
        # a total of both outcomes before its breakdown
        (
            "Monitors counted 5,264 civilian casualties: 2,345 killed and 2,919 injured.",
            [(2345, "killed"), (2919, "injured")],
        ),
    ],
)
def test_clock_times_ages_lives_touched_and_mixed_outcomes_are_no_tolls(text, expected):
    assert claims(text) == expected


def test_a_plus_after_a_number_is_at_least():
    assert [(c.low, c.qualifier) for c in extract_claims("100+ 'massacred' in village", "a")] == [
        (100, "at_least")
    ]


def test_a_qualifier_after_an_opening_quote_is_kept():
    found = extract_claims("'Up to 100' feared dead in village attack", "a")
    assert [(c.mention, c.qualifier) for c in found] == [("Up to 100", "up_to")]


def test_conditions_and_adverbs_of_injury():
    text = (
        "Eleven others were injured. Five are in serious condition, three are in moderate "
        "condition, and four are lightly injured."
    )
    assert claims(text) == [(11, "injured"), (5, "injured"), (3, "injured"), (4, "injured")]


def test_of_them_opens_a_part_of_the_toll_before():
    text = "Experts found that 419 people died in the fighting. Of them, 116 were in a mass grave."
    found = by_number(text)
    assert found[116].outcome == "killed" and found[116].part_of == found[419].claim_id


@pytest.mark.parametrize(
    ("text", "source"),
    [
        ("Unicef reported that 35 children were among the dead.", "UN"),
        (
            "About 50 civilians were killed, UN High Commissioner for Human Rights Ann Vale said.",
            "UN",
        ),
        ("The mission said HRMMU has documented 2,345 civilians killed.", "UN"),
        (
            "The toll stands at 150,000, according to the special envoy for Vetria Tom Vale.",
            "officials",
        ),
        (
            "An attack killed up to 100 people, a local pro-democracy activists' committee said.",
            "local_sources",
        ),
        ("The Norland ambulance service reported that 13 people were wounded.", "local_sources"),
    ],
)
def test_un_bodies_envoys_activist_committees_and_ambulance_services(text, source):
    assert [c.source for c in extract_claims(text, "a")] == [source]


# --- sixth session, blind sets 17-18 and the second review ---


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "A bombing at the airport killed 13 U.S. service members and dozens of Afghans.",
            [(13, "killed"), (12, "killed")],
        ),
        (
            "The explosion, which also wounded 18 Americans, came as the airlift went on.",
            [(18, "injured")],
        ),
        ("The death toll crept up to 116 in the city.", [(116, "killed")]),
        (
            "Ten people died, and 42 are considered missing, the minister said.",
            [(10, "killed"), (42, "missing")],
        ),
        ("The death toll from the cyclone is estimated at least 60.", [(60, "killed")]),
        (
            "Death toll reaches 64 with 76 'potentially unaccounted for'",
            [(64, "killed"), (76, "missing")],
        ),
        (
            "Ten more bodies were recovered, raising to 64 the death toll from the collapse.",
            [(10, "killed"), (64, "killed")],
        ),
        ("Five were fatally injured in the crash.", [(5, "killed")]),
        ("One person dies after the storm.", [(1, "killed")]),
        ("One worker hurt in blast.", [(1, "injured")]),
        ("UNICEF said at least one newborn died at the hospital.", [(1, "killed")]),
        (
            "The agency reported 120 deaths (including 46 man, 32 women and 42 children).",
            [(120, "killed"), (46, "killed"), (32, "killed"), (42, "killed")],
        ),
    ],
)
def test_abbreviations_demonyms_frames_and_singular_people(text, expected):
    assert claims(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("A Grade 8 student died after the wall collapsed.", []),
        ("One victim support group said 40 people were killed.", [(40, "killed")]),
        ("One student protest turned deadly, with 4 killed.", [(4, "killed")]),
        ("Not one student was hurt.", []),
        ("The raid killed 12 civilians days after the truce.", [(12, "killed")]),
        ("At least 30 were killed and displaced families fled, officials said.", [(30, "killed")]),
        ("The blast at 9 am killed 12 people.", [(12, "killed")]),
    ],
)
def test_labels_modifiers_and_negations_of_singular_people(text, expected):
    assert claims(text) == expected


def test_a_confirmed_initial_report_is_current_and_a_rebel_envoy_no_official():
    found = extract_claims("The initial report of 12 deaths was confirmed by police.", "a")
    assert [c.is_previous for c in found] == [False]
    found = extract_claims("The rebels' envoy said 40 soldiers were killed.", "a")
    assert [c.source for c in found] == ["unattributed"]


def test_a_factbox_line_opens_with_its_label():
    text = (
        "COUNTRY\nPeople killed: 501\nPeople injured: 1,523\n"
        "Houses damaged or destroyed: 99,317\nPeople displaced: 16,000 households"
    )
    assert claims(text) == [(501, "killed"), (1523, "injured")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The death toll rose 12 percentage points to 340.", [(340, "killed")]),
        ("Missing: 1 in 4 homes", []),
        ("Five were fatally injured and 12 mortally wounded.", [(5, "killed"), (12, "killed")]),
        ("One child went missing in the flood, police said.", [(1, "missing")]),
        ("One man fell to his death from the scaffolding.", [(1, "killed")]),
        ("On Friday 30 civilian deaths were confirmed by the ministry.", [(30, "killed")]),
    ],
)
def test_third_review_shares_verbs_and_weekdays_before_counts(text, expected):
    assert claims(text) == expected


def test_an_earlier_estimate_is_previous_and_un_bodies_keep_their_source():
    found = extract_claims("The earlier estimate of 300 deaths was lowered to 250.", "a")
    assert [(c.low, c.is_previous) for c in found] == [(300, True), (250, False)]
    found = extract_claims("A U.N. refugee agency spokesman said 30 people drowned.", "a")
    assert [c.source for c in found] == ["UN"]
