"""HTML pages in: read_articles on .html files, HTML in the text column of extract, the
built-in extractor on malformed, empty, navigation-only and binary pages, and the CLI.

The pages in tests/data/html were written for this project in the shapes of real news
sites (the text is fictional); NAME.expected.json holds the main text and metadata each page
should give (bench/eval_html.py scores both extractors against them).
"""

from __future__ import annotations

import json
import subprocess
import sys
import warnings
from pathlib import Path

import newsframe as nf
import polars as pl
import pytest
from newsframe._html import decode_html, looks_like_html, parse_html

HTML_DIR = Path(__file__).parent / "data" / "html"
PAGES = sorted(p.stem for p in HTML_DIR.glob("*.html"))


def _expected(name: str) -> dict:
    return json.loads((HTML_DIR / f"{name}.expected.json").read_text(encoding="utf-8"))


def _fold(s: str) -> str:
    return " ".join(s.translate(str.maketrans({"“": '"', "”": '"', "’": "'", "—": "-", "–": "-"})).split())


def test_there_are_test_pages_in_the_shapes_the_issue_names():
    assert len(PAGES) >= 10
    for name in ("wire_jsonld", "broadsheet_og", "liveblog", "cookie_newsletter", "figures", "regional_tables",
                 "amp", "time_only", "cp1251", "br_latin1"):
        assert name in PAGES


@pytest.mark.parametrize("name", PAGES)
def test_each_page_gives_its_paragraphs_and_metadata(name):
    exp = _expected(name)
    row = nf.read_articles(HTML_DIR / f"{name}.html").row(0, named=True)
    assert row["id"] == name
    paragraphs = row["text"].split("\n\n")
    assert [_fold(p) for p in paragraphs] == [_fold(p) for p in exp["paragraphs"]]
    assert paragraphs[0] == row["title"]  # the headline is the first line
    assert (row["published"] or "")[:10] == (exp["published"] or "")
    for field in ("title", "author", "url"):
        assert row[field] == exp[field], field


def test_entities_are_decoded_and_no_markup_is_left():
    df = nf.read_articles(HTML_DIR / "*.html")
    for text in df["text"].to_list():
        assert "<" not in text and "&amp;" not in text and "&rsquo;" not in text and "&#" not in text
        assert "\u00a0" not in text
    broadsheet = df.filter(pl.col("id") == "broadsheet_og")["text"][0]
    assert "Poland & Romania" in broadsheet and "Ukraine’s agriculture ministry" in broadsheet


def test_declared_charsets_are_honoured():
    cp1251 = nf.read_articles(HTML_DIR / "cp1251.html")["text"][0]
    assert "«Львів»" in cp1251 and "“We have learned" in cp1251
    latin = nf.read_articles(HTML_DIR / "br_latin1.html")["text"][0]
    assert "Hélène Castaigné-Mérou" in latin
    assert decode_html("<meta charset='koi8-r'><p>Київ</p>".encode("koi8-u", errors="replace"))[1] == "koi8-r"
    assert decode_html(b"\xef\xbb\xbf<p>Kyiv</p>") == ("<p>Kyiv</p>", "utf-8-sig")


def test_boilerplate_stays_out():
    df = nf.read_articles(HTML_DIR / "*.html")
    everything = "\n".join(df["text"].to_list())
    for junk in ("Share on", "cookies", "Sign up", "newsletter", "Advertisement", "Most viewed", "Comments",
                 "Photograph:", "All rights reserved", "Skip to main content", "More on this story", "Read also",
                 "Tags:", "7.41am", "Surely the UN"):
        assert junk not in everything, junk


def test_offsets_index_the_extracted_text(tmp_path):
    df = nf.read_articles(HTML_DIR / "*.html")
    res = nf.extract(df)
    assert res.texts.to_list() == df["text"].to_list()
    texts = dict(zip(res.documents["doc_id"].to_list(), res.texts.to_list()))
    assert res.entities.height > 50 and res.events.height > 20
    for row in res.entities.iter_rows(named=True):
        assert texts[row["doc_id"]][row["start"]:row["end"]] == row["text"]
    for row in res.quotes.iter_rows(named=True):
        assert texts[row["doc_id"]][row["start"]:row["end"]] == row["text"]
    # page metadata passes through: the title and date are used, author and url kept
    docs = res.documents
    assert {"author", "url"} <= set(docs.columns)
    wire = docs.filter(pl.col("doc_id") == "wire_jsonld").row(0, named=True)
    assert str(wire["published"]) == "2023-03-14"
    assert wire["title"] == "Drone strike cuts power in Sumy region, officials say"
    assert not any(w.startswith("html:") for ws in docs["warnings"].to_list() for w in ws)


def test_a_page_yields_entities_and_events():
    res = nf.extract(nf.read_articles(HTML_DIR / "figures.html"))
    assert "Dnipro" in res.entities.filter(pl.col("label") == "GPE")["canonical"].to_list()
    killed = res.events["killed"].drop_nulls().to_list()
    assert 23 in killed
    assert "Anna Voronova" not in res.entities["text"].to_list()  # the photo credit is gone


