"""Who an article says a figure comes from: the alias table and its matcher.

The table (`sources.csv` in the package) maps the ways articles name a source to one
canonical id: "the Syrian Observatory for Human Rights", "SOHR" and "Rami Abdulrahman"
are all `SOHR`. A journalist extends it without touching code: put a `sources.csv` with
the same columns next to the raw articles, or pass `--sources FILE`; those rows are tried
before the built-in ones.

Columns: source_id, kind, pattern (a case-insensitive regular expression; use `(?-i:...)`
for acronyms), needs_frame (true for words that name a source only when they report a
figure: "officials said", "according to residents"), note.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from tolltrace import config

SOURCE_COLUMNS = ("source_id", "kind", "pattern", "needs_frame", "note")
# Kinds that only relay what others count; they lose to any other source in a sentence.
RELAY_KINDS = frozenset({"media"})
GENERIC_MONITOR = "generic_monitor"
UNNAMED_MONITOR = "unnamed_monitor"
UNATTRIBUTED = "unattributed"

_FRAME_BEFORE_RE = re.compile(
    r"(?:according\s+to|reported\s+by|cited\s+by|citing|quoted\s+by|\bper|data\s+from|"
    r"figures\s+from|count\s+by|tally\s+by|told)\s+(?:the\s+)?$",
    re.IGNORECASE,
)
_FRAME_AFTER_RE = re.compile(
    r"""[^.;:"“”]{0,40}?\b(?:said|says|say|reported|reports|report|stated|states|added|adds|
    confirmed|confirms|documented|documents|claimed|claims|told|announced|announces|recorded|
    records|estimated|estimates|counted|noted|indicated|tallied|put\s+the|gave)\b""",
    re.IGNORECASE | re.VERBOSE,
)


class SourceTableError(ValueError):
    """A sources table that cannot be used; the message names the file and row."""


@dataclass(frozen=True, slots=True)
class SourceAlias:
    """One row of the alias table."""

    source_id: str
    kind: str
    pattern: str
    needs_frame: bool


@dataclass(frozen=True, slots=True)
class SourceMention:
    """A place in the text that names a source."""

    start: int
    end: int
    text: str
    source_id: str
    kind: str
    framed: bool


def read_alias_rows(path: Path) -> list[SourceAlias]:
    """Read one alias table; raises SourceTableError naming the file and row on bad input."""
    try:
        with path.open(encoding="utf-8", newline="") as fh:
            reader = csv.DictReader(fh)
            missing = [c for c in SOURCE_COLUMNS[:4] if c not in (reader.fieldnames or [])]
            if missing:
                raise SourceTableError(f"{path}: missing column(s) {', '.join(missing)}")
            rows = []
            for line, row in enumerate(reader, start=2):
                alias = SourceAlias(
                    source_id=(row["source_id"] or "").strip(),
                    kind=(row["kind"] or "").strip(),
                    pattern=(row["pattern"] or "").strip(),
                    needs_frame=(row["needs_frame"] or "").strip().lower() == "true",
                )
                if not alias.source_id or not alias.pattern:
                    raise SourceTableError(f"{path}, line {line}: empty source_id or pattern")
                try:
                    re.compile(alias.pattern, re.IGNORECASE)
                except re.error as exc:
                    raise SourceTableError(f"{path}, line {line}: bad pattern: {exc}") from exc
                rows.append(alias)
            return rows
    except (OSError, UnicodeDecodeError, csv.Error) as exc:
        raise SourceTableError(f"{path}: cannot read sources table: {exc}") from exc


class SourceTable:
    """The alias table compiled into one regular expression."""

    def __init__(self, aliases: Iterable[SourceAlias]) -> None:
        self.aliases = tuple(aliases)
        alternatives = (f"(?P<a{i}>{a.pattern})" for i, a in enumerate(self.aliases))
        self._regex = re.compile(
            r"(?<![\w])(?:" + "|".join(alternatives) + r")(?![\w])", re.IGNORECASE
        )

    @classmethod
    def load(cls, extra: Iterable[Path] = ()) -> SourceTable:
        """The built-in table, with rows from `extra` files tried first."""
        rows: list[SourceAlias] = []
        for path in extra:
            rows.extend(read_alias_rows(path))
        rows.extend(read_alias_rows(config.BUILTIN_SOURCES))
        return cls(rows)

    def find(self, text: str, start: int = 0, end: int | None = None) -> list[SourceMention]:
        """Every source named in text[start:end], in order, with whether it reports a figure."""
        stop = len(text) if end is None else end
        found = []
        for m in self._regex.finditer(text, start, stop):
            alias = self.aliases[int(m.lastgroup[1:])]  # type: ignore[index]
            framed = bool(
                _FRAME_BEFORE_RE.search(text, max(start, m.start() - 30), m.start())
                or _FRAME_AFTER_RE.match(text, m.end(), stop)
            )
            if alias.needs_frame and not framed:
                continue
            found.append(
                SourceMention(m.start(), m.end(), m.group(0), alias.source_id, alias.kind, framed)
            )
        return found


_DEFAULT: SourceTable | None = None


def default_table() -> SourceTable:
    """The built-in table, loaded once per process."""
    global _DEFAULT
    if _DEFAULT is None:
        _DEFAULT = SourceTable.load()
    return _DEFAULT
