"""Places: gazetteer lookup and disambiguation of place mentions (issue 5).

SCAFFOLD: contract only, to be replaced by the real component.
"""

from __future__ import annotations

from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc

from pipeline.schemas import PlaceFact

if not Doc.has_extension("ne_places"):
    Doc.set_extension("ne_places", default=None)


@Language.factory("newsevents_places", default_config={"models_dir": ""})
def make_component(nlp: Language, name: str, models_dir: str):
    """Build the component; its data files are read once from `models_dir`."""
    _ = Path(models_dir)

    def component(doc: Doc) -> Doc:
        # Contract: a list of dicts, each valid as pipeline.schemas.PlaceFact without article_id.
        doc._.ne_places = []
        return doc

    return component


def event_location(places: list[PlaceFact], all_places: list[PlaceFact]) -> dict[str, object]:
    """Event columns (country, iso2, iso3, admin1, admin2, location, latitude, longitude,
    geo_precision) for an event whose evidence holds `places`, given all places of the article."""
    return {}
