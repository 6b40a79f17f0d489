"""The result object: four polars tables plus the input texts."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any, Dict, Iterator, NamedTuple, Optional, Union

import polars as pl

from ._show import Rendered, render

__all__ = ["Extraction", "PandasTables"]

TABLES = ("documents", "entities", "quotes", "events")
FORMATS = ("parquet", "csv", "jsonl")


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
        The input texts (``String``), aligned with ``documents`` rows; offsets in the other
        tables index into these (``texts[i][start:end]``).

    Examples
    --------
    >>> import newsframe as nf
    >>> res = nf.extract("Russian forces shelled Kharkiv on Monday, the governor said.")
    >>> res                                              # doctest: +SKIP
    Extraction(documents=1, entities=3, quotes=1, events=1)
    >>> res.entities.select("text", "label")           # doctest: +SKIP
    >>> res.show(0)                                      # doctest: +SKIP
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

    def items(self) -> Iterator:
        """``(name, table)`` pairs, in the order documents, entities, quotes, events."""
        return iter(self.tables().items())

    def with_text(self) -> pl.DataFrame:
        """``documents`` with the input ``text`` column added (second column)."""
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
        >>> nf.extract(nf.load_demo()).summary()["event_types"]  # doctest: +SKIP
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
    def to_pandas(self) -> PandasTables:
        """The four tables as pandas DataFrames (needs pandas and pyarrow).

        Returns
        -------
        PandasTables
            A NamedTuple ``(documents, entities, quotes, events)``.

        Examples
        --------
        >>> pdt = nf.extract(nf.load_demo()).to_pandas()     # doctest: +SKIP
        >>> pdt.entities.head()                             # doctest: +SKIP
        """
        try:
            import pandas  # noqa: F401
        except ImportError as exc:  # pragma: no cover - depends on environment
            raise ImportError("to_pandas() needs pandas: pip install 'newsframe[pandas]'") from exc
        return PandasTables(*(getattr(self, name).to_pandas() for name in TABLES))

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
        >>> nf.extract(nf.load_demo()).write("out/", format="csv")  # doctest: +SKIP
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
            if fmt == "parquet":
                df.write_parquet(target)
            elif fmt == "csv":
                flat = df.with_columns(
                    pl.col(c).list.join("; ")
                    for c, dt in df.schema.items()
                    if isinstance(dt, pl.List)
                )
                flat.write_csv(target)
            else:
                df.write_ndjson(target)
            written[name] = target
        return written

    def write_parquet(self, path: Union[str, "os.PathLike[str]"]) -> Dict[str, Path]:
        """Write ``documents.parquet``, ``entities.parquet``, ``quotes.parquet``, ``events.parquet``.

        Examples
        --------
        >>> res = nf.extract(nf.load_demo())                # doctest: +SKIP
        >>> res.write_parquet("out/")                        # doctest: +SKIP
        >>> pl.read_parquet("out/entities.parquet")          # doctest: +SKIP
        """
        return self.write(path, format="parquet")

    # ------------------------------------------------------------------- show
    def _row_of(self, doc_id: Any) -> int:
        if doc_id is None:
            if self.documents.height == 0:
                raise IndexError("no documents to show")
            return 0
        try:
            idx = (self.documents.get_column("doc_id") == doc_id).fill_null(False).arg_true()
        except Exception as exc:  # e.g. a str compared with an integer column
            raise KeyError(f"doc_id {doc_id!r} not in documents") from exc
        if idx.len() == 0:
            raise KeyError(f"doc_id {doc_id!r} not in documents")
        return int(idx[0])

    def show(self, doc_id: Any = None) -> Rendered:
        """Render one document with its annotations.

        Entities are highlighted with a colour per label and a label tag (like displaCy),
        quotes are underlined and followed by their speaker, event triggers are underlined
        with their type as a subscript. Hover for details (canonical name, event fields).

        Parameters
        ----------
        doc_id
            The document's ``doc_id`` (the ``id`` value if one was given); default: the first.

        Returns
        -------
        Rendered
            Displays as HTML in Jupyter (``_repr_html_``); ``.html`` is the HTML string;
            ``str()`` gives a bracketed plain-text view.

        Examples
        --------
        >>> res = nf.extract(nf.load_demo())                 # doctest: +SKIP
        >>> res.show("kyiv-blackout")                        # doctest: +SKIP
        >>> print(res.show(0))                               # doctest: +SKIP
        """
        i = self._row_of(doc_id)
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
