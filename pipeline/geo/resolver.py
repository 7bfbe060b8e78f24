"""The place resolver: finds the place mentions of one Doc and resolves each against the
gazetteer with the article's context. Everything it learns about a Doc lives in a `DocState`
made inside each call: one resolver serves every Doc (and every thread) alike."""

from __future__ import annotations

from collections import Counter, defaultdict
from typing import Any, Callable

from spacy.tokens import Doc

from pipeline.anatomy import is_upper_copy
from pipeline.doctext import doc_text
from pipeline.geo.candidates import candidates
from pipeline.geo.context import context, nested_readings
from pipeline.geo.cues import Cues
from pipeline.geo.facts import cue_fact, home_fact, place_dict, vague_regions
from pipeline.geo.filters import beyond_outlet, keep_mentions, off_story
from pipeline.geo.index import ADMIN1, ADMIN2, CITY
from pipeline.geo.scoring import DEFAULT_WEIGHTS, PlaceWeights, foreign_namesakes_pop, resolve
from pipeline.geo.sizes import BIG_CITY, CLEAR_MARGIN, TOWN
from pipeline.geo.state import DocState, Mention
from pipeline.geo.tables import Gazetteer
from pipeline.geo.title import title_facts, title_mentions, title_votes
from pipeline.geo.words import NATIONAL_SCOPE

_PLACE_LABELS = ("GPE", "LOC")
# A place of the dateline counts as its country named twice.
_REPORT_VOTE = 2
# The place of a dateline without a region ("SEATTLE --") tells the story's state as a
# region does ("WILMINGTON, Calif. --", `context._DATELINE_WEIGHT`): more than a name of the
# text, which may be a neighbourhood sharing a small town's name elsewhere ("Ballard").
_REPORT_STATE_VOTE = 3


def _dominant(counts: Counter) -> str | None:
    return counts.most_common(1)[0][0] if counts else None


def _outlet_places(facts: list[dict[str, Any]], st: DocState, placed: bool) -> bool:
    """Whether the headline outlet's home places the story: when nothing else does (its country,
    or a national outlet's), or, for a local outlet (one with a state), when the text placed it
    at most in the outlet's country (a call sign, "the U.S. Attorney's Office") and tells no
    story of the whole country ("across the United States", "nationwide")."""
    if st.home is None:
        return False
    if not any(f["country_iso2"] for f in facts):
        return True
    local_state, country = st.home
    return bool(local_state) and (not placed or (
        not any(f["admin1"] for f in facts)
        and all(f["country_iso2"] == country for f in facts if f["country_iso2"])
        and not NATIONAL_SCOPE.search(st.text)))


