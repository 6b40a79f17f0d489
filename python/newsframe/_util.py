"""Small shared helpers."""

from __future__ import annotations

import os
import sys

_PKG_DIR = os.path.dirname(os.path.abspath(__file__))


def user_stacklevel() -> int:
    """``stacklevel`` for ``warnings.warn`` pointing at the first frame outside this package."""
    level = 1
    f = sys._getframe(1)
    while f is not None and os.path.abspath(f.f_code.co_filename).startswith(_PKG_DIR):
        f = f.f_back  # type: ignore[assignment]
        level += 1
    return level


# polars is not fork-safe: a child forked after its parent ran polars queries can hang in its
# first query (the parent's thread pool does not survive fork). newsframe cannot fix that;
# it says so instead of hanging silently.
_STATE = {"queried": False, "forked_after_query": False}


def _after_fork_in_child() -> None:
    _STATE["forked_after_query"] = _STATE["queried"]


if hasattr(os, "register_at_fork"):
    os.register_at_fork(after_in_child=_after_fork_in_child)


def mark_polars_used() -> None:
    """Record that this process has run polars queries (extraction does)."""
    _STATE["queried"] = True


def warn_if_forked_after_polars() -> bool:
    """Warn (once) when this process was forked from a parent that had run an extraction."""
    if not _STATE["forked_after_query"]:
        return False
    import warnings

    _STATE["forked_after_query"] = False
    warnings.warn(
        "this process was forked after its parent had run newsframe (polars) queries; polars is not "
        "fork-safe and may hang here: start workers with the 'spawn' or 'forkserver' method "
        "(multiprocessing.get_context('spawn')), or fork before the parent extracts anything",
        RuntimeWarning,
        stacklevel=user_stacklevel(),
    )
    return True
