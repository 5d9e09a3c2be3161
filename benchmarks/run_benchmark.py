"""Benchmark `tolltrace process` on synthetic corpora against a bare digit-scan floor.

For every corpus size it measures, on the same files:

- bare scan: read each file, decode it and find every digit run with one regex (the floor
  no extractor can beat), in this process;
- extractor: read each file with tolltrace.ingest.reading and run tolltrace.extract on it, in
  this process (the per-article work without the ledger, analysis and writing);
- `tolltrace process` with each --jobs value, in a child process, so its wall time and
  peak resident memory (ru_maxrss of the child, from os.wait4) are its own. The time of
  the same command on the five shipped articles is reported as the fixed start-up cost
  (interpreter, imports, writing tables) and subtracted for the "net" figures;
- with --dask-jobs, `tolltrace process --engine dask` on a LocalCluster of that many
  workers, its tables compared byte for byte with the local engine's (needs the dask
  extra).

Results go to benchmarks/results/benchmark.json and benchmark.md (no timestamps).

    .venv/bin/python benchmarks/run_benchmark.py                      # 1k and 10k
    .venv/bin/python benchmarks/run_benchmark.py --sizes 1000 10000 100000 --repeat 1
    .venv/bin/python benchmarks/run_benchmark.py --sizes 10000 --dask-jobs 2
"""

from __future__ import annotations

import argparse
import csv
import filecmp
import importlib.util
import json
import os
import platform
import re
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path

from build_corpus import BENCH_DIR, DEFAULT_SEED, ensure_corpus

from tolltrace import config
from tolltrace.run.engines import DASK_MISSING_MESSAGE, DASK_SCHEDULER_ENV

RESULTS_DIR = BENCH_DIR / "results"
DIGIT_RUN = re.compile(r"\d+")
TABLES = ("articles.csv", "claims.csv", "releases.csv", "consistency.csv", "estimates.csv")
MB = 1_000_000


@dataclass
class Run:
    """One child-process run: wall seconds, CPU seconds (the child and the workers it
    waited for), peak RSS in MB of the largest of them, exit status, last stderr lines."""

    seconds: float
    cpu_seconds: float
    peak_rss_mb: float
    returncode: int
    stderr_tail: str = ""


@dataclass
class ProcessResult:
    """`tolltrace process` at one --jobs value and engine on one corpus."""

    jobs: int
    seconds: float
    cpu_seconds: float
    net_seconds: float
    articles_per_s: float
    net_articles_per_s: float
    mb_per_s: float
    peak_rss_mb: float
    returncode: int
    same_tables_as_jobs1: bool | None = None
    stderr_tail: str = ""
    engine: str = "local"


@dataclass
class SizeResult:
    """Every measure on one corpus size."""

    articles: int
    megabytes: float
    claims: int | None
    digit_runs: int
    bare_seconds: float
    extract_seconds: float | None
    extract_vs_bare: float | None
    process: list[ProcessResult] = field(default_factory=list)
    speedup_jobs2: float | None = None


def child_env(pycache: Path) -> dict[str, str]:
    """The children's environment: bytecode cached in `pycache`, as on a normal install.

    Without a bytecode cache (PYTHONDONTWRITEBYTECODE, set on some CI machines) every run
    recompiles pandas and friends, which adds seconds of start-up that no user sees twice.
    """
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    # --engine dask runs measure a LocalCluster on this machine, never an outside cluster.
    env.pop(DASK_SCHEDULER_ENV, None)
    env["PYTHONPYCACHEPREFIX"] = str(pycache)
    return env


