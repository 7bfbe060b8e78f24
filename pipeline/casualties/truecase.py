"""The component's own truecased re-parse of upper-case wire copy (to be replaced by a shared step).

Upper-case copy defeats the tagger and parser, so such a text is parsed again truecased (same
tokens, so character offsets are unchanged) and the claims are read from that parse; only the
sentences that hold an outcome word are parsed again (a quarter of a wire story). Kept apart so
that it can be removed cleanly when the pipeline truecases such texts itself.
"""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc

from pipeline.doctext import doc_text

# The model's own components, rerun on the lower-cased copy of an upper-case text.
_MODEL_PIPES = ("tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer", "ner")
_SENT_END = {".", "!", "?"}
# Tokens after which the next word starts a sentence (hard-wrapped lines do not start one).
_STARTERS = (".", "!", "?", "--")
_WINDOW = 120  # tokens either side of an outcome word, at most, in a sentence re-parsed
# An upper-case text: more than this many capitals, and this many times its lower-case letters.
_MIN_UPPER = 20
_UPPER_RATIO = 4
_UPPER_RE = re.compile(r"[A-Z]")
_LOWER_RE = re.compile(r"[a-z]")
# Plain inflections (suffix, replacement) tried to find a word's stem among English words.
_INFLECTIONS = (("s", ""), ("es", ""), ("ies", "y"), ("ed", ""), ("ed", "e"), ("ing", ""), ("ing", "e"),
                ("ers", ""), ("er", ""), ("ly", ""), ("'s", ""))


def is_upper_case(text: str) -> bool:
    """Old wire copy: (almost) no lower-case letters."""
    upper = len(_UPPER_RE.findall(text))
    return upper > _MIN_UPPER and upper > _UPPER_RATIO * len(_LOWER_RE.findall(text))


def english_words(nlp: Language) -> frozenset[str]:
    """Lower-case English words: the lemmatizer's word index (WordNet lemmas) and spaCy's stop words.
    Used to truecase upper-case copy: a word not in it is taken for a name and capitalised."""
    words: set[str] = set(nlp.Defaults.stop_words)
    if "lemmatizer" in nlp.pipe_names:
        lookups = nlp.get_pipe("lemmatizer").lookups
        if lookups.has_table("lemma_index"):
            for entries in lookups.get_table("lemma_index").values():
                words.update(entries)
        if lookups.has_table("lemma_exc"):
            for table in lookups.get_table("lemma_exc").values():
                words.update(table)
    return frozenset(w for w in words if "_" not in w)


def _known(word: str, english: frozenset[str]) -> bool:
    """`word` (lower case) or its stem by a plain inflection rule is an English word."""
    if word in english or not word.isalpha():
        return True
    for suffix, repl in _INFLECTIONS:
        if word.endswith(suffix) and word[: -len(suffix)] + repl in english:
            return True
    return False


def windows(doc: Doc, matcher: PhraseMatcher) -> list[tuple[int, int]]:
    """Token ranges of the sentences (cut at . ! ? and paragraph breaks, at most _WINDOW tokens
    either side) that hold an outcome word: the only text the claims are read from."""
    ranges: list[tuple[int, int]] = []
    for _, start, end in matcher(doc):
        a = start
        while a > 0 and start - a < _WINDOW and doc[a - 1].text not in _SENT_END and "\n\n" not in doc[a - 1].text:
            a -= 1
        b = end
        while b < len(doc) and b - end < _WINDOW and doc[b - 1].text not in _SENT_END:
            b += 1
        if ranges and a <= ranges[-1][1]:
            ranges[-1] = (ranges[-1][0], max(b, ranges[-1][1]))
        else:
            ranges.append((a, b))
    return ranges


def _truecased(doc: Doc, english: frozenset[str]) -> list[str]:
    """The words of an upper-case Doc truecased: English words lower case, other words (names)
    and sentence starts capitalised."""
    words = []
    start = True
    for tok in doc:
        w = tok.text.lower()
        if english and len(w) > 1 and w.isalpha() and not _known(w, english):
            w = w[:1].upper() + w[1:]
        if start and w[:1].isalpha():
            w = w[:1].upper() + w[1:]
            start = False
        # hard-wrapped lines do not start sentences; paragraphs and indented lines do
        if tok.text in _STARTERS or "\n\n" in tok.text or "\n " in tok.text:
            start = True
        words.append(w)
    return words


def case_view(doc: Doc, nlp: Language, english: frozenset[str] = frozenset(),
              matcher: PhraseMatcher | None = None) -> Doc:
    """`doc` itself, or for an upper-case text a truecased copy with the same tokens, parsed.
    With a matcher, only the sentences that hold an outcome word are parsed (three quarters of
    a wire story hold none); the other tokens are left unparsed, one sentence each."""
    if not is_upper_case(doc_text(doc)):
        return doc
    words = _truecased(doc, english)
    if any(len(w) != len(t.text) for w, t in zip(words, doc)):
        return doc
    spaces = [bool(t.whitespace_) for t in doc]
    if matcher is None:
        return _parse(Doc(nlp.vocab, words=words, spaces=spaces), nlp)
    n = len(doc)
    tags, pos, lemmas, deps = [""] * n, ["X"] * n, list(words), ["ROOT"] * n
    heads, ents = list(range(n)), ["O"] * n
    for a, b in windows(doc, matcher):
        part = _parse(Doc(nlp.vocab, words=words[a:b], spaces=spaces[a:b]), nlp)
        for t in part:
            i = a + t.i
            tags[i], pos[i], lemmas[i], deps[i], heads[i] = t.tag_, t.pos_, t.lemma_, t.dep_, a + t.head.i
            ents[i] = f"{t.ent_iob_}-{t.ent_type_}" if t.ent_iob_ in ("B", "I") else "O"
    return Doc(nlp.vocab, words=words, spaces=spaces, tags=tags, pos=pos, lemmas=lemmas, heads=heads, deps=deps,
               ents=ents)


def _parse(view: Doc, nlp: Language) -> Doc:
    """Run the model's own components on a Doc built from words."""
    for name, proc in nlp.pipeline:
        if name in _MODEL_PIPES:
            view = proc(view)
    return view
