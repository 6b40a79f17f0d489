"""The Python API: input shapes, column names, dtypes, errors, warnings, options, exports."""

from __future__ import annotations

import datetime as dt
import warnings
from html.parser import HTMLParser
from typing import Any, List

import newsframe as nf
import polars as pl
import pytest
from polars.testing import assert_frame_equal
from schemas import TABLES, assert_schemas, expected

TEXTS = [
    "Russian missiles hit Kyiv on Monday, killing two people, the mayor said.",
    "“We will hold the line,” the commander said.",
    "Ukraine received new air defence systems from Germany.",
]


def _assert_same(a: Any, b: Any) -> None:
    for t in TABLES:
        assert_frame_equal(getattr(a, t), getattr(b, t), categorical_as_str=True)


# ---------------------------------------------------------------- input shapes
def test_str_input():
    res = nf.extract(TEXTS[0])
    assert isinstance(res, nf.Extraction)
    assert res.documents.height == 1
    assert res.documents["doc_id"].to_list() == [0]
    assert res.texts.to_list() == [TEXTS[0]]
    assert_schemas(res)


@pytest.mark.parametrize(
    "make",
    [list, tuple, lambda xs: (x for x in xs), lambda xs: iter(xs), lambda xs: pl.Series("body", xs)],
    ids=["list", "tuple", "generator", "iterator", "pl.Series"],
)
def test_sequence_inputs(make):
    res = nf.extract(make(TEXTS))
    assert res.documents["doc_id"].to_list() == [0, 1, 2]
    assert res.documents["doc_id"].dtype == pl.UInt32
    assert res.texts.to_list() == TEXTS
    assert_schemas(res)


def test_all_shapes_give_the_same_tables():
    ref = nf.extract(TEXTS)
    _assert_same(ref, nf.extract(pl.Series(TEXTS)))
    _assert_same(ref, nf.extract(pl.DataFrame({"text": TEXTS})))
    _assert_same(ref, nf.extract(x for x in TEXTS))


def test_polars_dataframe_without_id():
    df = pl.DataFrame({"text": TEXTS, "other": [1, 2, 3]})
    res = nf.extract(df)
    assert res.documents["doc_id"].to_list() == [0, 1, 2]
    assert_schemas(res)


@pytest.mark.parametrize(
    "ids,dtype",
    [(["a-1", "b-2", "c-3"], pl.String), ([1001, 2002, 3003], pl.Int64), ([7, 8, 9], pl.UInt16)],
    ids=["str", "int64", "uint16"],
)
def test_id_column_keeps_values_and_dtype(ids, dtype):
    df = pl.DataFrame({"id": pl.Series(ids, dtype=dtype), "text": TEXTS})
    res = nf.extract(df)
    assert res.documents["doc_id"].to_list() == ids
    assert_schemas(res, doc_id=dtype)
    for t in ("entities", "quotes", "events"):
        got = set(getattr(res, t)["doc_id"].to_list())
        assert got <= set(ids), (t, got)
    # the doc_id of an entity row maps back to the right text
    for row in res.entities.iter_rows(named=True):
        text = TEXTS[ids.index(row["doc_id"])]
        assert text[row["start"]:row["end"]] == row["text"]


def test_id_dtype_kept_on_empty_tables():
    # "Hello there." has no quotes and no events: those tables are empty but typed
    df = pl.DataFrame({"id": ["x"], "text": ["Hello there."]})
    res = nf.extract(df)
    assert res.quotes.height == 0
    assert_schemas(res, doc_id=pl.String)
    empty = pl.DataFrame({"id": pl.Series([], dtype=pl.Int64), "text": pl.Series([], dtype=pl.String)})
    res = nf.extract(empty)
    for t in TABLES:
        assert getattr(res, t).height == 0
    assert_schemas(res, doc_id=pl.Int64)


def test_pandas_dataframe():
    pd = pytest.importorskip("pandas")
    pytest.importorskip("pyarrow")
    pdf = pd.DataFrame(
        {
            "id": [10, 20, 30],
            "text": TEXTS,
            "published": pd.to_datetime(["2022-09-13", "2022-09-14", None]),
            "title": ["A", None, "C"],
        }
    )
    res = nf.extract(pdf)
    assert res.documents["doc_id"].to_list() == [10, 20, 30]
    assert res.documents["doc_id"].dtype == pl.Int64
    assert res.documents["published"].to_list() == [dt.date(2022, 9, 13), dt.date(2022, 9, 14), None]
    assert res.documents["title"][0] == "A"
    assert_schemas(res, doc_id=pl.Int64)


