"""Compare the speed of this working tree with an earlier revision, on the same machine.

Wall times on a shared virtual machine move by tens of percent from hour to hour, so a
figure from another day says little about a change. This script measures both sides in
one sitting instead:

- `tolltrace process` on a benchmark corpus, the two versions run alternately (base, new,
  base, new, ...), each in a child process: wall time, CPU time and peak memory per run;
- whether the two versions wrote the same tables, byte for byte (a speed change must not
  change a result);
- with --instructions N, the instructions the extractor executes per article on N
  articles of the corpus (valgrind's callgrind, when installed): steady whatever else the
  machine is doing.

The base revision's `src/` is exported with `git archive` into a temporary folder and put
first on PYTHONPATH; both sides use this checkout's installed dependencies.

    .venv/bin/python benchmarks/compare_revisions.py --base 7f5c198 --size 10000 --pairs 3
    .venv/bin/python benchmarks/compare_revisions.py --base HEAD~3 --instructions 300
"""

from __future__ import annotations

import argparse
import io
import os
import re
import shutil
import statistics
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

from build_corpus import DEFAULT_SEED, ensure_corpus
from run_benchmark import Run, article_files, run_child, same_tables, tolltrace_argv

from tolltrace import config

# Extracts every claim of the first N articles of a corpus (argv: corpus folder, N).
_EXTRACT_SNIPPET = """
import sys
from pathlib import Path
from tolltrace.extract import extract_claims
try:
    from tolltrace.ingest.reading import read_article
except ImportError:  # a revision from before the ingest/ package (2026-12-07)
    from tolltrace.reading import read_article
files = sorted(p for p in Path(sys.argv[1]).iterdir() if p.suffix == ".txt")[: int(sys.argv[2])]
for path in files:
    extract_claims(read_article(path).text, path.stem)
"""
_COLLECTED_RE = re.compile(r"Collected\s*:\s*(\d+)")


def export_src(revision: str, into: Path) -> Path:
    """Write `revision`'s src/ folder into `into`; return the folder to put on PYTHONPATH."""
    archive = subprocess.run(
        ["git", "-C", str(config.PROJECT_ROOT), "archive", revision, "src"],
        check=True,
        capture_output=True,
    ).stdout
    with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
        tar.extractall(into, filter="data")
    return into / "src"


def run_side(src: Path, argv: list[str], log: Path) -> Run:
    """Run `argv` with `src` first on PYTHONPATH."""
    os.environ["PYTHONPATH"] = str(src)
    try:
        return run_child(argv, log)
    finally:
        del os.environ["PYTHONPATH"]


def instructions(src: Path, raw_dir: Path, articles: int) -> float | None:
    """Extractor instructions per article: callgrind totals on `articles` articles minus
    those on one article (start-up), divided by the difference. None without valgrind."""
    if shutil.which("valgrind") is None:
        return None
    totals = []
    for n in (1, articles):
        argv = ["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null"]
        argv += [sys.executable, "-c", _EXTRACT_SNIPPET, str(raw_dir), str(n)]
        env = dict(os.environ, PYTHONPATH=str(src))
        done = subprocess.run(argv, capture_output=True, text=True, env=env, check=True)
        totals.append(int(_COLLECTED_RE.findall(done.stderr)[-1]))
    return (totals[1] - totals[0]) / (articles - 1)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--base", required=True, help="git revision to compare against")
    parser.add_argument("--size", type=int, default=10000, help="benchmark corpus size")
    parser.add_argument("--pairs", type=int, default=3, help="alternating runs of each side")
    parser.add_argument("--jobs", type=int, default=1)
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED)
    parser.add_argument(
        "--instructions", type=int, metavar="N", help="also count extractor instructions"
    )
    args = parser.parse_args(argv)
    raw_dir = ensure_corpus(args.size, args.seed)
    with tempfile.TemporaryDirectory(prefix="tolltrace-compare-") as tmp:
        work = Path(tmp)
        sides = {"base": export_src(args.base, work / "base"), "new": config.PROJECT_ROOT / "src"}
        runs: dict[str, list[Run]] = {"base": [], "new": []}
        for src in sides.values():  # untimed: fills each side's bytecode cache
            warm = tolltrace_argv("process", str(config.RAW_DIR), "--out-dir", str(work / "warm"))
            run_side(src, warm, work / "log")
        for i in range(args.pairs):
            for name, src in sides.items():
                out = work / f"out_{name}"
                command = ["process", str(raw_dir), "--out-dir", str(out)]
                run = run_side(
                    src, tolltrace_argv(*command, "--jobs", str(args.jobs)), work / "log"
                )
                if run.returncode:
                    raise SystemExit(f"{name} failed:\n{run.stderr_tail}")
                runs[name].append(run)
                print(f"  pair {i + 1} {name}: {run.seconds:.2f} s", flush=True)
        identical = same_tables(work / "out_base", work / "out_new")
        counts = {}
        if args.instructions:
            counts = {n: instructions(src, raw_dir, args.instructions) for n, src in sides.items()}
    print(report(args, len(article_files(raw_dir)), runs, identical, counts))
    return 0


def report(
    args: argparse.Namespace,
    articles: int,
    runs: dict[str, list[Run]],
    identical: bool,
    counts: dict[str, float | None],
) -> str:
    """The comparison as Markdown."""
    base, new = (statistics.median(r.seconds for r in runs[n]) for n in ("base", "new"))
    lines = [
        f"`tolltrace process`, {articles:,} articles, --jobs {args.jobs}, "
        f"{args.pairs} alternating pair(s); base = {args.base}, new = this working tree.",
        "",
        "| side | wall s (each run) | median wall s | median CPU s | peak RSS MB |",
        "|---|---|---:|---:|---:|",
    ]
    for name in ("base", "new"):
        rs = runs[name]
        lines.append(
            f"| {name} | {', '.join(f'{r.seconds:.2f}' for r in rs)} "
            f"| {statistics.median(r.seconds for r in rs):.2f} "
            f"| {statistics.median(r.cpu_seconds for r in rs):.2f} "
            f"| {max(r.peak_rss_mb for r in rs):.1f} |"
        )
    lines += ["", f"new / base, median wall time: {new / base:.3f}"]
    lines.append(f"same tables, byte for byte: {'yes' if identical else 'NO'}")
    if counts:
        shown = {
            n: "valgrind not installed" if c is None else f"{c / 1e6:.2f} M"
            for n, c in counts.items()
        }
        lines.append(
            f"extractor instructions per article ({args.instructions} articles): "
            f"base {shown['base']}, new {shown['new']}"
        )
    return "\n".join(lines)


if __name__ == "__main__":
    raise SystemExit(main())
