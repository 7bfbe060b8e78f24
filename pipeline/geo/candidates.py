"""Candidate place mentions: NER spans and capitalised token n-grams that exactly match the
gazetteer, with the filters that keep streets, people, outlets and acronyms out."""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span

from pipeline.anatomy import dateline_match
from pipeline.geo.cues import Cues
from pipeline.geo.index import CITY
from pipeline.geo.keys import norm
from pipeline.geo.state import Mention
from pipeline.geo.tables import Gazetteer
from pipeline.geo.words import (ADMIN_HEADS, BUILDING_WORDS, CROSSING_WORDS, DIRECTIONS, IN_WORDS, ORDINAL,
                                ORDINAL_WORDS, STREET_WORDS, TOWN_TAILS)

_MAX_NGRAM = 5
# Acronyms and call signs ("MO", "KENS") this short are no towns in lower-case text.
_ACRONYM_MAX = 4
# How far after a name a street's head word may come ("Lake Shore Drive").
_STREET_REACH = 3
# The words that join two streets' names before their shared head ("Oak and Elm streets").
_CROSSING_JOINS = ("and", "&")
_ORDINAL_TOKEN = re.compile(rf"^{ORDINAL}$", re.IGNORECASE)
# Dashes that join an ordinal to what it ranks ("3rd-ranked").
_JOINING_DASHES = ("-", "\u2013")
_PLACE_LABELS = ("GPE", "LOC")
_ENTITY_LABELS = ("GPE", "LOC", "FAC", "ORG", "PERSON", "NORP")
# Entities a capitalised n-gram may only be a piece of when it is a place's agency or outlet.
_NAME_LABELS = ("ORG", "PERSON", "NORP", "WORK_OF_ART", "PRODUCT", "EVENT", "LAW", "FAC")


def capitalised(tok_text: str, upper: bool) -> bool:
    """Whether a token is written as a name (all capitals in wire copy)."""
    if not tok_text[:1].isalpha():
        return False
    return tok_text[0].isupper() if not upper else not any(c.islower() for c in tok_text)


def street_after(gaz: Gazetteer, doc: Doc, end: int, upper: bool) -> bool:
    """Whether the name ending at token `end` begins a street's or a building's name: a head
    word follows, directly or after one or two more capitalised words ("Lake Shore Drive")."""
    for j in range(end, min(end + _STREET_REACH, len(doc))):
        tok = doc[j]
        if not (upper or tok.text[:1].isupper()):
            return False
        if norm(tok.text) in gaz.words.not_place_heads:
            return True
    return False


def _plural_street(text: str) -> bool:
    """Whether a word is the plural of a head that ends only streets' names ("avenues"; not
    "roads" nor "schools": "Ohio and Kentucky roads" are the states' roads)."""
    word = norm(text)
    return word.endswith("s") and word[:-1] in STREET_WORDS


def _word_before(doc: Doc, k: int) -> int:
    """The index of the last token before `k` that is no line break or space (-1: none)."""
    k -= 1
    while k >= 0 and doc[k].is_space:
        k -= 1
    return k


def _word_after(doc: Doc, k: int) -> int:
    """The index of the first token after `k` that is no line break or space (len(doc): none)."""
    k += 1
    while k < len(doc) and doc[k].is_space:
        k += 1
    return k


def _numbered_street(doc: Doc, k: int) -> bool:
    """Whether token `k` is a street's number written as an ordinal ("87th", "Fifth"): not one
    that ranks or names something after it ("3rd-ranked", "2nd Battalion"), unless that is a
    street's head ("5th Street"); spelled out, it is capitalised as a street's name is."""
    text = doc[k].text
    if _ORDINAL_TOKEN.match(text) is None and not (text[:1].isupper() and text.lower() in ORDINAL_WORDS):
        return False
    after = k + 1
    if after == len(doc):
        return True
    word = doc[after].text
    if word in _JOINING_DASHES:
        return False
    # "and" of "87th and Dayton" is no name, even in wire copy's capitals ("87TH AND DAYTON").
    return not word[:1].isupper() or word.lower() in _CROSSING_JOINS or norm(word) in STREET_WORDS


