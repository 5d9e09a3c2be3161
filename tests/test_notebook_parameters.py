"""The notebooks: their parameters are real, their committed outputs are checked by nbval.

The slow tests run the notebooks through papermill (as `tolltrace report` does) on other
raw folders and check that every result comes from that folder alone.
"""

from __future__ import annotations

import ast
import csv
import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import nbformat
import pandas as pd
import papermill
import pytest
from annotation_sets import annotations

from tolltrace import config
from tolltrace.publish import notebook as nbt
from tolltrace.publish import report
from tolltrace.publish.notebook import CHART_MIMETYPE
from tolltrace.run import folders
from tolltrace.tables.csvio import read_table

NOTEBOOKS = report.notebook_paths()
SEEDS = sorted(config.RAW_DIR.glob("*.txt"))

# A small invented event: river floods, starting on Monday 2 October 2023.
OTHER_EVENT = {
    "flood_a.txt": "Flood toll rises in Varnia\n\nAt least 48 people have been killed in flash "
    "floods in northern Varnia since Monday, the regional health ministry said. Another 120 "
    "people were injured, the ministry said.\n",
    "flood_b.txt": "Rescuers search for survivors\n\nMore than 60 people have died in the "
    "floods since Monday, according to the United Nations. Officials said 15 people were "
    "missing.\n",
    "flood_c.txt": "The death toll from the Varnia floods reached 73 on Wednesday, the "
    "United Nations said.\n",
}
OTHER_FIGURES = {48, 120, 60, 15, 73}


