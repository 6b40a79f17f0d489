"""The table contract: declared once in Rust (src/schema.rs), exported as
``_native.SCHEMAS``; the frames the core builds, the Python layer and docs/tables.md all
follow it."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import newsframe as nf
import polars as pl
import pytest
from newsframe import _errors, _native, _schema
from schemas import TABLES, schema_problems

ROOT = Path(__file__).resolve().parents[1]
SOURCE_CHECKOUT = (ROOT / "src" / "schema.rs").exists()


def test_native_export_shape():
    assert list(_native.SCHEMAS) == ["documents", "entities", "quotes", "events"]
    assert list(_native.TABLE_ROWS) == list(_native.SCHEMAS)
    for t, cols in _native.SCHEMAS.items():
        assert cols[0][0] == "doc_id", t
        for name, dtype, desc in cols:
            assert isinstance(name, str) and isinstance(dtype, str)
            assert desc.strip() and "\n" not in desc, (t, name)
        assert list(_schema.SCHEMAS[t]) == [c[0] for c in cols]


@pytest.mark.parametrize("texts", [[], ["Hello there."]], ids=["empty", "no-rows"])
def test_core_frames_equal_the_declaration_without_rows(texts):
    (tables, failures) = _native.Engine().extract(texts, [None] * len(texts), [None] * len(texts))
    assert not failures
    for t, df in zip(TABLES, tables):
        assert schema_problems(df, t) == []


def test_core_frames_equal_the_declaration(demo):
    texts = demo["text"].to_list()
    tables, failures = _native.Engine().extract(texts, [19248] * len(texts), [None] * len(texts))
    assert not failures
    for t, df in zip(TABLES, tables):
        assert df.height > 0, t
        assert schema_problems(df, t) == []


def test_empty_tables_match_what_the_core_builds():
    tables, _ = _native.Engine().extract([], [], [])
    for t, df in zip(TABLES, tables):
        assert _schema.empty(t).schema == df.schema


def test_design_facts_the_declaration_must_keep():
    # A few points of the design pinned here so that an edit of src/schema.rs that breaks
    # them fails loudly (the full lists live only in the declaration).
    s = _schema.SCHEMAS
    for t in ("entities", "quotes", "events"):
        assert s[t]["start"] == pl.UInt32 and s[t]["end"] == pl.UInt32
    assert s["documents"]["warnings"] == pl.List(pl.String)
    assert s["documents"]["published"] == pl.Date and s["events"]["date"] == pl.Date
    assert s["entities"]["label"] == pl.Categorical and s["events"]["type"] == pl.Categorical
    ev = list(s["events"])
    assert ev[ev.index("date_text") + 1 : ev.index("date_text") + 3] == ["date_source", "location_source"]
    assert ev[ev.index("injured") + 1 : ev.index("injured") + 3] == ["approximate", "aggregate"]
    assert s["events"]["date_source"] == pl.Categorical and s["events"]["aggregate"] == pl.Boolean


def test_event_source_columns_hold_the_declared_values(demo_result):
    ev = demo_result.events
    assert ev.height > 0
    assert set(ev["date_source"].drop_nulls().cast(pl.String)) <= {"clause", "sentence", "paragraph", "dateline", "published"}
    assert set(ev["location_source"].drop_nulls().cast(pl.String)) <= {"clause", "sentence", "paragraph", "dateline", "headline"}


def test_schema_helpers():
    assert _schema.schema("quotes", pl.String)["doc_id"] == pl.String
    assert _schema.empty("events", pl.Int64).schema["doc_id"] == pl.Int64
    with pytest.raises(ValueError, match="unknown table"):
        _schema.schema("mentions")
    bad = _schema.empty("entities").drop("role")
    assert any("columns" in p for p in _schema.problems(bad, "entities"))


@pytest.mark.skipif(not SOURCE_CHECKOUT, reason="source checkout only")
def test_docs_tables_md_is_up_to_date():
    committed = (ROOT / "docs" / "tables.md").read_text(encoding="utf-8")
    assert _schema.markdown() == committed, "docs/tables.md is stale: run `python docs/gen_tables.py`"
    out = subprocess.run([sys.executable, str(ROOT / "docs" / "gen_tables.py"), "--check"], capture_output=True, text=True)
    assert out.returncode == 0, out.stderr
    for t in TABLES:
        assert f"## {t}" in committed


@pytest.mark.skipif(not SOURCE_CHECKOUT, reason="source checkout only")
def test_design_md_lists_the_label_type_and_warning_sets():
    design = (ROOT / "docs" / "design.md").read_text(encoding="utf-8")
    for word in list(_native.LABELS) + list(_native.EVENT_TYPES) + list(_errors.WARNING_CODES):
        assert f"`{word}`" in design, word


@pytest.mark.skipif(not SOURCE_CHECKOUT, reason="source checkout only")
def test_project_docs_do_not_point_outside_the_project():
    files = [ROOT / "README.md", *(ROOT / "bench").rglob("*.py"), *(ROOT / "bench").rglob("*.md")]
    for f in files:
        assert "DESIGN.md" not in f.read_text(encoding="utf-8"), f


def test_public_api_unchanged_by_the_contract():
    res = nf.extract([])
    assert [getattr(res, t).columns for t in TABLES] == [list(_schema.SCHEMAS[t]) for t in TABLES]
