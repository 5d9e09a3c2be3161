"""Score tolltrace on the real-article development set (eval/real/).

For every event folder with a `pages.csv`, the texts present in `texts/` are copied into a
temporary raw folder with a manifest built from `pages.csv` and the event's
`corpus.toml`, run through `tolltrace process` (the same call a journalist makes), and the
claims compared with `annotations.csv`:

- an annotation is *found* when a claim's span overlaps the annotated mention (the n-th
  occurrence of `mention` in the text) with the same outcome and figure (`low`);
- `source` is right when the claim's source id is the annotated source (`source_map.csv`
  says which ids name it; strict) or, leniently, a source of the same kind (`officials`, or
  another government body, for a government); an annotation `unattributed` accepts only
  generic ids;
- a *false death toll* is a claim coded `killed` that overlaps no annotated toll at all.

Texts are not in the repository (see GUIDELINES.md for fetching them again); missing
ones are counted and skipped.

    .venv/bin/python eval/real/score.py                  # every event, summary table
    .venv/bin/python eval/real/score.py --details        # and each miss and false toll
    .venv/bin/python eval/real/score.py --annotations second/annotations.csv
"""

from __future__ import annotations

import argparse
import contextlib
import csv
import io
import re
import shutil
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from tolltrace.run.pipeline import process_corpus
from tolltrace.tables.csvio import read_table

HERE = Path(__file__).resolve().parent
MANIFEST_COLUMNS = ("file", "outlet", "url", "published", "language")
GENERIC_IDS = frozenset({"unattributed", "officials", "local_sources", "media", "unnamed_monitor"})
# The generic id a lenient reading accepts for a named source of each kind.
LENIENT_BY_KIND = {"government": "officials", "local": "local_sources", "media": "media",
                   "un": "UN"}  # fmt: skip


@dataclass
class Tally:
    """Counts over one or more events."""

    pages: int = 0
    missing_texts: int = 0
    annotations: dict[str, int] = field(default_factory=dict)
    found: dict[str, int] = field(default_factory=dict)
    matched: int = 0
    value_right: int = 0
    source_strict: int = 0
    source_lenient: int = 0
    group_right: int = 0
    false_deaths: int = 0
    wrong_outcome: int = 0
    details: list[str] = field(default_factory=list)

    def add(self, other: Tally) -> None:
        for name in ("pages", "missing_texts", "matched", "value_right", "source_strict",
                     "source_lenient", "group_right", "false_deaths", "wrong_outcome"):  # fmt: skip
            setattr(self, name, getattr(self, name) + getattr(other, name))
        for name in ("annotations", "found"):
            mine = getattr(self, name)
            for key, value in getattr(other, name).items():
                mine[key] = mine.get(key, 0) + value
        self.details.extend(other.details)


def occurrence_span(text: str, mention: str, occurrence: int) -> tuple[int, int] | None:
    """(start, end) of the n-th occurrence of `mention` (str.find semantics)."""
    at = -1
    for _ in range(max(occurrence, 1)):
        at = text.find(mention, at + 1)
        if at < 0:
            return None
    return at, at + len(mention)


def read_csv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def source_patterns(event: str) -> dict[str, re.Pattern[str]]:
    rows = read_csv(HERE / "source_map.csv")
    return {
        r["source_name"]: re.compile(r["id_pattern"], re.IGNORECASE)
        for r in rows
        if r["event"] == event
    }


