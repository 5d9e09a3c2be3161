"""Build tests/blind/claims.csv from hand annotations of tests/blind/articles/*.txt.

Each annotation names an anchor phrase that occurs exactly once in its article and that
contains the mention exactly once. Offsets are computed here, never typed, and every row
is checked: text[char_start:char_end] == mention on the file decoded as UTF-8.

    python tests/blind/make_claims.py
"""

import csv
import pathlib

HERE = pathlib.Path(__file__).resolve().parent
ARTICLES = HERE / "articles"
OUT = HERE / "claims.csv"

COLUMNS = [
    "article_id", "mention", "char_start", "char_end", "outcome", "low", "high",
    "qualifier", "vague_term", "victim_group", "source", "scope", "time_text",
    "is_headline", "note",
]

K, I, M = "killed", "injured", "missing"

# (article_id, anchor, mention, outcome, low, high, qualifier, vague_term,
#  victim_group, source, scope, time_text, note)
# high=None means open-ended (empty cell).
ROWS = [
    # b01 Lebanon
    ("b01_lebanon_strike", "village kills 11, health", "11", K, 11, 11, "exact", "",
     "unspecified", "health_ministry", "incident", "", "headline names the health ministry"),
    ("b01_lebanon_strike", "killed at least 11 people", "at least 11", K, 11, None, "at_least", "",
     "unspecified", "health_ministry", "incident", "on Tuesday", "attribution at sentence end"),
    ("b01_lebanon_strike", "including four children", "four", K, 4, 4, "exact", "",
     "civilians", "health_ministry", "incident", "on Tuesday", "part of the at least 11"),
    ("b01_lebanon_strike", "wounded 23 others", "23", I, 23, 23, "exact", "",
     "unspecified", "health_ministry", "incident", "on Tuesday", ""),
    ("b01_lebanon_strike", "that 13 people had been killed", "13", K, 13, 13, "exact", "",
     "unspecified", "officials", "incident", "", "municipality head; disagrees with ministry's 11"),
    ("b01_lebanon_strike", "among them seven members", "seven", K, 7, 7, "exact", "",
     "unspecified", "officials", "incident", "", "part of the 13; 'members of one family' is not a civilian statement"),
    ("b01_lebanon_strike", "no fewer than 30 people were wounded", "no fewer than 30", I, 30, None, "at_least", "",
     "unspecified", "officials", "incident", "", "'He said' inherits Fakih"),
    ("b01_lebanon_strike", "two people were still missing", "two", M, 2, 2, "exact", "",
     "unspecified", "officials", "incident", "", "'He said' inherits Fakih"),
    ("b01_lebanon_strike", "killed two Hezbollah fighters", "two", K, 2, 2, "exact", "",
     "fighters", "officials", "incident", "", "Israeli military"),
    ("b01_lebanon_strike", "More than 4,000 people", "More than 4,000", K, 4000, None, "more_than", "",
     "unspecified", "health_ministry", "cumulative", "since hostilities began in October 2023", ""),
    ("b01_lebanon_strike", "including hundreds of women", "hundreds", K, 100, None, "vague", "hundreds",
     "civilians", "health_ministry", "cumulative", "since hostilities began in October 2023", "part of the more than 4,000"),

    # b02 Myanmar
    ("b02_myanmar_monastery", "kills at least 23, residents", "at least 23", K, 23, None, "at_least", "",
     "unspecified", "local_sources", "incident", "", "headline says 'residents say'"),
    ("b02_myanmar_monastery", "killed at least 23 people", "at least 23", K, 23, None, "at_least", "",
     "unspecified", "local_sources", "incident", "", "residents and a local aid group; as of Saturday"),
    ("b02_myanmar_monastery", "including nine children", "nine", K, 9, 9, "exact", "",
     "civilians", "local_sources", "incident", "", "part of the at least 23"),
    ("b02_myanmar_monastery", "said 24 bodies", "24", K, 24, 24, "exact", "",
     "unspecified", "local_sources", "incident", "", "volunteer rescue team member; as of Saturday morning"),
    ("b02_myanmar_monastery", "More than 30 people were wounded", "More than 30", I, 30, None, "more_than", "",
     "unspecified", "local_sources", "incident", "", "'he said' inherits the rescue team member"),
    ("b02_myanmar_monastery", "about 10 of them seriously", "about 10", I, 10, 10, "about", "",
     "unspecified", "local_sources", "incident", "", "part of the more than 30 (seriously wounded)"),
    ("b02_myanmar_monastery", "reported 30 deaths", "30", K, 30, 30, "exact", "",
     "unspecified", "local_sources", "incident", "", "earlier figure of the aid group, superseded"),
    ("b02_myanmar_monastery", "figure down to 23", "23", K, 23, 23, "exact", "",
     "unspecified", "local_sources", "incident", "", "revised down from 30"),
    ("b02_myanmar_monastery", "said 25 civilians", "25", K, 25, 25, "exact", "",
     "civilians", "local_sources", "incident", "", "AAPP rights group"),
    ("b02_myanmar_monastery", "More than 6,300 civilians", "More than 6,300", K, 6300, None, "more_than", "",
     "civilians", "local_sources", "cumulative", "since the military seized power in a February 2021 coup", "AAPP ('the group')"),
    ("b02_myanmar_monastery", "killed more than 3,700 people", "more than 3,700", K, 3700, None, "more_than", "",
     "unspecified", "unattributed", "incident", "in March", "earlier earthquake, not the airstrike"),

    # b03 Haiti
    ("b03_haiti_gang", "leaves scores dead", "scores", K, 20, None, "vague", "scores",
     "unspecified", "unattributed", "incident", "", "headline has no attribution and its figure is not the body's"),
    ("b03_haiti_gang", "said at least 97 people", "at least 97", K, 97, None, "at_least", "",
     "unspecified", "UN", "incident", "", "UN human rights office"),
    ("b03_haiti_gang", "including eight women", "eight", K, 8, 8, "exact", "",
     "civilians", "UN", "incident", "", "part of the at least 97"),
    ("b03_haiti_gang", "three infants", "three", K, 3, 3, "exact", "",
     "civilians", "UN", "incident", "", "part of the at least 97"),
    ("b03_haiti_gang", "16 others were seriously injured", "16", I, 16, 16, "exact", "",
     "unspecified", "UN", "incident", "", ""),
    ("b03_haiti_gang", "- At least 97 dead", "At least 97", K, 97, None, "at_least", "",
     "unspecified", "UN", "incident", "", "bullet item"),
    ("b03_haiti_gang", "the toll at 70", "70", K, 70, 70, "exact", "",
     "unspecified", "officials", "incident", "", "earlier local officials' figure"),
    ("b03_haiti_gang", "- Dozens wounded", "Dozens", I, 12, None, "vague", "dozens",
     "unspecified", "unattributed", "incident", "", "bullet item with no attribution"),
    ("b03_haiti_gang", "- Two police officers killed", "Two", K, 2, 2, "exact", "",
     "security_forces", "officials", "incident", "", "national police"),
    ("b03_haiti_gang", "killed at least five gang members", "at least five", K, 5, None, "at_least", "",
     "fighters", "officials", "incident", "the following day", "police counter-operation"),
    ("b03_haiti_gang", "Over 5,600 people", "Over 5,600", K, 5600, None, "more_than", "",
     "unspecified", "UN", "cumulative", "last year", ""),

    # b04 Pakistan heatwave
    ("b04_pakistan_heatwave", "climbs to 568, says", "568", K, 568, 568, "exact", "",
     "unspecified", "local_sources", "cumulative", "", "headline names the Edhi Foundation"),
    ("b04_pakistan_heatwave", "has risen to 568", "568", K, 568, 568, "exact", "",
     "unspecified", "local_sources", "cumulative", "", "Edhi Foundation (charity); as of Wednesday; whole heatwave"),
    ("b04_pakistan_heatwave", "up from 427", "427", K, 427, 427, "exact", "",
     "unspecified", "local_sources", "cumulative", "", "earlier figure; as of Monday"),
    ("b04_pakistan_heatwave", "received 141 bodies", "141", K, 141, 141, "exact", "",
     "unspecified", "local_sources", "daily", "in the past 24 hours", "Edhi Foundation"),
    ("b04_pakistan_heatwave", "It said 49 deaths", "49", K, 49, 49, "exact", "",
     "unspecified", "officials", "cumulative", "since Saturday", "Sindh health department (a provincial department, not a named health ministry)"),
    ("b04_pakistan_heatwave", "that 33 of them had died", "33", K, 33, 33, "exact", "",
     "unspecified", "local_sources", "cumulative", "since the weekend", "hospital doctors; 'them' = people treated"),
    ("b04_pakistan_heatwave", "an estimated 1,200 people", "an estimated 1,200", K, 1200, 1200, "about", "",
     "unspecified", "unattributed", "cumulative", "In 2015", "earlier heatwave"),

    # b05 train derailment liveblog
    ("b05_train_derailment", "derailment: dozens killed", "dozens", K, 12, None, "vague", "dozens",
     "unspecified", "unattributed", "incident", "", "page title"),
    ("b05_train_derailment", "Death toll rises to 52", "52", K, 52, 52, "exact", "",
     "unspecified", "officials", "incident", "", "18:45 update sub-heading, not the title line; 'says railway ministry'"),
    ("b05_train_derailment", "said 52 passengers", "52", K, 52, 52, "exact", "",
     "civilians", "officials", "incident", "", "Ministry of Railways; as of 18:45 IST"),
    ("b05_train_derailment", "214 people injured", "214", I, 214, 214, "exact", "",
     "unspecified", "officials", "incident", "", "as of 18:45 IST"),
    ("b05_train_derailment", "37 of them critically", "37", I, 37, 37, "exact", "",
     "unspecified", "officials", "incident", "", "part of the 214 (critically injured)"),
    ("b05_train_derailment", "stood at 41", "41", K, 41, 41, "exact", "",
     "unspecified", "officials", "incident", "", "earlier figure; paragraph keeps quoting the ministry"),
    ("b05_train_derailment", "at least 20 bodies", "at least 20", K, 20, None, "at_least", "",
     "unspecified", "local_sources", "incident", "", "passenger (witness), one coach only"),
    ("b05_train_derailment", "As many as 15 people", "As many as 15", M, 15, 15, "up_to", "",
     "unspecified", "officials", "incident", "", "NDRF spokesperson; 'unaccounted for'"),
    ("b05_train_derailment", "Toll climbs to 41", "41", K, 41, 41, "exact", "",
     "unspecified", "officials", "incident", "", "13:05 update sub-heading; same figure as the collector's line below"),
    ("b05_train_derailment", "said 41 bodies", "41", K, 41, 41, "exact", "",
     "unspecified", "officials", "incident", "", "district collector; as of 13:05 IST"),
    ("b05_train_derailment", "Nearly 200 people were injured", "Nearly 200", I, 200, 200, "about", "",
     "unspecified", "officials", "incident", "", "'she said' inherits the collector"),
    ("b05_train_derailment", "between 10 and 15", "between 10 and 15", K, 10, 15, "range", "",
     "unspecified", "local_sources", "incident", "", "villagers; earliest report (11:20 IST)"),

    # b06 Kenya dam
    ("b06_kenya_dam_burst", "kills 42, dozens", "42", K, 42, 42, "exact", "",
     "unspecified", "red_cross", "incident", "", "headline; same figure as the Red Cross body figure"),
    ("b06_kenya_dam_burst", "42, dozens missing", "dozens", M, 12, None, "vague", "dozens",
     "unspecified", "red_cross", "incident", "", "headline; same claim as the Red Cross body figure"),
    ("b06_kenya_dam_burst", "Forty-two people were killed", "Forty-two", K, 42, 42, "exact", "",
     "unspecified", "red_cross", "incident", "early on Monday", "number word; attribution at sentence end"),
    ("b06_kenya_dam_burst", "dozens more are missing", "dozens", M, 12, None, "vague", "dozens",
     "unspecified", "red_cross", "incident", "early on Monday", ""),
    ("b06_kenya_dam_burst", "said 110 people", "110", I, 110, 110, "exact", "",
     "unspecified", "red_cross", "incident", "", "taken to hospital with injuries"),
    ("b06_kenya_dam_burst", "confirmed 45 deaths", "45", K, 45, 45, "exact", "",
     "unspecified", "officials", "incident", "", "Interior Minister; 'As of now' is the as-of"),
    ("b06_kenya_dam_burst", "among them 17 children", "17", K, 17, 17, "exact", "",
     "civilians", "officials", "incident", "", "part of the 45"),
    ("b06_kenya_dam_burst", "Another 60 people", "60", M, 60, 60, "exact", "",
     "unspecified", "officials", "incident", "", "continues the minister's quote"),
    ("b06_kenya_dam_burst", "killed more than 170 people", "more than 170", K, 170, None, "more_than", "",
     "unspecified", "officials", "cumulative", "since March", "government"),
    ("b06_kenya_dam_burst", "killed dozens of people", "dozens", K, 12, None, "vague", "dozens",
     "unspecified", "unattributed", "incident", "in 2018", "earlier dam collapse"),

    # b07 Sudan cholera
    ("b07_sudan_cholera", "kills nearly 500", "nearly 500", K, 500, 500, "about", "",
     "unspecified", "health_ministry", "cumulative", "", "headline rounds the ministry's 489"),
    ("b07_sudan_cholera", "killed 489 people", "489", K, 489, 489, "exact", "",
     "unspecified", "health_ministry", "cumulative", "since it was declared in August", "as of Sunday"),
    ("b07_sudan_cholera", "96 deaths", "96", K, 96, 96, "exact", "",
     "unspecified", "health_ministry", "cumulative", "in the past week", "Khartoum state only"),
    ("b07_sudan_cholera", "up from 12 deaths", "12", K, 12, 12, "exact", "",
     "unspecified", "health_ministry", "cumulative", "the week before", "Khartoum state only"),
    ("b07_sudan_cholera", "upwards of 600", "upwards of 600", K, 600, None, "more_than", "",
     "unspecified", "WHO", "cumulative", "", "includes suspected cases"),
    ("b07_sudan_cholera", "at least 30 of them had died", "at least 30", K, 30, None, "at_least", "",
     "civilians", "local_sources", "cumulative", "since it opened on Oct. 2", "MSF; 'them' = patients"),
    ("b07_sudan_cholera", "killed tens of thousands", "tens of thousands", K, 10000, None, "vague", "tens of thousands",
     "unspecified", "UN", "cumulative", "which began in April 2023", "war toll, not cholera; coded 10 x thousands"),

    # b08 Ohio shooting
    ("b08_ohio_shooting", "Six killed, nine", "Six", K, 6, 6, "exact", "",
     "unspecified", "officials", "incident", "", "headline; same figure as police body figure"),
    ("b08_ohio_shooting", "nine wounded in shooting", "nine", I, 9, 9, "exact", "",
     "unspecified", "officials", "incident", "", "headline; same figure as police body figure"),
    ("b08_ohio_shooting", "killing six people", "six", K, 6, 6, "exact", "",
     "unspecified", "officials", "incident", "late Saturday", "police; as of Sunday"),
    ("b08_ohio_shooting", "wounding nine others", "nine", I, 9, 9, "exact", "",
     "unspecified", "officials", "incident", "late Saturday", "police; as of Sunday"),
    ("b08_ohio_shooting", "said five people were killed", "five", K, 5, 5, "exact", "",
     "unspecified", "officials", "incident", "", "earlier police figure, superseded"),
    ("b08_ohio_shooting", "Two of the dead were children", "Two", K, 2, 2, "exact", "",
     "civilians", "officials", "incident", "", "police chief; part of the six"),
    ("b08_ohio_shooting", "four of the wounded", "four", I, 4, 4, "exact", "",
     "unspecified", "officials", "incident", "", "critical condition; part of the nine"),

    # b09 Nepal landslide
    ("b09_nepal_landslide", "; 19 dead", "19", K, 19, 19, "exact", "",
     "unspecified", "officials", "incident", "", "headline; same figure as officials' body figure"),
    ("b09_nepal_landslide", "scores missing", "scores", M, 20, None, "vague", "scores",
     "unspecified", "unattributed", "incident", "", "headline; no body figure says 'scores'"),
    ("b09_nepal_landslide", "At least 19 people", "At least 19", K, 19, None, "at_least", "",
     "unspecified", "officials", "incident", "before dawn on Sunday", ""),
    ("b09_nepal_landslide", "as many as 70 are missing", "as many as 70", M, 70, 70, "up_to", "",
     "unspecified", "officials", "incident", "before dawn on Sunday", ""),
    ("b09_nepal_landslide", "recovered 19 bodies", "19", K, 19, 19, "exact", "",
     "unspecified", "officials", "incident", "", "Chief District Officer; as of Sunday evening"),
    ("b09_nepal_landslide", "14 injured people", "14", I, 14, 14, "exact", "",
     "unspecified", "officials", "incident", "", "airlifted"),
    ("b09_nepal_landslide", "missing at 52", "52", M, 52, 52, "exact", "",
     "unspecified", "officials", "incident", "", "Home Ministry division; disagrees with 'as many as 70'"),
    ("b09_nepal_landslide", "Two police officers taking part", "Two", I, 2, 2, "exact", "",
     "security_forces", "officials", "incident", "on Sunday afternoon", "second slide; police spokesperson"),
    ("b09_nepal_landslide", "killed 121 people", "121", K, 121, 121, "exact", "",
     "unspecified", "officials", "cumulative", "Since the start of the monsoon in mid-June", "national disaster authority"),
    ("b09_nepal_landslide", "34 others are still missing", "34", M, 34, 34, "exact", "",
     "unspecified", "officials", "cumulative", "Since the start of the monsoon in mid-June", "national disaster authority"),
    ("b09_nepal_landslide", "killed around 150 people", "around 150", K, 150, 150, "about", "",
     "unspecified", "unattributed", "incident", "In 2014", "earlier landslide"),

    # b10 Lampedusa
    ("b10_lampedusa_boat", "Lampedusa: 11 dead", "11", K, 11, 11, "exact", "",
     "unspecified", "officials", "incident", "", "headline; same figure as coast guard body figure"),
    ("b10_lampedusa_boat", "11 dead, dozens missing", "dozens", M, 12, None, "vague", "dozens",
     "unspecified", "officials", "incident", "", "headline; same claim as coast guard body figure"),
    ("b10_lampedusa_boat", "At least 11 people died", "At least 11", K, 11, None, "at_least", "",
     "unspecified", "officials", "incident", "on Wednesday", "Italian coast guard; migrants with no civilian statement"),
    ("b10_lampedusa_boat", "dozens more were missing", "dozens", M, 12, None, "vague", "dozens",
     "unspecified", "officials", "incident", "on Wednesday", "Italian coast guard"),
    ("b10_lampedusa_boat", "recovered 11 bodies", "11", K, 11, 11, "exact", "",
     "unspecified", "officials", "incident", "", "coast guard"),
    ("b10_lampedusa_boat", "among them three children", "three", K, 3, 3, "exact", "",
     "civilians", "officials", "incident", "", "part of the 11 bodies"),
    ("b10_lampedusa_boat", "Four of the survivors", "Four", I, 4, 4, "exact", "",
     "unspecified", "officials", "incident", "", "hospitalised with hypothermia and injuries; 'it said' = coast guard"),
    ("b10_lampedusa_boat", "some 27 people", "some 27", M, 27, 27, "about", "",
     "unspecified", "UN", "incident", "", "IOM (UN agency), from survivor accounts"),
    ("b10_lampedusa_boat", "between 30 and 35", "between 30 and 35", M, 30, 35, "range", "",
     "unspecified", "local_sources", "incident", "", "Sea-Watch charity"),
    ("b10_lampedusa_boat", "killed at least 87 people", "at least 87", K, 87, None, "at_least", "",
     "unspecified", "unattributed", "incident", "In February", "earlier shipwreck"),
    ("b10_lampedusa_boat", "32 of them minors", "32", K, 32, 32, "exact", "",
     "civilians", "unattributed", "incident", "In February", "minors = children; part of the at least 87"),
]


