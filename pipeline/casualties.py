"""Casualties: killed / injured / arrested / missing counts with victims (issue 4).

The component `newsevents_casualties` finds outcome words with a PhraseMatcher on lower-cased
text (lexicon `models/casualties/outcomes.json`), follows the dependency parse from each to the
phrase that names its victims (passive subject, object, subject of "died"/"dead", the noun a
participle modifies, the number a toll rises to), and reads the count from that phrase with
`pipeline.numbers` (digits, number words, vague quantities, modifiers, ranges). Victim nouns map
to a victim type through `models/casualties/victims.json`. Every claim is kept as a fact;
`reconcile` turns the claims of one event into its counts.

Upper-case wire copy defeats the tagger and parser, so such a text is parsed again truecased
(same tokens, so character offsets are unchanged) and the claims are read from that parse; only
the sentences that hold an outcome word are parsed again (a quarter of a wire story).

Across a story, a named victim is followed from claim to claim (and "he"/"she" stands for the
victim last named): someone reported shot or in critical condition who is later reported dead is
flagged `includes_killed`, so that `reconcile` counts them once, as killed.
"""

from __future__ import annotations

import functools
import json
import re
from dataclasses import dataclass, field
from pathlib import Path

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans

from pipeline.numbers import Interval, load_vague_table, parse_count, parse_number
from pipeline.schemas import CasualtyFact
from pipeline.resources import models_dir as models_root

if not Doc.has_extension("ne_casualties"):
    Doc.set_extension("ne_casualties", default=None)

DEFAULT_MODELS_DIR = models_root()
OUTCOMES = ("killed", "injured", "arrested", "missing", "shot")
# The model's own components, rerun on the lower-cased copy of an upper-case text.
_MODEL_PIPES = ("tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer", "ner")

_SENT_END = {".", "!", "?"}
_WINDOW = 120  # tokens either side of an outcome word, at most, in a sentence re-parsed
_UPPER_RE = re.compile(r"[A-Z]")
_LOWER_RE = re.compile(r"[a-z]")
_MONTHS = {"january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
           "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec"}
_YEAR_IN_RE = re.compile(r"\b(1[89]|20)\d\d\b")
_YEAR_RE = re.compile(r"^(1[89]|20)\d\d$")
# A time span that makes a count a running total ("since 1980", "in the past ten years", "this year").
_PAST_RE = re.compile(r"\b(last (year|summer|spring|fall|autumn|winter)|years? ago|decades? ago|months ago)\b")
_YEAR_ANY_RE = re.compile(r"\b((?:19|20)\d\d)\b")
_SPAN_RE = re.compile(r"\b(years|decades?|months|so far|to date|(this|last|past) year|the (19|20)\d\ds)\b")
_SUBJ = ("nsubj", "nsubjpass")
_PASSIVE_DEPS = ("auxpass", "nsubjpass")
_SINGULAR_PRONOUNS = {"he", "she", "him", "her", "his", "himself", "herself"}
_REFLEXIVE = {"himself", "herself"}
_RELATIVE_PRONOUNS = {"who", "that", "which", "whom"}
_ZERO_WORDS = {"nobody", "none", "noone", "no-one"}
_DEFINITE = {"the", "these", "those", "this", "that", "its", "their", "his", "her", "our", "them", "whom",
             "us", "which", "you", "both"}
# A determiner or possessive that points at someone the story already knows ("the victim", "his").
_KNOWN_DETERMINERS = frozenset(_DEFINITE | _SINGULAR_PRONOUNS)
# Nouns that carry a count for the noun after "of" ("dozens of protesters", "a total of 12").
_QUANTITY_NOUNS = {"dozens", "dozen", "hundreds", "thousands", "scores", "tens", "millions", "number", "handful",
                   "couple", "pair", "lot", "total", "score", "group", "majority"}
_ORDINALS = {"second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8, "ninth": 9,
             "tenth": 10}
_ORDINAL_RE = re.compile(r"^\d+(st|nd|rd|th)$")
# Plural nouns for those who report or investigate: a bare "police" is never a count of victims.
_COLLECTIVE = {"police", "authorities", "officials", "investigators", "detectives", "deputies", "agents", "medics",
               "paramedics", "troops", "forces", "residents", "witnesses", "neighbors", "neighbours", "officers",
               "cops", "troopers"}
_FATAL_ADVERBS = {"fatally", "mortally"}
# "nearly killed", "possibly killing": what did not (or may not) happen
_COUNTERFACTUAL = {"nearly", "almost", "possibly", "potentially", "narrowly"}
# Nouns whose "of N" gives their size ("a family of five"), unlike a person's ("a mother of three").
_GROUP_NOUNS = {"family", "group", "household", "crew", "party", "team", "gang", "band", "unit", "patrol",
                "convoy", "busload", "carload"}
_EARLIER = {"previous", "prior", "earlier", "former", "past", "old", "unrelated", "separate"}
_DECADE_RE = re.compile(r"\b(1[89]|20)\d0s\b")
_BARS = {"|", "\u00ab", "\u00bb"}
_NAME_SUFFIXES = {"jr", "sr", "ii", "iii", "iv"}
_BRING_VERBS = {"bring", "raise", "push", "take", "put", "lift"}


@dataclass
class _Lexicon:
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
    implicit: dict[str, tuple[str, int]] = field(default_factory=dict)
    body_nouns: set[str] = field(default_factory=set)
    condition_nouns: set[str] = field(default_factory=set)
    finding_verbs: set[str] = field(default_factory=set)
    survival: re.Pattern[str] | None = None
    implied_deaths: set[str] = field(default_factory=set)
    request_heads: set[str] = field(default_factory=set)
    implied_with_det: set[str] = field(default_factory=set)


def load_lexicon(nlp: Language, models_dir: str | Path) -> _Lexicon:
    """Read the casualty lexicons and tables under `models_dir`/casualties once."""
    base = Path(models_dir or DEFAULT_MODELS_DIR) / "casualties"
    outcomes = json.loads((base / "outcomes.json").read_text(encoding="utf-8"))
    victims = json.loads((base / "victims.json").read_text(encoding="utf-8"))
    vague = load_vague_table(base / "quantities.json")
    matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
    intransitive: set[str] = set()
    for outcome in OUTCOMES:
        entry = outcomes[outcome]
        phrases = entry["verbs"] + entry["intransitive"] + entry["nouns"]
        matcher.add(outcome, [nlp.make_doc(p) for p in phrases])
        intransitive.update(entry["intransitive"])
    matcher.add("casualties", [nlp.make_doc(p) for p in outcomes["casualties"]])
    implicit = {k: (v[0], int(v[1])) for k, v in outcomes["implicit"].items() if not k.startswith("_")}
    matcher.add("implicit", [nlp.make_doc(p) for p in implicit])
    suicide = outcomes["suicide"]
    matcher.add("suicide", [nlp.make_doc(f"{verb} {weapon} on {whom}") for verb in suicide["verbs"]
                            for weapon in suicide["weapons"] for whom in suicide["selves"]])
    victim_type = {}
    for vtype, words in victims.items():
        if vtype in ("_doc", "perpetrators", "non_human"):
            continue
        for w in words:
            victim_type[w] = vtype
    quantity_words = {k.split()[-1] for k in vague} | {k.split()[0] for k in vague}
    quantity_words -= {"a", "of", "an"}
    return _Lexicon(
        matcher=matcher,
        intransitive=intransitive,
        rising=set(outcomes["killed"]["rising"]),
        hypothetical_heads=set(outcomes["hypothetical_heads"]),
        modals=set(outcomes["modals"]),
        partitive_heads=set(outcomes["partitive_heads"]),
        victim_type=victim_type,
        perpetrators=set(victims["perpetrators"]),
        non_human=set(victims["non_human"]),
        vague=vague,
        quantity_words=quantity_words,
        implicit=implicit,
        body_nouns=set(outcomes["body_nouns"]),
        condition_nouns=set(outcomes["injured"]["nouns"]),
        finding_verbs=set(outcomes["finding_verbs"]),
        survival=re.compile(r"\b(?:" + "|".join(re.escape(p) for p in outcomes["survival_phrases"]["phrases"]) + r")\b"),
        implied_deaths=set(outcomes["implied_deaths"]["nouns"]),
        request_heads=set(outcomes["request_heads"]),
        implied_with_det=set(outcomes["implied_deaths"]["with_determiner"]),
        trigger_words={w for o in OUTCOMES for k in ("verbs", "intransitive") for w in outcomes[o][k] if " " not in w},
    )


def _is_upper_case(text: str) -> bool:
    """Old wire copy: (almost) no lower-case letters."""
    upper = len(_UPPER_RE.findall(text))
    return upper > 20 and upper > 4 * len(_LOWER_RE.findall(text))


def english_words(nlp: Language) -> frozenset[str]:
    """Lower-case English words: the lemmatizer's word index (WordNet lemmas) and spaCy's stop words.
    Used to truecase upper-case copy: a word not in it is taken for a name and capitalised."""
    words: set[str] = set(nlp.Defaults.stop_words)
    if "lemmatizer" in nlp.pipe_names:
        lookups = nlp.get_pipe("lemmatizer").lookups
        if lookups.has_table("lemma_index"):
            for entries in lookups.get_table("lemma_index").values():
                words.update(entries)
        if lookups.has_table("lemma_exc"):
            for table in lookups.get_table("lemma_exc").values():
                words.update(table)
    return frozenset(w for w in words if "_" not in w)


