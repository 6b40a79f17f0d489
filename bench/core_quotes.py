"""The quotes table's rows from the Rust core alone, without the Python extension.

`examples/quotes_jsonl.rs` (built by cargo in release mode, honouring CARGO_TARGET_DIR)
reads documents as JSONL and prints one JSON line per quote row with the quotes table's
columns, filled as the table fills them; `eval_quotes.py --core` and
`eval_war_quotes.py --core` score those rows, for iterating on quote rules quickly.
"""

from __future__ import annotations

import json
import subprocess
from pathlib import Path
from typing import Any, Dict, Iterable, List

ROOT = Path(__file__).resolve().parent.parent


def core_quote_rows(docs: Iterable[Dict[str, Any]]) -> Dict[str, List[Dict[str, Any]]]:
    """Quote rows by document id (as a string) for `docs` ({id, published, text})."""
    lines = "".join(
        json.dumps({"id": str(d["id"]), "published": d.get("published") or "", "text": d["text"]}) + "\n"
        for d in docs
    )
    run = subprocess.run(
        ["cargo", "run", "--quiet", "--release", "--example", "quotes_jsonl"],
        cwd=ROOT, input=lines.encode("utf-8"), capture_output=True,
    )
    if run.returncode != 0:
        raise SystemExit(run.stderr.decode("utf-8", "replace"))
    out: Dict[str, List[Dict[str, Any]]] = {}
    for line in run.stdout.decode("utf-8").splitlines():
        row = json.loads(line)
        out.setdefault(str(row["doc_id"]), []).append(row)
    return out