def run_child(argv: list[str], stdout_path: Path) -> Run:
    """Run argv in a child process; return its wall time and its own peak RSS."""
    env = child_env(stdout_path.parent / "pycache")
    with stdout_path.open("wb") as out, tempfile.TemporaryFile() as err:
        start = time.perf_counter()
        child = subprocess.Popen(argv, stdout=out, stderr=err, stdin=subprocess.DEVNULL, env=env)
        _, status, usage = os.wait4(child.pid, 0)
        seconds = time.perf_counter() - start
        child.returncode = os.waitstatus_to_exitcode(status)
        err.seek(0)
        tail = error_summary(err.read().decode("utf-8", "replace"))
    cpu = usage.ru_utime + usage.ru_stime
    # Linux reports ru_maxrss in kilobytes.
    return Run(seconds, cpu, usage.ru_maxrss * 1024 / MB, child.returncode, tail)


def error_summary(stderr: str) -> str:
    """The lines of stderr that name an error (at most three), then its last three lines."""
    lines = [line for line in stderr.splitlines() if line.strip()]
    named = [line for line in lines if "Error" in line or "error:" in line][:3]
    return "\n".join(dict.fromkeys(named + lines[-3:]))


def tolltrace_argv(*args: str) -> list[str]:
    """The command line of `python -m tolltrace ARGS` in this interpreter."""
    return [sys.executable, "-m", "tolltrace", *args]


def article_files(raw_dir: Path) -> list[Path]:
    """The article files of a raw folder, in name order."""
    return sorted(p for p in raw_dir.iterdir() if p.suffix in (".txt", ".html", ".htm"))


def bare_scan(files: list[Path]) -> int:
    """The floor: read and decode every file and count its digit runs with one regex."""
    runs = 0
    for path in files:
        runs += len(DIGIT_RUN.findall(path.read_bytes().decode("utf-8")))
    return runs


def extract_only(files: list[Path]) -> int:
    """Read every file the way the pipeline does and run the extractor; count the claims."""
    from tolltrace.extract import extract_claims
    from tolltrace.ingest.reading import read_article

    claims = 0
    for path in files:
        claims += len(extract_claims(read_article(path).text, path.stem))
    return claims


def timed(func: Callable[[], object], repeat: int) -> tuple[float, object]:
    """Median wall time of `repeat` calls of func, and the value of the last call."""
    times = []
    value: object = None
    for _ in range(repeat):
        start = time.perf_counter()
        value = func()
        times.append(time.perf_counter() - start)
    return statistics.median(times), value


def median_run(argv: list[str], repeat: int, stdout_path: Path) -> Run:
    """Run a command `repeat` times: median wall time, highest peak RSS, first failure."""
    runs = [run_child(argv, stdout_path) for _ in range(repeat)]
    failed = next((r for r in runs if r.returncode != 0), None)
    if failed:
        return failed
    return Run(
        statistics.median(r.seconds for r in runs),
        statistics.median(r.cpu_seconds for r in runs),
        max(r.peak_rss_mb for r in runs),
        0,
        runs[-1].stderr_tail,
    )


def count_rows(table: Path) -> int | None:
    """Data rows in a CSV table, or None when it was not written."""
    if not table.is_file():
        return None
    with table.open(encoding="utf-8", newline="") as handle:
        return sum(1 for _ in csv.reader(handle)) - 1


def same_tables(left: Path, right: Path) -> bool:
    """Whether every processed table is byte-identical in two output folders."""
    names = [n for n in TABLES if (left / n).exists() or (right / n).exists()]
    return all(
        (left / n).is_file()
        and (right / n).is_file()
        and filecmp.cmp(left / n, right / n, shallow=False)
        for n in names
    )


def startup_cost(work: Path, repeat: int) -> float:
    """Wall time of `tolltrace process` on the five shipped articles: the fixed cost.

    A first, untimed run fills the bytecode cache.
    """
    out = work / "startup"
    run_child(
        tolltrace_argv("process", str(config.RAW_DIR), "--out-dir", str(out)), work / "warm.log"
    )
    run = median_run(
        tolltrace_argv("process", str(config.RAW_DIR), "--out-dir", str(out)),
        repeat,
        work / "startup.log",
    )
    if run.returncode != 0:
        raise SystemExit(f"tolltrace process failed on the shipped corpus:\n{run.stderr_tail}")
    return run.seconds


