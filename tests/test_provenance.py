"""Provenance (issue 25): datapackage.json describes every table and fingerprints the
inputs; the pages show the fingerprint; stale tables are refused."""

from __future__ import annotations

import csv
import json
import re
import shutil
from pathlib import Path

import pytest
from frictionless import validate
from messy_corpus import build_messy_corpus

from tolltrace import config
from tolltrace.publish import notebook as nbt
from tolltrace.run.pipeline import process_corpus
from tolltrace.tables.provenance import DATAPACKAGE_NAME, SHORT


def _package(folder: Path) -> dict:
    return json.loads((folder / DATAPACKAGE_NAME).read_text(encoding="utf-8"))


def _headers(folder: Path, resource: dict) -> list[str]:
    with (folder / resource["path"]).open(encoding="utf-8", newline="") as fh:
        return next(csv.reader(fh))


@pytest.mark.parametrize("which", ["shipped", "messy"])
def test_the_datapackage_validates_and_matches_every_csv_header(tmp_path, which):
    if which == "shipped":
        folder = config.PROCESSED_DIR
    else:
        build_messy_corpus(tmp_path / "raw", huge=False)
        folder = tmp_path / "out"
        process_corpus(tmp_path / "raw", folder)
    report = validate(str(folder / DATAPACKAGE_NAME))
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])[:5]
    package = _package(folder)
    on_disk = sorted(p.name for p in folder.glob("*.csv"))
    assert sorted(r["path"] for r in package["resources"]) == on_disk
    for resource in package["resources"]:
        assert [f["name"] for f in resource["schema"]["fields"]] == _headers(folder, resource)


def test_the_fingerprint_is_the_same_for_the_same_inputs_and_moves_with_any_input(tmp_path):
    raw = tmp_path / "raw"
    shutil.copytree(config.RAW_DIR, raw)
    process_corpus(raw, tmp_path / "a")
    process_corpus(raw, tmp_path / "b")
    first = _package(tmp_path / "a")["tolltrace"]["fingerprint"]
    assert (tmp_path / "a" / DATAPACKAGE_NAME).read_bytes() == (
        tmp_path / "b" / DATAPACKAGE_NAME
    ).read_bytes()
    assert first == _package(config.PROCESSED_DIR)["tolltrace"]["fingerprint"]
    (raw / "sources.csv").write_text(
        "source_id,kind,pattern,needs_frame,words,note\nX,ngo,Nobody Here,false,,\n",
        encoding="utf-8",
    )
    process_corpus(raw, tmp_path / "c")
    stamp = _package(tmp_path / "c")["tolltrace"]
    assert stamp["fingerprint"] != first
    assert stamp["inputs"]["sources.csv"] != ""


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("sources.csv", "source_id,kind,pattern,needs_frame,words,note\nX,ngo,Nobody,false,,\n"),
        ("corrections.csv", "action,claim_id,reason\nreject,003_30b87b7eb73067d6@2554,a test\n"),
        ("corpus.toml", 'name = "Other"\nevent_start = 2025-03-06\n'),
    ],
)
def test_rebuild_false_refuses_tables_built_before_a_setting_changed(tmp_path, name, content):
    raw, out = tmp_path / "raw", tmp_path / "out"
    shutil.copytree(config.RAW_DIR, raw)
    nbt.build_tables(nbt.resolve_parameters(raw, out), read=False)
    nbt.resolve_parameters(raw, out, rebuild=False)  # accepted while nothing changed
    (raw / name).write_text(content, encoding="utf-8")
    with pytest.raises(nbt.ParameterError, match=f"other inputs: {re.escape(name)} changed"):
        nbt.resolve_parameters(raw, out, rebuild=False)


def test_rebuild_false_refuses_tables_without_a_datapackage(tmp_path):
    raw, out = tmp_path / "raw", tmp_path / "out"
    shutil.copytree(config.RAW_DIR, raw)
    nbt.build_tables(nbt.resolve_parameters(raw, out), read=False)
    (out / DATAPACKAGE_NAME).unlink()
    with pytest.raises(nbt.ParameterError, match="no datapackage.json"):
        nbt.resolve_parameters(raw, out, rebuild=False)


def test_every_page_shows_the_fingerprint_of_the_datapackage():
    short = _package(config.PROCESSED_DIR)["tolltrace"]["fingerprint"][:SHORT]
    pages = sorted(config.REPORTS_DIR.glob("*.html"))
    assert len(pages) == 4
    for page in pages:
        text = page.read_text(encoding="utf-8")
        assert f"fingerprint {short}" in text, page.name
        assert "tolltrace 0.1.0" in text and "event_start 2025-03-06" in text
