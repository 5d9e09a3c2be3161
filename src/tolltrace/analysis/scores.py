"""Article scores: each article's headline figure against the highest figure then
available from the same source (the claim's divergence reference). Returned for the
notebooks and tests; not written as a table.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from tolltrace.analysis._arrays import obj_series, text_array
from tolltrace.analysis.releases import UNATTRIBUTED, set_aside
from tolltrace.model import ARTICLE_SCORES, Outcome, Qualifier

SCORE_COLUMNS = ARTICLE_SCORES.names


def article_scores(claims: pd.DataFrame) -> pd.DataFrame:
    """Per article: its headline killed figure against the highest then available.

    `claims` is the analysed claims table (analysis columns present). The figure is the
    headline's numeric killed claim, else the article's first numeric killed claim (vague
    words and claims set aside, releases.set_aside, are skipped). `difference` = figure −
    reference and `ratio` = figure / reference (4 decimals), where the reference is the
    same source's highest figure at the claim's as_of (the claim's divergence reference);
    both are empty for unattributed figures, undated claims (which figure was available
    then cannot be told) and where no same-source reference exists.
    Articles without a numeric killed figure have no row. Sorted by article_id.
    """
    keep = (claims["outcome"] == Outcome.KILLED) & (claims["qualifier"] != Qualifier.VAGUE)
    keep &= ~set_aside(claims)
    k = claims[keep].copy()
    if k.empty:
        return pd.DataFrame({col: pd.Series(dtype=object) for col in SCORE_COLUMNS})
    k["_not_headline"] = ~k["is_headline"].astype(bool)
    k = k.sort_values(["article_id", "_not_headline", "char_start"]).drop_duplicates("article_id")
    source = text_array(k["source"])
    ref_source = np.array([r.split("|")[0] for r in text_array(k["reference_release_id"])])
    same_source = (source != UNATTRIBUTED) & (ref_source == source)
    dated = text_array(k["as_of"]) != ""
    reference = k["reference_value"].astype("Int64").where(same_source & dated)
    low = k["low"].astype("Int64")
    k["reference_value"] = reference
    k["difference"] = (low - reference).astype("Int64")
    k["ratio"] = (low.astype("Float64") / reference.astype("Float64")).round(4)
    notes = np.where(
        source == UNATTRIBUTED,
        "unattributed: no same-source reference",
        np.where(
            ~dated,
            "date unknown: no reference at its date",
            np.where(reference.isna().to_numpy(), "no same-source reference", ""),
        ),
    )
    k["note"] = obj_series(notes, k.index)
    k["reference_release_id"] = obj_series(
        np.where(same_source, text_array(k["reference_release_id"]), ""), k.index
    )
    return k[list(SCORE_COLUMNS)].reset_index(drop=True)
