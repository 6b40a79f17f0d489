"""pandas in and out: stable nullable dtypes from to_pandas(), the pandas index as doc_id,
input columns passed through to documents."""

from __future__ import annotations

import warnings
from typing import Any, Dict, List

import newsframe as nf
import polars as pl
import pytest
from newsframe import _schema
from polars.testing import assert_frame_equal
from schemas import TABLES, assert_schemas, expected

pd = pytest.importorskip("pandas")
pytest.importorskip("pyarrow")

TEXTS = [
    "Russian missiles hit Kyiv on Monday, killing two people, the mayor said.",
    "“We will hold the line,” the commander said.",
    "Ukraine received new air defence systems from Germany.",
]


def _frame(rows: List[Dict[str, Any]], table: str) -> pl.DataFrame:
    schema = expected(table)
    if not rows:
        return pl.DataFrame(schema=schema)
    return pl.DataFrame([{k: r.get(k) for k in schema} for r in rows], schema=schema, orient="row")


def _hand_made(killed: List[Any], quote_id: List[Any], approximate: List[Any]) -> nf.Extraction:
    """An Extraction built by hand, so that nulls can be placed where a test wants them."""
    events = [
        dict(doc_id=0, event_id=i, start=0, end=1, type="ASSAULT", killed=k, quote_id=q, approximate=a,
             lat=50.45 if i == 0 else None, lon=30.52 if i == 0 else None)
        for i, (k, q, a) in enumerate(zip(killed, quote_id, approximate))
    ]
    docs = _frame([dict(doc_id=0, title="t", n_chars=5, warnings=[])], "documents")
    ents = _frame([dict(doc_id=0, start=0, end=4, text="Kyiv", label="GPE", source="lexicon")], "entities")
    return nf.Extraction(docs, ents, _frame([], "quotes"), _frame(events, "events"), texts=pl.Series("text", ["Kyiv."]))


def _dtypes(res: nf.Extraction) -> Dict[str, Dict[str, str]]:
    return {t: {c: str(d) for c, d in df.dtypes.items()} for t, df in res.to_pandas()._asdict().items()}


# ------------------------------------------------------------------ to_pandas
@pytest.mark.parametrize(
    "killed,quote_id,approximate",
    [([3, 5], [0, 1], [True, False]), ([3, None], [None, 1], [None, True]), ([None, None], [None, None], [None, None])],
    ids=["no-nulls", "some-nulls", "all-null"],
)
def test_to_pandas_dtypes_do_not_depend_on_nulls(killed, quote_id, approximate):
    ref = _dtypes(_hand_made([1, 2], [0, 0], [False, False]))
    got = _dtypes(_hand_made(killed, quote_id, approximate))
    assert got == ref
    ev = got["events"]
    assert ev["killed"] == "UInt32" and ev["injured"] == "UInt32" and ev["quote_id"] == "UInt32"
    assert ev["approximate"] == "boolean" and ev["aggregate"] == "boolean"
    assert ev["lat"] == "Float64" and ev["type"] == "category"
    assert ev["trigger"] == "string"
    assert ev["date"] == "datetime64[ms]"
    assert got["documents"]["published"] == "datetime64[ms]"
    assert got["documents"]["warnings"] == "object"


def test_to_pandas_values_and_missing():
    out = _hand_made([3, None], [None, 1], [True, None]).to_pandas()
    ev = out.events
    assert ev["killed"].iloc[0] == 3 and ev["killed"].iloc[1] is pd.NA
    assert ev["quote_id"].tolist()[1] == 1 and ev["quote_id"].iloc[0] is pd.NA
    assert ev["approximate"].iloc[1] is pd.NA
    assert ev["subtype"].iloc[0] is pd.NA
    assert out.documents["warnings"].iloc[0] == []
    assert out.entities["label"].iloc[0] == "GPE"


