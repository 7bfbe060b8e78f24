"""The command line, through typer's CliRunner."""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
from typer.testing import CliRunner

from pipeline.cli import app

runner = CliRunner()
ROOT = Path(__file__).resolve().parent.parent


def test_run_on_the_seed_writes_three_tables_and_a_summary(tmp_path: Path) -> None:
    result = runner.invoke(app, ["run", str(ROOT / "seeds"), "--out", str(tmp_path)])
    assert result.exit_code == 0, result.output
    assert "Read 1 articles: 1 ok, 0 empty, 0 failed" in result.output
    assert "articles/s" in result.output
    for name in ("facts", "events", "articles"):
        assert (tmp_path / f"{name}.csv").is_file()
    assert pd.read_csv(tmp_path / "articles.csv").status.tolist() == ["ok"]


def test_nothing_processed_exits_non_zero(tmp_path: Path) -> None:
    bad = tmp_path / "bad.jsonl"
    bad.write_text("{oops\n", encoding="utf-8")
    result = runner.invoke(app, ["run", str(bad), "--out", str(tmp_path / "o")])
    assert result.exit_code == 1
    assert "bad.jsonl:1" in result.output and "Traceback" not in result.output


def test_strict_fails_when_any_article_failed(tmp_path: Path) -> None:
    src = tmp_path / "mix.jsonl"
    src.write_text(json.dumps({"id": "a", "text": "Two men were arrested."}) + "\n{x\n", encoding="utf-8")
    loose = runner.invoke(app, ["run", str(src), "--out", str(tmp_path / "o1")])
    assert loose.exit_code == 0
    strict = runner.invoke(app, ["run", str(src), "--out", str(tmp_path / "o2"), "--strict"])
    assert strict.exit_code == 1 and "--strict" in strict.output


def test_missing_input_is_a_clear_error(tmp_path: Path) -> None:
    result = runner.invoke(app, ["run", str(tmp_path / "nope"), "--out", str(tmp_path / "o")])
    assert result.exit_code == 1
    assert "no such file or folder" in result.output and "Traceback" not in result.output


def test_unknown_model_is_a_clear_error(tmp_path: Path) -> None:
    result = runner.invoke(
        app, ["run", str(ROOT / "seeds"), "--out", str(tmp_path), "--model", "no_such_model_xyz"]
    )
    assert result.exit_code == 2 and "no_such_model_xyz" in result.output


def test_version() -> None:
    result = runner.invoke(app, ["--version"])
    assert result.exit_code == 0 and result.output.startswith("newsevents ")
