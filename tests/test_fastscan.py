"""The speed layer must find exactly what plain scans find.

Every fast rule declares, next to itself, the words its matches start with
(`StartAnchored`) or hold (`Guarded`, and the `words` column of sources.csv). These tests
check the declarations against the rules (matches drawn from each pattern, and every
sentence of the test corpora), and check that the indexed scans give what the plain scans
give, so someone editing a rule learns here when a declaration no longer holds.
"""

from __future__ import annotations

import importlib
import pkgutil
import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import tolltrace.extract
from tolltrace import config
from tolltrace.extract import cues, extract_claims, groups, not_counts, parts, scope
from tolltrace.extract._fastscan import scanning
from tolltrace.extract._fastscan.index import LEFT_WORDS
from tolltrace.extract._fastscan.scanning import (
    Guarded,
    LiteralFinder,
    StartAnchored,
    digit_positions,
    has_non_ascii_digit,
    lead_windows,
    lowered,
    matches_at,
)
from tolltrace.extract.organisations import COUNTRY_SAID_RE, COUNTRY_VERB_RE
from tolltrace.extract.sentences import split_sentences
from tolltrace.extract.sources import NAME_PUNCTUATION, SourceTable, default_table

TESTS = Path(__file__).resolve().parent


def _declared_rules() -> list[tuple[str, StartAnchored | Guarded]]:
    rules = []
    for info in pkgutil.walk_packages(tolltrace.extract.__path__, "tolltrace.extract."):
        module = importlib.import_module(info.name)
        for name, value in vars(module).items():
            if isinstance(value, StartAnchored | Guarded):
                rules.append((f"{info.name}.{name}", value))
    return sorted({id(r): (n, r) for n, r in rules}.values(), key=lambda nr: nr[0])


RULES = _declared_rules()


def _corpus_texts() -> list[str]:
    folders = [config.RAW_DIR, *sorted(p for p in TESTS.rglob("articles") if p.is_dir())]
    return [p.read_text(encoding="utf-8") for f in folders for p in sorted(f.glob("*.txt"))]


TEXTS = _corpus_texts()


def _holds(rule: StartAnchored | Guarded, found: str) -> bool:
    if isinstance(rule, StartAnchored):
        return found.lower().startswith(tuple(rule.words))
    return any(need in found.lower() for need in rule.needs)


def _examples(count: int):
    return settings(
        max_examples=count,
        deadline=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
    )


def test_the_extractor_declares_its_fast_rules():
    assert len(RULES) >= 15
    names = {name.rsplit(".", 1)[-1] for name, _ in RULES}
    assert {"CUE", "TOLL_FRAME", "NOT_A_TOLL", "_FRAME_AFTER_GUARD"} <= names


@pytest.mark.parametrize(("name", "rule"), RULES, ids=[n for n, _ in RULES])
@_examples(40)
@given(data=st.data())
def test_every_match_drawn_from_a_rule_keeps_its_declaration(name, rule, data):
    text = data.draw(st.from_regex(rule.pattern))
    m = rule.pattern.search(text)
    assert m is not None
    assert _holds(rule, m.group(0)), (name, m.group(0))


@pytest.mark.parametrize(("name", "rule"), RULES, ids=[n for n, _ in RULES])
def test_every_match_in_the_corpora_keeps_its_declaration(name, rule):
    for text in TEXTS:
        for s in split_sentences(text):
            # End-anchored rules read the words before a number: try every word end.
            sentence = text[s.start : s.end]
            ends = [m.end() for m in re.finditer(r"\S+", sentence)] + [len(sentence)]
            for end in ends:
                m = rule.pattern.search(sentence, 0, end)
                if m is not None:
                    assert _holds(rule, m.group(0)), (name, m.group(0))


ALIASES = default_table().aliases


def _holds_a_word(words: tuple[str, ...], found: str) -> bool:
    return any((w in found) if w != w.lower() else (w in found.lower()) for w in words)


