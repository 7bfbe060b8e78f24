"""Story-level links: the claims of one Doc read together. A named victim is followed from claim
to claim (and "he"/"she" stands for the victim last named): someone reported shot or in critical
condition who is later reported dead is flagged `includes_killed`, so that `reconcile` counts them
once, as killed; a case the story recalls from an earlier year gives way to the story's own toll;
one unnamed victim who survived keeps their injury."""

from __future__ import annotations

from pipeline.casualties.claim import ClaimRecord
from pipeline.casualties.grammar import SINGULAR_PRONOUNS
from pipeline.casualties.lexicon import Lexicon
from pipeline.casualties.policy import same_people
from pipeline.numbers import parse_number

# The wholes of a partitive that stand for the people just told ("one of them", "one of whom").
_BACK_PRONOUNS = frozenset({"them", "whom", "those", "which"})


def _killed(fact: dict) -> bool:
    """A fact that reports at least one death."""
    return fact["outcome"] == "killed" and fact["count_best"] > 0


def link_story(lex: Lexicon, records: list[ClaimRecord], dead_nouns: set[str]) -> list[dict]:
    """The facts of a Doc's claim records, linked across the story (see the module docstring).
    `dead_nouns` holds the lemmas of the nouns naming the dead ("a man was killed")."""
    # "a woman who was wounded ... has died": her injury is not an extra injured person.
    dead = {r.head for r in records if _killed(r.fact)}
    for r in records:
        if r.fact["outcome"] == "injured" and r.head in dead:
            r.fact["includes_killed"] = True
    records = drop_recalled(records)
    follow_people(records)
    # "the boy was taken to hospital in critical condition, where he died": one of the dead
    dying = {r.fact["sentence"] for r in records if _killed(r.fact) and not r.fact["perpetrator"]}
    for r in records:
        if not r.state:
            continue
        noun = r.state_noun
        # "... The victim was taken to a hospital with critical injuries" where a victim is
        # reported dead: the same victim, who may have died since
        if r.fact["sentence"] in dying or (noun is not None and (noun == "victim" or noun in dead_nouns)):
            r.fact["includes_killed"] = True
    survivors(lex, records, dead, dying)
    others_who_died(records)
    additions(records, lex.added_words)
    return [r.fact for r in records]


def others_who_died(records: list[ClaimRecord]) -> None:
    """Wounded told as others beside the dead ("two others were shot") are the dead counted
    again after all when the same or the next sentence tells deaths among people already
    counted ("one of them fatally", "one of the two died on Tuesday"): flag `includes_killed`.
    When those deaths are one of the others themselves ("of them", "of whom", "one of the two"
    after "two others") and the dead were told before the others, both claims are flagged
    `among_others`: the dead among the others add to the dead told before ("one man was killed
    and three others were shot, one of them fatally": two dead, two wounded)."""
    sentences = list(dict.fromkeys(r.fact["sentence"] for r in sorted(records, key=lambda r: r.fact["char_start"])))
    for r in records:
        if not r.others:  # set on injured claims only
            continue
        own = sentences.index(r.fact["sentence"])
        near = set(sentences[own : own + 2])
        deaths = [k for k in records if k.back and _killed(k.fact) and k.fact["char_start"] > r.fact["char_start"]
                  and k.fact["sentence"] in near]
        if not deaths:
            continue
        r.fact["includes_killed"] = True
        among = [k for k in deaths if _one_of(k, r.fact["count_best"])]
        if among and any(_killed(d.fact) and not d.back and not d.fact["perpetrator"]
                         and d.fact["char_start"] < r.fact["char_start"] for d in records):
            for k in (r, *among):
                k.fact["among_others"] = True


def _told_again(words: frozenset[str], last: dict, fact: dict) -> bool:
    """Whether a claim of added victims tells again the last claim of its outcome: as many,
    told with an added word too, that was itself added to nothing ("one man is dead and two
    others injured ... two other people were injured"; a headline's "another suspect" told
    again in the story). "A man was shot ... another man ... another man" is three."""
    told = set((last["victims"] or "").lower().split())
    return last["count_best"] == fact["count_best"] and not told.isdisjoint(words) and not last["adds"]


