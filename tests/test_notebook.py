"""Notebook use: Extraction._repr_html_, show() by doc_id or row with legend, colours and
tooltips, every docstring example of the package run as a doctest, and show() rendered
by a real browser (headless Chromium, where one is installed)."""

from __future__ import annotations

import doctest
import html as html_lib
import importlib
import pkgutil
import re
import shutil
import subprocess
import warnings
from html.parser import HTMLParser
from pathlib import Path
from typing import Any, Dict, List, Tuple

import newsframe as nf
import polars as pl
import pytest
from test_api import _check_html

# ------------------------------------------------------------------ _repr_html_


def test_repr_html_counts_and_first_rows(demo_result):
    out = demo_result._repr_html_()
    _check_html(out)
    for name in ("documents", "entities", "quotes", "events"):
        n = getattr(demo_result, name).height
        assert f"<b>{name}</b>: {n} rows" in out
    assert f"Extraction(documents={demo_result.documents.height}," in out
    # first rows only: the documents table shows 5 of 7 ids, in order
    ids = demo_result.documents["doc_id"].to_list()
    for i in ids[:5]:
        assert f">{i}<" in out
    assert f">{ids[5]}<" not in out
    assert "(first 5)" in out


def test_repr_html_escapes_everything():
    text = "<script>alert(1)</script> Russian missiles hit Kyiv & Lviv on Monday."
    res = nf.extract(pl.DataFrame({"id": ["<img src=x onerror=alert(1)>"], "text": [text], "note": ["<b>bold</b>"]}))
    out = res._repr_html_()
    _check_html(out)
    assert "<script>" not in out and "<img" not in out and "<b>bold" not in out
    assert "&lt;img src=x onerror=alert(1)&gt;" in out
    assert "&lt;b&gt;bold&lt;/b&gt;" in out


def test_repr_html_of_an_empty_result():
    out = nf.extract([])._repr_html_()
    _check_html(out)
    assert "<b>entities</b>: 0 rows" in out and "<table" not in out


# ------------------------------------------------------------------ show()
def test_show_accepts_a_row_position_when_ids_are_strings(demo_result):
    first = demo_result.documents["doc_id"][0]
    assert demo_result.show(0).html == demo_result.show(first).html
    assert demo_result.show(-1).html == demo_result.show(demo_result.documents["doc_id"][-1]).html
    assert demo_result.show(row=2).html == demo_result.show(demo_result.documents["doc_id"][2]).html
    with pytest.raises(KeyError):
        demo_result.show(99)
    with pytest.raises(IndexError):
        demo_result.show(row=99)
    with pytest.raises(TypeError):
        demo_result.show(first, row=0)


def test_show_integer_ids_are_ids_not_positions():
    res = nf.extract(pl.DataFrame({"id": [10, 0], "text": ["Kyiv was hit.", "Lviv was calm."]}))
    assert "Lviv" in res.show(0).html  # doc_id 0 is the second row
    assert "Kyiv" in res.show(row=0).html
    with pytest.raises(KeyError):
        res.show(1)


class _Spans(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: List[Tuple[str, Dict[str, Any]]] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))


def _tags(html: str) -> List[Tuple[str, Dict[str, Any]]]:
    p = _Spans()
    p.feed(html)
    return p.tags


def test_show_tooltips_colours_and_legend(demo_result):
    for doc_id in demo_result.documents["doc_id"].to_list():
        view = demo_result.show(doc_id)
        tags = _tags(view.html)
        ents = demo_result.entities.filter(pl.col("doc_id") == doc_id)
        marks = [a for t, a in tags if t == "mark" and "nf-ent" in a.get("class", "")]
        if ents.height:
            assert marks
        for a in marks:
            label = a["data-label"]
            assert a["title"].startswith(f"label: {label}")
            assert f"background:{nf._show.LABEL_COLOURS[label]}" in a["style"]
        # every entity_id shown in a tooltip is one of the document's
        shown_ids = {line.split(": ", 1)[1] for _, a in tags for line in a.get("title", "").split("\n")
                     if line.startswith("entity_id: ")}
        assert shown_ids <= set(ents["entity_id"].drop_nulls().to_list())
        for _t, a in tags:
            if "nf-quote" in a.get("class", ""):
                assert "kind: " in a["title"]
            if a.get("class") == "nf-event":
                assert a["title"].startswith(f"type: {a['data-type']}")
        # the legend names exactly the labels highlighted
        legend = {a["data-legend-label"] for t, a in tags if a.get("class") == "nf-legend-label"}
        assert legend == {a["data-label"] for a in marks}
        events_in_legend = {a["data-legend-type"] for t, a in tags if a.get("class") == "nf-legend-event"}
        assert events_in_legend <= set(nf.EVENT_TYPES)


def test_show_event_tooltip_has_date_and_place():
    text = "KYIV, March 9 (Reuters) - Russian forces shelled Kharkiv on Tuesday, killing three people."
    res = nf.extract(pl.DataFrame({"text": [text], "published": ["2022-03-09"]}))
    view = res.show(0).html
    ev = res.events
    assert ev.height >= 1
    row = ev.row(0, named=True)
    titles = [html_lib.unescape(a.get("title", "")) for _, a in _tags(view)]
    want = [f"type: {row['type']}"] + ([f"date: {row['date']}"] if row["date"] else []) + (
        [f"location: {row['location']}"] if row["location"] else [])
    assert any(all(w in t for w in want) for t in titles), (want, titles)


