"""What our spaCy components share: data read through `pipeline.resources` from a root laid
out like `models/`, and saved with the pipeline by `nlp.to_disk`.

A component subclasses `DataPipe`, names the folders of `models/` it reads (`folders`) and
reads them in `load()` from `self.root`. `nlp.to_disk(path)` copies those folders into the
component's own directory; `spacy.load(path)` (or `from_disk`) reads them back from there, so a
saved pipeline carries its lexicons. spaCy imports nothing here: this module stays light.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from pipeline import resources


class DataPipe:
    """Base of a component whose data are files of `models/` (see the module docstring)."""

    folders: tuple[str, ...] = ()

    def __init__(self, root: str | Path | None = None) -> None:
        self.root: Path | None = Path(root) if root else None
        self.load()

    def load(self) -> None:
        """Read the component's data from `self.root` (None: the shipped `models/`)."""
        raise NotImplementedError

    def to_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> None:
        """Save the component's data folders under `path` (called by `nlp.to_disk`)."""
        path = Path(path)
        path.mkdir(parents=True, exist_ok=True)
        for folder in self.folders:
            resources.copy_folder(folder, path, self.root)

    def from_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> "DataPipe":
        """Read the component's data back from a folder written by `to_disk`."""
        self.root = Path(path)
        self.load()
        return self
