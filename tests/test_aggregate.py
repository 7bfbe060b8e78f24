"""aggregate: the I/O stage, events rebuilt from earlier runs' tables; runs that merge."""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pytest
from spacy.language import Language
from typer.testing import CliRunner

import pipeline.aggregate as aggregate_module
from pipeline.aggregate import aggregate_runs, load_summary
from pipeline.cli import app
from pipeline.events import summary_tables
from pipeline.export import load_events, load_table
from pipeline.run import run


runner = CliRunner()
RIOT = [
    {
        "id": "riot-a",
        "published": "2023-03-05",
        "title": "Deadly riot in Kaduna",
        "text": "Eight people were killed on Saturday when rioters clashed with police in Kaduna, "
        "Nigeria, officials said. Rioters set fire to shops and cars in the city centre.",
    },
    {
        "id": "riot-b",
        "published": "2023-03-06",
        "title": "Kaduna riot toll rises",
        "text": "Twelve people were killed in Saturday's riot in Kaduna, a police spokesman said on "
        "Monday. Mobs burned shops and vehicles before security forces restored order in the "
        "northern Nigerian city.",
    },
    {
        "id": "riot-c",
        "published": "2023-03-05",
        "title": "Unrest in northern Nigeria",
        "text": "Dozens of people were killed in rioting in Kaduna, Nigeria, on Saturday, witnesses "
        "said. Rioters torched shops as police fired tear gas.",
    },
    {
        "id": "other-d",
        "published": "2023-03-05",
        "title": "Protest in Santiago",
        "text": "Thousands of students marched peacefully in Santiago, Chile, on Friday to demand "
        "lower tuition fees. Two people were injured when police dispersed the crowd.",
    },
]


