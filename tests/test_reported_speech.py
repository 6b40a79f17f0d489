"""Reported speech the quotes table attributes (issue 16, round 6): a poll's share of a
group as the speaker, a relative pronoun as the subject of the report, an accusation's
charge, a bare answer, and an attribution set off by commas after an opening clause.
Sentences written for these tests."""

from __future__ import annotations

import newsframe as nf
import polars as pl
import pytest

CASES = [
    ("About 38 percent of renters said they would move if rents rose again.",
     "they would move if rents rose again", "About 38 percent of renters"),
    ("Some of the drivers say the new road is slower.", "the new road is slower", "Some of the drivers"),
    ("The appeal was filed by the county council, which argued that the new road would split the village.",
     "the new road would split the village", "the county council"),
    ("The union accused the owners of greed.", "the owners of greed", "The union"),
    ("Asked whether the ferry should run at night, 58 percent of residents said yes.",
     "yes", "58 percent of residents"),
    ("If the rains fail again, the growers warn, the orchards will be lost by autumn.",
     "the orchards will be lost by autumn", "the growers"),
]


@pytest.mark.parametrize("text,content,speaker", CASES)
def test_reported_speech_is_attributed(text: str, content: str, speaker: str) -> None:
    q = nf.quotes(pl.DataFrame({"id": ["a"], "text": [text]}))
    assert q.height == 1, q
    row = q.row(0, named=True)
    assert row["text"] == content
    assert row["speaker"] == speaker
    assert str(row["kind"]) == "indirect"


def test_a_relative_inside_the_content_is_still_no_report() -> None:
    q = nf.quotes(pl.DataFrame({"id": ["a"], "text": ["The levy, which critics say is far too high, passed on Monday."]}))
    assert q.height == 0, q
