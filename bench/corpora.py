"""Readers for the annotated corpora in ``shared/corpora`` (see its README.md).

Plain Python structures only (lists, dicts, tuples), standard library only, so that the
evaluation scripts and the tests can use them without newsframe. Nothing here copies
corpus text anywhere: the corpora are read at run time from the path given.

* ``load_polnear(root, split="dev")`` -> list of
  ``{"id", "text", "published", "publisher", "title", "annotator", "attributions"}``
  where each attribution is ``{"source": (start, end) | None, "cue": (start, end) | None,
  "content": [(start, end), ...], "source_text", "cue_text", "content_text"}``.
* ``load_conll(path)`` -> list of ``{"id", "text", "spans": [(start, end, label)]}``.
* ``load_re3d(root)`` -> list of ``{"id", "source", "title", "text",
  "spans": [(start, end, label)]}``.
* ``load_case2021(root)`` -> list of ``{"id", "text", "subtype"}`` (CASE 2021 task 2 dev
  snippets, in file order).

All offsets are code-point offsets into ``text`` (``text[start:end]`` is the span).
"""

from __future__ import annotations

import csv
import json
import os
import re
from pathlib import Path
from typing import Dict, List, Optional, Tuple, Union

PathLike = Union[str, "os.PathLike[str]"]
Span = Tuple[int, int]

__all__ = [
    "load_polnear",
    "load_conll",
    "load_re3d",
    "polnear_root",
    "conll_path",
    "re3d_root",
    "parse_brat",
    "load_case2021",
    "case2021_root",
]


# --------------------------------------------------------------------------- paths


def polnear_root(corpora: PathLike) -> Path:
    """``<corpora>/polnear`` (accepts the polnear folder itself too)."""
    p = Path(corpora)
    return p if (p / "metadata.tsv").exists() else p / "polnear"


def conll_path(corpora: PathLike) -> Path:
    """``<corpora>/conll2003/valid.txt`` (accepts the folder or the file itself)."""
    p = Path(corpora)
    if p.is_file():
        return p
    if (p / "valid.txt").exists():
        return p / "valid.txt"
    return p / "conll2003" / "valid.txt"


def re3d_root(corpora: PathLike) -> Path:
    """``<corpora>/re3d`` (accepts the re3d folder itself too)."""
    p = Path(corpora)
    if any(p.glob("*/documents.json")):
        return p
    return p / "re3d"


def case2021_root(corpora: PathLike) -> Path:
    """``<corpora>/case2021`` (accepts the case2021 folder itself too)."""
    p = Path(corpora)
    return p if (p / "dev.tsv").exists() else p / "case2021"


# --------------------------------------------------------------------------- PolNeAR


def _read_text(path: Path) -> str:
    # newline="" keeps "\r\n" as two code points, like brat counts them.
    with open(path, encoding="utf-8", newline="") as f:
        return f.read()


def parse_brat(ann_text: str) -> Tuple[Dict[str, Tuple[str, List[Span], str]], List[Dict[str, List[str]]]]:
    """Parse brat standoff. Returns (text-bound annotations, events).

    Text-bound: ``{"T3": (label, [(start, end), ...], surface)}``; discontinuous offsets
    (``start end;start end``) give several pieces. Events: ``[{"type": [...], role: [ids]}]``
    keyed by role name (``Attribution``, ``Source``, ``Cue``, ``Content``, ``Content2``,
    ``Attribution-no-source``). Lines that are not T/E lines (notes ``#``, and the
    continuation lines of a T line whose surface contained a newline) are skipped.
    """
    tbs: Dict[str, Tuple[str, List[Span], str]] = {}
    events: List[Dict[str, List[str]]] = []
    for line in ann_text.split("\n"):
        line = line.rstrip("\r")
        parts = line.split("\t")
        if len(parts) < 2:
            continue
        key = parts[0]
        if re.fullmatch(r"T\d+", key):
            head = parts[1].split(" ", 1)
            if len(head) != 2:
                continue
            label, offs = head
            spans: List[Span] = []
            ok = True
            for piece in offs.split(";"):
                nums = piece.split()
                if len(nums) != 2 or not all(n.isdigit() for n in nums):
                    ok = False
                    break
                spans.append((int(nums[0]), int(nums[1])))
            if ok:
                tbs[key] = (label, spans, parts[2] if len(parts) > 2 else "")
        elif re.fullmatch(r"E\d+", key):
            ev: Dict[str, List[str]] = {}
            for i, arg in enumerate(parts[1].split()):
                if ":" not in arg:
                    continue
                role, ref = arg.split(":", 1)
                role = re.sub(r"\d+$", "", role) if i > 0 else role  # Content2 -> Content
                ev.setdefault(role, []).append(ref)
                if i == 0:
                    ev.setdefault("_type", []).append(role)
            events.append(ev)
    return tbs, events


