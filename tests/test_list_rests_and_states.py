"""Classes of toll sentences found by the seventh session's blind sets (issue 22), and the
over-reach a review found in them (`test_what_the_review_found_is_no_toll`): the rest
of a list after its first count ("and another seven at Linwood", "the other 17 were from
…"), part frames of the missing and of bodies found, a comma part between a count and its
verb, and states of the dead and the treated. Every sentence is invented to show one
class; none is copied from an article."""

from __future__ import annotations

import pytest

from tolltrace.extract import extract_claims


def found(text: str) -> list[tuple[int, str]]:
    return [(c.low, c.outcome) for c in extract_claims(text, "a")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Police said 41 people died in Northvale, and another seven at Linwood.",
            [(41, "killed"), (7, "killed")],
        ),
        (
            "Among the dead, 29 were from Ardent Prefecture, which runs the valley, and the "
            "other 17 were from Eastmoor City.",
            [(29, "killed"), (17, "killed")],
        ),
        (
            "The agency said the dead included 50 in Northvale county, in the western hills, "
            "with the remaining 38 being from Eastmoor county.",
            [(50, "killed"), (38, "killed")],
        ),
        (
            "Among the 26 bodies found in the district, 15 were civilians, and 11 were soldiers.",
            [(26, "killed"), (15, "killed"), (11, "killed")],
        ),
    ],
)
def test_the_rest_of_a_list_shares_the_first_counts_outcome(text, expected):
    assert found(text) == expected


@pytest.mark.parametrize(
    ("text", "first"),
    [
        ("Police said 41 people died in Northvale, and another seven were evacuated.", 41),
        ("Twelve people died in the fire, and the other 300 residents fled.", 12),
        ("Twelve people died, and the other three were rescued from Eastmoor.", 12),
        ("Twelve people died in Northvale while 300 were moved to shelters in Eastmoor.", 12),
    ],
)
def test_the_rest_with_a_fate_of_its_own_is_no_toll(text, first):
    assert found(text) == [(first, "killed")]


def test_a_frame_of_the_missing_opens_a_list_of_parts():
    text = (
        "Of the missing people, 63 are from Pakyong, 20 from Gangtok, 16 from Mangan and six "
        "from Namchi, the authority said."
    )
    claims = extract_claims(text, "a")
    assert [(c.low, c.outcome) for c in claims] == [
        (63, "missing"),
        (20, "missing"),
        (16, "missing"),
        (6, "missing"),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Officials said eight people were killed and at least 2,700, including fighters and "
            "medics, were wounded.",
            [(8, "killed"), (2700, "injured")],
        ),
        ("Blasts kill 8 people, injure more than 2,700", [(8, "killed"), (2700, "injured")]),
        ("As of now, 15 people are deceased, the coroner said.", [(15, "killed")]),
        ("The deceased's family received 5 lakh rupees.", []),
    ],
)
def test_parts_between_a_count_and_its_verb_and_states_of_the_dead_and_treated(text, expected):
    assert found(text) == expected


def test_the_previous_figure_is_the_earlier_value_of_the_nearest_count_before():
    text = (
        "The toll has grown to 2,207, with 344 people still missing. The previous figure had "
        "been 2,189 on Wednesday."
    )
    found_ = [(c.low, c.outcome, c.is_previous) for c in extract_claims(text, "a")]
    assert found_ == [(2207, "killed", False), (344, "missing", False), (2189, "killed", True)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "A rescuer said at least 35 people had died.\n\nFour of them are children, an "
            "official said.",
            [(35, "killed", ""), (4, "killed", "a@15")],
        ),
        ("Police detained 12 people. Three of them were arrested.", []),
        ("At least 40 people died. Three of them are from Eastmoor.", [(40, "killed", "")]),
    ],
)
def test_who_some_of_the_count_just_told_were(text, expected):
    assert [(c.low, c.outcome, c.part_of) for c in extract_claims(text, "a")] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The quake killed 12 people; officials gave an estimate of 5,000 homes lost.",
            [(12, "killed")],
        ),
        ("The quake killed 12 people, with an estimate of 300 people trapped.", [(12, "killed")]),
        ("The toll crept up to 116 on Monday.", [(116, "killed")]),
    ],
)
def test_an_estimate_is_no_toll_frame_and_the_verbs_of_a_toll_frame(text, expected):
    assert found(text) == expected


