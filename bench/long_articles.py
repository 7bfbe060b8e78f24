"""Long articles: seconds per 10k words by article length, newsevents beside bare spaCy.

    python bench/long_articles.py [--sizes 10,100,1000]

For each size (KB of text) it builds one article of invented, numbered paragraphs (each
paragraph differs, so nothing is cached), then times, in this one process:
- `model`: the spaCy model alone on the same pieces (`pipeline.annotate.split_pieces`, as a
  long article is parsed);
- `newsevents`: `pipeline.annotate.annotate` on the article (pieces, then our components).
Time that grows faster than the text shows as seconds per 10k words rising with the size.
Nothing is asserted: these are figures to report. Nothing is written to disk.
"""

from __future__ import annotations

import argparse
import time

PARAGRAPHS = (
    "Police in the river town of Kendal Mills said {n} people were hurt on Monday when a crowd "
    "gathered outside the council offices after a vote on the new road.",
    "The mayor said {n} officers had been sent to the square and that two men were arrested "
    "for throwing stones at a bus near the market on Sunday night.",
    "Witnesses told reporters that a fire broke out in a warehouse at about {n} o'clock and that "
    "nobody was killed, although three firefighters were treated for smoke.",
    "A spokesman for the regional government said talks with the farmers' union would resume "
    "on day {n} of the strike, which has closed the main bridge.",
)


def article_text(kb: int) -> str:
    """About `kb` kilobytes of distinct paragraphs separated by blank lines."""
    parts: list[str] = []
    size = 0
    n = 0
    while size < kb * 1000:
        paragraph = PARAGRAPHS[n % len(PARAGRAPHS)].format(n=n + 2)
        parts.append(paragraph)
        size += len(paragraph) + 2
        n += 1
    return "\n\n".join(parts)


def main() -> None:
    """Time both modes on each size and print a table."""
    from pipeline.annotate import annotate, split_pieces
    from pipeline.nlp import load_model, load_nlp
    from pipeline.schemas import Article

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="10,100,1000", help="article sizes in KB, comma-separated")
    args = parser.parse_args()
    model, nlp = load_model(), load_nlp()
    print(f"{'size KB':>8}{'words':>9}{'model s':>9}{'model s/10k':>12}{'ours s':>9}{'ours s/10k':>11}{'ratio':>7}")
    for kb in (int(s) for s in args.sizes.split(",")):
        text = article_text(kb)
        words = len(text.split())
        started = time.perf_counter()
        for _ in model.pipe(split_pieces(text), batch_size=1):
            pass
        bare = time.perf_counter() - started
        started = time.perf_counter()
        ((_, doc, error),) = list(annotate(nlp, [Article(id=f"k{kb}", source="bench", text=text)]))
        ours = time.perf_counter() - started
        status = "" if doc is not None else f"  FAILED: {error}"
        print(f"{kb:>8}{words:>9}{bare:>9.2f}{bare / words * 1e4:>12.2f}{ours:>9.2f}"
              f"{ours / words * 1e4:>11.2f}{ours / bare:>7.2f}{status}")


if __name__ == "__main__":
    main()
