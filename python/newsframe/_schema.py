"""The table contract (DESIGN.md): column names and polars dtypes of the four tables.

``doc_id`` is listed as ``UInt32`` (what the core returns and what you get without an ``id``
column); with an ``id`` column, ``doc_id`` takes that column's dtype.
"""

from __future__ import annotations

from typing import Dict

import polars as pl

__all__ = ["DOCUMENTS", "ENTITIES", "QUOTES", "EVENTS", "SCHEMAS"]

U32 = pl.UInt32
STR = pl.String
F64 = pl.Float64

DOCUMENTS: Dict[str, pl.DataType] = {
    "doc_id": U32,
    "title": STR,
    "published": pl.Date,
    "language": STR,
    "n_chars": U32,
    "n_sentences": U32,
    "n_entities": U32,
    "n_quotes": U32,
    "n_events": U32,
    "warnings": pl.List(STR),
}

ENTITIES: Dict[str, pl.DataType] = {
    "doc_id": U32,
    "sentence": U32,
    "start": U32,
    "end": U32,
    "text": STR,
    "label": pl.Categorical(),
    "canonical": STR,
    "entity_id": STR,
    "role": STR,
    "country": STR,
    "lat": F64,
    "lon": F64,
    "value": STR,
    "source": pl.Categorical(),
}

QUOTES: Dict[str, pl.DataType] = {
    "doc_id": U32,
    "quote_id": U32,
    "sentence": U32,
    "start": U32,
    "end": U32,
    "text": STR,
    "kind": pl.Categorical(),
    "speaker": STR,
    "speaker_canonical": STR,
    "speaker_entity_id": STR,
    "speaker_label": STR,
    "speaker_start": U32,
    "speaker_end": U32,
    "cue": STR,
    "confidence": pl.Float32,
}

EVENTS: Dict[str, pl.DataType] = {
    "doc_id": U32,
    "event_id": U32,
    "sentence": U32,
    "start": U32,
    "end": U32,
    "trigger": STR,
    "type": pl.Categorical(),
    "subtype": STR,
    "actor": STR,
    "actor_canonical": STR,
    "actor_entity_id": STR,
    "target": STR,
    "target_canonical": STR,
    "target_entity_id": STR,
    "location": STR,
    "location_entity_id": STR,
    "country": STR,
    "lat": F64,
    "lon": F64,
    "date": pl.Date,
    "date_text": STR,
    "killed": U32,
    "injured": U32,
    "quantity": STR,
    "modality": pl.Categorical(),
    "source": STR,
    "source_entity_id": STR,
    "quote_id": U32,
}

SCHEMAS: Dict[str, Dict[str, pl.DataType]] = {
    "documents": DOCUMENTS,
    "entities": ENTITIES,
    "quotes": QUOTES,
    "events": EVENTS,
}
