"""Reading articles from files: .txt, .jsonl/.ndjson, .csv, .parquet, .html/.htm pages."""

from __future__ import annotations

import glob as _glob
import json
import os
import warnings
from pathlib import Path
from typing import Any, Dict, Iterable, List, Optional, Sequence, Union

import polars as pl

from ._html import EXTRACTORS, decode_html, looks_binary, page_from_html
from ._util import user_stacklevel

__all__ = ["read_articles", "load_demo", "SUPPORTED_EXTENSIONS"]

SUPPORTED_EXTENSIONS = (".txt", ".jsonl", ".ndjson", ".csv", ".parquet", ".html", ".htm")
HTML_EXTENSIONS = (".html", ".htm")
#: The columns of a row read from an HTML page (all String; null where the page has none).
HTML_COLUMNS = ("id", "title", "published", "text", "author", "url")
PathLike = Union[str, "os.PathLike[str]"]
_GLOB_CHARS = set("*?[")
DEMO_PATH = Path(__file__).parent / "demo" / "articles.jsonl"


def _ext(p: Path) -> str:
    return p.suffix.lower()


def _expand(item: PathLike, recursive: bool) -> List[Path]:
    s = os.fspath(item)
    if any(c in s for c in _GLOB_CHARS) and not os.path.exists(s):
        matches = sorted(Path(m) for m in _glob.glob(os.path.expanduser(s), recursive=True))
        files = [m for m in matches if m.is_file()]
        bad = [m for m in files if _ext(m) not in SUPPORTED_EXTENSIONS]
        if bad:
            raise ValueError(
                f"unsupported file type {bad[0].suffix!r} ({bad[0]}); supported: {SUPPORTED_EXTENSIONS}"
            )
        return files
    p = Path(s).expanduser()
    if p.is_dir():
        it = p.rglob("*") if recursive else p.iterdir()
        return sorted(f for f in it if f.is_file() and _ext(f) in SUPPORTED_EXTENSIONS)
    if p.is_file():
        if _ext(p) not in SUPPORTED_EXTENSIONS:
            raise ValueError(f"unsupported file type {p.suffix!r} ({p}); supported: {SUPPORTED_EXTENSIONS}")
        return [p]
    raise FileNotFoundError(f"no such file or folder: {s!r}")


def _read_text_file(p: Path) -> str:
    raw = p.read_bytes()
    try:
        txt = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        txt = raw.decode("cp1252", errors="replace")
    return txt


def _read_html_file(p: Path, extractor: str) -> Dict[str, Optional[str]]:
    """One row from an HTML page: its article text and metadata (see ``newsframe._html``).
    Bytes are decoded by the page's declared charset. A file that is not text (NUL or
    control bytes) keeps its bytes decoded as they are, with a ``UserWarning``: the core
    then marks the document ``binary`` instead of reading garbage as an article."""
    raw = p.read_bytes()
    text, _ = decode_html(raw)
    if looks_binary(raw):
        warnings.warn(f"{p}: not an HTML page (binary data); its text is kept as read", UserWarning,
                      stacklevel=user_stacklevel())
        return {"id": p.stem, "title": None, "published": None, "text": text, "author": None, "url": None}
    page = page_from_html(text, extractor=extractor, fragment=False)
    return {"id": p.stem, "title": page.title, "published": page.published, "text": page.text,
            "author": page.author, "url": page.url}


def json_record(p: Path, line_no: int, line: Union[str, bytes], errors: str, bad: List[str]) -> Optional[Dict[str, Any]]:
    """One JSON line as an object; a malformed one raises (``errors="raise"``) or is noted
    in ``bad`` as ``path:line: malformed JSON line (why)`` and gives ``None``."""
    try:
        rec = json.loads(line)
        if not isinstance(rec, dict):
            raise ValueError(f"a JSON {type(rec).__name__}, not an object")
        return rec
    except ValueError as exc:
        where = f"{p}:{line_no}: malformed JSON line ({exc})"
        if errors == "raise":
            raise ValueError(where) from None
        bad.append(where)
        return None


