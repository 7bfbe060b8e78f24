"""Finding triggers in a Doc: lexicon matches, disaster words that veto weak ones, refinement by
the sentence's context, and the filters of talk, names and background."""

from __future__ import annotations

import numpy as np
from spacy.matcher import Matcher, PhraseMatcher
from spacy.tokens import Doc, Span, Token
from spacy.vocab import Vocab

from pipeline.anatomy import dateline_match
from pipeline.aspect import purpose_infinitive
from pipeline.doctext import doc_text
from pipeline.triggers.context import SentenceContext, one_of, prep_objects
from pipeline.triggers.docindex import DocIndex, word_hashes
from pipeline.triggers.filters import (FUTURE_MODALS, absorb_generic_attacks, background, conditional, denied,
                                      generic_plural, is_name_word, long_ago, modal, protest_to_come, undone)
from pipeline.triggers.lexicon import TriggerData, TriggerEntry
from pipeline.triggers.policy import DISASTER, MEMORY, NOT_VIOLENCE, STORY, STRONG, VIOLENT
from pipeline.triggers.refine import Match, refine
from pipeline.triggers.sense import done_by_no_one, harm_by_no_one, medical_arrest
from pipeline.triggers.titles import hyphen_modifier, quoted_title, starts_a_name
from pipeline.triggers.works import set_in_a_story, story_told

# How much a trigger in a background clause ("the town that was the scene of an attack") weakens.
_CLAUSE_PENALTY = 3
# An article naming players this often (keeper, striker, batsman ...) is about a game: its
# words of combat are the game's (`sense.sport_contest`).
_SPORT_ROLES_MIN = 2
# The type of a disaster's own administration (a state of emergency, a curfew, martial law,
# people fleeing): what a disaster's datelined story may tell of it.
_DISASTER_AFTERMATH = ("strategic_developments", "other")
# Dependents that make a word a noun phrase of its own ("a storm", "heavy rain").
_NOUN_PHRASE_DEPS = frozenset({"det", "amod", "nummod", "poss"})
# How far up the parse a casualty's verb is looked for: its count ("three"), its victims
# ("villagers"), their verb.
_HARM_VERB_STEPS = 3

Refined = tuple[str, str, int, Span]


def hash_cues(data: TriggerData, vocab: Vocab) -> None:
    """The cue sets the Doc-wide checks look up, as hash arrays of `vocab`."""
    cues = data.cues
    wanted = {name: cues[name] for name in ("mishap", "disaster", "hazard")}
    wanted["fire"] = frozenset({"fire"})
    wanted["weather_verbs"] = frozenset({"storm", "rain"})
    wanted["conflict_doc"] = cues["conflict"] | cues["nonstate"]
    wanted["armed_doc"] = cues["nonstate"] | cues["conflict_deal"]
    wanted["protest_doc"] = frozenset({"protester", "demonstrator", "rioter"})
    wanted["cyber_doc"] = cues["cyber"]
    wanted["sport_doc"] = cues["sport_roles"]
    data.hashes = {name: word_hashes(vocab, words) for name, words in wanted.items()}
    data.gapped_sets = [[frozenset(vocab.strings.add(f) for f in forms) for forms in slots]
                        for slots in data.gapped_required]
    data.gapped_hashes = [[np.array(sorted(hashes), dtype=np.uint64) for hashes in slots]
                          for slots in data.gapped_sets]


def _gapped_candidates(index: DocIndex, data: TriggerData) -> np.ndarray:
    """Mask of the sentences holding every word some pattern with gaps needs."""
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
    return candidates


def _matches(doc: Doc, index: DocIndex, matcher: Matcher, phrase_matcher: PhraseMatcher,
             data: TriggerData) -> list[tuple[int, int, int]]:
    """(match_id, start, end) of every lexicon pattern in the Doc."""
    matches = phrase_matcher(doc)
    # The token Matcher (patterns with gaps) only runs on sentences holding every word a
    # pattern needs: it is the costliest step of the component.
    for k in np.flatnonzero(_gapped_candidates(index, data)):
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
    # "storm" and "rain" are triggers only as verbs ("stormed the building"): a noun phrase of
    # them that a trigger match took is the weather still ("a powerful storm tore through the
    # county"); a bare "storm" may be a headline's verb ("gunmen storm campus").
    for i in np.flatnonzero(~is_verb & np.isin(index.lemma, hashes["weather_verbs"])):
        free[i] = free[i] or _weather_noun(doc[int(i)])
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
        tok = doc[int(i)]
        if k in sentences or _of_violence(tok, data.cues["figure_of"]):
            continue
        sentences.add(k)
        out.append(_fact(tok.text, index.sent(k), tok.idx, DISASTER, None, 0, True))
    return out, sentences


