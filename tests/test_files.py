"""Streaming over files (nf.extract_files, nf.iter_article_batches, `newsframe extract --stream`):
input several times the batch size, every row accounted for, nothing twice."""

from __future__ import annotations

import json
from pathlib import Path

import newsframe as nf
import polars as pl
import pytest
from newsframe.__main__ import main

BASE = [
    "Shelling hit Kharkiv on Monday, killing 3 civilians, governor Oleh Syniehubov said.",
    "\"We will not give up,\" President Volodymyr Zelensky said in Kyiv on Tuesday.",
    "Talks resumed in Geneva.",
    "",
    "Russian forces struck Odesa with drones overnight, the air force said, and 2 people were injured.",
]


def _texts(n: int) -> list:
    return [f"{BASE[i % len(BASE)]} Report {i}." if BASE[i % len(BASE)] else "" for i in range(n)]


def _sorted(df: pl.DataFrame) -> pl.DataFrame:
    return df.sort(df.columns, nulls_last=True)


def _check_same(out: Path, whole: nf.Extraction) -> None:
    for name in ("documents", "entities", "quotes", "events"):
        parts = sorted((out / name).glob("part-*.parquet"))
        streamed = pl.concat([pl.read_parquet(p) for p in parts], how="vertical")
        want = getattr(whole, name)
        assert streamed.height == want.height, name
        assert streamed.columns == want.columns, name
        assert _sorted(streamed).equals(_sorted(want)), name
    ids = pl.read_parquet(out / "documents" / "*.parquet")["doc_id"]
    assert ids.n_unique() == ids.len()


def test_jsonl_without_ids_is_read_in_batches_and_nothing_is_lost(tmp_path: Path) -> None:
    texts = _texts(53)
    src = tmp_path / "wire.jsonl"
    src.write_text("".join(json.dumps({"text": t, "outlet": "AP" if i % 2 else None}) + "\n" for i, t in enumerate(texts)))
    summary = nf.extract_files(src, tmp_path / "out", batch_size=10, progress=False)
    assert summary.parts == 6 and summary.rows["documents"] == 53 and summary.failed == 0
    whole = nf.extract(nf.read_articles(src), progress=False)
    _check_same(tmp_path / "out", whole)
    assert pl.read_parquet(tmp_path / "out" / "documents" / "part-00005.parquet")["doc_id"].to_list() == [
        f"wire:{i}" for i in range(50, 53)
    ]


def test_mixed_files_and_batches_across_files(tmp_path: Path) -> None:
    texts = _texts(37)
    pl.DataFrame({"id": [f"c{i}" for i in range(12)], "text": texts[:12]}).write_csv(tmp_path / "a.csv")
    pl.DataFrame({"id": [f"p{i}" for i in range(15)], "text": texts[12:27]}).write_parquet(tmp_path / "b.parquet")
    for i, t in enumerate(texts[27:]):
        (tmp_path / f"t{i:02d}.txt").write_text(t or "x", encoding="utf-8")
    out = tmp_path / "out"
    summary = nf.extract_files(tmp_path, out, batch_size=4, progress=False)
    assert summary.rows["documents"] == 37 and summary.parts == 10
    whole = nf.extract(nf.read_articles(tmp_path), progress=False)
    _check_same(out, whole)


def test_batches_have_the_batch_size(tmp_path: Path) -> None:
    src = tmp_path / "x.jsonl"
    src.write_text("".join(json.dumps({"text": t}) + "\n" for t in _texts(9)))
    sizes = [df.height for df in nf.iter_article_batches(src, batch_size=4)]
    assert sizes == [4, 4, 1]
    with pytest.raises(ValueError, match="batch_size"):
        nf.extract_files(src, tmp_path / "o", batch_size=0)


def test_a_malformed_line_is_skipped_with_its_line_number(tmp_path: Path) -> None:
    src = tmp_path / "bad.jsonl"
    src.write_text('{"text": "Talks resumed."}\n{not json\n{"text": "Kyiv was hit."}\n')
    with pytest.warns(UserWarning, match=r"bad.jsonl:2: malformed JSON line"):
        summary = nf.extract_files(src, tmp_path / "o", batch_size=2, progress=False)
    assert summary.rows["documents"] == 2


def test_cli_stream_writes_parts(tmp_path: Path) -> None:
    src = tmp_path / "w.jsonl"
    src.write_text("".join(json.dumps({"text": t}) + "\n" for t in _texts(25)))
    out = tmp_path / "out"
    assert main(["extract", str(src), "-o", str(out), "--stream", "--batch-size", "10", "--no-progress"]) == 0
    assert len(list((out / "documents").glob("part-*.parquet"))) == 3
    assert pl.read_parquet(out / "documents" / "*.parquet").height == 25