def _read_jsonl(p: Path, errors: str) -> pl.DataFrame:
    """One JSON object a line. polars reads well-formed files fast; a file with a bad line
    is read again line by line so the bad line can be named (and skipped, or raised)."""
    try:
        return pl.read_ndjson(p, infer_schema_length=None)
    except Exception:  # noqa: BLE001 - polars raises several error types; we re-read and say why
        pass
    records: List[Dict[str, Any]] = []
    record_lines: List[int] = []
    bad: List[str] = []
    with open(p, encoding="utf-8", errors="replace") as fh:
        for line_no, line in enumerate(fh, 1):
            if not line.strip():
                continue
            rec = json_record(p, line_no, line, errors, bad)
            if rec is None:
                continue
            records.append(rec)
            record_lines.append(line_no)
    for where in bad[:20]:
        warnings.warn(f"{where}; skipped", UserWarning, stacklevel=user_stacklevel())
    if len(bad) > 20:
        warnings.warn(f"{p}: {len(bad) - 20} more malformed lines skipped", UserWarning, stacklevel=user_stacklevel())
    if not records:
        return pl.DataFrame({"text": []}, schema={"text": pl.String})
    try:
        return pl.from_dicts(records, infer_schema_length=None, strict=False)
    except Exception as exc:  # noqa: BLE001 - mixed value types across lines
        raise ValueError(f"{_jsonl_type_clash(p, records, record_lines)}: the JSON lines hold values of incompatible types "
                         f"({_first_line(exc)})") from None


def _first_line(exc: BaseException) -> str:
    msg = str(exc).strip().splitlines()
    return msg[0] if msg else type(exc).__name__


def _csv_problem_line(p: Path) -> str:
    """Where a CSV file that polars could not read goes wrong, as ``path:line: reason``
    (``path: reason`` when no line can be blamed): a row whose number of fields differs
    from the header's, or a line that is not UTF-8."""
    import csv

    raw = p.read_bytes()
    for line_no, line in enumerate(raw.split(b"\n"), 1):
        try:
            line.decode("utf-8")
        except UnicodeDecodeError as exc:
            return f"{p}:{line_no}: not UTF-8 ({exc.reason} at byte {exc.start} of the line)"
    with open(p, encoding="utf-8-sig", newline="") as fh:
        reader = csv.reader(fh)
        try:
            header = next(reader, None)
            if header is None:
                return f"{p}: empty file"
            for row in reader:
                if row and len(row) != len(header):
                    return (
                        f"{p}:{reader.line_num}: {len(row)} fields where the header has {len(header)} "
                        "(an unquoted comma or quote mark?)"
                    )
        except csv.Error as exc:
            return f"{p}:{reader.line_num}: {exc}"
    return f"{p}"


def _read_csv(p: Path, text: str) -> pl.DataFrame:
    try:
        return pl.read_csv(p, schema_overrides={text: pl.String}, infer_schema_length=10000)
    except Exception as exc:  # noqa: BLE001 - polars raises several error types; say where
        where = _csv_problem_line(p)
        raise ValueError(f"{where}: cannot read as CSV ({_first_line(exc)})") from None


def _jsonl_type_clash(p: Path, records: List[Dict[str, Any]], lines: List[int]) -> str:
    """``path:line: field 'x' is a list here, a str before``: the first record whose field
    changes kind (JSON type) from the first one seen; ``path`` when none does."""
    kinds: Dict[str, str] = {}
    for rec, line_no in zip(records, lines):
        for key, value in rec.items():
            if value is None:
                continue
            kind = "number" if isinstance(value, (int, float)) and not isinstance(value, bool) else type(value).__name__
            first = kinds.setdefault(key, kind)
            if first != kind:
                return f"{p}:{line_no}: field {key!r} is a {kind} here, a {first} before"
    return str(p)


