"""The toll analysis: claims → dated claims → releases → divergence, consistency, estimates.

`analyze` is the entry point the pipeline calls; each step is a public function of its
own module so the notebooks can call it too:

- `dating.date_claims`: as_of, as_of_basis, period_start per claim;
- `places.resolve_places`: the area each figure counts (the whole event, or a part);
- `releases.assign_releases` / `releases.build_releases`: which claims relay one figure,
  and each source's series in order (victims resolved in `series`);
- `escalation.build_escalation`: the points of the escalation chart, lines that never
  fall;
- `divergence.classify_divergence`: the reference figure and divergence class per claim;
  `scores.article_scores`: each article's headline figure against its reference;
- `consistency.check_consistency`: parts against totals within articles;
- `estimates.estimate_tolls`: low/best/high per date, victim group and outcome.

All functions are pure and deterministic: the same input tables give the same output
tables, sorted as docs/architecture.md states.
"""

from __future__ import annotations

import datetime as dt

import numpy as np
import pandas as pd

from tolltrace.analysis._arrays import column_flags
from tolltrace.analysis.consistency import check_consistency
from tolltrace.analysis.dating import AS_OF_SET, date_claims, set_dates
from tolltrace.analysis.divergence import classify_divergence
from tolltrace.analysis.escalation import build_escalation
from tolltrace.analysis.estimates import estimate_tolls
from tolltrace.analysis.places import describe_area, event_area, infer_area, resolve_places
from tolltrace.analysis.releases import assign_releases, build_releases, rejected
from tolltrace.analysis.scores import article_scores
from tolltrace.analysis.sources import unify_sources
from tolltrace.ingest.corpus import CorpusConfig
from tolltrace.model import ANALYSIS_CLAIM_COLUMNS, CLAIMS, ArticleStatus

__all__ = [
    "analyze",
    "article_scores",
    "assign_releases",
    "build_releases",
    "check_consistency",
    "classify_divergence",
    "column_flags",
    "build_escalation",
    "date_claims",
    "estimate_tolls",
    "prepare_claims",
]

_TEXT_COLUMNS = CLAIMS.select(
    "article_id", "outlet", "claim_id", "outcome", "qualifier", "vague_term", "victim_group",
    "source", "as_of_text", "since_text", "era_text", "time_text", "scope", "part_of",
    "civilians_named", "place", "victim_text",
)  # fmt: skip


# Columns the analysis never reads: left out of its working copy, which at 100,000
# articles saves a copy of each of them per step.
_NOT_ANALYSED = CLAIMS.select("file", "sentence", "mention", "source_text")


def prepare_claims(
    claims: pd.DataFrame, drop: tuple[str, ...] = (), positions: bool = False
) -> pd.DataFrame:
    """A copy of `claims` with the types analysis relies on, without the `drop` columns.

    Text columns become text ("" for missing), low/high nullable integers, is_previous and
    is_headline booleans (a table read back from CSV holds "True"/"False" text). Missing
    optional columns are added empty. Rows are sorted by (article_id, char_start); with
    `positions`, a `_position` column says where each row stood in `claims`.
    """
    c = claims.drop(columns=[col for col in drop if col in claims.columns])
    for col in _TEXT_COLUMNS:
        if col not in c.columns:
            c[col] = ""
        c[col] = c[col].astype(object).where(c[col].notna(), "").astype(str)
    for col in ("low", "high"):
        c[col] = pd.to_numeric(c[col], errors="coerce").astype("Int64")
    for col in ("is_previous", "is_headline"):
        c[col] = column_flags(c, col)
    c["char_start"] = pd.to_numeric(c["char_start"]).astype("int64")
    if positions:
        c["_position"] = np.arange(len(c))
    if _in_claim_order(c):
        return c.reset_index(drop=True)
    return c.sort_values(["article_id", "char_start"], kind="stable").reset_index(drop=True)


