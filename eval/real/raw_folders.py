"""Turn each event of the real development set into a raw folder tolltrace can process.

    python eval/real/raw_folders.py OUT_DIR
    tolltrace process OUT_DIR/<event> --out-dir ...

Each event's fetched texts (git-ignored, see GUIDELINES.md) are copied with an
`articles.csv` manifest made from `pages.csv` and the event's `corpus.toml`.
"""

from __future__ import annotations

import csv
import shutil
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
MANIFEST_COLUMNS = ["file", "outlet", "published", "language"]


def build(out_root: Path) -> None:
    for event in sorted(p for p in HERE.iterdir() if (p / "pages.csv").is_file()):
        raw = out_root / event.name
        if raw.exists():
            shutil.rmtree(raw)
        raw.mkdir(parents=True)
        with open(event / "pages.csv", encoding="utf-8", newline="") as fh:
            pages = [r for r in csv.DictReader(fh) if (event / "texts" / r["file"]).is_file()]
        for page in pages:
            shutil.copyfile(event / "texts" / page["file"], raw / page["file"])
        with open(raw / "articles.csv", "w", encoding="utf-8", newline="") as fh:
            writer = csv.DictWriter(fh, MANIFEST_COLUMNS, extrasaction="ignore")
            writer.writeheader()
            writer.writerows(pages)
        if (event / "corpus.toml").is_file():
            shutil.copyfile(event / "corpus.toml", raw / "corpus.toml")
        print(f"{event.name}: {len(pages)} pages")


if __name__ == "__main__":
    build(Path(sys.argv[1]))
