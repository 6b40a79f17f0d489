"""Type stubs for the compiled core ``newsframe._native`` (Rust, built by maturin)."""

from __future__ import annotations

from typing import List, Optional, Sequence, Tuple

import polars as pl

LABELS: List[str]
"""Entity labels (OntoNotes names), e.g. ``"PERSON"``, ``"GPE"``, ``"DATE"``."""

EVENT_TYPES: List[str]
"""Event types (PLOVER verbs), e.g. ``"ASSAULT"``, ``"SEIZE"``, ``"AID"``."""

class Engine:
    """The extraction engine: lexicon, rules and models, shared by all threads.

    Parameters
    ----------
    gazetteer
        Extra lexicon rows ``(surface form, label, canonical name or None)``.
        Raises ``ValueError`` for a label not in :data:`LABELS`.
    """

    def __init__(
        self, gazetteer: Optional[Sequence[Tuple[str, str, Optional[str]]]] = None
    ) -> None: ...
    def extract(
        self,
        texts: Sequence[Optional[str]],
        published: Sequence[Optional[int]],
        titles: Sequence[Optional[str]],
        entities: bool = True,
        quotes: bool = True,
        events: bool = True,
        threads: Optional[int] = None,
        doc_offset: int = 0,
    ) -> Tuple[pl.DataFrame, pl.DataFrame, pl.DataFrame, pl.DataFrame]:
        """Run the extractors on a batch of documents.

        ``published`` holds days since 1970-01-01 (the physical value of ``pl.Date``).
        Returns ``(documents, entities, quotes, events)``; ``doc_id`` is ``UInt32`` equal
        to ``doc_offset`` plus the position in ``texts``. Releases the GIL. A panic on a
        document is raised as ``RuntimeError("document <index>: <message>")``.
        """
        ...

def version() -> str:
    """Version of the compiled core."""
    ...
