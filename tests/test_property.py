"""Property-based tests (Hypothesis): the extractor, the reader, the CSV round trip and file stems.

The extractor gets both arbitrary Unicode and text shaped like casualty reporting
(qualifiers, numbers in digits and words, ranges, vague words, casualty verbs, sources,
weekdays, odd line ends), so that its real code paths run, not only its early exits.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tolltrace.extract import extract_claims
from tolltrace.ingest.listing import file_stem
from tolltrace.ingest.reading import decode_bytes, read_article
from tolltrace.model import Outcome, Qualifier, Scope, SourceBasis, VictimGroup
from tolltrace.tables.csvio import read_table, write_table

QUALIFIER_WORDS = ["", "more than ", "at least ", "about ", "around ", "nearly ", "up to ",
                   "some ", "over ", "approximately ", "almost "]  # fmt: skip
NUMBER_WORDS = ["five", "twelve", "two hundred and fifty", "three to four hundred", "dozens of",
                "several dozen", "hundreds of", "thousands of", "a dozen", "1,000", "1.000",
                "300 to 400", "311", "13-year-old", "2025", "40%"]  # fmt: skip
NOUNS = ["people", "civilians", "fighters", "members of the security forces", "Alawites",
         "children", "gunmen", "incidents", "massacres", "soldiers"]  # fmt: skip
VERBS = ["were killed", "died", "have been killed", "were injured", "were wounded",
         "are missing", "fled", "were arrested", "sought refuge", "were executed"]  # fmt: skip
SOURCES = ["", ", according to the Syrian Observatory for Human Rights",
           ", the monitor said", ", officials said", ", SOHR reported",
           ", according to the UN", ", local sources said",
           ", Rami Abdulrahman, head of the Observatory, said"]  # fmt: skip
TIMES = ["", " since Thursday", " on Saturday", " over the course of Friday and Saturday",
         " on March 8", " overnight", " in the past 24 hours"]  # fmt: skip
BREAKS = [". ", ".\n", ".\r\n", ".\r\n\r\n", "; ", " \u2013 ", ".\u201d ", "\n\n"]

numbers = st.one_of(
    st.sampled_from(NUMBER_WORDS),
    st.integers(min_value=0, max_value=2_000_000).map(str),
    st.integers(min_value=1000, max_value=999_999).map(lambda n: f"{n:,}"),
)
sentence = st.builds(
    lambda q, n, noun, verb, src, time, end: f"{q}{n} {noun} {verb}{time}{src}{end}",
    st.sampled_from(QUALIFIER_WORDS),
    numbers,
    st.sampled_from(NOUNS),
    st.sampled_from(VERBS),
    st.sampled_from(SOURCES),
    st.sampled_from(TIMES),
    st.sampled_from(BREAKS),
)
noise = st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=30)
article_text = st.lists(st.one_of(sentence, sentence, noise), max_size=12).map("".join)
PROPERTY_SETTINGS = settings(
    max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)


def _check_claims(text: str) -> list:
    """Run the extractor and assert every invariant of every claim."""
    claims = extract_claims(text, "prop")
    for claim in claims:
        assert 0 <= claim.char_start < claim.char_end <= len(text)
        assert text[claim.char_start : claim.char_end] == claim.mention
        assert claim.claim_id == f"prop@{claim.char_start}"
        assert claim.outcome in list(Outcome)
        assert claim.qualifier in list(Qualifier)
        assert claim.victim_group in list(VictimGroup)
        assert claim.scope in list(Scope)
        assert claim.source_basis in list(SourceBasis)
        assert claim.low >= 0
        assert claim.high is None or claim.high >= claim.low
        assert 0 <= claim.sentence_start <= claim.char_start
        assert claim.char_end <= claim.sentence_end <= len(text)
    return claims


@PROPERTY_SETTINGS
@given(st.text())
def test_extractor_on_arbitrary_text(text: str) -> None:
    _check_claims(text)


@PROPERTY_SETTINGS
@given(article_text)
def test_extractor_on_casualty_shaped_text(text: str) -> None:
    _check_claims(text)


def test_the_text_strategy_reaches_real_claims() -> None:
    """Guard against a strategy that never produces a claim (and so tests nothing)."""
    found = []

    @settings(max_examples=100, deadline=None, database=None)
    @given(sentence)
    def collect(text: str) -> None:
        found.extend(_check_claims(text))

    collect()
    assert len(found) > 20
    assert {c.outcome for c in found} >= {"killed", "injured"}


@PROPERTY_SETTINGS
@given(st.binary(max_size=400))
def test_reader_never_raises_on_arbitrary_bytes(data: bytes) -> None:
    try:
        text, _, _ = decode_bytes(data)
    except Exception as err:  # only the reader's own refusal is allowed
        assert type(err).__name__ == "_Refused"
    else:
        assert isinstance(text, str)


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(data=st.binary(max_size=300), suffix=st.sampled_from([".txt", ".html"]))
def test_read_article_always_gives_a_status(tmp_path: Path, data: bytes, suffix: str) -> None:
    path = tmp_path / f"x{suffix}"
    path.write_bytes(data)
    article = read_article(path)
    assert article.status in ("ok", "empty", "binary", "unreadable")
    assert (article.status == "ok") == bool(article.text.strip())


cells = st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=20)


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    rows=st.lists(
        st.tuples(
            st.one_of(cells, st.sampled_from(["=1", "+1", "-1", "@x", "'", "\t", "\r", 'a,"b"'])),
            st.one_of(st.none(), st.integers(-(10**12), 10**12)),
            st.booleans(),
        ),
        min_size=1,
        max_size=20,
    )
)
def test_csv_round_trip_is_exact(tmp_path: Path, rows: list[tuple]) -> None:
    df = pd.DataFrame(
        {
            "mention": [r[0] for r in rows],
            "high": pd.array([r[1] for r in rows], dtype="Int64"),
            "is_headline": [r[2] for r in rows],
        }
    )
    path = tmp_path / "t.csv"
    write_table(df, path)
    back = read_table(path)
    assert back["mention"].tolist() == df["mention"].tolist()
    assert back["high"].tolist() == df["high"].tolist()
    assert back["is_headline"].tolist() == df["is_headline"].tolist()
    first = path.read_bytes()
    write_table(back, path)
    assert path.read_bytes() == first


@PROPERTY_SETTINGS
@given(st.text(alphabet=st.sampled_from("ab.-_ /\\\u00e9"), max_size=12))
def test_file_stem_is_pathlibs_stem(name: str) -> None:
    assert file_stem(name) == Path(name).stem
