"""engines.map_ordered: order, equality across engines, bounded work, Dask, and the
synthetic benchmark corpus it is measured on."""

from __future__ import annotations

import operator
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from bench_scripts import load_script

from tolltrace import config
from tolltrace.run import engines
from tolltrace.run.engines import EngineUnavailable, map_ordered

build_corpus = load_script("build_corpus")


def slow_for_small(n: int) -> tuple[int, int]:
    """Sleep longer for earlier items, so workers finish them out of order."""
    time.sleep(max(0, 20 - n) * 0.002)
    return n, n * n


def fail_on_seven(n: int) -> int:
    """Raise for one item, to check that errors reach the caller."""
    if n == 7:
        raise ValueError("seven")
    return n


def counting(source: list[int], pulled: list[int]) -> Iterator[int]:
    """Yield from source, recording every item the consumer pulled."""
    for item in source:
        pulled.append(item)
        yield item


def all_files(folder: Path) -> dict[str, bytes]:
    """Every file under folder (relative name → bytes)."""
    return {
        str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()
    }


@pytest.mark.parametrize("jobs", [1, 2, 3])
def test_results_come_back_in_input_order(jobs: int) -> None:
    items = list(range(40))
    got = list(map_ordered(slow_for_small, items, jobs=jobs, chunksize=1))
    assert got == [(n, n * n) for n in items]


def test_jobs2_equals_jobs1_on_an_unsized_iterable() -> None:
    items = [f"article-{i}" for i in range(1000)]
    serial = list(map_ordered(str.upper, iter(items), jobs=1))
    pooled = list(map_ordered(str.upper, iter(items), jobs=2))
    assert pooled == serial == [s.upper() for s in items]


def test_a_single_threaded_process_forks_its_workers() -> None:
    code = (
        "from tolltrace.run.engines import pool_context; print(pool_context().get_start_method())"
    )
    run = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60
    )
    assert run.stdout.strip() == "fork"


def test_workers_do_not_fork_while_other_threads_run(monkeypatch: pytest.MonkeyPatch) -> None:
    # A Jupyter kernel runs several threads; a forked child could inherit a held lock.
    used: list[str] = []
    real = engines.ProcessPoolExecutor

    def recording(*args: object, **kwargs: object) -> object:
        used.append(kwargs["mp_context"].get_start_method())  # type: ignore[attr-defined]
        return real(*args, **kwargs)

    monkeypatch.setattr(engines, "ProcessPoolExecutor", recording)
    stop = threading.Event()
    other = threading.Thread(target=stop.wait, daemon=True)
    other.start()
    try:
        assert engines.pool_context().get_start_method() == "forkserver"
        items = [f"article-{i}" for i in range(50)]
        assert list(map_ordered(str.upper, items, jobs=2)) == [s.upper() for s in items]
        assert used == ["forkserver"]
    finally:
        stop.set()
        other.join()


def test_empty_input_gives_no_results() -> None:
    assert list(map_ordered(operator.neg, [], jobs=2)) == []


def test_pool_keeps_a_bounded_number_of_items_in_flight() -> None:
    source = list(range(10_000))
    pulled: list[int] = []
    results = map_ordered(operator.neg, counting(source, pulled), jobs=2, chunksize=10)
    assert next(results) == 0
    window = 2 * engines.BATCHES_PER_WORKER * 10
    assert len(pulled) <= window + 10
    assert list(results) == [-n for n in source[1:]]
    assert len(pulled) == len(source)


def test_local_chunksize_spreads_small_corpora_and_caps_large_ones() -> None:
    assert engines.local_chunksize(5, 2) == 1
    assert engines.local_chunksize(800, 2) == 100
    assert engines.local_chunksize(1_000_000, 2) == engines.MAX_LOCAL_CHUNK
    assert engines.local_chunksize(None, 2) == engines.DEFAULT_LOCAL_CHUNK


def test_errors_in_workers_reach_the_caller() -> None:
    with pytest.raises(ValueError, match="seven"):
        list(map_ordered(fail_on_seven, range(20), jobs=2, chunksize=3))


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"engine": "spark"}, "unknown engine"),
        ({"jobs": 0}, "jobs must be at least 1"),
        ({"chunksize": 0}, "chunksize must be at least 1"),
    ],
)
def test_bad_arguments_are_refused(kwargs: dict[str, object], message: str) -> None:
    with pytest.raises(ValueError, match=message):
        map_ordered(operator.neg, [1], **kwargs)  # type: ignore[arg-type]


def test_missing_dask_gives_a_clear_error(monkeypatch: pytest.MonkeyPatch) -> None:
    # A None entry in sys.modules makes `import distributed` raise ImportError.
    monkeypatch.setitem(sys.modules, "distributed", None)
    with pytest.raises(EngineUnavailable, match=r"install tolltrace\[dask\]"):
        map_ordered(operator.neg, [1, 2], engine="dask")


