"""A rayon pool does not survive fork(): a child process must build its own and not hang."""
from __future__ import annotations

import multiprocessing as mp
import sys

import pytest

import newsframe as nf

TEXTS = [f"Shelling hit Kharkiv on day {i}, the regional governor said." for i in range(64)]


def _child(queue: "mp.Queue[int]") -> None:
    queue.put(nf.Extractor(threads=2).extract(TEXTS).documents.height)


@pytest.mark.skipif(sys.platform != "linux", reason="fork start method")
def test_extract_in_forked_child_after_parent_used_the_pool():
    assert nf.Extractor(threads=2).extract(TEXTS).documents.height == 64  # parent builds its pool
    ctx = mp.get_context("fork")
    queue = ctx.Queue()
    proc = ctx.Process(target=_child, args=(queue,))
    proc.start()
    proc.join(timeout=120)
    if proc.is_alive():
        proc.kill()
        pytest.fail("extract() hung in a forked child")
    assert proc.exitcode == 0
    assert queue.get(timeout=5) == 64
