"""The casualty lexicon: everything the component reads from `models/casualties`, loaded once.

Every file is read through `pipeline.resources`, from a root laid out like `models/` (None: the
shipped data), so that a pipeline saved with `nlp.to_disk` reads its own copy back.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from spacy.language import Language
from spacy.matcher import PhraseMatcher

from pipeline import resources
from pipeline.numbers import Interval, load_vague_table

FOLDER = "casualties"
OUTCOMES = ("killed", "injured", "arrested", "missing", "shot")
# Keys of victims.json that are not victim types.
_NOT_TYPES = ("_doc", "perpetrators", "non_human")
# Words of the vague table that say nothing alone ("a dozen", "a number of").
_FUNCTION_WORDS = {"a", "of", "an"}


@dataclass
class Lexicon:
    """Everything the component reads from models/casualties, loaded once."""

    matcher: PhraseMatcher
    intransitive: set[str]
    rising: set[str]
    hypothetical_heads: set[str]
    modals: set[str]
    partitive_heads: set[str]
    victim_type: dict[str, str]
    perpetrators: set[str]
    non_human: set[str]
    vague: dict[str, Interval]
    quantity_words: set[str] = field(default_factory=set)
    trigger_words: set[str] = field(default_factory=set)
    # each single-word outcome verb's outcome ("wounded": "injured"), the first when several
    word_outcome: dict[str, str] = field(default_factory=dict)
    implicit: dict[str, tuple[str, int]] = field(default_factory=dict)
    body_nouns: set[str] = field(default_factory=set)
    condition_nouns: set[str] = field(default_factory=set)
    finding_verbs: set[str] = field(default_factory=set)
    survival: re.Pattern[str] | None = None
    implied_deaths: set[str] = field(default_factory=set)
    request_heads: set[str] = field(default_factory=set)
    fatal_only: frozenset[str] = frozenset()  # hit verbs that claim only a death ("stabbed ... to death")
    shot_nouns: frozenset[str] = frozenset()  # nouns of a hit: "the fatal shooting of" counts its "of" object
    charges: frozenset[str] = frozenset()  # arrest verbs that tell one only as a charge ("charged")
    at_large: re.Pattern[str] | None = None  # phrases of a suspect not in custody ("warrant")
    implied_with_det: set[str] = field(default_factory=set)
    # word lists of their own files (see models/casualties/README.md)
    months: frozenset[str] = frozenset()
    quantity_nouns: frozenset[str] = frozenset()
    collective: frozenset[str] = frozenset()
    group_nouns: frozenset[str] = frozenset()
    earlier: frozenset[str] = frozenset()
    counterfactual: frozenset[str] = frozenset()
    fatal_adverbs: frozenset[str] = frozenset()
    fatal_adjectives: frozenset[str] = frozenset()
    raise_verbs: frozenset[str] = frozenset()
    call_verbs: frozenset[str] = frozenset()
    recalled_nouns: frozenset[str] = frozenset()
    killing_verbs: frozenset[str] = frozenset()
    animals: frozenset[str] = frozenset()
    eras: frozenset[str] = frozenset()
    habit_adverbs: frozenset[str] = frozenset()
    wars: frozenset[str] = frozenset()
    attributive_past: frozenset[str] = frozenset()
    offences: frozenset[str] = frozenset()
    custody_verbs: frozenset[str] = frozenset()
    custody_states: frozenset[str] = frozenset()
    added_words: frozenset[str] = frozenset()
    other_incident: frozenset[str] = frozenset()


def _matcher(nlp: Language, outcomes: dict[str, Any], implicit: dict[str, tuple[str, int]]) -> PhraseMatcher:
    """The PhraseMatcher of outcome words (lower-cased text), one label per outcome."""
    matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
    for outcome in OUTCOMES:
        entry = outcomes[outcome]
        phrases = (entry["verbs"] + entry["intransitive"] + entry["nouns"] + entry.get("fatal_only", [])
                   + entry.get("charges", []))
        # ("shooting" is a verb's form and a noun: one pattern for both)
        matcher.add(outcome, [nlp.make_doc(p) for p in dict.fromkeys(phrases)])
    matcher.add("casualties", [nlp.make_doc(p) for p in outcomes["casualties"]])
    matcher.add("implicit", [nlp.make_doc(p) for p in implicit])
    suicide = outcomes["suicide"]
    matcher.add("suicide", [nlp.make_doc(f"{verb} {weapon} on {whom}") for verb in suicide["verbs"]
                            for weapon in suicide["weapons"] for whom in suicide["selves"]])
    return matcher


def _victim_types(victims: dict[str, list[str]]) -> dict[str, str]:
    """Victim noun -> victim type (the last type listing a word wins, as in file order)."""
    victim_type = {}
    for vtype, words in victims.items():
        if vtype in _NOT_TYPES:
            continue
        for w in words:
            victim_type[w] = vtype
    return victim_type


def _word_lists(root: str | Path | None) -> dict[str, frozenset[str]]:
    """The plain word lists of models/casualties, by Lexicon field."""
    files = {"months": "months", "quantity_nouns": "quantity_nouns", "collective": "collective_nouns",
             "group_nouns": "group_nouns", "earlier": "earlier_words", "counterfactual": "counterfactual_adverbs",
             "fatal_adverbs": "fatal_adverbs", "fatal_adjectives": "fatal_adjectives",
             "raise_verbs": "raise_verbs", "eras": "era_words",
             "habit_adverbs": "habit_adverbs", "wars": "war_words", "attributive_past": "attributive_past",
             "call_verbs": "call_verbs", "recalled_nouns": "recalled_death_nouns",
             "killing_verbs": "killing_verbs", "animals": "animals", "offences": "offences",
             "custody_verbs": "custody_verbs", "custody_states": "custody_states",
             "added_words": "added_words", "other_incident": "other_incident_words"}
    return {key: resources.read_words(f"{FOLDER}/{name}.txt", root) for key, name in files.items()}


def load_lexicon(nlp: Language, root: str | Path | None = None) -> Lexicon:
    """Read the casualty lexicons and tables under `root`/casualties once (None: shipped data)."""
    outcomes = resources.read_json(f"{FOLDER}/outcomes.json", root)
    victims = resources.read_json(f"{FOLDER}/victims.json", root)
    vague = load_vague_table(root)
    implicit = {k: (v[0], int(v[1])) for k, v in outcomes["implicit"].items() if not k.startswith("_")}
    quantity_words = {k.split()[-1] for k in vague} | {k.split()[0] for k in vague}
    quantity_words -= _FUNCTION_WORDS
    return Lexicon(
        matcher=_matcher(nlp, outcomes, implicit),
        intransitive={w for o in OUTCOMES for w in outcomes[o]["intransitive"]},
        rising=set(outcomes["killed"]["rising"]),
        hypothetical_heads=set(outcomes["hypothetical_heads"]),
        modals=set(outcomes["modals"]),
        partitive_heads=set(outcomes["partitive_heads"]),
        victim_type=_victim_types(victims),
        perpetrators=set(victims["perpetrators"]),
        non_human=set(victims["non_human"]),
        vague=vague,
        quantity_words=quantity_words,
        implicit=implicit,
        body_nouns=set(outcomes["body_nouns"]),
        condition_nouns=set(outcomes["injured"]["nouns"]),
        finding_verbs=set(outcomes["finding_verbs"]),
        survival=resources.phrase_pattern(outcomes["survival_phrases"]["phrases"]),
        implied_deaths=set(outcomes["implied_deaths"]["nouns"]),
        request_heads=set(outcomes["request_heads"]),
        fatal_only=frozenset(outcomes["shot"]["fatal_only"]),
        shot_nouns=frozenset(outcomes["shot"]["nouns"]),
        charges=frozenset(outcomes["arrested"]["charges"]),
        at_large=resources.phrase_pattern(sorted(resources.read_words(f"{FOLDER}/at_large.txt", root))),
        implied_with_det=set(outcomes["implied_deaths"]["with_determiner"]),
        trigger_words={w for o in OUTCOMES for k in ("verbs", "intransitive") for w in outcomes[o][k] if " " not in w},
        word_outcome={w: o for o in reversed(OUTCOMES) for k in ("verbs", "intransitive") for w in outcomes[o][k]
                      if " " not in w},
        **_word_lists(root),
    )
