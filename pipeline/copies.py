"""Republished copies: one story read once, reported by every copy.

Wire stories are republished word for word by many outlets, and archives hold the same page
twice. An article whose text is the same as an earlier one's, once case, punctuation and white
space are set aside (`text_key`), is a copy: it is not annotated again; its manifest row has the
status `copy` and names the first article read with that text (`copy_of`); and every event of
that first article lists the copy among its sources (`article_ids`, `n_sources`, `source`).

Only the keys of the batch are held (about a hundred bytes an article), not the texts.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, field

import pandas as pd

from pipeline.manifest import manifest_row, text_key
from pipeline.schemas import Article, Event, ManifestRow

Recorder = Callable[[ManifestRow], None]


@dataclass
class Copies:
    """The first article of each text seen, and the copies of each first article."""

    first: dict[str, str] = field(default_factory=dict)  # text key -> article id
    of: dict[str, list[tuple[str, str]]] = field(default_factory=dict)  # id -> [(copy id, source)]

    def originals(self, articles: Iterable[Article], record: Recorder) -> Iterator[Article]:
        """The articles whose text is new in the batch; each copy is recorded in the manifest
        (status `copy`, `copy_of` the first article's id) instead."""
        for article in articles:
            key = text_key(article.text)
            original = self.first.setdefault(key, article.id)
            if original == article.id:
                yield article
                continue
            self.note(article.id, original, article.source)
            record(manifest_row(article, "copy", copy_of=original))

    def note(self, copy_id: str, original: str, source: str) -> None:
        """Note `copy_id` (read from `source`) as a copy of the article `original`."""
        self.of.setdefault(original, []).append((copy_id, source))

    @classmethod
    def of_manifest(cls, rows: pd.DataFrame, own: AbstractSet[str] = frozenset()) -> Copies:
        """The copies an articles table records (rows of status `copy` naming their `copy_of`),
        so that events rebuilt from a run's tables list them among their sources as the run's
        own events do; a copy in `own` (an article with events of its own, read as an original
        in another run) is left out, so that no event counts it twice."""
        copies = cls()
        marked = rows[(rows["status"] == "copy") & rows["article_id"].notna()]
        if "copy_of" not in marked.columns:
            return copies
        for aid, original, source in marked[["article_id", "copy_of", "source"]].itertuples(index=False):
            if isinstance(original, str) and original and str(aid) not in own:
                copies.note(str(aid), original, source if isinstance(source, str) else "")
        return copies

    def attach(self, events: Iterable[Event]) -> list[Event]:
        """The events, each with the copies of its articles among its sources."""
        out = []
        for event in events:
            ids = [a for a in event.article_ids.split(";") if a]
            extra = [c for a in ids for c in self.of.get(a, ())]
            if not extra:
                out.append(event)
                continue
            all_ids = sorted(set(ids) | {cid for cid, _ in extra})
            sources = [s for s in (event.source or "").split(";") if s]
            sources += [s for _, s in extra if s not in sources]
            out.append(event.model_copy(update={
                "article_ids": ";".join(all_ids), "n_sources": len(all_ids), "source": ";".join(sources),
            }))
        return out
