"""The Extractor: batching, progress, doc_id mapping, warnings, around the native engine."""

from __future__ import annotations

import datetime as _dt
import warnings
from collections import Counter
from dataclasses import replace
from typing import Any, Dict, List, Mapping, Optional, Sequence, Tuple, Union

import polars as pl

from . import _native, _schema
from ._errors import DocumentError
from ._extraction import Extraction
from ._html import looks_like_html, parse_html
from ._input import DEFAULT_ID, DEFAULT_PUBLISHED, DEFAULT_TEXT, DEFAULT_TITLE, Prepared, prepare
from ._progress import Progress, stderr_is_tty
from ._util import mark_polars_used, user_stacklevel, warn_if_forked_after_polars

__all__ = ["Extractor", "GazetteerLike", "normalize_gazetteer"]

DEFAULT_BATCH_SIZE = 1000
#: One user gazetteer row as the engine takes it: surface, label, canonical name, latitude,
#: longitude, country (ISO 3166-1 alpha-2); all but the first two may be None.
GazetteerRow = Tuple[str, str, Optional[str], Optional[float], Optional[float], Optional[str]]
GazetteerLike = Union[
    Mapping[str, Any],
    Sequence[Sequence[Any]],
    pl.DataFrame,
    Any,  # pandas.DataFrame
]
#: What a row may say besides its label and canonical name.
_EXTRA_KEYS = ("lat", "lon", "country")

# warnings about the absence of a date are not worth a UserWarning when no dates were given
_QUIET_WITHOUT_DATES = ("no-date:",)
ERROR_MODES = ("warn", "raise")
#: ``html=``: "auto" reduces texts that are HTML pages or fragments to their article text;
#: "keep" analyses them as they are (the core then warns ``html: ... not cleaned``).
HTML_MODES = ("auto", "keep")
DEFAULT_MAX_CHARS = 2_000_000
#: How the warning summary points at the details (the CLI names its output file instead).
SEE_WARNINGS = "see Extraction.documents['warnings']"


def _check_label(label: Any, surface: str) -> str:
    # Only the type here: whether the label exists is checked once, by the engine
    # (`_native.Engine` raises ValueError naming the label and the allowed ones).
    if not isinstance(label, str):
        raise TypeError(f"gazetteer label for {surface!r} must be a str, got {type(label).__name__}")
    return label.strip().upper()


def _extra(surface: str, extra: Any) -> Tuple[Optional[float], Optional[float], Optional[str]]:
    """(lat, lon, country) of a row's extra mapping, checked."""
    if extra is None:
        return None, None, None
    if not isinstance(extra, Mapping):
        raise TypeError(f"gazetteer extra for {surface!r} must be a mapping with lat, lon, country; got {extra!r}")
    unknown = [k for k in extra if k not in _EXTRA_KEYS]
    if unknown:
        raise ValueError(f"gazetteer extra for {surface!r}: unknown keys {unknown}; expected some of {_EXTRA_KEYS}")
    lat, lon, country = extra.get("lat"), extra.get("lon"), extra.get("country")
    if (lat is None) != (lon is None):
        raise ValueError(f"gazetteer point for {surface!r} needs both lat and lon")
    for name, value, bound in (("lat", lat, 90.0), ("lon", lon, 180.0)):
        if value is not None:
            if isinstance(value, bool) or not isinstance(value, (int, float)) or not -bound <= float(value) <= bound:
                raise ValueError(f"gazetteer {name} for {surface!r} must be a number in [-{bound:g}, {bound:g}], got {value!r}")
    if country is not None and (not isinstance(country, str) or len(country) != 2 or not country.isalpha()):
        raise ValueError(f"gazetteer country for {surface!r} must be an ISO 3166-1 alpha-2 code such as 'UA', got {country!r}")
    return (None if lat is None else float(lat), None if lon is None else float(lon),
            None if country is None else country.upper())