def test_every_toll_verb_has_an_example_and_the_rise_verbs_are_among_them():
    from tolltrace.extract import lexicon

    rows = lexicon.rows("toll_verbs.csv")
    assert all(r["example"] and r["rise"] in ("yes", "no") for r in rows)
    assert set(lexicon.toll_verbs(rise=True)) <= set(lexicon.toll_verbs())
    assert {"crept", "rose", "went"} <= set(lexicon.toll_verbs(rise=True))


def test_an_irregular_past_after_a_person_ends_the_victims_words():
    claims = extract_claims("One soldier found dead near the border, police said.", "a")
    assert [(c.low, c.outcome, c.victim_text) for c in claims] == [(1, "killed", "soldier")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The chairman said the death toll in the town is 30 and not 17 as earlier reported.",
            [(30, "killed", False), (17, "killed", True)],
        ),
        (
            "The toll stands at around 250 people, not 359 reported earlier, officials said.",
            [(250, "killed", False), (359, "killed", True)],
        ),
        (
            "He said the realistic death toll was about 50, rather than 500 as first reported.",
            [(50, "killed", False), (500, "killed", True)],
        ),
        ("The attack killed 12 people, not 13.", [(12, "killed", False)]),
        ("Not one student was hurt, the school said.", []),
    ],
)
def test_a_figure_the_count_rejects_is_its_earlier_value(text, expected):
    claims = extract_claims(text, "a")
    assert [(c.low, c.outcome, c.is_previous) for c in claims] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The death toll in the attacks stands at 250 people.", [(250, "killed")]),
        ("Officials recorded 30 separate attacks on villages this year.", []),
        (
            "Assailants killed sixty people in attacks on three Plateau communities.",
            [(60, "killed")],
        ),
    ],
)
def test_attacks_count_events_only_as_a_numbers_own_noun(text, expected):
    assert found(text) == expected


def test_a_rise_after_the_toll_and_its_place_is_the_new_figure():
    claims = extract_claims("Death toll in stampede tragedy climbs up to 80", "a")
    assert [(c.low, c.qualifier) for c in claims] == [(80, "exact")]
    claims = extract_claims("The toll of the quake could be up to 500 people, experts fear.", "a")
    assert claims == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "At least 14 people were killed and around eight went missing in the collapse.",
            [(14, "killed"), (8, "missing")],
        ),
        (
            "Similarly, 70 persons in Northvale and 85 in Eastmoor West have been injured.",
            [(70, "injured"), (85, "injured")],
        ),
        (
            "There have been 81 wounded in Northvale, 79 in Eastmoor, and 3 in Ardent, totaling "
            "163 wounded.",
            [(81, "injured"), (79, "injured"), (3, "injured"), (163, "injured")],
        ),
        (
            "The quake injured 1,035 people, of which 137 were still being treated.",
            [(1035, "injured"), (137, "injured")],
        ),
        ("Officials said 170 were found injured in Ganzi.", [(170, "injured")]),
        ("Police said 12 in Northvale were arrested.", []),
    ],
)
def test_states_after_a_place_found_injured_went_missing_still_being_treated(text, expected):
    assert found(text) == expected


