"""The spaCy component `newsevents_dates`: the date facts of each Doc as `doc._.ne_dates`."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from pipeline.dates.finding import date_facts
from pipeline.dates.lexicon import load_lexicon
from pipeline.pipes import DataPipe

if not Doc.has_extension("ne_dates"):
    Doc.set_extension("ne_dates", default=None)
# The publication date the component resolves against (ISO string or None): `nlp.make_doc`
# sets it; declared here too so the component also runs in a user's own pipeline.
if not Doc.has_extension("published"):
    Doc.set_extension("published", default=None)


class DatesPipe(DataPipe):
    """Resolves each date expression of a Doc (see `pipeline.dates.finding`); its word lists are
    the files of `dates/` under its root."""

    folders = ("dates",)

    def load(self) -> None:
        """Read the word lists of `dates/` from `self.root` (None: the shipped `models/`)."""
        self.lex = load_lexicon(self.root)

    def __call__(self, doc: Doc) -> Doc:
        """Store the Doc's date facts (plain dicts valid as DateFact) in `doc._.ne_dates`."""
        doc._.ne_dates = date_facts(doc, self.lex)
        return doc


@Language.factory("newsevents_dates", default_config={"models_dir": ""})
def make_component(nlp: Language, name: str, models_dir: str) -> DatesPipe:
    """Build the component; its word lists are read once from `<models_dir>/dates/` ("": the
    shipped data)."""
    return DatesPipe(models_dir or None)
