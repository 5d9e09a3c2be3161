"""The vocabularies of the tables: every value a vocabulary column may hold.

Each member's value is the exact text written to the CSVs, and the members are listed in
the order the data dictionary, the schemas and the charts show them. StrEnum members are
str, so they compare, hash and join as the plain text does.
"""

from __future__ import annotations

from enum import StrEnum


class Outcome(StrEnum):
    """What happened to the people a figure counts."""

    KILLED = "killed"
    INJURED = "injured"
    MISSING = "missing"


class Qualifier(StrEnum):
    """How a figure is stated."""

    EXACT = "exact"
    ABOUT = "about"
    MORE_THAN = "more_than"
    AT_LEAST = "at_least"
    UP_TO = "up_to"
    RANGE = "range"
    VAGUE = "vague"


class VictimGroup(StrEnum):
    """Who a figure counts."""

    CIVILIANS = "civilians"
    SECURITY_FORCES = "security_forces"
    FIGHTERS = "fighters"
    COMBATANTS = "combatants"
    ALL = "all"
    UNSPECIFIED = "unspecified"


class Series(StrEnum):
    """The victims a release counts, once "people" is resolved (analysis/series.py): a
    count of unspecified people joins civilians or all victims only on evidence, else it
    is a series of its own."""

    CIVILIANS = "civilians"
    UNSPECIFIED = "unspecified"
    SECURITY_FORCES = "security_forces"
    FIGHTERS = "fighters"
    COMBATANTS = "combatants"
    ALL = "all"


class PlaceKind(StrEnum):
    """What kind of area a figure counts (analysis/places.py)."""

    EVENT = "event"
    COUNTRY = "country"
    REGION = "region"
    CITY = "city"
    OTHER = "other"


class EscalationFlag(StrEnum):
    """Why a point of the escalation chart is off its series' line."""

    LOWER = "lower_than_earlier"
    UNATTRIBUTED = "unattributed"
    UNDATED = "undated"


class Scope(StrEnum):
    """What stretch of time a figure covers."""

    CUMULATIVE = "cumulative"
    DAILY = "daily"
    INCIDENT = "incident"
    INCREMENT = "increment"


class SourceBasis(StrEnum):
    """How a claim's source was found."""

    EXPLICIT = "explicit"
    CARRIED = "carried"
    NONE = "none"


class AsOfBasis(StrEnum):
    """What dated a claim's figure."""

    PUBLISHED = "published"
    TEXT = "text"
    INHERITED = "inherited"
    CORRECTION = "correction"
    UNKNOWN = "unknown"


class DivergenceClass(StrEnum):
    """How a claim differs from the release it is compared with."""

    SAME = "same"
    TIMING = "timing"
    CATEGORY_SHIFT = "category_shift"
    QUALIFIER_DRIFT = "qualifier_drift"
    ATTRIBUTION_SHIFT = "attribution_shift"
    CONTRADICTION = "contradiction"
    UNKNOWN = "unknown"


class OrderBasis(StrEnum):
    """What decided a release's place in its series."""

    TIME = "time"
    VALUE = "value"


class CheckKind(StrEnum):
    """How a total was checked against its parts."""

    ALGEBRA = "algebra"
    PART_OF = "part_of"
    PARTIAL = "partial"


class ConsistencyStatus(StrEnum):
    """The result of checking a total against its parts."""

    CONSISTENT = "consistent"
    INCONSISTENT = "inconsistent"
    NOT_CHECKABLE = "not_checkable"


class Grade(StrEnum):
    """How many named sources give an estimate's best figure."""

    SINGLE_SOURCE = "single_source"
    MULTIPLE_SOURCES = "multiple_sources"


class ArticleStatus(StrEnum):
    """What happened to an input file (the articles ledger)."""

    OK = "ok"
    WARNING = "warning"
    EMPTY = "empty"
    BINARY = "binary"
    DUPLICATE = "duplicate"
    MISSING = "missing"
    TOO_LARGE = "too_large"
    UNREADABLE = "unreadable"
    OFF_EVENT = "off_event"


class Correction(StrEnum):
    """What a journalist's corrections.csv did to a claim (empty: nothing)."""

    REJECTED = "rejected"
    CORRECTED = "corrected"
    ADDED = "added"


class CorrectionAction(StrEnum):
    """The `action` of a row of corrections.csv."""

    REJECT = "reject"
    SET = "set"
    ADD = "add"


class Change(StrEnum):
    """How a claim or release differs from the last build's (changes.csv)."""

    ADDED = "added"
    REMOVED = "removed"
    CHANGED = "changed"


class ChangedRecord(StrEnum):
    """What a row of changes.csv is about."""

    CLAIM = "claim"
    RELEASE = "release"


class ArticleFormat(StrEnum):
    """How an input file was read."""

    TEXT = "text"
    HTML = "html"


# Where code needs the values in order as a tuple (a membership test against plain text,
# a chart's colour domain).
OUTCOMES: tuple[Outcome, ...] = tuple(Outcome)
DIVERGENCE_CLASSES: tuple[DivergenceClass, ...] = tuple(DivergenceClass)
