"""events.text: headlines, outlets and the rare words that corroborate two reports."""

from __future__ import annotations

from event_builders import big_filler, ev, filler, merged_articles
from pipeline.events import headline, outlet


def test_common_words_and_place_names_do_not_corroborate() -> None:
    # "shooting", "police", "killed" and the town's own name are in every such report.
    a = ev("a", event_type="battles", notes="Townsville police: man killed in shooting")
    b = ev("b", event_type="strategic_developments", notes="Shooting in Townsville: police say man killed")
    assert merged_articles([a, b, *filler()]) == set()


def test_one_shared_rare_word_is_a_coincidence() -> None:
    a = ev("a", event_type="battles", notes="Gunfire at a bakery")
    b = ev("b", event_type="violence_against_civilians", notes="Bakery owner robbed")
    assert merged_articles([a, b, *filler()]) == set()


def test_rare_words_need_a_batch() -> None:
    a = ev("a", event_type="battles", notes="Gunfire at Rosewood bakery")
    b = ev("b", event_type="violence_against_civilians", notes="Rosewood bakery gunfire")
    assert merged_articles([a, b]) == set()  # two reports: no telling rare from common


def test_outlet_is_the_tail_of_a_title() -> None:
    assert outlet("Man shot on the east side | WXYZ  Channel 7") == "wxyz channel 7"
    assert outlet("Shooting | WXYZ") == ""  # too short a headline to tell a tail
    assert outlet(None) == outlet("No outlet named here") == ""
    # The last separator names the outlet; a dash inside the headline does not.
    assert outlet("Man shot downtown - police seek driver | WXYZ Channel 7") == "wxyz channel 7"


def test_outlet_names_do_not_corroborate() -> None:
    # Two stories of one outlet: its name ends both titles and its web address is glued to the
    # dateline of both first sentences.
    a = ev("a", event_type="battles", notes="Clerk wounded at corner store | Channel Nine Kestrel",
           evidence="Channel Nine Kestrel ninekestrel.comTOWNSVILLE - A clerk was wounded.")
    b = ev("b", event_type="violence_against_civilians", notes="Driver hurt in road rage | Channel Nine Kestrel",
           evidence="Channel Nine Kestrel ninekestrel.comTOWNSVILLE - A driver was hurt.")
    others = [ev(f"o{i}", f"2021-0{i + 1}-10", notes=f"Story {w} number {i} | Morning Herald")
              for i, w in enumerate(["apple", "pear", "plum", "fig", "lime", "kiwi"])]
    assert merged_articles([a, b, *filler(), *others]) == set()


def test_wire_datelines_do_not_corroborate() -> None:
    # Two wire stories of one agency on one day: the dateline is all they share.
    a = ev("a", event_type="battles", notes="PORT ALBA, 3 MAR 91 (RADIO KESTREL) -- [TEXT] TROOPS CLASHED WITH REBELS")
    b = ev("b", event_type="explosions_remote_violence",
           notes="PORT ALBA, 3 MAR 91 (RADIO KESTREL) -- [TEXT] A CAR BOMB DAMAGED A BRIDGE")
    assert merged_articles([a, b, *filler()]) == set()
    assert headline(a.notes) == "TROOPS CLASHED WITH REBELS"


def test_headline_drops_the_outlet_name() -> None:
    assert headline("Man shot near the river | Channel 5 News") == "Man shot near the river"
    assert headline("Two hurt in crash « Radio Kestrel") == "Two hurt in crash"
    assert headline("Shots - fired") == "Shots - fired"  # too short to be a headline and a tail


def test_a_name_many_reports_give_does_not_link_them() -> None:
    # A spokesman named in every story of a month is no incident's identity.
    said = {"persons": "Maribel Ostrova"}
    shot = ev("a", "2023-03-04", event_type="violence_against_civilians", notes="Man wounded outside corner store", **said)
    court = ev("b", "2023-04-20", event_type=None, notes="Suspect charged in March gunfire", **said)
    others = [e.model_copy(update=said) for e in big_filler()]
    assert merged_articles([shot, court, *others]) == set()


def test_strip_outlets_leaves_out_words_starting_with_an_outlet_word_with_or_without_memo() -> None:
    from pipeline.events.text import strip_outlets

    outlets = frozenset({"wxyz", "77"})
    found = frozenset({"wxyz4now", "wxyzdetroit", "shooting", "77news", "wx", "jane doe"})
    memo: dict[str, bool] = {}
    kept = frozenset({"shooting", "wx", "jane doe"})  # a name is nobody's outlet; "wx" too short
    assert strip_outlets(found, outlets) == kept
    assert strip_outlets(found, outlets, memo) == kept and memo["wxyz4now"] is True
    assert strip_outlets(found | {"gunfire"}, outlets, memo) == kept | {"gunfire"}
    assert strip_outlets(found, frozenset()) == found


def test_word_weights_know_their_batch_size() -> None:
    from pipeline.events import word_weights

    sets = [frozenset({"oakridge", "shooting"}), frozenset({"oakridge", "shooting"}), *[frozenset({"shooting"})] * 12]
    weights = word_weights(sets, person_weight=3.0)
    assert weights.reports == 14
    # a word two reports of fourteen use weighs log(14 / 2) / log(14): what of_reports(2) says
    assert weights["oakridge"] == weights.of_reports(2) > weights.of_reports(6) > 0.0
    assert weights["shooting"] == 0.0
    assert word_weights(sets[:2], person_weight=3.0) == {} and word_weights(sets[:2], person_weight=3.0).of_reports(6) == 0.0
    assert weights.of_reports(0) == weights.of_reports(1) == 1.0