def _hull(spans: List[Span]) -> Optional[Span]:
    if not spans:
        return None
    return (min(s for s, _ in spans), max(e for _, e in spans))


def _read_metadata(root: Path) -> Dict[str, Dict[str, str]]:
    meta: Dict[str, Dict[str, str]] = {}
    p = root / "metadata.tsv"
    if not p.exists():
        return meta
    with open(p, encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE):
            name = row.get("filename")
            if name:
                meta[name] = row
    return meta


def load_polnear(root: PathLike, split: str = "dev", limit: Optional[int] = None) -> List[dict]:
    """Read one PolNeAR split (``train``/``dev``/``test`` if present).

    One document per text file that has at least one annotation file. Where several
    annotators annotated one text (``NAME_<annotator>.ann``), the first annotation file in
    sorted order is used, so the choice is deterministic. Attributions come from the E
    lines; a ``Content`` T line that no E line uses is ignored (8 in the corpus).
    The attribution's ``content`` is the list of its content pieces: all pieces of all its
    Content/Content2 arguments, in text order (a discontinuous T gives several pieces).
    """
    root = polnear_root(root)
    tdir = root / split / "text"
    adir = root / split / "attributions"
    if not tdir.is_dir() or not adir.is_dir():
        raise FileNotFoundError(f"PolNeAR split {split!r} not found under {root}")
    meta = _read_metadata(root)
    names = sorted(p.stem for p in tdir.glob("*.txt"))
    anns = sorted(p.name for p in adir.glob("*.ann"))
    by_name: Dict[str, List[str]] = {}
    name_set = set(names)
    for a in anns:
        stem = a[: -len(".ann")]
        base, _, annot = stem.rpartition("_")
        if base in name_set:
            by_name.setdefault(base, []).append(a)
    docs: List[dict] = []
    for name in names:
        if name not in by_name:
            continue
        ann_file = sorted(by_name[name])[0]
        text = _read_text(tdir / f"{name}.txt")
        tbs, events = parse_brat(_read_text(adir / ann_file))
        attributions = []
        for ev in events:
            def pieces(role: str, ev: dict = ev, tbs: dict = tbs) -> List[Span]:
                out: List[Span] = []
                for ref in ev.get(role, []):
                    if ref in tbs:
                        out.extend(tbs[ref][1])
                return sorted(out)

            content = pieces("Content")
            if not content:
                continue
            src = _hull(pieces("Source"))
            cue = _hull(pieces("Cue"))
            attributions.append(
                {
                    "source": src,
                    "cue": cue,
                    "content": content,
                    "source_text": text[src[0]:src[1]] if src else None,
                    "cue_text": text[cue[0]:cue[1]] if cue else None,
                    "content_text": " ".join(text[s:e] for s, e in content),
                }
            )
        attributions.sort(key=lambda a: a["content"][0])
        m = meta.get(name, {})
        pub = m.get("publication_date") or None
        if pub in ("None", ""):
            pub = None
        title = m.get("title") or None
        docs.append(
            {
                "id": name,
                "text": text,
                "published": pub,
                "publisher": m.get("publisher") or None,
                "title": None if title == "None" else title,
                "annotator": ann_file[len(name) + 1 : -len(".ann")],
                "attributions": attributions,
            }
        )
        if limit is not None and len(docs) >= limit:
            break
    return docs


# --------------------------------------------------------------------------- CoNLL-2003


def load_conll(path: PathLike) -> List[dict]:
    """Read a CoNLL-2003 file (``TOKEN TAG`` or ``TOKEN POS CHUNK TAG`` a line).

    Documents are split at ``-DOCSTART-``; the text is the tokens joined by single
    spaces, sentences joined by ``"\\n"``. Spans come from the IOB tags (IOB1 or IOB2:
    an ``I-X`` after ``O`` or another type starts a span; ``B-X`` always does).
    """
    path = conll_path(path)
    docs: List[dict] = []
    sents: List[List[Tuple[str, str]]] = []
    cur: List[Tuple[str, str]] = []

    def flush_doc() -> None:
        if cur:
            sents.append(list(cur))
            cur.clear()
        if not sents:
            return
        parts: List[str] = []
        spans: List[Tuple[int, int, str]] = []
        pos = 0
        for si, sent in enumerate(sents):
            if si:
                parts.append("\n")
                pos += 1
            open_lab: Optional[str] = None
            open_start = 0
            last_end = pos
            for ti, (tok, tag) in enumerate(sent):
                if ti:
                    parts.append(" ")
                    pos += 1
                start, end = pos, pos + len(tok)
                parts.append(tok)
                pos = end
                if tag == "O" or "-" not in tag:
                    pref, lab = "O", None
                else:
                    pref, lab = tag.split("-", 1)
                if open_lab is not None and (pref != "I" or lab != open_lab):
                    spans.append((open_start, last_end, open_lab))
                    open_lab = None
                if lab is not None and open_lab is None:
                    open_lab, open_start = lab, start
                last_end = end
            if open_lab is not None:
                spans.append((open_start, last_end, open_lab))
        docs.append({"id": f"conll-{len(docs):04d}", "text": "".join(parts), "spans": spans})
        sents.clear()

    with open(path, encoding="utf-8") as f:
        for raw in f:
            line = raw.strip()
            if not line:
                if cur:
                    sents.append(list(cur))
                    cur.clear()
                continue
            cols = line.split()
            if cols[0] == "-DOCSTART-":
                flush_doc()
                continue
            cur.append((cols[0], cols[-1] if len(cols) > 1 else "O"))
    flush_doc()
    return docs