def test_pandas_series():
    pd = pytest.importorskip("pandas")
    pytest.importorskip("pyarrow")
    res = nf.extract(pd.Series(TEXTS, index=[5, 6, 7]))
    assert res.documents["doc_id"].to_list() == [0, 1, 2]


def test_pyarrow_table():
    pa = pytest.importorskip("pyarrow")
    tbl = pa.table({"id": ["x", "y", "z"], "text": TEXTS, "published": ["2022-09-13", None, "2022-09-15T08:00:00Z"]})
    res = nf.extract(tbl)
    assert res.documents["doc_id"].to_list() == ["x", "y", "z"]
    assert res.documents["published"].to_list() == [dt.date(2022, 9, 13), None, dt.date(2022, 9, 15)]
    assert_schemas(res, doc_id=pl.String)


def test_lazyframe():
    res = nf.extract(pl.LazyFrame({"text": TEXTS}))
    assert res.documents.height == 3


def test_custom_column_names():
    df = pl.DataFrame(
        {
            "uid": ["u1", "u2", "u3"],
            "body": TEXTS,
            "date": ["2022-09-13", "2022-09-14", "2022-09-15"],
            "headline": ["H1", "H2", "H3"],
            "text": ["decoy", "decoy", "decoy"],
        }
    )
    res = nf.extract(df, text="body", id="uid", published="date", title="headline")
    assert res.documents["doc_id"].to_list() == ["u1", "u2", "u3"]
    assert res.documents["title"].to_list() == ["H1", "H2", "H3"]
    assert res.documents["published"].to_list() == [dt.date(2022, 9, d) for d in (13, 14, 15)]
    assert res.texts.to_list() == TEXTS


def test_optional_columns_can_be_ignored():
    df = pl.DataFrame({"id": ["a"], "text": [TEXTS[0]], "published": ["not a date"]})
    res = nf.extract(df, id=None, published=None)
    assert res.documents["doc_id"].to_list() == [0]
    assert res.documents["published"].to_list() == [None]


@pytest.mark.parametrize(
    "values,dtype",
    [
        ([dt.date(2022, 9, 13)], pl.Date),
        ([dt.datetime(2022, 9, 13, 10, 0)], pl.Datetime("us")),
        ([dt.datetime(2022, 9, 13, 1, 30)], pl.Datetime("ms", "Europe/Kyiv")),
        (["2022-09-13"], pl.String),
        (["2022-09-13T10:00:00Z"], pl.String),
        (["2022-09-13T23:30:00+03:00"], pl.String),
        (["2022-09-13 10:00"], pl.String),
    ],
    ids=["date", "datetime", "datetime-tz", "iso-date", "iso-z", "iso-offset", "iso-space"],
)
def test_published_types(values, dtype):
    df = pl.DataFrame({"text": [TEXTS[0]], "published": pl.Series(values, dtype=dtype)})
    res = nf.extract(df)
    assert res.documents["published"].to_list() == [dt.date(2022, 9, 13)]
    assert res.documents["published"].dtype == pl.Date


def test_published_null_and_empty_string():
    df = pl.DataFrame({"text": TEXTS, "published": ["2022-09-13", None, "  "]})
    res = nf.extract(df)
    assert res.documents["published"].to_list() == [dt.date(2022, 9, 13), None, None]


def test_published_resolves_relative_dates():
    text = "On Tuesday, Russian forces shelled Kharkiv, the governor said."
    a = nf.extract(pl.DataFrame({"text": [text], "published": ["2022-09-15"]}))
    b = nf.extract(pl.DataFrame({"text": [text], "published": [None]}, schema={"text": pl.String, "published": pl.Date}))
    dates_a = a.entities.filter(pl.col("label") == "DATE")["value"].to_list()
    assert "2022-09-13" in dates_a, a.entities
    assert "2022-09-13" not in b.entities.filter(pl.col("label") == "DATE")["value"].to_list()