def _of_violence(tok: Token, figure_of: frozenset[str]) -> bool:
    """Whether a disaster noun is said "of" violence, protest or people (`figure_of`): a figure
    of speech ("a storm of gunfire", "a rain of rockets", "a flood of refugees", "the collapse
    of the talks"), not the weather or an accident ("the crash of a helicopter", "the collapse
    of a tower")."""
    if tok.pos_ not in ("NOUN", "PROPN"):
        return False
    return any(one_of(o, figure_of) for o in prep_objects(tok, ("of",)))


def _kept_matches(doc: Doc, index: DocIndex, matches: list[tuple[int, int, int]],
                  data: TriggerData) -> tuple[list[tuple[TriggerEntry, Span]], set[int]]:
    """The matches that stand (longest first, then strongest; not a name, not negated), and the
    tokens they take."""
    # Longest match first, then the strongest entry: overlapping weaker matches give way.
    matches.sort(key=lambda m: (-(m[2] - m[1]), -data.entries[int(doc.vocab.strings[m[0]])].priority))
    taken: set[int] = set()
    kept: list[tuple[TriggerEntry, Span]] = []
    for match_id, start, end in matches:
        if any(i in taken for i in range(start, end)):
            continue
        span = doc[start:end]
        entry = data.entries[int(doc.vocab.strings[match_id])]
        if entry.priority < STRONG and is_name_word(span, index.mostly_upper, data.cues):
            continue
        if (quoted_title(span, index.mostly_upper, data.cues["armed_or_hurt"])
                or starts_a_name(span, index.mostly_upper)
                or hyphen_modifier(span, data.cues["figure_parts"])):
            continue  # "their hit 'Shell Shock'", "Riot Engine" the band, "shell-shocked"
        if denied(span):
            continue  # "no one was kidnapped" / "did not attack" / "no device was found"
        taken.update(range(start, end))
        kept.append((entry, span))
    return kept, taken


def _weighed(entry: TriggerEntry, span: Span, ctx: SentenceContext, etype: str, prio: int,
             cues: dict[str, frozenset[str]]) -> int | None:
    """The priority of a refined trigger once talk, threats, intents and background clauses
    are weighed, or None when it reports nothing."""
    if conditional(span) or prio < STRONG and undone(span, cues):
        return None
    # What a deed was for is not done ("sent commandos to kill the rebel leader"); a protest word
    # names its gathering so ("drove tractors into the city to protest the deal", "to disperse").
    if prio < STRONG and entry.event_type != "protests" and entry.rule != "protest" and purpose_infinitive(span.root):
        return None
    if etype in VIOLENT and etype != "protests" and entry.rule != "clash" and (
            generic_plural(span, ctx, cues["event_nouns"]) or prio < STRONG and modal(span)):
        return None
    # A fight still to come ("the militias will clash again", "we must fight them"); not one
    # a modal of seeing, hearing or guessing tells ("could be seen fighting", "may have
    # clashed overnight", "would clash again hours later"), nor a noun of fighting.
    if entry.rule == "clash" and span.root.pos_ == "VERB" and modal(span, FUTURE_MODALS):
        return None
    if etype == "protests" and prio < STRONG and protest_to_come(span, cues["continuing"], cues["holding"]):
        return None
    if prio < STRONG:
        found = background(span, cues)
        if found == "intent":
            return None
        if found == "clause":
            prio = max(1, prio - _CLAUSE_PENALTY)
    return prio


def _context(index: DocIndex, contexts: dict[int, SentenceContext], span: Span) -> SentenceContext:
    """The context of a span's sentence, made once per sentence (`contexts` keeps them)."""
    k = int(index.sent_id[span.start])
    return contexts.get(k) or contexts.setdefault(k, SentenceContext(index.sent(k)))


