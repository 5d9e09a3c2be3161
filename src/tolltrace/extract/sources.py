"""Who an article says a figure comes from: the alias table and its matcher.

The table (`sources.csv` in the package) maps the ways articles name a source to one
canonical id: "the Syrian Observatory for Human Rights", "SOHR" and "Rami Abdulrahman"
are all `SOHR`. A journalist extends it without touching code: put a `sources.csv` with
the same columns next to the raw articles, or pass `--sources FILE`; those rows are tried
before the built-in ones.

Columns: source_id, kind, pattern (a case-insensitive regular expression; use `(?-i:...)`
for acronyms), needs_frame (true for words that name a source only when they report a
figure: "officials said", "according to residents"), words (optional: `|`-separated
words one of which every match holds, such as `observatory` or `SOHR`; a word with a
capital is looked for as written, others in any case; a row with words is tried only in
sentences that hold one, a row without on every sentence), note.
"""

from __future__ import annotations

import bisect
import csv
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import NamedTuple

from tolltrace import config
from tolltrace.extract._fastscan.scanning import LiteralFinder, lowered
from tolltrace.extract.organisations import (
    ACRONYM_AFTER_RE,
    ACRONYM_RE,
    CAPITALS_RE,
    COUNTRY_SAID_RE,
    COUNTRY_VERB_RE,
    acronym_id,
    country_qualified,
    is_organisation_acronym,
    named_organisation,
    reporting_country,
)
from tolltrace.extract.pattern_safety import nested_repeat
from tolltrace.extract.source_frames import (
    acronym_framed,
    is_agent,
    is_framed,
    may_be_framed,
    may_have_headline_colon,
)

SOURCE_COLUMNS = ("source_id", "kind", "pattern", "needs_frame", "words", "note")
REQUIRED_COLUMNS = ("source_id", "kind", "pattern", "needs_frame")
# Broad rows: when one of them matches the proper name of an organisation, the name is the
# id (tolltrace.extract.organisations); the `organisation` row matches only such names.
NAMED_ROW = "organisation"
CATEGORY_IDS = frozenset({"officials", "local_sources", NAMED_ROW})
# Ids that name a kind of body any government has: a country named with them qualifies
# them ("officials-ke", "health_ministry-lb").
COUNTRY_QUALIFIED_IDS = frozenset({"officials", "health_ministry"})


def is_category(source_id: str) -> bool:
    """Whether an id is a broad category ("officials", "officials-ke"), not one source."""
    return source_id.split("-", 1)[0] in CATEGORY_IDS


# Kinds that only relay what others count; they lose to any other source in a sentence.
RELAY_KINDS = frozenset({"media"})
GENERIC_PREFIX = "generic_"
UNATTRIBUTED = "unattributed"

# A name holds only letters, digits, white space and these: an alias never matches across
# any other character (a comma, a colon, a bracket, a quote), so a row is scanned only in
# the stretches between such characters that hold one of its words.
NAME_PUNCTUATION = ".'’-&"
_NOT_IN_NAMES_RE = re.compile(rf"[^\w\s{re.escape(NAME_PUNCTUATION)}]")


class SourceTableError(ValueError):
    """A sources table that cannot be used; the message names the file and row."""


@dataclass(frozen=True, slots=True)
class SourceAlias:
    """One row of the alias table."""

    source_id: str
    kind: str
    pattern: str
    needs_frame: bool
    words: tuple[str, ...] = ()


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
            missing = [c for c in REQUIRED_COLUMNS if c not in (reader.fieldnames or [])]
            if missing:
                raise SourceTableError(f"{path}: missing column(s) {', '.join(missing)}")
            rows = []
            for line, row in enumerate(reader, start=2):
                alias = SourceAlias(
                    source_id=(row["source_id"] or "").strip(),
                    kind=(row["kind"] or "").strip(),
                    pattern=(row["pattern"] or "").strip(),
                    needs_frame=(row["needs_frame"] or "").strip().lower() == "true",
                    words=tuple(
                        w.strip() for w in (row.get("words") or "").split("|") if w.strip()
                    ),
                )
                if not alias.source_id or not alias.pattern:
                    raise SourceTableError(f"{path}, line {line}: empty source_id or pattern")
                try:
                    re.compile(alias.pattern, re.IGNORECASE)
                except re.error as exc:
                    raise SourceTableError(f"{path}, line {line}: bad pattern: {exc}") from exc
                if risk := nested_repeat(alias.pattern):
                    raise SourceTableError(
                        f"{path}, line {line}: pattern {alias.pattern!r} {risk}, which can take "
                        "minutes on one article; write it without the nested repeat"
                    )
                rows.append(alias)
            return rows
    except (OSError, UnicodeDecodeError, csv.Error) as exc:
        raise SourceTableError(f"{path}: cannot read sources table: {exc}") from exc


