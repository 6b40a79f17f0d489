"""A rayon pool does not survive fork(): newsframe's core must build a new one in a child.

Python polars itself is not fork-safe (its own pool hangs in a forked child once the parent
has used it; polars recommends the "spawn" start method), so the child here calls the
native engine directly: that is the part newsframe is answerable for.
"""
from __future__ import annotations

import multiprocessing as mp
import sys

import newsframe as nf
import pytest
from newsframe import _native

TEXTS = [f"Shelling hit Kharkiv on day {i}, the regional governor said." for i in range(64)]
NONES = [None] * len(TEXTS)


def _child(queue: "mp.Queue[int]") -> None:
    documents = _native.Engine().extract(TEXTS, NONES, NONES, threads=2)[0][0]
    queue.put(documents.height)


@pytest.mark.skipif(sys.platform != "linux", reason="fork start method")
def test_native_engine_in_forked_child_after_parent_used_its_pool():
    assert _native.Engine().extract(TEXTS, NONES, NONES, threads=2)[0][0].height == 64
    ctx = mp.get_context("fork")
    queue = ctx.Queue()
    proc = ctx.Process(target=_child, args=(queue,))
    proc.start()
    proc.join(timeout=60)
    if proc.is_alive():
        proc.kill()
        pytest.fail("the native engine hung in a forked child")
    assert proc.exitcode == 0
    assert queue.get(timeout=5) == 64


def test_spawned_workers_run_the_full_api():
    ctx = mp.get_context("spawn")
    with ctx.Pool(2) as pool:
        heights = pool.map(_extract_height, [TEXTS[:10], TEXTS[10:30]])
    assert heights == [10, 20]


def _extract_height(texts: "list[str]") -> int:
    return nf.extract(texts).documents.height
