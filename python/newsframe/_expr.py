"""``pl.col("text").news``: extraction as a polars expression (eager, lazy and streaming).

Importing newsframe registers the expression namespace ``news``::

    df.with_columns(pl.col("text").news.entities().alias("entities"))

Each method returns, per row, a ``List[Struct]``: the rows of that table for the row's text,
with the table's declared columns minus ``doc_id`` (see ``docs/tables.md``), in the order
:func:`newsframe.extract` gives them. A null text gives a null list; a text without
mentions (or an empty one) gives an empty list.

Why ``map_batches`` and not a compiled expression plugin: a plugin is a shared library
that Python polars loads through its versioned C plugin interface
(``register_plugin_function``). It would be compiled against the polars *crate* 0.55,
while newsframe supports Python polars 2.0–2.1, whose plugin ABI upstream does not promise
to keep across releases (plugin projects such as polars-ds exclude releases that broke
it), and a dtype mismatch at that boundary (``List[Struct]`` needs ``dtype-struct`` on both
sides) aborts the process instead of raising. Here the expression calls the same native
extractor as :func:`newsframe.extract` from Python on each batch of the column: the table
crosses by Arrow C data exactly as it does for ``extract``, the per-row work (all of it in
the Rust core) is the same, and the output dtype is declared up front so lazy schemas
resolve without running anything. The cost is the Python call per batch and holding the
GIL while the batch's input is converted (the core itself releases it).
"""

from __future__ import annotations

import warnings
from typing import Any, Dict, List, Optional, Tuple, Union

import polars as pl

from . import _schema
from ._extractor import DEFAULT_BATCH_SIZE, Extractor
from ._input import prepare
from ._util import mark_polars_used, user_stacklevel, warn_if_forked_after_polars

__all__ = ["NewsExprNamespace", "output_dtype"]

_TABLE_FLAGS: Dict[str, Tuple[bool, bool, bool]] = {
    "entities": (True, False, False),
    "quotes": (False, True, False),
    "events": (False, False, True),
}
_PUBLISHED_FIELD = "__newsframe_published"
_EXTRACTORS: Dict[Tuple[str, Optional[int], Optional[int]], Extractor] = {}


def output_dtype(table: str) -> pl.DataType:
    """``List(Struct(...))`` of ``table``'s declared columns without ``doc_id``.

    Examples
    --------
    >>> from newsframe._expr import output_dtype
    >>> [f.name for f in output_dtype("quotes").inner.fields][:3]   # type: ignore[attr-defined]
    ['quote_id', 'sentence', 'start']
    """
    fields = [pl.Field(name, dt) for name, dt in _schema.SCHEMAS[table].items() if name != "doc_id"]
    return pl.List(pl.Struct(fields))


def _extractor(table: str, threads: Optional[int], max_chars: Optional[int]) -> Extractor:
    key = (table, threads, max_chars)
    ex = _EXTRACTORS.get(key)
    if ex is None:
        e, q, v = _TABLE_FLAGS[table]
        kwargs: Dict[str, Any] = {} if max_chars is None else {"max_chars": max_chars}
        ex = _EXTRACTORS[key] = Extractor(entities=e, quotes=q, events=v, threads=threads, **kwargs)
    return ex


def _per_row(
    table: str, texts: pl.Series, published: Optional[pl.Series], extractor: Extractor
) -> pl.Series:
    """The rows of ``table`` for each text, as one ``List[Struct]`` value per text."""
    dtype = output_dtype(table)
    n = texts.len()
    if texts.dtype != pl.String:
        if texts.dtype == pl.Null:
            texts = texts.cast(pl.String)
        else:
            raise TypeError(f"newsframe expressions need a String column, got {texts.dtype} ({texts.name!r})")
    warn_if_forked_after_polars()
    mark_polars_used()
    keep = texts.is_not_null()
    rows = pl.int_range(n, dtype=pl.UInt32, eager=True).filter(keep)
    data: Dict[str, pl.Series] = {"text": texts.filter(keep)}
    if published is not None:
        data["published"] = published.filter(keep)
    # No warnings.catch_warnings here: it is process-global and the streaming engine calls
    # this from several threads at once. The extractor is asked for its summary instead.
    prep = prepare(pl.DataFrame(data), id=None, title=None)
    res = extractor._run(prep, progress=False, batch_size=DEFAULT_BATCH_SIZE, summary=False)
    summary = Extractor._summary(res.documents, prep)
    if summary is not None:
        warnings.warn(
            f"pl.col(...).news.{table}(): {summary}; nf.extract() gives them per document in documents['warnings']",
            UserWarning,
            stacklevel=user_stacklevel(),
        )
    out = getattr(res, table)
    fields = [c for c in out.columns if c != "doc_id"]
    grouped = out.group_by("doc_id", maintain_order=True).agg(pl.struct(fields).alias("rows"))
    # doc_id is the position among the non-null texts; back to the position in the batch.
    aligned = (
        pl.DataFrame({"doc_id": pl.int_range(rows.len(), dtype=pl.UInt32, eager=True), "row": rows})
        .join(grouped, on="doc_id", how="left")
        .select("row", pl.col("rows").fill_null(pl.lit([], dtype=dtype)))
    )
    full = pl.DataFrame({"row": pl.int_range(n, dtype=pl.UInt32, eager=True)}).join(aligned, on="row", how="left")
    return full.get_column("rows").cast(dtype).rename(texts.name)


