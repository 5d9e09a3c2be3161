"""Rebuild tests/heldout/claims.csv from the hand annotations below.

The annotations are written by hand; only the offsets and the headline flag are computed.
Each row names an `anchor`, a phrase that occurs exactly once in the article and contains
the mention, so the offsets cannot land on another occurrence of the same number. Run from
the repository root:  .venv/bin/python tests/heldout/make_claims.py
"""

from __future__ import annotations

import csv
from pathlib import Path

HERE = Path(__file__).resolve().parent
ARTICLES = HERE / "articles"
OUT = HERE / "claims.csv"

COLUMNS = [
    "article_id", "mention", "char_start", "char_end", "outcome", "low", "high",
    "qualifier", "vague_term", "victim_group", "source", "scope", "time_text",
    "is_headline", "note",
]

H01 = "h01_ghor_earthquake"
H02 = "h02_narok_flood"
H03 = "h03_kabkabiya_market_strike"
H04 = "h04_deir_al_balah_hospital"
H05 = "h05_kherson_shelling"
H06 = "h06_buton_ferry"
H07 = "h07_mathura_stampede"
H08 = "h08_lubero_massacre"
H09 = "h09_mastung_bus_bombing"
H10 = "h10_biobio_wildfire"
H11 = "h11_kangaba_mine_collapse"
H12 = "h12_machala_prison_riot"

K, I, M = "killed", "injured", "missing"
N = None  # open-ended high

