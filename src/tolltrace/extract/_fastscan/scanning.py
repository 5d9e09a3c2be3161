"""Fast scanning: run an expensive pattern only in windows around cheap anchors.

Python's regular expressions are slow on patterns with many alternatives: the full
number and time patterns cost tens of times more per character than a plain digit scan.
Every match of them contains an anchor (a digit, a number word, a weekday...) that
`str.find` locates far faster, so the full pattern only runs near the anchors.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Iterator
from functools import cache

import ahocorasick_rs

_DIGITS_RE = re.compile(r"\d+")


class LiteralFinder:
    """Every occurrence of a fixed set of words in a text, overlapping ones included, found
    in one pass (an Aho–Corasick automaton, ahocorasick-rs) instead of one `str.find`
    loop per word."""

    def __init__(self, words: Iterable[str]) -> None:
        self.words: tuple[str, ...] = tuple(sorted({w for w in words if w}))
        self._automaton = (
            ahocorasick_rs.AhoCorasick(
                list(self.words), implementation=ahocorasick_rs.Implementation.DFA
            )
            if self.words
            else None
        )

    def occurrences(
        self, haystack: str, start: int = 0, end: int | None = None
    ) -> list[tuple[int, int]]:
        """(start offset, index into `words`) of every occurrence in haystack[start:end],
        sorted; offsets are into `haystack`."""
        if self._automaton is None:
            return []
        stop = len(haystack) if end is None else end
        if start == 0 and stop == len(haystack):
            found = [
                (at, w) for w, at, _ in self._automaton.find_matches_as_indexes(haystack, True)
            ]
        else:
            part = haystack[start:stop]
            found = [
                (start + at, w) for w, at, _ in self._automaton.find_matches_as_indexes(part, True)
            ]
        found.sort()
        return found

    def starts(self, haystack: str) -> list[int]:
        """The sorted distinct offsets where a word occurs in `haystack`."""
        if self._automaton is None:
            return []
        return sorted({at for _, at, _ in self._automaton.find_matches_as_indexes(haystack, True)})


def lowered(text: str) -> str | None:
    """`text.lower()` when it keeps every offset (same length), else None."""
    low = text.lower()
    return low if len(low) == len(text) else None


class Guarded:
    """A compiled pattern that runs only where it can match: one of `needs` (lower-case
    strings, one of which every match contains, declared next to the rule) is looked for
    first, with one scan of the lower-cased text.

    Worth it for patterns that rarely match and cost a scan of every position when they
    do not (end-anchored ones such as "(?:previous|earlier) toll of $"). `search` and
    `match` return exactly what the pattern's own methods return, provided every match
    holds one of `needs` (tests/test_fastscan.py checks the declarations).
    """

    def __init__(self, pattern: re.Pattern[str], needs: Iterable[str]) -> None:
        self.pattern = pattern
        self.needs = frozenset(need.lower() for need in needs)
        self._needs = _alternation(self.needs)
        # An ASCII string is found in a lower-cased copy of a longer text exactly where it
        # is found in the lower-cased slice (only a final sigma lowers by context).
        self._ascii = all(need.isascii() for need in self.needs)
        # A case-blind pattern of lower-case words runs about three times faster without
        # case folding on the lower-cased text (`found`).
        self._on_low = _lower_twin(pattern)

    def may_match(
        self, string: str, pos: int = 0, endpos: int | None = None, low: str | None = None
    ) -> bool:
        """False only when no match can lie in string[pos:endpos].

        `low` is `string` lower-cased with the same offsets (see `lowered`), when the
        caller has it: then nothing is sliced or lower-cased here.
        """
        end = len(string) if endpos is None else endpos
        if self._needs is None:
            return True
        if low is not None and self._ascii:
            return self._needs.search(low, pos, end) is not None
        return self._needs.search(string[pos:end].lower()) is not None

    def search(
        self, string: str, pos: int = 0, endpos: int | None = None, low: str | None = None
    ) -> re.Match[str] | None:
        """As `re.Pattern.search` (`low`: see `may_match`)."""
        end = len(string) if endpos is None else endpos
        if not self.may_match(string, pos, end, low):
            return None
        return self.pattern.search(string, pos, end)

    def match(
        self, string: str, pos: int = 0, endpos: int | None = None, low: str | None = None
    ) -> re.Match[str] | None:
        """As `re.Pattern.match` (`low`: see `may_match`)."""
        end = len(string) if endpos is None else endpos
        if not self.may_match(string, pos, end, low):
            return None
        return self.pattern.match(string, pos, end)

    def found(
        self,
        string: str,
        pos: int = 0,
        endpos: int | None = None,
        low: str | None = None,
        anchored: bool = False,
    ) -> bool:
        """Whether `search` (or, `anchored`, `match`) finds a match, read in `low` when the
        caller has it and the pattern allows (a case-blind pattern with no capital)."""
        end = len(string) if endpos is None else endpos
        if not self.may_match(string, pos, end, low):
            return False
        if low is not None and self._on_low is not None:
            return (self._on_low.match if anchored else self._on_low.search)(
                low, pos, end
            ) is not None
        return (self.pattern.match if anchored else self.pattern.search)(
            string, pos, end
        ) is not None


_ESCAPE_RE = re.compile(r"\\.")
# An inline flag ("(?i)", "(?-i:"), a comment or a conditional group: anything after "(?"
# but a plain, lookaround or named group.
_INLINE_FLAG_RE = re.compile(r"\(\?(?![:=!P]|<[=!])")


def _lower_twin(pattern: re.Pattern[str]) -> re.Pattern[str] | None:
    """The pattern without re.IGNORECASE, when it has no capital letter outside an escape
    and no inline flag: then it matches the lower-cased text exactly where the pattern
    matches the text. None otherwise."""
    if not pattern.flags & re.IGNORECASE:
        return None
    bare = _ESCAPE_RE.sub("", pattern.pattern)
    if _INLINE_FLAG_RE.search(bare) or any(c.isupper() for c in bare):
        return None
    return re.compile(pattern.pattern, pattern.flags & ~re.IGNORECASE)


class StartAnchored:
    """A compiled pattern every match of which starts with one of `starts` (lower-case
    words declared next to the rule, such as the words of a list behind `\\b`).

    `index(low)` lists where those words occur in an article's lower-cased text; then
    `search` and `finditer` try `match` only there, and return exactly what the pattern's
    own methods return, also on a slice of the article (give the slice's `offset`),
    provided every match starts with one of `starts` (tests/test_fastscan.py checks the
    declarations). Without an index (None) they fall back to the pattern's own methods.
    """

    def __init__(self, pattern: re.Pattern[str], starts: Iterable[str]) -> None:
        self.pattern = pattern
        self.words = frozenset(word.lower() for word in starts)
        if not self.words:
            raise ValueError(f"no start words declared for {pattern.pattern!r}")
        self._finder = LiteralFinder(self.words)

    def index(self, low: str | None) -> list[int] | None:
        """Sorted offsets in `low` where a match can start; None without a lower-cased text.

        A caller that finds `words` in `low` itself can pass their sorted offsets instead.
        """
        if low is None:
            return None
        return self._finder.starts(low)

    def search(
        self,
        string: str,
        starts: list[int] | None,
        offset: int = 0,
        pos: int = 0,
        endpos: int | None = None,
    ) -> re.Match[str] | None:
        """As `pattern.search(string, pos, endpos)`; `string` is the article text from
        `offset` on (a slice), `starts` the article's index."""
        end = len(string) if endpos is None else endpos
        if starts is None:
            return self.pattern.search(string, pos, end)
        i = bisect.bisect_left(starts, offset + pos)
        while i < len(starts) and starts[i] < offset + end:
            m = self.pattern.match(string, starts[i] - offset, end)
            if m is not None:
                return m
            i += 1
        return None

    def finditer(
        self, string: str, starts: list[int] | None, offset: int = 0
    ) -> Iterator[re.Match[str]]:
        """As `pattern.finditer(string)` (matches are never empty)."""
        if starts is None:
            yield from self.pattern.finditer(string)
            return
        lo = bisect.bisect_left(starts, offset)
        hi = bisect.bisect_left(starts, offset + len(string))
        yield from matches_at(
            self.pattern, string, (at - offset for at in starts[lo:hi]), len(string)
        )


def _alternation(words: Iterable[str]) -> re.Pattern[str] | None:
    """A case-sensitive pattern matching any of `words`, or None. The words share their
    prefixes ("re(?:leased|port(?:ed|s)?)|sa(?:id|ys)"): at each offset the regex engine
    tries the one branch of that character, not every word."""
    ordered = sorted({w for w in words if w})
    return re.compile(_prefix_tree(ordered)) if ordered else None


def _prefix_tree(words: list[str]) -> str:
    """The sorted distinct `words` as one alternation sharing their prefixes ("" matches
    an empty word: it makes the rest optional)."""
    optional = "" in words
    by_first: dict[str, list[str]] = {}
    for word in words:
        if word:
            by_first.setdefault(word[0], []).append(word[1:])
    branches = [re.escape(first) + _prefix_tree(rest) for first, rest in by_first.items()]
    if not branches:
        return ""
    if len(branches) == 1 and not optional:
        return branches[0]
    return "(?:" + "|".join(branches) + ")" + ("?" if optional else "")


def literal_positions(
    haystack: str, literals: Iterable[str], start: int = 0, stop: int | None = None
) -> list[int]:
    """Sorted start offsets of every occurrence of any of `literals` in haystack[start:stop]."""
    end = len(haystack) if stop is None else stop
    found: list[int] = []
    for lit in literals:
        i = haystack.find(lit, start, end)
        while i != -1:
            found.append(i)
            i = haystack.find(lit, i + 1, end)
    found.sort()
    return found


_ASCII_BYTES = bytes(range(128))
_DECIMAL_RE = re.compile(r"\d")


def non_ascii(text: str) -> str:
    """The characters of `text` outside ASCII, in order: a short string to search when a
    rule looks only for such characters (their UTF-8 bytes are all above 127, so deleting
    the ASCII bytes leaves them whole; far cheaper than a pattern scan of the text)."""
    if text.isascii():
        return ""
    rest = text.encode("utf-8", "surrogatepass").translate(None, _ASCII_BYTES)
    return rest.decode("utf-8", "surrogatepass")


def has_non_ascii_digit(text: str) -> bool:
    """Whether `text` holds a decimal digit outside ASCII ("٣", "३"), which `\\d` matches.

    Cheap: only the non-ASCII characters are looked at (`non_ascii`).
    """
    return _DECIMAL_RE.search(non_ascii(text)) is not None


def digit_positions(text: str, start: int = 0, stop: int | None = None) -> list[int]:
    """Start offsets of every run of digits in text[start:stop]."""
    end = len(text) if stop is None else stop
    return [m.start() for m in _DIGITS_RE.finditer(text, start, end)]


def windowed_finditer(
    pattern: re.Pattern[str],
    anchors: Iterable[int],
    text: str,
    start: int = 0,
    end: int | None = None,
    *,
    before: int = 40,
    after: int = 60,
) -> Iterator[re.Match[str]]:
    """Matches of `pattern` in text[start:end], searching only near the `anchors` offsets.

    The result equals `pattern.finditer(text, start, end)` provided every match of
    `pattern` contains an anchor, starts at most `before` characters before it and ends
    at most `after` characters after it. `anchors` must be sorted.
    """
    stop = len(text) if end is None else end
    windows: list[list[int]] = []
    for a in anchors:
        lo = max(start, a - before)
        hi = min(stop, a + after)
        if windows and lo <= windows[-1][1]:
            windows[-1][1] = max(windows[-1][1], hi)
        else:
            windows.append([lo, hi])
    last_end = start
    for lo, hi in windows:
        for m in pattern.finditer(text, max(lo, last_end), hi):
            if m.end() == hi < stop:
                # The window may have cut the match short: match again without the cut.
                m = pattern.match(text, m.start(), stop) or m
            if m.start() < last_end:
                continue
            last_end = m.end()
            yield m


def lead_windows(anchors: Iterable[int], lead: int, floor: int = 0) -> list[tuple[int, int]]:
    """Merged [a - lead, a] spans (inclusive, clipped at `floor`) of sorted `anchors`: where
    a match that contains an anchor and starts at most `lead` characters before it can
    start."""
    windows: list[list[int]] = []
    for a in anchors:
        lo = max(floor, a - lead)
        if windows and lo <= windows[-1][1] + 1:
            windows[-1][1] = max(windows[-1][1], a)
        else:
            windows.append([lo, a])
    return [(lo, hi) for lo, hi in windows]


def matches_at(
    pattern: re.Pattern[str], text: str, starts: Iterable[int], stop: int
) -> Iterator[re.Match[str]]:
    """The matches `pattern.finditer(text, ..., stop)` finds, given that each of them
    starts at one of the sorted offsets `starts`: one `match` per offset, not a scan."""
    last_end = -1
    for at in starts:
        if at < last_end:
            continue
        m = pattern.match(text, at, stop)
        if m is not None and m.end() > at:
            last_end = m.end()
            yield m


# Characters inside a word ("approx.", "o'clock"); any other ends the run of letters a
# word before a number starts with (an opening quote, a bracket, a dateline's dash).
_WORD_INNER = ".’'"


def word_starts_before(text: str, pos: int, words: int = 3, reach: int = 40) -> list[int]:
    """Offsets where the `words` whitespace-separated words before `pos` start, nearest last.

    Empty when `pos` is not preceded by whitespace (it is inside a word or after a dash).
    A word starts at its last run of letters and digits ("At" in "ROME-‘At").
    """
    starts: list[int] = []
    floor = max(0, pos - reach)
    i = pos
    while len(starts) < words:
        j = i - 1
        if j < floor or not text[j].isspace():
            break
        while j >= floor and text[j].isspace():
            j -= 1
        k = j
        while k >= floor and not text[k].isspace():
            k -= 1
        if k < floor and floor > 0:
            break
        i = j
        while i > k + 1 and (text[i - 1].isalnum() or text[i - 1] in _WORD_INNER):
            i -= 1  # the word's last run of letters: not "ROME-‘" in "ROME-‘At least"
        while i < j and text[i] in "'’":
            i += 1  # an opening quote is no part of the word: "'Up to 100'"
        starts.append(i)
    starts.reverse()
    return starts


def anchored_matches(
    pattern: re.Pattern[str],
    anchors: Iterable[int],
    text: str,
    low: str,
    prefixes: frozenset[str],
    words_before: int = 3,
) -> Iterator[re.Match[str]]:
    """Matches of `pattern` that contain one of the sorted `anchors` offsets.

    A match may start up to `words_before` words before its anchor, but only where those
    words (lower-cased, single-spaced) are one of `prefixes` ("more than", "between"...);
    so each anchor costs one `pattern.match`. Equivalent to a full scan for patterns whose
    text before the anchor is always one of `prefixes`.
    """
    last_words = _last_words(prefixes)
    last_end = -1
    for a in anchors:
        if a < last_end:
            continue
        start = a
        if _previous_word(low, a) in last_words:  # cheap test before the word-by-word one
            for candidate in word_starts_before(text, a, words_before):
                if candidate >= last_end and " ".join(low[candidate:a].split()) in prefixes:
                    start = candidate
                    break
        m = pattern.match(text, start)
        if (m is None or m.end() <= a) and start != a:
            m = pattern.match(text, a)
        if m is not None and m.end() > a:
            last_end = m.end()
            yield m


@cache
def _last_words(prefixes: frozenset[str]) -> frozenset[str]:
    return frozenset(p.rsplit(" ", 1)[-1] for p in prefixes)


def _previous_word(low: str, pos: int) -> str:
    """The word just before `pos` when only white space separates them, else ""."""
    if pos == 0 or not low[pos - 1].isspace():
        return ""
    j = pos - 1
    while j > 0 and low[j - 1].isspace():
        j -= 1
    k = j - 1
    while k >= 0 and not low[k].isspace():
        k -= 1
    return low[k + 1 : j].lstrip("\"'“‘(")
