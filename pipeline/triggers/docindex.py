"""Per-Doc token arrays for vectorised word lookups, shared by the triggers and actors
components, and the vocab hashes of word sets they look up."""

from __future__ import annotations

from collections.abc import Iterable

import numpy as np
from spacy.attrs import IS_ALPHA, IS_UPPER, LEMMA, LOWER, POS, SENT_START
from spacy.tokens import Doc, Span
from spacy.vocab import Vocab

# The share of capitalised letters over the first tokens above which a Doc is an all-caps wire.
_UPPER_SHARE = 0.8
# How many tokens from the start that share is measured on.
_UPPER_WINDOW = 400


def word_hashes(vocab: Vocab, words: Iterable[str]) -> np.ndarray:
    """Hashes of words as LOWER or LEMMA values, with the capitalised and upper-case lemmas
    that proper-noun and all-caps tokens keep ("Police", "KILLED")."""
    out = {vocab.strings.add(v) for w in words for v in (w, w.capitalize(), w.upper())}
    return np.array(sorted(out), dtype=np.uint64)


class DocIndex:
    """Per-Doc arrays (lowercase form, lemma, POS, sentence of each token) for vectorised word
    lookups, so that rules never loop over every token in Python."""

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        arr = doc.to_array([LOWER, LEMMA, POS, SENT_START, IS_ALPHA, IS_UPPER])
        self.lower, self.lemma, self.pos = arr[:, 0], arr[:, 1], arr[:, 2]
        alpha = arr[:_UPPER_WINDOW, 4].astype(bool)
        # An all-caps wire (MUC-style): names are not capitalised apart from other words.
        self.mostly_upper = bool(alpha.any()) and arr[:_UPPER_WINDOW, 5][alpha].mean() > _UPPER_SHARE
        starts = np.flatnonzero(arr[:, 3].astype(np.int64) == 1) if len(doc) else np.array([0])
        if not len(starts) or starts[0] != 0:
            starts = np.concatenate([[0], starts])
        self.starts = starts
        self.sent_id = np.searchsorted(starts, np.arange(len(doc)), side="right") - 1
        # The Doc's distinct forms and lemmas, and where each token's stand among them: `has`
        # looks each distinct value up once instead of every token twice.
        self._values, inverse = np.unique(np.concatenate([self.lower, self.lemma]), return_inverse=True)
        self._lower_at, self._lemma_at = inverse[:len(doc)], inverse[len(doc):]

    def has(self, hashes: np.ndarray) -> np.ndarray:
        """Mask of the tokens whose form or lemma is one of `hashes` (sorted, as `word_hashes`
        makes them)."""
        if not len(hashes) or not len(self._values):
            return np.zeros(len(self.lower), dtype=bool)
        at = np.minimum(np.searchsorted(hashes, self._values), len(hashes) - 1)
        found = hashes[at] == self._values
        return found[self._lower_at] | found[self._lemma_at]

    def sent(self, k: int) -> Span:
        """Sentence number k as a Span."""
        end = int(self.starts[k + 1]) if k + 1 < len(self.starts) else len(self.doc)
        return self.doc[int(self.starts[k]):end]

    def sent_of(self, i: int) -> Span:
        """The sentence holding token i."""
        return self.sent(int(self.sent_id[i]))
