"""The data the audit report is built from: which spans are highlighted where, what the
overview counts, where texts come from, and the written page (no browser here)."""

from __future__ import annotations

import json
import random
import re
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from pipeline.cli import app
from pipeline.report import report_data, write_report
from pipeline.report.data import KINDS
from pipeline.report.shapes import country_paths
from pipeline.report.spans import article_spans, laminar
from pipeline.report.texts import input_file, read_texts

sys.path.insert(0, str(Path(__file__).resolve().parent))
from report_fixture import SENTENCE_A, make_run  # noqa: E402


def _words(detail: dict) -> list[tuple[str, str]]:
    return [(KINDS[k], detail["text"][s:e]) for s, e, k, _label in detail["spans"]]


def test_each_fact_is_highlighted_on_its_own_words(tmp_path: Path) -> None:
    _summary, details = report_data(make_run(tmp_path))
    assert _words(details["a-1"]) == [
        ("trigger", "Clashes"),
        ("place", "Northtown"),  # in the headline
        ("date", "Monday"),
        ("casualty", "7 protesters were killed"),
        ("actor", "protesters"),  # inside the casualty claim
        ("trigger", "protesters"),  # the same word, nested once more
        ("place", "Northtown"),
    ]


def test_a_fact_whose_offsets_miss_its_words_is_listed_not_highlighted(tmp_path: Path) -> None:
    _summary, details = report_data(make_run(tmp_path))
    a = details["a-1"]
    (words, label), = a["misplaced"]
    assert words == "Southville" and a["labels"][label].startswith("place: Southville")
    assert "Southville" not in [a["text"][s:e] for s, e, _k, _l in a["spans"]]


def test_a_casualty_claim_keeps_its_sentence_and_counts(tmp_path: Path) -> None:
    _summary, details = report_data(make_run(tmp_path))
    a = details["a-1"]
    (claim,) = a["claims"]
    assert claim["sentence"] == SENTENCE_A and claim["text"] == "7 protesters were killed"
    assert a["text"][claim["start"]:].startswith(claim["text"])
    assert (claim["outcome"], claim["count_low"], claim["count_best"], claim["count_high"]) == ("killed", 7, 7, 7)
    assert a["labels"][claim["label"]].startswith("casualty: killed 7/7/7")
    assert "partitive" not in claim and "qualifier" not in claim  # unset: left out


def test_a_place_read_twice_alike_shares_one_label(tmp_path: Path) -> None:
    a = report_data(make_run(tmp_path))[1]["a-1"]
    assert len(a["labels"]) == len(set(a["labels"]))
    labels = {(a["text"][s:e], KINDS[k]): a["labels"][label] for s, e, k, label in a["spans"]}
    places = [label for s, e, k, label in a["spans"] if KINDS[k] == "place"]
    assert len(places) == 2 and places[0] == places[1]
    assert labels[("Northtown", "place")] == "place: Northtown, Freedonia (role event, precision 1)"
    assert labels[("protesters", "actor")] == "actor: Protesters (protesters)"
    assert labels[("protesters", "trigger")] == "trigger: protests (priority 0)"


def test_a_missing_input_file_makes_the_text_unavailable_with_its_reason(tmp_path: Path) -> None:
    summary, details = report_data(make_run(tmp_path))
    assert details["b-1"]["text"] is None
    assert "gone.jsonl" in details["b-1"]["missing"] and "no longer there" in details["b-1"]["missing"]
    assert summary["overview"]["unavailable"] == ["gone.jsonl: the input file is no longer there"]


def test_overview_counts_statuses_problems_types_and_totals(tmp_path: Path) -> None:
    o = report_data(make_run(tmp_path))[0]["overview"]
    assert o["read"] == 4 and o["statuses"] == {"ok": 2, "failed": 1, "empty": 1}
    assert [p["status"] for p in o["problems"]] == ["failed", "empty"]
    assert "malformed JSON" in o["problems"][0]["error"]
    assert o["types"] == {"riots": 1, "battles": 1}
    assert o["totals"] == {"killed": 7, "injured": 2, "arrested": 3}


def test_events_are_columns_and_rows_of_plain_values(tmp_path: Path) -> None:
    events = report_data(make_run(tmp_path))[0]["events"]
    rows = [dict(zip(events["columns"], r)) for r in events["rows"]]
    assert rows[0]["event_date"] == "2024-03-04" and rows[0]["killed_best"] == 7
    assert rows[1]["latitude"] is None and rows[1]["arrested_best"] == 3
    json.dumps(events)  # plain JSON values only


