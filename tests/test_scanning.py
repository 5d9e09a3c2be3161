"""Fast-scanning helpers: required literals, the literal finder, guarded patterns and
anchored matching must give exactly what a plain regex scan gives."""

from __future__ import annotations

import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tolltrace import extract
from tolltrace.extract import sources
from tolltrace.extract._fastscan.literals import Literal, breaker_class, required_literals
from tolltrace.extract._fastscan.scanning import (
    Guarded,
    LiteralFinder,
    digit_positions,
    has_non_ascii_digit,
    lead_windows,
    lowered,
    matches_at,
)
from tolltrace.extract.sources import default_table


def test_optional_letters_are_expanded_into_every_spelling():
    found = required_literals(r"Rami Abdul?[- ]?Rahman")
    assert Literal("rami abdulrahman", False) in found
    assert Literal("rami abdu-rahman", False) in found
    assert len(found) == 6


def test_case_sensitive_parts_keep_their_case():
    assert required_literals(r"(?-i:UN|U\.N\.)(?=\s+office)") == {
        Literal("UN", True),
        Literal("U.N.", True),
    }


def test_optional_prefixes_leave_the_required_core():
    assert required_literals(r"(?:the|a) (?:UK-based )?(?:war[- ]?)?monitor(?:ing)?") == {
        Literal("monitor", False)
    }


def test_no_literal_when_a_match_can_avoid_every_string():
    assert required_literals(r"\w+ said") == {Literal("said", False)}
    assert required_literals(r"\d+|\w+") is None


ALIAS_PATTERNS = [alias.pattern for alias in default_table().aliases]
EXTRACTOR_PATTERNS = [
    v.pattern if isinstance(v, Guarded) else v
    for module in (extract, sources)
    for v in vars(module).values()
    if isinstance(v, re.Pattern | Guarded)
]


def _regex_examples(count: int):
    """Hypothesis settings for strings drawn from a regex: slow to draw, often filtered."""
    return settings(
        max_examples=count,
        deadline=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
    )


@pytest.mark.parametrize("pattern", ALIAS_PATTERNS)
@_regex_examples(40)
@given(data=st.data())
def test_every_match_of_an_alias_contains_one_of_its_literals(pattern, data):
    compiled = re.compile(pattern, re.IGNORECASE)
    literals = required_literals(pattern)
    if literals is None:
        return
    assert_match_contains_a_literal(compiled, literals, data)


def assert_match_contains_a_literal(compiled, literals, data):
    # Not fullmatch: a lookahead may need text after the match.
    text = data.draw(st.from_regex(compiled))
    m = compiled.search(text)
    assert m is not None
    found = m.group(0)
    assert any(
        (lit.text in found) if lit.cased else (lit.text in found.lower()) for lit in literals
    )


@pytest.mark.parametrize("compiled", EXTRACTOR_PATTERNS, ids=lambda p: p.pattern[:30])
@_regex_examples(25)
@given(data=st.data())
def test_every_match_of_an_extractor_pattern_contains_one_of_its_literals(compiled, data):
    literals = required_literals(compiled.pattern, compiled.flags, min_length=1)
    if literals is None:
        return
    assert_match_contains_a_literal(compiled, literals, data)


def test_literal_finder_reports_overlapping_occurrences_in_order():
    finder = LiteralFinder(["day", "today", "to"])
    found = [(at, finder.words[w]) for at, w in finder.occurrences("today, Friday", 0)]
    assert found == [(0, "to"), (0, "today"), (2, "day"), (10, "day")]
    assert [at for at, _ in finder.occurrences("today, Friday", 1)] == [2, 10]
    assert LiteralFinder([]).occurrences("anything") == []


@given(st.text(alphabet="ab ;.andANDΣσ", max_size=60), st.integers(0, 20), st.integers(0, 60))
def test_guarded_search_equals_the_plain_search(text, pos, endpos):
    plain = re.compile(r"(?:and|;)\s*b+$", re.IGNORECASE)
    guarded = Guarded(plain)
    b = plain.search(text, pos, endpos)
    # With and without the caller's lower-cased copy of the whole text.
    for low in (None, lowered(text)):
        a = guarded.search(text, pos, endpos, low)
        assert (a and a.span()) == (b and b.span())


def test_guard_skips_text_without_the_literals():
    guarded = Guarded(re.compile(r"previous\s+toll\s+of\s+$", re.IGNORECASE))
    assert not guarded.may_match("the toll rose to ")
    assert guarded.may_match("a PREVIOUS toll of ")


