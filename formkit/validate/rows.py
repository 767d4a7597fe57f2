"""Table rows checked without Cerberus' nested-list machinery.

Cerberus validates a list of dicts by building a child validator, and compiling the row schema
anew, for every list and every row. A table's row schema uses only a few rules — ``type``,
``required``, ``allowed``, ``check_with`` — so :class:`RowChecker` applies them itself, in
Cerberus' order (per column in the row's order: ``type`` first, a type error ending that
column; then the column's other rules in schema order; then the missing required columns),
and returns the same :class:`~cerberus.errors.ValidationError` objects Cerberus would. The
named ``check_with`` rules run on the spec's own validator, so they report as before. A row
schema with any other rule, or a row holding something other than text and numbers, is left
to Cerberus (:meth:`RowChecker.applies`, :meth:`RowChecker.plain`).
"""

from __future__ import annotations

from collections.abc import Container, Iterable, Mapping
from typing import cast

import cerberus
from cerberus import errors
from cerberus.errors import ValidationError

__all__ = ["RowChecker"]

RULES = frozenset({"type", "required", "allowed", "check_with"})
PLAIN = (str, int, float)


class RowChecker:
    """Checks one table row as ``validator`` (compiled for the row schema) would."""

    def __init__(
        self, validator: cerberus.Validator, schema: Mapping[str, Mapping[str, object]]
    ) -> None:
        self.validator = validator
        self.schema = schema
        self.required = [k for k, rules in schema.items() if rules.get("required") is True]

    @classmethod
    def build(
        cls, validator: cerberus.Validator, schema: Mapping[str, object]
    ) -> RowChecker | None:
        """A checker for ``schema`` if every column's rules are ones it applies, else None."""
        types = validator.types_mapping
        for rules in schema.values():
            if not isinstance(rules, Mapping) or not set(rules) <= RULES:
                return None
            wanted = rules.get("type", ())
            if not all(n in types for n in ((wanted,) if isinstance(wanted, str) else wanted)):
                return None
            if _names(rules.get("check_with")) is None:
                return None
        return cls(validator, cast("Mapping[str, Mapping[str, object]]", schema))  # checked above

    @staticmethod
    def plain(row: Mapping[str, object]) -> bool:
        """Whether the row holds only text and numbers (anything else goes to Cerberus)."""
        return all(isinstance(value, PLAIN) for value in row.values())

    def check(self, path: tuple[object, ...], row: Mapping[str, object]) -> list[ValidationError]:
        """Cerberus' errors for ``row`` at ``path`` (the table's key and the row's index)."""
        self.validator.document_path = path
        found: list[ValidationError] = []
        for column, value in row.items():
            rules = self.schema.get(column)
            if rules is not None:
                self._column(path, column, rules, value, found)
        for column in self.required:
            if column not in row:
                found.append(_error(path, column, errors.REQUIRED_FIELD, "required", True, None))
        return found

    def _column(
        self,
        path: tuple[object, ...],
        column: str,
        rules: Mapping[str, object],
        value: object,
        found: list[ValidationError],
    ) -> None:
        if "type" in rules and not self._typed(rules["type"], value):
            found.append(_error(path, column, errors.BAD_TYPE, "type", rules["type"], value))
            return
        for rule, constraint in rules.items():
            if rule == "allowed":
                # Cerberus checked the schema: ``allowed`` is a list
                _allowed(path, column, cast("Container[object]", constraint), value, found)
            elif rule == "check_with":
                for name in _names(constraint) or []:
                    getattr(self.validator, f"_check_with_{name}")(column, value)

    def _typed(self, wanted: object, value: object) -> bool:
        # Cerberus checked the schema: ``type`` is a name or a list of names
        names = (wanted,) if isinstance(wanted, str) else cast("Iterable[str]", wanted)
        mapping = self.validator.types_mapping
        return any(
            isinstance(value, mapping[n].included_types)
            and not isinstance(value, mapping[n].excluded_types)
            for n in names
        )


def _allowed(
    path: tuple[object, ...],
    column: str,
    allowed: Container[object],
    value: object,
    found: list[ValidationError],
) -> None:
    if isinstance(value, Iterable) and not isinstance(value, str):
        unallowed = tuple(x for x in value if x not in allowed)
        if unallowed:
            found.append(_error(path, column, errors.UNALLOWED_VALUES, "allowed", allowed, value))
    elif value not in allowed:
        found.append(_error(path, column, errors.UNALLOWED_VALUE, "allowed", allowed, value))


def _names(check_with: object) -> list[str] | None:
    """The named checks of a ``check_with`` rule; None for a callable (left to Cerberus)."""
    if check_with is None:
        return []
    if isinstance(check_with, str):
        return [check_with]
    if isinstance(check_with, list) and all(isinstance(c, str) for c in check_with):
        return list(check_with)
    return None


def _error(
    path: tuple[object, ...],
    column: str,
    code: errors.ErrorDefinition,
    rule: str,
    constraint: object,
    value: object,
) -> ValidationError:
    return ValidationError(
        (*path, column),
        (path[0], "schema", "schema", column, rule),
        code.code,
        rule,
        constraint,
        value,
        (),
    )
