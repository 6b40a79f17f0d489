"""Build the documentation site (mkdocs + mkdocstrings) into OUT.

    python docs/build_site.py OUT          # mkdocs build --strict into OUT
    python docs/build_site.py OUT --serve  # the same sources, served with live reload

Needs the ``[docs]`` extra (``pip install 'newsframe[docs]'``) and the package built from
this checkout (for the table contract). The site's sources are assembled in a temporary
folder, so nothing generated lands in the repository:

- the hand-written pages of ``docs/`` (design, data science, the tables overview
  ``tables.md`` written by ``gen_tables.py``);
- one page per table, generated here from the same declaration
  (``newsframe._native.SCHEMAS``, declared in ``src/schema.rs``): what a row is, the columns
  with dtypes and meanings, the pandas dtype of each column and the ``pl.col(...).news``
  expression that gives the table per row;
- the API reference, rendered by mkdocstrings from the docstrings of ``python/newsframe``
  (static analysis: the compiled core is read from ``_native.pyi``).
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import List

DOCS = Path(__file__).resolve().parent
ROOT = DOCS.parent
HAND_WRITTEN = ["design.md", "data-science.md", "tables.md"]

#: API reference: page name -> (title, objects rendered on it).
API = {
    "extract": ("Extraction functions", [
        "newsframe.extract", "newsframe.entities", "newsframe.quotes", "newsframe.events",
        "newsframe.extract_arrow", "newsframe.read_articles", "newsframe.html_to_text", "newsframe.load_demo",
        "newsframe.demo",
    ]),
    "extractor": ("Extractor", ["newsframe.Extractor"]),
    "extraction": ("Extraction", ["newsframe.Extraction", "newsframe.PandasTables", "newsframe.Rendered"]),
    "expressions": ("Expressions: pl.col(...).news", ["newsframe._expr.NewsExprNamespace"]),
    "plot": ("Plots: newsframe.plot", ["newsframe.plot.timeline", "newsframe.plot.map", "newsframe.plot.world_outline"]),
    "errors": ("Errors, warnings and constants", [
        "newsframe.DocumentError", "newsframe.WARNING_CODES", "newsframe.LABELS", "newsframe.EVENT_TYPES",
    ]),
    "native": ("The compiled core", ["newsframe._native"]),
}

MKDOCS_YML = """\
site_name: newsframe
site_description: News articles in, polars tables out.
docs_dir: {docs_dir}
site_dir: {site_dir}
use_directory_urls: false
theme:
  name: mkdocs
plugins:
  - search
  - mkdocstrings:
      default_handler: python
      handlers:
        python:
          paths: [{python_src}]
          options:
            docstring_style: numpy
            show_source: false
            show_root_heading: true
            show_root_full_path: false
            show_signature_annotations: true
            separate_signature: true
            members_order: source
            filters: ["!^_[^_]"]
            heading_level: 2
nav:
  - Home: index.md
  - Tables:
      - Overview: tables.md
{table_nav}
  - API reference:
{api_nav}
  - Design: design.md
  - pandas, notebooks, workers: data-science.md
"""


def _table_page(table: str) -> str:
    from newsframe import _native, _schema
    from newsframe._pandas import to_pandas

    empty = _schema.empty(table)
    pandas_dtypes = {}
    categories = {}
    try:
        pdf = to_pandas(empty, table, "numpy_nullable")
        pandas_dtypes = {c: str(t) for c, t in pdf.dtypes.items()}
        categories = {c: list(pdf[c].cat.categories) for c, t in pandas_dtypes.items() if t == "category"}
    except ImportError:  # pragma: no cover - pandas is part of the docs extra's environment
        pass
    lines = [
        f"# {table}",
        "",
        f"One row per **{_schema.ROWS[table]}**. Generated from the table contract (`src/schema.rs`,",
        "exported as `newsframe._native.SCHEMAS`), like [the overview](../tables.md).",
        "",
        "| column | polars dtype | pandas dtype (`to_pandas()`) | meaning |",
        "|---|---|---|---|",
    ]
    for name, dt, desc in _native.SCHEMAS[table]:
        cell = desc.replace("|", "\\|")
        lines.append(f"| `{name}` | {dt} | {pandas_dtypes.get(name, '')} | {cell} |")
    lines += ["", "`doc_id` takes the dtype of the input's id column when there is one.", ""]
    if categories:
        lines += ["## Categories", "", "The categorical columns' values, in order (also the fixed categories of `to_pandas()`):", ""]
        lines += [f"- `{c}`: " + ", ".join(f"`{v}`" for v in values) for c, values in categories.items()]
        lines.append("")
    if table == "documents":
        lines += [
            "`documents` has one row per input document, in input order; the input's other",
            "columns (outlet, url, ...) follow the declared ones.",
        ]
    else:
        fields = ", ".join(f"`{c}`" for c in empty.columns if c != "doc_id")
        lines += [
            "## Inside a polars query",
            "",
            "```python",
            f'df.with_columns(pl.col("text").news.{table}().alias("{table}"))',
            "```",
            "",
            f"gives per row a `List[Struct]` with the fields {fields}",
            "(the columns above without `doc_id`); see [Expressions](../api/expressions.md).",
        ]
    return "\n".join(lines) + "\n"


def _index() -> str:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    # The README's first section (what newsframe is), then pointers; the README's own links
    # point at repository files, which the site does not hold.
    intro = readme.split("\n## ", 1)[0]
    return intro + (
        "\n## In this documentation\n\n"
        "- [Tables](tables.md): the four tables, a page each, generated from the one schema.\n"
        "- [API reference](api/extract.md): functions, classes and the `pl.col(...).news` expressions.\n"
        "- [Design](design.md) and [pandas, notebooks, workers](data-science.md).\n"
    )


def assemble(src: Path, site: Path) -> Path:
    from newsframe import _schema

    src.mkdir(parents=True, exist_ok=True)
    for name in HAND_WRITTEN:
        shutil.copyfile(DOCS / name, src / name)
    (src / "index.md").write_text(_index(), encoding="utf-8")
    (src / "tables").mkdir(exist_ok=True)
    for t in _schema.TABLES:
        (src / "tables" / f"{t}.md").write_text(_table_page(t), encoding="utf-8")
    (src / "api").mkdir(exist_ok=True)
    for page, (title, objects) in API.items():
        body = [f"# {title}", ""] + [f"::: {obj}\n" for obj in objects]
        (src / "api" / f"{page}.md").write_text("\n".join(body), encoding="utf-8")
    table_nav = "\n".join(f"      - {t}: tables/{t}.md" for t in _schema.TABLES)
    api_nav = "\n".join(f"      - \"{title}\": api/{page}.md" for page, (title, _) in API.items())
    yml = src.parent / "mkdocs.yml"
    yml.write_text(
        MKDOCS_YML.format(
            docs_dir=src.name, site_dir=str(site), python_src=str(ROOT / "python"), table_nav=table_nav, api_nav=api_nav
        ),
        encoding="utf-8",
    )
    return yml


def main(argv: List[str]) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("out", type=Path, help="folder for the built site")
    ap.add_argument("--serve", action="store_true", help="serve with live reload instead of building")
    args = ap.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="newsframe-docs-") as tmp:
        yml = assemble(Path(tmp) / "src", args.out.resolve())
        cmd = [sys.executable, "-m", "mkdocs", "serve" if args.serve else "build", "-f", str(yml)]
        if not args.serve:
            cmd.append("--strict")
        return subprocess.run(cmd).returncode


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
