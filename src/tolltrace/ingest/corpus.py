"""Settings that belong to a corpus, not to the code: RAW_DIR/corpus.toml.

```toml
name = "Killings in Syria's coastal region, March 2025"
event_start = 2025-03-06        # the day the events began ("on Saturday" resolves against it)
event_end = 2025-03-31          # optional: the last day an article may be published
                                # (or window_days = 30, counted from event_start)
countries = ["SY"]              # optional: where it happened (ISO codes or names)
area = ["coastal region"]       # optional: the words for the whole area of the event

[places]                        # optional: local places the gazetteers do not know
Baniyas = "city"                # a kind: city, region or other
"Jableh" = { kind = "city", aliases = ["Jabla"] }
```

`--event-start` on the command line overrides the file; without either, event_start is
None and dates that depend on it stay unknown. Without `event_end` or `window_days`
articles are off the event only when published before `event_start`.
"""

from __future__ import annotations

import datetime as dt
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from tolltrace import config

KNOWN_KEYS = ("name", "event_start", "event_end", "window_days", "countries", "area", "places")
PLACE_KINDS = ("country", "region", "city", "other")
# Dates outside these years are typos ("2205-03-06"), not events.
EARLIEST_YEAR, LATEST_YEAR = 1900, 2100


class CorpusConfigError(ValueError):
    """corpus.toml or an event start that cannot be used; the message names the source."""


@dataclass(frozen=True, slots=True)
class LocalPlace:
    """A place corpus.toml declares: its name, kind and other spellings."""

    name: str
    kind: str
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class CorpusConfig:
    """What corpus.toml says (defaults when there is none)."""

    path: Path | None = None
    name: str = ""
    event_start: dt.date | None = None
    event_end: dt.date | None = None
    countries: tuple[str, ...] = ()
    area: tuple[str, ...] = ()
    places: tuple[LocalPlace, ...] = ()
    warnings: tuple[str, ...] = field(default=())


def parse_event_start(value: object, origin: str = "--event-start") -> dt.date:
    """A date from a date, datetime or "YYYY-MM-DD" text; CorpusConfigError otherwise."""
    date = _date(value)
    if date is None:
        raise CorpusConfigError(
            f"{origin}: {value!r} is not a date; write it as YYYY-MM-DD, e.g. event_start = "
            "2025-03-06 (a TOML date, no quotes needed)"
        )
    if not EARLIEST_YEAR <= date.year <= LATEST_YEAR:
        raise CorpusConfigError(
            f"{origin}: {date.isoformat()} is outside {EARLIEST_YEAR}-{LATEST_YEAR}; check the year"
        )
    return date


def _date(value: object) -> dt.date | None:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        text = value.strip()
        try:
            if len(text) == 10:
                return dt.date.fromisoformat(text)
        except ValueError:
            return None
    return None


def read_corpus_config(raw_dir: Path) -> CorpusConfig:
    """Read RAW_DIR/corpus.toml; no file gives the defaults."""
    path = Path(raw_dir) / config.CORPUS_CONFIG_NAME
    if not path.is_file():
        return CorpusConfig()
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as err:
        raise CorpusConfigError(
            f"{path}: cannot read the corpus settings ({err}); a date is written "
            'event_start = 2025-03-06, a name in quotes: name = "My event"'
        ) from err
    except (UnicodeDecodeError, OSError) as err:
        raise CorpusConfigError(f"{path}: cannot read the corpus settings: {err}") from err
    warnings = tuple(
        f"{path}: unknown setting {key!r} ignored (known: {', '.join(KNOWN_KEYS)})"
        for key in sorted(data)
        if key not in KNOWN_KEYS
    )
    name = data.get("name", "")
    if not isinstance(name, str):
        raise CorpusConfigError(f"{path}: name must be text, got {name!r}")
    event_start = None
    if "event_start" in data:
        event_start = parse_event_start(data["event_start"], origin=f"{path}: event_start")
    return CorpusConfig(
        path=path,
        name=name,
        event_start=event_start,
        event_end=_event_end(data, event_start, path),
        countries=_texts(data, "countries", path),
        area=_texts(data, "area", path),
        places=_places(data.get("places", {}), path),
        warnings=warnings,
    )


def _event_end(data: dict, event_start: dt.date | None, path: Path) -> dt.date | None:
    if "event_end" in data and "window_days" in data:
        raise CorpusConfigError(f"{path}: give event_end or window_days, not both")
    if "event_end" in data:
        end = parse_event_start(data["event_end"], origin=f"{path}: event_end")
        if event_start is not None and end < event_start:
            raise CorpusConfigError(f"{path}: event_end {end} is before event_start {event_start}")
        return end
    if "window_days" in data:
        days = data["window_days"]
        if not isinstance(days, int) or isinstance(days, bool) or days < 0:
            raise CorpusConfigError(f"{path}: window_days must be a whole number of days")
        if event_start is None:
            raise CorpusConfigError(f"{path}: window_days needs event_start")
        return event_start + dt.timedelta(days=days)
    return None


def _texts(data: dict, key: str, path: Path) -> tuple[str, ...]:
    value = data.get(key, [])
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise CorpusConfigError(f'{path}: {key} must be a list of names, e.g. {key} = ["..."]')
    return tuple(v.strip() for v in value if v.strip())


def _places(table: object, path: Path) -> tuple[LocalPlace, ...]:
    if not isinstance(table, dict):
        raise CorpusConfigError(f'{path}: [places] must be a table: Baniyas = "city"')
    places = []
    for name, value in table.items():
        kind, aliases = (value, []) if isinstance(value, str) else (None, None)
        if isinstance(value, dict):
            kind, aliases = value.get("kind"), value.get("aliases", [])
        if kind not in PLACE_KINDS or not isinstance(aliases, list):
            raise CorpusConfigError(
                f"{path}: place {name!r}: give a kind ({', '.join(PLACE_KINDS)}), "
                f'e.g. {name} = "city" or {name} = {{ kind = "city", aliases = ["..."] }}'
            )
        places.append(LocalPlace(str(name), kind, tuple(str(a) for a in aliases)))
    return tuple(places)


def resolve_event_start(override: object, corpus: CorpusConfig) -> dt.date | None:
    """The event start to use: the override when given, else corpus.toml's, else None."""
    if override is not None and override != "":
        return parse_event_start(override)
    return corpus.event_start
