"""Score newsframe's events table against the hand-written war articles.

    python bench/eval_war_articles.py [PATH] [--show-errors]

PATH defaults to bench/data/war_articles.jsonl beside this script: one JSON object per
line with id, published, style, text, total_killed and events (the gold rows, one per
happening at one place on one day, as docs/design.md defines an event row). The articles and
their gold rows are fictional, written for this project.

Matching, per document, one-to-one and greedy: a system row can match a gold row when
they have the same type and their triggers overlap (the system trigger appears in the
gold trigger or the gold trigger in the system trigger, ignoring case; a gold trigger may
list the several words that report one happening, separated by "|", e.g. the headline's
"kill" and the lead's "struck"). Among the candidate pairs, those that also agree on
location, then date, then actor are taken first.

Printed:
  events    precision, recall, F1 of matched rows (overall and per type);
  location  among matched pairs: system `location` equals the gold place or contains it,
            ignoring case (gold null matches only null);
  date      system `date` (ISO) equals the gold date (null matches null);
  actor     system `actor_canonical` or `actor` contains the gold actor, ignoring case
            ("Russia" in "Russian Armed Forces"; "Ukrainian" counts for "Ukraine");
            gold null matches only null in both;
  modality  equal;
  killed    per document: the gold total_killed against the sum of system `killed` over
            rows whose `aggregate` is false (over all rows when the column is absent);
            the count of documents where the two are equal.

Columns the system does not produce yet (aggregate, date_source, ...) count as null.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Dict, Iterable, List, Optional, Sequence, Tuple

DEFAULT_PATH = Path(__file__).resolve().parent / "data" / "war_articles.jsonl"
FIELDS = ("trigger", "type", "location", "date", "actor", "actor_canonical", "killed",
          "injured", "aggregate", "approximate", "modality")
CHECKS = ("location", "date", "actor", "modality")


# --------------------------------------------------------------------------- data


def load_gold(path: Path) -> List[Dict[str, Any]]:
    """The gold documents of a JSONL file, in file order."""
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def _plain(value: Any) -> Any:
    """A polars cell as a plain value: dates as ISO strings, categoricals as str."""
    if value is None:
        return None
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return value


def system_rows(docs: Sequence[Dict[str, Any]]) -> Dict[str, List[Dict[str, Any]]]:
    """Run newsframe on the documents; per doc id, its event rows as dicts of FIELDS.

    A column missing from the events table is None in every row; `has_aggregate` on
    each row says whether the column existed.
    """
    import newsframe as nf
    import polars as pl

    frame = pl.DataFrame({
        "id": [d["id"] for d in docs],
        "published": [d["published"] for d in docs],
        "text": [d["text"] for d in docs],
    })
    events = nf.extract(frame).events
    present = set(events.columns)
    out: Dict[str, List[Dict[str, Any]]] = {d["id"]: [] for d in docs}
    for row in events.iter_rows(named=True):
        rec = {k: _plain(row.get(k)) if k in present else None for k in FIELDS}
        rec["has_aggregate"] = "aggregate" in present
        out.setdefault(str(row["doc_id"]), []).append(rec)
    return out


def core_rows(docs: Sequence[Dict[str, Any]]) -> Dict[str, List[Dict[str, Any]]]:
    """As `system_rows`, from the Rust core alone (`examples/events_jsonl.rs` through
    `core.core_rows`, without the Python extension): for iterating on event rules."""
    from core import core_rows as example_rows

    out: Dict[str, List[Dict[str, Any]]] = {d["id"]: [] for d in docs}
    for doc_id, rows in example_rows("events_jsonl", docs).items():
        for row in rows:
            rec = {k: row.get(k) for k in FIELDS}
            rec["has_aggregate"] = True
            out.setdefault(doc_id, []).append(rec)
    return out


# --------------------------------------------------------------------------- comparisons


def _norm(s: Optional[str]) -> str:
    return " ".join(str(s).lower().split()) if s is not None else ""


def triggers_overlap(system: Optional[str], gold: Optional[str]) -> bool:
    """The system trigger is inside one of the gold alternatives, or one inside it."""
    s = _norm(system)
    if not s:
        return False
    for alt in (_norm(a) for a in (gold or "").split("|")):
        if alt and (s in alt or alt in s):
            return True
    return False


_ALIASES: Optional[Dict[str, set]] = None


def place_aliases() -> Dict[str, set]:
    """Canonical place name (lowercased) -> its other names in `data/places.tsv`.

    The gold writes a place as the text does ("Orekhov", "Kursk region"); the events table
    gives the gazetteer's canonical name ("Orikhiv", "Kursk Oblast"). A name the gazetteer
    lists for the very place the system chose is the same place, not a wrong one.
    """
    global _ALIASES
    if _ALIASES is None:
        _ALIASES = {}
        path = Path(__file__).resolve().parent.parent / "data" / "places.tsv"
        if path.exists():
            with open(path, encoding="utf-8") as f:
                next(f, None)
                for line in f:
                    cols = line.rstrip("\n").split("\t")
                    if len(cols) < 10 or not cols[9]:
                        continue
                    names = {_norm(a.lstrip("!")) for a in cols[9].split("|") if a}
                    _ALIASES.setdefault(_norm(cols[1]), set()).update(names)
    return _ALIASES


def location_ok(system: Optional[str], gold: Optional[str]) -> bool:
    """Equal or containing the gold place, ignoring case, or a name the gazetteer gives
    the system's place; null only matches null."""
    if gold is None:
        return system is None
    if system is None:
        return False
    return _norm(gold) in _norm(system) or _norm(gold) in place_aliases().get(_norm(system), ())


