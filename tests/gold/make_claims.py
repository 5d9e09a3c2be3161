"""Rebuild tests/gold/claims.csv from the hand annotations below.

The annotations are written by hand; only the offsets are computed. Each row names an
`anchor`, a phrase that occurs exactly once in the article and contains the mention, so the
offsets cannot drift onto another occurrence of the same number. Run from the repository
root:  .venv/bin/python tests/gold/make_claims.py
"""

from __future__ import annotations

import csv
from pathlib import Path

from tolltrace.evaluate import GOLD_COLUMNS

ROOT = Path(__file__).resolve().parents[2]
RAW = ROOT / "data" / "raw"
OUT = Path(__file__).resolve().parent / "claims.csv"

COLUMNS = list(GOLD_COLUMNS)

A0 = "000_4e79d535c6ea8260"
A1 = "001_787ec250aeefa238"
A2 = "002_696d2abe624ca1f4"
A3 = "003_30b87b7eb73067d6"
A4 = "004_cc5060f159b3eb3a"

# (article, anchor, mention, outcome, low, high, qualifier, vague_term, victim_group,
#  source, scope, time_text, note)
ROWS = [
    (
        A0,
        "532 Alawites killed in Syrian",
        "532",
        "killed",
        532,
        532,
        "exact",
        "",
        "unspecified",
        "SOHR",
        "cumulative",
        "",
        "headline; 'monitor says' = SOHR; Alawites is an ethnic/religious group, not civilians; "
        "body says 'more than 532'",
    ),
    (
        A0,
        "deaths of more than 532 people",
        "more than 532",
        "killed",
        532,
        None,
        "more_than",
        "",
        "unspecified",
        "SOHR",
        "cumulative",
        "since Thursday",
        "'people, including women and children' does not state civilians",
    ),
    (
        A0,
        "deaths of several dozen officers",
        "several dozen",
        "killed",
        24,
        None,
        "vague",
        "several dozen",
        "security_forces",
        "unattributed",
        "cumulative",
        "",
        "no source in this paragraph; the SOHR attribution is in an earlier paragraph",
    ),
    (
        A1,
        "More than 700 people",
        "More than 700",
        "killed",
        700,
        None,
        "more_than",
        "",
        "unspecified",
        "SOHR",
        "cumulative",
        "since Thursday",
        "first line is the lede sentence, not a title (no title line in this file)",
    ),
    (
        A1,
        "Several dozen security forces",
        "Several dozen",
        "killed",
        24,
        None,
        "vague",
        "several dozen",
        "security_forces",
        "officials",
        "cumulative",
        "",
        "'a Syrian security official'",
    ),
    (
        A2,
        "killing hundreds of civilians",
        "hundreds",
        "killed",
        100,
        None,
        "vague",
        "hundreds",
        "civilians",
        "SOHR",
        "cumulative",
        "",
        "'as reported by a war monitoring organization' = SOHR",
    ),
    (
        A2,
        "approximately 745 civilians",
        "approximately 745",
        "killed",
        745,
        745,
        "about",
        "",
        "civilians",
        "SOHR",
        "cumulative",
        "over the course of Friday and Saturday",
        "two stated days, so not daily; 'around 30 separate incidents' is not a toll",
    ),
    (
        A2,
        "over 1,000 individuals",
        "over 1,000",
        "killed",
        1000,
        None,
        "more_than",
        "",
        "all",
        "SOHR",
        "cumulative",
        "within just two days",
        "next sentence: count includes government forces and loyalist fighters, and it "
        "exceeds the 745 civilians: a total of everyone; 'since Thursday' in next sentence",
    ),
    (
        A2,
        "125 members of the Islamist-led",
        "125",
        "killed",
        125,
        125,
        "exact",
        "",
        "security_forces",
        "SOHR",
        "cumulative",
        "",
        "'Reports indicate' names no new source; paragraph opens 'According to the SOHR'; "
        "part of the over-1,000 total",
    ),
    (
        A2,
        "148 pro-Assad fighters",
        "148",
        "killed",
        148,
        148,
        "exact",
        "",
        "fighters",
        "SOHR",
        "cumulative",
        "",
        "as 125; pro-Assad fighters are one side only",
    ),
    (
        A3,
        "Over 400 civilians killed near",
        "Over 400",
        "killed",
        400,
        None,
        "more_than",
        "",
        "civilians",
        "local_sources",
        "cumulative",
        "",
        "headline has no attribution; the article attributes this figure ('more than 400 "
        "civilians') to local sources in the body",
    ),
    (
        A3,
        "Hundreds of Alawite civilians",
        "Hundreds",
        "killed",
        100,
        None,
        "vague",
        "hundreds",
        "civilians",
        "unattributed",
        "cumulative",
        "",
        "'executed' = killed; TEHRAN dateline is the outlet; 'Monitoring groups' in the next "
        "paragraph do not state this figure",
    ),
    (
        A3,
        "more than 400 civilians were killed",
        "more than 400",
        "killed",
        400,
        None,
        "more_than",
        "",
        "civilians",
        "local_sources",
        "cumulative",
        "",
        "'Local sources reported to regional media'",
    ),
    (
        A3,
        "more than 300 Alawite civilians",
        "more than 300",
        "killed",
        300,
        None,
        "more_than",
        "",
        "civilians",
        "SOHR",
        "cumulative",
        "since Thursday",
        "released 'earlier on Saturday' (as-of); period 'since Thursday'",
    ),
    (
        A3,
        "311 Alawite civilians",
        "311",
        "killed",
        311,
        311,
        "exact",
        "",
        "civilians",
        "SOHR",
        "cumulative",
        "since Thursday",
        "'AFP reported' relays the Observatory",
    ),
    (
        A3,
        "since the clashes began to 524",
        "524",
        "killed",
        524,
        524,
        "exact",
        "",
        "all",
        "SOHR",
        "cumulative",
        "since the clashes began",
        "'total death toll' continuing 'The Observatory said' of the line before",
    ),
    (
        A3,
        "including 213 fighters",
        "213",
        "killed",
        213,
        213,
        "exact",
        "",
        "combatants",
        "SOHR",
        "cumulative",
        "since the clashes began",
        "part of the 524 total; 'fighters from both sides' = combatants",
    ),
    (
        A3,
        "reached 93",
        "93",
        "killed",
        93,
        93,
        "exact",
        "",
        "security_forces",
        "SOHR",
        "cumulative",
        "",
        "'military personnel in the Ministries of Interior and Defense'; part of the 213",
    ),
    (
        A3,
        "“120 armed fighters”",
        "120",
        "killed",
        120,
        120,
        "exact",
        "",
        "fighters",
        "SOHR",
        "cumulative",
        "",
        "one side (armed fighters opposing the government); 93 + 120 = 213",
    ),
    (
        A3,
        "lives of 163 civilians",
        "163",
        "killed",
        163,
        163,
        "exact",
        "",
        "civilians",
        "SOHR",
        "daily",
        "on Friday",
        "'On Saturday' is when SOHR confirmed it (as-of); 'five massacres' is not a toll",
    ),
    (
        A4,
        "deaths of over 340 people",
        "over 340",
        "killed",
        340,
        None,
        "more_than",
        "",
        "unspecified",
        "SOHR",
        "cumulative",
        "",
        "'Rami Abdulrahman, the head of a war monitor organization' = SOHR; no title line",
    ),
]