def test_lead_windows_merge_and_clip():
    assert lead_windows([5, 8, 40], lead=10) == [(0, 8), (30, 40)]
    assert lead_windows([50], lead=10, floor=45) == [(45, 50)]


def test_matches_at_equals_finditer_when_starts_cover_every_match():
    pattern = re.compile(r"on \w+day|\d+ days")
    text = "Upon Saturday, 3 days on Monday"
    starts = [m.start() for m in re.finditer(r"on|\d", text)]
    assert [m.group(0) for m in matches_at(pattern, text, starts, len(text))] == [
        m.group(0) for m in pattern.finditer(text)
    ]


def test_start_literals_follow_optional_prefixes():
    from tolltrace.extract._fastscan.literals import start_literals

    assert start_literals(r"\b(?:kill|killed|(?:being\s+)?treated)\b") == {
        Literal("kill", False),
        Literal("being", False),
        Literal("treated", False),
    }
    assert start_literals(r"\d+ dead") is None


def test_max_extent_counts_lookaheads_and_rejects_unbounded():
    from tolltrace.extract._fastscan.literals import max_extent

    assert max_extent(r"monitor(?= says| said)") == 7 + 5
    assert max_extent(r"(?<!\w)UN") == 2
    assert max_extent(r"officials?\s+said") is None


# Words the alias table knows, and filler, to build sentences that exercise every row.
ALIAS_WORDS = [
    "Syrian", "Observatory", "for", "Human", "Rights", "SOHR", "the", "The", "UN", "U.N.",
    "office", "said", "says", "monitor", "war", "officials", "official", "ministry",
    "health", "local", "residents", "according", "to", "by", "killed", "Reuters", "AFP",
    "AP", "Rami", "Abdul", "Rahman", "Abdel-Rahman", "group", "committee", "network",
    "state", "media", "WHO", "reported", ",", ".", "of", "a", "UK-based",
    # Punctuation that ends the stretches unbounded aliases are scanned in.
    "officials,", "(SOHR)", "“the", "monitor”", ";", ":", "Syria’s", "Security", "spokesman",
    "Health", "Ministry", "Interior", "civil", "defence", '"', "prosecutor’s",
]  # fmt: skip


@settings(max_examples=600, deadline=None)
@given(
    words=st.lists(st.sampled_from(ALIAS_WORDS), min_size=1, max_size=30),
    cut=st.integers(0, 40),
)
def test_alias_scans_in_windows_find_what_a_full_scan_finds(words, cut):
    table = default_table()
    text = " ".join(words)
    start, stop = min(cut, len(text)), len(text) - min(cut // 2, len(text))
    start = min(start, stop)
    candidates = table._candidates(text, start, stop)
    for i, anchors in candidates.items():
        got = [m.span() for m in table._matches(i, text, start, stop, anchors)]
        want = [m.span() for m in table._regexes[i].finditer(text, start, stop)]
        assert got == want, (i, text)
    # A row left out of the candidates has no match at all.
    for i, regex in enumerate(table._regexes):
        if i not in candidates:
            assert regex.search(text, start, stop) is None, (i, text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [("plain 12", False), ("“745” killed – ’s", False), ("٣٠٠ killed", True), ("x ३", True)],
)
def test_non_ascii_digits_are_noticed(text: str, expected: bool) -> None:
    assert has_non_ascii_digit(text) is expected


def test_extractor_digit_runs_equal_the_digit_pattern() -> None:
    """The article pass finds digit runs from single digits; \\d+ is the reference."""
    from tolltrace.extract.claims import _article_words

    for text in ("In 2025, 745 (and 1,018) died; 3.5% fled.", "“12”–13 ٣ 4", "99"):
        words = _article_words(text.lower(), text)
        if has_non_ascii_digit(text):
            assert words.digit_starts is None
        else:
            assert words.digit_starts == digit_positions(text)


def test_breaker_class_lists_what_no_match_can_hold():
    assert breaker_class(r"(?<![\w])(?:the )?[\w’'-]+ group(?![\w])") == r"[^\w\s'\-’]"
    assert breaker_class(r"officials?\s+said") == r"[^\w\s]"
    # Any character, or an end anchor, gives no breakers.
    assert breaker_class(r"officials?.said") is None
    assert breaker_class(r"officials$") is None
    assert breaker_class(r"[^,]+ said") is None
