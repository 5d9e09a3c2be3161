"""The `tolltrace` command line: process, text, report.

Exit codes: 0 success; 1 nothing usable found (no article could be read, or a file given
to `text` is not usable text); 2 usage error, or settings that cannot be read (manifest,
corpus.toml, sources table), with a message naming the file and line and no traceback.

`process` prints its one-line summary on stdout; warnings, per-file problems and the
progress bar (only on a terminal) go to stderr.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from tolltrace import __version__, config
from tolltrace.run.folders import absolute

EXIT_OK = 0
EXIT_NOTHING_USABLE = 1
EXIT_USAGE = 2
# Per-file problem lines shown on stderr before "... and N more".
MAX_PROBLEM_LINES = 20


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of every subcommand."""
    parser = argparse.ArgumentParser(
        prog="tolltrace",
        description="From raw news-article texts to a table of every death-toll claim, "
        "analysis tables and offline reports.",
    )
    parser.add_argument("--version", action="version", version=f"tolltrace {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    _add_process(commands)
    _add_text(commands)
    _add_report(commands)
    _add_diff(commands)
    return parser


def _add_process(commands: argparse._SubParsersAction) -> None:
    """The `process` subcommand."""
    process = commands.add_parser(
        "process",
        help="read every file in RAW_DIR and write the processed tables",
        description="Read every file in RAW_DIR and write articles.csv (one row per file), "
        "claims.csv and, when the analysis is installed, releases.csv, consistency.csv and "
        "estimates.csv to --out-dir.",
    )
    process.add_argument("raw_dir", metavar="RAW_DIR", type=Path, help="folder of raw articles")
    process.add_argument(
        "--out-dir", type=Path, required=True, help="folder for the processed tables"
    )
    process.add_argument(
        "--event-start",
        metavar="YYYY-MM-DD",
        help="day the events began (overrides RAW_DIR/corpus.toml)",
    )
    process.add_argument(
        "--jobs", type=_positive_int, default=1, metavar="N", help="worker processes (default 1)"
    )
    process.add_argument(
        "--engine",
        choices=("local", "dask"),
        default="local",
        help="local processes, or a Dask cluster (TOLLTRACE_DASK_SCHEDULER, else a local one)",
    )
    process.add_argument(
        "--sources",
        type=Path,
        metavar="FILE",
        help="extra source alias table, tried before RAW_DIR/sources.csv and the built-in one",
    )
    process.add_argument(
        "--quiet", action="store_true", help="no progress bar and no warnings; summary only"
    )
    process.set_defaults(handler=_run_process)


def _add_text(commands: argparse._SubParsersAction) -> None:
    """The `text` subcommand."""
    text = commands.add_parser(
        "text",
        help="print the decoded text that claim offsets refer to",
        description="Print FILE's decoded article text exactly (UTF-8, no added newline): "
        "char_start and char_end in claims.csv index this text.",
    )
    text.add_argument("file", metavar="FILE", type=Path, help="a raw article file")
    text.set_defaults(handler=_run_text)


def _add_report(commands: argparse._SubParsersAction) -> None:
    """The `report` subcommand."""
    report = commands.add_parser(
        "report",
        help="run the notebooks and build the offline HTML reports",
        description="Process the raw folder once, run the notebooks on its tables with "
        "papermill and export offline HTML reports with an index page.",
    )
    report.add_argument("--raw-dir", type=Path, default=config.RAW_DIR, help="raw articles")
    report.add_argument(
        "--processed-dir",
        type=Path,
        default=None,
        help="processed tables (default: data/processed for the shipped corpus, "
        "RAW_DIR-processed beside any other, so it never overwrites the shipped tables)",
    )
    report.add_argument(
        "--reports-dir",
        type=Path,
        default=None,
        help="output folder (default: reports/ for the shipped corpus, RAW_DIR-reports beside "
        "any other); the report deletes only files it wrote there itself",
    )
    report.add_argument("--event-start", metavar="YYYY-MM-DD", help="overrides RAW_DIR/corpus.toml")
    report.add_argument(
        "--jobs",
        type=_positive_int,
        default=1,
        metavar="N",
        help="worker processes that build the tables (default 1)",
    )
    report.add_argument(
        "--refresh-notebooks",
        action="store_true",
        help="also store fresh outputs in the notebooks under notebooks/",
    )
    report.set_defaults(handler=_run_report)


def _add_diff(commands: argparse._SubParsersAction) -> None:
    """The `diff` subcommand."""
    diff = commands.add_parser(
        "diff",
        help="list the claims and releases that differ between two tables folders",
        description="Compare the claims and releases of two tables folders (the output of "
        "two builds) and print the changes table as CSV: one row per claim or release added "
        "or removed, and per field that changed (the same as changes.csv).",
    )
    diff.add_argument("old_dir", metavar="OLD_DIR", type=Path, help="the earlier tables")
    diff.add_argument("new_dir", metavar="NEW_DIR", type=Path, help="the later tables")
    diff.set_defaults(handler=_run_diff)


def _positive_int(value: str) -> int:
    """argparse type: an integer of at least 1."""
    try:
        number = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {value!r}") from None
    if number < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1, got {number}")
    return number


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the `tolltrace` script and `python -m tolltrace`."""
    args = build_parser().parse_args(argv)
    return int(args.handler(args))


def _error(message: str) -> None:
    """Print an error message the way shell users expect."""
    print(f"tolltrace: error: {printable(message)}", file=sys.stderr)


def printable(line: str) -> str:
    """`line` with control and format characters escaped ("\\x1b", "\\u202e"): a file name
    must not move the cursor, colour the terminal or reverse the text around it."""
    if line.isprintable():
        return line
    return "".join(c if c.isprintable() else c.encode("unicode_escape").decode() for c in line)


def _run_process(args: argparse.Namespace) -> int:
    """`tolltrace process`."""
    # Each command imports what it runs, so that `tolltrace --help` starts at once and
    # `report` can tell a missing extra apart.
    from tolltrace.run.pipeline import process_corpus, setup_errors

    try:
        summary = process_corpus(
            args.raw_dir,
            args.out_dir,
            event_start=args.event_start,
            jobs=args.jobs,
            engine=args.engine,
            sources_path=args.sources,
            progress=False if args.quiet else None,
        )
    except setup_errors() as err:
        _error(str(err))
        return EXIT_USAGE
    if not args.quiet:
        for warning in summary.warnings:
            print(f"warning: {printable(warning)}", file=sys.stderr)
        for note in summary.notes:
            print(f"note: {printable(note)}", file=sys.stderr)
        for line in summary.problems[:MAX_PROBLEM_LINES]:
            print(printable(line), file=sys.stderr)
        extra = len(summary.problems) - MAX_PROBLEM_LINES
        if extra > 0:
            print(f"... and {extra} more (see {summary.tables['articles']})", file=sys.stderr)
    print(summary.line())
    if not summary.usable:
        _error(f"no usable article found in {args.raw_dir}")
        return EXIT_NOTHING_USABLE
    return EXIT_OK


def _run_text(args: argparse.Namespace) -> int:
    """`tolltrace text FILE`."""
    from tolltrace.ingest.reading import read_article

    if not args.file.is_file():
        _error(f"no such file: {args.file}")
        return EXIT_USAGE
    article = read_article(args.file)
    if article.status != "ok":
        _error(f"{args.file}: {article.status}: {'; '.join(article.notes)}")
        return EXIT_NOTHING_USABLE
    sys.stdout.flush()
    sys.stdout.buffer.write(article.text.encode("utf-8"))
    sys.stdout.buffer.flush()
    return EXIT_OK


def _run_diff(args: argparse.Namespace) -> int:
    """`tolltrace diff OLD_DIR NEW_DIR`: the changes table on stdout, a count on stderr."""
    from tolltrace.tables.changes import describe_changes, table_changes

    for folder in (args.old_dir, args.new_dir):
        if not (folder / "claims.csv").is_file():
            _error(f"{folder} holds no claims.csv; give two folders written by tolltrace process")
            return EXIT_USAGE
    changes = table_changes(args.old_dir, args.new_dir)
    sys.stdout.write(changes.to_csv(index=False, lineterminator="\n"))
    print(f"changes: {describe_changes(changes)}", file=sys.stderr)
    return EXIT_OK


# What the report command needs beyond `tolltrace process` (the `report` extra).
REPORT_EXTRA_MODULES = ("altair", "nbconvert", "nbformat", "papermill", "vl_convert")


def _run_report(args: argparse.Namespace) -> int:
    """`tolltrace report`: delegated to tolltrace.publish.report.main_report, which needs
    the `report` extra; without it the message says how to install it. Relative paths are
    made absolute against the current folder here, once."""
    for name in ("raw_dir", "processed_dir", "reports_dir"):
        if getattr(args, name) is not None:
            setattr(args, name, absolute(getattr(args, name)))
    try:
        from tolltrace.publish.report import main_report
    except ModuleNotFoundError as err:
        if err.name not in REPORT_EXTRA_MODULES:
            raise
        _error(
            f"tolltrace report needs the notebook and report packages ({err.name} is missing): "
            "pip install 'tolltrace[report]', or run `make report` in the checkout"
        )
        return EXIT_USAGE
    return int(main_report(args) or 0)
