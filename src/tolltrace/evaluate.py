"""Hand-annotated evaluation sets: one loader, and the score of extracted claims.

Every evaluation set is a folder with a `labels.csv` (one row per annotated mention) and a
README; `load_annotations` reads any of them into typed `Annotation` rows. `score` then
compares extracted claims with the rows of a set at two levels: (article, number) pairs
for deaths, the measure the project's bar is set on, and mentions matched by exact
character offsets, on which the coding of each field (qualifier, victim group, source, ...)
is compared.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from tolltrace.model import Claim, Outcome, Qualifier, Scope, VictimGroup

FIELDS = ("outcome", "low", "high", "qualifier", "victim_group", "source", "scope")
LABELS_NAME = "labels.csv"
# The columns a labels.csv may have, in the order they are written. Only `article_id`,
# `mention` and one of `anchor` or `char_start` are required; a set leaves out (or leaves
# empty) the columns it does not annotate.
ANNOTATION_COLUMNS = (
    "article_id",
    "anchor",
    "char_start",
    "mention",
    "outcome",
    "low",
    "high",
    "qualifier",
    "vague_term",
    "victim_group",
    "source",
    "scope",
    "time_text",
    "is_previous",
    "part_of_char_start",
    "chart_ok",
    "period",
    "note",
)
PERIODS = ("current", "other")
# Qualifiers whose `high` is open (empty); `exact`, `about` and `up_to` have high == low,
# and `range` has high > low.
OPEN_QUALIFIERS = (Qualifier.MORE_THAN, Qualifier.AT_LEAST, Qualifier.VAGUE)


@dataclass(frozen=True, slots=True)
class Annotation:
    """One hand-annotated mention of a toll in one article of an evaluation set.

    The offsets index the article's text decoded as UTF-8 (`text[char_start:char_end] ==
    mention`). They are computed from `anchor`, a phrase that occurs once in the article
    and contains the mention once, or, in sets labelled with offsets, read from the file
    and checked. `is_headline` is computed too: the mention ends in the title line, a
    first line followed by a blank line. Text fields a set does not annotate are empty,
    and typed ones None.
    """

    article_id: str
    mention: str
    char_start: int
    char_end: int
    is_headline: bool
    anchor: str = ""
    outcome: str = ""
    low: int | None = None
    high: int | None = None
    qualifier: str = ""
    vague_term: str = ""
    victim_group: str = ""
    source: str = ""
    scope: str = ""
    time_text: str = ""
    is_previous: bool | None = None
    part_of_char_start: int | None = None
    chart_ok: bool | None = None
    period: str = ""
    note: str = ""


class AnnotationError(ValueError):
    """A labels.csv that cannot be read, or rows that do not fit their articles."""


def load_annotations(set_dir: Path, articles: Path | None = None) -> list[Annotation]:
    """The rows of `set_dir/labels.csv`, in file order, checked against the article texts.

    The texts are `articles/<article_id>.txt` (by default `set_dir/articles`), read as
    UTF-8 without BOM or CR. Every problem found is reported at once, by line number.
    """
    set_dir = Path(set_dir)
    folder = set_dir / "articles" if articles is None else Path(articles)
    path = set_dir / LABELS_NAME
    with path.open(encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh)
        columns = reader.fieldnames or []
        unknown = [c for c in columns if c not in ANNOTATION_COLUMNS]
        if unknown or not {"article_id", "mention"} <= set(columns):
            raise AnnotationError(f"{path}: unknown columns {unknown} or no article_id/mention")
        if not {"anchor", "char_start"} & set(columns):
            raise AnnotationError(f"{path}: neither an anchor nor a char_start column")
        rows = [(reader.line_num, row) for row in reader]
    texts: dict[str, str] = {}
    errors: list[str] = []
    out: list[Annotation] = []
    first_line: dict[tuple[str, int], int] = {}
    for line, row in rows:
        try:
            article_id = row["article_id"]
            if article_id not in texts:
                texts[article_id] = _article_text(folder / f"{article_id}.txt")
            annotation = _annotation(row, texts[article_id])
        except (AnnotationError, OSError) as exc:
            errors.append(f"line {line}: {exc}")
            continue
        first = first_line.setdefault((annotation.article_id, annotation.char_start), line)
        if first != line:
            errors.append(f"line {line}: the same mention as line {first}")
        out.append(annotation)
    if errors:
        raise AnnotationError(f"{path}:\n  " + "\n  ".join(errors))
    return out


def _article_text(path: Path) -> str:
    data = path.read_bytes()
    if data.startswith(b"\xef\xbb\xbf") or b"\r" in data:
        raise AnnotationError(f"{path.name} has a BOM or CR characters")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise AnnotationError(f"{path.name} is not UTF-8: {exc}") from None


def _headline_end(text: str) -> int:
    """End of the title line: the first line, when a blank line follows it; else 0."""
    first, sep, rest = text.partition("\n")
    return len(first) if sep and rest.startswith("\n") else 0


def _int(row: dict[str, str], name: str) -> int | None:
    value = row.get(name) or ""
    try:
        return int(value) if value else None
    except ValueError:
        raise AnnotationError(f"{name} {value!r} is not a whole number") from None


def _bool(row: dict[str, str], name: str) -> bool | None:
    value = row.get(name) or ""
    if value not in ("", "true", "false"):
        raise AnnotationError(f"{name} {value!r} is neither true nor false")
    return None if not value else value == "true"


def _one_of(row: dict[str, str], name: str, allowed: Iterable[str]) -> str:
    value = row.get(name) or ""
    names = sorted(str(v) for v in allowed)
    if value and value not in names:
        raise AnnotationError(f"{name} {value!r} is not one of {names}")
    return value


def _offsets(row: dict[str, str], text: str) -> int:
    """Where the mention starts: found through its anchor, or read and checked."""
    mention, anchor = row["mention"], row.get("anchor") or ""
    typed = _int(row, "char_start")
    if not mention or bool(anchor) == (typed is not None):
        raise AnnotationError("needs a mention and exactly one of anchor or char_start")
    if typed is not None:
        if text[typed : typed + len(mention)] != mention:
            raise AnnotationError(f"{mention!r} is not at char_start {typed}")
        return typed
    if text.count(anchor) != 1:
        raise AnnotationError(f"anchor {anchor!r} occurs {text.count(anchor)} times")
    if anchor.count(mention) != 1:
        raise AnnotationError(f"mention {mention!r} is not once in anchor {anchor!r}")
    return text.index(anchor) + anchor.index(mention)


def _annotation(row: dict[str, str], text: str) -> Annotation:
    start = _offsets(row, text)
    end = start + len(row["mention"])
    low, high = _int(row, "low"), _int(row, "high")
    qualifier = _one_of(row, "qualifier", tuple(Qualifier))
    if qualifier and low is not None:
        if qualifier in OPEN_QUALIFIERS:
            agrees = high is None
        elif qualifier == "range":
            agrees = high is not None and high > low
        else:
            agrees = high == low
        if not agrees:
            raise AnnotationError(f"low {low} and high {high} do not fit {qualifier}")
    # Checked where the set has the column (a DictReader row holds every column of the file).
    if "vague_term" in row and bool(row["vague_term"]) != (qualifier == "vague"):
        raise AnnotationError("vague_term is given exactly when the qualifier is vague")
    time_text = row.get("time_text") or ""
    if time_text and time_text not in text:
        raise AnnotationError(f"time_text {time_text!r} is not in the article")
    return Annotation(
        article_id=row["article_id"],
        mention=row["mention"],
        char_start=start,
        char_end=end,
        is_headline=end <= _headline_end(text),
        anchor=row.get("anchor") or "",
        outcome=_one_of(row, "outcome", tuple(Outcome)),
        low=low,
        high=high,
        qualifier=qualifier,
        vague_term=row.get("vague_term") or "",
        victim_group=_one_of(row, "victim_group", tuple(VictimGroup)),
        source=row.get("source") or "",
        scope=_one_of(row, "scope", tuple(Scope)),
        time_text=time_text,
        is_previous=_bool(row, "is_previous"),
        part_of_char_start=_int(row, "part_of_char_start"),
        chart_ok=_bool(row, "chart_ok"),
        period=_one_of(row, "period", PERIODS),
        note=row.get("note") or "",
    )


@dataclass
class Score:
    """Precision/recall of death pairs and mentions, and per-field agreement."""

    pair_precision: float
    pair_recall: float
    mention_precision: float
    mention_recall: float
    field_accuracy: dict[str, float]
    missed: list[tuple[str, str]] = field(default_factory=list)
    spurious: list[tuple[str, str]] = field(default_factory=list)
    disagreements: list[str] = field(default_factory=list)

    def report(self) -> str:
        """A short plain-text summary for test output and notes."""
        lines = [
            f"death (article, number) pairs: precision {self.pair_precision:.3f}, "
            f"recall {self.pair_recall:.3f}",
            f"mentions by exact offsets: precision {self.mention_precision:.3f}, "
            f"recall {self.mention_recall:.3f}",
        ]
        lines += [f"  {name}: {acc:.3f}" for name, acc in self.field_accuracy.items()]
        lines += [f"  missed: {m}" for m in self.missed]
        lines += [f"  spurious: {s}" for s in self.spurious]
        lines += [f"  disagrees: {d}" for d in self.disagreements]
        return "\n".join(lines)


def _ratio(num: int, den: int) -> float:
    return num / den if den else 1.0


def _as_text(value: object) -> str:
    if value is None:
        return ""
    return str(value)


def score(claims: list[Claim], gold: list[Annotation]) -> Score:
    """Compare extracted claims with the annotations of a set (see `load_annotations`)."""
    pred_pairs = {(c.article_id, c.low) for c in claims if c.outcome == "killed"}
    gold_pairs = {(g.article_id, g.low) for g in gold if g.outcome == "killed"}
    pred_by_span = {(c.article_id, c.char_start, c.char_end): c for c in claims}
    gold_by_span = {(g.article_id, g.char_start, g.char_end): g for g in gold}
    matched = pred_by_span.keys() & gold_by_span.keys()
    accuracy: dict[str, float] = {}
    disagreements = []
    for name in FIELDS:
        agree = 0
        for key in sorted(matched):
            predicted = _as_text(getattr(pred_by_span[key], name))
            expected = _as_text(getattr(gold_by_span[key], name))
            if predicted == expected:
                agree += 1
            else:
                disagreements.append(f"{key[0]}@{key[1]} {name}: {predicted!r} != {expected!r}")
        accuracy[name] = _ratio(agree, len(matched))
    return Score(
        pair_precision=_ratio(len(pred_pairs & gold_pairs), len(pred_pairs)),
        pair_recall=_ratio(len(pred_pairs & gold_pairs), len(gold_pairs)),
        mention_precision=_ratio(len(matched), len(pred_by_span)),
        mention_recall=_ratio(len(matched), len(gold_by_span)),
        field_accuracy=accuracy,
        missed=sorted((k[0], gold_by_span[k].mention) for k in gold_by_span.keys() - matched),
        spurious=sorted((k[0], pred_by_span[k].mention) for k in pred_by_span.keys() - matched),
        disagreements=disagreements,
    )