def normalize_gazetteer(gazetteer: GazetteerLike) -> List[GazetteerRow]:
    """Convert the accepted gazetteer shapes to rows
    ``(surface, label, canonical, lat, lon, country)`` (missing values are None).

    Accepted: ``{surface: label}``, ``{surface: (label, canonical)}``,
    ``{surface: (label, canonical, {"lat": .., "lon": .., "country": ..})}``, ``{surface:
    {"label": .., "canonical": .., "lat": .., "lon": .., "country": ..}}``, a list of
    ``(surface, label[, canonical[, extra]])`` tuples, or a polars/pandas DataFrame with
    columns ``text``, ``label`` and optional ``canonical``, ``lat``, ``lon``, ``country``.
    Labels are case-insensitive and must be one of :data:`newsframe.LABELS`. A surface form
    needs at least two characters (shorter keys could never match): ``ValueError`` names it.

    A canonical name (or, without one, the surface form) that is a built-in name of the
    same kind keeps the built-in ``entity_id``, canonical name and coordinates: ``{"Shoygu":
    ("PERSON", "Sergei Shoigu")}`` joins the built-in ``person:sergei-shoigu``.

    Examples
    --------
    >>> normalize_gazetteer({"Blorvania": "GPE", "Gen. Zorn": ("PERSON", "Ivo Zorn")})
    [('Blorvania', 'GPE', None, None, None, None), ('Gen. Zorn', 'PERSON', 'Ivo Zorn', None, None, None)]
    >>> normalize_gazetteer({"Hill 210": {"label": "LOC", "lat": 48.1, "lon": 37.2, "country": "ua"}})
    [('Hill 210', 'LOC', None, 48.1, 37.2, 'UA')]
    """
    if type(gazetteer).__module__.split(".")[0] == "pandas" and type(gazetteer).__name__ == "DataFrame":
        gazetteer = pl.from_pandas(gazetteer)
    items: List[Tuple[Any, Any, Any, Any]] = []  # (surface, label, canonical, extra mapping)
    if isinstance(gazetteer, pl.DataFrame):
        missing = [c for c in ("text", "label") if c not in gazetteer.columns]
        if missing:
            raise ValueError(
                f"gazetteer DataFrame needs columns 'text', 'label' (optional 'canonical', 'lat', 'lon', "
                f"'country'); missing {missing}, available {gazetteer.columns}"
            )
        for rec in gazetteer.iter_rows(named=True):
            extra = {k: rec[k] for k in _EXTRA_KEYS if k in rec and rec[k] is not None}
            items.append((rec["text"], rec["label"], rec.get("canonical"), extra or None))
    elif isinstance(gazetteer, Mapping):
        for surface, v in gazetteer.items():
            if isinstance(v, str):
                items.append((surface, v, None, None))
            elif isinstance(v, Mapping):
                if "label" not in v:
                    raise ValueError(f"gazetteer value for {surface!r} needs a 'label', got {v!r}")
                extra = {k: v[k] for k in v if k not in ("label", "canonical")}
                items.append((surface, v["label"], v.get("canonical"), extra or None))
            elif isinstance(v, (tuple, list)) and 1 <= len(v) <= 3:
                items.append((surface, v[0], v[1] if len(v) >= 2 else None, v[2] if len(v) == 3 else None))
            else:
                raise TypeError(
                    f"gazetteer value for {surface!r} must be a label, (label, canonical[, extra]) or a "
                    f"mapping with 'label', got {v!r}"
                )
    elif isinstance(gazetteer, (str, bytes)):
        raise TypeError("gazetteer must be a dict, a list of tuples or a DataFrame, got str")
    else:
        for i, row in enumerate(gazetteer):
            if isinstance(row, (str, bytes)) or not isinstance(row, (tuple, list)) or not 2 <= len(row) <= 4:
                raise TypeError(
                    f"gazetteer row {i} must be (surface, label[, canonical[, extra]]), got {row!r}"
                )
            items.append((row[0], row[1], row[2] if len(row) >= 3 else None, row[3] if len(row) == 4 else None))
    rows: List[GazetteerRow] = []
    for surface, label, canonical, extra in items:
        if not isinstance(surface, str) or not surface.strip():
            raise ValueError(f"gazetteer surface forms must be non-empty strings, got {surface!r}")
        if len(surface.strip()) < 2:
            raise ValueError(f"gazetteer key {surface!r} is too short to match: keys need at least two characters")
        if canonical is not None and not isinstance(canonical, str):
            raise TypeError(f"gazetteer canonical for {surface!r} must be a str or None")
        lat, lon, country = _extra(surface, extra)
        rows.append((surface, _check_label(label, surface), canonical, lat, lon, country))
    return rows


def _remap_doc_ids(df: pl.DataFrame, ids: Optional[pl.Series]) -> pl.DataFrame:
    if ids is None or "doc_id" not in df.columns:
        return df
    return df.with_columns(ids.gather(df.get_column("doc_id")).alias("doc_id"))


def _with_passthrough(documents: pl.DataFrame, passthrough: Optional[pl.DataFrame]) -> pl.DataFrame:
    """``documents`` (one row per input row, in input order) with the input's other columns
    after the declared ones."""
    if passthrough is None or passthrough.width == 0:
        return documents
    return documents.hstack(passthrough)


