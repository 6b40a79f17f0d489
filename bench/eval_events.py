"""Score newsframe's events on the CASE 2021 task 2 dev snippets.

    python bench/eval_events.py SHARED_CORPORA_DIR [--gold FILE.tsv] [--show-errors N]
                                [--out FILE.json]

Gold: each of the 519 snippets of ``case2021/dev.tsv`` reports one event, labelled with an
ACLED-style ``SubType``; ``bench/data/case2021_args.tsv`` (annotated by hand for this
project, rules in ``bench/data/README.md``) adds ``killed``, ``injured`` and the main
``location`` for the 182 attack, clash and bombing snippets. Texts go in without a
publication date (the corpus gives none).

Measures:
  type hit rate   share of scored snippets (every SubType except HQ_ESTABLISHED, OTHER
                  and the disaster/crime group) with at least one event of an acceptable
                  type (``ACCEPT`` below, from the corpus README), overall and per SubType;
  false alarms    share of NATURAL_DISASTER / MAN_MADE_DISASTER / ORG_CRIME snippets with
                  any ASSAULT, FIGHT, SEIZE or RETREAT event;
  killed/injured  over the annotated snippets: the system's figure is the max over events
                  with ``aggregate`` false (all events when the column is absent), null
                  when none has one; right when equal to gold (null == null is right);
  main location   over annotated snippets with a gold location: the ``location`` of the
                  first event (by event_id) of an acceptable type that has one; right when
                  it equals the gold location or one of its alternatives after folding
                  (case, accents, a leading "the", a trailing "district", "province",
                  "region", "governorate", "county" or "oblast", spaces, hyphens,
                  apostrophes, dots),
                  or when the folded system and gold names contain one another. The
                  system's names are its canonical ``location`` and the surface forms of
                  the snippet's entity mentions with the same ``location_entity_id`` (so
                  a text's "Deraa" resolved to canonical "Daraa" counts as "Deraa").

Exits 0 after printing "skipped: ... not found" when the corpus is absent.
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
import time
import unicodedata
from collections import Counter
from pathlib import Path
from typing import Dict, Iterable, List, Optional, Sequence, Tuple

sys.path.insert(0, str(Path(__file__).resolve().parent))
from corpora import case2021_root, load_case2021  # noqa: E402

GOLD_DEFAULT = Path(__file__).resolve().parent / "data" / "case2021_args.tsv"

_ATTACK = frozenset({"ASSAULT", "CASUALTIES"})
ACCEPT: Dict[str, frozenset] = {
    **{s: _ATTACK for s in ("AIR_STRIKE", "ART_MISS_ATTACK", "GRENADE", "SUIC_BOMB", "REM_EXPLOS",
                            "CHEM_WEAP", "ATTACK", "SEX_VIOL")},
    "ARMED_CLASH": frozenset({"FIGHT", "ASSAULT", "CASUALTIES"}),
    "GOV_REGAINS_TERIT": frozenset({"SEIZE"}),
    "NON_STATE_ACTOR_OVERTAKES_TER": frozenset({"SEIZE"}),
    "NON_VIOL_TERRIT_TRANSFER": frozenset({"SEIZE", "RETREAT"}),
    **{s: frozenset({"PROTEST"}) for s in ("PEACE_PROTEST", "PROTEST_WITH_INTER", "VIOL_DEMONSTR")},
    "MOB_VIOL": frozenset({"ASSAULT", "PROTEST", "CASUALTIES"}),
    "FORCE_AGAINST_PROTEST": frozenset({"ASSAULT", "ARREST", "PROTEST", "CASUALTIES"}),
    "ARREST": frozenset({"ARREST"}),
    "ABDUCT_DISSAP": frozenset({"ARREST", "ASSAULT"}),
    "AGREEMENT": frozenset({"AGREE"}),
    "DIPLO": frozenset({"CONSULT", "SANCTION", "NEGOTIATE", "ACCUSE", "DEMAND", "THREATEN", "AGREE", "PROTEST"}),
    "PROPERTY_DISTRUCT": frozenset({"DESTROY", "ASSAULT"}),
    "CHANGE_TO_GROUP_ACT": frozenset({"MOBILIZE", "RETREAT"}),
    "DISR_WEAP": frozenset({"SEIZE", "DESTROY", "ARREST"}),
    "ATTRIB": frozenset({"ACCUSE", "ASSAULT", "CASUALTIES"}),
}
NEGATIVE = frozenset({"NATURAL_DISASTER", "MAN_MADE_DISASTER", "ORG_CRIME"})
WAR_TYPES = frozenset({"ASSAULT", "FIGHT", "SEIZE", "RETREAT"})
UNSCORED = frozenset({"HQ_ESTABLISHED", "OTHER"})

Event = dict  # {"event_id", "type", "location", "killed", "injured", "aggregate"}


# --------------------------------------------------------------------------- gold


def load_gold(path: Path) -> Dict[str, dict]:
    """``{id: {"killed", "injured", "location", "location_alt": [..]}}``; empty cells -> None."""
    out: Dict[str, dict] = {}
    with open(path, encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE):
            out[row["id"]] = {
                "killed": int(row["killed"]) if row["killed"] else None,
                "injured": int(row["injured"]) if row["injured"] else None,
                "location": row["location"] or None,
                "location_alt": [a for a in (row["location_alt"] or "").split(";") if a],
            }
    return out


# --------------------------------------------------------------------------- scoring (pure)


def type_hit(subtype: str, events: Sequence[Event]) -> bool:
    """At least one event of a type acceptable for ``subtype``."""
    ok = ACCEPT.get(subtype, frozenset())
    return any(e["type"] in ok for e in events)


def false_alarm(events: Sequence[Event]) -> bool:
    """Any war event (ASSAULT, FIGHT, SEIZE, RETREAT)."""
    return any(e["type"] in WAR_TYPES for e in events)


def system_count(events: Sequence[Event], field: str) -> Optional[int]:
    """Max of ``field`` (killed/injured) over non-aggregate events; None when none has one."""
    vals = [e[field] for e in events if e.get(field) is not None and not e.get("aggregate")]
    return max(vals) if vals else None


def main_location(subtype: str, events: Sequence[Event]) -> Optional[Event]:
    """The first event (by event_id) of an acceptable type that has a ``location``."""
    ok = ACCEPT.get(subtype, frozenset())
    for e in sorted(events, key=lambda e: e["event_id"]):
        if e["type"] in ok and e.get("location"):
            return e
    return None


ADMIN_WORDS = ("district", "province", "region", "governorate", "county", "oblast")


def fold_place(name: Optional[str]) -> str:
    """Case, accents, a leading "the", a trailing administrative word ("Lakki Marwat
    district" -> "Lakki Marwat"), spaces, hyphens, apostrophes and dots folded away."""
    if not name:
        return ""
    t = unicodedata.normalize("NFKD", name)
    t = "".join(ch for ch in t if not unicodedata.combining(ch)).lower().strip()
    if t.startswith("the "):
        t = t[4:]
    words = t.split()
    if len(words) > 1 and words[-1] in ADMIN_WORDS:
        t = " ".join(words[:-1])
    return "".join(ch for ch in t if ch.isalnum())


def place_matches(got: Optional[str], gold: str, alts: Iterable[str] = (), surfaces: Iterable[str] = ()) -> bool:
    """``got`` (or one of the ``surfaces`` the text used for it) equals gold or an
    alternative after folding; or ``got`` contains / is contained in gold."""
    g = fold_place(got)
    if not g:
        return False
    golds = {fold_place(a) for a in [gold, *alts]}
    if g in golds or any(fold_place(s) in golds for s in surfaces):
        return True
    gg = fold_place(gold)
    return bool(gg) and (g in gg or gg in g)


def ratio(ok: int, n: int) -> str:
    return f"{ok / n:.3f} ({ok}/{n})" if n else "n/a (0/0)"


# --------------------------------------------------------------------------- run


def events_by_doc(ev_df) -> Dict[str, List[Event]]:
    import polars as pl

    cols = ["doc_id", "event_id", "type", "location", "location_entity_id", "killed", "injured"]
    has_agg = "aggregate" in ev_df.columns
    if has_agg:
        cols.append("aggregate")
    out: Dict[str, List[Event]] = {}
    sel = ev_df.select([pl.col(c).cast(pl.String) if c in ("type", "doc_id") else pl.col(c) for c in cols])
    for row in sel.iter_rows(named=True):
        row.setdefault("aggregate", False)
        out.setdefault(row["doc_id"], []).append(row)
    return out


def core_events(docs: Sequence[dict]) -> Tuple[Dict[str, List[Event]], Dict[Tuple[str, str], List[str]]]:
    """As `events_by_doc` and the entity surfaces, from the Rust core alone
    (`examples/events_jsonl.rs` through `core.core_rows`): for iterating on event rules."""
    from core import core_rows

    evs: Dict[str, List[Event]] = {}
    surf: Dict[Tuple[str, str], List[str]] = {}
    for doc_id, rows in core_rows("events_jsonl", ({"id": d["id"], "text": d["text"]} for d in docs)).items():
        for i, row in enumerate(rows):
            rec = {k: row.get(k) for k in ("doc_id", "type", "location", "location_entity_id", "killed", "injured",
                                           "aggregate")}
            rec["event_id"] = i  # (a document's rows come in order, as the table's ids)
            evs.setdefault(doc_id, []).append(rec)
            if row.get("location_entity_id"):
                surf[(doc_id, row["location_entity_id"])] = row.get("location_surfaces") or []
    return evs, surf


def main(argv: Optional[Sequence[str]] = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("corpora", help="the shared corpora folder (holding case2021/)")
    ap.add_argument("--gold", default=str(GOLD_DEFAULT), help="argument gold TSV (default: bench/data/case2021_args.tsv)")
    ap.add_argument("--show-errors", type=int, default=0, metavar="N", help="print up to N mistakes per measure")
    ap.add_argument("--out", default=None, help="write the figures as JSON here")
    ap.add_argument("--core", action="store_true",
                    help="run the Rust core through cargo (examples/events_jsonl.rs) instead of the installed package")
    args = ap.parse_args(argv)

    root = case2021_root(args.corpora)
    if not (root / "dev.tsv").exists():
        print(f"skipped: CASE 2021 dev.tsv not found at {root}")
        return 0

    docs = load_case2021(root)
    gold = load_gold(Path(args.gold))
    t0 = time.perf_counter()
    if args.core:
        evs, surf = core_events(docs)
        version = "core"
        has_agg = True
    else:
        import newsframe as nf
        import polars as pl

        df = pl.DataFrame({"id": [d["id"] for d in docs], "text": [d["text"] for d in docs]})
        res = nf.extract(df)
        evs = events_by_doc(res.events)
        surf = {}
        for row in res.entities.select(pl.col("doc_id").cast(pl.String), "entity_id", "text").iter_rows():
            surf.setdefault((row[0], row[1]), []).append(row[2])
        version = getattr(nf, "__version__", "?")
        has_agg = "aggregate" in res.events.columns
    elapsed = time.perf_counter() - t0

    errors: Dict[str, List[Tuple]] = {}

    def err(measure: str, *item) -> None:
        errors.setdefault(measure, []).append(item)

    per_n: Counter = Counter()
    per_hit: Counter = Counter()
    neg_n = neg_fa = 0
    cnt = {"killed": [0, 0], "injured": [0, 0]}
    loc_n = loc_ok = 0
    for d in docs:
        sub, es = d["subtype"], evs.get(d["id"], [])
        if sub in NEGATIVE:
            neg_n += 1
            if false_alarm(es):
                neg_fa += 1
                err("false alarms", d["id"], sub, ",".join(sorted({e["type"] for e in es if e["type"] in WAR_TYPES})))
        elif sub not in UNSCORED:
            per_n[sub] += 1
            if type_hit(sub, es):
                per_hit[sub] += 1
            else:
                err("type misses", d["id"], sub, ",".join(sorted({e["type"] for e in es})) or "no event")
        g = gold.get(d["id"])
        if g is None:
            continue
        for field in ("killed", "injured"):
            got = system_count(es, field)
            cnt[field][0] += 1
            if got == g[field]:
                cnt[field][1] += 1
            else:
                err(field, d["id"], g[field], got)
        if g["location"] is not None:
            loc_n += 1
            e = main_location(sub, es)
            got = e["location"] if e else None
            names = surf.get((d["id"], e["location_entity_id"]), []) if e else []
            if place_matches(got, g["location"], g["location_alt"], names):
                loc_ok += 1
            else:
                err("main location", d["id"], g["location"], got)

    n_scored, n_hit = sum(per_n.values()), sum(per_hit.values())
    print(f"CASE 2021 dev: {len(docs)} snippets, {n_scored} scored for type, {neg_n} disaster/crime, "
          f"{len(gold)} with argument gold")
    print(f"newsframe {version}: {sum(len(v) for v in evs.values())} events in {elapsed:.2f} s"
          f"{'' if has_agg else ' (no aggregate column: all events counted)'}")
    print()
    print(f"type hit rate        {ratio(n_hit, n_scored)}")
    for sub in sorted(per_n, key=lambda s: (-per_n[s], s)):
        print(f"  {sub:30} {per_hit[sub]:3d}/{per_n[sub]:<3d} {per_hit[sub] / per_n[sub]:.3f}")
    print(f"false alarms         {ratio(neg_fa, neg_n)}")
    print(f"killed accuracy      {ratio(cnt['killed'][1], cnt['killed'][0])}")
    print(f"injured accuracy     {ratio(cnt['injured'][1], cnt['injured'][0])}")
    print(f"main location acc.   {ratio(loc_ok, loc_n)}")
    f = lambda ok, n: ok / n if n else 0.0  # noqa: E731
    summary = {
        "type_hit_rate": round(f(n_hit, n_scored), 3),
        "false_alarms": round(f(neg_fa, neg_n), 3),
        "killed_acc": round(f(*cnt["killed"][::-1]), 3),
        "injured_acc": round(f(*cnt["injured"][::-1]), 3),
        "location_acc": round(f(loc_ok, loc_n), 3),
    }
    print()
    print("summary: " + " ".join(f"{k}={v:.3f}" for k, v in summary.items()))

    if args.show_errors:
        for measure in ("type misses", "false alarms", "killed", "injured", "main location"):
            items = errors.get(measure, [])
            print(f"\n{measure}: {len(items)} errors (id, gold, got)")
            for it in items[: args.show_errors]:
                print("  " + " | ".join("∅" if x is None else str(x) for x in it))

    if args.out:
        out = {
            "corpus": "case2021/dev",
            "snippets": len(docs),
            "seconds": round(elapsed, 3),
            "newsframe_version": version,
            **summary,
            "per_subtype": {s: {"n": per_n[s], "hits": per_hit[s]} for s in sorted(per_n)},
            "counts": {"type": [n_hit, n_scored], "false_alarms": [neg_fa, neg_n], "killed": cnt["killed"][::-1],
                       "injured": cnt["injured"][::-1], "location": [loc_ok, loc_n]},
        }
        Path(args.out).write_text(json.dumps(out, indent=2))
        print(f"\nwrote {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
