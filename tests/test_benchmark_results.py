"""benchmarks/run_benchmark.py: how runs of the two engines are compared and reported."""

from __future__ import annotations

import json
from dataclasses import asdict
from pathlib import Path

from bench_scripts import load_script

bench = load_script("run_benchmark")


def _run(jobs: int, seconds: float, engine: str = "local", same: bool | None = None):
    return bench.ProcessResult(
        jobs=jobs,
        seconds=seconds,
        cpu_seconds=seconds,
        net_seconds=seconds - 1,
        articles_per_s=round(1000 / seconds),
        net_articles_per_s=round(1000 / (seconds - 1)),
        mb_per_s=1.0,
        peak_rss_mb=100.0,
        returncode=0,
        same_tables_as_jobs1=same,
        engine=engine,
    )


def _size(articles: int, *runs) -> object:
    return bench.SizeResult(
        articles=articles,
        megabytes=2.5,
        claims=4000,
        digit_runs=5000,
        bare_seconds=0.04,
        extract_seconds=0.6,
        extract_vs_bare=15.0,
        process=list(runs),
    )


def _payload(results: list) -> dict:
    return {
        "machine": {"cpus": 2, "cpu_model": "test", "python": "3.11", "system": "Linux"},
        "repeat": 1,
        "startup_seconds": 1.0,
        "sizes": [asdict(r) for r in results],
        "linearity": bench.linearity(results),
        "load_before": 0.1,
        "load_after": 0.2,
    }


def test_dask_runs_are_reported_apart_and_kept_out_of_the_local_figures() -> None:
    small = _size(1000, _run(1, 4.0), _run(2, 2.5, same=True), _run(2, 10.0, "dask", True))
    # A Dask run with --jobs 1 listed first must not stand in for the local one.
    large = _size(10000, _run(1, 50.0, "dask", True), _run(1, 31.0), _run(2, 11.0, "dask", False))

    growth = bench.linearity([small, large])
    markdown = bench.to_markdown(_payload([small, large]), [small, large])

    # Growth is measured on the local engine's jobs-1 runs only: 31 / 4.
    assert growth[0]["time_ratio"] == 7.75
    local_table, dask_table = markdown.split("`--engine dask`")
    assert "| 1,000 | 2.5 | 4,000 | 2 | 2.5 | 2.5 | 400 | 667 | 1.0 | 100.0 |  | yes |" in (
        local_table
    )
    assert "| 10.0 |" not in local_table and "| 11.0 |" not in local_table
    # Against local jobs 2 where there is one (10.0 / 2.5); a mismatch is shouted.
    assert "| 1,000 | 2 | 10.0 | 10.0 | 100 | 100.0 | 4.00× | yes |" in dask_table
    assert "| 10,000 | 2 | 11.0 | 11.0 | 91 | 100.0 |  | NO |" in dask_table


def test_results_written_before_the_engine_field_still_load(tmp_path: Path) -> None:
    result = _size(1000, _run(1, 4.0))
    payload = _payload([result])
    for entry in payload["sizes"]:
        for run in entry["process"]:
            del run["engine"]
    (tmp_path / "benchmark.json").write_text(json.dumps(payload), encoding="utf-8")

    assert bench.render_only(tmp_path) == 0
    loaded = bench.load_results(json.loads((tmp_path / "benchmark.json").read_text()))
    assert [p.engine for p in loaded[0].process] == ["local"]
    assert "`--engine dask`" not in (tmp_path / "benchmark.md").read_text(encoding="utf-8")


def test_jobs2_speedup_compares_the_local_engine_only() -> None:
    # Net times 3.0 and 1.5; the Dask run with --jobs 2 comes later and is slower.
    result = _size(1000, _run(1, 4.0), _run(2, 2.5), _run(2, 10.0, "dask"))
    assert bench.jobs2_speedup(result) == 2.0
    assert bench.jobs2_speedup(_size(1000, _run(1, 4.0), _run(2, 10.0, "dask"))) is None


def test_dask_runs_never_reach_an_outside_cluster(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv(bench.DASK_SCHEDULER_ENV, "tcp://10.0.0.5:8786")
    assert bench.DASK_SCHEDULER_ENV not in bench.child_env(tmp_path)
