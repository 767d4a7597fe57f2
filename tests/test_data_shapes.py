"""formkit.model.data.conforms: the check that types JSON and YAML read back (issue #14)."""

from __future__ import annotations

from typing import Literal, NotRequired, Required, TypedDict

from formkit.model.data import conforms


class _Row(TypedDict):
    name: str
    count: int
    share: float
    kind: Literal["a", "b"]
    tags: list[str]
    by: dict[str, str | None]
    note: NotRequired[str]


GOOD: dict[str, object] = {
    "name": "x",
    "count": 2,
    "share": 1,  # an int is a float, as JSON gives it
    "kind": "a",
    "tags": ["t"],
    "by": {"k": None},
}


def test_a_value_of_the_shape_conforms_and_an_optional_key_may_be_absent() -> None:
    assert conforms(GOOD, _Row)
    assert conforms({**GOOD, "note": "n", "extra": object()}, _Row)


def test_each_kind_of_misfit_is_refused() -> None:
    misfits = [
        {k: v for k, v in GOOD.items() if k != "name"},  # a required key absent
        {**GOOD, "count": True},  # a bool is no int
        {**GOOD, "count": "2"},
        {**GOOD, "share": "1.5"},
        {**GOOD, "kind": "c"},  # not one of the literals
        {**GOOD, "tags": ["t", 1]},  # one bad item in a list
        {**GOOD, "tags": "t"},
        {**GOOD, "by": {"k": 1}},  # one bad value in a dict
        {**GOOD, "note": 3},  # an optional key of the wrong type
        [GOOD],
        None,
    ]
    assert [conforms(m, _Row) for m in misfits] == [False] * len(misfits)


def test_containers_of_a_shape() -> None:
    assert conforms({"z": GOOD}, dict[str, _Row])
    assert not conforms({"z": {**GOOD, "kind": 1}}, dict[str, _Row])
    assert conforms([1, 2.5], list[float])
    assert conforms(("a", "b"), tuple[str, ...])
    assert not conforms(["a"], tuple[str, ...])


class _Sparse(TypedDict, total=False):
    code: Required[str]
    place: str


def test_required_keys_are_seen_under_postponed_annotations() -> None:
    assert conforms({"code": "c"}, _Sparse)
    assert not conforms({"place": "p"}, _Sparse)
