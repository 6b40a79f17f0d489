"""Score newsframe's quotes against PolNeAR attributions.

    python bench/eval_quotes.py SHARED_CORPORA_DIR [--split dev] [--half 1|2] [--limit N]
                                [--out FILE.json] [--examples N] [--core]

--core scores the Rust core's rows (``examples/quotes_jsonl.rs`` run by cargo, see
bench/core.py) instead of the installed package's: the same rows without building
the Python extension.

--half 1 / --half 2 score the first / second half of the split's documents in the loader's
(sorted file name) order: on train, half 1 is Breitbart, HuffPost, NYT and the first 60
Politico articles, half 2 the other 60 Politico articles, USA Today, Washington Post and
Western Journal. Study one half and keep the other as an unseen check of the same rules.

Gold: every PolNeAR attribution (E line) is one gold quote; its content is the list of its
Content pieces, its speaker the Source span (absent for "Attribution-no-source").

Two gold sets:
  all     every attribution, against every predicted quote (direct + mixed + indirect);
  direct  attributions whose every content piece lies within quotation marks (the text just
          before and after the piece, allowing a comma or period, is a quote mark, or the
          piece lies inside a pair of marks found by a paragraph-level scanner), against the
          predicted quotes of kind "direct".

A third gold set, printed as the row "speech":
  speech  attributions whose Cue is a speech verb (SPEECH_LEMMAS below: say, tell, according
          to, claim, warn, ...; matched on the lower-cased cue words, any inflection, e.g.
          "has said", "told reporters", "said:"), against every predicted quote. Recall and
          speaker accuracy as for "all"; precision is that of the predictions whose cue is
          one of SPEECH_LEMMAS, each counted right when it matches some gold attribution
          (of any cue), with the same criterion.

Two match criteria:
  overlap  a prediction matches a gold quote when it covers at least 30 % of the gold
           quote's word tokens (Gender Gap Tracker style). Recall = gold quotes matched by
           some prediction; precision = predictions that match some gold quote.
  exact    the texts are equal after stripping quote marks, whitespace and trailing
           punctuation at both ends (and a leading complementizer "that", which PolNeAR
           puts in Content and newsframe leaves out), internal whitespace collapsed.
           One-to-one.
  /piece   PolNeAR joins a quote interrupted by its attribution ("X," he said, "Y.")
           into one discontinuous content; a system returning the two parts as two
           quotes can never match it exactly. overlap30/piece and exact/piece count a
           prediction right when it matches one piece of a gold content, and a gold
           quote found when its pieces are (together >= 30 % of its tokens covered;
           every piece matched exactly by its own prediction).

Speaker accuracy, among gold quotes that have a Source and are matched (the best
overlapping prediction): the predicted speaker mention overlaps the gold Source span, or
the predicted speaker_canonical / speaker equals the gold Source text ignoring case and a
leading "the".

Exits 0 after printing "skipped: ... not found" when the corpus is absent.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from collections import Counter
from pathlib import Path
from typing import Dict, List, Optional, Sequence, Tuple

sys.path.insert(0, str(Path(__file__).resolve().parent))
from corpora import load_polnear, polnear_root  # noqa: E402

OPEN_CLOSE = {"“": "”", "«": "»", "„": "“", "‟": "”", "‹": "›", "‘": "’", '"': '"', "'": "'"}
QUOTE_CHARS = "“”‘’\"'«»„‟‹›"
WORD = re.compile(r"\w+", re.UNICODE)
OVERLAP = 0.30

# Speech verbs for the "speech" gold set: lemma -> irregular forms (regular -s/-ed/-ing
# forms are generated).
SPEECH_LEMMAS: Dict[str, Tuple[str, ...]] = {
    "say": ("said",), "tell": ("told",), "according to": (), "claim": (), "warn": (),
    "announce": (), "confirm": (), "deny": ("denied", "denies"), "add": (), "note": (),
    "report": (), "write": ("wrote", "written", "writing"), "insist": (), "state": (),
    "argue": (), "explain": (), "declare": (), "stress": (), "emphasize": (), "emphasise": (),
    "acknowledge": (), "admit": ("admitted", "admitting"), "assert": (), "allege": (),
    "reiterate": (), "tweet": (), "reply": ("replied", "replies"), "respond": (),
    "mention": (), "predict": (), "vow": (), "promise": (), "pledge": (), "contend": (),
    "maintain": (), "remark": (), "recall": (), "concede": (), "caution": (),
    "complain": (), "accuse": (), "suggest": (),
}


def _speech_forms() -> Dict[str, str]:
    forms: Dict[str, str] = {}
    for lemma, irregular in SPEECH_LEMMAS.items():
        if " " in lemma:
            continue
        stem = lemma[:-1] if lemma.endswith("e") else lemma
        for f in (lemma, lemma + "s", lemma + "es", stem + "ed", stem + "ing") + irregular:
            forms.setdefault(f, lemma)
    return forms


SPEECH_FORMS = _speech_forms()


def speech_lemma(cue: Optional[str]) -> Optional[str]:
    """The speech-verb lemma of a gold Cue text or a predicted cue, or None."""
    if not cue:
        return None
    low = re.sub(r"\s+", " ", cue.lower())
    if "according to" in low:
        return "according to"
    if low in SPEECH_LEMMAS:
        return low
    for w in WORD.findall(low):
        if w in SPEECH_FORMS:
            return SPEECH_FORMS[w]
    return None


# --------------------------------------------------------------------------- quote regions


def _is_apostrophe(text: str, i: int) -> bool:
    """A ’ or ' between two letters (don't, Clinton's) or after s (the Clintons')."""
    prev = text[i - 1] if i > 0 else " "
    nxt = text[i + 1] if i + 1 < len(text) else " "
    if prev.isalnum() and nxt.isalnum():
        return True
    return False


def quote_regions(text: str) -> List[Tuple[int, int]]:
    """(open mark position, close mark position) pairs, paragraph by paragraph.

    Double marks (“ ” " « » „ ‟) and single marks (‘ ’ ' ‹ ›) are paired in two separate
    passes, each with a stack so that nested quotes pair; a straight mark closes when the
    innermost open mark is the same straight mark and opens otherwise; single marks
    between two letters are apostrophes. A double quote left open at the end of a
    paragraph runs to the paragraph's end (the next paragraph usually reopens it).
    """
    regions: List[Tuple[int, int]] = []
    pos = 0
    for para in re.split(r"(\n)", text):
        if para == "\n":
            pos += 1
            continue
        for opens, closes, straight in (("“„‟«", "”»", '"'), ("‘‹", "’›", "'")):
            stack: List[Tuple[str, int]] = []
            for j, ch in enumerate(para):
                if straight == "'" and ch in "’'" and _is_apostrophe(para, j):
                    continue
                if ch == straight:
                    if stack and stack[-1][0] == straight:
                        regions.append((pos + stack.pop()[1], pos + j))
                    else:
                        stack.append((ch, j))
                elif ch in opens:
                    if ch == "“" and stack and stack[-1][0] == "„":
                        regions.append((pos + stack.pop()[1], pos + j))
                    else:
                        stack.append((ch, j))
                elif ch in closes:
                    # close the innermost non-straight opener (drop unmatched straight ones)
                    while stack and stack[-1][0] == straight:
                        stack.pop()
                    if stack:
                        regions.append((pos + stack.pop()[1], pos + j))
            if stack and straight == '"':
                regions.append((pos + stack[0][1], pos + len(para)))
        pos += len(para)
    return regions


def _strip_ws(text: str, s: int, e: int) -> Tuple[int, int]:
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    return s, e


def piece_is_quoted(text: str, s: int, e: int, regions: Sequence[Tuple[int, int]]) -> bool:
    """True when the piece's words lie inside one pair of quote marks.

    The piece may carry its own marks (PolNeAR sometimes includes them) or sit right
    between marks (allowing whitespace, and a comma or period before the closing mark).
    ``"losers" and "sad."`` is not quoted as a whole: its words are in two pairs.
    """
    s, e = _strip_ws(text, s, e)
    if s >= e:
        return False
    inner_s, inner_e = s, e
    while inner_s < inner_e and text[inner_s] in QUOTE_CHARS:
        inner_s += 1
    while inner_e > inner_s and text[inner_e - 1] in QUOTE_CHARS + ",.":
        inner_e -= 1
    inner_s, inner_e = _strip_ws(text, inner_s, inner_e)
    if inner_s >= inner_e:
        return False
    for o, c in regions:
        if o < inner_s and inner_e <= c:
            return True
    # fallback when the scanner failed: a mark right before and right after
    b = s - 1
    while b >= 0 and text[b] in " \t":
        b -= 1
    a = e
    while a < len(text) and text[a] in " \t,.":
        a += 1
    before = text[s] in QUOTE_CHARS or (b >= 0 and text[b] in QUOTE_CHARS)
    after = text[e - 1] in QUOTE_CHARS or (a < len(text) and text[a] in QUOTE_CHARS)
    inner = text[inner_s:inner_e]
    return before and after and not any(ch in inner for ch in "“”\"")


# --------------------------------------------------------------------------- normalisation

_TRAIL = set(QUOTE_CHARS) | set(" \t\r\n.,;:!?—–-…")


def norm_text(t: str) -> str:
    t = t.strip()
    prev = None
    while prev != t:
        prev = t
        while t and t[0] in _TRAIL:
            t = t[1:]
        while t and t[-1] in _TRAIL:
            t = t[:-1]
        if t.lower().startswith("that "):
            t = t[5:]
    return re.sub(r"\s+", " ", t).lower()


def norm_name(t: Optional[str]) -> str:
    if not t:
        return ""
    t = re.sub(r"\s+", " ", t.strip().strip(QUOTE_CHARS + ",.")).lower()
    if t.startswith("the "):
        t = t[4:]
    return t


# --------------------------------------------------------------------------- scoring


class DocIndex:
    """Word tokens of one document, to turn spans into sets of token numbers."""

    def __init__(self, text: str) -> None:
        self.starts: List[int] = []
        self.ends: List[int] = []
        for m in WORD.finditer(text):
            self.starts.append(m.start())
            self.ends.append(m.end())

    def tokens(self, spans: Sequence[Tuple[int, int]]) -> frozenset:
        import bisect

        out = set()
        for s, e in spans:
            i = bisect.bisect_left(self.ends, s + 1)  # first token ending after s
            while i < len(self.starts) and self.starts[i] < e:
                out.add(i)
                i += 1
        return frozenset(out)


def speaker_right(p: dict, g: dict) -> bool:
    """The prediction's speaker is the gold Source: its mention overlaps the Source span, or
    its speaker_canonical / speaker equals the Source text (case and a leading "the" aside)."""
    if g["source"] is None:
        return p["speaker"] is None  # an attribution with no source: right when none is given
    if p["speaker_start"] is not None and p["speaker_end"] is not None:
        gs, ge = g["source"]
        if p["speaker_start"] < ge and gs < p["speaker_end"]:
            return True
    gname = norm_name(g["source_text"])
    return bool(gname) and gname in {norm_name(p["speaker_canonical"]), norm_name(p["speaker"])}


def prf(tp_p: int, n_p: int, tp_g: int, n_g: int) -> Dict[str, float]:
    p = tp_p / n_p if n_p else 0.0
    r = tp_g / n_g if n_g else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4), "n_pred": n_p, "n_gold": n_g}


def score(
    docs: List[dict],
    preds: Dict[str, List[dict]],
    direct: bool,
    examples: Optional[dict] = None,
    gold_key: Optional[str] = None,
    pred_filter=None,
) -> dict:
    """Score one gold set (all or direct) with the overlap and exact criteria.

    ``overlap30`` and ``exact`` compare each prediction with a gold quote's whole content.
    PolNeAR joins a quote interrupted by its attribution ("X," he said, "Y.") into one
    discontinuous content, which a system that returns the two parts as two quotes can
    never match exactly and whose first part may cover < 30 % of it; the ``/piece``
    variants count a prediction right when it matches one piece of a gold content
    (≥ 30 % of the piece's tokens, or exactly), and a gold quote found when its pieces
    are (together ≥ 30 % of its tokens covered; every piece matched exactly).
    """
    c = Counter()
    spk_n = spk_ok = spk_none = 0
    by_kind_n: Counter = Counter()
    by_kind_ok: Counter = Counter()
    for d in docs:
        text = d["text"]
        golds = d[gold_key] if gold_key else (d["direct"] if direct else d["attributions"])
        ps = [p for p in preds.get(d["id"], []) if (p["kind"] == "direct" or not direct)]
        if pred_filter is not None:
            ps = [p for p in ps if pred_filter(p)]
        idx = DocIndex(text)
        gtoks = [idx.tokens(g["content"]) for g in golds]
        gpieces = [[idx.tokens([pc]) for pc in g["content"]] for g in golds]
        ptoks = [idx.tokens([(p["start"], p["end"])]) for p in ps]
        c["n_p"] += len(ps)
        c["n_g"] += len(golds)
        p_ok = [False] * len(ps)
        p_ok_piece = [False] * len(ps)
        p_ok_spk = [False] * len(ps)
        for gi, g in enumerate(golds):
            gt = gtoks[gi]
            if not gt:
                continue
            best, best_ov = None, 0.0
            covered = set()
            covered_spk = set()
            for pi, pt in enumerate(ptoks):
                inter = gt & pt
                if not inter:
                    continue
                ov = len(inter) / len(gt)
                if ov >= OVERLAP:
                    p_ok[pi] = p_ok_piece[pi] = True
                    if ov > best_ov:
                        best, best_ov = pi, ov
                piece_ok = ov >= OVERLAP or any(pc and len(pc & pt) / len(pc) >= OVERLAP for pc in gpieces[gi])
                if any(pc and len(pc & pt) / len(pc) >= OVERLAP for pc in gpieces[gi]):
                    p_ok_piece[pi] = True
                    covered |= inter
                if piece_ok and speaker_right(ps[pi], g):
                    p_ok_spk[pi] = True
                    covered_spk |= inter
            if len(covered) / len(gt) >= OVERLAP or best is not None:
                c["ov_piece_tp_g"] += 1
            if len(covered_spk) / len(gt) >= OVERLAP:
                c["spk_piece_tp_g"] += 1
            if best is None:
                if examples is not None:
                    examples.setdefault("missed", []).append((d["id"], g["content_text"], g["source_text"], g["cue_text"]))
                continue
            c["ov_tp_g"] += 1
            if g["source"] is not None:
                spk_n += 1
                p = ps[best]
                ok = False
                if p["speaker_start"] is not None and p["speaker_end"] is not None:
                    gs, ge = g["source"]
                    ok = p["speaker_start"] < ge and gs < p["speaker_end"]
                if not ok:
                    gname = norm_name(g["source_text"])
                    ok = bool(gname) and gname in {norm_name(p["speaker_canonical"]), norm_name(p["speaker"])}
                if p["speaker"] is None and p["speaker_start"] is None:
                    spk_none += 1
                spk_ok += ok
                if not ok and examples is not None:
                    examples.setdefault("wrong_speaker", []).append(
                        (d["id"], g["content_text"], g["source_text"], p["speaker"], p["speaker_canonical"])
                    )
        for pi, p in enumerate(ps):
            by_kind_n[p["kind"]] += 1
            by_kind_ok[p["kind"]] += p_ok[pi]
            if not p_ok_piece[pi] and examples is not None:
                examples.setdefault("false", []).append((d["id"], p["kind"], p["text"], p["speaker"]))
        c["ov_tp_p"] += sum(p_ok)
        c["ov_piece_tp_p"] += sum(p_ok_piece)
        c["spk_piece_tp_p"] += sum(p_ok_spk)
        # exact: whole content (one-to-one on normalised text)
        gnorm = Counter(norm_text(g["content_text"]) for g in golds)
        pnorm = [norm_text(p["text"] or "") for p in ps]
        for k in pnorm:
            if k and gnorm[k] > 0:
                gnorm[k] -= 1
                c["ex_tp"] += 1
        # exact per piece: a gold is found when its whole text or each of its pieces is
        # a distinct, not yet used prediction
        unused = Counter(k for k in pnorm if k)
        for g in golds:
            whole = norm_text(g["content_text"])
            if unused[whole] > 0:
                unused[whole] -= 1
                c["ex_piece_tp_g"] += 1
                c["ex_piece_tp_p"] += 1
                continue
            pieces = [norm_text(text[s_:e_]) for s_, e_ in g["content"]]
            need = Counter(pieces)
            if len(pieces) > 1 and all(k and unused[k] >= n for k, n in need.items()):
                unused.subtract(need)
                c["ex_piece_tp_g"] += 1
                c["ex_piece_tp_p"] += len(pieces)
    n_p, n_g = c["n_p"], c["n_g"]
    out = {
        "overlap30": prf(c["ov_tp_p"], n_p, c["ov_tp_g"], n_g),
        "overlap30/piece": prf(c["ov_piece_tp_p"], n_p, c["ov_piece_tp_g"], n_g),
        "exact": prf(c["ex_tp"], n_p, c["ex_tp"], n_g),
        "+speaker/piece": prf(c["spk_piece_tp_p"], n_p, c["spk_piece_tp_g"], n_g),
        "exact/piece": prf(c["ex_piece_tp_p"], n_p, c["ex_piece_tp_g"], n_g),
        "speaker_accuracy": round(spk_ok / spk_n, 4) if spk_n else None,
        "speaker_n": spk_n,
        "speaker_missing": spk_none,
        "precision_by_kind": {k: {"n": by_kind_n[k], "precision": round(by_kind_ok[k] / by_kind_n[k], 4)} for k in sorted(by_kind_n)},
    }
    return out


def _clip(s: Optional[str], n: int = 90) -> str:
    if s is None:
        return "∅"
    s = re.sub(r"\s+", " ", s)
    return s if len(s) <= n else s[: n - 1] + "…"


def main(argv: Optional[Sequence[str]] = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("corpora", help="the shared corpora folder (holding polnear/)")
    ap.add_argument("--split", default="dev", choices=["dev", "train", "test"])
    ap.add_argument("--half", type=int, choices=[1, 2], default=None,
                    help="first or second half of the split's documents (sorted file names)")
    ap.add_argument("--limit", type=int, default=None, help="first N documents only")
    ap.add_argument("--out", default=None, help="write the figures as JSON here")
    ap.add_argument("--examples", type=int, default=0, help="print N missed / false / wrong-speaker examples")
    ap.add_argument("--core", action="store_true", help="the Rust core's rows (cargo example), not the package's")
    args = ap.parse_args(argv)

    root = polnear_root(args.corpora)
    if not (root / args.split / "text").is_dir():
        print(f"skipped: PolNeAR {args.split} split not found at {root}")
        return 0

    docs = load_polnear(root, args.split, limit=args.limit)
    if args.half is not None:
        mid = len(docs) // 2
        docs = docs[:mid] if args.half == 1 else docs[mid:]
    for d in docs:
        regions = quote_regions(d["text"])
        d["direct"] = [
            a for a in d["attributions"] if all(piece_is_quoted(d["text"], s, e, regions) for s, e in a["content"])
        ]
    preds: Dict[str, List[dict]] = {}
    t0 = time.perf_counter()
    if args.core:
        from core import core_rows

        preds = core_rows("quotes_jsonl", docs)
        elapsed = time.perf_counter() - t0
        n_quotes = sum(len(v) for v in preds.values())
        version = "core"
    else:
        import newsframe as nf
        import polars as pl

        df = pl.DataFrame(
            {
                "id": [d["id"] for d in docs],
                "text": [d["text"] for d in docs],
                "published": [d["published"] for d in docs],
            }
        )
        res = nf.extract(df)
        elapsed = time.perf_counter() - t0
        q = res.quotes
        n_quotes = len(q)
        version = getattr(nf, "__version__", "?")
        cols = ["doc_id", "start", "end", "text", "kind", "speaker", "speaker_canonical", "speaker_start", "speaker_end", "cue"]
        for row in q.select([pl.col(c).cast(pl.String) if c == "kind" else pl.col(c) for c in cols]).iter_rows(named=True):
            preds.setdefault(str(row["doc_id"]), []).append(row)

    ex: Optional[dict] = {} if args.examples else None
    all_s = score(docs, preds, direct=False, examples=ex)
    ex_d: Optional[dict] = {} if args.examples else None
    dir_s = score(docs, preds, direct=True, examples=ex_d)
    for d in docs:
        d["speech"] = [a for a in d["attributions"] if speech_lemma(a["cue_text"])]
    ex_s: Optional[dict] = {} if args.examples else None
    sp_r = score(docs, preds, direct=False, examples=ex_s, gold_key="speech")
    sp_p = score(docs, preds, direct=False, pred_filter=lambda p: speech_lemma(p["cue"]) is not None)
    speech_s = dict(sp_r)
    for crit in ("overlap30", "overlap30/piece", "exact", "exact/piece", "+speaker/piece"):
        r, pr = sp_r[crit], sp_p[crit]
        speech_s[crit] = prf(round(pr["precision"] * pr["n_pred"]), pr["n_pred"], round(r["recall"] * r["n_gold"]), r["n_gold"])

    n_att = sum(len(d["attributions"]) for d in docs)
    n_dir = sum(len(d["direct"]) for d in docs)
    kinds = Counter(p["kind"] for ps in preds.values() for p in ps)
    half = f" half {args.half}" if args.half else ""
    print(f"PolNeAR {args.split}{half}: {len(docs)} documents, {n_att} gold attributions ({n_dir} direct)")
    print(f"newsframe {version}: {n_quotes} quotes predicted {dict(sorted(kinds.items()))} in {elapsed:.2f} s")
    print()
    hdr = f"{'gold set':8} {'match':15} {'P':>6} {'R':>6} {'F1':>6} {'pred':>6} {'gold':>6}  speaker acc (n)"
    print(hdr)
    print("-" * len(hdr))
    for name, s in (("all", all_s), ("direct", dir_s), ("speech", speech_s)):
        for crit in ("overlap30", "overlap30/piece", "exact", "exact/piece", "+speaker/piece"):
            m = s[crit]
            spk = f"{s['speaker_accuracy']:.3f} ({s['speaker_n']})" if crit == "overlap30" and s["speaker_accuracy"] is not None else ""
            print(f"{name:8} {crit:15} {m['precision']:6.3f} {m['recall']:6.3f} {m['f1']:6.3f} {m['n_pred']:6d} {m['n_gold']:6d}  {spk}")
    print()
    print("precision (overlap30) of predictions by kind vs all gold:",
          ", ".join(f"{k} {v['precision']:.3f} (n={v['n']})" for k, v in all_s["precision_by_kind"].items()))
    print(f"matched quotes with no predicted speaker: {all_s['speaker_missing']} of {all_s['speaker_n']}")

    if args.examples:
        n = args.examples
        for title, exs, key in (
            ("missed direct quotes", ex_d, "missed"),
            ("false direct quotes", ex_d, "false"),
            ("wrong speakers", ex, "wrong_speaker"),
            ("missed (all)", ex, "missed"),
            ("missed (speech)", ex_s, "missed"),
            ("false (all)", ex, "false"),
        ):
            items = (exs or {}).get(key, [])
            print(f"\n{title}: {len(items)}")
            step = max(1, len(items) // n) if items else 1
            for it in items[::step][:n]:
                print("  " + " | ".join(_clip(x) if isinstance(x, str) or x is None else str(x) for x in it))

    if args.out:
        out = {
            "corpus": "polnear",
            "split": args.split,
            "half": args.half,
            "documents": len(docs),
            "gold_attributions": n_att,
            "gold_direct": n_dir,
            "predicted": dict(kinds),
            "seconds": round(elapsed, 3),
            "newsframe_version": version,
            "all": all_s,
            "direct": dir_s,
            "speech": speech_s,
        }
        Path(args.out).write_text(json.dumps(out, indent=2))
        print(f"\nwrote {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
