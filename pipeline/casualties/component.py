"""The spaCy component `newsevents_casualties`: the casualty claims of a Doc as plain dicts on
`doc._.ne_casualties`, each valid as `pipeline.schemas.CasualtyFact` without `article_id`."""

from __future__ import annotations

from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc

from pipeline.casualties.extract import claims
from pipeline.casualties.lexicon import FOLDER, Lexicon, load_lexicon
from pipeline.casualties.truecase import case_view, english_words
from pipeline.pipes import DataPipe

if not Doc.has_extension("ne_casualties"):
    Doc.set_extension("ne_casualties", default=None)
if not Doc.has_extension("published"):
    # set by pipeline.nlp.make_doc; registered here too so that the component runs in any pipeline
    Doc.set_extension("published", default=None)


class CasualtiesPipe(DataPipe):
    """Reads the casualty claims of each Doc with the lexicon of `models/casualties`."""

    folders = (FOLDER,)

    def __init__(self, nlp: Language, root: str | Path | None = None) -> None:
        """A component of `nlp` (whose vocab and lemmatizer it uses) reading data from `root`."""
        self.nlp = nlp
        self.lex: Lexicon
        self.english: frozenset[str] = frozenset()
        super().__init__(root)

    def load(self) -> None:
        """Read the lexicon from `self.root` (None: the shipped data), and the English words of
        the pipeline's lemmatizer that truecase upper-case copy."""
        self.lex = load_lexicon(self.nlp, self.root)
        self.english = english_words(self.nlp)

    def __call__(self, doc: Doc) -> Doc:
        """Set `doc._.ne_casualties`: the Doc's casualty facts (dicts), read from its case view."""
        view = case_view(doc, self.nlp, self.english, self.lex.matcher)
        if view is not doc and Doc.has_extension("relevance"):
            # The truecased copy of upper-case copy is a new Doc: rules that ask for the
            # article's relevance (`aspect.recalled_death`) read it from the token's own Doc.
            view._.relevance = doc._.relevance
        doc._.ne_casualties = claims(self.lex, view, doc)
        return doc


@Language.factory("newsevents_casualties", default_config={"models_dir": ""})
def make_component(nlp: Language, name: str, models_dir: str) -> CasualtiesPipe:
    """Build the component; its data files are read once from `models_dir` ("": the shipped data)."""
    return CasualtiesPipe(nlp, models_dir or None)
