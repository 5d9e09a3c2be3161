"""Which source an article attributes a sentence's figures to.

A sentence's own attribution wins ("according to the Observatory", "officials said").
Without one, the sentence keeps the source of the paragraph it continues: a paragraph
that keeps quoting one source gives that source to its later sentences, and a sentence
that opens with an anaphor ("This brings the toll to ...") continues the sentence before
it even across a line break, and the short lines of a list keep the source of the line
that introduces it with a colon. Generic names ("the war monitor", "the Observatory") resolve
to the monitor the article names.
"""

from __future__ import annotations

import bisect
import re
from functools import lru_cache
from typing import NamedTuple

from tolltrace.extract import lexicon
from tolltrace.extract._fastscan.scanning import Guarded
from tolltrace.extract.named_speakers import TITLES_OF_ADDRESS, named_speakers, person_named
from tolltrace.extract.organisations import defined_acronyms, is_place
from tolltrace.extract.sentences import Sentence
from tolltrace.extract.sources import (
    GENERIC_PREFIX,
    RELAY_KINDS,
    UNATTRIBUTED,
    SourceMention,
    SourceTable,
    is_category,
)
from tolltrace.model import Claim


def _speaker_verbs(speaker: str) -> str:
    return lexicon.alternation(lexicon.reporting_verbs(speaker=speaker))


# "..., he said", "…,” she continued", "according to them": the speaker is whoever the
# article quoted last.
_PRONOUN_SPEAKER_RE = Guarded(
    re.compile(
        rf"\b(?:(?:he|she|they|it)\s+(?:{_speaker_verbs('yes')})"
        rf"|(?<=[,\"”’]\s)(?:he|she|they|it)\s+(?:{_speaker_verbs('quote')})"
        r"|said\s+(?:he|she|it)|according\s+to\s+(?:him|her|them))\b",
        re.IGNORECASE,
    ),
    needs=(
        *lexicon.first_words(
            (*lexicon.reporting_verbs(speaker="yes"), *lexicon.reporting_verbs(speaker="quote"))
        ),
        "according",
    ),
)
# "Choi also said …", "George, speaking to reporters, said …", "…, Jena said", "according
# to Qani", "Mr Bush said": a speaker
# named by one capitalised word, who keeps the source of the sentence that named them in
# full ("Fire chief Choi Seong-beom said …"). Not after an article: "The Center added"
# names a body, not a person.
_VERBS = lexicon.alternation(lexicon.reporting_verbs())  # after a name: "Choi said"
_SURNAME_SPEAKER_RE = Guarded(
    re.compile(
        rf"(?<!\bthe\s)(?<!\ban\s)(?<!\ba\s)"
        rf"(?-i:\b(?P<name>[A-Z][a-z’'-]+))(?:,[^,.;]{{1,40}},)?\s+"
        rf"(?:also\s+|further\s+|later\s+|then\s+)?"
        rf"(?:{_VERBS})\b|[,\"”’]\s*(?:{_VERBS})\s+(?-i:(?P<after>[A-Z][a-z’'-]+))\b"
        r"|\baccording\s+to\s+(?-i:(?P<according>[A-Z][a-z’'-]+))\b(?!\s+(?-i:[A-Z]))",
        re.IGNORECASE,
    ),
    needs=(*lexicon.first_words(lexicon.reporting_verbs()), "according"),
)
_DIGIT_RE = re.compile(r"\d")
_CAPITAL_WORD_BEFORE_RE = re.compile(r"\b([A-Z][\w’'-]*)\s+$")
# Words that may open a sentence before a surname: "But Smith said", "Later, Smith said".
_SENTENCE_OPENERS = frozenset("but and later then earlier meanwhile however also so".split())
# Capitalised words that start sentences and name no person ("They said", "Officials say").
_NOT_NAMES = frozenset(
    "the this these that those it they he she we officials police authorities".split()
)
# A surname is looked for in full in at most this many sentences before it.
SURNAME_LOOKBACK = 60