def _write_manifest(raw: Path, rows: list[dict[str, str]]) -> None:
    """Write a manifest with the shipped manifest's columns and the given rows."""
    with (config.RAW_DIR / config.MANIFEST_NAME).open(encoding="utf-8") as fh:
        columns = next(csv.reader(fh))
    with (raw / config.MANIFEST_NAME).open("w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=columns, lineterminator="\n")
        writer.writeheader()
        for row in rows:
            writer.writerow({c: row.get(c, "") for c in columns})


def two_seed_corpus(root: Path) -> Path:
    """A raw folder holding the first and last shipped articles and their manifest rows."""
    raw = root / "two-seeds"
    raw.mkdir()
    chosen = [SEEDS[0], SEEDS[-1]]
    for path in chosen:
        shutil.copy2(path, raw / path.name)
    shutil.copy2(config.RAW_DIR / config.CORPUS_CONFIG_NAME, raw / config.CORPUS_CONFIG_NAME)
    with (config.RAW_DIR / config.MANIFEST_NAME).open(encoding="utf-8") as fh:
        rows = [r for r in csv.DictReader(fh) if r["file"] in {p.name for p in chosen}]
    _write_manifest(raw, rows)
    return raw


def other_event_corpus(root: Path) -> Path:
    """A raw folder of three short invented articles about another event."""
    raw = root / "floods"
    raw.mkdir()
    for name, text in OTHER_EVENT.items():
        (raw / name).write_text(text, encoding="utf-8")
    (raw / config.CORPUS_CONFIG_NAME).write_text(
        'name = "Varnia floods (invented test corpus)"\nevent_start = 2023-10-02\n',
        encoding="utf-8",
    )
    _write_manifest(
        raw,
        [
            {"file": "flood_a.txt", "outlet": "Varnia Daily", "language": "en"},
            {"file": "flood_b.txt", "outlet": "River Post", "language": "en"},
            {"file": "flood_c.txt", "outlet": "Wire Desk", "language": "en"},
        ],
    )
    return raw


def _output_text(nb: nbformat.NotebookNode) -> str:
    """Return every output of `nb` (text, HTML, chart specs) as one string."""
    parts = []
    for cell in nb.cells:
        for output in cell.get("outputs", []):
            parts.append(json.dumps(output.get("data", {}), sort_keys=True))
            parts.append(str(output.get("text", "")))
    return "\n".join(parts)


def _stderr_outputs(nb: nbformat.NotebookNode) -> list:
    """Every output of `nb` written to stderr."""
    return [o for c in nb.cells for o in c.get("outputs", []) if o.get("name") == "stderr"]


def _csv_bytes(folder: Path) -> dict[str, bytes]:
    """Every table in `folder`: file name → bytes; but changes.csv, which depends on what
    the folder held before (a first build adds everything, a rebuild nothing)."""
    return {p.name: p.read_bytes() for p in sorted(folder.glob("*.csv")) if p.name != "changes.csv"}


def _chart_rows(nb: nbformat.NotebookNode) -> list[dict]:
    """Return every data row of every chart spec in `nb`."""
    rows = []
    for cell in nb.cells:
        for output in cell.get("outputs", []):
            chart = output.get("data", {}).get(CHART_MIMETYPE)
            if chart:
                for values in chart["spec"].get("datasets", {}).values():
                    rows.extend(values)
    return rows


def _seed_markers() -> set[str]:
    """Strings that only the shipped corpus produces: its article ids and outlets."""
    with (config.RAW_DIR / config.MANIFEST_NAME).open(encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    return {Path(r["file"]).stem for r in rows} | {r["outlet"] for r in rows if r["outlet"]}


# ------------------------------------------------------------------ static checks


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_parameters_cell_holds_only_literals(path):
    nb = nbformat.read(path, as_version=4)
    code = [c for c in nb.cells if c.cell_type == "code"]
    first = code[0]
    assert first.metadata.get("tags") == ["parameters"]
    names = []
    for stmt in ast.parse(first.source).body:
        assert isinstance(stmt, ast.Assign), ast.dump(stmt)
        ast.literal_eval(stmt.value)  # raises unless a literal
        names.append(stmt.targets[0].id)
    assert {"raw_dir", "processed_dir", "event_start", "outcome", "rebuild", "jobs"} <= set(names)
    assert "../" not in first.source
    assert "resolve_parameters" in code[1].source


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_committed_notebook_is_executed_and_scrubbed(path):
    nb = nbformat.read(path, as_version=4)
    assert nb.metadata.kernelspec.name == config.KERNEL_NAME
    assert [c.id for c in nb.cells] == [f"cell-{i:02d}" for i in range(len(nb.cells))]
    text = path.read_text(encoding="utf-8")
    assert "papermill" not in nb.metadata
    assert not [c for c in nb.cells if "papermill" in c.metadata or "execution" in c.metadata]
    assert "altair-viz" not in text
    assert str(config.PROJECT_ROOT) not in text
    assert all(c.execution_count for c in nb.cells if c.cell_type == "code")
    assert not _stderr_outputs(nb)


def test_no_shipped_names_or_figures_in_notebooks_or_chart_builder():
    # Stated figures only: a vague word's coding ("hundreds" = 100) is not a corpus figure.
    figures = {
        str(a.low)
        for a in annotations("gold")
        if a.low is not None and a.low >= 100 and a.qualifier != "vague"
    }
    markers = _seed_markers() | {"SOHR", "Syria", "Alawite", "Latakia", "Tartus"}
    sources = [
        (config.PACKAGE_DIR / "publish" / name).read_text(encoding="utf-8")
        for name in ("charts.py", "figures.py", "totals.py")
    ]
    for path in NOTEBOOKS:
        nb = nbformat.read(path, as_version=4)
        sources.append("\n".join(c.source for c in nb.cells))
    for text in sources:
        for marker in markers:
            assert marker not in text
        for figure in figures:
            assert not re.search(rf"(?<![\d.]){figure}(?![\d])", text), figure


# ------------------------------------------------------------------ rebuild and jobs


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"rebuild": "no"}, "rebuild must be True or False"),
        ({"jobs": 0}, "jobs must be a whole number of at least 1"),
        ({"jobs": "2"}, "jobs must be a whole number of at least 1"),
        ({"jobs": True}, "jobs must be a whole number of at least 1"),
    ],
)
def test_rebuild_and_jobs_are_checked(kwargs, message, tmp_path):
    with pytest.raises(nbt.ParameterError, match=message):
        nbt.resolve_parameters(None, tmp_path / "out", **kwargs)