# ------------------------------------------------------------------ doctests
def _package_modules() -> List[str]:
    names = ["newsframe"] + [
        f"newsframe.{m.name}" for m in pkgutil.iter_modules(nf.__path__) if m.name not in ("_native",)
    ]
    return names


def _docstring_tests() -> List[Any]:
    finder = doctest.DocTestFinder(exclude_empty=True)
    out = []
    for name in _package_modules():
        module = importlib.import_module(name)
        for test in finder.find(module, name):
            if test.examples and test.name.split(".")[0] == "newsframe":
                out.append(pytest.param(test, id=test.name))
    return out


def test_no_docstring_example_is_skipped():
    root = Path(nf.__file__).parent
    for f in root.glob("*.py"):
        assert "doctest: +SKIP" not in f.read_text(encoding="utf-8"), f


def test_the_package_has_docstring_examples():
    names = {p.values[0].name for p in _docstring_tests()}
    for must in ("newsframe.extract", "newsframe._extraction.Extraction.show", "newsframe.extract_arrow",
                 "newsframe._extraction.Extraction.write_geojson", "newsframe._extraction.Extraction.to_pandas"):
        assert must in names, must


@pytest.mark.parametrize("test", _docstring_tests())
def test_docstring_example_runs(test, tmp_path, monkeypatch):
    needs = {"pandas": "pandas", "pd.": "pandas", "pyarrow": "pyarrow", "pa.": "pyarrow", "nf.plot": "altair",
             "to_pandas": "pandas"}
    source = "".join(e.source for e in test.examples)
    for marker, module in needs.items():
        if marker in source:
            pytest.importorskip(module)
    if "to_pandas" in source:
        pytest.importorskip("pyarrow")
    monkeypatch.chdir(tmp_path)  # examples that write files write here
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE)
    out: List[str] = []
    test.globs = dict(test.globs)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        result = runner.run(test, out=out.append)
    assert result.failed == 0, "".join(out)


# ------------------------------------------------------------------ a real browser
def _chromium() -> str:
    for name in ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable"):
        path = shutil.which(name)
        if path:
            return path
    pytest.skip("no Chromium on PATH (apt-get install chromium)")


# Errors of the page's scripts, and of loading it, are written into the page so that
# --dump-dom shows them; the page also records that its last script ran.
_PROBE = """<script>
window.__nf_errors = [];
window.addEventListener('error', function (e) { window.__nf_errors.push(String(e.message || e)); }, true);
window.addEventListener('unhandledrejection', function (e) { window.__nf_errors.push('rejection: ' + e.reason); });
</script>"""
_REPORT = """<script>
document.body.setAttribute('data-nf-errors', JSON.stringify(window.__nf_errors));
document.body.setAttribute('data-nf-done', '1');
</script>"""


def _browser(chromium: str, page: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [chromium, "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
         "--no-first-run", "--hide-scrollbars", f"--user-data-dir={page.parent / 'profile'}", *args,
         page.as_uri()],
        capture_output=True, text=True, timeout=120,
    )


def _page(tmp_path: Path, body: str, name: str) -> Path:
    page = tmp_path / name
    page.write_text(
        f"<!DOCTYPE html><html><head><meta charset='utf-8'>{_PROBE}</head><body>{body}{_REPORT}</body></html>",
        encoding="utf-8",
    )
    return page


def _errors_in(dom: str) -> List[str]:
    m = re.search(r'data-nf-errors="([^"]*)"', dom)
    assert m and 'data-nf-done="1"' in dom, "the page's scripts did not run:\n" + dom[:2000]
    import json

    return json.loads(html_lib.unescape(m.group(1)))


def test_show_renders_in_headless_chromium(tmp_path, demo_result):
    chromium = _chromium()
    body = demo_result.show("kyiv-blackout").html + demo_result._repr_html_()
    page = _page(tmp_path, body, "show.html")
    shot = tmp_path / "show.png"
    p = _browser(chromium, page, f"--screenshot={shot}", "--window-size=1200,900")
    assert p.returncode == 0, p.stderr[-2000:]
    assert shot.exists() and shot.stat().st_size > 20_000, "screenshot missing or blank"
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    dom = _browser(chromium, page, "--dump-dom").stdout
    assert _errors_in(dom) == []
    assert "nf-legend" in dom and "kyiv-blackout" in dom
    # the probe does catch errors: a page that throws reports it
    bad = _page(tmp_path, demo_result.show(0).html + "<script>undefinedFunction()</script>", "bad.html")
    assert any("undefinedFunction" in e for e in _errors_in(_browser(chromium, bad, "--dump-dom").stdout))
    # a blank page gives a much smaller screenshot than the rendered document
    blank = _page(tmp_path, "", "blank.html")
    blank_shot = tmp_path / "blank.png"
    _browser(chromium, blank, f"--screenshot={blank_shot}", "--window-size=1200,900")
    assert blank_shot.stat().st_size * 3 < shot.stat().st_size


def test_chromium_probe_is_skipped_cleanly_without_a_browser(monkeypatch):
    monkeypatch.setattr(shutil, "which", lambda name: None)
    with pytest.raises(pytest.skip.Exception):
        _chromium()
