"""formkit.model.data.conforms: the check that types JSON and YAML read back (issue #14)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Literal, NotRequired, Required, TypedDict

import pytest

from formkit.model.data import conforms
from formkit.model.resources import text_map, vocabulary, word_section


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


def test_a_round_snapshot_of_another_shape_is_refused_where_it_is_read(tmp_path: Path) -> None:
    from formkit.jobs.batch import rounds
    from formkit.jobs.registry import Registry

    reg = Registry(tmp_path / "formkit.sqlite")
    zone = {
        "zone": "Z",
        "city": "C",
        "status": "需补正",
        "issues": [{"code": "missing-field", "field": None, "document": "D", "place": ""}],
        "values": {},
        "sources": {},
        "files": {"application": ["a.docx", "0" * 64]},
    }
    rounds.save(reg, 1, json.loads(json.dumps({"k": zone})))
    assert rounds.load(reg, 1) == {"k": zone}
    reg.set_meta("round:2", json.dumps({"k": {**zone, "issues": [{"field": "f"}]}}))
    with pytest.raises(ValueError, match="round:2"):
        rounds.load(reg, 2)
    reg.close()


class _PlanWords(TypedDict):  # a part of vocabulary/writers.yaml: plan
    outline_suffix: str
    sub_numerals: list[str]


def test_a_vocabulary_section_is_checked_against_its_shape_where_it_is_read() -> None:
    plan = word_section("writers", "plan", _PlanWords)
    assert plan["sub_numerals"] == vocabulary("writers")["plan"]["sub_numerals"]
    for shape in (dict[str, int], _Row, list[str]):
        with pytest.raises(TypeError, match=r"writers\.yaml: plan"):
            word_section("writers", "plan", shape)
    with pytest.raises(TypeError, match=r"writers\.yaml: sheets"):
        text_map("writers", "sheets")  # lists of sheet names, not text
    assert text_map("writers", "typefaces") == vocabulary("writers")["typefaces"]


def test_a_module_that_changes_its_vocabulary_table_leaves_the_file_alone() -> None:
    text_map("writers", "typefaces").clear()
    assert text_map("writers", "typefaces")
