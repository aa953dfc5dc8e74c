"""The layout's promises, checked: pure transforms, documented public functions, SQL in files."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PACKAGES = ("transforms", "flows", "warehouse", "expectations", "dateline")
FORBIDDEN_IN_TRANSFORMS = {"prefect", "duckdb"}


def _modules(package: str) -> list[Path]:
    return sorted(p for p in (ROOT / package).glob("*.py") if p.name != "__init__.py")


def _imported_roots(tree: ast.AST) -> set[str]:
    roots = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            roots.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            roots.add(node.module.split(".")[0])
    return roots


@pytest.mark.parametrize("path", _modules("transforms"), ids=lambda p: p.name)
def test_transforms_import_neither_prefect_nor_duckdb(path):
    roots = _imported_roots(ast.parse(path.read_text(encoding="utf-8")))
    assert not roots & FORBIDDEN_IN_TRANSFORMS


@pytest.mark.parametrize("path", [p for pkg in PACKAGES for p in _modules(pkg)], ids=lambda p: f"{p.parent.name}/{p.name}")
def test_every_public_function_has_a_docstring(path):
    tree = ast.parse(path.read_text(encoding="utf-8"))
    missing = []
    for node in tree.body:
        nodes = [node] + (list(node.body) if isinstance(node, ast.ClassDef) and not node.name.startswith("_") else [])
        for fn in nodes:
            if isinstance(fn, ast.FunctionDef | ast.AsyncFunctionDef) and not fn.name.startswith("_"):
                if ast.get_docstring(fn) is None:
                    missing.append(fn.name)
    assert missing == []


def test_every_sql_file_defines_exactly_one_relation():
    for path in sorted((ROOT / "warehouse" / "sql").rglob("*.sql")):
        text = path.read_text(encoding="utf-8").upper()
        assert text.count("CREATE TABLE") + text.count("CREATE VIEW") == 1, path.name
