"""Source aliases, attribution frames, carry-over and user extensions."""

from __future__ import annotations

import pytest

from tolltrace.extract import extract_claims
from tolltrace.extract.sources import SourceTable, SourceTableError


def source_of(text: str, table: SourceTable | None = None) -> tuple[str, str]:
    found = extract_claims(text, "t", table)
    assert found, "no claim found"
    return found[-1].source, found[-1].source_basis


@pytest.mark.parametrize(
    "text",
    [
        "More than 700 people were killed, according to the Syrian Observatory for Human Rights.",
        "The SOHR said 311 civilians were killed.",
        "Rami Abdulrahman, head of the monitor, said 745 civilians were killed.",
        "Syrian Observatory for Human Rights head Rami Abdel Rahman said 745 civilians died.",
    ],
)
def test_sohr_aliases(text):
    assert source_of(text) == ("SOHR", "explicit")


def test_generic_monitor_resolves_to_the_monitor_the_article_names():
    text = (
        "The Syrian Observatory for Human Rights tracks the war.\n"
        "The war monitor said 311 civilians were killed."
    )
    assert source_of(text) == ("SOHR", "explicit")


@pytest.mark.parametrize(
    "later",
    [
        "The group, founded in 2006, said 40 people were killed in Baniyas.",
        "More than 500,000 people have been killed, according to the observatory.",
    ],
)
def test_the_group_and_the_observatory_are_the_monitor_named_before(later):
    text = f"The Syrian Observatory for Human Rights tracks the war.\n\n{later}"
    assert source_of(text) == ("SOHR", "explicit")


def test_the_group_never_looks_forward_to_a_monitor():
    text = (
        "The group said 40 people had been killed in the raids.\n\n"
        "The Syrian Observatory for Human Rights put the toll at 35."
    )
    assert extract_claims(text, "t")[0].source != "SOHR"


def test_the_group_is_the_last_named_local_group_when_that_comes_later():
    text = (
        "The Syrian Observatory for Human Rights tracks the war.\n\n"
        "The Sudan Doctors Network said 12 people were killed.\n\n"
        "The group said 30 people were wounded."
    )
    # The group is the network named before it, with the id the network has there.
    assert source_of(text) == ("doctors-network-sd", "explicit")
    assert extract_claims(text, "t")[0].source == "doctors-network-sd"


def test_a_generic_name_takes_the_whole_name_of_the_organisation_before_it():
    text = "The Central Committee of Rural Medics said 5 died. The committee said 40 died."
    assert [c.source for c in extract_claims(text, "t")] == ["central-committee-rural-medics"] * 2


def test_generic_monitor_without_a_named_one_stays_unnamed():
    assert source_of("The war monitor said 311 civilians were killed.")[0] == "unnamed_monitor"


@pytest.mark.parametrize(
    ("text", "source"),
    [
        ("The Syrian Network for Human Rights documented 120 civilians killed.", "SNHR"),
        ("Local sources reported that more than 400 civilians were killed.", "local_sources"),
        (
            "Several dozen soldiers were killed, according to a Syrian security official.",
            "officials-sy",
        ),
        ("The UN human rights office said at least 1,500 civilians had died.", "UN"),
        ("The Gaza health ministry said 34 people were killed.", "health_ministry"),
        ("At least 14 people were killed in the blaze, the fire service said.", "officials"),
        ("Emergency services said 20 people died.", "officials"),
        ("Shelling killed 34 people, a local medical group said.", "local_sources"),
        ("More than 400 prisoners have died, according to rights groups.", "local_sources"),
        ("President Volodymyr Zelenskyy said 20 people were killed.", "officials"),
    ],
)
def test_other_sources(text, source):
    assert source_of(text)[0] == source


def test_relaying_agency_is_not_the_source():
    text = (
        "The Syrian Observatory for Human Rights counts the dead.\n"
        "The Observatory stated that 311 civilians were killed since Thursday, AFP reported."
    )
    assert source_of(text)[0] == "SOHR"


