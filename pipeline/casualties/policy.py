"""The event policy: one event's counts reconciled from its casualty claims (spaCy-free).

`reconcile` is called by aggregate on the `CasualtyFact`s of one event; see its docstring for the
policy. Its data are the generic victim words (`models/casualties/generic_victims.txt`), the
phrases of a running total (`running_total_phrases.txt`) and the qualifiers of a floor
(`floor_qualifiers.txt`).
"""

from __future__ import annotations

import re
from functools import lru_cache

from pipeline import resources
from pipeline.schemas import CasualtyFact

Triple = tuple[int, int, int | None]

# Protesters and rioters are the same crowd named by different sources ("protesters" vs
# "attackers"), so they are one group when claims are compared.
_GROUP = {"rioters": "protesters"}
# The outcomes of the event columns, to which victims told as added (`adds`) add.
ADDED_OUTCOMES = ("killed", "injured", "arrested")


@lru_cache(maxsize=1)
def _generic_victims() -> frozenset[str]:
    """Victim words that say nothing of who the victims were: such a count is a total, like an
    untyped one (read once from the shipped data)."""
    return resources.read_words("casualties/generic_victims.txt")


def _group_total(claims: list[CasualtyFact]) -> Triple | None:
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


def _add(a: Triple, b: Triple) -> Triple:
    """Two groups added: lows, bests and highs (None when either is unbounded)."""
    high = None if a[2] is None or b[2] is None else a[2] + b[2]
    return a[0] + b[0], a[1] + b[1], high


def _untyped(f: CasualtyFact) -> bool:
    """A count that says nothing of who the victims were ("three people are dead"): a total."""
    return (f.victim_type == "unknown" or (f.victims or "").lower() in _generic_victims()) and not f.perpetrator


def _among(f: CasualtyFact) -> bool:
    """The dead among others told beside the dead ("one of them fatally"), who add."""
    return f.partitive and f.among_others


def _outcome_total(claims: list[CasualtyFact]) -> Triple | None:
    """Reconciled interval of one outcome's claims (see `reconcile`): the dead among others
    told beside the dead (`among_others`) add to the rest; but when an untyped count is told
    after them ("two people died in all", "the toll rose to three"), that may be the whole
    toll, and they add only to the dead told before them."""
    if not any(f.among_others for f in claims):
        return _total(claims)  # the common case, read once
    among = [f for f in claims if _among(f)]
    rest = [f for f in claims if not _among(f)]
    total = _total(rest)
    extra = _group_total(among)
    if extra is None:
        return total
    first = min(f.char_start for f in among)
    if not any(f.char_start > first and _untyped(f) for f in rest):
        return extra if total is None else _add(total, extra)
    before = _total([f for f in rest if f.char_start < first])
    added = extra if before is None else _add(before, extra)
    return added if total is None or added[1] > total[1] else total


def _total(claims: list[CasualtyFact]) -> Triple | None:
    """Reconciled interval of claims that are wholes or floors (see `reconcile`)."""
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
        if _untyped(f):
            untyped.append(f)  # "three people are dead": a total, whoever they were
        else:
            key = (_GROUP.get(f.victim_type, f.victim_type), f.perpetrator)
            groups.setdefault(key, []).append(f)
    total: Triple | None = None
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
    # "one of the officers" only sets a floor; parts of different groups add up to it, as
    # wholes do ("two of the attackers and one of the guards were killed": at least 3)
    parts = [f.model_copy(update={"partitive": False}) for f in claims if f.partitive]
    floor = _total(parts) if parts else None
    if floor is not None and (total is None or floor[1] > total[1]):
        total = floor
    return total


