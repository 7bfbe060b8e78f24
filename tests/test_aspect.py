"""pipeline.aspect: habits, attributive participles and deaths recalled by their noun, on Docs
built by hand (no statistical parse: the rules must hold whatever the parser makes of the
sentence), and the recalled deaths through the whole pipeline on sentences written for these
tests."""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc
from spacy.vocab import Vocab

from pipeline.aspect import attributive_participle, recalled_death
from pipeline.nlp import make_doc  # also registers Doc._.relevance
from pipeline.schemas import Article

KILLING = frozenset({"assassinate", "kill", "murder", "slay"})


def _doc(rows: list[tuple[str, str, str, str]]) -> Doc:
    """A Doc of (word, tag, pos, lemma) rows, every token its own head (the parse is not read)."""
    words, tags, pos, lemmas = (list(x) for x in zip(*rows))
    return Doc(Vocab(), words=words, tags=tags, pos=pos, lemmas=lemmas)


@pytest.mark.parametrize(
    ("rows", "word", "expected"),
    [
        # "founded by assassinated former premier Brandt": after a preposition, before the phrase
        ([("founded", "VBN", "VERB", "found"), ("by", "IN", "ADP", "by"),
          ("assassinated", "VBD", "VERB", "assassinate"), ("former", "JJ", "ADJ", "former"),
          ("premier", "NN", "NOUN", "premier"), ("Brandt", "NNP", "PROPN", "Brandt")], "assassinated", True),
        # "the murdered director"; "his slain brother"
        ([("the", "DT", "DET", "the"), ("murdered", "VBN", "VERB", "murder"),
          ("director", "NN", "NOUN", "director")], "murdered", True),
        ([("his", "PRP$", "PRON", "his"), ("slain", "VBN", "VERB", "slay"),
          ("brother", "NN", "NOUN", "brother")], "slain", True),
        # a verb reports the killing: "Brandt was assassinated in Oslo"
        ([("Brandt", "NNP", "PROPN", "Brandt"), ("was", "VBD", "AUX", "be"),
          ("assassinated", "VBN", "VERB", "assassinate"), ("in", "IN", "ADP", "in"),
          ("Oslo", "NNP", "PROPN", "Oslo")], "assassinated", False),
        # "twelve people killed", "gunmen killed three villagers"
        ([("twelve", "CD", "NUM", "twelve"), ("people", "NNS", "NOUN", "people"),
          ("killed", "VBN", "VERB", "kill")], "killed", False),
        ([("gunmen", "NNS", "NOUN", "gunman"), ("killed", "VBD", "VERB", "kill"),
          ("three", "CD", "NUM", "three"), ("villagers", "NNS", "NOUN", "villager")], "killed", False),
        # "the killed were buried": no noun after it
        ([("the", "DT", "DET", "the"), ("killed", "VBN", "VERB", "kill"), ("were", "VBD", "AUX", "be"),
          ("buried", "VBN", "VERB", "bury")], "killed", False),
        # "the wounded soldiers": not a killing word of the list
        ([("the", "DT", "DET", "the"), ("wounded", "VBN", "VERB", "wound"),
          ("soldiers", "NNS", "NOUN", "soldier")], "wounded", False),
    ],
)
def test_attributive_participle(rows: list[tuple[str, str, str, str]], word: str, expected: bool) -> None:
    doc = _doc(rows)
    tok = next(t for t in doc if t.text == word)
    assert attributive_participle(tok, KILLING) is expected


# ---- deaths recalled by their noun alone (aspect.recalled_death) --------------------------------
NOUNS = frozenset({"assassination", "death", "killing", "murder", "slaying"})
VERBS = frozenset({"assassinate", "die", "dead", "kill", "murder", "shoot", "stab"})


# Entity types of the names in the rows below: a person, a town, an armed group.
_ENTITIES = {"Brandt": "PERSON", "Oslo": "GPE", "Cartel": "ORG"}


