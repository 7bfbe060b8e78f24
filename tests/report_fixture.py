"""A small hand-built run folder for the report's tests: invented articles, facts placed by
hand on their cleaned text, two events, and manifest rows of every status.

Not a test module (no `test_` prefix): `tests/test_report*.py` import it.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from pipeline.clean import clean_article
from pipeline.export import write_table
from pipeline.schemas import (
    ActorFact,
    Article,
    CasualtyFact,
    DateFact,
    Event,
    ManifestRow,
    PlaceFact,
    TriggerFact,
)
from pipeline.tabulate import events_frame, facts_frame, manifest_frame

# Invented text. The "</script>" checks that an article cannot end the page's data block.
TEXT_A = (
    "Clashes in Northtown\n\n"
    "Police said on Monday that 7 protesters were killed in Northtown. "
    'A placard read "</script><b>no markup</b>" near the square.'
)
SENTENCE_A = "Police said on Monday that 7 protesters were killed in Northtown."


def _at(text: str, words: str, after: int = 0) -> tuple[int, int]:
    start = text.index(words, after)
    return start, start + len(words)


def _facts(text: str) -> list:
    """The facts of article a-1, each at the span of its words in the cleaned `text`."""
    base = {"article_id": "a-1", "sentence": SENTENCE_A}
    s = text.index(SENTENCE_A)
    place = _at(text, "Northtown", s)
    casualty = _at(text, "7 protesters were killed", s)
    actor = _at(text, "protesters", s)
    return [
        TriggerFact(**{**base, "sentence": "Clashes in Northtown"}, text="Clashes", char_start=0, char_end=7,
                    event_type="riots", sub_event_type="violent_demonstration", priority=3),
        DateFact(**base, text="Monday", char_start=_at(text, "Monday")[0], char_end=_at(text, "Monday")[1],
                 date=dt.date(2024, 3, 4), date_low=dt.date(2024, 3, 4), date_high=dt.date(2024, 3, 4),
                 time_precision=1),
        CasualtyFact(**base, text="7 protesters were killed", char_start=casualty[0], char_end=casualty[1],
                     outcome="killed", count_low=7, count_best=7, count_high=7, victims="protesters",
                     victim_type="protesters"),
        ActorFact(**base, text="protesters", char_start=actor[0], char_end=actor[1], actor_name="Protesters",
                  actor_type="protesters"),
        TriggerFact(**base, text="protesters", char_start=actor[0], char_end=actor[1], event_type="protests"),
        PlaceFact(**base, text="Northtown", char_start=place[0], char_end=place[1], name="Northtown",
                  country="Freedonia", latitude=10.5, longitude=20.25, role="event", geo_precision=1),
        # The same place read again in the headline: one label serves both.
        PlaceFact(**{**base, "sentence": "Clashes in Northtown"}, text="Northtown", char_start=11, char_end=20,
                  name="Northtown", country="Freedonia", latitude=10.5, longitude=20.25, role="event",
                  geo_precision=1),
        # Offsets that do not hold the words: listed as misplaced, never highlighted.
        PlaceFact(**base, text="Southville", char_start=3, char_end=13, name="Southville"),
    ]


def _events() -> list[Event]:
    return [
        Event(event_id="a-1#1", event_date=dt.date(2024, 3, 4), event_type="riots",
              sub_event_type="violent_demonstration", country="Freedonia", location="Northtown",
              latitude=10.5, longitude=20.25, fatalities=7, killed_low=7, killed_best=7, killed_high=7,
              n_sources=1, article_ids="a-1", evidence=SENTENCE_A),
        Event(event_id="b-1#1", event_date=dt.date(2024, 3, 12), event_type="battles", country="Freedonia",
              injured_low=2, injured_best=2, injured_high=2, arrested_best=3, n_sources=1, article_ids="b-1"),
    ]


def make_run(root: Path) -> Path:
    """Write inputs and a run folder under `root`; returns the run folder (`root/run`).
    Sources are relative to `root` (as a run started there writes them); b-1's input is gone."""
    inputs = root / "news.jsonl"
    inputs.write_text(json.dumps({"id": "a-1", "title": "Clashes in Northtown", "text": TEXT_A}) + "\n",
                      encoding="utf-8")
    text = clean_article(Article(id="a-1", source="news.jsonl:1", text=TEXT_A)).text
    run = root / "run"
    run.mkdir()
    rows = [
        ManifestRow(article_id="a-1", source="news.jsonl:1", status="ok", title="Clashes in Northtown",
                    facts=8, events=1),
        ManifestRow(article_id="b-1", source="gone.jsonl:1", status="ok", title="Gone", events=1),
        ManifestRow(article_id=None, source="news.jsonl:9", status="failed",
                    error="news.jsonl:9: malformed JSON (Expecting value, column 1)"),
        ManifestRow(article_id="c-1", source="blank.txt", status="empty", error="blank.txt: no text after cleaning"),
    ]
    write_table(manifest_frame(rows), run / "articles.csv")
    write_table(facts_frame(_facts(text)), run / "facts.csv")
    write_table(events_frame(_events()), run / "events.csv")
    return run
