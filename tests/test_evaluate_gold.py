"""Reading gold records and predicted tables (pipeline.evaluate.gold). Records are invented."""

from __future__ import annotations

import json
import math
from pathlib import Path

import pandas as pd
import pytest
from typer.testing import CliRunner

from pipeline.cli import app

from pipeline.evaluate.gold import GoldError, _clean, events_by_article, facts_by_article, load_tables, read_gold


def test_read_gold_skips_blank_lines_and_limits(tmp_path: Path) -> None:
    path = tmp_path / "gold.jsonl"
    path.write_text('{"id": "a"}\n\n{"id": "b"}\n{"id": "c"}\n', encoding="utf-8")
    assert [r["id"] for r in read_gold(path)] == ["a", "b", "c"]
    assert [r["id"] for r in read_gold(path, limit=2)] == ["a", "b"]


def test_missing_cells_become_none() -> None:
    assert [_clean(v) for v in (math.nan, pd.NA, pd.NaT, " ", None)] == [None] * 5
    assert _clean(pd.Timestamp("2022-01-10")) == "2022-01-10"


def test_events_and_facts_grouped_by_article() -> None:
    events = pd.DataFrame([{"event_id": "e1", "article_ids": "a; b"}, {"event_id": "e2", "article_ids": ""}])
    assert {k: [e["event_id"] for e in v] for k, v in events_by_article(events).items()} == {
        "a": ["e1"], "b": ["e1"],
    }  # fmt: skip
    facts = pd.DataFrame([{"article_id": "a", "kind": "date"}, {"article_id": None, "kind": "place"}])
    assert list(facts_by_article(facts)) == ["a"]


def test_absent_tables_are_empty(tmp_path: Path) -> None:
    events, facts = load_tables(tmp_path)
    assert events.empty and facts.empty


# Every shape FORMAT.md allows: counts as intervals (high null = no bound) or whole numbers,
# dates as days or intervals with either end open, events absent or empty.
GOOD_EVENTS = [
    {"killed": {"low": 7, "high": 7}, "injured": {"low": 8, "high": None}, "arrested": None, "date": "2016-01-27"},
    {"killed": 3, "injured": 0, "date": {"low": "2022-01-05", "high": "2022-01-06"}},
    {"date": {"low": None, "high": "2022-01-06"}, "actors": [], "optional": True, "cluster": "c-1"},
    {"event_type": "riots", "sub_event_type": "mob_violence"}, {"event_type": "battles"}, {"sub_event_type": "grenade"},
    {"country": "US", "admin1": "Ohio", "location": "Dayton", "latitude": 39.76, "longitude": -84, "cluster": 92194},
    {"country": None, "location": None, "latitude": None, "longitude": None, "actors": ["FMLN"], "cluster": None},
    {},
]


def test_every_shape_of_the_format_is_read(tmp_path: Path) -> None:
    path = tmp_path / "gold.jsonl"
    lines = [{"id": "a", "events": GOOD_EVENTS}, {"id": "b", "events": []}, {"id": "c"}, {"id": "d", "events": None}]
    # A byte-order mark, as some editors write one.
    path.write_text("\ufeff" + "".join(json.dumps(line) + "\n" for line in lines), encoding="utf-8")
    assert [r["id"] for r in read_gold(path)] == ["a", "b", "c", "d"]


def test_counts_are_read_as_intervals_and_days_by_their_first_ten_characters(tmp_path: Path) -> None:
    # A whole number is its own interval; integral floats are what table libraries write.
    path = tmp_path / "gold.jsonl"
    event = {"killed": 24, "injured": {"low": 2.0, "high": None}, "arrested": 0.0, "date": "2022-01-05T10:00:00"}
    facts = {"casualties": [{"outcome": "killed", "count": 3}], "dates": ["2022-01-05"], "note": "free"}
    path.write_text(json.dumps({"id": "a", "events": [event], "facts": facts}) + "\n", encoding="utf-8")
    record = read_gold(path)[0]
    assert record["events"][0]["killed"] == {"low": 24, "high": 24}
    assert record["events"][0]["injured"] == {"low": 2, "high": None}
    assert record["events"][0]["arrested"] == {"low": 0, "high": 0}
    assert record["facts"]["casualties"][0]["count"] == {"low": 3, "high": 3}


