"""Argument and victim rules on hand-built Docs (no statistical parser): from an outcome word to
its victim phrase (pipeline/casualties/arguments.py) and from that phrase to a count
(pipeline/casualties/victims.py), positives beside negatives.

Heads are absolute token indices, as in spaCy's own tests. Every sentence was written for these
tests; none comes from the fixture corpora.
"""

from __future__ import annotations

import pytest
import spacy
from spacy.language import Language
from spacy.tokens import Doc

from pipeline.casualties.arguments import (condition_argument, noun_argument, people_of, state_argument, state_verb,
                                          verb_argument)
from pipeline.casualties.extract import claims
from pipeline.casualties.lexicon import Lexicon, load_lexicon
from pipeline.casualties.victims import count_phrase


@pytest.fixture(scope="module")
def blank() -> Language:
    """A tokenizer-only pipeline: the Docs below carry their own parse."""
    return spacy.blank("en")


@pytest.fixture(scope="module")
def lex(blank: Language) -> Lexicon:
    return load_lexicon(blank)


def build(nlp: Language, rows: list[tuple[str, int, str, str, str, str]]) -> Doc:
    """A parsed Doc from rows of (word, head, dep, pos, tag, lemma)."""
    words, heads, deps, pos, tags, lemmas = (list(col) for col in zip(*rows))
    return Doc(nlp.vocab, words=words, heads=heads, deps=deps, pos=pos, tags=tags, lemmas=lemmas)


def gunmen_killed_three(nlp: Language, noun: str, lemma: str) -> Doc:
    """"Gunmen killed three <noun>.", with "killed" as ROOT, nsubj / dobj / nummod."""
    return build(nlp, [
        ("Gunmen", 1, "nsubj", "NOUN", "NNS", "gunman"),
        ("killed", 1, "ROOT", "VERB", "VBD", "kill"),
        ("three", 3, "nummod", "NUM", "CD", "three"),
        (noun, 1, "dobj", "NOUN", "NNS", lemma),
        (".", 1, "punct", "PUNCT", ".", "."),
    ])


def counts(lex: Lexicon, doc: Doc, arg_i: int) -> list[tuple[int, int, int | None, str]]:
    return [(c.low, c.best, c.high, c.victim_type) for c in count_phrase(lex, doc[arg_i])]


def test_active_verb_object_is_the_victims(blank, lex) -> None:
    doc = gunmen_killed_three(blank, "villagers", "villager")
    arg = verb_argument(lex, doc[1], "killed", "killed")
    assert arg is not None and arg.i == 3  # the object, not the subject (the attackers)
    assert counts(lex, doc, arg.i) == [(3, 3, 3, "civilians")]


def test_animals_are_no_victims(blank, lex) -> None:
    doc = gunmen_killed_three(blank, "cows", "cow")
    assert verb_argument(lex, doc[1], "killed", "killed").i == 3
    assert counts(lex, doc, 3) == []
    assert claims(lex, doc, doc) == []


def test_passive_subject_is_the_victims(blank, lex) -> None:
    doc = build(blank, [
        ("Three", 1, "nummod", "NUM", "CD", "three"),
        ("soldiers", 3, "nsubjpass", "NOUN", "NNS", "soldier"),
        ("were", 3, "auxpass", "AUX", "VBD", "be"),
        ("killed", 3, "ROOT", "VERB", "VBN", "kill"),
        (".", 3, "punct", "PUNCT", ".", "."),
    ])
    assert verb_argument(lex, doc[3], "killed", "killed").i == 1
    assert counts(lex, doc, 1) == [(3, 3, 3, "state_forces")]


def picked_up_and_was(nlp: Language, last: str, lemma: str, passive: bool) -> Doc:
    """"The boy picked up the gun and (was shot | shot back)": the last verb a conjunct of
    "picked", with its own passive auxiliary or none."""
    rows = [
        ("The", 1, "det", "DET", "DT", "the"),
        ("boy", 2, "nsubj", "NOUN", "NN", "boy"),
        ("picked", 2, "ROOT", "VERB", "VBD", "pick"),
        ("up", 2, "prt", "ADP", "RP", "up"),
        ("the", 5, "det", "DET", "DT", "the"),
        ("gun", 2, "dobj", "NOUN", "NN", "gun"),
        ("and", 2, "cc", "CCONJ", "CC", "and"),
    ]
    if passive:
        rows += [("was", 8, "auxpass", "AUX", "VBD", "be"), (last, 2, "conj", "VERB", "VBN", lemma)]
    else:
        rows += [(last, 2, "conj", "VERB", "VBD", lemma), ("back", 7, "advmod", "ADV", "RB", "back")]
    return build(nlp, rows)