def test_agency_is_the_source_when_nobody_else_is_named():
    assert source_of("At least 20 people were killed, Reuters reported.")[0] == "Reuters"


def test_perpetrators_are_not_sources():
    text = "Security forces killed 20 villagers in the raid."
    assert source_of(text) == ("unattributed", "none")


def test_paragraph_keeps_quoting_the_same_source():
    text = (
        "According to the SOHR, over 1,000 people have died. Reports indicate that 125 "
        "soldiers have died in the clashes."
    )
    assert source_of(text) == ("SOHR", "carried")


def test_anaphor_continues_across_a_line_break():
    text = (
        "The Observatory said 311 civilians were killed.\nThis brings the total death toll to 524."
    )
    assert source_of(text) == ("unnamed_monitor", "carried")


def test_new_paragraph_without_anaphor_does_not_inherit():
    text = (
        "The Observatory said 311 civilians were killed.\nIn another town 20 soldiers were killed."
    )
    assert source_of(text) == ("unattributed", "none")


def test_user_extension_table(tmp_path):
    extra = tmp_path / "sources.csv"
    extra.write_text(
        "source_id,kind,pattern,needs_frame,note\nAirwars,monitor,Airwars,false,\n",
        encoding="utf-8",
    )
    table = SourceTable.load([extra])
    assert source_of("Airwars said 14 civilians were killed.", table)[0] == "Airwars"


def test_bad_user_table_names_file_and_line(tmp_path):
    extra = tmp_path / "sources.csv"
    extra.write_text("source_id,kind,pattern,needs_frame\nX,monitor,(unclosed,false\n", "utf-8")
    with pytest.raises(SourceTableError, match=r"sources.csv, line 2"):
        SourceTable.load([extra])


def test_a_verb_of_another_clause_does_not_make_a_source():
    text = (
        "The new ruling authority has targeted what it claims is an insurgency. "
        "Security forces clashed with fighters, resulting in the deaths of several dozen officers."
    )
    assert source_of(text) == ("unattributed", "none")


@pytest.mark.parametrize(
    "text",
    [
        "Five soldiers were killed, army spokesman Lt. Jules Ngongo said.",
        "Ten people died, the national search and rescue agency said on Friday.",
    ],
)
def test_titles_and_names_between_source_and_verb(text):
    assert source_of(text)[0] == "officials"


@pytest.mark.parametrize(
    ("text", "source"),
    [
        (
            "At least 17 people were killed, Kherson Oblast Governor Oleh Tkachenko said.",
            "kherson-oblast-governor",
        ),
        ("Forty people died in Ruritania, Prime Minister Jane Roe said.", "officials"),
        ("Forty people died, said Monday's President.", "officials"),
        ("Forty people died, Health Minister Jane Roe said.", "officials"),
        ("Kerala Health Minister Anna Thomas said 23 bodies were found.", "kerala-health-minister"),
        ("Odisha Chief Secretary AB Rao said the toll rose to 210.", "odisha-chief-secretary"),
        ("Pakistan Climate Change Minister Jane Roe said 900 died.", "climate-change-minister-pk"),
        ("The minister said 40 people died.", "officials"),
        ("A Syrian security official said 40 people died.", "officials-sy"),
        ("Health Minister Jane Roe said 40 people died.", "officials"),
    ],
)
def test_an_office_named_by_its_place_or_portfolio_is_a_source_of_its_own(text, source):
    # Two ministers, or one state's and another's, can give two different figures; a title
    # without a place the gazetteer knows stays `officials` (it would pool every country's).
    assert source_of(text)[0] == source


def test_the_listener_of_told_is_not_the_source():
    text = (
        "Hussein Fakih, the head of the municipality, told Reuters that 13 people had been killed."
    )
    assert source_of(text)[0] == "officials"


def test_an_agent_after_by_is_not_the_source():
    text = (
        "The Assistance Association for Political Prisoners, a rights group that tracks "
        "killings by the military, said 25 civilians were killed in the attack."
    )
    # The association, an organisation the table does not know, under an id of its own.
    assert source_of(text)[0] == "assistance-association"


