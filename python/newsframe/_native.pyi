"""Type stubs for the compiled core ``newsframe._native`` (Rust, built by maturin)."""

from __future__ import annotations

from typing import Dict, List, Optional, Sequence, Tuple

import polars as pl

LABELS: List[str]
"""Entity labels (OntoNotes names), e.g. ``"PERSON"``, ``"GPE"``, ``"DATE"``."""

EVENT_TYPES: List[str]
"""Event types (PLOVER verbs), e.g. ``"ASSAULT"``, ``"SEIZE"``, ``"AID"``."""

PLACE_TYPES: List[str]
"""Kinds of place in ``entities.place_type``, coarsest first: ``"country"`` … ``"feature"``."""

WARNING_CODES: List[str]
"""Codes the core starts ``documents.warnings`` entries with, e.g. ``"internal-error"``."""

SCHEMAS: Dict[str, List[Tuple[str, str, str]]]
"""The table contract (declared in ``src/schema.rs``): ``{table: [(column, dtype name,
description), ...]}``, tables and columns in order. Dtype names are polars names
(``"UInt32"``, ``"Categorical"``, ``"List(String)"``, ...); ``newsframe._schema`` turns them
into polars dtypes."""

TABLE_ROWS: Dict[str, str]
"""What one row of each table stands for, e.g. ``{"entities": "entity mention", ...}``."""

class Engine:
    """The extraction engine: lexicon, rules and models, shared by all threads.

    Parameters
    ----------
    gazetteer
        Extra lexicon rows ``(surface form, label, canonical name, lat, lon, country)``, the
        last four None where not given. Raises ``ValueError`` for a label not in
        :data:`LABELS` or a surface form shorter than two characters.
    case_sensitive
        Whether gazetteer keys match only in their own case.
    """

    def __init__(
        self,
        gazetteer: Optional[
            Sequence[Tuple[str, str, Optional[str], Optional[float], Optional[float], Optional[str]]]
        ] = None,
        case_sensitive: bool = True,
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
        max_chars: Optional[int] = None,
        fail_on_doc: Optional[int] = None,
    ) -> Tuple[Tuple[pl.DataFrame, pl.DataFrame, pl.DataFrame, pl.DataFrame], List[Tuple[int, str]]]:
        """Run the extractors on a batch of documents.

        ``published`` holds days since 1970-01-01 (the physical value of ``pl.Date``).
        Returns ``((documents, entities, quotes, events), failures)``; ``doc_id`` is
        ``UInt32`` equal to ``doc_offset`` plus the position in ``texts``. Releases the GIL.
        A document on which extraction fails keeps its ``documents`` row with an
        ``internal-error`` warning and is listed in ``failures`` as ``(position in texts,
        message)``. ``fail_on_doc`` is a test hook: that position fails on purpose.
        """
        ...

def version() -> str:
    """Version of the compiled core."""
    ...
