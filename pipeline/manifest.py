"""Manifest rows: what became of each record read, one row of articles.csv each.

`manifest_row` builds the row of an article (with `text_key`, the hash of its words that tells
republished copies: `pipeline.copies`); `failed` the row of an article a stage failed on.
"""

from __future__ import annotations

import hashlib
import re

from pipeline.schemas import Article, ManifestRow

_NOT_WORD = re.compile(r"[\W_]+")
# Characters of the key: 16 hex digits of SHA-1, so a false match is out of reach in any batch.
KEY_CHARS = 16


def text_key(text: str) -> str:
    """A hash of the text's words in order, case-folded: copies that differ only in case,
    punctuation or white space have the same key."""
    words = _NOT_WORD.sub(" ", text.casefold()).split()
    return hashlib.sha1(" ".join(words).encode("utf-8")).hexdigest()[:KEY_CHARS]


def manifest_row(
    article: Article, status: str, error: str | None = None, copy_of: str | None = None, **counts: int
) -> ManifestRow:
    """The manifest row of one article: its status (ok, empty, failed, copy), error and counts."""
    return ManifestRow(
        article_id=article.id,
        source=article.source,
        status=status,
        error=error,
        copy_of=copy_of,
        title=article.title,
        published=article.published,
        published_from=article.published_from,
        encoding=article.encoding,
        relevance=article.relevance,
        relevant=article.relevant,
        words=len(article.text.split()),
        text_key=text_key(article.text),
        **counts,
    )


def failed(article: Article, error: str) -> ManifestRow:
    """The manifest row of an article that a stage failed on; the error names its source."""
    return manifest_row(article, "failed", f"{article.source}: {error}")
