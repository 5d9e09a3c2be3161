"""docs/data-dictionary.md is what the column definitions give (tolltrace.tables.dictionary)."""

from __future__ import annotations

import subprocess
import sys

from tolltrace import config
from tolltrace.model import TABLES
from tolltrace.tables import dictionary

PAGE = config.PROJECT_ROOT / "docs" / "data-dictionary.md"


def test_the_committed_data_dictionary_is_up_to_date() -> None:
    assert PAGE.read_text(encoding="utf-8") == dictionary.render(), (
        "docs/data-dictionary.md is stale: run `make docs` and commit it"
    )


def test_every_column_of_every_table_is_in_the_dictionary() -> None:
    page = dictionary.render()
    for table in TABLES:
        section = page.split(f"## `{table.file}`", 1)[1].split("\n## ", 1)[0]
        rows = [line for line in section.splitlines() if line.startswith("| `")]
        assert [row.split("`")[1] for row in rows] == list(table.names)


def test_the_module_writes_the_page_to_stdout() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "tolltrace.tables.dictionary"],
        capture_output=True,
        check=True,
        env={"PYTHONIOENCODING": "ascii", "PATH": ""},
    )
    assert done.stdout.decode("utf-8") == dictionary.render()