# ---------------------------------------------------------------- row accounting
def test_one_documents_row_per_input_in_order(corpus200):
    texts = list(corpus200[:50]) + [None, "", "   \n\t ", "x"]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        res = nf.extract(texts, batch_size=16)
    assert res.documents.height == len(texts)
    assert res.documents["doc_id"].to_list() == list(range(len(texts)))
    assert res.texts.to_list() == texts


def test_n_counts_match_tables(demo_result):
    d = demo_result.documents
    for col, table in (("n_entities", "entities"), ("n_quotes", "quotes"), ("n_events", "events")):
        counts = getattr(demo_result, table).group_by("doc_id").len()
        got = dict(zip(counts["doc_id"].to_list(), counts["len"].to_list()))
        for doc_id, n in zip(d["doc_id"].to_list(), d[col].to_list()):
            assert got.get(doc_id, 0) == n, (col, doc_id)


def test_n_chars_is_code_points():
    text = "🇺🇦 Kyiv – “quoted” e\u0301\u00a0x"
    res = nf.extract(text)
    assert res.documents["n_chars"][0] == len(text)


# ---------------------------------------------------------------- empty input and schemas
@pytest.mark.parametrize("data", [[], (), iter([]), pl.Series([], dtype=pl.String), pl.DataFrame({"text": pl.Series([], dtype=pl.String)})], ids=["list", "tuple", "iter", "series", "frame"])
def test_empty_input_keeps_schemas(data):
    res = nf.extract(data)
    for t in TABLES:
        assert getattr(res, t).height == 0
    assert_schemas(res)


def test_dtypes_on_demo(demo_result):
    for t in TABLES:
        assert getattr(demo_result, t).height > 0, t
    assert_schemas(demo_result, doc_id=pl.String)


# ---------------------------------------------------------------- errors
def test_missing_text_column_names_it():
    with pytest.raises(ValueError, match=r"'text'.*body|body.*'text'"):
        nf.extract(pl.DataFrame({"body": ["a"]}))
    with pytest.raises(ValueError, match="content"):
        nf.extract(pl.DataFrame({"text": ["a"]}), text="content")


def test_missing_explicit_optional_column():
    with pytest.raises(ValueError, match="uid"):
        nf.extract(pl.DataFrame({"text": ["a"]}), id="uid")
    with pytest.raises(ValueError, match="pubdate"):
        nf.extract(pl.DataFrame({"text": ["a"]}), published="pubdate")


def test_non_string_text_column_names_it():
    with pytest.raises(TypeError, match=r"text.*(Int64|i64)"):
        nf.extract(pl.DataFrame({"text": [1, 2]}))
    with pytest.raises(TypeError, match="body"):
        nf.extract(pl.DataFrame({"body": [1.5]}), text="body")
    with pytest.raises(TypeError):
        nf.extract(pl.Series([1, 2, 3]))


def test_non_string_title_column():
    with pytest.raises(TypeError, match="title"):
        nf.extract(pl.DataFrame({"text": ["a"], "title": [3]}))


def test_bad_published_names_column_and_value_when_strict():
    df = pl.DataFrame({"text": ["a", "b", "c"], "published": ["2022-09-13", "13/09/2022", "x"]})
    with pytest.raises(ValueError, match=r"published.*13/09/2022.*row 1"):
        nf.extract(df, errors="raise")
    with pytest.raises(ValueError, match="date_col"):
        nf.extract(df.rename({"published": "date_col"}), published="date_col", errors="raise")
    with pytest.raises(ValueError, match="published"):
        nf.extract(pl.DataFrame({"text": ["a"], "published": ["2022-02-30"]}), errors="raise")
    with pytest.raises(ValueError, match="published"):
        nf.extract(pl.DataFrame({"text": ["a"], "published": ["2022-09-13 garbage"]}), errors="raise")


def test_bad_published_costs_one_row_a_warning_not_the_batch():
    df = pl.DataFrame({
        "id": ["ok", "slashes", "word", "feb30"],
        "published": ["2023-03-08", "08/03/2023", "last week", "2023-02-30"],
        "text": ["Drones hit Odesa on Tuesday, the mayor said."] * 4,
    })
    with pytest.warns(UserWarning, match="bad-date: 3"):
        res = nf.extract(df)
    docs = res.documents
    assert docs["published"].to_list()[0] is not None
    assert docs["published"].to_list()[1:] == [None, None, None]
    for row, value in ((1, "08/03/2023"), (2, "last week"), (3, "2023-02-30")):
        first = docs["warnings"][row][0]
        assert first.startswith("bad-date: ") and value in first, first
    assert not any(w.startswith("bad-date") for w in docs["warnings"][0])
    # The good document's relative date still resolves; the others have none to resolve against.
    dates = res.events.filter(pl.col("doc_id") == "ok")["date"].to_list()
    assert dates and dates[0] is not None


