"""Score extracted claims against a hand-annotated gold file.

Two levels: (article, number) pairs for deaths, the measure the project's bar is set on,
and mentions matched by exact character offsets, on which the coding of each field
(qualifier, victim group, source, ...) is compared.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass, field
from pathlib import Path

from tolltrace.model import Claim

FIELDS = ("outcome", "low", "high", "qualifier", "victim_group", "source", "scope")
# Columns of a gold annotation file (tests/gold, tests/heldout, tests/blind).
GOLD_COLUMNS = (
    "article_id",
    "mention",
    "char_start",
    "char_end",
    "outcome",
    "low",
    "high",
    "qualifier",
    "vague_term",
    "victim_group",
    "source",
    "scope",
    "time_text",
    "is_headline",
    "note",
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


def read_gold(path: Path) -> list[dict[str, str]]:
    """The gold rows as dictionaries of strings."""
    with path.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def _ratio(num: int, den: int) -> float:
    return num / den if den else 1.0


def _as_text(value: object) -> str:
    if value is None:
        return ""
    return str(value)


def score(claims: list[Claim], gold: list[dict[str, str]]) -> Score:
    """Compare extracted claims with gold rows (see tests/gold/README.md for the format)."""
    pred_pairs = {(c.article_id, c.low) for c in claims if c.outcome == "killed"}
    gold_pairs = {(g["article_id"], int(g["low"])) for g in gold if g["outcome"] == "killed"}
    pred_by_span = {(c.article_id, c.char_start, c.char_end): c for c in claims}
    gold_by_span = {(g["article_id"], int(g["char_start"]), int(g["char_end"])): g for g in gold}
    matched = pred_by_span.keys() & gold_by_span.keys()
    accuracy: dict[str, float] = {}
    disagreements = []
    for name in FIELDS:
        agree = 0
        for key in sorted(matched):
            predicted = _as_text(getattr(pred_by_span[key], name))
            expected = gold_by_span[key][name]
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
        missed=sorted((k[0], gold_by_span[k]["mention"]) for k in gold_by_span.keys() - matched),
        spurious=sorted((k[0], pred_by_span[k].mention) for k in pred_by_span.keys() - matched),
        disagreements=disagreements,
    )
