"""The README documents every column of the three tables, and its two commands."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from pipeline.tabulate import ARTICLE_DTYPES, EVENT_DTYPES, FACT_DTYPES

README = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")


def _section(title: str) -> str:
    start = README.index(f"### `{title}`")
    end = README.find("\n### ", start + 1)
    return README[start : end if end != -1 else None]


@pytest.mark.parametrize(
    "table, columns",
    [("articles.csv", ARTICLE_DTYPES), ("facts.csv", FACT_DTYPES), ("events.csv", EVENT_DTYPES)],
)
def test_every_column_is_documented(table: str, columns: dict[str, str]) -> None:
    documented = set(re.findall(r"`([a-z0-9_]+)`", _section(table)))
    assert set(columns) - documented == set()


def test_the_two_commands() -> None:
    assert 'pip install -e ".[dev]" && newsevents run seeds/ --out outputs/' in README
    assert "\npytest\n" in README
