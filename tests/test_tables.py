"""tables.write_table/read_table and the schemas of schemas.py."""

from __future__ import annotations

import csv
import datetime as dt
import io
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tolltrace import config
from tolltrace.model import ARTICLE_COLUMNS, CLAIM_COLUMNS
from tolltrace.run.pipeline import process_corpus
from tolltrace.tables import schemas
from tolltrace.tables.csvio import escape_cell, format_float, read_table, unescape_cell, write_table

FORMULA_CELLS = [
    "=1+2",
    "+33 people",
    "-5",
    "@SUM(A1)",
    "'already quoted",
    "''two quotes",
    "\tTab first",
    "\rCR first",
    '=HYPERLINK("http://x","y")',
]


def test_formula_cells_are_escaped_and_restored(tmp_path: Path) -> None:
    plain = ["plain", "", "a=b", "5", "caf\u00e9 \u201cq\u201d", "multi\nline", "comma, inside"]
    df = pd.DataFrame({"mention": FORMULA_CELLS + plain})
    path = tmp_path / "t.csv"
    write_table(df, path)
    written = path.read_text(encoding="utf-8")
    for cell in FORMULA_CELLS:
        assert escape_cell(cell) == "'" + cell
    # No line of the file starts a cell with a formula character.
    for line in written.splitlines()[1:]:
        assert line[:1] not in ("=", "+", "-", "@") or line.startswith('"')
    assert read_table(path)["mention"].tolist() == FORMULA_CELLS + plain


def test_escape_is_exactly_inverted() -> None:
    for cell in [*FORMULA_CELLS, "x", "", "'", "''"]:
        assert unescape_cell(escape_cell(cell)) == cell


def test_numbers_are_not_escaped(tmp_path: Path) -> None:
    df = pd.DataFrame({"low": [-5, 3], "ratio": [-0.5, 1.25]})
    write_table(df, tmp_path / "t.csv")
    assert (tmp_path / "t.csv").read_text() == "low,ratio\n-5,-0.5\n3,1.25\n"


def test_integers_stay_integers_with_missing_values(tmp_path: Path) -> None:
    df = pd.DataFrame({"high": [300.0, None, 1000.0], "n": pd.array([1, None, 2], "Int64")})
    write_table(df, tmp_path / "t.csv")
    assert (tmp_path / "t.csv").read_text() == "high,n\n300,1\n,\n1000,2\n"
    back = read_table(tmp_path / "t.csv")
    assert str(back["high"].dtype) == "Int64"
    assert back["high"].tolist()[0] == 300


def test_booleans_dates_and_floats(tmp_path: Path) -> None:
    df = pd.DataFrame(
        {
            "is_headline": [True, False],
            "flag": pd.array([True, None], "boolean"),
            "date": [dt.date(2025, 3, 8), None],
            "stamp": pd.to_datetime(["2025-03-08", "2025-03-09"]),
            "share": [0.1 + 0.2, 2 / 3],
        }
    )
    write_table(df, tmp_path / "t.csv")
    assert (tmp_path / "t.csv").read_text().splitlines() == [
        "is_headline,flag,date,stamp,share",
        "true,true,2025-03-08,2025-03-08,0.3",
        "false,,,2025-03-09,0.666666666667",
    ]


@pytest.mark.parametrize(
    ("value", "text"), [(3.0, "3"), (0.1 + 0.2, "0.3"), (1e-7, "1e-07"), (float("nan"), "")]
)
def test_format_float(value: float, text: str) -> None:
    assert format_float(value) == text


def test_bare_carriage_return_survives(tmp_path: Path) -> None:
    df = pd.DataFrame({"sentence": ["one\rtwo", "three\r\nfour", "five"], "n": [1, 2, 3]})
    write_table(df, tmp_path / "t.csv")
    back = read_table(tmp_path / "t.csv")
    assert back["sentence"].tolist() == ["one\rtwo", "three\r\nfour", "five"]
    assert back["n"].tolist() == [1, 2, 3]


def test_lf_line_ends_utf8_no_bom(tmp_path: Path) -> None:
    write_table(pd.DataFrame({"a": ["\u00e9"], "b": [1]}), tmp_path / "t.csv")
    data = (tmp_path / "t.csv").read_bytes()
    assert data == "a,b\n\u00e9,1\n".encode()


def test_column_order_is_fixed_by_the_caller(tmp_path: Path) -> None:
    df = pd.DataFrame({"b": [1], "a": [2]})
    write_table(df, tmp_path / "t.csv", columns=["a", "b"])
    assert (tmp_path / "t.csv").read_text() == "a,b\n2,1\n"
    with pytest.raises(KeyError, match="c"):
        write_table(df, tmp_path / "t.csv", columns=["a", "c"])


