"""Required literals of a regular expression: strings any match must contain.

Used to prefilter: a cheap search for the literals finds where an expensive pattern can
possibly match. Works on Python's own parse of the pattern, so it needs no hand-written
keyword lists and also covers patterns users add.

Short stretches with a few spellings are expanded into every spelling they allow
("Abdul?[- ]?Rahman" → "abdurahman", "abdul-rahman", ...), so a literal can cross an
optional letter. Literals inside `(?-i:...)` keep their case ("UN" need not be searched
as "un", which occurs in "until" and "found").
"""

from __future__ import annotations

import math
import re
from re import _constants as C  # type: ignore[attr-defined]
from re import _parser  # type: ignore[attr-defined]
from typing import NamedTuple

MIN_LENGTH = 2
# Above this many spellings, a stretch is not expanded further.
MAX_SPELLINGS = 256
# A character class with more members than this is not a literal ([a-z], \w).
MAX_CLASS = 8
# A repeat with a larger upper bound is not expanded (x{0,3} is, x+ is not).
MAX_REPEAT_EXPANSION = 3


class Literal(NamedTuple):
    """A string every match contains: in lower case when `cased` is False (compare with
    the lower-cased text), else exactly as it must appear."""

    text: str
    cased: bool


# A spelling under construction: (text, cased). The empty spelling is cased, so that
# appending case-sensitive characters keeps it case-sensitive.
_Spelling = tuple[str, bool]
_EMPTY: frozenset[_Spelling] = frozenset({("", True)})


def required_literals(
    pattern: str, flags: int = re.IGNORECASE, min_length: int = MIN_LENGTH
) -> frozenset[Literal] | None:
    """Literals such that every match of `pattern` (compiled with `flags`) contains one.

    None when no such set of strings of at least `min_length` characters can be found
    (the pattern must then be tried everywhere).
    """
    try:
        parsed = _parser.parse(pattern, flags)
    except re.error:
        return None
    ignorecase = bool(parsed.state.flags & re.IGNORECASE)
    return _sequence(list(parsed), ignorecase, min_length)


def _sequence(items: list, ignorecase: bool, min_length: int) -> frozenset[Literal] | None:
    """The best required set of a sequence: spellings of a finite stretch, or a required
    set of one of its parts.

    Two stretches are tracked: `run` takes in optional items ("(?:war )?monitor" gives
    "monitor" and "war monitor"), `core` stops at them ("monitor" alone); the better
    filter of all the candidates wins.
    """
    options: list[frozenset[Literal]] = []
    run = core = _EMPTY
    for op, arg in items:
        spellings = _spellings(op, arg, ignorecase)
        optional = spellings is not None and any(not text for text, _ in spellings)
        if spellings is not None and not optional and len(core) * len(spellings) <= MAX_SPELLINGS:
            core = _product(core, spellings)
        else:
            _close(core, options, min_length)
            core = _EMPTY if spellings is None or optional else spellings
        if spellings is not None and len(run) * len(spellings) <= MAX_SPELLINGS:
            run = _product(run, spellings)
            continue
        _close(run, options, min_length)
        if spellings is not None:
            run = spellings
            continue
        run = _EMPTY
        sub = _item(op, arg, ignorecase, min_length)
        if sub is not None:
            options.append(sub)
    _close(core, options, min_length)
    _close(run, options, min_length)
    if not options:
        return None
    return max(options, key=_filter_quality)


def _filter_quality(literals: frozenset[Literal]) -> tuple[float, int]:
    """Longer literals match fewer places, and every extra spelling is another search
    (counted at half a character per doubling)."""
    shortest = min(len(lit.text) for lit in literals)
    return shortest - math.log2(len(literals)) / 2, -len(literals)


def _close(run: frozenset[_Spelling], options: list[frozenset[Literal]], min_length: int) -> None:
    """Add the spellings of a finished stretch as an option, if each is long enough."""
    literals = _minimal(run)
    if literals and all(len(lit.text) >= min_length for lit in literals):
        options.append(literals)


def _minimal(run: frozenset[_Spelling]) -> frozenset[Literal]:
    """The spellings with those dropped that contain another one (it filters for both)."""
    found = sorted({Literal(text.strip(), cased) for text, cased in run}, key=_by_length)
    kept: list[Literal] = []
    for lit in found:
        covered = any(
            (
                k.text in lit.text
                if k.cased == lit.cased
                else (not k.cased and k.text in lit.text.lower())
            )
            for k in kept
        )
        if not covered:
            kept.append(lit)
    return frozenset(kept)


