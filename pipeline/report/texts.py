"""The cleaned texts of a run's articles, read again from the run's input files.

A run stores no article text: its manifest names each article's input (`source`: the file,
with `:LINE` for JSON Lines and CSV rows). The report reads those files again with the run's
own reader (`pipeline.ingest.read_inputs`) and cleaner (`pipeline.clean.clean_article`), which
are deterministic, so the facts' character spans land on the same words. A file that is gone
(or changed) is reported as such, never guessed at.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

_LINE_SUFFIX = re.compile(r":(\d+)$")


@dataclass
class Texts:
    """Cleaned texts by manifest `source`, and why the others are missing (by input file)."""

    by_source: dict[str, str] = field(default_factory=dict)
    missing: dict[str, str] = field(default_factory=dict)

    def text(self, source: str | None) -> str | None:
        """The cleaned text of the article read from `source`, None when it is unavailable."""
        return self.by_source.get(source) if source else None

    def why_missing(self, source: str | None) -> str:
        """Why the text of `source` is unavailable, for the event page."""
        if not source:
            return "the manifest names no input for this article"
        path = input_file(source)
        return self.missing.get(path, f"{source}: no article of this source was found in {path}")


def input_file(source: str) -> str:
    """The input file of a manifest `source` ("a/b.jsonl:12" -> "a/b.jsonl")."""
    if Path(source).exists():  # a file whose own name ends in ":12"
        return source
    return _LINE_SUFFIX.sub("", source)


def locate(path: str, bases: Iterable[Path]) -> Path | None:
    """The existing file `path` names: as given (absolute, or relative to the working
    folder), else relative to each of `bases` in turn."""
    candidate = Path(path)
    if candidate.is_file():
        return candidate
    if candidate.is_absolute():
        return None
    for base in bases:
        if (base / candidate).is_file():
            return base / candidate
    return None


def _read_file(found: Path, given: str, texts: Texts) -> None:
    """Read the articles of one input file into `texts`, keyed by the source the run wrote
    (the file as the manifest names it, plus the reader's `:LINE`)."""
    from pipeline.clean import clean_article  # the run's own stages: same text, same spans
    from pipeline.ingest import read_inputs
    from pipeline.schemas import Article

    for record in read_inputs([found]):
        if not isinstance(record, Article):
            continue
        suffix = record.source[len(str(found)):] if record.source.startswith(str(found)) else ""
        try:
            texts.by_source[given + suffix] = clean_article(record).text
        except Exception as exc:  # noqa: BLE001  the run recorded this article as failed too
            texts.missing[given] = f"{given}: cleaning failed again ({exc})"


def read_texts(sources: Iterable[str], bases: Iterable[Path] = ()) -> Texts:
    """The cleaned texts of the articles read from `sources` (manifest `source` values);
    a relative input path is looked for in the working folder, then under each of `bases`."""
    texts = Texts()
    bases = tuple(bases)
    for given in sorted({input_file(s) for s in sources if s}):
        found = locate(given, bases)
        if found is None:
            texts.missing[given] = f"{given}: the input file is no longer there"
            continue
        _read_file(found, given, texts)
    return texts
