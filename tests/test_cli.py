"""The command line: --help everywhere, exit codes, messages, `text`, python -m."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from tolltrace import config
from tolltrace.cli import build_parser, main
from tolltrace.ingest.reading import read_article
from tolltrace.publish.notebook import resolve_parameters

TOLLTRACE = [sys.executable, "-m", "tolltrace"]


def _run(*args: str | Path) -> subprocess.CompletedProcess[str]:
    """Run `python -m tolltrace ARGS` in a fresh interpreter."""
    return subprocess.run(
        [*TOLLTRACE, *map(str, args)], capture_output=True, text=True, check=False, timeout=300
    )


@pytest.mark.parametrize("command", [[], ["process"], ["text"], ["report"]])
def test_help_on_every_command(command: list[str], capsys) -> None:
    with pytest.raises(SystemExit) as caught:
        main([*command, "--help"])
    assert caught.value.code == 0
    assert "usage: tolltrace" in capsys.readouterr().out


def test_python_m_tolltrace_processes_the_seeds(tmp_path: Path) -> None:
    result = _run("process", config.RAW_DIR, "--out-dir", tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("5 files, 5 ok, 0 with warnings, 0 skipped, ")
    assert result.stdout.rstrip().endswith(" claims")
    assert "Traceback" not in result.stderr
    assert (tmp_path / "articles.csv").is_file() and (tmp_path / "claims.csv").is_file()


def test_no_command_is_a_usage_error(capsys) -> None:
    with pytest.raises(SystemExit) as caught:
        main([])
    assert caught.value.code == 2


@pytest.mark.parametrize(
    "args",
    [
        ["process", "RAW", "--out-dir", "OUT", "--jobs", "0"],
        ["process", "RAW", "--out-dir", "OUT", "--engine", "spark"],
        ["process", "RAW"],
    ],
)
def test_bad_options_exit_2(args: list[str], capsys) -> None:
    with pytest.raises(SystemExit) as caught:
        main(args)
    assert caught.value.code == 2


def test_missing_raw_folder_exits_2(tmp_path: Path, capsys) -> None:
    code = main(["process", str(tmp_path / "nowhere"), "--out-dir", str(tmp_path / "out")])
    assert code == 2
    assert "raw folder not found" in capsys.readouterr().err


def test_bad_event_start_exits_2(tmp_path: Path, capsys) -> None:
    code = main(["process", str(config.RAW_DIR), "--out-dir", str(tmp_path), "--event-start", "x"])
    assert code == 2
    assert "not a date" in capsys.readouterr().err


def test_out_dir_over_the_raw_folder_is_refused(raw_dir: Path, capsys) -> None:
    (raw_dir / "a.txt").write_text("Five people were killed.")
    assert main(["process", str(raw_dir), "--out-dir", str(raw_dir)]) == 2
    assert not (raw_dir / "claims.csv").exists()


def test_unparseable_manifest_exits_2_naming_file_and_line(raw_dir: Path, tmp_path: Path) -> None:
    (raw_dir / "a.txt").write_text("Five people were killed.")
    (raw_dir / "articles.csv").write_text('file,outlet\na.txt,"Broken\n')
    result = _run("process", raw_dir, "--out-dir", tmp_path / "out")
    assert result.returncode == 2
    assert "articles.csv, line 2" in result.stderr
    assert "Traceback" not in result.stderr


def test_bad_sources_table_exits_2(raw_dir: Path, tmp_path: Path, capsys) -> None:
    (raw_dir / "a.txt").write_text("Five people were killed.")
    bad = tmp_path / "aliases.csv"
    bad.write_text("source_id,kind\nX,monitor\n")
    code = main(["process", str(raw_dir), "--out-dir", str(tmp_path / "o"), "--sources", str(bad)])
    assert code == 2
    assert "aliases.csv" in capsys.readouterr().err


def test_nothing_usable_exits_1(raw_dir: Path, tmp_path: Path, capsys) -> None:
    (raw_dir / "empty.txt").write_bytes(b"")
    (raw_dir / "blob.txt").write_bytes(b"\x00\x01\x02")
    code = main(["process", str(raw_dir), "--out-dir", str(tmp_path / "out")])
    captured = capsys.readouterr()
    assert code == 1
    assert captured.out.startswith("2 files, 0 ok, 0 with warnings, 2 skipped, 0 claims")
    assert "no usable article" in captured.err
    # The ledger is still written, so the user can see why.
    assert (tmp_path / "out" / "articles.csv").read_text().count("\n") == 3


def test_empty_raw_folder_exits_1(raw_dir: Path, tmp_path: Path, capsys) -> None:
    assert main(["process", str(raw_dir), "--out-dir", str(tmp_path / "out")]) == 1


def test_problems_are_listed_on_stderr_unless_quiet(raw_dir: Path, tmp_path: Path, capsys) -> None:
    (raw_dir / "a.txt").write_text("Five people were killed on Friday, officials said.")
    (raw_dir / "b.txt").write_bytes(b"")
    main(["process", str(raw_dir), "--out-dir", str(tmp_path / "out")])
    assert "b.txt: empty" in capsys.readouterr().err
    main(["process", str(raw_dir), "--out-dir", str(tmp_path / "out"), "--quiet"])
    captured = capsys.readouterr()
    assert captured.err == ""
    assert captured.out.startswith("2 files, 1 ok, 0 with warnings, 1 skipped")


def test_text_prints_exactly_the_decoded_text(tmp_path: Path) -> None:
    text = "\u201cAround 80\u201d civilians were killed,\r\nsaid the caf\u00e9 owner.\r\n"
    path = tmp_path / "a.txt"
    path.write_bytes(b"\xef\xbb\xbf" + text.encode("utf-8"))
    result = subprocess.run([*TOLLTRACE, "text", str(path)], capture_output=True, check=False)
    assert result.returncode == 0
    assert result.stdout == text.encode("utf-8")
    assert result.stdout.decode("utf-8") == read_article(path).text


def test_text_of_a_cp1252_file(tmp_path: Path) -> None:
    text = "Le caf\u00e9 \u201cFleur\u201d: 12 killed.\n"
    path = tmp_path / "a.txt"
    path.write_bytes(text.encode("cp1252"))
    result = subprocess.run([*TOLLTRACE, "text", str(path)], capture_output=True, check=False)
    assert result.stdout.decode("utf-8") == text


def test_text_of_a_binary_file_exits_1(tmp_path: Path, capsys) -> None:
    path = tmp_path / "a.txt"
    path.write_bytes(b"\x00\x00")
    assert main(["text", str(path)]) == 1
    assert "binary" in capsys.readouterr().err


def test_text_of_a_missing_file_exits_2(tmp_path: Path, capsys) -> None:
    assert main(["text", str(tmp_path / "nope.txt")]) == 2


def test_report_options_default_to_config() -> None:
    args = build_parser().parse_args(["report"])
    assert args.raw_dir == config.RAW_DIR
    # None: the notebooks' rule picks the folder (data/processed for the shipped corpus).
    assert args.processed_dir is None
    assert resolve_parameters(args.raw_dir, args.processed_dir).processed_dir == (
        config.PROCESSED_DIR
    )
    assert args.reports_dir is None  # reports/ for the shipped corpus (report.default_reports_dir)
    assert args.event_start is None
    assert args.refresh_notebooks is False