def _by_length(lit: Literal) -> tuple[int, str, bool]:
    return len(lit.text), lit.text, lit.cased


def _product(a: frozenset[_Spelling], b: frozenset[_Spelling]) -> frozenset[_Spelling]:
    out = set()
    for x, x_cased in a:
        for y, y_cased in b:
            if x_cased and y_cased:
                out.add((x + y, True))
            else:
                out.add(((x.lower() if x_cased else x) + (y.lower() if y_cased else y), False))
    return frozenset(out)


def _char(code: int, ignorecase: bool) -> _Spelling:
    c = chr(code)
    return (c.lower(), False) if ignorecase else (c, True)


def _spellings(op: object, arg: object, ignorecase: bool) -> frozenset[_Spelling] | None:
    """Every text one parsed item can match, when they are few and fixed; else None."""
    if op is C.LITERAL:
        return frozenset({_char(arg, ignorecase)})  # type: ignore[arg-type]
    if op is C.IN:
        members = list(arg)  # type: ignore[call-overload]
        if len(members) > MAX_CLASS or any(m_op is not C.LITERAL for m_op, _ in members):
            return None
        return frozenset(_char(code, ignorecase) for _, code in members)
    if op in (C.AT, C.ASSERT, C.ASSERT_NOT):
        return _EMPTY  # zero width: adds nothing to the matched text
    if op is C.SUBPATTERN:
        _group, add_flags, del_flags, sub = arg  # type: ignore[misc]
        inner = (ignorecase or bool(add_flags & re.IGNORECASE)) and not (del_flags & re.IGNORECASE)
        return _finite(list(sub), inner)
    if op is C.BRANCH:
        union: set[_Spelling] = set()
        for alternative in arg[1]:  # type: ignore[index]
            sub = _finite(list(alternative), ignorecase)
            if sub is None:
                return None
            union |= sub
            if len(union) > MAX_SPELLINGS:
                return None
        return frozenset(union)
    if op in (C.MAX_REPEAT, C.MIN_REPEAT):
        low, high, sub_items = arg  # type: ignore[misc]
        if high > MAX_REPEAT_EXPANSION:
            return None
        once = _finite(list(sub_items), ignorecase)
        if once is None:
            return None
        result: set[_Spelling] = set()
        power = _EMPTY
        for count in range(high + 1):
            if count >= low:
                result |= power
            if count < high:
                power = _product(power, once)
                if len(power) > MAX_SPELLINGS:
                    return None
        return frozenset(result)
    return None


def _finite(items: list, ignorecase: bool) -> frozenset[_Spelling] | None:
    """Every text a sequence can match, when few and fixed; else None."""
    run = _EMPTY
    for op, arg in items:
        spellings = _spellings(op, arg, ignorecase)
        if spellings is None or len(run) * len(spellings) > MAX_SPELLINGS:
            return None
        run = _product(run, spellings)
    return run


def _item(op: object, arg: object, ignorecase: bool, min_length: int) -> frozenset[Literal] | None:
    """A required set inside one item that is not finite as a whole."""
    if op is C.SUBPATTERN:
        _group, add_flags, del_flags, sub = arg  # type: ignore[misc]
        inner = (ignorecase or bool(add_flags & re.IGNORECASE)) and not (del_flags & re.IGNORECASE)
        return _sequence(list(sub), inner, min_length)
    if op is C.BRANCH:
        union: set[Literal] = set()
        for alternative in arg[1]:  # type: ignore[index]
            sub = _sequence(list(alternative), ignorecase, min_length)
            if sub is None:
                return None
            union |= sub
        return frozenset(union)
    if op in (C.MAX_REPEAT, C.MIN_REPEAT) and arg[0] >= 1:  # type: ignore[index]
        return _sequence(list(arg[2]), ignorecase, min_length)  # type: ignore[index]
    return None


# ---------------------------------------------------------------- start literals


def start_literals(
    pattern: str, flags: int = re.IGNORECASE, min_length: int = 1
) -> frozenset[Literal] | None:
    """Literals such that every match of `pattern` starts with one of them.

    None when some match can start otherwise (with a character class, say). Used to try
    a pattern only where one of them occurs instead of at every offset.
    """
    try:
        parsed = _parser.parse(pattern, flags)
    except re.error:
        return None
    starts = _starts(list(parsed), bool(parsed.state.flags & re.IGNORECASE))
    if starts is None:
        return None
    literals = {Literal(text, cased) for text, cased in starts}
    if any(len(lit.text) < min_length for lit in literals):
        return None
    return _shortest_prefixes(literals)