def run_event(event_dir: Path, annotations_name: str) -> Tally:
    """Process one event's present texts and compare the claims with its annotations."""
    tally = Tally()
    pages = read_csv(event_dir / "pages.csv")
    texts = event_dir / "texts"
    present = [p for p in pages if (texts / p["file"]).is_file()]
    tally.pages = len(present)
    tally.missing_texts = len(pages) - len(present)
    if not present:
        return tally
    patterns = source_patterns(event_dir.name)
    with tempfile.TemporaryDirectory() as tmp:
        raw, out = Path(tmp) / "raw", Path(tmp) / "out"
        raw.mkdir()
        for page in present:
            shutil.copyfile(texts / page["file"], raw / page["file"])
        with (raw / "articles.csv").open("w", encoding="utf-8", newline="") as fh:
            writer = csv.DictWriter(fh, MANIFEST_COLUMNS, extrasaction="ignore")
            writer.writeheader()
            writer.writerows(present)
        if (event_dir / "corpus.toml").is_file():
            shutil.copyfile(event_dir / "corpus.toml", raw / "corpus.toml")
        with contextlib.redirect_stdout(io.StringIO()):
            process_corpus(raw, out, progress=False)
        claims = read_table(out / "claims.csv")
    text_of = {p["file"]: (texts / p["file"]).read_text(encoding="utf-8") for p in present}
    by_file: dict[str, list[dict]] = {}
    for claim in claims.to_dict("records"):
        by_file.setdefault(claim["file"], []).append(claim)
    covered: set[str] = set()
    annotations = read_csv(event_dir / annotations_name)
    for ann in annotations:
        if ann["file"] not in text_of:
            continue
        outcome = ann["outcome"]
        tally.annotations[outcome] = tally.annotations.get(outcome, 0) + 1
        span = occurrence_span(text_of[ann["file"]], ann["mention"], int(ann["occurrence"] or 1))
        if span is None:
            tally.details.append(f"{event_dir.name}/{ann['file']}: annotation not in text: "
                                 f"{ann['mention']!r}")  # fmt: skip
            continue
        overlapping = [
            c for c in by_file.get(ann["file"], [])
            if c["char_start"] < span[1] and span[0] < c["char_end"]
        ]  # fmt: skip
        for c in overlapping:
            covered.add(c["claim_id"])
        claim = next((c for c in overlapping if int(c["low"]) == int(ann["low"])), None)
        where = f"{event_dir.name}/{ann['file']}@{span[0]}"
        if claim is None:
            tally.details.append(f"MISSED {outcome} {where} {ann['mention']!r}")
            continue
        if claim["outcome"] != outcome:
            tally.wrong_outcome += 1
            tally.details.append(
                f"OUTCOME {where} {ann['mention']!r}: {claim['outcome']} != {outcome}"
            )
            continue
        tally.found[outcome] = tally.found.get(outcome, 0) + 1
        tally.matched += 1
        high = "" if claim["high"] is None or claim["high"] != claim["high"] else str(claim["high"])
        if (high, claim["qualifier"]) == (ann["high"], ann["qualifier"]):
            tally.value_right += 1
        else:
            tally.details.append(
                f"VALUE {where} {ann['mention']!r}: {claim['qualifier']} {high!r} != "
                f"{ann['qualifier']} {ann['high']!r}"
            )
        strict, lenient = _source_right(claim["source"], claim["source_kind"], ann, patterns)
        tally.source_strict += strict
        tally.source_lenient += lenient
        if not strict:
            tally.details.append(
                f"SOURCE {where} {ann['mention']!r}: {claim['source']} != {ann['source_name']}"
                + (" (lenient ok)" if lenient else "")
            )
        if claim["victim_group"] == ann["victim_group"]:
            tally.group_right += 1
        else:
            tally.details.append(
                f"GROUP {where} {ann['mention']!r}: {claim['victim_group']} != "
                f"{ann['victim_group']}"
            )
    for file, file_claims in by_file.items():
        for c in file_claims:
            if c["outcome"] == "killed" and c["claim_id"] not in covered:
                tally.false_deaths += 1
                tally.details.append(
                    f"FALSE {event_dir.name}/{file}@{c['char_start']} {c['mention']!r} "
                    f"coded killed ({c['victim_group']}, {c['source']})"
                )
    return tally


def _source_right(
    source: str, source_kind: str, ann: dict[str, str], patterns: dict[str, re.Pattern[str]]
) -> tuple[bool, bool]:
    name = ann["source_name"]
    if name == "unattributed":
        # A generic id qualified by a country ("officials-ma") is as generic as "officials".
        ok = source in GENERIC_IDS or source[:-3] in GENERIC_IDS
        return ok, ok
    pattern = patterns.get(name)
    strict = bool(pattern and source not in GENERIC_IDS - {"local_sources"}
                  and pattern.search(source))  # fmt: skip
    lenient = (
        strict
        or source == LENIENT_BY_KIND.get(ann["source_kind"])
        or (source_kind == ann["source_kind"] and source not in GENERIC_IDS)
    )
    return strict, lenient


def ratio(num: int, den: int) -> str:
    return f"{num / den:.3f}" if den else "n/a"


def table(rows: list[tuple[str, Tally]]) -> str:
    lines = [
        "| events | pages | killed tolls found | injured found | missing found | value right "
        "| source right (strict) | source right (lenient) | victim group right "
        "| wrong outcome | false death tolls |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for name, t in rows:
        found = [
            f"{t.found.get(o, 0)}/{t.annotations.get(o, 0)} "
            f"({ratio(t.found.get(o, 0), t.annotations.get(o, 0))})"
            for o in ("killed", "injured", "missing")
        ]
        lines.append(
            f"| {name} | {t.pages} | {' | '.join(found)} | {ratio(t.value_right, t.matched)} "
            f"| {ratio(t.source_strict, t.matched)} | {ratio(t.source_lenient, t.matched)} "
            f"| {ratio(t.group_right, t.matched)} | {t.wrong_outcome} | {t.false_deaths} |"
        )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("events", nargs="*", help="event folders (default: all)")
    parser.add_argument("--annotations", default="annotations.csv",
                        help="annotation file inside each event folder")  # fmt: skip
    parser.add_argument("--details", action="store_true", help="list each disagreement")
    args = parser.parse_args(argv)
    names = args.events or sorted(p.name for p in HERE.iterdir() if (p / "pages.csv").is_file())
    rows: list[tuple[str, Tally]] = []
    total = Tally()
    for name in names:
        if not (HERE / name / args.annotations).is_file():
            continue
        tally = run_event(HERE / name, args.annotations)
        rows.append((name, tally))
        total.add(tally)
    rows.append(("all", total))
    print(table(rows))
    if total.missing_texts:
        print(f"\n{total.missing_texts} page texts are missing (see GUIDELINES.md to fetch them)")
    if args.details:
        print("\n" + "\n".join(total.details))
    return 0


if __name__ == "__main__":
    sys.exit(main())
