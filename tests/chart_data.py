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


def escalation_row(
    series_id: str,
    order: int,
    as_of: str,
    value: int,
    *,
    qualifier: str = "exact",
    on_line: bool = True,
    flag: str = "",
    note: str = "",
    outlet: str = "",
    place_id: str = "",
    place: str = "",
    series: str = "civilians",
    outcome: str = "killed",
) -> dict[str, object]:
    """One escalation.csv row; the source is the series id's first part."""
    source = series_id.split("|")[0]
    return {
        "series_id": series_id,
        "source": "unattributed" if outlet else source,
        "outlet": outlet,
        "place_id": place_id,
        "place_kind": "city" if place_id else "event",
        "place": place,
        "series": series,
        "outcome": outcome,
        "as_of": as_of,
        "as_of_inferred": False,
        "order": order,
        "value": value,
        "low": value,
        "high": None if qualifier == "more_than" else value,
        "qualifier": qualifier,
        "on_line": on_line,
        "flag": flag,
        "note": note,
        "release_id": f"{series_id}|{value}",
        "claim_ids": f"a{order}@{value}",
        "sentence": XSS_SENTENCE if value == 40 else f"The monitor said {value} were killed.",
        "article_ids": f"a{order}",
        "outlets": outlet or "Daily One",
        "n_outlets": 1,
    }


def escalation() -> pd.DataFrame:
    """A monitor's line 40 → more than 75 with a lower 60 off it, a ministry's one figure,
    an outlet's single unattributed figure, an undated figure and a town's figure."""
    lower_note = "lower than the 75 this source gave on 2024-05-02: another place or group?"
    rows = [
        escalation_row("MONITOR||civilians|killed", 1, "2024-05-01", 40),
        escalation_row("MONITOR||civilians|killed", 2, "2024-05-02", 75, qualifier="more_than"),
        escalation_row(
            "MONITOR||civilians|killed",
            3,
            "2024-05-03",
            60,
            on_line=False,
            flag="lower_than_earlier",
            note=lower_note,
        ),
        escalation_row("MINISTRY||unspecified|killed", 1, "2024-05-03", 80, series="unspecified"),
        escalation_row(
            "unattributed:Wire Service||unspecified|killed",
            1,
            "2024-05-02",
            70,
            on_line=False,
            flag="unattributed",
            outlet="Wire Service",
            series="unspecified",
        ),
        escalation_row(
            "MINISTRY||all|killed", 1, "", 99, on_line=False, flag="undated", series="all"
        ),
        escalation_row(
            "MONITOR|XX/Town|civilians|killed",
            1,
            "2024-05-02",
            12,
            place_id="XX/Town",
            place="in Town",
        ),
    ]
    return pd.DataFrame(rows)