@pytest.mark.parametrize("alias", ALIASES, ids=[a.pattern[:30] for a in ALIASES])
@_examples(40)
@given(data=st.data())
def test_every_alias_match_holds_a_declared_word_and_only_name_characters(alias, data):
    compiled = re.compile(alias.pattern, re.IGNORECASE)
    text = data.draw(st.from_regex(compiled))
    found = compiled.search(text).group(0)
    assert _holds_a_word(alias.words, found), (alias.pattern, found)
    assert re.fullmatch(rf"[\w\s{re.escape(NAME_PUNCTUATION)}]*", found), found


def _plain(table: SourceTable) -> SourceTable:
    """The same aliases with no declared words: every row scanned over every segment."""
    return SourceTable(
        [a.__class__(a.source_id, a.kind, a.pattern, a.needs_frame) for a in table.aliases]
    )


def test_indexed_alias_search_finds_what_a_full_scan_finds_in_the_corpora():
    fast, plain = default_table(), _plain(default_table())
    for text in TEXTS:
        spans = [(s.start, s.end) for s in split_sentences(text)]
        for start, end in spans:
            assert fast.find(text, start, end) == plain.find(text, start, end)
        for kind in ("monitor", "government", "local"):
            assert fast.all_of_kind(text, kind, spans) == plain.all_of_kind(text, kind, spans)


ALIAS_WORDS = [
    "Syrian", "Observatory", "for", "Human", "Rights", "SOHR", "the", "The", "UN", "U.N.",
    "office", "said", "says", "monitor", "war", "officials", "official", "ministry",
    "health", "local", "residents", "according", "to", "by", "killed", "Reuters", "AFP",
    "AP", "Rami", "Abdul", "Rahman", "Abdel-Rahman", "group", "committee", "network",
    "state", "media", "WHO", "reported", ",", ".", "of", "a", "UK-based", "officials,",
    "(SOHR)", "“the", "monitor”", ";", ":", "Syria’s", "Security", "spokesman", "Health",
    "Ministry", "Interior", "civil", "defence", '"', "prosecutor’s", "Red", "Crescent",
]  # fmt: skip


@settings(max_examples=600, deadline=None)
@given(words=st.lists(st.sampled_from(ALIAS_WORDS), min_size=1, max_size=30))
def test_indexed_alias_search_finds_what_a_full_scan_finds_in_word_soup(words):
    text = " ".join(words)
    assert default_table().find(text) == _plain(default_table()).find(text)


def test_the_extractor_gives_the_same_claims_without_its_indexes(monkeypatch):
    """With no lower-cased text every fast rule falls back to its plain pattern."""
    fast = [extract_claims(text, "a") for text in TEXTS]
    monkeypatch.setattr(scanning, "lowered", lambda text: None)
    for module in ("claims", "numbers", "timeref", "sources"):
        monkeypatch.setattr(f"tolltrace.extract.{module}.lowered", lambda text: None)
    plain = [extract_claims(text, "a") for text in TEXTS]
    assert fast == plain


_LEFT_PIECES = st.sampled_from(
    ["the", "death", "toll", "rose", "to", "previous", "earlier", "toll of", "up from",
     "revised", "from", "including", "among", "of them", "among the dead were", "No.",
     "aged", "March", "Jan.", "killed", "killing", "at least", ",", ";", " ", "“", "wounded",
     "number of victims", "reached", "Monday", "figure", "stood at", "no", "none of the",
     "carrying", "could", "may", "May", "kill", "rise", "expected to", "per", "have",
     "initially", "reported at", "was", "had been", "first", "put the toll at", "issued,"]
)  # fmt: skip


@settings(max_examples=400, deadline=None)
@given(st.lists(_LEFT_PIECES, max_size=14))
def test_left_context_patterns_tried_at_their_start_words_equal_a_scan(pieces: list[str]) -> None:
    """The end-anchored patterns read on the words before a number find, when tried only
    where one of their start words occurs, exactly what a plain search finds."""
    left = " ".join(pieces) + " "
    starts = sorted({at for at, _ in LEFT_WORDS.occurrences(left.lower())})
    for anchored in (
        scope.PREVIOUS, parts.PART, cues.TOLL_FRAME, groups.AMONG, not_counts.MONTH_BEFORE,
        not_counts.LABEL_BEFORE, not_counts.NOT_A_TOLL,
    ):  # fmt: skip
        got = anchored.search(left, starts)
        want = anchored.pattern.search(left)
        assert (got and got.span()) == (want and want.span()), anchored.pattern.pattern


