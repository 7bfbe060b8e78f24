"""The audit report as one self-contained HTML file: template, styles, script and data inlined.

The page asks for nothing over the network: its Content-Security-Policy forbids every fetch,
and everything it shows (data, country outlines, script, styles) is in the file. The data go in
two `application/json` blocks: `summary` (parsed on opening) and `details` (article texts and
facts, parsed when an event is first opened).
"""

from __future__ import annotations

import datetime as dt
import html
import json
import os
import re
import tempfile
from pathlib import Path
from typing import Any

import pandas as pd

from pipeline import __version__
from pipeline.report.data import KINDS, article_index, event_table, load_run, overview
from pipeline.report.shapes import country_paths
from pipeline.report.spans import article_detail, facts_by_article
from pipeline.report.texts import read_texts

ASSETS = Path(__file__).resolve().parent / "assets"
_SLOT = re.compile(r"@@([A-Z]+)@@")
# Statuses whose article had a text the run read (and so the report can show it).
READ_STATUSES = ("ok", "copy")
# The page's script, joined in this order inside one function (see report.html).
JS_PARTS = ("report.js", "home.js", "event.js")


def embed_json(value: Any) -> str:
    """JSON that is safe inside a <script> element: no "<" can close it or open a comment."""
    return json.dumps(value, ensure_ascii=False, separators=(",", ":")).replace("<", "\\u003c")


def report_data(run_dir: str | Path) -> tuple[dict[str, Any], dict[str, Any]]:
    """The page's `summary` and `details` for the run in `run_dir`. Relative input paths of
    the manifest are looked for in the working folder, then beside the run folder."""
    run_dir = Path(run_dir)
    run = load_run(run_dir)
    read = run.articles[run.articles["status"].isin(READ_STATUSES)]
    bases = (run_dir.resolve().parent, run_dir.resolve())
    texts = read_texts(read["source"].dropna(), bases)
    facts = facts_by_article(run.facts)
    details = {
        str(aid): article_detail(texts.text(src), facts.get(str(aid), []), texts.why_missing(src))
        for aid, src in zip(read["article_id"], read["source"])
        if pd.notna(aid)
    }
    summary = {
        "run": str(run_dir),
        "generated": dt.datetime.now().strftime("%Y-%m-%d %H:%M"),
        "version": __version__,
        "kinds": list(KINDS),
        "overview": overview(run, texts),
        "events": event_table(run.events),
        "articles": article_index(run.articles),
        "shapes": country_paths(),
    }
    return summary, details


def render(summary: dict[str, Any], details: dict[str, Any]) -> str:
    """The whole HTML page."""
    slots = {
        "TITLE": html.escape(f"newsevents report: {summary['run']}"),
        "CSS": (ASSETS / "report.css").read_text(encoding="utf-8"),
        "JS": "\n".join((ASSETS / name).read_text(encoding="utf-8") for name in JS_PARTS),
        "SUMMARY": embed_json(summary),
        "DETAILS": embed_json(details),
    }
    template = (ASSETS / "report.html").read_text(encoding="utf-8")
    return _SLOT.sub(lambda m: slots[m.group(1)], template)


def write_report(run_dir: str | Path, out_path: str | Path) -> Path:
    """Write the audit report of the run in `run_dir` to `out_path` (atomically: the file
    appears complete or not at all) and return its path."""
    summary, details = report_data(run_dir)
    page = render(summary, details)
    out = Path(out_path)
    out.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{out.name}.", suffix=".tmp", dir=out.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(page)
        mask = os.umask(0)
        os.umask(mask)
        os.chmod(tmp, 0o666 & ~mask)  # mkstemp makes it 0600; a report is for sharing
        os.replace(tmp, out)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return out
