"""Data as JSON and YAML hold it, typed at the boundary where it is read.

:data:`JSON` is any value ``json.loads`` (or ``yaml.safe_load`` of plain data) returns. A
shape formkit reads back — a round snapshot, a word file, an expert's payload — is a
TypedDict; :func:`conforms` checks a value read against it once, so that past that point
the value is typed (``if not conforms(data, Shape): …refuse…``), not indexed as ``Any``.
"""

from __future__ import annotations

import functools
import types
import typing
from collections.abc import Mapping
from typing import (
    Literal,
    NotRequired,
    Required,
    TypeAlias,
    TypeGuard,
    TypeVar,
    Union,
    get_args,
    get_origin,
    get_type_hints,
    is_typeddict,
)

JSON: TypeAlias = "str | int | float | bool | list[JSON] | dict[str, JSON] | None"

T = TypeVar("T")


def conforms(value: object, shape: type[T]) -> TypeGuard[T]:
    """Whether ``value`` has ``shape``: a TypedDict (its required keys present, every key's
    value of its type), ``list[X]``, ``dict[str, X]``, ``tuple[X, ...]``, a union, a
    ``Literal``, a plain class, or ``object`` (anything)."""
    return _conforms(value, shape)


def _conforms(value: object, shape: object) -> bool:
    if shape is object or shape is typing.Any:
        return True
    if shape is None or shape is type(None):
        return value is None
    if isinstance(shape, type) and is_typeddict(shape):
        return _conforms_typeddict(value, shape)
    origin, args = get_origin(shape), get_args(shape)
    if origin is Union or origin is types.UnionType:
        return any(_conforms(value, a) for a in args)
    if origin is Literal:
        return value in args
    if origin is list:
        return isinstance(value, list) and all(_conforms(v, args[0]) for v in value)
    if origin is tuple:
        return isinstance(value, tuple) and all(_conforms(v, args[0]) for v in value)
    if origin is dict or origin is Mapping:
        return isinstance(value, dict) and all(
            _conforms(k, args[0]) and _conforms(v, args[1]) for k, v in value.items()
        )
    if shape is float:
        return isinstance(value, int | float) and not isinstance(value, bool)
    if shape is int:
        return isinstance(value, int) and not isinstance(value, bool)
    return isinstance(shape, type) and isinstance(value, shape)


def _conforms_typeddict(value: object, shape: type) -> bool:
    if not isinstance(value, dict):
        return False
    hints, required = _hints(shape)
    return required <= value.keys() and all(
        _conforms(v, hints[k]) for k, v in value.items() if k in hints
    )


@functools.cache
def _hints(shape: type) -> tuple[dict[str, object], frozenset[str]]:
    """A TypedDict's key types and required keys. Under ``from __future__ import
    annotations`` Python 3.11 cannot see ``Required``/``NotRequired`` in
    ``__required_keys__``; the resolved hints show them."""
    marked = get_type_hints(shape, include_extras=True)
    kept: frozenset[str] = getattr(shape, "__required_keys__", frozenset())
    required = {
        k
        for k, t in marked.items()
        if get_origin(t) is Required or (k in kept and get_origin(t) is not NotRequired)
    }
    return get_type_hints(shape), frozenset(required)