def _shortest_prefixes(literals: set[Literal]) -> frozenset[Literal]:
    """Drop every literal that starts with another (the shorter finds both)."""
    kept: list[Literal] = []
    for lit in sorted(literals, key=_by_length):
        if not any(
            lit.text.startswith(k.text)
            if k.cased == lit.cased
            else (not k.cased and lit.text.lower().startswith(k.text))
            for k in kept
        ):
            kept.append(lit)
    return frozenset(kept)


def _starts(items: list, ignorecase: bool) -> frozenset[_Spelling] | None:
    """Texts every match of the sequence starts with ("" among them: no constraint)."""
    prefixes = _EMPTY
    for k, (op, arg) in enumerate(items):
        spellings = _spellings(op, arg, ignorecase)
        if spellings is not None and len(prefixes) * len(spellings) <= MAX_SPELLINGS:
            prefixes = _product(prefixes, spellings)
            continue
        if all(text for text, _ in prefixes):
            return prefixes  # each fixed beginning is already a start literal
        head = _item_starts(op, arg, ignorecase, items[k + 1 :])
        if head is None:
            return None
        return _product(prefixes, head)
    return prefixes


def _item_starts(
    op: object, arg: object, ignorecase: bool, rest: list
) -> frozenset[_Spelling] | None:
    """Texts a match of one item, followed by `rest`, starts with."""
    if op is C.SUBPATTERN:
        _group, add_flags, del_flags, sub = arg  # type: ignore[misc]
        inner = (ignorecase or bool(add_flags & re.IGNORECASE)) and not (del_flags & re.IGNORECASE)
        return _or_rest(_starts(list(sub), inner), ignorecase, rest)
    if op is C.BRANCH:
        union: set[_Spelling] = set()
        for alternative in arg[1]:  # type: ignore[index]
            sub = _or_rest(_starts(list(alternative), ignorecase), ignorecase, rest)
            if sub is None:
                return None
            union |= sub
        return frozenset(union)
    if op in (C.MAX_REPEAT, C.MIN_REPEAT):
        low, _high, sub_items = arg  # type: ignore[misc]
        once = _starts(list(sub_items), ignorecase)
        if low >= 1:
            return _or_rest(once, ignorecase, rest)
        if once is None:
            return None
        later = _starts(rest, ignorecase)
        if later is None:
            return None
        return _or_rest(once, ignorecase, rest) if any(not t for t, _ in once) else once | later
    return None


def _or_rest(
    starts: frozenset[_Spelling] | None, ignorecase: bool, rest: list
) -> frozenset[_Spelling] | None:
    """`starts`, where an empty start (the item may match nothing) is replaced by the
    starts of what follows."""
    if starts is None:
        return None
    if all(text for text, _ in starts):
        return starts
    later = _starts(rest, ignorecase)
    if later is None:
        return None
    return frozenset(s for s in starts if s[0]) | later


# ---------------------------------------------------------------- extent

# Above this, an extent counts as unbounded.
MAX_EXTENT = 1000


def max_extent(pattern: str, flags: int = re.IGNORECASE) -> int | None:
    """How far from its start a match of `pattern` can look: its longest match plus what
    its lookaheads read past it (None when unbounded).

    A match that contains a literal found at offset p therefore lies, lookaheads included,
    within [p - extent, p + extent]: a scan of that window finds it exactly.
    """
    try:
        parsed = _parser.parse(pattern, flags)
    except re.error:
        return None
    extent = _extent(list(parsed))
    return extent if extent is not None and extent <= MAX_EXTENT else None