# (article, anchor, mention, outcome, low, high, qualifier, vague_term, victim_group,
#  source, scope, time_text, note)
ROWS = [
    # h01 earthquake, Afghanistan
    (H01, "toll rises to 1,200 as aid", "1,200", K, 1200, 1200, "exact", "", "unspecified",
     "officials", "incident", "",
     "headline; no attribution in the title, body credits the disaster management ministry"),
    (H01, "rose to 1,200 on Thursday", "1,200", K, 1200, 1200, "exact", "", "unspecified",
     "officials", "incident", "on Thursday",
     "disaster management ministry; 'Tuesday's earthquake' names the event, 'on Thursday' is the as-of"),
    (H01, "More than 2,300 people", "More than 2,300", I, 2300, N, "more_than", "", "unspecified",
     "officials", "incident", "", "ministry spokesman"),
    (H01, "toll of 870 dead", "870", K, 870, 870, "exact", "", "unspecified",
     "officials", "incident", "earlier", "superseded earlier toll from the same ministry"),
    (H01, "about 600 of the wounded", "about 600", I, 600, 600, "about", "", "unspecified",
     "officials", "incident", "",
     "'a provincial health official' = officials; subset of the injured, treated in three hospitals"),
    (H01, "killed about 1,000 people", "about 1,000", K, 1000, 1000, "about", "", "unspecified",
     "unattributed", "incident", "in 2022",
     "historic toll of a different event (2022 Paktika quake); no source"),

    # h02 flash flood, Kenya (one paragraph per line)
    (H02, "rises to 63 as hundreds", "63", K, 63, 63, "exact", "", "unspecified",
     "officials", "incident", "", "headline; body credits the interior minister"),
    (H02, "hundreds remain missing", "hundreds", M, 100, N, "vague", "hundreds", "unspecified",
     "red_cross", "incident", "", "headline; body gives 'Up to 400' from the Kenya Red Cross"),
    (H02, "At least 63 people", "At least 63", K, 63, N, "at_least", "", "unspecified",
     "officials", "incident", "before dawn on Monday", "interior minister"),
    (H02, "Up to 400 people", "Up to 400", M, 400, 400, "up_to", "", "unspecified",
     "red_cross", "incident", "on Tuesday", "quoted Kenya Red Cross statement; as-of Tuesday"),
    (H02, "Another 57 people", "57", I, 57, 57, "exact", "", "unspecified",
     "officials", "incident", "",
     "'being treated in hospital' = injured; 'Another' is not a qualifier; county government"),
    (H02, "Roughly 170 people", "Roughly 170", K, 170, 170, "about", "", "unspecified",
     "officials", "cumulative", "since the rainy season began in March",
     "'government figures show'; nationwide seasonal total"),
    (H02, "killed more than 180 people", "more than 180", K, 180, N, "more_than", "",
     "unspecified", "unattributed", "cumulative", "in 2018",
     "historic toll of earlier floods (a season, not one event); no source"),

    # h03 airstrike on a market, Sudan
    (H03, "kills at least 34, activists", "at least 34", K, 34, N, "at_least", "", "unspecified",
     "local_sources", "incident", "", "headline; 'activists say'"),
    (H03, "At least 34 people were killed", "At least 34", K, 34, N, "at_least", "",
     "unspecified", "local_sources", "incident", "on Saturday",
     "Kabkabiya Emergency Room, a volunteer group = activists; AP only relays"),
    (H03, "and 120 injured", "120", I, 120, 120, "exact", "", "unspecified",
     "local_sources", "incident", "on Saturday", "same sentence as the 34"),
    (H03, "were six children", "six", K, 6, 6, "exact", "", "civilians",
     "local_sources", "incident", "", "'the group said'; subset of the 34"),
    (H03, "scores of wounded", "scores", I, 20, N, "vague", "scores", "unspecified",
     "local_sources", "incident", "", "doctor at the hospital = medics"),
    (H03, "received 29 bodies", "29", K, 29, 29, "exact", "", "unspecified",
     "local_sources", "incident", "by nightfall", "'He said' continues the doctor; bodies = dead"),
    (H03, "upwards of 20 bodies", "upwards of 20", K, 20, N, "more_than", "", "unspecified",
     "local_sources", "incident", "", "witness (a trader) quoted"),
    (H03, "that 41 civilians", "41", K, 41, 41, "exact", "", "civilians",
     "RSF", "incident", "", "claim by the Rapid Support Forces, a party to the war"),
    (H03, "tens of thousands", "tens of thousands", K, 10000, N, "vague", "tens of thousands",
     "unspecified", "UN", "cumulative", "since April 2023",
     "war-wide total; 'tens of thousands' coded 10000; 'more than 12 million' displaced is not a toll"),

    # h04 strike at a Gaza hospital
    (H04, "kills 21, health", "21", K, 21, 21, "exact", "", "unspecified",
     "health_ministry", "incident", "", "headline"),
    (H04, "killing 21 people", "21", K, 21, 21, "exact", "", "unspecified",
     "health_ministry", "incident", "early Tuesday", ""),
    (H04, "five children", "five", K, 5, 5, "exact", "", "civilians",
     "health_ministry", "incident", "early Tuesday", "subset of the 21"),
    (H04, "that 48 others were wounded", "48", I, 48, 48, "exact", "", "unspecified",
     "health_ministry", "incident", "", "'the ministry said in a statement'"),
    (H04, "climbed to 24 by", "24", K, 24, 24, "exact", "", "unspecified",
     "local_sources", "incident", "by the afternoon", "hospital staff"),
    (H04, "at least 16 health workers", "at least 16", K, 16, N, "at_least", "", "civilians",
     "WHO", "cumulative", "since the start of August", "health workers = civilians"),
    (H04, "112 people were killed", "112", K, 112, 112, "exact", "", "unspecified",
     "health_ministry", "daily", "in the past 24 hours", "Gaza-wide; 'past 24 hours' taken as daily"),
    (H04, "to 41,020", "41,020", K, 41020, 41020, "exact", "", "unspecified",
     "health_ministry", "cumulative", "since the war began",
     "ministry does not distinguish civilians and fighters"),
    (H04, "with 94,925 wounded", "94,925", I, 94925, 94925, "exact", "", "unspecified",
     "health_ministry", "cumulative", "since the war began", ""),
    (H04, "killing some 1,200 people", "some 1,200", K, 1200, 1200, "about", "", "unspecified",
     "unattributed", "incident", "on Oct. 7, 2023",
     "background figure, no source; 'mostly civilians' is not all civilians; 'about 250 hostage' is not a toll"),

    # h05 shelling, Kherson (one paragraph per line)
    (H05, "Oblast leaves 17 dead", "17", K, 17, 17, "exact", "", "unspecified",
     "officials", "daily", "", "headline; 'governor says'"),
    (H05, "left 17 dead", "17", K, 17, 17, "exact", "", "unspecified",
     "officials", "daily", "over the past day", "regional governor; reported on Sunday morning"),
    (H05, "and 52 wounded", "52", I, 52, 52, "exact", "", "unspecified",
     "officials", "daily", "over the past day", ""),
    (H05, "were two children", "two", K, 2, 2, "exact", "", "civilians",
     "officials", "daily", "", "'the governor said'; subset of the 17"),
    (H05, "killing five people", "five", K, 5, 5, "exact", "", "unspecified",
     "officials", "incident", "shortly after 9 a.m. on Saturday", "city military administration"),
    (H05, "wounding nine", "nine", I, 9, 9, "exact", "", "unspecified",
     "officials", "incident", "shortly after 9 a.m. on Saturday", ""),
    (H05, "one person was killed", "one", K, 1, 1, "exact", "", "unspecified",
     "officials", "incident", "on Saturday", "Zaporizhzhia; regional governor"),
    (H05, "three were injured", "three", I, 3, 3, "exact", "", "unspecified",
     "officials", "incident", "on Saturday", ""),
    (H05, "more than 1.000 civilians", "more than 1.000", K, 1000, N, "more_than", "", "civilians",
     "officials", "cumulative", "Since the start of the full-scale invasion in February 2022",
     "European thousands separator: 1.000 = 1000; regional prosecutor's office"),

    # h06 ferry sinking, Indonesia
    (H06, "Sulawesi; 14 dead", "14", K, 14, 14, "exact", "", "unspecified",
     "officials", "incident", "", "headline; body credits the search and rescue agency"),
    (H06, "dozens missing", "dozens", M, 12, N, "vague", "dozens", "unspecified",
     "officials", "incident", "", "headline; body gives 38"),
    (H06, "At least 14 people died", "At least 14", K, 14, N, "at_least", "", "unspecified",
     "officials", "incident", "late on Thursday", "national search and rescue agency; said on Friday"),
    (H06, "38 others are missing", "38", M, 38, 38, "exact", "", "unspecified",
     "officials", "incident", "late on Thursday", ""),
    (H06, "Three of the dead", "Three", K, 3, 3, "exact", "", "civilians",
     "officials", "incident", "", "children; 'the agency said'; subset of the 14"),
    (H06, "Some 20 of the survivors", "Some 20", I, 20, 20, "about", "", "unspecified",
     "unattributed", "incident", "",
     "hospitalised with hypothermia counted as injured; paragraph has no source"),
    (H06, "as many as 50 people", "as many as 50", M, 50, 50, "up_to", "", "unspecified",
     "officials", "incident", "earlier", "local police chief; superseded figure"),

    # h07 stampede, India
    (H07, "Nearly 70 dead", "Nearly 70", K, 70, 70, "about", "", "unspecified",
     "officials", "incident", "", "headline"),
    (H07, "Nearly 70 people were crushed", "Nearly 70", K, 70, 70, "about", "", "unspecified",
     "officials", "incident", "on Tuesday", "crushed to death = killed"),
    (H07, "stood at 68", "68", K, 68, 68, "exact", "", "unspecified",
     "officials", "incident", "by Tuesday night", "district magistrate"),
    (H07, "up from 45 earlier", "45", K, 45, 45, "exact", "", "unspecified",
     "officials", "incident", "earlier in the day", "superseded figure; 'Sunita Devi, 45' is an age"),
    (H07, "More than 80 people were injured", "More than 80", I, 80, N, "more_than", "",
     "unspecified", "unattributed", "incident", "", "own paragraph, no source"),
    (H07, "at least 20 bodies", "at least 20", K, 20, N, "at_least", "", "unspecified",
     "local_sources", "incident", "", "witness"),

    # h08 militia massacre, DR Congo
    (H08, "kill dozens in night raid", "dozens", K, 12, N, "vague", "dozens", "unspecified",
     "officials", "incident", "",
     "headline; no noun in the title (body says civilians); source from the body"),
    (H08, "at least 42 civilians", "at least 42", K, 42, N, "at_least", "", "civilians",
     "officials", "incident", "overnight", "local officials; said on Sunday"),
    (H08, "counted 47 bodies", "47", K, 47, 47, "exact", "", "unspecified",
     "local_sources", "incident", "this morning", "civil society leader"),
    (H08, "two hundred and fifty", "two hundred and fifty", K, 250, 250, "exact", "",
     "unspecified", "local_sources", "cumulative", "Since the beginning of June",
     "number written in words; 'buried ... people'"),
    (H08, "no fewer than 190 civilians", "no fewer than 190", K, 190, N, "at_least", "",
     "civilians", "UN", "cumulative", "since June 1",
     "MONUSCO statement; '38 others had been abducted' is not a toll"),
    (H08, "at least five soldiers", "at least five", K, 5, N, "at_least", "", "security_forces",
     "officials", "incident", "on Saturday", "army spokesman; separate attack in Ituri"),
    (H08, "and three civilians", "three", K, 3, N, "at_least", "", "civilians",
     "officials", "incident", "on Saturday",
     "'at least' read as applying to both nouns; the mention is the number only"),
    (H08, "said 11 militiamen", "11", K, 11, 11, "exact", "", "fighters",
     "officials", "incident", "", "'He said' = army spokesman"),
    (H08, "killed thousands of civilians", "thousands", K, 1000, N, "vague", "thousands",
     "civilians", "unattributed", "cumulative", "over the past decade", "background, no source"),

    # h09 bus bombing, Pakistan
    (H09, "Balochistan, killing 12", "12", K, 12, 12, "exact", "", "unspecified",
     "officials", "incident", "", "headline; no noun in the title; body credits police"),
    (H09, "killing 12, including", "12", K, 12, 12, "exact", "", "all",
     "officials", "incident", "on Monday",
     "the article splits the dead into children and Frontier Corps members, so a total of both"),
    (H09, "four children", "four", K, 4, 4, "exact", "", "civilians",
     "officials", "incident", "on Monday", "subset of the 12"),
    (H09, "wounding 31 others", "31", I, 31, 31, "exact", "", "unspecified",
     "officials", "incident", "on Monday", ""),
    (H09, "Three of the dead", "Three", K, 3, 3, "exact", "", "security_forces",
     "officials", "incident", "", "off-duty paramilitary Frontier Corps; 'he said' = police official"),
    (H09, "Seven of the wounded", "Seven", I, 7, 7, "exact", "", "unspecified",
     "local_sources", "incident", "", "critical condition; subset of the 31; 'a hospital official'"),
    (H09, "dozens of soldiers", "dozens", K, 12, N, "vague", "dozens", "security_forces",
     "BLA", "incident", "", "militant group's own claim; the article doubts it"),
    (H09, "More than 200 people", "More than 200", K, 200, N, "more_than", "", "unspecified",
     "officials", "cumulative", "last year",
     "'most of them security personnel' is not a split into groups; 'government figures'"),

    # h10 wildfire, Chile
    (H10, "kills at least 23", "at least 23", K, 23, N, "at_least", "", "unspecified",
     "officials", "incident", "", "headline"),
    (H10, "lives of at least 23", "at least 23", K, 23, N, "at_least", "", "unspecified",
     "officials", "incident", "Sunday", "'authorities said Sunday'; one wildfire = incident"),
    (H10, "About 40 people", "About 40", I, 40, 40, "about", "", "unspecified",
     "officials", "incident", "", "interior minister; '16 of the victims had been identified' is not a toll"),
    (H10, "and 12 were still", "12", M, 12, 12, "exact", "", "unspecified",
     "officials", "incident", "", "'unaccounted for' = missing; 'she told a news conference'"),
    (H10, "At least four of the victims", "At least four", K, 4, N, "at_least", "", "unspecified",
     "unattributed", "incident", "", "subset of the dead; paragraph has no source"),

    # h11 mine collapse, Mali
    (H11, "collapse rises to 73", "73", K, 73, 73, "exact", "", "unspecified",
     "officials", "incident", "", "headline"),
    (H11, "rose to 73 on Monday", "73", K, 73, 73, "exact", "", "unspecified",
     "officials", "incident", "on Monday", "mines ministry statement"),
    (H11, "previous toll of 56", "56", K, 56, 56, "exact", "", "unspecified",
     "officials", "incident", "", "superseded figure"),
    (H11, "Dozens were feared dead", "Dozens", K, 12, N, "vague", "dozens", "unspecified",
     "officials", "incident", "on Saturday",
     "'feared dead' counted as killed; a local official (Reuters is the outlet)"),
    (H11, "At least 20 miners", "At least 20", I, 20, N, "at_least", "", "civilians",
     "local_sources", "incident", "", "pulled out alive with injuries; gold panners' association"),
    (H11, "As many as 15 people", "As many as 15", M, 15, 15, "up_to", "", "unspecified",
     "local_sources", "incident", "", "'unaccounted for' = missing; 'he said'"),

    # h12 prison riot, Ecuador
    (H12, "At least 27 inmates killed", "At least 27", K, 27, N, "at_least", "", "civilians",
     "officials", "incident", "", "headline; inmates coded civilians"),
    (H12, "At least 27 inmates were", "At least 27", K, 27, N, "at_least", "", "civilians",
     "officials", "incident", "on Wednesday", "prison authority SNAI"),
    (H12, "and 14 others wounded", "14", I, 14, 14, "exact", "", "civilians",
     "officials", "incident", "on Wednesday", "'others' = other inmates"),
    (H12, "Two police officers", "Two", I, 2, 2, "exact", "", "security_forces",
     "officials", "incident", "early Wednesday", "national police"),
    (H12, "between 30 and 40", "between 30 and 40", K, 30, 40, "range", "", "unspecified",
     "local_sources", "incident", "", "rights group (activists)"),
    (H12, "More than 460 inmates", "More than 460", K, 460, N, "more_than", "", "civilians",
     "local_sources", "cumulative", "since 2021", "'according to the rights group'"),
]

