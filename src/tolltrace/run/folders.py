"""The folders a command reads and writes: absolute from the start, kept apart, written by
one build at a time, and filled whole.

- Every path from the command line is made absolute against the current folder once,
  before anything runs (`absolute`), so nothing depends on the working directory later
  (papermill changes it while notebooks run).
- The raw folder, the tables folder and the reports folder must be three folders, none
  inside another (`check_apart`): a build never writes among the articles it reads.
- A build holds a lock beside its output folder (`build_lock`); a second build into the
  same folder stops at once and says which process holds it.
- Tables are written into a private folder beside the target and moved in at the end
  (`swap_in`): the ledger is removed first and put back last, so a build stopped
  part-way leaves either the previous ledger with the previous tables, or no ledger,
  which `rebuild = False` refuses; never a new ledger beside old claims. Private folders
  left by a killed build are removed by the next one (`remove_leftovers`).
"""

from __future__ import annotations

import contextlib
import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

try:
    import fcntl
except ImportError:  # not on Windows: builds there are not locked
    fcntl = None  # type: ignore[assignment]

LEDGER_NAME = "articles.csv"


class FolderError(ValueError):
    """Folders that cannot be used as given: one inside another, locked, not writable."""


def absolute(path: Path | str) -> Path:
    """`path` made absolute against the current folder, without following links."""
    return Path(os.path.abspath(Path(path).expanduser()))


def check_apart(folders: dict[str, Path]) -> None:
    """Raise FolderError when two of the named folders are one, or one is inside another.

    `folders` maps the option a user gave ("--raw-dir") to its path."""
    real = {name: Path(os.path.realpath(path)) for name, path in folders.items()}
    names = list(real)
    for i, first in enumerate(names):
        for second in names[i + 1 :]:
            a, b = real[first], real[second]
            if a == b:
                raise FolderError(
                    f"{first} and {second} are the same folder ({folders[first]}); give each "
                    "its own folder so the build never writes over the articles or the tables"
                )
            for inner, outer in ((first, second), (second, first)):
                if real[outer] in real[inner].parents:
                    raise FolderError(
                        f"{inner} ({folders[inner]}) is inside {outer} ({folders[outer]}); "
                        "choose folders side by side, not one inside another"
                    )


def check_writable(folder: Path, option: str) -> None:
    """Raise FolderError when `folder` cannot be made or written, before any work is done."""
    existing = next((p for p in (folder, *folder.parents) if p.exists()), None)
    if existing is not None and not existing.is_dir():
        raise FolderError(f"{option} {folder}: {existing} is a file, not a folder")
    if existing is not None and not os.access(existing, os.W_OK | os.X_OK):
        raise FolderError(f"{option} {folder}: {existing} cannot be written; choose another folder")


def _lock_path(out_dir: Path) -> Path:
    return out_dir.parent / f".{out_dir.name}.lock"


@contextlib.contextmanager
def build_lock(out_dir: Path, option: str = "--out-dir", wait: bool = False) -> Iterator[None]:
    """Hold the build lock of `out_dir`. When another build holds it: wait for it, or
    raise FolderError naming the holder."""
    out_dir.parent.mkdir(parents=True, exist_ok=True)
    path = _lock_path(out_dir)
    with open(path, "a+", encoding="utf-8") as handle:
        if fcntl is not None:
            try:
                fcntl.flock(handle, fcntl.LOCK_EX if wait else fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                handle.seek(0)
                holder = handle.read().strip() or "another process"
                raise FolderError(
                    f"{option} {out_dir} is being written by another tolltrace build "
                    f"({holder}); wait for it to finish, or choose another folder"
                ) from None
        handle.seek(0)
        handle.truncate()
        handle.write(f"process {os.getpid()}\n")
        handle.flush()
        try:
            yield
        finally:
            handle.seek(0)
            handle.truncate()


def _private_prefix(out_dir: Path) -> str:
    return f".{out_dir.name}-build-"


def remove_leftovers(out_dir: Path) -> None:
    """Remove private folders a stopped build left beside `out_dir` (call under the lock)."""
    if not out_dir.parent.is_dir():
        return
    for left in out_dir.parent.glob(f"{_private_prefix(out_dir)}*"):
        if left.is_dir() and not left.is_symlink():
            shutil.rmtree(left, ignore_errors=True)


@contextlib.contextmanager
def private_folder(out_dir: Path) -> Iterator[Path]:
    """A fresh folder beside `out_dir` for a build's tables, removed afterwards."""
    out_dir.parent.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(dir=out_dir.parent, prefix=_private_prefix(out_dir)))
    try:
        yield work
    finally:
        shutil.rmtree(work, ignore_errors=True)


def swap_in(work: Path, out_dir: Path) -> list[Path]:
    """Move every table of `work` (and its datapackage.json) into `out_dir`, the ledger
    out first and in last; return the new paths in the order moved."""
    out_dir.mkdir(parents=True, exist_ok=True)
    (out_dir / LEDGER_NAME).unlink(missing_ok=True)
    moved = []
    made = [*work.glob("*.csv"), *work.glob("*.json")]
    for table in sorted(made, key=lambda p: (p.name == LEDGER_NAME, p.name)):
        os.replace(table, out_dir / table.name)
        moved.append(out_dir / table.name)
    return moved
