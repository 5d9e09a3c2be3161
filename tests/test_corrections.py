"""A journalist's corrections.csv (issue 25): applied on every build, visible in the
tables, and refused row by row when it cannot be applied. The added article is invented."""

from __future__ import annotations

import csv
import shutil
from pathlib import Path

import pytest

from tolltrace import cli, config
from tolltrace.ingest.corrections import CorrectionsError
from tolltrace.run.pipeline import process_corpus
from tolltrace.tables.csvio import read_table

ADDED_FILE = "099_coast_update.txt"
ADDED_TEXT = (
    "Coast update\n\n"
    "The monitor said 12 people were killed in Tartus on Sunday. Nine families left the "
    "valley on Monday. Graves for 15 were dug on the hill above the town, a resident said.\n"
)
HEADER = ["file", "quote", "occurrence", "action", "field", "value", "reason", "claim_id"]
# Claims of the shipped corpus (claim ids are stable across runs).
VAGUE_DOZENS = "000_4e79d535c6ea8260@866"  # "several dozen" security forces
SOHR_524 = "003_30b87b7eb73067d6@2554"  # SOHR's 524, all victims


def corpus(tmp_path: Path, rows: list[dict[str, str]]) -> Path:
    raw = tmp_path / "raw"
    shutil.copytree(config.RAW_DIR, raw)
    (raw / ADDED_FILE).write_text(ADDED_TEXT, encoding="utf-8")
    with (raw / "corrections.csv").open("w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, HEADER)
        writer.writeheader()
        writer.writerows(rows)
    return raw


GOOD = [
    {"claim_id": SOHR_524, "action": "reject", "reason": "test: treat the 524 as no toll"},
    {
        "file": ADDED_FILE,
        "quote": "said 12 people",
        "action": "set",
        "field": "source",
        "value": "SOHR",
        "reason": "the monitor is the Observatory",
    },
    {
        "file": ADDED_FILE,
        "quote": "15",
        "action": "add",
        "reason": "graves dug: 15 dead",
    },
    {
        "file": ADDED_FILE,
        "quote": "15",
        "action": "set",
        "field": "source",
        "value": "local_sources",
        "reason": "graves dug: 15 dead",
    },
    {
        "file": ADDED_FILE,
        "quote": "15",
        "action": "set",
        "field": "as_of",
        "value": "2025-03-09",
        "reason": "the resident spoke on Sunday",
    },
]


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    tmp_path = tmp_path_factory.mktemp("corrections")
    raw = corpus(tmp_path, GOOD)
    process_corpus(raw, tmp_path / "out")
    out = tmp_path / "out"
    return {name: read_table(out / f"{name}.csv") for name in (
        "claims", "releases", "escalation", "estimates", "corrections_applied"
    )}  # fmt: skip


def test_claims_carry_rejected_corrected_and_added(built):
    claims = built["claims"].set_index("claim_id")
    assert claims.loc[SOHR_524, "correction"] == "rejected"
    assert claims.loc[SOHR_524, "low"] == 524  # kept, as read
    corrected = claims[claims["mention"] == "12"]
    assert corrected["correction"].tolist() == ["corrected"]
    assert corrected["source"].tolist() == ["SOHR"]
    added = claims[claims["correction"] == "added"]
    assert added["mention"].tolist() == ["15"] and added["low"].tolist() == [15]
    assert added["source"].tolist() == ["local_sources"]
    assert added["as_of"].tolist() == ["2025-03-09"]
    assert added["as_of_basis"].tolist() == ["correction"]
    assert added["correction_reason"].tolist() == [
        "graves dug: 15 dead; the resident spoke on Sunday"
    ]
    untouched = claims.drop([SOHR_524, *corrected.index, *added.index])
    assert (untouched["correction"] == "").all()


def test_a_rejected_claim_reaches_no_release_estimate_or_chart(built):
    claims = built["claims"].set_index("claim_id")
    assert claims.loc[SOHR_524, "release_id"] == ""
    assert "SOHR|all|killed|524" not in set(built["releases"]["release_id"])
    assert not built["escalation"]["claim_ids"].str.contains(SOHR_524).any()


def test_corrected_and_added_points_reach_the_releases_and_chart(built):
    releases = set(built["releases"]["release_id"])
    assert "SOHR|unspecified|killed|12|SY-TA" in releases  # "in Tartus": part of the area
    assert any(r.startswith("local_sources|") and "|15" in r for r in releases)
    escalation = built["escalation"]
    added = escalation[escalation["value"] == 15]
    assert added["note"].tolist() == [
        "added by hand: graves dug: 15 dead; the resident spoke on Sunday"
    ]
    corrected = escalation[escalation["value"] == 12]
    assert corrected["note"].tolist() == ["corrected by hand: the monitor is the Observatory"]


def test_the_applied_table_says_what_each_row_changed(built):
    applied = built["corrections_applied"]
    assert applied["line"].tolist() == [2, 3, 4, 5, 6]
    assert applied["action"].tolist() == ["reject", "set", "add", "set", "set"]
    row = applied.iloc[1]
    assert (row["field"], row["before"], row["after"]) == ("source", "unnamed_monitor", "SOHR")
    assert applied.iloc[2]["before"] == "15"


def test_no_corrections_file_changes_nothing(tmp_path):
    out = tmp_path / "out"
    process_corpus(config.RAW_DIR, out)
    for name in ("claims", "releases", "escalation", "estimates", "consistency"):
        assert (out / f"{name}.csv").read_bytes() == (
            config.PROCESSED_DIR / f"{name}.csv"
        ).read_bytes()
    assert (out / "corrections_applied.csv").read_text(encoding="utf-8").count("\n") == 1


BAD = [
    ({"file": ADDED_FILE, "quote": "not in the text", "action": "reject"}, "is not in"),
    ({"file": ADDED_FILE, "quote": "Nine families", "action": "reject"}, "no claim's number"),
    ({"file": ADDED_FILE, "quote": "said 12", "action": "set", "field": "low",
      "value": "900"}, "above high 12"),
    ({"file": ADDED_FILE, "quote": "said 12", "action": "reject", "claim_id": SOHR_524},
     "not both"),
    ({"file": ADDED_FILE, "quote": "said 12", "action": "set", "field": "as_of",
      "value": "3025-03-08"}, "outside 1900-2100"),
    ({"file": ADDED_FILE, "quote": "said 12", "action": "set", "field": "source",
      "value": "Syrian Observatory"}, "is not a source id"),
    ({"file": ADDED_FILE, "quote": "12 people were killed", "action": "add"}, "already reads"),
    ({"file": ADDED_FILE, "quote": "e", "action": "reject"}, "appears"),
    ({"file": ADDED_FILE, "quote": "said 12", "action": "set", "field": "outcome",
      "value": "dead"}, "is not one of killed"),
    ({"file": ADDED_FILE, "quote": "said 12", "action": "set", "field": "colour",
      "value": "red"}, "cannot be set"),
    ({"file": ADDED_FILE, "quote": "said 12", "action": "set", "field": "low",
      "value": "many"}, "not a whole number"),
    ({"claim_id": "nope@1", "action": "reject"}, "no claim 'nope@1'"),
    ({"file": "nothing.txt", "quote": "12", "action": "reject"}, "no file"),
    ({"file": ADDED_FILE, "quote": "said 12", "action": "remove"}, "not one of reject"),
]  # fmt: skip


@pytest.mark.parametrize(("row", "message"), BAD)
def test_a_row_that_cannot_be_applied_stops_the_build_naming_it(tmp_path, capsys, row, message):
    raw = corpus(tmp_path, [GOOD[0], {"reason": "a reason", **row}])
    assert cli.main(["process", str(raw), "--out-dir", str(tmp_path / "out")]) == 2
    err = capsys.readouterr().err
    assert "corrections.csv, line 3" in err and message in err
    assert not (tmp_path / "out" / "claims.csv").exists()


def test_a_row_without_a_reason_is_refused(tmp_path):
    raw = corpus(tmp_path, [{"claim_id": SOHR_524, "action": "reject", "reason": ""}])
    with pytest.raises(CorrectionsError, match="line 2: no reason"):
        process_corpus(raw, tmp_path / "out")


def test_a_repeated_quote_is_picked_by_occurrence(tmp_path):
    text = "Toll\n\nPolice said 4 died. Later police said 4 died in the blast.\n"
    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / "a.txt").write_text(text, encoding="utf-8")
    (raw / "corrections.csv").write_text(
        "file,quote,occurrence,action,field,value,reason\n"
        "a.txt,said 4 died,2,set,outcome,injured,the second is the injured\n",
        encoding="utf-8",
    )
    process_corpus(raw, tmp_path / "out")
    claims = read_table(tmp_path / "out" / "claims.csv")
    assert claims["outcome"].tolist() == ["killed", "injured"]
    assert claims["correction"].tolist() == ["", "corrected"]


def test_the_estimates_reflect_the_rejected_and_the_added_claim(built):
    estimates = built["estimates"]
    everyone = estimates[estimates["series"] == "all"]
    assert everyone["n_releases"].tolist() == [1, 1]  # 524 rejected: only "over 1,000" left
    added = estimates[estimates["series"] == "unspecified"]
    assert added[["date", "best", "best_source"]].values.tolist() == [
        ["", 15, "local_sources"],
        ["2025-03-09", 15, "local_sources"],
    ]


def test_values_and_headers_are_read_whatever_their_case(tmp_path):
    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / "a.txt").write_text("Toll\n\nPolice said more than 532 died.\n", encoding="utf-8")
    (raw / "corrections.csv").write_text(
        "File,Quote,Action,Field,Value,Reason\n"
        "a.txt,532,Set,Outcome,Injured,the 532 were wounded\n",
        encoding="utf-8",
    )
    process_corpus(raw, tmp_path / "out")
    claims = read_table(tmp_path / "out" / "claims.csv")
    assert claims[["mention", "outcome", "correction"]].values.tolist() == [
        ["more than 532", "injured", "corrected"]
    ]  # "532" is part of the claim's words: it finds the claim