def _refined(kept: list[tuple[TriggerEntry, Span]], index: DocIndex, doc_flags: dict[str, bool],
             disaster_sents: set[int], data: TriggerData, contexts: dict[int, SentenceContext],
             memories: set[int]) -> list[tuple[TriggerEntry, Refined]]:
    """Each kept match refined by its sentence, with its lexicon entry; those that report no
    event are left out, and so are the memories (matches starting at `memories`)."""
    out: list[tuple[TriggerEntry, Refined]] = []
    for entry, span in kept:
        if span.start in memories:
            continue  # "the 1987 killing": a memory (its sentence's victims too: `_harmless`)
        k = int(index.sent_id[span.start])
        ctx = _context(index, contexts, span)
        got = refine(entry, span, ctx, doc_flags, data.cues, data.outcomes)
        if got is None:
            continue
        etype, sub, prio = got
        weighed = _weighed(entry, span, ctx, etype, prio, data.cues)
        if weighed is None:
            continue
        if k in disaster_sents and weighed < STRONG and entry.rule != "gun":
            continue
        if entry.rule == "explosion" and disaster_sents:
            continue  # "a blast" in an article that speaks of a gas leak elsewhere
        out.append((entry, (etype, sub, weighed, span)))
    return out


def _harmless(kept: list[tuple[TriggerEntry, Span]], index: DocIndex, doc_flags: dict[str, bool],
              data: TriggerData, contexts: dict[int, SentenceContext], memories: set[int]) -> list[dict]:
    """Vetoing facts for the words of harm an animal does (`sense.harm_by_no_one`: "was attacked
    by a grizzly bear"), for an attack of the heart ("died of a heart attack":
    `sense.medical_arrest`) and for a word of violence dated years ago ("the 1987 killing":
    `filters.long_ago`, the matches starting at `memories`) and for one whose clause is set in a
    work's story ("in the new spy film, a diplomat is kidnapped": `works.set_in_a_story`; what a
    work tells is vetoed at its victims' words, `_casualties_by_no_one`): as a disaster word
    does, they say what hurt the victims of their sentence, so that no casualty-only event is
    made of them. Harm aimed at animals vetoes
    nothing: boys shooting at birds who hit a friend still fired a gun."""
    out = []
    for entry, span in kept:
        ctx = _context(index, contexts, span)
        m = Match(entry, span, ctx, doc_flags, data.cues)
        if harm_by_no_one(m) or (entry.rule == "attack" and medical_arrest(m)):
            out.append(_fact(span.text, ctx.sent, span.start_char, NOT_VIOLENCE, None, 0, True))
        elif span.start in memories:
            out.append(_fact(span.text, ctx.sent, span.start_char, MEMORY, None, 0, True))
        elif set_in_a_story(m):
            out.append(_fact(span.text, ctx.sent, span.start_char, STORY, None, 0, True))
    return out


def _harm_verb(tok: Token) -> Token | None:
    """The verb a casualty's words hang under ("wounded" of "had wounded three villagers",
    "injured" of "three people were injured"), at most `_HARM_VERB_STEPS` heads up, or None."""
    for _ in range(_HARM_VERB_STEPS):
        if tok.pos_ == "VERB":
            return tok
        if tok.head.i == tok.i:
            return None
        tok = tok.head
    return tok if tok.pos_ == "VERB" else None


def _casualties_by_no_one(doc: Doc, index: DocIndex, data: TriggerData, vetoed: set[int]) -> list[dict]:
    """Vetoing facts for the verbs of casualties that no trigger word tells, whose every doer is
    an animal, a computer thing or a force of nature that no armed side owns ("a leopard that had
    wounded three villagers", "police shot the dog that had injured three children":
    `sense.done_by_no_one`), or that a work tells ("the novel's hero is a policeman who was shot":
    `works.story_told`), as `_harmless` makes for trigger words; `vetoed` holds the offsets of
    the vetoes made already."""
    out = []
    for claim in doc._.ne_casualties or []:
        span = doc.char_span(claim["char_start"], claim["char_end"], alignment_mode="expand")
        if span is None:
            continue
        verb = _harm_verb(span.root)
        if verb is not None and verb.idx not in vetoed and done_by_no_one(verb, data.cues):
            vetoed.add(verb.idx)
            out.append(_fact(verb.text, index.sent_of(verb.i), verb.idx, NOT_VIOLENCE, None, 0, True))
        # The victims' own words must be the story's: a work named elsewhere in the sentence
        # says nothing of them ("three people were wounded outside a cinema showing a film
        # about the massacre").
        elif span.root.idx not in vetoed and story_told(span.root, data.cues, veto=True):
            vetoed.add(span.root.idx)
            out.append(_fact(span.root.text, index.sent_of(span.root.i), span.root.idx, STORY, None, 0, True))
    return out