def _in_claim_order(c: pd.DataFrame) -> bool:
    """True when rows are already sorted by (article_id, char_start)."""
    ids = c["article_id"].to_numpy(object)
    starts = c["char_start"].to_numpy()
    if len(ids) < 2:
        return True
    same = ids[:-1] == ids[1:]
    return bool(((ids[:-1] < ids[1:]) | (same & (starts[:-1] <= starts[1:]))).all())


def analyze(
    claims: pd.DataFrame,
    articles: pd.DataFrame,
    event_start: dt.date | None,
    corpus: CorpusConfig | None = None,
    notes: list[str] | None = None,
) -> dict[str, pd.DataFrame]:
    """Run the whole analysis.

    Returns {"claims": the claims with model.ANALYSIS_CLAIM_COLUMNS appended (sorted by
    article_id, char_start), "releases": releases.build_releases' table, "escalation":
    escalation.build_escalation's table, "consistency": consistency.check_consistency's
    table, "estimates": estimates.estimate_tolls' table}. `corpus` gives the event window
    and area (corpus.toml); None means none is declared. Lines for the run's summary (the
    event's area, when it was taken from the articles) are appended to `notes`.
    """
    claims = claims.copy(deep=False)
    as_of_by_hand = claims.pop(AS_OF_SET) if AS_OF_SET in claims else None
    places = claims["place"].astype(str) if "place" in claims else pd.Series("", index=claims.index)
    area = infer_area(
        event_area(corpus), places.tolist(), claims["article_id"].astype(str).tolist()
    )
    # One id for "NDMA" and its full name, and for a ministry with and without its country.
    country = area.countries[0] if len(area.countries) == 1 else ""
    claims["source"] = unify_sources(claims["source"], country)
    c = prepare_claims(claims, drop=_NOT_ANALYSED, positions=True)
    order = c.pop("_position").to_numpy()
    event_end = corpus.event_end if corpus is not None else None
    dated = date_claims(c, articles, event_start, event_end=event_end)
    if as_of_by_hand is not None:
        set_dates(dated, as_of_by_hand.to_numpy(dtype=object)[order])
    dated["off_event"] = _off_event(c, articles)
    dated["place_id"], dated["place_kind"] = resolve_places(c["place"].tolist(), area)
    work = c.copy(deep=False)  # the dating joins the working copy, not a second full copy
    for col in dated.columns:
        work[col] = dated[col]
    assignment = assign_releases(work)
    releases = build_releases(work, assignment)
    divergence = classify_divergence(work, assignment, releases)
    work["release_id"] = assignment["release_id"]
    if "sentence" in claims:  # the escalation table quotes each point's first sentence
        work["sentence"] = claims["sentence"].to_numpy(dtype=object)[order]
    escalation = build_escalation(releases, work)
    del work

    # The claims as given (in claim order), sharing their columns, plus the analysis ones.
    if (order == np.arange(len(order))).all():
        out = claims.reset_index(drop=True).copy(deep=False)
    else:
        out = claims.take(order).reset_index(drop=True)
    added = {col: dated[col] for col in dated.columns}
    added["release_id"] = assignment["release_id"]
    added.update({col: divergence[col] for col in divergence.columns})
    for col in ANALYSIS_CLAIM_COLUMNS:
        out[col] = added[col].array
    if area.inferred and notes is not None:
        notes.append(describe_area(area))
    return {
        "claims": out,
        "releases": releases,
        "escalation": escalation,
        "consistency": check_consistency(c.loc[~rejected(c)]),
        "estimates": estimate_tolls(releases),
    }


def _off_event(claims: pd.DataFrame, articles: pd.DataFrame) -> pd.Series:
    """True for claims of articles the ledger marks off_event."""
    if "status" not in articles or len(claims) == 0:
        return pd.Series(False, index=claims.index, dtype=bool)
    off = set(articles.loc[articles["status"] == ArticleStatus.OFF_EVENT, "article_id"])
    return pd.Series(claims["article_id"].isin(off).to_numpy(), index=claims.index, dtype=bool)
