"""Release identity, category votes and series order (tolltrace.analysis.releases)."""

from __future__ import annotations

import pandas as pd
from analysis_frames import articles_frame, claims_frame, dated_and_assigned, releases_of, run

from tolltrace.analysis.releases import (
    RELEASE_COLUMNS,
    series_of,
    subsets_in_own_series,
)
from tolltrace.model import ESCALATION, Series

CIVILIAN_SERIES = Series.CIVILIANS

SOHR_CIV = f"SOHR|{CIVILIAN_SERIES}|killed"


def _by_id(releases: pd.DataFrame) -> pd.DataFrame:
    return releases.set_index("release_id")


def test_unspecified_people_join_civilians_only_on_evidence():
    claims = claims_frame(
        [
            {"article_id": "a", "low": 1, "char_start": 0, "victim_group": "civilians"},
            {"article_id": "a", "low": 2, "char_start": 10, "victim_group": "unspecified"},
            {
                "article_id": "a",
                "low": 3,
                "char_start": 20,
                "victim_group": "unspecified",
                "civilians_named": "women and children",
            },
            {"article_id": "a", "low": 4, "char_start": 30, "victim_group": "all"},
            {"article_id": "a", "low": 5, "char_start": 40, "victim_group": "fighters"},
        ]
    )
    assert list(series_of(claims)) == ["civilians", "unspecified", "civilians", "all", "fighters"]


def test_an_exact_figure_and_its_more_than_relay_are_one_release():
    claims = claims_frame(
        [
            {"article_id": "a", "low": 532, "char_start": 0, "victim_group": "unspecified"},
            {
                "article_id": "a",
                "low": 532,
                "char_start": 50,
                "qualifier": "more_than",
                "victim_group": "unspecified",
            },
            {"article_id": "b", "low": 532, "char_start": 7, "qualifier": "more_than"},
        ]
    )
    releases = releases_of(claims)
    assert list(releases.columns) == list(RELEASE_COLUMNS)
    assert list(releases["release_id"]) == [f"{SOHR_CIV}|532"]
    row = releases.iloc[0]
    assert (row["qualifier"], row["low"], row["high"]) == ("exact", 532, 532)
    assert row["victim_group"] == "civilians"  # the most specific of its mentions
    assert (row["n_mentions"], row["n_articles"], row["article_ids"]) == (3, 2, "a; b")


def test_independent_outlets_count_unknown_outlets_as_their_own():
    claims = claims_frame(
        [
            {"article_id": "a", "low": 9, "char_start": 0, "outlet": "Reuters"},
            {"article_id": "b", "low": 9, "char_start": 0, "outlet": "reuters "},
            {"article_id": "c", "low": 9, "char_start": 0},
            {"article_id": "d", "low": 9, "char_start": 0},
        ]
    )
    row = releases_of(claims).iloc[0]
    assert (row["n_articles"], row["n_outlets"]) == (4, 3)
    assert row["outlets"] == "article:c; article:d; reuters"


def test_unattributed_figures_never_join_a_named_source():
    claims = claims_frame(
        [
            {"article_id": "a", "low": 745, "char_start": 0},
            {"article_id": "b", "low": 745, "char_start": 0, "source": "unattributed"},
        ]
    )
    assert sorted(releases_of(claims)["release_id"]) == [
        f"{SOHR_CIV}|745",
        f"unattributed|{CIVILIAN_SERIES}|killed|745",
    ]


def test_vague_words_are_not_releases():
    claims = claims_frame(
        [{"article_id": "a", "low": 100, "char_start": 0, "qualifier": "vague", "high": None}]
    )
    _, assignment = dated_and_assigned(claims)
    assert list(assignment["release_id"]) == [""]
    assert releases_of(claims).empty