def test_rebuild_false_needs_the_tables_and_names_the_missing_ones(tmp_path):
    (tmp_path / "claims.csv").write_text("article_id\n", encoding="utf-8")
    with pytest.raises(nbt.ParameterError) as caught:
        nbt.resolve_parameters(None, tmp_path, rebuild=False)
    message = str(caught.value)
    assert "articles.csv" in message and "estimates.csv" in message
    assert "claims.csv" not in message


def test_rebuild_false_reads_the_tables_without_processing(tmp_path, monkeypatch):
    import tolltrace.run.pipeline

    assert nbt.build_tables(nbt.resolve_parameters(None, tmp_path / "unread"), read=False) == {}
    assert sorted(p.stem for p in (tmp_path / "unread").glob("*.csv")) == sorted(nbt.TABLE_NAMES)
    built = nbt.build_tables(nbt.resolve_parameters(None, tmp_path / "built", jobs=2))

    def no_processing(*args, **kwargs):
        raise AssertionError("rebuild = False must not process the raw folder")

    monkeypatch.setattr(tolltrace.run.pipeline, "process_corpus", no_processing)
    params = nbt.resolve_parameters(None, tmp_path / "built", rebuild=False)
    assert "no: read from processed_dir" in params.describe()["value"].tolist()
    read = nbt.build_tables(params)
    assert sorted(read) == sorted(built)
    for name, frame in built.items():
        pd.testing.assert_frame_equal(read[name], frame)
    # Built with two workers, the tables are those of the committed single-process run.
    assert _csv_bytes(tmp_path / "built") == _csv_bytes(config.PROCESSED_DIR)


def test_rebuild_false_refuses_tables_built_from_other_files(tmp_path):
    from tolltrace.run.pipeline import process_corpus

    raw = two_seed_corpus(tmp_path)
    # Names the ledger writes escaped (a leading = + - @ would be a spreadsheet formula).
    for name in ("@wire.txt", "=sum, draft.txt"):
        (raw / name).write_text("At least 12 people were killed.\n", encoding="utf-8")
    out = tmp_path / "out"
    process_corpus(raw, out)
    assert nbt.resolve_parameters(raw, out, rebuild=False).rebuild is False
    for name in ("@wire.txt", "=sum, draft.txt"):
        (raw / name).unlink()

    def refused() -> str:
        with pytest.raises(nbt.ParameterError) as caught:
            nbt.resolve_parameters(raw, out, rebuild=False)
        return str(caught.value)

    assert "2 no longer there (first: =sum, draft.txt)" in refused()
    process_corpus(raw, out)
    (raw / "later.txt").write_text("At least 9 people were killed.\n", encoding="utf-8")
    assert "1 new (first: later.txt)" in refused()
    (raw / "later.txt").unlink()
    first = SEEDS[0].name
    (raw / first).write_bytes((raw / first).read_bytes() + b"\nUpdated.\n")
    assert f"1 changed (first: {first})" in refused()
    (raw / first).unlink()
    message = refused()
    assert f"1 no longer there (first: {first})" in message
    assert "set rebuild = True" in message


def test_a_messy_corpus_matches_its_own_ledger(tmp_path):
    # Empty, binary, HTML, duplicate, unreadable and missing files: all accounted for.
    from messy_corpus import build_messy_corpus

    from tolltrace.run.pipeline import process_corpus

    build_messy_corpus(tmp_path / "raw", huge=False)
    process_corpus(tmp_path / "raw", tmp_path / "out")
    assert nbt.ledger_mismatch(tmp_path / "raw", tmp_path / "out") == ""


def test_a_build_stopped_half_way_leaves_no_ledger_and_is_refused(tmp_path, monkeypatch):
    params = nbt.resolve_parameters(None, tmp_path / "out")
    nbt.build_tables(params, read=False)
    moved = []
    real_replace = folders.os.replace

    def replace_once(src, dst):
        if Path(dst).parent != tmp_path / "out":  # the pipeline's own writes
            return real_replace(src, dst)
        if moved:
            raise OSError("disk full")
        moved.append(Path(dst).name)
        return real_replace(src, dst)

    monkeypatch.setattr(folders.os, "replace", replace_once)
    with pytest.raises(OSError, match="disk full"):
        nbt.build_tables(params, read=False)
    assert moved and moved[0] != "articles.csv"
    assert not (tmp_path / "out" / "articles.csv").exists()
    with pytest.raises(nbt.ParameterError, match="has no articles.csv"):
        nbt.resolve_parameters(None, tmp_path / "out", rebuild=False)


