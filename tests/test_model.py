"""The single definition of the tables' columns (tolltrace.model.columns)."""

from __future__ import annotations

import ast
import pathlib

import pytest

from tolltrace.model import (
    CLAIMS,
    EXTRACTED_CLAIM_COLUMNS,
    TABLES,
    Claim,
    Kind,
)
from tolltrace.model.columns import kinds_by_name

_KIND_OF_ANNOTATION = {"str": Kind.TEXT, "int": Kind.INT, "int | None": Kind.INT, "bool": Kind.BOOL}


def test_the_extractor_columns_are_the_claim_fields_in_order() -> None:
    assert tuple(Claim.__dataclass_fields__) == EXTRACTED_CLAIM_COLUMNS
    for name, spec in Claim.__dataclass_fields__.items():
        column = CLAIMS.column(name)
        assert column.kind is _KIND_OF_ANNOTATION[str(spec.type)], name
        if column.kind is not Kind.TEXT:  # empty text is "", not None
            assert column.empty == str(spec.type).endswith("None"), name


def test_an_unknown_column_name_fails() -> None:
    with pytest.raises(KeyError, match="claims.csv has no column 'lo'"):
        CLAIMS.select("article_id", "lo")


def test_a_name_has_one_kind_in_every_table() -> None:
    kinds = kinds_by_name()
    for table in TABLES:
        for column in table.columns:
            assert kinds[column.name] is column.kind


def test_the_model_imports_neither_pandas_nor_pandera() -> None:
    folder = pathlib.Path(__file__).parents[1] / "src" / "tolltrace" / "model"
    for path in folder.glob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import | ast.ImportFrom):
                names = [a.name for a in node.names] if isinstance(node, ast.Import) else []
                names.append(getattr(node, "module", None) or "")
                assert not any(n.split(".")[0] in ("pandas", "pandera") for n in names), path
