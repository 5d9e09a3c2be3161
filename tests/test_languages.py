"""Casualty words of other languages (lexicon: casualty_nouns, casualty_words,
casualty_stems, victim_words, qualifiers), each tested on an invented sentence."""

from __future__ import annotations

import pytest

from tolltrace.extract import extract_claims


def _claims(text: str) -> list[tuple[int, str, str]]:
    return [(c.low, c.outcome, c.qualifier) for c in extract_claims(text, "t")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Le bilan fait état de 1 040 morts et 1 300 blessés.",
            [(1040, "killed", "exact"), (1300, "injured", "exact")],
        ),
        ("La province du Nord compte 560 décès.", [(560, "killed", "exact")]),
        (
            "Al menos 150 personas han muerto y 130 han resultado heridas.",
            [(150, "killed", "at_least"), (130, "injured", "exact")],
        ),
        ("Según el balance, 20 de los fallecidos son extranjeros.", [(20, "killed", "exact")]),
        (
            "Mindestens 40 Todesopfer und 12 Verletzte.",
            [(40, "killed", "at_least"), (12, "injured", "exact")],
        ),
        (
            "Pelo menos 30 mortos e 12 feridos.",
            [(30, "killed", "at_least"), (12, "injured", "exact")],
        ),
        ("Es gab mindestens 40 Todesopfer.", [(40, "killed", "at_least")]),
        ("Kuzey 230 ölüm bildirdi.", [(230, "killed", "exact")]),
        ("Sel nedeniyle 300 kişinin hayatını kaybettiği bildirildi.", [(300, "killed", "exact")]),
        (  # (id): a verb before the number, "orang" (people) after it
            "Korban meninggal dunia 140 orang dan luka-luka 210 orang.",
            [(140, "killed", "exact"), (210, "injured", "exact")],
        ),
        ("Sedikitnya 40 orang tewas dalam banjir itu.", [(40, "killed", "at_least")]),
    ],
)
def test_casualty_words_of_other_languages(text, expected):
    assert _claims(text) == expected


def test_a_noun_that_starts_with_a_non_ascii_letter_is_read():
    # Nouns were read only from ASCII letters: "ölü" (dead) after a number was no word.
    assert _claims("Bölgede 12 ölü ve 40 yaralı var.") == [
        (12, "killed", "exact"),
        (40, "injured", "exact"),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "The charity handed out 40 tote bags and 12 blankets.",
        "He scored 40 points with 12 assists.",
        "Luka scored 2 goals as 30,000 fans watched.",
    ],
)
def test_english_words_that_look_like_foreign_casualty_words_are_no_tolls(text):
    assert [o for _, o, _ in _claims(text) if o == "killed"] == []