def _beside_numbered_street(doc: Doc, start: int, end: int) -> bool:
    """Whether the name `doc[start:end]` and a numbered street are a crossing told without a head,
    after a crossing's word: "at 87th and Dayton", "at West 87th and Dayton", "near Dayton and
    Fifth". No town is joined to an ordinal by "and" ("finished 5th and Dayton 6th" has no
    crossing word before it)."""
    before = _word_before(doc, start)
    if before >= 0 and doc[before].lower_ in _CROSSING_JOINS:
        number = _word_before(doc, before)
        crossing = _word_before(doc, number) if number >= 0 else -1
        if crossing >= 0 and doc[crossing].lower_.rstrip(".") in DIRECTIONS:
            crossing = _word_before(doc, crossing)  # "at West 87th and Dayton"
        if number >= 0 and _numbered_street(doc, number) and crossing >= 0 and \
                doc[crossing].lower_ in CROSSING_WORDS:
            return True
    join = _word_after(doc, end - 1)
    number = _word_after(doc, join)
    return (number < len(doc) and doc[join].lower_ in _CROSSING_JOINS and _numbered_street(doc, number)
            and before >= 0 and doc[before].lower_ in CROSSING_WORDS)


def at_crossing(doc: Doc, start: int, end: int, upper: bool) -> bool:
    """Whether the name `doc[start:end]` is one of two streets told with a shared plural head, the
    way a crossing is told ("at Linden and Maple avenues", "the corner of 5th and Maple
    streets"): after a crossing's word (`CROSSING_WORDS`) and before "and", another street's
    name and the head, or after such a word, a name and "and", right before the head; or one
    of a crossing with a numbered street, told without a head (`_beside_numbered_street`). Two
    towns before a plural head ("spread to Dayton and Toledo streets") or a town before one
    alone ("on Dayton streets") stay places. Line breaks between the words are skipped (wire
    copy)."""
    if _beside_numbered_street(doc, start, end):
        return True
    def street_name(k: int) -> bool:  # a capitalised word or a number ("5th"), no head nor "AT"
        return 0 <= k < len(doc) and not _plural_street(doc[k].text) and (
            doc[k].lower_ not in CROSSING_WORDS) and (
            capitalised(doc[k].text, upper) or doc[k].text[:1].isdigit())

    def after_crossing_word(k: int) -> bool:  # a name ends before token k, after such a word
        first, steps = _word_before(doc, k), 0  # "at the East Dayton and ...": "the" skipped
        while first >= 0 and steps < _STREET_REACH + 1 and (street_name(first) or doc[first].lower_ == "the"):
            first, steps = _word_before(doc, first), steps + 1
        return steps > 0 and first >= 0 and doc[first].lower_ in CROSSING_WORDS

    k = end
    while k < len(doc) and doc[k].is_space:
        k += 1
    if k == len(doc) or not (doc[k].lower_ in _CROSSING_JOINS or _plural_street(doc[k].text)):
        return False  # most names are followed by neither (this runs for every candidate)
    words: list[int] = []  # the next words, line breaks skipped
    while k < len(doc) and len(words) < _STREET_REACH + 2:
        if not doc[k].is_space:
            words.append(k)
        k += 1
    if words and doc[words[0]].lower_ in _CROSSING_JOINS:
        names = 0
        while 1 + names < len(words) and street_name(words[1 + names]) and names < _STREET_REACH:
            names += 1
        return (names > 0 and 1 + names < len(words) and _plural_street(doc[words[1 + names]].text)
                and after_crossing_word(end))
    join = _word_before(doc, start)
    return (bool(words) and _plural_street(doc[words[0]].text) and join >= 0
            and doc[join].lower_ in _CROSSING_JOINS and after_crossing_word(join))


