"""Low, best and high per date, victim group and outcome (tolltrace.analysis.estimates)."""

from __future__ import annotations

import pandas as pd
from analysis_frames import articles_frame, claims_frame, releases_of

from tolltrace.analysis.estimates import ESTIMATE_COLUMNS, estimate_tolls
from tolltrace.model import Series

CIVILIAN_SERIES = Series.CIVILIANS


def _estimates(rows, published: dict[str, str] | None = None) -> pd.DataFrame:
    claims = claims_frame(rows)
    arts = articles_frame(
        [{"article_id": a, "published": d} for a, d in (published or {}).items()], claims
    )
    return estimate_tolls(releases_of(claims, arts))


def _row(est: pd.DataFrame, date: str, series: str = CIVILIAN_SERIES) -> pd.Series:
    hit = est[(est["date"] == date) & (est["series"] == series)]
    assert len(hit) == 1
    return hit.iloc[0]


def test_low_best_high_follow_the_documented_rule():
    rows = [
        {"article_id": "a", "low": 300, "char_start": 0, "outlet": "A"},
        {"article_id": "b", "low": 745, "char_start": 0, "outlet": "B"},
        {"article_id": "c", "low": 745, "char_start": 0, "outlet": "C"},
        {"article_id": "d", "low": 700, "high": 900, "qualifier": "range", "char_start": 0,
         "source": "local_sources"},
    ]  # fmt: skip
    est = _estimates(
        rows, {"a": "2025-03-07", "b": "2025-03-08", "c": "2025-03-08", "d": "2025-03-08"}
    )
    assert list(est.columns) == list(ESTIMATE_COLUMNS)
    first = _row(est, "2025-03-07")
    assert (first["low"], first["best"], first["high"]) == (300, 300, 300)
    assert (first["sources"], first["grade"]) == ("SOHR", "single_source")
    later = _row(est, "2025-03-08")
    # low: largest floor; high: largest ceiling; best: SOHR's latest (most outlets).
    assert (later["low"], later["best"], later["high"]) == (745, 745, 900)
    assert later["sources"] == "SOHR; local_sources"
    assert later["best_source"] == "SOHR"
    assert later["victim_group"] == "civilians"


def test_a_figure_two_sources_give_is_graded_multiple_sources():
    rows = [
        {"article_id": "a", "low": 745, "char_start": 0},
        {"article_id": "b", "low": 745, "char_start": 0, "source": "SNHR"},
    ]
    est = _estimates(rows, {"a": "2025-03-08", "b": "2025-03-08"})
    assert _row(est, "2025-03-08")["grade"] == "multiple_sources"


def test_best_is_raised_to_the_floor_with_a_note():
    rows = [
        {"article_id": "a", "low": 300, "char_start": 0, "outlet": "A"},
        {"article_id": "b", "low": 300, "char_start": 0, "outlet": "B"},
        {"article_id": "c", "low": 500, "char_start": 0, "source": "SNHR"},
    ]
    row = _row(
        _estimates(rows, {"a": "2025-03-08", "b": "2025-03-08", "c": "2025-03-08"}), "2025-03-08"
    )
    assert (row["low"], row["best"], row["high"]) == (500, 500, 500)
    assert row["best_source"] == "SOHR"
    assert row["note"] == "best raised to the floor: SOHR's latest figure was 300"


def test_undated_releases_only_enter_the_corpus_wide_row_which_comes_last():
    rows = [
        {"article_id": "a", "low": 300, "char_start": 0},
        {"article_id": "b", "low": 900, "char_start": 0},
        {"article_id": "c", "low": 50, "char_start": 0, "victim_group": "fighters"},
    ]
    est = _estimates(rows, {"a": "2025-03-08"})
    assert list(est["date"]) == ["2025-03-08", "", ""]
    assert _row(est, "2025-03-08")["high"] == 300
    assert _row(est, "")["high"] == 900
    assert _row(est, "", "fighters")["low"] == 50


def test_dates_carry_earlier_releases_forward():
    rows = [
        {"article_id": "a", "low": 300, "char_start": 0},
        {"article_id": "b", "low": 20, "char_start": 0, "victim_group": "fighters"},
        {"article_id": "c", "low": 40, "char_start": 0, "victim_group": "fighters"},
    ]
    est = _estimates(rows, {"a": "2025-03-07", "b": "2025-03-08", "c": "2025-03-09"})
    civ = est[est["series"] == CIVILIAN_SERIES]
    assert list(civ["date"]) == ["2025-03-07", ""]
    fighters = est[est["series"] == "fighters"]
    assert list(zip(fighters["date"], fighters["low"], strict=True)) == [
        ("2025-03-08", 20),
        ("2025-03-09", 40),
        ("", 40),
    ]


def test_unattributed_vague_and_daily_figures_make_no_estimate():
    rows = [
        {"article_id": "a", "low": 300, "char_start": 0, "source": "unattributed"},
        {"article_id": "a", "low": 100, "char_start": 9, "qualifier": "vague", "high": None},
        {"article_id": "a", "low": 163, "char_start": 19, "scope": "daily"},
        {"article_id": "a", "low": 27, "char_start": 29, "scope": "increment"},
    ]
    assert _estimates(rows).empty
    assert list(_estimates(rows).columns) == list(ESTIMATE_COLUMNS)


def test_a_series_of_unspecified_figures_is_reported_as_unspecified():
    rows = [{"article_id": "a", "low": 700, "char_start": 0, "victim_group": "unspecified"}]
    assert list(_estimates(rows)["victim_group"]) == ["unspecified"]
