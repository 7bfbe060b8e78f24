"""export: atomic tables in CSV, Parquet and JSON Lines, formula escaping, loading with dtypes."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pandas as pd
import pytest
from spacy.language import Language
from typer.testing import CliRunner

from pipeline import load_articles, load_events, load_facts
from pipeline.cli import app
from pipeline.export import (
    FORMATS,
    TableError,
    TableWriter,
    empty_frame,
    escape_formulas,
    find_table,
    write_table,
    write_tables,
)
from pipeline.run import run
from pipeline.schemas import CasualtyFact, DateFact, Event, PlaceFact
from pipeline.tabulate import ARTICLE_DTYPES, EVENT_DTYPES, FACT_DTYPES, events_frame, facts_frame

runner = CliRunner()

RISKY = ["=SUM(A1:A9)", "+44 20 7946 0000", "-3 dead", "@cmd", "\tindented", "'=already quoted",
         "''+twice", "plain text", "it's = fine", None]


def sample_events() -> pd.DataFrame:
    day = dt.date(2023, 3, 4)
    return events_frame(
        [
            Event(event_id="a#1", event_date=day, date_low=day, date_high=day, time_precision=1,
                  location="=Townsville", latitude=10.5, longitude=-7.25, killed_low=3,
                  killed_best=3, killed_high=None, fatalities=3, n_sources=2, article_ids="a;b",
                  notes="-five killed, police say", evidence="@user wrote: 3 killed"),
            Event(event_id="c#1", event_type="riots", country="Nigeria", iso3="NGA",
                  article_ids="c", evidence="Rioters burned shops.\nPolice fired \"tear gas\", "
                  "witnesses said; 12 injured."),
        ]
    )


def sample_facts() -> pd.DataFrame:
    common = {"article_id": "a", "sentence": "=Two were killed on Friday in Kano.", "char_start": 0}
    return facts_frame(
        [
            CasualtyFact(**common, text="Two were killed", char_end=15, outcome="killed",
                         count_low=2, count_best=2, count_high=None, supersedes_prior=True),
            DateFact(**common, text="Friday", char_end=6, date=dt.date(2023, 3, 3),
                     date_low=dt.date(2023, 3, 3), date_high=dt.date(2023, 3, 3), time_precision=1),
            PlaceFact(**common, text="Kano", char_end=4, name="Kano", latitude=12.0, longitude=8.5),
        ]
    )


# --------------------------------------------------------------------------- CSV escaping


def test_formula_cells_are_escaped_in_the_file_and_restored_on_load(tmp_path: Path) -> None:
    df = pd.DataFrame({"text": pd.Series(RISKY, dtype="string"), "n": pd.Series(range(10), dtype="Int64")})
    df.loc[3, "n"] = -4  # a negative number is a number, not a formula
    path = write_table(df, tmp_path / "t", "csv")
    raw = pd.read_csv(path, dtype=str, keep_default_na=False)
    for cell in raw.text:
        assert not cell.startswith(("=", "+", "-", "@", "\t")), cell
    assert raw.text[0] == "'=SUM(A1:A9)" and raw.text[5] == "''=already quoted"
    assert raw.n[3] == "-4"
    back = pd.read_csv(path, dtype={"text": "string", "n": "Int64"}, keep_default_na=False, na_values=[""])
    from pipeline.export import unescape_formulas

    pd.testing.assert_frame_equal(unescape_formulas(back), df)


def test_escaping_leaves_other_columns_and_the_input_alone() -> None:
    df = pd.DataFrame({"a": pd.Series(["=x"], dtype="string"), "b": [1.5], "c": pd.Series([True], dtype="boolean")})
    out = escape_formulas(df)
    assert out.a[0] == "'=x" and df.a[0] == "=x"
    assert out.b[0] == 1.5 and bool(out.c[0])


# --------------------------------------------------------------------------- round trips


@pytest.mark.parametrize("fmt", FORMATS)
def test_events_round_trip_with_their_dtypes(tmp_path: Path, fmt: str) -> None:
    events = sample_events()
    path = write_table(events, tmp_path / "events", fmt)
    assert path.name == f"events.{fmt}"
    back = load_events(path)
    assert {c: str(t) for c, t in back.dtypes.items()} == EVENT_DTYPES
    pd.testing.assert_frame_equal(back, events)


@pytest.mark.parametrize("fmt", FORMATS)
def test_facts_round_trip_with_their_dtypes(tmp_path: Path, fmt: str) -> None:
    facts = sample_facts()
    back = load_facts(write_table(facts, tmp_path / "facts", fmt))
    assert {c: str(t) for c, t in back.dtypes.items()} == FACT_DTYPES
    pd.testing.assert_frame_equal(back, facts)


@pytest.mark.parametrize("fmt", FORMATS)
def test_an_empty_table_loads_with_its_columns_and_dtypes(tmp_path: Path, fmt: str) -> None:
    back = load_articles(write_table(empty_frame(ARTICLE_DTYPES), tmp_path / "articles", fmt))
    assert back.empty
    assert {c: str(t) for c, t in back.dtypes.items()} == ARTICLE_DTYPES


def test_jsonl_holds_iso_days_and_nulls(tmp_path: Path) -> None:
    path = write_table(sample_events(), tmp_path / "events", "jsonl")
    first = json.loads(path.read_text(encoding="utf-8").splitlines()[0])
    assert first["event_date"] == "2023-03-04" and first["killed_high"] is None
    assert first["location"] == "=Townsville"  # no spreadsheet escaping outside CSV


def test_text_that_looks_like_a_missing_value_stays_text(tmp_path: Path) -> None:
    events = sample_events()
    events.loc[0, "location"] = "None"
    events.loc[1, "location"] = "NA"
    back = load_events(write_table(events, tmp_path / "events", "csv"))
    assert back.location.tolist() == ["None", "NA"]


@pytest.mark.parametrize("fmt", FORMATS)
def test_table_writer_appends_chunks(tmp_path: Path, fmt: str) -> None:
    events = sample_events()
    with TableWriter(tmp_path / f"events.{fmt}", list(EVENT_DTYPES), dtypes=EVENT_DTYPES) as writer:
        writer.write(events.iloc[:1])
        writer.write(events.iloc[:0])
        writer.write(events.iloc[1:])
    pd.testing.assert_frame_equal(load_events(tmp_path / f"events.{fmt}"), events)


# --------------------------------------------------------------------------- atomic writes


@pytest.mark.parametrize("fmt", FORMATS)
def test_a_failed_write_leaves_no_partial_table(tmp_path: Path, fmt: str) -> None:
    path = tmp_path / f"events.{fmt}"
    with pytest.raises(RuntimeError):
        with TableWriter(path, list(EVENT_DTYPES), dtypes=EVENT_DTYPES) as writer:
            writer.write(sample_events())
            raise RuntimeError("interrupted")
    assert not path.exists()
    assert list(tmp_path.iterdir()) == []  # no temporary file left behind


def test_a_failed_rewrite_keeps_the_previous_table(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = write_table(sample_events(), tmp_path / "events", "csv")
    before = path.read_bytes()

    def broken(*args: object, **kwargs: object) -> None:
        raise OSError("disk full")

    monkeypatch.setattr(pd.DataFrame, "to_csv", broken)
    with pytest.raises(OSError):
        write_table(sample_events().iloc[:1], tmp_path / "events", "csv")
    assert path.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["events.csv"]


def test_a_set_of_tables_is_renamed_into_place_only_when_all_are_written(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    old = write_tables({"events": sample_events(), "merges": pd.DataFrame({"a": [1]})}, tmp_path)
    before = [p.read_bytes() for p in old]
    calls = []
    real = pd.DataFrame.to_csv

    def second_table_fails(df: pd.DataFrame, *args: object, **kwargs: object) -> None:
        calls.append(1)
        if len(calls) == 4:  # the second table's rows (each table writes its header, then its rows)
            raise OSError("disk full")
        real(df, *args, **kwargs)

    monkeypatch.setattr(pd.DataFrame, "to_csv", second_table_fails)
    with pytest.raises(OSError):
        write_tables({"events": sample_events().iloc[:1], "merges": pd.DataFrame({"a": [2]})}, tmp_path)
    # the first table was written whole, but nothing of the new set replaced the old one
    assert len(calls) == 4
    assert [p.read_bytes() for p in old] == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["events.csv", "merges.csv"]
    monkeypatch.undo()
    new = write_tables({"events": sample_events().iloc[:1], "merges": pd.DataFrame({"a": [2]})}, tmp_path)
    assert [p.read_bytes() for p in new] != before


def test_unknown_format_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="unknown format"):
        write_table(sample_events(), tmp_path / "events", "xlsx")


def test_find_table_looks_for_every_format(tmp_path: Path) -> None:
    write_table(sample_events(), tmp_path / "events", "parquet")
    assert find_table(tmp_path, "events").name == "events.parquet"
    with pytest.raises(FileNotFoundError, match="no facts table"):
        find_table(tmp_path, "facts")


# --------------------------------------------------------------------------- through run and the CLI

TEXT = (
    "Two people were killed and five injured on Friday when gunmen attacked a market in Kano, "
    "Nigeria, police said."
)


@pytest.mark.parametrize("fmt", ["parquet", "jsonl"])
def test_run_writes_every_table_in_the_requested_format(tmp_path: Path, nlp: Language, fmt: str) -> None:
    src = tmp_path / "in.jsonl"
    src.write_text(json.dumps({"id": "k1", "published": "2023-03-05", "text": TEXT}) + "\n", encoding="utf-8")
    run([src], tmp_path / "csv", nlp=nlp)
    run([src], tmp_path / fmt, nlp=nlp, fmt=fmt)
    for name, loader in (("events", load_events), ("facts", load_facts), ("articles", load_articles)):
        assert not (tmp_path / fmt / f"{name}.csv").exists()
        pd.testing.assert_frame_equal(
            loader(tmp_path / fmt / f"{name}.{fmt}"), loader(tmp_path / "csv" / f"{name}.csv")
        )


def test_cli_format_option(tmp_path: Path) -> None:
    src = tmp_path / "in.jsonl"
    src.write_text(json.dumps({"id": "k1", "published": "2023-03-05", "text": TEXT}) + "\n", encoding="utf-8")
    result = runner.invoke(app, ["run", str(src), "--out", str(tmp_path / "o"), "--format", "jsonl"])
    assert result.exit_code == 0, result.output
    assert "events.jsonl" in result.output
    assert load_articles(tmp_path / "o" / "articles.jsonl").status.tolist() == ["ok"]
    result = runner.invoke(app, ["run", str(src), "--out", str(tmp_path / "x"), "--format", "xlsx"])
    assert result.exit_code != 0


# --------------------------------------------------------------------------- unreadable tables


@pytest.mark.parametrize(
    ("column", "text", "dtype"),
    [("char_start", "twelve", "Int64"), ("char_start", "1.5", "Int64"), ("latitude", "north", "Float64"),
     ("supersedes_prior", "perhaps", "boolean")],
)
def test_a_cell_its_column_cannot_hold_is_named_by_row_and_column(
    tmp_path: Path, column: str, text: str, dtype: str
) -> None:
    path = write_table(sample_facts(), tmp_path / "facts", "csv")
    cells = pd.read_csv(path, dtype=str, keep_default_na=False)
    cells.loc[1, column] = text
    cells.to_csv(path, index=False)
    with pytest.raises(TableError, match=rf"facts\.csv: row 2, column {column}: '{text}' is not of type {dtype}"):
        load_facts(path)


def test_cells_a_column_can_hold_load(tmp_path: Path) -> None:
    # Whole numbers written as "3.0", truth values in any case: what pandas reads, the check reads.
    path = write_table(sample_facts(), tmp_path / "facts", "csv")
    cells = pd.read_csv(path, dtype=str, keep_default_na=False)
    cells.loc[1, "supersedes_prior"] = "TRUE"
    cells.to_csv(path, index=False)
    assert bool(load_facts(path)["supersedes_prior"].iloc[1]) is True


def test_a_json_lines_table_names_its_broken_line(tmp_path: Path) -> None:
    path = write_table(sample_facts(), tmp_path / "facts", "jsonl")
    lines = path.read_text(encoding="utf-8").splitlines()
    lines[1] = lines[1][: len(lines[1]) // 2]  # cut in the middle, as a full disk leaves it
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(TableError, match=r"facts\.jsonl: line 2: not a JSON object"):
        load_facts(path)
    lines[1] = json.dumps({**json.loads(lines[0]), "char_start": "twelve"})
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(TableError, match=r"row 2, column char_start: 'twelve' is not of type Int64"):
        load_facts(path)
    # A JSON truth value is no number either (pandas would read true as 1).
    lines[1] = json.dumps({**json.loads(lines[0]), "char_start": True})
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(TableError, match=r"row 2, column char_start: True is not of type Int64"):
        load_facts(path)


def test_a_csv_row_with_more_or_fewer_cells_than_the_header_is_named_by_row_and_line(tmp_path: Path) -> None:
    # The first row's sentence holds a line break: row 3 of the table is line 5 of the file.
    facts = sample_facts()
    facts.loc[0, "sentence"] = "Two lines\nof one sentence"
    path = write_table(facts, tmp_path / "facts", "csv")
    assert len(load_facts(path)) == len(facts)  # a line break inside a cell is no broken row
    lines = path.read_text(encoding="utf-8").split("\n")
    header = lines[0].count(",") + 1
    lines[4] += ",extra,cells"
    path.write_text("\n".join(lines), encoding="utf-8")
    with pytest.raises(TableError, match=rf"facts\.csv: .*row 3, line 5: {header + 2} cells, the header has {header}"):
        load_facts(path)
    # A row cut short (a copy interrupted mid-row) would load with its last cells missing.
    lines[4] = ",".join(lines[4].split(",")[:10])
    path.write_text("\n".join(lines), encoding="utf-8")
    with pytest.raises(TableError, match=r"facts\.csv: .*row 3, line 5: 10 cells, the header has"):
        load_facts(path)


def test_a_json_lines_table_saved_with_a_byte_order_mark_loads(tmp_path: Path) -> None:
    # An editor on Windows may start the file with a byte order mark: the same table.
    path = write_table(sample_facts(), tmp_path / "facts", "jsonl")
    plain = load_facts(path)
    path.write_text(path.read_text(encoding="utf-8"), encoding="utf-8-sig")
    assert path.read_bytes().startswith(b"\xef\xbb\xbf")
    pd.testing.assert_frame_equal(load_facts(path), plain)


def test_a_file_that_is_no_parquet_table_is_named(tmp_path: Path) -> None:
    path = tmp_path / "facts.parquet"
    path.write_bytes(b"PAR1 not really")
    with pytest.raises(TableError, match=r"facts\.parquet: not a Parquet table"):
        load_facts(path)


def _edited_facts(tmp_path: Path, row: int, column: str, text: str) -> Path:
    """A CSV facts table of `sample_facts` with one cell (row from 1) replaced by `text`."""
    path = write_table(sample_facts(), tmp_path / "facts", "csv")
    cells = pd.read_csv(path, dtype=str, keep_default_na=False)
    cells.loc[row - 1, column] = text
    cells.to_csv(path, index=False)
    return path


@pytest.mark.parametrize(("text", "message"), [
    ("06/02/2023", r"row 2, column date: '06/02/2023' is no ISO day"),  # would read as June, or as none
    ("2023-02-30", r"row 2, column date: '2023-02-30' is no ISO day"),
])
def test_a_day_that_is_no_iso_day_is_named(tmp_path: Path, text: str, message: str) -> None:
    with pytest.raises(TableError, match=message):
        load_facts(_edited_facts(tmp_path, 2, "date", text))


def test_a_number_too_big_for_its_column_is_named(tmp_path: Path) -> None:
    path = _edited_facts(tmp_path, 1, "count_high", "99999999999999999999")
    with pytest.raises(TableError, match=r"facts\.csv: "):
        load_facts(path)


def test_a_table_without_its_key_columns_is_named(tmp_path: Path) -> None:
    path = write_table(sample_facts().drop(columns=["kind"]), tmp_path / "facts", "csv")
    with pytest.raises(TableError, match=r"facts\.csv: no column kind"):
        load_facts(path)


def test_json_lines_with_no_row_or_no_utf8_line(tmp_path: Path) -> None:
    blank = tmp_path / "blank" / "facts.jsonl"
    blank.parent.mkdir()
    blank.write_text("\n\n", encoding="utf-8")
    assert load_facts(blank).empty
    path = write_table(sample_facts(), tmp_path / "facts", "jsonl")
    path.write_bytes(path.read_bytes() + b'{"article_id": "caf\xe9"}\n')
    with pytest.raises(TableError, match=r"facts\.jsonl: line 4: not UTF-8 text \(byte 0xe9\)"):
        load_facts(path)


def test_a_parquet_cell_of_another_type_is_no_broken_file(tmp_path: Path) -> None:
    frame = sample_facts()
    frame["char_start"] = ["0", "twelve", "0"]  # a text column where numbers belong
    path = tmp_path / "facts.parquet"
    frame.to_parquet(path)
    with pytest.raises(TableError, match=r"facts\.parquet: a column cannot be read with its documented type"):
        load_facts(path)


def test_an_infinite_number_is_named(tmp_path: Path) -> None:
    with pytest.raises(TableError, match=r"row 3, column latitude: inf is no finite number"):
        load_facts(_edited_facts(tmp_path, 3, "latitude", "inf"))


def test_a_column_named_twice_is_named(tmp_path: Path) -> None:
    path = write_table(sample_facts(), tmp_path / "facts", "csv")
    lines = path.read_text(encoding="utf-8").split("\n", 1)
    path.write_text(lines[0].replace("char_end", "char_start") + "\n" + lines[1], encoding="utf-8")
    with pytest.raises(TableError, match=r"facts\.csv: column char_start appears twice in the header"):
        load_facts(path)
