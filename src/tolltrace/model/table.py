"""The shape of a column definition (Column) and of a table (Table), with shorthands for
the kinds of column; columns.py holds the definitions themselves.

Plain data: nothing here needs pandas or pandera.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from enum import StrEnum


class Kind(StrEnum):
    """What a column's cells hold."""

    TEXT = "text"
    INT = "int"
    BOOL = "bool"
    NUMBER = "number"  # integer or decimal; a reader types it from its cells
    DATE = "date"  # an ISO date, yyyy-mm-dd, held as text


class Origin(StrEnum):
    """Which stage fills a claims column."""

    EXTRACTOR = "extractor"
    PIPELINE = "pipeline"
    ANALYSIS = "analysis"


@dataclass(frozen=True, slots=True)
class Pattern:
    """A pattern a whole text cell must match (`regex` has no anchors)."""

    label: str
    regex: str


ISO_DATE = Pattern("ISO date", r"\d{4}-\d{2}-\d{2}")
SHA256 = Pattern("sha256 in lowercase hex", r"[0-9a-f]{64}")


@dataclass(frozen=True, slots=True)
class Column:
    """One column: what it holds, what it may hold, and what it means.

    `empty`: whether a cell may be empty (a missing value, or empty text). `ge`: the least
    value of an integer. `min_length`: the least length of a text that may not be empty.
    `pattern`: what a text must match (dates always match ISO_DATE). `origin`: the stage
    that fills it (claims only).
    """

    name: str
    kind: Kind
    meaning: str
    values: type[StrEnum] | None = None
    empty: bool = False
    ge: int | None = None
    min_length: int = 1
    pattern: Pattern | None = None
    origin: Origin | None = None

    @property
    def text_pattern(self) -> Pattern | None:
        """The pattern a non-empty cell must match, if any."""
        return ISO_DATE if self.kind is Kind.DATE else self.pattern

    def but(self, meaning: str | None = None, **changes: object) -> Column:
        """This column as another table uses it: its own meaning, or other changes."""
        if meaning is not None:
            changes["meaning"] = meaning
        return replace(self, **changes)


def text(
    name: str,
    meaning: str,
    *,
    empty: bool = True,
    min_length: int = 1,
    pattern: Pattern | None = None,
) -> Column:
    """A text column; one that may not be empty has at least `min_length` characters."""
    return Column(name, Kind.TEXT, meaning, empty=empty, min_length=min_length, pattern=pattern)


def vocab(name: str, values: type[StrEnum], meaning: str, *, empty: bool = False) -> Column:
    """A text column whose cells are members of the vocabulary `values`."""
    return Column(name, Kind.TEXT, meaning, values=values, empty=empty)


def integer(name: str, meaning: str, *, ge: int | None = 0, empty: bool = False) -> Column:
    """An integer column, at least `ge`."""
    return Column(name, Kind.INT, meaning, empty=empty, ge=ge)


def flag(name: str, meaning: str) -> Column:
    """A true/false column."""
    return Column(name, Kind.BOOL, meaning)


def date(name: str, meaning: str, *, empty: bool = True) -> Column:
    """An ISO date column."""
    return Column(name, Kind.DATE, meaning, empty=empty)


@dataclass(frozen=True)
class Table:
    """A table: its columns in written order, its sort keys and its unique key."""

    name: str
    title: str
    about: str
    columns: tuple[Column, ...]
    sort_keys: tuple[str, ...]
    unique: tuple[str, ...] = ()
    written: bool = True
    _by_name: dict[str, Column] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        by_name = {column.name: column for column in self.columns}
        if len(by_name) != len(self.columns):
            raise ValueError(f"{self.name}: a column is defined twice")
        object.__setattr__(self, "_by_name", by_name)
        self.select(*self.sort_keys, *self.unique)

    @property
    def names(self) -> tuple[str, ...]:
        """Every column name, in written order."""
        return tuple(self._by_name)

    @property
    def file(self) -> str:
        """The table's file name."""
        return f"{self.name}.csv"

    def column(self, name: str) -> Column:
        """The column called `name`; KeyError naming the table when there is none."""
        try:
            return self._by_name[name]
        except KeyError:
            raise KeyError(f"{self.file} has no column {name!r}") from None

    def select(self, *names: str) -> tuple[str, ...]:
        """`names`, each checked to be a column of this table (KeyError otherwise)."""
        return tuple(self.column(name).name for name in names)

    def of_kind(self, *kinds: Kind) -> tuple[str, ...]:
        """Names of the columns of these kinds, in written order."""
        return tuple(c.name for c in self.columns if c.kind in kinds)

    def from_origin(self, *origins: Origin) -> tuple[str, ...]:
        """Names of the columns filled by these stages, in written order."""
        return tuple(c.name for c in self.columns if c.origin in origins)
