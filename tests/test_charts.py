"""Chart builders: aggregation, encodings, caps and deterministic export."""

from __future__ import annotations

import json

import altair as alt
import chart_data
import pandas as pd
import pytest

from tolltrace.publish import charts, divergence


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
    assert timing["row_label"] == "MONITOR · more than 75 civilians · 2 May 2024"
    assert points.iloc[-1]["row_label"] == divergence.NO_RELEASE


def test_divergence_colours_are_fixed_and_colour_blind_safe():
    spec = charts.divergence_chart(chart_data.claims(), chart_data.releases()).spec()
    stroke = next(layer for layer in _layers(spec) if "stroke" in layer["encoding"])
    scale = stroke["encoding"]["stroke"]["scale"]
    # Only the classes drawn as dots (the vague "dozens" is written), in the fixed order.
    assert scale["domain"] == ["same", "timing", "qualifier_drift"]
    assert scale["range"] == [charts.DIVERGENCE_COLOURS[c] for c in scale["domain"]]
    assert len(set(charts.DIVERGENCE_COLOURS.values())) == len(charts.DIVERGENCE_CLASSES)


def _drawn(spec: dict, mark: str) -> list[dict]:
    """The rows each layer of `mark` draws (inline datasets, by name)."""
    rows = []
    for layer in _layers(spec):
        kind = layer["mark"]["type"] if isinstance(layer["mark"], dict) else layer["mark"]
        if kind == mark:
            rows.extend(spec["datasets"][layer["data"]["name"]])
    return rows


def test_divergence_shows_a_qualifier_drift_in_words_beside_its_dot():
    # 75 relayed as exact against the monitor's "more than 75": same place on the axis,
    # so the dot is labelled with the article's words.
    spec = charts.divergence_chart(chart_data.claims(), chart_data.releases()).spec()
    labels = {r["point_label"] for r in _drawn(spec, "text") if "point_label" in r}
    assert "75 (Wire Service)" in labels
    assert "40 (unknown outlet (a2))" in labels  # the timing dot, off the tick
    assert not any(label.startswith("80") for label in labels)  # the same figure: no label


def test_divergence_writes_vague_figures_and_never_plots_their_coded_number():
    spec = charts.divergence_chart(chart_data.claims(), chart_data.releases()).spec()
    dots = _drawn(spec, "point")
    assert all(r["figure"] != "“dozens”" for r in dots)
    words = [layer for layer in _layers(spec) if layer["encoding"].get("x") == {"value": 2}]
    assert len(words) == 1
    rows = spec["datasets"][words[0]["data"]["name"]]
    assert [r["point_label"] for r in rows] == ["“dozens”, in words (unknown outlet (a2))"]


def test_divergence_draws_an_undated_figure_hollow():
    claims = chart_data.claims()
    claims.loc[claims["article_id"] == "a3", "as_of"] = ""
    spec = charts.divergence_chart(claims, chart_data.releases()).spec()
    dots = {r["outlet"]: r["dated"] for r in _drawn(spec, "point")}
    assert dots == {"Daily One": True, "unknown outlet (a2)": True, "Wire Service": False}
    dot_layer = next(layer for layer in _layers(spec) if "fill" in layer["encoding"])
    assert dot_layer["encoding"]["fill"]["condition"]["test"] == "datum.dated"
    assert dot_layer["encoding"]["fill"]["value"] == "white"


def test_divergence_title_states_how_many_figures_differ():
    figure = charts.divergence_chart(chart_data.claims(), chart_data.releases())
    assert (
        figure.title == "2 of 5 figures outlets ran differ from their source's release, in 2 ways"
    )


def test_every_chart_carries_its_source_line_and_a_width_the_page_can_narrow():
    figures = [
        charts.escalation_chart(chart_data.escalation()),
        charts.divergence_chart(chart_data.claims(), chart_data.releases()),
        charts.estimates_chart(chart_data.estimates()),
        charts.consistency_chart(chart_data.consistency()),
    ]
    for figure in figures:
        spec = figure.spec()
        subtitle = spec["title"]["subtitle"]
        assert subtitle[-1].startswith("Source: tolltrace's reading of"), figure.name
        assert subtitle[-1].endswith("Tolls as reported, not verified."), figure.name
        fit = spec["usermeta"]["tolltrace"]
        assert fit["width"] > 0 and fit["reserve"] >= 0, figure.name
    assert "reading of 3 articles" in figures[1].spec()["title"]["subtitle"][-1]


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