@lru_cache(maxsize=256)
def _full_name_pattern(name: str) -> re.Pattern[str]:
    """A surname next to another capitalised word: "Choi Seong-beom", "Secretary Choi"."""
    return re.compile(
        rf"(?:\b[A-Z][\w’'-]*\s+{re.escape(name)}|\b{re.escape(name)}[\s-]+[A-Z][\w’'-]*)\b"
    )


def _name_end(text: str, named: re.Match[str]) -> int:
    """Where a full name found by `_full_name_pattern` ends: after its surname and any
    capitalised words after it ("Choi Seong-beom")."""
    end = named.end()
    while (m := _NEXT_CAPITAL_RE.match(text, end)) is not None:
        end = m.end()
    return end


_NEXT_CAPITAL_RE = re.compile(r"[\s-]+[A-Z][\w’'-]*\b")


_ANAPHOR_RE = re.compile(
    r"""["“]?(?:This|These|That|Those|It|They|He|She|The\s+(?:death\s+)?(?:toll|figure|number|
    count|tally|casualty\s+count)|Of\s+(?:these|them|those)|Among\s+(?:them|the\s+dead)|
    Additionally|In\s+addition|Moreover|Furthermore)\b""",
    re.VERBOSE,
)


# A list item: a line of at most this many characters ("In Omdurman, 7 civilians were
# killed.") under a line that ends with a colon keeps that line's source.
LIST_ITEM_CHARS = 160
# "Source: the regional administration": a line naming the source of the paragraphs under it,
# read at most this many paragraphs up.
_SOURCE_LINE_RE = re.compile(r"\s*Sources?:\s", re.IGNORECASE)
_SOURCE_LINE_ANYWHERE_RE = re.compile(r"(?:^|\n)[ \t]*Sources?:\s", re.IGNORECASE)
SOURCE_LINE_PARAGRAPHS = 3
_PICTURE_CREDITS = ("/", "image", "photo", "getty", "picture")


# Connectives that continue the paragraph before, unless a speaker of their own follows or
# the figures are of another time ("Moreover, last year 300 people died on that road").
_OTHER_TIME_RE = re.compile(
    r"\b(?:last|previous|past)\s+(?:year|month|week|decade)\b|\bin\s+(?:19|20)\d\d\b|\bago\b",
    re.IGNORECASE,
)
_CONNECTIVE_RE = re.compile(r"[\"“]?(?:Additionally|In\s+addition|Moreover|Furthermore)\b")
_SPEAKER_VERB_RE = re.compile(
    rf"\b(?:{lexicon.alternation(lexicon.reporting_verbs())}|claims?|according\s+to|argue[sd]?|"
    r"allege[sd]?|insist(?:s|ed)?|believe[sd]?|maintain(?:s|ed)?|contend(?:s|ed)?)\b",
    re.IGNORECASE,
)
# A sentence that says where the figures of the one before come from: "This statistic was
# published by …", "These figures come from …", "The updated figures from the agency …"
# (not "The toll is expected to rise").
_FIGURES_ANAPHOR_RE = re.compile(
    r"[\"“]?(?:This|These|Those|The)\s+(?:(?:updated|latest|new|revised|official)\s+)?"
    r"(?:figures?|statistics?|numbers?|data)\s+(?:(?:was|were|"
    r"is|are|came|come|comes|has\s+been|have\s+been)\s+(?:\w+\s+)?(?:published|released|"
    r"issued|provided|compiled|given|reported|announced|confirmed|from|by)|from)\b"
)
# A sentence whose source confirms the figure before it: "Health Minister Tom Vale confirmed
# this while speaking to reporters", "The ministry gave the figure on Monday" (not "gave the
# numbers of missing people": those of one outcome only; not "said the toll was
# exaggerated": a dispute).
_CONFIRMS_IT_RE = re.compile(
    r"[^.;\d]{0,120}?\b(?:confirmed|said|announced|reported|gave|released|shared|disclosed|"
    r"revealed)\s+(?:this|these\s+"
    r"(?:figures?|numbers?)|the\s+(?:figures?|numbers?|(?:death\s+)?toll))\b"
    r"(?!\s+(?:of|for|in|from|on|was|were|is|are|could|would|might|may|had|has|as|morning|"
    r"afternoon|evening|week|weekend|month|year)\b)"
)
# It is read in the sentence after, or the one after that when the one between holds no
# number ("The toll rose to 46. It is likely to rise. The minister confirmed this …").
CONFIRMS_IT_REACH = 2


