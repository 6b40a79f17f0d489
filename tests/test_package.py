"""The package as shipped: stubs that match the compiled module, typed marker, lexicon files."""
from __future__ import annotations

import ast
import inspect
import os
import shutil
import subprocess
import sys
from pathlib import Path

import newsframe
import pytest
from newsframe import _native

ROOT = Path(__file__).resolve().parents[1]
STUB = Path(newsframe.__file__).with_name("_native.pyi")


def _stub_tree() -> ast.Module:
    return ast.parse(STUB.read_text(encoding="utf-8"))


def _stub_params(func: ast.FunctionDef) -> list:
    args = func.args
    names = [a.arg for a in args.posonlyargs + args.args + args.kwonlyargs]
    return [n for n in names if n != "self"]


def test_stub_names_exist_in_the_compiled_module():
    tree = _stub_tree()
    names = set()
    for node in tree.body:
        if isinstance(node, (ast.FunctionDef, ast.ClassDef)):
            names.add(node.name)
        elif isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name):
            names.add(node.target.id)
    public = {n for n in dir(_native) if not n.startswith("_")}
    assert names == public, f"stub only: {names - public}; module only: {public - names}"


def test_stub_signatures_match_the_compiled_module():
    classes = {n.name: n for n in _stub_tree().body if isinstance(n, ast.ClassDef)}
    methods = {f.name: f for f in classes["Engine"].body if isinstance(f, ast.FunctionDef)}
    runtime_extract = [p for p in inspect.signature(_native.Engine.extract).parameters if p != "self"]
    assert _stub_params(methods["extract"]) == runtime_extract
    assert _stub_params(methods["__init__"]) == list(inspect.signature(_native.Engine).parameters)


def test_typed_marker_is_shipped():
    assert Path(newsframe.__file__).with_name("py.typed").exists()


def test_labels_and_event_types_follow_the_design():
    assert _native.LABELS[:6] == ["PERSON", "NORP", "FAC", "ORG", "GPE", "LOC"]
    assert len(_native.LABELS) == 16
    assert "ASSAULT" in _native.EVENT_TYPES and "DISRUPT" in _native.EVENT_TYPES


@pytest.mark.skipif(not (ROOT / "data" / "check.py").exists(), reason="source checkout only")
def test_lexicon_files_are_well_formed():
    out = subprocess.run([sys.executable, str(ROOT / "data" / "check.py")], capture_output=True, text=True)
    assert out.returncode == 0, out.stdout + out.stderr


@pytest.mark.skipif(not os.environ.get("NEWSFRAME_EXPECT_INSTALLED"), reason="only when .ci/wheel runs the suite on the wheel")
def test_the_suite_runs_on_the_installed_wheel_without_rust():
    # .ci/wheel sets NEWSFRAME_EXPECT_INSTALLED to the fresh venv the wheel went into.
    venv = Path(os.environ["NEWSFRAME_EXPECT_INSTALLED"]).resolve()
    assert Path(newsframe.__file__).resolve().is_relative_to(venv), newsframe.__file__
    assert Path(_native.__file__).resolve().is_relative_to(venv), _native.__file__
    assert (ROOT / "python") not in [Path(p).resolve() for p in sys.path if p]
    assert shutil.which("cargo") is None and shutil.which("rustc") is None
