"""Command line: ``newsframe extract ...``, ``newsframe demo``, ``newsframe --version``."""

from __future__ import annotations

import argparse
import os
import sys
import time
import warnings
from typing import Dict, List, Optional

import polars as pl

__all__ = ["main"]

# columns printed by ``newsframe demo``
DEMO_COLUMNS = {
    "documents": ["doc_id", "title", "published", "n_sentences", "n_entities", "n_quotes", "n_events", "warnings"],
    "entities": ["doc_id", "text", "label", "canonical", "role", "country", "value"],
    "quotes": ["doc_id", "kind", "text", "speaker", "speaker_canonical", "cue", "confidence"],
    "events": ["doc_id", "trigger", "type", "actor", "target", "location", "date", "killed", "injured", "source"],
}


def _parser() -> argparse.ArgumentParser:
    from . import __version__

    p = argparse.ArgumentParser(
        prog="newsframe",
        description="Turn English news articles into tables of documents, entities, quotes and events.",
    )
    p.add_argument("--version", action="version", version=f"newsframe {__version__}")
    sub = p.add_subparsers(dest="command", metavar="COMMAND")

    ex = sub.add_parser(
        "extract",
        help="extract the four tables from article files",
        description="Read articles (.txt files, .html/.htm pages, .jsonl/.ndjson, .csv, .parquet; folders and globs) "
        "and write documents, entities, quotes and events tables to OUTDIR.",
    )
    ex.add_argument("inputs", nargs="+", metavar="INPUT", help="file, folder or glob")
    ex.add_argument("-o", "--output", required=True, metavar="OUTDIR", help="output folder (created)")
    ex.add_argument("--format", choices=["parquet", "csv", "jsonl"], default="parquet")
    ex.add_argument("--threads", type=int, default=None, help="worker threads (default: all cores)")
    ex.add_argument("--no-entities", action="store_true", help="skip the entities table")
    ex.add_argument("--no-quotes", action="store_true", help="skip the quotes table")
    ex.add_argument("--no-events", action="store_true", help="skip the events table")
    ex.add_argument("--text-column", default="text", help="text column in table files (default: text)")
    ex.add_argument("--id-column", default="id", help="id column in table files (default: id)")
    ex.add_argument("-r", "--recursive", action="store_true", help="descend into sub-folders")
    ex.add_argument("--batch-size", type=int, default=None,
                    help="documents per batch (default: 1000; 2500 with --stream)")
    ex.add_argument("--stream", action="store_true",
                    help="read the inputs in batches and write each batch as it is done, to "
                    "OUTDIR/<table>/part-NNNNN.<format>: memory bounded by the batch size, not the corpus")
    ex.add_argument("--max-chars", type=int, default=2_000_000,
                    help="cut longer texts to this many characters (default: 2000000)")
    ex.add_argument("--strict", action="store_true",
                    help="exit with status 3 when a document failed or an input line was malformed "
                    "(the other documents are still written)")
    bar = ex.add_mutually_exclusive_group()
    bar.add_argument("--progress", dest="progress", action="store_true", default=None,
                     help="always show the progress bar")
    bar.add_argument("--no-progress", dest="progress", action="store_false", help="never show it")

    dm = sub.add_parser("demo", help="run on the bundled demo articles and print the tables")
    dm.add_argument("--all-columns", action="store_true", help="print every column")
    return p


def _extract(args: argparse.Namespace) -> int:
    from . import Extractor, read_articles
    from ._extractor import DEFAULT_BATCH_SIZE

    t0 = time.perf_counter()
    if args.stream:
        return _extract_stream(args, t0)
    ex = Extractor(
        entities=not args.no_entities,
        quotes=not args.no_quotes,
        events=not args.no_events,
        threads=args.threads,
        max_chars=args.max_chars,
    )
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        df = read_articles(args.inputs, text=args.text_column, id=args.id_column, recursive=args.recursive)
        res = ex.extract(df, progress=args.progress, batch_size=args.batch_size or DEFAULT_BATCH_SIZE)
    malformed = _print_warnings(caught, os.path.join(args.output, f"documents.{args.format}"))
    res.write(args.output, format=args.format)
    failed = res.documents.filter(
        pl.col("warnings").list.eval(pl.element().str.starts_with("internal-error:")).list.any()
    ).height
    rows = {name: getattr(res, name).height for name in ("documents", "entities", "quotes", "events")}
    return _finish(args, t0, rows, failed, malformed, args.output)


