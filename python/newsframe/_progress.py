"""A tiny progress bar on stderr (no dependency)."""

from __future__ import annotations

import sys
import time
from typing import Optional, TextIO


def stderr_is_tty() -> bool:
    """Whether ``sys.stderr`` is an interactive terminal."""
    try:
        return bool(sys.stderr.isatty())
    except (AttributeError, ValueError):  # closed or replaced stream
        return False


class Progress:
    """A one-line progress bar counting documents, redrawn in place with ``\\r``.

    Parameters
    ----------
    total
        Number of documents expected.
    enabled
        Draw nothing when false (all methods become no-ops).
    stream
        Where to draw; default ``sys.stderr``.

    Examples
    --------
    >>> bar = Progress(100, enabled=False)
    >>> bar.update(50); bar.close()
    """

    width = 30

    def __init__(self, total: int, enabled: bool = True, stream: Optional[TextIO] = None) -> None:
        self.total = max(int(total), 0)
        self.done = 0
        self.enabled = enabled
        self.stream = stream if stream is not None else sys.stderr
        self.start = time.perf_counter()
        self._last_len = 0
        if self.enabled:
            self._draw()

    def update(self, n: int) -> None:
        """Advance by ``n`` documents and redraw."""
        self.done += n
        if self.enabled:
            self._draw()

    def _draw(self) -> None:
        elapsed = time.perf_counter() - self.start
        frac = (self.done / self.total) if self.total else 1.0
        filled = int(round(frac * self.width))
        rate = self.done / elapsed if elapsed > 0 else 0.0
        line = "newsframe [{}{}] {:>3.0f}% {}/{} docs {:.1f}s {:.0f} docs/s".format(
            "#" * filled, "." * (self.width - filled), frac * 100, self.done, self.total, elapsed, rate
        )
        pad = " " * max(self._last_len - len(line), 0)
        self._last_len = len(line)
        try:
            self.stream.write("\r" + line + pad)
            self.stream.flush()
        except (ValueError, OSError):  # stream closed: stop drawing
            self.enabled = False

    def close(self) -> None:
        """Finish the line (newline) if anything was drawn."""
        if self.enabled:
            try:
                self.stream.write("\n")
                self.stream.flush()
            except (ValueError, OSError):
                pass
            self.enabled = False
