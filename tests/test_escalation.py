"""The escalation chart's table on small invented corpora, one per way the chart misled on
real ones (places, victims, authorities, event time, off-event pages, unattributed
figures, too many series). Every sentence is invented; the assertions read escalation.csv,
the table the chart is drawn from."""

from __future__ import annotations

import csv
from pathlib import Path

import pandas as pd
import pytest

from tolltrace.publish import charts
from tolltrace.run.pipeline import process_corpus
from tolltrace.tables.csvio import read_table


def run_corpus(
    tmp_path: Path, articles: list[tuple[str, str, str, str]], settings: str
) -> dict[str, pd.DataFrame]:
    """Write (file, outlet, published, text) articles and corpus.toml, process them and
    return the tables."""
    raw, out = tmp_path / "raw", tmp_path / "out"
    raw.mkdir()
    with (raw / "articles.csv").open("w", newline="", encoding="utf-8") as fh:
        writer = csv.writer(fh)
        writer.writerow(["file", "outlet", "published"])
        for name, outlet, published, text in articles:
            writer.writerow([name, outlet, published])
            (raw / name).write_text(text, encoding="utf-8")
    (raw / "corpus.toml").write_text(settings, encoding="utf-8")
    process_corpus(raw, out, progress=False)
    names = ("articles", "claims", "releases", "escalation")
    return {name: read_table(out / f"{name}.csv") for name in names}


def points(tables: dict[str, pd.DataFrame], outcome: str = "killed") -> pd.DataFrame:
    e = tables["escalation"]
    e = e[e["outcome"] == outcome].copy()
    for col in ("place_id", "flag", "outlet", "as_of"):
        e[col] = e[col].fillna("").astype(str)
    return e


def line(e: pd.DataFrame, series_id: str) -> list[int]:
    """The values a series' drawn line joins, in order."""
    rows = e[(e["series_id"] == series_id) & e["on_line"].astype(bool)].sort_values("order")
    return [int(v) for v in rows["value"]]


def never_falls(e: pd.DataFrame) -> bool:
    for series_id in set(e["series_id"]):
        values = line(e, series_id)
        if values != sorted(values):
            return False
    return True


MONITOR = "the Syrian Observatory for Human Rights"


def test_an_all_victims_total_stays_off_the_civilian_line(tmp_path):
    tables = run_corpus(
        tmp_path,
        [
            (
                "a.txt",
                "Outlet A",
                "2025-03-08",
                f"More than 1,000 people have been killed, {MONITOR} said.\n",
            ),
            ("b.txt", "Outlet B", "2025-03-09", f"{MONITOR} said 745 civilians were killed.\n"),
            (
                "c.txt",
                "Outlet C",
                "2025-03-09",
                f"{MONITOR} said 1,100 people were killed, including 250 fighters.\n",
            ),
        ],
        'name = "Invented clashes"\nevent_start = 2025-03-06\n',
    )
    e = points(tables)
    assert line(e, "SOHR||civilians|killed") == [745]
    assert 1000 not in line(e, "SOHR||civilians|killed")
    assert line(e, "SOHR||all|killed") == [1100]  # a total that includes fighters
    assert line(e, "SOHR||unspecified|killed") == [1000]  # "people": no evidence either way
    assert never_falls(e)


def test_people_naming_civilians_join_the_civilian_line(tmp_path):
    tables = run_corpus(
        tmp_path,
        [
            ("a.txt", "Outlet A", "2025-03-07", f"{MONITOR} said 300 civilians were killed.\n"),
            (
                "b.txt",
                "Outlet B",
                "2025-03-08",
                "More than 500 people, including women and children, were killed, "
                f"{MONITOR} said.\n",
            ),
        ],
        'name = "Invented clashes"\nevent_start = 2025-03-06\n',
    )
    assert line(points(tables), "SOHR||civilians|killed") == [300, 500]


def test_towns_and_countries_are_lines_of_their_own(tmp_path):
    tables = run_corpus(
        tmp_path,
        [
            (
                "a.txt",
                "Outlet A",
                "2023-02-08",
                "The earthquake killed 3,553 people in Syria, the United Nations said.\n\n"
                "The United Nations said 20,665 people were killed in Turkey.\n\n"
                "The death toll across both countries rose to 24,218, the United Nations said.\n",
            ),
            (
                "b.txt",
                "Outlet B",
                "2023-02-09",
                "The United Nations said the toll had climbed to 25,000.\n\n"
                "In Hatay alone, 72 people were killed, the United Nations said.\n",
            ),
        ],
        'name = "Invented earthquake"\nevent_start = 2023-02-06\ncountries = ["TR", "SY"]\n',
    )
    e = points(tables)
    assert line(e, "UN||unspecified|killed") == [24218, 25000]  # the whole event
    assert line(e, "UN|SY|unspecified|killed") == [3553]
    assert line(e, "UN|TR|unspecified|killed") == [20665]
    assert line(e, "UN|TR-31|unspecified|killed") == [72]  # Hatay province
    assert never_falls(e)


