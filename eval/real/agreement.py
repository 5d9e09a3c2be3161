"""Agreement between the two blind annotations of the pages both annotators read.

Rows of `second/annotations.csv` and `annotations.csv` are paired by overlapping spans in
the same file (the n-th occurrence of `mention`); texts must be present.

    .venv/bin/python eval/real/agreement.py
"""

from __future__ import annotations

from pathlib import Path

from score import occurrence_span, read_csv

HERE = Path(__file__).resolve().parent
FIELDS = ("outcome", "low", "high", "qualifier", "victim_group", "source_name", "scope",
          "is_previous", "is_part", "chart_ok")  # fmt: skip


def spans(event: Path, rows: list[dict[str, str]]) -> dict[tuple[str, int, int], dict]:
    found = {}
    for row in rows:
        text = (event / "texts" / row["file"]).read_text(encoding="utf-8")
        span = occurrence_span(text, row["mention"], int(row["occurrence"] or 1))
        if span is not None:
            found[(row["file"], *span)] = row
    return found


def main() -> None:
    both = only_first = only_second = 0
    agree = dict.fromkeys(FIELDS, 0)
    for event in sorted(p for p in HERE.iterdir() if (p / "second" / "annotations.csv").is_file()):
        second = spans(event, read_csv(event / "second" / "annotations.csv"))
        files = {key[0] for key in second}
        first = spans(event, [r for r in read_csv(event / "annotations.csv") if r["file"] in files])
        paired = set()
        for key, row in second.items():
            match = next(
                (k for k in first if k[0] == key[0] and k[1] < key[2] and key[1] < k[2]), None
            )
            if match is None:
                only_second += 1
                continue
            paired.add(match)
            both += 1
            for name in FIELDS:
                agree[name] += row[name] == first[match][name]
        only_first += len(set(first) - paired)
    print(
        f"tolls both annotated: {both}; only the first: {only_first}; "
        f"only the second: {only_second}"
    )
    for name in FIELDS:
        print(f"  {name}: {agree[name]}/{both} agree")


if __name__ == "__main__":
    main()