def test_spans_that_cross_are_cut_so_they_nest() -> None:
    # [0, 10) and [5, 15) cross: the second is cut at 10 and goes on as [10, 15).
    assert laminar([[0, 10, 0, 0], [5, 15, 1, 1], [2, 4, 2, 2]]) == [
        [0, 10, 0, 0], [2, 4, 2, 2], [5, 10, 1, 1], [10, 15, 1, 1],
    ]


def test_laminar_spans_nest_and_cover_the_same_characters() -> None:
    rng = random.Random(17)
    for _ in range(200):
        spans = []
        for f in range(rng.randint(1, 8)):
            start = rng.randint(0, 30)
            spans.append([start, start + rng.randint(1, 12), rng.randint(0, 4), f])
        out = laminar(spans)
        for i, a in enumerate(out):  # any two nest or are apart
            for b in out[i + 1:]:
                assert b[1] <= a[1] or b[0] >= a[1], (a, b)
        for s, e, k, f in spans:  # each fact still covers exactly its characters
            covered = {c for s2, e2, _k, f2 in out if f2 == f for c in range(s2, e2)}
            assert covered == set(range(s, e))


def test_article_spans_skip_unknown_kinds_and_out_of_range_offsets() -> None:
    text = "Rain fell."
    facts = [
        {"kind": "place", "text": "Rain", "char_start": 0, "char_end": 4},
        {"kind": "weather", "text": "Rain", "char_start": 0, "char_end": 4},
        {"kind": "date", "text": "fell.", "char_start": 5, "char_end": 99},
    ]
    assert article_spans(text, facts) == ([[0, 4, KINDS.index("place"), 0]], [1, 2])


def test_a_source_line_suffix_names_its_input_file() -> None:
    assert input_file("in/news.jsonl:12") == "in/news.jsonl"
    assert input_file("seeds/a.txt") == "seeds/a.txt"


def test_texts_are_found_beside_the_run_folder(tmp_path: Path) -> None:
    make_run(tmp_path)
    texts = read_texts(["news.jsonl:1"], bases=[tmp_path])
    assert texts.text("news.jsonl:1").startswith("Clashes in Northtown")
    assert read_texts(["news.jsonl:1"]).text("news.jsonl:1") is None  # not in the working folder


def test_the_page_embeds_its_data_safely_and_asks_for_nothing(tmp_path: Path) -> None:
    out = write_report(make_run(tmp_path), tmp_path / "r" / "report.html")
    page = out.read_text(encoding="utf-8")
    assert "default-src 'none'" in page  # the browser refuses every fetch
    assert not re.search(r"""(src|href)\s*=\s*["']?(https?:)?//""", page)
    assert "@import" not in page and "url(" not in page
    # the article's "</script>" cannot close the data block
    assert page.count("</script>") == 3
    block = re.search(r'<script type="application/json" id="details">(.*?)</script>', page, re.S).group(1)
    assert "</script>" in json.loads(block)["a-1"]["text"]
    assert not list(out.parent.glob(".*.tmp"))


def test_the_country_outlines_are_paths() -> None:
    paths = country_paths()
    assert len(paths) > 150
    assert all(p["d"].startswith("M") and p["d"].endswith("Z") for p in paths)
    assert "Kazakhstan" in {p["name"] for p in paths}


def test_report_command_writes_the_page(tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["report", str(make_run(tmp_path)), "--out", str(tmp_path / "x.html")])
    assert result.exit_code == 0, result.output
    assert "Wrote" in result.output and (tmp_path / "x.html").is_file()


def test_report_command_on_a_folder_without_tables_exits_2(tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["report", str(tmp_path), "--out", str(tmp_path / "x.html")])
    assert result.exit_code == 2
    assert "no articles table" in result.output
    assert not (tmp_path / "x.html").exists()


@pytest.mark.parametrize("fmt", ["parquet", "jsonl"])
def test_runs_in_other_formats_give_the_same_data(tmp_path: Path, fmt: str) -> None:
    from pipeline.export import find_table, load_table, write_table
    from pipeline.tabulate import ARTICLE_DTYPES, EVENT_DTYPES, FACT_DTYPES

    run = make_run(tmp_path)
    other = tmp_path / "other"
    other.mkdir()
    for name, dtypes in (("articles", ARTICLE_DTYPES), ("facts", FACT_DTYPES), ("events", EVENT_DTYPES)):
        write_table(load_table(find_table(run, name), dtypes), other / name, fmt)
    first, second = report_data(run), report_data(other)
    assert first[1] == second[1]
    assert first[0]["events"] == second[0]["events"]
