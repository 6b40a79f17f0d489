#!/usr/bin/env python3
"""Validate the lexicon files in data/ (run: python data/check.py).

Checks UTF-8, header line, field count on every line, no empty key fields,
duplicate keys/ids, and a few per-file rules.  Exit status 1 on error.
"""
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))

TSV = {
    "places.tsv": ["id", "name", "label", "kind", "country", "admin1", "lat", "lon", "population", "aliases"],
    "place_overrides.tsv": ["id", "name", "add_aliases"],
    "locations.tsv": ["name", "label", "kind", "country", "lat", "lon", "aliases", "id"],
    "orgs.tsv": ["name", "label", "country", "aliases", "id"],
    "people.tsv": ["name", "aliases", "role", "country", "id", "acts_for"],
    "demonyms.tsv": ["surface", "country", "canonical"],
    "titles.tsv": ["title", "kind", "canonical"],
    "cues.tsv": ["form", "lemma", "kind"],
    "words.tsv": ["word", "class"],
    "event_triggers.tsv": ["trigger", "type", "subtype", "role"],
    "modality.tsv": ["cue", "modality"],
    "event_context.tsv": ["word", "kind"],
    "vague_counts.tsv": ["word", "count"],
    "actor_sides.tsv": ["phrase", "kind", "country"],
    "languages.tsv": ["iso639_3", "iso639_1", "name"],
    "cyrillic.tsv": ["letter", "only", "uk_initial", "uk_other", "ru_initial", "ru_other"],
    "offices.tsv": ["office", "phrases", "holder", "start", "end"],
}
# (file, column that must be unique)
UNIQUE = {
    "places.tsv": "id", "place_overrides.tsv": "id", "locations.tsv": "id",
    "orgs.tsv": "id", "people.tsv": "id", "demonyms.tsv": "surface",
    "titles.tsv": "title", "cues.tsv": "form", "modality.tsv": "cue", "event_context.tsv": "word", "vague_counts.tsv": "word",
    "languages.tsv": "iso639_3",
    "cyrillic.tsv": "letter",
}
ENUMS = {
    ("places.tsv", "label"): {"GPE"},
    ("places.tsv", "kind"): {"country", "admin1", "city"},
    ("locations.tsv", "label"): {"LOC", "GPE", "FAC"},
    ("orgs.tsv", "label"): {"ORG", "PRODUCT"},
    ("titles.tsv", "kind"): {"honorific", "rank", "office"},
    ("cues.tsv", "kind"): {"speech", "belief", "phrase"},
    ("words.tsv", "class"): set(re.findall(r'WordClass::\w+ => "(\w+)"', open(os.path.join(HERE, "..", "src", "lexicon", "words.rs"), encoding="utf-8").read())),
    ("event_triggers.tsv", "type"): set(re.findall(r'EventType::\w+ => "(\w+)"', open(os.path.join(HERE, "..", "src", "model.rs"), encoding="utf-8").read())),
    ("event_triggers.tsv", "role"): {"verb", "noun"},
    ("modality.tsv", "modality"): {"hedged", "negated", "planned", "hypothetical"},
    ("event_context.tsv", "kind"): {"guarded", "accident", "violence", "weapon", "territory"},
    ("cyrillic.tsv", "only"): {"", "uk", "ru"},
    ("actor_sides.tsv", "kind"): {"military", "enemy", "own"},
}
# cyrillic.tsv: every letter of both alphabets must have a row.
UK_ALPHABET = "абвгґдеєжзиіїйклмнопрстуфхцчшщьюя"
RU_ALPHABET = "абвгдеёжзийклмнопрстуфхцчшщъыьэюя"
APOSTROPHES = {"'", "\u2019", "\u02bc"}
SILENT = {"ь", "ъ"} | APOSTROPHES


def is_cyrillic(c):
    return "\u0400" <= c <= "\u04ff"


def check_cyrillic(f, n, err):
    """One cyrillic.tsv row: lowercase Cyrillic key (or an apostrophe), lowercase ASCII output."""
    letter = f[0]
    if letter not in APOSTROPHES and not (all(is_cyrillic(c) and c == c.lower() for c in letter) and 1 <= len(letter) <= 3):
        err("cyrillic.tsv:%d: key %r is not lowercase Cyrillic" % (n, letter))
    for v in f[2:]:
        if not all("a" <= c <= "z" for c in v):
            err("cyrillic.tsv:%d: output %r is not lowercase ASCII" % (n, v))
        if not v and letter not in SILENT:
            err("cyrillic.tsv:%d: empty output for %r (only signs and apostrophes are silent)" % (n, letter))


LISTS = ["common_words.txt", "place_stoplist.txt", "first_names.txt",
         "first_names_ambiguous.txt", "org_heads.txt", "function_words_en.txt"]


ISO_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def check_office(f, n, err, seen):
    """offices.tsv: ISO days, start before end, lowercase phrases each of one office."""
    office, phrases, _holder, start, end = f
    if not ISO_DAY.match(start) or (end and not ISO_DAY.match(end)):
        err("offices.tsv:%d: dates must be YYYY-MM-DD (end may be empty): %r %r" % (n, start, end))
    elif end and end <= start:
        err("offices.tsv:%d: end %s not after start %s" % (n, end, start))
    for p in phrases.split("|"):
        if p != p.lower() or not p.strip():
            err("offices.tsv:%d: phrase not lowercase or empty %r" % (n, p))
        if seen.setdefault(("phrase", p), office) != office:
            err("offices.tsv:%d: phrase %r belongs to %r too" % (n, p, seen[("phrase", p)]))