def test_a_passive_conjunct_shares_its_heads_subject(blank, lex) -> None:
    doc = picked_up_and_was(blank, "shot", "shoot", passive=True)
    assert verb_argument(lex, doc[8], "shot", "shot").i == 1  # the boy, not the gun
    # active: the boy shot back, he is no victim, nor is the gun he picked up
    doc = picked_up_and_was(blank, "shot", "shoot", passive=False)
    arg = verb_argument(lex, doc[7], "shot", "shot")
    assert arg is None or arg.i != 1


def test_bare_plural_is_at_least_two_but_police_is_no_count(blank, lex) -> None:
    rows = [
        ("Soldiers", 2, "nsubjpass", "NOUN", "NNS", "soldier"),
        ("were", 2, "auxpass", "AUX", "VBD", "be"),
        ("killed", 2, "ROOT", "VERB", "VBN", "kill"),
    ]
    assert counts(lex, build(blank, rows), 0) == [(2, 2, None, "state_forces")]
    rows[0] = ("Police", 2, "nsubjpass", "NOUN", "NNS", "police")
    assert counts(lex, build(blank, rows), 0) == []


def test_an_age_is_not_a_count(blank, lex) -> None:
    doc = build(blank, [
        ("Okafor", 5, "nsubjpass", "PROPN", "NNP", "Okafor"),
        (",", 0, "punct", "PUNCT", ",", ","),
        ("25", 0, "appos", "NUM", "CD", "25"),
        (",", 0, "punct", "PUNCT", ",", ","),
        ("was", 5, "auxpass", "AUX", "VBD", "be"),
        ("killed", 5, "ROOT", "VERB", "VBN", "kill"),
    ])
    assert verb_argument(lex, doc[5], "killed", "killed").i == 0
    found = count_phrase(lex, doc[0])
    assert [(c.best, c.person) for c in found] == [(1, "Okafor")]


def test_the_gunman_is_a_perpetrator(blank, lex) -> None:
    doc = build(blank, [
        ("The", 1, "det", "DET", "DT", "the"),
        ("gunman", 3, "nsubjpass", "NOUN", "NN", "gunman"),
        ("was", 3, "auxpass", "AUX", "VBD", "be"),
        ("killed", 3, "ROOT", "VERB", "VBN", "kill"),
    ])
    found = count_phrase(lex, doc[verb_argument(lex, doc[3], "killed", "killed").i])
    assert [(c.best, c.perpetrator) for c in found] == [(1, True)]


def test_denied_victims_count_zero(blank, lex) -> None:
    doc = build(blank, [
        ("No", 1, "det", "DET", "DT", "no"),
        ("guards", 3, "nsubjpass", "NOUN", "NNS", "guard"),
        ("were", 3, "auxpass", "AUX", "VBD", "be"),
        ("hurt", 3, "ROOT", "VERB", "VBN", "hurt"),
    ])
    assert [(c.best, c.qualifier) for c in count_phrase(lex, doc[1])] == [(0, "none")]


def test_toll_rising_to_a_figure_supersedes(blank, lex) -> None:
    doc = build(blank, [
        ("The", 2, "det", "DET", "DT", "the"),
        ("death", 2, "compound", "NOUN", "NN", "death"),
        ("toll", 3, "nsubj", "NOUN", "NN", "toll"),
        ("rose", 3, "ROOT", "VERB", "VBD", "rise"),
        ("to", 3, "prep", "ADP", "IN", "to"),
        ("12", 4, "pobj", "NUM", "CD", "12"),
        (".", 3, "punct", "PUNCT", ".", "."),
    ])
    arg, supersedes, partitive = noun_argument(lex, doc[2])
    assert (arg.i, supersedes, partitive) == (5, True, False)
    assert counts(lex, doc, 5) == [(12, 12, 12, "unknown")]