def _known(word: str, english: frozenset[str]) -> bool:
    """`word` (lower case) or its stem by a plain inflection rule is an English word."""
    if word in english or not word.isalpha():
        return True
    for suffix, repl in (("s", ""), ("es", ""), ("ies", "y"), ("ed", ""), ("ed", "e"), ("ing", ""), ("ing", "e"),
                         ("ers", ""), ("er", ""), ("ly", ""), ("'s", "")):
        if word.endswith(suffix) and word[: -len(suffix)] + repl in english:
            return True
    return False


def _windows(doc: Doc, matcher: PhraseMatcher) -> list[tuple[int, int]]:
    """Token ranges of the sentences (cut at . ! ? and paragraph breaks, at most _WINDOW tokens
    either side) that hold an outcome word: the only text the claims are read from."""
    ranges: list[tuple[int, int]] = []
    for _, start, end in matcher(doc):
        a = start
        while a > 0 and start - a < _WINDOW and doc[a - 1].text not in _SENT_END and "\n\n" not in doc[a - 1].text:
            a -= 1
        b = end
        while b < len(doc) and b - end < _WINDOW and doc[b - 1].text not in _SENT_END:
            b += 1
        if ranges and a <= ranges[-1][1]:
            ranges[-1] = (ranges[-1][0], max(b, ranges[-1][1]))
        else:
            ranges.append((a, b))
    return ranges


def _case_view(doc: Doc, nlp: Language, english: frozenset[str] = frozenset(),
               matcher: PhraseMatcher | None = None) -> Doc:
    """`doc` itself, or for an upper-case text a truecased copy with the same tokens, parsed:
    English words lower case, other words (names) and sentence starts capitalised. With a
    matcher, only the sentences that hold an outcome word are parsed (three quarters of a wire
    story hold none); the other tokens are left unparsed, one sentence each."""
    if not _is_upper_case(doc.text):
        return doc
    words = []
    start = True
    for tok in doc:
        w = tok.text.lower()
        if english and len(w) > 1 and w.isalpha() and not _known(w, english):
            w = w[:1].upper() + w[1:]
        if start and w[:1].isalpha():
            w = w[:1].upper() + w[1:]
            start = False
        # hard-wrapped lines do not start sentences; paragraphs and indented lines do
        if tok.text in (".", "!", "?", "--") or "\n\n" in tok.text or "\n " in tok.text:
            start = True
        words.append(w)
    if any(len(w) != len(t.text) for w, t in zip(words, doc)):
        return doc
    spaces = [bool(t.whitespace_) for t in doc]
    if matcher is None:
        return _parse(Doc(nlp.vocab, words=words, spaces=spaces), nlp)
    n = len(doc)
    tags, pos, lemmas, deps = [""] * n, ["X"] * n, list(words), ["ROOT"] * n
    heads, ents = list(range(n)), ["O"] * n
    for a, b in _windows(doc, matcher):
        part = _parse(Doc(nlp.vocab, words=words[a:b], spaces=spaces[a:b]), nlp)
        for t in part:
            i = a + t.i
            tags[i], pos[i], lemmas[i], deps[i], heads[i] = t.tag_, t.pos_, t.lemma_, t.dep_, a + t.head.i
            ents[i] = f"{t.ent_iob_}-{t.ent_type_}" if t.ent_iob_ in ("B", "I") else "O"
    return Doc(nlp.vocab, words=words, spaces=spaces, tags=tags, pos=pos, lemmas=lemmas, heads=heads, deps=deps,
               ents=ents)


def _parse(view: Doc, nlp: Language) -> Doc:
    """Run the model's own components on a Doc built from words."""
    for name, proc in nlp.pipeline:
        if name in _MODEL_PIPES:
            view = proc(view)
    return view


@dataclass
class _Claim:
    """A count read from one victim phrase, before it becomes a fact dict."""

    low: int
    best: int
    high: int | None
    qualifier: str | None
    tokens: list[Token]
    victims: str | None
    victim_type: str
    partitive: bool = False
    perpetrator: bool = False
    person: str | None = None

    @property
    def head_i(self) -> int:
        """Index of the token that names the victims (the same people share it across claims)."""
        return self.tokens[-1].i


def _ent_at(doc: Doc, i: int) -> Span | None:
    """The entity that holds token `i`, found from the token's IOB tags: `Doc.ents` builds
    every entity of the document on each call, too slow once per claim in a long article."""
    if not doc[i].ent_type_:
        return None
    start, end = i, i + 1
    while doc[start].ent_iob_ == "I" and start > 0:
        start -= 1
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    return Span(doc, start, end, label=doc[i].ent_type_)


def _ents_in(span: Span) -> list[Span]:
    """The entities that start in `span` (as `Span.ents`, without walking the whole Doc)."""
    out = []
    for tok in span:
        if tok.ent_iob_ == "B":
            ent = _ent_at(tok.doc, tok.i)
            if ent is not None:
                out.append(ent)
    return out


def _story_year(doc: Doc, published: str | None) -> int:
    """The year of the story: its publication date's, else the latest year it writes (a page's
    date line, "Friday, March 6, 2015"), else 0 (unknown)."""
    if published:
        return int(published[:4])
    return _latest_year(doc)


@functools.lru_cache(maxsize=4)  # asked once per dated claim: read each story's text once
def _latest_year(doc: Doc) -> int:
    return max((int(y) for y in _YEAR_ANY_RE.findall(doc.text)), default=0)


def _across_bar(a: Token, b: Token) -> bool:
    """A page separator ("|", "«", "»") lies between two tokens: they belong to different headlines
    or to a headline and the site's menu ("... 1 killed | Local, Traffic, Opinion")."""
    lo, hi = sorted((a.i, b.i))
    return any(t.text in _BARS for t in a.doc[lo + 1 : hi])


def _same_person(a: str, b: str) -> bool:
    """Two names of one person: the same surname, and one name is that surname alone or both start
    alike ("Dana Reyes" / "Reyes"; a page title glued to the name: "TimesDana Reyes"). "Dana Reyes" and
    "Luis Reyes" are two people."""
    words = [n.replace(".", "").split() for n in (a, b)]
    suffixes = [{w.lower() for w in ws if w.lower() in _NAME_SUFFIXES} for ws in words]
    if suffixes[0] and suffixes[1] and suffixes[0] != suffixes[1]:
        return False  # "John Smith Jr." and "John Smith Sr." are father and son
    wa, wb = ([w for w in ws if w.lower() not in _NAME_SUFFIXES] for ws in words)
    if not wa or not wb or wa[-1].lower() != wb[-1].lower():
        return False
    short, long_ = sorted((wa, wb), key=len)
    if [w.lower() for w in long_[len(long_) - len(short):]] == [w.lower() for w in short]:
        return True  # "Reyes", "Dana Reyes" / "Lee Dana Reyes"
    return _glued(wa[0], wb[0]) or _glued(wb[0], wa[0])


def _glued(word: str, first: str) -> bool:
    """`word` is a page title's last word glued to the first name `first` ("TimesDana" and
    "Dana"): it ends with it, right after a lower-case letter ("Ana" in "Dana" is no glue)."""
    cut = len(word) - len(first)
    return len(first) >= 3 and cut > 0 and word.endswith(first) and word[cut - 1].islower() and first[0].isupper()


def _one_per_person(claims: list[_Claim]) -> list[_Claim]:
    """Drop a claim that names again a person named by an earlier claim of the same list (a page
    title repeated before the story: "Dana Reyes, 34 - Daily Report - Dana Reyes, a 34-year-old...")."""
    kept: list[_Claim] = []
    for c in claims:
        if c.person and any(k.person and _same_person(c.person, k.person) for k in kept):
            continue
        kept.append(c)
    return kept


