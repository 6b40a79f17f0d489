"""Expected table schemas, written from DESIGN.md (independently of the package's own copy)."""

from __future__ import annotations

from typing import Any, Dict, List, Tuple

import polars as pl

U32 = pl.UInt32
STR = pl.String
F64 = pl.Float64
CAT = pl.Categorical

DOCUMENTS: Dict[str, Any] = {
    "doc_id": U32, "title": STR, "published": pl.Date, "language": STR, "n_chars": U32, "n_sentences": U32,
    "n_entities": U32, "n_quotes": U32, "n_events": U32, "warnings": pl.List(STR),
}
ENTITIES: Dict[str, Any] = {
    "doc_id": U32, "sentence": U32, "start": U32, "end": U32, "text": STR, "label": CAT,
    "canonical": STR, "entity_id": STR, "role": STR, "country": STR, "lat": F64, "lon": F64,
    "value": STR, "source": CAT,
}
QUOTES: Dict[str, Any] = {
    "doc_id": U32, "quote_id": U32, "sentence": U32, "start": U32, "end": U32, "text": STR,
    "kind": CAT, "speaker": STR, "speaker_canonical": STR, "speaker_entity_id": STR,
    "speaker_label": STR, "speaker_start": U32, "speaker_end": U32, "cue": STR,
    "confidence": pl.Float32,
}
EVENTS: Dict[str, Any] = {
    "doc_id": U32, "event_id": U32, "sentence": U32, "start": U32, "end": U32, "trigger": STR,
    "type": CAT, "subtype": STR, "actor": STR, "actor_canonical": STR, "actor_entity_id": STR,
    "target": STR, "target_canonical": STR, "target_entity_id": STR, "location": STR,
    "location_entity_id": STR, "country": STR, "lat": F64, "lon": F64, "date": pl.Date,
    "date_text": STR, "killed": U32, "injured": U32, "quantity": STR, "modality": CAT,
    "source": STR, "source_entity_id": STR, "quote_id": U32,
}
SCHEMAS: Dict[str, Dict[str, Any]] = {
    "documents": DOCUMENTS, "entities": ENTITIES, "quotes": QUOTES, "events": EVENTS,
}
TABLES: Tuple[str, ...] = ("documents", "entities", "quotes", "events")


def expected(table: str, doc_id: Any = U32) -> Dict[str, Any]:
    """The expected schema of ``table`` with ``doc_id`` of the given dtype."""
    exp = dict(SCHEMAS[table])
    exp["doc_id"] = doc_id
    return exp


def schema_problems(df: pl.DataFrame, table: str, doc_id: Any = U32) -> List[str]:
    """Differences between ``df.schema`` and the expected one (empty list: all good)."""
    exp = expected(table, doc_id)
    got = dict(df.schema)
    problems = []
    if list(got) != list(exp):
        problems.append(f"{table}: columns {list(got)} != expected {list(exp)}")
    for name, dt in exp.items():
        if name in got and not (got[name] == dt):
            problems.append(f"{table}.{name}: dtype {got[name]} != expected {dt}")
    return problems


def assert_schemas(result: Any, doc_id: Any = U32) -> None:
    """Assert the four tables of an Extraction have the contract's schemas."""
    problems: List[str] = []
    for t in TABLES:
        problems += schema_problems(getattr(result, t), t, doc_id)
    assert not problems, "\n".join(problems)
