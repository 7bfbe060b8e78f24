"""Which files to read: explicitly named files, folders (recursively) and glob patterns.

A folder scan reports every entry it passes over and does not read (`Skipped`, with a reason):
other file endings, hidden files and folders, links to folders (not followed, as before),
broken or looping links, special files, and files or folders it cannot read. The run writes
each one to the manifest as a `skipped` row, so nothing vanishes without a trace.
"""

from __future__ import annotations

import glob
import os
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

TEXT_SUFFIXES = {".txt"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
CSV_SUFFIXES = {".csv"}
HTML_SUFFIXES = {".html", ".htm"}
SUFFIXES = TEXT_SUFFIXES | JSONL_SUFFIXES | CSV_SUFFIXES | HTML_SUFFIXES

_GLOB_CHARS = re.compile(r"[*?\[]")


class InputError(ValueError):
    """An input path that names nothing readable."""


@dataclass(frozen=True)
class Skipped:
    """A file or folder a folder scan passed over without reading it, and why."""

    path: Path
    reason: str


def _link_reason(path: Path, root: Path) -> str | None:
    """Why a symbolic link is skipped; None for a link to a file (read like the file)."""
    try:
        target = path.resolve(strict=True)
    except FileNotFoundError:
        return "a broken link: its target does not exist"
    except (RuntimeError, OSError):  # RuntimeError: Python 3.11's "symlink loop"
        return "a looping link: it leads back to itself"
    if not target.is_dir():
        return None
    if target == root.resolve() or target in root.resolve().parents or target in path.parents:
        return "a link to a folder that holds it (a loop): not followed"
    return "a link to a folder: links to folders are not followed"


def _skip_reason(entry: os.DirEntry, root: Path) -> str | None:
    """Why a folder scan does not read `entry`; None for a folder to enter or a file to read."""
    path = Path(entry.path)
    if entry.name.startswith("."):
        return "a hidden folder" if entry.is_dir(follow_symlinks=False) else "a hidden file"
    if entry.is_symlink():
        reason = _link_reason(path, root)
        if reason:
            return reason
    if entry.is_dir():
        return None
    if not entry.is_file():
        return "not a regular file"
    if path.suffix.lower() not in SUFFIXES:
        return f"not an input format ({path.suffix.lower() or 'no file ending'})"
    if not os.access(path, os.R_OK):
        return "cannot read the file (permission denied)"
    return None


def scan_folder(root: Path) -> Iterator[Path | Skipped]:
    """Every input file under `root` and every entry skipped, in sorted path order."""
    found: list[Path | Skipped] = []
    folders = [root]
    while folders:
        folder = folders.pop()
        try:
            with os.scandir(folder) as entries:
                listed = list(entries)
        except OSError as exc:
            found.append(Skipped(folder, f"cannot read the folder ({exc.strerror or exc})"))
            continue
        for entry in listed:
            reason = _skip_reason(entry, root)
            if reason:
                found.append(Skipped(Path(entry.path), reason))
            elif entry.is_dir():
                folders.append(Path(entry.path))
            else:
                found.append(Path(entry.path))
    yield from sorted(found, key=lambda item: item.path if isinstance(item, Skipped) else item)


def scan(inputs: Iterable[str | Path]) -> Iterator[Path | Skipped]:
    """Expand files, folders (recursively) and glob patterns into input files, in a stable
    order, with the entries a folder scan skipped. Raises InputError for a path that names
    nothing; a file named explicitly is read whatever its ending."""
    for item in inputs:
        text = str(item)
        path = Path(text)
        if path.is_file():
            yield path
        elif path.is_dir():
            yield from scan_folder(path)
        elif _GLOB_CHARS.search(text):
            matches = sorted(Path(p) for p in glob.glob(text, recursive=True))
            if not matches:
                raise InputError(f"{text}: the pattern matches no file")
            yield from (p for p in matches if p.is_file())
        else:
            raise InputError(f"{text}: no such file or folder")


def iter_files(inputs: Iterable[str | Path]) -> Iterator[Path]:
    """The input files of `scan`, without the skipped entries."""
    return (item for item in scan(inputs) if isinstance(item, Path))
