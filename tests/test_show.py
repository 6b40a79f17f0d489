"""show(): nesting of quotes, entities and triggers, with hand-built tables (no extraction)."""

from __future__ import annotations

import re
from typing import Any, Dict, List

import newsframe as nf
import polars as pl
from schemas import expected
from test_api import _check_html

TEXT = "“Russians shelled Kyiv again,” Mayor Ivan Petrenko said.\nA <b>second</b> line & more."


def _frame(rows: List[Dict[str, Any]], table: str) -> pl.DataFrame:
    schema = expected(table)
    return pl.DataFrame([{k: r.get(k) for k in schema} for r in rows], schema=schema, orient="row") if rows else pl.DataFrame(schema=schema)


def _span(text: str, s: str) -> Dict[str, int]:
    i = text.index(s)
    return {"start": i, "end": i + len(s)}


def _extraction() -> nf.Extraction:
    q = _span(TEXT, "Russians shelled Kyiv again,")
    ents = [
        dict(doc_id=0, text="Russians", label="NORP", **_span(TEXT, "Russians")),
        dict(doc_id=0, text="Kyiv", label="GPE", canonical="Kyiv", **_span(TEXT, "Kyiv")),
        dict(doc_id=0, text="Ivan Petrenko", label="PERSON", **_span(TEXT, "Ivan Petrenko")),
        # overlapping entity (crosses the quote end): must not break the HTML
        dict(doc_id=0, text="again,” Mayor", label="ORG", **_span(TEXT, "again,” Mayor")),
    ]
    quotes = [dict(doc_id=0, quote_id=0, text=TEXT[q["start"]:q["end"]], kind="direct",
                   speaker="Ivan Petrenko", cue="say", **q)]
    events = [
        dict(doc_id=0, event_id=0, trigger="shelled", type="ASSAULT", **_span(TEXT, "shelled")),
        # a trigger overlapping an entity: the entity wins, the type is put after it
        dict(doc_id=0, event_id=1, trigger="Kyiv", type="DESTROY", **_span(TEXT, "Kyiv")),
    ]
    docs = pl.DataFrame(
        {"doc_id": [0], "title": ["T"], "published": [None], "language": ["en"], "n_chars": [len(TEXT)], "n_sentences": [2],
         "n_entities": [4], "n_quotes": [1], "n_events": [2], "warnings": [[]]},
        schema=expected("documents"),
    )
    return nf.Extraction(docs, _frame(ents, "entities"), _frame(quotes, "quotes"), _frame(events, "events"),
                         texts=pl.Series("text", [TEXT]))


def test_show_nesting_and_escaping():
    view = _extraction().show(0)
    html = view.html
    p = _check_html(html)
    # the visible text minus the inserted labels is the original text
    visible = "".join(p.data)
    for word in ("Russians", "shelled", "Kyiv", "Ivan Petrenko", "second", "& more"):
        assert word in visible
    assert "<b>" not in html and "&lt;b&gt;" in html
    assert "<br>" in html
    # quote opens before the entity inside it
    assert html.index("nf-quote") < html.index('data-label="NORP"')
    # trigger overlapping the Kyiv entity: no separate trigger span on Kyiv, but its type is shown
    assert "DESTROY" in html
    assert len(re.findall(r'data-type="ASSAULT"', html)) == 1
    assert "Ivan Petrenko" in html
    txt = str(view)
    assert "[Kyiv|GPE|DESTROY]" in txt
    assert "<<shelled|ASSAULT>>" in txt
    assert "{Ivan Petrenko}" in txt


def test_show_default_and_missing():
    ex = _extraction()
    assert ex.show().html == ex.show(0).html
    try:
        ex.show(99)
    except KeyError:
        pass
    else:  # pragma: no cover
        raise AssertionError("expected KeyError")


def test_summary_and_tables():
    ex = _extraction()
    s = ex.summary()
    assert set(s) == {"labels", "quote_kinds", "event_types", "warnings"}
    assert dict(zip(s["event_types"]["type"], s["event_types"]["count"])) == {"ASSAULT": 1, "DESTROY": 1}
    assert list(ex.tables()) == ["documents", "entities", "quotes", "events"]
    assert ex.with_text().columns[:2] == ["doc_id", "text"]