def test_to_pandas_on_real_and_empty_results(demo_result):
    real = {t: {c: str(d) for c, d in df.dtypes.items()} for t, df in demo_result.to_pandas()._asdict().items()}
    empty = {t: {c: str(d) for c, d in df.dtypes.items()} for t, df in nf.extract([]).to_pandas()._asdict().items()}
    # doc_id differs (the demo has string ids), everything else is the same
    for t in TABLES:
        real[t].pop("doc_id"), empty[t].pop("doc_id")
    assert real == empty
    pdt = demo_result.to_pandas()
    assert [list(getattr(pdt, t).columns) for t in TABLES] == [getattr(demo_result, t).columns for t in TABLES]
    assert all(len(getattr(pdt, t)) == getattr(demo_result, t).height for t in TABLES)
    assert str(pdt.documents["doc_id"].dtype) == "string"


def test_categories_are_fixed_so_concat_keeps_them(demo_result):
    a = demo_result.to_pandas().entities
    b = nf.extract("Kyiv.").to_pandas().entities
    assert list(a["label"].cat.categories) == nf.LABELS
    both = pd.concat([a, b], ignore_index=True)
    assert str(both["label"].dtype) == "category"
    assert str(pd.concat([demo_result.to_pandas().events, nf.extract([]).to_pandas().events])["type"].dtype) == "category"


def test_to_pandas_values_equal_polars(demo_result):
    pdt = demo_result.to_pandas()
    for t in TABLES:
        back = pl.from_pandas(getattr(pdt, t).astype({c: "object" for c in getattr(pdt, t).columns
                                                       if str(getattr(pdt, t)[c].dtype) == "category"}))
        want = getattr(demo_result, t)
        for c in want.columns:
            if want[c].dtype == pl.Date:
                got = back[c].cast(pl.Date)
            elif isinstance(want[c].dtype, pl.Categorical):
                got = back[c].cast(pl.String)
                want_c = want[c].cast(pl.String)
                assert got.to_list() == want_c.to_list(), (t, c)
                continue
            else:
                got = back[c]
            assert got.to_list() == want[c].to_list(), (t, c)


def test_to_pandas_pyarrow_backend(demo_result):
    pdt = demo_result.to_pandas(dtype_backend="pyarrow")
    assert str(pdt.events["killed"].dtype) == "uint32[pyarrow]"
    assert str(pdt.entities["label"].dtype) == "category"
    with pytest.raises(ValueError, match="dtype_backend"):
        demo_result.to_pandas(dtype_backend="numpy")


# ------------------------------------------------------------------ pandas index
def test_default_range_index_gives_row_numbers():
    res = nf.extract(pd.DataFrame({"text": TEXTS}))
    assert res.documents["doc_id"].to_list() == [0, 1, 2]
    assert res.documents["doc_id"].dtype == pl.UInt32
    assert_frame_equal(res.entities, nf.extract(TEXTS).entities, categorical_as_str=True)


def test_index_becomes_doc_id():
    pdf = pd.DataFrame({"text": TEXTS}, index=[10, 20, 30])
    res = nf.extract(pdf)
    assert res.documents["doc_id"].to_list() == [10, 20, 30]
    assert_schemas(res, doc_id=pl.Int64)
    assert set(res.entities["doc_id"]) <= {10, 20, 30}
    # rows map back to the input through the index
    for row in res.entities.iter_rows(named=True):
        assert pdf.loc[row["doc_id"], "text"][row["start"]:row["end"]] == row["text"]


def test_filtered_frame_keeps_its_labels():
    pdf = pd.DataFrame({"text": TEXTS + ["Nothing happened."]})
    res = nf.extract(pdf[pdf["text"].str.contains("Kyiv|Ukraine")])
    assert res.documents["doc_id"].to_list() == [0, 2]


def test_string_and_shifted_range_index():
    res = nf.extract(pd.DataFrame({"text": TEXTS}, index=pd.Index(["a", "b", "c"], name="key")))
    assert res.documents["doc_id"].to_list() == ["a", "b", "c"]
    assert res.documents["doc_id"].dtype == pl.String
    res = nf.extract(pd.DataFrame({"text": TEXTS}, index=pd.RangeIndex(5, 8)))
    assert res.documents["doc_id"].to_list() == [5, 6, 7]


