"""No document can take a batch down: isolation, hostile input, properties, concurrency.

The Hypothesis properties run with the ``ci`` profile by default (a few hundred examples);
``HYPOTHESIS_PROFILE=full python -m pytest -m fuzz tests`` runs 2,000 examples each.
"""

from __future__ import annotations

import os
import random
import threading
from typing import Any, List, Optional

import newsframe as nf
import polars as pl
import pytest
from newsframe.__main__ import main

hypothesis = pytest.importorskip("hypothesis")
from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

settings.register_profile("ci", max_examples=300, deadline=None, suppress_health_check=list(HealthCheck))
settings.register_profile("full", max_examples=2000, deadline=None, suppress_health_check=list(HealthCheck))
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))

SPAN_TABLES = {"entities": "text", "quotes": "text", "events": "trigger"}


def check_offsets(texts: List[Optional[str]], res: Any) -> None:
    """Every span slices its document's text exactly, on code points, and is not empty."""
    assert res.documents.height == len(texts)
    assert res.documents["doc_id"].to_list() == list(range(len(texts)))
    for table, column in SPAN_TABLES.items():
        df = getattr(res, table)
        for doc_id, start, end, value in df.select("doc_id", "start", "end", column).iter_rows():
            text = texts[doc_id]
            assert text is not None
            assert 0 <= start < end <= len(text), (table, start, end, len(text))
            assert text[start:end] == value, (table, text[start:end], value)
    for doc_id, s, e in res.quotes.select("doc_id", "speaker_start", "speaker_end").iter_rows():
        if s is not None and e is not None and e > s:
            assert 0 <= s < e <= len(texts[doc_id])


# ------------------------------------------------------------------ isolation
def test_one_failing_document_in_a_thousand_costs_one_row() -> None:
    texts = [f"Drones struck Odesa on day {i}, the regional governor said." for i in range(1000)]
    ex = nf.Extractor()
    ex._fail_on_doc = 386  # test hook: this document fails inside the core
    with pytest.warns(UserWarning, match=r"internal-error: 1"):
        res = ex.extract(texts)
    docs = res.documents
    assert docs.height == 1000
    warned = docs.filter(pl.col("warnings").list.eval(pl.element().str.starts_with("internal-error:")).list.any())
    assert warned["doc_id"].to_list() == [386]
    assert "injected failure" in warned["warnings"][0][0]
    assert warned["n_entities"][0] == 0 and warned["n_chars"][0] == len(texts[386])
    assert 386 not in res.entities["doc_id"].to_list() + res.events["doc_id"].to_list()
    assert res.entities["doc_id"].n_unique() == 999
    assert res.events["doc_id"].n_unique() == 999

    strict = nf.Extractor(errors="raise")
    strict._fail_on_doc = 386
    with pytest.raises(nf.DocumentError) as info:
        strict.extract(pl.DataFrame({"id": [f"doc-{i}" for i in range(1000)], "text": texts}))
    assert (info.value.index, info.value.doc_id) == (386, "doc-386")
    assert "injected failure" in info.value.message


def test_errors_and_max_chars_are_checked() -> None:
    with pytest.raises(ValueError, match="errors"):
        nf.Extractor(errors="ignore")
    with pytest.raises(ValueError, match="max_chars"):
        nf.Extractor(max_chars=0)


def test_max_chars_cuts_and_n_chars_is_the_length_given() -> None:
    text = "Shelling hit Kharkiv on Monday. " * 10
    with pytest.warns(UserWarning, match="truncated"):
        res = nf.extract([text], max_chars=40)
    assert res.documents["n_chars"][0] == len(text)
    assert any(w.startswith("truncated: ") for w in res.documents["warnings"][0])
    assert res.entities["end"].max() <= 40


# ------------------------------------------------------------------ odd values
def test_texts_that_are_file_paths_are_flagged(tmp_path: Any) -> None:
    path = tmp_path / "story.txt"
    path.write_text("Drones hit Kyiv.")
    with pytest.warns(UserWarning, match="file-path: 1"):
        res = nf.extract([str(path), "Drones hit Kyiv.", str(tmp_path / "missing.txt")])
    warns = res.documents["warnings"].to_list()
    assert warns[0][0].startswith("file-path: ")
    assert not any(w.startswith("file-path") for w in warns[1] + warns[2])