def test_wrong_published_dtype():
    with pytest.raises(TypeError, match="published"):
        nf.extract(pl.DataFrame({"text": ["a"], "published": [20220913]}))


@pytest.mark.parametrize("data", [42, 3.5, {"text": ["a"]}, b"bytes", None], ids=["int", "float", "dict", "bytes", "None"])
def test_wrong_data_type(data):
    with pytest.raises(TypeError, match="str"):
        nf.extract(data)


def test_non_string_element_position():
    with pytest.raises(TypeError, match=r"element 2\b.*int"):
        nf.extract(["a", None, 7])
    with pytest.raises(TypeError, match="element 0"):
        nf.extract([b"bytes"])


def test_null_ids_rejected():
    with pytest.raises(ValueError, match="id"):
        nf.extract(pl.DataFrame({"id": ["a", None], "text": ["x", "y"]}))


def test_duplicate_ids_warn():
    with pytest.warns(UserWarning, match="duplicate"):
        nf.extract(pl.DataFrame({"id": ["a", "a"], "text": ["Kyiv.", "Kyiv."]}))


def test_bad_options():
    with pytest.raises(ValueError):
        nf.extract(TEXTS, batch_size=0)
    with pytest.raises(ValueError):
        nf.Extractor(threads=0)


def test_document_error_carries_index_and_doc_id():
    ex = nf.Extractor(errors="raise")
    ex._fail_on_doc = 1  # test hook: the second document of a batch fails inside the core
    with pytest.raises(nf.DocumentError, match=r"'b-2'.*injected failure") as info:
        ex.extract(pl.DataFrame({"id": ["a-1", "b-2", "c-3"], "text": ["x", "y", "z"]}))
    assert (info.value.index, info.value.doc_id) == (1, "b-2")
    assert isinstance(info.value, RuntimeError)
    with pytest.raises(nf.DocumentError) as info:
        ex.extract(["x", "y"])
    assert (info.value.index, info.value.doc_id) == (1, 1)
    # in a later batch the index counts from the start of the input
    ex._fail_on_doc = 4
    with pytest.raises(nf.DocumentError) as info:
        ex.extract(["x"] * 7, batch_size=3)
    assert (info.value.index, info.value.doc_id) == (4, 4)


# ---------------------------------------------------------------- bad texts and warnings
def test_null_empty_whitespace_texts_get_rows_and_a_warning():
    texts = ["Kyiv was quiet on Monday.", None, "", "  \n\t\u00a0 "]
    with pytest.warns(UserWarning, match=r"3 of 4 documents have warnings") as rec:
        res = nf.extract(texts)
    assert len([w for w in rec if "documents have warnings" in str(w.message)]) == 1
    assert res.documents.height == 4
    warns = res.documents["warnings"].to_list()
    for i in (1, 2, 3):
        assert warns[i], (i, warns[i])
    assert any("null" in w for w in warns[1])
    assert any("empty" in w for w in warns[2])
    for t in ("entities", "quotes", "events"):
        assert set(getattr(res, t)["doc_id"].to_list()) <= {0}


def test_plain_input_emits_no_warning():
    # no published column: "no publication date" is recorded but not worth a UserWarning
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        res = nf.extract("Russian forces shelled Kharkiv overnight, the governor said.")
    assert res.documents.height == 1


def test_binary_text():
    junk = "\x00\x01\x02\x03\x7f\ufffd" * 2000
    with pytest.warns(UserWarning):
        res = nf.extract(["Kyiv.", junk])
    assert res.documents.height == 2
    assert any("binary" in w for w in res.documents["warnings"][1]), res.documents["warnings"][1]
    assert res.entities.filter(pl.col("doc_id") == 1).height == 0


