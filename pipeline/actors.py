"""Actors: typed participants, sources excluded (issue 7).

SCAFFOLD: contract only, to be replaced by the real component.
"""

from __future__ import annotations

from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc

from pipeline.schemas import ActorFact

if not Doc.has_extension("ne_actors"):
    Doc.set_extension("ne_actors", default=None)


@Language.factory("newsevents_actors", default_config={"models_dir": ""})
def make_component(nlp: Language, name: str, models_dir: str):
    """Build the component; its data files are read once from `models_dir`."""
    _ = Path(models_dir)

    def component(doc: Doc) -> Doc:
        # Contract: a list of dicts, each valid as pipeline.schemas.ActorFact without article_id.
        doc._.ne_actors = []
        return doc

    return component


def event_actors(facts: list[ActorFact], event_type: str | None) -> dict[str, object]:
    """Event columns (actor1, inter1, actor2, inter2, interaction) from the actors of one event."""
    return {}
