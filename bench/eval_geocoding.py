"""Score newsframe's place points against hand-annotated coordinates (Mordecai-style).

    python bench/eval_geocoding.py [GOLD] [--core] [--show-errors]

GOLD defaults to bench/data/geocoding_gold.tsv beside this script: one row per distinct
place name written in an article of the war-article sets (`file`, `doc_id`, `surface`,
`type`, `lat`, `lon`, `geonames_id`, `note`), decided by reading the articles and the
gazetteer without running newsframe (see geocoding_gold.README.md). Rows whose
coordinates are `?` (a place that could not be identified) are skipped.

For each gold row, the system's reading is the first entity mention with a point that
overlaps a whole-word occurrence of `surface` in the article. Printed per place type group:

  towns     city, village and district rows: a reading is right when its id is the gold
            id or its point lies within 161 km of the gold point (100 miles, the
            tolerance of Mordecai and of the geoparsing literature since Leidner), and
            "close" within 25 km, which tells two villages of one name apart;
  regions   region and country rows: right when the ids are equal or the points lie
            within 400 km (a centroid of a large region moves with how it is weighted);
  no point  gold rows with no system mention carrying a point (unrecognised names, or
            names the system declined to place);
  median    the median distance in km over rows with a point.

`--core` runs the Rust core through cargo (`examples/entities_jsonl.rs`) instead of the
installed package.
"""

from __future__ import annotations

import argparse
import csv
import json
import math
import re
import statistics
import sys
from collections import defaultdict
from pathlib import Path
from typing import Any, Dict, List, Optional, Tuple

HERE = Path(__file__).resolve().parent
DEFAULT_GOLD = HERE / "data" / "geocoding_gold.tsv"
TOWN_TYPES = {"city", "village", "district"}
TOWN_KM, CLOSE_KM, REGION_KM = 161.0, 25.0, 400.0


def km(a: Tuple[float, float], b: Tuple[float, float]) -> float:
    """Great-circle distance in kilometres."""
    la1, lo1, la2, lo2 = map(math.radians, (a[0], a[1], b[0], b[1]))
    h = math.sin((la2 - la1) / 2) ** 2 + math.cos(la1) * math.cos(la2) * math.sin((lo2 - lo1) / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(h)))


def load_gold(path: Path) -> List[Dict[str, str]]:
    with open(path, encoding="utf-8", newline="") as f:
        return [r for r in csv.DictReader(f, delimiter="\t") if r["lat"] != "?" and r["lon"] != "?"]


def load_docs(files: List[Path]) -> Dict[Tuple[str, str], Dict[str, Any]]:
    docs = {}
    for path in files:
        with open(path, encoding="utf-8") as f:
            for line in f:
                if line.strip():
                    d = json.loads(line)
                    docs[(path.name, d["id"])] = d
    return docs


def mentions_installed(docs: List[Dict[str, Any]]) -> Dict[str, List[Dict[str, Any]]]:
    import newsframe as nf
    import polars as pl

    frame = pl.DataFrame({
        "id": [d["key"] for d in docs],
        "published": [d.get("published") for d in docs],
        "text": [d["text"] for d in docs],
    })
    out: Dict[str, List[Dict[str, Any]]] = defaultdict(list)
    for row in nf.extract(frame).entities.iter_rows(named=True):
        out[str(row["doc_id"])].append(row)
    return out


def mentions_core(docs: List[Dict[str, Any]]) -> Dict[str, List[Dict[str, Any]]]:
    """As `mentions_installed`, from `examples/entities_jsonl.rs` (through `core.core_rows`)."""
    from core import core_rows

    out: Dict[str, List[Dict[str, Any]]] = defaultdict(list)
    out.update(core_rows("entities_jsonl", (dict(d, id=d["key"]) for d in docs)))
    return out


def reading(text: str, surface: str, mentions: List[Dict[str, Any]]) -> Optional[Dict[str, Any]]:
    """The first mention with a point that overlaps a whole-word occurrence of `surface`
    (an occurrence inside an organisation's name, "Russia's Defence Ministry", has none)."""
    placed = sorted((m for m in mentions if m.get("lat") is not None and m.get("lon") is not None),
                    key=lambda m: m["start"])
    for found in re.finditer(r"(?<!\w)" + re.escape(surface) + r"(?!\w)", text):
        at, end = found.span()
        for m in placed:
            if m["start"] < end and at < m["end"]:
                return m
    return None


def main(argv: Optional[List[str]] = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("gold", nargs="?", type=Path, default=DEFAULT_GOLD)
    ap.add_argument("--core", action="store_true", help="run the Rust core through cargo")
    ap.add_argument("--show-errors", action="store_true")
    args = ap.parse_args(argv)
    if not args.gold.exists():
        print(f"skipped: {args.gold} not found")
        return 0
    gold = load_gold(args.gold)
    docs = load_docs(sorted({args.gold.parent / r["file"] for r in gold}))
    keyed = [dict(d, key=f"{f}::{i}") for (f, i), d in docs.items()]
    system = mentions_core(keyed) if args.core else mentions_installed(keyed)

    groups = {"towns": defaultdict(int), "regions": defaultdict(int)}
    errors: List[float] = []
    shown: List[str] = []
    for r in gold:
        doc = docs.get((r["file"], r["doc_id"]))
        if doc is None:
            print(f"warning: no article {r['file']}::{r['doc_id']}", file=sys.stderr)
            continue
        g = groups["towns" if r["type"] in TOWN_TYPES else "regions"]
        g["n"] += 1
        m = reading(doc["text"], r["surface"], system.get(f"{r['file']}::{r['doc_id']}", []))
        if m is None:
            g["no point"] += 1
            shown.append(f"  no point  {r['doc_id']}: {r['surface']!r} (gold {r['geonames_id']} {r['note']})")
            continue
        d = km((float(r["lat"]), float(r["lon"])), (m["lat"], m["lon"]))
        errors.append(d)
        same_id = r["geonames_id"] not in ("", "-") and m.get("entity_id") == r["geonames_id"]
        tolerance = TOWN_KM if r["type"] in TOWN_TYPES else REGION_KM
        if same_id or d <= tolerance:
            g["right"] += 1
        else:
            shown.append(f"  {d:7.0f} km  {r['doc_id']}: {r['surface']!r} -> {m.get('canonical')} "
                         f"{m.get('entity_id')} (gold {r['geonames_id']} {r['note']})")
        if same_id or d <= CLOSE_KM:
            g["close"] += 1

    print(f"gold rows: {len(gold)} in {len({(r['file'], r['doc_id']) for r in gold})} articles")
    for name, g in groups.items():
        n = g["n"] or 1
        line = (f"{name:8s} n={g['n']:4d}  right {g['right'] / n:.3f}  no point {g['no point'] / n:.3f}")
        if name == "towns":
            line += f"  within {CLOSE_KM:.0f} km {g['close'] / n:.3f}"
        print(line)
    if errors:
        print(f"median error {statistics.median(errors):.1f} km over {len(errors)} rows with a point")
    if args.show_errors:
        print("\n".join(shown))
    return 0


if __name__ == "__main__":
    sys.exit(main())
