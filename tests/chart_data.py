"""Small handmade tables with the processed-table columns, for chart and report tests.

The figures describe an invented event; they are not the shipped corpus.
"""

from __future__ import annotations

import pandas as pd

XSS_SENTENCE = (
    'Monitors said <script>alert("x")</script> 40 people died '
    "<img src=x onerror=alert(1)> </script><script>alert(2)</script> & more."
)


def _claim(
    article: str,
    outlet: str,
    start: int,
    low: int,
    high: int | None,
    qualifier: str,
    source: str,
    release: str,
    ref: str,
    ref_value: int | None,
    klass: str,
    sentence: str,
    as_of: str = "2024-05-02",
    outcome: str = "killed",
    victim_group: str = "civilians",
    vague_term: str = "",
) -> dict[str, object]:
    """Return one claims row with the columns charts and reports read."""
    return {
        "article_id": article,
        "file": f"{article}.txt",
        "outlet": outlet,
        "claim_id": f"{article}@{start}",
        "outcome": outcome,
        "low": low,
        "high": high,
        "qualifier": qualifier,
        "vague_term": vague_term,
        "victim_group": victim_group,
        "source": source,
        "scope": "cumulative",
        "mention": str(low),
        "char_start": start,
        "char_end": start + len(str(low)),
        "sentence": sentence,
        "as_of": as_of,
        "as_of_basis": "text",
        "release_id": release,
        "reference_release_id": ref,
        "reference_value": ref_value,
        "divergence_class": klass,
        "divergence_note": "",
    }


def claims() -> pd.DataFrame:
    """Claims from three articles relaying two sources' releases."""
    rows = [
        _claim(
            "a1",
            "Daily One",
            10,
            40,
            40,
            "exact",
            "MONITOR",
            "r1",
            "r1",
            40,
            "same",
            XSS_SENTENCE,
            as_of="2024-05-01",
        ),
        _claim(
            "a1",
            "Daily One",
            90,
            75,
            None,
            "more_than",
            "MONITOR",
            "r2",
            "r2",
            75,
            "same",
            "More than 75 people were killed, the monitor said.",
            as_of="2024-05-02",
        ),
        _claim(
            "a2",
            "",
            5,
            40,
            40,
            "exact",
            "MONITOR",
            "r1",
            "r2",
            75,
            "timing",
            "The monitor counted 40 dead.",
            as_of="2024-05-02",
        ),
        _claim(
            "a2",
            "",
            60,
            12,
            None,
            "vague",
            "unattributed",
            "r4",
            "",
            None,
            "unknown",
            "Dozens of fighters died.",
            victim_group="fighters",
            vague_term="dozens",
        ),
        _claim(
            "a3",
            "Wire Service",
            0,
            80,
            90,
            "range",
            "MINISTRY",
            "r3",
            "r3",
            80,
            "same",
            "Between 80 and 90 people were killed, the ministry said.",
            as_of="2024-05-03",
        ),
        _claim(
            "a3",
            "Wire Service",
            70,
            75,
            75,
            "exact",
            "MONITOR",
            "r2",
            "r2",
            75,
            "qualifier_drift",
            "The monitor said 75 were killed.",
            as_of="2024-05-02",
        ),
    ]
    return pd.DataFrame(rows)


def releases() -> pd.DataFrame:
    """Four releases: a monitor's rising series, a ministry range and a vague figure."""
    cols = [
        "release_id",
        "source",
        "victim_group",
        "outcome",
        "scope",
        "low",
        "high",
        "qualifier",
        "as_of_first",
        "as_of_last",
        "series_order",
        "order_basis",
        "n_mentions",
        "n_articles",
        "n_outlets",
        "article_ids",
        "series",
    ]
    rows = [
        [
            "r1",
            "MONITOR",
            "civilians",
            "killed",
            "cumulative",
            40,
            40,
            "exact",
            "2024-05-01",
            "2024-05-02",
            1,
            "time",
            2,
            2,
            2,
            "a1;a2",
            "civilians",
        ],
        [
            "r2",
            "MONITOR",
            "civilians",
            "killed",
            "cumulative",
            75,
            None,
            "more_than",
            "2024-05-02",
            "2024-05-02",
            2,
            "time",
            2,
            2,
            2,
            "a1;a3",
            "civilians",
        ],
        [
            "r3",
            "MINISTRY",
            "civilians",
            "killed",
            "cumulative",
            80,
            90,
            "range",
            "2024-05-03",
            "2024-05-03",
            1,
            "time",
            1,
            1,
            1,
            "a3",
            "civilians",
        ],
        [
            "r4",
            "unattributed",
            "fighters",
            "killed",
            "cumulative",
            12,
            None,
            "vague",
            "2024-05-02",
            "2024-05-02",
            1,
            "time",
            1,
            1,
            1,
            "a2",
            "fighters",
        ],
    ]
    return pd.DataFrame(rows, columns=cols)


def consistency() -> pd.DataFrame:
    """Two parts-and-totals checks, one consistent, one not."""
    return pd.DataFrame(
        {
            "article_id": ["a1", "a3"],
            "total_claim_id": ["a1@90", "a3@0"],
            "total_value": [75, 80],
            "part_claim_ids": ["a1@10;a1@50", "a3@70"],
            "parts_sum": [75, 75],
            "status": ["consistent", "inconsistent"],
        }
    )


def estimates() -> pd.DataFrame:
    """Estimates for two days and one victim group."""
    return pd.DataFrame(
        {
            "date": ["2024-05-01", "2024-05-02"],
            "victim_group": ["civilians", "civilians"],
            "outcome": ["killed", "killed"],
            "low": [40, 75],
            "best": [40, 75],
            "high": [40, 90],
            "sources": ["MONITOR", "MINISTRY;MONITOR"],
            "grade": ["single source", "multiple sources"],
        }
    )
