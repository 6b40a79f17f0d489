"""polars tables -> pandas DataFrames with dtypes that do not depend on the data.

``polars.DataFrame.to_pandas()`` chooses numpy dtypes from the values: a ``UInt32`` column
becomes ``uint32`` without nulls and ``float64`` with them, a Boolean column ``bool`` or
``object``, and each categorical gets the categories present in that one frame (so that
``pd.concat`` of two results falls back to ``object``). Here every column gets one dtype
decided by its polars dtype alone:

=====================  ==================================  ==============================
polars                 ``dtype_backend="numpy_nullable"``  ``dtype_backend="pyarrow"``
=====================  ==================================  ==============================
Int*/UInt*             ``Int64``, ``UInt32``, ... (pd.NA)  ``uint32[pyarrow]``, ...
Float32/Float64        ``Float32``/``Float64`` (pd.NA)     ``double[pyarrow]``, ...
Boolean                ``boolean``                         ``bool[pyarrow]``
String                 ``string`` (pd.NA)                  ``large_string[pyarrow]``
Categorical/Enum       ``category``, categories fixed      ``category``, the same
Date                   ``datetime64[ms]`` (NaT)            ``date32[day][pyarrow]``
Datetime               ``datetime64[unit, tz]``            ``timestamp[...][pyarrow]``
List/Struct/Array      ``object``: Python lists/dicts      ``list<...>[pyarrow]``, ...
=====================  ==================================  ==============================

The categories of the declared categorical columns are fixed (all labels, all event types,
...), in the same order in every result, followed by any value the core produced that the
list does not know (sorted); pass-through categoricals keep the categories they hold.
"""

from __future__ import annotations

from typing import Any, Dict, List, Optional, Sequence

import polars as pl

__all__ = ["to_pandas", "CATEGORIES", "DTYPE_BACKENDS"]

DTYPE_BACKENDS = ("numpy_nullable", "pyarrow")


def _categories() -> Dict[str, Dict[str, List[str]]]:
    from . import _native

    return {
        "entities": {
            "label": list(_native.LABELS),
            "place_type": list(_native.PLACE_TYPES),
            "source": ["lexicon", "rule", "model"],
        },
        "quotes": {"kind": ["direct", "mixed", "indirect"]},
        "events": {
            "type": list(_native.EVENT_TYPES),
            "date_source": ["clause", "sentence", "paragraph", "dateline", "published"],
            "location_source": ["clause", "sentence", "paragraph", "dateline", "headline"],
            "modality": ["asserted", "negated", "hedged", "planned", "hypothetical"],
        },
    }


#: ``{table: {column: categories}}`` of the declared categorical columns, in the order the
#: pandas categories take.
CATEGORIES: Dict[str, Dict[str, List[str]]] = _categories()


def _nullable_dtype(dtype: Any) -> Any:
    """The pandas extension dtype for a polars numeric, boolean or string dtype (else None)."""
    import pandas as pd

    mapping = {
        pl.Int8: pd.Int8Dtype,
        pl.Int16: pd.Int16Dtype,
        pl.Int32: pd.Int32Dtype,
        pl.Int64: pd.Int64Dtype,
        pl.UInt8: pd.UInt8Dtype,
        pl.UInt16: pd.UInt16Dtype,
        pl.UInt32: pd.UInt32Dtype,
        pl.UInt64: pd.UInt64Dtype,
        pl.Float32: pd.Float32Dtype,
        pl.Float64: pd.Float64Dtype,
        pl.Boolean: pd.BooleanDtype,
    }
    for pl_type, pd_type in mapping.items():
        if dtype == pl_type:
            return pd_type()
    if dtype == pl.String:
        return pd.StringDtype()
    return None


def _categorical(s: pl.Series, known: Optional[Sequence[str]]) -> Any:
    import pandas as pd

    values = s.cast(pl.String)
    present = values.drop_nulls().unique().sort().to_list()
    if known is not None:
        cats = list(known) + [v for v in present if v not in set(known)]
    elif isinstance(s.dtype, pl.Enum):
        cats = list(s.dtype.categories.to_list())
    else:
        cats = present
    dtype = pd.CategoricalDtype(pd.Index(cats, dtype=pd.StringDtype()), ordered=isinstance(s.dtype, pl.Enum))
    return pd.Series(pd.Categorical(values.to_list(), dtype=dtype), name=s.name)


def _column(s: pl.Series, known: Optional[Sequence[str]], backend: str) -> Any:
    import pandas as pd

    dtype = s.dtype
    if isinstance(dtype, (pl.Categorical, pl.Enum)):
        return _categorical(s, known)
    if backend == "pyarrow":
        return s.to_frame().to_arrow().to_pandas(types_mapper=pd.ArrowDtype).iloc[:, 0]
    if dtype.is_nested() or dtype in (pl.Object, pl.Null):
        return pd.Series(s.to_list(), name=s.name, dtype=object)
    ext = _nullable_dtype(dtype)
    arrow = s.to_frame().to_arrow()
    if ext is not None:
        return pd.Series(ext.__from_arrow__(arrow.column(0)), name=s.name)
    if dtype == pl.Date:
        return arrow.to_pandas(date_as_object=False).iloc[:, 0].astype("datetime64[ms]")
    # Datetime, Duration, Time, Decimal, Binary: pyarrow's own mapping (units and zones kept)
    return arrow.to_pandas().iloc[:, 0]


def to_pandas(df: pl.DataFrame, table: Optional[str] = None, dtype_backend: str = "numpy_nullable") -> Any:
    """``df`` as a pandas DataFrame with the fixed dtypes described in this module.

    Parameters
    ----------
    df
        A newsframe table (or any polars DataFrame).
    table
        Its name (``"entities"``, ...): fixes the categories of its declared categoricals.
    dtype_backend
        ``"numpy_nullable"`` (default: pandas' nullable extension dtypes) or ``"pyarrow"``
        (``pd.ArrowDtype`` columns; categoricals stay ``category``).

    Examples
    --------
    >>> import polars as pl
    >>> from newsframe._pandas import to_pandas
    >>> to_pandas(pl.DataFrame({"killed": pl.Series([3, None], dtype=pl.UInt32)})).dtypes["killed"]
    UInt32Dtype()
    """
    import pandas as pd

    if dtype_backend not in DTYPE_BACKENDS:
        raise ValueError(f"dtype_backend must be one of {DTYPE_BACKENDS}, got {dtype_backend!r}")
    known = CATEGORIES.get(table or "", {})
    cols = {
        name: _column(df.get_column(name), known.get(name), dtype_backend).reset_index(drop=True)
        for name in df.columns
    }
    out = pd.DataFrame(cols, index=pd.RangeIndex(df.height))
    out.columns = list(df.columns)
    return out