def test_earlier_toll_put_by_officials():
    assert source_of("Local officials had earlier put the toll at 70.")[0] == "officials"


# Frames before a source (lexicon/source_frames.csv): invented sentences of each kind.
@pytest.mark.parametrize(
    ("text", "source"),
    [
        ("As per the NDMA, 900 people died.", "NDMA"),
        ("As per NDMA, 900 people died.", "NDMA"),
        ("According to a report by the NDMA, 900 people died.", "NDMA"),
        (
            "According to a report released by the National Disaster Management Authority "
            "on Friday, 900 people died.",
            "national-disaster-management-authority",
        ),
        (
            "The toll rose to 900, according to statistics released by the Flood Relief "
            "Commission.",
            "flood-relief-commission",
        ),
        (
            "A bulletin issued by the Flood Relief Commission said 900 people died.",
            "flood-relief-commission",
        ),
        ("The toll climbed to 120, according to Korean broadcaster KBS.", "KBS"),
        ('"Almost 200 people have died," said Jane Roe, WHO regional director.', "WHO"),
    ],
)
def test_frames_before_a_source(text, source):
    assert extract_claims(text, "t")[0].source == source


def test_a_province_after_an_acronym_names_that_branch():
    text = "As per PDMA Sindh, 80 people died. The PDMA Punjab reported 60 deaths."
    assert [c.source for c in extract_claims(text, "t")] == ["PDMA-sindh", "PDMA-punjab"]
    # A capitalised word that is no place leaves the acronym alone.
    assert extract_claims("According to the NDMA Chairman, 80 died.", "t")[0].source == "NDMA"


def test_a_figure_reported_by_an_agent_is_not_its_source():
    # "by the army" after a killing is the perpetrator, not a source frame.
    claims = extract_claims("Twelve villagers were killed by the army on Monday.", "t")
    assert claims[0].source == "unattributed"


def test_short_lines_under_a_line_ending_with_a_colon_keep_its_source():
    text = (
        "The Rural Medics Union said the clashes killed civilians.\n\n"
        "The union gave these figures from hospitals on Sunday:\n\n"
        "In Town A, 12 civilians were killed.\n\n"
        "Another 9 were killed in other provinces.\n\n"
        "A later paragraph, long enough to be no item of that list, goes on about other "
        "matters at length and then says that 30 people were killed in the north, without "
        "saying who counted them.\n"
    )
    got = [(c.low, c.source) for c in extract_claims(text, "t")]
    assert got == [(12, "rural-medics-union"), (9, "rural-medics-union"), (30, "unattributed")]


def test_initials_before_a_surname_are_no_organisation():
    claims = extract_claims("Chief Secretary AB Rao said the toll rose to 210.", "t")
    assert claims[0].source != "AB"


def test_the_next_sentence_can_say_whose_figures_these_are():
    text = (
        "30 people were killed and 300 injured so far. These figures were released by the "
        "Red Cross."
    )
    assert [c.source for c in extract_claims(text, "t")] == ["red_cross", "red_cross"]
    # Another sentence in between, or a new paragraph, and the figures keep no source.
    later = "30 people were killed.\n\nThese figures were released by the Red Cross."
    assert extract_claims(later, "t")[0].source == "unattributed"


def test_the_un_at_the_start_of_a_sentence():
    assert extract_claims("The UN on Sunday gave a figure of 300 dead.", "t")[0].source == "UN"


@pytest.mark.parametrize(
    "text",
    [
        "The toll from the ISIS attack rose to 40 killed.",
        "The death toll of IED attacks rose to 40.",
        "Forty people were killed, said Ali, whose brother works for the UN.",
        "Footage recorded by CCTV showed 40 bodies.",
    ],
)
def test_an_acronym_is_a_source_only_after_a_lead_or_a_verb_with_by(text):
    # The attacker, the weapon or an aside is not who counted the dead.
    assert extract_claims(text, "t")[0].source == "unattributed"


