"""The command line: ``python -m newsframe demo|extract``."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import polars as pl
import pytest
from newsframe.__main__ import main

TEXTS = {
    "a1": "Russian missiles struck Lviv on Monday, killing 2 people, the governor said.",
    "b2": "“We will not give up a single village,” the minister said.",
    "c3": "Ukraine received new air defence systems from Germany last week.",
}


def _run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "newsframe", *args], capture_output=True, text=True, timeout=600
    )


def test_demo_command():
    p = _run("demo")
    assert p.returncode == 0, p.stderr
    for name in ("documents", "entities", "quotes", "events"):
        assert name in p.stdout
    assert "izium-shelling" in p.stdout
    assert "Traceback" not in p.stderr


def test_version():
    p = _run("--version")
    assert p.returncode == 0
    assert p.stdout.startswith("newsframe ")


def test_no_command_prints_help():
    p = _run()
    assert p.returncode == 2
    assert "extract" in p.stderr


@pytest.fixture
def txt_folder(tmp_path: Path) -> Path:
    folder = tmp_path / "articles"
    folder.mkdir()
    for k, v in TEXTS.items():
        (folder / f"{k}.txt").write_text(v, encoding="utf-8")
    (folder / "notes.md").write_text("ignored", encoding="utf-8")
    return folder


def test_extract_txt_folder(tmp_path, txt_folder):
    out = tmp_path / "out"
    p = _run("extract", str(txt_folder), "-o", str(out))
    assert p.returncode == 0, p.stderr
    for t in ("documents", "entities", "quotes", "events"):
        assert (out / f"{t}.parquet").is_file()
    docs = pl.read_parquet(out / "documents.parquet")
    assert docs.height == 3
    assert sorted(docs["doc_id"].to_list()) == sorted(TEXTS)
    assert "3 documents" in p.stderr


def test_extract_formats_and_switches(tmp_path, txt_folder):
    rc = main(["extract", str(txt_folder / "*.txt"), "-o", str(tmp_path / "csv"), "--format", "csv",
               "--no-events", "--threads", "1", "--no-progress"])
    assert rc == 0
    assert pl.read_csv(tmp_path / "csv" / "documents.csv").height == 3
    assert pl.read_csv(tmp_path / "csv" / "events.csv").height == 0
    rc = main(["extract", str(txt_folder), "-o", str(tmp_path / "j"), "--format", "jsonl"])
    assert rc == 0
    assert pl.read_ndjson(tmp_path / "j" / "documents.jsonl").height == 3


def test_extract_jsonl_custom_columns(tmp_path):
    f = tmp_path / "in.jsonl"
    with f.open("w", encoding="utf-8") as fh:
        for k, v in TEXTS.items():
            fh.write(json.dumps({"uid": k, "body": v, "published": "2022-09-13"}) + "\n")
    rc = main(["extract", str(f), "-o", str(tmp_path / "out"), "--text-column", "body", "--id-column", "uid"])
    assert rc == 0
    docs = pl.read_parquet(tmp_path / "out" / "documents.parquet")
    assert docs["doc_id"].to_list() == list(TEXTS)
    assert docs["published"].cast(pl.String).to_list() == ["2022-09-13"] * 3


def test_extract_errors(tmp_path, capsys):
    rc = main(["extract", str(tmp_path / "missing"), "-o", str(tmp_path / "out")])
    assert rc == 1
    assert "error" in capsys.readouterr().err
    (tmp_path / "x.csv").write_text("body\nhello\n", encoding="utf-8")
    rc = main(["extract", str(tmp_path / "x.csv"), "-o", str(tmp_path / "out")])
    assert rc == 1
    assert "text" in capsys.readouterr().err
