"""Golden test: the seed article end to end, against what a careful reader extracts from it."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
from spacy.language import Language

from pipeline.export import load_events, load_facts
from pipeline.run import run

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def seed_tables(tmp_path_factory: pytest.TempPathFactory, nlp: Language) -> dict[str, pd.DataFrame]:
    out = tmp_path_factory.mktemp("seed")
    summary = run([ROOT / "seeds"], out, nlp=nlp)
    assert summary.ok == 1
    return {
        "facts": load_facts(out / "facts.csv"),
        "events": load_events(out / "events.csv"),
        "articles": pd.read_csv(out / "articles.csv"),
    }


def test_casualty_facts(seed_tables: dict[str, pd.DataFrame]) -> None:
    cas = seed_tables["facts"].query("kind == 'casualty'")
    killed = cas[cas.outcome == "killed"]
    injured = cas[cas.outcome == "injured"]
    police = killed[(killed.count_best == 12) & (killed.victim_type == "state_forces")]
    assert len(police) >= 1
    assert ((injured.count_best == 353) & (injured.victim_type == "state_forces")).any()
    dozens = killed[killed.qualifier.fillna("").str.contains("dozens")]
    assert len(dozens) >= 1
    assert (dozens.count_low == 12).all() and (dozens.count_high > dozens.count_low).all()


def test_places(seed_tables: dict[str, pd.DataFrame], seed_gold: dict) -> None:
    places = seed_tables["facts"].query("kind == 'place'")
    for gold in seed_gold["facts"]["places"]:
        rows = places[places.text == gold["name"]]
        assert len(rows) >= 1, gold["name"]
        row = rows.iloc[0]
        assert row.country_iso2 == "KZ"
        # A country's "coordinates" are a conventional centre: allow more slack than for a city.
        slack = 2.0 if gold["feature"] == "country" else 0.25
        assert abs(row.latitude - gold["latitude"]) < slack
        assert abs(row.longitude - gold["longitude"]) < slack
    for name in seed_gold["facts"]["not_places"] + ["Asia"]:
        assert name not in set(places.text)


def test_dates(seed_tables: dict[str, pd.DataFrame]) -> None:
    days = {d.date().isoformat() for d in seed_tables["facts"].query("kind == 'date'").date}
    assert {"2022-01-05", "2022-01-06"} <= days


def test_no_must_drop_string_in_any_text_column(
    seed_tables: dict[str, pd.DataFrame], seed_gold: dict
) -> None:
    for table in seed_tables.values():
        for column in table.columns:
            if pd.api.types.is_string_dtype(table[column]) or table[column].dtype == object:
                values = table[column].dropna().astype(str)
                for text in seed_gold["facts"]["clean"]["must_drop"]:
                    assert not values.str.contains(text, regex=False).any(), (column, text)


def test_events(seed_tables: dict[str, pd.DataFrame]) -> None:
    events = seed_tables["events"]
    assert len(events) >= 1
    main = events.sort_values("killed_best", ascending=False).iloc[0]
    assert main.iso2 == "KZ"
    assert 24 <= main.killed_best <= 111
    assert main.injured_best == 353
