"""Tolls stated by reference, by rank or by list, and the numbers next to them that are no
tolls (issue 22, fifth session). Every sentence is invented to show one class; none is
copied from an article."""

from __future__ import annotations

import pytest

from tolltrace.extract import extract_claims


def figures(text: str) -> list[tuple[int, str]]:
    return [(c.low, c.outcome) for c in extract_claims(text, "a")]


# --- ordinals: "a fourth body" counts four ---


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("A fifth body was recovered from the river on Monday.", [(5, "killed")]),
        ("Storm Vera: 3rd Body Found, 4 Still Missing", [(3, "killed"), (4, "missing")]),
        ("The town recorded its sixth death linked to the heat.", [(6, "killed")]),
        ("The 12th body found in the rubble was that of a boy.", [(12, "killed")]),
    ],
)
def test_an_ordinal_before_a_body_or_death_counts_so_many(text, expected):
    assert figures(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "The family marked the second death anniversary of the singer.",
        "Police found a third body camera in the car.",
        "The first body was found near the bridge.",  # "first" is left out
        "The seventh body of water on the list was checked.",
    ],
)
def test_ordinals_of_things_or_anniversaries_are_no_tolls(text):
    assert figures(text) == []


def test_an_ordinal_toll_is_exact_and_keeps_its_words():
    (claim,) = extract_claims("A ninth body was pulled from the lake on Friday.", "a")
    assert (claim.mention, claim.low, claim.high, claim.qualifier) == ("ninth", 9, 9, "exact")


def test_a_single_body_is_one_dead_but_body_parts_are_not_people():
    assert figures("Divers pulled one body from the lake.") == [(1, "killed")]
    text = "Teams have recovered 210 bodies and 97 body parts so far, officials said."
    assert figures(text) == [(210, "killed")]
    assert figures("The agency sent 500 body bags as 40 people died.") == [(40, "killed")]


# --- back references: "That number has since risen to 45" ---


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Rescuers recovered 80 bodies on Monday. That number has since risen to more than "
            "120, the governor said.",
            [(80, "killed"), (120, "killed")],
        ),
        (
            "Floods killed 40 people. Police put the number on Friday at 52.",
            [(40, "killed"), (52, "killed")],
        ),
        (
            "The quake injured 300 people. The number has risen to 410, the hospital said.",
            [(300, "injured"), (410, "injured")],
        ),
        (
            "The ferry sank with 12 people missing. The final figures now stand at 15.",
            [(12, "missing"), (15, "missing")],
        ),
    ],
)  # fmt: skip
def test_a_sentence_referring_back_takes_the_outcome_of_the_toll_before(text, expected):
    assert figures(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The storm killed 30 people. The figure for damaged homes is 4,000.", [(30, "killed")]),
        ("The storm killed 30 people. The figure is three times the 2010 total.", [(30, "killed")]),
        ("The storm killed 30 people. The tally stood at 4,000 homes.", [(30, "killed")]),
        ("Twelve died in the blast. The total cost was put at $40 million.", [(12, "killed")]),
        ("The council met on Monday. That number has since risen to 45.", []),  # no toll before
    ],
)  # fmt: skip
def test_back_references_to_other_counts_or_to_nothing_are_no_tolls(text, expected):
    assert figures(text) == expected


def test_a_back_reference_reaches_only_two_sentences():
    text = (
        "Floods killed 40 people. Roads were closed. Schools shut. Trains stopped. "
        "That number has since risen to 52."
    )
    assert figures(text) == [(40, "killed")]


# --- lists of places with their counts in brackets ---


def test_places_with_their_counts_in_brackets_are_parts_of_the_toll_before():
    text = (
        "The floods killed 61 people. Deaths were also recorded in Northvale (6), "
        "Eastmoor (3), Linton (2) and Garby (1)."
    )
    claims = extract_claims(text, "a")
    assert [(c.low, c.outcome) for c in claims] == [
        (61, "killed"), (6, "killed"), (3, "killed"), (2, "killed"), (1, "killed"),
    ]  # fmt: skip
    assert {c.part_of for c in claims[1:]} == {claims[0].claim_id}