def test_an_organisation_noun_before_a_title_is_no_place():
    # There is a town called Police; "Police Chief" is still no office of a place.
    assert source_of("Forty people died, Police Chief Jane Roe said.")[0] == "officials"


# Classes of real copy, issue 22 (third session). Every sentence is invented.


def sources_of(text: str) -> list[tuple[int, str, str]]:
    return [(c.low, c.source, c.source_basis) for c in extract_claims(text, "t")]


def test_a_speaker_named_by_surname_keeps_the_source_of_their_full_name():
    text = (
        "The head of the county fire department, Park Min Jae, confirmed that 12 tourists "
        "are among the dead.\n"
        "The Red Cross said 30 people were injured.\n"
        "Park also shared that among the 140 dead, 80 are women.\n"
        "Lee also shared that 20 more died.\n"
    )
    found = sources_of(text)
    assert found[2] == (140, "officials", "carried")  # Park: the fire department's source
    assert found[-1] == (20, "unattributed", "none")  # no Lee named in full before


def test_a_capitalised_word_after_an_article_or_a_name_is_no_surname():
    text = (
        "Rights groups and the Documentation Center were quoted by AFP on Monday.\n"
        "The Center added that 40 civilians were killed.\n"
        "The Documentation Center reported that 41 civilians were killed.\n"
    )
    # "The Center added" borrows no source; the whole name is a source of its own
    assert [s for _, s, _ in sources_of(text)] == ["unattributed", "documentation-center"]


@pytest.mark.parametrize(
    ("text", "source"),
    [
        ("“We have more than 50 dead here,” she continued.", "SOHR"),
        ("The fighting, it claims, killed 50 people.", "unattributed"),  # not a speaker
    ],
)
def test_a_pronoun_speaker_needs_a_verb_of_speech(text, source):
    lead = "The Syrian Observatory for Human Rights said 30 people were killed.\n"
    assert sources_of(lead + text)[-1][1] == source


@pytest.mark.parametrize(
    ("text", "source"),
    [
        ("“We have more than 50 dead,” the director of the Karsan district hospital, Ahmad "
         "Noori, informed a news agency.", "karsan-district-hospital"),
        ("At least 12 people were killed, the head of the Karsan regional hospital said.",
         "karsan-regional-hospital"),
        ("At least 12 people were killed, the head of the hospital said.", "local_sources"),
        ("Rescue workers at the temple confirmed that 40 bodies were found.", "local_sources"),
        ("Hospitals say dozens killed in strikes", "local_sources"),
        ("Two hospitals, Karama Hospital and Nasr Hospital, said they had counted 70 bodies.",
         "karama-hospital"),
        ("Hospital staff told reporters 12 people died.", "local_sources"),
        ("The agency reported 30 deaths, with rebel officials saying 40 people were killed.",
         "officials"),
        ("The Investigative Committee has previously established that more than 60 people "
         "were killed.", "investigative-committee"),
        ("The toll is more than 3,000 people that local authorities estimate have been killed.",
         "officials"),
        ("The toll has surged to 694, according to the country’s military junta.", "junta"),
    ],
)  # fmt: skip
def test_hospitals_rescue_workers_and_more_verbs_of_report(text, source):
    assert sources_of(text)[-1][1] == source


@pytest.mark.parametrize(
    ("text", "source"),
    [
        (
            "NDMA: Floods kill over 50 people in three provinces\nThe National Disaster "
            "Management Authority (NDMA) said rain would go on.",
            "NDMA",
        ),
        ("NDMA: Floods kill over 50 people", "unattributed"),  # an acronym never spelt out
        ("LIVE: Floods kill over 50 people", "unattributed"),
        ("Strikes kill 74 people in the enclave: Gaza's Health Ministry", "health_ministry"),
        ("KERALA: Landslides killed 40 people.", "unattributed"),  # a dateline, no source
        ("Among the dead: 12 police officers.", "unattributed"),
    ],
)
def test_a_headline_names_its_source_with_a_colon(text, source):
    assert sources_of(text)[-1][1] == source