class SourceTable:
    """The alias table, compiled for fast search.

    A row that declares its `words` is tried only in a sentence that holds one of them;
    the words of every row are found in one pass over the article, kept for the
    article's later sentences.
    """

    def __init__(self, aliases: Iterable[SourceAlias]) -> None:
        self.aliases = tuple(aliases)
        self._regexes = [
            re.compile(rf"(?<![\w])(?:{a.pattern})(?![\w])", re.IGNORECASE) for a in self.aliases
        ]
        self._always: list[int] = []  # rows that declare no words: tried everywhere
        rows_by_word: dict[bool, dict[str, list[int]]] = {False: {}, True: {}}
        for i, alias in enumerate(self.aliases):
            if not alias.words:
                self._always.append(i)
            for word in alias.words:
                cased = word != word.lower()
                rows_by_word[cased].setdefault(word, []).append(i)
        # Words with a capital are searched as written, others in the lower-cased text.
        self._finders = {cased: LiteralFinder(words) for cased, words in rows_by_word.items()}
        self._word_rows = {
            cased: [tuple(rows_by_word[cased][w]) for w in finder.words]
            for cased, finder in self._finders.items()
        }
        self._index: tuple[str, _LiteralIndex | None] | None = None
        self._by_kind: dict[str, SourceTable] = {}
        # A table of some of another table's rows reads that table's word index.
        self._parent: tuple[SourceTable, dict[int, int]] | None = None

    @classmethod
    def load(cls, extra: Iterable[Path] = ()) -> SourceTable:
        """The built-in table, with rows from `extra` files tried first."""
        rows: list[SourceAlias] = []
        for path in extra:
            rows.extend(read_alias_rows(path))
        rows.extend(read_alias_rows(config.BUILTIN_SOURCES))
        return cls(rows)

    def all_of_kind(
        self, text: str, kind: str, spans: Iterable[tuple[int, int]], low: str | None = None
    ) -> list[SourceMention]:
        """Every place in the sentences `spans` of `text` that names a source of `kind`
        (e.g. "monitor")."""
        if kind not in self._by_kind:
            rows = [i for i, a in enumerate(self.aliases) if a.kind == kind]
            table = SourceTable([self.aliases[i] for i in rows])
            table._parent = (self, {row: j for j, row in enumerate(rows)})
            self._by_kind[kind] = table
        table = self._by_kind[kind]
        found: list[SourceMention] = []
        for start, end in spans:
            if table._may_match(text, start, end, low):
                found.extend(table.find(text, start, end, low))
        return found

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
        cuts: list[int] | None = None
        headline: bool | None = None  # may_have_headline_colon, once asked
        for i, anchors in self._candidates(text, start, stop, low).items():
            if (
                anchors
                and self.aliases[i].needs_frame
                and not may_be_framed(text, start, stop, anchors, low)
            ):
                if headline is None:
                    headline = may_have_headline_colon(text, start, stop)
                if not headline:
                    continue  # its matches would all be dropped as unframed
            if not anchors:
                spans = [(start, stop)]
            else:
                if cuts is None:
                    cuts = [m.start() for m in _NOT_IN_NAMES_RE.finditer(text, start, stop)]
                spans = _stretches(cuts, anchors, start, stop)
            for lo, hi in spans:
                hits.extend(
                    (m.start(), i, m.end()) for m in self._regexes[i].finditer(text, lo, hi)
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
            framed = is_framed(text, start, stop, m_start, m_end, low)
            if alias.needs_frame and not framed:
                continue
            if is_agent(text, start, m_start, low):
                continue
            source_id, kind = alias.source_id, alias.kind
            if source_id in CATEGORY_IDS:
                first_word = m_start == start or not text[start:m_start].strip()
                named = named_organisation(text[m_start:m_end], first_word)
                if named is not None:  # "the Moroccan Interior Ministry": not `officials`
                    source_id, kind = named.source_id, named.kind
                elif source_id == NAMED_ROW:
                    continue  # no name after all: the broad rows may still match here
            if source_id in COUNTRY_QUALIFIED_IDS:
                # "Kenyan officials", "Gaza's health ministry": two governments, two sources.
                source_id = country_qualified(source_id, text[m_start:m_end])
            taken.append((m_start, m_end))
            found.append(
                SourceMention(m_start, m_end, text[m_start:m_end], source_id, kind, framed)
            )
        found.sort(key=lambda f: f.start)
        return _named_over_category(text, found)

    @staticmethod
    def acronyms(
        text: str,
        start: int,
        stop: int,
        taken: list[tuple[int, int]],
        defined: frozenset[str] = frozenset(),
    ) -> list[SourceMention]:
        """Acronyms and countries in text[start:stop] that report a figure ("NDMA said",
        "according to the NDMA", "Turkey has reported") outside the `taken` spans: each is
        the id of the organisation or government it stands for. `defined`: the acronyms
        the article spells out, the only ones a headline's colon may frame."""
        found: list[SourceMention] = []
        patterns = (ACRONYM_AFTER_RE, ACRONYM_RE) if CAPITALS_RE.search(text, start, stop) else ()
        for pattern in patterns:
            for m in pattern.finditer(text, start, stop):
                if pattern is ACRONYM_RE and not acronym_framed(text, start, stop, m, defined):
                    continue  # an acronym with no frame names no source here
                acronym = m.group("acronym")
                source_id = acronym_id(acronym, m.group("region"))
                if pattern is ACRONYM_AFTER_RE and m.group("region") and source_id == acronym:
                    continue  # "AB Rao said": initials and a surname, not "PDMA Sindh said"
                a_start = m.start("acronym")
                a_end = m.end("acronym" if source_id == acronym else "region")
                if not is_organisation_acronym(acronym) or any(
                    a_start < t_end and t_start < a_end for t_start, t_end in taken
                ):
                    continue
                taken.append((a_start, a_end))
                found.append(
                    SourceMention(
                        a_start, a_end, text[a_start:a_end], source_id, "organisation", True
                    )
                )
        countries = (
            COUNTRY_SAID_RE.finditer(text, start, stop)
            if COUNTRY_VERB_RE.search(text, start, stop)
            else ()
        )
        for m in countries:
            named = reporting_country(m.group("name"), m.group("verb"), text)
            if named is None or any(
                m.start() < t_end and t_start < m.end() for t_start, t_end in taken
            ):
                continue
            taken.append(m.span())
            found.append(
                SourceMention(m.start(), m.end(), m.group(0), named.source_id, named.kind, True)
            )
        return found

    def _may_match(self, text: str, start: int, stop: int, low: str | None = None) -> bool:
        """Whether any row can match in text[start:stop] (`_candidates` finds one)."""
        index = None if self._always else self._literal_index(text, low)
        if index is None:
            return bool(self._candidates(text, start, stop, low))
        occurrences = index.occurrences
        k = bisect.bisect_left(index.starts, start)
        while k < len(occurrences) and occurrences[k][0] < stop:
            if occurrences[k][1] <= stop:
                return True
            k += 1
        return False

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


# "officials at the Interior Ministry", "a spokesman for the Maui Police Department".
_BELONGS_TO_RE = re.compile(r"\s+(?:at|from|of|for|with|in)\s+(?:the\s+)?", re.IGNORECASE)


# "Witnesses at the Kennedy Center", "residents near Al-Amal Hospital": people at a place.
_PEOPLE_AT_RE = re.compile(r"\s+(?:at|near|outside|inside|around|by)\s+(?:the\s+)?", re.IGNORECASE)
_PEOPLE_IDS = frozenset({"local_sources"})


def _named_over_category(text: str, found: list[SourceMention]) -> list[SourceMention]:
    """Drop a broad category right before the organisation it belongs to, or right after
    one it describes: the organisation is the source. But people at or near a named
    place ("witnesses at the Kennedy Center said") are the source, not the place."""
    found = [
        m
        for k, m in enumerate(found)
        if not (
            k
            and found[k - 1].source_id in _PEOPLE_IDS
            and m.source_id not in CATEGORY_IDS
            and _PEOPLE_AT_RE.fullmatch(text, found[k - 1].end, m.start) is not None
        )
    ]
    kept = []
    for k, mention in enumerate(found):
        following = found[k + 1] if k + 1 < len(found) else None
        before = found[k - 1] if k else None
        if (
            mention.source_id in CATEGORY_IDS
            and (
                (
                    following is not None
                    and following.source_id not in CATEGORY_IDS
                    and _BELONGS_TO_RE.fullmatch(text, mention.end, following.start) is not None
                )
                or (  # "the Libyan Red Crescent aid organization": what the named one is
                    before is not None
                    and before.source_id not in CATEGORY_IDS
                    and not text[before.end : mention.start].strip()
                )
            )
        ):
            continue
        kept.append(mention)
    return kept


def _stretches(cuts: list[int], anchors: list[int], start: int, stop: int) -> list[tuple[int, int]]:
    """The stretches of [start, stop) between the sorted `cuts` (offsets of characters no
    name holds) that hold one of the sorted `anchors`: no match can lie elsewhere."""
    spans: list[tuple[int, int]] = []
    for a in anchors:
        k = bisect.bisect_left(cuts, a)
        span = (cuts[k - 1] + 1 if k else start, cuts[k] if k < len(cuts) else stop)
        if not spans or spans[-1] != span:
            spans.append(span)
    return spans


_DEFAULT: SourceTable | None = None


def default_table() -> SourceTable:
    """The built-in table, loaded once per process."""
    global _DEFAULT
    if _DEFAULT is None:
        _DEFAULT = SourceTable.load()
    return _DEFAULT
