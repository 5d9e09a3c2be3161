"""The analysis on the five shipped articles: the orders and checks issue 3 requires.

Two inputs: a claims table built from the hand annotations (tests/annotations/gold), which
tests the analysis alone, and the real pipeline (extractor included) run into tmp_path.
"""

from __future__ import annotations

import pandas as pd
import pytest
from analysis_frames import EVENT_START, articles_frame, claims_frame, run
from annotation_sets import annotations

from tolltrace import config
from tolltrace.analysis import article_scores
from tolltrace.extract.timeref import find_time_expressions
from tolltrace.run.pipeline import process_corpus
from tolltrace.tables.csvio import read_table

A0, A1, A2 = "000_4e79d535c6ea8260", "001_787ec250aeefa238", "002_696d2abe624ca1f4"
A3, A4 = "003_30b87b7eb73067d6", "004_cc5060f159b3eb3a"
CIVILIAN_SERIES = [
    ("300", "more_than"),
    ("311", "exact"),
    ("340", "more_than"),
    ("532", "exact"),
    ("700", "more_than"),
    ("745", "about"),
]
# What the annotations leave out and the extractor provides: the expression dating a
# claim ("earlier on Saturday"), "524, including 213 fighters from both sides", and the
# civilians a count of people names ("people, including women and children").
AS_OF_TEXT = {(A3, 1920): "earlier on Saturday"}
PART_OF = {(A3, 2569): f"{A3}@2554"}
CIVILIANS_NAMED = {(A0, 209): "women and children", (A1, 0): "women and children"}
CIVILIANS_NAMED[(A4, 165)] = "women and children"


