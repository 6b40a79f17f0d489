"""Turn the many accepted shapes of ``data`` into aligned polars Series.

Accepted: a ``str``; a list, tuple or any iterable (generators included) of ``str``/``None``;
a ``pl.Series`` of strings; a ``pl.DataFrame``/``pl.LazyFrame``, ``pandas.DataFrame``,
``pandas.Series`` or ``pyarrow.Table``/``RecordBatch`` with a text column and optional id,
published and title columns.

Table inputs keep their other columns: they pass through to ``documents`` after the
declared columns (:func:`passthrough_name` says how a name that clashes with a declared
column is renamed). A pandas DataFrame without an id column gives its index as ``doc_id``
unless the index is the default ``RangeIndex`` (then ``doc_id`` is the row number).
"""

from __future__ import annotations

import os
import re
import warnings
from dataclasses import dataclass, field
from typing import Any, Dict, List, Optional, Tuple

import polars as pl

from ._util import user_stacklevel

__all__ = ["Prepared", "prepare", "ACCEPTED", "PASSTHROUGH_SUFFIX", "passthrough_name"]

ACCEPTED = (
    "a str, a list/tuple/iterable of str (None allowed), a polars Series of strings, "
    "or a polars DataFrame, pandas DataFrame or pyarrow Table with a text column"
)

DEFAULT_TEXT = "text"
DEFAULT_ID = "id"
DEFAULT_PUBLISHED = "published"
DEFAULT_TITLE = "title"

# what may follow "YYYY-MM-DD" in a published string: nothing, or a time with optional zone
_TIME_TAIL = re.compile(r"^(?:[T ]\d{2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?\s*(?:Z|z|UTC|[+-]\d{2}(?::?\d{2})?)?)?\s*$")
_STR_TYPES = (pl.String, pl.Categorical, pl.Enum)

#: Appended to a pass-through column whose name is one of the declared ``documents``
#: columns (``language``, ``title`` under another title column, ...) or ``text``.
PASSTHROUGH_SUFFIX = "_input"


def _reserved_names() -> "set[str]":
    from . import _schema  # late: _schema imports the native module

    return set(_schema.SCHEMAS["documents"]) | {"text"}


def passthrough_name(name: str, taken: "set[str]") -> str:
    """The ``documents`` column name of the input column ``name``.

    Unchanged, unless it clashes with a declared ``documents`` column or ``text`` (which
    ``Extraction.with_text()`` adds): then ``PASSTHROUGH_SUFFIX`` is appended (again, until
    the name is free).

    Examples
    --------
    >>> passthrough_name("outlet", set())
    'outlet'
    >>> passthrough_name("language", set())
    'language_input'
    """
    reserved = _reserved_names() | taken
    out = name
    while out in reserved:
        out += PASSTHROUGH_SUFFIX
    return out


@dataclass
class Prepared:
    """Input normalised to aligned Series (all of the same length)."""

    texts: pl.Series  # String, named "text"
    published: pl.Series  # Date
    titles: pl.Series  # String
    ids: Optional[pl.Series]  # any dtype, or None: doc_id is the row number
    id_column: Optional[str]
    published_given: bool  # a published column was present in the input
    # warnings found while reading the input, by row: "bad-date: ...", "file-path: ..."
    input_warnings: Dict[int, List[str]] = field(default_factory=dict)
    # the input's other columns (outlet, url, ...), row-aligned, appended to ``documents``
    passthrough: Optional[pl.DataFrame] = None

    def __len__(self) -> int:
        return self.texts.len()


def _is_instance_of(obj: Any, module_prefix: str, names: Tuple[str, ...]) -> bool:
    t = type(obj)
    return t.__module__.split(".")[0] == module_prefix and t.__name__ in names


def _columns_of(data: Any) -> List[str]:
    if isinstance(data, pl.DataFrame):
        return list(data.columns)
    if _is_instance_of(data, "pandas", ("DataFrame",)):
        return [str(c) for c in data.columns]
    if _is_instance_of(data, "pyarrow", ("Table", "RecordBatch")):
        return list(data.schema.names)
    raise AssertionError("not a table")