def measure_size(
    size: int,
    seed: int,
    jobs_list: list[int],
    repeat: int,
    base: float,
    work: Path,
    dask_jobs: Sequence[int] = (),
) -> SizeResult:
    """Build (or reuse) the corpus of `size` articles and run every measure on it."""
    raw_dir = ensure_corpus(size, seed)
    files = article_files(raw_dir)
    megabytes = sum(p.stat().st_size for p in files) / MB
    bare_scan(files)  # warm the page cache so every measure reads from memory
    bare_s, digit_runs = timed(lambda: bare_scan(files), repeat)
    extract_s, _ = timed(lambda: extract_only(files), repeat)
    result = SizeResult(
        articles=len(files),
        megabytes=round(megabytes, 2),
        claims=None,
        digit_runs=int(digit_runs),  # type: ignore[arg-type]
        bare_seconds=round(bare_s, 3),
        extract_seconds=round(extract_s, 3),
        extract_vs_bare=round(extract_s / bare_s, 2),
    )
    # jobs_list is sorted, so the local jobs-1 run (the reference for the tables) is first.
    runs = [("local", jobs) for jobs in jobs_list] + [("dask", jobs) for jobs in dask_jobs]
    for engine, jobs in runs:
        name = run_name(size, engine, jobs)
        out = work / name
        argv = tolltrace_argv(
            "process", str(raw_dir), "--out-dir", str(out), "--jobs", str(jobs), "--engine", engine
        )
        run = median_run(argv, repeat, work / f"{name}.log")
        net = max(run.seconds - base, 1e-9)
        entry = ProcessResult(
            jobs=jobs,
            seconds=round(run.seconds, 3),
            cpu_seconds=round(run.cpu_seconds, 3),
            net_seconds=round(net, 3),
            articles_per_s=round(len(files) / run.seconds),
            net_articles_per_s=round(len(files) / net),
            mb_per_s=round(megabytes / run.seconds, 2),
            peak_rss_mb=round(run.peak_rss_mb, 1),
            returncode=run.returncode,
            stderr_tail=run.stderr_tail if run.returncode else "",
            engine=engine,
        )
        # Against the local jobs-1 run, once it has finished; otherwise the cell stays blank.
        if 1 in finished_local_runs(result) and entry.returncode == 0:
            entry.same_tables_as_jobs1 = same_tables(work / run_name(size, "local", 1), out)
        if result.claims is None:
            result.claims = count_rows(out / "claims.csv")
        result.process.append(entry)
        print(
            f"  n={size} {engine} jobs={jobs}: {run.seconds:.2f} s, {entry.peak_rss_mb} MB",
            flush=True,
        )
    result.speedup_jobs2 = jobs2_speedup(result)
    return result


def run_name(size: int, engine: str, jobs: int) -> str:
    """The name of one run's output folder and log (without suffix)."""
    return f"n{size}_j{jobs}" if engine == "local" else f"n{size}_{engine}{jobs}"


def local_runs(result: SizeResult) -> list[ProcessResult]:
    """The runs of the default (local) engine."""
    return [p for p in result.process if p.engine == "local"]


def finished_local_runs(result: SizeResult) -> dict[int, ProcessResult]:
    """The local engine's runs that exited 0, by --jobs value."""
    return {p.jobs: p for p in local_runs(result) if p.returncode == 0}


def jobs2_speedup(result: SizeResult) -> float | None:
    """Net time of the local engine with --jobs 1 over --jobs 2 (None unless both ran)."""
    by_jobs = finished_local_runs(result)
    if 1 not in by_jobs or 2 not in by_jobs:
        return None
    return round(by_jobs[1].net_seconds / by_jobs[2].net_seconds, 2)


