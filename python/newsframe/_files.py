"""Streaming extraction over files: read articles in batches, append each table to Parquet.

Layout of the output folder (one part file per batch and table, numbered from 0)::

    out_dir/documents/part-00000.parquet
    out_dir/entities/part-00000.parquet
    out_dir/quotes/part-00000.parquet
    out_dir/events/part-00000.parquet

``pl.scan_parquet("out_dir/entities/*.parquet")`` reads a table back lazily. Part files
rather than one growing file: a batch is written (and its memory freed) as soon as it is
done, a crash leaves the finished parts readable, and tools that read a folder of Parquet
(polars, DuckDB, Spark, Dask) need nothing more.
"""

from __future__ import annotations

import io
import os
import warnings
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Dict, Iterable, Iterator, List, Optional, Sequence, Tuple, Union

import polars as pl

from ._extraction import FORMATS, TABLES, write_table
from ._io import _expand, _ext, _read_text_file, json_record, standardise_columns
from ._progress import Progress, stderr_is_tty
from ._util import user_stacklevel

__all__ = ["extract_files", "FilesSummary", "iter_article_batches"]

PathLike = Union[str, "os.PathLike[str]"]
# Peak memory follows the batch, not the corpus: about 0.2 GB plus 0.13 GB per 1,000
# news articles of ~5 KB (bench/bench_stream.py: 1.65 GB at 10,000 over 1 GB of JSONL,
# 0.54 GB at 2,500), so the default keeps a 1 GB corpus under 1 GB of RSS.
DEFAULT_FILES_BATCH_SIZE = 2_500


@dataclass(frozen=True)
class FilesSummary:
    """What :func:`newsframe.extract_files` wrote.

    Attributes
    ----------
    out_dir
        The output folder; each table is the folder ``out_dir/<table>/``.
    rows
        Rows written per table (``documents`` is the number of input documents).
    parts
        Part files per table (one per batch).
    failed
        Documents whose extraction failed (their ``documents`` row has an
        ``internal-error`` warning and they have no other rows).
    """

    out_dir: Path
    rows: Dict[str, int]
    parts: int
    failed: int


def _jsonl_chunk(p: Path, lines: List[Tuple[int, bytes]], errors: str) -> pl.DataFrame:
    """Parse numbered JSON lines; a malformed line is skipped with a warning naming it (or
    raises with ``errors="raise"``), as :func:`newsframe.read_articles` does."""
    try:
        return pl.read_ndjson(io.BytesIO(b"\n".join(raw for _, raw in lines)), infer_schema_length=None)
    except Exception:  # noqa: BLE001 - polars raises several error types; parse line by line to say where
        pass
    records: List[Dict[str, Any]] = []
    for line_no, raw in lines:
        bad: List[str] = []
        rec = json_record(p, line_no, raw, errors, bad)
        if rec is not None:
            records.append(rec)
        for where in bad:
            warnings.warn(f"{where}; skipped", UserWarning, stacklevel=user_stacklevel())
    if not records:
        return pl.DataFrame({"text": []}, schema={"text": pl.String})
    return pl.from_dicts(records, infer_schema_length=None, strict=False)


def _jsonl_frames(p: Path, size: int, errors: str) -> Iterator[pl.DataFrame]:
    chunk: List[Tuple[int, bytes]] = []
    with open(p, "rb") as fh:
        for line_no, raw in enumerate(fh, 1):
            if raw.strip():
                chunk.append((line_no, raw.rstrip(b"\r\n")))
            if len(chunk) >= size:
                yield _jsonl_chunk(p, chunk, errors)
                chunk = []
    if chunk:
        yield _jsonl_chunk(p, chunk, errors)


def _file_frames(p: Path, size: int, text: str, errors: str) -> Iterator[pl.DataFrame]:
    """One table file in frames of about ``size`` rows (never the whole file at once)."""
    ext = _ext(p)
    if ext in (".jsonl", ".ndjson"):
        yield from _jsonl_frames(p, size, errors)
        return
    if ext == ".csv":
        lf = pl.scan_csv(p, schema_overrides={text: pl.String}, infer_schema_length=10000)
    else:
        lf = pl.scan_parquet(p)
    try:
        yield from lf.collect_batches(chunk_size=size, lazy=True)
    except pl.exceptions.PolarsError as exc:
        kind = "CSV" if ext == ".csv" else "Parquet"
        first = str(exc).strip().splitlines()
        raise ValueError(f"{p}: cannot read as {kind} ({first[0] if first else type(exc).__name__})") from None