class _Extractor:
    """Reads the claims of one Doc (its case view) with one lexicon."""

    def __init__(self, lex: _Lexicon) -> None:
        self.lex = lex
        self.trigger_words = lex.trigger_words

    # ---- words -------------------------------------------------------------------------------
    def is_quantity(self, tok: Token) -> bool:
        """A token that can head a count: a number, a number word or a vague quantity word."""
        low = tok.lower_
        if low in self.lex.quantity_words or low in _QUANTITY_NOUNS:
            return True
        if tok.like_num and not tok.is_punct:
            # a bare year ("December 5, 2015") is not a count; "2015 people" would be
            return not (_YEAR_RE.match(low) and not (tok.dep_ == "nummod" and self.is_person(tok.head)))
        return tok.pos_ == "NUM" and parse_number(low) is not None

    def vtype(self, tok: Token) -> tuple[str, bool] | None:
        """(victim type, is perpetrator) of a noun, or None for a non-human noun."""
        lemma = tok.lemma_.lower()
        low = tok.lower_
        if lemma in self.lex.non_human or low in self.lex.non_human:
            return None
        if lemma in self.lex.perpetrators or low in self.lex.perpetrators:
            return "unknown", True
        for key in (low, lemma):
            if key in self.lex.victim_type:
                return self.lex.victim_type[key], False
        for child in tok.children:  # "security forces", "police personnel"; not "Police: One man shot"
            if (child.dep_ in ("compound", "amod") and child.lemma_.lower() in self.lex.victim_type
                    and not any(t.is_punct for t in tok.doc[min(child.i, tok.i) + 1 : max(child.i, tok.i)])):
                return self.lex.victim_type[child.lemma_.lower()], False
        if tok.ent_type_ == "NORP":
            return "civilians", False
        # a bare name says nothing of the role ("Officer Cottrell" elsewhere): unknown, so that it
        # merges with the typed mentions of the same person instead of adding to them
        return "unknown", False

    @staticmethod
    def is_name(tok: Token) -> bool:
        """A capitalised word inside a sentence that the tagger or NER takes for a name."""
        if tok.ent_type_ in ("PERSON",):
            return True
        if tok.ent_type_ not in ("", "NORP", "ORG") or not tok.is_title:
            return False
        return tok.pos_ == "PROPN" or tok.tag_ == "NN"

    def is_person(self, tok: Token) -> bool:
        """A noun that names people for sure (so that a bare singular counts as one)."""
        lemma = tok.lemma_.lower()
        return (
            lemma in self.lex.victim_type
            or tok.lower_ in self.lex.victim_type
            or lemma in self.lex.perpetrators
            or tok.ent_type_ == "PERSON"
        )

    # ---- counts ------------------------------------------------------------------------------
    def quantity_of_number(self, num: Token) -> tuple[int, int, int | None, str | None] | None:
        """Count of a number token with its modifiers ("at least 20", "between 10 and 15")."""
        doc = num.doc
        if self.is_age(num):
            return None
        start = num.left_edge.i
        end = num.i + 1
        for child in num.rights:  # ranges: "10 to 15", "10 and 15" hang off the first number
            if child.dep_ in ("conj", "prep", "quantmod", "cc") and child.lower_ in ("to", "and", "or", "-"):
                end = max(end, child.right_edge.i + 1)
            elif child.dep_ == "conj" and child.like_num:
                end = max(end, child.i + 1)
        if start > 0 and doc[start - 1].lower_ in ("a", "an") and num.lower_ not in ("one",):
            start -= 1  # "a few", "a dozen"
        text = doc[start:end].text
        found = parse_count(text, self.lex.vague) or parse_count(num.text, self.lex.vague)
        if found is None and start > 0:
            found = parse_count(doc[start - 1 : num.i + 1].text, self.lex.vague)
        return found

    def is_age(self, num: Token) -> bool:
        """A number that is an age, a time or an amount rather than a count of people."""
        doc = num.doc
        nxt = doc[num.i + 1 : num.i + 4]
        low = " ".join(t.lower_ for t in nxt)
        if low.startswith(("- year", "-year", "year", "years old", "yr", "month", "p.m", "a.m", "percent", "%",
                           "o'clock", "block", "- month")):
            return True
        if num.ent_type_ in ("MONEY", "PERCENT", "TIME", "ORDINAL"):
            return True
        if num.ent_type_ == "QUANTITY" and not (num.i + 1 < len(doc) and doc[num.i + 1].lower_ in self.trigger_words):
            return True  # "5 pounds"; but "1 killed" in a headline the tagger took for a measure is a count
        if num.i > 0 and doc[num.i - 1].text in ("$", "#", "No.", "no."):
            return True
        if num.dep_ == "appos" or (num.dep_ == "npadvmod" and num.head.pos_ == "PROPN"):
            return True  # "John Smith, 25," is his age
        if num.i > 0 and doc[num.i - 1].lower_ in ("aged", "age", "ages"):
            return True
        nxt_word = next((t for t in doc[num.i + 1 : num.i + 3] if not t.is_space), None)
        prv_word = next((t for t in reversed(doc[max(num.i - 2, 0) : num.i]) if not t.is_space), None)
        if (nxt_word is not None and nxt_word.lower_.rstrip(".") in _MONTHS) or (
            prv_word is not None and prv_word.lower_.rstrip(".") in _MONTHS
        ):
            return True  # "the massacre of 16 November", "on Jan. 5"
        after = doc[num.i + 1].text if num.i + 1 < len(doc) else "."
        if num.i > 1 and doc[num.i - 1].text == "," and after in (",", ";", "of", ")", "-", "\u2013", "|", "."):
            return doc[num.i - 2].pos_ in ("PROPN", "NOUN")  # "Justin Burns, 14, of Palisade": an age
        return False

    def count_token(self, tok: Token, depth: int = 0) -> _Claim | None:
        """The claim a victim phrase headed by `tok` makes (one conjunct), or None."""
        if depth > 3:
            return None
        low = tok.lower_
        doc = tok.doc
        if tok.pos_ in ("PRON", "DET") and low in self.lex.vague and low not in ("some", "many"):
            return self.count_number_head(tok)  # "both were injured", "several were hurt"
        if tok.pos_ == "PRON" or low in _RELATIVE_PRONOUNS:
            if low in _REFLEXIVE:  # "killed his wife and himself": the attacker, counted apart from his victims
                return _Claim(1, 1, 1, None, [tok], tok.text, "unknown", perpetrator=self.attacker_himself(tok))
            if low in _SINGULAR_PRONOUNS:
                return _Claim(1, 1, 1, None, [tok], tok.text, "unknown")
            if low in _RELATIVE_PRONOUNS and tok.head.dep_ == "relcl":
                return self.count_token(tok.head.head, depth + 1)
            if low in _ZERO_WORDS:
                return _Claim(0, 0, 0, "none", [tok], tok.text, "unknown")
            if low in ("another", "one"):
                return _Claim(1, 1, 1, None, [tok], tok.text, "unknown")
            if low in ("neither",):
                return _Claim(0, 0, 0, "none", [tok], tok.text, "unknown")
            return None
        if any(c.dep_ == "det" and c.lower_ == "any" for c in tok.children):
            return None  # "whether any civilians were killed": asks, does not report
        if low in _ZERO_WORDS or any(c.dep_ == "det" and c.lower_ in ("no", "neither") for c in tok.children):
            return _Claim(0, 0, 0, "none", [doc[tok.left_edge.i], tok], tok.text, "unknown")
        if low in ("old", "olds") and tok.i > 1 and doc[tok.i - 2].lower_ in ("year", "years"):
            # "a 17-year-old was killed", "two 15-year-olds": the age stands for the person
            qtok = self.quantity_child(tok)
            q = self.quantity_of_number(qtok) if qtok is not None and qtok.i < doc[tok.i - 2].left_edge.i else None
            if low == "olds":
                q = q or (2, 2, None, "plural")
                return _Claim(q[0], q[1], q[2], q[3], [self.left_lead(tok), tok], tok.text, "civilians")
            return _Claim(1, 1, 1, None, [self.left_lead(tok), tok], doc[tok.i - 4 : tok.i + 1].text, "civilians")
        if low == "total":  # "a total of 12 people"
            pobj = self.of_pobj(tok)
            return self.count_token(pobj, depth + 1) if pobj is not None else None
        if tok.dep_ == "nummod" and tok.head.pos_ in ("NOUN", "PROPN") and tok.head.i > tok.i and not _across_bar(
                tok, tok.head):
            return self.count_token(tok.head, depth + 1)  # reached through the number: "two people dead"
        if low in _ORDINALS and tok.dep_ in _SUBJ and any(c.dep_ == "det" for c in tok.children):
            return _Claim(1, 1, 1, None, [self.left_lead(tok), tok], tok.text, "unknown")  # "a second was hurt"
        if self.is_quantity(tok) and tok.pos_ in ("NUM", "NOUN", "ADJ", "DET", "PRON", "X", "PROPN"):
            return self.count_number_head(tok)
        if tok.pos_ not in ("NOUN", "PROPN"):
            return None
        typed = self.vtype(tok)
        if typed is None:
            return None
        vtype, perp = typed
        qtok = self.quantity_child(tok)
        victims = self.victim_words(tok)
        of_num = self.of_pobj(tok)
        if (qtok is None and of_num is not None and of_num.like_num
                and all(c.dep_ == "prep" for c in of_num.children)
                and tok.lemma_.lower() in _GROUP_NOUNS):
            qtok = of_num  # "a family of five"; "a mother of three" is one mother
        if qtok is not None:
            if _YEAR_RE.match(qtok.lower_) and not self.is_person(tok):
                return None  # "December 5, 2015 Mastic Beach"
            q = self.quantity_of_number(qtok)
            if q is None:
                return None
            tokens = [doc[qtok.left_edge.i], tok]
            return _Claim(q[0], q[1], q[2], q[3], tokens, victims, vtype, self.is_partitive_np(tok), perp)
        if tok.tag_ in ("NNS", "NNPS") and tok.pos_ == "NOUN":
            if not self.is_person(tok) or tok.lower_ in _COLLECTIVE:
                return None
            if tok.dep_ == "dobj" and tok.head.tag_ == "VBG" and not any(c.dep_ == "det" for c in tok.children):
                return None  # "killing people", "shooting citizens": what someone does, not a toll
            if any(c.dep_ == "prep" and c.lower_ == "like" for c in tok.children):
                return None  # "he killed people like him": a kind of people, not a toll
            if any(c.dep_ in ("predet", "det") and c.lower_ == "all" for c in tok.children) and any(
                    c.dep_ == "relcl" for c in tok.children):
                return None  # "a song for all the neighbours who died": everyone, no count
            lead = self.left_lead(tok)
            return _Claim(2, 2, None, "plural", [lead, tok], victims, vtype, False, perp)
        # "a third victim": at least three; "the third victim": one of at least three (see `fact`)
        definite = any(c.dep_ == "det" and c.lower_ == "the" for c in tok.children)
        for child in tok.lefts:
            rank = _ORDINALS.get(child.lower_) or (int(child.lower_[:-2]) if _ORDINAL_RE.match(child.lower_) else 0)
            if child.dep_ == "amod" and 1 < rank <= 10 and self.is_person(tok):  # "the 18th child this year": a tally
                qualifier = "the ordinal" if definite else "ordinal"
                return _Claim(rank, rank, None, qualifier, [self.left_lead(tok), tok], victims, vtype, False, perp)
        if tok.pos_ == "PROPN" and tok.ent_type_ not in ("PERSON", "NORP", "ORG", ""):
            return None
        if not self.is_person(tok) and not self.is_name(tok):
            return None
        return _Claim(1, 1, 1, None, [self.left_lead(tok), tok], victims, vtype, self.is_partitive_np(tok), perp,
                      self.person_name(tok))

    def is_common_noun(self, tok: Token) -> bool:
        """A word of the victim lexicons ("Officer", "Man" in a headline), not a name."""
        lemma, low = tok.lemma_.lower(), tok.lower_
        return any(w in self.lex.victim_type or w in self.lex.perpetrators for w in (lemma, low))

    def person_name(self, tok: Token) -> str | None:
        """The name of one person a noun names ("Dana Reyes", "Officer Dana Reyes" -> "Dana Reyes"),
        or None for a common noun."""
        if not self.is_name(tok) or self.is_common_noun(tok) or tok.lower_ in self.lex.non_human:
            return None
        words: list[Token] = []
        for c in reversed(list(tok.lefts)):  # nearest first; a glued or common word ends the name
            if c.i != (words[0].i if words else tok.i) - 1 or not (
                    c.dep_ == "compound" and c.is_title and not self.is_common_noun(c) and c.pos_ == "PROPN"):
                break
            words.insert(0, c)
        return " ".join(t.text for t in [*words, tok])

    def condition_of_known_victim(self, trig: Token, phrase: str, claim: _Claim) -> bool:
        """"The boy was in critical condition", "his nephew was hospitalised", "the wounded teen":
        the state of a victim the story already knows, who may have died since; not a new injured
        person (reconcile counts them as injured only when no death takes them)."""
        if not (phrase in self.lex.condition_nouns or trig.dep_ == "amod" or phrase.startswith("hospitali")):
            return False
        head = claim.tokens[-1]
        if head.lower_ in ("another", "one", "someone", "somebody"):
            return False  # "one dead and another with critical injuries": someone new
        if head.pos_ in ("PRON", "PROPN"):
            return True
        return any(c.dep_ in ("det", "poss") and c.lower_ in _KNOWN_DETERMINERS for c in head.children)

    def attacker_himself(self, tok: Token) -> bool:
        """A reflexive victim that is an attacker who also hit others ("killed his wife and himself",
        "shot three people before shooting himself", "the gunman shot himself"), not a person who
        shot himself by accident."""
        if tok.dep_ == "conj":
            return True
        verb = tok.head
        subj = next((c for c in verb.children if c.dep_ in _SUBJ), None)
        if subj is not None and self.vtype(subj) == ("unknown", True):
            return True
        node = verb
        for _ in range(3):  # up through "before shooting himself", "and then himself"
            if node.dep_ not in ("advcl", "conj", "pcomp", "pobj", "prep"):
                break
            node = node.head
            obj = next((c for c in node.children if c.dep_ == "dobj" and c.lower_ not in _REFLEXIVE), None)
            if obj is not None and node.pos_ == "VERB" and node.lower_ in self.trigger_words:
                return True
            # "the gunman, mailing a note shortly before killing himself": the clause's own attacker
            doer = node.head if node.dep_ == "acl" else None
            if doer is not None and doer.pos_ in ("NOUN", "PROPN") and self.vtype(doer) == ("unknown", True):
                return True
        return False

    def count_number_head(self, tok: Token) -> _Claim | None:
        """A count headed by a number or quantity word: "three", "dozens of protesters"."""
        pobj = self.of_pobj(tok)
        if tok.lower_ in ("number", "lot", "group", "majority", "couple", "pair", "handful") and pobj is None:
            return None
        q = self.quantity_of_number(tok)
        if q is None and pobj is not None:  # "a number of students"
            q = parse_count(tok.doc[tok.left_edge.i : tok.i + 2].text, self.lex.vague)
        if q is None:
            return None
        vtype, perp, victims, partitive = "unknown", False, None, False
        tokens = [tok.doc[tok.left_edge.i], tok]
        if pobj is not None:
            typed = self.vtype(pobj) if pobj.pos_ in ("NOUN", "PROPN") else ("unknown", False)
            if typed is None:
                return None
            vtype, perp = typed
            victims = self.victim_words(pobj)
            partitive = pobj.lower_ in _DEFINITE or any(
                c.dep_ in ("det", "poss") and c.lower_ in _DEFINITE for c in pobj.children
            )
            tokens.append(pobj)
            if pobj.pos_ == "NOUN" and any(c.dep_ == "nummod" for c in pobj.children):
                inner = self.count_token(pobj, 1)  # "a total of 12 people"
                if inner is not None:
                    return inner
        else:
            nxt = tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else None
            if nxt is not None and nxt.pos_ == "NOUN" and self.vtype(nxt) is None:
                return None  # "three vehicles"
            if tok.dep_ == "nummod" and tok.head.pos_ in ("NOUN", "PROPN") and self.vtype(tok.head) is None:
                return None
        if tok.dep_ == "pobj" and tok.head.lower_ in self.lex.partitive_heads:
            partitive = True
        return _Claim(q[0], q[1], q[2], q[3], tokens, victims, vtype, partitive, perp)

    @staticmethod
    def of_pobj(tok: Token) -> Token | None:
        """The object of "of" hanging off tok ("dozens of protesters" -> protesters)."""
        for child in tok.rights:
            if child.dep_ == "prep" and child.lower_ == "of":
                for gc in child.children:
                    if gc.dep_ == "pobj":
                        return gc
        return None

    def quantity_child(self, noun: Token) -> Token | None:
        """The number or quantity word counting a noun ("12 officers", "several people")."""
        doc = noun.doc
        for child in noun.lefts:
            if any("\n\n" in t.text for t in doc[child.i : noun.i]):
                continue  # a number on another line (a headline, a caption) does not count this noun
            if child.dep_ in ("nummod", "quantmod") and not self.is_age(child):
                return child
        for child in noun.lefts:
            if child.dep_ in ("amod", "det", "advmod", "nmod", "compound") and child.lower_ in self.lex.vague:
                return child
            if child.dep_ in ("amod", "compound", "nmod") and child.like_num and not self.is_age(child):
                return child
        return None

    def is_partitive_np(self, noun: Token) -> bool:
        """A noun phrase that names part of a group counted elsewhere ("including two children")."""
        head = noun.head
        return noun.dep_ == "pobj" and head.lower_ in self.lex.partitive_heads

    @staticmethod
    def left_lead(tok: Token) -> Token:
        return tok.doc[tok.left_edge.i] if tok.left_edge.i >= tok.i - 6 else tok

    @staticmethod
    def victim_words(tok: Token) -> str:
        """The victim noun with its compounds and adjectives ("law-enforcement officers")."""
        doc = tok.doc
        start = tok.i
        for child in tok.lefts:
            if child.dep_ in ("compound", "amod") and child.i < start and not child.like_num:
                start = min(start, child.left_edge.i)
            if child.dep_ == "det" and child.lower_ == "another":  # "another victim": one more
                start = min(start, child.i)
        return doc[start : tok.i + 1].text

    def count_phrase(self, arg: Token) -> list[_Claim]:
        """Claims of a victim phrase with its conjuncts, one per victim type (same type summed)."""
        if arg.lower_ in _RELATIVE_PRONOUNS and arg.head.dep_ == "relcl":
            arg = arg.head.head  # "a girl and her mother who were killed": count the antecedent
        parts = [arg]
        if arg.dep_ in _SUBJ and not self.own_predicate(arg):  # a second subject the parser could not coordinate
            parts += [c for c in arg.head.children if c.dep_ == arg.dep_ and c.i > arg.i and not c.is_punct
                      and not self.own_predicate(c)]  # "one dead, two hurt": each count has its own outcome
        if arg.pos_ in ("NOUN", "PROPN", "NUM", "PRON"):
            parts += [
                c for c in arg.conjuncts
                if c.i > arg.i and (c.pos_ in ("NOUN", "PROPN", "NUM") or c.lower_ in _SINGULAR_PRONOUNS)
                # "one dead, two critical": a conjunct with its own predicate is another claim
                and not self.own_predicate(c)
            ]
            if arg.tag_ in ("NN", "NNP") or arg.lower_ == "one":
                # "one lieutenant, four soldiers and three civilians": the parser makes the list an apposition
                for app in arg.children:
                    if app.dep_ == "appos" and self.quantity_child(app) is not None and app.conjuncts:
                        parts += [app, *(c for c in app.conjuncts if c.i > app.i)]
        # "he [Smith] died": a name in brackets is the editor's gloss of the word before it
        parts = [p for i, p in enumerate(parts) if i == 0 or p.i == 0 or p.doc[p.i - 1].text not in ("[", "(")]
        parts = [p for p in parts if not _across_bar(arg, p)]  # another headline of the page
        claims = [c for c in (self.count_token(p) for p in parts) if c is not None]
        if len(claims) <= 1:
            return claims
        claims = _one_per_person(claims)
        if len(claims) >= 3 and claims[0].best == sum(c.best for c in claims[1:]):
            return claims[:1]  # "three people, two men and a woman": the list spells out the first
        merged: dict[tuple[str, bool, bool], _Claim] = {}
        for c in claims:
            key = (c.victim_type, c.perpetrator, c.partitive)
            if key not in merged:
                merged[key] = c
                continue
            m = merged[key]
            m.low += c.low
            m.best += c.best
            m.high = None if m.high is None or c.high is None else m.high + c.high
            m.tokens += c.tokens
            m.victims = f"{m.victims} and {c.victims}"
        return list(merged.values())

    @staticmethod
    def own_predicate(tok: Token) -> bool:
        """A noun or number with its own outcome after it ("one dead", "two critical", "three others
        wounded"): a claim of its own, not part of a list."""
        return any(g.pos_ in ("ADJ", "VERB") and g.dep_ in ("amod", "acl", "acomp") and g.i > tok.i
                   for g in tok.children)

    # ---- triggers ----------------------------------------------------------------------------
    def hypothetical(self, trig: Token) -> bool:
        """A threat, a plan, a possibility or a condition rather than a report."""
        intent = self.lex.hypothetical_heads
        doc = trig.doc
        if trig.i >= 2 and doc[trig.i - 1].lower_ == "to" and doc[trig.i - 2].lower_ in intent:
            return True  # "with intent to kill", "a plot to kill", whatever the parser made of them
        if any(c.dep_ in ("amod", "compound") and c.lemma_.lower() in intent and c.lower_ != "threatening"
               for c in trig.children):
            return True  # "attempted murder", "the plot killing"; "life-threatening injuries" are injuries
        clause = None  # "there should have been six people dead", "six people could be dead"
        if trig.dep_ in ("acomp", "oprd"):
            clause = trig.head
        elif trig.dep_ in ("amod", "acl") and trig.head.dep_ in ("attr", "dobj", "nsubj", "nsubjpass"):
            clause = trig.head.head
        if clause is not None:
            if any(c.dep_ in ("aux", "auxpass") and c.lower_ in self.lex.modals for c in clause.children):
                return True
        node = trig
        for _ in range(4):
            for child in node.children:
                if child.dep_ in ("aux", "auxpass") and child.lower_ in self.lex.modals:
                    return True
                if child.dep_ == "mark" and child.lower_ in ("if", "unless", "lest"):
                    return True
            # "threatened to kill", "a plot to kill": an infinitive under a verb or noun of intent
            wanted = node.dep_ in ("xcomp", "ccomp") or (
                node.dep_ == "acl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in node.children)
            )
            if wanted and (node.head.lemma_.lower() in intent or node.head.lower_ in intent):
                return True
            if (node.dep_ in ("xcomp", "ccomp", "advcl") and any(c.dep_ == "aux" and c.lower_ == "to" for c in node.children)
                    and node.head.lemma_.lower() in self.lex.request_heads):
                return True  # "yelled at them to kill him", "begged him to shoot": asked, not done
            used = node.head
            if (node.dep_ == "xcomp" and used.lower_ == "used" and used.i + 1 < len(used.doc)
                    and used.doc[used.i + 1].lower_ == "to" and any(
                        c.dep_ == "nsubj" and (c.pos_ == "PRON" or self.is_person(c)) for c in used.children)):
                return True  # "I used to kill people": a habit ("the gun used to kill her", "used gas to ...": events)
            if node.dep_ in ("xcomp", "ccomp") and any(c.dep_ == "neg" for c in node.head.children):
                return True  # "don't let him die", "did not want to kill anyone"
            if node.dep_ not in ("xcomp", "conj", "acl", "advcl", "pcomp", "relcl", "ccomp", "oprd"):
                break
            if node.dep_ == "conj" and any(c.dep_ in _SUBJ for c in node.children):
                break  # a coordinated clause with its own subject stands on its own
            node = node.head
        return False

    @staticmethod
    def dated_before(trig: Token, published: str | None) -> bool:
        """The claim's clause carries a date in an earlier year than the story's ("in 2012",
        "summer of 2012", "last year", "years ago")."""
        clause = trig if trig.pos_ in ("VERB", "AUX", "ADJ") else trig.head
        if clause.dep_ == "relcl" and clause.head.ent_type_ == "DATE":
            # "since 2011, when 17 were killed", "in June 2016, where 49 died": a case recalled by its date
            head = clause.head
            ent = _ent_at(trig.doc, head.i)
            years = [int(y) for y in _YEAR_ANY_RE.findall(ent.text)] if ent is not None else []
            if years and max(years) < _story_year(trig.doc, published):
                return True
        for ent in _ents_in(trig.sent):
            if ent.label_ != "DATE" or not (ent.root.head in (clause, trig) or ent.root.head.head in (clause, trig)):
                continue
            text = ent.text.lower()
            if _PAST_RE.search(text):
                return True
            years = [int(y) for y in _YEAR_ANY_RE.findall(text)]
            if years and max(years) < _story_year(trig.doc, published):
                return True
        return False

    def running_total(self, trig: Token) -> bool:
        """A statistic over a period ("13,000 killed since 1980", "64 homicides this year"), not an event."""
        clause = trig.head if trig.pos_ in ("NOUN", "PROPN") and trig.dep_ != "ROOT" else trig
        if clause.pos_ not in ("VERB", "AUX", "ADJ") and clause.head.pos_ in ("VERB", "AUX"):
            clause = clause.head
        for tok in clause.subtree:
            if tok.lower_ in ("annually", "yearly") and tok.head in (clause, trig):
                return True
            if tok.lower_ == "since" and (tok.head in (clause, trig) or tok.head.head in (clause, trig)):
                # "since 1980", "since January", "since the war began": a running total;
                # "since Monday", "since the unrest began on Sunday": the toll of an event still going on
                span_text = " ".join(t.lower_ for t in (tok.subtree if tok.dep_ == "prep" else tok.head.subtree))
                if _YEAR_IN_RE.search(span_text) or any(m in span_text.split() for m in _MONTHS) or any(
                    w in span_text.split() for w in ("war", "conflict", "insurgency", "independence", "records", "coup",
                                     "uprising", "revolution")
                ):
                    return True
            if tok.ent_iob_ == "B" and tok.ent_type_ == "DATE":
                ent = _ent_at(tok.doc, tok.i)
                if ent is not None and _SPAN_RE.search(ent.text.lower()) and "old" not in ent.text.lower():
                    return True
        return False

    def known_plural(self, noun: Token) -> bool:
        """A bare plural with a possessive and no number ("his siblings", "their sons"): a group the
        reader is assumed to know, whose size this phrase does not tell."""
        return (noun.tag_ in ("NNS", "NNPS") and any(c.dep_ == "poss" for c in noun.children)
                and self.quantity_child(noun) is None)

    def implies_death(self, trig: Token) -> bool:
        """A singular noun naming a killing that stands for its event ("the homicide", "charged with
        murder", "a death"), not a modifier ("homicide detectives", "murder charges") nor a fate
        ("sentenced to death")."""
        low = trig.lower_
        if low not in self.lex.implied_deaths or trig.tag_ not in ("NN", "NNP") or trig.dep_ in ("compound", "amod"):
            return False
        nxt = trig.doc[trig.i + 1] if trig.i + 1 < len(trig.doc) else None
        if nxt is not None and nxt.pos_ == "NOUN" and nxt.head is not trig:
            return False  # a compound the parser missed: "murder trial", "homicide unit"
        prv = trig.doc[trig.i - 1] if trig.i > 0 else None
        if prv is not None and prv.lower_ in ("to", "intent"):
            return False  # "assault with intent to murder", "sentenced to death": no one died
        scope = [trig, trig.head, trig.head.head]
        if any(c.lower_ in _EARLIER for t in scope for c in t.children) or _DECADE_RE.search(trig.sent.text):
            return False  # "a prior conviction for murder", "served time for a killing in the 1990s"
        if trig.dep_ in ("dobj", "pobj") and self.hypothetical(trig.head if trig.dep_ == "dobj" else trig.head.head):
            return False  # "conspiracy to commit murder", "a plot to carry out a killing"
        if low in self.lex.implied_with_det:
            return any(c.dep_ == "det" and c.lower_ in ("a", "an", "the", "this", "that") for c in trig.children)
        return True

    def body_found(self, trig: Token) -> bool:
        """A body noun that reports a death: what is found, recovered or lies somewhere."""
        node = trig.head if trig.dep_ != "conj" else trig.head.head
        return node.lemma_.lower() in self.lex.finding_verbs

    def negated(self, trig: Token) -> bool:
        """The outcome itself is denied ("was not injured", "no injuries")."""
        return any(c.dep_ == "neg" or (c.dep_ == "det" and c.lower_ == "no") for c in trig.children)

    def verb_argument(self, trig: Token, outcome: str, phrase: str, depth: int = 0) -> Token | None:
        """The victim phrase of a verb or adjective trigger."""
        kids = list(trig.children)
        subjects = [c for c in kids if c.dep_ in ("nsubj", "nsubjpass", "expl")]
        if len(subjects) > 1:  # "one dead, two hurt": the subject with its own outcome is not this verb's
            subjects = [c for c in subjects if not self.own_predicate(c)] or subjects
        subj = next((c for c in subjects if c.dep_ == "nsubjpass"), None) or next(
            (c for c in subjects if c.dep_ in ("nsubj", "expl")), None
        )
        if subj is not None and subj.dep_ == "expl":
            subj = next((c for c in kids if c.dep_ in ("attr", "dobj")), None)
        passive = any(c.dep_ in _PASSIVE_DEPS for c in kids)
        dobj = next((c for c in kids if c.dep_ in ("dobj", "attr")), None)
        intransitive = phrase in self.lex.intransitive or trig.pos_ in ("ADJ",) or trig.lemma_ in ("die",)
        if intransitive or passive:
            if subj is not None:
                return subj
        elif dobj is not None and _across_bar(trig, dobj):
            nxt = trig.doc[trig.i + 1] if trig.i + 1 < len(trig.doc) else None
            if nxt is not None and nxt.like_num and not _across_bar(trig, nxt):
                return nxt  # "kills one | Sports, Weather": the count before the page's menu
        elif dobj is not None:
            if dobj.lemma_.lower() == "life":  # "claimed the lives of 12 people"
                return self.of_pobj(dobj) or dobj
            return dobj
        elif (
            subj is not None
            and trig.tag_ in ("VBN", "VBD")
            and not any(c.dep_ in ("aux", "ccomp", "xcomp") or c.lower_ == "at" for c in kids)
            and subj.lower_ not in ("police", "he", "she", "they", "who", "i", "we")
            and (trig.tag_ == "VBN" or subj.i == trig.sent.start or trig.sent.text.rstrip()[-1:] not in ".!?")
        ):
            return subj  # reduced passive in headlines: "3 killed in blast", "Man shot", "three others wounded"
        if trig.dep_ in ("acl", "amod") and trig.head.pos_ in ("NOUN", "PROPN", "NUM", "PRON"):
            if subj is not None and subj.dep_ == "nsubj" and trig.tag_ in ("VBD", "VBN"):
                return subj  # "Police: one man shot and killed": a headline clause with its own subject
            return trig.head  # "12 people killed", "wounded soldiers"
        if intransitive or trig.tag_ == "VBN":
            near = self.headline_number(trig)
            if near is not None:
                return near
        if (
            trig.dep_ in ("oprd", "acomp", "xcomp", "ccomp")
            and trig.head.pos_ in ("VERB", "AUX")
            and (trig.pos_ == "ADJ" or trig.tag_ in ("VBN", "JJ"))
        ):
            head = trig.head
            hk = list(head.children)
            deps = ("nsubjpass", "dobj") if trig.dep_ == "ccomp" else ("nsubjpass", "dobj", "nsubj")
            for dep in deps:  # "was shot dead", "left two dead", "are dead", "was found beheaded"
                found = next((c for c in hk if c.dep_ == dep and c is not trig), None)
                if found is not None:
                    return found
        if intransitive and subj is None and (trig.dep_ == "ROOT" or (
                trig.lower_ in ("dies", "died") and trig.dep_ in ("pobj", "conj", "dep", "compound", "dobj", "npadvmod"))):
            # headlines the parser breaks: "Man shot in robbery dies" ("dies" read as a preposition's object)
            near = self.nearest_person_left(trig)
            if near is not None:
                return near  # "X, 16, of Springfield, died": the parser lost the subject in the appositions
        if trig.dep_ == "conj" and subj is not None and dobj is None and (
            self.quantity_child(subj) is not None or self.is_quantity(subj)
        ):
            return subj  # "leaving two dead and at least five others hurt": the conjunct has its own count
        inherit = trig.dep_ == "conj" or (trig.dep_ == "advcl" and trig.head.lower_ in self.trigger_words)
        if inherit and depth < 2 and trig.head.pos_ in ("VERB", "ADJ", "AUX"):
            return self.verb_argument(trig.head, outcome, trig.head.lower_, depth + 1)  # "shot and killed"
        return None

    def noun_argument(self, trig: Token) -> tuple[Token | None, bool, bool]:
        """(victim phrase, supersedes, partitive) of a noun trigger ("12 fatalities", "toll rose to 12")."""
        for child in trig.children:
            if child.dep_ in ("nummod", "quantmod") and not self.is_age(child):
                return child, False, False
        if trig.dep_ == "compound" and trig.lower_ != "death":
            return None, False, False
        pobj = self.of_pobj(trig)
        if pobj is not None:
            return pobj, False, False
        if trig.tag_ == "NN":  # "her child's death", "his murder"
            poss = next((c for c in trig.children if c.dep_ == "poss"), None)
            if poss is not None:
                return poss, False, False
        head = trig.head
        if trig.dep_ == "pobj" and head.lower_ in ("among",):
            verb = head.head
            for c in verb.children:
                if c.dep_ in ("nsubj", "attr", "nsubjpass") and c is not head:
                    return c, False, True
        if trig.dep_ in _SUBJ and head.pos_ in ("VERB", "AUX"):
            rises = head.lemma_.lower() in self.lex.rising or head.lower_ in self.lex.rising
            for c in head.children:
                if c.dep_ == "prep" and c.lower_ in ("to", "at"):
                    pobj = next((g for g in c.children if g.dep_ == "pobj"), None)
                    if pobj is not None:
                        return pobj, rises, False
                if c.dep_ in ("attr", "dobj") and c is not trig:
                    return c, rises, False
            if head.lemma_ in ("include",):
                obj = next((c for c in head.children if c.dep_ == "dobj"), None)
                return obj, False, True
        if trig.dep_ == "dobj" and head.lemma_.lower() in _BRING_VERBS:
            for c in head.children:
                if c.dep_ == "prep" and c.lower_ == "to":
                    pobj = next((g for g in c.children if g.dep_ == "pobj"), None)
                    return pobj, True, False
        if trig.dep_ == "appos" and head.pos_ == "NUM":
            return head, False, False
        return None, False, False

    def condition_argument(self, trig: Token, depth: int = 0) -> Token | None:
        """Who has the injuries: "suffered wounds", "a man with gunshot wounds", "in critical condition"."""
        head = trig.head
        if head.lower_ in ("to", "from", "of") and head.head.lemma_.lower() in ("die", "succumb", "perish"):
            return None  # "succumbed to his injuries", "died of wounds"
        poss = next((c for c in trig.children if c.dep_ == "poss"), None)
        if poss is not None and poss.lower_ not in ("their", "its"):
            return poss  # "his injuries were not life-threatening"
        if trig.dep_ == "dobj" and head.pos_ in ("VERB", "AUX"):
            return self.subject_of(head)
        if trig.dep_ == "pobj":
            governor = head.head
            if head.lower_ in ("to", "from", "of") and governor.lemma_.lower() in ("die", "succumb", "perish"):
                return None  # "succumbed to his injuries", "died of wounds"
            if governor.pos_ == "PRON" and governor.lower_ in ("another", "one"):
                return governor  # "one killed, another with wounds that may prove fatal"
            if governor.pos_ in ("NOUN", "PROPN"):
                if depth == 0 and not self.is_person(governor) and not self.is_name(governor):
                    return self.condition_argument(governor, 1)  # "taken to a hospital for minor injuries"
                return governor
            if governor.pos_ in ("VERB", "AUX"):
                obj = next((c for c in governor.children if c.dep_ == "dobj"), None)
                if obj is not None and (obj.pos_ == "PRON" or obj.pos_ in ("NOUN", "PROPN") and self.is_person(obj)):
                    return obj  # "found a man with gunshot wounds", "found him with a wound"
                return self.subject_of(governor)
        return None

    @staticmethod
    def subject_of(verb: Token) -> Token | None:
        for dep in ("nsubjpass", "nsubj"):
            found = next((c for c in verb.children if c.dep_ == dep), None)
            if found is not None:
                return found
        if verb.dep_ in ("acl", "relcl") and verb.head.pos_ in ("NOUN", "PROPN", "PRON"):
            return verb.head  # "one person suffering injuries"
        if verb.dep_ == "conj":
            return next((c for c in verb.head.children if c.dep_ in _SUBJ), None)
        return None

    def nearest_person_left(self, trig: Token) -> Token | None:
        """The closest name or person noun before the trigger in its sentence, not inside a PP."""
        for tok in reversed(trig.doc[trig.sent.start : trig.i]):
            if tok.dep_ in ("compound", "poss", "pobj") or tok.pos_ not in ("NOUN", "PROPN"):
                continue
            if self.is_person(tok) or self.is_name(tok):
                return tok
        return None

    def headline_number(self, trig: Token) -> Token | None:
        """A number just before the trigger in telegraphic style: "3 dead, 5 hurt", "four injured"."""
        doc = trig.doc
        i = trig.i - 1
        steps = 0
        while i >= 0 and steps < 3:
            tok = doc[i]
            if tok.is_space or tok.is_punct or "\n" in tok.whitespace_:
                return None
            if self.is_quantity(tok) and tok.lower_ not in ("a", "an", "some"):
                return tok
            if tok.pos_ in ("NOUN", "ADJ") and self.vtype(tok) is not None or tok.lower_ in ("more", "others"):
                i -= 1
                steps += 1
                continue
            return None
        return None

    def claims(self, view: Doc, doc: Doc, lex: _Lexicon) -> list[dict]:
        """All casualty facts (dicts) of a Doc, read from its case view."""
        matches = lex.matcher(view, as_spans=True)
        spans = filter_spans(matches)
        facts: list[dict] = []
        heads: list[int] = []  # victim token of each fact, to tie claims about the same people
        used: set[tuple[str, int]] = set()
        people: list[str | None] = []  # the name of the one victim of each fact, if named
        states: list[int] = []  # facts that tell the state of a known victim
        state_nouns: dict[int, str] = {}  # ... named by a definite noun ("the victim"): its lemma
        dead_nouns: set[str] = set()  # lemmas of the nouns naming the dead ("a man was killed")
        past: set[int] = set()  # facts dated in an earlier year ("in 2012", "last summer")
        for span in spans:
            outcome = span.label_
            trig = span.root
            phrase = span.text.lower()
            if outcome == "shot" and trig.pos_ != "VERB":
                continue
            if outcome in ("shot", "injured") and (any(
                c.dep_ == "advmod" and c.lower_ in _FATAL_ADVERBS
                and view[c.i - 1].lower_ not in ("none", "not", "non", "neither")
                for c in trig.children
            ) or any(c.dep_ == "prep" and c.lower_ == "to" and any(g.lower_ == "death" for g in c.children)
                     for c in trig.children)):
                outcome = "killed"  # "was fatally struck", "fatally wounding his brother", "shooting five to death"
            if outcome == "suicide":  # "then turned the gun on himself": the attacker died
                if not self.hypothetical(trig):
                    claim = _Claim(1, 1, 1, None, list(span), span[-1].text, "unknown", perpetrator=True)
                    facts.append(self.fact(doc, view, span, "killed", claim, False, False))
                    heads.append(-1)
                    people.append(None)
                continue
            if outcome == "implicit":  # "a double homicide", "an apparent murder-suicide"
                if not self.hypothetical(trig):
                    kind, n = lex.implicit[" ".join(t.lower_ for t in span).replace(" - ", "-")]
                    claim = _Claim(n, n, n, phrase, list(span), None, "unknown")
                    facts.append(self.fact(doc, view, span, kind, claim, False, False))
                    heads.append(-1)
                    people.append(None)
                continue
            if outcome == "casualties":  # killed or injured: only its denial is informative
                if self.negated(trig) or (trig.i > 0 and view[trig.i - 1].lower_ == "no"):
                    facts.append(self.zero_fact(doc, view, span, "killed"))
                    facts.append(self.zero_fact(doc, view, span, "injured"))
                    heads += [-1, -1]
                    people += [None, None]
                continue
            if self.hypothetical(trig) or self.running_total(trig):
                continue
            if any(c.dep_ == "advmod" and c.lower_ in _COUNTERFACTUAL for c in trig.children):
                continue  # "nearly killed", "possibly killing the trooper"
            if trig.lower_.startswith("surviv") and (
                any(c.dep_ in ("agent", "auxpass") for c in trig.children) or trig.dep_ == "amod"
            ):
                continue  # "she is survived by two sons", "her surviving son": family, not an injury
            if trig.lower_ in lex.body_nouns and not self.body_found(trig):
                continue  # "pain in his body", "escorted her body home": not a report of a death
            if trig.dep_ == "amod" and self.known_plural(trig.head):
                continue  # "her dead cousins", "their wounded sons": people the story knows, not a toll
            if trig.dep_ in ("amod", "compound") and (
                trig.head.lemma_.lower() in lex.perpetrators or (outcome == "shot" and not self.is_person(trig.head))
            ):
                continue  # "the shooting suspect", "a shooting scene": who did it or where, not who was hit
            supersedes = partitive = False
            arg: Token | None = None
            among = trig.dep_ == "pobj" and trig.head.lower_ == "among"
            if among or (trig.pos_ in ("NOUN", "PROPN") and span[-1].pos_ in ("NOUN", "PROPN")):
                if (outcome == "injured" and phrase not in ("injured", "wounded", "dead")) or (
                    outcome == "killed" and ("wound" in phrase or "injur" in phrase)
                ):
                    if any(c.dep_ == "det" and c.lower_ == "no" for c in trig.children):
                        arg = None
                    else:
                        arg = self.condition_argument(trig)
                else:
                    arg, supersedes, partitive = self.noun_argument(trig)
                    if arg is not None and self.known_plural(arg):
                        continue  # "the deaths of her cousins": how many, the story says elsewhere
                if arg is None and self.negated(trig):
                    facts.append(self.zero_fact(doc, view, span, outcome))
                    heads.append(-1)
                    people.append(None)
                    continue
                if outcome == "killed" and (arg is None or not self.count_phrase(arg)) and self.implies_death(trig):
                    # "police are investigating the homicide", "the killing followed a dispute": at least one dead
                    claim = _Claim(1, 1, None, "implied", [trig], None, "unknown")
                    if self.dated_before(trig, doc._.published):
                        past.add(len(facts))
                    facts.append(self.fact(doc, view, span, outcome, claim, False, False))
                    heads.append(-1)
                    people.append(None)
                    continue
            elif trig.lower_ == "fatally" and trig.head.pos_ == "NUM":
                arg = trig.head  # "two were shot, one fatally"
            else:
                arg = self.verb_argument(trig, outcome, phrase)
                for other in span:  # "shot and killed a neighbor": the object hangs off "killed"
                    if arg is None and other is not trig and other.pos_ in ("VERB", "ADJ"):
                        arg = self.verb_argument(other, outcome, phrase)
                if arg is None:
                    arg = self.headline_number(trig)
            found = self.count_phrase(arg) if arg is not None else []
            if arg is not None and not found:
                # the parser's choice names no people ("four killed as gunmen storm village"): try the
                # noun the participle hangs on, then a number just before it
                alt = trig.head if trig.dep_ in ("acl", "amod") and trig.head.i != arg.i else None
                found = self.count_phrase(alt) if alt is not None else []
                if found:
                    arg = alt
                else:
                    arg = self.headline_number(trig) if trig.pos_ in ("VERB", "ADJ") else None
                    found = self.count_phrase(arg) if arg is not None else []
            if arg is None or (outcome, arg.i) in used:
                continue
            used.add((outcome, arg.i))
            negated = self.negated(trig) or (trig.dep_ == "pobj" and trig.head.lower_ == "without")
            for claim in found:
                if negated:
                    claim.low = claim.best = 0
                    claim.high = 0
                    claim.qualifier = "not"
                fact = self.fact(doc, view, span, outcome, claim, supersedes, partitive or claim.partitive)
                if self.dated_before(trig, doc._.published):
                    past.add(len(facts))
                if outcome == "injured" and claim.best == 1 and self.condition_of_known_victim(trig, phrase, claim):
                    states.append(len(facts))
                    head = claim.tokens[-1]
                    if any(c.dep_ == "det" and c.lower_ == "the" for c in head.children):
                        state_nouns[len(facts)] = head.lemma_.lower()
                if outcome == "killed" and claim.best > 0 and not claim.perpetrator:
                    dead_nouns.add(claim.tokens[-1].lemma_.lower())
                facts.append(fact)
                heads.append(claim.head_i)
                people.append(claim.person if (claim.low, claim.best, claim.high) == (1, 1, 1) else None)
        # "a woman who was wounded ... has died": her injury is not an extra injured person.
        dead = {h for f, h in zip(facts, heads) if f["outcome"] == "killed" and f["count_best"] > 0}
        for f, h in zip(facts, heads):
            if f["outcome"] == "injured" and h in dead:
                f["includes_killed"] = True
        # an earlier case the story recalls ("in 2012 a boy was killed at the same corner") is not
        # this event's toll, unless the story reports nothing else (a trial, an anniversary)
        current = {f["outcome"] for i, f in enumerate(facts) if i not in past and f["count_best"] > 0}
        keep = [i for i, f in enumerate(facts) if i not in past or f["outcome"] not in current]
        facts, heads, people = [facts[i] for i in keep], [heads[i] for i in keep], [people[i] for i in keep]
        new_index = {old: n for n, old in enumerate(keep)}
        states = [(new_index[i], state_nouns.get(i)) for i in states if i in new_index]
        named = list(people)  # before pronouns are resolved: who the story itself names
        self.follow_people(facts, people)
        # "the boy was taken to hospital in critical condition, where he died": one of the dead
        dying = {f["sentence"] for f in facts if f["outcome"] == "killed" and f["count_best"] > 0 and not f["perpetrator"]}
        for i, noun in states:
            # "... The victim was taken to a hospital with critical injuries" where a victim is
            # reported dead: the same victim, who may have died since
            if facts[i]["sentence"] in dying or (noun is not None and (noun == "victim" or noun in dead_nouns)):
                facts[i]["includes_killed"] = True
        self.survivors(facts, named, heads, dead, dying, lex)
        return facts

    @staticmethod
    def follow_people(facts: list[dict], people: list[str | None]) -> None:
        """"Reyes was shot ... Reyes is in critical condition ... he died": an injury claim about a
        named person who is reported killed is flagged `includes_killed`, so that reconcile does not
        count them twice. A singular pronoun stands for the person last named in a claim; two names
        that share a word ("Dana Reyes", "Reyes") are one person."""
        order = sorted(range(len(facts)), key=lambda i: facts[i]["char_start"])
        last: str | None = None
        for i in order:
            if people[i]:
                last = people[i]
            elif last and facts[i]["count_best"] == 1 and (facts[i]["victims"] or "").lower() in _SINGULAR_PRONOUNS:
                people[i] = last
        dead: set[str] = set()
        for f, name in zip(facts, people):
            if name and f["outcome"] == "killed" and f["count_best"] > 0 and not f["perpetrator"]:
                dead.update(name.lower().split())
        for f, name in zip(facts, people):
            if name and f["outcome"] == "injured" and f["count_best"] > 0 and dead & set(name.lower().split()):
                f["includes_killed"] = True

    @staticmethod
    def survivors(facts: list[dict], named: list[str | None], heads: list[int], dead: set[int],
                  dying: set[str], lex: _Lexicon) -> None:
        """"His cousin was taken to a hospital with a gunshot wound and is in stable condition", "the
        teen had surgery and is expected to survive": one unnamed victim whose
        wound or shooting comes with a sign of survival in the same sentence is injured, not
        possibly one of the dead (a pronoun there may stand for the victim of that sentence rather
        than the dead person last named). A named victim keeps the link to a later death ("Reyes
        was in stable condition ... Reyes died"), and so does a sentence that tells a death."""
        if lex.survival is None:
            return
        for f, name, h in zip(facts, named, heads):
            if (f["outcome"] == "injured" and f["includes_killed"] and f["count_best"] == 1 and not name
                    and not f["perpetrator"]  # a wounded gunman is counted by the rules for attackers
                    and h not in dead and f["sentence"] not in dying
                    and lex.survival.search(f["sentence"].lower().replace("-", " "))):
                f["includes_killed"] = False

    # ---- facts -------------------------------------------------------------------------------
    @staticmethod
    def _sentence(doc: Doc, view: Doc, tok: Token) -> str:
        sent = view[tok.i].sent
        # A span of the doc, not doc.text: Doc.text rebuilds the whole text on every call.
        return doc[sent.start : sent.end].text.strip()

    def fact(
        self, doc: Doc, view: Doc, span: Span, outcome: str, claim: _Claim, supersedes: bool, partitive: bool
    ) -> dict:
        """A dict valid as CasualtyFact (minus article_id) for one claim."""
        toks = [*claim.tokens, span[0], span[-1]]
        sent = span.sent
        first = max(min(t.i for t in toks), sent.start)
        last = min(max(t.i for t in toks), sent.end - 1)
        start, end = view[first].idx, view[last].idx + len(view[last].text)
        # A gunshot wound, like "was shot", does not say whether the victim survived.
        wound = outcome == "injured" and "wound" in span.text.lower() and span.root.pos_ == "NOUN"
        # "the third victim is in stable condition": three were hit, not three injured;
        # "the fourth man died": one more death in a list, "a fourth man died": four dead
        ordinal = outcome in ("injured", "shot") and claim.qualifier in ("ordinal", "the ordinal")
        if outcome == "killed" and claim.qualifier == "the ordinal":
            claim.low = claim.best = claim.high = 1
        # "his brother was also hit": someone besides the victims told so far, so not one of the dead
        also = any(c.dep_ == "advmod" and c.lower_ == "also" for c in span.root.children)
        shot = (outcome == "shot" or wound or ordinal) and claim.best > 0 and not also
        return {
            "kind": "casualty",
            "text": doc[first : last + 1].text,
            "sentence": self._sentence(doc, view, span.root),
            "char_start": start,
            "char_end": end,
            "outcome": "injured" if outcome == "shot" else outcome,
            "count_low": claim.low,
            "count_best": claim.best,
            "count_high": claim.high,
            "victims": claim.victims,
            "victim_type": claim.victim_type,
            "qualifier": claim.qualifier,
            "supersedes_prior": supersedes,
            "partitive": partitive,
            "perpetrator": claim.perpetrator,
            "includes_killed": shot,
        }

    def zero_fact(self, doc: Doc, view: Doc, span: Span, outcome: str) -> dict:
        """A "no injuries" / "no casualties" claim: zero for the outcome (both for casualties)."""
        start = span.start
        if start > 0 and view[start - 1].lower_ == "no":
            start -= 1
        claim = _Claim(0, 0, 0, "none", [view[start]], None, "unknown")
        return self.fact(doc, view, span, outcome, claim, False, False)


