"""A user's script, checked with ``mypy --strict`` (tests/test_typing.py): the public API is
typed (``py.typed``, ``_native.pyi``) well enough that a strict user gets no errors and the
types they see are the real ones. Also runnable: ``python tests/typecheck/user_script.py OUTDIR``."""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path
from typing import Dict, List, Optional

import newsframe as nf
import pandas as pd
import polars as pl
import pyarrow as pa


def main(out: Path) -> int:
    articles: pl.DataFrame = nf.load_demo()
    res: nf.Extraction = nf.extract(articles)
    events: pl.DataFrame = res.events
    n_docs: int = len(res)
    tables: Dict[str, pl.DataFrame] = res.tables()
    heights: Dict[str, int] = {name: df.height for name, df in res.items()}

    ex = nf.Extractor(events=False, gazetteer={"Blorvania": "GPE"}, threads=1)
    ents: pl.DataFrame = ex.extract(["Blorvania sent aid to Kyiv."], progress=False).entities
    only_quotes: pl.DataFrame = nf.quotes("“We will hold,” the mayor said.")

    (out / "a.txt").write_text("Shelling hit Kharkiv on Monday.", encoding="utf-8")
    read: pl.DataFrame = nf.read_articles(str(out / "*.txt"))

    pdt: nf.PandasTables = res.to_pandas()
    pdf: pd.DataFrame = pdt.events
    killed_dtype: str = str(pdf["killed"].dtype)

    shown: nf.Rendered = res.show(row=0)
    html: str = shown.html
    geo: Path = res.write_geojson(out / "events.geojson")
    written: Dict[str, Path] = res.write(out / "tables")

    arrow: Dict[str, pa.Table] = nf.extract_arrow(pa.table({"id": ["x"], "text": ["Drones hit Odesa."]}))
    labels: List[str] = nf.LABELS
    try:
        nf.Extractor(errors="raise").extract(["Kyiv was calm."])
    except nf.DocumentError as e:
        failed: Optional[int] = e.index
        print("failed", failed)

    page_text: str = nf.html_to_text("<h1>Drones hit Odesa</h1><p>Two people were hurt.</p>")
    from_page = nf.extract(page_text, html="keep")
    print(len(page_text), from_page.documents.height)

    per_row: pl.DataFrame = articles.select(pl.col("text").news.entities().list.len())  # type: ignore[attr-defined]
    print(n_docs, len(tables), heights, events.height, ents.height, only_quotes.height, read.height, killed_dtype,
          len(html) > 0, geo.name, sorted(written), arrow["events"].num_rows, len(labels), per_row.height, nf.__version__)
    return 0


if __name__ == "__main__":
    target = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(tempfile.mkdtemp())
    sys.exit(main(target))
