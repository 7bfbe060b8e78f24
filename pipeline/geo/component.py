"""The places component (`newsevents_places`): sets `doc._.ne_places`, a list of dicts each
valid as `pipeline.schemas.PlaceFact` without `article_id`."""

from __future__ import annotations

from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc

from pipeline.geo.resolver import PlaceResolver
from pipeline.geo.scoring import DEFAULT_WEIGHTS, PlaceWeights
from pipeline.geo.tables import Gazetteer
from pipeline.pipes import DataPipe

if not Doc.has_extension("ne_places"):
    Doc.set_extension("ne_places", default=None)


def english_words(nlp: Language) -> set[str]:
    """Lower-case English words known to the model's lemmatizer tables (WordNet lemmas): a
    single capitalised word in this set is more likely a word than a small town."""
    try:
        table = nlp.get_pipe("lemmatizer").lookups.get_table("lemma_index")
    except (KeyError, ValueError):
        return set()
    words: set[str] = set()
    for lemmas in table.values():
        words.update(w for w in lemmas if w.isalpha())
    return words


class PlacesPipe(DataPipe):
    """Finds and resolves the places of a Doc with the gazetteer of `models/gazetteer/` (the
    GeoNames index itself is compiled into the user's cache, see `pipeline.geo.index`)."""

    folders = ("gazetteer",)

    def __init__(self, nlp: Language, root: str | Path | None = None,
                 weights: PlaceWeights = DEFAULT_WEIGHTS) -> None:
        """Read the model's English words and stop words, then the data under `root`."""
        self.wordlist = english_words(nlp)
        self.stop = {w.casefold() for w in nlp.Defaults.stop_words}
        self.tokenizer = nlp.tokenizer  # reads the headline (no NER: it is only context)
        self.weights = weights
        super().__init__(root)

    def load(self) -> None:
        """Read the index and the tables from `self.root` (None: the shipped models/)."""
        gaz = Gazetteer.load(self.root, self.wordlist, self.stop)
        self.resolver = PlaceResolver(gaz, self.tokenizer, self.weights)

    def __call__(self, doc: Doc) -> Doc:
        """Set `doc._.ne_places` (plain dicts: they survive `nlp.pipe(n_process=2)`)."""
        doc._.ne_places = self.resolver(doc)
        return doc


@Language.factory("newsevents_places", default_config={"models_dir": ""})
def make_component(nlp: Language, name: str, models_dir: str) -> PlacesPipe:
    """Build the component; the index and tables are read once from `models_dir` ("": the
    shipped data) and the cache."""
    return PlacesPipe(nlp, models_dir or None)