def _read_table(p: Path, text: str, id: str, errors: str = "warn") -> pl.DataFrame:
    ext = _ext(p)
    if ext in (".jsonl", ".ndjson"):
        df = _read_jsonl(p, errors)
    elif ext == ".csv":
        df = _read_csv(p, text)
    else:
        try:
            df = pl.read_parquet(p)
        except Exception as exc:  # noqa: BLE001 - polars raises several error types
            raise ValueError(f"{p}: cannot read as Parquet ({_first_line(exc)})") from None
    return standardise_columns(df, p, text, id)


def standardise_columns(df: pl.DataFrame, p: Path, text: str, id: str, row_offset: int = 0) -> pl.DataFrame:
    """Rename the text and id columns of a table read from ``p`` to ``text`` and ``id``;
    without an id column, ids are ``"<file stem>:<row>"`` (the row counted from
    ``row_offset``, for a file read in batches)."""
    if text not in df.columns:
        raise ValueError(f"{p}: text column {text!r} not found; available columns: {df.columns}")
    if text != "text":
        if "text" in df.columns:
            df = df.drop("text")
        df = df.rename({text: "text"})
    if id != "id" and id in df.columns:
        if "id" in df.columns:
            df = df.drop("id")
        df = df.rename({id: "id"})
    if "id" not in df.columns:
        df = df.with_columns(
            (pl.lit(f"{p.stem}:") + (pl.int_range(pl.len(), dtype=pl.UInt64) + row_offset).cast(pl.String)).alias("id")
        )
    return df