def test_who_has_the_wounds(blank, lex) -> None:
    doc = build(blank, [
        ("A", 1, "det", "DET", "DT", "a"),
        ("guard", 2, "nsubj", "NOUN", "NN", "guard"),
        ("suffered", 2, "ROOT", "VERB", "VBD", "suffer"),
        ("wounds", 2, "dobj", "NOUN", "NNS", "wound"),
    ])
    assert condition_argument(lex, doc[3]).i == 1
    doc = build(blank, [
        ("He", 1, "nsubj", "PRON", "PRP", "he"),
        ("succumbed", 1, "ROOT", "VERB", "VBD", "succumb"),
        ("to", 1, "prep", "ADP", "IN", "to"),
        ("his", 4, "poss", "PRON", "PRP$", "his"),
        ("wounds", 2, "pobj", "NOUN", "NNS", "wound"),
    ])
    assert condition_argument(lex, doc[4]) is None  # what he died of, not a new injury


def test_reduced_passive_headline(blank, lex) -> None:
    doc = build(blank, [
        ("Two", 1, "nummod", "NUM", "CD", "two"),
        ("soldiers", 2, "nsubj", "NOUN", "NNS", "soldier"),
        ("wounded", 2, "ROOT", "VERB", "VBN", "wound"),
        ("in", 2, "prep", "ADP", "IN", "in"),
        ("ambush", 3, "pobj", "NOUN", "NN", "ambush"),
    ])
    assert verb_argument(lex, doc[2], "injured", "wounded").i == 1
    doc = build(blank, [
        ("Police", 1, "nsubj", "NOUN", "NNS", "police"),
        ("wounded", 1, "ROOT", "VERB", "VBD", "wound"),
        ("in", 1, "prep", "ADP", "IN", "in"),
        ("ambush", 2, "pobj", "NOUN", "NN", "ambush"),
    ])
    assert verb_argument(lex, doc[1], "injured", "wounded") is None  # the police did it


def test_claims_of_a_hand_built_doc(blank, lex) -> None:
    doc = gunmen_killed_three(blank, "villagers", "villager")
    facts = claims(lex, doc, doc)
    assert [(f["outcome"], f["count_best"], f["victim_type"], f["text"]) for f in facts] == [
        ("killed", 3, "civilians", "killed three villagers")]


def test_a_threat_is_no_claim(blank, lex) -> None:
    doc = build(blank, [
        ("Rebels", 1, "nsubj", "NOUN", "NNS", "rebel"),
        ("threatened", 1, "ROOT", "VERB", "VBD", "threaten"),
        ("to", 3, "aux", "PART", "TO", "to"),
        ("kill", 1, "xcomp", "VERB", "VB", "kill"),
        ("two", 5, "nummod", "NUM", "CD", "two"),
        ("guards", 3, "dobj", "NOUN", "NNS", "guard"),
    ])
    assert counts(lex, doc, 5) == [(2, 2, 2, "state_forces")]  # the phrase counts...
    assert claims(lex, doc, doc) == []  # ...but a threat reports no casualties


def test_custody_is_said_of_the_verbs_object_else_its_subject(blank, lex) -> None:
    doc = build(blank, [
        ("A", 1, "det", "DET", "DT", "a"),
        ("cook", 2, "nsubj", "NOUN", "NN", "cook"),
        ("is", 2, "ROOT", "AUX", "VBZ", "be"),
        ("in", 2, "prep", "ADP", "IN", "in"),
        ("custody", 3, "pobj", "NOUN", "NN", "custody"),
    ])
    assert state_argument(lex, doc[3]).i == 1
    doc = build(blank, [
        ("Deputies", 1, "nsubj", "NOUN", "NNS", "deputy"),
        ("held", 1, "ROOT", "VERB", "VBD", "hold"),
        ("two", 3, "nummod", "NUM", "CD", "two"),
        ("drivers", 1, "dobj", "NOUN", "NNS", "driver"),
        ("in", 3, "prep", "ADP", "IN", "in"),
        ("custody", 4, "pobj", "NOUN", "NN", "custody"),
    ])
    assert state_verb(doc[4]).i == 1  # the phrase hangs on the object: its verb holds them
    assert state_argument(lex, doc[4]).i == 3  # the held, not the holders


