"""Actors: typed participants, sources excluded (issue 7).

The component (`component.py`, factory `newsevents_actors`) finds named groups and forces,
people with a title of office and named perpetrators, and common nouns of participants named
after ACLED's style with their country (`finding.py`, `names.py`), and drops sources
(`sources.py`); its lexicons are in `models/actors/` (`lexicon.py`).

`event_actors` (`policy.py`) picks actor1/actor2 of one event and ACLED's inter codes and
interaction. This package's top level does not import spaCy.
"""

from pipeline.actors.policy import ARMED, event_actors

__all__ = ["ARMED", "event_actors"]


def __getattr__(name: str) -> object:
    # The installed package metadata may still name `pipeline.actors:make_component` as the
    # spaCy entry point of the factory; import the component (and spaCy) only when asked.
    if name == "make_component":
        from pipeline.actors.component import make_component

        return make_component
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
