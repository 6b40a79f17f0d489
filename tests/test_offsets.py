"""Offsets are code points into the original text: ``text[start:end]`` is the span."""

from __future__ import annotations

from typing import Any, Dict, List

import newsframe as nf
import polars as pl
import pytest

PRONOUNS = {"he", "she", "they", "it", "we", "i", "him", "her", "them", "his", "its", "their"}

SPAN_COLUMNS = {
    "entities": [("start", "end", "text")],
    "quotes": [("start", "end", "text")],
    "events": [("start", "end", "trigger")],
}


def offset_problems(result: Any) -> List[str]:
    """All offset mismatches in an Extraction (empty list: all exact)."""
    texts: Dict[Any, str] = dict(zip(result.documents["doc_id"].to_list(), result.texts.to_list()))
    problems: List[str] = []
    for table, spans in SPAN_COLUMNS.items():
        df: pl.DataFrame = getattr(result, table)
        for row in df.iter_rows(named=True):
            text = texts[row["doc_id"]] or ""
            for s, e, col in spans:
                start, end = row[s], row[e]
                if start is None or end is None or not (0 <= start <= end <= len(text)):
                    problems.append(f"{table} {row['doc_id']}: bad offsets {start}..{end} (len {len(text)})")
                elif text[start:end] != row[col]:
                    problems.append(
                        f"{table} {row['doc_id']} [{start}:{end}]: {text[start:end]!r} != {col} {row[col]!r}"
                    )
    for row in result.quotes.iter_rows(named=True):
        text = texts[row["doc_id"]] or ""
        s, e = row["speaker_start"], row["speaker_end"]
        if s is None and e is None:
            continue
        if s is None or e is None or not (0 <= s < e <= len(text)):
            problems.append(f"quotes {row['doc_id']}: bad speaker offsets {s}..{e}")
            continue
        surface = text[s:e]
        if surface != row["speaker"] and surface.lower() not in PRONOUNS:
            problems.append(
                f"quotes {row['doc_id']} speaker [{s}:{e}]: {surface!r} is neither speaker "
                f"{row['speaker']!r} nor a pronoun"
            )
    return problems


def test_demo_offsets(demo_result):
    assert demo_result.entities.height and demo_result.quotes.height and demo_result.events.height
    problems = offset_problems(demo_result)
    assert not problems, "\n".join(problems[:30])


def test_demo_quotes_have_speaker_offsets(demo_result):
    q = demo_result.quotes
    with_speaker = q.filter(pl.col("speaker").is_not_null())
    assert with_speaker.height > 0
    assert with_speaker["speaker_start"].null_count() == 0


def test_sentence_index_is_monotonic(demo_result):
    for table in ("entities", "quotes", "events"):
        df = getattr(demo_result, table)
        for _, g in df.group_by("doc_id"):
            g = g.sort("start")
            assert g["sentence"].to_list() == sorted(g["sentence"].to_list()), table


TRICKY = [
    "🇺🇦🔥 Russian missiles hit Kyiv on Monday, killing 2 people, officials said. 👍🏽",
    "Presid\u0065\u0301nt Zelensky\u00a0visited Kharkiv — and “We will win,” he said.",
    "Shelling hit Izium overnight.\r\nTwo people were killed, the governor said.\r\n\r\n“We need help,” the mayor said.",
    "Ukrainian forces \u2014 backed by 𝐀𝐈-guided drones \U0001F681 \u2014 recaptured Lyman on Saturday.",
    "\ufeffKyiv\u2009–\u2009Odesa: «Nothing will break us», President Zelensky said.",
    "Zürich talks: Défense minister Hélène Marchetti met Olaf in Kyiv. ‘We are close,’ she said.",
    "\t  Kyiv   \n\n\n   Missiles struck Lviv   \u00a0\u00a0 on Friday.   ",
]


@pytest.mark.parametrize("text", TRICKY, ids=[f"tricky{i}" for i in range(len(TRICKY))])
def test_tricky_texts_offsets(text):
    res = nf.extract(text)
    problems = offset_problems(res)
    assert not problems, "\n".join(problems)


def test_non_bmp_prefix_shifts_offsets_by_code_points():
    gaz = {"Blorvania": "GPE"}
    ex = nf.Extractor(gazetteer=gaz)
    base = "Troops from Blorvania crossed the river."
    for prefix in ("", "🇺🇦 ", "e\u0301\u0301 ", "𝐀𝐁𝐂 ", "\r\n\r\n", "\u00a0\u2014 "):
        text = prefix + base
        ents = ex.extract(text).entities.filter(pl.col("text") == "Blorvania")
        assert ents.height == 1, (prefix, ents)
        assert ents["start"][0] == text.index("Blorvania"), prefix
        assert ents["end"][0] == text.index("Blorvania") + len("Blorvania"), prefix


def test_quote_offsets_with_curly_and_emoji():
    text = "🇺🇦 “We will not retreat from Bakhmut,” the commander said. 🙏"
    res = nf.extract(text)
    q = res.quotes
    assert q.height >= 1, q
    row = q.row(0, named=True)
    inner = "We will not retreat from Bakhmut,"
    assert row["text"] in (inner, inner.rstrip(","))
    assert row["start"] == text.index(inner)
