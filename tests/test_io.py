"""read_articles and the bundled demo set."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import newsframe as nf
import polars as pl
import pytest


def test_load_demo(demo):
    assert demo.columns == ["id", "title", "published", "text"]
    assert dict(demo.schema) == {"id": pl.String, "title": pl.String, "published": pl.Date, "text": pl.String}
    assert 6 <= demo.height <= 8
    assert demo["id"].n_unique() == demo.height
    assert demo["published"].null_count() == 0
    assert nf.demo().equals(demo)
    joined = "\n".join(demo["text"].to_list())
    for needle in (
        "On Tuesday, shelling of Izium killed at least 5 civilians and wounded 12, the regional governor said.",
        "Late on Thursday", "'I don't want to negotiate,' he said.", "«", "Kiev", "Kyiv", "Zelenskiy",
        "Volodymyr Zelensky", "Zaporizhzhya", "Zaporizhzhia", "Kharkov", "this Friday (25)", "last week",
        "yesterday", "Sign up for our morning briefing", "Mr.", "U.S.", "No. 6", "Gen.", "3.6 million",
        "according to", "said that", "Kremlin spokesman", "Defence Minister", "regional governor",
    ):
        assert needle in joined, needle
    izium = demo.filter(pl.col("text").str.contains("shelling of Izium"))
    assert izium["published"][0] == dt.date(2022, 9, 13)


def test_read_txt_folder(tmp_path: Path):
    (tmp_path / "b.txt").write_bytes("Second\r\nline two\r\n".encode("utf-8"))
    (tmp_path / "a.txt").write_text("First article.", encoding="utf-8")
    (tmp_path / "skip.md").write_text("x", encoding="utf-8")
    sub = tmp_path / "sub"
    sub.mkdir()
    (sub / "c.txt").write_text("Nested.", encoding="utf-8")
    df = nf.read_articles(tmp_path)
    assert df["id"].to_list() == ["a", "b"]
    assert df["text"].to_list() == ["First article.", "Second\r\nline two\r\n"]  # CRLF kept
    assert nf.read_articles(tmp_path, recursive=True).height == 3
    assert nf.read_articles(str(tmp_path / "*.txt")).height == 2
    assert nf.read_articles([tmp_path / "a.txt", sub]).height == 2


def test_read_txt_with_bom(tmp_path: Path):
    (tmp_path / "bom.txt").write_bytes(b"\xef\xbb\xbfKyiv, Monday.")
    assert nf.read_articles(tmp_path)["text"][0] == "Kyiv, Monday."


def test_read_tables(tmp_path: Path):
    rows = [
        {"id": "j1", "title": "T1", "published": "2022-09-13", "text": "Kyiv.", "lang": "en"},
        {"id": "j2", "title": None, "published": None, "text": "Odesa.", "lang": "en"},
    ]
    (tmp_path / "x.jsonl").write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    pl.DataFrame(rows).with_columns(pl.col("id") + "c").write_csv(tmp_path / "y.csv")
    pl.DataFrame(rows).with_columns(pl.col("id") + "p").write_parquet(tmp_path / "z.parquet")
    df = nf.read_articles(tmp_path)
    assert df.height == 6
    assert df.columns[:4] == ["id", "title", "published", "text"]
    assert "lang" in df.columns
    res = nf.extract(df)
    assert res.documents.height == 6
    assert res.documents["published"].to_list()[0] == dt.date(2022, 9, 13)


def test_read_csv_numeric_text_column_is_string(tmp_path: Path):
    (tmp_path / "n.csv").write_text("id,text\n1,123\n2,Kyiv\n", encoding="utf-8")
    df = nf.read_articles(tmp_path / "n.csv")
    assert df["text"].dtype == pl.String


def test_read_custom_columns_and_generated_ids(tmp_path: Path):
    (tmp_path / "x.ndjson").write_text('{"body": "Kyiv."}\n{"body": "Lviv."}\n', encoding="utf-8")
    df = nf.read_articles(tmp_path / "x.ndjson", text="body")
    assert df["text"].to_list() == ["Kyiv.", "Lviv."]
    assert df["id"].n_unique() == 2
    with pytest.raises(ValueError, match="body"):
        nf.read_articles(tmp_path / "x.ndjson")


def test_read_errors(tmp_path: Path):
    with pytest.raises(FileNotFoundError):
        nf.read_articles(tmp_path / "nope.txt")
    with pytest.raises(FileNotFoundError):
        nf.read_articles(str(tmp_path / "*.jsonl"))
    with pytest.raises(FileNotFoundError):
        nf.read_articles(tmp_path)  # empty folder
    (tmp_path / "doc.docx").write_bytes(b"PK")
    with pytest.raises(ValueError, match="docx"):
        nf.read_articles(tmp_path / "doc.docx")
