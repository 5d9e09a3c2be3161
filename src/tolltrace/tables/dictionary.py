"""The data dictionary (docs/data-dictionary.md), written from the column definitions.

`python -m tolltrace.tables.dictionary > docs/data-dictionary.md` (`make docs`) rewrites
it; a test fails when the committed page differs from what the definitions give.
"""

from __future__ import annotations

import sys

from tolltrace.model import ARTICLE_SCORES, CLAIMS, TABLES, Column, Kind, Table

INTRO = """\
# Data dictionary

<!-- Generated from src/tolltrace/model/columns.py by `make docs`; do not edit by hand. -->

Every column of the tables `tolltrace process` writes, generated from their single
definition in `src/tolltrace/model/columns.py` (`make docs`; a test fails when this page
is out of date).

All tables are UTF-8 CSV with `\\n` line ends, integers as integers, `true`/`false`, and
empty cells for missing values. Text cells that begin with `=`, `+`, `-`, `@`, `'`, tab
or CR are written with a leading `'` so that a spreadsheet does not run them as
formulas; `tolltrace.tables.csvio.read_table` removes exactly that `'`. Every table is
checked against a pandera schema built from the same definitions
(`src/tolltrace/tables/schemas.py`) before it is written; a bad row stops the run with a
message naming the table.
"""


def _code(name: str) -> str:
    return f"`{name}`"


def _names(names: tuple[str, ...]) -> str:
    """`a`, or (`a`, `b`)."""
    if len(names) == 1:
        return _code(names[0])
    return "(" + ", ".join(_code(n) for n in names) + ")"


def _one_of(values: list[str]) -> str:
    """`a`, `b` or `c`."""
    if len(values) == 1:
        return values[0]
    return ", ".join(values[:-1]) + " or " + values[-1]


def cell_type(column: Column) -> str:
    """What a column's cells may hold, in words."""
    if column.values is not None:
        allowed = [_code(member.value) for member in column.values]
        return _one_of([*allowed, "empty"] if column.empty else allowed)
    pattern = column.text_pattern
    if column.kind is Kind.INT:
        text = "integer" if column.ge is None else f"integer ≥ {column.ge}"
    elif column.kind is Kind.BOOL:
        text = "`true`/`false`"
    elif column.kind is Kind.NUMBER:
        text = "number"
    elif pattern is not None:
        text = pattern.label
    elif column.empty or column.min_length <= 1:
        text = "text"
    else:
        text = f"text of at least {column.min_length} characters"
    return f"{text} or empty" if column.empty else text


def _row(*cells: str) -> str:
    return "| " + " | ".join(cell.replace("|", "\\|") for cell in cells) + " |"


def table_section(table: Table) -> str:
    """The section of one table: its heading, what a row is, its order and its columns."""
    title = _code(table.file) if table.written else _code(f"{table.name}()")
    lines = [f"## {title} — {table.title}", "", table.about, ""]
    order = f"Sorted by {_names(table.sort_keys)}"
    if table.unique:
        order += f"; {_names(table.unique)} is unique"
    lines += [order + ".", ""]
    with_origin = table is CLAIMS
    header = ("column", "type", "from", "meaning") if with_origin else ("column", "type", "meaning")
    lines += [_row(*header), _row(*("---" for _ in header))]
    for column in table.columns:
        cells = [_code(column.name), cell_type(column)]
        if with_origin:
            cells.append(str(column.origin or ""))
        lines.append(_row(*cells, column.meaning))
    return "\n".join(lines) + "\n"


def render() -> str:
    """The whole data dictionary as Markdown."""
    contents = [f"- [{_code(t.file)}](#{t.name}csv) — {t.title}" for t in TABLES]
    sections = [table_section(table) for table in TABLES]
    scores = table_section(ARTICLE_SCORES)
    return "\n".join([INTRO, "\n".join(contents) + "\n", *sections, scores])


def main() -> None:
    """Write the data dictionary to stdout as UTF-8, whatever the locale."""
    sys.stdout.reconfigure(encoding="utf-8", newline="\n")
    sys.stdout.write(render())


if __name__ == "__main__":
    main()