def test_html_in_the_text_column_is_reduced_with_a_warning():
    page = (HTML_DIR / "wire_jsonld.html").read_text(encoding="utf-8")
    with pytest.warns(UserWarning, match="html: 1"):
        res = nf.extract(pl.DataFrame({"id": ["w", "plain"], "text": [page, "Drones hit Kyiv on Monday."]}))
    docs = res.documents
    w = docs["warnings"][0].to_list()
    assert w[0].startswith("html: markup removed") and "offsets index the extracted text" in w[0]
    assert sum(x.startswith("html:") for x in w) == 1
    assert docs["warnings"][1].to_list() == ["no-date: no publication date, so relative dates stay unresolved"]
    assert res.texts[0] == nf.html_to_text(page) == nf.read_articles(HTML_DIR / "wire_jsonld.html")["text"][0]
    assert docs["n_chars"][0] == len(res.texts[0])
    # title and date come from the page when the input has none
    assert docs["title"][0] == "Drone strike cuts power in Sumy region, officials say"
    assert str(docs["published"][0]) == "2023-03-14"
    for row in res.entities.filter(pl.col("doc_id") == "w").iter_rows(named=True):
        assert res.texts[0][row["start"]:row["end"]] == row["text"]
    assert res.with_text()["text"][0] == res.texts[0]


def test_html_keep_analyses_the_markup_as_it_is():
    frag = "<p>Russian drones hit Odesa on Monday.</p><p>Two people were hurt.</p><p>The port was closed.</p>"
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        kept = nf.extract(frag, html="keep")
        auto = nf.extract(frag)
    assert kept.texts[0] == frag
    assert any(w.startswith("html:") and "not cleaned" in w for w in kept.documents["warnings"][0])
    assert auto.texts[0] == "Russian drones hit Odesa on Monday.\n\nTwo people were hurt.\n\nThe port was closed."
    assert any(w.startswith("html: markup removed") for w in auto.documents["warnings"][0])
    with pytest.raises(ValueError, match="html must be one of"):
        nf.Extractor(html="strip")
    with pytest.warns(UserWarning, match="html: 1"):
        ents = nf.entities(frag, html="keep")
    assert all(frag[s:e] == t for s, e, t in ents.select("start", "end", "text").rows())


@pytest.mark.parametrize("text", [
    "Kyiv & Odesa: the <b>latest</b> figures.",       # one inline tag and an ampersand
    "If x < 3 and y > 2, the model fails.",           # comparison signs
    "AT&amp;T said it would restore service.",         # an entity alone
    "<p>One paragraph in a tag.</p>",                   # a single block tag
])
def test_texts_that_only_mention_markup_are_left_alone(text):
    assert not looks_like_html(text)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        res = nf.extract(text)
    assert res.texts[0] == text
    assert not any(w.startswith("html: markup removed") for w in res.documents["warnings"][0])


@pytest.mark.parametrize("html", [
    "<html><body><article><h1>Strike on Sumy<p>Two people were killed, officials said on Monday.<div>Rescuers"
    " worked through the night in the rain</article>",                          # unclosed tags
    "<p>Troops < 5 km from the town, the army said on Tuesday. <b>Shelling went on</p></b></i></div>",  # stray <, bad nesting
    "<div><p>Evacuation trains left Pokrovsk on Friday, the railway said.<<p>>More were due on Saturday.</div>",
    "<html><body>" + "<div>" * 3000 + "<p>Deep text about the shelling of Kharkiv, the mayor said.</p></body></html>",
    "<!DOCTYPE html><html><head><title>x</title></head><body><p>Unfinished &amp",
    "<html><body><p>a</p><!-- comment <p>never</p> --><![CDATA[ odd ]]><?php echo 1; ?></body></html>",
])
def test_malformed_html_never_crashes_and_keeps_its_text(html):
    text = nf.html_to_text(html)
    assert isinstance(text, str) and "<p" not in text and "</" not in text
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        res = nf.extract(html)
    assert res.documents.height == 1
    t = res.texts[0]
    for row in res.entities.iter_rows(named=True):
        assert t[row["start"]:row["end"]] == row["text"]


def test_unclosed_paragraphs_are_separate_paragraphs():
    text = nf.html_to_text("<html><body><div class='story'><p>First paragraph about Kherson is here.<p>Second "
                           "paragraph about Mykolaiv is here.<p>Third one about Odesa is here.</div></body></html>")
    assert text.split("\n\n") == ["First paragraph about Kherson is here.", "Second paragraph about Mykolaiv is here.",
                                  "Third one about Odesa is here."]


def test_deep_nesting_does_not_reach_the_recursion_limit():
    page = "<html><body>" + "<div><span>" * 5000 + "<p>Text at the bottom of the nest, said the mayor of Lviv.</p></body></html>"
    assert "Text at the bottom of the nest" in nf.html_to_text(page)


