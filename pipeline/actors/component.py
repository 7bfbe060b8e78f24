"""The `newsevents_actors` spaCy component: actor facts on `doc._.ne_actors`."""

from __future__ import annotations

import numpy as np
from spacy.language import Language
from spacy.tokens import Doc
from spacy.vocab import Vocab

from pipeline.actors.finding import find_actors
from pipeline.actors.lexicon import FOLDER, load_data
from pipeline.pipes import DataPipe
from pipeline.triggers.docindex import word_hashes

if not Doc.has_extension("ne_actors"):
    Doc.set_extension("ne_actors", default=None)

# Words that make an article one about protests or riots (its attackers are rioters then).
_PROTEST_WORDS = ("protester", "demonstrator", "rioter", "protest", "riot")


class ActorsPipe(DataPipe):
    """Finds the typed participants of a Doc with the lexicons of `models/actors/`."""

    folders = (FOLDER,)

    def __init__(self, vocab: Vocab, root: str | None = None) -> None:
        self.vocab = vocab
        super().__init__(root)

    def load(self) -> None:
        """Read the lexicons from `self.root` and hash the word sets looked up per Doc."""
        data = load_data(self.root)
        strings = self.vocab.strings
        data.hashes = {
            "protest": word_hashes(self.vocab, _PROTEST_WORDS),
            "nouns": word_hashes(self.vocab, data.nouns),
            "nominal": np.array([strings.add("NOUN"), strings.add("PROPN")], dtype=np.uint64),
        }
        self.data = data

    def __call__(self, doc: Doc) -> Doc:
        """Store the Doc's actor facts on `doc._.ne_actors`."""
        doc._.ne_actors = find_actors(doc, self.data)
        return doc


@Language.factory("newsevents_actors", default_config={"models_dir": ""})
def make_component(nlp: Language, name: str, models_dir: str) -> ActorsPipe:
    """Build the component; its lexicons are read once from `models_dir` ("": the shipped ones)."""
    return ActorsPipe(nlp.vocab, models_dir or None)
