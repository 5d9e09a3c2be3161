"""Required literals of a regular expression: words any match must contain.

Used to prefilter: a cheap search for the literals finds where an expensive pattern can
possibly match. Works on Python's own parse of the pattern, so it needs no hand-written
keyword lists and also covers patterns users add.
"""

from __future__ import annotations

import re
from re import _constants as C  # type: ignore[attr-defined]
from re import _parser  # type: ignore[attr-defined]

MIN_LENGTH = 2


def required_literals(pattern: str) -> frozenset[str] | None:
    """Lower-case strings such that every match of `pattern` contains one of them.

    None when no such set of strings of at least MIN_LENGTH characters can be found
    (the pattern must then be tried everywhere).
    """
    try:
        parsed = _parser.parse(pattern, re.IGNORECASE)
    except re.error:
        return None
    return _sequence(list(parsed))


def _sequence(items: list) -> frozenset[str] | None:
    """The best required set of a sequence: a literal run, or a required sub-part."""
    options: list[frozenset[str]] = []
    run: list[str] = []
    for op, arg in items:
        if op is C.LITERAL:
            run.append(chr(arg))
            continue
        _close_run(run, options)
        run = []
        sub = _item(op, arg)
        if sub is not None:
            options.append(sub)
    _close_run(run, options)
    if not options:
        return None
    # The set whose shortest literal is longest filters best.
    return max(options, key=lambda s: (min(len(x) for x in s), -len(s)))


def _close_run(run: list[str], options: list[frozenset[str]]) -> None:
    words = "".join(run).lower().strip()
    if len(words) >= MIN_LENGTH:
        options.append(frozenset({words}))


def _item(op: object, arg: object) -> frozenset[str] | None:
    if op is C.SUBPATTERN:
        return _sequence(list(arg[-1]))  # type: ignore[index]
    if op is C.BRANCH:
        union: set[str] = set()
        for alternative in arg[1]:  # type: ignore[index]
            sub = _sequence(list(alternative))
            if sub is None:
                return None
            union |= sub
        return frozenset(union)
    if op in (C.MAX_REPEAT, C.MIN_REPEAT) and arg[0] >= 1:  # type: ignore[index]
        return _sequence(list(arg[2]))  # type: ignore[index]
    return None
