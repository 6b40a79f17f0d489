"""Offsets hold on real news: every span newsframe returns slices out of the original text.

Runs newsframe over the annotated corpora in ``shared/corpora`` (beside the repository, or
the folder in the environment variable ``NEWSFRAME_CORPORA``) and checks, for every row,
that ``text[start:end]`` is the entity text, the quote text, the event trigger and the
speaker mention (a speaker resolved from a pronoun keeps the pronoun's offsets). Skips
when a corpus is absent. No corpus text is stored in the project: it is read at run time.

``NEWSFRAME_CORPORA_SAMPLE=N`` checks every N-th document only (default 1: all).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

pl = pytest.importorskip("polars")

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "bench"))
from corpora import conll_path, load_conll, load_polnear, load_re3d, polnear_root, re3d_root  # noqa: E402

CORPORA = Path(os.environ.get("NEWSFRAME_CORPORA") or REPO.parent / "shared" / "corpora")
SAMPLE = max(1, int(os.environ.get("NEWSFRAME_CORPORA_SAMPLE", "1")))

PRONOUNS = {
    "i", "me", "my", "we", "us", "our", "you", "your", "he", "him", "his", "she", "her",
    "it", "its", "they", "them", "their", "who", "whom", "whose", "which", "that", "this",
    "these", "those", "himself", "herself", "itself", "themselves", "one",
}


def _polnear():
    root = polnear_root(CORPORA)
    docs = []
    for split in ("dev", "train"):
        if (root / split / "text").is_dir():
            docs += load_polnear(root, split)
    return docs


def _conll():
    return load_conll(conll_path(CORPORA)) if conll_path(CORPORA).exists() else []


def _re3d():
    root = re3d_root(CORPORA)
    return load_re3d(root) if any(root.glob("*/documents.json")) else []


LOADERS = {"polnear": _polnear, "conll2003": _conll, "re3d": _re3d}


def _check_span(text: str, start, end, expected, what: str, problems: list, allow_pronoun=False) -> None:
    if start is None or end is None:
        problems.append(f"{what}: null offset")
        return
    if not (0 <= start <= end <= len(text)):
        problems.append(f"{what}: offsets {start}..{end} outside text of {len(text)} code points")
        return
    got = text[start:end]
    if got == expected:
        return
    if allow_pronoun and got.strip().lower() in PRONOUNS:
        return
    problems.append(f"{what} [{start}:{end}]: text slice {got[:60]!r} != {str(expected)[:60]!r}")


@pytest.mark.parametrize("corpus", sorted(LOADERS))
def test_offsets_slice_the_original_text(corpus):
    if not CORPORA.is_dir():
        pytest.skip(f"corpora not found at {CORPORA}")
    docs = LOADERS[corpus]()
    if not docs:
        pytest.skip(f"{corpus} not found under {CORPORA}")
    docs = docs[::SAMPLE]
    import newsframe as nf

    ids = [f"{corpus}:{i}:{d['id']}" for i, d in enumerate(docs)]
    texts = dict(zip(ids, (d["text"] for d in docs)))
    data = {"id": ids, "text": [d["text"] for d in docs]}
    if corpus == "polnear":
        data["published"] = [d["published"] for d in docs]
    res = nf.extract(pl.DataFrame(data))

    docs_t = res.documents
    assert docs_t.height == len(docs)
    assert sorted(map(str, docs_t["doc_id"].to_list())) == sorted(ids)

    problems: list = []
    for row in res.entities.select("doc_id", "start", "end", "text").iter_rows():
        doc_id, s, e, t = row
        _check_span(texts[str(doc_id)], s, e, t, f"{doc_id} entity", problems)
    for row in res.quotes.select("doc_id", "start", "end", "text", "speaker", "speaker_start", "speaker_end").iter_rows():
        doc_id, s, e, t, spk, ss, se = row
        text = texts[str(doc_id)]
        _check_span(text, s, e, t, f"{doc_id} quote", problems)
        if ss is not None:
            _check_span(text, ss, se, spk, f"{doc_id} speaker", problems, allow_pronoun=True)
    for row in res.events.select("doc_id", "start", "end", "trigger").iter_rows():
        doc_id, s, e, t = row
        _check_span(texts[str(doc_id)], s, e, t, f"{doc_id} event", problems)

    n_rows = res.entities.height + res.quotes.height + res.events.height
    assert not problems, f"{len(problems)} of {n_rows} rows do not slice the text, e.g.:\n" + "\n".join(problems[:15])
