"""The command line names the file and line of bad input, and the output file in warnings."""

from __future__ import annotations

import json

import polars as pl
from newsframe.__main__ import main


def test_malformed_csv_names_file_and_line(tmp_path, capsys):
    f = tmp_path / "bad.csv"
    f.write_text('id,text\na,"Kyiv was hit."\nb,"Lviv",extra,fields\nc,"Odesa."\n', encoding="utf-8")
    rc = main(["extract", str(f), "-o", str(tmp_path / "out"), "--no-progress"])
    err = capsys.readouterr().err
    assert rc == 1
    assert f"{f}:3:" in err and "4 fields where the header has 2" in err
    assert "Traceback" not in err and len(err.strip().splitlines()) == 1


def test_non_utf8_csv_names_the_line(tmp_path, capsys):
    f = tmp_path / "latin.csv"
    f.write_bytes(b"id,text\na,Kyiv\nb,Caf\xe9 shelled\n")
    rc = main(["extract", str(f), "-o", str(tmp_path / "out"), "--no-progress"])
    err = capsys.readouterr().err
    # polars may read it (lossy) or not; when it fails, the message names the line
    if rc == 1:
        assert f"{f}:3: not UTF-8" in err
    assert "Traceback" not in err


def test_corrupt_parquet_names_the_file(tmp_path, capsys):
    f = tmp_path / "broken.parquet"
    f.write_bytes(b"this is not parquet")
    rc = main(["extract", str(f), "-o", str(tmp_path / "out"), "--no-progress"])
    err = capsys.readouterr().err
    assert rc == 1 and f"{f}: cannot read as Parquet" in err


def test_malformed_jsonl_warns_with_file_and_line_and_names_the_output(tmp_path, capsys):
    f = tmp_path / "in.jsonl"
    lines = [json.dumps({"id": "a", "text": "Kyiv was hit on Monday."}), "{not json", json.dumps({"id": "c", "text": ""})]
    f.write_text("\n".join(lines) + "\n", encoding="utf-8")
    out = tmp_path / "out"
    rc = main(["extract", str(f), "-o", str(out), "--no-progress", "--format", "csv"])
    err = capsys.readouterr().err
    assert rc == 0
    assert f"{f}:2: malformed JSON line" in err
    assert f"see the warnings column of {out / 'documents.csv'}" in err
    assert "Extraction.documents" not in err
    assert pl.read_csv(out / "documents.csv")["doc_id"].to_list() == ["a", "c"]
    assert main(["extract", str(f), "-o", str(out), "--no-progress", "--strict"]) == 3