def same_people(a: CasualtyFact | dict, b: CasualtyFact | dict) -> bool:
    """Whether two claims may be of one group of people, for additions: the arrested are never
    the harmed ("two men were shot ... police arrested a suspect ... two others were wounded":
    the others are beside the shot), nor are the attackers their victims ("three officers were
    shot ... the gunman was killed ... another officer was shot")."""
    def get(f: CasualtyFact | dict, key: str) -> object:
        return f[key] if isinstance(f, dict) else getattr(f, key)
    if (get(a, "outcome") == "arrested") != (get(b, "outcome") == "arrested"):
        return False
    return get(a, "outcome") == "arrested" or get(a, "perpetrator") == get(b, "perpetrator")


@lru_cache(maxsize=1)
def _floor_qualifiers() -> frozenset[str]:
    """The qualifiers of a count that make it a floor ("at least", "more than"; read once)."""
    return resources.read_words("casualties/floor_qualifiers.txt")


@lru_cache(maxsize=1)
def _running_total() -> re.Pattern[str] | None:
    """Phrases that make a toll a running total ("have now arrested five", "so far"), as words of
    lower-cased text (read once from the shipped data)."""
    return resources.phrase_pattern(sorted(resources.read_words("casualties/running_total_phrases.txt")))


def _told_after(ordered: list[CasualtyFact], n: int, base: Triple) -> bool:
    """Whether a claim told after addition `n` gives a whole toll of its outcome: an update ("the
    toll rose to three"), an untyped count no smaller than the toll added to ("three people were
    arrested in all"; "one person was arrested at the scene" is a part), or, for the injured,
    deaths (the people shot and added may be those dead: "both men died")."""
    f = ordered[n]
    later = [g for g in ordered[n + 1:] if not g.adds and g.count_best > 0 and same_people(g, f)]
    return any(g.outcome == f.outcome and (g.supersedes_prior or (_untyped(g) and g.count_best >= base[1]))
               for g in later) or (f.outcome == "injured" and any(g.outcome == "killed" for g in later))


def _base(ordered: list[CasualtyFact], n: int, sums: dict[str, Triple]) -> Triple | None:
    """The toll addition `n` adds to: the running sum when the claim of its outcome just before
    it was an addition too (None when that chain was broken), else the exact toll of the sentence
    of the nearest claim before it of the same people, or its floor ("at least nine": `floor_qualifiers.txt`);
    None when vague ("multiple people were shot ... five others were hurt" may be the five) or a
    running total (`running_total_phrases.txt`)."""
    f = ordered[n]
    told = [g for g in ordered[:n] if g.count_best > 0 and same_people(g, f)]
    last = next((g for g in reversed(told) if g.outcome == f.outcome), None)
    if last is not None and last.adds:
        return sums.get(f.outcome)
    if not told:
        return None
    running = _running_total()
    if running is not None and running.search(told[-1].sentence.lower()):
        return None  # "police have now arrested five ... two more were arrested Tuesday": among the five
    sentence = [g for g in told if g.sentence == told[-1].sentence]
    near = claims_total(sentence)
    low, best, high = (near[f"{f.outcome}_{k}"] for k in ("low", "best", "high"))
    if best is None:
        return None
    # a floor ("at least nine were killed") is added to; a vague count ("multiple") may hold them
    floor = high is None and low == best and any(
        g.outcome == f.outcome and g.count_best == best and g.qualifier in _floor_qualifiers() for g in sentence)
    return (low, best, high) if low == best == high or floor else None  # type: ignore[return-value]


