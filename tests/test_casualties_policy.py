"""The event policy `reconcile` (pipeline/casualties/policy.py) on hand-made claims; it and the
package import no spaCy."""

from __future__ import annotations

import subprocess
import sys

from pipeline.casualties import reconcile
from pipeline.schemas import CasualtyFact


def test_package_imports_no_spacy() -> None:
    code = "import sys, pipeline.casualties; assert 'spacy' not in sys.modules"
    subprocess.run([sys.executable, "-c", code], check=True)


def test_generic_victims_are_a_total() -> None:
    facts = [_fact("killed", 3, 0, vtype="civilians", victims="people"), _fact("killed", 2, 30, vtype="civilians"),
             _fact("killed", 2, 60, vtype="state_forces")]
    # "three people" may include the typed groups: 2 civilians + 2 officers, not 3 + 2
    assert reconcile(facts)["killed_best"] == 4


def _fact(outcome: str, best: int, start: int, low: int | None = None, high: int | None | str = "same",
          vtype: str = "unknown", **flags: bool | str) -> CasualtyFact:
    return CasualtyFact(
        kind="casualty", text="x", sentence="x", char_start=start, char_end=start + 1, outcome=outcome,
        count_low=best if low is None else low, count_best=best, count_high=best if high == "same" else high,
        victim_type=vtype, **flags,
    )


def test_reconcile_empty_is_none() -> None:
    out = reconcile([])
    assert out["killed_best"] is None and out["injured_best"] is None and out["fatalities"] is None


def test_reconcile_types_add_and_restatements_do_not() -> None:
    facts = [
        _fact("killed", 12, 10, vtype="state_forces"),
        _fact("killed", 12, 50, high=99, vtype="rioters"),
        _fact("killed", 12, 60, high=99, vtype="protesters"),
        _fact("killed", 8, 90, high=None, vtype="state_forces"),
        _fact("killed", 1, 20, vtype="state_forces", partitive=True),
    ]
    out = reconcile(facts)
    assert (out["killed_low"], out["killed_best"], out["killed_high"]) == (24, 24, 111)
    assert out["fatalities"] == 24


def test_reconcile_toll_update_replaces_earlier() -> None:
    facts = [_fact("killed", 8, 0, high=None), _fact("killed", 5, 40), _fact("killed", 3, 80, supersedes_prior=True)]
    assert reconcile(facts)["killed_best"] == 3


def test_reconcile_untyped_total_covers_typed() -> None:
    facts = [_fact("killed", 3, 0), _fact("killed", 2, 30, vtype="civilians", partitive=True),
             _fact("killed", 1, 60, vtype="state_forces")]
    assert reconcile(facts)["killed_best"] == 3


def test_reconcile_zero_only_when_denied() -> None:
    assert reconcile([_fact("injured", 0, 0)])["injured_best"] == 0
    assert reconcile([_fact("injured", 0, 0), _fact("injured", 2, 10)])["injured_best"] == 2
    assert reconcile([_fact("killed", 2, 0)])["injured_best"] is None


def test_reconcile_shot_minus_killed() -> None:
    facts = [_fact("injured", 3, 0, includes_killed=True), _fact("killed", 1, 20)]
    out = reconcile(facts)
    assert (out["killed_best"], out["injured_best"]) == (1, 2)


def test_reconcile_dead_among_others_add() -> None:
    # "a man was killed and three others were shot, one of them fatally"
    facts = [_fact("killed", 1, 0), _fact("injured", 3, 20, includes_killed=True, among_others=True),
             _fact("killed", 1, 40, partitive=True, among_others=True)]
    out = reconcile(facts)
    assert (out["killed_best"], out["injured_best"]) == (2, 2)
    # a partitive not among others is a floor: "three were shot, one of them fatally"
    floor = [_fact("injured", 3, 0, includes_killed=True), _fact("killed", 1, 40, partitive=True)]
    assert (reconcile(floor)["killed_best"], reconcile(floor)["injured_best"]) == (1, 2)
    # a later toll as large as the sum is the whole toll, not one more
    later = [*facts, _fact("killed", 2, 60)]
    assert reconcile(later)["killed_best"] == 2
    # everyone shot told first ("four were shot"): the shot less all the dead
    told = [_fact("injured", 4, 0, includes_killed=True), *facts]
    assert (reconcile(told)["killed_best"], reconcile(told)["injured_best"]) == (2, 2)


def test_reconcile_perpetrator_adds() -> None:
    facts = [_fact("killed", 2, 0, vtype="civilians"), _fact("killed", 1, 30, perpetrator=True)]
    assert reconcile(facts)["killed_best"] == 3


def test_reconcile_interval_unbounded() -> None:
    facts = [_fact("killed", 5, 0, vtype="civilians"), _fact("killed", 12, 10, high=None, vtype="state_forces")]
    out = reconcile(facts)
    assert (out["killed_low"], out["killed_best"], out["killed_high"]) == (17, 17, None)


def test_reconcile_arrested_suspects_are_the_arrestees() -> None:
    # "two teenagers are in custody ... police arrested two suspects": one pair of arrestees
    facts = [_fact("arrested", 2, 0, vtype="civilians"), _fact("arrested", 2, 80, perpetrator=True)]
    assert reconcile(facts)["arrested_best"] == 2
    # a dead attacker still adds to the dead he killed
    facts = [_fact("killed", 2, 0, vtype="civilians"), _fact("killed", 2, 80, perpetrator=True)]
    assert reconcile(facts)["killed_best"] == 4


