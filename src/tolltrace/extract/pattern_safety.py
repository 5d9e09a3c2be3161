"""Patterns a journalist writes in `sources.csv` must not take exponential time.

Python's `re` backtracks: a repeated group that itself repeats, or offers alternatives
("(x+x+)+y", "(a|aa)+"), can take seconds per character on text that almost matches.
Such a pattern is refused when the table is loaded, with its row; it can always be
written without nesting ("x+y", "a+").
"""

from __future__ import annotations

import re

_UNBOUNDED_RE = re.compile(r"[+*]|\{\d*,\}")


def _unbounded_at(pattern: str, i: int) -> bool:
    return _UNBOUNDED_RE.match(pattern, i) is not None


def _skip_class(pattern: str, i: int) -> int:
    """The offset after the character class that opens at `i` ("[...]")."""
    j = i + 1
    if pattern.startswith("^", j):
        j += 1
    if pattern.startswith("]", j):
        j += 1
    while j < len(pattern) and pattern[j] != "]":
        j += 2 if pattern[j] == "\\" else 1
    return j + 1


def nested_repeat(pattern: str) -> str:
    """Why `pattern` may backtrack exponentially ("" when it cannot this way): a group
    repeated without bound that holds an unbounded repeat or alternatives."""
    groups: list[list[bool]] = [[False, False]]  # per open group: repeats inside, has "|"
    i = 0
    while i < len(pattern):
        char = pattern[i]
        if char == "\\":
            i += 2
            if _unbounded_at(pattern, i):
                groups[-1][0] = True
            continue
        if char == "[":
            i = _skip_class(pattern, i)
            if _unbounded_at(pattern, i):
                groups[-1][0] = True
            continue
        i += 1
        if char == "(":
            groups.append([False, False])
        elif char == ")" and len(groups) > 1:
            repeats, alternatives = groups.pop()
            if _unbounded_at(pattern, i):
                if repeats:
                    return "repeats a group that itself repeats, as in (x+)+"
                if alternatives:
                    return "repeats a group of alternatives, as in (a|aa)+"
                groups[-1][0] = True
            elif repeats:
                groups[-1][0] = True
        elif char == "|":
            groups[-1][1] = True
        elif _unbounded_at(pattern, i - 1):
            groups[-1][0] = True
    return ""
