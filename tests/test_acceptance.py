"""The issue's acceptance criteria, one test each."""

from __future__ import annotations

import datetime as dt
import warnings

import newsframe as nf
import polars as pl
import pytest
from schemas import TABLES, assert_schemas
from test_offsets import offset_problems

IZIUM = "On Tuesday, shelling of Izium killed at least 5 civilians and wounded 12, the regional governor said."


def _show(df: pl.DataFrame) -> str:
    """Rows as dicts of their non-null fields (readable in a failure message)."""
    rows = [{k: v for k, v in r.items() if v is not None} for r in df.head(60).iter_rows(named=True)]
    return f"{df.height} rows:\n" + "\n".join(map(str, rows))


# 1. offsets ------------------------------------------------------------------------------
def test_offsets_exact_on_demo(demo_result):
    """For every row of every table on the demo set, text[start:end] equals the row's text;
    speaker and trigger offsets likewise."""
    problems = offset_problems(demo_result)
    assert not problems, "\n".join(problems[:30])


# 2. the Izium event ----------------------------------------------------------------------
@pytest.fixture(scope="module")
def izium(demo_result):
    docs = nf.load_demo()
    (i,) = [k for k, t in enumerate(docs["text"].to_list()) if IZIUM in t]
    row = docs.row(i, named=True)
    assert row["published"] == dt.date(2022, 9, 13)
    start = row["text"].index(IZIUM)
    return row, start, start + len(IZIUM)


def test_izium_event(demo_result, izium):
    row, s0, s1 = izium
    ev = demo_result.events.filter(
        (pl.col("doc_id") == row["id"]) & (pl.col("start") >= s0) & (pl.col("end") <= s1)
    )
    ok = ev.filter(
        pl.col("type").cast(pl.String).is_in(["ASSAULT", "CASUALTIES"])
        & pl.col("location").str.contains("Izium")
        & (pl.col("country") == "UA")
        & pl.col("lat").is_not_null()
        & pl.col("lon").is_not_null()
        & (pl.col("date") == dt.date(2022, 9, 13))
        & (pl.col("killed") == 5)
        & (pl.col("injured") == 12)
        & pl.col("source").str.to_lowercase().str.contains("governor")
    )
    assert ok.height >= 1, "no event satisfies all conditions; events in that sentence:\n" + _show(ev)


def test_izium_event_standalone():
    df = pl.DataFrame({"text": [IZIUM], "published": [dt.date(2022, 9, 13)]})
    ev = nf.extract(df).events
    ok = ev.filter(
        pl.col("type").cast(pl.String).is_in(["ASSAULT", "CASUALTIES"])
        & pl.col("location").str.contains("Izium")
        & (pl.col("date") == dt.date(2022, 9, 13))
        & (pl.col("killed") == 5)
        & (pl.col("injured") == 12)
    )
    assert ok.height >= 1, _show(ev)


def test_late_on_thursday_resolves(demo_result, izium):
    row, _, _ = izium
    text = row["text"]
    assert "Late on Thursday" in text
    pos = text.index("Late on Thursday")
    ents = demo_result.entities.filter(
        (pl.col("doc_id") == row["id"]) & (pl.col("label") == "DATE") & (pl.col("start") >= pos) & (pl.col("start") < pos + 40)
    )
    evs = demo_result.events.filter((pl.col("doc_id") == row["id"]) & (pl.col("date") == dt.date(2022, 9, 8)))
    assert "2022-09-08" in ents["value"].to_list() or evs.height >= 1, _show(ents) + "\n" + _show(evs)


# 3. quotes -------------------------------------------------------------------------------
def _direct(quotes: pl.DataFrame) -> pl.DataFrame:
    return quotes.filter(pl.col("kind").cast(pl.String) == "direct")


def test_direct_quote_minister():
    text = "“We will not give up a single village,” the minister said."
    q = _direct(nf.extract(text).quotes)
    assert q.height == 1, _show(q)
    r = q.row(0, named=True)
    assert r["text"] in ("We will not give up a single village,", "We will not give up a single village")
    assert r["speaker"] is not None and "minister" in r["speaker"].lower(), r
    assert r["cue"] == "say", r


def test_direct_quote_minister_in_demo(demo_result):
    q = _direct(demo_result.quotes).filter(pl.col("text").str.starts_with("We will not give up a single village"))
    assert q.height == 1, _show(demo_result.quotes)
    r = q.row(0, named=True)
    who = " ".join(x for x in (r["speaker"], r["speaker_canonical"]) if x)
    assert "minister" in who.lower() or "Hrytsenko" in who, r
    assert r["cue"] == "say"


def test_single_quotes_with_apostrophe():
    text = "'I don't want to negotiate,' he said."
    q = nf.extract(text).quotes
    assert q.height == 1, _show(q)
    r = q.row(0, named=True)
    assert r["kind"] == "direct"
    assert r["text"] in ("I don't want to negotiate,", "I don't want to negotiate"), r
    assert r["cue"] == "say"


