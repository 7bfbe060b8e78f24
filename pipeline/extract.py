"""The extract stage: turn the annotations our components left on a Doc into validated facts."""

from __future__ import annotations

from pydantic import TypeAdapter
from spacy.tokens import Doc

from pipeline.schemas import Article, Fact

# The Doc extensions our components fill, in the order their facts are listed.
FACT_EXTENSIONS = ("ne_places", "ne_dates", "ne_casualties", "ne_actors", "ne_triggers")

_FACT = TypeAdapter(Fact)


def extract_facts(article: Article, doc: Doc) -> list[Fact]:
    """All facts of one annotated article, each validated and stamped with the article's id."""
    facts: list[Fact] = []
    for ext in FACT_EXTENSIONS:
        for item in getattr(doc._, ext) or ():
            facts.append(_FACT.validate_python({**item, "article_id": article.id}))
    facts.sort(key=lambda f: (f.char_start, f.char_end))
    return facts