def _gold_tables() -> tuple[pd.DataFrame, pd.DataFrame]:
    """(claims, articles) mirroring the hand annotations of the seeds."""
    manifest = pd.read_csv(config.RAW_DIR / "articles.csv", dtype=str, keep_default_na=False)
    outlets = dict(zip(manifest["file"].str.removesuffix(".txt"), manifest["outlet"], strict=True))
    rows = []
    for g in annotations("gold"):
        key = (g.article_id, g.char_start)
        exprs = find_time_expressions(g.time_text)
        rows.append(
            {
                "article_id": g.article_id,
                "outlet": outlets[g.article_id],
                "char_start": g.char_start,
                "mention": g.mention,
                "low": g.low,
                "high": g.high,
                **{c: getattr(g, c) for c in ("outcome", "qualifier", "vague_term")},
                **{c: getattr(g, c) for c in ("victim_group", "source", "scope", "time_text")},
                "since_text": "; ".join(e.text for e in exprs if e.kind == "since"),
                "as_of_text": AS_OF_TEXT.get(
                    key, "; ".join(e.text for e in exprs if e.kind != "since")
                ),
                "is_headline": g.is_headline,
                "part_of": PART_OF.get(key, ""),
                "civilians_named": CIVILIANS_NAMED.get(key, ""),
            }
        )
    claims = claims_frame(rows)
    articles = []
    for path in sorted(config.RAW_DIR.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        mentions = "; ".join(e.text for e in find_time_expressions(text))
        articles.append({"article_id": path.stem, "time_mentions": mentions})
    return claims, articles_frame(articles)


@pytest.fixture(scope="module")
def gold_results() -> dict[str, pd.DataFrame]:
    claims, articles = _gold_tables()
    return run(claims, articles, EVENT_START)


@pytest.fixture(scope="module")
def pipeline_results(tmp_path_factory: pytest.TempPathFactory) -> dict[str, pd.DataFrame]:
    out = tmp_path_factory.mktemp("processed")
    process_corpus(config.RAW_DIR, out, progress=False)
    return {
        name: read_table(out / f"{name}.csv")
        for name in ("claims", "releases", "consistency", "estimates")
    }


@pytest.fixture(params=["gold", "pipeline"])
def results(request: pytest.FixtureRequest) -> dict[str, pd.DataFrame]:
    return request.getfixturevalue(f"{request.param}_results")


def _series(releases: pd.DataFrame, source: str, series: str) -> pd.DataFrame:
    rows = releases[
        (releases["source"] == source)
        & (releases["series"] == series)
        & (releases["outcome"] == "killed")
        & (releases["scope"] == "cumulative")
    ]
    return rows.sort_values("series_order")


def test_sohr_civilian_series_reads_in_the_required_order(results):
    civ = _series(results["releases"], "SOHR", "civilians")
    assert list(zip(civ["figure"].astype(str), civ["qualifier"], strict=True)) == CIVILIAN_SERIES
    assert list(civ["series_order"]) == [1, 2, 3, 4, 5, 6]
    # "532" and "more than 532" in one article are one release.
    r532 = civ[civ["figure"].astype(str) == "532"].iloc[0]
    assert (r532["n_mentions"], r532["article_ids"]) == (2, A0)


def test_sohr_all_victims_series_reads_524_then_more_than_1000(results):
    everyone = _series(results["releases"], "SOHR", "all")
    assert list(zip(everyone["low"], everyone["qualifier"], strict=True)) == [
        (524, "exact"),
        (1000, "more_than"),
    ]


def test_parts_and_totals_of_the_seeds_are_consistent(results):
    checks = results["consistency"].set_index("total_claim_id")
    assert checks.loc[f"{A3}@2554", "parts_sum"] == 524  # 311 civilians + 213 combatants
    assert checks.loc[f"{A3}@2569", "parts_sum"] == 213  # 93 + 120
    assert checks.loc[f"{A2}@768", "parts_sum"] == 1018  # 745 + 125 + 148 against "over 1,000"
    for total in (f"{A3}@2554", f"{A3}@2569", f"{A2}@768"):
        assert checks.loc[total, "status"] == "consistent"


def test_dating_and_divergence_of_the_seeds(results):
    claims = results["claims"].set_index("claim_id")
    assert claims.loc[f"{A3}@1920", "as_of"] == "2025-03-08"  # "earlier on Saturday"
    assert claims.loc[f"{A3}@1920", "as_of_basis"] == "text"
    assert claims.loc[f"{A3}@1920", "period_start"] == "2025-03-06"  # "since Thursday"
    assert claims.loc[f"{A2}@294", "as_of"] == "2025-03-08"  # "… Friday and Saturday"
    assert claims.loc[f"{A3}@3302", "as_of"] == "2025-03-07"  # 163 killed on Friday
    assert claims.loc[f"{A0}@0", "divergence_class"] == "same"
    assert claims.loc[f"{A0}@209", "divergence_class"] == "qualifier_drift"  # more than 532
    # No article has a publication date; the Reuters relay names no day at all.
    assert claims.loc["004_cc5060f159b3eb3a@165", "as_of_basis"] == "unknown"
    # Undated, it is compared with the release it relays ("more than 340"), not called stale.
    assert claims.loc["004_cc5060f159b3eb3a@165", "divergence_class"] == "same"
    assert claims.loc["004_cc5060f159b3eb3a@165", "reference_value"] == 340
    assert (
        "highest SOHR figure of the series is 745"
        in (claims.loc["004_cc5060f159b3eb3a@165", "divergence_note"])
    )


def test_estimates_and_scores_of_the_seeds(results):
    est = results["estimates"]
    overall = est[(est["date"].fillna("") == "") & (est["series"] == "civilians")]
    row = overall.iloc[0]
    assert (row["low"], row["best"], row["high"]) == (745, 745, 745)
    assert row["sources"] == "SOHR; local_sources"
    scores = article_scores(results["claims"]).set_index("article_id")
    assert pd.isna(scores.loc["004_cc5060f159b3eb3a", "difference"])
    assert scores.loc["004_cc5060f159b3eb3a", "note"] == "date unknown: no reference at its date"
