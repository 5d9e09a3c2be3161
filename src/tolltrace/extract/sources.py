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

import bisect
import csv
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from re import _parser  # type: ignore[attr-defined]
from typing import NamedTuple

from tolltrace import config
from tolltrace.extract._fastscan.literals import breaker_class, max_extent, required_literals
from tolltrace.extract._fastscan.scanning import Guarded, LiteralFinder, lowered

SOURCE_COLUMNS = ("source_id", "kind", "pattern", "needs_frame", "note")
# Kinds that only relay what others count; they lose to any other source in a sentence.
RELAY_KINDS = frozenset({"media"})
GENERIC_PREFIX = "generic_"
UNATTRIBUTED = "unattributed"
# Matches longer than this count as unbounded: such aliases are scanned over the sentence.
MAX_BOUNDED_WIDTH = 1000

# Before a source: "according to", "reported by", or an inverted quote attribution
# ('..., said Fernando Bastidas of the Permanent Committee'). Not "told X": X listens.
_FRAME_BEFORE_RE = Guarded(
    re.compile(
        r"(?:according\s+to|reported\s+by|cited\s+by|citing|quoted\s+by|\bper|data\s+from|"
        r"figures\s+from|reports\s+from|count\s+by|tally\s+by|"
        r"[,\"”’]\s*(?:said|says)\b[^.;\"“”]{0,60}?)\s+(?:the\s+)?$",
        re.IGNORECASE,
    )
)
# "killings by the military": an agent, not a source.
_AGENT_BEFORE_RE = Guarded(
    re.compile(r"(?<!reported )(?<!cited )(?<!quoted )\bby\s+(?:the\s+)?$", re.IGNORECASE)
)
# After a source: at most three words that are not verbs of another clause ("for
# Political Prisoners", "Oleh Tkachenko"), an optional "(SOHR)" or ", a volunteer group
# that tracks casualties,", at most three such words again, then the reporting verb.
_FRAME_AFTER_RE = re.compile(
    r"""(?:\s+(?!(?:has|have|had|is|was|were|are|will|would|which|who|that)\b)[\w.’'-]+){0,3}?
    (?:\s*\([^()]{0,40}\))?(?:\s*,[^,.;:"“”]{1,80},)?
    (?:\s+(?!(?:has|have|had|is|was|were|are|will|would|which|who|that)\b)[\w.’'-]+){0,3}?
    [\s,]+(?:(?:had|has|have)\s+(?:earlier\s+|previously\s+|also\s+|since\s+)?)?(?:said|says|say|reported|reports|report|stated|states|added|adds|confirmed|confirms|
    documented|documents|claimed|claims|told|announced|announces|recorded|records|estimated|
    estimates|counted|noted|indicated|tallied|put\s+the|gave|show|shows|showed|wrote|posted)\b""",
    re.IGNORECASE | re.VERBOSE,
)


# The reporting verb of _FRAME_AFTER_RE: without one after a name, it is not framed there.
_FRAME_AFTER_GUARD = Guarded(_FRAME_AFTER_RE)


