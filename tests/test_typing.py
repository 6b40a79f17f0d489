"""``mypy --strict`` on a user's script (tests/typecheck/user_script.py): no errors, and a wrong use
of the API is caught, so the types are really seen (``py.typed``, ``_native.pyi``). Skipped
where mypy is not installed (``pip install mypy``)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

pytest.importorskip("mypy")
pytest.importorskip("pandas")
pytest.importorskip("pyarrow")

ROOT = Path(__file__).resolve().parents[1]
SCRIPT = Path(__file__).parent / "typecheck" / "user_script.py"

BAD = '''
import newsframe as nf
n: int = nf.extract("Kyiv.")
nf.extract("Kyiv.", batch_size="3")
s: str = nf.Extractor().extract(["Kyiv."]).to_geojson()
'''


def test_mypy_strict_on_a_user_script(tmp_path: Path) -> None:
    bad = tmp_path / "bad_script.py"
    bad.write_text(BAD, encoding="utf-8")
    cmd = [
        sys.executable, "-m", "mypy", "--strict", "--no-incremental", "--cache-dir", str(tmp_path / "cache"),
        "--config-file", str(ROOT / "pyproject.toml"), "--no-error-summary", str(SCRIPT), str(bad),
    ]
    out = subprocess.run(cmd, capture_output=True, text=True, cwd=tmp_path)
    lines = [ln for ln in out.stdout.splitlines() if ": error:" in ln]
    good = [ln for ln in lines if "user_script.py" in ln]
    assert not good, "\n".join(good)
    wrong = sorted(int(ln.split(":")[1]) for ln in lines if "bad_script.py" in ln)
    assert wrong == [3, 4, 5], out.stdout + out.stderr


def test_user_script_runs(tmp_path: Path) -> None:
    out = subprocess.run([sys.executable, str(SCRIPT), str(tmp_path)], capture_output=True, text=True)
    assert out.returncode == 0, out.stdout + out.stderr
    assert (tmp_path / "events.geojson").exists()
