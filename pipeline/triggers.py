"""Event triggers: words that report an ACLED event type, and the events of one article (issue 7).

The component matches a lexicon of trigger phrases (`models/triggers/triggers.tsv`, lemmas with
their inflections generated, matched case-insensitively: a `PhraseMatcher` for fixed phrases, a
token `Matcher` for patterns with gaps such as "set * ablaze"), then lets a
few context rules refine the type from the trigger's sentence: who acts (state forces, armed
groups, protesters, a mob), against what (a town, weapons), with which means (tear gas, live
fire, stones). Words of disasters and accidents (`cues.json`, "disaster") veto weak triggers
near them and are stored as vetoing facts, so that a flood's death toll makes no event.

`split_events` turns an article's facts into events: one per type family of its triggers, each
fact going to the event whose trigger is nearest; casualty facts alone make one untyped event.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
from spacy.attrs import IS_ALPHA, IS_UPPER, LEMMA, LOWER, POS, SENT_START
from spacy.language import Language
from spacy.matcher import Matcher, PhraseMatcher
from spacy.tokens import Doc, Span, Token
from spacy.vocab import Vocab

from pipeline.schemas import Fact, TriggerFact
from pipeline.resources import models_dir as models_root

if not Doc.has_extension("ne_triggers"):
    Doc.set_extension("ne_triggers", default=None)

# Violent families: casualty facts join one of these before any other event.
VIOLENT = ("battles", "explosions_remote_violence", "violence_against_civilians", "riots", "protests")
# Strategic developments that only follow from the violence they accompany (arresting the
# suspects of a shooting, burning houses during a raid) are not events of their own then.
ABSORBED_SD = {"arrests", "looting_property_destruction", "disrupted_weapons_use", "other"}
# A trigger this strong is never vetoed by a disaster word in its sentence.
STRONG = 8
# Families whose weakest words ("attacks", "murder") are often generic talk, not news.
GENERIC_VIOLENCE = ("violence_against_civilians", "battles")
# The least priority of a trigger that makes an event beside the main one.
SECONDARY = 5
DISASTER = "disaster"

_WORD = re.compile(r"^[a-z]+$")
# A gap-free pattern expanding to more token sequences than this goes to the token Matcher.
_MAX_PHRASES = 5000
_VOWELS = set("aeiou")
# Entities whose words are names, not reports: "March 5", "Rally for the Republic".
_NAME_LABELS = {"DATE", "TIME", "PERSON", "ORG", "GPE", "LOC", "FAC", "WORK_OF_ART", "LAW", "PRODUCT"}
# "riot police" and "riot gear" are the police, not a riot.
_RIOT_GEAR = {"police", "policeman", "policemen", "officer", "officers", "gear", "squad", "shield",
              "shields", "unit", "units", "control", "act", "cop", "cops", "troops", "force", "forces"}


def _inflect(lemma: str, irregular: dict[str, list[str]]) -> list[str]:
    """The lemma and its regular (and listed irregular) inflections, lowercase."""
    forms = {lemma, *irregular.get(lemma, ())}
    if not _WORD.match(lemma):
        return sorted(forms)
    stem = lemma[:-1] if lemma.endswith("e") else lemma
    forms |= {lemma + "s", lemma + "es", stem + "ed", stem + "ing", lemma + "d"}
    if lemma.endswith("y") and len(lemma) > 2 and lemma[-2] not in _VOWELS:
        forms |= {lemma[:-1] + "ies", lemma[:-1] + "ied"}
    # Doubled final consonant: "stab" -> "stabbed", "drop" -> "dropping".
    if len(lemma) >= 3 and lemma[-1] not in _VOWELS | {"w", "x", "y"} and lemma[-2] in _VOWELS \
            and lemma[-3] not in _VOWELS:
        forms |= {lemma + lemma[-1] + "ed", lemma + lemma[-1] + "ing"}
    return sorted(forms)


def _slot(spec: str, irregular: dict[str, list[str]]) -> list[dict]:
    """Matcher token specs for one pattern slot (see the header of triggers.tsv)."""
    if spec == "*":
        return [{"IS_SENT_START": False, "OP": "{0,3}"}]
    optional = spec.startswith("?")
    spec = spec.lstrip("?")
    alternatives = spec.split("|")
    # A hyphenated word is three tokens for spaCy ("cease - fire").
    if len(alternatives) == 1 and "-" in spec.strip("=-"):
        parts = spec.lstrip("=").split("-")
        specs: list[dict] = []
        for i, part in enumerate(parts):
            if i:
                specs.append({"ORTH": "-"})
            specs.append({"LOWER": {"IN": _inflect(part, irregular) if i == len(parts) - 1 else [part]}})
        return specs
    forms: set[str] = set()
    for alt in alternatives:
        forms |= {alt[1:]} if alt.startswith("=") else set(_inflect(alt, irregular))
    tok: dict = {"LOWER": {"IN": sorted(forms)}}
    if optional:
        tok["OP"] = "?"
    return [tok]


@dataclass(frozen=True)
class TriggerEntry:
    """One row of triggers.tsv."""

    event_type: str
    sub_event_type: str
    priority: int
    rule: str


@dataclass
class TriggerData:
    """Everything the component reads from models_dir, loaded once."""

    entries: list[TriggerEntry] = field(default_factory=list)
    cues: dict[str, frozenset[str]] = field(default_factory=dict)
    hashes: dict[str, np.ndarray] = field(default_factory=dict)  # cue name -> word hashes
    gapped_required: list[list[list[str]]] = field(default_factory=list)  # see _required_forms
    gapped_hashes: list[list[np.ndarray]] = field(default_factory=list)  # the same as LOWER hashes
    gapped_sets: list[list[frozenset[int]]] = field(default_factory=list)  # and as sets


def _fixed_forms(pattern: str, irregular: dict[str, list[str]]) -> list[list[str]] | None:
    """Every token sequence a pattern without gaps or optional slots matches, or None when
    it has some (or would expand to too many): those go to the slower token Matcher."""
    combos: list[list[str]] = [[]]
    for spec in pattern.split():
        if spec == "*" or spec.startswith("?"):
            return None
        alternatives = spec.split("|")
        if len(alternatives) == 1 and "-" in spec.strip("=-"):
            parts = spec.lstrip("=").split("-")
            heads = [[*sum(([p, "-"] for p in parts[:-1]), []), form]
                     for form in _inflect(parts[-1], irregular)]
        else:
            forms: set[str] = set()
            for alt in alternatives:
                forms |= {alt[1:]} if alt.startswith("=") else set(_inflect(alt, irregular))
            heads = [[f] for f in sorted(forms)]
        combos = [c + h for c in combos for h in heads]
        if len(combos) > _MAX_PHRASES:
            return None
    return combos


def _required_forms(pattern: str, irregular: dict[str, list[str]]) -> list[list[str]]:
    """For each slot a match cannot do without, the lowercase forms that fill it."""
    out = []
    for spec in pattern.split():
        if spec == "*" or spec.startswith("?"):
            continue
        forms: set[str] = set()
        for alt in spec.split("|"):
            word = alt.lstrip("=").split("-")[-1]
            forms |= {word} if alt.startswith("=") else set(_inflect(word, irregular))
        out.append(sorted(forms))
    return out


def load_data(models_dir: Path) -> tuple[TriggerData, list[tuple[str, list[list[dict]]]],
                                        list[tuple[str, list[list[str]]]]]:
    """The trigger entries, the context cues, the token Matcher patterns (key, patterns) of
    patterns with gaps, and the phrases (key, token lists) of the others."""
    base = models_dir / "triggers"
    irregular: dict[str, list[str]] = {}
    for line in (base / "inflections.tsv").read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            lemma, forms = line.split("\t")
            irregular[lemma.strip()] = [f.strip() for f in forms.split(",")]
    data = TriggerData()
    patterns: list[tuple[str, list[list[dict]]]] = []
    phrases: list[tuple[str, list[list[str]]]] = []
    for line in (base / "triggers.tsv").read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        pattern, event_type, sub, priority, rule = line.split("\t")
        entry = TriggerEntry(event_type, sub, int(priority), rule.strip())
        key = str(len(data.entries))
        fixed = _fixed_forms(pattern, irregular)
        if fixed is not None:
            phrases.append((key, fixed))
        else:
            patterns.append((key, [[s for slot in pattern.split() for s in _slot(slot, irregular)]]))
            data.gapped_required.append(_required_forms(pattern, irregular))
        data.entries.append(entry)
    raw = json.loads((base / "cues.json").read_text(encoding="utf-8"))
    data.cues = {k: frozenset(v) for k, v in raw.items() if not k.startswith("_")}
    return data, patterns, phrases


def _hash_cues(data: TriggerData, vocab: Vocab) -> None:
    """The cue sets the Doc-wide checks look up, as hash arrays of `vocab`."""
    cues = data.cues
    wanted = {name: cues[name] for name in ("mishap", "disaster", "hazard")}
    wanted["fire"] = frozenset({"fire"})
    wanted["weather_verbs"] = frozenset({"storm", "rain"})
    wanted["conflict_doc"] = cues["conflict"] | cues["nonstate"]
    wanted["protest_doc"] = frozenset({"protester", "demonstrator", "rioter"})
    data.hashes = {name: word_hashes(vocab, words) for name, words in wanted.items()}
    data.gapped_sets = [[frozenset(vocab.strings.add(f) for f in forms) for forms in slots]
                        for slots in data.gapped_required]
    data.gapped_hashes = [[np.array(sorted(hashes), dtype=np.uint64) for hashes in slots]
                          for slots in data.gapped_sets]


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
        alpha = arr[:400, 4].astype(bool)
        # An all-caps wire (MUC-style): names are not capitalised apart from other words.
        self.mostly_upper = bool(alpha.any()) and arr[:400, 5][alpha].mean() > 0.8
        starts = np.flatnonzero(arr[:, 3].astype(np.int64) == 1) if len(doc) else np.array([0])
        if not len(starts) or starts[0] != 0:
            starts = np.concatenate([[0], starts])
        self.starts = starts
        self.sent_id = np.searchsorted(starts, np.arange(len(doc)), side="right") - 1

    def has(self, hashes: np.ndarray) -> np.ndarray:
        """Mask of the tokens whose form or lemma is one of `hashes`."""
        return np.isin(self.lower, hashes) | np.isin(self.lemma, hashes)

    def sent(self, k: int) -> Span:
        """Sentence number k as a Span."""
        end = int(self.starts[k + 1]) if k + 1 < len(self.starts) else len(self.doc)
        return self.doc[int(self.starts[k]):end]

    def sent_of(self, i: int) -> Span:
        """The sentence holding token i."""
        return self.sent(int(self.sent_id[i]))


class SentenceContext:
    """Lowercase words and lemmas of one sentence, computed once and shared by the rules."""

    def __init__(self, sent: Span) -> None:
        self.sent = sent
        self.words = {t.lower_ for t in sent} | {t.lemma_.lower() for t in sent}
        # Labels of the named entities of the sentence (Span.ents walks the whole Doc).
        self.ent_labels = {t.ent_type_ for t in sent if t.ent_type_}
        self.text = sent.text.lower()

    def has(self, words: frozenset[str]) -> bool:
        """Whether any of `words` occurs in the sentence."""
        return not self.words.isdisjoint(words)


def _words_of(tokens: Iterable[Token]) -> set[str]:
    return {w for t in tokens for w in (t.lower_, t.lemma_.lower())}


def _agent_patient(head: Token) -> tuple[set[str], set[str]]:
    """Words of the doer and of the undergoer of a verb, passives turned around."""
    agent: set[str] = set()
    patient: set[str] = set()
    verb = head
    # "took control" / "regained control": the verb holds the subject.
    if verb.dep_ in ("dobj", "pobj", "prt", "compound", "amod") and verb.head is not verb:
        verb = verb.head
    for child in verb.children:
        if child.dep_ in ("nsubj", "csubj"):
            agent |= _words_of(child.subtree)
        elif child.dep_ == "nsubjpass":
            patient |= _words_of(child.subtree)
        elif child.dep_ == "agent":
            agent |= _words_of(child.subtree)
        elif child.dep_ == "dobj":
            patient |= _words_of(child.subtree)
    # A conjoined verb shares its subject: "troops entered and recaptured the town".
    if not agent and verb.dep_ == "conj":
        for child in verb.head.children:
            if child.dep_ == "nsubj":
                agent |= _words_of(child.subtree)
    return agent, patient


def _object_words(head: Token) -> set[str]:
    """Words of what a verb acts on, with its prepositional objects."""
    verb = head.head if head.dep_ in ("dobj", "prt", "compound", "amod") else head
    out: set[str] = set()
    for child in verb.children:
        if child.dep_ in ("dobj", "prep", "nsubjpass", "attr", "oprd", "dative", "npadvmod"):
            out |= _words_of(child.subtree)
    return out


def _refine(entry: TriggerEntry, span: Span, ctx: SentenceContext, doc_flags: dict[str, bool],
            cues: dict[str, frozenset[str]]) -> tuple[str, str, int] | None:
    """The (event_type, sub_event_type, priority) of one match in its sentence, or None to drop."""
    etype, sub, prio, rule = entry.event_type, entry.sub_event_type, entry.priority, entry.rule
    head = span.root
    has = ctx.has
    protest_here = has(cues["protester"])
    if rule == "protest":
        riot_actors = ctx.words & {"protester", "protestor", "demonstrator", "crowd", "rioter", "mob"}
        attacks_property = bool(ctx.words & {"attack", "attacks", "storm", "seizure", "seize"}) and has(cues["property"])
        violent_adj = any(c.dep_ == "amod" and c.lower_ in cues["violent_adj"] for c in head.children)
        blockade = "barricade" in ctx.words or "blockade" in ctx.words or (
            "block" in ctx.words and has(cues["road"]))
        if has(cues["rioter"]) or attacks_property or violent_adj or blockade or (
                riot_actors and has(cues["riot_act"]) and _protesters_act(ctx, cues)):
            return "riots", "violent_demonstration", max(prio, 7)
        if has(cues["lethal"]) or has(cues["excessive"]) and has(cues["state"]):
            return "protests", "excessive_force_against_protesters", max(prio, 6)
        if has(cues["intervention"]) and (has(cues["state"]) or sub == "protest_with_intervention"):
            return "protests", "protest_with_intervention", max(prio, 6)
        if sub == "protest_with_intervention":
            return etype, sub, prio
        return etype, "peaceful_protest", prio
    if rule == "labour":
        if "on strike" in ctx.text or "general strike" in ctx.text or has(cues["labour"] - {"strike"}):
            return "protests", "peaceful_protest", 4
        return None
    if rule == "riot":
        nxt = span.doc[span.end] if span.end < len(span.doc) else None
        if nxt is not None and nxt.lower_ in _RIOT_GEAR:
            return None
        if sub == "mob_violence" or (has(cues["communal"]) and not protest_here):
            return "riots", "mob_violence", prio
        return "riots", "violent_demonstration", prio
    if rule == "storm":
        if head.pos_ != "VERB":
            return None
        if protest_here or has(cues["rioter"]):
            return "riots", "violent_demonstration", 6
        if has(cues["nonstate"]) or has(cues["state"]):
            return "violence_against_civilians", "attack", 3
        return None
    if rule == "clash":
        if protest_here or has(cues["rioter"]):
            return "riots", "violent_demonstration", 7
        if has(cues["communal"]) and not (has(cues["nonstate"]) or has(cues["state"])):
            return "riots", "mob_violence", 6
        if not (has(cues["nonstate"]) or has(cues["state"])) and prio < 6:
            return None  # "fighting corruption", "battle for votes"
        return etype, sub, prio
    if rule == "attack":
        if protest_here and has(cues["state"]):
            return "protests", "excessive_force_against_protesters", 6
        target = _object_words(head)
        if target & cues["state_target"] and (has(cues["nonstate"]) or has(cues["state"])):
            return "battles", "armed_clash", max(prio, 5)
        if target and target & cues["property"] and not target & cues["people"]:
            return "strategic_developments", "looting_property_destruction", max(prio, 3)
        if not target and has(cues["nonstate"]) and has(cues["state"]):
            return "battles", "armed_clash", max(prio, 5)
        return etype, sub, prio
    if rule == "kill":
        agent, _ = _agent_patient(head)
        if has(cues["nonstate"]) and has(cues["state"]):
            return "battles", "armed_clash", 4
        if agent & cues["nonstate"]:
            return etype, sub, 2
        return None
    if rule == "confront":
        if protest_here or has(cues["rioter"]):
            return etype, sub, prio
        return None
    if rule == "explosion":
        if not doc_flags["conflict"]:
            return None  # an explosion with no attacker, bomb or target in sight: an accident
        return etype, sub, prio
    if rule == "weapon_found":
        objects = _object_words(head) | ctx.words
        if objects & cues["weapon"] and not has(cues["use"]):
            return etype, sub, prio
        return None
    if rule in ("territory_take", "territory_retake"):
        if head.dep_ == "amod" or any(c.dep_ == "aux" and c.lower_ == "to" for c in head.children):
            return None  # "the occupied West Bank"; "an attack to capture the base": tried, not done
        objects = _object_words(head) | _words_of(span)
        if objects & cues["weapon"] and not objects & cues["place"]:
            return "strategic_developments", "disrupted_weapons_use", 8
        if not (objects & cues["place"] or ctx.ent_labels & {"GPE", "LOC", "FAC"}):
            return None
        if not (has(cues["state"]) or has(cues["nonstate"])) and "control" not in ctx.words:
            return None
        if has(cues["transfer"]) or "without a fight" in ctx.text or "without resistance" in ctx.text:
            return "strategic_developments", "non_violent_transfer_of_territory", 8
        agent, patient = _agent_patient(head)
        state_agent = bool(agent & cues["state"]) or bool(patient & cues["nonstate"] and not agent)
        nonstate_agent = bool(agent & cues["nonstate"]) or bool(patient & cues["state"] and not agent)
        if state_agent and not nonstate_agent:
            return "battles", "government_regains_territory", prio
        if nonstate_agent and not state_agent:
            return "battles", "non_state_actor_overtakes_territory", prio
        return etype, sub, prio
    if rule == "missile":
        if head.pos_ not in ("NOUN", "PROPN"):
            return None  # "prices rocketed", "shelled out"
        if has(cues["intercept"]):
            return "strategic_developments", "disrupted_weapons_use", 8
        if has(cues["air"]):
            return "explosions_remote_violence", "air_drone_strike", prio
        return _disrupted(etype, sub, prio, ctx, cues)
    if rule == "bomb":
        if "suicide" in ctx.words:
            return "explosions_remote_violence", "suicide_bomb", 10
        if has(cues["air"]):
            return "explosions_remote_violence", "air_drone_strike", 8
        if has(cues["negative_context"]):
            return None
        return _disrupted(etype, sub, prio, ctx, cues)
    if rule == "air_vehicle":
        if has(cues["intercept"]):
            return "strategic_developments", "disrupted_weapons_use", 6
        if has(cues["attack_verb"]):
            return etype, sub, prio
        return None
    if rule == "grenade":
        if "stun" in ctx.words and protest_here:
            return "protests", "protest_with_intervention", 6
        return _disrupted(etype, sub, prio, ctx, cues)
    if etype == "explosions_remote_violence" and sub == "remote_explosive_landmine_ied":
        return _disrupted(etype, sub, prio, ctx, cues)
    if rule == "chemical":
        if has(cues["attack_verb"]) or "weapon" in ctx.words:
            return etype, sub, prio
        return None
    if rule == "property":
        if has(cues["rioter"]) and "mob" in ctx.words:
            return "riots", "mob_violence", 7
        if protest_here or doc_flags["protest"]:
            return "riots", "violent_demonstration", 7
        return etype, sub, prio
    if rule == "arrest":
        _, patient = _agent_patient(head)
        if patient & (cues["protester"] - {"rally", "protest", "demonstration"}):
            return "protests", "protest_with_intervention", 6
        return etype, sub, prio
    if rule == "transfer":
        if not (has(cues["place"]) or ctx.ent_labels & {"GPE", "LOC"}):
            return None
        if not (has(cues["state"]) or has(cues["nonstate"])):
            return None
        return etype, sub, prio
    if rule == "group":
        if not (has(cues["state"]) or has(cues["nonstate"])):
            return None
        return etype, sub, prio
    return etype, sub, prio


def _disrupted(etype: str, sub: str, prio: int, ctx: SentenceContext,
               cues: dict[str, frozenset[str]]) -> tuple[str, str, int]:
    """A weapon found, seized or defused rather than used is a disrupted weapons use."""
    if ctx.has(cues["disrupt"]) and not ctx.has(cues["use"]):
        return "strategic_developments", "disrupted_weapons_use", max(prio, 8)
    return etype, sub, prio


def _background(span: Span, cues: dict[str, frozenset[str]]) -> str | None:
    """"intent" when the trigger sits under a verb of intent ("plans to attack": nothing
    happened), "clause" in a relative clause ("the town that was the scene of an attack":
    background, weaker than the news), else None."""
    tok = span.root
    steps = 0
    found = None
    while tok.head is not tok and steps < 8:
        if tok.dep_ in ("xcomp", "dobj", "ccomp", "pobj", "pcomp") and tok.head.lemma_.lower() in cues["realis_blockers"]:
            return "intent"
        if tok.dep_ == "relcl":
            found = "clause"
        tok = tok.head
        steps += 1
    return found


_MODALS = {"will", "would", "could", "might", "may", "should", "must", "can", "shall", "'ll"}


def _generic_plural(span: Span, ctx: SentenceContext, event_nouns: frozenset[str]) -> bool:
    """Whether the trigger is a bare plural event noun of talk about violence in general
    ("bombings and massacres must stop"), not a report: no article, number or owner, no date in
    the sentence, and not the subject of a verb in the past ("bombings killed 12")."""
    head = span.root
    if head.pos_ not in ("NOUN", "PROPN") or not head.lower_.endswith("s") or head.lower_ not in event_nouns:
        return False
    if any(c.dep_ in ("det", "nummod", "poss", "predet") for c in head.children):
        return False
    if "DATE" in ctx.ent_labels or "TIME" in ctx.ent_labels:
        return False
    if head.dep_ in ("nsubj", "nsubjpass") and head.head.tag_ in ("VBD", "VBN"):
        return False
    return True


def _modal(span: Span) -> bool:
    """Whether the trigger, or the verb it depends on, is under a modal ("we will continue
    our attacks", "could kidnap"): a possibility or a threat, not a report."""
    tok = span.root
    for _ in range(3):
        if any(c.dep_ == "aux" and c.lower_ in _MODALS for c in tok.children):
            return True
        if tok.head is tok or tok.pos_ == "VERB" and tok.dep_ not in ("xcomp", "ccomp"):
            break
        tok = tok.head
    return False


def _protesters_act(ctx: SentenceContext, cues: dict[str, frozenset[str]]) -> bool:
    """Whether protesters are the doers of some violent act of the sentence."""
    for tok in ctx.sent:
        if tok.pos_ != "VERB" or not ({tok.lemma_.lower(), tok.lower_} & cues["riot_act"]):
            continue
        agent, patient = _agent_patient(tok)
        if agent & cues["protester"] or agent & cues["rioter"]:
            return True
        if patient & cues["protester"] and not agent:
            return False
        # "protesters and police clashed": both are doers.
        if tok.lemma_.lower() == "clash":
            return True
    return False


def _is_name_word(span: Span, mostly_upper: bool) -> bool:
    """Whether the match is part of a name or a date rather than a report ("March 5")."""
    for tok in span:
        if tok.ent_type_ in ("DATE", "TIME"):
            return True
        # Inside a longer name ("Desert Storm", "Strike Force"), not at its start
        # ("Protesters in X" mistagged as an organisation).
        if not mostly_upper and tok.ent_type_ in _NAME_LABELS and tok.ent_iob_ == "I":
            return True
    return False


def _matches(doc: Doc, index: DocIndex, matcher: Matcher, phrase_matcher: PhraseMatcher,
             data: TriggerData) -> list[tuple[int, int, int]]:
    """(match_id, start, end) of every lexicon pattern in the Doc."""
    matches = phrase_matcher(doc)
    # The token Matcher (patterns with gaps) only runs on sentences holding every word a
    # pattern needs: it is the costliest step of the component.
    n_sents = len(index.starts)
    present: dict[int, np.ndarray] = {}
    candidates = np.zeros(n_sents, dtype=bool)
    words = set(index.lower.tolist())
    for slots, slot_sets in zip(data.gapped_hashes, data.gapped_sets):
        if any(words.isdisjoint(needed) for needed in slot_sets):
            continue  # a word the pattern needs is nowhere in the Doc
        ok = np.ones(n_sents, dtype=bool)
        for hashes_ in slots:
            if id(hashes_) not in present:
                here = np.zeros(n_sents, dtype=bool)
                here[index.sent_id[np.isin(index.lower, hashes_)]] = True
                present[id(hashes_)] = here
            ok &= present[id(hashes_)]
            if not ok.any():
                break
        candidates |= ok
    for k in np.flatnonzero(candidates):
        sent = index.sent(int(k))
        matches += [(m, sent.start + a, sent.start + b) for m, a, b in matcher(sent)]
    return matches


def _disasters(doc: Doc, index: DocIndex, taken: set[int], data: TriggerData) -> tuple[list[dict], set[int]]:
    """Vetoing facts for the disaster and accident words of the Doc (one per sentence), and
    the numbers of their sentences."""
    out: list[dict] = []
    hashes = data.hashes
    is_verb = index.pos == doc.vocab.strings["VERB"]
    free = np.ones(len(doc), dtype=bool)
    free[list(taken)] = False
    # "fired tear gas" is no mishap, nor is the gas of a trigger a hazard.
    mishap = index.has(hashes["mishap"]) & ~(is_verb & np.isin(index.lemma, hashes["fire"]))
    mishap_sent = np.zeros(len(index.starts), dtype=bool)
    mishap_sent[index.sent_id[mishap]] = True
    # A factory or a gas cylinder is a disaster only where something exploded or leaked.
    disaster = free & (index.has(hashes["disaster"]) | index.has(hashes["hazard"]) & mishap_sent[index.sent_id])
    disaster &= ~(is_verb & np.isin(index.lemma, hashes["weather_verbs"]))  # "stormed the building"
    sentences: set[int] = set()
    for i in np.flatnonzero(disaster):
        k = int(index.sent_id[i])
        if k in sentences:
            continue
        sentences.add(k)
        tok = doc[int(i)]
        out.append(_fact(tok.text, index.sent(k), tok.idx, DISASTER, None, 0, True))
    return out, sentences


def find_triggers(doc: Doc, matcher: Matcher, phrase_matcher: PhraseMatcher, data: TriggerData) -> list[dict]:
    """Trigger facts (dicts valid as TriggerFact minus article_id) of one annotated Doc."""
    cues = data.cues
    index = DocIndex(doc)
    mostly_upper = index.mostly_upper
    matches = _matches(doc, index, matcher, phrase_matcher, data)
    # Longest match first, then the strongest entry: overlapping weaker matches give way.
    matches.sort(key=lambda m: (-(m[2] - m[1]), -data.entries[int(doc.vocab.strings[m[0]])].priority))
    taken: set[int] = set()
    kept: list[tuple[TriggerEntry, Span]] = []
    for match_id, start, end in matches:
        if any(i in taken for i in range(start, end)):
            continue
        span = doc[start:end]
        entry = data.entries[int(doc.vocab.strings[match_id])]
        if entry.priority < STRONG and _is_name_word(span, mostly_upper):
            continue
        if any(child.dep_ == "neg" for child in span.root.children):
            continue  # "no one was kidnapped" / "did not attack"
        taken.update(range(start, end))
        kept.append((entry, span))
    # Disaster words: veto weak triggers and mark the article for split_events.
    out, disaster_sents = _disasters(doc, index, taken, data)
    hashes = data.hashes
    doc_flags = {"conflict": bool(index.has(hashes["conflict_doc"]).any()),
                 "protest": any(e.rule == "protest" and e.sub_event_type != "protest_with_intervention"
                                for e, _ in kept) or bool(index.has(hashes["protest_doc"]).any())}
    contexts: dict[int, SentenceContext] = {}
    disaster_lead = 0 in disaster_sents
    refined: list[tuple[str, str, int, Span]] = []
    kept_refined: list[tuple[TriggerEntry, Span]] = []  # the entry of each refined trigger
    for entry, span in kept:
        k = int(index.sent_id[span.start])
        sent = index.sent(k)
        ctx = contexts.get(k) or contexts.setdefault(k, SentenceContext(sent))
        got = _refine(entry, span, ctx, doc_flags, cues)
        if got is None:
            continue
        etype, sub, prio = got
        if etype in VIOLENT and etype != "protests" and entry.rule != "clash" and (
                _generic_plural(span, ctx, cues["event_nouns"]) or prio < STRONG and _modal(span)):
            continue
        if prio < STRONG:
            background = _background(span, cues)
            if background == "intent":
                continue
            if background == "clause":
                prio = max(1, prio - 3)
        if k in disaster_sents and prio < STRONG and entry.rule != "gun":
            continue
        if entry.rule == "explosion" and disaster_sents:
            continue  # "a blast" in an article that speaks of a gas leak elsewhere
        refined.append((etype, sub, prio, span))
        kept_refined.append((entry, span))
    # An article led by a disaster reports it: only strong conflict words may still make events.
    if disaster_lead and not any(p >= STRONG or e.rule == "gun" for (e, _), (_, _, p, _)
                                 in zip(kept_refined, refined)):
        refined = []
    refined = _absorb_generic_attacks(refined)
    for etype, sub, prio, span in refined:
        out.append(_fact(span.text, index.sent_of(span.start), span.start_char, etype, sub, prio, False))
    out.sort(key=lambda f: f["char_start"])
    return out


def _absorb_generic_attacks(refined: list[tuple[str, str, int, Span]]) -> list[tuple[str, str, int, Span]]:
    """Generic attack words ("killed", "beheaded", "stormed") in an article about a riot, a
    battle or a bombing describe that event: they take its type."""
    others = [r for r in refined if r[0] in VIOLENT and r[0] != "violence_against_civilians"
              and not (r[0] == "protests" and r[1] == "peaceful_protest")]
    if not others:
        return refined
    etype, sub, _, _ = max(others, key=lambda r: r[2])
    return [(etype, sub, p, span) if t == "violence_against_civilians" and s == "attack" and p <= 4
            else (t, s, p, span) for t, s, p, span in refined]


def _fact(text: str, sent: Span, start: int, etype: str, sub: str | None, prio: int,
          vetoes: bool) -> dict:
    return {
        "kind": "trigger",
        "text": text,
        "sentence": sent.text,
        "char_start": start,
        "char_end": start + len(text),
        "event_type": etype,
        "sub_event_type": sub,
        "priority": prio,
        "vetoes": vetoes,
    }


@Language.factory("newsevents_triggers", default_config={"models_dir": ""})
def make_component(nlp: Language, name: str, models_dir: str):
    """Build the component; its lexicon and cues are read once from `models_dir`."""
    data, patterns, phrases = load_data(Path(models_dir) if models_dir else models_root())
    _hash_cues(data, nlp.vocab)
    # Gap-free phrases go to the PhraseMatcher (hash lookups); the few patterns with gaps to
    # the token Matcher, whose cost grows with the number of patterns times tokens.
    matcher = Matcher(nlp.vocab)
    for key, pats in patterns:
        matcher.add(key, pats)
    phrase_matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
    for key, token_lists in phrases:
        phrase_matcher.add(key, [Doc(nlp.vocab, words=tokens) for tokens in token_lists])

    def component(doc: Doc) -> Doc:
        doc._.ne_triggers = find_triggers(doc, matcher, phrase_matcher, data)
        return doc

    return component


def split_events(facts: list[Fact]) -> list[tuple[str | None, str | None, list[Fact]]]:
    """The events one article reports: (event_type, sub_event_type, the facts that belong to it).

    One event per type family of the article's triggers, the strongest family first; in each
    sentence only its strongest trigger counts, so "police fired on protesters, killing two" is
    one event. Arrests, seized weapons and property destruction next to violence belong to it.
    Casualty facts without any trigger make one untyped event (ordinary crime) unless the
    article reports a disaster. An article with neither reports no event."""
    triggers = [f for f in facts if f.kind == "trigger" and not f.vetoes]
    vetoes = [f for f in facts if f.kind == "trigger" and f.vetoes]
    others = [f for f in facts if f.kind != "trigger"]
    if not triggers:
        casualties = [f for f in others if f.kind == "casualty"]
        # A disaster word before the first victim, or beside one, says what killed them.
        if casualties and not any(v.char_start < casualties[0].char_start
                                  or any(v.sentence == c.sentence for c in casualties) for v in vetoes):
            return [(None, None, list(others))]
        return []
    # Per sentence, its strongest trigger.
    best: dict[str, TriggerFact] = {}
    for t in triggers:
        cur = best.get(t.sentence)
        if cur is None or t.priority > cur.priority:
            best[t.sentence] = t
    winners = sorted(best.values(), key=lambda t: t.char_start)
    families: dict[str, list[TriggerFact]] = {}
    for t in winners:
        families.setdefault(t.event_type, []).append(t)
    if "riots" in families and "protests" in families:
        _merge_protests_into_riots(families, [f for f in others if f.kind == "place"])
    violent = [k for k in families if k in VIOLENT]
    if violent and "strategic_developments" in families:
        kept = [t for t in families["strategic_developments"] if t.sub_event_type not in ABSORBED_SD]
        absorbed = [t for t in families["strategic_developments"] if t.sub_event_type in ABSORBED_SD]
        target = max(violent, key=lambda k: max(t.priority for t in families[k]))
        families[target].extend(absorbed)
        if kept:
            families["strategic_developments"] = kept
        else:
            del families["strategic_developments"]
    # Generic attacks next to other violence are that violence seen from its victims' side.
    if "violence_against_civilians" in families:
        vac = families["violence_against_civilians"]
        others_violent = [k for k in families if k in VIOLENT and k != "violence_against_civilians"]
        if others_violent and all(t.sub_event_type == "attack" for t in vac):
            target = max(others_violent, key=lambda k: max(t.priority for t in families[k]))
            families[target].extend(vac)
            del families["violence_against_civilians"]
    order = sorted(families, key=lambda k: (-max(t.priority for t in families[k]),
                                            min(t.char_start for t in families[k])))
    # A passing generic word ("attacks", "fighting") beside the main story is no event of its
    # own; and an article whose only words are generic and that counts no victim reports none.
    minor = [k for k in order[1:] if max(t.priority for t in families[k]) < SECONDARY]
    for k in minor:
        families[order[0]].extend(families.pop(k))
    order = [k for k in order if k not in minor]
    has_casualty = any(f.kind == "casualty" for f in others)
    if order[0] in GENERIC_VIOLENCE and max(t.priority for t in families[order[0]]) < SECONDARY - 1 \
            and not has_casualty:
        return []
    groups: dict[str, list[Fact]] = {k: list(families[k]) for k in order}
    violent_now = [k for k in order if k in VIOLENT]
    for f in others:
        pool = violent_now if f.kind == "casualty" and violent_now else order
        groups[_nearest(f, pool, families)].append(f)
    events: list[tuple[str | None, str | None, list[Fact]]] = []
    for k in order:
        own = [t for t in families[k] if t.event_type == k]
        main = max(own, key=lambda t: (t.priority, -t.char_start))
        sub = main.sub_event_type
        group = sorted(groups[k], key=lambda f: (f.char_start, f.char_end))
        events.append((k, sub, group))
    return events


def _merge_protests_into_riots(families: dict[str, list[TriggerFact]], places: list[Fact]) -> None:
    """A protest in a town where the article reports a riot is that riot (ACLED codes one event
    per place and day, by its most violent form): move such protest triggers to the riots."""
    def towns(sentence: str) -> set[str]:
        return {(p.name or p.text).casefold() for p in places
                if p.sentence == sentence and p.feature not in (None, "country", "continent", "region")}

    riot_towns = set().union(*(towns(t.sentence) for t in families["riots"]))
    moved = [t for t in families["protests"] if (here := towns(t.sentence)) and here <= riot_towns]
    if not moved:
        return
    families["riots"].extend(moved)
    families["protests"] = [t for t in families["protests"] if t not in moved]
    if not families["protests"]:
        del families["protests"]


def _nearest(fact: Fact, pool: list[str], families: dict[str, list[TriggerFact]]) -> str:
    """The family whose trigger is nearest to the fact: same sentence first, then characters."""
    def distance(k: str) -> tuple[int, int]:
        ts = families[k]
        same = any(t.sentence == fact.sentence for t in ts)
        chars = min(abs(t.char_start - fact.char_start) for t in ts)
        return (0 if same else 1, chars)

    return min(pool, key=distance)
