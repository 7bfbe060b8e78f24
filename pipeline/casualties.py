"""Casualties: killed / injured / arrested / missing counts with victims (issue 4).

SCAFFOLD: contract only, to be replaced by the real component.
"""

from __future__ import annotations

from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc

from pipeline.schemas import CasualtyFact

if not Doc.has_extension("ne_casualties"):
    Doc.set_extension("ne_casualties", default=None)


@Language.factory("newsevents_casualties", default_config={"models_dir": ""})
def make_component(nlp: Language, name: str, models_dir: str):
    """Build the component; its data files are read once from `models_dir`."""
    _ = Path(models_dir)

    def component(doc: Doc) -> Doc:
        # Contract: a list of dicts, each valid as pipeline.schemas.CasualtyFact without article_id.
        doc._.ne_casualties = []
        return doc

    return component


def reconcile(facts: list[CasualtyFact]) -> dict[str, object]:
    """Event columns (killed_low/best/high, injured_*, arrested_*, fatalities) reconciled from the
    casualty claims of one event."""
    return {}