def test_no_progress_bar_when_stderr_is_not_a_terminal(capsys: pytest.CaptureFixture) -> None:
    assert list(map_ordered(operator.neg, range(50), progress=True)) == [-n for n in range(50)]
    assert capsys.readouterr().err == ""


def test_progress_bar_only_on_a_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    class Terminal:
        def isatty(self) -> bool:
            return True

    assert engines.progress_enabled(True) is False  # pytest's captured stderr
    monkeypatch.setattr(sys, "stderr", Terminal())
    assert engines.progress_enabled(True) is True
    assert engines.progress_enabled(False) is False


def test_scheduler_address_from_argument_or_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(engines.DASK_SCHEDULER_ENV, raising=False)
    assert engines.dask_scheduler_address(None) is None
    monkeypatch.setenv(engines.DASK_SCHEDULER_ENV, "tcp://10.0.0.5:8786")
    assert engines.dask_scheduler_address(None) == "tcp://10.0.0.5:8786"
    assert engines.dask_scheduler_address("tcp://other:8786") == "tcp://other:8786"


@pytest.fixture(scope="module")
def dask_cluster() -> Iterator[object]:
    """A LocalCluster of two single-threaded worker processes."""
    distributed = pytest.importorskip("distributed")
    with distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=":0"
    ) as cluster:
        yield cluster


def test_dask_engine_preserves_order_on_an_existing_cluster(dask_cluster: object) -> None:
    items = [f"t{i}" for i in range(2500)]
    got = list(
        map_ordered(
            str.upper,
            iter(items),
            engine="dask",
            chunksize=100,
            scheduler_address=dask_cluster.scheduler_address,  # type: ignore[attr-defined]
        )
    )
    assert got == list(map_ordered(str.upper, items))


def test_dask_engine_starts_its_own_local_cluster_when_none_is_named(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    pytest.importorskip("distributed")
    monkeypatch.delenv(engines.DASK_SCHEDULER_ENV, raising=False)
    items = list(range(300))
    got = list(map_ordered(operator.neg, items, engine="dask", jobs=2, chunksize=50))
    assert got == [-n for n in items]


def test_corpus_build_is_byte_identical_for_the_same_seed(tmp_path: Path) -> None:
    first = build_corpus.build_corpus(tmp_path / "a", 30, seed=7)
    second = build_corpus.build_corpus(tmp_path / "b", 30, seed=7)
    other = build_corpus.build_corpus(tmp_path / "c", 30, seed=8)
    assert all_files(first) == all_files(second)
    assert all_files(first) != all_files(other)
    texts = [p for p in first.iterdir() if p.suffix == ".txt"]
    assert len(texts) == 30
    manifest = (first / config.MANIFEST_NAME).read_text(encoding="utf-8").splitlines()
    assert manifest[0] == ",".join(build_corpus.MANIFEST_COLUMNS)
    assert sorted(line.split(",")[0] for line in manifest[1:]) == sorted(p.name for p in texts)
    assert "event_start = 2025-03-06" in (first / config.CORPUS_CONFIG_NAME).read_text()


def test_corpus_articles_are_distinct_and_varied(tmp_path: Path) -> None:
    folder = build_corpus.build_corpus(tmp_path / "c", 60, seed=1)
    texts = [p.read_text(encoding="utf-8") for p in sorted(folder.glob("*.txt"))]
    assert len({" ".join(t.split()) for t in texts}) == 60
    joined = "\n".join(texts)
    # Sources were swapped and weekdays rotated away from the seeds' own.
    assert sum(monitor[0] in joined for monitor in build_corpus.MONITORS) >= 3
    assert sum(day in joined for day in build_corpus.WEEKDAYS) >= 5


@pytest.mark.slow
def test_dask_engine_writes_the_same_tables_as_the_local_engine(
    tmp_path: Path, dask_cluster: object, monkeypatch: pytest.MonkeyPatch
) -> None:
    from tolltrace.run.pipeline import process_corpus

    raw = build_corpus.build_corpus(tmp_path / "raw", 40, seed=11)
    local = process_corpus(raw, tmp_path / "local", progress=False)
    pooled = process_corpus(raw, tmp_path / "pool", jobs=2, progress=False)
    # The existing cluster is named the way a user would name theirs.
    monkeypatch.setenv(engines.DASK_SCHEDULER_ENV, dask_cluster.scheduler_address)  # type: ignore[attr-defined]
    distributed = process_corpus(raw, tmp_path / "dask", jobs=2, engine="dask", progress=False)

    written = all_files(tmp_path / "local")
    assert set(written) >= {"articles.csv", "claims.csv"}
    assert local.n_claims > 40  # the synthetic articles carry tolls; an empty table proves nothing
    assert all_files(tmp_path / "pool") == written
    assert all_files(tmp_path / "dask") == written
    assert pooled.line() == distributed.line() == local.line()
