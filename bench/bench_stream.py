"""Peak memory of ``nf.extract_files`` over a large JSONL file, and whether every row came out.

    python bench/bench_stream.py [SHARED_CORPORA_DIR] [--gb 1.0] [--batch-size N]
                                 [--workdir DIR] [--keep] [--threads T]

Writes about ``--gb`` GB (10^9 bytes) of JSONL to ``--workdir`` (default: a temporary
folder) by repeating the PolNeAR train texts (or, without the corpora, a synthetic news
paragraph), one ``{"id": ..., "text": ...}`` a line, then runs ``nf.extract_files`` over it
with the default batch size into Parquet parts, in a child process so that its peak RSS
(``getrusage(RUSAGE_CHILDREN).ru_maxrss``) is newsframe's alone, not the generator's.

Checks: the documents table has one row per input line, its ``doc_id`` values are unique
and are exactly the input ids; rows of the other tables name known documents. Prints the
input size, rows, parts, seconds, MB/s and the peak RSS; exits 1 when a check fails.
"""

from __future__ import annotations

import argparse
import json
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import List, Optional, Sequence

sys.path.insert(0, str(Path(__file__).resolve().parent))
from corpora import load_polnear, polnear_root  # noqa: E402

SYNTHETIC = (
    "KYIV, Sept 13 (Reuters) - Russian shelling hit Kharkiv overnight, killing two people and "
    "wounding at least 12, the regional governor Oleh Syniehubov said on Tuesday. \"The enemy "
    "struck residential buildings again,\" he wrote on Telegram. Ukraine's military said its "
    "forces had retaken more than 20 villages near Izium in the past week."
)


def source_texts(corpora: Optional[str]) -> List[str]:
    if corpora and (polnear_root(corpora) / "metadata.tsv").exists():
        texts = [d["text"] for d in load_polnear(corpora, split="train") if d["text"].strip()]
        if texts:
            return texts
    return [SYNTHETIC]


def write_jsonl(path: Path, texts: List[str], target_bytes: int) -> int:
    """Write lines until `target_bytes`; return the number of lines."""
    n = 0
    size = 0
    with open(path, "w", encoding="utf-8") as fh:
        while size < target_bytes:
            line = json.dumps({"id": f"d{n}", "text": texts[n % len(texts)]}, ensure_ascii=False) + "\n"
            fh.write(line)
            size += len(line.encode("utf-8"))
            n += 1
    return n


CHILD = r"""
import json, resource, sys, time
import newsframe as nf
src, out, batch, threads = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4]
kw = {} if batch == "default" else {"batch_size": int(batch)}
if threads != "default":
    kw["threads"] = int(threads)
t = time.perf_counter()
s = nf.extract_files(src, out, progress=False, **kw)
secs = time.perf_counter() - t
print(json.dumps({"rows": s.rows, "parts": s.parts, "failed": s.failed, "secs": secs}))
"""


def main(argv: Optional[Sequence[str]] = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("corpora", nargs="?", default=None, help="shared corpora folder (uses polnear/train)")
    ap.add_argument("--gb", type=float, default=1.0, help="input size in GB (10^9 bytes)")
    ap.add_argument("--batch-size", default="default", help="extract_files batch_size (default: its own)")
    ap.add_argument("--threads", default="default", help="extract_files threads (default: all cores)")
    ap.add_argument("--workdir", default=None, help="where to write the input and the tables")
    ap.add_argument("--keep", action="store_true", help="keep the input and the tables")
    args = ap.parse_args(argv)

    import polars as pl

    work = Path(args.workdir or tempfile.mkdtemp(prefix="nf-stream-"))
    work.mkdir(parents=True, exist_ok=True)
    src, out = work / "input.jsonl", work / "tables"
    try:
        texts = source_texts(args.corpora)
        t = time.perf_counter()
        n = write_jsonl(src, texts, int(args.gb * 1e9))
        size = src.stat().st_size
        print(f"input: {src} {size / 1e9:.3f} GB, {n} lines from {len(texts)} distinct texts "
              f"({time.perf_counter() - t:.0f} s to write)")
        proc = subprocess.run(
            [sys.executable, "-c", CHILD, str(src), str(out), str(args.batch_size), str(args.threads)],
            capture_output=True, text=True,
        )
        peak_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
        if proc.returncode != 0:
            print(proc.stdout, proc.stderr, sep="\n")
            return 1
        res = json.loads(proc.stdout.strip().splitlines()[-1])
        docs = pl.scan_parquet(str(out / "documents" / "*.parquet")).select("doc_id").collect()["doc_id"]
        ids_ok = docs.n_unique() == len(docs) == n and set(docs.to_list()) == {f"d{i}" for i in range(n)}
        known = set(docs.to_list())
        orphans = 0
        for name in ("entities", "quotes", "events"):
            parts = list((out / name).glob("*.parquet"))
            if parts:
                ids = pl.scan_parquet([str(p) for p in parts]).select("doc_id").unique().collect()["doc_id"]
                orphans += sum(1 for d in ids.to_list() if d not in known)
        print(f"extract_files: {res['secs']:.0f} s, {size / 1e6 / res['secs']:.2f} MB/s, "
              f"{res['parts']} parts, rows {res['rows']}, failed documents {res['failed']}")
        print(f"peak RSS of the extracting process: {peak_mb:.0f} MB")
        print(f"documents rows == input lines: {len(docs) == n} ({len(docs)} / {n}); doc_ids unique and "
              f"exactly the input ids: {ids_ok}; rows of other tables naming unknown documents: {orphans}")
        return 0 if ids_ok and orphans == 0 else 1
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