class PlaceResolver:
    """Finds and resolves the place mentions of one Doc against a Gazetteer."""

    def __init__(self, gaz: Gazetteer, tokenizer: Callable[[str], Doc] | None = None,
                 weights: PlaceWeights = DEFAULT_WEIGHTS) -> None:
        self.gaz = gaz
        self.tokenizer = tokenizer  # reads the headline (no NER: it is only context)
        self.weights = weights
        self.cues = Cues.build(gaz)

    def resolve(self, st: DocState, men: Mention, dominant: str | None) -> int:
        """The entry a mention most likely names (see `scoring.resolve`)."""
        return resolve(self.gaz, self.cues, st, men, dominant, self.weights)

    def __call__(self, doc: Doc) -> list[dict[str, Any]]:
        """The place facts of a Doc (dicts valid as PlaceFact without article_id)."""
        text = doc_text(doc)
        st = DocState(doc=doc, text=text, upper=is_upper_copy(text))
        mentions = candidates(self.gaz, self.cues, doc, st.upper, text)
        context(self.gaz, self.cues, st, mentions)
        self._report_votes(st, mentions)
        title = doc._.title if Doc.has_extension("title") else None
        head_mentions, hdoc = title_mentions(self.gaz, self.cues, self.tokenizer, st, title)
        title_votes(self.gaz, self.cues, st, head_mentions, self.weights)
        named = set(st.countries)  # the countries the text itself names (before any guess)
        st.named_states = frozenset(st.states)  # ... and the states
        kept = keep_mentions(self.gaz, st, mentions)
        self._cooccurrence(st, kept)
        self._named_countries(st, kept, named)
        anchor = Counter(st.countries)  # what the text says before any guess of ours
        dominant = self._first_pass(st, kept)
        facts = self._facts(st, kept, named, anchor, dominant)
        return self._fallbacks(st, facts, dominant, title, head_mentions, hdoc)

    def _report_votes(self, st: DocState, mentions: list[Mention]) -> None:
        """The dateline's country is context for the whole story (wire copy names few
        countries)."""
        cc = self.gaz.index["cc"]
        for men in mentions:
            if men.role == "report":
                idx = self.resolve(st, men, None)
                if cc[idx]:
                    st.countries[cc[idx]] += _REPORT_VOTE

    def _cooccurrence(self, st: DocState, kept: list[Mention]) -> None:
        """Ambiguous names that all exist in one state ("Crossville" and "Cumberland County"
        in Tennessee) point at that state; a town and a county of another name that holds it
        ("Hendersonville" and "Henderson County") at their readings there (`DocState.nested`)."""
        ix, gaz = self.gaz.index, self.gaz
        seen_keys: set[str] = set()
        for men in kept:
            if men.key in seen_keys:
                continue
            seen_keys.add(men.key)
            st.cooc.update({ix["a1"][i] for i in men.ids
                            if ix["cc"][i] == "US" and gaz.kind(i) in (CITY, ADMIN2, ADMIN1)})
        st.nested.update(nested_readings(gaz, kept))

    def _named_countries(self, st: DocState, kept: list[Mention], named: set[str]) -> None:
        """Unambiguous mentions say which country the article is about; a small foreign town
        that merely shares a local street's or person's name ("Elm", "Rodriguez") does not."""
        gaz, ix = self.gaz, self.gaz.index
        great: set[str] = set()
        for men in kept:
            ccs = {ix["cc"][i] for i in men.ids if ix["cc"][i]}
            pop = gaz.max_pop(men.ids)
            if len(ccs) == 1 and (pop >= TOWN or men.label in _PLACE_LABELS or men.qualified
                                  or men.role == "report" or ccs <= named):
                st.countries[ccs.pop()] += 1
            elif len(ccs) > 1 and not named and men.key not in great and (
                    men.label in _PLACE_LABELS or men.role == "report"
                    or (not st.upper and men.text.isupper())):
                great.add(men.key)  # once per name: a story about Berlin, Conn. says it often
                # With no country named nor hinted, a great city whose namesakes abroad are all
                # far smaller ("London", "San Antonio") says its country as a unique name does.
                big = max(men.ids, key=lambda i: ix["pop"][i])
                rest = foreign_namesakes_pop(gaz, men, big)
                if gaz.kind(big) == CITY and pop >= BIG_CITY and pop >= CLEAR_MARGIN * rest:
                    st.countries[ix["cc"][big]] += 1

    def _first_pass(self, st: DocState, kept: list[Mention]) -> str | None:
        """Resolve every mention once: what the first pass resolves (a city given its state)
        informs the second. Returns the dominant country after it."""
        gaz, ix = self.gaz, self.gaz.index
        first, first_states = Counter(), Counter()
        dominant = _dominant(st.countries)
        for men in kept:
            idx = self.resolve(st, men, dominant)
            if ix["cc"][idx]:
                first[ix["cc"][idx]] += 1
            # Only a reading that is certain enough tells the state ("Mercer County" alone does
            # not: New Jersey, Illinois, Ohio... all have one; beside a town of it, it does).
            if ix["cc"][idx] == "US" and gaz.kind(idx) in (CITY, ADMIN2) and not \
                    men.quarter and (men.a1 or len({ix["a1"][i] for i in men.ids}) == 1
                    or idx in st.nested
                    or (gaz.kind(idx) == CITY and ix["pop"][idx] >= BIG_CITY)):
                # (a dateline with a region has counted it: its place may be misread)
                first_states[ix["a1"][idx]] += _REPORT_STATE_VOTE if men.role == "report" and not men.a1 else 1
        st.countries.update(first)
        st.states.update(first_states)
        return _dominant(st.countries)

    def _facts(self, st: DocState, kept: list[Mention], named: set[str], anchor: Counter,
               dominant: str | None) -> list[dict[str, Any]]:
        """The facts of the resolved mentions that lie in the story."""
        # One sense per article: a name qualified once ("MEMPHIS, Tenn.") keeps that sense.
        sense: dict[str, int] = {}
        for men in kept:
            if (men.qualified or men.role == "report") and men.key not in sense:
                sense[men.key] = self.resolve(st, men, dominant)
        facts: list[dict[str, Any]] = []
        reports = [sense[men.key] for men in kept if men.role == "report" and men.key in sense]
        ix = self.gaz.index
        in_state: dict[str, set[str]] = defaultdict(set)  # a US state -> names read in it
        for men in kept:
            men.resolved = sense[men.key] if men.key in sense else self.resolve(st, men, dominant)
            if ix["cc"][men.resolved] == "US" and ix["a1"][men.resolved]:
                in_state[ix["a1"][men.resolved]].add(men.key)
        for men in kept:
            if off_story(self.gaz, st, men, men.resolved, named, dominant, anchor, reports) or \
                    beyond_outlet(self.gaz, st, men, men.resolved, in_state[ix["a1"][men.resolved]]):
                continue
            if men.role == "other" and not men.origin and st.event_sentence(
                    st.doc[men.start:men.end], self.gaz.event_cues):
                men.role = "event"
            facts.append(place_dict(self.gaz, st, men, men.resolved))
        return facts

    def _fallbacks(self, st: DocState, facts: list[dict[str, Any]], dominant: str | None,
                   title: str | None, head_mentions: list[Mention], hdoc: Doc | None
                   ) -> list[dict[str, Any]]:
        """Add the coarse facts: vague regions of the story's country, then, when nothing
        places the event, the headline's place, a country cue, the outlet's home."""
        gaz = self.gaz
        facts.extend(vague_regions(gaz, st, dominant))
        if hdoc is not None and head_mentions and not any(
                f["role"] in ("event", "report") and f["country_iso2"] for f in facts):
            facts.extend(title_facts(gaz, self.cues, st, hdoc, head_mentions, dominant,
                                     self.weights))
        placed = any(f["country_iso2"] for f in facts)
        if not placed:
            facts.extend(cue_fact(gaz, st))
        if _outlet_places(facts, st, placed):
            facts.extend(home_fact(gaz, st, title))
        return facts
