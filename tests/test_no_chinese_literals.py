"""No Chinese words in formkit's code: messages come from the catalogue, vocabulary from data.

Words reach a user from exactly two places: the catalogue :mod:`formkit.model.codes` (every message,
in Chinese and English) and data files — the vocabulary the code matches or writes
(``formkit/vocabulary/*.yaml``, ``formkit/drafting/*.yaml``) and the templates of official
documents. This test scans every module of ``formkit/`` except ``codes.py`` for string constants
that contain a Chinese character (docstrings and comments are developer documentation and are
left out): there must be none.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "formkit"
EXEMPT = {"formkit/model/codes.py"}  # the catalogue: the one home of messages
HAN = re.compile("[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")


def _docstrings(tree: ast.Module) -> set[int]:
    owners = (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, owners) and node.body:
            first = node.body[0]
            if (
                isinstance(first, ast.Expr)
                and isinstance(first.value, ast.Constant)
                and isinstance(first.value.value, str)
            ):
                found.add(id(first.value))
    return found


def chinese_literals(source: str) -> list[tuple[int, str]]:
    """The (line, text) of each string constant with a Chinese character, docstrings left out."""
    tree = ast.parse(source)
    docstrings = _docstrings(tree)
    return [
        (node.lineno, node.value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant)
        and isinstance(node.value, str)
        and id(node) not in docstrings
        and HAN.search(node.value)
    ]


def counts() -> dict[str, int]:
    found = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        name = path.relative_to(ROOT).as_posix()
        if name in EXEMPT:
            continue
        if n := len(chinese_literals(path.read_text("utf-8"))):
            found[name] = n
    return found


def test_the_scan_sees_literals_and_skips_docstrings() -> None:
    source = '"""模块说明"""\ndef f():\n    """函数说明"""\n    return "是" + f"{1}个" + "ok"\n'
    assert chinese_literals(source) == [(4, "是"), (4, "个")]


def test_no_chinese_literal_outside_the_catalogue() -> None:
    found = "".join(
        f"\n  {f}:{line}: {text!r}"
        for f in counts()
        for line, text in chinese_literals((ROOT / f).read_text("utf-8"))
    )
    assert not found, (
        "Chinese literals in formkit's code: put messages in formkit/model/codes.py "
        f"and vocabulary in formkit/vocabulary/*.yaml:{found}"
    )


def test_every_vocabulary_file_and_key_is_read_by_the_code() -> None:
    """Words moved to data stay in use: each ``formkit/vocabulary/<name>.yaml`` is named by a
    module and each of its top-level keys is read somewhere (no dead vocabulary)."""
    import yaml

    code = "\n".join(p.read_text("utf-8") for p in PACKAGE.rglob("*.py"))
    unread = []
    for path in sorted((PACKAGE / "vocabulary").glob("*.yaml")):
        if f'"{path.stem}"' not in code:
            unread.append(path.name)
        for key in yaml.safe_load(path.read_text("utf-8")):
            if f'"{key}"' not in code and f"'{key}'" not in code:
                unread.append(f"{path.name}: {key}")
    assert not unread, unread