def person_like(gaz: Gazetteer, before: list[str], key: str) -> bool:
    """Whether a town's name after other capitalised words of one entity reads as a
    surname: the words before are no place, no part of one ("South", "Greater"), and the
    name is only a town's (never a country's or a division's)."""
    words = gaz.words
    if not all(w[:1].isupper() and w.lower() not in words.part_prefix and w.lower() not in
               words.connectors and w.isalpha() for w in before):
        return False
    if gaz.may_match(norm(" ".join(before))):
        return False
    ids = gaz.lookup(key)
    return bool(ids) and all(gaz.kind(i) == CITY for i in ids)


class _Finder:
    """The search of one Doc (or headline): the tokens taken so far and the mentions found."""

    def __init__(self, gaz: Gazetteer, cues: Cues, doc: Doc, upper: bool, text: str) -> None:
        self.gaz, self.cues, self.doc, self.upper, self.text = gaz, cues, doc, upper, text
        self.dateline = dateline_match(text)
        self.dl_start, self.dl_end = self.dateline.span("place") if self.dateline else (-1, -1)
        self.taken = [False] * len(doc)
        self.out: list[Mention] = []

    def take(self, start: int, end: int, label: str | None, part: bool = False) -> bool:
        """Keep `doc[start:end]` as a mention when the gazetteer knows it as a place."""
        doc, gaz, upper = self.doc, self.gaz, self.upper
        span = doc[start:end]
        key = norm(span.text)
        if key in gaz.outlet_names:
            return False
        if not upper and end - start == 1 and span.text.isupper() and \
                len(span.text) <= _ACRONYM_MAX and key not in gaz.country_alias and \
                not (self.dl_start <= span.start_char < self.dl_end):
            return False  # acronyms and call signs ("MO", "KENS") are not towns; datelines are
        if key.rsplit(" ", 1)[-1] in STREET_WORDS and end - start > 1:
            return False  # "Second Street": GeoNames lists a few streets as places
        ids = gaz.lookup(key, span.text, upper)
        if ids and not (end < len(doc) and doc[end].lower_ in ADMIN_HEADS):
            # "Rivers", "Centre", "Delta": divisions named by English words need their
            # "state" or "region" to be read as one.
            ids = tuple(i for i in ids if not gaz.word_division(i, key))
        if not ids:
            return False
        self.out.append(Mention(start, end, span.text, key, ids, label, part=part))
        for i in range(start, end):
            self.taken[i] = True
        return True

    # ---- NER spans --------------------------------------------------------------------------
    def entity(self, ent: Span) -> None:
        """Match an entity of a place-like label, trimmed of its article and possessive."""
        doc, upper = self.doc, self.upper
        start, end = ent.start, ent.end
        while start < end and doc[start].lower_ in ("the", "'s"):
            start += 1
        if start < end and not upper and not doc[start].text[:1].isupper():
            return  # "jersey", "the state": a lower-case word is not a name
        if start > 0 and doc[start - 1].text[:1].isupper() and not self.taken[start - 1] and \
                doc[start - 1].ent_type_ == "" and self.take(start - 1, end, ent.label_):
            return  # the NER left "New" out of "New Mexico"
        while end > start and doc[end - 1].text in ("'s", "\u2019s", "'", ".", ","):
            end -= 1
        if not upper and (street_after(self.gaz, doc, end, upper) or
                          at_crossing(doc, start, end, upper)):
            return  # "Turkey Farm", "Georgia Avenue": the name of something else
        if start < end and self._longer_name(start, end, ent.label_):
            return  # the NER cut "Lincoln" out of "Lincoln County Sheriff John Smith"
        if start < end and not self.take(start, end, ent.label_) and ent.label_ in _PLACE_LABELS:
            self._place_entity_parts(start, end, ent.label_)

    def _longer_name(self, start: int, end: int, label: str) -> bool:
        """Take the entity with the capitalised words after it that no entity holds, when the
        gazetteer knows the longer name ("Lincoln County", the NER's ORG "Lincoln" and the word
        "County"), longest first, without the NER's label (it labelled another span). A place
        the NER found whole grows only into a division or a town's last word ("Lincoln County",
        "Iowa City"): "Dallas City Hall" is a building of Dallas, not Dallas City, Illinois.
        False: no longer name."""
        doc = self.doc
        stop = end
        while stop < len(doc) and stop - start < _MAX_NGRAM and doc[stop].ent_type_ == "" \
                and capitalised(doc[stop].text, self.upper):
            stop += 1
        place = label in _PLACE_LABELS
        return any(self.take(start, k, None) for k in range(stop, end, -1)
                   if not place or self._grows_into_a_place(k))

    def _grows_into_a_place(self, k: int) -> bool:
        """Whether a place entity may grow up to token k: into a division ("Lincoln County"), or
        a town's last word ("Iowa City") that names no building ("Dallas City Hall")."""
        doc = self.doc
        last = doc[k - 1].lower_
        building = k < len(doc) and doc[k].lower_ in BUILDING_WORDS
        return last in ADMIN_HEADS or (last in TOWN_TAILS and not building)

    def _place_entity_parts(self, start: int, end: int, label: str) -> None:
        """A place entity the gazetteer does not know whole: a part of a place ("Southwest
        Philadelphia"), "York City", or its comma-separated parts ("Springfield, Ill.")."""
        doc = self.doc
        if doc[start].lower_ in self.gaz.words.part_prefix and self.take(start + 1, end, label, True):
            return
        if end - start > 1 and doc[end - 1].lower_ == "city" and self.take(start, end - 1, label):
            return  # "York City", "Carson City" is matched whole above
        s = start
        for i in range(start, end + 1):
            if i == end or doc[i].text == ",":
                if s < i:
                    self.take(s, i, label)
                s = i + 1

    # ---- capitalised n-grams ----------------------------------------------------------------
    def ngrams(self, ent_of: dict[int, Span]) -> None:
        """Capitalised n-grams outside other entities (never a piece of an ORG or PERSON
        name), longest first at each token."""
        doc, gaz = self.doc, self.gaz
        # Token attributes are read once: the loop below looks at each token many times.
        n = len(doc)
        words = [t.text for t in doc]
        self.spaced = [t.text_with_ws for t in doc]
        caps = [capitalised(w, self.upper) for w in words]
        connectors = gaz.words.connectors
        joins = [c or w.lower() in connectors or w in "-.'" for c, w in zip(caps, words)]
        i = 0
        while i < n:
            if self.taken[i] or not caps[i] or not gaz.may_start(norm(words[i])):
                i += 1
                continue
            for size in range(min(_MAX_NGRAM, n - i), 0, -1):
                end = i + size
                if not caps[end - 1] or any(self.taken[i:end]) or not all(joins[i:end]):
                    continue
                if self._ngram(i, end, ent_of.get(i), words):
                    i = end
                    break
            else:
                i += 1

    def _ngram_label(self, i: int, end: int, ent: Span | None, words: list[str]
                     ) -> tuple[bool, str | None, bool, bool]:
        """Whether `doc[i:end]` may be a place given the entity over its first token, and its
        label, whether it heads an outlet's name, whether an agency's."""
        doc, gaz, upper = self.doc, self.gaz, self.upper
        n = len(doc)
        outlet = end < n and not upper and norm(doc[end].text) in gaz.outlet_heads and \
            doc[end].text[:1].isupper()
        if upper:
            # The NER reads capitals as names of anything ("GUATEMALA ON" as an ORG): only its
            # place labels are worth keeping.
            return True, ent.label_ if ent is not None and ent.label_ in _PLACE_LABELS else None, \
                outlet, False
        if ent is not None and ent.label_ in _NAME_LABELS:
            lead = doc[ent.start:i].text.lower() in ("", "the")
            agency = ent.label_ == "ORG" and lead and end < ent.end and \
                any(t.lower_ in gaz.words.agency_words for t in doc[end:ent.end])
            outlet = outlet or (ent.label_ != "PERSON" and lead and end < ent.end and not upper
                                and any(norm(t.text) in gaz.outlet_heads for t in doc[end:ent.end]))
            if not (ent.start == i and ent.end == end) and not agency and not outlet \
                    and not (end < n and doc[end].text == "," and self.cues.qual.match(
                        self.text, doc[end - 1].idx + len(doc[end - 1].text))):
                return False, None, outlet, agency  # a piece of a name, unless "Lima, OH"
            return True, ent.label_ if not agency else None, outlet, agency
        if ent is not None and ent.label_ in _PLACE_LABELS:
            if end - i == 1 and ent.start < i and end == ent.end and \
                    person_like(gaz, words[ent.start:i], norm(words[i])):
                return False, None, outlet, False  # "Melky Rodriguez": a first name, a surname
            return True, ent.label_, outlet, False  # a place inside a longer place entity
        return True, None, outlet, False

    def _ngram(self, i: int, end: int, ent: Span | None, words: list[str]) -> bool:
        """Try `doc[i:end]` as a place; True when its tokens are used up (as a place, or as a
        piece of a street's name)."""
        doc, gaz, upper = self.doc, self.gaz, self.upper
        if not gaz.may_match(norm("".join(self.spaced[i:end]))):
            return False  # no name of the gazetteer: nothing below could use it
        ok, label, outlet, _ = self._ngram_label(i, end, ent, words)
        if not ok:
            return False
        if outlet:
            # "The Augusta Chronicle": the outlet's home town, where it reports from.
            if self.take(i, end, None):
                self.out[-1].outlet = True
                self.out[-1].role = "report"
                return True
            return False
        if street_after(gaz, doc, end, upper) or at_crossing(doc, i, end, upper):
            # "Ashland Avenue", "North Lake Shore Drive", "Oak and Elm streets": the name
            # belongs to a street, and so do its parts ("San" of "San Antonio Street").
            return bool(gaz.lookup(norm(doc[i:end].text), doc[i:end].text, upper))
        if end - i == 1 and end < len(doc) and doc[end].text[:1].isupper() and \
                doc[i].lower_.rstrip(".") in gaz.words.fragments:
            return False
        if self.take(i, end, label):
            if ent is not None and ent.label_ == "ORG" and not upper:
                self.out[-1].cue = self.out[-1].agency = True
            return True
        return False

    # ---- a dateline glued to the text before it ---------------------------------------------
    def glued_dateline(self) -> None:
        """A dateline glued to the text before it ("sideDETROIT"): its tokens hold more than
        the place, so the mention keeps the place's own characters."""
        m, doc = self.dateline, self.doc
        if not m or doc.char_span(self.dl_start, self.dl_end) is not None:
            return
        span = doc.char_span(self.dl_start, self.dl_end, alignment_mode="expand")
        key = norm(m.group("place"))
        ids = self.gaz.lookup(key, m.group("place"), self.upper) if span is not None else ()
        if ids:
            # It replaces what the n-grams found inside it ("GROVE" of "59BEECH GROVE").
            self.out = [o for o in self.out if o.end <= span.start or o.start >= span.end]
            self.out.append(Mention(span.start, span.end, m.group("place"), key, ids, None,
                                    role="report", chars=(self.dl_start, self.dl_end)))


def _usable_entities(doc: Doc) -> list[Span]:
    """The NER spans that may constrain the n-grams: an entity across a line break is the NER
    reading a headline into the next line, and "in E. Houston" is no person."""
    return [ent for ent in doc.ents if "\n" not in ent.text and not (
        ent.label_ in ("PERSON", "ORG") and ent.start > 0 and doc[ent.start - 1].lower_ in IN_WORDS)]


def candidates(gaz: Gazetteer, cues: Cues, doc: Doc, upper: bool, text: str) -> list[Mention]:
    """NER spans and capitalised n-grams of `doc` (whose text is `text`; `upper`: wire copy in
    capitals) that exactly match the gazetteer, in text order."""
    finder = _Finder(gaz, cues, doc, upper, text)
    ents = _usable_entities(doc)
    ent_of: dict[int, Span] = {}
    for ent in ents:
        for i in range(ent.start, ent.end):
            ent_of[i] = ent
    for ent in ents:
        if ent.label_ in _ENTITY_LABELS:
            finder.entity(ent)
    finder.ngrams(ent_of)
    finder.glued_dateline()
    out = finder.out
    out.sort(key=lambda m: m.start)
    return out
