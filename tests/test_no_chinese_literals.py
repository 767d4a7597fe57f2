"""No Chinese words in formkit's code: messages come from the catalogue, vocabulary from data.

Words reach a user from exactly two places: the catalogue :mod:`formkit.model.codes` (every message,
in Chinese and English) and data files — the vocabulary the code matches or writes
(``formkit/vocabulary/*.yaml``, ``formkit/drafting/*.yaml``) and the templates of official
documents. This test scans every module of ``formkit/`` except ``codes.py`` for string constants
that contain a Chinese character (docstrings and comments are developer documentation and are
left out) and holds each file to its count in :data:`RATCHET`.

The table is a ratchet: a file with more literals than allowed fails (a new literal was added:
put it in the catalogue or a data file instead), and a file with fewer fails too until its
allowance is lowered, so the table always says exactly what is left. The target is an empty
table.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "formkit"
EXEMPT = {"formkit/model/codes.py"}  # the catalogue: the one home of messages
HAN = re.compile("[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")

# file → the Chinese string literals it may still hold (lower it when you move some out)
RATCHET: dict[str, int] = {
    "formkit/jobs/batch/checks.py": 11,
    "formkit/jobs/batch/dossier.py": 4,
    "formkit/jobs/batch/opinions.py": 12,
    "formkit/jobs/batch/report_html.py": 3,
    "formkit/jobs/batch/review.py": 10,
    "formkit/jobs/batch/summary_xlsx.py": 4,
    "formkit/cli/batch.py": 5,
    "formkit/cli/check.py": 4,
    "formkit/cli/common.py": 4,
    "formkit/cli/cycle.py": 10,
    "formkit/cli/forms.py": 2,
    "formkit/cli/notice.py": 5,
    "formkit/cli/panel.py": 9,
    "formkit/cli/read.py": 1,
    "formkit/cli/serve.py": 14,
    "formkit/cli/spec.py": 3,
    "formkit/cli/zh.py": 12,
    "formkit/jobs/cycle/inbox.py": 1,
    "formkit/intake/gate.py": 2,
    "formkit/intake/zipaudit.py": 1,
    "formkit/readers/legacy.py": 1,
    "formkit/web/app.py": 1,
    "formkit/web/uploads.py": 1,
    "formkit/writers/notice_data.py": 4,
}


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


def test_no_new_chinese_literals_and_the_table_is_exact() -> None:
    now = counts()
    grown = {f: (RATCHET.get(f, 0), n) for f, n in now.items() if n > RATCHET.get(f, 0)}
    shrunk = {f: (n, now.get(f, 0)) for f, n in RATCHET.items() if now.get(f, 0) < n}
    table = "".join(f'    "{f}": {n},\n' for f, n in sorted(now.items()))
    found = "".join(
        f"\n  {f}:{line}: {text!r}"
        for f in grown
        for line, text in chinese_literals((ROOT / f).read_text("utf-8"))
    )
    assert not grown, (
        f"new Chinese literals (file: allowed, found) {grown}: put messages in "
        "formkit/model/codes.py "
        f"and vocabulary in formkit/vocabulary/*.yaml; the file's literals:{found}"
    )
    assert not shrunk, f"fewer literals than allowed {shrunk}; paste this RATCHET:\n{table}"


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
