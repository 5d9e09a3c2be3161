"""Chart builders: aggregation, encodings, caps and deterministic export."""

from __future__ import annotations

import json

import altair as alt
import chart_data
import pandas as pd
import pytest

from tolltrace.publish import charts


def _layers(spec: dict) -> list[dict]:
    """Return every single-view spec inside a (possibly layered or concatenated) spec."""
    found = []
    for key in ("layer", "vconcat", "hconcat"):
        for sub in spec.get(key, []):
            found.extend(_layers(sub))
    if "mark" in spec:
        found.append(spec)
    return found


def _datasets(spec: dict) -> list[list[dict]]:
    """Return the inline datasets of a top-level spec."""
    return list(spec.get("datasets", {}).values())


@pytest.mark.parametrize(
    ("low", "high", "qualifier", "vague", "expected"),
    [
        (532, 532, "exact", "", "532"),
        (1000, None, "more_than", "", "more than 1,000"),
        (300, 400, "range", "", "300–400"),
        (12, None, "vague", "dozens", "dozens (coded 12)"),
        (None, 50, "up_to", "", "up to 50"),
        (745, 745, "about", "", "about 745"),
    ],
)
def test_figure_label(low, high, qualifier, vague, expected):
    assert charts.figure_label(low, high, qualifier, vague) == expected


def test_escalation_points_label_series_and_keep_only_dated_figures_drawn():
    points = charts.escalation_points(chart_data.escalation())
    by_value = points.set_index("value")
    assert by_value.loc[40, "label"] == "MONITOR · civilians"
    assert by_value.loc[70, "label"] == "no named source (Wire Service) · people"
    assert by_value.loc[12, "label"] == "MONITOR · civilians · in Town"  # a part names its place
    assert by_value.loc[75, "figure"] == "more than 75"
    assert by_value.loc[75, "kind"] == charts.FIGURE_KINDS["more_than"]
    assert not by_value.loc[99, "drawn"]  # undated: listed, not drawn
    assert by_value.loc[12, "panel"] == "part" and by_value.loc[40, "panel"] == "event"


def test_escalation_lines_join_only_on_line_points_and_never_fall():
    spec = charts.escalation_chart(chart_data.escalation()).spec()
    lines = [layer for layer in _layers(spec) if layer["mark"]["type"] == "line"]
    drawn = [spec["datasets"][layer["data"]["name"]] for layer in lines]
    for rows in drawn:
        for series in {r["series_id"] for r in rows}:
            values = [
                r["value"]
                for r in sorted(rows, key=lambda r: r["order"])
                if r["series_id"] == series
            ]
            assert values == sorted(values)
    assert all(r["on_line"] for rows in drawn for r in rows)
    assert 60 not in [r["value"] for rows in drawn for r in rows]


def test_escalation_review_table_lists_the_lower_figure_with_its_claims():
    review = charts.review_table(chart_data.escalation())
    assert list(review["figure"]) == ["60"]
    assert "lower than the 75" in review.loc[0, "note"]
    assert review.loc[0, "claim_ids"] == "a3@60"


def test_escalation_x_is_the_report_day_with_years_when_they_differ():
    spec = charts.escalation_chart(chart_data.escalation(), event_start="2024-04-30").spec()
    x = next(layer["encoding"]["x"] for layer in _layers(spec) if layer["mark"]["type"] == "line")
    assert x["field"] == "as_of" and x["scale"]["domain"][0] == "2024-04-30"
    assert "'%d %b'" in x["axis"]["labelExpr"]
    wide = chart_data.escalation()
    wide.loc[0, "as_of"] = "2023-12-30"
    x = next(
        layer["encoding"]["x"]
        for layer in _layers(charts.escalation_chart(wide).spec())
        if layer["mark"]["type"] == "line"
    )
    assert "%Y" in x["axis"]["labelExpr"]


def test_escalation_on_one_day_uses_each_series_order():
    one_day = chart_data.escalation().assign(
        as_of=lambda e: e["as_of"].where(e["as_of"] == "", "2024-05-02")
    )
    spec = charts.escalation_chart(one_day).spec()
    x = next(layer["encoding"]["x"] for layer in _layers(spec) if layer["mark"]["type"] == "line")
    assert x["field"] == "order"


