"""The ingest stage: read articles from files, folders and globs, one at a time.

Formats, by file ending:
- `.txt`: one article; a `date YYYY-MM-DD` on the first line is its publication date.
- `.jsonl`: one JSON object a line with `id`, `title`, `published`, `text` (and optional `url`);
  the annotated-fixture format of `../shared/eval/FORMAT.md` is read as is (its gold is ignored).
- `.csv`: a header row with the same columns.
- `.html`/`.htm`: a web page; text, title and date come from `trafilatura`.
A file named explicitly with another ending is read as text.

Nothing is held for the whole batch: files are listed lazily and records streamed. Bytes become
text in `decode` (byte-order marks, legacy encodings, control characters, binary files), CSV
records are split in `csv_records`, folders scanned in `paths`, and each format read in
`readers`. Every record read, and every file a folder scan passes over, becomes an `Article` or
a `ManifestRow` (failed, empty or skipped, naming the file and line); the batch goes on.
"""

from pipeline.ingest.decode import NotText, decode_bytes, strip_controls
from pipeline.ingest.readers import (
    parse_date,
    read_file,
    read_inputs,
    skipped_row,
    unique_ids,
    with_dateline_date,
)
from pipeline.ingest.paths import SUFFIXES, InputError, Skipped, iter_files, scan

__all__ = [
    "SUFFIXES",
    "InputError",
    "NotText",
    "Skipped",
    "decode_bytes",
    "iter_files",
    "parse_date",
    "read_file",
    "read_inputs",
    "scan",
    "skipped_row",
    "strip_controls",
    "unique_ids",
    "with_dateline_date",
]
