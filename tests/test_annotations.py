"""The annotated evaluation sets (tests/annotations) and their one loader."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from annotation_sets import ANNOTATIONS, ARTICLES, annotations, article_paths

from tolltrace.evaluate import Annotation, AnnotationError, load_annotations

ROWS = {
    "gold": 21,
    "heldout": 88,
    "blind": 98,
    "chartable": 144,
    "periods-probe": 138,
    "periods-blind": 160,
}
# The source ids of tests/annotations/blind/README.md, rule 7, and the ids of the named
# organisations the table does not know (issue 22: "edhi-foundation", not local_sources).
BLIND_SOURCES = {
    "health_ministry",
    "officials",
    "local_sources",
    "UN",
    "WHO",
    "red_cross",
    "unattributed",
}


def test_every_set_folder_is_known():
    assert {p.name for p in ANNOTATIONS.iterdir() if p.is_dir()} == set(ROWS) == set(ARTICLES)


@pytest.mark.parametrize("name", sorted(ROWS))
def test_a_set_loads_and_annotates_every_article(name):
    rows = annotations(name)
    assert len(rows) == ROWS[name]
    assert {a.article_id for a in rows} == {p.stem for p in article_paths(name)}
    texts = {p.stem: p.read_text(encoding="utf-8") for p in article_paths(name)}
    for a in rows:
        assert texts[a.article_id][a.char_start : a.char_end] == a.mention
    keys = [(a.article_id, a.char_start) for a in rows]
    assert keys == sorted(keys)


def test_the_claim_sets_code_every_claim_and_the_blind_set_uses_its_source_ids():
    for name in ("gold", "heldout", "blind"):
        for a in annotations(name):
            assert a.anchor and a.outcome and a.low is not None and a.qualifier, a
            assert a.victim_group and a.source and a.scope, a
    named = {
        s
        for s in (a.source for a in annotations("blind"))
        if re.fullmatch(r"[a-z]+(?:-[a-z]+)+", s)
    }
    assert {a.source for a in annotations("blind")} - named <= BLIND_SOURCES


def test_a_subset_points_at_a_labelled_total():
    rows = annotations("chartable")
    starts = {(a.article_id, a.char_start) for a in rows}
    parts = [a for a in rows if a.part_of_char_start is not None]
    assert parts
    assert all((a.article_id, a.part_of_char_start) in starts for a in parts)


def test_the_periods_sets_label_every_row():
    for name in ("periods-probe", "periods-blind"):
        assert {a.period for a in annotations(name)} == {"current", "other"}


# ------------------------------------------------------------------ the loader

TEXT = "Toll rises to 12\n\nAt least 12 people were killed and 12 injured, officials said.\n"
HEADER = (
    "article_id,anchor,mention,outcome,low,high,qualifier,vague_term,victim_group,source,"
    "scope,time_text,note\n"
)


def _set(tmp_path: Path, rows: str, header: str = HEADER, text: str = TEXT) -> Path:
    folder = tmp_path / "set"
    (folder / "articles").mkdir(parents=True)
    (folder / "articles" / "a1.txt").write_bytes(text.encode("utf-8"))
    (folder / "labels.csv").write_text(header + rows, encoding="utf-8", newline="")
    return folder


def test_offsets_come_from_the_anchor_and_the_headline_from_the_title_line(tmp_path):
    folder = _set(
        tmp_path,
        "a1,rises to 12,12,killed,12,12,exact,,unspecified,officials,incident,,\n"
        "a1,At least 12 people,At least 12,killed,12,,at_least,,unspecified,officials,incident,,\n",
    )
    head, body = load_annotations(folder)
    assert head == Annotation(
        article_id="a1",
        mention="12",
        char_start=14,
        char_end=16,
        is_headline=True,
        anchor="rises to 12",
        outcome="killed",
        low=12,
        high=12,
        qualifier="exact",
        victim_group="unspecified",
        source="officials",
        scope="incident",
    )
    assert (body.char_start, body.char_end, body.is_headline, body.high) == (18, 29, False, None)


def test_texts_may_be_in_another_folder(tmp_path):
    folder = _set(tmp_path, "a1,and 12 injured,12,injured,12,12,exact,,unspecified,,,,\n")
    moved = tmp_path / "texts"
    (folder / "articles").rename(moved)
    (only,) = load_annotations(folder, moved)
    assert only.char_start == TEXT.index("and 12 injured") + len("and ")


def test_offsets_typed_in_the_file_are_checked(tmp_path):
    header = "article_id,char_start,mention,period\n"
    (ok,) = load_annotations(_set(tmp_path / "ok", "a1,18,At least 12,current\n", header))
    assert (ok.char_end, ok.period, ok.outcome, ok.low) == (29, "current", "", None)
    with pytest.raises(AnnotationError, match="line 2: 'At least 12' is not at char_start 17"):
        load_annotations(_set(tmp_path / "bad", "a1,17,At least 12,current\n", header))


@pytest.mark.parametrize(
    ("row", "problem"),
    [
        ("a1,12,12,killed,12,12,exact,,all,,,,", "anchor '12' occurs 3 times"),
        ("a1,12 people were killed and 12,12,killed,12,12,exact,,all,,,,", "mention '12' is not"),
        ("a1,rises to 13,13,killed,13,13,exact,,all,,,,", "anchor 'rises to 13' occurs 0"),
        ("a1,rises to 12,12,killed,12,,exact,,all,,,,", "low 12 and high None do not fit"),
        ("a1,rises to 12,12,killed,12,12,vague,,all,,,,", "do not fit vague"),
        ("a1,rises to 12,12,killed,12,,at_least,dozen,all,,,,", "vague_term is given exactly"),
        ("a1,rises to 12,12,dead,12,12,exact,,all,,,,", "outcome 'dead' is not one of"),
        ("a1,rises to 12,12,killed,twelve,,exact,,all,,,,", "low 'twelve' is not a whole"),
        ("a1,rises to 12,12,killed,12,12,exact,,all,,,on Monday,", "time_text 'on Monday'"),
        ("a2,rises to 12,12,killed,12,12,exact,,all,,,,", "a2.txt"),
    ],
)
def test_a_row_that_does_not_fit_its_article_is_refused(tmp_path, row, problem):
    with pytest.raises(AnnotationError, match="line 2: .*" + problem.replace("(", r"\(")):
        load_annotations(_set(tmp_path, row + "\n"))


def test_every_problem_is_reported_at_once(tmp_path):
    rows = (
        "a1,rises to 12,12,killed,12,12,exact,,all,,,,\n"
        "a1,Toll rises to 12,12,killed,12,12,exact,,all,,,,\n"
        "a1,12,12,killed,12,12,exact,,all,,,,\n"
    )
    with pytest.raises(AnnotationError) as caught:
        load_annotations(_set(tmp_path, rows))
    message = str(caught.value)
    assert "line 3: the same mention as line 2" in message and "line 4: anchor" in message


@pytest.mark.parametrize(
    ("header", "text", "problem"),
    [
        ("article_id,mention,outcome\n", TEXT, "neither an anchor nor a char_start"),
        ("article_id,anchor,mention,colour\n", TEXT, r"unknown columns \['colour'\]"),
        (HEADER, "\ufeff" + TEXT, "a1.txt has a BOM or CR"),
        (HEADER, TEXT.replace("\n", "\r\n"), "a1.txt has a BOM or CR"),
    ],
)
def test_a_file_or_text_the_loader_cannot_read_is_refused(tmp_path, header, text, problem):
    row = "a1,rises to 12,12,killed,12,12,exact,,all,,,,\n"
    with pytest.raises(AnnotationError, match=problem):
        load_annotations(_set(tmp_path, row, header, text))
