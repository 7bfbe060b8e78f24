"""Casualties: killed / injured / arrested / missing counts with victims (issue 4).

The component `newsevents_casualties` (`component.py`) finds outcome words with a PhraseMatcher
on lower-cased text (lexicon `models/casualties/outcomes.json`, loaded by `lexicon.py`), follows
the dependency parse from each to the phrase that names its victims (`arguments.py`: passive
subject, object, subject of "died"/"dead", the noun a participle modifies, the number a toll
rises to), and reads the count from that phrase (`victims.py`, with `pipeline.numbers`: digits,
number words, vague quantities, modifiers, ranges). Victim nouns map to a victim type through
`models/casualties/victims.json` (`words.py`). Threats, plans, running totals, cases recalled
from earlier years and a number of two outcomes joined by "or" ("hurt or killed") are no
claims (`filters.py`). Every claim is kept as a fact (`claim.py`,
`extract.py`); across a story a named victim reported shot and later dead is counted once
(`story.py`); `reconcile` (`policy.py`) turns the claims of one event into its counts.

Upper-case wire copy defeats the tagger and parser, so such a text is parsed again truecased
(`truecase.py`, to be replaced by a shared step).

This module imports no spaCy: it re-exports the spaCy-free names only.
"""

from __future__ import annotations

from pipeline.casualties.names import same_person
from pipeline.casualties.policy import reconcile

__all__ = ["reconcile", "same_person"]
