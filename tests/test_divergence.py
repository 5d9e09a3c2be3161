"""Reference figures and divergence classes (tolltrace.analysis.divergence)."""

from __future__ import annotations

import pandas as pd
from analysis_frames import articles_frame, claims_frame, run

from tolltrace.analysis.scores import article_scores
from tolltrace.model import DIVERGENCE_CLASSES, Series
from tolltrace.publish import charts

CIVILIAN_SERIES = Series.CIVILIANS

CIV = f"{CIVILIAN_SERIES}|killed"


def _classes(rows, articles=None) -> pd.DataFrame:
    """The analysed claims of handmade rows, by claim_id."""
    claims = claims_frame(rows)
    arts = articles_frame(articles, claims)
    return run(claims, arts)["claims"].set_index("claim_id")


def _published(**days: str) -> list[dict[str, str]]:
    return [{"article_id": a, "published": d} for a, d in days.items()]


def test_a_relay_of_the_current_figure_is_same():
    got = _classes([{"article_id": "a", "low": 745, "char_start": 0}])
    row = got.loc["a@0"]
    assert (row["divergence_class"], row["reference_value"]) == ("same", 745)
    assert row["reference_release_id"] == f"SOHR|{CIV}|745"
    assert row["release_id"] == f"SOHR|{CIV}|745"


def test_the_same_figure_with_another_qualifier_is_qualifier_drift():
    got = _classes(
        [
            {"article_id": "a", "low": 532, "char_start": 0},
            {"article_id": "a", "low": 532, "char_start": 9, "qualifier": "more_than"},
        ]
    )
    assert list(got["divergence_class"]) == ["same", "qualifier_drift"]
    assert "exact 532" in got.loc["a@9", "divergence_note"]


def test_relaying_an_older_release_is_timing():
    rows = [
        {"article_id": "a", "low": 300, "char_start": 0},
        {"article_id": "b", "low": 500, "char_start": 0},
        {"article_id": "c", "low": 300, "char_start": 0},
    ]
    got = _classes(rows, _published(a="2025-03-07", b="2025-03-08", c="2025-03-09"))
    assert got.loc["a@0", "divergence_class"] == "same"
    assert got.loc["c@0", "divergence_class"] == "timing"
    assert got.loc["c@0", "reference_value"] == 500
    assert "by 2025-03-08" in got.loc["c@0", "divergence_note"]


def test_releases_of_the_same_day_do_not_count_against_a_claim():
    rows = [
        {"article_id": "a", "low": 300, "char_start": 0},
        {"article_id": "b", "low": 500, "char_start": 0},
    ]
    got = _classes(rows, _published(a="2025-03-08", b="2025-03-08"))
    assert list(got["divergence_class"]) == ["same", "same"]
    assert list(got["reference_value"]) == [300, 500]


def test_time_unknown_is_not_called_stale_but_names_the_highest_figure():
    # An undated relay of a lower release cannot be judged stale: it is compared with the
    # release it relays, and the note gives the source's highest figure for context.
    got = _classes(
        [
            {"article_id": "a", "low": 340, "char_start": 0, "qualifier": "more_than"},
            {"article_id": "b", "low": 745, "char_start": 0},
        ]
    )
    row = got.loc["a@0"]
    assert (row["divergence_class"], row["reference_value"]) == ("same", 340)
    assert row["divergence_note"].startswith("time unknown")
    assert "highest SOHR figure of the series is 745" in row["divergence_note"]
    top = got.loc["b@0", "divergence_note"]
    assert top.startswith("time unknown") and "highest" not in top


def test_a_lower_figure_first_seen_after_a_higher_one_is_a_contradiction():
    rows = [
        {"article_id": "a", "low": 500, "char_start": 0},
        {"article_id": "b", "low": 300, "char_start": 0},
    ]
    got = _classes(rows, _published(a="2025-03-07", b="2025-03-09"))
    row = got.loc["b@0"]
    assert (row["divergence_class"], row["reference_value"]) == ("contradiction", 500)
    assert "states no revision" in row["divergence_note"]


def test_a_stated_previous_figure_is_timing_not_contradiction():
    rows = [
        {"article_id": "a", "low": 500, "char_start": 0},
        {"article_id": "b", "low": 300, "char_start": 0, "is_previous": True},
        {"article_id": "b", "low": 520, "char_start": 20},
    ]
    got = _classes(rows, _published(a="2025-03-07", b="2025-03-09"))
    assert got.loc["b@0", "divergence_class"] == "timing"
    assert got.loc["b@0", "divergence_note"].startswith("stated as a previous figure")
    assert got.loc["b@20", "divergence_class"] == "same"


def test_another_sources_figure_is_an_attribution_shift():
    rows = [
        {"article_id": "a", "low": 500, "char_start": 0},
        {"article_id": "b", "low": 300, "char_start": 0, "source": "SNHR"},
        {"article_id": "c", "low": 300, "char_start": 0},
        {"article_id": "d", "low": 300, "char_start": 0, "source": "unattributed"},
        {"article_id": "e", "low": 123, "char_start": 0, "source": "unattributed"},
    ]
    got = _classes(rows, _published(a="2025-03-07", b="2025-03-07", c="2025-03-09"))
    assert got.loc["c@0", "divergence_class"] == "attribution_shift"
    assert "SNHR|" in got.loc["c@0", "divergence_note"]
    assert got.loc["c@0", "reference_value"] == 500  # its own source's figure then
    assert got.loc["d@0", "divergence_class"] == "attribution_shift"
    assert got.loc["d@0", "reference_release_id"] == f"SNHR|{CIV}|300"
    # An unattributed figure no named source gave cannot be settled.
    assert got.loc["e@0", "divergence_class"] == "unknown"
    assert pd.isna(got.loc["e@0", "reference_value"])