class Attribution(NamedTuple):
    """The source of a sentence's figures and how it was found."""

    source: str
    kind: str
    text: str
    basis: str  # explicit, carried or none


NO_SOURCE = Attribution(UNATTRIBUTED, "none", "", "none")


class ArticleAttributions:
    """Resolves and caches the attribution of every sentence of one article."""

    def __init__(
        self, text: str, sentences: list[Sentence], table: SourceTable, low: str | None = None
    ) -> None:
        self.text = text
        self.low = low  # the text lower-cased (scanning.lowered), when the caller has it
        self.sentences = sentences
        self.table = table
        self._mentions: dict[int, list[SourceMention]] = {}
        self._own: dict[int, Attribution | None] = {}
        self._resolved: dict[int, Attribution] = {}
        self._lists: dict[int, Attribution | None] = {}  # _list_intro, by sentence
        self._named: dict[str, list[SourceMention]] = {}
        self._has_source_lines: bool | None = None  # any "Source: …" line (asked once)
        # Names whose acronym the article defines ("… Authority (NDMA)"): the acronym is the id.
        defined = defined_acronyms(text, low)
        self._acronym_of = {name_id: acronym for acronym, name_id in defined.items()}
        self._defined = frozenset(defined)

    def for_sentence(self, index: int, near: int) -> Attribution:
        """The attribution for a figure at offset `near` in sentence `index`."""
        own = self._own_attribution(index, near)
        if own is not None:
            return own
        return self._carried(index)

    def _mentions_of(self, index: int) -> list[SourceMention]:
        """The sources sentence `index` names (cached)."""
        mentions = self._mentions.get(index)
        if mentions is None:
            s = self.sentences[index]
            mentions = self.table.find(self.text, s.start, s.end, self.low)
            if all(is_category(m.source_id) for m in mentions):
                # No source the table names: an acronym that reports the figure may be one.
                taken = [(m.start, m.end) for m in mentions]
                mentions = mentions + self.table.acronyms(
                    self.text, s.start, s.end, taken, self._defined
                )
            if not mentions:  # "Zabihullah Mujahid said": a name the table does not know
                mentions = named_speakers(self.text, s.start, s.end, self.low)
            self._mentions[index] = mentions
        return mentions

    def _own_attribution(self, index: int, near: int) -> Attribution | None:
        mentions = self._mentions_of(index)
        if not mentions:
            return None
        best = min(mentions, key=lambda m: (_rank(m, self.text), abs(_centre(m) - near)))
        source_id, kind = best.source_id, best.kind
        if kind.startswith(GENERIC_PREFIX):
            kind = kind[len(GENERIC_PREFIX) :]
            named = self._resolve_generic(kind, best.start)
            if named is not None:
                source_id, kind = named.source_id, named.kind
        source_id = self._acronym_of.get(source_id, source_id)
        return Attribution(source_id, kind, best.text, "explicit")

    def _first_attribution(self, index: int) -> Attribution | None:
        if index not in self._own:
            s = self.sentences[index]
            self._own[index] = self._own_attribution(index, s.start)
        return self._own[index]

    def _carried(self, index: int) -> Attribution:
        if index in self._resolved:
            return self._resolved[index]
        result = NO_SOURCE
        s = self.sentences[index]
        if _PRONOUN_SPEAKER_RE.search(self.text, s.start, s.end, self.low):
            for j in range(index - 1, -1, -1):
                own = self._first_attribution(j)
                if own is not None:
                    result = _as_carried(own)
                    break
            self._resolved[index] = result
            return result
        speaker = self._named_speaker(index)
        if speaker is not None:
            self._resolved[index] = speaker
            return speaker
        j = index - 1
        while j >= 0 and self.sentences[j].paragraph == s.paragraph:
            own = self._first_attribution(j)
            if own is not None:
                result = _as_carried(own)
                break
            j -= 1
        else:
            if j >= 0 and _ANAPHOR_RE.match(self.text, s.start, s.end) and not self._new_speaker(s):
                own = self._first_attribution(j) or self._carried(j)
                if own.basis != "none":
                    result = _as_carried(own)
            elif j >= 0:
                result = self._list_intro(index) or result
        if result.basis == "none":
            result = self._named_next(index) or self._confirmed_after(index) or result
        if result.basis == "none":
            result = self._source_line(index) or result
        self._resolved[index] = result
        return result

    def _new_speaker(self, s: Sentence) -> bool:
        """Whether a sentence that opens with a connective ("Moreover, …") has a speaker of
        its own the table does not know ("Moreover, Hamas claims …"), or counts another
        time's dead ("Moreover, last year 300 people died …")."""
        if not _CONNECTIVE_RE.match(self.text, s.start, s.end):
            return False
        return (
            _SPEAKER_VERB_RE.search(self.text, s.start, s.end) is not None
            or _OTHER_TIME_RE.search(self.text, s.start, s.end) is not None
        )

    def _source_line(self, index: int) -> Attribution | None:
        """The source of a "Source: …" line at most SOURCE_LINE_PARAGRAPHS paragraphs above,
        with no sentence naming a source of its own between ("Source: the city council" then
        "Details: 72 people were injured …")."""
        if self._has_source_lines is None:
            low = self.low if self.low is not None else self.text.lower()
            self._has_source_lines = ("source:" in low or "sources:" in low) and (
                _SOURCE_LINE_ANYWHERE_RE.search(self.text) is not None
            )
        if not self._has_source_lines:
            return None
        s = self.sentences[index]
        for j in range(index - 1, -1, -1):
            line = self.sentences[j]
            if s.paragraph - line.paragraph > SOURCE_LINE_PARAGRAPHS:
                return None
            own = self._first_attribution(j)
            if own is None:
                continue
            if _SOURCE_LINE_RE.match(self.text, line.start, line.end):
                words = self.text[line.start : line.end].lower()
                if any(credit in words for credit in _PICTURE_CREDITS):
                    return None  # "Source: AFP/Getty Images": a picture's credit
                return _as_carried(own)
            return None
        return None

    def _named_speaker(self, index: int) -> Attribution | None:
        """The source of a speaker named by surname ("Choi also said …"): the attribution,
        nearest the name, of the last earlier sentence that names them in full (the name
        next to another capitalised word: "Choi Seong-beom", "Secretary Choi")."""
        s = self.sentences[index]
        m = _SURNAME_SPEAKER_RE.search(self.text, s.start, s.end, self.low)
        if m is None:
            return None
        name = m.group("name") or m.group("after") or m.group("according")
        if name.lower() in _NOT_NAMES or (m.group("according") and is_place(name)):
            return None  # "according to Kabul": a place's government, not a person
        if m.group("name"):
            before = _CAPITAL_WORD_BEFORE_RE.search(self.text, s.start, m.start())
            opener = before.group(1).lower().rstrip(".") if before is not None else ""
            if before is not None and opener not in _SENTENCE_OPENERS | TITLES_OF_ADDRESS:
                return None  # "The Documentation Center reported": a whole name
        full = _full_name_pattern(name)
        for j in range(index - 1, max(-1, index - 1 - SURNAME_LOOKBACK), -1):
            earlier = self.sentences[j]
            named = full.search(self.text, earlier.start, earlier.end)
            if named is None:
                continue
            own = self._own_attribution(j, named.start())
            if own is None:
                # "Police Commissioner Mike Bush arrived. … Mr Bush said": the person
                person = person_named(self.text, earlier.start, _name_end(self.text, named))
                if person is None:
                    return None
                own = Attribution(person.source_id, person.kind, person.text, "explicit")
            return _as_carried(own)
        return None

    def _named_next(self, index: int) -> Attribution | None:
        """The source a later sentence of the paragraph gives the figures of this one:
        "30 people were killed. These figures were published by the ministry.", or the
        speaker named where a quotation this sentence stands in closes ("“Thirty bodies
        arrived. Most were women,” the police chief said.")."""
        nxt = index + 1
        if nxt >= len(self.sentences):
            return None
        s, n = self.sentences[index], self.sentences[nxt]
        if n.paragraph != s.paragraph:
            return None
        if _FIGURES_ANAPHOR_RE.match(self.text, n.start, n.end):
            closing: int | None = nxt
        else:
            closing = self._quote_closing(index)
            if closing is not None and not self._named_after_quote(closing):
                closing = None  # "… the ministry confirmed nothing,” a resident said.": no
        own = self._first_attribution(closing) if closing is not None else None
        return _as_carried(own) if own is not None else None

    def _confirmed_after(self, index: int) -> Attribution | None:
        """The source of a sentence just after, in this paragraph or the next, that confirms
        the figure: "The toll rose to 46." then "Health Minister Tom Vale confirmed this"."""
        s = self.sentences[index]
        for j in range(index + 1, min(index + 1 + CONFIRMS_IT_REACH, len(self.sentences))):
            n = self.sentences[j]
            if n.paragraph - s.paragraph > 1:
                return None
            if _CONFIRMS_IT_RE.match(self.text, n.start, n.end):
                own = self._first_attribution(j)
                return _as_carried(own) if own is not None else None
            if _DIGIT_RE.search(self.text, n.start, n.end):
                return None
        return None

    def _named_after_quote(self, index: int) -> bool:
        """Whether every source sentence `index` names stands after its closing quote."""
        n = self.sentences[index]
        close = max(self.text.rfind(q, n.start, n.end) for q in _CLOSING_QUOTES)
        mentions = self._mentions_of(index)
        return bool(mentions) and all(m.start > close for m in mentions)

    def _quote_closing(self, index: int) -> int | None:
        """The later sentence of the paragraph where the quotation open at the end of
        sentence `index` closes, within QUOTE_REACH sentences either way; None when none is
        open."""
        s = self.sentences[index]
        first = index  # a quotation opened at most QUOTE_REACH sentences back
        while (
            first > 0
            and index - first < QUOTE_REACH
            and self.sentences[first - 1].paragraph == s.paragraph
        ):
            first -= 1
        if not _open_quote(self.text[self.sentences[first].start : s.end]):
            return None
        for j in range(index + 1, min(index + 1 + QUOTE_REACH, len(self.sentences))):
            n = self.sentences[j]
            if n.paragraph != s.paragraph:
                return None
            if any(q in self.text[n.start : n.end] for q in _CLOSING_QUOTES):
                return j
        return None

    def _list_intro(self, index: int) -> Attribution | None:
        """A short line under a line that ends with a colon ("The committee counted the
        dead in each town:" then "In Khartoum, 17 civilians were killed."), with only such
        lines between: the source of the line that introduces the list. The answer for
        the line before is reused, so a long list is read once."""
        if index in self._lists:
            return self._lists[index]
        s = self.sentences[index]
        found = None
        if s.end - s.start <= LIST_ITEM_CHARS:
            found = self._list_intro_walk(index)
        self._lists[index] = found
        return found

    def _list_intro_walk(self, index: int) -> Attribution | None:
        k = index - 1
        while k >= 0:
            line = self.sentences[k]
            if self.text[line.start : line.end].rstrip().endswith(":"):
                for i in range(k, -1, -1):
                    if self.sentences[i].paragraph != line.paragraph:
                        break
                    own = self._first_attribution(i)
                    if own is not None:
                        return _as_carried(own)
                found = self._carried(k)
                return found if found.basis != "none" else None
            alone = (k == 0 or self.sentences[k - 1].paragraph != line.paragraph) and (
                k + 1 == len(self.sentences) or self.sentences[k + 1].paragraph != line.paragraph
            )
            if not alone or line.end - line.start > LIST_ITEM_CHARS:
                return None
            if self._first_attribution(k) is not None:
                return None
            if k in self._lists:  # an item of the same list: its answer holds here too
                return self._lists[k]
            k -= 1
        return None

    def _resolve_generic(self, kind: str, offset: int) -> SourceMention | None:
        """The named source a generic mention of `kind` refers to: the last one named
        before `offset`, else the first one of its kind named after it, else None. "The
        group" (a generic local source) may also be a monitor named before it ("The Syrian
        Observatory … said …. The group said …")."""
        named = self._named_of(kind)
        pool = named
        if kind == "local":
            pool = sorted(
                (m for k in _GROUP_KINDS for m in self._named_of(k)), key=lambda m: m.start
            )
        before = [m for m in pool if m.start < offset]
        if before:
            return before[-1]
        return named[0] if named else None  # forward only to its own kind

    def _named_of(self, kind: str) -> list[SourceMention]:
        """The named sources of `kind` in the article, in order. The rows of that kind find
        the sentences that may name one; the whole table then reads those sentences, so a
        name has the id it has anywhere else ("the Central Committee of Sudanese Doctors",
        not "the Central Committee" and "Doctors")."""
        if kind not in self._named:
            spans = [(s.start, s.end) for s in self.sentences]
            rough = self.table.all_of_kind(self.text, kind, spans, self.low)
            starts = [s.start for s in self.sentences]
            hit = sorted({bisect.bisect_right(starts, m.start) - 1 for m in rough})
            self._named[kind] = [m for i in hit for m in self._mentions_of(i) if m.kind == kind]
        return self._named[kind]