def test_jobs_reach_the_pipeline(tmp_path, monkeypatch):
    seen = []
    real = nbt.process_corpus

    def spy(*args, **kwargs):
        seen.append(kwargs.get("jobs"))
        return real(*args, **kwargs)

    monkeypatch.setattr(nbt, "process_corpus", spy)
    nbt.build_tables(nbt.resolve_parameters(None, tmp_path / "out", jobs=3), read=False)
    assert seen == [3]


def test_jobs_leaves_the_parameters_table_unchanged(tmp_path):
    one = nbt.resolve_parameters(None, tmp_path, jobs=1).describe()
    two = nbt.resolve_parameters(None, tmp_path, jobs=2).describe()
    pd.testing.assert_frame_equal(one, two)


# ------------------------------------------------------------------ runs (slow)


def _report_for(raw: Path, tmp_path: Path, event_start: str | None = None) -> Path:
    """Build the reports for `raw` into tmp_path; return the reports folder."""
    out = tmp_path / "reports"
    report.build_reports(raw, tmp_path / "processed", out, event_start)
    return out


@pytest.mark.slow
def test_two_seed_folder_gives_results_for_those_two_alone(tmp_path):
    raw = two_seed_corpus(tmp_path)
    out = _report_for(raw, tmp_path)
    ids = {SEEDS[0].stem, SEEDS[-1].stem}
    ledger = read_table(tmp_path / "processed" / "articles.csv")
    assert set(ledger["article_id"]) == ids
    claims = read_table(tmp_path / "processed" / "claims.csv")
    assert set(claims["article_id"]) == ids
    # Extraction per article does not depend on the rest of the corpus.
    full = read_table(config.PROCESSED_DIR / "claims.csv")
    assert list(claims["claim_id"]) == list(full[full["article_id"].isin(ids)]["claim_id"])
    others = {p.stem for p in SEEDS} - ids
    for path in NOTEBOOKS:
        nb = nbformat.read(out / path.name, as_version=4)
        # The report built the tables once; every notebook read them.
        injected = [c for c in nb.cells if "injected-parameters" in c.metadata.get("tags", [])]
        assert len(injected) == 1 and "rebuild = False" in injected[0].source
        text = _output_text(nb)
        assert "no: read from processed_dir" in text
        assert not [o for o in others if o in text]
        for row in _chart_rows(nb):
            for key in ("article_id", "outlets", "outlet"):
                assert not any(o in str(row.get(key, "")) for o in others)


@pytest.mark.slow
def test_folder_about_another_event_gives_results_for_it_alone(tmp_path):
    raw = other_event_corpus(tmp_path)
    out = _report_for(raw, tmp_path)
    claims = read_table(tmp_path / "processed" / "claims.csv")
    assert set(claims["article_id"]) <= {Path(n).stem for n in OTHER_EVENT}
    assert len(claims) >= 3
    assert set(claims["low"].astype(int)) <= OTHER_FIGURES
    dated = claims[claims["as_of"].astype(str) != ""]["as_of"].astype(str)
    assert dated.str.startswith("2023-10").all()
    markers = _seed_markers() | {"SOHR"}
    for path in NOTEBOOKS:
        nb = nbformat.read(out / path.name, as_version=4)
        text = _output_text(nb)
        assert not [m for m in markers if m in text], path.name
        values = {int(r["low"]) for r in _chart_rows(nb) if isinstance(r.get("low"), int)}
        assert values <= OTHER_FIGURES
    assert "Varnia Daily" in (out / "01-extract-claims.html").read_text(encoding="utf-8")
    assert (out / "index.html").is_file()


