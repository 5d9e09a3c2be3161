"""Build a seeded synthetic corpus for the benchmark by recombining the shipped articles.

Every synthetic article is a headline (sometimes), a lead paragraph and a handful of body
paragraphs taken from the articles in data/raw/, some of them rebuilt from sentences of
different articles. Numbers are rescaled, sources swapped for other monitors and officials,
and weekday names rotated, so the extractor meets varied tolls rather than five texts
over and over. The output is a raw folder like data/raw/: the .txt files, an articles.csv
manifest and a corpus.toml. The same seed and size give a byte-identical folder.

    .venv/bin/python benchmarks/build_corpus.py --size 10000      # → benchmarks/corpora/n10000
    .venv/bin/python benchmarks/build_corpus.py --size 50 --out /tmp/c
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import json
import random
import re
import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from tolltrace import config

BENCH_DIR = Path(__file__).resolve().parent
CORPORA_DIR = BENCH_DIR / "corpora"
DEFAULT_SEED = 20250306
EVENT_START = "2025-03-06"
MANIFEST_COLUMNS = ("file", "outlet", "url", "published", "language", "sha256", "notes")

WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
WEEKDAY_RE = re.compile(r"\b(" + "|".join(WEEKDAYS) + r")\b")
# A digit run with optional thousands separators; not a year ("13-year"), not a share ("10%").
NUMBER_RE = re.compile(r"(?<![\w.,])\d{1,3}(?:,\d{3})+(?![\w%-])|(?<![\w.,])\d+(?![\w%-])")
SENTENCE_SPLIT_RE = re.compile(r"(?<=[.!?”\"])\s+(?=[A-Z“\"])")

# Monitors the SOHR mentions can be swapped for: (full name, short form, "the ..." form).
MONITORS = (
    ("Syrian Observatory for Human Rights", "SOHR", "Observatory"),
    ("Syrian Network for Human Rights", "SNHR", "Network"),
    ("Syria Civil Defence", "White Helmets", "Civil Defence"),
    ("UN human rights office", "OHCHR", "UN office"),
    ("Violations Documentation Center", "VDC", "Center"),
)
OFFICIALS = (
    "a Syrian security official",
    "an interior ministry spokesperson",
    "a defence ministry source",
    "a local health official",
    "a UN spokesperson",
    "a provincial governor",
)
LOCAL_SOURCES = ("Local sources", "Residents", "Medical sources", "Activists", "Hospital staff")
OUTLETS = (
    "",
    "Reuters",
    "AFP",
    "Associated Press",
    "The Sudan Times",
    "Tehran Times",
    "Al Jazeera",
    "BBC News",
    "The National",
    "Middle East Eye",
    "Enab Baladi",
)
BOILERPLATE = ("Scroll to Top", "Leave a Comment", "Share this article", "Read more")


@dataclass(frozen=True)
class Pools:
    """The pieces synthetic articles are assembled from."""

    headlines: tuple[str, ...]
    leads: tuple[str, ...]
    paragraphs: tuple[str, ...]
    sentences: tuple[str, ...]


def load_pools(raw_dir: Path = config.RAW_DIR) -> Pools:
    """Split every shipped article into headline, lead, body paragraphs and sentences."""
    headlines: list[str] = []
    leads: list[str] = []
    paragraphs: list[str] = []
    sentences: list[str] = []
    for path in sorted(raw_dir.glob("*.txt")):
        lines = [line.strip() for line in path.read_text(encoding="utf-8").splitlines()]
        blocks = [line for line in lines if line and line not in BOILERPLATE]
        if blocks and _is_heading(blocks[0]):
            headlines.append(blocks.pop(0))
        lead = next((i for i, block in enumerate(blocks) if not _is_heading(block)), None)
        if lead is not None:
            leads.append(blocks[lead])
            paragraphs.extend(blocks[:lead] + blocks[lead + 1 :])
            for block in blocks:
                sentences.extend(s for s in SENTENCE_SPLIT_RE.split(block) if len(s) > 30)
    return Pools(tuple(headlines), tuple(leads), tuple(paragraphs), tuple(sentences))


def _is_heading(line: str) -> bool:
    """Short lines without closing punctuation are headlines or section heads."""
    return len(line) < 100 and not line.endswith((".", "”", '"', ":", "?"))


def _rescale_numbers(text: str, rng: random.Random) -> str:
    """Replace each number with a random one of similar magnitude (0.5× to 2×)."""

    def repl(match: re.Match[str]) -> str:
        value = int(match.group().replace(",", ""))
        if value < 2:
            return match.group()
        new = max(2, round(value * rng.uniform(0.5, 2.0)))
        return f"{new:,}" if new >= 1000 else str(new)

    return NUMBER_RE.sub(repl, text)


def _swap_sources(text: str, rng: random.Random) -> str:
    """Swap the monitor, officials and local sources for others, consistently per article."""
    full, short, generic = rng.choice(MONITORS)
    if full != MONITORS[0][0]:
        text = text.replace("Rami Abdulrahman", f"A spokesperson for the {short}")
        text = text.replace("Abdulrahman", f"The {short} spokesperson")
    text = text.replace(MONITORS[0][0], full)
    text = re.sub(r"\bSOHR\b", short, text)
    text = text.replace("the Observatory", f"the {generic}")
    text = text.replace("The Observatory", f"The {generic}")
    text = text.replace("a Syrian security official", rng.choice(OFFICIALS))
    return text.replace("Local sources", rng.choice(LOCAL_SOURCES))


def _rotate_weekdays(text: str, rng: random.Random) -> str:
    """Shift every weekday name by the same random number of days."""
    shift = rng.randrange(7)
    if shift == 0:
        return text
    return WEEKDAY_RE.sub(lambda m: WEEKDAYS[(WEEKDAYS.index(m.group()) + shift) % 7], text)


def synth_article(pools: Pools, rng: random.Random) -> str:
    """One synthetic article: optional headline, a lead and 3–12 body paragraphs."""
    parts: list[str] = []
    if pools.headlines and rng.random() < 0.5:
        parts.append(rng.choice(pools.headlines))
    parts.append(rng.choice(pools.leads))
    for _ in range(rng.randint(3, 12)):
        if rng.random() < 0.3:
            parts.append(" ".join(rng.choice(pools.sentences) for _ in range(rng.randint(2, 4))))
        else:
            parts.append(rng.choice(pools.paragraphs))
    if rng.random() < 0.2:
        parts.append(rng.choice(BOILERPLATE))
    separator = "\n\n" if rng.random() < 0.5 else "\n"
    text = separator.join(parts) + "\n"
    text = _swap_sources(text, rng)
    text = _rotate_weekdays(text, rng)
    return _rescale_numbers(text, rng)


def _manifest_row(file: str, data: bytes, rng: random.Random, seed: int) -> dict[str, str]:
    """A manifest row with a varied outlet and, for most articles, a publication date."""
    outlet = rng.choice(OUTLETS)
    published = "" if rng.random() < 0.3 else f"2025-03-{rng.randint(6, 14):02d}"
    return {
        "file": file,
        "outlet": outlet,
        "url": f"https://example.org/bench/{file.removesuffix('.txt')}" if outlet else "",
        "published": published,
        "language": "en",
        "sha256": hashlib.sha256(data).hexdigest(),
        "notes": f"Synthetic benchmark article (build_corpus.py, seed {seed}).",
    }


def iter_articles(size: int, seed: int, pools: Pools) -> Iterator[tuple[str, bytes]]:
    """Yield (file name, bytes) for `size` distinct synthetic articles, deterministically."""
    rng = random.Random(seed)
    seen: set[str] = set()
    index = 0
    while index < size:
        text = synth_article(pools, rng)
        # The pipeline drops copies differing only in whitespace; a benchmark must not.
        key = hashlib.sha256(" ".join(text.split()).encode()).hexdigest()
        if key in seen:
            continue
        seen.add(key)
        data = text.encode("utf-8")
        yield f"{index:06d}_{hashlib.sha256(data).hexdigest()[:16]}.txt", data
        index += 1


def source_digest(raw_dir: Path = config.RAW_DIR) -> str:
    """A digest of the shipped articles: a corpus built from other inputs is another corpus."""
    digest = hashlib.sha256()
    for path in sorted(raw_dir.glob("*.txt")):
        digest.update(path.name.encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()


def stamp_for(size: int, seed: int, raw_dir: Path = config.RAW_DIR) -> dict[str, object]:
    """What identifies a built corpus: size, seed, and the digest of its source articles."""
    return {"size": size, "seed": seed, "source_sha256": source_digest(raw_dir)}


def build_corpus(
    out_dir: Path, size: int, seed: int = DEFAULT_SEED, raw_dir: Path = config.RAW_DIR
) -> Path:
    """Write `size` articles, articles.csv and corpus.toml into a fresh `out_dir`.

    Articles are generated and written one at a time, so memory does not grow with size.
    """
    if size < 1:
        raise ValueError("size must be at least 1")
    pools = load_pools(raw_dir)
    if out_dir.exists():
        shutil.rmtree(out_dir)
    out_dir.mkdir(parents=True)
    meta_rng = random.Random(seed + 1)
    with (out_dir / config.MANIFEST_NAME).open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=MANIFEST_COLUMNS, lineterminator="\n")
        writer.writeheader()
        for name, data in iter_articles(size, seed, pools):
            (out_dir / name).write_bytes(data)
            writer.writerow(_manifest_row(name, data, meta_rng, seed))
    (out_dir / config.CORPUS_CONFIG_NAME).write_text(
        f"# Synthetic benchmark corpus: benchmarks/build_corpus.py --size {size} --seed {seed}\n"
        f'name = "Benchmark corpus, {size} articles"\n'
        f"event_start = {EVENT_START}\n",
        encoding="utf-8",
    )
    return out_dir


def corpus_dir(size: int, seed: int = DEFAULT_SEED) -> Path:
    """The default folder of a corpus: benchmarks/corpora/n{size} (seed-suffixed if not default)."""
    suffix = "" if seed == DEFAULT_SEED else f"_s{seed}"
    return CORPORA_DIR / f"n{size}{suffix}"


def ensure_corpus(size: int, seed: int = DEFAULT_SEED) -> Path:
    """Return the default corpus folder for (size, seed), building it unless already current."""
    out_dir = corpus_dir(size, seed)
    stamp_path = out_dir.with_suffix(".json")
    stamp = stamp_for(size, seed)
    current = out_dir.is_dir() and stamp_path.is_file()
    if current and json.loads(stamp_path.read_text(encoding="utf-8")) == stamp:
        return out_dir
    build_corpus(out_dir, size, seed)
    stamp_path.write_text(json.dumps(stamp, indent=2, sort_keys=True) + "\n", encoding="utf-8")
    return out_dir


def main(argv: list[str] | None = None) -> int:
    """Command line: build one corpus."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--size", type=int, required=True, help="number of articles")
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED, help="random seed")
    parser.add_argument(
        "--out", type=Path, help="output folder (default: benchmarks/corpora/n{size})"
    )
    args = parser.parse_args(argv)
    out = (
        build_corpus(args.out, args.size, args.seed)
        if args.out
        else ensure_corpus(args.size, args.seed)
    )
    print(f"{args.size} articles in {out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
