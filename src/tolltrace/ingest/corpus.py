"""Settings that belong to a corpus, not to the code: RAW_DIR/corpus.toml.

Keys: `name` (text) and `event_start` (a TOML date or "YYYY-MM-DD": the day the events
began; weekday references in the text resolve against it). `--event-start` on the command
line overrides the file; without either, event_start is None and dates that depend on it
stay unknown.
"""

from __future__ import annotations

import datetime as dt
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from tolltrace import config

KNOWN_KEYS = ("name", "event_start")


class CorpusConfigError(ValueError):
    """corpus.toml or an event start that cannot be used; the message names the source."""


@dataclass(frozen=True, slots=True)
class CorpusConfig:
    """What corpus.toml says (defaults when there is none)."""

    path: Path | None = None
    name: str = ""
    event_start: dt.date | None = None
    warnings: tuple[str, ...] = field(default=())


def parse_event_start(value: object, origin: str = "--event-start") -> dt.date:
    """A date from a date, datetime or "YYYY-MM-DD" text; CorpusConfigError otherwise."""
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
            pass
    raise CorpusConfigError(f"{origin}: event start {value!r} is not a date (YYYY-MM-DD)")


def read_corpus_config(raw_dir: Path) -> CorpusConfig:
    """Read RAW_DIR/corpus.toml; no file gives the defaults."""
    path = Path(raw_dir) / config.CORPUS_CONFIG_NAME
    if not path.is_file():
        return CorpusConfig()
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError, OSError) as err:
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
        event_start = parse_event_start(data["event_start"], origin=str(path))
    return CorpusConfig(path=path, name=name, event_start=event_start, warnings=warnings)


def resolve_event_start(override: object, corpus: CorpusConfig) -> dt.date | None:
    """The event start to use: the override when given, else corpus.toml's, else None."""
    if override is not None and override != "":
        return parse_event_start(override)
    return corpus.event_start