def test_lone_surrogates_are_replaced_with_offsets_kept() -> None:
    texts = ["Shelling \ud83d hit Kharkiv, officials said.", "\udfff", "Fine text about Kyiv."]
    res = nf.extract(texts)
    assert res.documents.height == 3
    assert res.documents["warnings"][0][0].startswith("surrogates: 1")
    kharkiv = res.entities.filter(pl.col("text") == "Kharkiv")
    assert kharkiv["start"][0] == texts[0].index("Kharkiv")
    single = nf.extract(texts[0])  # a lone str takes the same path
    assert single.documents["warnings"][0][0].startswith("surrogates: 1")


def test_languages_and_markup_are_reported() -> None:
    texts = [
        "Росія вчергове атакувала енергетичну інфраструктуру, повідомили у міністерстві енергетики.",
        "Les forces russes ont de nouveau frappé des infrastructures énergétiques dans la région, selon le ministère.",
        "<p>Russian forces again struck power plants, the &ldquo;ministry&rdquo; said.</p>",
        "Russian forces again struck power plants in the region, the energy ministry said on Monday.",
    ]
    res = nf.extract(texts)
    docs = res.documents
    assert docs["language"].to_list()[0] == "uk"
    assert docs["language"].to_list()[1] == "fr"
    assert docs["language"].to_list()[3] == "en"
    warns = docs["warnings"].to_list()
    assert "not-english: uk" in warns[0] and "not-english: fr" in warns[1]
    assert any(w.startswith("html: ") for w in warns[2])
    assert not any(w.startswith(("html", "not-english")) for w in warns[3])


def test_every_warning_code_is_documented() -> None:
    res = nf.extract(["", None, "\x00\x01\x02\x03", "x" * 50, "Paris est une ville.", "<b>a</b><i>b</i>"], max_chars=10)
    for ws in res.documents["warnings"].to_list():
        for w in ws:
            code = w.split(":", 1)[0]
            assert code in nf.WARNING_CODES, w
            assert w.startswith(code + ": ") and len(w) > len(code) + 2, w


def test_hostile_batch_runs_at_one_and_two_threads() -> None:
    """3,000 random documents of hostile shapes, a NUL-laden text and a 20 MB text."""
    rng = random.Random(20221)
    pieces = ["Kharkiv", "Some-Town", "said", "“", "”", '"', "'", "Gen.", "U.S.", "-", "(", "12", "1,000",
              "\u202e", "\u200b", "\u0301", "\x00", "\x07", "🇺🇦", "日本", "مرحبا", "\n", "\n\n", ".", "Олег"]

    def hostile() -> str:
        kind = rng.random()
        if kind < 0.05:
            return "".join(chr(rng.randrange(0x20, 0x10FFFF)) for _ in range(rng.randrange(50)))
        if kind < 0.07:
            return "“" * rng.randrange(1000, 3000)
        return " ".join(rng.choice(pieces) for _ in range(rng.randrange(40)))

    texts: List[Optional[str]] = [hostile() for _ in range(3000)]
    texts = [t.replace("\ud800", "") if t else t for t in texts]
    texts[7] = None
    texts[8] = "\x00" * 100 + "Kyiv was shelled." + "\x00" * 100
    one = nf.Extractor(threads=1).extract(texts)
    two = nf.Extractor(threads=2).extract(texts)
    check_offsets(texts, two)
    for name in ("documents", "entities", "quotes", "events"):
        assert getattr(one, name).equals(getattr(two, name)), name
    failed = two.documents.filter(pl.col("warnings").list.eval(pl.element().str.starts_with("internal-error")).list.any())
    assert failed.height == 0, failed["warnings"].to_list()

    # A 20 MB text is read and cut (the limit is lowered to keep the test quick).
    big = ("Shelling hit Kharkiv, the governor said. " * 500_000)[:20_000_000]
    res = nf.extract([big, "Kyiv."], max_chars=100_000)
    assert res.documents["n_chars"].to_list() == [20_000_000, 5]
    assert res.entities.filter(pl.col("doc_id") == 0)["end"].max() <= 100_000
    assert any(w.startswith("truncated: ") for w in res.documents["warnings"][0])


