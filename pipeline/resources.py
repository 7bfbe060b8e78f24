"""The one loader of the data files in `models/`: word lists, tables and JSON, read once.

`models/` is the top-level folder of the design card. In a source checkout (and an editable
install) it sits beside the package; a built wheel carries it inside the package as
`pipeline/models/` (see `[tool.setuptools]` in pyproject.toml). Every module reads its data
through the functions here, named by their path below `models/` ("dates/future_words.txt"),
never through a path of its own.

A component that saves its data with `nlp.to_disk` reads them back from another root: every
function takes `root`, a folder laid out like `models/` (None: the shipped one).

One comment rule for every text file: a line whose first non-blank character is `#` is a
comment, blank lines are skipped, and each kept line is stripped of surrounding white space.
"""

from __future__ import annotations

import json
import re
import shutil
from functools import lru_cache
from pathlib import Path
from typing import Any

_HERE = Path(__file__).resolve().parent

# Where the shipped data live: inside the package in a wheel, beside it in a checkout.
_CANDIDATES = (_HERE / "models", _HERE.parent / "models")


class DataNotFound(FileNotFoundError):
    """A data file of models/ is missing: the package was installed without its data."""


def models_dir() -> Path:
    """The shipped `models/` folder (the packaged copy first, then the checkout's)."""
    for candidate in _CANDIDATES:
        if (candidate / "README.md").is_file() or (candidate / "triggers").is_dir():
            return candidate
    raise DataNotFound(
        "the newsevents data folder models/ was not found beside or inside the package "
        f"(looked in {', '.join(str(c) for c in _CANDIDATES)}); reinstall the package"
    )


def data_path(name: str, root: str | Path | None = None) -> Path:
    """The path of data file `name` (relative to `models/`, e.g. "casualties/outcomes.json")
    under `root` (None or "": the shipped data)."""
    base = Path(root) if root else models_dir()
    return base / name


def _existing(name: str, root: str | Path | None) -> Path:
    path = data_path(name, root)
    if not path.is_file():
        raise DataNotFound(f"data file {name} not found under {path.parent.parent}")
    return path


@lru_cache(maxsize=256)
def _lines_cached(path: Path) -> tuple[str, ...]:
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            out.append(line)
    return tuple(out)


def read_lines(name: str, root: str | Path | None = None) -> tuple[str, ...]:
    """The entries of a word list: non-blank, non-comment lines, stripped, in file order."""
    return _lines_cached(_existing(name, root))


def read_rows(name: str, root: str | Path | None = None) -> tuple[tuple[str, ...], ...]:
    """The rows of a tab-separated table (comment rule as `read_lines`), cells stripped."""
    return tuple(tuple(cell.strip() for cell in line.split("\t")) for line in read_lines(name, root))


def read_words(name: str, root: str | Path | None = None) -> frozenset[str]:
    """A word list as a set of lower-case entries."""
    return frozenset(line.lower() for line in read_lines(name, root))


def phrase_pattern(phrases: list[str]) -> re.Pattern[str] | None:
    """One pattern matching any of the phrases as words (of lower-cased text); None for none."""
    if not phrases:
        return None  # an empty alternation would match everywhere
    return re.compile(r"\b(?:" + "|".join(re.escape(p) for p in phrases) + r")\b")


@lru_cache(maxsize=64)
def _json_cached(path: Path) -> Any:
    return json.loads(path.read_text(encoding="utf-8"))


def read_json(name: str, root: str | Path | None = None) -> Any:
    """A JSON data file, parsed once (callers must not mutate the result)."""
    return _json_cached(_existing(name, root))


def copy_folder(folder: str, dest: str | Path, root: str | Path | None = None) -> Path:
    """Copy the data folder `folder` (e.g. "dates") from `root` to `dest/folder`, for a
    component's `to_disk`; returns the new folder."""
    src = data_path(folder, root)
    target = Path(dest) / folder
    if target.exists():
        shutil.rmtree(target)
    shutil.copytree(src, target, ignore=shutil.ignore_patterns("*.py", "__pycache__"))
    return target
