"""bulk: the garbage collector paused while a batch is built, and restored after."""

from __future__ import annotations

import gc
from collections.abc import Iterator

import pytest

from pipeline.bulk import collector_paused


@pytest.fixture
def collector_on() -> Iterator[None]:
    was = gc.isenabled()
    gc.enable()
    yield
    (gc.enable if was else gc.disable)()


def test_the_collector_is_paused_in_the_block_and_running_after(collector_on: None) -> None:
    with collector_paused():
        assert not gc.isenabled()
    assert gc.isenabled()


def test_the_collector_runs_again_after_a_failure_in_the_block(collector_on: None) -> None:
    with pytest.raises(RuntimeError), collector_paused():
        raise RuntimeError("a failed batch")
    assert gc.isenabled()


def test_a_caller_that_paused_the_collector_keeps_it_paused(collector_on: None) -> None:
    gc.disable()
    with collector_paused():
        with collector_paused():
            assert not gc.isenabled()
        assert not gc.isenabled()  # the inner block restores what it found: paused
    assert not gc.isenabled()
