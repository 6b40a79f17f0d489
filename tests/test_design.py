"""Behaviours of the contract (docs/design.md) beyond the acceptance criteria (quotes, events, entities) on short texts
written for these tests."""

from __future__ import annotations


import polars as pl
import pytest

import newsframe as nf


def _rows(df: pl.DataFrame) -> str:
    return "\n".join(str({k: v for k, v in r.items() if v is not None}) for r in df.iter_rows(named=True))


def _q(text: str, **kw) -> pl.DataFrame:
    return nf.extract(text, **kw).quotes


def test_guillemets():
    q = _q("«We will rebuild every school,» the mayor told reporters.")
    assert q.filter(pl.col("text").str.starts_with("We will rebuild every school")).height == 1, _rows(q)


def test_speaker_before_with_colon():
    text = "The governor said: “Evacuation buses leave at noon.”"
    q = _q(text)
    assert q.height == 1, _rows(q)
    r = q.row(0, named=True)
    assert r["text"].startswith("Evacuation buses leave at noon")
    assert "governor" in (r["speaker"] or "").lower()


def test_speaker_inside_split_quote():
    text = "“We are ready to meet,” Hrytsenko said, “but not at any price.”"
    q = _q(text)
    assert q.height >= 1, _rows(q)
    assert set(q["speaker"].to_list()) == {"Hrytsenko"}, _rows(q)
    joined = " ".join(q.sort("start")["text"].to_list())
    assert "ready to meet" in joined and "not at any price" in joined


def test_pronoun_speaker_resolved():
    text = "Defence Minister Oleksandr Hrytsenko spoke in Kyiv on Tuesday. 'I don't want to negotiate,' he said."
    q = _q(text)
    assert q.height == 1, _rows(q)
    r = q.row(0, named=True)
    assert "Hrytsenko" in (r["speaker"] or ""), r
    assert text[r["speaker_start"]:r["speaker_end"]] == "he", r


def test_multi_paragraph_quote():
    text = (
        "The plant director described the night. “The attack started after midnight. We lost power.\n\n"
        "“Our staff stayed at their posts,” he said."
    )
    q = _q(text)
    texts = q["text"].to_list()
    assert any("The attack started after midnight" in t for t in texts), _rows(q)
    assert any("Our staff stayed at their posts" in t for t in texts), _rows(q)
    # no quote swallows the unquoted bridge between the paragraphs as if it were closed late
    assert not any("he said" in t for t in texts), _rows(q)


def test_mixed_quote_content():
    text = "The governor said that the city had been “completely liberated”."
    q = _q(text)
    assert q.height == 1, _rows(q)
    r = q.row(0, named=True)
    assert r["kind"] == "mixed"
    assert r["text"] == "the city had been “completely liberated”", r


def test_indirect_quote():
    text = "Kremlin spokesman Yuri Danilov said that Moscow would respond to the sanctions."
    q = _q(text)
    assert q.height == 1, _rows(q)
    r = q.row(0, named=True)
    assert r["kind"] == "indirect"
    assert r["text"] == "Moscow would respond to the sanctions", r
    assert "Danilov" in (r["speaker"] or "")


def test_according_to():
    text = "At least 7 people were killed in the attack, according to the State Emergency Service."
    res = nf.extract(text)
    cues = res.quotes["cue"].to_list()
    sources = res.events["source"].drop_nulls().to_list()
    assert "according to" in cues or any("Emergency Service" in s for s in sources), _rows(res.quotes) + _rows(res.events)


def test_scare_quotes_are_not_quotes():
    q = _q("The so-called “referendums” were held in four occupied regions.")
    assert q.height == 0, _rows(q)


def test_titles_as_roles():
    ents = nf.extract("Kremlin spokesman Yuri Danilov and President Volodymyr Zelensky spoke on Monday.").entities
    roles = dict(zip(ents["text"].to_list(), ents["role"].to_list()))
    assert any("spokesman" in (roles.get(k) or "") for k in roles if "Danilov" in k), _rows(ents)
    assert any("President" in (roles.get(k) or "") for k in roles if "Zelensky" in k), _rows(ents)


def test_abbreviations_do_not_split_sentences():
    text = "Mr. Zelensky met Gen. Mark Tanner of the U.S. Army at No. 6 Bankova St. on Monday. About 3.6 million people lack power."
    d = nf.extract(text).documents
    assert d["n_sentences"][0] == 2, d


@pytest.mark.parametrize(
    "published,phrase,expected",
    [
        ("2022-09-13", "on Tuesday", "2022-09-13"),
        ("2022-09-13", "yesterday", "2022-09-12"),
        ("2022-11-25", "this Friday (25)", "2022-11-25"),
    ],
)
def test_relative_dates(published, phrase, expected):
    text = f"Russian drones struck Odesa {phrase}, officials said."
    ents = nf.extract(pl.DataFrame({"text": [text], "published": [published]})).entities
    values = ents.filter(pl.col("label") == "DATE")["value"].to_list()
    assert expected in values, _rows(ents)


def test_blackout_is_disrupt():
    ev = nf.extract(pl.DataFrame({"text": ["Rolling blackouts hit Kyiv on Monday after strikes on power plants."],
                                  "published": ["2022-11-21"]})).events
    assert "DISRUPT" in ev["type"].cast(pl.String).to_list(), _rows(ev)


def test_withdrawal_and_capture():
    ev = nf.extract("Russian forces withdrew from Kherson. Ukrainian troops recaptured Snihurivka.").events
    types = set(ev["type"].cast(pl.String).to_list())
    assert {"RETREAT", "SEIZE"} <= types, _rows(ev)


def test_hedged_modality():
    ev = nf.extract("Russian forces reportedly shelled Kupiansk overnight.").events
    assert "hedged" in ev["modality"].cast(pl.String).to_list(), _rows(ev)
