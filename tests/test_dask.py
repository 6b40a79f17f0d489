"""Extraction on a real Dask cluster (two worker processes) over a partitioned corpus: the union
of the partitions' tables equals the single-process result, doc_ids preserved.

Needs the ``[dask]`` extra (``pip install 'newsframe[dask]'``); skipped without it.
"""

from __future__ import annotations

import datetime as dt
import warnings
from typing import Any, Dict, Iterator, List

import newsframe as nf
import polars as pl
import pytest

dd = pytest.importorskip("dask.dataframe")
distributed = pytest.importorskip("distributed")
pd = pytest.importorskip("pandas")
pa = pytest.importorskip("pyarrow")

from conftest import varied_texts  # noqa: E402

TABLES = ("documents", "entities", "quotes", "events")


def _corpus() -> Any:
    """The demo articles plus generated ones, with string ids, dates and an input column."""
    demo = nf.load_demo()
    texts = demo["text"].to_list() + varied_texts(53)
    n = len(texts)
    ids = demo["id"].cast(pl.String).to_list() + [f"gen-{i:03d}" for i in range(n - demo.height)]
    published = demo["published"].to_list() + [dt.date(2022, 3, 1) + dt.timedelta(days=i % 40) for i in range(n - demo.height)]
    texts[20] = None  # a null text travels too
    return pd.DataFrame(
        {"id": ids, "published": published, "text": texts, "outlet": [f"outlet-{i % 4}" for i in range(n)]}
    )


def _key(table: str, df: pl.DataFrame) -> List[str]:
    first = {"documents": [], "entities": ["start", "end", "label"], "quotes": ["start", "end"], "events": ["event_id"]}[table]
    return ["doc_id", *first]


def _comparable(df: pl.DataFrame, table: str) -> pl.DataFrame:
    """Categoricals as strings (partitions' dictionaries differ), rows in a fixed order."""
    df = df.with_columns(pl.col(c).cast(pl.String) for c, t in df.schema.items() if t == pl.Categorical)
    return df.sort(_key(table, df), maintain_order=True)


@pytest.fixture(scope="module")
def client() -> Iterator[Any]:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # port-in-use and similar notices of a test cluster
        cluster = distributed.LocalCluster(
            n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None, protocol="tcp://", host="127.0.0.1"
        )
        c = distributed.Client(cluster)
    try:
        yield c
    finally:
        c.close()
        cluster.close()


def test_map_partitions_with_extract_arrow_equals_single_process(client: Any) -> None:
    pdf = _corpus()
    ddf = dd.from_pandas(pdf, npartitions=3)
    assert ddf.npartitions == 3

    def extract_table(part: Any, table: str) -> Any:
        # The recipe of docs/data-science.md: pandas partition -> Arrow -> four Arrow tables.
        import warnings

        import newsframe as nf
        import pyarrow as pa

        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # the null text's warning, once per partition
            out = nf.extract_arrow(pa.Table.from_pandas(part, preserve_index=False), threads=1)
        return out[table].to_pandas()

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        single = nf.extract(pl.from_pandas(pdf))
    graphs = {t: ddf.map_partitions(extract_table, t, meta=extract_table(pdf.iloc[:0], t)) for t in TABLES}
    results: Dict[str, Any] = dict(zip(TABLES, client.compute(list(graphs.values()), sync=True)))
    pids = client.run(lambda: __import__("os").getpid())
    assert len(set(pids.values())) == 2, "two worker processes"

    for t in TABLES:
        got = pl.from_pandas(results[t].reset_index(drop=True))
        want = _comparable(getattr(single, t), t)
        got = _comparable(got.cast(dict(want.schema), strict=False).select(want.columns), t)
        assert got.height == want.height, t
        assert got.equals(want), t
    assert sorted(results["documents"]["doc_id"]) == sorted(pdf["id"])
    assert single.events.height > 10 and single.quotes.height > 5


def test_map_partitions_with_pandas_index_as_doc_id(client: Any) -> None:
    # Without an id column the partition's pandas index is the doc_id, so the global index
    # that Dask keeps across partitions identifies documents in the union.
    pdf = _corpus().drop(columns=["id"]).set_index(pd.Index(range(1000, 1060)))
    ddf = dd.from_pandas(pdf, npartitions=3)

    def events(part: Any) -> Any:
        import warnings

        import newsframe as nf

        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            return nf.Extractor(threads=1).extract(part).to_pandas().events

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        single = nf.extract(pdf).to_pandas().events
    meta = events(pdf.iloc[:0])
    got = ddf.map_partitions(events, meta=meta).compute()
    assert list(got.dtypes) == list(single.dtypes)  # fixed categories: partitions concatenate
    cols = ["doc_id", "event_id"]
    a = got.sort_values(cols).reset_index(drop=True)
    b = single.sort_values(cols).reset_index(drop=True)
    pd.testing.assert_frame_equal(a, b)
    assert set(a["doc_id"]) <= set(range(1000, 1060)) and a["doc_id"].nunique() > 10