def test_a_figure_placed_in_another_victim_group_is_a_category_shift():
    rows = [
        {"article_id": "a", "low": 745, "char_start": 0, "outlet": "A"},
        {"article_id": "b", "low": 745, "char_start": 0, "outlet": "B"},
        {"article_id": "c", "low": 745, "char_start": 0, "victim_group": "all"},
        {"article_id": "d", "low": 1000, "char_start": 0, "victim_group": "all"},
    ]
    got = _classes(rows)
    row = got.loc["c@0"]
    assert row["divergence_class"] == "category_shift"
    assert row["release_id"] == f"SOHR|{CIV}|745"
    # Its reference is the source's figure for the group the claim names.
    assert row["reference_release_id"] == "SOHR|all|killed|1000"
    assert "for civilians" in row["divergence_note"]


def test_cases_the_rules_cannot_settle_are_unknown():
    rows = [
        {"article_id": "a", "low": 745, "char_start": 0},
        {"article_id": "b", "low": 745, "char_start": 0, "victim_group": "all"},
        {"article_id": "c", "low": 100, "char_start": 0, "qualifier": "vague", "high": None},
    ]
    got = _classes(rows)
    assert list(got["divergence_class"]) == ["unknown"] * 3
    assert "not settled" in got.loc["a@0", "divergence_note"]
    assert got.loc["c@0", "divergence_note"].startswith("vague figure ('', coded 100)")
    assert got.loc["c@0", "release_id"] == ""


def test_daily_counts_are_compared_with_their_own_day():
    rows = [
        {"article_id": "a", "low": 745, "char_start": 0},
        {"article_id": "a", "low": 163, "char_start": 9, "scope": "daily"},
    ]
    got = _classes(rows)
    assert got.loc["a@9", "divergence_class"] == "same"
    assert got.loc["a@9", "reference_value"] == 163


def test_a_subset_of_its_own_series_is_not_compared():
    rows = [
        {"article_id": "a", "low": 745, "char_start": 0},
        {"article_id": "b", "low": 800, "char_start": 0, "victim_group": "unspecified"},
        # "Three of the dead were women": not a fall from 800
        {"article_id": "b", "low": 3, "char_start": 40, "part_of": "b@0"},
    ]
    got = _classes(rows)
    assert got.loc["b@40", "divergence_class"] == "unknown"
    assert got.loc["b@40", "reference_release_id"] == ""
    assert got.loc["b@40", "divergence_note"].startswith("part of the total b@0")


def test_every_class_is_in_the_vocabulary():
    rows = [
        {"article_id": "a", "low": 10 + i, "char_start": 10 * i, "source": s}
        for i, s in enumerate(["SOHR", "unattributed", "UN"])
    ]
    got = _classes(rows)
    assert set(got["divergence_class"]) <= set(DIVERGENCE_CLASSES)


def test_article_scores_measure_the_headline_against_the_reference():
    rows = [
        {"article_id": "a", "low": 340, "char_start": 50, "qualifier": "more_than"},
        {"article_id": "a", "low": 200, "char_start": 0, "is_headline": True},
        {"article_id": "b", "low": 800, "char_start": 0},
        {"article_id": "c", "low": 90, "char_start": 0, "source": "unattributed"},
        {"article_id": "d", "low": 12, "char_start": 0, "qualifier": "vague", "high": None},
    ]
    claims = claims_frame(rows)
    days = _published(a="2025-03-09", b="2025-03-08", c="2025-03-09", d="2025-03-09")
    claims = run(claims, articles_frame(days, claims))["claims"]
    scores = article_scores(claims).set_index("article_id")
    assert list(scores.index) == ["a", "b", "c"]
    a = scores.loc["a"]
    assert (a["low"], a["reference_value"], a["difference"], a["ratio"]) == (200, 800, -600, 0.25)
    assert (scores.loc["b", "difference"], scores.loc["b", "ratio"]) == (0, 1.0)
    assert pd.isna(scores.loc["c", "difference"])
    assert scores.loc["c", "note"].startswith("unattributed")


def test_a_toll_of_another_period_is_no_release_and_stays_off_the_divergence_chart():
    claims = claims_frame(
        [
            {"article_id": "a", "low": 300, "char_start": 0},
            {"article_id": "a", "low": 230000, "char_start": 50, "era_text": "the 2004 tsunami"},
        ]
    )
    out = run(claims)
    got = out["claims"].set_index("claim_id")
    assert list(out["releases"]["low"]) == [300]
    assert got.loc["a@50", "other_period"]
    assert got.loc["a@50", "release_id"] == ""
    assert got.loc["a@50", "divergence_class"] == "unknown"
    assert got.loc["a@50", "divergence_note"] == (
        "toll of another period ('the 2004 tsunami'): not compared with this event's figures"
    )
    assert not got.loc["a@0", "other_period"]
    points, _ = charts.divergence_points(out["claims"], out["releases"])
    assert list(points["low"]) == [300]


def test_an_article_score_skips_a_toll_of_another_period():
    claims = claims_frame(
        [
            {"article_id": "a", "low": 230000, "char_start": 0, "era_text": "in 2004"},
            {"article_id": "a", "low": 300, "char_start": 50},
        ]
    )
    scores = article_scores(run(claims)["claims"]).set_index("article_id")
    assert scores.loc["a", "low"] == 300
