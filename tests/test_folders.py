"""Folders a build reads and writes (issue 26, cases 1-6): never lose a user's file, never
leave a mixed set of tables, one build at a time."""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tolltrace import cli, config
from tolltrace.publish import report
from tolltrace.run import folders
from tolltrace.run.pipeline import process_corpus
from tolltrace.tables import csvio
from tolltrace.tables.csvio import read_table

SEEDS = sorted(config.RAW_DIR.glob("*.txt"))


def seed_copy(folder: Path, seeds: list[Path] | None = None) -> Path:
    folder.mkdir(parents=True)
    for path in seeds or SEEDS:
        shutil.copy2(path, folder / path.name)
    return folder


def digest(folder: Path) -> dict[str, str]:
    return {
        p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


# ------------------------------------------------------------ folders apart (cases 1, 4)


@pytest.mark.parametrize(
    "options",
    [
        ["--processed-dir", "{raw}"],
        ["--reports-dir", "{raw}"],
        ["--processed-dir", "{raw}/tables"],
        ["--reports-dir", "{tmp}"],
        ["--processed-dir", "{tmp}/p", "--reports-dir", "{tmp}/p"],
    ],
)
def test_report_refuses_folders_that_clash_and_touches_nothing(tmp_path, capsys, options):
    raw = seed_copy(tmp_path / "raw")
    (raw / "articles.csv").write_text("file,outlet\n", encoding="utf-8")
    before = digest(tmp_path)
    filled = [o.format(raw=raw, tmp=tmp_path) for o in options]
    assert cli.main(["report", "--raw-dir", str(raw), *filled]) == 2
    assert digest(tmp_path) == before
    err = capsys.readouterr().err
    assert "same folder" in err or "inside" in err


@pytest.mark.parametrize("out", ["{raw}", "{raw}/out", "{tmp}"])
def test_process_refuses_an_output_over_inside_or_around_the_raw_folder(tmp_path, capsys, out):
    raw = seed_copy(tmp_path / "raw")
    before = digest(tmp_path)
    assert cli.main(["process", str(raw), "--out-dir", out.format(raw=raw, tmp=tmp_path)]) == 2
    assert digest(tmp_path) == before
    assert "folder" in capsys.readouterr().err


def test_report_refuses_to_write_into_the_notebooks_folder(capsys):
    assert cli.main(["report", "--reports-dir", str(config.NOTEBOOKS_DIR)]) == 2
    assert "notebooks folder" in capsys.readouterr().err


# ------------------------------------------------------- paths made absolute once (case 2)


def test_relative_report_paths_are_taken_from_the_current_folder(tmp_path, monkeypatch):
    seen = {}
    monkeypatch.setattr(report, "main_report", lambda args: seen.update(vars(args)) or 0)
    monkeypatch.chdir(tmp_path)
    assert cli.main(["report", "--raw-dir", "r", "--processed-dir", "p", "--reports-dir", "x"]) == 0
    assert seen["raw_dir"] == tmp_path / "r"
    assert seen["processed_dir"] == tmp_path / "p"
    assert seen["reports_dir"] == tmp_path / "x"


def test_notebooks_run_without_changing_the_working_folder(monkeypatch):
    calls = []
    monkeypatch.setattr(report.papermill, "execute_notebook", lambda *a, **k: calls.append(k))
    monkeypatch.setattr(report, "scrub_notebook", lambda nb: nb)
    report.execute_notebook(report.notebook_paths()[0], {})
    assert calls and "cwd" not in calls[0]


def test_another_corpus_gets_its_own_reports_folder(tmp_path):
    raw = seed_copy(tmp_path / "other")
    params = report.resolve_parameters(raw, None, None)
    assert report.default_reports_dir(params) == tmp_path / "other-reports"
    shipped = report.resolve_parameters(None, None, None)
    assert report.default_reports_dir(shipped) == config.REPORTS_DIR


# ------------------------------------------ the report deletes only its own files (case 3)


def test_the_report_deletes_only_files_it_wrote(tmp_path):
    out = tmp_path / "site"
    (out / "charts").mkdir(parents=True)
    mine = [out / "charts" / "old-chart.svg", out / "index.html"]
    users = [out / "charts" / "photo.png", out / "charts" / "logo.svg", out / "about.html"]
    for path in mine + users:
        path.write_text("x", encoding="utf-8")
    report.remove_stale(out, mine)  # the first build wrote these
    report.remove_stale(out, [out / "index.html"])  # the next no longer draws old-chart
    assert not (out / "charts" / "old-chart.svg").exists()
    assert all(path.is_file() for path in users)
    assert (out / report.WRITTEN_LIST).read_text(encoding="utf-8") == "index.html\n"


def test_a_tampered_record_cannot_delete_outside_the_reports_folder(tmp_path):
    out = tmp_path / "site"
    out.mkdir()
    victim = tmp_path / "keep.txt"
    victim.write_text("mine", encoding="utf-8")
    (out / report.WRITTEN_LIST).write_text("../keep.txt\n", encoding="utf-8")
    report.remove_stale(out, [])
    assert victim.read_text(encoding="utf-8") == "mine"


# ------------------------------------------------------- atomic builds (cases 5 and 6)


def test_a_build_that_fails_while_writing_leaves_the_previous_tables_whole(tmp_path, monkeypatch):
    raw, out = seed_copy(tmp_path / "raw"), tmp_path / "out"
    process_corpus(raw, out)
    before = digest(out)
    (raw / SEEDS[0].name).unlink()
    real_write = csvio.write_table
    written = []

    def write_then_fail(df, path, columns=None):
        if written:
            raise OSError("disk full")
        written.append(path)
        return real_write(df, path, columns)

    monkeypatch.setattr("tolltrace.tables.csvio.write_table", write_then_fail)
    with pytest.raises(OSError, match="disk full"):
        process_corpus(raw, out)
    assert digest(out) == before
    assert not list(tmp_path.glob(".out-build-*"))


def test_a_killed_build_leaves_a_private_folder_the_next_build_removes(tmp_path):
    raw, out = seed_copy(tmp_path / "raw"), tmp_path / "out"
    left = tmp_path / ".out-build-x1y2z3"
    left.mkdir()
    (left / "claims.csv").write_text("half", encoding="utf-8")
    process_corpus(raw, out)
    assert not left.exists()
    assert len(read_table(out / "articles.csv")) == len(SEEDS)


def test_a_second_build_into_a_locked_folder_stops_and_names_the_holder(tmp_path):
    raw, out = seed_copy(tmp_path / "raw"), tmp_path / "out"
    with folders.build_lock(out):
        run = subprocess.run(
            [sys.executable, "-m", "tolltrace", "process", str(raw), "--out-dir", str(out)],
            capture_output=True,
            text=True,
            check=False,
        )
    assert run.returncode == 2
    assert f"process {os.getpid()}" in run.stderr
    assert not out.exists()


@pytest.mark.slow
def test_two_builds_at_once_never_leave_a_mixed_set(tmp_path):
    corpora = {
        "a": seed_copy(tmp_path / "a", SEEDS[:2]),
        "b": seed_copy(tmp_path / "b", SEEDS[2:]),
    }
    out = tmp_path / "out"
    for trial in range(3):
        runs = [
            subprocess.Popen(
                [sys.executable, "-m", "tolltrace", "process", str(raw), "--out-dir", str(out)],
                stdout=subprocess.DEVNULL,
                stderr=subprocess.PIPE,
                text=True,
            )
            for raw in corpora.values()
        ]
        codes = [run.wait() for run in runs]
        messages = [run.stderr.read() for run in runs]
        assert sorted(codes) in ([0, 0], [0, 2]), (trial, codes, messages)
        for code, message in zip(codes, messages, strict=True):
            if code == 2:
                assert "being written by another tolltrace build" in message
        ledger = read_table(out / "articles.csv")
        claims = read_table(out / "claims.csv")
        names = set(ledger["file"])
        assert names in ({p.name for p in SEEDS[:2]}, {p.name for p in SEEDS[2:]})
        assert set(claims["article_id"]) <= set(ledger["article_id"])
