"""Rows of the Rust core alone, without the Python extension.

An `examples/*_jsonl.rs` program (built by cargo in release mode, honouring
CARGO_TARGET_DIR) reads documents as JSONL and prints one JSON line per row of its table,
filled as the table fills them: `quotes_jsonl` for `eval_quotes.py --core` and
`eval_war_quotes.py --core`, `events_jsonl` for `eval_events.py --core` and
`eval_war_articles.py --core`, `entities_jsonl` for `eval_geocoding.py --core`. For
iterating on rules without building the extension.
"""

from __future__ import annotations

import json
import subprocess
from pathlib import Path
from typing import Any, Dict, Iterable, List

ROOT = Path(__file__).resolve().parent.parent


def core_rows(example: str, docs: Iterable[Dict[str, Any]]) -> Dict[str, List[Dict[str, Any]]]:
    """The rows `examples/{example}.rs` prints for `docs` ({id, published, text}), by
    document id (as a string), in the order printed."""
    lines = "".join(
        json.dumps({"id": str(d["id"]), "published": d.get("published") or "", "text": d["text"]}) + "\n"
        for d in docs
    )
    run = subprocess.run(
        ["cargo", "run", "--quiet", "--release", "--example", example],
        cwd=ROOT, input=lines.encode("utf-8"), capture_output=True,
    )
    if run.returncode != 0:
        raise SystemExit(run.stderr.decode("utf-8", "replace"))
    out: Dict[str, List[Dict[str, Any]]] = {}
    for line in run.stdout.decode("utf-8").splitlines():
        row = json.loads(line)
        out.setdefault(str(row["doc_id"]), []).append(row)
    return out