def date_ok(system: Optional[str], gold: Optional[str]) -> bool:
    return system == gold


# Adjectives that do not contain their country's name ("Ukraine" is not in "Ukrainian").
DEMONYMS = {"ukraine": "ukrainian", "netherlands": "dutch", "france": "french",
            "germany": "german", "united states": "u.s.", "united kingdom": "british"}


def actor_ok(canonical: Optional[str], surface: Optional[str], gold: Optional[str]) -> bool:
    """`actor_canonical` or `actor` contains the gold side or its adjective; null only matches null."""
    if gold is None:
        return canonical is None and surface is None
    forms = [f for f in (_norm(gold), DEMONYMS.get(_norm(gold))) if f]
    return any(v is not None and f in _norm(v) for v in (canonical, surface) for f in forms)


def modality_ok(system: Optional[str], gold: Optional[str]) -> bool:
    return _norm(system) == _norm(gold)


def checks(sys_row: Dict[str, Any], gold_row: Dict[str, Any]) -> Dict[str, bool]:
    """Which attributes of a matched pair agree."""
    return {
        "location": location_ok(sys_row.get("location"), gold_row.get("location")),
        "date": date_ok(sys_row.get("date"), gold_row.get("date")),
        "actor": actor_ok(sys_row.get("actor_canonical"), sys_row.get("actor"), gold_row.get("actor")),
        "modality": modality_ok(sys_row.get("modality"), gold_row.get("modality")),
    }


def can_match(sys_row: Dict[str, Any], gold_row: Dict[str, Any]) -> bool:
    return sys_row.get("type") == gold_row["type"] and triggers_overlap(sys_row.get("trigger"), gold_row["trigger"])


def match_doc(sys_rows: Sequence[Dict[str, Any]], gold_rows: Sequence[Dict[str, Any]]) -> List[Tuple[int, int]]:
    """Greedy one-to-one (system index, gold index) pairs, best agreeing pairs first."""
    cands = []
    for si, s in enumerate(sys_rows):
        for gi, g in enumerate(gold_rows):
            if can_match(s, g):
                c = checks(s, g)
                rank = (c["location"], c["date"], c["actor"], c["modality"])
                cands.append((tuple(not x for x in rank), si, gi))
    cands.sort()
    used_s, used_g, pairs = set(), set(), []
    for _, si, gi in cands:
        if si not in used_s and gi not in used_g:
            used_s.add(si)
            used_g.add(gi)
            pairs.append((si, gi))
    return sorted(pairs, key=lambda p: p[1])


def killed_sum(sys_rows: Iterable[Dict[str, Any]]) -> int:
    """Sum of `killed` over non-aggregate rows (all rows when there is no such column)."""
    total = 0
    for r in sys_rows:
        if r.get("has_aggregate") and r.get("aggregate"):
            continue
        total += r.get("killed") or 0
    return total


def prf(tp: int, n_sys: int, n_gold: int) -> Tuple[float, float, float]:
    p = tp / n_sys if n_sys else 0.0
    r = tp / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


# --------------------------------------------------------------------------- scoring