def test_a_subset_of_a_total_in_its_own_series_is_no_release():
    claims = claims_frame(
        [
            {"article_id": "a", "low": 300, "char_start": 0, "victim_group": "unspecified"},
            # "including 35 children": some of the total's civilians, not their toll
            {"article_id": "a", "low": 35, "char_start": 9, "part_of": "a@0"},
            # "including 40 fighters": the fighters' own figure
            {
                "article_id": "a",
                "low": 40,
                "char_start": 19,
                "victim_group": "fighters",
                "part_of": "a@0",
            },
        ]
    )
    assert list(subsets_in_own_series(claims)) == [False, True, False]
    # people including fighters: a total of everyone
    assert sorted(releases_of(claims)["release_id"]) == [
        "SOHR|all|killed|300",
        "SOHR|fighters|killed|40",
    ]


def test_repeated_claim_ids_do_not_break_the_subset_rule():
    rows = [
        {"article_id": "a", "low": 300, "char_start": 0, "victim_group": "unspecified"},
        {"article_id": "a", "low": 35, "char_start": 9, "part_of": "a@0"},
    ]
    twice = pd.concat([claims_frame(rows), claims_frame(rows)], ignore_index=True)
    assert list(subsets_in_own_series(twice)) == [False, True, False, True]


def test_daily_counts_are_releases_of_their_day():
    claims = claims_frame(
        [
            {
                "article_id": "a",
                "low": 50,
                "char_start": 0,
                "scope": "daily",
                "as_of_text": "on Friday",
            },
            {
                "article_id": "a",
                "low": 50,
                "char_start": 9,
                "scope": "daily",
                "as_of_text": "on Saturday",
            },
            {"article_id": "a", "low": 50, "char_start": 19, "scope": "incident"},
        ]
    )
    assert list(releases_of(claims)["release_id"]) == [
        f"{SOHR_CIV}|50|daily|2025-03-07",
        f"{SOHR_CIV}|50|daily|2025-03-08",
        f"{SOHR_CIV}|50|incident|undated",
    ]


def test_a_range_keeps_both_ends_in_its_identity():
    claims = claims_frame(
        [
            {"article_id": "a", "low": 300, "high": 400, "qualifier": "range", "char_start": 0},
            {"article_id": "b", "low": 300, "char_start": 0, "qualifier": "more_than"},
        ]
    )
    assert list(releases_of(claims)["figure"]) == ["300", "300-400"]


def test_the_series_more_outlets_state_is_the_home_of_a_figure():
    claims = claims_frame(
        [
            {"article_id": "a", "low": 745, "char_start": 0, "outlet": "A"},
            {"article_id": "b", "low": 745, "char_start": 0, "outlet": "B"},
            {"article_id": "c", "low": 745, "char_start": 0, "victim_group": "all"},
            {"article_id": "d", "low": 1000, "char_start": 0, "victim_group": "unspecified"},
            {"article_id": "e", "low": 1000, "char_start": 0, "victim_group": "all"},
        ]
    )
    work, assignment = dated_and_assigned(claims)
    by_claim = assignment.set_index(work["claim_id"])
    assert by_claim.loc["c@0", "release_id"] == f"{SOHR_CIV}|745"
    assert by_claim.loc["c@0", "category"] == "shift"
    # "1,000 people" is compatible with the all-victims figure: it joins it, no shift.
    assert by_claim.loc["d@0", "release_id"] == "SOHR|all|killed|1000"
    assert by_claim.loc["d@0", "category"] == ""
    assert sorted(releases_of(claims)["release_id"]) == [
        "SOHR|all|killed|1000",
        f"{SOHR_CIV}|745",
    ]


def test_a_tie_between_stated_groups_is_left_ambiguous():
    claims = claims_frame(
        [
            {"article_id": "a", "low": 745, "char_start": 0},
            {"article_id": "b", "low": 745, "char_start": 0, "victim_group": "all"},
        ]
    )
    _, assignment = dated_and_assigned(claims)
    assert list(assignment["category"]) == ["ambiguous", "ambiguous"]
    assert sorted(releases_of(claims)["release_id"]) == [
        "SOHR|all|killed|745",
        f"{SOHR_CIV}|745",
    ]


def _series(releases: pd.DataFrame) -> list[tuple[str, int, str]]:
    cum = releases[releases["scope"] == "cumulative"]
    return list(zip(cum["figure"], cum["series_order"], cum["order_basis"], strict=True))