def test_single_quotes_with_apostrophes_in_demo(demo_result):
    q = demo_result.quotes.filter(pl.col("doc_id") == "hrytsenko-talks")
    texts = q["text"].to_list()
    assert any(t in ("I don't want to negotiate,", "I don't want to negotiate") for t in texts), texts
    assert not any(t in ("I don", "t want to negotiate,") for t in texts), texts


# 4. coreference / canonical names ----------------------------------------------------------
COREF = (
    "President Volodymyr Zelensky travelled to Kiev on Monday. "
    "Zelensky met soldiers in the capital, and Zelenskiy later said Kyiv would never fall. "
    "Defence Minister Oleksandr Hrytsenko joined him. Hrytsenko said more air defence was coming."
)


def test_zelensky_variants_share_identity():
    ents = nf.extract(COREF).entities
    z = ents.filter(pl.col("text").is_in(["Volodymyr Zelensky", "Zelensky", "Zelenskiy"]))
    assert set(z["text"].to_list()) == {"Volodymyr Zelensky", "Zelensky", "Zelenskiy"}, _show(ents)
    assert z["canonical"].null_count() == 0 and z["canonical"].n_unique() == 1, _show(z)
    assert z["entity_id"].null_count() == 0 and z["entity_id"].n_unique() == 1, _show(z)
    assert set(z["label"].cast(pl.String).to_list()) == {"PERSON"}


def test_kiev_kyiv_share_identity():
    ents = nf.extract(COREF).entities
    k = ents.filter(pl.col("text").is_in(["Kiev", "Kyiv"]))
    assert set(k["text"].to_list()) == {"Kiev", "Kyiv"}, _show(ents)
    assert k["canonical"].n_unique() == 1 and k["canonical"][0] == "Kyiv", _show(k)
    assert k["entity_id"].null_count() == 0 and k["entity_id"].n_unique() == 1, _show(k)


def test_surname_resolves_to_full_name():
    ents = nf.extract(COREF).entities
    h = ents.filter(pl.col("text").str.contains("Hrytsenko"))
    assert h.height >= 2, _show(ents)
    surname = h.filter(pl.col("text") == "Hrytsenko")
    assert surname.height == 1, _show(h)
    assert surname["canonical"][0] == "Oleksandr Hrytsenko", _show(h)
    assert h["entity_id"].n_unique() == 1, _show(h)


def test_variants_in_demo(demo_result):
    ents = demo_result.entities.filter(pl.col("doc_id") == "kyiv-blackout")
    z = ents.filter(pl.col("text").str.contains("Zelensk"))
    assert z.height >= 3 and z["entity_id"].n_unique() == 1, _show(z)
    k = ents.filter(pl.col("text").is_in(["Kiev", "Kyiv"]))
    assert set(k["text"].to_list()) == {"Kiev", "Kyiv"} and k["entity_id"].n_unique() == 1, _show(k)


# 5. empty input --------------------------------------------------------------------------
def test_empty_list_keeps_dtypes():
    res = nf.extract([])
    for t in TABLES:
        assert getattr(res, t).height == 0
    assert_schemas(res)


# 6. bad input ----------------------------------------------------------------------------
def test_bad_input_errors_name_the_column():
    with pytest.raises(ValueError, match="text"):
        nf.extract(pl.DataFrame({"body": ["x"]}))
    with pytest.raises(TypeError, match="text"):
        nf.extract(pl.DataFrame({"text": [1]}))
    with pytest.raises(ValueError, match="published"):
        nf.extract(pl.DataFrame({"text": ["x"], "published": ["yesterday"]}), errors="raise")
    with pytest.raises(TypeError):
        nf.extract({"text": "x"})


def test_bad_texts_get_rows_with_warnings():
    texts = [None, "", " \n\t ", "Kyiv.", "\x00\x01\x02" * 500]
    with warnings.catch_warnings(record=True) as rec:
        warnings.simplefilter("always")
        res = nf.extract(texts)
    assert any(issubclass(w.category, UserWarning) for w in rec)
    d = res.documents
    assert d.height == len(texts)
    assert d["doc_id"].to_list() == list(range(len(texts)))
    for i in (0, 1, 2, 4):
        assert len(d["warnings"][i]) > 0, (i, d["warnings"][i])


def test_no_panic_reaches_python():
    texts = [
        "“" * 1000,
        "'" * 999 + "said",
        "«»‹›„‟" * 300,
        "\u0000",
        "said said said according to according to",
        "a" * 100_000,
        ".\n" * 5000,
        "“Unclosed quote, he said.\n\n“Another unclosed.\n\n“And again",
        "\ud7ff\ue000\uffff",
        "𝐀" * 10_000,
    ]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        res = nf.extract(texts)
    assert res.documents.height == len(texts)
    assert not offset_problems(res)