def test_escalation_colours_at_most_eight_series_and_labels_them_at_line_ends():
    rows = [
        chart_data.escalation_row(f"S{i}||civilians|killed", k, f"2024-05-0{k}", 10 * i + k)
        for i in range(12)
        for k in (1, 2)
    ]
    points = charts.escalation_points(pd.DataFrame(rows))
    coloured = set(points["colour"]) - {charts.escalation.OTHER_LABEL}
    assert len(coloured) == charts.MAX_COLOURED
    spec = charts.escalation_chart(pd.DataFrame(rows)).spec()
    texts = [layer for layer in _layers(spec) if layer["mark"]["type"] == "text"]
    labelled = spec["datasets"][texts[0]["data"]["name"]]
    assert len(labelled) == charts.MAX_COLOURED  # one label per coloured line, at its end
    assert all(r["order"] == 2 for r in labelled)
    colour = next(
        layer["encoding"]["color"] for layer in _layers(spec) if "color" in layer["encoding"]
    )
    assert colour["legend"] is None


def test_escalation_caption_counts_lower_and_undated_figures():
    caption = charts.escalation_chart(chart_data.escalation()).caption
    assert "1 later figure lower than its line" in caption
    assert "1 figures of unknown date" in caption or "1 figure of unknown date" in caption


def test_divergence_points_against_reference_release():
    points, total = charts.divergence_points(chart_data.claims(), chart_data.releases())
    assert total == 4  # three releases + "no matching release"
    timing = points[points["divergence_class"] == "timing"].iloc[0]
    assert timing["reference_value"] == 75
    assert timing["low"] == 40
    assert timing["row_label"].startswith("MONITOR: more than 75")
    assert points.iloc[-1]["row_label"] == "no matching release"


def test_divergence_colours_are_fixed_and_colour_blind_safe():
    spec = charts.divergence_chart(chart_data.claims(), chart_data.releases()).spec()
    colour = _layers(spec)[1]["encoding"]["color"]["scale"]
    assert colour["domain"] == list(charts.DIVERGENCE_CLASSES)
    assert colour["range"] == [charts.DIVERGENCE_COLOURS[c] for c in charts.DIVERGENCE_CLASSES]
    assert len(set(colour["range"])) == len(colour["range"])


def test_divergence_caps_rows():
    claims = pd.concat(
        [chart_data.claims().assign(article_id=f"x{i}") for i in range(3)], ignore_index=True
    )
    points, total = charts.divergence_points(claims, chart_data.releases(), max_rows=2)
    assert total == 4
    assert points["row_label"].nunique() == 2


def test_estimates_and_consistency_charts_carry_their_tables():
    est = charts.estimates_chart(chart_data.estimates()).spec()
    rows = _datasets(est)[0]
    assert [r["best"] for r in rows] == [40, 75]
    assert rows[1]["sources"] == "MINISTRY;MONITOR"
    con = charts.consistency_chart(chart_data.consistency()).spec()
    statuses = [r["status"] for r in _datasets(con)[0]]
    assert statuses == ["consistent", "inconsistent"]


def test_export_is_deterministic_and_has_no_random_ids(tmp_path):
    first = charts.escalation_chart(chart_data.escalation())
    second = charts.escalation_chart(chart_data.escalation())
    svg = charts.spec_to_svg(first.spec())
    assert svg == charts.spec_to_svg(second.spec())
    assert svg.startswith("<svg") and "altair-viz" not in svg
    paths = charts.save_figure(first, tmp_path)
    assert [p.name for p in paths] == ["escalation-killed.svg", "escalation-killed.png"]
    png = paths[1].read_bytes()
    assert png.startswith(b"\x89PNG") and png == charts.spec_to_png(second.spec())


def test_charts_stay_small_at_scale():
    n = 12_000
    escalation = pd.DataFrame(
        [
            chart_data.escalation_row(
                f"S{i % 400}||civilians|killed", i // 400 + 1, "2024-05-01", i
            )
            for i in range(n)
        ]
    )
    releases = chart_data.releases()
    claims = pd.concat([chart_data.claims()] * 20, ignore_index=True)
    claims["release_id"] = [f"r{i:05d}" for i in range(len(claims))]
    claims["reference_release_id"] = claims["release_id"]
    with alt.data_transformers.enable("default"):
        chart = charts.escalation_chart(escalation)
        divergence = charts.divergence_chart(claims, releases)
    points = _datasets(chart.spec())
    assert max(len(d) for d in points) <= charts.escalation.MAX_DRAWN_POINTS
    assert "left out to keep it legible" in chart.caption
    assert len(json.dumps(chart.spec())) < 1_000_000
    assert len(json.dumps(divergence.spec())) < 200_000
