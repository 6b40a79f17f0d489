#!/usr/bin/env python3
"""Fill the `admin1` column of the first-level subdivision rows of data/places.tsv.

A subdivision row (`kind` admin1, id `iso:<ISO 3166-2>`) gets the GeoNames admin1 code its
places carry, so that the loader can compute the region's centroid from them (see
data/README.md). The code is read off the data, nothing is downloaded:

1. the city whose coordinates `build_lexicon.py` gave the subdivision (its capital) lends
   its admin1 code, when it is the only code found there;
2. in the US, GeoNames admin1 codes are the ISO suffixes (US-CA -> CA);
3. a few subdivisions share their capital with a city-region (Kyiv City / Kyiv Oblast);
   their codes are set in HAND below (facts of GeoNames' admin1 list, checked against the
   towns of each code in places.tsv: Bila Tserkva is in UA 13, Podolsk in RU 47, Barysaw
   in BY 05).

A code that two subdivisions would claim is left empty for both. Stdlib only; run
`python data/fill_admin1.py` (build_lexicon.py runs it after writing places.tsv).
"""
import collections
import os

HERE = os.path.dirname(os.path.abspath(__file__))
PATH = os.path.join(HERE, "places.tsv")

HAND = {
    "UA-30": "12", "UA-32": "13",   # Kyiv City, Kyiv Oblast
    "RU-MOW": "48", "RU-MOS": "47",  # Moscow City, Moscow Oblast
    "BY-HM": "04", "BY-MI": "05",   # Minsk City, Minsk Region
}


def main(path=PATH):
    with open(path, encoding="utf-8", newline="") as f:
        lines = f.read().split("\n")
    header = lines[0].split("\t")
    col = {c: i for i, c in enumerate(header)}
    rows = [ln.split("\t") for ln in lines[1:] if ln]
    at_point = collections.defaultdict(set)
    codes = collections.defaultdict(set)
    for r in rows:
        if r[col["kind"]] == "city" and r[col["admin1"]]:
            key = (r[col["country"]], r[col["lat"]], r[col["lon"]])
            at_point[key].add(r[col["admin1"]])
            codes[r[col["country"]]].add(r[col["admin1"]])
    found = {}
    for r in rows:
        if r[col["kind"]] != "admin1":
            continue
        iso, cc = r[col["id"]][len("iso:"):], r[col["country"]]
        here = at_point.get((cc, r[col["lat"]], r[col["lon"]]), set()) if r[col["lat"]] else set()
        suffix = iso.split("-", 1)[1]
        if iso in HAND:
            found[iso] = HAND[iso]
        elif len(here) == 1:
            found[iso] = next(iter(here))
        elif cc == "US" and suffix in codes[cc]:
            found[iso] = suffix
    claimed = collections.Counter((iso.split("-")[0], code) for iso, code in found.items())
    n = 0
    for r in rows:
        if r[col["kind"]] != "admin1":
            continue
        iso = r[col["id"]][len("iso:"):]
        code = found.get(iso, "")
        if code and claimed[(iso.split("-")[0], code)] > 1:
            code = ""
        r[col["admin1"]] = code
        n += bool(code)
    with open(path, "w", encoding="utf-8", newline="") as f:
        f.write("\t".join(header) + "\n")
        for r in rows:
            f.write("\t".join(r) + "\n")
    print("fill_admin1: %d of %d subdivisions have an admin1 code" % (
        n, sum(r[col["kind"]] == "admin1" for r in rows)))


if __name__ == "__main__":
    main()