def test_huge_text():
    para = "Russian shelling hit Kharkiv on Monday, killing 3 people, the governor said. "
    text = para * (3_000_000 // len(para) + 1)
    assert len(text) >= 3_000_000
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        res = nf.extract(["Kyiv.", text, "Odesa."])
    assert res.documents.height == 3
    row = res.documents.row(1, named=True)
    assert row["n_chars"] == len(text) or any("truncat" in w for w in row["warnings"]), row
    for t, col in (("entities", "text"), ("quotes", "text"), ("events", "trigger")):
        sub = getattr(res, t).filter(pl.col("doc_id") == 1)
        assert sub.height == 0 or sub["end"].max() <= len(text)
        for r in sub.head(200).iter_rows(named=True):
            assert text[r["start"]:r["end"]] == r[col]


# ---------------------------------------------------------------- threads and batches
def test_threads_do_not_change_results(corpus200):
    a = nf.Extractor(threads=1).extract(corpus200)
    b = nf.Extractor(threads=2).extract(corpus200)
    _assert_same(a, b)


def test_batches_do_not_change_results(corpus200):
    df = pl.DataFrame({"id": [f"d{i}" for i in range(len(corpus200))], "text": corpus200})
    a = nf.extract(df)
    b = nf.extract(df, batch_size=7)
    _assert_same(a, b)
    c = nf.extract(corpus200, batch_size=13)
    d = nf.extract(corpus200)
    _assert_same(c, d)
    assert c.documents["doc_id"].to_list() == list(range(len(corpus200)))


def test_progress_bar(capsys, corpus200):
    nf.extract(corpus200[:20], batch_size=5, progress=True)
    err = capsys.readouterr().err
    assert "20/20" in err
    nf.extract(corpus200[:20], batch_size=5, progress=False)
    assert capsys.readouterr().err == ""


# ---------------------------------------------------------------- one table only
@pytest.mark.parametrize("name", ["entities", "quotes", "events"])
def test_single_table_functions(name, demo):
    fn = getattr(nf, name)
    table = fn(demo)
    assert isinstance(table, pl.DataFrame)
    assert dict(table.schema) == expected(name, pl.String)
    assert table.height > 0
    if name == "entities":  # entities do not depend on the other extractors
        assert_frame_equal(table, nf.extract(demo).entities, categorical_as_str=True)


def test_extractor_switches():
    res = nf.Extractor(entities=False, quotes=False).extract(TEXTS)
    assert res.entities.height == 0 and res.quotes.height == 0
    assert res.documents.height == 3
    assert_schemas(res)


# ---------------------------------------------------------------- gazetteer
GAZ_TEXT = "Troops from Blorvania crossed into the Zembla valley on Monday, officials in Blorvania said."


@pytest.mark.parametrize(
    "gaz",
    [
        {"Blorvania": "GPE"},
        {"Blorvania": ("GPE", "Republic of Blorvania")},
        [("Blorvania", "GPE")],
        [("Blorvania", "GPE", "Republic of Blorvania")],
        pl.DataFrame({"text": ["Blorvania"], "label": ["GPE"], "canonical": ["Republic of Blorvania"]}),
        pl.DataFrame({"text": ["Blorvania"], "label": ["gpe"]}),
    ],
    ids=["dict", "dict-canonical", "tuples", "triples", "frame", "frame-lowercase"],
)
def test_gazetteer_adds_entity(gaz):
    res = nf.Extractor(gazetteer=gaz).extract(GAZ_TEXT)
    hits = res.entities.filter(pl.col("text") == "Blorvania")
    assert hits.height == 2, res.entities
    assert set(hits["label"].cast(pl.String).to_list()) == {"GPE"}
    assert hits["entity_id"].n_unique() == 1
    if isinstance(gaz, dict) and isinstance(gaz["Blorvania"], tuple) or (
        isinstance(gaz, list) and len(gaz[0]) == 3
    ) or (isinstance(gaz, pl.DataFrame) and "canonical" in gaz.columns):
        assert hits["canonical"].to_list() == ["Republic of Blorvania"] * 2


def test_gazetteer_pandas():
    pd = pytest.importorskip("pandas")
    pytest.importorskip("pyarrow")
    gaz = pd.DataFrame({"text": ["Blorvania"], "label": ["GPE"]})
    res = nf.Extractor(gazetteer=gaz).extract(GAZ_TEXT)
    assert res.entities.filter(pl.col("text") == "Blorvania").height == 2


def test_gazetteer_errors():
    with pytest.raises(ValueError, match="COUNTRY"):
        nf.Extractor(gazetteer={"Blorvania": "COUNTRY"})
    with pytest.raises(ValueError, match="label"):
        nf.Extractor(gazetteer=pl.DataFrame({"text": ["Blorvania"]}))
    with pytest.raises(TypeError):
        nf.Extractor(gazetteer=[("Blorvania",)])


def test_default_extractor_unaffected_by_gazetteer():
    nf.Extractor(gazetteer={"Blorvania": "GPE"})
    res = nf.extract(GAZ_TEXT)
    assert not (res.entities.filter(pl.col("text") == "Blorvania")["source"].cast(pl.String) == "lexicon").any()


# ---------------------------------------------------------------- exports
def test_repr(demo_result):
    r = repr(demo_result)
    assert r.startswith("Extraction(") and f"documents={demo_result.documents.height}" in r


def test_to_pandas(demo_result):
    pd = pytest.importorskip("pandas")
    pytest.importorskip("pyarrow")
    out = demo_result.to_pandas()
    docs, ents, quotes, events = out
    assert isinstance(out.entities, pd.DataFrame)
    assert len(docs) == demo_result.documents.height
    assert len(ents) == demo_result.entities.height
    assert len(quotes) == demo_result.quotes.height
    assert len(events) == demo_result.events.height
    assert list(ents.columns) == demo_result.entities.columns


def test_write_parquet_round_trip(tmp_path, demo_result):
    out = tmp_path / "new" / "dir"
    demo_result.write_parquet(out)
    for t in TABLES:
        back = pl.read_parquet(out / f"{t}.parquet")
        assert_frame_equal(back, getattr(demo_result, t), categorical_as_str=True)


@pytest.mark.parametrize("fmt,reader", [("csv", pl.read_csv), ("jsonl", pl.read_ndjson)])
def test_write_other_formats(tmp_path, demo_result, fmt, reader):
    demo_result.write(tmp_path, format=fmt)
    for t in TABLES:
        path = tmp_path / f"{t}.{fmt}"
        if fmt == "jsonl" and path.stat().st_size == 0:  # zero rows: an empty JSONL file
            assert getattr(demo_result, t).height == 0
            continue
        back = reader(path)
        assert back.height == getattr(demo_result, t).height
        assert back.columns == getattr(demo_result, t).columns
    if fmt == "csv":
        w = pl.read_csv(tmp_path / "documents.csv")["warnings"]
        assert w.dtype == pl.String


def test_write_bad_format(tmp_path, demo_result):
    with pytest.raises(ValueError, match="format"):
        demo_result.write(tmp_path, format="xlsx")


# ---------------------------------------------------------------- show
class _TagChecker(HTMLParser):
    VOID = {"br", "img", "hr", "meta"}

    def __init__(self) -> None:
        super().__init__()
        self.stack: List[str] = []
        self.errors: List[str] = []
        self.data: List[str] = []

    def handle_starttag(self, tag, attrs):
        if tag not in self.VOID:
            self.stack.append(tag)

    def handle_endtag(self, tag):
        if not self.stack or self.stack[-1] != tag:
            self.errors.append(f"unbalanced </{tag}> with stack {self.stack}")
        else:
            self.stack.pop()

    def handle_data(self, data):
        self.data.append(data)


def _check_html(html: str) -> _TagChecker:
    p = _TagChecker()
    p.feed(html)
    p.close()
    assert not p.errors and not p.stack, (p.errors, p.stack)
    return p


def test_show_escapes_and_highlights():
    text = "<script>alert('x')</script> Russian missiles hit Kyiv & Lviv on Monday.\nSecond line."
    res = nf.extract(text)
    view = res.show(0)
    html = view._repr_html_()
    assert html == view.html
    assert "<script>" not in html
    assert "&lt;script&gt;" in html
    assert "Kyiv" in html and ("<mark" in html or "<span" in html)
    assert "<br>" in html
    assert "&amp;" in html
    _check_html(html)
    assert "Kyiv" in str(view)


def test_show_every_demo_document(demo_result):
    for doc_id in demo_result.documents["doc_id"].to_list():
        view = demo_result.show(doc_id)
        _check_html(view.html)
        ents = demo_result.entities.filter(pl.col("doc_id") == doc_id)
        for t in ents["text"].unique().to_list():
            assert t.replace("&", "&amp;") in view.html or t in view.html
    with pytest.raises(KeyError):
        demo_result.show("no-such-doc")