def test_identical_input_gives_identical_bytes(tmp_path: Path) -> None:
    out1, out2 = tmp_path / "one", tmp_path / "two"
    process_corpus(config.RAW_DIR, out1)
    process_corpus(config.RAW_DIR, out2)
    names = sorted(p.name for p in out1.iterdir())
    assert "claims.csv" in names and "articles.csv" in names
    for name in names:
        assert (out1 / name).read_bytes() == (out2 / name).read_bytes()


def test_read_then_write_reproduces_the_processed_tables(tmp_path: Path) -> None:
    out = tmp_path / "out"
    process_corpus(config.RAW_DIR, out)
    for path in sorted(out.glob("*.csv")):
        table = read_table(path)
        write_table(table, tmp_path / path.name)
        assert (tmp_path / path.name).read_bytes() == path.read_bytes(), path.name


def test_read_table_types_claims(tmp_path: Path) -> None:
    out = tmp_path / "out"
    process_corpus(config.RAW_DIR, out)
    claims = read_table(out / "claims.csv")
    assert list(claims.columns[: len(CLAIM_COLUMNS)]) == list(CLAIM_COLUMNS)
    assert str(claims["low"].dtype) == "Int64"
    assert str(claims["is_headline"].dtype) == "boolean"
    assert claims["time_text"].map(type).eq(str).all()
    articles = read_table(out / "articles.csv")
    assert list(articles.columns) == list(ARTICLE_COLUMNS)


# ---------------------------------------------------------------- schemas


def _claims(tmp_path: Path) -> pd.DataFrame:
    out = tmp_path / "out"
    process_corpus(config.RAW_DIR, out)
    return read_table(out / "claims.csv")


def test_processed_tables_pass_their_schemas(tmp_path: Path) -> None:
    out = tmp_path / "out"
    process_corpus(config.RAW_DIR, out)
    for path in out.glob("*.csv"):
        schemas.validate_table(path.stem, read_table(path))


@pytest.mark.parametrize(
    ("column", "value", "check"),
    [
        ("outcome", "arrested", "isin"),
        ("qualifier", "roughly", "isin"),
        ("victim_group", "aliens", "isin"),
        ("low", -1, "greater_than_or_equal_to"),
        ("char_end", 0, "char_end > char_start"),
        ("claim_id", "wrong-id", "claim_id == article_id@char_start"),
        ("mention", "", "str_length"),
        ("mention", "x", "len(mention) == char_end - char_start"),
        ("high", 0, "high >= low"),
    ],
)
def test_a_bad_claim_row_fails_loudly(tmp_path: Path, column: str, value, check: str) -> None:
    claims = _claims(tmp_path)
    if claims.empty:
        pytest.skip("needs claims from the extractor")
    claims[column] = claims[column].astype(object)
    claims.loc[0, column] = value
    with pytest.raises(schemas.TableValidationError) as caught:
        schemas.validate_table("claims", claims)
    assert str(caught.value).startswith("claims.csv failed its schema check")
    assert check in str(caught.value)


def test_a_bad_ledger_row_fails_loudly(tmp_path: Path) -> None:
    out = tmp_path / "out"
    process_corpus(config.RAW_DIR, out)
    articles = read_table(out / "articles.csv")
    articles.loc[0, "status"] = "fine"
    with pytest.raises(schemas.TableValidationError, match="articles.csv"):
        schemas.validate_table("articles", articles)
    articles = read_table(out / "articles.csv")
    articles.loc[1, "duplicate_of"] = articles.loc[0, "article_id"]
    with pytest.raises(schemas.TableValidationError, match="duplicate_of"):
        schemas.validate_table("articles", articles)


def test_analysis_tables_check_their_columns() -> None:
    releases = pd.DataFrame(
        {
            "release_id": ["SOHR|civilians|killed|311"],
            "source": ["SOHR"],
            "series": ["civilians"],
            "place_id": [""],
            "place_kind": ["event"],
            "place": [""],
            "victim_group": ["civilians"],
            "outcome": ["killed"],
            "scope": ["cumulative"],
            "low": [311],
            "high": [311],
            "qualifier": ["exact"],
            "figure": ["311"],
            "as_of_first": ["2025-03-08"],
            "as_of_last": ["2025-03-08"],
            "series_order": [1],
            "order_basis": ["time"],
            "n_mentions": [2],
            "n_articles": [2],
            "n_outlets": [1],
            "article_ids": ["a; b"],
            "outlets": ["reuters"],
            "stated_previous": [False],
            "extra_column": ["allowed"],
        }
    )
    schemas.validate_table("releases", releases)
    bad = releases.assign(order_basis=["guess"])
    with pytest.raises(schemas.TableValidationError, match="releases.csv"):
        schemas.validate_table("releases", bad)
    for column in ("series_order", "figure"):
        with pytest.raises(schemas.TableValidationError, match=column):
            schemas.validate_table("releases", releases.drop(columns=column))
    with pytest.raises(schemas.TableValidationError, match="series"):
        schemas.validate_table("releases", releases.assign(series=["people"]))