def main() -> None:
    out_rows = []
    for (
        art,
        anchor,
        mention,
        outcome,
        low,
        high,
        qual,
        vague,
        group,
        source,
        scope,
        time_text,
        note,
    ) in ROWS:
        text = (RAW / f"{art}.txt").read_bytes().decode("utf-8")
        assert text.count(anchor) == 1, (art, anchor, text.count(anchor))
        a = text.index(anchor)
        assert anchor.count(mention) == 1, (anchor, mention)
        start = a + anchor.index(mention)
        end = start + len(mention)
        assert text[start:end] == mention
        if time_text:
            # time words must be in the text of the article
            assert time_text in text, (art, time_text)
        title = text.split("\n", 1)[0]
        # a title line is a first line followed by a blank line
        has_title = text.startswith(title + "\n\n")
        is_headline = has_title and end <= len(title)
        out_rows.append(
            {
                "article_id": art,
                "mention": mention,
                "char_start": start,
                "char_end": end,
                "outcome": outcome,
                "low": low,
                "high": "" if high is None else high,
                "qualifier": qual,
                "vague_term": vague,
                "victim_group": group,
                "source": source,
                "scope": scope,
                "time_text": time_text,
                "is_headline": "true" if is_headline else "false",
                "note": note,
            }
        )
    out_rows.sort(key=lambda r: (r["article_id"], r["char_start"]))
    with OUT.open("w", encoding="utf-8", newline="") as fh:
        w = csv.DictWriter(fh, fieldnames=COLUMNS, lineterminator="\n")
        w.writeheader()
        w.writerows(out_rows)
    # read back and verify
    with OUT.open(encoding="utf-8", newline="") as fh:
        for r in csv.DictReader(fh):
            text = (RAW / f"{r['article_id']}.txt").read_bytes().decode("utf-8")
            assert text[int(r["char_start"]) : int(r["char_end"])] == r["mention"], r
    print(f"wrote {len(out_rows)} rows to {OUT}")


if __name__ == "__main__":
    main()