def _extent(items: list) -> int | None:
    total = 0
    for op, arg in items:
        if op in (C.LITERAL, C.NOT_LITERAL, C.IN, C.ANY, C.CATEGORY):
            width: int | None = 1
        elif op is C.AT:
            width = 0
        elif op is C.SUBPATTERN:
            width = _extent(list(arg[-1]))  # type: ignore[index]
        elif op is C.BRANCH:
            widths = [_extent(list(alternative)) for alternative in arg[1]]  # type: ignore[index]
            width = None if None in widths else max(widths, default=0)  # type: ignore[type-var]
        elif op in (C.MAX_REPEAT, C.MIN_REPEAT):
            _low, high, sub = arg  # type: ignore[misc]
            once = _extent(list(sub))
            width = None if once is None or high > MAX_EXTENT else once * high
        elif op in (C.ASSERT, C.ASSERT_NOT):
            direction, sub = arg  # type: ignore[misc]
            # A lookahead reads on from here (counted as if consumed: an upper bound); a
            # lookbehind reads text before the match, which a window scan still sees.
            width = _extent(list(sub)) if direction == 1 else 0
        else:
            return None
        if width is None:
            return None
        total += width
        if total > MAX_EXTENT:
            return None
    return total


def breaker_class(pattern: str, flags: int = re.IGNORECASE) -> str | None:
    """A character class of characters that no match of `pattern` can contain, its
    lookarounds included: `[^\\w\\s’'.-]` for a pattern made of words, spaces, quotes,
    dots and hyphens. None when there is no such class worth having (the pattern can
    match any character, or uses `$`, whose result at a cut differs from before a
    character).

    A match that contains a literal found at offset p then lies between the nearest
    breaker before p and the nearest one after it; scanning only that stretch, cut at
    the breaker, finds it exactly (at the cut a lookahead or `\\b` sees the end of the
    text where it would have seen a breaker, and neither can match a breaker).
    """
    try:
        parsed = _parser.parse(pattern, flags)
    except re.error:
        return None
    alphabet = _Alphabet()
    if not alphabet.add_items(list(parsed)):
        return None
    if not (alphabet.word and alphabet.space):
        return None  # such patterns are not worth the extra scan
    extra = "".join(re.escape(c) for c in sorted(alphabet.chars))
    return rf"[^\w\s{extra}]"


class _Alphabet:
    """The characters a parsed pattern can match: \\w, \\s and single characters."""

    def __init__(self) -> None:
        self.word = False
        self.space = False
        self.chars: set[str] = set()

    def add_char(self, code: int) -> None:
        char = chr(code)
        # Case variants of letters and digits (also under IGNORECASE: "K", "ſ") are \w.
        if char.isalnum() or char == "_":
            self.word = True
        elif char.isspace():
            self.space = True
        else:
            self.chars.add(char)

    def add_items(self, items: list) -> bool:
        """Add what `items` can match; False when that is not a small known alphabet."""
        for op, arg in items:
            if op is C.LITERAL:
                self.add_char(arg)  # type: ignore[arg-type]
            elif op is C.IN:
                if not self._add_class(arg):  # type: ignore[arg-type]
                    return False
            elif op is C.AT:
                if arg in (C.AT_END, C.AT_END_LINE, C.AT_END_STRING, C.AT_BEGINNING_LINE):
                    return False
            elif op is C.SUBPATTERN:
                if not self.add_items(list(arg[-1])):  # type: ignore[index]
                    return False
            elif op is C.BRANCH:
                if not all(self.add_items(list(alt)) for alt in arg[1]):  # type: ignore[index]
                    return False
            elif op in (C.MAX_REPEAT, C.MIN_REPEAT, C.POSSESSIVE_REPEAT):
                if not self.add_items(list(arg[2])):  # type: ignore[index]
                    return False
            elif op in (C.ASSERT, C.ASSERT_NOT, C.ATOMIC_GROUP):
                sub = arg[1] if op is not C.ATOMIC_GROUP else arg  # type: ignore[index]
                if not self.add_items(list(sub)):
                    return False
            else:  # ANY, NOT_LITERAL, CATEGORY outside a class, group references...
                return False
        return True

    def _add_class(self, members: list) -> bool:
        for m_op, m_arg in members:
            if m_op is C.LITERAL:
                self.add_char(m_arg)
            elif m_op is C.RANGE:
                low, high = m_arg
                if high - low > 64:
                    return False
                for code in range(low, high + 1):
                    self.add_char(code)
            elif m_op is C.CATEGORY and m_arg in (C.CATEGORY_WORD, C.CATEGORY_UNI_WORD):
                self.word = True
            elif m_op is C.CATEGORY and m_arg in (C.CATEGORY_SPACE, C.CATEGORY_UNI_SPACE):
                self.space = True
            elif m_op is C.CATEGORY and m_arg in (C.CATEGORY_DIGIT, C.CATEGORY_UNI_DIGIT):
                self.word = True
            else:  # a negated class, other categories
                return False
        return True