def test_estimates_and_consistency_schemas() -> None:
    estimates = pd.DataFrame(
        {
            "date": ["2025-03-08"],
            "victim_group": ["civilians"],
            "series": ["civilians"],
            "outcome": ["killed"],
            "low": [311],
            "best": [400],
            "high": [745],
            "sources": ["SOHR"],
            "grade": ["single_source"],
            "n_sources": [1],
            "n_releases": [2],
            "best_source": ["SOHR"],
            "best_release_id": ["SOHR|civilians|killed|400"],
            "note": [""],
        }
    )
    schemas.validate_table("estimates", estimates)
    with pytest.raises(schemas.TableValidationError, match="low <= best"):
        schemas.validate_table("estimates", estimates.assign(low=[500]))
    with pytest.raises(schemas.TableValidationError, match="grade"):
        schemas.validate_table("estimates", estimates.assign(grade=["single source"]))
    with pytest.raises(schemas.TableValidationError, match="repeated"):
        schemas.validate_table("estimates", pd.concat([estimates, estimates]))
    consistency = pd.DataFrame(
        {
            "article_id": ["a"],
            "source": ["SOHR"],
            "outcome": ["killed"],
            "total_claim_id": ["a@10"],
            "total_group": ["all"],
            "total_value": [524],
            "total_qualifier": ["exact"],
            "part_claim_ids": ["a@20; a@40"],
            "part_groups": ["civilians; combatants"],
            "parts_sum": [524],
            "check": ["algebra"],
            "status": ["consistent"],
            "note": ["311 civilians + 213 combatants = 524 against exact 524"],
        }
    )
    schemas.validate_table("consistency", consistency)
    with pytest.raises(schemas.TableValidationError, match="consistency.csv"):
        schemas.validate_table("consistency", consistency.assign(status=["maybe"]))


def test_repeated_claim_id_fails_loudly(tmp_path: Path) -> None:
    claims = _claims(tmp_path)
    doubled = pd.concat([claims, claims.iloc[[0]]], ignore_index=True)
    with pytest.raises(schemas.TableValidationError, match="repeated claim_id"):
        schemas.validate_table("claims", doubled)


def test_a_bad_row_in_a_later_slice_is_found(tmp_path: Path, monkeypatch) -> None:
    claims = _claims(tmp_path)
    monkeypatch.setattr(schemas, "VALIDATE_CHUNK_ROWS", 2)
    schemas.validate_table("claims", claims)
    claims["outcome"] = claims["outcome"].astype(object)
    claims.loc[len(claims) - 1, "outcome"] = "arrested"
    with pytest.raises(schemas.TableValidationError, match="arrested"):
        schemas.validate_table("claims", claims)


_CELL_TEXT = st.text(alphabet=st.sampled_from(list("ab ,\"\n\r'=-é’")), max_size=6)


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    rows=st.lists(st.tuples(_CELL_TEXT, _CELL_TEXT, st.integers(-5, 5)), max_size=8),
    category=st.booleans(),
)
def test_writer_quotes_as_the_csv_module_does_plus_bare_cr(
    tmp_path: Path, rows: list[tuple[str, str, int]], category: bool
) -> None:
    """write_table's own quoting equals csv.writer's QUOTE_MINIMAL, except that a field
    with a bare CR is quoted too (the csv module leaves it bare with "\\n" line ends)."""
    df = pd.DataFrame(rows, columns=["a", "b", "n"]).astype({"a": str, "b": str, "n": "int64"})
    if category:
        df["a"] = df["a"].astype("category")
    path = tmp_path / "t.csv"
    write_table(df, path)
    lines = ["a,b,n"]
    for a, b, n in rows:
        lines.append(
            ",".join(_csv_module_cell(c) for c in (escape_cell(a), escape_cell(b), str(n)))
        )
    assert path.read_bytes().decode("utf-8") == "\n".join(lines) + "\n"
    assert read_table(path)["b"].tolist() == [b for _, b, _ in rows]


def _csv_module_cell(cell: str) -> str:
    """One cell as the csv module writes it in a row of several, a bare CR quoted too."""
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\n").writerow([cell, "x"])
    written = buffer.getvalue()[: -len(",x\n")]
    if "\r" in cell and not written.startswith('"'):
        written = '"' + cell.replace('"', '""') + '"'
    return written


def test_one_column_table_keeps_empty_rows_visible(tmp_path: Path) -> None:
    """A lone empty cell is written as "" (as the csv module writes it), not a blank line."""
    path = tmp_path / "one.csv"
    write_table(pd.DataFrame({"a": ["x", "", "y"]}), path)
    assert path.read_text(encoding="utf-8") == 'a\nx\n""\ny\n'
    assert read_table(path)["a"].tolist() == ["x", "", "y"]