def test_non_string_values_are_type_errors_naming_the_element() -> None:
    for bad in ([b"bytes"], ["ok", 3], ["ok", 1.5], [object()]):
        with pytest.raises(TypeError, match=r"element \d"):
            nf.extract(bad)


# ------------------------------------------------------------------ files and the CLI
def test_malformed_jsonl_lines_are_named(tmp_path: Any) -> None:
    path = tmp_path / "feed.jsonl"
    path.write_text('{"id": "a", "text": "Drones hit Kyiv."}\n{"id": "b", "text": "unterminated\n[1, 2]\n{"id": "c", "text": "Shelling in Sumy."}\n')
    with pytest.warns(UserWarning, match=r"feed.jsonl:2: malformed JSON"):
        df = nf.read_articles(path)
    assert df["id"].to_list() == ["a", "c"]
    with pytest.raises(ValueError, match=r"feed.jsonl:2: malformed JSON"):
        nf.read_articles(path, errors="raise")


def test_cli_reports_failures_and_is_strict_only_when_asked(tmp_path: Any, capsys: Any) -> None:
    path = tmp_path / "feed.jsonl"
    path.write_text('{"id": "a", "text": "Drones hit Kyiv."}\nnot json\n')
    out = tmp_path / "out"
    assert main(["extract", str(path), "-o", str(out), "--no-progress"]) == 0
    err = capsys.readouterr().err
    assert "feed.jsonl:2: malformed JSON" in err
    assert "0 documents failed" in err and "1 malformed input lines skipped" in err
    assert main(["extract", str(path), "-o", str(out), "--no-progress", "--strict"]) == 3
    assert pl.read_parquet(out / "documents.parquet").height == 1


# ------------------------------------------------------------------ concurrency
def test_threads_calling_extract_at_once_get_correct_results(corpus200: List[str]) -> None:
    expected = nf.extract(corpus200)
    results: List[Any] = [None] * 4
    errors: List[BaseException] = []

    def work(k: int) -> None:
        try:
            results[k] = nf.Extractor(threads=2).extract(corpus200)
        except BaseException as exc:  # noqa: BLE001 - reported below
            errors.append(exc)

    threads = [threading.Thread(target=work, args=(k,)) for k in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=300)
    assert not errors, errors
    for r in results:
        for name in ("documents", "entities", "quotes", "events"):
            assert getattr(r, name).equals(getattr(expected, name)), name


# ------------------------------------------------------------------ properties
NEWS_PIECES = st.sampled_from([
    "Kharkiv", "Some-Town", "Nova-Kakhovka", "Bila Hora", "Zelenskiy", "said", "told reporters", "killed",
    "wounded", "the governor", "on Thursday", "this Friday (25)", "12", "1,000", "No. 6", "Gen.", "U.S.",
    "“", "”", '"', "'", "«", "»", "-", "—", "(", ")", ".", ",", "\n", "\n\n", "KYIV, March 9 (Reuters) -",
])
UNICODE = st.text(alphabet=st.characters(exclude_categories=("Cs",)), max_size=60)
DOCUMENT = st.one_of(
    st.lists(st.one_of(NEWS_PIECES, UNICODE), max_size=40).map(" ".join),
    st.lists(NEWS_PIECES, max_size=30).map("".join),
    UNICODE,
)


@pytest.mark.fuzz
@given(st.lists(st.one_of(DOCUMENT, st.none()), min_size=1, max_size=4))
def test_property_rows_and_offsets(texts: List[Optional[str]]) -> None:
    res = nf.Extractor(threads=1).extract(texts)
    check_offsets(texts, res)
    assert not any(
        w.startswith("internal-error") for ws in res.documents["warnings"].to_list() for w in ws
    )


@pytest.mark.fuzz
@given(st.lists(DOCUMENT, min_size=2, max_size=6))
def test_property_same_output_for_one_and_two_threads(texts: List[str]) -> None:
    one = nf.Extractor(threads=1).extract(texts)
    two = nf.Extractor(threads=2).extract(texts)
    for name in ("documents", "entities", "quotes", "events"):
        assert getattr(one, name).equals(getattr(two, name)), name
