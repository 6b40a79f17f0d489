"""Shared fixtures: the demo set, its extraction, and a larger varied corpus."""

from __future__ import annotations

import os
import sys
from typing import Any, List

import polars as pl
import pytest

sys.path.insert(0, os.path.dirname(__file__))  # for `import schemas`

import newsframe as nf  # noqa: E402


@pytest.fixture(scope="session")
def demo() -> pl.DataFrame:
    return nf.load_demo()


@pytest.fixture(scope="session")
def demo_result(demo: pl.DataFrame) -> Any:
    return nf.extract(demo)


def varied_texts(n: int = 200) -> List[str]:
    """``n`` texts built from the demo articles with small variations (different lengths,
    paragraphs dropped, names swapped, extra sentences) so that batches differ."""
    base = nf.load_demo()["text"].to_list()
    swaps = [("Kyiv", "Kiev"), ("Kharkiv", "Kharkov"), ("Zelensky", "Zelenskiy"), ("Tuesday", "Monday")]
    out: List[str] = []
    for i in range(n):
        t = base[i % len(base)]
        a, b = swaps[i % len(swaps)]
        if i % 3 == 0:
            t = t.replace(a, b)
        paras = t.split("\n\n")
        if i % 5 == 1 and len(paras) > 2:
            paras = paras[: 1 + i % (len(paras) - 1)]
        if i % 4 == 2:
            paras.append(f"Officials said {i % 17 + 1} people were injured in a drone attack on Sumy.")
        out.append("\n\n".join(paras))
    return out


@pytest.fixture(scope="session")
def corpus200() -> List[str]:
    return varied_texts(200)