@Language.factory("newsevents_casualties", default_config={"models_dir": ""})
def make_component(nlp: Language, name: str, models_dir: str):
    """Build the component; its data files are read once from `models_dir`."""
    lex = load_lexicon(nlp, models_dir)
    extractor = _Extractor(lex)
    english = english_words(nlp)

    def component(doc: Doc) -> Doc:
        # Contract: a list of dicts, each valid as pipeline.schemas.CasualtyFact without article_id.
        view = _case_view(doc, nlp, english, lex.matcher)
        doc._.ne_casualties = extractor.claims(view, doc, lex)
        return doc

    return component


# ---- reconcile ---------------------------------------------------------------------------------
# Protesters and rioters are the same crowd named by different sources ("protesters" vs
# "attackers"), so they are one group when claims are compared.
_GROUP = {"rioters": "protesters"}
# Victim words that say nothing of who the victims were: such a count is a total, like an untyped one.
_GENERIC_VICTIMS = {"people", "persons", "person", "victims", "others", "other people"}


def _group_total(claims: list[CasualtyFact]) -> tuple[int, int, int | None] | None:
    """One victim group: the latest superseding claim replaces earlier ones; then the highest
    credible (best) report wins, with its interval."""
    if not claims:
        return None
    claims = sorted(claims, key=lambda f: f.char_start)
    last_sup = max((i for i, f in enumerate(claims) if f.supersedes_prior), default=None)
    if last_sup is not None:
        claims = claims[last_sup:]
    top = max(claims, key=lambda f: (f.count_best, f.count_high is None, f.count_high or 0))
    return top.count_low, top.count_best, top.count_high