# --------------------------------------------------------------------------- re3d


def _jsonl(path: Path):
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.strip()
            if line:
                yield json.loads(line)


def _num(v) -> float:
    if isinstance(v, dict):  # mongoexport's {"$numberLong": "1"} etc.
        v = next(iter(v.values()))
    try:
        return float(v)
    except (TypeError, ValueError):
        return 0.0


def load_re3d(root: PathLike) -> List[dict]:
    """Read every source folder of re3d (``*/documents.json`` + ``*/entities.json``).

    Where several rows cover one (begin, end) span, the most confident is kept (ties:
    the first row in file order). Spans of different extent that overlap are all kept.
    Documents are sorted by source folder then ``_id``.
    """
    root = re3d_root(root)
    folders = sorted(p.parent for p in root.glob("*/documents.json"))
    if not folders:
        raise FileNotFoundError(f"re3d not found under {root}")
    docs: List[dict] = []
    for folder in folders:
        texts: Dict[str, dict] = {}
        for o in _jsonl(folder / "documents.json"):
            texts[o["_id"]] = {
                "id": o["_id"],
                "source": folder.name,
                "title": o.get("title"),
                "text": o.get("text") or "",
                "spans": [],
            }
        best: Dict[Tuple[str, int, int], Tuple[float, int, str]] = {}
        ents = folder / "entities.json"
        if ents.exists():
            for i, o in enumerate(_jsonl(ents)):
                key = (o["documentId"], int(_num(o["begin"])), int(_num(o["end"])))
                conf = _num(o.get("confidence", 1))
                if key not in best or conf > best[key][0]:
                    best[key] = (conf, i, o["type"])
        for (doc_id, b, e), (_, _, label) in best.items():
            if doc_id in texts:
                texts[doc_id]["spans"].append((b, e, label))
        for doc_id in sorted(texts):
            d = texts[doc_id]
            d["spans"].sort()
            docs.append(d)
    return docs


# --------------------------------------------------------------------------- CASE 2021


def load_case2021(root: PathLike) -> List[dict]:
    """Read ``case2021/dev.tsv`` (columns id, EventSnippet, SubType; tab-separated, quoted
    where needed) into ``[{"id", "text", "subtype"}]`` in file order. Ids stay strings."""
    path = case2021_root(root) / "dev.tsv"
    if not path.exists():
        raise FileNotFoundError(f"CASE 2021 dev.tsv not found under {case2021_root(root)}")
    with open(path, encoding="utf-8", newline="") as f:
        return [
            {"id": row["id"], "text": row["EventSnippet"], "subtype": row["SubType"]}
            for row in csv.DictReader(f, delimiter="\t")
        ]


if __name__ == "__main__":  # quick summary: python bench/corpora.py SHARED_CORPORA_DIR
    import sys
    from collections import Counter

    base = Path(sys.argv[1] if len(sys.argv) > 1 else "../shared/corpora")
    if polnear_root(base).exists():
        for split in ("dev", "train"):
            ds = load_polnear(base, split)
            n_att = sum(len(d["attributions"]) for d in ds)
            print(f"polnear/{split}: {len(ds)} docs, {n_att} attributions")
    if conll_path(base).exists():
        ds = load_conll(base)
        c = Counter(label for d in ds for _, _, label in d["spans"])
        print(f"conll2003/valid: {len(ds)} docs, {dict(c)}")
    if re3d_root(base).exists():
        ds = load_re3d(base)
        c = Counter(label for d in ds for _, _, label in d["spans"])
        print(f"re3d: {len(ds)} docs, {sum(c.values())} spans, {dict(c.most_common())}")
    if (case2021_root(base) / "dev.tsv").exists():
        ds = load_case2021(base)
        c = Counter(d["subtype"] for d in ds)
        print(f"case2021/dev: {len(ds)} snippets, {dict(c.most_common())}")
