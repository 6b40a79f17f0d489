"""``pl.col("text").news``: per-row ``List[Struct]`` equal to ``nf.extract``'s rows, in eager,
lazy and streaming queries; null texts give null, texts without rows an empty list."""

from __future__ import annotations

import datetime as dt
import warnings
from typing import Any, Dict, List, Optional

import newsframe as nf
import polars as pl
import pytest
from newsframe._expr import output_dtype

TABLES = ("entities", "quotes", "events")


def _texts(corpus: List[str], n: int = 60) -> List[Optional[str]]:
    texts: List[Optional[str]] = list(corpus[:n])
    for i in (3, 17, 40):
        texts[i] = None
    texts[25] = ""
    texts[33] = "Nothing to see here."
    return texts


def _expected(texts: List[Optional[str]], table: str, published: Optional[List[Any]] = None) -> List[Optional[List[Dict[str, Any]]]]:
    """What the expression should give: the rows of ``nf.extract`` per text (null for null)."""
    data: Dict[str, Any] = {"text": pl.Series(texts, dtype=pl.String)}
    if published is not None:
        data["published"] = published
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        res = nf.extract(pl.DataFrame(data), id=None)
    tbl = getattr(res, table)
    out: List[Optional[List[Dict[str, Any]]]] = []
    for i, t in enumerate(texts):
        if t is None:
            out.append(None)
        else:
            out.append(tbl.filter(pl.col("doc_id") == i).drop("doc_id").to_dicts())
    return out


@pytest.fixture(scope="module")
def frame(corpus200: List[str]) -> pl.DataFrame:
    texts = _texts(corpus200)
    return pl.DataFrame({"key": list(range(len(texts))), "text": pl.Series(texts, dtype=pl.String)})


@pytest.mark.filterwarnings("ignore::UserWarning")
@pytest.mark.parametrize("table", TABLES)
def test_eager_select_equals_extract(frame: pl.DataFrame, table: str) -> None:
    out = frame.select(getattr(pl.col("text").news, table)())
    assert out.columns == ["text"]
    assert out.schema["text"] == output_dtype(table)
    inner = output_dtype(table).inner  # type: ignore[attr-defined]
    assert [f.name for f in inner.fields] == [c for c in nf.extract("x").__getattribute__(table).columns if c != "doc_id"]
    got = out["text"].to_list()
    want = _expected(frame["text"].to_list(), table)
    assert got == want
    assert sum(1 for r in got if r) > 5, "the corpus should give rows"


@pytest.mark.filterwarnings("ignore::UserWarning")
@pytest.mark.parametrize("table", TABLES)
def test_lazy_and_streaming_equal_eager(frame: pl.DataFrame, table: str) -> None:
    want = _expected(frame["text"].to_list(), table)
    q = (
        frame.lazy()
        .with_columns(getattr(pl.col("text").news, table)().alias("rows"))
        .select("key", "rows", pl.col("rows").list.len().alias("n"))
    )
    assert q.collect_schema()["rows"] == output_dtype(table)  # resolved without running
    for engine in ("in-memory", "streaming"):
        got = q.collect(engine=engine).sort("key")  # type: ignore[call-overload]
        assert got["rows"].to_list() == want, engine
        assert got["n"].to_list() == [None if w is None else len(w) for w in want]


@pytest.mark.filterwarnings("ignore::UserWarning")
def test_streaming_over_many_chunks_and_a_filter(corpus200: List[str]) -> None:
    # Built from many small frames so the streaming engine sees many morsels; a filter
    # before the expression must not shift rows (the expression is elementwise).
    texts: List[Optional[str]] = list(corpus200)
    texts[7] = None
    parts = [pl.DataFrame({"key": list(range(i, min(i + 13, 200))), "text": pl.Series(texts[i : i + 13], dtype=pl.String)}) for i in range(0, 200, 13)]
    lf = pl.concat([p.lazy() for p in parts]).filter(pl.col("key") % 3 != 1)
    got = lf.select("key", pl.col("text").news.events().alias("ev")).collect(engine="streaming").sort("key")
    kept = [k for k in range(200) if k % 3 != 1]
    want = _expected([texts[k] for k in kept], "events")
    assert got["key"].to_list() == kept
    assert got["ev"].to_list() == want


@pytest.mark.filterwarnings("ignore::UserWarning")
def test_published_resolves_relative_dates_like_extract() -> None:
    texts = ["On Tuesday, shelling of Izium killed at least 5 civilians, the governor said.", None, "Drones hit Odesa on Monday."]
    published = [dt.date(2022, 9, 14), dt.date(2022, 9, 1), None]
    df = pl.DataFrame({"text": texts, "published": published})
    for how in ("published", pl.col("published")):
        out = df.lazy().select(pl.col("text").news.events(published=how)).collect(engine="streaming")
        assert out.columns == ["text"]
        assert out["text"].to_list() == _expected(texts, "events", published)
    dated = df.select(pl.col("text").news.events(published="published"))["text"][0].to_list()
    assert dated and dated[0]["date"] == dt.date(2022, 9, 13)
    undated = df.select(pl.col("text").news.events())["text"][0].to_list()
    assert undated and undated[0]["date"] is None


def test_null_and_empty_texts() -> None:
    df = pl.DataFrame({"text": pl.Series([None, None], dtype=pl.String)})
    for table in TABLES:
        out = df.select(getattr(pl.col("text").news, table)())
        assert out["text"].to_list() == [None, None]
    all_null = pl.DataFrame({"text": [None, None]})  # dtype Null
    assert all_null.select(pl.col("text").news.quotes())["text"].to_list() == [None, None]
    with pytest.warns(UserWarning, match=r"news\.entities\(\): 1 of 2 documents have warnings \(empty-text: 1\)"):
        out = pl.DataFrame({"text": ["", "Kyiv."]}).select(pl.col("text").news.entities())
    assert out["text"][0].to_list() == []
    empty = pl.DataFrame({"text": pl.Series([], dtype=pl.String)}).select(pl.col("text").news.entities())
    assert empty.height == 0 and empty.schema["text"] == output_dtype("entities")


def test_non_string_column_is_a_clear_error() -> None:
    with pytest.raises(Exception, match="String column"):
        pl.DataFrame({"text": [1, 2]}).select(pl.col("text").news.entities())
