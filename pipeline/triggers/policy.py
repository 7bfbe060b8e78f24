"""The event policy of trigger facts: `split_events` turns an article's facts into events, one
per type family of its triggers, each fact going to the event whose trigger is nearest; casualty
facts alone make one untyped event. spaCy is not imported here (aggregate calls this)."""

from __future__ import annotations

import re
from functools import lru_cache

from pipeline import resources
from pipeline.geo.words import ORDINAL, ORDINAL_WORDS
from pipeline.schemas import CasualtyFact, Fact, TriggerFact

# Violent families: casualty facts join one of these before any other event.
VIOLENT = ("battles", "explosions_remote_violence", "violence_against_civilians", "riots", "protests")
# The families of harm done: a single word of them, with no victim nor actor, is no report.
HARM_FAMILIES = ("battles", "explosions_remote_violence", "violence_against_civilians")
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
# The type of the veto of violence dated years ago (`filters.long_ago`): its sentence's victims
# join no event, but unlike a disaster it says nothing of the article's others.
MEMORY = "memory"
# The type of the veto of harm that is no violence: an animal's attack, a heart attack. Like a
# disaster it says what hurt its sentence's victims; unlike one it never follows violence.
NOT_VIOLENCE = "not_violence"
# The type of the veto of victims a work tells of ("the thriller tells the story of a diplomat
# kidnapped in Vienna": `works.story_told` on the victims' words): like a memory, its
# sentence's victims are the story's and join no event, and it says nothing of the article's
# others.
STORY = "story"
# Vetoes whose victims are their own sentence's only (not an article's cause of harm).
_OWN_SENTENCE = (MEMORY, STORY)
# Victim words of a death by one's own hand ("killed himself"): a suicide is no event of
# political violence (a wound one gave oneself still is one, as the gun-violence sets count it).
_SELF = frozenset({"himself", "herself", "themselves"})

Families = dict[str, list[TriggerFact]]
Event = tuple[str | None, str | None, list[Fact]]


def _top(family: list[TriggerFact]) -> int:
    return max(t.priority for t in family)


_WORD = re.compile(r"[a-z]+")
# A street address in a sentence: a numbered street's crossing ("near 12th and Elm", "at Elm and
# 5th") or a block ("in the 4500 block of Elm"). It says where, as a place does: a sentence that
# names one tells an incident, not a figure of speech.
_ORDINAL = rf"(?:{ORDINAL}|{'|'.join(sorted(w.capitalize() for w in ORDINAL_WORDS))})"
_ADDRESS = re.compile(
    rf"\b(?:at|near|on)\s+(?:(?:[NSEW]\.|North|South|East|West)\s+)?{_ORDINAL}\s+(?:and|&)\s+[A-Z]"
    rf"|\b(?:at|near|on)\s+[A-Z][a-z]+\s+(?:and|&)\s+{_ORDINAL}\b(?!-)"
    r"|\b\d+[- ]block of\b"
)


@lru_cache(maxsize=1)
def harm_causes() -> frozenset[str]:
    """The words that name a violent cause of death or injury (models/triggers/harm_causes.txt)."""
    return resources.read_words("triggers/harm_causes.txt")


def names_a_harm(sentence: str) -> bool:
    """Whether a sentence names a violent cause of death or injury ("a gunshot wound", "was
    stabbed", "the body of a man"): "a hamstring injury" or "died at 87" name none."""
    return not harm_causes().isdisjoint(_WORD.findall(sentence.lower()))


def is_suicide(fact: Fact) -> bool:
    """Whether a casualty fact counts a death by one's own hand ("killed himself")."""
    # The last word: a reflexive's victim words name its subject first ("17-year-old himself").
    return (isinstance(fact, CasualtyFact) and fact.outcome == "killed"
            and (fact.victims or "").strip().lower().rpartition(" ")[2] in _SELF)


