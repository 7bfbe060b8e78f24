"""tabulate: column order and dtypes come from the schemas."""

from __future__ import annotations

import datetime as dt

from pipeline.schemas import CasualtyFact, DateFact, Event, FactBase, ManifestRow, PlaceFact
from pipeline.tabulate import (
    EVENT_DTYPES,
    FACT_DTYPES,
    events_frame,
    facts_frame,
    manifest_frame,
)


def _span(**kw: object) -> dict:
    return {"article_id": "a", "text": "x", "sentence": "x.", "char_start": 0, "char_end": 1, **kw}


def test_fact_columns_start_with_the_common_ones_in_schema_order() -> None:
    common = list(FactBase.model_fields)
    assert list(FACT_DTYPES)[: len(common)] == common
    assert FACT_DTYPES["count_high"] == "Int64"
    assert FACT_DTYPES["latitude"] == "Float64"
    assert FACT_DTYPES["date"] == "datetime64[s]"
    assert FACT_DTYPES["supersedes_prior"] == "boolean"


def test_facts_frame_is_tidy_with_blanks_where_a_column_does_not_apply() -> None:
    facts = [
        PlaceFact(**_span(name="Almaty", latitude=43.25, longitude=76.9, country_iso2="KZ")),
        CasualtyFact(**_span(outcome="killed", count_low=8, count_best=8, count_high=None)),
        DateFact(
            **_span(
                date=dt.date(2022, 1, 5),
                date_low=dt.date(2022, 1, 5),
                date_high=dt.date(2022, 1, 5),
                time_precision=1,
            )
        ),
    ]
    df = facts_frame(facts)
    assert list(df.columns) == list(FACT_DTYPES)
    assert list(df["kind"]) == ["place", "casualty", "date"]
    assert df.loc[0, "latitude"] == 43.25 and df["latitude"].isna().sum() == 2
    assert df.loc[1, "count_best"] == 8 and df["count_high"].isna().all()
    assert str(df["date"].dtype) == "datetime64[s]"
    assert df.loc[2, "date"] == dt.datetime(2022, 1, 5)


def test_empty_frames_keep_their_columns() -> None:
    assert list(events_frame([]).columns) == list(EVENT_DTYPES)
    assert facts_frame([]).empty


def test_events_and_manifest_frames() -> None:
    df = events_frame([Event(event_id="a#1", killed_best=3, article_ids="a")])
    assert df.loc[0, "killed_best"] == 3 and str(df["killed_best"].dtype) == "Int64"
    rows = manifest_frame([ManifestRow(article_id=None, source="f.jsonl:3", status="failed", error="bad")])
    assert rows.loc[0, "status"] == "failed" and rows.loc[0, "words"] == 0
