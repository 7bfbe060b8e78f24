"""Stopping a run cleanly: SIGINT and SIGTERM end it within seconds, workers and all.

Inside `stop_on_signals()`, SIGINT (Ctrl-C, or a supervisor's interrupt) and SIGTERM (a batch
scheduler's stop) raise `RunInterrupted` in the main process. It derives from
`KeyboardInterrupt`, so no `except Exception` of a stage swallows it: it unwinds the run,
whose tables are written under temporary names and removed on the way out
(`pipeline.output.RunOutput`). The handler stops the worker processes before it raises (spaCy's
pipe waits for its workers while the exception unwinds it); `pipeline.annotate.annotate` does
the same for any other exception.

Worker processes forked inside the block inherit the handler; there it ignores SIGINT (a
terminal's Ctrl-C reaches every process of the group: the main process alone decides, so the
workers print no traceback) and ends the worker at once on SIGTERM (which is how the main
process stops them).
"""

from __future__ import annotations

import gc
import multiprocessing
import multiprocessing.queues
import os
import signal
import warnings
from collections.abc import Iterator
from contextlib import contextmanager
from types import FrameType

STOP_SIGNALS = (signal.SIGINT, signal.SIGTERM)
# Seconds a stopped worker gets to exit before it is killed.
WORKER_GRACE_SECONDS = 3.0


class RunInterrupted(KeyboardInterrupt):
    """The run was stopped by a signal; `signal_name` says which."""

    def __init__(self, signal_name: str) -> None:
        super().__init__(signal_name)
        self.signal_name = signal_name

    @property
    def exit_code(self) -> int:
        """The shell's convention: 128 + the signal's number."""
        return 128 + int(getattr(signal, self.signal_name))


def stop_workers(grace: float = WORKER_GRACE_SECONDS) -> int:
    """Stop every worker process this process started (SIGTERM, then SIGKILL after `grace`
    seconds); returns how many there were."""
    children = multiprocessing.active_children()
    for child in children:
        child.terminate()
    for child in children:
        child.join(grace)
        if child.is_alive():
            child.kill()
            child.join()
    if children:
        _release_queues()
        # spaCy's pipe then warns that its workers did not complete: we stopped them.
        warnings.filterwarnings("ignore", message=r"\[W127\]")
    return len(children)


def _release_queues() -> None:
    """Let this process exit without flushing work to stopped workers: a queue's feeder thread
    would wait forever on a pipe that no worker reads (spaCy's queues are not ours to close)."""
    for obj in gc.get_objects():
        if isinstance(obj, multiprocessing.queues.Queue):
            obj.cancel_join_thread()


@contextmanager
def stop_on_signals() -> Iterator[None]:
    """Within the block, SIGINT and SIGTERM raise `RunInterrupted` (see the module docstring).
    Only in the main thread; elsewhere the block runs with the handlers as they are."""
    main_pid = os.getpid()

    def handler(signum: int, frame: FrameType | None) -> None:
        if os.getpid() != main_pid:  # a forked worker: the main process stops it
            if signum == signal.SIGTERM:
                os._exit(128 + signum)
            return
        # Stop the workers first: spaCy's pipe waits for them as the exception unwinds it.
        stop_workers()
        raise RunInterrupted(signal.Signals(signum).name)

    try:
        previous = {sig: signal.signal(sig, handler) for sig in STOP_SIGNALS}
    except ValueError:  # not the main thread: signals cannot be handled here
        yield
        return
    try:
        yield
    finally:
        for sig, old in previous.items():
            signal.signal(sig, old)
