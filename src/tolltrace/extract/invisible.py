"""Characters of no width in article text: joiners, soft hyphens and direction marks.

They reach real copy from web pages and right-to-left layouts ("\u20661,200\u2069 people",
"1\u200b200"). The article text keeps them (offsets index it exactly), but the rules
read a copy of the same length in which every such run is a space, except where it
stands inside a number ("1\u200b200", "1,\u200b200"): there numbers.py reads through it.
"""

from __future__ import annotations

import re

from tolltrace.extract._fastscan.scanning import non_ascii

# Zero-width space, non-joiner, joiner, word joiner and invisible operators, soft hyphen,
# left-to-right and right-to-left marks, Arabic letter mark, the embeddings, overrides
# and isolates of the bidirectional algorithm, and a byte-order mark inside the text.
FORMAT_CHARACTERS = (
    "\u200b\u200c\u200d\u2060\u2061\u2062\u2063\u2064\u00ad\u200e\u200f\u061c"
    "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\ufeff"
)
_RUN_RE = re.compile(f"[{FORMAT_CHARACTERS}]+")
# A run inside a number follows a digit, or a digit and one group separator ("1,\u200b200"),
# and comes before a digit, or before one group separator and a digit ("1\u200e,200").
_GROUP_SEPARATORS = frozenset(",. \u00a0\u202f\u2009\u066c")


def for_matching(text: str) -> str:
    """`text` with every run of format characters outside a number made spaces, same length."""
    if not _RUN_RE.search(non_ascii(text)):  # every format character is outside ASCII
        return text
    return _RUN_RE.sub(lambda m: _blank(text, m), text)


def _blank(text: str, run: re.Match[str]) -> str:
    start, end = run.span()
    left = start - 1 if start > 0 and text[start - 1] in _GROUP_SEPARATORS else start
    right = end + 1 if end < len(text) and text[end] in _GROUP_SEPARATORS else end
    after_digit = left > 0 and text[left - 1].isdigit()
    inside_number = after_digit and right < len(text) and text[right].isdigit()
    return run.group() if inside_number else " " * (end - start)
