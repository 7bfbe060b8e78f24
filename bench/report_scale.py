"""How the audit report scales: a synthetic run of 10,000 events, its HTML size, and what a
browser makes of it.

    python bench/report_scale.py [--events 10000] [--articles 5000] [--out DIR] [--keep]

Writes into a temporary folder (or DIR) invented articles (JSON Lines, made from templates:
no real news text), a run folder with facts placed on their cleaned text, events over a year
and around the world, and the report; then opens the report in headless Chromium (Debian's
package, driven by playwright) and prints the file size, the time to first paint and to the
page's ready mark (`report-ready`, set when the map, timeline and table are drawn), and how
long filtering, sorting and opening an event take. Nothing is asserted: figures to report.
"""

from __future__ import annotations

import argparse
import json
import random
import shutil
import sys
import tempfile
import time
from pathlib import Path

import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from pipeline.clean import clean_article  # noqa: E402
from pipeline.export import write_table  # noqa: E402
from pipeline.report import write_report  # noqa: E402
from pipeline.schemas import Article  # noqa: E402
from pipeline.tabulate import ARTICLE_DTYPES, EVENT_DTYPES, FACT_DTYPES, frame  # noqa: E402

TYPES = ("battles", "violence_against_civilians", "explosions_remote_violence", "riots", "protests",
         "strategic_developments")
# Invented towns at spread-out coordinates (name, country, latitude, longitude).
_PLACES = random.Random(300)
TOWNS = [(f"Town{i}", f"Country{i % 40}", _PLACES.uniform(-40, 60), _PLACES.uniform(-120, 150)) for i in range(300)]
SENTENCES = (
    "Officials said on {day} that {n} people were killed in {town} after {trigger}.",
    "A spokesperson for the {actor} said {m} people were injured.",
    "Police arrested {k} men near {town} on {day}, a local radio station reported.",
    "Residents described a tense night as crowds gathered in the centre of {town}.",
    "The {actor} denied any role and called for calm across the region.",
)
TRIGGERS = ("clashes", "an attack", "a protest", "an explosion", "a raid")
ACTORS = ("army", "police", "militia", "protesters", "rebels")
DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday")


def article_text(rng: random.Random, town: str) -> str:
    """An invented article: a headline and a few paragraphs from the templates."""
    values = {"day": rng.choice(DAYS), "n": rng.randint(1, 60), "m": rng.randint(0, 90), "k": rng.randint(1, 30),
              "town": town, "trigger": rng.choice(TRIGGERS), "actor": rng.choice(ACTORS)}
    paragraphs = [" ".join(rng.choice(SENTENCES).format(**values) for _ in range(3)) for _ in range(4)]
    return f"Unrest reported in {town}\n\n" + "\n\n".join(paragraphs)


def facts_of(aid: str, text: str, town: tuple) -> list[dict]:
    """Facts on the words of the cleaned text: each town, day, count, actor and trigger."""
    facts = []
    for words, kind, extra in ((town[0], "place", {"name": town[0], "country": town[1]}),
                               *((d, "date", {"date": "2024-01-01", "date_low": "2024-01-01",
                                              "date_high": "2024-01-01", "time_precision": 1}) for d in DAYS),
                               *((a, "actor", {"actor_name": a.title()}) for a in ACTORS),
                               *((t, "trigger", {"event_type": "battles"}) for t in TRIGGERS)):
        start = text.find(words)
        while start >= 0:
            facts.append({"article_id": aid, "kind": kind, "text": words, "sentence": words,
                          "char_start": start, "char_end": start + len(words), **extra})
            start = text.find(words, start + len(words))
    for marker in (" people were killed", " people were injured"):
        end = text.find(marker)
        if end > 0:
            start = text.rfind(" ", 0, end) + 1
            n = int(text[start:end])
            facts.append({"article_id": aid, "kind": "casualty", "text": text[start:end + len(marker)],
                          "sentence": text[start:end + len(marker)], "char_start": start,
                          "char_end": end + len(marker), "outcome": marker.split()[-1], "count_low": n,
                          "count_best": n, "count_high": n})
    return facts


