"""Score newsframe's quotes table against short war-reporting checks written for the project.

    python bench/eval_war_quotes.py [PATH] [--show-errors] [--core]

PATH defaults to bench/data/war_quotes.jsonl beside this script: one JSON object per line
with id, published, text (a short fictional article in the style of translated war news:
institutional and collective speakers, descriptions of office-holders, reported speech with
a few words in marks, scare quotes, headlines, multi-paragraph quotes), ``quotes`` (row
patterns that must each match some row of that document) and optionally ``absent`` (row
patterns no row may match). Each pattern is one check; the figure is the fraction passed.

A pattern maps columns to values: ``text~`` the row's text contains the value; ``text``,
``kind``, ``speaker_canonical`` equal; ``speaker`` equals (null: the row has no speaker);
``speaker~`` is contained in ``speaker`` or ``speaker_canonical`` (ignoring case);
``continues_set``: true when the row's ``continues`` is not null.

--core scores the Rust core's rows (``examples/quotes_jsonl.rs`` run by cargo) instead of
the installed package's, for iterating on quote rules without building the extension.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any, Dict, List, Optional, Sequence

DEFAULT_PATH = Path(__file__).resolve().parent / "data" / "war_quotes.jsonl"


def load(path: Path) -> List[Dict[str, Any]]:
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def matches(row: Dict[str, Any], pattern: Dict[str, Any]) -> bool:
    for key, want in pattern.items():
        if key == "text~":
            if want not in (row["text"] or ""):
                return False
        elif key == "speaker~":
            names = [(row.get("speaker") or "").lower(), (row.get("speaker_canonical") or "").lower()]
            if not any(want.lower() in n for n in names):
                return False
        elif key == "continues_set":
            if (row.get("continues") is not None) != bool(want):
                return False
        elif row.get(key) != want:
            return False
    return True


def score(docs: List[Dict[str, Any]], rows_by_doc: Dict[str, List[Dict[str, Any]]]) -> Dict[str, Any]:
    """Passed and failed checks: (doc id, 'expect'|'absent', pattern)."""
    passed, failed = [], []
    for d in docs:
        rows = rows_by_doc.get(d["id"], [])
        for p in d.get("quotes", []):
            (passed if any(matches(r, p) for r in rows) else failed).append((d["id"], "expect", p))
        for p in d.get("absent", []):
            (failed if any(matches(r, p) for r in rows) else passed).append((d["id"], "absent", p))
    n = len(passed) + len(failed)
    return {"checks": n, "passed": len(passed), "fraction": round(len(passed) / n, 4) if n else 0.0, "failed": failed}


def main(argv: Optional[Sequence[str]] = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("path", nargs="?", default=str(DEFAULT_PATH))
    ap.add_argument("--show-errors", action="store_true", help="print each failed check with the document's rows")
    ap.add_argument("--core", action="store_true", help="the Rust core's rows (cargo example), not the package's")
    args = ap.parse_args(argv)

    docs = load(Path(args.path))
    rows_by_doc: Dict[str, List[Dict[str, Any]]] = {}
    if args.core:
        sys.path.insert(0, str(Path(__file__).resolve().parent))
        from core import core_rows

        rows_by_doc = core_rows("quotes_jsonl", docs)
    else:
        import newsframe as nf
        import polars as pl

        df = pl.DataFrame({"id": [d["id"] for d in docs], "text": [d["text"] for d in docs],
                           "published": [d["published"] for d in docs]})
        q = nf.quotes(df).with_columns(pl.col("kind").cast(pl.String))
        for r in q.iter_rows(named=True):
            rows_by_doc.setdefault(str(r["doc_id"]), []).append(r)
    s = score(docs, rows_by_doc)
    print(f"war quote checks: {s['passed']} of {s['checks']} passed ({s['fraction']:.3f}) in {len(docs)} articles")
    if args.show_errors:
        for doc_id, what, p in s["failed"]:
            print(f"\n{doc_id}: {what} {p}")
            for r in rows_by_doc.get(doc_id, []):
                print(f"    [{r['kind']}] {r['text']!r} <- {r['speaker']!r} ({r['speaker_canonical']!r}) continues={r.get('continues')}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