def _parsed(rows: list[tuple[str, str, str, str, int, str]], relevance: float | None) -> Doc:
    """A Doc of (word, tag, pos, lemma, head, dep) rows, its names' entities (`_ENTITIES`) and
    the article's relevance score."""
    words, tags, pos, lemmas, heads, deps = (list(x) for x in zip(*rows))
    ents = [f"B-{_ENTITIES[w]}" if w in _ENTITIES else "O" for w in words]
    doc = Doc(spacy.blank("en").vocab, words=words, tags=tags, pos=pos, lemmas=lemmas, heads=heads, deps=deps,
              ents=ents)
    doc._.relevance = relevance
    return doc


# "his assassination shook the market"
_HIS = [("his", "PRP$", "PRON", "his", 1, "poss"), ("assassination", "NN", "NOUN", "assassination", 2, "nsubj"),
        ("shook", "VBD", "VERB", "shake", 2, "ROOT"), ("the", "DT", "DET", "the", 4, "det"),
        ("market", "NN", "NOUN", "market", 2, "dobj")]
# "to mourn the death of Brandt"
_OF = [("to", "TO", "PART", "to", 1, "aux"), ("mourn", "VB", "VERB", "mourn", 1, "ROOT"),
       ("the", "DT", "DET", "the", 3, "det"), ("death", "NN", "NOUN", "death", 1, "dobj"),
       ("of", "IN", "ADP", "of", 3, "prep"), ("Brandt", "NNP", "PROPN", "Brandt", 4, "pobj")]
# "Brandt killing hits shares", a headline parsed with the name as the noun's subject
_HEADLINE = [("Brandt", "NNP", "PROPN", "Brandt", 1, "nsubj"), ("killing", "NN", "NOUN", "killing", 2, "nsubj"),
             ("hits", "VBZ", "VERB", "hit", 2, "ROOT"), ("shares", "NNS", "NOUN", "share", 2, "dobj")]
# "the Oslo killing shook the market": a town owns no death
_TOWN = [("the", "DT", "DET", "the", 2, "det"), ("Oslo", "NNP", "PROPN", "Oslo", 2, "compound"),
         ("killing", "NN", "NOUN", "killing", 3, "nsubj"), ("shook", "VBD", "VERB", "shake", 3, "ROOT"),
         ("markets", "NNS", "NOUN", "market", 3, "dobj")]
# "the Cartel's murder of workers shook the market": the object of "of" is the victims
_GROUP = [("the", "DT", "DET", "the", 1, "det"), ("Cartel", "NNP", "PROPN", "Cartel", 3, "poss"),
          ("'s", "POS", "PART", "'s", 1, "case"), ("murder", "NN", "NOUN", "murder", 6, "nsubj"),
          ("of", "IN", "ADP", "of", 3, "prep"), ("workers", "NNS", "NOUN", "worker", 4, "pobj"),
          ("shook", "VBD", "VERB", "shake", 6, "ROOT"), ("markets", "NNS", "NOUN", "market", 6, "dobj")]
# "his murder of workers shook the market": his deed, their deaths
_HIS_OF = [("his", "PRP$", "PRON", "his", 1, "poss"), ("murder", "NN", "NOUN", "murder", 4, "nsubj"),
           ("of", "IN", "ADP", "of", 1, "prep"), ("workers", "NNS", "NOUN", "worker", 2, "pobj"),
           ("shook", "VBD", "VERB", "shake", 4, "ROOT"), ("markets", "NNS", "NOUN", "market", 4, "dobj")]
# "their deaths shook the market": several people's
_THEIR = [("their", "PRP$", "PRON", "their", 1, "poss"), ("deaths", "NNS", "NOUN", "death", 2, "nsubj"),
          ("shook", "VBD", "VERB", "shake", 2, "ROOT"), ("the", "DT", "DET", "the", 4, "det"),
          ("market", "NN", "NOUN", "market", 2, "dobj")]
# "the murder shook the market": nobody owns it, a report of its own
_THE = [("the", "DT", "DET", "the", 1, "det"), ("murder", "NN", "NOUN", "murder", 2, "nsubj"),
        ("shook", "VBD", "VERB", "shake", 2, "ROOT"), ("the", "DT", "DET", "the", 4, "det"),
        ("market", "NN", "NOUN", "market", 2, "dobj")]
