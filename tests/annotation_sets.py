"""The annotated evaluation sets: where each set's labels and article texts are.

Labels are `tests/annotations/<set>/labels.csv`, read by `tolltrace.evaluate.
load_annotations`. The article texts stay where the other tests read them
(tests/test_eras.py searches the heldout, blind and periods texts); the seeds' texts are
the shipped data/raw.
"""

from __future__ import annotations

from pathlib import Path

from tolltrace import config
from tolltrace.evaluate import Annotation, load_annotations
from tolltrace.extract import extract_claims
from tolltrace.model import Claim

TESTS = Path(__file__).resolve().parent
ANNOTATIONS = TESTS / "annotations"
ARTICLES = {
    "gold": config.RAW_DIR,
    "heldout": TESTS / "heldout" / "articles",
    "blind": TESTS / "blind" / "articles",
    "chartable": TESTS / "chartable" / "articles",
    "periods-probe": TESTS / "periods" / "probe" / "articles",
    "periods-blind": TESTS / "periods" / "blind" / "articles",
}


def annotations(name: str) -> list[Annotation]:
    """The hand annotations of one set, their offsets checked against its texts."""
    return load_annotations(ANNOTATIONS / name, ARTICLES[name])


def article_paths(name: str) -> list[Path]:
    return sorted(ARTICLES[name].glob("*.txt"))


def extracted_claims(name: str) -> list[Claim]:
    """What the extractor finds in the set's articles, in article order."""
    claims: list[Claim] = []
    for path in article_paths(name):
        claims.extend(extract_claims(path.read_text(encoding="utf-8"), path.stem))
    return claims