def _column(data: Any, name: str, surrogate_rows: Optional[Dict[int, List[str]]] = None) -> pl.Series:
    """Fetch one column as a pl.Series, converting pandas/pyarrow lazily. Lone surrogates in
    a pandas text column are replaced (see ``_without_surrogates``) when ``surrogate_rows``
    is given to collect the warnings."""
    if isinstance(data, pl.DataFrame):
        return data.get_column(name)
    try:
        if _is_instance_of(data, "pandas", ("DataFrame",)):
            if name not in data.columns:  # a non-str label, listed as str by _columns_of
                name = next((c for c in data.columns if str(c) == name), name)
            col = data[name]
            if getattr(col, "ndim", 1) != 1:
                raise ValueError(f"column {name!r} is duplicated in the pandas DataFrame")
            try:
                s = pl.from_pandas(col.reset_index(drop=True))
            except UnicodeEncodeError:
                if surrogate_rows is None:
                    raise
                s = _from_strings(col.tolist(), surrogate_rows, name)
        else:  # pyarrow
            s = pl.from_arrow(data.column(name))
            if isinstance(s, pl.DataFrame):  # pragma: no cover - defensive
                s = s.to_series()
    except ValueError:
        raise
    except Exception as exc:  # arrow conversion errors on mixed-type object columns
        raise TypeError(f"column {name!r} could not be converted to a polars column: {exc}") from exc
    return s.rename(str(name))


def _resolve(
    columns: List[str], name: Optional[str], default: str, what: str, required: bool = False
) -> Optional[str]:
    if name is None:
        if required:
            raise ValueError(f"the {what} column name must not be None")
        return None
    if name in columns:
        return name
    if required or name != default:
        raise ValueError(
            f"{what} column {name!r} not found; available columns: {columns!r}"
            + (f" (pass {what}=... to name the {what} column)" if required else "")
        )
    return None


def _as_text(s: pl.Series, column: str, what: str = "text") -> pl.Series:
    dt = s.dtype
    if dt == pl.Null:
        return s.cast(pl.String)
    if isinstance(dt, _STR_TYPES) or dt in _STR_TYPES:
        return s.cast(pl.String)
    raise TypeError(f"{what} column {column!r} must hold strings, got dtype {dt}")


def _as_date(s: pl.Series, column: str, strict: bool, bad_rows: Dict[int, List[str]]) -> pl.Series:
    """Convert a published column to pl.Date (the written local date for datetimes).

    A string that is not an ISO date gives a null date and a ``bad-date`` warning for its
    row in ``bad_rows``, or a ``ValueError`` when ``strict``.
    """
    dt = s.dtype
    if dt == pl.Date:
        return s
    if dt == pl.Null:
        return s.cast(pl.Date)
    if isinstance(dt, pl.Datetime):
        return s.dt.date()
    if isinstance(dt, _STR_TYPES) or dt in _STR_TYPES:
        st = s.cast(pl.String).str.strip_chars()
        st = pl.select(pl.when(st.str.len_chars() == 0).then(None).otherwise(st)).to_series()
        day = st.str.slice(0, 10).str.to_date("%Y-%m-%d", strict=False)
        tail_ok = st.str.slice(10).str.contains(_TIME_TAIL.pattern)
        bad = st.is_not_null() & (day.is_null() | ~tail_ok.fill_null(False))
        if bad.any():
            rows = bad.arg_true().to_list()
            if strict:
                raise ValueError(
                    f"published column {column!r}: cannot parse {s[rows[0]]!r} (row {rows[0]}) as a date; "
                    "expected a date, a datetime or an ISO 8601 string such as '2022-09-13' "
                    "or '2022-09-13T10:00:00Z'"
                )
            for row in rows:
                value = str(s[row])
                shown = value if len(value) <= 40 else value[:40] + "..."
                bad_rows.setdefault(row, []).append(
                    f"bad-date: published {shown!r} is not an ISO 8601 date; the date is null"
                )
            day = pl.select(pl.when(bad).then(None).otherwise(day)).to_series()
        return day.rename(s.name)
    raise TypeError(
        f"published column {column!r} must hold dates, datetimes or ISO 8601 strings, got dtype {dt}"
    )


# A text that could be a file path: one short line, ending in a file extension or starting
# like a path. Only those are checked against the file system (a stat per candidate).
_PATH_LIKE = r"^\s*(?:[~/.]|[A-Za-z]:[\\/])[^\n]*$|^[^\n]*\.[A-Za-z0-9]{1,5}\s*$"
_MAX_PATH_CHARS = 1024


