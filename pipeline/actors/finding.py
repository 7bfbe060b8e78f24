"""Finding actors in a Doc: three kinds of participant mentions.

- named groups and forces: ORG/NORP/PERSON entities found in `models/actors/groups.tsv`, or ORG
  names holding a typing word of `org_keywords.tsv` ("Liberation Front", "Armed Forces");
- people with a title of office ("President X", "Gen. Y") and named perpetrators (the subject of
  "shot", the person arrested);
- common nouns of `nouns.tsv` ("police", "protesters", "gunmen"), named after ACLED's style with
  their country ("Police Forces of Kazakhstan", "Protesters (Kazakhstan)"): the country of a
  modifier ("Iraqi troops", "police in Kazakhstan") or else the article's main country.
Sources are dropped (`sources.py`).
"""

from __future__ import annotations

import numpy as np
from spacy.tokens import Doc, Span, Token

from pipeline.actors.lexicon import ActorData
from pipeline.actors.names import (
    clean_name,
    doc_country,
    fill_name,
    groups_in,
    has_phrase,
    modifier_country,
    state_name,
    title_before,
)
from pipeline.actors.sources import is_source, reports_only
from pipeline.triggers.docindex import DocIndex

# Perpetrator verbs: a named person who is their subject takes part in the event.
_PERPETRATOR_VERBS = {"shoot", "kill", "stab", "attack", "murder", "fire", "open", "wound", "injure",
                      "beat", "kidnap", "abduct", "rape", "bomb", "detonate"}
# Verbs whose object is a named perpetrator: "police arrested John Smith".
_CAUGHT_VERBS = {"arrest", "charge", "detain", "apprehend", "identify", "book", "nab", "sentence", "convict"}
# Nouns that say little beyond "armed men": a modifier naming a kind of actor overrides them.
_GENERIC_NOUNS = {"troop", "troops", "force", "forces", "officer", "soldier", "personnel", "fighter",
                  "member", "unit"}
_MODIFIER_DEPS = ("compound", "amod", "nmod")


def find_actors(doc: Doc, data: ActorData) -> list[dict]:
    """Actor facts (dicts valid as ActorFact minus article_id) of one annotated Doc."""
    country = doc_country(doc, data)
    index = DocIndex(doc)
    out: list[dict] = []
    covered: set[int] = set()
    for ent in doc.ents:
        if ent.label_ not in ("ORG", "NORP", "PERSON", "GPE"):
            continue
        got = _entity_actor(ent, data, country)
        if got is None:
            continue
        span, name, atype = got
        covered.update(range(ent.start, ent.end))
        out.append(_fact(span, name, atype, named=True, sent=index.sent_of(span.start)))
    out += _noun_actors(doc, index, data, country, covered)
    out.sort(key=lambda f: f["char_start"])
    return out


def _noun_key(tok: Token, data: ActorData) -> str | None:
    """The nouns.tsv word of a token that names a participant, or None."""
    key = tok.lower_ if tok.lower_ in data.nouns else tok.lemma_.lower()
    if key not in data.nouns:
        return None
    # "riot police officers" is one mention, its head noun; "government buildings", "police
    # spokeswoman" and "Gunman John Smith" name a thing, a source or a person, not a group.
    if tok.dep_ in _MODIFIER_DEPS and tok.head.pos_ in ("NOUN", "PROPN"):
        return None
    if key in ("force", "forces") and not any(c.dep_ in ("amod", "compound") for c in tok.children):
        return None  # "by force", "forces" alone names nobody
    if reports_only(tok, data):
        return None
    return key


def _noun_type(tok: Token, key: str, data: ActorData, protest_doc: bool) -> tuple[str, str]:
    """(actor type, name template) of a participant noun."""
    atype, template = data.nouns[key]
    # "peacekeeper troops", "militia fighters": the modifier says who they are.
    for child in tok.children:
        ckey = child.lemma_.lower()
        if child.dep_ in _MODIFIER_DEPS and ckey in data.nouns and key in _GENERIC_NOUNS:
            atype, template = data.nouns[ckey]
    if atype == "contextual":
        atype = "rioters" if protest_doc else "political_militias"
        if atype == "rioters":
            template = "Rioters ({country})"
    return atype, template


def _noun_actors(doc: Doc, index: DocIndex, data: ActorData, country: str | None,
                 covered: set[int]) -> list[dict]:
    """Facts of the participant nouns outside the named entities already taken."""
    protest_doc = bool(index.has(data.hashes["protest"]).any())
    out: list[dict] = []
    nominal = np.isin(index.pos, data.hashes["nominal"]) & index.has(data.hashes["nouns"])
    for i in np.flatnonzero(nominal):
        tok = doc[int(i)]
        if tok.i in covered:
            continue
        key = _noun_key(tok, data)
        if key is None:
            continue
        atype, template = _noun_type(tok, key, data, protest_doc)
        group = _compound_group(tok, data)
        if group is not None:
            span, name, gtype = group
            out.append(_fact(span, name, gtype, named=True, sent=index.sent_of(span.start)))
            continue
        named = modifier_country(tok, data) or country
        # The mention is the head noun: "officers" of "riot police officers".
        out.append(_fact(doc[tok.i:tok.i + 1], fill_name(template, named), atype, sent=index.sent_of(tok.i)))
    return out


def _compound_group(tok: Token, data: ActorData) -> tuple[Span, str, str] | None:
    """A named group the noun's modifiers spell out ("Islamic State militants"), or None."""
    mods = [c for c in tok.lefts if c.dep_ in _MODIFIER_DEPS]
    if not mods:
        return None
    span = tok.doc[min(m.left_edge.i for m in mods):tok.i + 1]
    words = [t.lower_ for t in span]
    for phrase, atype, name in groups_in(words, data):
        if has_phrase(words, phrase):
            return span, name, atype
    return None


def _entity_actor(ent: Span, data: ActorData, country: str | None = None) -> tuple[Span, str, str | None] | None:
    """(mention, name, type) of a named entity that takes part, or None."""
    words = [t.lower_ for t in ent]
    if is_source(ent, data):
        return None
    for phrase, atype, name in groups_in(words, data):
        if has_phrase(words, phrase):
            return ent, name, atype
    title_type, title_len = title_before(ent, data)
    if ent.label_ in ("PERSON", "ORG") and title_type:
        # "President Kassym-Jomart Tokayev" (sometimes tagged ORG): the name without the title.
        person = ent[title_len:] if title_len else ent
        if len(person) and not reports_only(person.root, data):
            return person, clean_name(person.text), title_type
    if ent.label_ == "ORG":
        for phrase, atype in data.org_keywords:
            if has_phrase(words, phrase):
                return ent, state_name(ent, atype, data, country) or clean_name(ent.text), atype
        return None
    if ent.label_ == "PERSON":
        root = ent.root
        verb = root.head
        if root.dep_ == "nsubj" and verb.lemma_.lower() in _PERPETRATOR_VERBS:
            return ent, ent.text, None
        if root.dep_ in ("dobj", "nsubjpass") and verb.lemma_.lower() in _CAUGHT_VERBS:
            return ent, ent.text, None
    return None


def _fact(span: Span, name: str, atype: str | None, named: bool = False, sent: Span | None = None) -> dict:
    return {
        "named": named,
        "kind": "actor",
        "text": span.text,
        "sentence": (sent or span.sent).text.strip(),
        "char_start": span.start_char,
        "char_end": span.end_char,
        "actor_name": name,
        "actor_type": atype,
    }