def read_articles(
    path_or_glob: Union[PathLike, Sequence[PathLike]],
    *,
    text: str = "text",
    id: str = "id",
    recursive: bool = False,
    errors: str = "warn",
    html_extractor: str = "builtin",
) -> pl.DataFrame:
    """Read articles from files into a DataFrame ready for :func:`newsframe.extract`.

    Parameters
    ----------
    path_or_glob
        A folder (its supported files; sub-folders only with ``recursive=True``), a glob
        (``"news/**/*.jsonl"``), a file, or a list of those.
        ``.txt``: one article per file (``id`` = file stem, ``text`` = the whole content,
        line endings kept). ``.html``/``.htm``: one article per page (``id`` = file stem;
        ``text`` = the article's headline and body paragraphs, one blank line between
        paragraphs, without navigation, adverts, share widgets, captions or comments;
        ``title``, ``published`` (ISO 8601 string), ``author`` and ``url`` from the page's
        metadata, null where it has none; the bytes decoded by the charset the page
        declares). ``.jsonl``/``.ndjson``, ``.csv``, ``.parquet``: one article per
        row/record with a text column; all columns are kept.
    text, id
        Names of the text and id columns in table files; they are renamed to ``text`` and
        ``id``. Rows without an id column get ``"<file stem>:<row>"``.
    recursive
        Descend into sub-folders of a folder.
    errors
        A malformed line in a ``.jsonl`` file: ``"warn"`` (default) skips it with a
        ``UserWarning`` naming the file and line number; ``"raise"`` raises ``ValueError``
        naming both.
    html_extractor
        How pages are reduced to text: ``"builtin"`` (default; standard library only; the
        better of the two on our test pages, see ``bench/eval_html.py``) or
        ``"trafilatura"`` (the optional extra ``newsframe[html]``).

    Returns
    -------
    pl.DataFrame
        ``id``, ``text``, plus ``title``/``published`` and any other columns present
        (files with different columns are combined, missing values null).

    Raises
    ------
    FileNotFoundError
        Nothing matched.
    ValueError
        A file with an unsupported extension, a table without the text column, or (with
        ``errors="raise"``) a malformed JSON line.

    Examples
    --------
    >>> import json, pathlib
    >>> import newsframe as nf
    >>> pathlib.Path("articles").mkdir(exist_ok=True)
    >>> _ = pathlib.Path("articles/kyiv.txt").write_text("Drones hit Kyiv on Monday.", encoding="utf-8")
    >>> _ = pathlib.Path("a.jsonl").write_text(json.dumps({"id": "x1", "text": "Talks resumed.", "outlet": "AP"}) + "\\n")
    >>> nf.read_articles("articles/").rows()
    [('kyiv', 'Drones hit Kyiv on Monday.')]
    >>> df = nf.read_articles(["a.jsonl", "articles/*.txt"])
    >>> df.columns
    ['id', 'text', 'outlet']
    >>> res = nf.extract(df)
    >>> res.documents["outlet"].to_list()                # input columns pass through
    [None, 'AP']
    >>> _ = pathlib.Path("page.html").write_text(
    ...     "<html><head><meta property='article:published_time' content='2022-09-13T08:00:00Z'></head><body>"
    ...     "<nav><a href='/'>Home</a></nav><article><h1>Drones hit Odesa</h1>"
    ...     "<p>Russian drones struck Odesa&rsquo;s port overnight, the governor said.</p></article></body></html>")
    >>> page = nf.read_articles("page.html")
    >>> page.select("id", "title", "published").row(0)
    ('page', 'Drones hit Odesa', '2022-09-13T08:00:00Z')
    >>> print(page.item(0, "text"))
    Drones hit Odesa
    <BLANKLINE>
    Russian drones struck Odesa’s port overnight, the governor said.
    """
    if errors not in ("warn", "raise"):
        raise ValueError(f"errors must be 'warn' or 'raise', got {errors!r}")
    if html_extractor not in EXTRACTORS:
        raise ValueError(f"html_extractor must be one of {EXTRACTORS}, got {html_extractor!r}")
    items: Iterable[PathLike]
    if isinstance(path_or_glob, (str, os.PathLike)):
        items = [path_or_glob]
    else:
        items = list(path_or_glob)
    files: List[Path] = []
    for item in items:
        files.extend(_expand(item, recursive))
    if not files:
        raise FileNotFoundError(f"no article files ({', '.join(SUPPORTED_EXTENSIONS)}) matched {path_or_glob!r}")

    frames: List[pl.DataFrame] = []
    txt_ids: List[str] = []
    txt_texts: List[str] = []
    pages: List[Dict[str, Optional[str]]] = []
    for f in files:
        if _ext(f) == ".txt":
            txt_ids.append(f.stem)
            txt_texts.append(_read_text_file(f))
        elif _ext(f) in HTML_EXTENSIONS:
            pages.append(_read_html_file(f, html_extractor))
        else:
            frames.append(_read_table(f, text, id, errors))
    if pages:
        frames.insert(0, pl.DataFrame(pages, schema={c: pl.String for c in HTML_COLUMNS}, orient="row"))
    if txt_ids:
        frames.insert(0, pl.DataFrame({"id": txt_ids, "text": txt_texts}, schema={"id": pl.String, "text": pl.String}))
    df = frames[0] if len(frames) == 1 else pl.concat(frames, how="diagonal_relaxed")
    first = [c for c in ("id", "title", "published", "text") if c in df.columns]
    return df.select(first + [c for c in df.columns if c not in first])


def load_demo() -> pl.DataFrame:
    """The bundled demo articles (fictional wire copy about the war in Ukraine and politics).

    Returns
    -------
    pl.DataFrame
        Columns ``id`` (String), ``title`` (String), ``published`` (Date), ``text`` (String).

    Examples
    --------
    >>> import newsframe as nf
    >>> demo = nf.load_demo()
    >>> demo.columns
    ['id', 'title', 'published', 'text']
    >>> nf.extract(demo).documents.height
    7
    """
    df = pl.read_ndjson(
        DEMO_PATH,
        schema={"id": pl.String, "title": pl.String, "published": pl.String, "text": pl.String},
    )
    return df.with_columns(pl.col("published").str.to_date("%Y-%m-%d"))
