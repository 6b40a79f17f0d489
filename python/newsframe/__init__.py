"""newsframe: turn English news articles into polars tables of documents, entities,
quotes and events.

Examples
--------
>>> import newsframe as nf
>>> res = nf.extract(nf.load_demo())
>>> res                                                   # doctest: +ELLIPSIS
Extraction(documents=7, entities=..., quotes=..., events=...)
>>> res.events.select("doc_id", "type", "location", "date", "killed")  # doctest: +ELLIPSIS
shape: (..., 5)
...
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Dict, List, Optional

import polars as pl

from . import _expr as _expr  # registers the expression namespace pl.col(...).news
from . import _native, plot
from ._errors import WARNING_CODES, DocumentError
from ._extraction import Extraction, PandasTables
from ._extractor import DEFAULT_BATCH_SIZE, DEFAULT_MAX_CHARS, Extractor
from ._files import FilesSummary, extract_files, iter_article_batches
from ._html import html_to_text
from ._input import DEFAULT_ID, DEFAULT_PUBLISHED, DEFAULT_TEXT, DEFAULT_TITLE
from ._io import load_demo, read_articles
from ._show import Rendered

if TYPE_CHECKING:  # pragma: no cover
    import pyarrow

__all__ = [
    "extract",
    "entities",
    "quotes",
    "events",
    "extract_arrow",
    "plot",
    "Extractor",
    "Extraction",
    "DocumentError",
    "WARNING_CODES",
    "PandasTables",
    "Rendered",
    "read_articles",
    "html_to_text",
    "extract_files",
    "iter_article_batches",
    "FilesSummary",
    "load_demo",
    "demo",
    "LABELS",
    "EVENT_TYPES",
    "__version__",
]


def _version() -> str:
    try:
        from importlib.metadata import PackageNotFoundError, version

        try:
            return version("newsframe")
        except PackageNotFoundError:
            pass
    except ImportError:  # pragma: no cover
        pass
    return str(_native.version())


__version__: str = _version()
LABELS: List[str] = list(_native.LABELS)
"""Entity labels: PERSON, NORP, FAC, ORG, GPE, LOC, EVENT, PRODUCT, LAW, DATE, TIME, PERCENT,
MONEY, QUANTITY, ORDINAL, CARDINAL."""
EVENT_TYPES: List[str] = list(_native.EVENT_TYPES)
"""Event types (PLOVER verbs): ASSAULT, FIGHT, SEIZE, RETREAT, CASUALTIES, DESTROY, ..."""

def _default(
    entities: bool = True,
    quotes: bool = True,
    events: bool = True,
    errors: str = "warn",
    max_chars: int = DEFAULT_MAX_CHARS,
    html: str = "auto",
) -> Extractor:
    # Cheap: the engine shares the process-wide lexicons (the one cache, in the core).
    return Extractor(entities=entities, quotes=quotes, events=events, errors=errors, max_chars=max_chars, html=html)


def extract(
    data: Any,
    *,
    text: Optional[str] = DEFAULT_TEXT,
    id: Optional[str] = DEFAULT_ID,
    published: Optional[str] = DEFAULT_PUBLISHED,
    title: Optional[str] = DEFAULT_TITLE,
    progress: Optional[bool] = None,
    batch_size: int = DEFAULT_BATCH_SIZE,
    errors: str = "warn",
    max_chars: int = DEFAULT_MAX_CHARS,
    html: str = "auto",
) -> Extraction:
    """Extract the four tables with the default :class:`Extractor`.

    Parameters
    ----------
    data
        A ``str``; a list/iterable of ``str`` (``None`` allowed); a ``pl.Series``; a
        ``pl.DataFrame``, ``pd.DataFrame`` or ``pyarrow.Table`` with a ``text`` column and
        optional ``id``, ``published`` (date, datetime or ISO string) and ``title`` columns.
    text, id, published, title
        Column names, when they differ from the defaults.
    progress
        Progress bar on stderr (default: on a terminal, when there is more than one batch).
    batch_size
        Documents per call into the core.
    errors
        ``"warn"`` (default): a document that fails keeps its ``documents`` row with an
        ``internal-error`` warning and the rest is returned; ``"raise"``: raise
        :class:`DocumentError` (see :class:`Extractor`).
    max_chars
        Texts are cut to this many characters, with a ``truncated`` warning.
    html
        ``"auto"`` (default): texts that are HTML pages or fragments with several block
        tags are reduced to their article text first (an ``html: markup removed`` warning;
        offsets then index the extracted text, kept in ``Extraction.texts``); ``"keep"``:
        analyse them as they are. See :class:`Extractor`.

    Returns
    -------
    Extraction
        ``.documents``, ``.entities``, ``.quotes``, ``.events`` (polars DataFrames).

    See Also
    --------
    Extractor.extract : the same with options (gazetteer, threads, extractors off).

    Examples
    --------
    >>> import newsframe as nf
    >>> res = nf.extract(["Kyiv was hit by drones overnight, officials said."])
    >>> res.documents.height
    1
    >>> import polars as pl
    >>> df = pl.DataFrame({"id": [17], "published": ["2022-09-13"],
    ...                    "text": ["On Tuesday, shelling of Izium killed 5 civilians."]})
    >>> nf.extract(df).events["doc_id"].dtype
    Int64
    >>> import pandas as pd
    >>> pdf = pd.DataFrame({"text": ["Drones hit Odesa.", "Talks resumed."], "outlet": ["AP", "BBC"]},
    ...                    index=[101, 205])
    >>> nf.extract(pdf).documents.select("doc_id", "outlet").rows()   # the index is the doc_id
    [(101, 'AP'), (205, 'BBC')]
    >>> res = nf.extract("<h1>Drones hit Odesa</h1><p>Two people were hurt.</p><div class='share'>Share</div>")
    >>> res.texts.to_list()                                            # offsets index this text
    ['Drones hit Odesa\\n\\nTwo people were hurt.']
    >>> res.documents.get_column("warnings").to_list()                 # doctest: +ELLIPSIS
    [['html: markup removed (... characters of HTML reduced to 39 of article text); ...', 'no-date: ...']]
    """
    return _default(errors=errors, max_chars=max_chars, html=html).extract(
        data, text=text, id=id, published=published, title=title, progress=progress, batch_size=batch_size
    )


def entities(data: Any, **kwargs: Any) -> pl.DataFrame:
    """Only the entities table (quotes and events are not extracted: faster).

    Takes the same arguments as :func:`extract`.

    Examples
    --------
    >>> import newsframe as nf
    >>> nf.entities("President Volodymyr Zelensky visited Kharkiv.").select("text", "label")  # doctest: +ELLIPSIS
    shape: (..., 2)
    ...
    """
    ex = _default(True, False, False, kwargs.pop("errors", "warn"), kwargs.pop("max_chars", DEFAULT_MAX_CHARS),
                  kwargs.pop("html", "auto"))
    return ex.extract(data, **kwargs).entities


def quotes(data: Any, **kwargs: Any) -> pl.DataFrame:
    """Only the quotes table (entities and events are not returned).

    Takes the same arguments as :func:`extract`.

    Examples
    --------
    >>> import newsframe as nf
    >>> nf.quotes('“We will hold,” the mayor said.').select("text", "speaker", "cue")  # doctest: +ELLIPSIS
    shape: (..., 3)
    ...
    """
    ex = _default(False, True, False, kwargs.pop("errors", "warn"), kwargs.pop("max_chars", DEFAULT_MAX_CHARS),
                  kwargs.pop("html", "auto"))
    return ex.extract(data, **kwargs).quotes


def events(data: Any, **kwargs: Any) -> pl.DataFrame:
    """Only the events table (entities and quotes are not returned).

    Takes the same arguments as :func:`extract`.

    Examples
    --------
    >>> import newsframe as nf
    >>> nf.events("A missile strike on Odesa killed two people.").select("type", "killed")  # doctest: +ELLIPSIS
    shape: (..., 2)
    ...
    """
    ex = _default(False, False, True, kwargs.pop("errors", "warn"), kwargs.pop("max_chars", DEFAULT_MAX_CHARS),
                  kwargs.pop("html", "auto"))
    return ex.extract(data, **kwargs).events


def extract_arrow(
    table: Any,
    *,
    text: Optional[str] = DEFAULT_TEXT,
    id: Optional[str] = DEFAULT_ID,
    published: Optional[str] = DEFAULT_PUBLISHED,
    title: Optional[str] = DEFAULT_TITLE,
    batch_size: int = DEFAULT_BATCH_SIZE,
    errors: str = "warn",
    max_chars: int = DEFAULT_MAX_CHARS,
    threads: Optional[int] = None,
    html: str = "auto",
) -> Dict[str, "pyarrow.Table"]:
    """Extract from an Arrow table and return Arrow tables: the shape distributed engines pass.

    A plain top-level function, so it pickles by reference and can be shipped to workers
    (Ray Data ``map_batches(..., batch_format="pyarrow")``, Dask ``map_partitions``, Spark
    ``mapInArrow``, ``multiprocessing`` pools with the fork or spawn start method). The
    result equals ``nf.extract(table, ...)`` with each table converted by
    ``pl.DataFrame.to_arrow()``; ``doc_id`` is the id column when there is one (give every
    partition its ids: without them ``doc_id`` restarts at 0 in each partition).

    polars is not fork-safe: a worker forked after its parent ran queries can hang, so fork
    before extracting anything in the parent or use the ``spawn``/``forkserver`` start method
    (a forked worker whose parent had extracted gets a ``RuntimeWarning`` saying so).

    Parameters
    ----------
    table
        A ``pyarrow.Table`` or ``RecordBatch`` (any input :func:`extract` accepts works).
    text, id, published, title, batch_size, errors, max_chars, html
        As for :func:`extract`.
    threads
        Worker threads of the core (default: all cores; give 1 or 2 when several worker
        processes share a machine).

    Returns
    -------
    dict of str to pyarrow.Table
        ``{"documents": ..., "entities": ..., "quotes": ..., "events": ...}``.

    Examples
    --------
    >>> import pickle, pyarrow as pa
    >>> import newsframe as nf
    >>> out = nf.extract_arrow(pa.table({"id": ["a"], "text": ["Russian troops shelled Kharkiv on Monday."]}))
    >>> sorted(out), out["documents"].num_rows
    (['documents', 'entities', 'events', 'quotes'], 1)
    >>> pickle.loads(pickle.dumps(nf.extract_arrow)) is nf.extract_arrow
    True
    """
    ex = Extractor(errors=errors, max_chars=max_chars, threads=threads, html=html)
    res = ex.extract(table, text=text, id=id, published=published, title=title, progress=False, batch_size=batch_size)
    return res.to_arrow()


def demo() -> pl.DataFrame:
    """The bundled demo articles as a DataFrame (same as :func:`load_demo`).

    Returns
    -------
    pl.DataFrame
        ``id``, ``title``, ``published`` (Date), ``text``: seven short fictional articles in
        the style of wire copy about the war in Ukraine and European politics.

    Examples
    --------
    >>> import newsframe as nf
    >>> res = nf.extract(nf.demo())
    >>> res.documents.height == nf.demo().height
    True
    """
    return load_demo()