def _may_be_framed(
    text: str, start: int, stop: int, anchors: list[int], low: str | None = None
) -> bool:
    """Whether a match that contains one of `anchors` in text[start:stop] can be framed.

    Every match of an alias contains one of its literals, found at `anchors`. A frame
    before the match ends before that literal, a frame after it starts after it; each
    frame pattern contains one of its own literals. When no anchor has a literal of
    either frame on the right side, every match would be dropped as unframed, and a row
    that needs a frame can be skipped without a scan (unframed matches block nothing).
    `low` is the text lower-cased, when the caller has it.
    """
    return any(
        _FRAME_AFTER_GUARD.may_match(text, a, stop, low)
        or _FRAME_BEFORE_RE.may_match(text, start, a, low)
        for a in anchors
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


class SourceMention(NamedTuple):
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
    """The alias table, compiled for fast search.

    Each alias is tried only in text that contains one of its required literals (see
    `_fastscan.literals`): when its matches (and lookaheads) have a bounded extent, only in
    windows around them; when only their length is bounded, from just before the first
    of them. All literals of an article are found in one pass, kept for the article's
    later sentences.
    """

    def __init__(self, aliases: Iterable[SourceAlias]) -> None:
        self.aliases = tuple(aliases)
        self._regexes = [
            re.compile(rf"(?<![\w])(?:{a.pattern})(?![\w])", re.IGNORECASE) for a in self.aliases
        ]
        # Longest possible match of each alias (None: unbounded), to start scans late, and
        # how far a match reads with its lookaheads, to scan windows only.
        self._reach = [_max_width(r.pattern) for r in self._regexes]
        self._extent = [max_extent(r.pattern) for r in self._regexes]
        # Characters no match of an unbounded alias can hold, to scan between them only.
        self._breakers = [
            _compiled_breakers(r) if extent is None else None
            for r, extent in zip(self._regexes, self._extent, strict=True)
        ]
        self._always: list[int] = []  # rows with no required literal: tried everywhere
        rows_by_word: dict[bool, dict[str, list[int]]] = {False: {}, True: {}}
        for i, alias in enumerate(self.aliases):
            literals = required_literals(alias.pattern)
            if literals is None:
                self._always.append(i)
            else:
                for lit in literals:
                    rows_by_word[lit.cased].setdefault(lit.text, []).append(i)
        # Case-insensitive literals are searched in the lower-cased text, others as written.
        self._finders = {cased: LiteralFinder(words) for cased, words in rows_by_word.items()}
        self._word_rows = {
            cased: [tuple(rows_by_word[cased][w]) for w in finder.words]
            for cased, finder in self._finders.items()
        }
        self._index: tuple[str, _LiteralIndex | None] | None = None
        self._by_kind: dict[str, SourceTable] = {}
        # A table of some of another table's rows reads that table's literal index.
        self._parent: tuple[SourceTable, dict[int, int]] | None = None

    @classmethod
    def load(cls, extra: Iterable[Path] = ()) -> SourceTable:
        """The built-in table, with rows from `extra` files tried first."""
        rows: list[SourceAlias] = []
        for path in extra:
            rows.extend(read_alias_rows(path))
        rows.extend(read_alias_rows(config.BUILTIN_SOURCES))
        return cls(rows)

    def all_of_kind(self, text: str, kind: str, low: str | None = None) -> list[SourceMention]:
        """Every place in `text` that names a source of `kind` (e.g. "monitor")."""
        if kind not in self._by_kind:
            rows = [i for i, a in enumerate(self.aliases) if a.kind == kind]
            table = SourceTable([self.aliases[i] for i in rows])
            table._parent = (self, {row: j for j, row in enumerate(rows)})
            self._by_kind[kind] = table
        return self._by_kind[kind].find(text, low=low)

    def find(
        self, text: str, start: int = 0, end: int | None = None, low: str | None = None
    ) -> list[SourceMention]:
        """Every source named in text[start:end], in order, with whether it reports a figure.

        Where two aliases overlap, the earlier row of the table wins. `low` is the text
        lower-cased as `scanning.lowered` gives it, when the caller has it (else the table
        lower-cases each text once itself).
        """
        stop = len(text) if end is None else end
        hits: list[tuple[int, int, int]] = []  # (start, row, end)
        for i, anchors in self._candidates(text, start, stop, low).items():
            if (
                anchors
                and self.aliases[i].needs_frame
                and not _may_be_framed(text, start, stop, anchors, low)
            ):
                continue  # its matches would all be dropped as unframed
            hits.extend(
                (m.start(), i, m.end()) for m in self._matches(i, text, start, stop, anchors)
            )
        # Where aliases overlap, the earlier row of the table wins: named sources are
        # listed before the broad categories ("officials", "local sources").
        hits.sort(key=lambda h: (h[1], h[0]))
        taken: list[tuple[int, int]] = []
        found = []
        for m_start, i, m_end in hits:
            if any(m_start < t_end and t_start < m_end for t_start, t_end in taken):
                continue
            alias = self.aliases[i]
            framed = bool(
                _FRAME_BEFORE_RE.search(text, max(start, m_start - 60), m_start, low)
                or _FRAME_AFTER_RE.match(text, m_end, stop)
            )
            if alias.needs_frame and not framed:
                continue
            if _AGENT_BEFORE_RE.search(text, max(start, m_start - 20), m_start, low):
                continue
            taken.append((m_start, m_end))
            found.append(
                SourceMention(
                    m_start, m_end, text[m_start:m_end], alias.source_id, alias.kind, framed
                )
            )
        found.sort(key=lambda f: f.start)
        return found

    def _matches(
        self, i: int, text: str, start: int, stop: int, anchors: list[int] | None
    ) -> Iterator[re.Match[str]]:
        """What `regexes[i].finditer(text, start, stop)` finds, given that every match
        contains a literal occurrence at one of the sorted `anchors` (None: unknown)."""
        regex = self._regexes[i]
        if not anchors:
            yield from regex.finditer(text, start, stop)
            return
        extent = self._extent[i]
        if extent is None:
            reach = self._reach[i]
            # A match at most `reach` long that contains anchors[0] starts at or after
            # anchors[0] - reach.
            lo = start if reach is None else max(start, anchors[0] - reach)
            breakers = self._breakers[i]
            if breakers is None:
                yield from regex.finditer(text, lo, stop)
                return
            # No match holds a breaker: scan only the stretches between breakers that
            # hold an anchor, each cut at its closing breaker.
            last_end = lo
            for s_lo, s_hi in _stretches(breakers, anchors, text, lo, stop):
                for m in regex.finditer(text, max(s_lo, last_end), s_hi):
                    last_end = m.end()
                    yield m
            return
        # Each match, lookaheads included, lies within [a - extent, a + extent] of an
        # anchor a inside it: scanning those windows (merged) finds exactly the same.
        last_end = start
        for lo, hi in _windows(anchors, extent, start, stop):
            for m in regex.finditer(text, max(lo, last_end), hi):
                last_end = m.end()
                yield m

    def _candidates(
        self, text: str, start: int, stop: int, low: str | None = None
    ) -> dict[int, list[int] | None]:
        """Rows that can match in text[start:stop], each with the sorted offsets of its
        literals there (None: the row has none, or they could not be located)."""
        rows: dict[int, list[int] | None] = dict.fromkeys(self._always)
        index = self._literal_index(text, low)
        if index is None:  # lower-casing moved offsets: test each literal in the segment
            segment = text[start:stop]
            texts = {False: segment.lower(), True: segment}
            for cased, finder in self._finders.items():
                for word, word_rows in zip(finder.words, self._word_rows[cased], strict=True):
                    if word in texts[cased]:
                        rows.update(dict.fromkeys(word_rows))
            return rows
        k = bisect.bisect_left(index.starts, start)
        occurrences = index.occurrences
        while k < len(occurrences) and occurrences[k][0] < stop:
            at, until, word_rows = occurrences[k]
            k += 1
            if until > stop:
                continue
            for i in word_rows:
                anchors = rows.setdefault(i, [])
                if anchors is not None and (not anchors or anchors[-1] != at):
                    anchors.append(at)
        return rows

    def _literal_index(self, text: str, low: str | None = None) -> _LiteralIndex | None:
        """Every literal occurrence in `text` (kept for the last text asked about), or None
        when lower-casing changes the text's length."""
        cached = self._index
        if cached is not None and cached[0] is text:
            return cached[1]
        index = None
        if self._parent is not None:
            parent, row_map = self._parent
            whole = parent._literal_index(text, low)
            if whole is not None:
                occurrences = []
                for at, until, rows in whole.occurrences:
                    mine = tuple(row_map[i] for i in rows if i in row_map)
                    if mine:
                        occurrences.append((at, until, mine))
                index = _LiteralIndex([o[0] for o in occurrences], occurrences)
            self._index = (text, index)
            return index
        if low is None:
            low = lowered(text)
        if low is not None:
            occurrences = []
            for cased, finder in self._finders.items():
                word_rows = self._word_rows[cased]
                for at, w in finder.occurrences(text if cased else low):
                    occurrences.append((at, at + len(finder.words[w]), word_rows[w]))
            occurrences.sort()
            index = _LiteralIndex([o[0] for o in occurrences], occurrences)
        self._index = (text, index)
        return index


class _LiteralIndex(NamedTuple):
    """Literal occurrences of one text: (start, end, rows that require the literal)."""

    starts: list[int]
    occurrences: list[tuple[int, int, tuple[int, ...]]]


def _windows(anchors: list[int], extent: int, start: int, stop: int) -> list[tuple[int, int]]:
    """Merged [a - extent, a + extent + 1) spans of sorted `anchors`, within [start, stop)."""
    spans: list[list[int]] = []
    for a in anchors:
        lo, hi = max(start, a - extent), min(stop, a + extent + 1)
        if spans and lo <= spans[-1][1]:
            spans[-1][1] = max(spans[-1][1], hi)
        else:
            spans.append([lo, hi])
    return [(lo, hi) for lo, hi in spans]


def _compiled_breakers(regex: re.Pattern[str]) -> re.Pattern[str] | None:
    cls = breaker_class(regex.pattern, regex.flags)
    return re.compile(cls) if cls is not None else None


def _stretches(
    breakers: re.Pattern[str], anchors: list[int], text: str, start: int, stop: int
) -> list[tuple[int, int]]:
    """The stretches of text[start:stop] between breaker characters that hold one of the
    sorted `anchors` (all at or after `start`): (first offset, offset of the closing
    breaker or stop)."""
    cuts = [m.start() for m in breakers.finditer(text, start, stop)]
    spans: list[tuple[int, int]] = []
    k = 0
    for a in anchors:
        while k < len(cuts) and cuts[k] < a:
            k += 1
        lo = cuts[k - 1] + 1 if k else start
        hi = cuts[k] if k < len(cuts) else stop
        if not spans or spans[-1] != (lo, hi):
            spans.append((lo, hi))
    return spans


def _max_width(pattern: str) -> int | None:
    """The longest text `pattern` can match, or None when unbounded (or unknown)."""
    try:
        widest = _parser.parse(pattern, re.IGNORECASE).getwidth()[1]
    except (re.error, OverflowError, RecursionError):
        return None
    return widest if widest <= MAX_BOUNDED_WIDTH else None


_DEFAULT: SourceTable | None = None


def default_table() -> SourceTable:
    """The built-in table, loaded once per process."""
    global _DEFAULT
    if _DEFAULT is None:
        _DEFAULT = SourceTable.load()
    return _DEFAULT