def reconcile(facts: list[CasualtyFact]) -> dict[str, object]:
    """Event columns (killed_low/best/high, injured_*, arrested_*, fatalities) reconciled from the
    casualty claims of one event: `claims_total`'s policy, then victims told as beside those
    just told (`adds`: "two suspects were arrested ... two more were taken into custody") added
    to them (`_base`: the exact toll of the sentence just before, or the sum of a chain of
    additions: "a man was shot ... another man ... two others": 4), when that sum is the larger.
    Not to an earlier total ("police arrested three men ... one at the scene ... two others at a
    home" is 3), nor when a whole toll is told after the addition (`_told_after`)."""
    out = claims_total(facts)
    ordered = sorted(facts, key=lambda f: f.char_start)
    sums: dict[str, Triple] = {}  # the running sum of each outcome's chain of additions
    for n, f in enumerate(ordered):
        if not f.adds or f.outcome not in ADDED_OUTCOMES:
            continue
        base = _base(ordered, n, sums)
        if base is None or _told_after(ordered, n, base):
            sums.pop(f.outcome, None)  # a chain broken here adds nothing after
            continue
        sums[f.outcome] = _add(base, (f.count_low, f.count_best, f.count_high))
        if out[f"{f.outcome}_best"] is None or sums[f.outcome][1] > out[f"{f.outcome}_best"]:  # type: ignore[operator]
            out[f"{f.outcome}_low"], out[f"{f.outcome}_best"], out[f"{f.outcome}_high"] = sums[f.outcome]
    out["fatalities"] = out["killed_best"]
    return out


def claims_total(facts: list[CasualtyFact]) -> dict[str, object]:
    """Event columns (killed_low/best/high, injured_*, arrested_*, fatalities) reconciled from the
    casualty claims of one event, a claim told as added (`adds`) as any other.

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
    - arrested: the suspects are who is arrested, so a claim of them is no group of its own
      ("two teenagers are in custody ... police arrested two suspects" = 2);
    - a dead attacker ("killed himself", "turned the gun on himself") adds to his victims, except
      that one attacker and one victim are not added (a story often names the same dead person
      both ways: "she shot her son, then herself ... a woman was found dead");
    - partitive claims ("one of the officers", "including two children") never add to the
      wholes; they only set a floor, to which parts of different groups add ("two of the
      attackers and one of the guards": 3); but the dead among wounded told as others beside
      the dead add to the dead told before ("one man was killed and three others were shot,
      one of them fatally": 2 killed, 2 injured; `among_others`);
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
        elif f.outcome == "arrested" and f.perpetrator:
            # Those arrested are the suspects: "the suspects" and "two teenagers" in custody are
            # one group of arrestees, not an attacker beside his victims.
            by_outcome["arrested"].append(f.model_copy(update={"perpetrator": False}))
        elif f.outcome in by_outcome:
            by_outcome[f.outcome].append(f)
    totals = {k: _outcome_total(v) for k, v in by_outcome.items()}
    wounded = _wounded(by_outcome)
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


def _deaths_among_others(dead: list[CasualtyFact], start: int, killed: int) -> int:
    """How many of the others shot (told at `start`) died: their own dead ("one of them
    fatally"), or, when an untyped toll is told after them ("the toll rose to three"), that
    toll (`killed`, all the dead) less the dead told before them."""
    mine = _group_total([f for f in dead if _among(f)])
    if not any(f.char_start > start and _untyped(f) and not f.among_others for f in dead):
        return mine[1] if mine else 0
    before = _outcome_total([f for f in dead if f.char_start < start])
    return killed - (before[1] if before else 0)


def _wounded(by_outcome: dict[str, list[CasualtyFact]]) -> Triple | None:
    """The injured among those reported shot: the shot less the killed, victims and attackers
    apart (a gunman who shot himself dead is not one of the victims shot)."""
    wounded: Triple | None = None
    for perp in (False, True):
        shots = [f for f in by_outcome["shot"] if f.perpetrator == perp]
        shot = _outcome_total(shots)
        if shot is None:
            continue
        dead = [f for f in by_outcome["killed"] if f.perpetrator == perp]
        killed = _outcome_total(dead)
        k = killed[1] if killed else 0
        top = [f for f in shots if f.count_best == shot[1]] if any(f.among_others for f in shots) else []
        if top and all(f.among_others for f in top):
            k = _deaths_among_others(dead, min(f.char_start for f in top), k)
        part = (max(shot[0] - k, 0), max(shot[1] - k, 0), None if shot[2] is None else max(shot[2] - k, 0))
        wounded = part if wounded is None else _add(wounded, part)
    return wounded
