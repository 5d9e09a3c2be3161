"""Small handmade claims and articles tables for the analysis tests."""

from __future__ import annotations

import datetime as dt

import pandas as pd

from tolltrace.analysis import analyze, prepare_claims
from tolltrace.analysis.dating import date_claims
from tolltrace.analysis.releases import assign_releases, build_releases
from tolltrace.model import EXTRACTED_CLAIM_COLUMNS

EVENT_START = dt.date(2025, 3, 6)  # a Thursday, as in the shipped corpus

_DEFAULTS: dict[str, object] = {
    "outlet": "",
    "outcome": "killed",
    "high": None,
    "qualifier": "exact",
    "vague_term": "",
    "victim_group": "civilians",
    "victim_text": "",
    "civilians_named": "",
    "place": "",
    "source": "SOHR",
    "source_kind": "monitor",
    "source_text": "",
    "source_basis": "explicit",
    "time_text": "",
    "as_of_text": "",
    "since_text": "",
    "era_text": "",
    "scope": "cumulative",
    "sentence": "",
    "paragraph": 0,
    "is_headline": False,
    "part_of": "",
    "is_previous": False,
}


def claims_frame(rows: list[dict[str, object]]) -> pd.DataFrame:
    """A claims table from partial rows: article_id, low and char_start are required.

    `high` defaults to `low` for exact/about/up_to figures and to empty otherwise, as the
    extractor writes them; offsets, mention and claim_id are filled in consistently.
    """
    full = []
    for row in rows:
        r = {**_DEFAULTS, **row}
        if "high" not in row and r["qualifier"] in ("exact", "about", "up_to"):
            r["high"] = r["low"]
        r.setdefault("mention", str(r["low"]))
        r["char_end"] = int(r["char_start"]) + len(str(r["mention"]))
        r["claim_id"] = f"{r['article_id']}@{r['char_start']}"
        r.setdefault("sentence_start", r["char_start"])
        r.setdefault("sentence_end", r["char_end"])
        full.append(r)
    frame = pd.DataFrame(full)
    frame["file"] = frame["article_id"] + ".txt"
    frame["low"] = frame["low"].astype("Int64")
    frame["high"] = pd.array(frame["high"].tolist(), dtype="Int64")
    return frame[["article_id", "file", "outlet", *EXTRACTED_CLAIM_COLUMNS[1:]]]


def articles_frame(
    rows: list[dict[str, object]] | None = None, claims: pd.DataFrame | None = None
) -> pd.DataFrame:
    """An articles ledger: the given rows, plus a bare row for every other claim article."""
    rows = list(rows or [])
    known = {r["article_id"] for r in rows}
    if claims is not None:
        for article_id in sorted(set(claims["article_id"]) - known):
            rows.append({"article_id": article_id})
    frame = pd.DataFrame(rows, columns=["article_id", "outlet", "published", "time_mentions"])
    frame = frame.astype(object).where(frame.notna(), "")
    frame["status"] = "ok"
    return frame


def dated_and_assigned(
    claims: pd.DataFrame, articles: pd.DataFrame | None = None, event_start=EVENT_START
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(claims with as_of columns, assign_releases' result), as analyze builds them."""
    c = prepare_claims(claims)
    arts = articles if articles is not None else articles_frame(claims=c)
    dated = date_claims(c, arts, event_start)
    work = c.assign(**{col: dated[col] for col in dated.columns})
    return work, assign_releases(work)


def releases_of(claims: pd.DataFrame, articles: pd.DataFrame | None = None) -> pd.DataFrame:
    """The releases table of a handmade claims table."""
    work, assignment = dated_and_assigned(claims, articles)
    return build_releases(work, assignment)


def run(
    claims: pd.DataFrame, articles: pd.DataFrame | None = None, event_start=EVENT_START
) -> dict[str, pd.DataFrame]:
    """analyze() on a handmade claims table (bare ledger rows unless given)."""
    arts = articles if articles is not None else articles_frame(claims=claims)
    return analyze(claims, arts, event_start)
