"""The `newsevents_triggers` spaCy component: trigger facts on `doc._.ne_triggers`."""

from __future__ import annotations

from spacy.language import Language
from spacy.matcher import Matcher, PhraseMatcher
from spacy.tokens import Doc
from spacy.vocab import Vocab

from pipeline.pipes import DataPipe
from pipeline.triggers.lexicon import FOLDER, load_data
from pipeline.triggers.matching import find_triggers, hash_cues

if not Doc.has_extension("ne_triggers"):
    Doc.set_extension("ne_triggers", default=None)


class TriggersPipe(DataPipe):
    """Matches the trigger lexicon of `models/triggers/` and refines each match by its sentence."""

    folders = (FOLDER,)

    def __init__(self, vocab: Vocab, root: str | None = None) -> None:
        self.vocab = vocab
        super().__init__(root)

    def load(self) -> None:
        """Read the lexicon, cues and rule outcomes from `self.root` and build the matchers."""
        data, patterns, phrases = load_data(self.root)
        hash_cues(data, self.vocab)
        # Gap-free phrases go to the PhraseMatcher (hash lookups); the few patterns with gaps to
        # the token Matcher, whose cost grows with the number of patterns times tokens.
        matcher = Matcher(self.vocab)
        for key, pats in patterns:
            matcher.add(key, pats)
        phrase_matcher = PhraseMatcher(self.vocab, attr="LOWER")
        for key, token_lists in phrases:
            phrase_matcher.add(key, [Doc(self.vocab, words=tokens) for tokens in token_lists])
        self.data, self.matcher, self.phrase_matcher = data, matcher, phrase_matcher

    def __call__(self, doc: Doc) -> Doc:
        """Store the Doc's trigger facts on `doc._.ne_triggers`."""
        doc._.ne_triggers = find_triggers(doc, self.matcher, self.phrase_matcher, self.data)
        return doc


@Language.factory("newsevents_triggers", default_config={"models_dir": ""})
def make_component(nlp: Language, name: str, models_dir: str) -> TriggersPipe:
    """Build the component; its data are read once from `models_dir` ("": the shipped ones)."""
    return TriggersPipe(nlp.vocab, models_dir or None)
