"""Event triggers: words that report an ACLED event type, and the events of one article (issue 7).

The component (`component.py`, factory `newsevents_triggers`) matches a lexicon of trigger
phrases (`models/triggers/triggers.tsv`, lemmas with their inflections generated, matched
case-insensitively: a `PhraseMatcher` for fixed phrases, a token `Matcher` for patterns with
gaps such as "set * ablaze"; `lexicon.py`, `matching.py`), then lets context rules
(`refine.py`, their outcomes in `models/triggers/refinements.tsv`) refine the type from the
trigger's sentence: who acts (state forces, armed groups, protesters, a mob), against what (a
town, weapons), with which means (tear gas, live fire, stones). Words of disasters and accidents
(`cues.json`, "disaster") veto weak triggers near them and are stored as vetoing facts, so that
a flood's death toll makes no event.

`split_events` (`policy.py`) turns an article's facts into events: one per type family of its
triggers, each fact going to the event whose trigger is nearest; casualty facts alone make one
untyped event. This package's top level does not import spaCy.
"""

from pipeline.triggers.policy import (
    ABSORBED_SD,
    DISASTER,
    GENERIC_VIOLENCE,
    SECONDARY,
    STRONG,
    VIOLENT,
    split_events,
)

__all__ = ["ABSORBED_SD", "DISASTER", "GENERIC_VIOLENCE", "SECONDARY", "STRONG", "VIOLENT", "split_events"]


def __getattr__(name: str) -> object:
    # The installed package metadata may still name `pipeline.triggers:make_component` as the
    # spaCy entry point of the factory; import the component (and spaCy) only when asked.
    if name == "make_component":
        from pipeline.triggers.component import make_component

        return make_component
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