@dataclass
class Score:
    tp: int = 0
    n_sys: int = 0
    n_gold: int = 0
    by_type: Dict[str, Counter] = field(default_factory=dict)
    agree: Counter = field(default_factory=Counter)
    killed_equal: int = 0
    n_docs: int = 0
    errors: List[str] = field(default_factory=list)


def _brief(r: Dict[str, Any]) -> str:
    actor = r.get("actor_canonical") or r.get("actor")
    return (f"{r.get('type')} '{r.get('trigger')}' loc={r.get('location')} date={r.get('date')} "
            f"actor={actor} killed={r.get('killed')} injured={r.get('injured')} "
            f"agg={r.get('aggregate')} mod={r.get('modality')}")


def score_doc(score: Score, doc: Dict[str, Any], sys_rows: List[Dict[str, Any]]) -> None:
    gold_rows = doc["events"]
    pairs = match_doc(sys_rows, gold_rows)
    score.tp += len(pairs)
    score.n_sys += len(sys_rows)
    score.n_gold += len(gold_rows)
    score.n_docs += 1
    for r in sys_rows:
        score.by_type.setdefault(str(r.get("type")), Counter())["sys"] += 1
    for g in gold_rows:
        score.by_type.setdefault(g["type"], Counter())["gold"] += 1
    did = doc["id"]
    for si, gi in pairs:
        s, g = sys_rows[si], gold_rows[gi]
        score.by_type[g["type"]]["tp"] += 1
        for name, ok in checks(s, g).items():
            score.agree[name] += ok
            if not ok:
                score.errors.append(f"[{did}] {name} wrong\n    gold {_brief(g)}\n    sys  {_brief(s)}")
    matched_s = {si for si, _ in pairs}
    matched_g = {gi for _, gi in pairs}
    for gi, g in enumerate(gold_rows):
        if gi not in matched_g:
            score.errors.append(f"[{did}] missed     {_brief(g)}")
    for si, s in enumerate(sys_rows):
        if si not in matched_s:
            score.errors.append(f"[{did}] spurious   {_brief(s)}")
    got = killed_sum(sys_rows)
    if got == doc["total_killed"]:
        score.killed_equal += 1
    else:
        score.errors.append(f"[{did}] killed sum {got} != gold total {doc['total_killed']}")


def report(score: Score) -> None:
    p, r, f = prf(score.tp, score.n_sys, score.n_gold)
    print(f"events (same type + trigger overlap): P {p:.3f}  R {r:.3f}  F1 {f:.3f}  "
          f"(matched {score.tp}, system {score.n_sys}, gold {score.n_gold})")
    print(f"  {'type':<11} {'P':>6} {'R':>6} {'F1':>6} {'tp':>4} {'sys':>4} {'gold':>4}")
    for t in sorted(score.by_type):
        c = score.by_type[t]
        tp, ns, ng = c["tp"], c["sys"], c["gold"]
        tp_, tr, tf = prf(tp, ns, ng)
        print(f"  {t:<11} {tp_:6.3f} {tr:6.3f} {tf:6.3f} {tp:4d} {ns:4d} {ng:4d}")
    print(f"among {score.tp} matched pairs:")
    for name in CHECKS:
        n = score.agree[name]
        acc = n / score.tp if score.tp else 0.0
        print(f"  {name:<9} accuracy {acc:.3f} ({n}/{score.tp})")
    kf = score.killed_equal / score.n_docs if score.n_docs else 0.0
    print(f"killed: non-aggregate sum equals the article's total in {score.killed_equal}/{score.n_docs} "
          f"documents ({kf:.3f})")


def main(argv: Optional[Sequence[str]] = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("path", nargs="?", default=str(DEFAULT_PATH), help="gold JSONL (default: %(default)s)")
    ap.add_argument("--show-errors", action="store_true", help="print misses, spurious rows and wrong attributes")
    ap.add_argument("--core", action="store_true",
                    help="run the Rust core through cargo (examples/events_jsonl.rs) instead of the installed package")
    args = ap.parse_args(argv)
    docs = load_gold(Path(args.path))
    rows = core_rows(docs) if args.core else system_rows(docs)
    score = Score()
    for d in docs:
        score_doc(score, d, rows.get(d["id"], []))
    print(f"{len(docs)} documents, {sum(len(d['events']) for d in docs)} gold events: {args.path}")
    report(score)
    if args.show_errors:
        print("\nerrors:")
        for e in score.errors:
            print(e)
    return 0


if __name__ == "__main__":
    sys.exit(main())