def test_a_number_between_said_and_a_name_makes_the_name_no_source():
    text = (
        "The agency, set up in 2009, said 1,100 rescue workers had been deployed and that "
        "35 of the injured remained in hospital."
    )
    assert sources_of(text)[-1][1] == "officials"  # the agency, not the rescue workers


@pytest.mark.parametrize(
    "text",
    [
        "Le dernier bilan communiqué par le ministère de l’Intérieur fait état de 140 morts.",
        "Al menos 150 personas han muerto, según el balance publicado por el Ministerio.",
        "Pelo menos 30 mortos, segundo o governo.",
        "Mindestens 40 Todesopfer, laut dem Ministerium.",
    ],
)
def test_a_government_named_in_its_language_after_a_frame_of_its_language(text):
    assert sources_of(text)[-1][1].startswith("officials")


@pytest.mark.parametrize(
    ("text", "source"),
    [
        ("The Joint Emergency Coordination Center of the region has reported a rise in the "
         "death toll to 92.", "joint-emergency-coordination-center"),
        ("A new list published by Toyama prefecture on Monday showed 40 people were killed.",
         "toyama-prefecture"),
        ("The toll came to 504, according to data as of Friday from the Toyama prefectural "
         "government.", "toyama-prefectural-government"),
        ("Officials in Aragon had already announced three deaths.", "officials"),
        ("Troops suspected of killing hundreds - HRW", "HRW"),
        ("An intelligence-gathering report by the UN human rights office says troops killed "
         "more than 500 people.", "UN"),
        ("The Violations Documentation Center reported that 40 civilians were killed.", "VDC"),
        ("Killings by the military left 40 dead.", "unattributed"),  # an agent, no source
    ],
)  # fmt: skip
def test_centres_prefectures_dated_data_and_a_headline_dash(text, source):
    assert sources_of(text)[-1][1] == source


@pytest.mark.parametrize(
    ("text", "source"),
    [
        ("Karnataka Health Minister Asha Rao said 20 people had died by noon.\n"
         "Rescue work went on through the night.\n"
         "Rao, speaking to reporters, said 23 bodies have been recovered.",
         "karnataka-health-minister"),
        ("Meanwhile, Deccan News reported that the death toll mounted to 385.", "deccan-news"),
        ("In India, Odisha revised on Tuesday the body count to 288.", "government-in-od"),
        ("Odisha revised on Tuesday the body count to 288.", "unattributed"),  # no country
        ("Floods in Pakistan. Washington said 12 more had died.", "unattributed"),  # a town
        ("Turkey has reported 3,500 deaths.", "government-tr"),
        ("Sindh and Punjab reported 308 and 223 deaths.", "unattributed"),  # where, not who
        ("Death toll from fighting rises to 822: doctors' syndicate", "local_sources"),
        ("The previous toll as estimated by health authorities of the city was 5,500.",
         "officials"),
        ("At least 24 tourists were killed, the agency quoted police sources as saying.",
         "officials"),
    ],
)  # fmt: skip
def test_speakers_media_regions_and_frames_of_real_copy(text, source):
    assert sources_of(text)[-1][1] == source


@pytest.mark.parametrize(
    ("text", "source"),
    [
        ("Witnesses at the Kennedy Center said 40 people died.", "local_sources"),
        ("Residents near Al-Amal Hospital said 12 people died.", "local_sources"),
        ("Volunteers continued digging as the toll rose to 52.", "unattributed"),
        ("Doctors established a field hospital where 40 wounded were treated.", "unattributed"),
        ("Police spokesman John Smith said 30 people died.\nRescue went on.\n"
         "But Smith said 45 had died by evening.", "officials"),
    ],
)  # fmt: skip
def test_review_cases_of_the_source_classes(text, source):
    assert sources_of(text)[-1][1] == source


def test_a_long_run_of_surname_speakers_stays_linear():
    import time

    text = "\n".join(f"Later, Smith said {n} people had died." for n in range(2000))
    t = time.perf_counter()
    extract_claims(text, "t")
    assert time.perf_counter() - t < 5.0
