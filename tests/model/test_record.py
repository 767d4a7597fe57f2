"""A value read from a form, as it travels between processes."""

from __future__ import annotations

import copy
import dataclasses
import pickle

from formkit.model.document import Location
from formkit.model.record import Value


def test_a_value_survives_pickle_and_copy_whole() -> None:
    value = Value("１２万元", 120000, Location(table=1, row=2, col=3))
    for protocol in range(2, pickle.HIGHEST_PROTOCOL + 1):
        assert pickle.loads(pickle.dumps(value, protocol=protocol)) == value
    assert copy.deepcopy(value) == value and copy.copy(value) == value
    # the short pickle names every field: a field added to Value must be added to it too
    _, fields = value.__reduce__()
    assert len(fields) == len(dataclasses.fields(Value))