def main():
    errors = 0

    def err(msg):
        nonlocal errors
        errors += 1
        if errors <= 50:
            print("ERROR:", msg)

    for name, header in TSV.items():
        path = os.path.join(HERE, name)
        try:
            text = open(path, encoding="utf-8").read()
        except (OSError, UnicodeDecodeError) as e:
            err("%s: %s" % (name, e))
            continue
        # (line number, line) without comment lines, which may stand anywhere
        lines = [(n, line) for n, line in enumerate(text.split("\n"), 1) if not line.startswith("#")]
        if lines and lines[-1][1] == "":
            lines.pop()
        if not lines or lines[0][1].split("\t") != header:
            err("%s: bad header %r" % (name, lines[0][1] if lines else None))
            continue
        seen = {}
        ucol = header.index(UNIQUE[name]) if name in UNIQUE else None
        if name == "words.tsv":
            for (w, c) in (tuple(line.split("\t")) for _, line in lines[1:]):
                if w != w.lower():
                    err("words.tsv: word not lowercase %r" % w)
                if (w, c) in seen:
                    err("words.tsv: duplicate %r %r" % (w, c))
                seen[(w, c)] = 1
            seen = {}
        for n, line in lines[1:]:
            if "\r" in line:
                err("%s:%d: CR character" % (name, n))
            f = line.split("\t")
            if len(f) != len(header):
                err("%s:%d: %d fields, expected %d" % (name, n, len(f), len(header)))
                continue
            if not f[0].strip():
                err("%s:%d: empty first field" % (name, n))
            for (fn, col), allowed in ENUMS.items():
                if fn == name and f[header.index(col)] not in allowed:
                    err("%s:%d: bad %s %r" % (name, n, col, f[header.index(col)]))
            if ucol is not None:
                key = f[ucol]
                if key in seen:
                    err("%s:%d: duplicate %s %r (line %d)" % (name, n, header[ucol], key, seen[key]))
                seen[key] = n
            if name == "cyrillic.tsv":
                check_cyrillic(f, n, err)
            if name == "offices.tsv":
                check_office(f, n, err, seen)
            if name == "actor_sides.tsv":
                # (phrase, kind) once; lowercase phrases; a side for enemy/own rows only
                key = (f[0], f[1])
                if key in seen:
                    err("%s:%d: duplicate phrase and kind %r (line %d)" % (name, n, key, seen[key]))
                seen[key] = n
                if f[0] != f[0].lower():
                    err("%s:%d: phrase not lowercase %r" % (name, n, f[0]))
                if (f[1] == "military") != (f[2] == ""):
                    err("%s:%d: military rows have no country, enemy/own rows one" % (name, n))
                elif f[2] and not (len(f[2]) == 2 and f[2].isupper()):
                    err("%s:%d: bad country %r" % (name, n, f[2]))
            if name == "places.tsv":
                for col in ("lat", "lon"):
                    v = f[header.index(col)]
                    if v:
                        try:
                            float(v)
                        except ValueError:
                            err("%s:%d: bad %s %r" % (name, n, col, v))
                if not f[8].isdigit():
                    err("%s:%d: bad population %r" % (name, n, f[8]))
                al = f[9][1:] if f[9].startswith("!") else f[9]
                for a in (al.split("|") if al else []):
                    if len(a) < 3 or not a[0].isupper():
                        err("%s:%d: bad alias %r" % (name, n, a))
            for col in ("aliases", "add_aliases"):
                if col in header:
                    v = f[header.index(col)].lstrip("!")
                    if v and "" in v.split("|"):
                        err("%s:%d: empty alias" % (name, n))
        print("%-24s %6d rows  %9d bytes" % (name, len(lines) - 1, os.path.getsize(path)))

    # places: every alias key appears in at most one row
    path = os.path.join(HERE, "places.tsv")
    owner = {}
    for line in open(path, encoding="utf-8").read().splitlines()[1:]:
        f = line.split("\t")
        bang = f[9].startswith("!")
        keys = ([] if bang else [f[1]]) + [a for a in f[9].lstrip("!").split("|") if a]
        for k in set(x.casefold() for x in keys):
            if k in owner and owner[k] != f[0]:
                err("places.tsv: key %r matches %s and %s" % (k, owner[k], f[0]))
            owner[k] = f[0]

    letters = {line.split("\t")[0] for line in open(os.path.join(HERE, "cyrillic.tsv"), encoding="utf-8").read().splitlines()[1:]}
    for c in sorted(set(UK_ALPHABET) | set(RU_ALPHABET)):
        if c not in letters:
            err("cyrillic.tsv: no row for the letter %r" % c)

    for name in LISTS:
        path = os.path.join(HERE, name)
        try:
            lines = [line for line in open(path, encoding="utf-8").read().splitlines()
                     if line.strip() and not line.startswith("#")]
        except (OSError, UnicodeDecodeError) as e:
            err("%s: %s" % (name, e))
            continue
        for line in lines:
            if "\t" in line or line != line.strip():
                err("%s: bad entry %r" % (name, line))
        if len(set(lines)) != len(lines):
            err("%s: duplicate entries" % name)
        print("%-24s %6d entries %8d bytes" % (name, len(lines), os.path.getsize(path)))

    if errors:
        print("%d error(s)" % errors)
        sys.exit(1)
    print("all lexicon files OK")


if __name__ == "__main__":
    main()
