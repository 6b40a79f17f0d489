"""The demo's four tables, compared row for row with the snapshot under tests/snapshots/.

Any change of output shows up here as a readable diff, intended or not. After a change you
mean, regenerate the snapshot and review it with the code:

    NEWSFRAME_UPDATE_SNAPSHOTS=1 python -m pytest tests/test_snapshot.py
"""

import json
import os
from pathlib import Path

import newsframe as nf
import polars as pl
import pytest
from newsframe._schema import SCHEMAS

SNAPSHOTS = Path(__file__).parent / "snapshots"
UPDATE = os.environ.get("NEWSFRAME_UPDATE_SNAPSHOTS") == "1"


def _lines(df: pl.DataFrame) -> list:
    """One JSON line per row, floats rounded so the file does not churn on the last digit."""
    out = []
    for row in df.to_dicts():
        clean = {k: (round(v, 4) if isinstance(v, float) else v) for k, v in row.items()}
        out.append(json.dumps(clean, ensure_ascii=False, sort_keys=True, default=str))
    return out


@pytest.fixture(scope="module")
def demo() -> nf.Extraction:
    return nf.extract(nf.load_demo())


@pytest.mark.parametrize("table", ["documents", "entities", "quotes", "events"])
def test_demo_output_matches_snapshot(demo: nf.Extraction, table: str) -> None:
    df = getattr(demo, table)
    # the schema's columns only: pass-through input columns may come and go with the demo
    df = df.select([c for c in SCHEMAS[table] if c in df.columns])
    got = _lines(df)
    path = SNAPSHOTS / f"demo_{table}.jsonl"
    if UPDATE or not path.exists():
        if not UPDATE:
            pytest.fail(f"no snapshot {path}: run with NEWSFRAME_UPDATE_SNAPSHOTS=1 and review it")
        path.write_text("\n".join(got) + "\n", encoding="utf-8")
        return
    want = path.read_text(encoding="utf-8").splitlines()
    if got != want:
        gone = [w for w in want if w not in got][:5]
        new = [g for g in got if g not in want][:5]
        pytest.fail(
            f"{table}: {len(want)} rows in the snapshot, {len(got)} now.\n"
            f"rows gone (first 5):\n  " + "\n  ".join(gone) + "\nrows new (first 5):\n  " + "\n  ".join(new)
            + "\nIf the change is meant: NEWSFRAME_UPDATE_SNAPSHOTS=1 python -m pytest tests/test_snapshot.py"
        )