def _told_what_hurt(fact: Fact, vetoes: list[TriggerFact], triggers: list[TriggerFact]) -> bool:
    """Whether a casualty's sentence says what hurt its victims, and it was no violence: an
    animal's attack, a heart attack ("died of a heart attack at his home"), a memory ("the
    1987 killing") or a work's story ("the thriller tells of a diplomat kidnapped in Vienna"),
    and no word of violence. Such victims belong to no event of the article.
    A disaster word does not say so here: a crash or a stampede may follow gunfire ("the bus
    crashed into a ditch and 10 passengers were killed")."""
    return (fact.kind == "casualty"
            and any(v.sentence == fact.sentence and v.event_type in (MEMORY, STORY, NOT_VIOLENCE) for v in vetoes)
            and not any(t.sentence == fact.sentence for t in triggers))


def _told_once(triggers: list[TriggerFact], others: list[Fact]) -> bool:
    """Whether the article names violence once and nothing of it: one word of a battle, an
    attack or an explosion, with no victim counted, no armed, political or civilian actor and
    no place nor street address in its sentence ("the update bombs with users", "stabbed in the
    back"). A report of violence says who was hurt or who fought, or where ("a rocket struck a
    building in Kharkiv", "a man was stabbed near 12th and Elm"), or tells it again; protests,
    riots and strategic developments are often told in one sentence ("thousands marched", "a
    cache of arms was found") and keep theirs."""
    if len(triggers) != 1 or triggers[0].event_type not in HARM_FAMILIES:
        return False
    sentence = triggers[0].sentence
    if _ADDRESS.search(sentence):
        return False  # "a man was stabbed near 12th and Elm": a street's crossing says where
    return not any(f.kind == "casualty" or (f.kind == "actor" and getattr(f, "actor_type", None))
                   or (f.kind == "place" and f.sentence == sentence) for f in others)


def _casualties_alone(vetoes: list[TriggerFact], others: list[Fact]) -> list[Event]:
    """Casualty facts without any trigger: one untyped event when a sentence of theirs names a
    violent cause (a sportsman's injury, a death of old age, projects "killed off" are none),
    unless a disaster word before the first victim, or beside one, says what killed them. A
    suicide alone ("later killed himself") makes none, nor do arrests alone ("two players were
    charged with assault"): an arrest is an event only by a trigger of its own."""
    casualties = [f for f in others if f.kind == "casualty" and f.outcome != "arrested"]
    if all(is_suicide(c) for c in casualties):
        return []
    if not any(names_a_harm(c.sentence) for c in casualties):
        return []
    if not any(v.char_start < casualties[0].char_start
               or any(v.sentence == c.sentence for c in casualties) for v in vetoes):
        return [(None, None, list(others))]
    return []


def _families(triggers: list[TriggerFact]) -> Families:
    """The strongest trigger of each sentence, grouped by event type in text order."""
    best: dict[str, TriggerFact] = {}
    for t in triggers:
        cur = best.get(t.sentence)
        if cur is None or t.priority > cur.priority:
            best[t.sentence] = t
    families: Families = {}
    for t in sorted(best.values(), key=lambda t: t.char_start):
        families.setdefault(t.event_type, []).append(t)
    return families


def _absorb_into_violence(families: Families) -> None:
    """Arrests, seized weapons and property destruction next to violence belong to it, and so
    do generic attacks next to other violence (that violence seen from its victims' side)."""
    violent = [k for k in families if k in VIOLENT]
    if violent and "strategic_developments" in families:
        kept = [t for t in families["strategic_developments"] if t.sub_event_type not in ABSORBED_SD]
        absorbed = [t for t in families["strategic_developments"] if t.sub_event_type in ABSORBED_SD]
        target = max(violent, key=lambda k: _top(families[k]))
        families[target].extend(absorbed)
        if kept:
            families["strategic_developments"] = kept
        else:
            del families["strategic_developments"]
    if "violence_against_civilians" in families:
        vac = families["violence_against_civilians"]
        others_violent = [k for k in families if k in VIOLENT and k != "violence_against_civilians"]
        if others_violent and all(t.sub_event_type == "attack" for t in vac):
            target = max(others_violent, key=lambda k: _top(families[k]))
            families[target].extend(vac)
            del families["violence_against_civilians"]