def test_a_state_only_casualty_word_has_its_rows_outcome():
    from tolltrace.extract import lexicon
    from tolltrace.extract.cues import cue_outcome

    assert cue_outcome("being treated") == "injured"
    assert cue_outcome("went missing") == "missing"
    for word in lexicon.casualty_words():
        if "state" in word.roles and "*" not in word.phrase:
            phrase = " ".join(w for w in word.phrase.split() if not w.startswith("!"))
            assert cue_outcome(phrase) == word.outcome, word.phrase


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The minister said 2,750 were injured.\nOf the total wounded, around 750 were in the "
            "south, 150 in the Bekaa region, and 1,850 in the capital.",
            [(2750, "injured"), (750, "injured"), (150, "injured"), (1850, "injured")],
        ),
        (
            "To date, 166 were wounded. Out of the injured, 5 people have been discharged.",
            [(166, "injured")],
        ),
        (
            "Rescuers said 72 people were injured. 43 reports of missing persons have been "
            "received.",
            [(72, "injured"), (43, "missing")],
        ),
        ("The agency received 43 reports of flooding overnight.", []),
    ],
)
def test_total_frames_reports_of_the_missing_and_the_discharged(text, expected):
    assert found(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("“In every family, there is at least one person killed,” a witness said.", []),
        ("“We have already identified 22 bodies,” the station manager said.", []),
        ("Police identified another one of the fatalities on Thursday as a retired teacher.", []),
        ("His body was one of the 18 bodies recovered on Wednesday.", [(18, "killed")]),
        ("Researchers identified 12 of the dead.", [(12, "killed")]),
        (
            "Falling rocks caused every death except one person who died in a building.",
            [(1, "killed")],
        ),
        ("One of the injured died in hospital.", [(1, "killed")]),
    ],
)
def test_identifications_one_of_a_count_and_counts_in_each_of_many_are_no_tolls(text, expected):
    assert found(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the rest of a list: not after "while", not the rest of a partitive's whole, not a
        # clause of its own
        ("The quake killed 23 people, whereas 4,000 people live in the town.", [(23, "killed")]),
        ("The blast killed 12 people while 200 people were inside the mall.", [(12, "killed")]),
        ("Twelve people died and 3 rescuers searched the rubble.", [(12, "killed")]),
        (
            "Killed in the attacks were 12 soldiers, and 40 militants took part in the attacks.",
            [(12, "killed")],
        ),
        (
            "The dead included 50 in Northvale, with the remaining 30 being from Calder and "
            "were sent home.",
            [(50, "killed")],
        ),
        (
            "The attack killed 12 civilians and 3 soldiers stationed nearby.",
            [(12, "killed"), (3, "killed")],
        ),
        # an estimate of a crowd, forecasts through "go up to", intents
        (
            "The official estimate of the crowd was 50,000 when the stampede killed 12.",
            [(12, "killed")],
        ),
        ("Officials fear the death toll in the province may go up to 500.", []),
        ("The group said it had no plan to injure 50 people.", []),
        ("Such a blast can injure 100 people.", []),
        ("Bomb attacks kill at least 290 people, injure 500", [(290, "killed"), (500, "injured")]),
        # the deceased as a person, not a state
        ("The deceased, who had 3 children, worked as a driver.", []),
        ("They were a large part of the 1,300 pilgrims deceased in total.", [(1300, "killed")]),
        # illness is no injury
        ("About 4 million people are under treatment for HIV in the country.", []),
        # a forecast is no rejected figure
        (
            "The quake killed 300 people rather than the 3,000 predicted by some models.",
            [(300, "killed")],
        ),
        ("The toll is 30, not 300 as some had feared.", [(30, "killed")]),
        # a figure of another count is no previous figure
        (
            "The UN said 200,000 people had fled and 60 were dead. The previous figure had been "
            "150,000.",
            [(60, "killed")],
        ),
        # the fate of some of the missing
        ("Of the missing people, 12 were found alive.", []),
        ("Of the missing people, 12 have contacted their families.", []),
        # an ordinal in a listing, not a confirmed toll
        ("The fourth death in Houston was related to a fire.", []),
        (
            "A seventh death in the county has been confirmed by the medical examiner.",
            [(7, "killed")],
        ),
        ("Sixth person dies after Christmas market attack", [(6, "killed")]),
    ],
)
def test_what_the_review_found_is_no_toll(text, expected):
    assert found(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Twelve of the 40 pilgrims on the bus died; the other 28 were from Marston.",
            [(40, "killed")],
        ),
        ("Of the missing people, 63 have since been found alive in a shelter.", []),
        ("Of the missing people, 12 are believed to have died in the flood.", [(12, "killed")]),
        ("The plot aimed to kill 40 people and injure 200 more at the stadium.", []),
        (
            "The toll rose to 40 from 35. Four of them are children.",
            [(40, "killed"), (35, "killed")],
        ),
        ("The death toll goes up to 80 in the worst-case scenario modelled by the agency.", []),
        ("The death toll in the floods goes up to 80 if the missing are counted.", []),
        (
            "Officials said the deceased included 12 women, and 40 people remain under treatment.",
            [(12, "killed"), (40, "injured")],
        ),
        (
            "Twelve people were killed and 30 were admitted to hospital.",
            [(12, "killed"), (30, "injured")],
        ),
        ("About 4 million people are under treatment for HIV in the country.", []),
    ],
)
def test_what_the_second_look_at_the_review_found(text, expected):
    assert found(text) == expected


