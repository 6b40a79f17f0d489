"""Score the HTML extractors against hand-written news pages with known main text.

    python bench/eval_html.py [DIR] [--extractor builtin|trafilatura|all] [--show-errors]

DIR defaults to tests/data/html: pages NAME.html (written for this project in the shapes of
real news sites, the text fictional) with NAME.expected.json beside each: ``paragraphs``
(the article's main text, headline first, one string per paragraph) and the metadata
``title``, ``published`` (a day, YYYY-MM-DD), ``author`` (names joined by ", ") and ``url``
(null where the page has none).

Scores, per extractor, summed over the pages:

  paragraphs  recall: expected paragraphs found in the extracted text (as a substring of
              it, after folding whitespace, quote marks and dashes, so that one extractor
              joining two paragraphs is not punished); precision: extracted paragraphs that
              are in the expected text (the same folding; a paragraph of boilerplate, a
              caption or a time stamp counts against it); F1 of the two.
  pages       pages whose paragraphs are all found with nothing extra.
  metadata    per field, pages where the extracted value equals the expected one (dates
              compared on the day; null equals null only).

trafilatura is optional (``pip install 'newsframe[html]'``); without it only the built-in
extractor is scored.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from pathlib import Path
from typing import Any, Dict, List, Optional, Tuple

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "python"))

from newsframe._html import EXTRACTORS, HtmlPage, decode_html, page_from_html  # noqa: E402

DEFAULT_DIR = ROOT / "tests" / "data" / "html"
FIELDS = ("title", "published", "author", "url")
_FOLD = str.maketrans({"“": '"', "”": '"', "‘": "'", "’": "'", "—": "-", "–": "-", "\u00a0": " "})


def fold(s: str) -> str:
    """Text compared by content: quote marks and dashes folded, whitespace collapsed."""
    return re.sub(r"\s+", " ", s.translate(_FOLD)).strip()


def load_pages(folder: Path) -> List[Tuple[str, str, Dict[str, Any]]]:
    out = []
    for page in sorted(folder.glob("*.html")):
        expected = page.with_suffix(".expected.json")
        if expected.exists():
            out.append((page.stem, decode_html(page.read_bytes())[0], json.loads(expected.read_text(encoding="utf-8"))))
    return out


def paragraph_scores(text: str, expected: List[str]) -> Tuple[int, int, int, int, List[str], List[str]]:
    """(found, expected, correct, extracted, missed paragraphs, extra paragraphs)."""
    got = [fold(p) for p in text.split("\n\n") if p.strip()]
    want = [fold(p) for p in expected]
    got_all, want_all = " \n ".join(got), " \n ".join(want)
    missed = [w for w in want if w not in got_all]
    extra = [g for g in got if g not in want_all]
    return len(want) - len(missed), len(want), len(got) - len(extra), len(got), missed, extra


def field_ok(field: str, got: Optional[str], want: Optional[str]) -> bool:
    if got is None or want is None:
        return got is None and want is None
    if field == "published":
        return got[:10] == want[:10]
    return fold(got) == fold(want)


def evaluate(extractor: str, pages: List[Tuple[str, str, Dict[str, Any]]], show_errors: bool) -> Dict[str, Any]:
    found = n_want = correct = n_got = perfect = 0
    fields = {f: 0 for f in FIELDS}
    t0 = time.perf_counter()
    for name, html, exp in pages:
        page: HtmlPage = page_from_html(html, extractor=extractor)
        f, w, c, g, missed, extra = paragraph_scores(page.text, exp["paragraphs"])
        found, n_want, correct, n_got = found + f, n_want + w, correct + c, n_got + g
        perfect += not missed and not extra
        for field in FIELDS:
            ok = field_ok(field, getattr(page, field), exp.get(field))
            fields[field] += ok
            if show_errors and not ok:
                print(f"  {extractor} {name}: {field} {getattr(page, field)!r}, expected {exp.get(field)!r}")
        if show_errors:
            for m in missed:
                print(f"  {extractor} {name}: missed {m[:90]!r}")
            for x in extra:
                print(f"  {extractor} {name}: extra  {x[:90]!r}")
    seconds = time.perf_counter() - t0
    p = correct / n_got if n_got else 0.0
    r = found / n_want if n_want else 0.0
    return {
        "extractor": extractor, "pages": len(pages), "precision": p, "recall": r,
        "f1": 2 * p * r / (p + r) if p + r else 0.0, "perfect_pages": perfect,
        **{f"{k}_ok": v for k, v in fields.items()}, "ms_per_page": 1000 * seconds / max(1, len(pages)),
    }


def main(argv: Optional[List[str]] = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("dir", nargs="?", default=str(DEFAULT_DIR))
    ap.add_argument("--extractor", choices=list(EXTRACTORS) + ["all"], default="all")
    ap.add_argument("--show-errors", action="store_true")
    args = ap.parse_args(argv)
    pages = load_pages(Path(args.dir))
    if not pages:
        print(f"skipped: no pages with .expected.json in {args.dir}")
        return 0
    names = list(EXTRACTORS) if args.extractor == "all" else [args.extractor]
    print(f"{len(pages)} pages in {args.dir}")
    print(f"{'extractor':<12} {'P':>6} {'R':>6} {'F1':>6} {'perfect':>8} " + " ".join(f"{f:>9}" for f in FIELDS)
          + f" {'ms/page':>8}")
    for name in names:
        if name == "trafilatura":
            try:
                import trafilatura
            except ImportError:
                print("trafilatura   not installed (pip install 'newsframe[html]'); skipped")
                continue
            name_shown = f"trafilatura {getattr(trafilatura, '__version__', '?')}"
        else:
            name_shown = name
        s = evaluate(name, pages, args.show_errors)
        n = s["pages"]
        print(f"{name_shown:<12} {s['precision']:6.3f} {s['recall']:6.3f} {s['f1']:6.3f} {s['perfect_pages']:>4}/{n:<3} "
              + " ".join(f"{s[f + '_ok']:>6}/{n:<2}" for f in FIELDS) + f" {s['ms_per_page']:8.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