def test_literal_finder_reports_overlapping_occurrences_in_order():
    finder = LiteralFinder(["day", "today", "to"])
    found = [(at, finder.words[w]) for at, w in finder.occurrences("today, Friday", 0)]
    assert found == [(0, "to"), (0, "today"), (2, "day"), (10, "day")]
    assert [at for at, _ in finder.occurrences("today, Friday", 1)] == [2, 10]
    assert LiteralFinder([]).occurrences("anything") == []


@given(st.text(alphabet="ab ;.andANDΣσ", max_size=60), st.integers(0, 20), st.integers(0, 60))
def test_guarded_search_equals_the_plain_search(text, pos, endpos):
    plain = re.compile(r"(?:and|;)\s*b+$", re.IGNORECASE)
    guarded = Guarded(plain, needs=("and", ";"))
    b = plain.search(text, pos, endpos)
    # With and without the caller's lower-cased copy of the whole text.
    for low in (None, lowered(text)):
        a = guarded.search(text, pos, endpos, low)
        assert (a and a.span()) == (b and b.span())


def test_guard_skips_text_without_its_words():
    guarded = Guarded(re.compile(r"previous\s+toll\s+of\s+$", re.IGNORECASE), needs=("previous",))
    assert not guarded.may_match("the toll rose to ")
    assert guarded.may_match("a PREVIOUS toll of ")


def test_a_start_anchored_rule_needs_declared_words():
    with pytest.raises(ValueError):
        StartAnchored(re.compile("x"), starts=())


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


@pytest.mark.parametrize(
    ("text", "expected"),
    [("plain 12", False), ("“745” killed – ’s", False), ("٣٠٠ killed", True), ("x ३", True)],
)
def test_non_ascii_digits_are_noticed(text: str, expected: bool) -> None:
    assert has_non_ascii_digit(text) is expected


def test_the_article_index_finds_the_digit_runs_of_the_digit_pattern() -> None:
    from tolltrace.extract._fastscan.index import article_index

    for text in ("In 2025, 745 (and 1,018) died; 3.5% fled.", "“12”–13 ٣ 4", "99"):
        index = article_index(text.lower(), text)
        if has_non_ascii_digit(text):
            assert index.digit_starts is None
        else:
            assert index.digit_starts == digit_positions(text)


def test_a_reporting_country_is_followed_by_one_of_the_country_verbs():
    """sources.SourceTable.acronyms looks for reporting countries only in a sentence that
    holds one of organisations.COUNTRY_VERB_RE's verbs."""
    examples = ["Turkey has reported 3,500 deaths", "Syria said", "Kenya also put the toll at 4"]
    found = 0
    for text in [*TEXTS, *examples]:
        for m in COUNTRY_SAID_RE.finditer(text):
            found += 1
            assert COUNTRY_VERB_RE.search(text, m.end()), m.group(0)
    assert found >= len(examples)


GUARDS = [(n, r) for n, r in RULES if isinstance(r, Guarded)]


@pytest.mark.parametrize(("name", "rule"), GUARDS, ids=[n for n, _ in GUARDS])
def test_found_in_the_lower_cased_text_is_what_the_pattern_finds_in_the_text(name, rule):
    # Guarded.found reads a case-blind pattern's lower-case twin in the lower-cased text:
    # at every word end of every sentence of the corpora, as search and as match.
    for text in TEXTS[:60]:
        low = scanning.lowered(text)
        if low is None:
            continue
        for s in split_sentences(text):
            starts = [m.start() for m in re.finditer(r"\S+", text[s.start : s.end])][:12]
            for at in (s.start + a for a in starts):
                for anchored in (False, True):
                    method = rule.pattern.match if anchored else rule.pattern.search
                    expected = method(text, at, s.end) is not None
                    got = rule.found(text, at, s.end, low, anchored=anchored)
                    assert got == expected, (name, text[at : s.end], anchored)