def test_reconcile_parts_of_different_groups_add_to_the_floor() -> None:
    # "two of the attackers and one of the guards were killed"
    facts = [_fact("killed", 2, 0, vtype="rebels_militants", partitive=True),
             _fact("killed", 1, 40, vtype="state_forces", partitive=True)]
    assert reconcile(facts)["killed_best"] == 3
    # two parts of one group do not add: "one of the guards ... one of the two guards"
    facts = [_fact("killed", 1, 0, vtype="state_forces", partitive=True),
             _fact("killed", 1, 40, vtype="state_forces", partitive=True)]
    assert reconcile(facts)["killed_best"] == 1
    # a larger whole stays the total
    facts = [_fact("killed", 5, 0), _fact("killed", 2, 40, vtype="rebels_militants", partitive=True),
             _fact("killed", 1, 60, vtype="state_forces", partitive=True)]
    assert reconcile(facts)["killed_best"] == 5


def test_added_victims_add_to_the_claims_told_before() -> None:
    # "Officers arrested two men ... Two more people were taken into custody."
    facts = [_fact("arrested", 2, 0), _fact("arrested", 2, 40, adds=True)]
    assert reconcile(facts)["arrested_best"] == 4
    # the same two claims, neither told as added: one group restated
    assert reconcile([_fact("arrested", 2, 0), _fact("arrested", 2, 40)])["arrested_best"] == 2


def test_added_victims_add_to_the_wounded_among_those_shot() -> None:
    # "Two men were shot, one fatally. Two others were wounded.": 1 wounded + 2
    facts = [_fact("injured", 2, 0, includes_killed=True), _fact("killed", 1, 20), _fact("injured", 2, 50, adds=True)]
    out = reconcile(facts)
    assert (out["killed_best"], out["injured_best"]) == (1, 3)


def test_a_later_total_larger_than_the_sum_stands() -> None:
    # "... Two others were arrested. In all, six people were arrested."
    facts = [_fact("arrested", 2, 0), _fact("arrested", 2, 40, adds=True), _fact("arrested", 6, 80)]
    assert reconcile(facts)["arrested_best"] == 6


def test_additions_chain() -> None:
    # "A man was shot. Another man was shot. Two others were shot.": 1 + 1 + 2
    facts = [_fact("injured", 1, 0), _fact("injured", 1, 30, adds=True), _fact("injured", 2, 60, adds=True)]
    assert reconcile(facts)["injured_best"] == 4


def test_added_victims_add_to_the_sentence_just_told_not_to_an_earlier_total() -> None:
    # "Police arrested three men. One man was arrested at the station. Two others were arrested
    # at a home.": the parts of the three, not three more
    facts = [_fact("arrested", 3, 0), _fact("arrested", 1, 30), _fact("arrested", 2, 60, adds=True)]
    facts[1] = facts[1].model_copy(update={"sentence": "y"})
    facts[2] = facts[2].model_copy(update={"sentence": "z"})
    assert reconcile(facts)["arrested_best"] == 3


def test_a_chain_broken_by_an_inexact_toll_adds_nothing_after() -> None:
    # "Two were arrested. Two more ... Dozens were arrested. Another 20 ... Another 25 ...": the
    # chain stops at the vague toll; no later addition adds to the first chain's sum (4 + 25)
    facts = [_fact("arrested", 2, 0), _fact("arrested", 2, 20, adds=True),
             _fact("arrested", 12, 40, low=12, high=99, vtype="civilians", qualifier="dozens"),
             _fact("arrested", 20, 60, adds=True), _fact("arrested", 25, 80, adds=True)]
    for n, f in enumerate(facts):
        facts[n] = f.model_copy(update={"sentence": f"s{n}"})
    assert reconcile(facts)["arrested_best"] == 25


def test_deaths_told_after_an_added_wounded_stop_the_sum() -> None:
    # "A man was shot. Another man was also shot. One of them died.": no sum of the shot
    facts = [_fact("injured", 1, 0, includes_killed=True), _fact("injured", 1, 30, adds=True),
             _fact("killed", 1, 60)]
    for n, f in enumerate(facts):
        facts[n] = f.model_copy(update={"sentence": f"s{n}"})
    assert reconcile(facts)["injured_best"] == 1


def test_a_whole_toll_told_after_the_additions_stands() -> None:
    # "... two more men ... Three people were arrested in all." (an untyped count no smaller than
    # the two told first); "one person was arrested at the scene" (smaller) is a part
    def told(*facts: CasualtyFact) -> list[CasualtyFact]:
        return [f.model_copy(update={"sentence": f"s{n}"}) for n, f in enumerate(facts)]
    men, more = _fact("arrested", 2, 0, vtype="civilians"), _fact("arrested", 2, 20, vtype="civilians", adds=True)
    assert reconcile(told(men, more, _fact("arrested", 3, 40)))["arrested_best"] == 3
    assert reconcile(told(men, more, _fact("arrested", 1, 40)))["arrested_best"] == 4


def test_a_running_total_is_added_to_nothing() -> None:
    facts = [_fact("arrested", 5, 0, vtype="civilians"), _fact("arrested", 2, 40, vtype="civilians", adds=True)]
    facts[0] = facts[0].model_copy(update={"sentence": "Police have now arrested five people."})
    facts[1] = facts[1].model_copy(update={"sentence": "Two more were arrested."})
    assert reconcile(facts)["arrested_best"] == 5
    facts[0] = facts[0].model_copy(update={"sentence": "Police arrested five people."})
    assert reconcile(facts)["arrested_best"] == 7