def make_run(root: Path, n_events: int, n_articles: int, seed: int = 17) -> Path:
    """Write the inputs and the run folder; returns the run folder."""
    rng = random.Random(seed)
    articles, facts, towns = [], [], {}
    with (root / "synthetic.jsonl").open("w", encoding="utf-8") as handle:
        for i in range(n_articles):
            aid, town = f"syn-{i}", rng.choice(TOWNS)
            raw = article_text(rng, town[0])
            handle.write(json.dumps({"id": aid, "text": raw}) + "\n")
            text = clean_article(Article(id=aid, source="x", text=raw)).text
            facts.extend(facts_of(aid, text, town))
            towns[aid] = town
            articles.append({"article_id": aid, "source": f"synthetic.jsonl:{i + 1}", "status": "ok",
                             "words": len(text.split()), "title": f"Unrest reported in {town[0]}"})
    events = []
    for j in range(n_events):
        ids = rng.sample(range(n_articles), rng.choice((1, 1, 1, 2, 3)))
        town = towns[f"syn-{ids[0]}"]
        killed = rng.choice((None, 0, 1, 2, 5, 12, 40, 150))
        events.append({"event_id": f"syn-{ids[0]}#{j}", "event_type": rng.choice(TYPES),
                       "event_date": (pd.Timestamp("2024-01-01") + pd.Timedelta(days=rng.randint(0, 364))),
                       "country": town[1], "location": town[0], "latitude": town[2], "longitude": town[3],
                       "fatalities": killed, "killed_best": killed, "injured_best": rng.choice((None, 3, 20)),
                       "n_sources": len(ids), "article_ids": ";".join(f"syn-{i}" for i in ids)})
    run = root / "run"
    run.mkdir(exist_ok=True)
    write_table(frame(articles, ARTICLE_DTYPES), run / "articles.csv")
    write_table(frame(facts, FACT_DTYPES), run / "facts.csv")
    write_table(frame(events, EVENT_DTYPES), run / "events.csv")
    return run


CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--no-first-run"]
PAINT = """() => {
  const get = name => (performance.getEntriesByName(name)[0] || {}).startTime;
  const nav = performance.getEntriesByType('navigation')[0];
  return {first_paint: get('first-paint'), first_contentful_paint: get('first-contentful-paint'),
          dom_content_loaded: nav.domContentLoadedEventEnd, ready: get('report-ready')};
}"""


def timed(action, wait) -> float:
    """Milliseconds from `action()` until `wait()` returns."""
    started = time.perf_counter()
    action()
    wait()
    return (time.perf_counter() - started) * 1000


def measure(report: Path, chromium: str) -> dict[str, float]:
    """Open the report in headless Chromium; the page's own timings and a few interactions."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        page.route("**/*", lambda r: r.continue_() if r.request.url.startswith("file:") else r.abort())
        started = time.perf_counter()
        page.goto(report.resolve().as_uri())
        page.wait_for_selector("body[data-ready]")
        figures = {"open_to_ready_wall": (time.perf_counter() - started) * 1000, **page.evaluate(PAINT)}
        rows = "() => document.querySelectorAll('#events-table tbody tr[data-event]').length"
        figures["filter_type"] = timed(lambda: page.select_option("[data-filter=type]", "riots"),
                                       lambda: page.wait_for_function(f"() => ({rows})() < 50 || "
                                                                      "document.getElementById('filter-count').textContent.indexOf('10,000 of') !== 0"))
        figures["sort_killed"] = timed(lambda: page.click("#events-table th[data-key=killed_best]"),
                                       lambda: page.wait_for_selector("th.sorted[data-key=killed_best]"))
        figures["open_first_event"] = timed(lambda: page.click("#events-table tbody tr[data-event]"),
                                            lambda: page.wait_for_selector("#event-page .article-text"))
        figures["back_home"] = timed(lambda: page.go_back(), lambda: page.wait_for_selector("#home:not([hidden])"))
        browser.close()
    return figures


def main() -> None:
    """Make the synthetic run, write its report, print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--events", type=int, default=10_000)
    parser.add_argument("--articles", type=int, default=5_000)
    parser.add_argument("--out", type=Path, help="folder to write into (default: a temporary one)")
    parser.add_argument("--keep", action="store_true", help="keep the temporary folder")
    parser.add_argument("--chromium", default=shutil.which("chromium") or "/usr/bin/chromium")
    args = parser.parse_args()
    root = args.out or Path(tempfile.mkdtemp(prefix="report-scale-"))
    root.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    run = make_run(root, args.events, args.articles)
    made = time.perf_counter()
    report = write_report(run, root / "report.html")
    written = time.perf_counter()
    print(f"synthetic run: {args.events:,} events, {args.articles:,} articles in {run} ({made - started:.1f} s)")
    print(f"report: {report} {report.stat().st_size / 1e6:.1f} MB, written in {written - made:.1f} s")
    if not Path(args.chromium).is_file():
        print("no Chromium: browser figures skipped (apt-get install chromium)")
    else:
        for name, ms in measure(report, args.chromium).items():
            print(f"  {name:24} {ms:8.0f} ms")
    if not args.out and not args.keep:
        shutil.rmtree(root)


if __name__ == "__main__":
    main()
