"""Dates: DATE spans resolved against the publication date (issue 6).

SCAFFOLD: contract only, to be replaced by the real component.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc

from pipeline.schemas import DateFact

if not Doc.has_extension("ne_dates"):
    Doc.set_extension("ne_dates", default=None)


@Language.factory("newsevents_dates", default_config={"models_dir": ""})
def make_component(nlp: Language, name: str, models_dir: str):
    """Build the component; its data files are read once from `models_dir`."""
    _ = Path(models_dir)

    def component(doc: Doc) -> Doc:
        # Contract: a list of dicts, each valid as pipeline.schemas.DateFact without article_id.
        doc._.ne_dates = []
        return doc

    return component


def event_date(dates: list[DateFact], published: dt.date | None) -> dict[str, object]:
    """Event columns (event_date, date_low, date_high, time_precision) for an event whose evidence
    holds `dates`; the publication date, at a lower precision, when there is none."""
    return {}
