"""newsevents: English news articles in, event data out (package `pipeline`).

Load the tables of a run with their documented dtypes, from CSV, Parquet or JSON Lines:
`pipeline.load_events(path)`, `pipeline.load_facts(path)`, `pipeline.load_articles(path)`.
"""

__version__ = "0.1.0"

from pipeline.export import load_articles, load_events, load_facts  # noqa: E402

__all__ = ["__version__", "load_articles", "load_events", "load_facts"]
