"""ingest.paths: every file a folder scan passes over is a `skipped` manifest row with its reason;
a skipped row is counted and printed, and does not by itself make `run` exit non-zero."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from typer.testing import CliRunner

from pipeline import cli
from pipeline.ingest import iter_files, read_inputs
from pipeline.ingest import paths as scan_module
from pipeline.schemas import Article, ManifestRow, RunSummary


def _rows(folder: Path) -> dict[str, Article | ManifestRow]:
    return {Path(r.source).name: r for r in read_inputs([str(folder)])}


def _reason(row: Article | ManifestRow) -> str:
    assert isinstance(row, ManifestRow) and row.status == "skipped", row
    return row.error or ""


def test_other_endings_hidden_entries_and_links_are_skipped_with_a_reason(tmp_path: Path) -> None:
    (tmp_path / "story.txt").write_text("Riot in town.", encoding="utf-8")
    (tmp_path / "notes.pdf").write_bytes(b"%PDF-1.4")
    (tmp_path / "README").write_text("no ending", encoding="utf-8")
    (tmp_path / ".hidden.txt").write_text("Hidden.", encoding="utf-8")
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "x.txt").write_text("Inside.", encoding="utf-8")
    (tmp_path / "sub").mkdir()
    (tmp_path / "broken.txt").symlink_to(tmp_path / "gone.txt")
    (tmp_path / "self.txt").symlink_to(tmp_path / "self.txt")
    (tmp_path / "sub" / "up").symlink_to(tmp_path)
    (tmp_path / "elsewhere").symlink_to(tmp_path / "sub")
    (tmp_path / "alias.txt").symlink_to(tmp_path / "story.txt")
    rows = _rows(tmp_path)
    assert isinstance(rows["story.txt"], Article) and isinstance(rows["alias.txt"], Article)
    assert "not an input format (.pdf)" in _reason(rows["notes.pdf"])
    assert "no file ending" in _reason(rows["README"])
    assert "hidden file" in _reason(rows[".hidden.txt"])
    assert "hidden folder" in _reason(rows[".git"]) and "x.txt" not in rows
    assert "broken link" in _reason(rows["broken.txt"])
    assert "looping link" in _reason(rows["self.txt"])
    assert "loop" in _reason(rows["up"]) and "not followed" in _reason(rows["elsewhere"])
    assert all(str(tmp_path) in (r.error or "") for r in rows.values() if isinstance(r, ManifestRow))


def test_unreadable_folders_and_files_are_skipped(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # The tests may run as root, who reads everything: make the refusals by hand.
    (tmp_path / "locked").mkdir()
    (tmp_path / "locked" / "a.txt").write_text("A.", encoding="utf-8")
    (tmp_path / "secret.txt").write_text("S.", encoding="utf-8")
    real_scandir, real_access = os.scandir, os.access

    def scandir(path: object) -> object:
        if Path(str(path)).name == "locked":
            raise PermissionError(13, "Permission denied")
        return real_scandir(path)

    monkeypatch.setattr(scan_module.os, "scandir", scandir)
    monkeypatch.setattr(
        scan_module.os, "access", lambda p, m: Path(p).name != "secret.txt" and real_access(p, m)
    )
    rows = _rows(tmp_path)
    assert "cannot read the folder (Permission denied)" in _reason(rows["locked"])
    assert "cannot read the file" in _reason(rows["secret.txt"])


def test_iter_files_still_lists_only_input_files(tmp_path: Path) -> None:
    (tmp_path / "b.txt").write_text("B.", encoding="utf-8")
    (tmp_path / "c.pdf").write_bytes(b"%PDF")
    assert [p.name for p in iter_files([tmp_path])] == ["b.txt"]


def test_a_named_file_with_an_unknown_ending_is_read_as_text(tmp_path: Path) -> None:
    path = tmp_path / "story.md"
    path.write_text("Police said two people were hurt.", encoding="utf-8")
    [article] = read_inputs([str(path)])
    assert isinstance(article, Article) and article.text.startswith("Police")


def test_summary_text_counts_skipped_files() -> None:
    summary = RunSummary(read=5, ok=2, empty=0, failed=1, skipped=2, out_dir="o")
    text = cli.summary_text(summary)
    assert "Read 3 articles: 2 ok, 0 empty, 1 failed; 2 files skipped." in text
    assert "skipped" not in cli.summary_text(RunSummary(read=1, ok=1, out_dir="o"))


def test_skipped_rows_alone_do_not_make_run_exit_non_zero(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    def fake_run(inputs: list[str], out: Path, **options: object) -> RunSummary:
        progress = options["on_article"]
        progress(ManifestRow(article_id=None, source="x.pdf", status="skipped", error="x.pdf: skipped"))
        return RunSummary(read=2, ok=1, skipped=1, out_dir=str(out))

    monkeypatch.setattr(cli, "run_pipeline", fake_run)
    result = CliRunner().invoke(cli.app, ["run", str(tmp_path), "--out", str(tmp_path / "o"), "--strict"])
    assert result.exit_code == 0, result.output
    assert "1 files skipped" in result.output
