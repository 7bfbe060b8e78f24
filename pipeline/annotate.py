"""The nlp stage's loop: annotate articles in batches, one article's failure never the batch's.

`annotate` streams `(article, doc, None)`, or `(article, None, error)` for an article the NLP
failed on, in input order, through `nlp.pipe` (worker processes with `n_process > 1`).

- **Long articles** (over `PIECE_CHARS` characters; spaCy refuses texts over `nlp.max_length`,
  and the model's memory grows with a Doc's length) are parsed in pieces cut at paragraph
  breaks, joined back into one Doc with the article's exact text (so every offset holds), and
  only then given to our components. They are done in this process, in their place in the
  stream: a placeholder holds their slot in `nlp.pipe`.
- **Failures**: spaCy drops a Doc that a component raised on and calls the error handler;
  a Doc that cannot even be made (a tokenizer error) never enters the pipe. Either way the
  article comes out with its error.
- **Interruptions**: when the loop ends by an exception (Ctrl-C, SIGTERM turned into
  `pipeline.signals.RunInterrupted`), the worker processes are stopped at once instead of
  waiting for work they will never get (`stop_workers`).
"""

from __future__ import annotations

import os
import re
from collections import OrderedDict
from collections.abc import Iterable, Iterator

from spacy.language import Language
from spacy.tokens import Doc

from pipeline.nlp import COMPONENTS, describe, make_doc
from pipeline.schemas import Article
from pipeline.signals import stop_workers

# Articles longer than this are parsed in pieces of at most this many characters.
PIECE_CHARS = 100_000

_BREAKS = (re.compile(r"\n\s*\n"), re.compile(r"\n"), re.compile(r"(?<=[.!?])\s+"), re.compile(r"\s+"))


def split_pieces(text: str, size: int = PIECE_CHARS) -> list[str]:
    """`text` cut into consecutive pieces of at most `size` characters that join back into it
    exactly, each cut after a paragraph break if there is one in the piece's second half, else
    after a line break, a sentence end, any white space, and as a last resort anywhere."""
    pieces: list[str] = []
    start = 0
    while len(text) - start > size:
        window = text[start : start + size]
        cut = size
        for pattern in _BREAKS:
            ends = [m.end() for m in pattern.finditer(window, size // 2)]
            if ends:
                cut = ends[-1]
                break
        pieces.append(text[start : start + cut])
        start += cut
    pieces.append(text[start:])
    return pieces


def annotate_long(nlp: Language, article: Article, size: int = PIECE_CHARS) -> Doc:
    """Annotate a long article: the model's components on each piece, our components on the
    joined Doc (their rules read the whole story)."""
    ours = [name for name in COMPONENTS if name in nlp.pipe_names]
    pieces = [nlp.make_doc(piece) for piece in split_pieces(article.text, size)]
    with nlp.select_pipes(disable=ours):
        parsed = list(nlp.pipe(pieces, batch_size=1))
    doc = describe(Doc.from_docs(parsed, ensure_whitespace=False), article)
    for name in ours:
        doc = nlp.get_pipe(name)(doc)
    return doc


class _Tracker:
    """The articles sent into `nlp.pipe` and not yet back, and why some will not come back."""

    def __init__(self, nlp: Language) -> None:
        self.nlp = nlp
        self.pending: OrderedDict[str, Article] = OrderedDict()
        self.errors: dict[str, str] = {}
        self.long: set[str] = set()

    def on_error(self, name: str | None, proc: object, docs: list[Doc] | None, exc: Exception) -> None:
        """spaCy's error handler: remember why a Doc was dropped, for the manifest."""
        if name:
            message = f"component {name} failed: {type(exc).__name__}: {exc}"
        else:  # a worker's whole traceback: its last line says what went wrong
            lines = [line for line in str(exc).splitlines() if line.strip()]
            message = f"NLP worker failed: {lines[-1] if lines else exc}"
        if docs is None:
            # From a worker process: results arrive in input order, so the failed doc is the
            # oldest one still pending.
            if self.pending:
                self.errors[next(iter(self.pending))] = message
            return
        for doc in docs:
            self.errors[doc._.article_id] = message

    def docs(self, articles: Iterable[Article]) -> Iterator[Doc]:
        """The Docs to pipe: the article's, or an empty placeholder for a long article or one
        whose Doc cannot be made."""
        for article in articles:
            self.pending[article.id] = article
            if len(article.text) > PIECE_CHARS:
                self.long.add(article.id)
                yield self._placeholder(article)
                continue
            try:
                doc = make_doc(self.nlp, article)
            except Exception as exc:  # noqa: BLE001  one odd text must not end the batch
                self.errors[article.id] = f"the text cannot be tokenized: {type(exc).__name__}: {exc}"
                doc = self._placeholder(article)
            yield doc

    def _placeholder(self, article: Article) -> Doc:
        doc = Doc(self.nlp.vocab, words=[])
        doc._.article_id = article.id
        return doc

    def returned(self, doc: Doc) -> Iterator[tuple[Article, Doc | None, str | None]]:
        """The results a Doc back from the pipe settles: the dropped articles before it, then
        its own."""
        aid = doc._.article_id
        yield from self.dropped(aid)
        article = self.pending.pop(aid)
        if aid in self.errors:
            yield article, None, self.errors.pop(aid)
        elif aid in self.long:
            self.long.discard(aid)
            try:
                yield article, annotate_long(self.nlp, article), None
            except Exception as exc:  # noqa: BLE001
                yield article, None, f"the NLP failed on this long article: {type(exc).__name__}: {exc}"
        else:
            yield article, doc, None

    def dropped(self, before: str | None) -> Iterator[tuple[Article, None, str]]:
        """Every pending article sent before `before` (None: all): spaCy dropped them."""
        while self.pending and next(iter(self.pending)) != before:
            aid, article = self.pending.popitem(last=False)
            self.long.discard(aid)
            yield article, None, self.errors.pop(aid, "the NLP pipeline failed on this article")


def annotate(
    nlp: Language,
    articles: Iterable[Article],
    batch_size: int = 64,
    n_process: int = 1,
) -> Iterator[tuple[Article, Doc | None, str | None]]:
    """Run the pipeline over articles lazily (see the module docstring)."""
    if n_process > 1:
        # BLAS threads fight the worker processes for the same cores.
        os.environ.setdefault("OMP_NUM_THREADS", "1")
    tracker = _Tracker(nlp)
    # Our components are plain functions, which spaCy runs under the default handler
    # (Language.set_error_handler fails on the model's parser, so it is not used).
    nlp.default_error_handler = tracker.on_error
    stream = nlp.pipe(tracker.docs(articles), batch_size=batch_size, n_process=n_process)
    try:
        # nlp.pipe keeps input order, so every pending article before a returned doc was dropped.
        for doc in stream:
            yield from tracker.returned(doc)
        yield from tracker.dropped(None)
    except BaseException:
        if n_process > 1:
            stop_workers()
        raise
    finally:
        stream.close()