def _print_warnings(caught: List[warnings.WarningMessage], documents_file: str) -> int:
    """Print the warnings caught during a run, pointing at the file that holds the
    documents' warnings; returns how many were malformed input lines."""
    from ._extractor import SEE_WARNINGS

    malformed = 0
    for w in caught:
        msg = str(w.message).replace(SEE_WARNINGS, f"see the warnings column of {documents_file}")
        malformed += "malformed JSON line" in msg
        print(f"newsframe: warning: {msg}", file=sys.stderr)
    return malformed


def _finish(args: argparse.Namespace, t0: float, rows: Dict[str, int], failed: int, malformed: int,
            written: str) -> int:
    """The run's summary on stderr, and the exit code (3 under --strict when something failed)."""
    dt = time.perf_counter() - t0
    n = rows["documents"]
    counts = ", ".join(f"{rows[t]} {t}" for t in ("entities", "quotes", "events"))
    print(f"newsframe: {n} documents, {counts} in {dt:.1f}s ({n / dt if dt > 0 else 0:.0f} docs/s) -> {written}",
          file=sys.stderr)
    print(f"newsframe: {failed} documents failed (internal-error), {malformed} malformed input lines skipped",
          file=sys.stderr)
    return 3 if args.strict and (failed or malformed) else 0


def _extract_stream(args: argparse.Namespace, t0: float) -> int:
    from ._files import DEFAULT_FILES_BATCH_SIZE, extract_files

    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        summary = extract_files(
            args.inputs,
            args.output,
            batch_size=args.batch_size or DEFAULT_FILES_BATCH_SIZE,
            format=args.format,
            text=args.text_column,
            id=args.id_column,
            recursive=args.recursive,
            progress=args.progress,
            entities=not args.no_entities,
            quotes=not args.no_quotes,
            events=not args.no_events,
            threads=args.threads,
            max_chars=args.max_chars,
        )
    malformed = _print_warnings(caught, os.path.join(args.output, "documents", f"part-*.{args.format}"))
    written = f"{args.output} ({summary.parts} parts per table)"
    return _finish(args, t0, summary.rows, summary.failed, malformed, written)


def _demo(args: argparse.Namespace) -> int:
    from . import extract, load_demo

    res = extract(load_demo(), progress=False)
    with pl.Config(
        tbl_rows=40,
        tbl_cols=-1,
        fmt_str_lengths=60,
        tbl_width_chars=200,
        tbl_hide_dataframe_shape=True,
        tbl_hide_column_data_types=True,
        fmt_table_cell_list_len=3,
    ):
        for name, table in res.tables().items():
            cols = table.columns if args.all_columns else [c for c in DEMO_COLUMNS[name] if c in table.columns]
            print(f"\n{name} ({table.height} rows)")
            print(table.select(cols))
    return 0


def main(argv: Optional[List[str]] = None) -> int:
    """Entry point of the ``newsframe`` command.

    Examples
    --------
    >>> import pathlib
    >>> from newsframe.__main__ import main
    >>> pathlib.Path("articles").mkdir(exist_ok=True)
    >>> _ = pathlib.Path("articles/odesa.txt").write_text("A drone hit Odesa.", encoding="utf-8")
    >>> main(["extract", "articles/", "-o", "out/", "--format", "csv", "--no-progress"])
    0
    """
    parser = _parser()
    args = parser.parse_args(argv)
    if args.command is None:
        parser.print_help(sys.stderr)
        return 2
    try:
        if args.command == "extract":
            if args.threads is not None and args.threads < 1:
                parser.error("--threads must be at least 1")
            if args.batch_size is not None and args.batch_size < 1:
                parser.error("--batch-size must be at least 1")
            if args.max_chars < 1:
                parser.error("--max-chars must be at least 1")
            return _extract(args)
        return _demo(args)
    except (FileNotFoundError, ValueError, TypeError, RuntimeError, OSError, pl.exceptions.PolarsError) as exc:
        # the input readers name the file (and line) in their messages; keep the first line
        # of anything longer (polars adds hints and backtraces)
        msg = str(exc).strip().splitlines()
        print(f"newsframe: error: {msg[0] if msg else type(exc).__name__}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:  # pragma: no cover
        print("\nnewsframe: interrupted", file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(main())
