"""A whole run over a folder of awkward inputs: every one of them has its row in the manifest."""

from __future__ import annotations

import codecs
from pathlib import Path

from spacy.language import Language

from pipeline.export import load_articles
from pipeline.run import run

STORY = (
    "Police fired tear gas at protesters in the capital on Monday, and two people were injured, "
    "officials said.\n"
)


def test_a_run_records_every_awkward_input(tmp_path: Path, nlp: Language) -> None:
    src = tmp_path / "in"
    src.mkdir()
    (src / "wide.txt").write_bytes(codecs.BOM_UTF16_LE + STORY.encode("utf-16-le"))
    (src / "legacy.txt").write_bytes(("The caf\xe9 owner\u2019s son: " + STORY).encode("cp1252"))
    (src / "nul.txt").write_bytes(STORY.replace("tear gas", "tear\x00 gas").replace("Monday", "Tuesday").encode("utf-8"))
    (src / "broken.csv").write_text(
        'id,text\nk1,"Unclosed start\nk2,Riot police detained five men.\n', encoding="utf-8"
    )
    (src / "scan.pdf").write_bytes(b"%PDF-1.4")
    summary = run([src], tmp_path / "out", nlp=nlp)
    rows = load_articles(tmp_path / "out" / "articles.csv")
    by_source = {Path(s).name: r for s, r in zip(rows["source"], rows.to_dict("records"))}
    assert set(by_source) == {"wide.txt", "legacy.txt", "nul.txt", "broken.csv:2", "broken.csv:3", "scan.pdf"}
    assert by_source["wide.txt"]["status"] == "ok" and by_source["wide.txt"]["encoding"] == "utf-16"
    assert by_source["legacy.txt"]["status"] == "ok" and by_source["legacy.txt"]["encoding"] == "cp1252"
    assert by_source["nul.txt"]["status"] == "ok" and by_source["nul.txt"]["encoding"] == "utf-8"
    assert by_source["broken.csv:2"]["status"] == "failed"
    assert "swallowed line 3" in by_source["broken.csv:2"]["error"]
    assert by_source["broken.csv:3"]["article_id"] == "k2" and by_source["broken.csv:3"]["status"] == "ok"
    assert by_source["scan.pdf"]["status"] == "skipped"
    assert (summary.ok, summary.failed, summary.skipped, summary.read) == (4, 1, 1, 6)
