"""Places as a clerk reads them (``Location``), and the fast path of a Word table's cell."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from formkit.model.document import Location

_NUMBER = st.none() | st.integers(min_value=1, max_value=10_000)


def test_places_read_as_printed() -> None:
    assert str(Location(table=1, row=3, col=2)) == "表1 第3行第2列"
    assert str(Location(sheet="指标", row=7, col=4)) == "指标!D7"
    assert str(Location(paragraph=5)) == "第5段"
    assert str(Location(page=2, table=1, row=3, col=2)) == "第2页 表1 第3行第2列"


@given(
    table=_NUMBER,
    row=_NUMBER,
    col=_NUMBER,
    paragraph=_NUMBER,
    page=_NUMBER,
    sheet=st.none() | st.sampled_from(["指标", "Sheet1"]),
    area=st.none() | st.sampled_from(["header", "footer"]),
)
def test_a_table_cells_short_way_prints_what_the_long_way_does(
    table: int | None,
    row: int | None,
    col: int | None,
    paragraph: int | None,
    page: int | None,
    sheet: str | None,
    area: str | None,
) -> None:
    place = Location(sheet, table, row, col, paragraph, page, area)
    assert str(place) == place.words()


@given(
    table=st.integers(min_value=1, max_value=10_000),
    row=st.integers(min_value=1, max_value=10_000),
    col=st.integers(min_value=1, max_value=10_000),
)
def test_every_table_cell_takes_the_short_way_to_the_same_words(
    table: int, row: int, col: int
) -> None:
    place = Location(table=table, row=row, col=col)
    assert str(place) == place.words() == f"表{table} 第{row}行第{col}列"