def _warning_code(w: str) -> str:
    """A warning's stable code: the part before the first ':' (see ``WARNING_CODES``)."""
    return w.split(":", 1)[0].strip()


def _add_input_warnings(documents: pl.DataFrame, input_warnings: Dict[int, List[str]], offset: int) -> pl.DataFrame:
    """Prepend the warnings found while reading the input (bad dates, file paths) to the
    ``warnings`` of their documents; ``offset`` is the batch's first row."""
    rows = {r - offset: w for r, w in input_warnings.items() if offset <= r < offset + documents.height}
    if not rows:
        return documents
    extra = pl.Series("extra", [rows.get(i, []) for i in range(documents.height)], dtype=pl.List(pl.String))
    return documents.with_columns(pl.concat_list(extra, pl.col("warnings")).alias("warnings"))


def _page_date(value: Optional[str]) -> Optional[_dt.date]:
    try:
        return _dt.date.fromisoformat(value[:10]) if value else None
    except ValueError:
        return None


def _reduce_html(prep: Prepared) -> Prepared:
    """``prep`` with each text that :func:`~newsframe._html.looks_like_html` replaced by the
    text :func:`~newsframe._html.parse_html` extracts, an ``html: markup removed ...``
    warning on its row, and a missing title or date taken from the page's metadata."""
    candidates = prep.texts.str.contains("<", literal=True).fill_null(False).arg_true().to_list()
    pages = {}
    for row in candidates:
        text = prep.texts[row]
        if looks_like_html(text):
            pages[row] = parse_html(text)
    if not pages:
        return prep
    texts, titles, published = prep.texts.to_list(), prep.titles.to_list(), prep.published.to_list()
    warned = {r: list(w) for r, w in prep.input_warnings.items()}
    for row, page in pages.items():
        warned.setdefault(row, []).append(
            f"html: markup removed ({len(texts[row]):,} characters of HTML reduced to {len(page.text):,} of article "
            "text); offsets index the extracted text (Extraction.texts)"
        )
        texts[row] = page.text
        titles[row] = titles[row] if titles[row] is not None else page.title
        published[row] = published[row] if published[row] is not None else _page_date(page.published)
    return replace(
        prep,
        texts=pl.Series("text", texts, dtype=pl.String),
        titles=pl.Series("title", titles, dtype=pl.String),
        published=pl.Series("published", published, dtype=pl.Date),
        input_warnings=warned,
    )