@pl.api.register_expr_namespace("news")
class NewsExprNamespace:
    """Extraction inside polars queries: ``pl.col("text").news.entities()``.

    Each method returns an expression whose value per row is a ``List[Struct]`` with one
    element per row of that table for the row's text (its declared columns minus
    ``doc_id``). A null text gives null; a text with nothing found gives ``[]``. The rows
    equal those of ``nf.extract(texts)`` for the same texts, whatever the batching.
    Works in eager and lazy queries and with ``collect(engine="streaming")`` (each batch is
    extracted independently: the result is per row). Implemented with ``map_batches`` over
    the native core, not as a compiled plugin (see ``newsframe._expr``).

    Per-document warnings (empty, truncated, ... texts) are summarised in one
    ``UserWarning`` per batch; :func:`newsframe.extract` gives them per document.
    The methods take the same keyword arguments:

    - ``published``: a column name or expression of publication dates (``pl.Date``,
      ``pl.Datetime`` or ISO strings) against which relative dates ("on Tuesday") resolve,
      as the ``published`` column of :func:`newsframe.extract`; default none.
    - ``threads``, ``max_chars``: as for :class:`newsframe.Extractor`.

    Examples
    --------
    >>> import polars as pl, newsframe as nf
    >>> df = pl.DataFrame({"text": ["Zelensky visited Kharkiv.", None, ""]})
    >>> out = df.select(pl.col("text").news.entities())
    >>> out.schema["text"]                                          # doctest: +ELLIPSIS
    List(Struct({'sentence': UInt32, 'start': UInt32, 'end': UInt32, 'text': String, ...}))
    >>> [[e["text"] for e in row] if row is not None else None for row in out["text"].to_list()]
    [['Zelensky', 'Kharkiv'], None, []]
    >>> lf = df.lazy().select(pl.col("text").news.entities().list.len().alias("n"))
    >>> lf.collect(engine="streaming")["n"].to_list()
    [2, None, 0]
    """

    def __init__(self, expr: pl.Expr) -> None:
        self._expr = expr

    def _table(
        self, table: str, published: Union[str, pl.Expr, None], threads: Optional[int], max_chars: Optional[int]
    ) -> pl.Expr:
        extractor = _extractor(table, threads, max_chars)
        dtype = output_dtype(table)
        if published is None:

            def run(s: pl.Series) -> pl.Series:
                return _per_row(table, s, None, extractor)

            return self._expr.map_batches(run, return_dtype=dtype, is_elementwise=True)

        pub = pl.col(published) if isinstance(published, str) else published

        def run_with_dates(s: pl.Series) -> pl.Series:
            parts: List[pl.Series] = s.struct.unnest().get_columns()
            texts, dates = parts[0], parts[1]
            return _per_row(table, texts, dates, extractor).rename(s.name)

        # The struct takes the name of its first field: the output keeps the text column's name.
        return pl.struct(self._expr, pub.alias(_PUBLISHED_FIELD)).map_batches(
            run_with_dates, return_dtype=dtype, is_elementwise=True
        )

    def entities(
        self, *, published: Union[str, pl.Expr, None] = None, threads: Optional[int] = None, max_chars: Optional[int] = None
    ) -> pl.Expr:
        """Entity mentions per row: ``List[Struct]`` of the ``entities`` columns minus ``doc_id``."""
        return self._table("entities", published, threads, max_chars)

    def quotes(
        self, *, published: Union[str, pl.Expr, None] = None, threads: Optional[int] = None, max_chars: Optional[int] = None
    ) -> pl.Expr:
        """Quotes per row: ``List[Struct]`` of the ``quotes`` columns minus ``doc_id``."""
        return self._table("quotes", published, threads, max_chars)

    def events(
        self, *, published: Union[str, pl.Expr, None] = None, threads: Optional[int] = None, max_chars: Optional[int] = None
    ) -> pl.Expr:
        """Events per row: ``List[Struct]`` of the ``events`` columns minus ``doc_id``."""
        return self._table("events", published, threads, max_chars)