def test_fact_level_places_actors_and_dates_in_every_allowed_shape_are_read(tmp_path: Path) -> None:
    # Names text or null, coordinates on the globe or null, mentions a list, days ISO strings.
    facts = {
        "places": [{"name": "Almaty", "country": "KZ", "admin1": None, "latitude": -43.25, "longitude": 180},
                   {"name": "Kazakhstan", "also_known_as": "Qazaqstan", "latitude": None}],
        "actors": [{"name": "Police", "type": "state_forces", "mentions": ["police", "officers"]},
                   {"name": "Protesters", "type": None, "mentions": None}],
        "dates": ["2022-01-02", "2022-01-05T10:00:00"],
    }
    path = tmp_path / "gold.jsonl"
    path.write_text(json.dumps({"id": "a", "events": [], "facts": facts}) + "\n", encoding="utf-8")
    assert read_gold(path)[0]["facts"]["places"][0]["name"] == "Almaty"


def test_a_gold_file_with_whole_number_counts_is_scored(tmp_path: Path) -> None:
    path = tmp_path / "gold.jsonl"
    path.write_text(json.dumps({"id": "a", "events": [{"killed": 3}]}) + "\n", encoding="utf-8")
    run = tmp_path / "run"
    run.mkdir()
    pd.DataFrame([{"event_id": "a#1", "event_type": None, "article_ids": "a", "killed_best": 3}]).to_csv(
        run / "events.csv", index=False)
    result = CliRunner().invoke(app, ["evaluate", str(path), "--predictions", str(run)])
    assert result.exit_code == 0, result.output
    assert "killed" in result.output and "1.000 (1)" in result.output


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ('{"id": "x", "events": [', r"line 2: not JSON \(Expecting value at column 24\)"),
        ('["x"]', "line 2: not a JSON object"),
        ('{"events": []}', "line 2: id: missing, or not a string"),
        ('{"id": "a"}', "line 2: id: 'a' is also the id of line 1"),
        ('{"id": "x", "events": {"killed": 1}}', "line 2: events: not a list"),
        ('{"id": "x", "events": ["riot"]}', r"line 2: events\[0\]: not a JSON object"),
        ('{"id": "x", "events": [{}, {"killed": "many"}]}', r"line 2: events\[1\]\.killed: 'many' is no count"),
        ('{"id": "x", "events": [{"injured": -2}]}', r"line 2: events\[0\]\.injured: -2 is no count"),
        ('{"id": "x", "events": [{"arrested": {"high": 3}}]}', r"line 2: events\[0\]\.arrested: low None is no whole number"),
        ('{"id": "x", "events": [{"killed": {"low": 5, "high": 2}}]}', r"line 2: events\[0\]\.killed: high 2 is neither null nor"),
        ('{"id": "x", "events": [{"date": "yesterday"}]}', r"line 2: events\[0\]\.date: 'yesterday' is no ISO day"),
        ('{"id": "x", "events": [{"date": {"low": "2022-13-01"}}]}', r"line 2: events\[0\]\.date: '2022-13-01' is no ISO day"),
        ('{"id": "x", "events": [{"date": {"low": "2022-02-03", "high": "2022-01-05"}}]}',
         r"line 2: events\[0\]\.date: low '2022-02-03' is after high '2022-01-05'"),
        ('{"id": "x", "events": [{"killed": 2.5}]}', r"line 2: events\[0\]\.killed: 2\.5 is no count"),
        ('{"id": "x", "events": [{"optional": "false"}]}', r"line 2: events\[0\]\.optional: 'false' is neither"),
        ('{"id": "x", "facts": "none"}', "line 2: facts: not a JSON object"),
        ('{"id": "x", "events": [{"event_type": "riot"}]}', r"line 2: events\[0\]\.event_type: 'riot' is none of battles"),
        ('{"id": "x", "events": [{"event_type": "riots", "sub_event_type": "grenade"}]}',
         r"line 2: events\[0\]\.sub_event_type: 'grenade' is no sub-event type of riots"),
        ('{"id": "x", "events": [{"country": 42}]}', r"line 2: events\[0\]\.country: 42 is no text"),
        ('{"id": "x", "events": [{"latitude": "39.7"}]}', r"line 2: events\[0\]\.latitude: '39\.7' is no number"),
        ('{"id": "x", "events": [{"longitude": 500}]}', r"line 2: events\[0\]\.longitude: 500 is no number from -180"),
        ('{"id": "x", "events": [{"actors": "rebels"}]}', r"line 2: events\[0\]\.actors: 'rebels' is no list of names"),
        ('{"id": "x", "events": [{"cluster": ["c"]}]}', r"line 2: events\[0\]\.cluster: \['c'\] is neither text"),
        ('{"id": "x", "facts": {"casualties": [{"count": "dozens"}]}}',
         r"line 2: facts\.casualties\[0\]\.count: 'dozens' is no count"),
        ('{"id": "x", "facts": {"places": [{"name": "Almaty"}, {"name": 42}]}}',
         r"line 2: facts\.places\[1\]\.name: 42 is no text"),
        ('{"id": "x", "facts": {"places": [{"name": "Almaty", "latitude": "43.2"}]}}',
         r"line 2: facts\.places\[0\]\.latitude: '43\.2' is no number"),
        ('{"id": "x", "facts": {"places": [{"name": "Almaty", "longitude": -200}]}}',
         r"line 2: facts\.places\[0\]\.longitude: -200 is no number"),
        ('{"id": "x", "facts": {"actors": [{"name": "Police", "mentions": "police"}]}}',
         r"line 2: facts\.actors\[0\]\.mentions: 'police' is no list of text"),
        ('{"id": "x", "facts": {"actors": [{"name": ["Police"]}]}}',
         r"line 2: facts\.actors\[0\]\.name: \['Police'\] is no text"),
        ('{"id": "x", "facts": {"dates": "2022-01-05"}}', r"line 2: facts\.dates: '2022-01-05' is no list"),
        ('{"id": "x", "facts": {"dates": ["2022-01-05", "soon"]}}', r"line 2: facts\.dates\[1\]: 'soon' is no ISO day"),
        ('{"id": "x", "facts": {"dates": [20220105]}}', r"line 2: facts\.dates\[0\]: 20220105 is no ISO day"),
    ],
)
def test_a_line_out_of_the_format_is_named(tmp_path: Path, line: str, message: str) -> None:
    path = tmp_path / "gold.jsonl"
    path.write_text('{"id": "a", "events": []}\n' + line + "\n", encoding="utf-8")
    with pytest.raises(GoldError, match=rf"gold\.jsonl: {message}"):
        read_gold(path)


