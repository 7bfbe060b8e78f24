"""The trigger lexicon of `models/triggers/`: entries, their match patterns, the context cues and
the outcomes of the refinement rules, read once through `pipeline.resources`.

Pattern syntax (the header of triggers.tsv): space-separated slots; a slot is a lemma whose
regular inflections are generated (irregular ones come from inflections.tsv), "a|b"
alternatives, "=word" an exact form, "*" a gap of up to three tokens, "?word" optional.
spaCy is not imported here: patterns are plain token specs and lists of words.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from pipeline import resources

FOLDER = "triggers"
_WORD = re.compile(r"^[a-z]+$")
# A gap-free pattern expanding to more token sequences than this goes to the token Matcher.
_MAX_PHRASES = 5000
_VOWELS = set("aeiou")
# In refinements.tsv: the trigger's own type, sub-type or priority.
SAME = "="
# In refinements.tsv: a priority of at least this much (">=7": the trigger's own when higher).
AT_LEAST = ">="


@dataclass(frozen=True)
class TriggerEntry:
    """One row of triggers.tsv."""

    event_type: str
    sub_event_type: str
    priority: int
    rule: str


@dataclass(frozen=True)
class Outcome:
    """One row of refinements.tsv: what a refinement rule makes of a trigger (None: keep the
    trigger's own value; `at_least`: the priority is raised to `priority`, never lowered)."""

    event_type: str | None
    sub_event_type: str | None
    priority: int | None
    at_least: bool = False

    def apply(self, entry: TriggerEntry) -> tuple[str, str, int]:
        """The (event_type, sub_event_type, priority) of a trigger of `entry`."""
        prio = entry.priority
        if self.priority is not None:
            prio = max(prio, self.priority) if self.at_least else self.priority
        return (self.event_type or entry.event_type, self.sub_event_type or entry.sub_event_type, prio)


@dataclass
class TriggerData:
    """Everything the component reads from its models root, loaded once."""

    entries: list[TriggerEntry] = field(default_factory=list)
    cues: dict[str, frozenset[str]] = field(default_factory=dict)
    outcomes: dict[str, Outcome] = field(default_factory=dict)  # refinements.tsv by name
    hashes: dict[str, np.ndarray] = field(default_factory=dict)  # cue name -> word hashes
    gapped_required: list[list[list[str]]] = field(default_factory=list)  # see required_forms
    gapped_hashes: list[list[np.ndarray]] = field(default_factory=list)  # the same as LOWER hashes
    gapped_sets: list[list[frozenset[int]]] = field(default_factory=list)  # and as sets


TokenPatterns = list[tuple[str, list[list[dict]]]]
Phrases = list[tuple[str, list[list[str]]]]


def inflect(lemma: str, irregular: dict[str, list[str]]) -> list[str]:
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


def _alternative_forms(alternatives: list[str], irregular: dict[str, list[str]]) -> set[str]:
    """The forms a slot of `a|=b` alternatives matches."""
    forms: set[str] = set()
    for alt in alternatives:
        forms |= {alt[1:]} if alt.startswith("=") else set(inflect(alt, irregular))
    return forms


def _is_hyphenated(spec: str, alternatives: list[str]) -> bool:
    # A hyphenated word is three tokens for spaCy ("cease - fire").
    return len(alternatives) == 1 and "-" in spec.strip("=-")


def slot_specs(spec: str, irregular: dict[str, list[str]]) -> list[dict]:
    """Matcher token specs for one pattern slot (see the module docstring)."""
    if spec == "*":
        return [{"IS_SENT_START": False, "OP": "{0,3}"}]
    optional = spec.startswith("?")
    spec = spec.lstrip("?")
    alternatives = spec.split("|")
    if _is_hyphenated(spec, alternatives):
        parts = spec.lstrip("=").split("-")
        specs: list[dict] = []
        for i, part in enumerate(parts):
            if i:
                specs.append({"ORTH": "-"})
            specs.append({"LOWER": {"IN": inflect(part, irregular) if i == len(parts) - 1 else [part]}})
        return specs
    tok: dict = {"LOWER": {"IN": sorted(_alternative_forms(alternatives, irregular))}}
    if optional:
        tok["OP"] = "?"
    return [tok]


def fixed_forms(pattern: str, irregular: dict[str, list[str]]) -> list[list[str]] | None:
    """Every token sequence a pattern without gaps or optional slots matches, or None when
    it has some (or would expand to too many): those go to the slower token Matcher."""
    combos: list[list[str]] = [[]]
    for spec in pattern.split():
        if spec == "*" or spec.startswith("?"):
            return None
        alternatives = spec.split("|")
        if _is_hyphenated(spec, alternatives):
            parts = spec.lstrip("=").split("-")
            heads = [[*sum(([p, "-"] for p in parts[:-1]), []), form]
                     for form in inflect(parts[-1], irregular)]
        else:
            heads = [[f] for f in sorted(_alternative_forms(alternatives, irregular))]
        combos = [c + h for c in combos for h in heads]
        if len(combos) > _MAX_PHRASES:
            return None
    return combos


def required_forms(pattern: str, irregular: dict[str, list[str]]) -> list[list[str]]:
    """For each slot a match cannot do without, the lowercase forms that fill it."""
    out = []
    for spec in pattern.split():
        if spec == "*" or spec.startswith("?"):
            continue
        forms: set[str] = set()
        for alt in spec.split("|"):
            word = alt.lstrip("=").split("-")[-1]
            forms |= {word} if alt.startswith("=") else set(inflect(word, irregular))
        out.append(sorted(forms))
    return out


def read_irregular(root: Path | None = None) -> dict[str, list[str]]:
    """Irregular forms of the lexicon's lemmas (inflections.tsv)."""
    return {lemma: [f.strip() for f in forms.split(",")]
            for lemma, forms in resources.read_rows(f"{FOLDER}/inflections.tsv", root)}


def read_outcomes(root: Path | None = None) -> dict[str, Outcome]:
    """The outcomes of the refinement rules by name (refinements.tsv)."""
    out: dict[str, Outcome] = {}
    for name, event_type, sub, priority in resources.read_rows(f"{FOLDER}/refinements.tsv", root):
        at_least = priority.startswith(AT_LEAST)
        number = priority.removeprefix(AT_LEAST)
        out[name] = Outcome(None if event_type == SAME else event_type,
                            None if sub == SAME else sub,
                            None if number == SAME else int(number), at_least)
    return out


def load_data(root: Path | None = None) -> tuple[TriggerData, TokenPatterns, Phrases]:
    """The trigger entries, cues and rule outcomes, the token Matcher patterns (key, patterns)
    of patterns with gaps, and the phrases (key, token lists) of the others."""
    irregular = read_irregular(root)
    data = TriggerData()
    patterns: TokenPatterns = []
    phrases: Phrases = []
    for pattern, event_type, sub, priority, rule in resources.read_rows(f"{FOLDER}/triggers.tsv", root):
        key = str(len(data.entries))
        fixed = fixed_forms(pattern, irregular)
        if fixed is not None:
            phrases.append((key, fixed))
        else:
            patterns.append((key, [[s for slot in pattern.split() for s in slot_specs(slot, irregular)]]))
            data.gapped_required.append(required_forms(pattern, irregular))
        data.entries.append(TriggerEntry(event_type, sub, int(priority), rule))
    raw = resources.read_json(f"{FOLDER}/cues.json", root)
    data.cues = {k: frozenset(v) for k, v in raw.items() if not k.startswith("_")}
    # Who bears arms or is hurt: a witness's word quoted beside them is a report (`titles`).
    data.cues["armed_or_hurt"] = data.cues["state"] | data.cues["nonstate"] | data.cues["air"] | data.cues["hurt"]
    # The works a story is told in (`works.set_in_fiction`, `works.in_a_work`), and those of
    # them, or of their parts, that set a trigger "in" a work or tell it (not `not_set_in`).
    data.cues["works"] = data.cues["told_in"] | data.cues["shows"]
    data.cues["story_parts"] = data.cues["work_parts"] | data.cues["parts_of_a_story"]
    data.cues["riot_people"] = (data.cues["rioters_also"] | data.cues["people"] | data.cues["crowd"] | data.cues["protester"]
                                | data.cues["rioter"] | data.cues["state"] | data.cues["nonstate"] | data.cues["players"])
    data.cues["set_in_works"] = (data.cues["works"] | data.cues["work_parts"]) - data.cues["not_set_in"]
    # Those that never name the incident itself (not a drama, a thriller): what may tell a story
    # through a clause, or veto its victims (`works.story_told`, `works.set_in_a_story`).
    data.cues["story_works"] = data.cues["set_in_works"] - data.cues["incident_works"]
    data.outcomes = read_outcomes(root)
    return data, patterns, phrases