def linearity(results: list[SizeResult]) -> list[dict[str, float]]:
    """For consecutive sizes: size ratio against the jobs=1 time ratio (raw and net)."""
    rows = []
    for small, large in zip(results, results[1:], strict=False):
        a = finished_local_runs(small).get(1)
        b = finished_local_runs(large).get(1)
        if a is None or b is None:
            continue
        rows.append(
            {
                "from": small.articles,
                "to": large.articles,
                "size_ratio": round(large.articles / small.articles, 2),
                "time_ratio": round(b.seconds / a.seconds, 2),
                "net_time_ratio": round(b.net_seconds / a.net_seconds, 2),
                "cpu_time_ratio": round(b.cpu_seconds / a.cpu_seconds, 2),
                "bare_time_ratio": round(large.bare_seconds / small.bare_seconds, 2),
            }
        )
    return rows


def report_build(size: int, seed: int, work: Path) -> dict[str, object]:
    """Build the reports from the corpus of `size` (into the jobs-1 run's processed folder);
    time it and size the HTML."""
    raw_dir = ensure_corpus(size, seed)
    processed = work / run_name(size, "local", 1)
    reports = work / f"reports_n{size}"
    argv = tolltrace_argv(
        "report",
        "--raw-dir",
        str(raw_dir),
        "--processed-dir",
        str(processed),
        "--reports-dir",
        str(reports),
    )
    run = run_child(argv, work / f"reports_n{size}.log")
    html = sorted(reports.rglob("*.html")) if reports.is_dir() else []
    sizes = {str(p.relative_to(reports)): p.stat().st_size for p in html}
    return {
        "articles": size,
        "seconds": round(run.seconds, 2),
        "peak_rss_mb": round(run.peak_rss_mb, 1),
        "returncode": run.returncode,
        "html_files": sizes,
        "largest_html_mb": round(max(sizes.values(), default=0) / MB, 3),
        "stderr_tail": run.stderr_tail if run.returncode else "",
    }


def cpu_ticks() -> tuple[int, int] | None:
    """(steal, total) CPU ticks since boot from /proc/stat, or None where it is missing.

    Steal is time the virtual machine's CPUs waited for the host: on a shared host it
    slows every measure, so the report states it.
    """
    stat = Path("/proc/stat")
    if not stat.is_file():
        return None
    fields = stat.read_text(encoding="ascii").splitlines()[0].split()[1:]
    values = [int(v) for v in fields[:8]]
    return (values[7] if len(values) > 7 else 0), sum(values)


def steal_share(before: tuple[int, int] | None, after: tuple[int, int] | None) -> float | None:
    """Percentage of CPU time stolen by the host between two cpu_ticks() readings."""
    if before is None or after is None or after[1] <= before[1]:
        return None
    return round(100 * (after[0] - before[0]) / (after[1] - before[1]), 1)


def machine() -> dict[str, object]:
    """What the figures were measured on."""
    model = ""
    cpuinfo = Path("/proc/cpuinfo")
    if cpuinfo.is_file():
        for line in cpuinfo.read_text(encoding="utf-8", errors="replace").splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    return {
        "cpus": os.cpu_count(),
        "cpu_model": model,
        "python": platform.python_version(),
        "system": f"{platform.system()} {platform.machine()}",
    }