def test_divergence_keeps_releases_of_two_places_in_bands_of_their_own():
    # Two releases with the same source, series and order (one per place) are two bands.
    releases = chart_data.releases()
    twin = releases[releases["release_id"] == "r1"].assign(release_id="r1b", low=400, high=400)
    claims = chart_data.claims()
    extra = claims[claims["article_id"] == "a3"].head(1).assign(
        release_id="r1b", reference_release_id="r1b", low=400, high=400, reference_value=400,
        qualifier="exact", divergence_class="same",
    )  # fmt: skip
    points, _ = charts.divergence_points(
        pd.concat([claims, extra], ignore_index=True), pd.concat([releases, twin])
    )
    named = points[points["row_label"] != divergence.NO_RELEASE]
    bands = named.groupby("row_key")["reference_value"].nunique()
    assert (bands == 1).all()
    assert len(bands) == 4


def test_line_end_labels_close_in_time_and_value_do_not_overlap():
    # Three series ending a day apart at nearly the same toll: their two-line labels are
    # stacked LABEL_GAP pixels apart; a series ending far away keeps its own height.
    rows = [
        chart_data.escalation_row("A||civilians|killed", 1, "2024-05-01", 10),
        chart_data.escalation_row("B||civilians|killed", 1, "2024-05-02", 12),
        chart_data.escalation_row("C||civilians|killed", 1, "2024-05-03", 14),
        chart_data.escalation_row("D||civilians|killed", 1, "2024-08-30", 11),
        chart_data.escalation_row("E||civilians|killed", 1, "2024-05-01", 400),
    ]
    spec = charts.escalation_chart(pd.DataFrame(rows)).spec()
    labels = {r["series_id"][0]: r["label_y"] for r in _drawn(spec, "text") if "label_y" in r}
    gap = charts.escalation.LABEL_GAP * 400 / charts.escalation.MAIN_HEIGHT
    low = sorted(labels[k] for k in "ABC")
    assert low[1] - low[0] >= gap - 1e-9 and low[2] - low[1] >= gap - 1e-9
    assert labels["D"] == 11 and labels["E"] == 400


def test_exports_name_the_shipped_font_first():
    # The PNGs must not depend on the fonts a machine has: the shipped "Tolltrace Sans"
    # (a renamed Liberation Sans) is registered with vl-convert and named first.
    from tolltrace.publish import figures

    assert sorted(p.name for p in figures.FONTS_DIR.glob("*.ttf")) == [
        "TolltraceSans-Bold.ttf",
        "TolltraceSans-BoldItalic.ttf",
        "TolltraceSans-Italic.ttf",
        "TolltraceSans-Regular.ttf",
    ]
    spec = charts.divergence_chart(chart_data.claims(), chart_data.releases()).spec()
    assert spec["config"]["font"].startswith("Tolltrace Sans,")
    assert 'font-family="Tolltrace Sans,' in charts.spec_to_svg(spec)


def test_escalation_tooltips_name_claims_in_words():
    spec = charts.escalation_chart(chart_data.escalation()).spec()
    dots = next(layer for layer in _layers(spec) if "tooltip" in layer["encoding"])
    fields = [t["field"] for t in dots["encoding"]["tooltip"]]
    assert "claims_shown" in fields and "claim_ids" not in fields
    shown = [r["claims_shown"] for r in _drawn(spec, "point") if r.get("claim_ids")]
    assert shown and all("@" not in s and " at " in s for s in shown)


def test_divergence_keeps_its_frameless_view_and_font_and_a_caption_that_reads():
    figure = charts.divergence_chart(chart_data.claims(), chart_data.releases(), max_rows=2)
    config = figure.spec()["config"]
    assert config["view"]["stroke"] is None and config["font"].startswith("Tolltrace Sans")
    assert figure.caption.startswith("One band for each of the 2 most cited of 4 releases of a")
