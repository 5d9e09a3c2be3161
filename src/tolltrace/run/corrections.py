"""Apply a journalist's corrections (ingest/corrections.py) to the extracted claims, after
extraction and before the analysis, on every build.

A row finds its claim by `claim_id`, or by a quote of its article: the claim whose
mention lies inside the quote's `occurrence`-th appearance. `reject` marks the claim
`rejected` (it stays in claims.csv; the analysis sets it aside); `set` changes one field
(`corrected`); `add` makes a claim of a number the extractor missed (`added`), whose
fields later `set` rows on the same quote fill. A row that matches nothing, or more than
one claim, stops the build with the row and what to do. The table `corrections_applied`
says what each row changed.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from tolltrace.analysis.dating import AS_OF_SET
from tolltrace.extract.numbers import NumberPhrase, find_number_phrases
from tolltrace.extract.sentences import (
    headline_paragraph,
    sentence_at,
    sentence_quote,
    split_sentences,
)
from tolltrace.ingest.corrections import CorrectionRow, CorrectionsError
from tolltrace.ingest.reading import read_article
from tolltrace.model import (
    CLAIM_COLUMNS,
    CORRECTIONS_APPLIED,
    Claim,
    Correction,
    CorrectionAction,
    Outcome,
    Scope,
    SourceBasis,
    VictimGroup,
)
from tolltrace.run.claimrows import claim_rows, claims_frame, collected_row


def apply_corrections(
    claims: pd.DataFrame, articles: pd.DataFrame, rows: list[CorrectionRow], raw_dir: Path
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The claims with `rows` applied, and the corrections_applied table."""
    if not rows:
        return claims, pd.DataFrame(columns=list(CORRECTIONS_APPLIED.names))
    book = _Book(claims, articles, raw_dir)
    log = [book.apply(row) for row in rows]
    book.check_figures()
    return book.claims(), pd.DataFrame(log, columns=list(CORRECTIONS_APPLIED.names))


