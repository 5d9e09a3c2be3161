"""When each claim was reported: `as_of`, `as_of_basis` and `period_start` for every claim.

Rules, in order of precedence (`as_of_basis` in brackets):

1. A figure the text states as a previous toll (`is_previous`) is dated only by its own
   `as_of_text`; the article's date says when it was *revised*, not when it stood, so
   otherwise it stays undated [`text` or `unknown`].
2. A daily, incident or increment count is dated by the day of the count: the earliest day named in
   the claim's `time_text` ("163 killed on Friday", confirmed "on Saturday": Friday), else
   its `as_of_text` [`text`].
3. The manifest's publication date, when the article has one [`published`]. A timestamp
   counts by the calendar date written in it (no time-zone conversion).
4. The claim's own `as_of_text`: its latest day ("over the course of Friday and Saturday"
   ends on Saturday) [`text`].
5. The latest day its article mentions (the ledger's `time_mentions`) [`inherited`].
   "since …" expressions are left out here: they say when a period began, not when the
   figure was counted, so "since Thursday" alone does not date a claim to Thursday.
6. Otherwise no date [`unknown`, `as_of` empty].

Resolution against the event start: a weekday is the first date on or after
`event_start` with that weekday (event start Thursday 2025-03-06: "Saturday" is
2025-03-08, "Thursday" is 2025-03-06). Plain weekday arithmetic, not dateparser, so a
weekday can never land a week off or in the future of the event week. A consequence: an
event longer than a week needs publication dates, since "Saturday" always means the first
Saturday. Explicit dates resolve directly; a date without a year ("March 8") takes the year of
the event start. Without an event start, weekdays and year-less dates stay unresolved.

Never the future, never before the event: a day resolved from text that falls after the
article's publication date, or (for as_of) before `event_start`, is rejected (for as_of,
period_start and inherited days alike), and the next rule applies. When an event happened
("the quake struck on Monday") dates no figure: the extractor leaves such days out of
`time_text` and `time_mentions` (extract/timeref.py, `report_times`).

`period_start` is the day a "since …" expression of the claim opens (`since_text`), empty
when there is none, when it does not resolve, or when it would fall after the claim's
as_of.

`other_period` is true when the claim's `era_text` names a time that ends before the event
start ("in 2018", "since April 2023", "the 2004 tsunami", "last year", "in January"): the
toll of an earlier event, or of a period that began before this one; and for a part of
such a total with no time of its own (`part_of`). An era ends with its year, month or day
(a year is before the event only if the whole year is). Relative eras and months without
a year are placed from the publication date, else from the event start; a month later in
the year than that date may lie ahead ("elections due in April") and is not judged.
Without an event start, only eras with a year or years back count, and only when they end
more than UNDATED_MARGIN before publication: a month ("since it was declared in August")
or a recent date may be when this very event began. With no date at all, years back
("last year", "a decade ago") still mean another period, and nothing else is judged.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterable

import numpy as np
import pandas as pd

from tolltrace.analysis._arrays import column_flags
from tolltrace.extract.eras import era_point, find_eras, period_end
from tolltrace.extract.timeref import TimeExpr, find_time_expressions
from tolltrace.model import CLAIMS, AsOfBasis, Kind, Scope

# The claims columns date_claims gives.
DATING_COLUMNS = CLAIMS.select("as_of", "as_of_basis", "period_start", "other_period")
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
# Expression kinds that name a day on which something was counted or reported.
DAY_KINDS = frozenset({"on", "span", "date"})
NON_CUMULATIVE_SCOPES = (Scope.DAILY, Scope.INCIDENT, Scope.INCREMENT)
# Without an event start, an era must end this long before publication to be another
# period: the event itself may have begun weeks before the article.
UNDATED_MARGIN = dt.timedelta(days=60)

_ISO_PREFIX = re.compile(r"^\s*(\d{4}-\d{2}-\d{2})")

Finder = Callable[[str], list[TimeExpr]]


def resolve_weekday(weekday: str, event_start: dt.date) -> dt.date | None:
    """The first date on or after `event_start` that falls on `weekday` (a weekday name)."""
    name = weekday.strip().lower()
    if name not in WEEKDAYS:
        return None
    offset = (WEEKDAYS.index(name) - event_start.weekday()) % 7
    return event_start + dt.timedelta(days=offset)


def resolve_day(day: str, event_start: dt.date | None, year: int | None = None) -> dt.date | None:
    """Turn a TimeExpr `day` value into a date, or None when it cannot be resolved.

    `day` is a weekday name (resolved with `resolve_weekday`), an ISO date "yyyy-mm-dd", or
    "--mm-dd" (a date without a year: the year is `year`, else event_start's year).
    """
    day = day.strip().lower()
    if not day:
        return None
    if day in WEEKDAYS:
        return resolve_weekday(day, event_start) if event_start is not None else None
    try:
        if day.startswith("--"):
            use_year = year if year is not None else (event_start.year if event_start else None)
            if use_year is None:
                return None
            return dt.date.fromisoformat(f"{use_year:04d}-{day[2:]}")
        return dt.date.fromisoformat(day)
    except ValueError:
        return None


def resolved_days(
    exprs: Iterable[TimeExpr],
    event_start: dt.date | None,
    kinds: Iterable[str],
    year: int | None = None,
) -> list[dt.date]:
    """The dates of the expressions of the given kinds that resolve, in expression order."""
    wanted = frozenset(kinds)
    days = []
    for expr in exprs:
        if expr.kind in wanted:
            day = resolve_day(expr.day, event_start, year)
            if day is not None:
                days.append(day)
    return days


def parse_published(value: object) -> dt.date | None:
    """The calendar date of a manifest `published` value (ISO date or timestamp), or None.

    The date is read as written ("2025-03-08T23:30:00-05:00" is 2025-03-08): the local
    date of publication, not its UTC date.
    """
    if value is None or (isinstance(value, float) and pd.isna(value)):
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    match = _ISO_PREFIX.match(str(value))
    if not match:
        return None
    try:
        return dt.date.fromisoformat(match.group(1))
    except ValueError:
        return None


def _split_joined(text: str) -> list[str]:
    """The pieces of a "; "-joined text field, without empty ones."""
    return [piece for piece in str(text).split("; ") if piece.strip()]


def _find_all(text: str, find: Finder) -> list[TimeExpr]:
    """Time expressions of every piece of a "; "-joined field."""
    found: list[TimeExpr] = []
    for piece in _split_joined(text):
        found.extend(find(piece))
    return found


def inherited_day(
    time_mentions: str,
    event_start: dt.date | None,
    published: dt.date | None = None,
    find: Finder = find_time_expressions,
    cache: dict[str, list[dt.date]] | None = None,
) -> dt.date | None:
    """The latest day an article mentions (its `time_mentions`), never after `published`.

    Only day expressions count (on/span/date), not "since …" ones. `cache` keeps the
    resolved days of each piece between calls that share one `event_start` and `find`.
    """
    days: list[dt.date] = []
    for piece in _split_joined(time_mentions):
        piece_days = cache.get(piece) if cache is not None else None
        if piece_days is None:
            piece_days = resolved_days(find(piece), event_start, DAY_KINDS)
            if cache is not None:
                cache[piece] = piece_days
        days.extend(piece_days)
    if published is not None:
        days = [d for d in days if d <= published]
    if event_start is not None:
        days = [d for d in days if d >= event_start]
    return max(days) if days else None


def _text_day_map(
    texts: pd.Series, event_start: dt.date | None, kinds: frozenset[str], pick: str, find: Finder
) -> dict[str, dt.date | None]:
    """Resolve each distinct text once: its latest (`pick`="max") or earliest day."""
    out: dict[str, dt.date | None] = {}
    for text in pd.unique(texts):
        days = resolved_days(_find_all(text, find), event_start, kinds)
        out[text] = (max(days) if pick == "max" else min(days)) if days else None
    return out


def _as_datetime(values: pd.Series) -> pd.Series:
    """A Series of date objects / None as datetime64 (None → NaT)."""
    return pd.to_datetime(values.astype(object), errors="coerce")


def _text_col(df: pd.DataFrame, name: str) -> pd.Series:
    """Column `name` as clean text ("" for missing), or an empty-text Series if absent."""
    if name not in df.columns:
        return pd.Series("", index=df.index, dtype=object)
    return df[name].astype(object).where(df[name].notna(), "").astype(str)


def _bool_col(df: pd.DataFrame, name: str) -> pd.Series:
    """Column `name` as bool, reading "true"/"1" text as True; False if absent."""
    return pd.Series(column_flags(df, name), index=df.index)


# A hidden claims column (run/corrections.py) that carries an `as_of` a journalist set in
# corrections.csv into the analysis: ISO text, "" where none was set.
AS_OF_SET = "_as_of_set"


def set_dates(dated: pd.DataFrame, by_hand: np.ndarray) -> None:
    """Put the dates set by hand (`by_hand`, aligned with `dated`'s rows) over the ones
    read from the text; their basis is `correction`."""
    mask = np.array([bool(day) for day in by_hand], dtype=bool)
    if mask.any():
        dated.loc[mask, "as_of"] = by_hand[mask]
        dated.loc[mask, "as_of_basis"] = AsOfBasis.CORRECTION


def date_claims(
    claims: pd.DataFrame,
    articles: pd.DataFrame,
    event_start: dt.date | None,
    find: Finder = find_time_expressions,
    event_end: dt.date | None = None,
) -> pd.DataFrame:
    """as_of, as_of_basis, period_start and other_period for every claim (see the module
    docstring). A day from text after `event_end` dates nothing either.

    Returns a DataFrame on the claims' index with DATING_COLUMNS: `as_of` and
    `period_start` as ISO date text ("" when unknown), `as_of_basis` an AsOfBasis. Each
    distinct text is parsed once, so the cost grows with the number of distinct time
    phrases and articles, not with the number of claims. `find` is the time-expression
    finder (injectable for tests).
    """
    index = claims.index
    if len(claims) == 0:
        kinds = {col: CLAIMS.column(col).kind for col in DATING_COLUMNS}
        empty = {col: pd.Series(dtype=bool if kinds[col] is Kind.BOOL else object) for col in kinds}
        return pd.DataFrame(empty, index=index)

    published, inherited = _article_days(articles, event_start, find)
    if event_end is not None:
        inherited = {a: d if d is None or d <= event_end else None for a, d in inherited.items()}
    article_id = _text_col(claims, "article_id")
    pub = _as_datetime(article_id.map(published))
    inh = _as_datetime(article_id.map(inherited))
    as_of_text = _text_col(claims, "as_of_text")
    since_text = _text_col(claims, "since_text")
    time_text = _text_col(claims, "time_text")
    own = _as_datetime(
        as_of_text.map(_text_day_map(as_of_text, event_start, DAY_KINDS, "max", find))
    )
    since = _as_datetime(
        since_text.map(_text_day_map(since_text, event_start, frozenset({"since"}), "min", find))
    )
    count_day = _as_datetime(
        time_text.map(_text_day_map(time_text, event_start, DAY_KINDS, "min", find))
    )
    not_future = pub.isna()
    not_before = _not_before(event_start)
    not_after = pd.Timestamp(event_end) if event_end is not None else pd.Timestamp.max
    own_ok = own.notna() & (not_future | (own <= pub)) & own.between(not_before, not_after)
    count_ok = (
        count_day.notna()
        & (not_future | (count_day <= pub))
        & count_day.between(not_before, not_after)
    )
    since_ok = since.notna() & (not_future | (since <= pub))

    is_previous = _bool_col(claims, "is_previous")
    scope = _text_col(claims, "scope")
    counted = scope.isin(NON_CUMULATIVE_SCOPES)

    as_of = pd.Series(pd.NaT, index=index, dtype="datetime64[ns]")
    basis = pd.Series(AsOfBasis.UNKNOWN, index=index, dtype=object)
    # Fill from the lowest precedence up, so that later assignments win.
    take = ~is_previous & inh.notna()
    as_of[take], basis[take] = inh[take], AsOfBasis.INHERITED
    take = ~is_previous & own_ok
    as_of[take], basis[take] = own[take], AsOfBasis.TEXT
    take = ~is_previous & pub.notna()
    as_of[take], basis[take] = pub[take], AsOfBasis.PUBLISHED
    take = ~is_previous & counted & own_ok
    as_of[take], basis[take] = own[take], AsOfBasis.TEXT
    take = ~is_previous & counted & count_ok
    as_of[take], basis[take] = count_day[take], AsOfBasis.TEXT
    take = is_previous & own_ok
    as_of[take], basis[take] = own[take], AsOfBasis.TEXT

    period = since.where(since_ok & (as_of.isna() | (since <= as_of)))
    era_text = _text_col(claims, "era_text").tolist()
    claim_published = [published.get(aid) for aid in article_id.tolist()]
    other = other_periods(era_text, claim_published, event_start)
    if any(other):
        other = _with_parts(other, claims)
    return pd.DataFrame(
        {
            "as_of": _iso(as_of),
            "as_of_basis": basis,
            "period_start": _iso(period),
            "other_period": other,
        },
        index=index,
    )


def _not_before(event_start: dt.date | None) -> pd.Timestamp:
    """The first day an as_of may fall on: the event start, or any day without one."""
    return pd.Timestamp(event_start) if event_start is not None else pd.Timestamp.min


def _article_days(
    articles: pd.DataFrame, event_start: dt.date | None, find: Finder
) -> tuple[dict[str, dt.date | None], dict[str, dt.date | None]]:
    """Per article_id: its publication date, and the latest day it mentions (never after
    publication), each None when unknown."""
    # Lists, not Series: iterating a pandas text column costs a call per element.
    art_ids = _text_col(articles, "article_id").tolist()
    published_text = _text_col(articles, "published").tolist()
    # Articles share few publication dates: each distinct value is parsed once.
    date_of = {text: parse_published(text) for text in set(published_text)}
    published = {aid: date_of[p] for aid, p in zip(art_ids, published_text, strict=True)}
    mentions = dict(zip(art_ids, _text_col(articles, "time_mentions").tolist(), strict=True))
    cache: dict[str, list[dt.date]] = {}
    inherited = {
        aid: inherited_day(mentions[aid], event_start, published[aid], find, cache)
        for aid in published
    }
    return published, inherited


def _with_parts(flags: list[bool], claims: pd.DataFrame) -> list[bool]:
    """`flags` also set on every claim that is part of a flagged total and has no time of
    its own ("including hundreds of children", not "including 40 on Tuesday")."""
    claim_id = _text_col(claims, "claim_id").tolist()
    flagged = {cid for cid, flag in zip(claim_id, flags, strict=True) if flag}
    own_time = (_text_col(claims, "time_text") + _text_col(claims, "era_text")).tolist()
    parents = _text_col(claims, "part_of").tolist()
    return [
        flag or (parent in flagged and not own)
        for flag, parent, own in zip(flags, parents, own_time, strict=True)
    ]


def other_periods(
    era_texts: list[str], published: list[dt.date | None], event_start: dt.date | None
) -> list[bool]:
    """`other_period` per claim from its era_text and its article's publication date (rules
    in the module docstring). Each distinct (era_text, date) pair is judged once."""
    judged: dict[tuple[str, dt.date | None], bool] = {}
    out = []
    for text, pub in zip(era_texts, published, strict=True):
        if not text:
            out.append(False)
            continue
        key = (text, pub)
        if key not in judged:
            judged[key] = _is_other_period(text, pub, event_start)
        out.append(judged[key])
    return out


def _is_other_period(era_text: str, published: dt.date | None, event_start: dt.date | None) -> bool:
    now = published or event_start
    for era in (era for piece in _split_joined(era_text) for era in find_eras(piece)):
        point = era_point(era, now)
        if point is None:
            if now is None and era.years_back > 0:  # "last year", with no date at all
                return True
            continue
        if event_start is not None:
            reference = event_start
        elif now is not None and (era.year or era.years_back):
            reference = now - UNDATED_MARGIN
        else:
            continue
        if period_end(point) < reference:
            return True
    return False


def _iso(values: pd.Series) -> pd.Series:
    """datetime64 → "yyyy-mm-dd" text, "" for NaT."""
    return values.dt.strftime("%Y-%m-%d").astype(object).where(values.notna(), "")