def test_an_ordinal_death_is_the_running_toll_not_one_days_count():
    text = (
        "A gunman opened fire late Saturday, killing six people, police said.\n\n"
        "A sixth victim died at a hospital early Sunday, the police chief said."
    )
    claims = extract_claims(text, "a")
    assert [(c.low, c.scope) for c in claims] == [(6, "cumulative"), (6, "cumulative")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the rest of a list is a bare number with its place
        (
            "Among the victims were 8 Britons; the remaining 2,000 British tourists were safe.",
            [(8, "killed")],
        ),
        (
            "Among the dead were 5 children; another 100 children were orphaned by the quake.",
            [(5, "killed")],
        ),
        (
            "The fire killed 9 residents, and another 70 residents were at a wedding.",
            [(9, "killed")],
        ),
        # "N of them": not when the count's sentence holds another number, nor larger
        (
            "Police arrested 3 suspects after the blast that killed 12. Two of them are brothers.",
            [(12, "killed")],
        ),
        (
            "The army freed 35 hostages in a raid that left 6 dead. Twelve of them are children.",
            [(6, "killed")],
        ),
        # ordinals of another series
        ("A fifth person has died on the motorway in the past month, police said.", []),
        ("A third victim of measles has died this winter.", []),
        # the previous toll of another event
        (
            "The flood killed 18. The previous toll, after the 2009 flood, had been 30.",
            [(18, "killed")],
        ),
        # a rejected figure needs the words that say it was given before
        ("Four workers died at the plant, rather than 600 as feared.", [(4, "killed")]),
        # a casualty word after another number: only across a clause break
        ("Two men aged 25 and 31 killed in crash on the motorway", [(2, "killed"), (31, "killed")]),
        ("Two teenagers, 16 and 17, killed in motorway crash", [(2, "killed")]),
        ("Forty people on Flight 302 killed", [(40, "killed")]),
        # conditions are tolls of their own
        ("Twelve people died even if the army denies it, residents said.", [(12, "killed")]),
        ("One of the 18 injured later died in hospital.", [(18, "injured")]),
        # hospital stays that are no injuries, and the missing that are no people
        ("After the shelling, 300 patients were taken to hospitals across the city.", []),
        ("Police received 43 reports of missing dogs after the storm.", []),
        ("The county records about 300 reports of missing persons every year.", []),
        ("Seven people injure themselves with fireworks every hour.", []),
        ("Of the total wounded, 1 in 3 was a child.", []),
        (
            "Five soldiers who had been discharged from the army were among the 20 killed.",
            [(5, "killed"), (20, "killed")],
        ),
    ],
)
def test_what_the_second_review_found(text, expected):
    assert found(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Fifteen people were convicted over the 2019 massacres in which 200 died.",
            [(200, "killed")],
        ),
        ("A court sentenced 12 men to death over the attack that killed 40.", [(40, "killed")]),
        ("A man was charged with killing 12 people.", [(12, "killed")]),
        (
            "Officials said the deceased included 12 women, and 40 people remain under treatment.",
            [(12, "killed"), (40, "injured")],
        ),
        ("Some 50 patients are under treatment at the cancer ward.", []),
    ],
)
def test_people_convicted_or_treated_elsewhere_are_no_casualties_of_the_event(text, expected):
    assert found(text) == expected
