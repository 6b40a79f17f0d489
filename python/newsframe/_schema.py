"""The table contract as polars dtypes.

The columns of the four tables, their dtypes and meanings are declared once, in the Rust
core (``src/schema.rs``), and exported as ``newsframe._native.SCHEMAS``. This module only
translates that declaration: dtype names become polars dtypes, and :func:`markdown`
renders the reference page ``docs/tables.md`` (written by ``python docs/gen_tables.py``).

``doc_id`` is declared ``UInt32`` (the row number); when the input has an id column,
``doc_id`` takes that column's dtype — pass it as ``doc_id=`` to :func:`schema`.
"""

from __future__ import annotations

from typing import Any, Dict, List, Tuple

import polars as pl

from . import _native

__all__ = ["TABLES", "SCHEMAS", "DESCRIPTIONS", "ROWS", "OPEN_TABLES", "schema", "empty", "problems", "markdown"]

#: Declared dtype name -> polars dtype.
_DTYPES: Dict[str, Any] = {
    "UInt32": pl.UInt32,
    "Float32": pl.Float32,
    "Float64": pl.Float64,
    "Boolean": pl.Boolean,
    "String": pl.String,
    "Categorical": pl.Categorical(),
    "Date": pl.Date,
    "List(String)": pl.List(pl.String),
}


def _dtype(name: str) -> Any:
    try:
        return _DTYPES[name]
    except KeyError:
        raise RuntimeError(f"newsframe._schema does not know the dtype {name!r} declared by the core") from None


#: Table names, in the order ``extract`` returns them.
TABLES: Tuple[str, ...] = tuple(_native.SCHEMAS)

#: ``{table: {column: polars dtype}}``, columns in order (``doc_id`` as ``UInt32``).
SCHEMAS: Dict[str, Dict[str, Any]] = {
    t: {name: _dtype(dt) for name, dt, _ in cols} for t, cols in _native.SCHEMAS.items()
}

#: ``{table: {column: one-line meaning}}``.
DESCRIPTIONS: Dict[str, Dict[str, str]] = {
    t: {name: desc for name, _, desc in cols} for t, cols in _native.SCHEMAS.items()
}

#: ``{table: what one row stands for}``.
ROWS: Dict[str, str] = dict(_native.TABLE_ROWS)


def schema(table: str, doc_id: Any = pl.UInt32) -> Dict[str, Any]:
    """The declared ``{column: dtype}`` of ``table``, with ``doc_id`` of the given dtype."""
    if table not in SCHEMAS:
        raise ValueError(f"unknown table {table!r}; expected one of {TABLES}")
    out = dict(SCHEMAS[table])
    out["doc_id"] = doc_id
    return out


def empty(table: str, doc_id: Any = pl.UInt32) -> pl.DataFrame:
    """A table with no rows and the declared columns."""
    return pl.DataFrame(schema=schema(table, doc_id))


#: Tables that may carry columns after the declared ones: ``documents`` ends with the
#: input's pass-through columns (outlet, url, ...).
OPEN_TABLES: Tuple[str, ...] = ("documents",)


def problems(df: pl.DataFrame, table: str, doc_id: Any = pl.UInt32) -> List[str]:
    """How ``df`` differs from the declared schema of ``table`` (empty: it conforms).

    ``documents`` may have more columns after the declared ones (the input's pass-through
    columns); the other tables have exactly the declared columns.
    """
    want = schema(table, doc_id)
    got = dict(df.schema)
    out: List[str] = []
    names = list(got)
    if table in OPEN_TABLES:
        names = names[: len(want)]
    if names != list(want):
        out.append(f"{table}: columns {list(got)} != declared {list(want)}")
    for name, dt in want.items():
        if name in got and not got[name] == dt:
            out.append(f"{table}.{name}: dtype {got[name]} != declared {dt}")
    return out


def markdown() -> str:
    """``docs/tables.md``: one section per table, one line per column."""
    lines = [
        "# Tables",
        "",
        "<!-- Generated from src/schema.rs by `python docs/gen_tables.py`;",
        "     edit the declaration there, not this file. -->",
        "",
        "The four tables `extract` returns, their columns in order, polars dtypes and",
        "meanings. A value that does not apply to a row is null. `start`/`end` columns are",
        "code-point offsets into the original text; `doc_id` is the input's id column (its",
        "dtype kept) or, without one, the row number (`UInt32`). What the tables mean as a",
        "whole (what a row is, label and event-type sets, warning codes) is in",
        "[design.md](design.md).",
    ]
    for t in TABLES:
        lines += ["", f"## {t}", "", f"One row per {ROWS[t]}.", "", "| column | dtype | meaning |", "|---|---|---|"]
        for name, dt, desc in _native.SCHEMAS[t]:
            cell = desc.replace("|", "\\|")
            lines.append(f"| `{name}` | {dt} | {cell} |")
    return "\n".join(lines) + "\n"