def test_custody_without_an_arrest(blank, lex) -> None:
    doc = build(blank, [
        ("credit", 0, "ROOT", "NOUN", "NN", "credit"),
        ("for", 0, "prep", "ADP", "IN", "for"),
        ("90", 3, "nummod", "NUM", "CD", "90"),
        ("days", 1, "pobj", "NOUN", "NNS", "day"),
        ("in", 3, "prep", "ADP", "IN", "in"),
        ("custody", 4, "pobj", "NOUN", "NN", "custody"),
    ])
    assert state_verb(doc[4]) is None and state_argument(lex, doc[4]) is None  # a sentence served
    doc = build(blank, [
        ("A", 1, "det", "DET", "DT", "a"),
        ("prisoner", 2, "nsubj", "NOUN", "NN", "prisoner"),
        ("died", 2, "ROOT", "VERB", "VBD", "die"),
        ("in", 2, "prep", "ADP", "IN", "in"),
        ("custody", 3, "pobj", "NOUN", "NN", "custody"),
    ])
    assert state_argument(lex, doc[3]) is None  # the death is the report
    doc = build(blank, [
        ("An", 1, "det", "DET", "DT", "an"),
        ("inmate", 3, "nsubjpass", "NOUN", "NN", "inmate"),
        ("was", 3, "auxpass", "AUX", "VBD", "be"),
        ("hurt", 3, "ROOT", "VERB", "VBN", "hurt"),
        ("in", 3, "prep", "ADP", "IN", "in"),
        ("custody", 4, "pobj", "NOUN", "NN", "custody"),
    ])
    assert state_argument(lex, doc[4]) is None  # hurt while held: no verb of holding


def _shooting_of(nlp: Language, words: list[tuple[str, str, str, str]]) -> Doc:
    """ "the shooting of <words>" with the last word as the "of" object (word, pos, tag, lemma)."""
    rows = [("the", 1, "det", "DET", "DT", "the"), ("shooting", 1, "ROOT", "NOUN", "NN", "shooting"),
            ("of", 1, "prep", "ADP", "IN", "of")]
    last = 2 + len(words)
    rows += [(w, last, "nummod" if pos == "NUM" else "amod", pos, tag, lemma) for w, pos, tag, lemma in words[:-1]]
    word, pos, tag, lemma = words[-1]
    rows.append((word, 2, "pobj", pos, tag, lemma))
    return build(nlp, rows)


def test_people_of_names_people_not_animals_or_things(blank, lex) -> None:
    doc = _shooting_of(blank, [("two", "NUM", "CD", "two"), ("teenagers", "NOUN", "NNS", "teenager")])
    assert people_of(lex, doc[1]).i == 4
    doc = _shooting_of(blank, [("two", "NUM", "CD", "two"), ("deer", "NOUN", "NNS", "deer")])
    assert people_of(lex, doc[1]) is None
    doc = _shooting_of(blank, [("20", "NUM", "CD", "20"), ("photos", "NOUN", "NNS", "photo")])
    assert people_of(lex, doc[1]) is None


def test_a_participle_after_a_counted_group_belongs_to_it(blank, lex) -> None:
    doc = build(blank, [
        ("He", 1, "nsubj", "PRON", "PRP", "he"),
        ("was", 1, "ROOT", "AUX", "VBD", "be"),
        ("one", 1, "attr", "NUM", "CD", "one"),
        ("of", 2, "prep", "ADP", "IN", "of"),
        ("three", 5, "nummod", "NUM", "CD", "three"),
        ("people", 3, "pobj", "NOUN", "NNS", "people"),
        ("shot", 2, "acl", "VERB", "VBN", "shoot"),
    ])
    assert verb_argument(lex, doc[6], "shot", "shot").i == 5  # parsed onto "one": the three were shot
    doc = build(blank, [
        ("one", 4, "nsubj", "NUM", "CD", "one"),
        ("of", 0, "prep", "ADP", "IN", "of"),
        ("three", 3, "nummod", "NUM", "CD", "three"),
        ("people", 1, "pobj", "NOUN", "NNS", "people"),
        ("died", 4, "ROOT", "VERB", "VBD", "die"),
    ])
    assert verb_argument(lex, doc[4], "killed", "died").i == 0  # one died, not three