# A quotation is followed this many sentences at most to the one that names its speaker.
QUOTE_REACH = 4
_CLOSING_QUOTES = ("”", '"')


def _open_quote(text: str) -> bool:
    """Whether a quotation is open at the end of `text` (curly quotes, or an odd number of
    straight ones)."""
    if "“" in text or "”" in text:
        return text.rfind("“") > text.rfind("”")
    return text.count('"') % 2 == 1


# Kinds a generic local mention ("the group") can refer to.
_GROUP_KINDS = ("local", "monitor")


def _as_carried(a: Attribution) -> Attribution:
    return Attribution(a.source, a.kind, a.text, "carried")


# An agency's own count: "according to an AFP tally based on data from police".
_OWN_COUNT_RE = re.compile(r"\s+(?:tally|count|survey|analysis|investigation)\b", re.IGNORECASE)


def _rank(m: SourceMention, text: str) -> int:
    """Lower is better: sources that count beat agencies that relay them, but for an
    agency's own count."""
    relay = m.kind in RELAY_KINDS and not _OWN_COUNT_RE.match(text, m.end)
    return (2 if relay else 0) + (0 if m.framed else 1)


def _centre(m: SourceMention) -> int:
    return (m.start + m.end) // 2


def attribute_headlines(claims: list[Claim]) -> None:
    """A headline figure the body repeats with a source takes that source."""
    for c in claims:
        if not c.is_headline or c.source_basis != "none":
            continue
        body = next(
            (
                k
                for k in claims
                if not k.is_headline
                and k.source_basis == "explicit"
                and (k.low, k.high, k.outcome) == (c.low, c.high, c.outcome)
            ),
            None,
        )
        if body is not None:
            c.source, c.source_kind, c.source_text = body.source, body.source_kind, body.source_text
            c.source_basis = "carried"