class _Book:
    """The claims being corrected: their changes kept apart until all rows are read."""

    def __init__(self, claims: pd.DataFrame, articles: pd.DataFrame, raw_dir: Path) -> None:
        self.base = claims
        self.raw_dir = raw_dir
        self.ledger = articles.set_index("file", drop=False)
        self.position = {cid: i for i, cid in enumerate(claims["claim_id"].astype(str))}
        self.spans = claims[["article_id", "char_start", "char_end"]].copy()
        self.texts: dict[str, str] = {}
        self.added: list[tuple] = []
        self.changes: dict[int, dict[str, object]] = {}  # position → field → value
        self.marks: dict[int, str] = {}  # position → correction
        self.reasons: dict[int, list[str]] = {}
        self.figure_lines: dict[int, int] = {}  # position → last line that set low or high

    # ------------------------------------------------------------------ one row

    def apply(self, row: CorrectionRow) -> tuple:
        where = f"corrections.csv, line {row.line}"
        if row.action == CorrectionAction.ADD:
            position, mention = self._add(row, where)
            return (row.line, row.action, self._claim_id(position), "", mention, "", row.reason)
        position = self._find(row, where)
        mark = self.marks.get(position, "")
        if mark == Correction.REJECTED:
            raise CorrectionsError(f"{where}: {self._claim_id(position)} is already rejected")
        self.reasons.setdefault(position, []).append(row.reason)
        if row.action == CorrectionAction.REJECT:
            self.marks[position] = Correction.REJECTED
            mention = self._value(position, "mention")
            return (row.line, row.action, self._claim_id(position), "", mention, "", row.reason)
        before = self._value(position, row.field)
        self.changes.setdefault(position, {})[row.field] = row.value
        if row.field in ("low", "high"):
            self.figure_lines[position] = row.line
        if mark != Correction.ADDED:
            self.marks[position] = Correction.CORRECTED
        return (
            row.line,
            row.action,
            self._claim_id(position),
            row.field,
            _shown(before),
            _shown(row.value),
            row.reason,
        )

    def _find(self, row: CorrectionRow, where: str) -> int:
        if row.claim_id:
            if row.claim_id not in self.position:
                raise CorrectionsError(
                    f"{where}: no claim {row.claim_id!r} in claims.csv; quote the article instead"
                )
            return self.position[row.claim_id]
        # The claim whose number the quote touches: a quote around the number, or a part
        # of it ("532" of "more than 532").
        inside = self._touching(*self._quote_span(row, where))
        if not inside:
            raise CorrectionsError(
                f"{where}: no claim's number is in the quote {row.quote!r} in {row.file}; "
                "quote the words around the number, or use add for a toll the extractor missed"
            )
        if len(inside) > 1:
            mentions = ", ".join(repr(self._value(i, "mention")) for i in inside)
            raise CorrectionsError(
                f"{where}: the quote holds {len(inside)} claims ({mentions}); quote less, or "
                "give the claim_id"
            )
        return inside[0]

    def _quote_span(self, row: CorrectionRow, where: str) -> tuple[str, int, int]:
        """(article_id, start, end) of the quote's chosen appearance in its article."""
        if row.file not in self.ledger.index:
            raise CorrectionsError(f"{where}: no file {row.file!r} in the raw folder's ledger")
        entry = self.ledger.loc[row.file]
        text = self._text(row.file)
        starts, at = [], text.find(row.quote)
        while at >= 0:
            starts.append(at)
            at = text.find(row.quote, at + 1)
        if not starts:
            raise CorrectionsError(
                f"{where}: the quote {row.quote!r} is not in {row.file}; copy it exactly from "
                f"`tolltrace text {row.file}` (curly quotes, dashes and double spaces count)"
            )
        if row.occurrence is None and len(starts) > 1:
            raise CorrectionsError(
                f"{where}: the quote {row.quote!r} appears {len(starts)} times in {row.file}; "
                "say which with occurrence (1 = first), or quote more"
            )
        n = row.occurrence or 1
        if n > len(starts):
            raise CorrectionsError(
                f"{where}: occurrence {n}, but the quote appears {len(starts)} time(s) in "
                f"{row.file}"
            )
        return str(entry["article_id"]), starts[n - 1], starts[n - 1] + len(row.quote)

    def _add(self, row: CorrectionRow, where: str) -> tuple[int, str]:
        article_id, start, end = self._quote_span(row, where)
        text = self._text(row.file)
        overlapping = self._touching(article_id, start, end)
        if overlapping:
            raise CorrectionsError(
                f"{where}: {self._claim_id(overlapping[0])} already reads this number; "
                "use set rows to change it"
            )
        phrases = find_number_phrases(text, start, end)
        if len(phrases) != 1:
            raise CorrectionsError(
                f"{where}: add needs the quote to be one number's words (e.g. 'at least 12'); "
                f"{row.quote!r} holds {len(phrases)}"
            )
        claim = _new_claim(text, article_id, phrases[0])
        (values,), _ = claim_rows([claim], text)
        entry = self.ledger.loc[row.file]
        position = len(self.base) + len(self.added)
        self.added.append(collected_row(values, row.file, str(entry["outlet"])))
        self.position[claim.claim_id] = position
        self.spans.loc[position] = (article_id, claim.char_start, claim.char_end)
        self.marks[position] = Correction.ADDED
        self.reasons[position] = [row.reason]
        return position, claim.mention

    def check_figures(self) -> None:
        """A figure set by hand keeps low at most high (an open-ended one has no high)."""
        for position, line in self.figure_lines.items():
            low, high = self._value(position, "low"), self._value(position, "high")
            if not pd.isna(high) and not pd.isna(low) and int(low) > int(high):
                raise CorrectionsError(
                    f"corrections.csv, line {line}: {self._claim_id(position)} would read low "
                    f"{low} above high {high}; set the other one too"
                )

    # ------------------------------------------------------------------ the result

    def claims(self) -> pd.DataFrame:
        """The claims with every change, mark and reason applied."""
        frames = [self.base]
        if self.added:
            frames.append(claims_frame(self.added))
        out = pd.concat(frames, ignore_index=True) if len(frames) > 1 else self.base.copy()
        touched = {field for change in self.changes.values() for field in change}
        for field in sorted(touched | {"correction", "correction_reason"}):
            if field != "as_of":
                out[field] = out[field].astype(object)
        for position, change in self.changes.items():
            for field, value in change.items():
                if field == "as_of":
                    if AS_OF_SET not in out:
                        out[AS_OF_SET] = ""
                    out.loc[position, AS_OF_SET] = value
                else:
                    out.loc[position, field] = value
        for position, mark in self.marks.items():
            out.loc[position, "correction"] = str(mark)
            out.loc[position, "correction_reason"] = "; ".join(
                dict.fromkeys(self.reasons[position])
            )
        return out

    # ------------------------------------------------------------------ helpers

    def _touching(self, article_id: str, start: int, end: int) -> list[int]:
        """Positions of the claims (read or added) whose words overlap text[start:end]."""
        spans = self.spans
        return spans.index[
            (spans["article_id"] == article_id)
            & (spans["char_start"] < end)
            & (spans["char_end"] > start)
        ].tolist()

    def _text(self, file: str) -> str:
        if file not in self.texts:
            self.texts[file] = read_article(self.raw_dir / file).text
        return self.texts[file]

    def _row(self, position: int) -> dict[str, object]:
        if position < len(self.base):
            return self.base.iloc[position].to_dict()
        return dict(zip(CLAIM_COLUMNS, self.added[position - len(self.base)], strict=True))

    def _value(self, position: int, field: str) -> object:
        if field == "as_of":
            return self.changes.get(position, {}).get("as_of", "(from the text)")
        return self.changes.get(position, {}).get(field, self._row(position)[field])

    def _claim_id(self, position: int) -> str:
        return str(self._row(position)["claim_id"])


def _new_claim(text: str, article_id: str, phrase: NumberPhrase) -> Claim:
    """A claim of a number the extractor missed: killed, unspecified, unattributed,
    cumulative until `set` rows say otherwise."""
    sentences = split_sentences(text)
    sentence = sentence_at(sentences, phrase.start)
    start, end = (sentence.start, sentence.end) if sentence else (phrase.start, phrase.end)
    paragraph = sentence.paragraph if sentence else 0
    return Claim(
        article_id=article_id,
        claim_id=f"{article_id}@{phrase.start}",
        outcome=Outcome.KILLED,
        low=phrase.low,
        high=phrase.high,
        qualifier=phrase.qualifier,
        vague_term=phrase.vague_term,
        victim_group=VictimGroup.UNSPECIFIED,
        victim_text="",
        civilians_named="",
        place="",
        source="unattributed",
        source_kind="none",
        source_text="",
        source_basis=SourceBasis.NONE,
        time_text="",
        as_of_text="",
        since_text="",
        era_text="",
        scope=Scope.CUMULATIVE,
        mention=phrase.text,
        char_start=phrase.start,
        char_end=phrase.end,
        sentence=sentence_quote(text, start, end, phrase.start, phrase.end),
        sentence_start=start,
        sentence_end=end,
        paragraph=paragraph,
        is_headline=sentence is not None and paragraph == headline_paragraph(text, sentences),
        part_of="",
        is_previous=False,
    )


def _shown(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return "" if value is None else str(value)