def test_known_times_order_the_series_and_unknown_ones_slot_in_by_value():
    claims = claims_frame(
        [
            {"article_id": "a", "low": 100, "char_start": 0},
            {"article_id": "b", "low": 300, "char_start": 0},
            {"article_id": "c", "low": 200, "char_start": 0},
            {"article_id": "d", "low": 900, "char_start": 0},
        ]
    )
    articles = articles_frame(
        [
            {"article_id": "a", "published": "2025-03-07"},
            {"article_id": "b", "published": "2025-03-09"},
        ],
        claims,
    )
    assert _series(releases_of(claims, articles)) == [
        ("100", 1, "time"),
        ("200", 2, "value"),
        ("300", 3, "time"),
        ("900", 4, "value"),
    ]


def test_a_shared_day_is_ordered_by_value():
    claims = claims_frame(
        [
            {"article_id": "a", "low": 311, "char_start": 0},
            {"article_id": "a", "low": 300, "char_start": 40},
            {"article_id": "b", "low": 200, "char_start": 0},
        ]
    )
    articles = articles_frame(
        [
            {"article_id": "a", "published": "2025-03-08"},
            {"article_id": "b", "published": "2025-03-07"},
        ]
    )
    assert _series(releases_of(claims, articles)) == [
        ("200", 1, "time"),
        ("300", 2, "value"),
        ("311", 3, "value"),
    ]


def test_a_lower_figure_at_a_later_time_stays_in_time_order():
    claims = claims_frame(
        [
            {"article_id": "a", "low": 500, "char_start": 0},
            {"article_id": "b", "low": 400, "char_start": 0},
            {"article_id": "c", "low": 450, "char_start": 0},
        ]
    )
    articles = articles_frame(
        [
            {"article_id": "a", "published": "2025-03-07"},
            {"article_id": "b", "published": "2025-03-08"},
        ],
        claims,
    )
    # The undated 450 goes before the first dated figure that exceeds it.
    assert [f for f, _, _ in _series(releases_of(claims, articles))] == ["450", "500", "400"]


def test_a_stated_previous_figure_comes_before_the_one_that_revises_it():
    claims = claims_frame(
        [
            {"article_id": "a", "low": 300, "char_start": 0, "sentence_start": 0},
            {
                "article_id": "a",
                "low": 340,
                "char_start": 30,
                "sentence_start": 0,
                "is_previous": True,
            },
        ]
    )
    assert _series(releases_of(claims)) == [("340", 1, "time"), ("300", 2, "value")]


def test_daily_releases_follow_the_cumulative_series():
    claims = claims_frame(
        [
            {"article_id": "a", "low": 163, "char_start": 0, "scope": "daily"},
            {"article_id": "a", "low": 745, "char_start": 9},
        ]
    )
    releases = releases_of(claims)
    assert list(zip(releases["scope"], releases["series_order"], strict=True)) == [
        ("cumulative", 1),
        ("daily", 2),
    ]


def test_the_releases_table_does_not_depend_on_row_order():
    claims = claims_frame(
        [
            {"article_id": f"x{i % 4}", "low": v, "char_start": 10 * i, "outlet": o}
            for i, (v, o) in enumerate(
                [(5, "A"), (7, ""), (5, "B"), (9, "A"), (7, "C"), (5, ""), (11, "")]
            )
        ]
    )
    first = run(claims)["releases"]
    second = run(claims.sample(frac=1, random_state=3))["releases"]
    pd.testing.assert_frame_equal(first, second)


def test_no_claims_gives_empty_tables_with_their_columns():
    empty = claims_frame([{"article_id": "a", "low": 1, "char_start": 0}]).iloc[0:0]
    out = run(empty, articles_frame([{"article_id": "a"}]))
    assert {name: len(table) for name, table in out.items()} == {
        "claims": 0,
        "releases": 0,
        "escalation": 0,
        "consistency": 0,
        "estimates": 0,
    }
    assert list(out["releases"].columns) == list(RELEASE_COLUMNS)
    assert list(out["escalation"].columns) == list(ESCALATION.names)
    assert list(out["claims"].columns)[-2:] == ["divergence_class", "divergence_note"]