def test_a_bracket_list_after_a_counted_first_item():
    text = (
        "The quake killed 400. The heaviest toll was in Ardent province (212 deaths), "
        "followed by Velmar province (87) and Oskar province (14)."
    )
    assert figures(text) == [(400, "killed"), (212, "killed"), (87, "killed"), (14, "killed")]


@pytest.mark.parametrize(
    "text",
    [
        "Officials said the dead included Tom Vale (34) and Ann Roe (29).",  # ages
        "Relief reached Northvale (6 trucks) and Eastmoor (3).",
        "Deaths were recorded in Northvale (6).",  # one item is no list
    ],
)
def test_ages_things_and_single_brackets_are_no_list_of_tolls(text):
    assert figures(text) == []


# --- clause breaks that are none ---


@pytest.mark.parametrize(
    "text",
    [
        "The death toll from the storms in Northland, Vetria, and other nearby districts "
        "has climbed to 340.",
        "The death toll after the storms in Northland has climbed to 340.",
    ],
)
def test_a_list_of_places_or_after_the_toll_opens_no_clause(text):
    assert figures(text) == [(340, "killed")]


# --- words around a count ---


def test_a_comma_after_dead_lists_the_next_count_which_keeps_its_own_word():
    assert figures("59 dead, 104 evacuated after ferry sinks") == [(59, "killed")]
    assert figures("Ferry sinks off Vetra; 40 dead, scores feared lost") == [
        (40, "killed"),
        (20, "missing"),
    ]
    assert figures("The confirmed dead: 1,002") == [(1002, "killed")]


def test_the_loss_of_lives_counts_the_dead_but_not_the_loss_of_people():
    assert figures("The blasts resulted in the loss of 62 lives, the minister said.") == [
        (62, "killed")
    ]
    assert figures("The company reported the loss of 40 teachers.") == []


def test_the_death_of_one_of_the_wounded_is_a_death():
    text = "The toll rose to 40 following the death of one of the wounded."
    assert figures(text) == [(40, "killed"), (1, "killed")]


def test_a_casualty_word_inside_a_counts_noun_is_no_cue_of_a_later_number():
    text = "The number of people who died does not reflect the 80,000 people who live in slums."
    assert figures(text) == []
    assert figures("The number of people killed included 12 soldiers.") == [(12, "killed")]
    assert figures("The number of those killed rose to 40 people, police said.") == [(40, "killed")]


@pytest.mark.parametrize(
    ("text", "source"),
    [
        ("The prefect of Northland estimated on Wednesday that 40 people died.", "officials"),
        ("More than 300 people were injured, according to the disaster center.", "officials"),
    ],
)
def test_prefects_and_disaster_centres_are_officials(text, source):
    assert extract_claims(text, "a")[-1].source == source


# --- lists and parts ---


def test_out_of_the_deaths_a_part_and_its_sibling_by_another_cause():
    text = "Out of the 31 deaths, 19 were caused by the Vale Fire and 12 by the Ridge Fire."
    claims = extract_claims(text, "a")
    assert [(c.low, c.outcome) for c in claims] == [(31, "killed"), (19, "killed"), (12, "killed")]
    assert {c.part_of for c in claims[1:]} == {claims[0].claim_id}


def test_respective_counts_share_the_casualty_noun_before_them_and_are_parts():
    text = (
        "Clashes have killed 180 people. Two districts also recorded many deaths, "
        "with 21 and 18 respectively."
    )
    claims = extract_claims(text, "a")
    assert [(c.low, c.outcome) for c in claims] == [(180, "killed"), (21, "killed"), (18, "killed")]
    assert {c.part_of for c in claims[1:]} == {claims[0].claim_id}


def test_the_victims_of_a_disaster_include_no_list_of_the_dead():
    text = (
        "The flood killed 20 people. The victims of the flood include 4,000 families who "
        "lost their homes."
    )
    assert figures(text) == [(20, "killed")]


# --- sources named only by a proper name ---


@pytest.mark.parametrize(
    ("text", "source", "kind"),
    [
        ("More than 3,000 people are injured, Jomo Kariuki said on X.", "jomo-kariuki", "named"),
        ("In Vetria, 610 people died, according to Abdul Rahim Nasser.", "abdul-rahim-nasser",
         "named"),
        ("Lena Fiore, head of the provincial flood task force, said 157 bodies were recovered.",
         "lena-fiore", "government"),
        ("“We regret that 241 people died,” Aero Vista says.", "aero-vista", "named"),
        ("Air strikes killed 27 people, the Hadra Observatory for Human Rights said.",
         "hadra-observatory-for-human-rights", "named"),
    ],
)  # fmt: skip
def test_a_name_the_table_does_not_know_is_a_source_of_its_own(text, source, kind):
    claim = extract_claims(text, "a")[-1]
    assert (claim.source, claim.source_kind) == (source, kind)


