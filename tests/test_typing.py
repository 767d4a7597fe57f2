"""The library's signatures say what they take: no ``Any`` in a parameter or return
annotation of ``formkit/``, and mypy strict on the package (issue #14).

The ratchet that counted the modules still carrying ``Any`` (383 annotations before issue
#14) is spent: the last, the vocabulary's ``word_map``, gave way to sections checked against
their shape where they are read (``formkit.model.resources.word_section``). Any ``Any`` in a
signature now fails.
"""

from __future__ import annotations

import ast
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "formkit"


def _mentions_any(node: ast.expr | None) -> bool:
    if node is None:
        return False
    for sub in ast.walk(node):
        if isinstance(sub, ast.Name) and sub.id == "Any":
            return True
        if isinstance(sub, ast.Attribute) and sub.attr == "Any":
            return True
        if isinstance(sub, ast.Constant) and isinstance(sub.value, str) and "Any" in sub.value:
            return True  # a quoted annotation
    return False


def _annotations(func: ast.FunctionDef | ast.AsyncFunctionDef) -> list[ast.expr | None]:
    args = func.args
    every = [*args.posonlyargs, *args.args, *args.kwonlyargs]
    every += [a for a in (args.vararg, args.kwarg) if a is not None]
    return [a.annotation for a in every] + [func.returns]


def any_in_signatures(source: str) -> int:
    """How many parameter and return annotations of ``source`` mention ``Any``."""
    funcs = [
        node
        for node in ast.walk(ast.parse(source))
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef)
    ]
    return sum(_mentions_any(a) for func in funcs for a in _annotations(func))


def test_the_counter_sees_parameters_returns_and_quoted_annotations() -> None:
    source = (
        "def f(a: Any, *b: Any, c: dict[str, Any], **d: 'Any') -> t.Any: ...\n"
        "def g(a: object, b: Anything) -> None: ...\n"
    )
    assert any_in_signatures(source) == 5


def test_no_any_in_the_signatures_of_the_library() -> None:
    counts = {
        path.relative_to(ROOT).as_posix(): n
        for path in sorted(PACKAGE.rglob("*.py"))
        if (n := any_in_signatures(path.read_text(encoding="utf-8")))
    }
    assert counts == {}


def test_mypy_is_strict_on_the_package_with_no_any_check_switched_off() -> None:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["mypy"]
    assert config["strict"] is True
    assert config["packages"] == ["formkit"]
    assert not [key for key in config if key.startswith("disallow_any") and not config[key]]
    assert "overrides" not in config or all(
        not key.startswith(("disallow", "strict", "ignore_errors"))
        for override in config["overrides"]
        for key in override
        if key != "module"
    )