# "Brandt was shot ; his assassination shook the market": the article tells the killing
_TOLD = [("Brandt", "NNP", "PROPN", "Brandt", 2, "nsubjpass"), ("was", "VBD", "AUX", "be", 2, "auxpass"),
         ("shot", "VBN", "VERB", "shoot", 2, "ROOT"), (";", ":", "PUNCT", ";", 2, "punct"),
         *[(w, t, p, lem, h + 4, d) for w, t, p, lem, h, d in _HIS]]
# "founded by assassinated premier Brandt ; his assassination shook the market": an adjective
_ADJ = [("founded", "VBN", "VERB", "found", 0, "ROOT"), ("by", "IN", "ADP", "by", 0, "agent"),
        ("assassinated", "VBN", "VERB", "assassinate", 4, "amod"), ("premier", "NN", "NOUN", "premier", 4, "compound"),
        ("Brandt", "NNP", "PROPN", "Brandt", 1, "pobj"), (";", ":", "PUNCT", ";", 0, "punct"),
        *[(w, t, p, lem, h + 6, d) for w, t, p, lem, h, d in _HIS]]


@pytest.mark.parametrize(
    ("rows", "word", "relevance", "expected"),
    [
        (_HIS, "assassination", 0.45, True),
        (_OF, "death", 0.45, True),
        (_ADJ, "assassination", 0.45, True),
        (_HEADLINE, "killing", 0.45, True),
        (_HIS, "assassination", 0.8, False),  # an incident story: its nouns are reports
        (_HIS, "assassination", None, False),  # not scored: the rule is off
        (_THEIR, "deaths", 0.45, False),
        (_TOWN, "killing", 0.45, False),
        (_GROUP, "murder", 0.45, False),
        (_HIS_OF, "murder", 0.45, False),
        (_THE, "murder", 0.45, False),
        (_TOLD, "assassination", 0.45, False),
    ],
)
def test_recalled_death(rows: list[tuple], word: str, relevance: float | None, expected: bool) -> None:
    doc = _parsed(rows, relevance)
    tok = next(t for t in doc if t.text == word)
    assert recalled_death(tok, NOUNS, VERBS) is expected


# The same words through the whole pipeline: an uncertain article (score 0.45) that only recalls a
# death yields neither casualty nor trigger; one that tells the killing, or an incident story
# (score 0.8), keeps them.
_MARKET = ("Brandt killing hits Oslo shares\n\nShares in the builder fell 15% in Oslo. Traders said the market had closed for three days to "
           "mourn the death of Mr Brandt. But his assassination on Monday shook the business community.")
_REPORT = ("Shares in the builder fell 15% in Oslo. Former premier Tomas Brandt was shot dead on Monday. "
           "His assassination shook the business community.")
_FILM = "The festival withdrew the film. It is thought to have led to his murder."


@pytest.mark.parametrize(
    ("text", "relevance", "recalled"),
    [(_MARKET, 0.45, True), (_FILM, 0.45, True), (_MARKET, 0.8, False), (_FILM, 0.8, False),
     (_REPORT, 0.45, False)],
)
def test_recalled_death_in_components(nlp, text: str, relevance: float, recalled: bool) -> None:
    doc = nlp(make_doc(nlp, Article(id="t", source="test", text=text, relevance=relevance)))
    killed = [c for c in doc._.ne_casualties if c["outcome"] == "killed"]
    triggers = [t for t in doc._.ne_triggers if t["event_type"] == "violence_against_civilians"]
    assert (not killed and not triggers) is recalled


@pytest.mark.parametrize(("relevance", "recalled"), [(0.45, True), (0.8, False)])
def test_recalled_death_in_upper_case_copy(nlp, relevance: float, recalled: bool) -> None:
    # Upper-case wire copy is read from a truecased copy of the Doc: the score must reach it.
    # (Its names are seldom recognised as people's: the owners here are pronouns.)
    text = ("SHARES IN THE BUILDER FELL 15% IN OSLO. TRADERS SAID THE MARKET HAD CLOSED FOR THREE DAYS TO "
            "MOURN HIS DEATH. BUT HIS ASSASSINATION ON MONDAY SHOOK THE BUSINESS COMMUNITY.")
    doc = nlp(make_doc(nlp, Article(id="t", source="test", text=text, relevance=relevance)))
    killed = [c for c in doc._.ne_casualties if c["outcome"] == "killed"]
    assert (not killed) is recalled