class Extractor:
    """A configured extraction pipeline; reuse it across calls (the lexicon is built once).

    Parameters
    ----------
    entities, quotes, events
        Which tables to fill; the others come back empty (with their full schema).
        Turning extractors off makes extraction faster.
    gazetteer
        Extra lexicon: ``{surface: label}``, ``{surface: (label, canonical)}``, ``{surface:
        {"label": .., "canonical": .., "lat": .., "lon": .., "country": ..}}``, a list of
        ``(surface, label[, canonical[, extra]])`` tuples or a DataFrame with columns
        ``text``, ``label`` and optional ``canonical``, ``lat``, ``lon``, ``country``
        (see :func:`normalize_gazetteer`). Labels are those of :data:`newsframe.LABELS`. A
        name that is another spelling of a built-in one keeps the built-in ``entity_id``.
    gazetteer_case_sensitive
        ``True`` (default): gazetteer keys match in their own case (and in capitals in a
        line written in capitals). ``False``: in any case.
    threads
        Worker threads; default all cores (``RAYON_NUM_THREADS`` is respected).
    errors
        ``"warn"`` (default): a document on which extraction fails keeps its ``documents``
        row with an ``internal-error: ...`` warning and no other rows, and the call returns
        everything else; an unparseable ``published`` value gives that document a null date
        and a ``bad-date`` warning. ``"raise"``: the first failed document raises
        :class:`DocumentError` (with ``index`` and ``doc_id``), and a bad ``published`` value
        raises ``ValueError``.
    max_chars
        Texts longer than this many characters are cut (with a ``truncated`` warning);
        ``documents["n_chars"]`` keeps the length given.
    html
        ``"auto"`` (default): a text that is an HTML page (``<html>``, ``<head>``,
        ``<body>``, a doctype) or a fragment with three or more block tags (``<p>``,
        ``<div>``, ``<br>``, ...) is reduced to its article text (:func:`newsframe.html_to_text`)
        before extraction; its ``documents`` row gets an ``html: markup removed ...`` warning,
        a missing title or date is taken from the page's metadata, and **offsets index the
        extracted text**, which ``Extraction.texts`` (and ``with_text()``) holds and
        ``n_chars`` counts. ``"keep"``: analyse the markup as it is (offsets index the text
        given; the core warns ``html: ... not cleaned``). Pages read with
        :func:`newsframe.read_articles` are already text.

    Examples
    --------
    >>> import newsframe as nf
    >>> ex = nf.Extractor(events=False, gazetteer={"Blorvania": "GPE"})
    >>> res = ex.extract(["Blorvania sent aid to Kyiv on Monday."])
    >>> res.entities.select("text", "label")            # doctest: +ELLIPSIS
    shape: (..., 2)
    ...
    """

    def __init__(
        self,
        entities: bool = True,
        quotes: bool = True,
        events: bool = True,
        gazetteer: Optional[GazetteerLike] = None,
        threads: Optional[int] = None,
        errors: str = "warn",
        max_chars: int = DEFAULT_MAX_CHARS,
        html: str = "auto",
        gazetteer_case_sensitive: bool = True,
    ) -> None:
        if errors not in ERROR_MODES:
            raise ValueError(f"errors must be one of {ERROR_MODES}, got {errors!r}")
        if html not in HTML_MODES:
            raise ValueError(f"html must be one of {HTML_MODES}, got {html!r}")
        if isinstance(max_chars, bool) or not isinstance(max_chars, int) or max_chars < 1:
            raise ValueError(f"max_chars must be a positive int, got {max_chars!r}")
        if threads is not None:
            if isinstance(threads, bool) or not isinstance(threads, int) or threads < 1:
                raise ValueError(f"threads must be a positive int or None, got {threads!r}")
        self.entities = bool(entities)
        self.quotes = bool(quotes)
        self.events = bool(events)
        self.threads = threads
        self.errors = errors
        self.max_chars = max_chars
        self.html = html
        self.gazetteer: List[GazetteerRow] = normalize_gazetteer(gazetteer) if gazetteer is not None else []
        # The built-in lexicons are parsed once per process inside the engine; an Engine
        # without a gazetteer only shares them.
        self.gazetteer_case_sensitive = bool(gazetteer_case_sensitive)
        self._engine = _native.Engine(self.gazetteer or None, self.gazetteer_case_sensitive)
        # Test hook: the input row of a document that fails as if extraction had crashed.
        self._fail_on_doc: Optional[int] = None

    def __repr__(self) -> str:
        return (
            f"Extractor(entities={self.entities}, quotes={self.quotes}, events={self.events}, "
            f"gazetteer=<{len(self.gazetteer)} rows>, threads={self.threads}, errors={self.errors!r}, "
            f"max_chars={self.max_chars}, html={self.html!r})"
        )

    def extract(
        self,
        data: Any,
        *,
        text: Optional[str] = DEFAULT_TEXT,
        id: Optional[str] = DEFAULT_ID,
        published: Optional[str] = DEFAULT_PUBLISHED,
        title: Optional[str] = DEFAULT_TITLE,
        progress: Optional[bool] = None,
        batch_size: int = DEFAULT_BATCH_SIZE,
    ) -> Extraction:
        """Extract documents, entities, quotes and events.

        Parameters
        ----------
        data
            A ``str``; a list/iterable of ``str`` (``None`` allowed); a ``pl.Series``; a
            ``pl.DataFrame``, ``pd.DataFrame`` or ``pyarrow.Table`` with a text column and
            optional id, published and title columns.
        text, id, published, title
            Column names in a table input. ``id``, ``published`` and ``title`` are optional:
            with their default names they are used when present; a non-default name must
            exist. ``published`` may hold ``pl.Date``, ``pl.Datetime`` (the written local date
            is used) or ISO 8601 strings; empty strings count as missing. Pass ``None`` to
            ignore a column.
        progress
            Progress bar on stderr: ``True`` always, ``False`` never, ``None`` (default) when
            stderr is a terminal and there is more than one batch.
        batch_size
            Documents per call into the core; results do not depend on it.

        Returns
        -------
        Extraction
            ``doc_id`` is the row number (``UInt32``) or, with an id column, its values and
            dtype. One ``documents`` row per input document, in input order.

        Raises
        ------
        TypeError
            ``data`` of an unsupported type, a non-string element or text/title column.
        ValueError
            A missing column, null ids; an unparseable published value with ``errors="raise"``.
        DocumentError
            With ``errors="raise"``, the first document on which extraction failed.

        Warns
        -----
        UserWarning
            When documents got warnings (null, empty, binary or truncated text, failed
            documents ...), counted by code; see ``Extraction.documents["warnings"]`` and
            :data:`newsframe.WARNING_CODES`.

        Examples
        --------
        >>> import polars as pl, newsframe as nf
        >>> df = pl.DataFrame({"id": ["a1"], "published": ["2022-09-13"],
        ...                    "text": ["On Tuesday, shelling of Izium killed 5 civilians."]})
        >>> res = nf.Extractor().extract(df)
        >>> res.events.select("doc_id", "type", "date", "killed")   # doctest: +ELLIPSIS
        shape: (..., 4)
        ...
        """
        if isinstance(batch_size, bool) or not isinstance(batch_size, int) or batch_size < 1:
            raise ValueError(f"batch_size must be a positive int, got {batch_size!r}")
        warn_if_forked_after_polars()
        mark_polars_used()
        prep = prepare(data, text=text, id=id, published=published, title=title, strict_dates=self.errors == "raise")
        if self.html == "auto":
            prep = _reduce_html(prep)
        return self._run(prep, progress, batch_size)

    # ----------------------------------------------------------------- internals
    def _run(self, prep: Prepared, progress: Optional[bool], batch_size: int, summary: bool = True) -> Extraction:
        n = len(prep)
        if n == 0:
            # Nothing to extract: the declared tables without rows, doc_id typed like the ids.
            doc_id = prep.ids.dtype if prep.ids is not None else pl.UInt32
            empty = [_schema.empty(t, doc_id) for t in _schema.TABLES]
            empty[0] = _with_passthrough(empty[0], prep.passthrough)
            return Extraction(*empty, texts=prep.texts)
        n_batches = max(1, -(-n // batch_size))
        show = bool(progress) if progress is not None else (stderr_is_tty() and n_batches > 1)
        bar = Progress(n, enabled=show)
        parts: List[Tuple[pl.DataFrame, pl.DataFrame, pl.DataFrame, pl.DataFrame]] = []
        published_days = prep.published.to_physical()
        try:
            for b in range(n_batches):
                off = b * batch_size
                texts = prep.texts.slice(off, batch_size).to_list()
                days = published_days.slice(off, batch_size).to_list()
                titles = prep.titles.slice(off, batch_size).to_list()
                out, failures = self._engine.extract(
                    texts,
                    days,
                    titles,
                    entities=self.entities,
                    quotes=self.quotes,
                    events=self.events,
                    threads=self.threads,
                    doc_offset=off,
                    max_chars=self.max_chars,
                    fail_on_doc=self._batch_index(self._fail_on_doc, off, len(texts)),
                )
                if failures and self.errors == "raise":
                    index, message = failures[0]
                    row = off + index
                    doc_id = prep.ids[row] if prep.ids is not None else row
                    raise DocumentError(row, doc_id, message)
                documents = _add_input_warnings(out[0], prep.input_warnings, off)
                parts.append((documents, out[1], out[2], out[3]))
                bar.update(len(texts))
        finally:
            bar.close()
        tables = [
            parts[0][k] if len(parts) == 1 else pl.concat([p[k] for p in parts], how="vertical")
            for k in range(4)
        ]
        tables = [_remap_doc_ids(t, prep.ids) for t in tables]
        tables[0] = _with_passthrough(tables[0], prep.passthrough)
        result = Extraction(*tables, texts=prep.texts)
        if summary:
            self._warn_summary(result.documents, prep)
        return result

    @staticmethod
    def _batch_index(row: Optional[int], offset: int, size: int) -> Optional[int]:
        return row - offset if row is not None and offset <= row < offset + size else None

    @staticmethod
    def _summary(documents: pl.DataFrame, prep: Prepared) -> Optional[str]:
        """``"n of m documents have warnings (code: count, ...)"``, or None when none have."""
        if documents.height == 0 or "warnings" not in documents.columns:
            return None
        with_w = documents.filter(pl.col("warnings").list.len() > 0).get_column("warnings")
        counts: Counter[str] = Counter()
        n_docs = 0
        for ws in with_w.to_list():
            kinds = [
                _warning_code(w)
                for w in ws
                if prep.published_given or not w.startswith(_QUIET_WITHOUT_DATES)
            ]
            if kinds:
                n_docs += 1
                counts.update(kinds)
        if not n_docs:
            return None
        detail = ", ".join(f"{k}: {v}" for k, v in counts.most_common())
        return f"{n_docs} of {documents.height} documents have warnings ({detail})"

    @classmethod
    def _warn_summary(cls, documents: pl.DataFrame, prep: Prepared) -> None:
        summary = cls._summary(documents, prep)
        if summary is not None:
            warnings.warn(f"{summary}; {SEE_WARNINGS}", UserWarning, stacklevel=user_stacklevel())
