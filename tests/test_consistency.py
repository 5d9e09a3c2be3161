"""Parts against totals within articles (tolltrace.analysis.consistency)."""

from __future__ import annotations

import pandas as pd
from analysis_frames import claims_frame

from tolltrace.analysis import prepare_claims
from tolltrace.analysis.consistency import CONSISTENCY_COLUMNS, check_consistency


def _check(rows) -> pd.DataFrame:
    return check_consistency(prepare_claims(claims_frame(rows))).set_index("total_claim_id")


def _claim(pos: int, low: int, group: str, **extra) -> dict[str, object]:
    return {"article_id": "a", "char_start": pos, "low": low, "victim_group": group, **extra}


def test_civilians_plus_combatants_make_the_total():
    rows = [_claim(0, 311, "civilians"), _claim(20, 524, "all"), _claim(30, 213, "combatants")]
    table = check_consistency(prepare_claims(claims_frame(rows)))
    assert list(table.columns) == list(CONSISTENCY_COLUMNS)
    row = table.set_index("total_claim_id").loc["a@20"]
    assert (row["status"], row["check"], row["parts_sum"]) == ("consistent", "algebra", 524)
    assert row["part_claim_ids"] == "a@0; a@30"
    assert row["part_groups"] == "civilians; combatants"


def test_security_forces_plus_fighters_make_the_combatants():
    got = _check(
        [
            _claim(0, 213, "combatants"),
            _claim(10, 93, "security_forces"),
            _claim(20, 120, "fighters"),
        ]
    )
    assert got.loc["a@0", "status"] == "consistent"
    assert got.loc["a@0", "parts_sum"] == 213


def test_a_more_than_total_is_met_by_parts_above_its_floor():
    rows = [
        _claim(0, 745, "civilians", qualifier="about"),
        _claim(10, 1000, "all", qualifier="more_than"),
        _claim(20, 125, "security_forces"),
        _claim(30, 148, "fighters"),
    ]
    row = _check(rows).loc["a@10"]
    assert (row["status"], row["parts_sum"]) == ("consistent", 1018)
    assert row["part_groups"] == "civilians; security_forces; fighters"


def test_exact_parts_that_miss_an_exact_total_are_inconsistent():
    got = _check(
        [_claim(0, 300, "civilians"), _claim(10, 500, "all"), _claim(20, 150, "combatants")]
    )
    assert got.loc["a@10", "status"] == "inconsistent"
    # "about" allows 10 %: 450 against about 500 is consistent.
    got = _check(
        [
            _claim(0, 300, "civilians"),
            _claim(10, 500, "all", qualifier="about"),
            _claim(20, 150, "combatants"),
        ]
    )
    assert got.loc["a@10", "status"] == "consistent"


def test_parts_summing_below_a_more_than_floor_are_inconsistent():
    rows = [
        _claim(0, 300, "civilians"),
        _claim(10, 1000, "all", qualifier="more_than"),
        _claim(20, 200, "combatants"),
    ]
    assert _check(rows).loc["a@10", "status"] == "inconsistent"


def test_a_vague_figure_makes_a_check_not_checkable():
    rows = [
        _claim(0, 100, "civilians", qualifier="vague", high=None),
        _claim(10, 524, "all"),
        _claim(20, 213, "combatants"),
    ]
    row = _check(rows).loc["a@10"]
    assert row["status"] == "not_checkable"
    assert row["note"].startswith("a vague figure")


def test_incomplete_parts_are_not_checkable_unless_they_exceed_the_total():
    got = _check([_claim(0, 311, "civilians"), _claim(10, 524, "all")])
    assert (got.loc["a@10", "check"], got.loc["a@10", "status"]) == ("partial", "not_checkable")
    got = _check([_claim(0, 600, "civilians"), _claim(10, 524, "all")])
    assert got.loc["a@10", "status"] == "inconsistent"


def test_explicit_part_of_links_are_checked_when_the_algebra_is_incomplete():
    rows = [
        _claim(0, 524, "all"),
        _claim(10, 213, "fighters", part_of="a@0"),
    ]
    row = _check(rows).loc["a@0"]
    assert (row["check"], row["status"], row["part_claim_ids"]) == (
        "part_of",
        "not_checkable",
        "a@10",
    )
    rows[1]["low"] = 600
    assert _check(rows).loc["a@0", "status"] == "inconsistent"


def test_a_linked_part_is_preferred_and_the_nearest_part_otherwise():
    rows = [
        _claim(0, 300, "civilians"),
        _claim(100, 524, "all"),
        _claim(110, 311, "civilians"),
        _claim(120, 213, "combatants"),
        _claim(400, 999, "civilians", part_of="a@900"),  # linked to another total
    ]
    row = _check(rows).loc["a@100"]
    assert row["part_claim_ids"] == "a@110; a@120"
    assert row["status"] == "consistent"


def test_parts_from_another_source_or_outcome_are_not_used():
    rows = [
        _claim(0, 311, "civilians", source="SNHR"),
        _claim(10, 524, "all"),
        _claim(20, 213, "combatants", outcome="injured"),
    ]
    assert _check(rows).empty


def test_previous_figures_and_daily_counts_are_left_out():
    rows = [
        _claim(0, 311, "civilians", is_previous=True),
        _claim(10, 524, "all"),
        _claim(20, 213, "combatants", scope="daily"),
    ]
    assert _check(rows).empty