def additions(records: list[ClaimRecord], words: frozenset[str]) -> None:
    """Victims told as beside people just told (`ClaimRecord.added`: "two suspects were
    arrested ... two more were taken into custody") add to them (`adds`) when those were told
    with the same outcome: the nearest claim before them, when it is in their sentence, or else
    its sentence, tells some of that outcome. After "three people were shot ... one man died",
    "two others were wounded" are beside the dead, among the people shot; after "five soldiers
    were killed and eight wounded", "two more soldiers were killed" add to the dead. Not a death
    among others nor a claim that may hold the dead (`among_others`, `includes_killed`); not
    the same people told by a second word ("another man was shot and wounded"); not added
    people told again (`_told_again`: "Police arrest another suspect" above "police have
    arrested another suspect", a headline told again); not people not counted ("other people
    were hit"). Claims of arrests and of harm are of different people (`same_people`): "a
    driver was shot" between two arrests is none of the arrested. `words`: the added words
    ("another", "others", ...)."""
    told: list[ClaimRecord] = []
    heads: set[int] = set()
    for r in sorted(records, key=lambda r: r.fact["char_start"]):
        f = r.fact
        exact = f["count_low"] == f["count_high"]  # "other people were hit": how many, not told
        kin = [k for k in told if same_people(k.fact, f)] if r.added else []
        if exact and kin and not (f["includes_killed"] or f["among_others"]) and r.head not in heads:
            near = kin[-1].fact
            last = next((k for k in reversed(kin) if k.fact["outcome"] == f["outcome"]), None)
            # in their own sentence, beside the claim just before them ("a man was killed and five
            # others were injured", after a headline of the injured run into it)
            f["adds"] = (last is not None and not _told_again(words, last.fact, f) and (
                near["outcome"] == f["outcome"] if near["sentence"] == f["sentence"] else any(
                    k.fact["sentence"] == near["sentence"] and k.fact["outcome"] == f["outcome"] for k in kin)))
        if r.added:
            heads.add(r.head)
        if f["count_best"] > 0:
            told.append(r)


def _one_of(record: ClaimRecord, others: int) -> bool:
    """Whether a partitive's dead are one of the others just told: its whole is a pronoun
    ("one of them", "one of whom") or the others' own number ("one of the two" after "two
    others"); "one of the victims" may be one of everyone."""
    whole = record.whole
    return whole is not None and (whole in _BACK_PRONOUNS or parse_number(whole) == others)


def drop_recalled(records: list[ClaimRecord]) -> list[ClaimRecord]:
    """An earlier case the story recalls ("in 2012 a boy was killed at the same corner") is not
    this event's toll, unless the story reports nothing else (a trial, an anniversary)."""
    current = {r.fact["outcome"] for r in records if not r.past and r.fact["count_best"] > 0}
    return [r for r in records if not r.past or r.fact["outcome"] not in current]


def follow_people(records: list[ClaimRecord]) -> None:
    """"Reyes was shot ... Reyes is in critical condition ... he died": an injury claim about a
    named person who is reported killed is flagged `includes_killed`, so that reconcile does not
    count them twice. A singular pronoun stands for the person last named in a claim; two names
    that share a word ("Dana Reyes", "Reyes") are one person."""
    people = [r.person for r in records]
    facts = [r.fact for r in records]
    order = sorted(range(len(facts)), key=lambda i: facts[i]["char_start"])
    last: str | None = None
    for i in order:
        if people[i]:
            last = people[i]
        elif last and facts[i]["count_best"] == 1 and (facts[i]["victims"] or "").lower() in SINGULAR_PRONOUNS:
            people[i] = last
    dead: set[str] = set()
    for f, name in zip(facts, people):
        if name and _killed(f) and not f["perpetrator"]:
            dead.update(name.lower().split())
    for f, name in zip(facts, people):
        if name and f["outcome"] == "injured" and f["count_best"] > 0 and dead & set(name.lower().split()):
            f["includes_killed"] = True


def survivors(lex: Lexicon, records: list[ClaimRecord], dead: set[int], dying: set[str]) -> None:
    """"His cousin was taken to a hospital with a gunshot wound and is in stable condition", "the
    teen had surgery and is expected to survive": one unnamed victim whose
    wound or shooting comes with a sign of survival in the same sentence is injured, not
    possibly one of the dead (a pronoun there may stand for the victim of that sentence rather
    than the dead person last named). A named victim keeps the link to a later death ("Reyes
    was in stable condition ... Reyes died"), and so does a sentence that tells a death."""
    if lex.survival is None:
        return
    for r in records:
        f = r.fact
        if (f["outcome"] == "injured" and f["includes_killed"] and f["count_best"] == 1 and not r.person
                and not f["perpetrator"]  # a wounded gunman is counted by the rules for attackers
                and r.head not in dead and f["sentence"] not in dying
                and lex.survival.search(f["sentence"].lower().replace("-", " "))):
            f["includes_killed"] = False