def _order(families: Families) -> list[str]:
    """The families in event order (strongest first), a passing generic word ("attacks",
    "fighting") beside the main story joined to it rather than an event of its own."""
    order = sorted(families, key=lambda k: (-_top(families[k]), min(t.char_start for t in families[k])))
    minor = [k for k in order[1:] if _top(families[k]) < SECONDARY]
    for k in minor:
        families[order[0]].extend(families.pop(k))
    return [k for k in order if k not in minor]


def split_events(facts: list[Fact]) -> list[Event]:
    """The events one article reports: (event_type, sub_event_type, the facts that belong to it).

    One event per type family of the article's triggers, the strongest family first; in each
    sentence only its strongest trigger counts, so "police fired on protesters, killing two" is
    one event. Arrests, seized weapons and property destruction next to violence belong to it.
    Casualty facts without any trigger make one untyped event (ordinary crime) unless the
    article reports a disaster. An article with neither reports no event."""
    triggers = [f for f in facts if f.kind == "trigger" and not f.vetoes]
    vetoes = [f for f in facts if f.kind == "trigger" and f.vetoes]
    others = [f for f in facts if f.kind != "trigger" and not _told_what_hurt(f, vetoes, triggers)]
    if not triggers:
        # A memory ("the 1987 killing") says nothing of the article's other victims.
        return _casualties_alone([v for v in vetoes if v.event_type not in _OWN_SENTENCE], others)
    families = _families(triggers)
    if "riots" in families and "protests" in families:
        _merge_protests_into_riots(families, [f for f in others if f.kind == "place"])
    _absorb_into_violence(families)
    order = _order(families)
    # An article whose only words are generic and that counts no victim reports no event.
    has_casualty = any(f.kind == "casualty" for f in others)
    if order[0] in GENERIC_VIOLENCE and _top(families[order[0]]) < SECONDARY - 1 and not has_casualty:
        return []
    if _told_once(triggers, others):
        return []
    groups: dict[str, list[Fact]] = {k: list(families[k]) for k in order}
    violent_now = [k for k in order if k in VIOLENT]
    for f in others:
        if f.kind == "casualty" and violent_now and _summary(f, triggers):
            groups[violent_now[0]].append(f)  # the strongest violent family: the main story
            continue
        pool = violent_now if f.kind == "casualty" and violent_now else order
        groups[_nearest(f, pool, families)].append(f)
    events: list[Event] = []
    for k in order:
        own = [t for t in families[k] if t.event_type == k]
        main = max(own, key=lambda t: (t.priority, -t.char_start))
        group = sorted(groups[k], key=lambda f: (f.char_start, f.char_end))
        events.append((k, main.sub_event_type, group))
    return events


def _merge_protests_into_riots(families: Families, places: list[Fact]) -> None:
    """A protest in a town where the article reports a riot is that riot (ACLED codes one event
    per place and day, by its most violent form): move such protest triggers to the riots."""
    def towns(sentence: str) -> set[str]:
        """The towns (not countries or regions) the article places in `sentence`."""
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


def _summary(fact: Fact, triggers: list[TriggerFact]) -> bool:
    """Whether a claim stands above every trigger, in a sentence of none (a headline's "dozens
    dead", a lead's toll): a summary of the article's main story, not of the event whose word
    happens to come next."""
    return all(fact.char_end <= t.char_start and t.sentence != fact.sentence for t in triggers)


def _nearest(fact: Fact, pool: list[str], families: Families) -> str:
    """The family whose trigger is nearest to the fact: same sentence first, then characters."""
    if len(pool) == 1:
        return pool[0]  # most articles tell one family: nothing to measure
    def distance(k: str) -> tuple[int, int]:
        """Not in the fact's sentence (0 or 1), then characters to family k's nearest trigger."""
        ts = families[k]
        same = any(t.sentence == fact.sentence for t in ts)
        chars = min(abs(t.char_start - fact.char_start) for t in ts)
        return (0 if same else 1, chars)

    return min(pool, key=distance)
