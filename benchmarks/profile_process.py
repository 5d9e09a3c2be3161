"""Profile `tolltrace process` on a benchmark corpus with the standard library's cProfile.

Runs the command in this process (jobs 1, so every call is seen), then prints and writes
the functions with the most own time and the most cumulative time, with their share of
the whole run, to benchmarks/results/profile_n{size}.txt. The figures are measurements of
one run and vary a little from run to run.

    .venv/bin/python benchmarks/profile_process.py --size 10000
"""

from __future__ import annotations

import argparse
import cProfile
import io
import pstats
import tempfile
from pathlib import Path

from build_corpus import BENCH_DIR, DEFAULT_SEED, ensure_corpus

from tolltrace import cli

RESULTS_DIR = BENCH_DIR / "results"


def _short(path: str) -> str:
    """Trim a file path to what identifies it: the part after site-packages or src/."""
    for marker in ("site-packages/", "/src/", "/lib/python3.11/"):
        if marker in path:
            return path.split(marker, 1)[1]
    return path


def hot_spots(stats: pstats.Stats, key: str, limit: int) -> list[str]:
    """The `limit` functions with the highest `key` ("tottime" or "cumtime") as table rows."""
    raw = stats.stats  # type: ignore[attr-defined]
    total = sum(entry[2] for entry in raw.values())
    index = {"tottime": 2, "cumtime": 3}[key]
    rows = sorted(raw.items(), key=lambda item: item[1][index], reverse=True)[:limit]
    lines = [
        f"| function | calls | own s | cumulative s | {key} % of run |",
        "|---|---:|---:|---:|---:|",
    ]
    for (filename, line, name), (_, calls, own, cumulative, _callers) in rows:
        where = f"{_short(filename)}:{line}({name})" if line else name
        share = 100 * (own if key == "tottime" else cumulative) / total if total else 0.0
        lines.append(f"| `{where}` | {calls} | {own:.2f} | {cumulative:.2f} | {share:.1f} |")
    return lines


def profile_process(raw_dir: Path, limit: int) -> tuple[str, float]:
    """Run `tolltrace process RAW_DIR` under cProfile; return the report and total seconds."""
    profiler = cProfile.Profile()
    with tempfile.TemporaryDirectory(prefix="tolltrace-profile-") as tmp:
        argv = ["process", str(raw_dir), "--out-dir", tmp, "--jobs", "1"]
        profiler.enable()
        code = cli.main(argv)
        profiler.disable()
    if code:
        raise SystemExit(f"tolltrace process exited with {code}")
    stats = pstats.Stats(profiler, stream=io.StringIO())
    total = stats.total_tt  # type: ignore[attr-defined]
    lines = [
        f"cProfile of `tolltrace process {raw_dir.name} --jobs 1`: {total:.2f} s in all "
        "(profiling adds overhead; compare shares, not absolute times).",
        "",
        "Most own time:",
        "",
        *hot_spots(stats, "tottime", limit),
        "",
        "Most cumulative time:",
        "",
        *hot_spots(stats, "cumtime", limit),
    ]
    return "\n".join(lines) + "\n", total


def main(argv: list[str] | None = None) -> int:
    """Command line: profile one corpus size and write the hot-spot tables."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--size", type=int, default=10000)
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED)
    parser.add_argument("--limit", type=int, default=25, help="rows per table")
    args = parser.parse_args(argv)
    raw_dir = ensure_corpus(args.size, args.seed)
    text, _ = profile_process(raw_dir, args.limit)
    RESULTS_DIR.mkdir(parents=True, exist_ok=True)
    (RESULTS_DIR / f"profile_n{args.size}.txt").write_text(text, encoding="utf-8")
    print(text)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