def _source_frames(files: Sequence[Path], size: int, text: str, id: str, errors: str) -> Iterator[pl.DataFrame]:
    """Every file's articles as frames with ``id`` and ``text`` columns, in file order."""
    txt_ids: List[str] = []
    txt_texts: List[str] = []

    def txt_frame() -> pl.DataFrame:
        df = pl.DataFrame({"id": txt_ids, "text": txt_texts}, schema={"id": pl.String, "text": pl.String})
        txt_ids.clear()
        txt_texts.clear()
        return df

    for f in files:
        if _ext(f) == ".txt":
            txt_ids.append(f.stem)
            txt_texts.append(_read_text_file(f))
            if len(txt_ids) >= size:
                yield txt_frame()
            continue
        if txt_ids:
            yield txt_frame()
        row = 0
        for df in _file_frames(f, size, text, errors):
            out = standardise_columns(df, f, text, id, row_offset=row)
            row += df.height
            yield out
    if txt_ids:
        yield txt_frame()


def _rebatch(frames: Iterable[pl.DataFrame], size: int) -> Iterator[pl.DataFrame]:
    """Frames of exactly ``size`` rows (the last one shorter), columns as in the sources
    (a column missing from one source is null there)."""
    pending: List[pl.DataFrame] = []
    n = 0
    for df in frames:
        # A column that is all null in one batch has no type; text is the likeliest.
        df = df.with_columns(pl.col(c).cast(pl.String) for c, dt in df.schema.items() if dt == pl.Null)
        pending.append(df)
        n += df.height
        while n >= size:
            whole = pending[0] if len(pending) == 1 else pl.concat(pending, how="diagonal_relaxed")
            yield whole.slice(0, size)
            rest = whole.slice(size)
            pending, n = ([rest], rest.height) if rest.height else ([], 0)
    if n:
        yield pending[0] if len(pending) == 1 else pl.concat(pending, how="diagonal_relaxed")


def iter_article_batches(
    inputs: Union[PathLike, Sequence[PathLike]],
    batch_size: int = DEFAULT_FILES_BATCH_SIZE,
    *,
    text: str = "text",
    id: str = "id",
    recursive: bool = False,
    errors: str = "warn",
) -> Iterator[pl.DataFrame]:
    """Articles from files in DataFrames of ``batch_size`` rows, read lazily.

    The same files, columns and ids as :func:`newsframe.read_articles`, but never more than
    about one batch in memory: ``.jsonl`` is read line by line, ``.csv`` and ``.parquet``
    through polars' streaming scans, ``.txt`` files one by one.

    Examples
    --------
    >>> import pathlib
    >>> import newsframe as nf
    >>> _ = pathlib.Path("many.jsonl").write_text("".join(f'{{"text": "Story {i}."}}\\n' for i in range(5)))
    >>> [df["id"].to_list() for df in nf.iter_article_batches("many.jsonl", batch_size=2)]
    [['many:0', 'many:1'], ['many:2', 'many:3'], ['many:4']]
    """
    if isinstance(batch_size, bool) or not isinstance(batch_size, int) or batch_size < 1:
        raise ValueError(f"batch_size must be a positive int, got {batch_size!r}")
    if errors not in ("warn", "raise"):
        raise ValueError(f"errors must be 'warn' or 'raise', got {errors!r}")
    files = _input_files(inputs, recursive)
    return _rebatch(_source_frames(files, batch_size, text, id, errors), batch_size)


def _input_files(inputs: Union[PathLike, Sequence[PathLike]], recursive: bool) -> List[Path]:
    items: Iterable[PathLike] = [inputs] if isinstance(inputs, (str, os.PathLike)) else list(inputs)
    files: List[Path] = []
    for item in items:
        files.extend(_expand(item, recursive))
    if not files:
        raise FileNotFoundError(f"no article files matched {inputs!r}")
    return files


def _count_articles(files: Sequence[Path], text: str) -> int:
    """About how many articles the files hold (for the progress bar): lines of JSON, rows
    of tables, one per text file."""
    total = 0
    for f in files:
        ext = _ext(f)
        if ext == ".txt":
            total += 1
        elif ext in (".jsonl", ".ndjson"):
            with open(f, "rb") as fh:
                total += sum(block.count(b"\n") for block in iter(lambda: fh.read(1 << 20), b""))
        else:
            scan = pl.scan_csv(f, schema_overrides={text: pl.String}) if ext == ".csv" else pl.scan_parquet(f)
            total += int(scan.select(pl.len()).collect().item())
    return total