def _file_path_warnings(texts: pl.Series, out: Dict[int, List[str]]) -> None:
    """Warn about texts that name an existing file: the user meant read_articles(path)."""
    # The pattern runs over the short texts only: articles never reach the file system check.
    short = (texts.str.len_chars() <= _MAX_PATH_CHARS).fill_null(False).arg_true()
    path_like = texts.gather(short).str.contains(_PATH_LIKE).fill_null(False)
    for row in short.filter(path_like).to_list():
        value = texts[row].strip()
        try:
            is_file = os.path.isfile(os.path.expanduser(value))
        except (OSError, ValueError):  # NUL bytes, names too long
            is_file = False
        if is_file:
            out.setdefault(row, []).append(
                f"file-path: the text {value!r} is the path of an existing file, not an article; "
                "read files with newsframe.read_articles(path)"
            )


_SURROGATE = re.compile("[\ud800-\udfff]")


def _without_surrogates(values: List[Optional[str]], out: Dict[int, List[str]]) -> List[Optional[str]]:
    """Replace lone surrogates (which no UTF-8 text, and so no polars column, can hold) by
    U+FFFD one for one, so that offsets into the original string stay right; the row gets a
    ``surrogates`` warning."""
    cleaned: List[Optional[str]] = []
    for row, v in enumerate(values):
        if v is not None and _SURROGATE.search(v):
            n = len(_SURROGATE.findall(v))
            v = _SURROGATE.sub("\ufffd", v)
            out.setdefault(row, []).append(
                f"surrogates: {n} lone surrogate code point(s) replaced by U+FFFD (offsets unchanged)"
            )
        cleaned.append(v)
    return cleaned


def _from_strings(values: List[Any], out: Dict[int, List[str]], name: str = "text") -> pl.Series:
    for i, v in enumerate(values):
        if v is not None and not isinstance(v, str):
            hint = " (decode bytes first)" if isinstance(v, (bytes, bytearray)) else ""
            raise TypeError(
                f"element {i} of data is {type(v).__name__}, expected str or None{hint}"
            )
    try:
        return pl.Series(name, values, dtype=pl.String)
    except UnicodeEncodeError:
        return pl.Series(name, _without_surrogates(values, out), dtype=pl.String)


def prepare(
    data: Any,
    *,
    text: Optional[str] = DEFAULT_TEXT,
    id: Optional[str] = DEFAULT_ID,
    published: Optional[str] = DEFAULT_PUBLISHED,
    title: Optional[str] = DEFAULT_TITLE,
    strict_dates: bool = False,
) -> Prepared:
    """Normalise ``data`` (see module docstring); raise TypeError/ValueError on bad input.

    An unparseable ``published`` value costs its row a ``bad-date`` warning and a null
    date, or raises ``ValueError`` with ``strict_dates``.
    """
    texts: pl.Series
    if isinstance(data, pl.LazyFrame):
        data = data.collect()
    if _is_instance_of(data, "pandas", ("Series",)):
        data = pl.from_pandas(data.reset_index(drop=True))

    surrogate_rows: Dict[int, List[str]] = {}
    if isinstance(data, str):
        texts = _from_strings([data], surrogate_rows)
    elif isinstance(data, pl.Series):
        texts = _as_text(data, data.name or "<Series>").rename("text")
    elif isinstance(data, pl.DataFrame) or _is_instance_of(
        data, "pandas", ("DataFrame",)
    ) or _is_instance_of(data, "pyarrow", ("Table", "RecordBatch")):
        prep = _prepare_table(data, text=text, id=id, published=published, title=title, strict_dates=strict_dates)
        _file_path_warnings(prep.texts, prep.input_warnings)
        return prep
    elif isinstance(data, (bytes, bytearray, dict)) or not _iterable(data):
        raise TypeError(f"data must be {ACCEPTED}; got {type(data).__name__}")
    else:
        texts = _from_strings(list(data), surrogate_rows)
    n = texts.len()
    prep = Prepared(
        texts=texts,
        published=pl.Series("published", [None] * n, dtype=pl.Date),
        titles=pl.Series("title", [None] * n, dtype=pl.String),
        ids=None,
        id_column=None,
        published_given=False,
        input_warnings=surrogate_rows,
    )
    _file_path_warnings(prep.texts, prep.input_warnings)
    return prep


def _iterable(obj: Any) -> bool:
    try:
        iter(obj)
    except TypeError:
        return False
    return True