def test_evaluate_cli_names_a_broken_gold_line(tmp_path: Path) -> None:
    path = tmp_path / "gold.jsonl"
    path.write_text('{"id": "a", "events": [{"killed": "dozens"}]}\n', encoding="utf-8")
    (tmp_path / "run").mkdir()
    result = CliRunner().invoke(app, ["evaluate", str(path), "--predictions", str(tmp_path / "run")])
    assert result.exit_code == 2
    assert "gold.jsonl: line 1: events[0].killed: 'dozens' is no count" in result.output
    assert "Traceback" not in result.output


def test_a_byte_that_is_no_utf8_is_named_by_its_line(tmp_path: Path) -> None:
    path = tmp_path / "gold.jsonl"
    path.write_bytes(b'{"id": "a"}\n{"id": "b", "title": "caf\xe9"}\n')
    with pytest.raises(GoldError, match=r"gold\.jsonl: line 2: not UTF-8 text \(byte 0xe9\)"):
        read_gold(path)


def test_every_gold_file_is_checked_before_any_is_scored(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    good, bad = tmp_path / "good.jsonl", tmp_path / "bad.jsonl"
    good.write_text('{"id": "a", "events": []}\n', encoding="utf-8")
    bad.write_text('{"id": "b", "events": [{"killed": "many"}]}\n', encoding="utf-8")

    def no_model() -> None:
        raise AssertionError("the model was loaded before every gold file was checked")

    # No --predictions: a check made file by file would load the model and run the first file.
    monkeypatch.setattr("pipeline.nlp.load_nlp", no_model)
    result = CliRunner().invoke(app, ["evaluate", str(good), str(bad)])
    assert result.exit_code == 2
    assert "bad.jsonl: line 1: events[0].killed: 'many' is no count" in result.output