@pytest.mark.slow
@pytest.mark.parametrize(
    ("parameters", "message"),
    [
        ({"event_start": "next friday"}, "event_start must be a date"),
        ({"raw_dir": "/nonexistent/raw"}, "does not exist"),
    ],
)
def test_nonsense_parameter_stops_in_the_check_cell(parameters, message):
    with pytest.raises(papermill.PapermillExecutionError) as caught:
        report.execute_notebook(NOTEBOOKS[0], parameters)
    assert caught.value.ename == "ParameterError"
    assert message in caught.value.evalue
    # It stops in the checking cell: the first code cell after the parameters (papermill's
    # injected cell, when there is one, sits between them).
    assert "resolve_parameters" in caught.value.source


@pytest.mark.slow
def test_jobs_change_neither_the_tables_nor_the_reports(tmp_path):
    raw = two_seed_corpus(tmp_path)
    processed = tmp_path / "processed"
    report.build_reports(raw, processed, tmp_path / "one", jobs=1)
    tables = _csv_bytes(processed)
    changes = (processed / "changes.csv").read_bytes()
    # Two first builds, so that changes.csv (and the front page's changes) match too.
    shutil.rmtree(processed)
    report.build_reports(raw, processed, tmp_path / "two", jobs=2)
    assert _csv_bytes(processed) == tables
    assert (processed / "changes.csv").read_bytes() == changes
    one, two = (
        {p.relative_to(d): p.read_bytes() for p in sorted(d.rglob("*")) if p.is_file()}
        for d in (tmp_path / "one", tmp_path / "two")
    )
    assert len(one) >= 10
    assert one == two
    # In a kernel (threads running), jobs = 2 starts its workers from a forkserver.
    own = tmp_path / "kernel"
    nb = report.execute_notebook(
        NOTEBOOKS[0], {"raw_dir": str(raw), "processed_dir": str(own), "jobs": 2}
    )
    assert not _stderr_outputs(nb)
    assert _csv_bytes(own) == tables


# ------------------------------------------------------------------ nbval


def _nbval(path: Path) -> subprocess.CompletedProcess:
    """Run nbval (strict: no --nbval-lax) on one notebook file."""
    return subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            "--nbval",
            "-p",
            "no:cacheprovider",
            "-q",
            "--rootdir",
            str(path.parent),
            str(path),
        ],
        capture_output=True,
        text=True,
        cwd=path.parent,
        check=False,
    )


def _tamper(nb: nbformat.NotebookNode, mimetype: str) -> bool:
    """Change the first number stored under `mimetype` in `nb`; return whether one changed."""
    for cell in nb.cells:
        for output in cell.get("outputs", []):
            data = output.get("data", {})
            if mimetype == CHART_MIMETYPE and CHART_MIMETYPE in data:
                for rows in data[CHART_MIMETYPE]["spec"]["datasets"].values():
                    for row in rows:
                        key = next((k for k in ("value", "low") if isinstance(row.get(k), int)), "")
                        if key:
                            row[key] += 1
                            return True
            elif mimetype == "text/html" and "<td>" in data.get("text/html", ""):
                new = re.sub(
                    r"<td>(\d+)</td>",
                    lambda m: f"<td>{int(m[1]) + 1}</td>",
                    data["text/html"],
                    count=1,
                )
                if new != data["text/html"]:
                    data["text/html"] = new
                    return True
    return False


@pytest.mark.slow
def test_nbval_fails_when_a_chart_or_table_number_changes(tmp_path):
    chart_nb = tmp_path / "chart.ipynb"
    nb = nbformat.read(NOTEBOOKS[1], as_version=4)
    assert _tamper(nb, CHART_MIMETYPE)
    nbformat.write(nb, chart_nb)
    table_nb = tmp_path / "table.ipynb"
    nb = nbformat.read(NOTEBOOKS[0], as_version=4)
    assert _tamper(nb, "text/html")
    nbformat.write(nb, table_nb)
    for path in (chart_nb, table_nb):
        result = _nbval(path)
        assert result.returncode != 0, result.stdout[-2000:]
        assert "1 failed" in result.stdout


@pytest.mark.slow
def test_a_report_prints_no_kernel_warnings(tmp_path, capfd):
    # The kernels' "running over TCP without encryption" warning came once per notebook.
    _report_for(two_seed_corpus(tmp_path), tmp_path)
    err = capfd.readouterr().err
    assert "without encryption" not in err
    assert "WARNING" not in err
