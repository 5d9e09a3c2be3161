"""The toll analysis: claims → dated claims → releases → divergence, consistency, estimates.

`analyze` is the entry point the pipeline calls; each step is a public function of its
own module so the notebooks can call it too:

- `dating.date_claims`: as_of, as_of_basis, period_start per claim;
- `releases.assign_releases` / `releases.build_releases`: which claims relay one figure,
  and each source's series in order;
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
from tolltrace.analysis.dating import date_claims
from tolltrace.analysis.divergence import classify_divergence
from tolltrace.analysis.estimates import estimate_tolls
from tolltrace.analysis.releases import assign_releases, build_releases
from tolltrace.analysis.scores import article_scores
from tolltrace.analysis.sources import unify_sources
from tolltrace.model import ANALYSIS_CLAIM_COLUMNS, CLAIMS

__all__ = [
    "analyze",
    "article_scores",
    "assign_releases",
    "build_releases",
    "check_consistency",
    "classify_divergence",
    "column_flags",
    "date_claims",
    "estimate_tolls",
    "prepare_claims",
]

_TEXT_COLUMNS = CLAIMS.select(
    "article_id", "outlet", "claim_id", "outcome", "qualifier", "vague_term", "victim_group",
    "source", "as_of_text", "since_text", "era_text", "time_text", "scope", "part_of",
)  # fmt: skip


# Columns the analysis never reads: left out of its working copy, which at 100,000
# articles saves a copy of each of them per step.
_NOT_ANALYSED = CLAIMS.select("file", "sentence", "mention", "victim_text", "source_text")


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
    claims: pd.DataFrame, articles: pd.DataFrame, event_start: dt.date | None
) -> dict[str, pd.DataFrame]:
    """Run the whole analysis.

    Returns {"claims": the claims with model.ANALYSIS_CLAIM_COLUMNS appended (sorted by
    article_id, char_start), "releases": releases.build_releases' table, "consistency":
    consistency.check_consistency's table, "estimates": estimates.estimate_tolls' table}.
    """
    claims = claims.copy(deep=False)
    claims["source"] = unify_sources(claims["source"])  # one id for "NDMA" and its full name
    c = prepare_claims(claims, drop=_NOT_ANALYSED, positions=True)
    order = c.pop("_position").to_numpy()
    dated = date_claims(c, articles, event_start)
    work = c.copy(deep=False)  # the dating joins the working copy, not a second full copy
    for col in dated.columns:
        work[col] = dated[col]
    assignment = assign_releases(work)
    releases = build_releases(work, assignment)
    divergence = classify_divergence(work, assignment, releases)
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
    return {
        "claims": out,
        "releases": releases,
        "consistency": check_consistency(c),
        "estimates": estimate_tolls(releases),
    }
