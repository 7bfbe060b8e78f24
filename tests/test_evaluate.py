"""The scorer on small hand-made gold and prediction pairs: it must be right before its figures
mean anything. Texts here are invented; no fixture text is copied."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pandas as pd
import pytest
from typer.testing import CliRunner

from pipeline import evaluate as ev
from pipeline.evaluate.gold import _records
from pipeline.cli import app
from pipeline.export import write_table
from pipeline.schemas import Event
from pipeline.tabulate import events_frame, facts_frame

runner = CliRunner()


def gold_event(**fields: object) -> dict:
    """A gold event with every FORMAT.md field unannotated unless given."""
    base: dict[str, object] = {
        "event_type": None, "sub_event_type": None, "date": None, "country": None,
        "admin1": None, "location": None, "latitude": None, "longitude": None,
        "killed": None, "injured": None, "arrested": None, "actors": [], "optional": False,
    }
    base.update(fields)
    return base


def article(aid: str, events: list[dict], **extra: object) -> dict:
    """A gold record in the fixture format (the text is a placeholder)."""
    return {"id": aid, "dataset": "test", "published": "2021-03-10", "title": None,
            "text": "An invented placeholder text.", "events": events, **extra}


def predicted(*events: dict) -> pd.DataFrame:
    """An events table as the pipeline writes it, built from the schema."""
    return events_frame([Event(**e) for e in events])


def count(low: int, high: int | None) -> dict:
    return {"low": low, "high": high}


def score(gold: list[dict], events: pd.DataFrame, facts: pd.DataFrame | None = None,
          errors: list | None = None) -> dict:
    """The metrics of one file."""
    return ev.metrics(ev.score_file(gold, events, facts, errors))


# ---------------------------------------------------------------- counts


def test_count_inside_interval_exact_and_open_bounds() -> None:
    gold = [
        article("a", [gold_event(killed=count(3, 3))]),
        article("b", [gold_event(killed=count(8, None))]),  # "at least eight"
        article("c", [gold_event(killed=count(12, 99))]),  # "dozens"
        article("d", [gold_event(killed=count(5, 5))]),
    ]
    events = predicted(
        {"event_id": "a1", "article_ids": "a", "killed_best": 3},
        {"event_id": "b1", "article_ids": "b", "killed_best": 250},
        {"event_id": "c1", "article_ids": "c", "killed_best": 100},
        {"event_id": "d1", "article_ids": "d", "killed_best": 2},
    )
    m = score(gold, events)["killed"]
    assert m["n"] == 4
    assert m["value"] == 0.5  # a and b right; c is 1 above 99, d is 3 below 5
    assert m["mae"] == pytest.approx((0 + 0 + 1 + 3) / 4)


def test_missing_count_prediction_is_zero_and_unannotated_is_not_scored() -> None:
    gold = [
        article("a", [gold_event(killed=count(0, 0), injured=count(2, 2))]),
        article("b", [gold_event(killed=None, injured=count(0, 0))]),
    ]
    events = predicted({"event_id": "a1", "article_ids": "a"}, {"event_id": "b1", "article_ids": "b"})
    m = score(gold, events)
    assert (m["killed"]["value"], m["killed"]["n"]) == (1.0, 1)
    assert (m["injured"]["value"], m["injured"]["n"]) == (0.5, 2)
    assert m["injured"]["mae"] == 1.0
    assert m["arrested"]["n"] == 0 and m["arrested"]["value"] is None


# ---------------------------------------------------------------- dates


def test_date_interval_and_open_lower_bound() -> None:
    gold = [
        article("a", [gold_event(date="2021-03-08")]),
        article("b", [gold_event(date={"low": None, "high": "2021-03-05"})]),  # on or before
        article("c", [gold_event(date={"low": "2021-03-01", "high": "2021-03-03"})]),
        article("d", [gold_event(date="2021-03-08")]),
        article("e", [gold_event(date="2021-03-08")]),
    ]
    events = predicted(
        {"event_id": "a1", "article_ids": "a", "event_date": dt.date(2021, 3, 8)},
        {"event_id": "b1", "article_ids": "b", "event_date": dt.date(2019, 1, 1)},
        {"event_id": "c1", "article_ids": "c", "event_date": dt.date(2021, 3, 4)},  # 1 day late
        {"event_id": "d1", "article_ids": "d", "event_date": dt.date(2021, 3, 1)},  # 7 days early
        {"event_id": "e1", "article_ids": "e"},  # no date predicted
    )
    m = score(gold, events)
    assert m["date"]["n"] == 5
    assert m["date"]["value"] == pytest.approx(2 / 5)
    assert m["date_1d"]["value"] == pytest.approx(3 / 5)
    assert m["date_7d"]["value"] == pytest.approx(4 / 5)


def test_dated_key_scores_only_articles_with_a_publication_date() -> None:
    gold = [
        article("a", [gold_event(date="2021-03-08")]),
        article("b", [gold_event(date="2021-03-08")], published=None),
        article("c", [gold_event(date="2021-03-08")]),
    ]
    events = predicted(
        {"event_id": "a1", "article_ids": "a", "event_date": dt.date(2021, 3, 8)},
        {"event_id": "b1", "article_ids": "b", "event_date": dt.date(2021, 3, 8)},
        {"event_id": "c1", "article_ids": "c", "event_date": dt.date(2021, 3, 9)},
    )
    m = score(gold, events)
    assert m["date"]["value"] == pytest.approx(2 / 3, abs=1e-3)
    assert (m["date"]["dated"], m["date"]["dated_n"]) == (pytest.approx(1 / 2), 2)
    assert m["date_1d"]["dated"] == pytest.approx(1.0)
    assert "date.dated" in ev.format_table(ev.build_report({"f": ev.score_file(gold, events)}))


def test_date_helpers() -> None:
    assert ev.gold_interval(None) is None
    assert ev.gold_interval("2020-02-02") == (dt.date(2020, 2, 2), dt.date(2020, 2, 2))
    assert ev.gold_interval({"low": None, "high": "2020-02-02"}) == (None, dt.date(2020, 2, 2))
    assert ev.date_distance(dt.date(2020, 2, 5), (None, dt.date(2020, 2, 2))) == 3
    assert ev.date_distance(dt.date(1990, 1, 1), (None, dt.date(2020, 2, 2))) == 0


# ---------------------------------------------------------------- places


def test_places_country_admin1_location_and_distances() -> None:
    gold = [
        article("a", [gold_event(country="CO", admin1="Antioquia", location="Medellín",
                                 latitude=6.2518, longitude=-75.5636)]),
        article("b", [gold_event(country="US", admin1="State of Illinois", location="Cook County",
                                 latitude=41.8781, longitude=-87.6298)]),
    ]
    events = predicted(
        # about 10 km away, same names spelled without the accent
        {"event_id": "a1", "article_ids": "a", "iso2": "CO", "admin1": "ANTIOQUIA",
         "location": "Medellin", "latitude": 6.3418, "longitude": -75.5636},
        # about 130 km away; the gold county is the predicted admin2
        {"event_id": "b1", "article_ids": "b", "iso2": "us", "admin1": "Illinois",
         "location": "Kankakee", "admin2": "Cook", "latitude": 41.12, "longitude": -87.86},
    )
    m = score(gold, events)
    assert m["country"]["value"] == 1.0
    assert m["admin1"]["value"] == 1.0
    assert m["location_name"]["value"] == 1.0
    assert m["location_25km"]["value"] == 0.5
    assert m["location_161km"]["value"] == 1.0


def test_haversine_and_normalise_name() -> None:
    assert ev.haversine_km(0, 0, 0, 1) == pytest.approx(111.2, abs=0.1)
    assert ev.normalise_name("Île-de-France") == ev.normalise_name("ile de france")
    assert ev.normalise_name("State of Zulia") == "zulia"
    assert ev.normalise_name("Bartow County") == "bartow"
    assert ev.normalise_name(None) == ""


def test_missing_coordinates_are_a_miss_and_unpaired_gold_is_counted_apart() -> None:
    gold = [
        article("a", [gold_event(latitude=10.0, longitude=10.0)]),
        article("b", [gold_event(latitude=10.0, longitude=10.0)]),  # nothing predicted here
        article("c", [gold_event(latitude=10.0, longitude=10.0)]),
    ]
    events = predicted({"event_id": "a1", "article_ids": "a"},
                       {"event_id": "c1", "article_ids": "c", "latitude": 10.0, "longitude": 10.1})
    m = score(gold, events)
    assert (m["location_25km"]["value"], m["location_25km"]["n"]) == (0.5, 2)
    assert m["location_25km"]["unpaired"] == 1
    assert m["location_161km"]["recall"] == pytest.approx(1 / 3, abs=1e-4)
    assert m["events"]["fn"] == 1


# ---------------------------------------------------------------- events, pairing, optional


def test_pairing_two_events_in_one_article_by_type_date_and_place() -> None:
    gold = [article("a", [
        gold_event(event_type="protests", date="2021-03-01", location="Lyon", killed=count(0, 0)),
        gold_event(event_type="battles", date="2021-03-07", location="Gao", killed=count(4, 4)),
    ])]
    # Listed in the other order: pairing must follow agreement, not position.
    events = predicted(
        {"event_id": "e1", "article_ids": "a", "event_type": "battles",
         "event_date": dt.date(2021, 3, 7), "location": "Gao", "killed_best": 4},
        {"event_id": "e2", "article_ids": "a", "event_type": "protests",
         "event_date": dt.date(2021, 3, 1), "location": "Lyon"},
    )
    m = score(gold, events)
    assert m["events"]["tp"] == 2 and m["events"]["fp"] == 0
    assert m["event_type"]["value"] == 1.0
    assert m["killed"]["value"] == 1.0
    assert ev.pair_events(gold[0]["events"], _records(events)) == [(0, 1), (1, 0)]


def test_pairing_maximises_total_agreement_not_first_best() -> None:
    # p0 agrees with both gold events as well as p1 does with g0: greedy in list order would
    # pair p0-g0 and leave g1 the poor p1; the best assignment pairs p0-g1 and p1-g0.
    golds = [gold_event(event_type="riots", date="2021-01-01"),
             gold_event(event_type="riots", location="Quito")]
    preds = [{"event_type": "riots", "event_date": "2021-01-01", "location": "Quito"},
             {"event_type": "riots", "event_date": "2021-01-01"}]
    assert ev.pair_events(golds, preds) == [(0, 1), (1, 0)]


def test_optional_gold_event_neither_rewards_nor_penalises() -> None:
    gold = [article("a", [
        gold_event(event_type="riots", location="Almeria", killed=count(1, 1)),
        gold_event(event_type="protests", location="Cadiz", killed=count(0, 0), optional=True),
    ])]
    both = predicted(
        {"event_id": "e1", "article_ids": "a", "event_type": "riots", "location": "Almeria",
         "killed_best": 1},
        {"event_id": "e2", "article_ids": "a", "event_type": "protests", "location": "Cadiz",
         "killed_best": 7},
    )
    m = score(gold, both)
    assert (m["events"]["tp"], m["events"]["fp"], m["events"]["fn"]) == (1, 0, 0)
    assert m["killed"]["n"] == 1 and m["killed"]["value"] == 1.0  # the optional one is not scored
    m = score(gold, both.iloc[:1])  # the optional one not found: no false negative
    assert (m["events"]["tp"], m["events"]["fp"], m["events"]["fn"]) == (1, 0, 0)
    m = score(gold, both.iloc[1:])  # only the optional one found: neither tp nor fp
    assert (m["events"]["tp"], m["events"]["fp"], m["events"]["fn"]) == (0, 0, 1)


def test_negative_article_makes_every_prediction_a_false_positive() -> None:
    gold = [article("neg", []), article("pos", [gold_event(event_type="battles")])]
    events = predicted(
        {"event_id": "n1", "article_ids": "neg", "event_type": "battles"},
        {"event_id": "n2", "article_ids": "neg"},
        {"event_id": "p1", "article_ids": "pos", "event_type": "battles"},
    )
    m = score(gold, events)["events"]
    assert (m["tp"], m["fp"], m["fn"], m["n"]) == (1, 2, 0, 1)
    assert m["precision"] == pytest.approx(1 / 3, abs=1e-4)
    assert m["recall"] == 1.0
    assert m["value"] == m["f1"] == pytest.approx(0.5)


def test_false_events_per_hundred_negative_articles_and_by_section() -> None:
    gold = [article(f"s{i}", [], section="sport") for i in range(3)]
    gold += [article("t0", [], section="tech"), article("pos", [gold_event(event_type="battles")]),
             article("unannotated", None)]
    events = predicted(
        {"event_id": "a", "article_ids": "s0", "event_type": "battles"},
        {"event_id": "b", "article_ids": "s0"},
        {"event_id": "c", "article_ids": "pos", "event_type": "battles"},  # a true event: not counted
        {"event_id": "d", "article_ids": "unannotated"},  # gold says nothing: not a negative
    )
    m = score(gold, events)["false_events"]
    assert (m["n"], m["events"]) == (4, 2)
    assert m["value"] == pytest.approx(50.0)
    assert m["section_sport"] == pytest.approx(200 / 3, abs=1e-3) and m["section_tech"] == 0.0
    # which kinds of false alarm: per 100 negative articles, an untyped event under its own key
    assert (m["type_battles"], m["type_untyped"]) == (25.0, 25.0)
    assert "type_protests" not in m
    assert score([article("pos", [gold_event()])], predicted())["false_events"]["value"] is None


def test_max_gate_fails_above_the_threshold() -> None:
    report = ev.build_report({"bbc": ev.score_file([article("n", [])], predicted(
        {"event_id": "a", "article_ids": "n"}))})
    assert ev.check_maximums(report, ["bbc.false_events=1.0"]) == [
        "bbc.false_events = 100.0000 > 1.0 (n=1, bbc)"]
    assert ev.check_maximums(report, ["bbc.false_events=150"]) == []


def test_nothing_predicted_scores_zero_f1_not_unmeasured() -> None:
    m = score([article("a", [gold_event()])], predicted())["events"]
    assert (m["value"], m["recall"], m["precision"], m["n"]) == (0.0, 0.0, None, 1)


def test_predictions_of_articles_outside_the_gold_are_ignored() -> None:
    gold = [article("a", [gold_event()])]
    events = predicted({"event_id": "x", "article_ids": "elsewhere"},
                       {"event_id": "a1", "article_ids": "a"})
    assert score(gold, events)["events"]["fp"] == 0


# ---------------------------------------------------------------- clusters


def test_cluster_pairs_from_merged_events() -> None:
    gold = [
        article("a", [gold_event(cluster="x")]),
        article("b", [gold_event(cluster="x")]),
        article("c", [gold_event(cluster="x")]),
        article("d", [gold_event(cluster="y")]),
        article("e", [gold_event(cluster="z")]),
    ]
    events = predicted(
        {"event_id": "m1", "article_ids": "a;b"},  # merged: right
        {"event_id": "m2", "article_ids": "c"},  # should have joined m1
        {"event_id": "m3", "article_ids": "d;e"},  # wrongly merged
    )
    errors: list[dict] = []
    m = score(gold, events, errors=errors)
    clusters = m["clusters"]
    # gold-same pairs: ab ac bc; predicted-same: ab de
    assert (clusters["tp"], clusters["fp"], clusters["fn"], clusters["n"]) == (1, 1, 2, 3)
    assert clusters["precision"] == 0.5
    assert clusters["recall"] == pytest.approx(1 / 3, abs=1e-4)
    # a merged event counts as predicted in each of its articles
    assert m["events"]["tp"] == 5 and m["events"]["fp"] == 0
    wrong = {(e["article_id"], e["gold"]["other_article"]) for e in errors
             if e["field"] == "clusters"}
    assert wrong == {("a", "c"), ("b", "c"), ("d", "e")}


def test_cluster_counts_unpaired_gold_never_predicted_same() -> None:
    assert ev.cluster_counts([("x", None), ("x", None), ("x", "e")]) == (0, 0, 3)
    assert ev.cluster_counts([]) == (0, 0, 0)


# ---------------------------------------------------------------- types


def test_sub_event_type_accuracy_and_f1() -> None:
    labels = [("attack", "attack"), ("attack", "grenade"), ("grenade", "grenade"),
              ("armed_clash", None)]
    gold = [article(f"a{i}", [gold_event(event_type="t", sub_event_type=g)])
            for i, (g, _) in enumerate(labels)]
    events = predicted(*({"event_id": f"e{i}", "article_ids": f"a{i}", "event_type": "t",
                          "sub_event_type": p} for i, (_, p) in enumerate(labels)))
    m = score(gold, events)["sub_event_type"]
    assert m["value"] == 0.5 and m["n"] == 4
    # attack: p 1, r .5, f1 2/3; grenade: p .5, r 1, f1 2/3; armed_clash: 0
    assert m["macro_f1"] == pytest.approx((2 / 3 + 2 / 3 + 0) / 3, abs=1e-4)
    assert m["weighted_f1"] == pytest.approx((2 / 3 * 2 + 2 / 3 + 0) / 4, abs=1e-4)


# ---------------------------------------------------------------- facts


def test_fact_level_precision_and_recall() -> None:
    facts_gold = {
        "casualties": [
            {"outcome": "killed", "count": count(5, 5)},
            {"outcome": "injured", "count": count(10, 99)},
            {"outcome": "killed", "count": count(1, 1), "optional": True},
        ],
        "places": [{"name": "Tromso", "country": "NO", "latitude": 69.65, "longitude": 18.96}],
        "dates": ["2021-03-09"],
        "actors": [{"name": "Harbour Police", "mentions": ["harbour officers"]}],
        "event_types": ["riots", "protests"],
    }
    gold = [article("a", [gold_event()], facts=facts_gold)]
    common = {"article_id": "a", "sentence": "An invented sentence.", "char_start": 0,
              "char_end": 1}
    rows = [
        {"kind": "casualty", "text": "five", "outcome": "killed", "count_low": 5,
         "count_best": 5, "count_high": 5},
        {"kind": "casualty", "text": "one", "outcome": "killed", "count_low": 1,
         "count_best": 1, "count_high": 1},  # matches the optional one: right, not required
        {"kind": "casualty", "text": "two", "outcome": "arrested", "count_low": 2,
         "count_best": 2, "count_high": 2},
        {"kind": "place", "text": "Tromsø", "country_iso2": "NO", "latitude": 69.7,
         "longitude": 19.0},
        {"kind": "place", "text": "Oslo", "country_iso2": "NO", "latitude": 59.9,
         "longitude": 10.7},
        {"kind": "date", "text": "Tuesday", "date": dt.date(2021, 3, 9),
         "date_low": dt.date(2021, 3, 9), "date_high": dt.date(2021, 3, 9), "time_precision": 1},
        {"kind": "actor", "text": "harbour officers", "actor_name": "Harbour officers"},
        {"kind": "trigger", "text": "rioted", "event_type": "riots"},
    ]
    from pipeline.extract import _FACT

    facts = facts_frame([_FACT.validate_python({**common, **r}) for r in rows])
    m = score(gold, predicted(), facts)
    assert (m["facts_casualties"]["precision"], m["facts_casualties"]["recall"]) == (
        pytest.approx(2 / 3, abs=1e-4), 0.5)
    assert (m["facts_places"]["precision"], m["facts_places"]["recall"]) == (0.5, 1.0)
    assert (m["facts_dates"]["precision"], m["facts_dates"]["recall"]) == (1.0, 1.0)
    assert (m["facts_actors"]["precision"], m["facts_actors"]["recall"]) == (1.0, 1.0)
    assert (m["facts_event_types"]["precision"], m["facts_event_types"]["recall"]) == (1.0, 0.5)
    assert m["facts_event_types"]["value"] == pytest.approx(2 / 3, abs=1e-4)


# ---------------------------------------------------------------- report, errors, gate


def test_report_shape_per_file_and_overall_micro_average() -> None:
    one = ev.score_file([article("a", [gold_event(killed=count(1, 1))])],
                        predicted({"event_id": "a1", "article_ids": "a", "killed_best": 1}))
    two = ev.score_file(
        [article("b", [gold_event(killed=count(1, 1))]), article("c", [gold_event(killed=count(2, 2))])],
        predicted({"event_id": "b1", "article_ids": "b"}, {"event_id": "c1", "article_ids": "c"}),
    )
    report = ev.build_report({"one": one, "two": two})
    assert set(report) == {"files", "overall"}
    assert set(report["files"]) == {"one", "two"}
    assert report["files"]["two"]["articles"] == 2
    for metrics in (report["overall"], report["files"]["one"]["metrics"]):
        assert set(metrics) == set(ev.FIELDS)
        assert all({"value", "n"} <= set(entry) for entry in metrics.values())
    assert report["files"]["one"]["metrics"]["killed"]["value"] == 1.0
    assert report["files"]["two"]["metrics"]["killed"]["value"] == 0.0
    assert report["overall"]["killed"] == {"value": pytest.approx(1 / 3, abs=1e-4), "n": 3,
                                           "unpaired": 0, "mae": pytest.approx(1.0),
                                           "recall": pytest.approx(1 / 3, abs=1e-4)}
    json.dumps(report)  # serialisable as is
    table = ev.format_table(report).splitlines()
    assert table[0].split() == ["metric", "one", "two", "overall"]
    assert table[2].split() == ["articles", "1", "2", "3"]
    killed = next(line for line in table if line.startswith("killed "))
    assert killed.split() == ["killed", "1.000", "(1)", "0.000", "(2)", "0.333", "(3)"]
    assert not any(line.startswith("clusters") for line in table)  # scored nowhere
    markdown = ev.format_table(report, markdown=True).splitlines()
    assert markdown[0] == "| metric | one | two | overall |"
    assert "| killed | 1.000 (1) | 0.000 (2) | 0.333 (3) |" in markdown


def test_error_lines_name_article_field_gold_prediction_and_evidence() -> None:
    gold = [article("a", [gold_event(killed=count(3, 3), country="PE")])]
    events = predicted({"event_id": "a1", "article_ids": "a", "killed_best": 30, "iso2": "PE",
                        "evidence": "Thirty people died, an invented sentence says."})
    errors: list[dict] = []
    score(gold, events, errors=errors)
    assert errors == [{"article_id": "a", "field": "killed", "gold": count(3, 3),
                       "predicted": 30, "event_id": "a1",
                       "evidence": "Thirty people died, an invented sentence says."}]


def test_check_minimums_scopes_and_keys() -> None:
    report = ev.build_report({
        "gvdb_dev": ev.score_file([article("a", [gold_event(killed=count(1, 1))])],
                                  predicted({"event_id": "a1", "article_ids": "a",
                                             "killed_best": 1})),
        "other": ev.score_file([article("b", [gold_event(killed=count(1, 1))])], predicted()),
    })
    assert ev.check_minimums(report, ["gvdb_dev.killed=0.9", "events.precision=1"]) == []
    failures = ev.check_minimums(report, ["events.recall=0.9", "other.killed=0.1"])
    assert failures[0].startswith("events.recall = 0.5000 < 0.9")
    assert "not measured" in failures[1]
    with pytest.raises(ev.GateError):
        ev.check_minimums(report, ["kiled=0.5"])
    with pytest.raises(ev.GateError):
        ev.validate_minimums(["killed>0.5"], ["gvdb_dev"])


# ---------------------------------------------------------------- command line


@pytest.fixture()
def gold_and_predictions(tmp_path: Path) -> tuple[Path, Path]:
    """A hand-made gold file and the tables of a pretend earlier run."""
    gold = tmp_path / "tiny_gold.jsonl"
    records = [
        article("t-1", [gold_event(killed=count(2, 2), date="2021-03-09", country="KE")]),
        article("t-2", [gold_event(killed=count(0, 0), country="KE")]),
        article("t-3", []),
    ]
    gold.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    out = tmp_path / "run"
    out.mkdir()
    events = predicted(
        {"event_id": "t-1#1", "article_ids": "t-1", "killed_best": 2, "iso2": "KE",
         "event_date": dt.date(2021, 3, 9), "evidence": "Two people were killed."},
        {"event_id": "t-2#1", "article_ids": "t-2", "killed_best": 4, "iso2": "KE",
         "evidence": "Four people were killed."},
        {"event_id": "t-3#1", "article_ids": "t-3"},
    )
    write_table(events, out / "events.csv")
    return gold, out


def test_cli_scores_predictions_and_writes_json_and_errors(
    gold_and_predictions: tuple[Path, Path], tmp_path: Path
) -> None:
    gold, out = gold_and_predictions
    metrics, errors = tmp_path / "m.json", tmp_path / "e.jsonl"
    result = runner.invoke(app, ["evaluate", str(gold), "--predictions", str(out),
                                 "--json", str(metrics), "--errors", str(errors),
                                 "--min", "killed=0.5", "--min", "tiny_gold.country=1"])
    assert result.exit_code == 0, result.output
    assert "tiny_gold" in result.output and "overall" in result.output
    report = json.loads(metrics.read_text())
    assert report["files"]["tiny_gold"]["articles"] == 3
    assert report["overall"]["killed"]["value"] == 0.5
    assert report["overall"]["events"]["fp"] == 1
    lines = [json.loads(line) for line in errors.read_text().splitlines()]
    assert {(e["article_id"], e["field"]) for e in lines} == {("t-2", "killed"), ("t-3", "events")}
    assert all(e["file"] == "tiny_gold" for e in lines)


def test_cli_min_gate_fails_with_the_metric_named(gold_and_predictions: tuple[Path, Path]) -> None:
    gold, out = gold_and_predictions
    result = runner.invoke(app, ["evaluate", str(gold), "--predictions", str(out),
                                 "--min", "killed=0.9", "--min", "date=0.5"])
    assert result.exit_code == 1
    failed = [line for line in result.output.splitlines() if " < " in line]
    assert len(failed) == 1 and "killed = 0.5000 < 0.9" in failed[0]


def test_cli_limit_and_unknown_metric(gold_and_predictions: tuple[Path, Path]) -> None:
    gold, out = gold_and_predictions
    result = runner.invoke(app, ["evaluate", str(gold), "--predictions", str(out),
                                 "--limit", "1", "--min", "killed=1"])
    assert result.exit_code == 0, result.output
    result = runner.invoke(app, ["evaluate", str(gold), "--predictions", str(out),
                                 "--min", "fatalities=0.5"])
    assert result.exit_code == 2
    assert "fatalities" in result.output


# ---------------------------------------------------------------- the corpora, read at run time


def _gold_as_predictions(records: list[dict]) -> pd.DataFrame:
    """Predictions that say exactly what the gold says, merged by cluster."""
    rows: dict[str, dict] = {}
    for record in records:
        for i, e in enumerate(record["events"]):
            interval = ev.gold_interval(e.get("date"))
            key = e.get("cluster") or f"{record['id']}#{i}"
            if key in rows:
                rows[key]["article_ids"] += ";" + record["id"]
                continue
            rows[key] = {
                "event_id": key, "article_ids": record["id"],
                "event_type": e.get("event_type"), "sub_event_type": e.get("sub_event_type"),
                "event_date": (interval[1] or interval[0]) if interval else None,
                "iso2": e.get("country"), "admin1": e.get("admin1"),
                "location": e.get("location"), "latitude": e.get("latitude"),
                "longitude": e.get("longitude"),
                **{f"{o}_best": (e[o]["low"] if e.get(o) else None)
                   for o in ("killed", "injured", "arrested")},
            }
    return predicted(*rows.values())


def test_gold_scored_against_itself_is_perfect(eval_dir: Path) -> None:
    for path in sorted(eval_dir.glob("*.jsonl")):
        records = ev.read_gold(path, limit=300)
        metrics = ev.metrics(ev.score_file(records, _gold_as_predictions(records)))
        for name in ev.FIELDS:
            if name.startswith("facts_") or metrics[name]["n"] == 0:
                continue
            perfect = 0.0 if name == "false_events" else 1.0  # less is better
            assert metrics[name]["value"] == perfect, (path.name, name, metrics[name])
