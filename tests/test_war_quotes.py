"""The war-reporting quote checks of bench/data/war_quotes.jsonl (fictional articles
written for the project) pass at the issue's bar: at least 80 %."""

from __future__ import annotations

import sys
from pathlib import Path

BENCH = Path(__file__).resolve().parent.parent / "bench"
sys.path.insert(0, str(BENCH))

import eval_war_quotes as wq  # noqa: E402


def _score(path: Path) -> dict:
    """Run newsframe on the articles of `path` and score their checks."""
    import newsframe as nf
    import polars as pl

    docs = wq.load(path)
    df = pl.DataFrame({"id": [d["id"] for d in docs], "text": [d["text"] for d in docs],
                       "published": [d["published"] for d in docs]})
    q = nf.quotes(df).with_columns(pl.col("kind").cast(pl.String))
    rows: dict = {}
    for r in q.iter_rows(named=True):
        rows.setdefault(str(r["doc_id"]), []).append(r)
    return wq.score(docs, rows)


def test_war_quote_checks_pass_at_the_bar() -> None:
    s = _score(wq.DEFAULT_PATH)
    assert s["checks"] >= 30
    assert s["fraction"] >= 0.80, s["failed"]


def test_fresh_war_quote_checks_pass_at_the_bar() -> None:
    """The three articles of war_quotes_fresh.jsonl, written before newsframe was run on
    them (14 of 20 checks passed then), stay at the issue's bar."""
    s = _score(wq.DEFAULT_PATH.with_name("war_quotes_fresh.jsonl"))
    assert s["checks"] >= 20
    assert s["fraction"] >= 0.80, s["failed"]
