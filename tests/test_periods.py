"""Regression tests on the periods sets: tolls of another period against tolls of the event."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest
from annotation_sets import annotations, extracted_claims

from tolltrace.analysis.dating import date_claims

EVENT_START = dt.date(2025, 3, 6)
# Known errors, as (article, labelled words). A year in a relative clause without commas
# dates the number after it ("The government that seized power in 2022 said only 19
# civilians had died"); a year before a noun that names no event is no era ("Mexico's 2006
# drug war"); a clause of place and year between commas dates nothing ("The deadliest
# Marburg outbreak on record, in Angola in 2005, killed more than 300 people").
MARKED_WRONGLY = {"probe": {("a19_sahel", "19")}, "blind": set()}
MISSED = {
    "probe": {("a14_mexico", "more than 450,000")},
    "blind": {("c14_uganda_marburg", "more than 300")},
}
# Labelled tolls the extractor finds as claims (the blind set's other 5 are not claims).
FOUND = {"probe": 136, "blind": 155}


@pytest.mark.parametrize("name", ["probe", "blind"])
def test_background_tolls_are_marked_and_tolls_of_the_event_are_not(name):
    claims = extracted_claims(f"periods-{name}")
    frame = pd.DataFrame([c.as_row() for c in claims])
    articles = pd.DataFrame(
        {"article_id": sorted(set(frame["article_id"])), "published": "2025-03-09"}
    )
    frame["other_period"] = date_claims(frame, articles, EVENT_START)["other_period"]

    marked, other, found = set(), set(), 0
    for label in annotations(f"periods-{name}"):
        at = label.char_start
        claim = frame[
            (frame["article_id"] == label.article_id)
            & (frame["char_start"] <= at)
            & (frame["char_end"] > at)
        ]
        if claim.empty:
            continue
        found += 1
        key = (label.article_id, label.mention)
        if bool(claim["other_period"].iloc[0]):
            marked.add(key)
        if label.period == "other":
            other.add(key)
    assert found == FOUND[name]
    assert marked == (other - MISSED[name]) | MARKED_WRONGLY[name]