@pytest.mark.parametrize(
    "text",
    [
        "Sindh and Punjab reported 308 and 223 deaths.",  # two places
        "North Carolina reported 102 fatalities from the storm.",  # a place
        "Norland's reported deaths rose to 40 on Monday.",  # a possessive
        "More than 2,300 people were injured, the director told reporters in San Alejo.",
        "On Friday Rain Fell, and 12 people died, officials said.",  # the table's own source
    ],
)
def test_places_possessives_and_known_sources_are_no_named_speakers(text):
    assert all(c.source_kind != "named" for c in extract_claims(text, "a"))


# --- what a count's words say it counts ---


def test_a_toll_frame_right_before_a_count_of_people_outweighs_a_casualty_word_after_it():
    text = (
        "The storm's death toll surpasses 150 people as rescuers search the hills for the missing."
    )
    assert figures(text) == [(150, "killed")]
    text = "More fatalities are feared due to hundreds of people trapped under the debris."
    assert figures(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("One guard was wounded in the raid and later died in hospital, the army said.",
         [(1, "killed")]),
        ("The toll rose to 52 after three people, among them a girl, admitted to intensive "
         "care, succumbed to their injuries.", [(52, "killed"), (3, "killed")]),
        ("Twelve people were injured in the blast and a man died of a heart attack.",
         [(12, "injured")]),
    ],
)  # fmt: skip
def test_the_injured_who_later_died_are_dead(text, expected):
    assert figures(text) == expected


def test_a_death_noun_after_a_clause_of_its_own_is_not_the_numbers_noun():
    text = "Residents of the two targeted villages brought scores of bodies to the square."
    assert [(c.mention, c.outcome) for c in extract_claims(text, "a")] == [("scores", "killed")]
    assert figures("Rescuers found 29 more badly burned bodies.") == [(29, "killed")]


# --- a review of these rules with invented sentences: none of these is a toll ---


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # back references to counts of things, to differences and to earlier figures
        ("The quake killed 19 people. The total damage was put at 40 million dollars. "
         "The total is 40 million.", [(19, "killed")]),
        ("Nine people died. More than 200 homes were destroyed. The figure has since risen "
         "to 340.", [(9, "killed")]),
        ("Nine people died. The number of displaced has reached 15,000. That number has "
         "since risen to 18,000.", [(9, "killed")]),
        ("Eight people died. The bus was carrying 52 passengers. That number was 12 more "
         "than its licence allowed.", [(8, "killed")]),
        ("Nine people died. The number of heat-stroke cases has reached 900. That number is "
         "300 higher than last week.", [(9, "killed")]),
        ("The death toll from the fire rose to 17 on Monday. The figure was 14 on Sunday.",
         [(17, "killed")]),
        # "body" that is no dead person
        ("Police seized 40 body armour vests after 3 people died.", [(3, "killed")]),
        ("Investigators found one body part near the crash site.", []),
        ("The second body to examine the crash, the safety board, said 12 people died.",
         [(12, "killed")]),
        ("He was charged after the second death in the family.", []),
        ("The sixth body found in the lake since 2019 was that of a man.", []),
        ("It was the state's 12th death this year from drowning, officials said.", []),
        ("The ferry sinking killed 40 people. The fifth body to be identified was that of "
         "a nurse.", [(40, "killed")]),
        ("The seventh body found was not linked to the storm.", []),
        # ages in brackets, populations, lists of things
        ("The dead included Tom Vale (34) and Ann Roe (29), both from Linton district.", []),
        ("Police identified the dead as Tom Vale (62) and Ann Roe (58) of Linton county.", []),
        ("The storm killed 6 people in Vetria, and other areas, home to 80,000 people, lost "
         "power.", [(6, "killed")]),
        ("Floods killed 8 people in Norland, a province of 2 million people.", [(8, "killed")]),
        ("59 dead, 104 evacuated after ferry sinks", [(59, "killed")]),
        ("Rebels killed 12 people, 3 by beheading.", [(12, "killed")]),
    ],
)  # fmt: skip
def test_counts_the_new_rules_must_not_read_as_tolls(text, expected):
    assert figures(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Hurricane Delia claimed at least 40 lives across the islands.",
        "Boko Haram claimed the attack, which killed 30 people.",
        "Camps near Cox Bazar reported 12 deaths.",
        "The ferry Sea Star reported 3 crew members missing.",
        "Tom Vale, whose brother was among the 12 killed, said the rescue had been slow.",
        "Cyclone Chido, after leaving the island, continued west, causing 120 deaths.",
    ],
)
def test_storms_perpetrators_places_ships_and_bystanders_are_no_named_sources(text):
    assert all(c.source_kind != "named" for c in extract_claims(text, "a"))


