"""Schema assertions for the tests, derived from the table contract.

The contract is declared once, in ``src/schema.rs``, and reaches Python as
``newsframe._native.SCHEMAS`` (polars dtypes via ``newsframe._schema``). Nothing is
re-declared here: these helpers only compare real tables with it.
"""

from __future__ import annotations

from typing import Any, Dict, List, Tuple

import polars as pl
from newsframe import _schema

U32 = pl.UInt32
TABLES: Tuple[str, ...] = _schema.TABLES


def expected(table: str, doc_id: Any = U32) -> Dict[str, Any]:
    """The declared schema of ``table`` with ``doc_id`` of the given dtype."""
    return _schema.schema(table, doc_id)


def schema_problems(df: pl.DataFrame, table: str, doc_id: Any = U32) -> List[str]:
    """Differences between ``df.schema`` and the declared one (empty list: all good)."""
    return _schema.problems(df, table, doc_id)


def assert_schemas(result: Any, doc_id: Any = U32) -> None:
    """Assert the four tables of an Extraction have exactly the declared columns and dtypes."""
    problems: List[str] = []
    for t in TABLES:
        problems += schema_problems(getattr(result, t), t, doc_id)
    assert not problems, "\n".join(problems)