def _write(tmp_path: Path, name: str, data: bytes) -> Path:
    p = tmp_path / name
    p.write_bytes(data)
    return p


def test_empty_page_and_navigation_only_page_give_the_empty_text_warning(tmp_path):
    _write(tmp_path, "empty.html", b"")
    _write(tmp_path, "nav.htm", b"<!DOCTYPE html><html><head><title>Site map</title></head><body>"
           b"<nav><ul><li><a href='/'>Home</a></li><li><a href='/world'>World</a></li></ul></nav>"
           b"<div class='menu'><a href='/a'>Politics</a> <a href='/b'>Business</a> <a href='/c'>Sport</a></div>"
           b"<ul><li><a href='/1'>Ceasefire talks to resume in Geneva next week</a></li>"
           b"<li><a href='/2'>Parliament votes on the new mobilisation law</a></li></ul>"
           b"<footer>&copy; 2024</footer></body></html>")
    df = nf.read_articles(tmp_path)
    assert df["id"].to_list() == ["empty", "nav"]
    assert df["text"].to_list() == ["", ""]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        res = nf.extract(df)
    assert res.documents.height == 2
    assert res.documents["warnings"][0][0].startswith("empty-text")


def test_navigation_only_page_has_no_article_text():
    page = ("<html><body><nav><a href='/'>Home</a></nav><ul><li><a href='/1'>Ceasefire talks to resume in Geneva</a>"
            "</li><li><a href='/2'>Parliament votes on the mobilisation law</a></li></ul></body></html>")
    assert nf.html_to_text(page) == ""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        res = nf.extract(page)
    assert res.documents["warnings"][0][-1].startswith("empty-text")


def test_binary_garbage_with_an_html_suffix(tmp_path):
    _write(tmp_path, "garbage.html", bytes(range(256)) * 40)
    with pytest.warns(UserWarning, match="garbage.html: not an HTML page"):
        df = nf.read_articles(tmp_path / "garbage.html")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        res = nf.extract(df)
    assert res.documents.height == 1 and res.entities.height == 0
    assert any(w.startswith("binary") for w in res.documents["warnings"][0])


def test_html_files_mix_with_other_files(tmp_path):
    (tmp_path / "a.txt").write_text("Drones hit Kyiv on Monday.", encoding="utf-8")
    (tmp_path / "b.jsonl").write_text(json.dumps({"id": "j1", "text": "Talks resumed.", "outlet": "AP"}) + "\n")
    (tmp_path / "c.html").write_bytes((HTML_DIR / "time_only.html").read_bytes())
    df = nf.read_articles(tmp_path)
    assert df.columns[:4] == ["id", "title", "published", "text"]
    assert sorted(df["id"].to_list()) == ["a", "c", "j1"]
    assert set(df.columns) == {"id", "title", "published", "text", "author", "url", "outlet"}


def test_unknown_html_extractor_is_a_value_error():
    with pytest.raises(ValueError, match="html_extractor"):
        nf.read_articles(HTML_DIR / "amp.html", html_extractor="readability")


def test_trafilatura_extractor_when_installed():
    pytest.importorskip("trafilatura")
    row = nf.read_articles(HTML_DIR / "amp.html", html_extractor="trafilatura").row(0, named=True)
    assert row["title"] == "EU agrees new sanctions package targeting drone suppliers"
    assert "eleventh package of sanctions" in row["text"]


def test_parse_html_fragment_keeps_everything_but_boilerplate():
    page = parse_html("<div class='ad-slot'>Advertisement</div><p>Kyiv was calm overnight.</p>"
                      "<p>Trains ran on time.</p><script>var x = '<p>no</p>';</script>")
    assert page.text == "Kyiv was calm overnight.\n\nTrains ran on time."
    assert page.title is None and page.published is None


def test_json_ld_dates_in_graph_and_lists():
    for ld in ('{"@graph": [{"@type": "WebPage"}, {"@type": "NewsArticle", "datePublished": "2022-02-24T05:00:00+02:00"}]}',
               '[{"@type": "BreadcrumbList"}, {"@type": ["NewsArticle"], "datePublished": "2022-02-24"}]'):
        html = (f'<html><head><script type="application/ld+json">{ld}</script></head>'
                "<body><article><h1>Invasion begins</h1><p>Explosions were heard in Kyiv before dawn, residents said.</p>"
                "</article></body></html>")
        assert parse_html(html).published[:10] == "2022-02-24"


def test_cli_extracts_html_pages(tmp_path):
    out = tmp_path / "out"
    proc = subprocess.run(
        [sys.executable, "-m", "newsframe", "extract", str(HTML_DIR / "figures.html"), str(HTML_DIR / "amp.html"),
         "-o", str(out), "--format", "jsonl", "--no-progress"],
        capture_output=True, text=True,
    )
    assert proc.returncode == 0, proc.stderr
    docs = pl.read_ndjson(out / "documents.jsonl")
    assert sorted(docs["doc_id"].to_list()) == ["amp", "figures"]
    assert pl.read_ndjson(out / "events.jsonl").height > 0