def _prepare_table(
    data: Any,
    *,
    text: Optional[str],
    id: Optional[str],
    published: Optional[str],
    title: Optional[str],
    strict_dates: bool,
) -> Prepared:
    cols = _columns_of(data)
    text_col = _resolve(cols, text, DEFAULT_TEXT, "text", required=True)
    assert text_col is not None
    id_col = _resolve(cols, id, DEFAULT_ID, "id")
    pub_col = _resolve(cols, published, DEFAULT_PUBLISHED, "published")
    title_col = _resolve(cols, title, DEFAULT_TITLE, "title")

    bad_dates: Dict[int, List[str]] = {}
    texts = _as_text(_column(data, text_col, bad_dates), text_col).rename("text")
    n = texts.len()
    if pub_col is not None:
        pub = _as_date(_column(data, pub_col), pub_col, strict_dates, bad_dates).rename("published")
    else:
        pub = pl.Series("published", [None] * n, dtype=pl.Date)
    if title_col is not None:
        titles = _as_text(_column(data, title_col), title_col, "title").rename("title")
    else:
        titles = pl.Series("title", [None] * n, dtype=pl.String)
    ids: Optional[pl.Series] = None
    if id_col is not None:
        ids = _column(data, id_col)
        if ids.dtype == pl.Null:
            raise ValueError(f"id column {id_col!r} holds only nulls")
        n_null = ids.null_count()
        if n_null:
            row = int(ids.is_null().arg_true()[0])
            raise ValueError(f"id column {id_col!r} has {n_null} null value(s), first at row {row}")
        n_dup = n - ids.n_unique()
        if n_dup:
            warnings.warn(
                f"id column {id_col!r} has {n_dup} duplicate value(s); doc_id will not identify "
                "documents uniquely (show() picks the first)",
                UserWarning,
                stacklevel=user_stacklevel(),
            )
        ids = ids.rename("doc_id")
    elif id is not None and _is_instance_of(data, "pandas", ("DataFrame",)):
        ids = _pandas_index_ids(data)
    consumed = {c for c in (text_col, id_col, pub_col, title_col) if c is not None}
    return Prepared(
        texts=texts,
        published=pub,
        titles=titles,
        ids=ids,
        id_column=id_col,
        published_given=pub_col is not None,
        input_warnings=bad_dates,
        passthrough=_passthrough(data, [c for c in cols if c not in consumed], n),
    )


def _pandas_index_ids(data: Any) -> Optional[pl.Series]:
    """``doc_id`` from a pandas index: ``None`` (row numbers) for the default ``RangeIndex``
    (0, 1, ..., n-1) and for a ``MultiIndex`` (whose levels have no single dtype), else the
    index values with their dtype (a filtered frame keeps the labels of its rows)."""
    import pandas as pd

    index = data.index
    if isinstance(index, pd.RangeIndex) and index.start == 0 and index.step == 1:
        return None
    if isinstance(index, pd.MultiIndex):
        warnings.warn(
            "the pandas DataFrame has a MultiIndex, which cannot be one doc_id column; doc_id is the "
            "row number (pass id=... or reset_index() to choose)",
            UserWarning,
            stacklevel=user_stacklevel(),
        )
        return None
    try:
        ids = pl.from_pandas(pd.Series(index, copy=False).reset_index(drop=True))
    except Exception as exc:  # mixed-type object index
        raise TypeError(
            f"the pandas index could not be used as doc_id ({exc}); pass id=... or reset_index(drop=True)"
        ) from exc
    if ids.dtype == pl.Null or ids.null_count():
        raise ValueError(
            "the pandas index (used as doc_id when there is no id column) holds null values; "
            "pass id=None for row numbers or reset_index(drop=True)"
        )
    n_dup = ids.len() - ids.n_unique()
    if n_dup:
        warnings.warn(
            f"the pandas index (used as doc_id) has {n_dup} duplicate value(s); doc_id will not identify "
            "documents uniquely (show() picks the first)",
            UserWarning,
            stacklevel=user_stacklevel(),
        )
    return ids.rename("doc_id")


def _passthrough(data: Any, names: List[str], n: int) -> Optional[pl.DataFrame]:
    """The input's other columns as a polars DataFrame of ``n`` rows, renamed where a name
    clashes (see :func:`passthrough_name`); a column that polars cannot hold (a pandas
    object column of mixed types, say) is left out with a ``UserWarning`` naming it."""
    if not names:
        return None
    out: List[pl.Series] = []
    taken: "set[str]" = set()
    for name in dict.fromkeys(names):  # a duplicated pandas column name is named once
        try:
            s = _column(data, name)
        except (TypeError, ValueError, KeyError) as exc:
            warnings.warn(
                f"input column {name!r} is not passed through to documents: {exc}",
                UserWarning,
                stacklevel=user_stacklevel(),
            )
            continue
        target = passthrough_name(name, taken)
        taken.add(target)
        out.append(s.rename(target))
    if not out:
        return None
    df = pl.DataFrame(out)
    assert df.height == n
    return df