def test_an_office_makes_a_named_source_an_official_only_with_a_word_of_government():
    text = "Jana Roe, director of the Hadra Observatory for Human Rights, said 45 people died."
    assert extract_claims(text, "a")[0].source_kind == "named"


def test_a_list_of_places_without_a_toll_before_is_no_total_of_its_own_items():
    text = "Deaths were recorded in Northvale (6), Eastmoor (3) and Linton (2), the agency said."
    assert [c.part_of for c in extract_claims(text, "a")] == ["", "", ""]
    text = "The storm killed 14 people, with deaths in Ardent (9) and Belmar (5)."
    claims = extract_claims(text, "a")
    assert [c.part_of for c in claims] == ["", claims[0].claim_id, claims[0].claim_id]


def test_lost_forms_come_back_the_number_of_people_who_died_and_deaths_comma():
    text = "The number of people who died in the blaze, 17 residents and 2 firefighters, was given."
    assert figures(text) == [(17, "killed"), (2, "killed")]
    assert figures("Deaths, 59; injuries, 104, according to the ministry.")[0] == (59, "killed")
    text = (
        "The attack killed 9 people. The death of one of the wounded later brought the toll to 10."
    )
    assert figures(text)[-1] == (10, "killed")


# --- forms of blind set 12, read after its first score (invented sentences) ---


def test_a_total_then_its_breakdown_after_a_spaced_dash_is_no_range():
    text = "The toll on the islands is four – three on Norby and one on the main island."
    claims = extract_claims(text, "a")
    assert [(c.low, c.outcome) for c in claims] == [(4, "killed"), (3, "killed"), (1, "killed")]
    assert {c.part_of for c in claims[1:]} == {claims[0].claim_id}
    assert figures("Between 300 - 400 people died.") == [(300, "killed")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The toll may rise as the heat inside the tunnel reached 1,100 Celsius.", []),
        ("The agency said 75 deaths were recorded, with 21,300 people affected.",
         [(75, "killed")]),
        ("Nine people died in the worst-affected district.", [(9, "killed")]),
    ],
)  # fmt: skip
def test_temperatures_and_people_affected_are_no_tolls(text, expected):
    assert figures(text) == expected


def test_a_heading_run_into_a_sentence_is_no_named_source():
    text = (
        "Floods killed 40 people, the agency said. Relief and Reconstruction The reported "
        "scale of the damage puts the budget in question. The toll rose to 52."
    )
    assert all(c.source_kind != "named" for c in extract_claims(text, "a"))


def test_a_toll_which_includes_a_list_of_peoples_and_the_displaced_after_it():
    text = (
        "The clashes have recorded a death toll of 190, which includes 110 Varans and 70 "
        "Teleks, leaving about 50,000 people displaced."
    )
    claims = extract_claims(text, "a")
    assert [(c.low, c.outcome) for c in claims] == [
        (190, "killed"),
        (110, "killed"),
        (70, "killed"),
    ]
    assert {c.part_of for c in claims[1:]} == {claims[0].claim_id}
    assert figures("The fire destroyed 30 homes, which include 12 shops.") == []


def test_a_word_that_rules_a_count_out_belongs_to_the_number_nearer_to_it():
    text = "The storm caused injuries to 400 people and forced some 9,000 residents to evacuate."
    assert figures(text) == [(400, "injured")]
    assert figures("Police said 40 people, 12 of them women, were evacuated.") == []