def _add(a: tuple[int, int, int | None], b: tuple[int, int, int | None]) -> tuple[int, int, int | None]:
    high = None if a[2] is None or b[2] is None else a[2] + b[2]
    return a[0] + b[0], a[1] + b[1], high


def _outcome_total(claims: list[CasualtyFact]) -> tuple[int, int, int | None] | None:
    """Reconciled interval of one outcome's claims (see `reconcile`)."""
    if not claims:
        return None
    claims = sorted(claims, key=lambda f: f.char_start)
    # An untyped toll update ("the death toll rose to 12") replaces every earlier claim.
    last_sup = max((i for i, f in enumerate(claims) if f.supersedes_prior and f.victim_type == "unknown"),
                   default=None)
    if last_sup is not None:
        claims = claims[last_sup:]
    whole = [f for f in claims if not f.partitive]
    groups: dict[tuple[str, bool], list[CasualtyFact]] = {}
    untyped: list[CasualtyFact] = []
    for f in whole:
        if (f.victim_type == "unknown" or (f.victims or "").lower() in _GENERIC_VICTIMS) and not f.perpetrator:
            untyped.append(f)  # "three people are dead": a total, whoever they were
        else:
            key = (_GROUP.get(f.victim_type, f.victim_type), f.perpetrator)
            groups.setdefault(key, []).append(f)
    total: tuple[int, int, int | None] | None = None
    for (_, perp), group in sorted(groups.items(), key=lambda kv: kv[0][1]):
        g = _group_total(group)
        if g is None:
            continue
        if perp and total is not None and total[1] < 2 and g[1] <= 1:
            # one victim and one attacker dead: often one person twice ("she shot herself ... the
            # woman was found dead"), so they add only when a murder-suicide or a toll says so
            total = max(total, g, key=lambda t: t[1])
            continue
        total = g if total is None else _add(total, g)
    loose = _group_total(untyped)
    if loose is not None and (total is None or loose[1] > total[1]):
        total = loose  # an untyped count is a total that may include the typed ones
    parts = _group_total([f for f in claims if f.partitive])
    if parts is not None and (total is None or parts[1] > total[1]):
        total = parts  # "one of the officers" only sets a floor
    return total