def test_two_governments_are_two_sources(tmp_path):
    tables = run_corpus(
        tmp_path,
        [
            (
                "a.txt",
                "Outlet A",
                "2023-02-08",
                "Turkish officials said 20,665 people were killed.\n\n"
                "Syrian officials said 1,414 people were killed.\n",
            ),
        ],
        'name = "Invented earthquake"\nevent_start = 2023-02-06\n',
    )
    sources = set(points(tables)["source"])
    assert {"officials-tr", "officials-sy"} <= sources


def test_the_day_an_event_began_dates_no_toll(tmp_path):
    tables = run_corpus(
        tmp_path,
        [
            (
                "a.txt",
                "Outlet A",
                "",
                "The earthquake struck on Monday.\n\n"
                "By Friday, the death toll had risen to 20,000, officials said on Friday.\n",
            ),
            (
                "b.txt",
                "Outlet B",
                "2023-02-09",
                "Since the fighting began on Monday, 1,500 people have been killed, "
                "officials said.\n",
            ),
        ],
        'name = "Invented earthquake"\nevent_start = 2023-02-06\n',
    )
    e = points(tables)
    assert "2023-02-06" not in set(e["as_of"])  # Monday, the event's first day
    claims = tables["claims"]
    assert claims.loc[claims["low"] == 1500, "scope"].tolist() == ["cumulative"]
    assert set(e.loc[e["value"] == 20000, "as_of"]) == {"2023-02-10"}  # said on Friday


def test_a_page_from_another_year_is_off_event_and_never_drawn(tmp_path):
    tables = run_corpus(
        tmp_path,
        [
            ("a.txt", "Outlet A", "2025-03-08", f"{MONITOR} said 745 civilians were killed.\n"),
            ("old.txt", "Outlet B", "2013-05-02", f"{MONITOR} said 90 civilians were killed.\n"),
            (
                "c.txt",
                "Outlet C",
                "2025-03-09",
                f"{MONITOR} said 800 civilians were killed.\n\n"
                "Related stories\nFloods kill 40 in a faraway valley\nA storm leaves 12 dead\n",
            ),
        ],
        'name = "Invented clashes"\nevent_start = 2025-03-06\nwindow_days = 30\n',
    )
    ledger = tables["articles"].set_index("file")
    assert ledger.loc["old.txt", "status"] == "off_event"
    assert "2013-05-02" in ledger.loc["old.txt", "message"]
    claims = tables["claims"]
    assert claims.loc[claims["file"] == "old.txt", "off_event"].astype(bool).all()
    assert not ({40, 12} & set(claims["low"]))  # another story's headlines
    e = points(tables)
    assert set(e["value"]) == {745, 800}
    assert min(e["as_of"]) >= "2025-03-06"


def test_unattributed_figures_are_each_outlets_own(tmp_path):
    tables = run_corpus(
        tmp_path,
        [
            ("a.txt", "Outlet A", "2023-02-07", "At least 4,000 people were killed.\n"),
            ("b.txt", "Outlet B", "2023-02-08", "The quake killed 158 people.\n"),
            ("c.txt", "Outlet B", "2023-02-09", "The quake has killed 300 people.\n"),
        ],
        'name = "Invented earthquake"\nevent_start = 2023-02-06\n',
    )
    e = points(tables).set_index("value")
    assert e.loc[4000, "series_id"].startswith("unattributed:Outlet A|")
    assert e.loc[4000, "flag"] == "unattributed" and not e.loc[4000, "on_line"]
    assert e.loc[158, "series_id"] == e.loc[300, "series_id"]  # Outlet B repeats its count
    assert bool(e.loc[158, "on_line"]) and bool(e.loc[300, "on_line"])


def test_a_lower_later_figure_is_flagged_not_drawn(tmp_path):
    tables = run_corpus(
        tmp_path,
        [
            ("a.txt", "Outlet A", "2025-03-08", f"{MONITOR} said 1,000 civilians were killed.\n"),
            ("b.txt", "Outlet B", "2025-03-09", f"{MONITOR} said 745 civilians were killed.\n"),
        ],
        'name = "Invented clashes"\nevent_start = 2025-03-06\n',
    )
    e = points(tables).set_index("value")
    assert not e.loc[745, "on_line"] and e.loc[745, "flag"] == "lower_than_earlier"
    assert "lower than the 1,000 this source gave on 2025-03-08" in e.loc[745, "note"]
    review = charts.review_table(tables["escalation"])
    assert list(review["figure"]) == ["745"]


@pytest.mark.parametrize("n_sources", [12])
def test_many_series_keep_eight_colours(tmp_path, n_sources):
    names = [
        f"The {word} Relief Agency"
        for word in "Amber Birch Cedar Dune Elm Fjord Grove Heath Isle Juniper Kelp Larch".split()
    ][:n_sources]
    articles = [
        (
            f"{i:02d}.txt",
            f"Outlet {i}",
            "2023-02-0" + str(7 + i % 3),
            f"{name} said {100 + i} people were killed.\n",
        )
        for i, name in enumerate(names)
    ]
    tables = run_corpus(
        tmp_path, articles, 'name = "Invented earthquake"\nevent_start = 2023-02-06\n'
    )
    drawn = charts.escalation_points(tables["escalation"])
    assert drawn["series_id"].nunique() == len(names)
    assert drawn["colour"].nunique() <= charts.MAX_COLOURED + 1  # eight colours and grey
