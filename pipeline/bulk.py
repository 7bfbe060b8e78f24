"""Building many objects at once: the cyclic garbage collector paused while a batch is built.

CPython's collector runs each time enough new container objects have been made, and a run of
its oldest generation walks every live object. Building a batch's fact models, events and merge
records makes millions of objects that hold no reference cycles, so those walks find nothing
and cost a tenth of the time (`merge_events` of the 1M-row synthetic run of
`bench/aggregate.py`). Reference counting still frees every object that is dropped; only a
cycle made during the block waits for the next collection.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def collector_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector for the block, and restore it as it was after it (a
    caller that had paused it keeps it paused)."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