def headline_end(text):
    """End offset of the title line: a first line followed by a blank line, else 0."""
    first, sep, rest = text.partition("\n")
    return len(first) if sep and rest.startswith("\n") else 0


def build():
    texts = {}
    out = []
    for (aid, anchor, mention, outcome, low, high, qual, vague, group, source,
         scope, time_text, note) in ROWS:
        if aid not in texts:
            raw = (ARTICLES / f"{aid}.txt").read_bytes()
            assert b"\r" not in raw and not raw.startswith(b"\xef\xbb\xbf"), aid
            texts[aid] = raw.decode("utf-8")
        text = texts[aid]
        assert text.count(anchor) == 1, (aid, anchor, text.count(anchor))
        assert anchor.count(mention) == 1, (aid, anchor, mention)
        start = text.index(anchor) + anchor.index(mention)
        end = start + len(mention)
        assert text[start:end] == mention
        assert outcome in (K, I, M)
        assert qual in ("exact", "about", "more_than", "at_least", "up_to", "range", "vague")
        assert group in ("civilians", "security_forces", "fighters", "combatants", "all", "unspecified")
        assert source in ("health_ministry", "officials", "local_sources", "UN", "WHO",
                          "red_cross", "unattributed")
        assert scope in ("cumulative", "daily", "incident")
        if qual in ("exact", "about", "up_to"):
            assert high == low
        elif qual == "range":
            assert high is not None and high > low
        else:
            assert high is None
        assert bool(vague) == (qual == "vague")
        if time_text:
            assert text.count(time_text) >= 1, (aid, time_text)
        is_headline = end <= headline_end(text)
        out.append({
            "article_id": aid, "mention": mention, "char_start": start, "char_end": end,
            "outcome": outcome, "low": low, "high": "" if high is None else high,
            "qualifier": qual, "vague_term": vague, "victim_group": group, "source": source,
            "scope": scope, "time_text": time_text,
            "is_headline": "true" if is_headline else "false", "note": note,
        })
    out.sort(key=lambda r: (r["article_id"], r["char_start"]))
    keys = [(r["article_id"], r["char_start"]) for r in out]
    assert len(set(keys)) == len(keys), "duplicate rows"
    with OUT.open("w", encoding="utf-8", newline="") as f:
        w = csv.DictWriter(f, fieldnames=COLUMNS, lineterminator="\n")
        w.writeheader()
        w.writerows(out)
    # read back and check every row again
    with OUT.open(encoding="utf-8", newline="") as f:
        back = list(csv.DictReader(f))
    assert len(back) == len(out)
    for r in back:
        text = texts[r["article_id"]]
        assert text[int(r["char_start"]):int(r["char_end"])] == r["mention"], r
    return back


if __name__ == "__main__":
    rows = build()
    from collections import Counter
    print(len(rows), "rows;", dict(Counter(r["outcome"] for r in rows)))
    print(dict(Counter(r["article_id"] for r in rows)))
