"""A journalist's corrections: `corrections.csv` in the raw folder, beside `articles.csv`.

Columns: file, quote, occurrence, action, field, value, reason (and claim_id, which may
stand for file and quote). One row per change:

    file,quote,occurrence,action,field,value,reason
    003.txt,killed at least 40 people,,reject,,,a 2012 massacre recalled in the background
    003.txt,"SOHR said 745",,set,source,officials-sy,the ministry gave this figure
    004.txt,a further 12 bodies,,add,,,missed: 12 bodies found on Sunday
    004.txt,a further 12 bodies,,set,outcome,killed,missed: 12 bodies found on Sunday

`quote` is exact text of the article holding the claim's number (the number's own
words for `add`); `occurrence` picks among repeats of the quote (1 = first). Every row is
checked here, before any article is read: a bad action, field or value, or a missing
reason, stops the run (CorrectionsError, exit 2) naming the row and what to do. Whether
a quote matches a claim is checked when the corrections are applied (run/corrections.py).
"""

from __future__ import annotations

import csv
import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from tolltrace import config
from tolltrace.ingest.corpus import EARLIEST_YEAR, LATEST_YEAR
from tolltrace.model import CorrectionAction, Outcome, Qualifier, Scope, VictimGroup

COLUMNS = ("file", "quote", "occurrence", "action", "field", "value", "reason", "claim_id")
REQUIRED = ("action", "reason")
# The fields a `set` row may change, and the values each takes.
VOCABULARIES = {
    "outcome": Outcome,
    "qualifier": Qualifier,
    "victim_group": VictimGroup,
    "scope": Scope,
}
SETTABLE = (
    "outcome",
    "low",
    "high",
    "qualifier",
    "victim_group",
    "source",
    "scope",
    "as_of",
    "place",
    "is_previous",
)


class CorrectionsError(ValueError):
    """corrections.csv cannot be used as written; the message names the file and row."""


@dataclass(frozen=True, slots=True)
class CorrectionRow:
    """One checked row of corrections.csv; `value` is typed for its field."""

    line: int
    action: CorrectionAction
    file: str
    quote: str
    occurrence: int | None
    claim_id: str
    field: str
    value: object
    reason: str

    @property
    def target(self) -> tuple[str, str, int | None]:
        """What the row points at: its claim_id, or its file, quote and occurrence."""
        return (
            (self.claim_id, "", None) if self.claim_id else (self.file, self.quote, self.occurrence)
        )


def read_corrections(raw_dir: Path) -> list[CorrectionRow]:
    """The rows of RAW_DIR/corrections.csv ([] when there is none), each checked."""
    path = Path(raw_dir) / config.CORRECTIONS_NAME
    if not path.is_file():
        return []
    try:
        with path.open(encoding="utf-8-sig", newline="") as fh:
            reader = csv.DictReader(fh)
            header = [name.strip().lower() for name in reader.fieldnames or []]
            reader.fieldnames = header
            missing = [name for name in REQUIRED if name not in header]
            if missing or not ({"claim_id"} <= set(header) or {"file", "quote"} <= set(header)):
                raise CorrectionsError(
                    f"{path}: the header needs {', '.join(COLUMNS[:7])} (claim_id may stand "
                    f"for file and quote); it has {', '.join(header) or 'nothing'}"
                )
            return [
                _checked(path, line, {k.strip(): (v or "").strip() for k, v in row.items() if k})
                for line, row in enumerate(reader, start=2)
            ]
    except (OSError, UnicodeDecodeError, csv.Error) as err:
        raise CorrectionsError(f"{path}: cannot read corrections: {err}") from err


def _checked(path: Path, line: int, cells: dict[str, str]) -> CorrectionRow:
    where = f"{path}, line {line}"
    action = cells.get("action", "").lower()
    if action not in tuple(CorrectionAction):
        raise CorrectionsError(
            f"{where}: action {cells.get('action', '')!r} is not one of reject, set, add"
        )
    if not cells.get("reason"):
        raise CorrectionsError(f"{where}: no reason; say why, so the next editor knows")
    claim_id = cells.get("claim_id", "")
    if not claim_id and not (cells.get("file") and cells.get("quote")):
        raise CorrectionsError(f"{where}: give the article's file and a quote, or a claim_id")
    if claim_id and (cells.get("file") or cells.get("quote")):
        raise CorrectionsError(
            f"{where}: give a claim_id or a file and quote, not both (they may not agree)"
        )
    if action == CorrectionAction.ADD and claim_id:
        raise CorrectionsError(f"{where}: add needs file and quote (the number's own words)")
    field, value = cells.get("field", "").lower(), cells.get("value", "")
    typed: object = None
    if action == CorrectionAction.SET:
        if field not in SETTABLE:
            raise CorrectionsError(
                f"{where}: field {field!r} cannot be set; use one of {', '.join(SETTABLE)}"
            )
        typed = _value(where, field, value)
    elif field or value:
        raise CorrectionsError(f"{where}: {action} takes no field or value; use set rows")
    return CorrectionRow(
        line=line,
        action=CorrectionAction(action),
        file=cells.get("file", ""),
        quote=cells.get("quote", ""),
        occurrence=_occurrence(where, cells.get("occurrence", "")),
        claim_id=claim_id,
        field=field,
        value=typed,
        reason=cells["reason"],
    )


def _occurrence(where: str, cell: str) -> int | None:
    if not cell:
        return None
    if not cell.isdigit() or int(cell) < 1:
        raise CorrectionsError(f"{where}: occurrence {cell!r} is not 1, 2, 3, …")
    return int(cell)


def _value(where: str, field: str, value: str) -> object:
    """`value` typed for `field`, or CorrectionsError saying what the field takes."""
    if field in VOCABULARIES:
        allowed = tuple(VOCABULARIES[field])
        value = value.lower()
        if value not in allowed:
            raise CorrectionsError(f"{where}: {field} {value!r} is not one of {', '.join(allowed)}")
        return value
    if field in ("low", "high"):
        if not value.isdigit():
            raise CorrectionsError(f"{where}: {field} {value!r} is not a whole number")
        return int(value)
    if field == "is_previous":
        if value.lower() not in ("true", "false"):
            raise CorrectionsError(f"{where}: is_previous {value!r} is not true or false")
        return value.lower() == "true"
    if field == "as_of":
        try:
            day = dt.date.fromisoformat(value)
        except ValueError:
            raise CorrectionsError(f"{where}: as_of {value!r} is not a date (YYYY-MM-DD)") from None
        if not EARLIEST_YEAR <= day.year <= LATEST_YEAR:
            raise CorrectionsError(
                f"{where}: as_of {value} is outside {EARLIEST_YEAR}-{LATEST_YEAR}; check the year"
            )
        return day.isoformat()
    if field == "source" and (not value or any(c.isspace() for c in value)):
        raise CorrectionsError(
            f"{where}: source {value!r} is not a source id; give one such as SOHR or "
            "officials-sy (the ids of sources.csv and of claims.csv's source column)"
        )
    return value
