"""Event triggers: words that report an ACLED event type (issue 7).

SCAFFOLD: contract only, to be replaced by the real component.
"""

from __future__ import annotations

from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc

from pipeline.schemas import Fact

if not Doc.has_extension("ne_triggers"):
    Doc.set_extension("ne_triggers", default=None)


@Language.factory("newsevents_triggers", default_config={"models_dir": ""})
def make_component(nlp: Language, name: str, models_dir: str):
    """Build the component; its data files are read once from `models_dir`."""
    _ = Path(models_dir)

    def component(doc: Doc) -> Doc:
        # Contract: a list of dicts, each valid as pipeline.schemas.TriggerFact without article_id.
        doc._.ne_triggers = []
        return doc

    return component


def split_events(facts: list[Fact]) -> list[tuple[str | None, str | None, list[Fact]]]:
    """The events one article reports: (event_type, sub_event_type, the facts that belong to it).
    An article with no trigger and no casualty reports none."""
    if not any(f.kind in ("trigger", "casualty") for f in facts):
        return []
    return [(None, None, list(facts))]
