"""Score newsframe's entities against CoNLL-2003 (valid) and re3d.

    python bench/eval_entities.py SHARED_CORPORA_DIR [--corpus conll|re3d|both] [--limit N]
                                  [--out FILE.json] [--examples N]

Label groups (gold label -> the newsframe labels that count as it):

  CoNLL-2003  PER -> PERSON; LOC -> GPE, LOC, FAC; ORG -> ORG;
              MISC -> NORP, EVENT, PRODUCT, LAW
  re3d        Person -> PERSON; Location -> GPE, LOC, FAC; Organisation -> ORG;
              Nationality -> NORP; Temporal -> DATE, TIME; Money -> MONEY;
              Quantity -> QUANTITY, CARDINAL

Predictions with other labels (DATE, CARDINAL, ... on CoNLL; PERCENT, ORDINAL, EVENT, ...
on re3d) are ignored, and so are gold spans of other types (re3d's Weapon, Vehicle,
MilitaryPlatform, DocumentReference, ...).

exact    a prediction is right when a gold span has the same start, end and label group
         (one-to-one).
partial  a prediction is right when it overlaps a gold span of the same group; a gold span
         is found when some prediction of its group overlaps it.
untyped  exact spans, label ignored (separates boundary errors from label errors).

re3d is reported twice: on all mentions, and on named mentions only (gold and predicted
spans that contain a word starting with a capital letter: re3d also marks "the Army",
"rebels", "tank", which newsframe need not find).

Exits 0 after printing "skipped: ... not found" when a corpus is absent.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path
from typing import Dict, Iterable, List, Optional, Sequence, Tuple

sys.path.insert(0, str(Path(__file__).resolve().parent))
from corpora import conll_path, load_conll, load_re3d, re3d_root  # noqa: E402

CONLL_MAP = {
    "PER": ["PERSON"],
    "LOC": ["GPE", "LOC", "FAC"],
    "ORG": ["ORG"],
    "MISC": ["NORP", "EVENT", "PRODUCT", "LAW"],
}
RE3D_MAP = {
    "Person": ["PERSON"],
    "Location": ["GPE", "LOC", "FAC"],
    "Organisation": ["ORG"],
    "Nationality": ["NORP"],
    "Temporal": ["DATE", "TIME"],
    "Money": ["MONEY"],
    "Quantity": ["QUANTITY", "CARDINAL"],
}
CAPITALISED = re.compile(r"(?<![\w])[A-Z]")

Span = Tuple[int, int, str]


def invert(mapping: Dict[str, List[str]]) -> Dict[str, str]:
    return {ours: group for group, labels in mapping.items() for ours in labels}


def prf(tp_p: int, n_p: int, tp_g: int, n_g: int) -> Dict[str, float]:
    p = tp_p / n_p if n_p else 0.0
    r = tp_g / n_g if n_g else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4), "n_pred": n_p, "n_gold": n_g}


def score(gold: Dict[str, List[Span]], pred: Dict[str, List[Span]], groups: Iterable[str]) -> dict:
    """Per group and micro exact / partial scores; ``gold``/``pred`` keyed by doc id."""
    groups = list(groups)
    ex_tp: Counter = Counter()
    pa_tp_p: Counter = Counter()
    pa_tp_g: Counter = Counter()
    n_p: Counter = Counter()
    n_g: Counter = Counter()
    untyped_tp = 0
    for doc in set(gold) | set(pred):
        gs = gold.get(doc, [])
        ps = pred.get(doc, [])
        for _, _, g in gs:
            n_g[g] += 1
        for _, _, g in ps:
            n_p[g] += 1
        gset = Counter(gs)
        for sp in ps:
            if gset[sp] > 0:
                gset[sp] -= 1
                ex_tp[sp[2]] += 1
        gspan = Counter((s, e) for s, e, _ in gs)
        for s, e, _ in ps:
            if gspan[(s, e)] > 0:
                gspan[(s, e)] -= 1
                untyped_tp += 1
        for s, e, g in ps:
            if any(g == gg and s < ge and gs_ < e for gs_, ge, gg in gs):
                pa_tp_p[g] += 1
        for gs_, ge, gg in gs:
            if any(g == gg and s < ge and gs_ < e for s, e, g in ps):
                pa_tp_g[gg] += 1
    out: dict = {"groups": {}}
    for g in groups:
        out["groups"][g] = {
            "exact": prf(ex_tp[g], n_p[g], ex_tp[g], n_g[g]),
            "partial": prf(pa_tp_p[g], n_p[g], pa_tp_g[g], n_g[g]),
        }
    tp, np_, ng = sum(ex_tp[g] for g in groups), sum(n_p[g] for g in groups), sum(n_g[g] for g in groups)
    out["micro"] = {
        "exact": prf(tp, np_, tp, ng),
        "partial": prf(sum(pa_tp_p[g] for g in groups), np_, sum(pa_tp_g[g] for g in groups), ng),
        "untyped": prf(untyped_tp, np_, untyped_tp, ng),
    }
    return out


def print_table(title: str, s: dict) -> None:
    print(title)
    hdr = f"  {'group':13} {'exact P':>7} {'R':>6} {'F1':>6}   {'partial P':>9} {'R':>6} {'F1':>6}   {'pred':>5} {'gold':>5}"
    print(hdr)
    rows = list(s["groups"].items()) + [("micro", s["micro"])]
    for name, m in rows:
        e, p = m["exact"], m["partial"]
        print(
            f"  {name:13} {e['precision']:7.3f} {e['recall']:6.3f} {e['f1']:6.3f}   "
            f"{p['precision']:9.3f} {p['recall']:6.3f} {p['f1']:6.3f}   {e['n_pred']:5d} {e['n_gold']:5d}"
        )
    u = s["micro"]["untyped"]
    print(f"  {'untyped spans':13} {u['precision']:7.3f} {u['recall']:6.3f} {u['f1']:6.3f}")
    print()


def run_newsframe(docs: List[dict]):
    import newsframe as nf
    import polars as pl

    df = pl.DataFrame({"id": [d["id"] for d in docs], "text": [d["text"] for d in docs]})
    t0 = time.perf_counter()
    ents = nf.entities(df) if hasattr(nf, "entities") else nf.extract(df).entities
    el = time.perf_counter() - t0
    ents = ents.select("doc_id", "start", "end", pl.col("label").cast(pl.String), "text")
    return ents, el


def predictions(ents, mapping: Dict[str, List[str]], named_only: bool = False, texts: Optional[Dict[str, str]] = None) -> Dict[str, List[Span]]:
    inv = invert(mapping)
    out: Dict[str, List[Span]] = defaultdict(list)
    for doc_id, s, e, label, text in ents.iter_rows():
        g = inv.get(label)
        if g is None:
            continue
        if named_only and not CAPITALISED.search(text or ""):
            continue
        out[str(doc_id)].append((int(s), int(e), g))
    return out


def examples(docs: List[dict], gold: Dict[str, List[Span]], pred: Dict[str, List[Span]], n: int) -> None:
    missed, false, wrong_label = [], [], []
    for d in docs:
        t = d["text"]
        gs, ps = gold.get(d["id"], []), pred.get(d["id"], [])
        gspan = {(s, e): g for s, e, g in gs}
        pspan = {(s, e): g for s, e, g in ps}
        for (s, e), g in gspan.items():
            if (s, e) not in pspan:
                over = [(ps_, pe, pg) for ps_, pe, pg in ps if ps_ < e and s < pe]
                missed.append(f"{t[s:e]!r} {g}" + (f"  (predicted {', '.join(repr(t[a:b]) + ' ' + c for a, b, c in over)})" if over else ""))
            elif pspan[(s, e)] != g:
                wrong_label.append(f"{t[s:e]!r} gold {g}, predicted {pspan[(s, e)]}")
        for (s, e), g in pspan.items():
            if not any(s < ge and gs_ < e for gs_, ge, _ in gs):
                false.append(f"{t[s:e]!r} {g}")
    for title, items in (("missed gold spans", missed), ("wrong label", wrong_label), ("predictions overlapping no gold", false)):
        print(f"  {title}: {len(items)}")
        step = max(1, len(items) // n) if items else 1
        for it in items[::step][:n]:
            print("    " + it.replace("\n", " ")[:140])
    print()


def main(argv: Optional[Sequence[str]] = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("corpora", help="the shared corpora folder (holding conll2003/ and re3d/)")
    ap.add_argument("--corpus", default="both", choices=["conll", "re3d", "both"])
    ap.add_argument("--limit", type=int, default=None, help="first N documents of each corpus")
    ap.add_argument("--out", default=None, help="write the figures as JSON here")
    ap.add_argument("--examples", type=int, default=0, help="print N missed / false examples per corpus")
    args = ap.parse_args(argv)

    results: dict = {}
    ran = False
    if args.corpus in ("conll", "both"):
        path = conll_path(args.corpora)
        if not path.exists():
            print(f"skipped: CoNLL-2003 valid.txt not found at {path}")
        else:
            ran = True
            docs = load_conll(path)[: args.limit]
            ents, el = run_newsframe(docs)
            gold = {d["id"]: list(d["spans"]) for d in docs}
            pred = predictions(ents, CONLL_MAP)
            s = score(gold, pred, CONLL_MAP)
            n_tok = sum(len(d["text"].split()) for d in docs)
            print_table(f"CoNLL-2003 valid: {len(docs)} documents, {n_tok} tokens, newsframe {el:.2f} s", s)
            if args.examples:
                examples(docs, gold, pred, args.examples)
            results["conll2003_valid"] = s
    if args.corpus in ("re3d", "both"):
        root = re3d_root(args.corpora)
        if not any(root.glob("*/documents.json")):
            print(f"skipped: re3d not found at {root}")
        else:
            ran = True
            docs = load_re3d(root)[: args.limit]
            ents, el = run_newsframe(docs)
            gold_all = {d["id"]: [sp for sp in d["spans"] if sp[2] in RE3D_MAP] for d in docs}
            texts = {d["id"]: d["text"] for d in docs}
            gold_named = {
                k: [sp for sp in v if CAPITALISED.search(texts[k][sp[0]:sp[1]])] for k, v in gold_all.items()
            }
            pred_all = predictions(ents, RE3D_MAP)
            pred_named = predictions(ents, RE3D_MAP, named_only=True)
            s_all = score(gold_all, pred_all, RE3D_MAP)
            s_named = score(gold_named, pred_named, RE3D_MAP)
            print_table(f"re3d, named mentions: {len(docs)} documents, newsframe {el:.2f} s", s_named)
            print_table("re3d, all mentions:", s_all)
            if args.examples:
                examples(docs, gold_named, pred_named, args.examples)
            results["re3d_named"] = s_named
            results["re3d_all"] = s_all
    if args.out and ran:
        Path(args.out).write_text(json.dumps(results, indent=2))
        print(f"wrote {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