def test_id_column_wins_over_index_and_id_none_gives_row_numbers():
    pdf = pd.DataFrame({"id": ["x", "y", "z"], "text": TEXTS}, index=[7, 8, 9])
    assert nf.extract(pdf).documents["doc_id"].to_list() == ["x", "y", "z"]
    res = nf.extract(pdf, id=None)
    assert res.documents["doc_id"].to_list() == [0, 1, 2]
    assert res.documents["id"].to_list() == ["x", "y", "z"]  # not used as id: passed through


def test_index_with_duplicates_warns_and_multiindex_falls_back():
    with pytest.warns(UserWarning, match="pandas index .* duplicate"):
        res = nf.extract(pd.DataFrame({"text": TEXTS}, index=[1, 1, 2]))
    assert res.documents["doc_id"].to_list() == [1, 1, 2]
    mi = pd.MultiIndex.from_tuples([("a", 1), ("a", 2), ("b", 1)])
    with pytest.warns(UserWarning, match="MultiIndex"):
        res = nf.extract(pd.DataFrame({"text": TEXTS}, index=mi))
    assert res.documents["doc_id"].to_list() == [0, 1, 2]


# ------------------------------------------------------------------ pass-through
def test_input_columns_pass_through_after_the_schema():
    df = pl.DataFrame({"id": ["a", "b", "c"], "outlet": ["AP", "Reuters", None], "text": TEXTS,
                       "url": ["u1", "u2", "u3"], "n_words": [12, 8, 7]})
    res = nf.extract(df)
    declared = list(_schema.SCHEMAS["documents"])
    assert res.documents.columns == declared + ["outlet", "url", "n_words"]
    assert res.documents["outlet"].to_list() == ["AP", "Reuters", None]
    assert res.documents["n_words"].dtype == pl.Int64
    assert_schemas(res, doc_id=pl.String)
    assert res.with_text().columns[:2] == ["doc_id", "text"]


def test_pass_through_clashing_names_are_suffixed():
    df = pl.DataFrame({"text": TEXTS, "language": ["en", "en", "uk"], "n_chars": [1, 2, 3]})
    res = nf.extract(df)
    assert res.documents.columns[-2:] == ["language_input", "n_chars_input"]
    assert res.documents["language_input"].to_list() == ["en", "en", "uk"]
    # the decoy "text" of a table whose text column is "body"
    res = nf.extract(pl.DataFrame({"body": TEXTS, "text": ["x", "y", "z"]}), text="body")
    assert res.documents["text_input"].to_list() == ["x", "y", "z"]
    assert res.with_text()["text"].to_list() == TEXTS


def test_pass_through_from_pandas_and_arrow_and_in_batches():
    import pyarrow as pa

    pdf = pd.DataFrame({"text": TEXTS, "outlet": ["AP", None, "BBC"], "score": [1.5, None, 2.0]}, index=[4, 5, 6])
    res = nf.extract(pdf, batch_size=2)
    assert res.documents["outlet"].to_list() == ["AP", None, "BBC"]
    assert res.documents["score"].to_list() == [1.5, None, 2.0]
    assert res.documents["doc_id"].to_list() == [4, 5, 6]
    res = nf.extract(pa.table({"text": TEXTS, "url": ["a", "b", "c"]}))
    assert res.documents["url"].to_list() == ["a", "b", "c"]
    assert nf.extract(pdf).to_pandas().documents["outlet"].tolist()[0] == "AP"


def test_pass_through_on_empty_input_and_unconvertible_column():
    res = nf.extract(pl.DataFrame({"text": pl.Series([], dtype=pl.String), "outlet": pl.Series([], dtype=pl.String)}))
    assert res.documents.columns[-1] == "outlet" and res.documents.height == 0
    pdf = pd.DataFrame({"text": TEXTS, "mixed": [1, "two", b"3"]})
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        res = nf.extract(pdf)
    assert "mixed" not in res.documents.columns
    assert any("'mixed' is not passed through" in str(w.message) for w in caught)


def test_schema_problems_allow_trailing_columns_in_documents_only():
    docs = _schema.empty("documents").with_columns(pl.lit("x").alias("outlet"))
    assert _schema.problems(docs, "documents") == []
    assert _schema.problems(docs.select("outlet", *docs.columns[:-1]), "documents") != []
    ents = _schema.empty("entities").with_columns(pl.lit("x").alias("outlet"))
    assert _schema.problems(ents, "entities") != []