def _weather_noun(tok: Token) -> bool:
    """Whether a weather word is a noun phrase of its own: with a determiner, an adjective, a
    number or an owner ("a powerful storm", "heavy rain"), or after a preposition ("after the
    storm")."""
    return tok.dep_ == "pobj" or any(c.dep_ in _NOUN_PHRASE_DEPS for c in tok.children)


def find_triggers(doc: Doc, matcher: Matcher, phrase_matcher: PhraseMatcher, data: TriggerData) -> list[dict]:
    """Trigger facts (dicts valid as TriggerFact minus article_id) of one annotated Doc."""
    index = DocIndex(doc)
    kept, taken = _kept_matches(doc, index, _matches(doc, index, matcher, phrase_matcher, data), data)
    # Disaster words: veto weak triggers and mark the article for split_events.
    out, disaster_sents = _disasters(doc, index, taken, data)
    hashes = data.hashes
    doc_flags = {"conflict": bool(index.has(hashes["conflict_doc"]).any()),
                 "armed": bool(index.has(hashes["armed_doc"]).any()),
                 "cyber": bool(index.has(hashes["cyber_doc"]).any()),
                 "sport": int(index.has(hashes["sport_doc"]).sum()) >= _SPORT_ROLES_MIN,
                 "protest": any(e.rule == "protest" and e.sub_event_type != "protest_with_intervention"
                                for e, _ in kept) or bool(index.has(hashes["protest_doc"]).any())}
    contexts: dict[int, SentenceContext] = {}  # each sentence's, made once for the rules
    # Words of violence dated years ago ("the 1987 killing"), read once for both uses.
    memories = {span.start for _, span in kept if long_ago(span, doc._.published)}
    pairs = _refined(kept, index, doc_flags, disaster_sents, data, contexts, memories)
    out.extend(_harmless(kept, index, doc_flags, data, contexts, memories))
    out.extend(_casualties_by_no_one(doc, index, data, {f["char_start"] for f in out if f["vetoes"]}))
    refined = _beside_a_disaster(doc, index, pairs, disaster_sents)
    for etype, sub, prio, span in absorb_generic_attacks(refined):
        out.append(_fact(span.text, index.sent_of(span.start), span.start_char, etype, sub, prio, False))
    out.sort(key=lambda f: f["char_start"])
    return out


def _beside_a_disaster(doc: Doc, index: DocIndex, pairs: list[tuple[TriggerEntry, Refined]],
                       disaster_sents: set[int]) -> list[Refined]:
    """The refined triggers that may make events in an article a disaster may lead: none but
    strong conflict words when its first sentence tells a disaster; none of the disaster's
    own administration (a state of emergency: `_DISASTER_AFTERMATH`) when the sentence its
    opening dateline runs into does ("MAYFIELD, Ky. — A line of storms spawned tornadoes ...",
    which the parser may split after the dateline; a gunman's shooting told after it stays)."""
    refined = [r for _, r in pairs]
    if 0 in disaster_sents and not any(r[2] >= STRONG or e.rule == "gun" for e, r in pairs):
        return []
    # (most articles tell no disaster: the dateline is looked for only where one is told)
    if disaster_sents and _dateline_lead(doc, index) in disaster_sents:
        return [r for r in refined if (r[0], r[1]) != _DISASTER_AFTERMATH]
    return refined


def _dateline_lead(doc: Doc, index: DocIndex) -> int | None:
    """The number of the sentence an opening dateline runs into, or None when the article
    opens with no dateline (a dash later in the text, "NEMA — the emergency agency —", is none)."""
    text = doc_text(doc)
    found = dateline_match(text)
    if found is None or text[:found.start()].strip() or not len(doc):
        return None
    first = next((t.i for t in doc if t.idx >= found.end()), len(doc) - 1)
    return int(index.sent_id[first])


def _fact(text: str, sent: Span, start: int, etype: str, sub: str | None, prio: int,
          vetoes: bool) -> dict:
    return {
        "kind": "trigger",
        "text": text,
        "sentence": sent.text.strip(),  # as every kind of fact gives it: rules compare them
        "char_start": start,
        "char_end": start + len(text),
        "event_type": etype,
        "sub_event_type": sub,
        "priority": prio,
        "vetoes": vetoes,
    }
