"""The audit report in a real browser: headless Chromium (Debian's package) driven by
playwright opens the report of the seed run and of a hand-built run, and checks what a reader
sees. Every request the page makes is intercepted: any request other than the file itself
fails the test. Skips only when no Chromium (or no playwright) can be found."""

from __future__ import annotations

import re

import os
import shutil
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from pipeline.report import write_report
from pipeline.run import run

sys.path.insert(0, str(Path(__file__).resolve().parent))
from report_fixture import make_run  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
SEED_SENTENCE = "said Thursday that 12 officers have been killed in clashes with protesters."
# No sandbox (root in a container), no GPU, and none of Chromium's own background traffic.
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--no-first-run",
]


def find_chromium() -> str | None:
    """A Chromium binary: $NEWSEVENTS_CHROMIUM, Debian's /usr/bin/chromium, or one on PATH."""
    for candidate in (os.environ.get("NEWSEVENTS_CHROMIUM"), "/usr/bin/chromium",
                      shutil.which("chromium"), shutil.which("chromium-browser")):
        if candidate and Path(candidate).is_file():
            return candidate
    return None


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    sync_api = pytest.importorskip(
        "playwright.sync_api", reason="playwright is not installed (pip install -e '.[dev]')"
    )
    chromium = find_chromium()
    if chromium is None:
        pytest.skip("no Chromium found (apt-get install chromium, or set NEWSEVENTS_CHROMIUM): "
                    "the report's browser tests need one")
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)
        yield b
        b.close()


@pytest.fixture(scope="module")
def seed_report(nlp: object, tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("seed-report")
    run([str(ROOT / "seeds")], out / "run", nlp=nlp)
    return write_report(out / "run", out / "report.html")


@pytest.fixture(scope="module")
def fixture_report(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("fixture-report")
    return write_report(make_run(root), root / "report.html")


class Page:
    """A browser page on a report, with every request and script error recorded."""

    def __init__(self, browser: object, report: Path, fragment: str = "") -> None:
        self.url = report.resolve().as_uri()
        self.requests: list[str] = []
        self.errors: list[str] = []
        self.page = browser.new_page(viewport={"width": 1280, "height": 900})
        self.page.on("pageerror", lambda exc: self.errors.append(str(exc)))
        self.page.route("**/*", self._intercept)
        self.page.goto(self.url + fragment)
        self.page.wait_for_selector("body[data-ready]")

    def _intercept(self, route: object) -> None:
        if route.request.url.split("#")[0] == self.url:
            route.continue_()
        else:  # nothing may leave the file
            self.requests.append(route.request.url)
            route.abort()

    def count(self, selector: str) -> int:
        return self.page.locator(selector).count()

    def close(self) -> None:
        self.page.close()
        assert self.requests == [], f"the report asked for {self.requests}"
        assert self.errors == [], f"script errors: {self.errors}"


def test_seed_home_page_draws_map_timeline_and_table(browser: object, seed_report: Path) -> None:
    p = Page(browser, seed_report)
    assert p.count("#map-svg .land path") > 150  # country outlines
    assert p.count("#map-svg circle") == 3
    assert p.count("#timeline-svg rect.bar") == 3
    assert p.count("#events-table tbody tr[data-event]") == 3
    overview = p.page.inner_text("#overview")
    assert "articles read" in overview and "killed" in overview
    p.close()


def test_opening_the_riot_highlights_its_claims_in_their_sentences(browser: object, seed_report: Path) -> None:
    p = Page(browser, seed_report)
    p.page.locator("#events-table tbody tr", has_text="riots").first.click()
    p.page.wait_for_selector("#event-page .article-text")
    assert "24" in p.page.inner_text("#event-page .counts")
    # all 64 facts of the seed land on their words: each is highlighted, none listed apart
    assert p.count("#event-page .article-text mark") == 64
    assert "do not match the text" not in p.page.inner_text("#event-page")
    assert re.search(r"relevance 0\.\d\d \(relevant\)", p.page.inner_text("#event-page"))  # the decision
    casualties = p.page.locator("#event-page .article-text mark.k-casualty")
    texts = casualties.all_inner_texts()
    assert "12 officers have been killed" in texts
    mark = casualties.nth(texts.index("12 officers have been killed"))
    # the mark sits in the seed sentence, and "officers" inside it is an actor
    sentence = mark.evaluate("m => m.parentNode.textContent")
    assert SEED_SENTENCE in sentence
    assert mark.locator("mark.k-actor").inner_text() == "officers"
    assert "casualty: killed 12/12/12" in mark.get_attribute("title")
    # the claims table links each claim to its highlight
    p.page.locator("#claims a", has_text="12 officers have been killed").click()
    assert "flash" in mark.get_attribute("class")
    p.close()


def test_a_click_on_stacked_map_points_lists_them_and_opens_one(browser: object, seed_report: Path) -> None:
    p = Page(browser, seed_report)
    # The riot and the protests are placed in Almaty, the alliance's decision at the country.
    p.page.locator('#map-svg circle[data-event$="#3"]').first.click()  # on top of the riot, at Almaty
    p.page.wait_for_selector("#map-pick:not([hidden])")
    links = p.page.locator("#map-pick a")
    assert links.count() == 2
    links.first.click()
    p.page.wait_for_selector("#event-page:not([hidden]) .article-text")
    p.close()


def test_filters_apply_to_map_timeline_and_table(browser: object, seed_report: Path) -> None:
    p = Page(browser, seed_report)
    p.page.select_option("[data-filter=type]", "protests")
    p.page.wait_for_function("() => document.querySelectorAll('#events-table tbody tr[data-event]').length === 1")
    assert p.count("#map-svg circle") == 1
    assert p.count("#timeline-svg rect.bar") == 1
    p.page.click("#events-table th[data-key=killed_best]")  # sorting keeps the filter
    assert p.count("#events-table tbody tr[data-event]") == 1
    p.close()


def test_fixture_run_shows_missing_texts_misplaced_facts_and_no_markup(browser: object, fixture_report: Path) -> None:
    p = Page(browser, fixture_report, "#event/b-1%231")
    assert "Text unavailable" in p.page.inner_text("#event-page")
    p.page.evaluate("location.hash = '#event/a-1%231'")
    p.page.wait_for_selector("#event-page .article-text")
    page_text = p.page.inner_text("#event-page")
    assert "do not match the text" in page_text and "Southville" in page_text
    body = p.page.locator("#event-page .article-text")
    assert "</script><b>no markup</b>" in body.inner_text()
    assert body.locator("b").count() == 0
    assert body.locator("mark.k-place").all_inner_texts() == ["Northtown", "Northtown"]
    p.page.evaluate("location.hash = ''")  # the home page, first drawn now
    p.page.wait_for_selector("#map-svg circle")
    assert p.page.inner_text("#filter-count") == "2 of 2 events"
    assert "1 without coordinates" in p.page.inner_text("#map-note")
    p.close()