def reconcile(facts: list[CasualtyFact]) -> dict[str, object]:
    """Event columns (killed_low/best/high, injured_*, arrested_*, fatalities) reconciled from the
    casualty claims of one event.

    Policy, per outcome:
    - claims are grouped by victim type (protesters and rioters are one group; perpetrators,
      "the gunman was killed", are a group of their own);
    - within a group the latest superseding claim ("the death toll rose to 12") replaces the
      earlier ones, then the highest credible report (highest best) is taken with its interval,
      so a restated or earlier lower figure ("at least eight officers" next to "12 officers") never
      adds;
    - different groups add up (12 officers + dozens of attackers); intervals add: low of lows,
      best of bests, high None when any is unbounded;
    - an untyped count ("three were killed"), or one of words that say nothing of who the victims
      were ("three people are dead", "four victims"), is a total that may include the typed ones:
      the result is the larger of it and the sum of the typed groups;
    - a dead attacker ("killed himself", "turned the gun on himself") adds to his victims, except
      that one attacker and one victim are not added (a story often names the same dead person
      both ways: "she shot her son, then herself ... a woman was found dead");
    - partitive claims ("one of the officers", "including two children") never add; they only
      set a floor;
    - injured: claims that someone was shot without saying whether they died (`includes_killed`)
      count as injured after removing the killed ("three were shot, one fatally" = 1 killed,
      2 injured); explicit injured claims win when larger;
    - an outcome with no claim is None (not reported), an outcome with only zero claims
      ("no one was hurt") is 0.

    On the seed this gives killed 24 (12 officers + dozens of attackers = 12) and injured 353.
    """
    by_outcome: dict[str, list[CasualtyFact]] = {"killed": [], "injured": [], "arrested": [], "shot": []}
    for f in facts:
        if f.outcome == "injured" and f.includes_killed:
            by_outcome["shot"].append(f)
        elif f.outcome in by_outcome:
            by_outcome[f.outcome].append(f)
    totals = {k: _outcome_total(v) for k, v in by_outcome.items()}
    wounded: tuple[int, int, int | None] | None = None
    for perp in (False, True):  # a gunman who shot himself dead is not one of the victims shot
        shot = _outcome_total([f for f in by_outcome["shot"] if f.perpetrator == perp])
        if shot is None:
            continue
        killed = _outcome_total([f for f in by_outcome["killed"] if f.perpetrator == perp])
        k = killed[1] if killed else 0
        part = (max(shot[0] - k, 0), max(shot[1] - k, 0), None if shot[2] is None else max(shot[2] - k, 0))
        wounded = part if wounded is None else _add(wounded, part)
    if wounded is not None:
        injured = totals["injured"]
        if injured is None or wounded[1] > injured[1]:
            totals["injured"] = wounded
    out: dict[str, object] = {}
    for outcome in ("killed", "injured", "arrested"):
        t = totals[outcome]
        out[f"{outcome}_low"], out[f"{outcome}_best"], out[f"{outcome}_high"] = t if t else (None, None, None)
    out["fatalities"] = out["killed_best"]
    return out