@pytest.fixture(scope="module")
def riot_batch(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("riot") / "batch.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in RIOT), encoding="utf-8")
    return path


def test_run_merges_the_riot_reports(riot_batch: Path, tmp_path: Path, nlp: Language) -> None:
    summary = run([riot_batch], tmp_path, nlp=nlp)
    events = load_events(tmp_path / "events.csv")
    assert summary.events == len(events) == 2
    riot = events[events.article_ids == "riot-a;riot-b;riot-c"].iloc[0]
    assert riot.n_sources == 3 and riot.location == "Kaduna" and riot.iso3 == "NGA"
    assert riot.event_date == pd.Timestamp("2023-03-04")
    # 8, 12 and "dozens": the highest exact report, "dozens" only keeps the range open.
    assert (riot.killed_low, riot.killed_best, riot.fatalities) == (12, 12, 12)
    assert riot.killed_high >= 12
    # The facts ledger keeps each source's own claim.
    facts = load_table(tmp_path / "facts.csv", {"article_id": "string", "kind": "string",
                                                 "outcome": "string", "count_best": "Int64"})
    claims = facts[(facts.kind == "casualty") & (facts.outcome == "killed")]
    assert {8, 12} <= set(claims.count_best.dropna())
    assert set(claims.article_id) == {"riot-a", "riot-b", "riot-c"}


def test_no_merge_keeps_one_event_per_article(riot_batch: Path, tmp_path: Path, nlp: Language) -> None:
    run([riot_batch], tmp_path, nlp=nlp, merge=False)
    events = load_events(tmp_path / "events.csv")
    assert sorted(events.article_ids) == ["other-d", "riot-a", "riot-b", "riot-c"]


@pytest.fixture(scope="module")
def riot_run(riot_batch: Path, tmp_path_factory: pytest.TempPathFactory, nlp: Language) -> Path:
    out = tmp_path_factory.mktemp("riot_run")
    run([riot_batch], out, nlp=nlp, merge=False)
    return out


def test_aggregate_rebuilds_the_events_of_a_run(
    riot_batch: Path, riot_run: Path, tmp_path: Path, nlp: Language
) -> None:
    unmerged = aggregate_runs([riot_run], tmp_path / "flat", merge=False)
    assert unmerged.events == unmerged.article_events == 4
    pd.testing.assert_frame_equal(
        load_events(tmp_path / "flat" / "events.csv"), load_events(riot_run / "events.csv")
    )
    summary = aggregate_runs([riot_run], tmp_path / "agg")
    assert (summary.articles, summary.article_events, summary.events) == (4, 4, 2)
    run([riot_batch], tmp_path / "merged", nlp=nlp)
    pd.testing.assert_frame_equal(
        load_events(tmp_path / "agg" / "events.csv"), load_events(tmp_path / "merged" / "events.csv")
    )


def test_aggregate_lists_a_runs_copies_among_the_sources_as_the_run_does(
    riot_batch: Path, tmp_path: Path, nlp: Language
) -> None:
    # A wire story republished word for word: the run reads it once and lists the copy among
    # the sources of its events; events rebuilt from the run's tables must list it too.
    batch = tmp_path / "copies.jsonl"
    copy = {**RIOT[0], "id": "riot-a-copy", "title": "Deadly riot in Kaduna (wire)"}
    batch.write_text(riot_batch.read_text(encoding="utf-8") + json.dumps(copy) + "\n", encoding="utf-8")
    run([batch], tmp_path / "run", nlp=nlp)
    assert "riot-a-copy" in load_events(tmp_path / "run" / "events.csv")["article_ids"].str.cat(sep=";")
    for merge in (True, False):
        aggregate_runs([tmp_path / "run"], tmp_path / f"agg{merge}", merge=merge)
    pd.testing.assert_frame_equal(load_events(tmp_path / "aggTrue" / "events.csv"),
                                  load_events(tmp_path / "run" / "events.csv"))
    flat = load_events(tmp_path / "aggFalse" / "events.csv")
    assert flat.loc[flat["article_ids"].str.contains("riot-a-copy"), "n_sources"].tolist() == [2]


def test_a_copy_read_as_an_original_in_another_run_is_listed_once(tmp_path: Path, nlp: Language) -> None:
    # Run 1 read the copy alone (an original there, with its own event); run 2 read it after
    # its original (a copy). Rebuilt together, the copy keeps its own event and is not also
    # listed among its original's sources: no death counted twice in one event's sources.
    copy = {**RIOT[0], "id": "riot-a-copy", "title": "wire"}
    (tmp_path / "one.jsonl").write_text(json.dumps(copy) + "\n", encoding="utf-8")
    (tmp_path / "two.jsonl").write_text(json.dumps(RIOT[0]) + "\n" + json.dumps(copy) + "\n", encoding="utf-8")
    run([tmp_path / "one.jsonl"], tmp_path / "r1", nlp=nlp)
    run([tmp_path / "two.jsonl"], tmp_path / "r2", nlp=nlp)
    aggregate_runs([tmp_path / "r1", tmp_path / "r2"], tmp_path / "agg", merge=False)
    ids = load_events(tmp_path / "agg" / "events.csv")["article_ids"].tolist()
    assert sorted(ids) == ["riot-a", "riot-a-copy"]


def test_worker_processes_build_the_same_tables(riot_run: Path, tmp_path: Path,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    # One article a chunk: each worker process builds some articles' events, the results
    # come back in table order, and the merge sees them as one process would have built them.
    monkeypatch.setattr(aggregate_module, "CHUNK_ARTICLES", 1)
    one = aggregate_runs([riot_run], tmp_path / "one")
    result = runner.invoke(app, ["aggregate", str(riot_run), "--out", str(tmp_path / "two"), "--processes", "2"])
    assert result.exit_code == 0, result.output
    assert "4 article events became 2 events" in result.output and one.events == 2
    for name in ("events", "merges", "claims", "summary_day"):
        assert (tmp_path / "one" / f"{name}.csv").read_bytes() == (tmp_path / "two" / f"{name}.csv").read_bytes(), name


def test_aggregate_keeps_one_copy_of_an_article_seen_in_two_runs(riot_run: Path, tmp_path: Path) -> None:
    summary = aggregate_runs([riot_run, riot_run], tmp_path, merge=False)
    assert summary.article_events == 4
    assert len(load_events(tmp_path / "events.csv")) == 4


def test_aggregate_cli_writes_events_and_summaries(riot_run: Path, tmp_path: Path) -> None:
    result = runner.invoke(app, ["aggregate", str(riot_run), "--out", str(tmp_path), "--format", "parquet"])
    assert result.exit_code == 0, result.output
    assert "4 article events became 2 events" in result.output
    for name in ("events", "summary_country", "summary_admin1", "summary_day", "summary_week"):
        assert (tmp_path / f"{name}.parquet").is_file(), name
    country = pd.read_parquet(tmp_path / "summary_country.parquet").set_index("iso3")
    assert country.loc["NGA", "events"] == 1 and country.loc["NGA", "fatalities"] == 12


@pytest.mark.parametrize("fmt", ["csv", "parquet", "jsonl"])
def test_summary_tables_load_back_with_their_dtypes(riot_run: Path, tmp_path: Path, fmt: str) -> None:
    aggregate_runs([riot_run], tmp_path, fmt=fmt)
    events = load_events(tmp_path / f"events.{fmt}")
    for name, table in summary_tables(events).items():
        back = load_summary(tmp_path / f"{name}.{fmt}")
        pd.testing.assert_frame_equal(back, table, check_like=False)


def test_aggregate_cli_without_tables_fails_cleanly(tmp_path: Path) -> None:
    result = runner.invoke(app, ["aggregate", str(tmp_path), "--out", str(tmp_path / "o")])
    assert result.exit_code == 2
    assert "no facts table" in result.output


def test_aggregate_reads_runs_in_any_format(riot_batch: Path, tmp_path: Path, nlp: Language) -> None:
    run([riot_batch], tmp_path / "run", nlp=nlp, fmt="jsonl", merge=False)
    summary = aggregate_runs([tmp_path / "run"], tmp_path / "agg", fmt="csv")
    assert (summary.article_events, summary.events) == (4, 2)
    assert len(load_events(tmp_path / "agg" / "events.csv")) == 2


def test_aggregate_writes_the_merge_ledger_and_splits_on_request(riot_run: Path, tmp_path: Path) -> None:
    result = runner.invoke(app, ["aggregate", str(riot_run), "--out", str(tmp_path / "a")])
    assert result.exit_code == 0, result.output
    ledger = pd.read_csv(tmp_path / "a" / "merges.csv")
    assert len(ledger) == 2 and set(ledger["decision"]) == {"merged"}  # riot-b and riot-c joined riot-a's
    assert ledger["rule"].notna().all()
    merged_id = ledger["event_id"].iloc[0]
    ids = tmp_path / "split.txt"
    ids.write_text(f"# kept apart after reading the ledger\n{merged_id}\n", encoding="utf-8")
    result = runner.invoke(app, ["aggregate", str(riot_run), "--out", str(tmp_path / "b"), "--split-file", str(ids),
                                 "--split", "no-such#1"])
    assert result.exit_code == 0, result.output
    assert "4 article events became 4 events" in result.output
    assert "nothing to split: no-such#1" in result.output
    assert set(pd.read_csv(tmp_path / "b" / "merges.csv")["decision"]) == {"split"}
    missing = runner.invoke(app, ["aggregate", str(riot_run), "--out", str(tmp_path / "c"), "--split-file",
                                  str(tmp_path / "nope.txt")])
    assert missing.exit_code == 2 and "nope.txt: no such split file" in missing.output


def test_a_merging_run_writes_the_same_ledger_as_aggregate(riot_batch: Path, riot_run: Path, tmp_path: Path,
                                                           nlp: Language) -> None:
    run([riot_batch], tmp_path / "run", nlp=nlp)
    aggregate_runs([riot_run], tmp_path / "agg")
    from_run = pd.read_csv(tmp_path / "run" / "merges.csv")
    pd.testing.assert_frame_equal(from_run, pd.read_csv(tmp_path / "agg" / "merges.csv"))
    assert pd.read_csv(riot_run / "merges.csv").empty  # --no-merge: the ledger has no row


def test_aggregate_cli_stopped_by_a_signal_says_so(riot_run: Path, tmp_path: Path,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    from pipeline import cli
    from pipeline.signals import RunInterrupted

    def interrupted(*args: object, **kwargs: object) -> None:
        raise RunInterrupted("SIGINT")

    monkeypatch.setattr(cli, "aggregate_runs", interrupted)
    result = runner.invoke(app, ["aggregate", str(riot_run), "--out", str(tmp_path)])
    assert result.exit_code == RunInterrupted("SIGINT").exit_code != 0
    assert "stopped by SIGINT" in result.output and "Traceback" not in result.output


def _broken_copy(riot_run: Path, tmp_path: Path, edits: dict[tuple[int, str], str]) -> Path:
    """A copy of a run whose facts table has some cells replaced ((row from 1, column) -> text)."""
    broken = tmp_path / "broken"
    broken.mkdir()
    (broken / "articles.csv").write_bytes((riot_run / "articles.csv").read_bytes())
    facts = pd.read_csv(riot_run / "facts.csv", dtype=str, keep_default_na=False)
    for (row, column), text in edits.items():
        facts.loc[row - 1, column] = text
    facts.to_csv(broken / "facts.csv", index=False)
    return broken


def test_fact_rows_no_model_accepts_are_named_and_the_rest_aggregated(riot_run: Path, tmp_path: Path) -> None:
    facts = pd.read_csv(riot_run / "facts.csv", dtype=str, keep_default_na=False)
    place = int((facts["kind"] == "place").to_numpy().argmax()) + 1
    actor = int((facts["kind"] == "actor").to_numpy().argmax()) + 1
    broken = _broken_copy(riot_run, tmp_path, {(place, "kind"): "gossip", (actor, "actor_type"): "aliens"})
    summary = aggregate_runs([broken], tmp_path / "agg", merge=False)
    assert summary.facts == len(facts) and summary.article_events == 4  # every article still has its events
    assert len(summary.left_out) == 2
    first, second = sorted(summary.left_out, key=lambda line: int(line.split(" row ")[1].split()[0]))
    lower, upper = sorted([place, actor])
    assert f"facts.csv row {lower} (article " in first and f"facts.csv row {upper} (article " in second
    assert any("kind: 'gossip' is none of place, actor" in line for line in summary.left_out)
    assert any("actor_type: Input should be" in line for line in summary.left_out)
    # A clean run leaves nothing out.
    assert aggregate_runs([riot_run], tmp_path / "clean", merge=False).left_out == []


def test_aggregate_cli_warns_of_rows_left_out_and_names_an_unreadable_cell(riot_run: Path, tmp_path: Path) -> None:
    facts = pd.read_csv(riot_run / "facts.csv", dtype=str, keep_default_na=False)
    actor = int((facts["kind"] == "actor").to_numpy().argmax()) + 1
    broken = _broken_copy(riot_run, tmp_path, {(actor, "actor_type"): "aliens"})
    result = runner.invoke(app, ["aggregate", str(broken), "--out", str(tmp_path / "a"), "-q"])
    assert result.exit_code == 0, result.output
    assert "warning: left out" in result.output and f"facts.csv row {actor} (article" in result.output
    assert "Traceback" not in result.output
    unreadable = tmp_path / "unreadable"
    unreadable.mkdir()
    (unreadable / "articles.csv").write_bytes((riot_run / "articles.csv").read_bytes())
    facts.loc[2, "char_start"] = "twelve"
    facts.to_csv(unreadable / "facts.csv", index=False)
    result = runner.invoke(app, ["aggregate", str(unreadable), "--out", str(tmp_path / "b")])
    assert result.exit_code == 2
    assert "facts.csv: row 3, column char_start: 'twelve' is not of type Int64" in result.output
    assert not (tmp_path / "b" / "events.csv").exists()


def test_a_fact_row_without_an_article_id_is_named_and_a_batch_of_none_writes_nothing(
    riot_run: Path, tmp_path: Path
) -> None:
    broken = _broken_copy(riot_run, tmp_path, {(3, "article_id"): ""})
    summary = aggregate_runs([broken], tmp_path / "agg", merge=False)
    assert any("row 3 (no article id): article_id" in line for line in summary.left_out), summary.left_out
    # Every row refused (a column renamed to another's name): an error, and no empty tables.
    facts = pd.read_csv(riot_run / "facts.csv", dtype=str, keep_default_na=False)
    nothing = tmp_path / "nothing"
    nothing.mkdir()
    (nothing / "articles.csv").write_bytes((riot_run / "articles.csv").read_bytes())
    facts.assign(kind="gossip").to_csv(nothing / "facts.csv", index=False)
    result = runner.invoke(app, ["aggregate", str(nothing), "--out", str(tmp_path / "none")])
    assert result.exit_code == 2
    assert "every fact row was left out, as" in result.output and "kind: 'gossip'" in result.output
    assert not (tmp_path / "none" / "events.csv").exists()


def test_a_json_lines_row_left_out_is_named_by_its_line(riot_batch: Path, tmp_path: Path, nlp: Language) -> None:
    run([riot_batch], tmp_path / "run", nlp=nlp, fmt="jsonl", merge=False)
    path = tmp_path / "run" / "facts.jsonl"
    lines = path.read_text(encoding="utf-8").splitlines()
    first = json.loads(lines[0])
    lines[0] = json.dumps({**first, "kind": "gossip"})
    # A blank line above the second row: an editor shows that row on line 3.
    lines[1:2] = ["", json.dumps({**json.loads(lines[1]), "kind": "rumour"})]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    summary = aggregate_runs([tmp_path / "run"], tmp_path / "agg", merge=False)
    assert [line.split(" (")[0].rsplit(" ", 2)[-2:] for line in summary.left_out] == [["line", "1"], ["line", "3"]]


def test_an_article_status_out_of_the_manifest_is_named(riot_run: Path, tmp_path: Path) -> None:
    broken = tmp_path / "status"
    broken.mkdir()
    (broken / "facts.csv").write_bytes((riot_run / "facts.csv").read_bytes())
    articles = pd.read_csv(riot_run / "articles.csv", dtype=str, keep_default_na=False)
    articles.loc[1, "status"] = "OK"
    articles.to_csv(broken / "articles.csv", index=False)
    result = runner.invoke(app, ["aggregate", str(broken), "--out", str(tmp_path / "o")])
    assert result.exit_code == 2
    assert "articles.csv: row 2, column status: 'OK' is none of ok, empty, failed, skipped, copy" in result.output


def test_a_casualty_whose_count_is_no_count_is_left_out(riot_run: Path, tmp_path: Path) -> None:
    facts = pd.read_csv(riot_run / "facts.csv", dtype=str, keep_default_na=False)
    rows = [int(i) + 1 for i in facts.index[facts["kind"] == "casualty"][:2]]
    broken = _broken_copy(riot_run, tmp_path, {(rows[0], "count_low"): "-1",
                                               (rows[1], "count_low"): "1000", (rows[1], "count_high"): "111"})
    left_out = aggregate_runs([broken], tmp_path / "agg", merge=False).left_out
    assert any(f"row {rows[0]} " in line and "holds a negative figure" in line for line in left_out), left_out
    assert any(f"row {rows[1]} " in line and "are out of order" in line for line in left_out), left_out


def test_aggregate_merges_the_records_made_beside_the_events(riot_run: Path, tmp_path: Path,
                                                             monkeypatch: pytest.MonkeyPatch) -> None:
    # The merge records are made where each article's events are built (a worker process), not
    # made again by the one process that merges.
    import pipeline.events.cluster as cluster_module

    expected = aggregate_runs([riot_run], tmp_path / "before")

    def made_again(*args: object, **kwargs: object) -> None:
        raise AssertionError("merge_events made a record the workers had made")

    monkeypatch.setattr(cluster_module, "make_record", made_again)
    summary = aggregate_runs([riot_run], tmp_path / "after")
    assert summary.events == expected.events == 2
    assert (tmp_path / "after" / "events.csv").read_bytes() == (tmp_path / "before" / "events.csv").read_bytes()
