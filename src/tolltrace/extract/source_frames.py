"""The words around a name that make it a source: a frame before it ("according to", "a
report released by", lexicon/source_frames.csv), a reporting verb or the source's own
document after it ("the ministry said", "the agency's estimate of"), a headline's colon or
final dash ("NDMA: …", "… - HRW"), and the agent before it that makes it none ("killings by
the military"). `sources.SourceTable` asks these of every name it matches.
"""

from __future__ import annotations

import re

from tolltrace.extract import lexicon
from tolltrace.extract._fastscan.scanning import Guarded
from tolltrace.extract.organisations import is_dateline

# Before a source: the frames of source_frames.csv ("according to", "as per", "a report
# released by"), "according to officials at", or an inverted quote attribution ('...,
# said Fernando Bastidas of the Permanent Committee'), maybe with a possessive ("according to
# the country's military junta") or an article ("according to an AFP tally"). Not "told
# X": X listens; not "said 1,100 rescue workers": a number between the verb and the name
# makes them its object.
_FRAME_BEFORE_RE = Guarded(
    re.compile(
        r"(?:according\s+to\s+(?:officials?|sources?|a\s+spokes\w+)\s+(?:at|from|of|in)"
        r"|according\s+to\s+an?\s+(?:updated|new|latest|preliminary|official)"
        rf"|\b{lexicon.source_frame_pattern()}|"
        r"[,\"”’]\s*(?:said|says|say)\b(?:(?!\s+that\b)[^.;\"“”\d]){0,60}?)\s+(?:the\s+|an?\s+)?"
        r"(?:(?:country|nation|state|region|province|city|territory|strip|enclave|island|"
        r"kingdom|republic|county|district|town|capital)['’]s\s+)?$",
        re.IGNORECASE,
    ),
    needs=lexicon.source_frame_words() | {"said", "says", "say"},
)
# Before an acronym that is a source: fewer frames than before a name (lexicon.
# acronym_frame_pattern): "the toll from the ISIS attack" names the attacker.
_ACRONYM_FRAME_RE = Guarded(
    re.compile(rf"\b{lexicon.acronym_frame_pattern()}\s+(?:the\s+)?$", re.IGNORECASE),
    needs=lexicon.source_frame_words(),
)
# "killings by the military": an agent, not a source ("reported by", "released by", "a
# report by" are frames: source_frames.csv).
# A frame before a source is read in this many characters before it ("according to a
# report released on Friday by the ", the longest, is under 60).
_FRAME_REACH = 60
# "by the " before the name: an agent is read this far back.
_AGENT_REACH = 20
_AGENT_BEFORE_RE = Guarded(
    re.compile(
        "".join(
            f"(?<!{re.escape(word)} )"
            for word in (
                "reported",
                "cited",
                "quoted",
                *lexicon.source_frames()["verb"],
                *lexicon.source_frames()["document"],
            )
        )
        + r"\bby\s+(?:the\s+)?$",
        re.IGNORECASE,
    ),
    needs=("by",),
)
# After a source: at most three words that are not verbs of another clause ("for
# Political Prisoners", "Oleh Tkachenko"), an optional "(SOHR)" or ", a volunteer group
# that tracks casualties,", at most three such words again, then the reporting verb.
_FRAME_AFTER_RE = re.compile(
    r"""(?:\s+(?!(?:has|have|had|is|was|were|are|will|would|which|who|that)\b)[\w.’'-]+){0,3}?
    (?:\s*\([^()]{0,40}\))?(?:\s*,[^,.;:"“”]{1,80},)?
    (?:\s+(?!(?:has|have|had|is|was|were|are|will|would|which|who|that)\b)[\w.’'-]+){0,3}?
    [\s,]+(?:(?:had|has|have)\s+(?:earlier\s+|previously\s+|also\s+|since\s+|already\s+|
    initially\s+|first\s+|originally\s+|only\s+|now\s+|just\s+)?)?
    (?:(?:is|are|was|were)\s+(?=(?:reporting|saying|estimating|confirming)\b))?"""
    rf"(?:(?:{lexicon.alternation(lexicon.reporting_verbs())})\b"
    rf"|(?:{lexicon.alternation(lexicon.reporting_verbs('that'))})\s+that\b)",
    re.IGNORECASE | re.VERBOSE,
)


# The reporting verb of _FRAME_AFTER_RE: without one after a name, it is not framed there.
_FRAME_AFTER_GUARD = Guarded(
    _FRAME_AFTER_RE,
    needs=lexicon.first_words((*lexicon.reporting_verbs(), *lexicon.reporting_verbs("that"))),
)


# A source's own document right after its name: "the interim government's estimate of 834
# deaths", "the army's count".
_DOCUMENT_AFTER_RE = Guarded(
    re.compile(
        r"['’]s\s+(?:(?:latest|own|initial|official|updated|new|preliminary|final|death)\s+)?"
        r"(?:estimate|tally|count|figures?|data|report|statement|breakdown)\b",
        re.IGNORECASE,
    ),
    needs=("estimate", "tally", "count", "figure", "data", "report", "statement", "breakdown"),
)


