"""The behaviour cases of ``tests/behaviour/*.jsonl`` on the installed package: the same
file ``cargo test`` runs on the Rust core (``tests/behaviour.rs``); format in
``tests/behaviour/README.md``."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any, Dict, List

import newsframe as nf
import polars as pl
import pytest

CASES_DIR = Path(__file__).parent / "behaviour"


def _cases() -> List[Any]:
    out = []
    for path in sorted(CASES_DIR.glob("*.jsonl")):
        for line_no, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if line.strip():
                case = json.loads(line)
                out.append(pytest.param(case, id=f"{path.stem}:{line_no}:{case['name']}"))
    return out


def _plain(v: Any) -> Any:
    return v.isoformat() if isinstance(v, (dt.date, dt.datetime)) else v


def _rows(res: Any, table: str, text: str) -> List[Dict[str, Any]]:
    df: pl.DataFrame = getattr(res, table)
    rows = [{k: _plain(v) for k, v in r.items()} for r in df.iter_rows(named=True)]
    if table == "quotes":
        for r in rows:
            s, e = r["speaker_start"], r["speaker_end"]
            r["speaker_span"] = text[s:e] if s is not None and e is not None else None
    return rows


def _holds(row: Dict[str, Any], key: str, want: Any) -> bool:
    if key.endswith("~"):
        value = row.get(key[:-1])
        if isinstance(value, str):
            return want in value
        if isinstance(value, list):
            return any(isinstance(v, str) and want in v for v in value)
        return False
    assert key in row, f"unknown column {key!r}"
    return row[key] == want


def _matches(row: Dict[str, Any], pattern: Dict[str, Any]) -> bool:
    return all(_holds(row, k, v) for k, v in pattern.items())


@pytest.mark.parametrize("case", _cases())
def test_behaviour(case: Dict[str, Any]) -> None:
    df = pl.DataFrame({"text": [case["text"]], "published": [case["published"]]}, schema={"text": pl.String, "published": pl.String})
    res = nf.extract(df)
    tables = {t: _rows(res, t, case["text"]) for t in ("documents", "entities", "quotes", "events")}
    for table, n in case.get("count", {}).items():
        assert len(tables[table]) == n, (table, tables[table])
    for table, patterns in case.get("expect", {}).items():
        for p in patterns:
            assert any(_matches(r, p) for r in tables[table]), (table, p, tables[table])
    for table, patterns in case.get("absent", {}).items():
        for p in patterns:
            hit = [r for r in tables[table] if _matches(r, p)]
            assert not hit, (table, p, hit)
