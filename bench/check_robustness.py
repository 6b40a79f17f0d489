"""Run every real text of the shared corpora through newsframe at 1 and 2 threads and count
the documents that failed (``internal-error``), the spans that do not slice their text, and
any difference between the two runs.

    python bench/check_robustness.py SHARED_CORPORA_DIR

The corpora are the project's stand-in for scraped news: CASE 2021 event snippets from many
conflicts, PolNeAR political news (train and dev), CoNLL-2003 Reuters documents and re3d
defence documents. Prints one line per corpus and exits non-zero on any failure; skips
cleanly (exit 0) when the folder is absent.
"""

from __future__ import annotations

import argparse
import sys
import time
import warnings
from pathlib import Path
from typing import Callable, Dict, List

import polars as pl

sys.path.insert(0, str(Path(__file__).resolve().parent))
from corpora import load_case2021, load_conll, load_polnear, load_re3d  # noqa: E402


def _texts(corpora: Path) -> Dict[str, Callable[[], List[str]]]:
    return {
        "case2021 dev": lambda: [d["text"] for d in load_case2021(corpora)],
        "polnear train": lambda: [d["text"] for d in load_polnear(corpora, "train")],
        "polnear dev": lambda: [d["text"] for d in load_polnear(corpora, "dev")],
        "conll2003 valid": lambda: [d["text"] for d in load_conll(corpora)],
        "re3d": lambda: [d["text"] for d in load_re3d(corpora)],
    }


def bad_spans(texts: List[str], res) -> int:
    """Rows whose [start, end) is empty, outside the text, or not the row's text."""
    bad = 0
    for table, column in (("entities", "text"), ("quotes", "text"), ("events", "trigger")):
        df = getattr(res, table)
        for doc_id, start, end, value in df.select("doc_id", "start", "end", column).iter_rows():
            t = texts[doc_id]
            if not (0 <= start < end <= len(t)) or t[start:end] != value:
                bad += 1
    return bad


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("corpora", type=Path)
    args = ap.parse_args()
    if not args.corpora.is_dir():
        print(f"skipped: {args.corpora} not found")
        return 0
    import newsframe as nf

    warnings.simplefilter("ignore")
    total_failed = 0
    for name, load in _texts(args.corpora).items():
        try:
            texts = load()
        except FileNotFoundError as exc:
            print(f"{name:16s} skipped ({exc})")
            continue
        t0 = time.perf_counter()
        one = nf.Extractor(threads=1).extract(texts)
        two = nf.Extractor(threads=2).extract(texts)
        dt = time.perf_counter() - t0
        failed = two.documents.filter(
            two.documents["warnings"].list.eval(pl.element().str.starts_with("internal-error")).list.any()
        ).height
        same = all(getattr(one, t).equals(getattr(two, t)) for t in ("documents", "entities", "quotes", "events"))
        spans = bad_spans(texts, two)
        total_failed += failed + spans + (not same)
        print(f"{name:16s} {len(texts):5d} documents: {failed} failed, {spans} bad spans, "
              f"1 vs 2 threads {'identical' if same else 'DIFFERENT'} ({dt:.1f} s)")
    print("all documents ran" if total_failed == 0 else f"{total_failed} problems")
    return 1 if total_failed else 0


if __name__ == "__main__":
    sys.exit(main())
