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


def test_escalation_points_one_row_per_release_with_relaying_outlets():
    points, total = charts.escalation_points(chart_data.releases(), chart_data.claims())
    assert total == 4
    assert list(points["release_id"]) == ["r3", "r1", "r2", "r4"]  # by source, series, order
    r1 = points.set_index("release_id").loc["r1"]
    assert r1["outlets"] == "Daily One; unknown outlet (a2)"
    assert r1["n_articles"] == 2
    assert "<script>" in r1["sentence"]  # kept as data; escaping is the renderer's job
    r2 = points.set_index("release_id").loc["r2"]
    assert r2["kind"] == charts.FIGURE_KINDS["more_than"]
    assert r2["figure"] == "more than 75"


@pytest.mark.parametrize("scope", ["daily", "incident", "increment"])
def test_escalation_points_filters_outcome_and_scope(scope):
    rel = chart_data.releases()
    rel.loc[0, "outcome"] = "injured"
    rel.loc[1, "scope"] = scope
    points, total = charts.escalation_points(rel, chart_data.claims())
    assert set(points["release_id"]) == {"r3", "r4"}
    assert total == 2


def test_escalation_cap_keeps_most_relayed_and_says_so():
    points, total = charts.escalation_points(
        chart_data.releases(), chart_data.claims(), max_points=2
    )
    assert total == 4
    assert set(points["release_id"]) == {"r1", "r2"}  # two articles each
    figure = charts.escalation_chart(chart_data.releases(), chart_data.claims(), max_points=2)
    assert "2 of 4 releases" in figure.caption


def test_escalation_uses_dates_when_all_known_and_order_otherwise():
    dated = charts.escalation_chart(chart_data.releases(), chart_data.claims()).spec()
    x_fields = {layer["encoding"]["x"]["field"] for layer in _layers(dated)}
    assert x_fields == {"as_of"}
    rel = chart_data.releases()
    rel.loc[2, "as_of_first"] = None
    undated = charts.escalation_chart(rel, chart_data.claims()).spec()
    x = [layer["encoding"]["x"] for layer in _layers(undated)]
    assert {e["field"] for e in x} == {"series_order"}
    assert "order inferred" in x[0]["title"]


def test_escalation_layers_steps_bands_floors_and_vague_panel():
    figure = charts.escalation_chart(chart_data.releases(), chart_data.claims())
    spec = figure.spec()
    assert len(spec["vconcat"]) == 2  # vague figures set apart
    layers = _layers(spec)
    marks = [layer["mark"]["type"] for layer in layers]
    assert marks.count("line") == 1
    assert layers[0]["mark"]["interpolate"] == "step-after"
    assert "rule" in marks  # range bands
    shapes = layers[2]["encoding"]["shape"]["scale"]
    assert (
        dict(zip(shapes["domain"], shapes["range"], strict=True))[charts.FIGURE_KINDS["more_than"]]
        == "triangle-up"
    )
    tooltip_fields = {t["field"] for t in layers[2]["encoding"]["tooltip"]}
    assert {"outlets", "source", "qualifier", "as_of_shown", "sentence"} <= tooltip_fields
    assert "not verified" in figure.caption


def test_no_vague_panel_without_vague_figures():
    rel = chart_data.releases()
    rel = rel[rel["qualifier"] != "vague"]
    spec = charts.escalation_chart(rel, chart_data.claims()).spec()
    assert "vconcat" not in spec


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
    first = charts.escalation_chart(chart_data.releases(), chart_data.claims())
    second = charts.escalation_chart(chart_data.releases(), chart_data.claims())
    svg = charts.spec_to_svg(first.spec())
    assert svg == charts.spec_to_svg(second.spec())
    assert svg.startswith("<svg") and "altair-viz" not in svg
    paths = charts.save_figure(first, tmp_path)
    assert [p.name for p in paths] == ["escalation-killed.svg", "escalation-killed.png"]
    png = paths[1].read_bytes()
    assert png.startswith(b"\x89PNG") and png == charts.spec_to_png(second.spec())


def test_charts_stay_small_at_scale():
    n = 12_000
    releases = pd.DataFrame(
        {
            "release_id": [f"r{i:05d}" for i in range(n)],
            "source": [f"S{i % 5}" for i in range(n)],
            "victim_group": "civilians",
            "outcome": "killed",
            "scope": "cumulative",
            "low": range(n),
            "high": range(n),
            "qualifier": "exact",
            "as_of_first": "2024-05-01",
            "as_of_last": "2024-05-01",
            "series_order": [i // 5 + 1 for i in range(n)],
            "order_basis": "value",
            "n_mentions": [1 + i % 7 for i in range(n)],
            "n_articles": [1 + i % 7 for i in range(n)],
            "n_outlets": 1,
            "article_ids": "a",
            "series": "civilians",
        }
    )
    claims = pd.concat([chart_data.claims()] * 20, ignore_index=True)
    claims["release_id"] = [f"r{i:05d}" for i in range(len(claims))]
    claims["reference_release_id"] = claims["release_id"]
    with alt.data_transformers.enable("default"):
        escalation = charts.escalation_chart(releases, claims)
        divergence = charts.divergence_chart(claims, releases)
    points = _datasets(escalation.spec())
    assert max(len(d) for d in points) == charts.MAX_RELEASE_POINTS
    assert len(json.dumps(escalation.spec())) < 1_000_000
    assert len(json.dumps(divergence.spec())) < 200_000
