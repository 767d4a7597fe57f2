"""绩效自评表: the blank form carries every column of the spec; a filled one reads back."""

from __future__ import annotations

import io
from pathlib import Path

import openpyxl

from formkit.pipeline import check
from formkit.spec import load_spec
from formkit.writers.forms import BLANK_FORMS, form_bytes
from formkit.writers.self_eval_xlsx import self_eval_xlsx

FILLED = {
    "zone_name": "太原样例经济技术开发区",
    "eval_year": 2021,
    "budget": 500,
    "spent": 460,
    "indicators": [
        {
            "dimension": "产业集聚度",
            "indicator": "入驻中小企业数",
            "unit": "家",
            "direction": "≥",
            "target": 120,
            "actual": 130,
            "points": 10,
        },
        {
            "dimension": "资源聚集力",
            "indicator": "服务满意度",
            "direction": "定性",
            "points": 7.5,
            "score": 6,
        },
    ],
}


def test_formkit_forms_lists_the_self_evaluation_table() -> None:
    assert BLANK_FORMS["绩效自评表.xlsx"] == ("self_eval", "xlsx")


def test_the_blank_table_has_every_column_label() -> None:
    book = openpyxl.load_workbook(io.BytesIO(form_bytes("self_eval", "xlsx")))
    header = [c.value for c in book["自评指标"][2]]
    assert header == [c.label for c in load_spec("self_eval").columns]


def test_a_filled_table_reads_back_as_self_eval(tmp_path: Path) -> None:
    path = tmp_path / "自评表.xlsx"
    path.write_bytes(self_eval_xlsx(load_spec("self_eval"), FILLED))
    [result] = check([path], {"isolate": False})
    assert result.form == "self_eval"
    data = result.record.data() if result.record else {}
    assert data["eval_year"] == 2021 and data["spent"] == 460
    rows = data["indicators"]
    assert (rows[0]["target"], rows[0]["actual"], rows[0]["points"]) == (120, 130, 10)
    assert (rows[1]["direction"], rows[1]["score"]) == ("定性", 6)