def to_markdown(payload: dict[str, object], results: list[SizeResult]) -> str:
    """The results as Markdown tables, ready for the README."""
    info = payload["machine"]
    assert isinstance(info, dict)
    lines = [
        "# tolltrace benchmark",
        "",
        f"Machine: {info['cpus']} CPUs ({info['cpu_model']}), Python {info['python']}. "
        f"Median of {payload['repeat']} run(s). Start-up cost of `tolltrace process` on the "
        f"five shipped articles: {payload['startup_seconds']} s; net = wall minus start-up. "
        f"Load average before/after the run: {payload['load_before']} / {payload['load_after']} "
        "(above the CPU count, other work shared the machine and wall times are inflated). "
        f"CPU time stolen by the host (virtual machine) during the run: "
        f"{payload.get('steal_percent', 'unknown')}%. "
        "CPU s counts the command and its worker processes.",
        "",
        "| articles | MB | claims | jobs | wall s | CPU s | articles/s | net articles/s | MB/s "
        "| peak RSS MB | net speedup vs jobs 1 | tables = jobs 1 |",
        "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for s in results:
        claims = "" if s.claims is None else f"{s.claims:,}"
        for p in local_runs(s):
            speedup = s.speedup_jobs2 if p.jobs == 2 and s.speedup_jobs2 else ""
            lines.append(
                f"| {s.articles:,} | {s.megabytes} | {claims} | {p.jobs} | {_wall(p)} "
                f"| {p.cpu_seconds} | {p.articles_per_s:,} | {p.net_articles_per_s:,} "
                f"| {p.mb_per_s} | {p.peak_rss_mb} | {speedup} | {_same(p)} |"
            )
    lines += _dask_lines(results)
    lines += [
        "",
        "Floor: read, decode and find every digit run with one regex, against the extractor "
        "alone (tolltrace.ingest.reading + tolltrace.extract); both in one process:",
        "",
        "| articles | digit runs | bare scan s | extractor s | extractor / bare |",
        "|---:|---:|---:|---:|---:|",
    ]
    for s in results:
        lines.append(
            f"| {s.articles:,} | {s.digit_runs:,} | {s.bare_seconds} "
            f"| {s.extract_seconds} | {s.extract_vs_bare}× |"
        )
    growth = payload["linearity"]
    assert isinstance(growth, list)
    if growth:
        lines += [
            "",
            "Growth with corpus size, jobs 1 (linear: time × equals size ×):",
            "",
            "| from | to | size × | wall time × | net time × | CPU time × | bare scan × |",
            "|---:|---:|---:|---:|---:|---:|---:|",
        ]
        for row in growth:
            lines.append(
                f"| {row['from']:,} | {row['to']:,} | {row['size_ratio']} | {row['time_ratio']} "
                f"| {row['net_time_ratio']} | {row['cpu_time_ratio']} | {row['bare_time_ratio']} |"
            )
    report = payload.get("report")
    if isinstance(report, dict):
        lines += [
            "",
            f"Reports on {report['articles']:,} articles: `tolltrace report` exit "
            f"{report['returncode']}, {report['seconds']} s, peak RSS {report['peak_rss_mb']} MB, "
            f"{len(report['html_files'])} HTML files, largest {report['largest_html_mb']} MB.",
        ]
        if report["returncode"]:
            lines += ["", "```", str(report["stderr_tail"]), "```"]
    return "\n".join(lines) + "\n"


def _wall(p: ProcessResult) -> str:
    return f"{p.seconds}" if p.returncode == 0 else f"{p.seconds} (exit {p.returncode})"


def _same(p: ProcessResult) -> str:
    """Whether the run wrote the same tables as jobs 1 ("" when not compared)."""
    return "" if p.same_tables_as_jobs1 is None else ("yes" if p.same_tables_as_jobs1 else "NO")


def _dask_lines(results: list[SizeResult]) -> list[str]:
    """The Dask engine's runs against the local engine's at the same --jobs ("" if none)."""
    rows = []
    for s in results:
        local = finished_local_runs(s)
        for p in s.process:
            if p.engine == "local":
                continue
            same_jobs = local.get(p.jobs)
            ratio = ""
            if same_jobs is not None and p.returncode == 0:
                ratio = f"{p.seconds / same_jobs.seconds:.2f}×"
            rows.append(
                f"| {s.articles:,} | {p.jobs} | {_wall(p)} | {p.cpu_seconds} "
                f"| {p.articles_per_s:,} | {p.peak_rss_mb} | {ratio} | {_same(p)} |"
            )
    if not rows:
        return []
    return [
        "",
        "`--engine dask` on a LocalCluster of `jobs` single-threaded worker processes on this "
        "machine (peak RSS: the largest single process, not the sum of all); wall time "
        "against the local engine's at the same --jobs (blank: no such local run):",
        "",
        "| articles | jobs | wall s | CPU s | articles/s | peak RSS MB | wall vs local "
        "| tables = jobs 1 |",
        "|---:|---:|---:|---:|---:|---:|---:|---:|",
        *rows,
    ]


def load_results(payload: dict[str, object]) -> list[SizeResult]:
    """SizeResult records back from the JSON written by an earlier run."""
    results = []
    for entry in payload["sizes"]:  # type: ignore[attr-defined]
        fields = dict(entry)
        fields["process"] = [ProcessResult(**p) for p in fields["process"]]
        results.append(SizeResult(**fields))
    return results


def write_results(payload: dict[str, object], results: list[SizeResult], out: Path) -> str:
    """Write benchmark.json and benchmark.md into `out`; return the Markdown."""
    out.mkdir(parents=True, exist_ok=True)
    text = json.dumps(payload, indent=2, sort_keys=True) + "\n"
    (out / "benchmark.json").write_text(text, encoding="utf-8")
    markdown = to_markdown(payload, results)
    (out / "benchmark.md").write_text(markdown, encoding="utf-8")
    return markdown


def render_only(out: Path) -> int:
    """Recompute the derived ratios and the Markdown from the measurements on file."""
    payload = json.loads((out / "benchmark.json").read_text(encoding="utf-8"))
    results = load_results(payload)
    payload["linearity"] = linearity(results)
    print(write_results(payload, results, out))
    return 0


def main(argv: list[str] | None = None) -> int:
    """Command line: build the corpora, run every measure, write the results."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--jobs", type=int, nargs="+", default=[1, 2])
    parser.add_argument(
        "--dask-jobs",
        type=int,
        nargs="+",
        default=[],
        help="also run --engine dask with a LocalCluster of these many workers (dask extra)",
    )
    parser.add_argument("--repeat", type=int, default=3, help="runs per measure (median)")
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED)
    parser.add_argument(
        "--report-size", type=int, help="also build the reports on this corpus size"
    )
    parser.add_argument("--results-dir", type=Path, default=RESULTS_DIR)
    parser.add_argument(
        "--render-only",
        action="store_true",
        help="measure nothing: rewrite benchmark.md (and derived ratios) from benchmark.json",
    )
    args = parser.parse_args(argv)
    if args.render_only:
        return render_only(args.results_dir)
    sizes = sorted(set(args.sizes))
    jobs_list = sorted(set(args.jobs))
    dask_jobs = sorted(set(args.dask_jobs))
    if dask_jobs and importlib.util.find_spec("distributed") is None:
        raise SystemExit(f"--dask-jobs: {DASK_MISSING_MESSAGE}")
    if dask_jobs and 1 not in jobs_list:
        raise SystemExit("--dask-jobs needs 1 among --jobs: its tables are compared with those")
    with tempfile.TemporaryDirectory(prefix="tolltrace-bench-") as tmp:
        work = Path(tmp)
        load_before = round(os.getloadavg()[0], 2)
        ticks_before = cpu_ticks()
        base = startup_cost(work, args.repeat)
        print(f"start-up cost: {base:.2f} s", flush=True)
        results = [
            measure_size(n, args.seed, jobs_list, args.repeat, base, work, dask_jobs) for n in sizes
        ]
        payload: dict[str, object] = {
            "machine": machine(),
            "seed": args.seed,
            "repeat": args.repeat,
            "startup_seconds": round(base, 3),
            "sizes": [asdict(r) for r in results],
            "linearity": linearity(results),
            "load_before": load_before,
        }
        if args.report_size:
            if args.report_size not in sizes or 1 not in jobs_list:
                raise SystemExit("--report-size must be one of --sizes, with --jobs including 1")
            payload["report"] = report_build(args.report_size, args.seed, work)
    payload["load_after"] = round(os.getloadavg()[0], 2)
    payload["steal_percent"] = steal_share(ticks_before, cpu_ticks())
    print(write_results(payload, results, args.results_dir))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