def may_be_framed(
    text: str, start: int, stop: int, anchors: list[int], low: str | None = None
) -> bool:
    """Whether a match that contains one of `anchors` in text[start:stop] can be framed.

    Every match of an alias contains one of its literals, found at `anchors`. A frame
    before the match ends before that literal, a frame after it starts after it; each
    frame pattern contains one of its own literals. When no anchor has a literal of
    either frame on the right side, every match would be dropped as unframed (but for a
    headline's colon: `may_have_headline_colon`, which the caller tests once per
    sentence), and a row that needs a frame can be skipped without a scan (unframed
    matches block nothing). `anchors` are sorted, so the first one has the most text after
    it and the last one the most before it: only those two are tested. `low` is the text
    lower-cased, when the caller has it.
    """
    return (
        _FRAME_AFTER_GUARD.may_match(text, anchors[0], stop, low)
        or _FRAME_BEFORE_RE.may_match(text, start, anchors[-1], low)
        or _DOCUMENT_AFTER_RE.may_match(text, anchors[0], stop, low)
    )


def is_framed(
    text: str, start: int, stop: int, m_start: int, m_end: int, low: str | None = None
) -> bool:
    """Whether the name at text[m_start:m_end], in the sentence text[start:stop], reports a
    figure: a frame before it, a reporting verb or its own document after it, or a
    headline's colon or dash."""
    return (
        _FRAME_BEFORE_RE.found(text, max(start, m_start - _FRAME_REACH), m_start, low)
        or _framed_past_a_possessive(text, start, m_start, low)
        or _FRAME_AFTER_GUARD.found(text, m_end, stop, low, anchored=True)
        or _DOCUMENT_AFTER_RE.found(text, m_end, stop, low, anchored=True)
        or headline_colon(text, start, stop, m_start, m_end)
    )


def _framed_past_a_possessive(text: str, start: int, m_start: int, low: str | None) -> bool:
    """A frame before a proper name's possessive: "according to Myanmar's state television"."""
    if not text.endswith(("'s ", "’s "), max(start, m_start - 3), m_start):
        return False
    word = text.rfind(" ", start, m_start - 3) + 1
    if word <= start or not text[word].isupper():
        return False
    return _FRAME_BEFORE_RE.found(text, max(start, word - _FRAME_REACH), word, low)


def is_agent(text: str, start: int, m_start: int, low: str | None = None) -> bool:
    """Whether "by" makes the name at `m_start` the agent of a deed ("killings by the
    military"), not a source."""
    return _AGENT_BEFORE_RE.found(text, max(start, m_start - _AGENT_REACH), m_start, low)


def acronym_framed(
    text: str, start: int, stop: int, m: re.Match[str], defined: frozenset[str]
) -> bool:
    """An acronym with a frame before it ("according to the NDMA"), or a headline's source
    by a colon that the article spells out ("NUCC: …" with "the National Unity
    Consultative Council (NUCC)"; not "LIVE:", "NSW:" or a dateline, "KERALA: …")."""
    if _ACRONYM_FRAME_RE.search(text, max(start, m.start() - _FRAME_REACH), m.start()):
        return True
    acronym = m.group("acronym")
    return (
        acronym in defined
        and headline_colon(text, start, stop, m.start(), m.end())
        and not is_dateline(acronym)
    )


# A headline's source by a colon: "UN: 40 killed in …", "40 killed in …: health ministry",
# or by a dash at its end: "… suspected of killing hundreds - HRW".
# (Not a label before a figure alone: "Hill County: 3" is a list's item, its place.)
_COLON_AFTER_RE = re.compile(r"\s*:(?!\s*\d[\d,.]*\s*$)")
_COLON_BEFORE_RE = re.compile(r"(?::|\s[-–—])\s*(?:the\s+)?$", re.IGNORECASE)
_ENDS_HERE_RE = re.compile(r"[\s.\"'”’]*$")
# The colon or dash of a headline's source stands this near an end of its sentence
# ("NDMA:", ": Gaza's health ministry"); its reach before the source: ": the ", " - the ".
_HEADLINE_SOURCE_REACH = 60
_HEADLINE_MARK_REACH = 8
_TAIL_MARK_RE = re.compile(r":|\s[-–—]\s")


def may_have_headline_colon(text: str, start: int, stop: int) -> bool:
    """A colon near either end of the sentence, or a dash near its end, as
    `headline_colon` needs (a cheap test: not "at 10:30", not a colon in mid-sentence)."""
    return (
        text.find(":", start, min(start + _HEADLINE_SOURCE_REACH, stop)) >= 0
        or _TAIL_MARK_RE.search(text, max(stop - _HEADLINE_SOURCE_REACH, start), stop) is not None
    )


def headline_colon(text: str, start: int, stop: int, m_start: int, m_end: int) -> bool:
    """Whether the source at text[m_start:m_end] is set off by a colon at either end of
    its sentence text[start:stop], or by a dash at its end: "NDMA: 40 killed …", "… 40
    killed: NDMA", "… 40 killed - HRW"."""
    if not text[start:m_start].strip():
        return _COLON_AFTER_RE.match(text, m_end, stop) is not None
    return bool(  # `$` of _ENDS_HERE_RE holds only at `stop`: the source ends the sentence
        _COLON_BEFORE_RE.search(text, max(start, m_start - _HEADLINE_MARK_REACH), m_start)
        and _ENDS_HERE_RE.match(text, m_end, stop)
    )
