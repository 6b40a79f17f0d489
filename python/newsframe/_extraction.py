"""The result object: four polars tables plus the input texts."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any, Dict, Iterator, NamedTuple, Optional, Tuple, Union

import polars as pl

from ._geo import events_geojson
from ._show import Rendered, render, repr_html

__all__ = ["Extraction", "PandasTables"]

TABLES = ("documents", "entities", "quotes", "events")
FORMATS = ("parquet", "csv", "jsonl")


def write_table(df: pl.DataFrame, target: Path, fmt: str) -> None:
    """Write one table as ``fmt`` (one of :data:`FORMATS`); CSV joins list columns with ``"; "``."""
    if fmt == "parquet":
        df.write_parquet(target)
    elif fmt == "csv":
        df.with_columns(pl.col(c).list.join("; ") for c, dt in df.schema.items() if isinstance(dt, pl.List)).write_csv(
            target
        )
    else:
        df.write_ndjson(target)


class PandasTables(NamedTuple):
    """The four tables as pandas DataFrames (``documents, entities, quotes, events``).

    A NamedTuple: use attributes (``tables.entities``), unpack it
    (``docs, ents, quotes, events = tables``) or call ``._asdict()`` for a dict.
    """

    documents: Any
    entities: Any
    quotes: Any
    events: Any


class Extraction:
    """Everything extracted from a batch of documents.

    Attributes
    ----------
    documents : pl.DataFrame
        One row per input document, in input order.
    entities : pl.DataFrame
        One row per entity mention.
    quotes : pl.DataFrame
        One row per quotation.
    events : pl.DataFrame
        One row per event.
    texts : pl.Series
        The texts analysed (``String``): the input texts, except that an HTML page or fragment
        is its extracted article text (``html="auto"``, see :class:`Extractor`); aligned with
        ``documents`` rows; offsets in the other tables index into these
        (``texts[i][start:end]``).

    Examples
    --------
    >>> import newsframe as nf
    >>> res = nf.extract("Russian forces shelled Kharkiv on Monday, the governor said.")
    >>> res                                              # doctest: +ELLIPSIS
    Extraction(documents=1, entities=..., quotes=..., events=...)
    >>> res.entities.select("text", "label")           # doctest: +ELLIPSIS
    shape: (..., 2)
    ...
    >>> res.show(0)                                      # doctest: +ELLIPSIS
    doc_id 0...
    """

    documents: pl.DataFrame
    entities: pl.DataFrame
    quotes: pl.DataFrame
    events: pl.DataFrame
    texts: pl.Series

    def __init__(
        self,
        documents: pl.DataFrame,
        entities: pl.DataFrame,
        quotes: pl.DataFrame,
        events: pl.DataFrame,
        texts: Optional[pl.Series] = None,
    ) -> None:
        self.documents = documents
        self.entities = entities
        self.quotes = quotes
        self.events = events
        if texts is None:
            texts = pl.Series("text", [None] * documents.height, dtype=pl.String)
        self.texts = texts

    # ------------------------------------------------------------------ basics
    def __repr__(self) -> str:
        return "Extraction(documents={}, entities={}, quotes={}, events={})".format(
            self.documents.height, self.entities.height, self.quotes.height, self.events.height
        )

    def __len__(self) -> int:
        """Number of documents."""
        return self.documents.height

    def tables(self) -> Dict[str, pl.DataFrame]:
        """The four tables as a dict ``{"documents": ..., "entities": ..., ...}``."""
        return {name: getattr(self, name) for name in TABLES}

    def items(self) -> Iterator[Tuple[str, pl.DataFrame]]:
        """``(name, table)`` pairs, in the order documents, entities, quotes, events."""
        return iter(self.tables().items())

    def with_text(self) -> pl.DataFrame:
        """``documents`` with the analysed ``text`` column (:attr:`texts`) added (second column)."""
        return self.documents.insert_column(1, self.texts.alias("text"))

    def summary(self) -> Dict[str, pl.DataFrame]:
        """Counts for a quick look: entities by label, quotes by kind, events by type, warnings.

        Returns
        -------
        dict of str to pl.DataFrame
            ``{"labels", "quote_kinds", "event_types", "warnings"}``, each with a ``count`` column,
            sorted by descending count.

        Examples
        --------
        >>> import newsframe as nf
        >>> nf.extract(nf.load_demo()).summary()["event_types"]  # doctest: +ELLIPSIS
        shape: (..., 2)
        ...
        """

        def count(df: pl.DataFrame, col: str) -> pl.DataFrame:
            return (
                df.group_by(pl.col(col).cast(pl.String))
                .agg(pl.len().alias("count"))
                .sort(["count", col], descending=[True, False])
            )

        warn = self.documents.select(pl.col("warnings").explode().alias("warning")).drop_nulls()
        return {
            "labels": count(self.entities, "label"),
            "quote_kinds": count(self.quotes, "kind"),
            "event_types": count(self.events, "type"),
            "warnings": count(warn, "warning"),
        }

    # ----------------------------------------------------------------- export
    def to_pandas(self, dtype_backend: str = "numpy_nullable") -> PandasTables:
        """The four tables as pandas DataFrames (needs pandas and pyarrow).

        Every column's pandas dtype depends on its polars dtype only, never on the values:
        counts such as ``killed`` are ``UInt32`` whether or not they hold nulls, flags are
        ``boolean``, text is ``string``, dates ``datetime64[ms]``, lists Python lists;
        categorical columns (``label``, ``type``, ``kind``, ...) are ``category`` with the
        full, fixed set of categories, so that ``pd.concat`` of two results keeps them.
        Missing values are ``pd.NA`` (``NaT`` for dates).

        Parameters
        ----------
        dtype_backend
            ``"numpy_nullable"`` (default: pandas' nullable dtypes) or ``"pyarrow"``
            (``pd.ArrowDtype`` columns; categoricals stay ``category``).

        Returns
        -------
        PandasTables
            A NamedTuple ``(documents, entities, quotes, events)``.

        Examples
        --------
        >>> import newsframe as nf
        >>> pdt = nf.extract(nf.load_demo()).to_pandas()
        >>> str(pdt.events["killed"].dtype), str(pdt.events["quote_id"].dtype)
        ('UInt32', 'UInt32')
        >>> str(pdt.entities["label"].dtype)
        'category'
        """
        try:
            import pandas  # noqa: F401
            import pyarrow  # noqa: F401
        except ImportError as exc:  # pragma: no cover - depends on environment
            raise ImportError("to_pandas() needs pandas and pyarrow: pip install 'newsframe[pandas]'") from exc
        from ._pandas import to_pandas

        return PandasTables(*(to_pandas(getattr(self, name), name, dtype_backend) for name in TABLES))

    def to_arrow(self) -> Dict[str, Any]:
        """The four tables as ``{"documents": pyarrow.Table, ...}`` (needs pyarrow).

        Categorical columns become dictionary-encoded, strings ``large_string``; the
        tables round-trip through ``pl.from_arrow``.

        Examples
        --------
        >>> import newsframe as nf
        >>> tables = nf.extract(nf.load_demo()).to_arrow()
        >>> list(tables), type(tables["events"]).__name__
        (['documents', 'entities', 'quotes', 'events'], 'Table')
        """
        return {name: getattr(self, name).to_arrow() for name in TABLES}

    def write(self, path: Union[str, "os.PathLike[str]"], format: str = "parquet") -> Dict[str, Path]:
        """Write the four tables to a folder (created if needed).

        Parameters
        ----------
        path
            Output folder; files are ``documents.<ext>``, ``entities.<ext>``, ``quotes.<ext>``,
            ``events.<ext>``.
        format
            ``"parquet"`` (default, lossless), ``"csv"`` (the ``warnings`` list column is joined
            with ``"; "``) or ``"jsonl"`` (one JSON object per line).

        Returns
        -------
        dict of str to Path
            The file written for each table.

        Examples
        --------
        >>> import newsframe as nf
        >>> files = nf.extract(nf.load_demo()).write("out/", format="csv")
        >>> sorted(p.name for p in files.values())
        ['documents.csv', 'entities.csv', 'events.csv', 'quotes.csv']
        """
        fmt = format.lower().lstrip(".")
        if fmt == "ndjson":
            fmt = "jsonl"
        if fmt not in FORMATS:
            raise ValueError(f"format must be one of {FORMATS}, got {format!r}")
        out = Path(path)
        out.mkdir(parents=True, exist_ok=True)
        written: Dict[str, Path] = {}
        for name in TABLES:
            df: pl.DataFrame = getattr(self, name)
            target = out / f"{name}.{fmt}"
            write_table(df, target, fmt)
            written[name] = target
        return written

    def write_parquet(self, path: Union[str, "os.PathLike[str]"]) -> Dict[str, Path]:
        """Write ``documents.parquet``, ``entities.parquet``, ``quotes.parquet``, ``events.parquet``.

        Examples
        --------
        >>> import newsframe as nf, polars as pl
        >>> res = nf.extract(nf.load_demo())
        >>> files = res.write_parquet("out/")
        >>> pl.read_parquet("out/entities.parquet").height == res.entities.height
        True
        """
        return self.write(path, format="parquet")

    # ------------------------------------------------------------------- show
    def _row_of(self, doc_id: Any = None, row: Optional[int] = None) -> int:
        n = self.documents.height
        if row is not None:
            if doc_id is not None:
                raise TypeError("give doc_id or row, not both")
            if isinstance(row, bool) or not isinstance(row, int):
                raise TypeError(f"row must be an int, got {type(row).__name__}")
            if not -n <= row < n:
                raise IndexError(f"row {row} out of range for {n} documents")
            return row % n
        if doc_id is None:
            if n == 0:
                raise IndexError("no documents to show")
            return 0
        ids = self.documents.get_column("doc_id")
        try:
            idx = (ids == doc_id).fill_null(False).arg_true()
        except Exception:  # e.g. a str compared with an integer column
            idx = pl.Series([], dtype=pl.UInt32)
        if idx.len():
            return int(idx[0])
        # an int that is no doc_id, with ids that are not integers (the demo's are strings):
        # a row position, as in ``res.show(0)``
        if isinstance(doc_id, int) and not isinstance(doc_id, bool) and not ids.dtype.is_integer() and -n <= doc_id < n:
            return doc_id % n
        raise KeyError(f"doc_id {doc_id!r} not in documents")

    def show(self, doc_id: Any = None, *, row: Optional[int] = None) -> Rendered:
        """Render one document with its annotations.

        Entities are highlighted with a colour per label and a label tag (like displaCy),
        quotes are underlined and followed by their speaker, event triggers are underlined
        with their type as a subscript; a legend explains the colours. Hover for details:
        an entity's label, canonical name and entity_id; a quote's kind, speaker and cue;
        an event's type, actor, target, place and date.

        Parameters
        ----------
        doc_id
            The document's ``doc_id`` (the ``id`` value if one was given); default: the first
            document. An ``int`` that is not a ``doc_id`` while the ids are not integers
            (strings, say) is taken as a row position, so ``show(0)`` always works.
        row
            The document at this row position of ``documents`` (negative counts from the
            end), whatever its ``doc_id``.

        Returns
        -------
        Rendered
            Displays as HTML in Jupyter (``_repr_html_``); ``.html`` is the HTML string;
            ``str()`` gives a bracketed plain-text view.

        Raises
        ------
        KeyError
            No document has that ``doc_id`` (and it is not a row position).
        IndexError
            ``row`` out of range, or no documents at all.

        Examples
        --------
        >>> import newsframe as nf
        >>> res = nf.extract(nf.load_demo())
        >>> res.show("kyiv-blackout")                        # doctest: +ELLIPSIS
        doc_id kyiv-blackout · ...
        >>> res.show(0).html.startswith("<div")
        True
        >>> res.show(row=-1) is not None
        True
        """
        i = self._row_of(doc_id, row)
        doc = self.documents.row(i, named=True)
        did = doc["doc_id"]

        def sel(df: pl.DataFrame) -> pl.DataFrame:
            return df.filter(pl.col("doc_id") == did) if "doc_id" in df.columns else df.clear()

        header = " · ".join(
            str(x)
            for x in (f"doc_id {did}", doc.get("title"), doc.get("published"))
            if x is not None
        )
        return render(self.texts[i], sel(self.entities), sel(self.quotes), sel(self.events), header)

    # -------------------------------------------------------------- notebook
    def _repr_html_(self) -> str:
        """Jupyter's view: the row count of each table and its first rows (escaped HTML)."""
        return repr_html(self.tables())

    # ---------------------------------------------------------------- geojson
    def to_geojson(self) -> Dict[str, Any]:
        """The events that have coordinates as a GeoJSON ``FeatureCollection`` (a dict).

        One ``Point`` feature per event row with both ``lat`` and ``lon``, coordinates
        ``[lon, lat]`` (RFC 7946 order); its ``properties`` are the event's other columns
        (``doc_id``, ``event_id``, ``type``, ``location``, ``date`` as an ISO string, ...).
        Events without coordinates are left out and counted in the collection's foreign
        member ``"skipped_without_coordinates"``.

        Examples
        --------
        >>> import newsframe as nf
        >>> fc = nf.extract(nf.load_demo()).to_geojson()
        >>> fc["type"], fc["features"][0]["geometry"]["type"]
        ('FeatureCollection', 'Point')
        """
        return events_geojson(self.events)

    def write_geojson(self, path: Union[str, "os.PathLike[str]"]) -> Path:
        """Write the events that have coordinates to ``path`` as GeoJSON (see :meth:`to_geojson`).

        Returns
        -------
        Path
            The file written (UTF-8 JSON, a ``FeatureCollection``).

        Examples
        --------
        >>> import json, tempfile, os
        >>> import newsframe as nf
        >>> res = nf.extract(nf.load_demo())
        >>> with tempfile.TemporaryDirectory() as d:
        ...     fc = json.load(open(res.write_geojson(os.path.join(d, "events.geojson")), encoding="utf-8"))
        >>> len(fc["features"]) + fc["skipped_without_coordinates"] == res.events.height
        True
        """
        target = Path(path)
        if target.parent and not target.parent.exists():
            target.parent.mkdir(parents=True, exist_ok=True)
        with open(target, "w", encoding="utf-8") as fh:
            json.dump(self.to_geojson(), fh, ensure_ascii=False)
            fh.write("\n")
        return target
