"""Republished copies: recognised by their words, annotated once, sources of one event."""

from __future__ import annotations

from pathlib import Path

from spacy.language import Language

from pipeline.copies import Copies, text_key
from pipeline.export import load_articles, load_events
from pipeline.run import run
from pipeline.schemas import Article, Event, ManifestRow

STORY = "Gunmen killed four villagers near the market in Kano on Monday, police said."


def test_the_key_ignores_case_punctuation_and_white_space() -> None:
    assert text_key(STORY) == text_key("GUNMEN KILLED FOUR VILLAGERS NEAR THE MARKET IN KANO ON MONDAY -- POLICE SAID")
    assert text_key(STORY) == text_key("  Gunmen killed four villagers\n\nnear the market in Kano on Monday, police said ")
    assert text_key(STORY) != text_key(STORY.replace("four", "five"))
    assert text_key(STORY) != text_key(STORY + " Two more died later.")


def test_copies_are_set_aside_and_join_the_events_of_their_original() -> None:
    rows: list[ManifestRow] = []
    copies = Copies()
    arts = [Article(id=i, source=f"f:{i}", text=t) for i, t in
            (("a", STORY), ("b", STORY.upper()), ("c", "Another story entirely."), ("d", STORY))]
    kept = [a.id for a in copies.originals(arts, rows.append)]
    assert kept == ["a", "c"]
    assert [(r.article_id, r.status, r.copy_of) for r in rows] == [("b", "copy", "a"), ("d", "copy", "a")]
    events = [Event(event_id="a#1", article_ids="a", source="f:a"), Event(event_id="c#1", article_ids="c", source="f:c")]
    out = copies.attach(events)
    assert (out[0].article_ids, out[0].n_sources, out[0].source) == ("a;b;d", 3, "f:a;f:b;f:d")
    assert out[1] == events[1]


def test_ten_copies_of_a_wire_story_are_one_event(tmp_path: Path, nlp: Language) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    for i in range(10):
        (folder / f"copy{i}.txt").write_text(STORY if i % 2 else STORY.upper() + "\n", encoding="utf-8")
    summary = run([folder], tmp_path / "out", nlp=nlp)
    assert (summary.ok, summary.copies, summary.events) == (1, 9, 1)
    events = load_events(tmp_path / "out" / "events.csv")
    assert events.loc[0, "n_sources"] == 10
    manifest = load_articles(tmp_path / "out" / "articles.csv")
    assert (manifest["status"] == "copy").sum() == 9
    assert set(manifest.loc[manifest["status"] == "copy", "copy_of"]) == {"copy0"}