QUALIFIERS = {"exact", "about", "more_than", "at_least", "up_to", "range", "vague"}
GROUPS = {"civilians", "security_forces", "fighters", "combatants", "all", "unspecified"}
SCOPES = {"cumulative", "daily", "incident"}


def headline_end(text: str) -> int:
    """End of the title line: the first line, when a blank line follows it; else 0."""
    first, sep, rest = text.partition("\n")
    return len(first) if sep and rest.startswith("\n") else 0


def build() -> list[dict]:
    texts = {}
    for path in sorted(ARTICLES.glob("h*.txt")):
        raw = path.read_bytes()
        assert not raw.startswith(b"\xef\xbb\xbf") and b"\r" not in raw, path
        texts[path.stem] = raw.decode("utf-8")
    rows = []
    for (art, anchor, mention, outcome, low, high, qual, vague, group, source, scope,
         time_text, note) in ROWS:
        text = texts[art]
        assert text.count(anchor) == 1, (art, anchor, text.count(anchor))
        assert anchor.count(mention) == 1, (art, anchor, mention)
        start = text.index(anchor) + anchor.index(mention)
        end = start + len(mention)
        assert text[start:end] == mention
        assert outcome in {"killed", "injured", "missing"}
        assert qual in QUALIFIERS and group in GROUPS and scope in SCOPES, (art, mention)
        assert (high is None) == (qual in {"more_than", "at_least", "vague"}), (art, mention)
        assert high is None or low <= high
        assert (qual == "range") == (high is not None and low < high)
        assert bool(vague) == (qual == "vague")
        assert not time_text or time_text in text, (art, time_text)
        rows.append({
            "article_id": art, "mention": mention, "char_start": start, "char_end": end,
            "outcome": outcome, "low": low, "high": "" if high is None else high,
            "qualifier": qual, "vague_term": vague, "victim_group": group, "source": source,
            "scope": scope, "time_text": time_text,
            "is_headline": "true" if end <= headline_end(text) else "false", "note": note,
        })
    rows.sort(key=lambda r: (r["article_id"], r["char_start"]))
    keys = [(r["article_id"], r["char_start"]) for r in rows]
    assert len(keys) == len(set(keys)), "duplicate row"
    assert {r["article_id"] for r in rows} == set(texts), "an article has no rows"
    return rows


def main() -> None:
    rows = build()
    with OUT.open("w", encoding="utf-8", newline="") as f:
        w = csv.DictWriter(f, fieldnames=COLUMNS, lineterminator="\n")
        w.writeheader()
        w.writerows(rows)
    # read back and check every offset against the article text again
    with OUT.open(encoding="utf-8", newline="") as f:
        back = list(csv.DictReader(f))
    assert len(back) == len(rows)
    for r in back:
        text = (ARTICLES / f"{r['article_id']}.txt").read_text(encoding="utf-8")
        assert text[int(r["char_start"]):int(r["char_end"])] == r["mention"], r
    counts: dict[str, int] = {}
    for r in back:
        counts[r["outcome"]] = counts.get(r["outcome"], 0) + 1
    print(f"{len(back)} rows written to {OUT}: {counts}")


if __name__ == "__main__":
    main()