def extract_files(
    inputs: Union[PathLike, Sequence[PathLike]],
    out_dir: PathLike,
    *,
    batch_size: int = DEFAULT_FILES_BATCH_SIZE,
    format: str = "parquet",
    text: str = "text",
    id: str = "id",
    recursive: bool = False,
    errors: str = "warn",
    progress: Optional[bool] = None,
    entities: bool = True,
    quotes: bool = True,
    events: bool = True,
    threads: Optional[int] = None,
    max_chars: Optional[int] = None,
    extractor: Any = None,
) -> FilesSummary:
    """Extract the four tables from article files too large for memory, batch by batch.

    Files are read ``batch_size`` articles at a time (see :func:`iter_article_batches`);
    each batch is extracted and written at once as one part file per table,
    ``out_dir/<table>/part-NNNNN.<format>``. Peak memory depends on the batch size, not
    on the size of the corpus.

    Parameters
    ----------
    inputs
        Files, folders or globs, as for :func:`newsframe.read_articles`.
    out_dir
        Output folder (created). Existing part files of the four tables are removed first.
    batch_size
        Articles per batch (default 2,500; peak memory grows with it).
    format
        ``"parquet"`` (default), ``"csv"`` or ``"jsonl"``.
    text, id, recursive
        As for :func:`newsframe.read_articles`. ``doc_id`` is the input's id column or,
        without one, ``"<file stem>:<row>"`` (``.txt``: the file stem): unique and stable
        whatever the batch size, and the same as :func:`newsframe.extract` gives on
        ``read_articles`` of the same files.
    errors
        A malformed JSON line: ``"warn"`` (skip it with a warning) or ``"raise"``.
    progress
        Progress bar on stderr: ``None`` (default) when stderr is a terminal.
    entities, quotes, events, threads, max_chars
        As for :class:`newsframe.Extractor` (ignored when ``extractor`` is given).
    extractor
        An :class:`newsframe.Extractor` to use (for example one with a gazetteer).

    Returns
    -------
    FilesSummary
        The folder, rows written per table, parts per table and failed documents.

    Examples
    --------
    >>> import pathlib, polars as pl
    >>> import newsframe as nf
    >>> _ = pathlib.Path("wire.jsonl").write_text(
    ...     "".join(f'{{"text": "Shelling hit Kharkiv on day {i}, the governor said."}}\\n' for i in range(5)))
    >>> summary = nf.extract_files("wire.jsonl", "tables/", batch_size=2, progress=False)
    >>> summary.rows["documents"], summary.parts
    (5, 3)
    >>> pl.scan_parquet("tables/documents/*.parquet").select("doc_id").collect()["doc_id"].to_list()
    ['wire:0', 'wire:1', 'wire:2', 'wire:3', 'wire:4']
    """
    from ._extractor import DEFAULT_MAX_CHARS, Extractor
    from ._input import prepare

    fmt = format.lower().lstrip(".")
    fmt = "jsonl" if fmt == "ndjson" else fmt
    if fmt not in FORMATS:
        raise ValueError(f"format must be one of {FORMATS}, got {format!r}")
    batches = iter_article_batches(inputs, batch_size, text=text, id=id, recursive=recursive, errors=errors)
    files = _input_files(inputs, recursive)
    ex: Extractor = extractor if extractor is not None else Extractor(
        entities=entities,
        quotes=quotes,
        events=events,
        threads=threads,
        max_chars=max_chars if max_chars is not None else DEFAULT_MAX_CHARS,
    )
    out = Path(out_dir)
    for name in TABLES:
        (out / name).mkdir(parents=True, exist_ok=True)
        for old in (out / name).glob("part-*.*"):
            old.unlink()
    show = bool(progress) if progress is not None else stderr_is_tty()
    bar = Progress(_count_articles(files, text) if show else 0, enabled=show)
    rows = {name: 0 for name in TABLES}
    parts = 0
    failed = 0
    try:
        for df in batches:
            prep = prepare(df, strict_dates=ex.errors == "raise")
            res = ex._run(prep, progress=False, batch_size=df.height, summary=False)
            for name in TABLES:
                table: pl.DataFrame = getattr(res, name)
                write_table(table, out / name / f"part-{parts:05d}.{fmt}", fmt)
                rows[name] += table.height
            failed += res.documents.filter(
                pl.col("warnings").list.eval(pl.element().str.starts_with("internal-error:")).list.any()
            ).height
            parts += 1
            bar.total = max(bar.total, bar.done + df.height)
            bar.update(df.height)
    finally:
        bar.close()
    return FilesSummary(out_dir=out, rows=rows, parts=parts, failed=failed)
