"""Shared fixtures: the loaded pipeline (once per session), the seed gold, the eval corpora."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from pathlib import Path

import pytest
from spacy.language import Language
from spacy.tokens import Doc

from pipeline.extract import extract_facts
from pipeline.nlp import load_nlp, make_doc
from pipeline.schemas import Article
from pipeline.triggers import split_events
from pipeline.triggers.context import SentenceContext
from pipeline.triggers.lexicon import TriggerEntry, load_data
from pipeline.triggers.refine import Match, outcome_name

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
EVAL_DIR = ROOT.parent / "shared" / "eval"


@pytest.fixture(scope="session")
def nlp() -> Language:
    """The full pipeline: the spaCy model plus our components."""
    return load_nlp()


@pytest.fixture(scope="session")
def annotate(nlp: Language) -> Callable[..., Doc]:
    """Run the full pipeline on a text, with an optional publication date (ISO string)."""

    def _annotate(text: str, published: str | None = None) -> Doc:
        article = Article(
            id="t",
            source="test",
            text=text,
            published=dt.date.fromisoformat(published) if published else None,
        )
        return nlp(make_doc(nlp, article))

    return _annotate


@pytest.fixture(scope="session")
def trigger_words(annotate: Callable[..., Doc]) -> Callable[[str], list[str]]:
    """The words of the trigger facts of a text that make events (vetoes left out), lower case."""

    def _words(text: str) -> list[str]:
        return [f["text"].lower() for f in annotate(text)._.ne_triggers if not f["vetoes"]]

    return _words


@pytest.fixture(scope="session")
def events_of(annotate: Callable[..., Doc]) -> Callable[[str], list]:
    """The events `split_events` makes of a text run through the whole pipeline (published
    2024-03-10): (event_type, sub_event_type, facts) each."""

    def _events(text: str) -> list:
        doc = annotate(text, published="2024-03-10")
        return split_events(extract_facts(Article(id="t", source="test", text=text), doc))

    return _events


@pytest.fixture(scope="session")
def trigger_match(nlp: Language) -> Callable[..., Match]:
    """A trigger rule's input for a written sentence: the `entry` read at the first token that is
    `word`, in its sentence's context, with the article's flags (none set by default)."""
    cues = load_data()[0].cues

    def _match(entry: TriggerEntry, text: str, word: str, flags: dict[str, bool] | None = None) -> Match:
        doc = nlp(text)
        tok = next(t for t in doc if t.lower_ == word.lower())
        span = doc[tok.i:tok.i + 1]
        return Match(entry, span, SentenceContext(span.sent),
                     flags if flags is not None else {"conflict": False, "protest": False}, cues)

    return _match


@pytest.fixture(scope="session")
def sense_holds(trigger_match: Callable[..., Match]) -> Callable[..., None]:
    """Check a word-sense predicate on a written sentence: it holds exactly when `expected`, and
    where it holds the trigger reports nothing (`outcome_name` None)."""

    def _check(predicate: Callable[[Match], bool], entry: TriggerEntry, text: str, word: str,
               flags: dict[str, bool] | None, expected: bool) -> None:
        m = trigger_match(entry, text, word, flags)
        assert predicate(m) is expected, text
        if expected:
            assert outcome_name(m) is None, text

    return _check


@pytest.fixture(scope="session")
def seed_gold() -> dict:
    """The hand-annotated gold of the seed article."""
    return json.loads((FIXTURES / "seed.jsonl").read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def eval_dir() -> Path:
    """`../shared/eval`, or skip the test when it is absent."""
    if not EVAL_DIR.is_dir():
        pytest.skip(f"{EVAL_DIR} is absent: fixture corpora are not available here")
    return EVAL_DIR


@pytest.fixture(scope="session")
def run_tables() -> Callable[[Path], dict[str, list[str]]]:
    """The rows of a run folder's three CSV tables as sorted strings (order-free comparison)."""
    import pandas as pd

    def _tables(out: Path) -> dict[str, list[str]]:
        return {
            name: sorted(pd.read_csv(out / f"{name}.csv", dtype=str).fillna("").astype(str).agg("|".join, axis=1))
            for name in ("facts", "events", "articles")
        }

    return _tables
