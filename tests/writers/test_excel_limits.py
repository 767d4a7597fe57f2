"""Excel's limits in the workbooks formkit writes: a bureau's own spec with long choices and
a long, odd form title still gives workbooks Excel opens (excel_limits.fit)."""

from __future__ import annotations

import io
import random
import shutil
from pathlib import Path
from typing import Any

import openpyxl
import pytest
import yaml
from click.testing import CliRunner
from openpyxl.worksheet.datavalidation import DataValidation

from formkit.cli import main
from formkit.spec import load_spec
from formkit.writers import excel_limits as xl
from formkit.writers.forms_xlsx import application_xlsx
from tests import sampledata

from ..conformance.audit import findings

ROOT = Path(__file__).resolve().parents[2]
LONG_CHOICES = [
    f"第{n}类大中小企业融通型创新创业特色载体（含专业化众创空间）" for n in range(1, 16)
]
LONG_TITLE = "某某省工业和信息化厅关于大中小企业融通型创新创业特色载体申报的信息表：2020/春季[试行]"


@pytest.fixture(scope="module")
def bureau_validators(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The shipped specs, with 开发区级别 given 15 long choices and the form a long title."""
    folder = tmp_path_factory.mktemp("validators")
    for spec in (ROOT / "validators").glob("*.yaml"):
        shutil.copy(spec, folder)
    path = folder / "application.yaml"
    spec = yaml.safe_load(path.read_text(encoding="utf-8"))
    spec["schema"]["zone_level"]["allowed"] = LONG_CHOICES
    spec["form"]["title"] = LONG_TITLE
    path.write_text(yaml.safe_dump(spec, allow_unicode=True), encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def blank(bureau_validators: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("forms")
    result = CliRunner().invoke(
        main, ["forms", "--out", str(out), "--validators", str(bureau_validators)]
    )
    assert result.exit_code == 0, result.output
    return out / "申报信息表.xlsx"


def list_validations(book: Any) -> dict[str, DataValidation]:
    return {
        str(dv.sqref): dv
        for ws in book.worksheets
        for dv in ws.data_validations.dataValidation
        if dv.type == "list"
    }


def test_a_drop_down_over_255_characters_uses_a_range_on_a_hidden_sheet(blank: Path) -> None:
    assert len('"' + ",".join(LONG_CHOICES) + '"') > 255
    book = openpyxl.load_workbook(blank)
    lists = book["下拉选项"]
    assert lists.sheet_state == "hidden"
    long_one = next(dv for dv in list_validations(book).values() if "!" in dv.formula1)
    assert long_one.formula1 == "'下拉选项'!$A$1:$A$15"
    assert [c.value for c in lists["A"]] == LONG_CHOICES
    short = [dv.formula1 for dv in list_validations(book).values() if "!" not in dv.formula1]
    assert '"是,否"' in short  # a list that fits stays a literal


def test_prompt_and_error_titles_and_texts_fit(blank: Path) -> None:
    book = openpyxl.load_workbook(blank)
    every = [dv for ws in book.worksheets for dv in ws.data_validations.dataValidation]
    assert len(every) > 10
    for dv in every:
        assert len(dv.promptTitle or "") <= 32 and len(dv.errorTitle or "") <= 32
        assert len(dv.prompt or "") <= 255 and len(dv.error or "") <= 255
    assert any(len(dv.error or "") == 255 for dv in every)  # the long choices, clipped


def test_the_sheet_name_is_one_excel_accepts(blank: Path) -> None:
    (first, _lists) = openpyxl.load_workbook(blank).sheetnames
    assert (
        first == LONG_TITLE[:31] == "某某省工业和信息化厅关于大中小企业融通型创新创业特色载体申报的"
    )


def test_the_workbook_conforms(blank: Path) -> None:
    assert findings(blank) == []


def test_a_filled_workbook_reads_back_its_long_choice(
    bureau_validators: Path, tmp_path: Path
) -> None:
    spec = load_spec("application", bureau_validators)
    zone = {
        "name": "山西示范经济开发区",
        "code": "S141234",
        "city": "太原市",
        "industries": ["新材料"],
    }
    data = sampledata.application(zone, random.Random(3))
    data["zone_level"] = LONG_CHOICES[11]
    path = tmp_path / "申报信息表.xlsx"
    path.write_bytes(application_xlsx(spec, data))
    result = CliRunner().invoke(
        main, ["parse", "--json", "--validators", str(bureau_validators), str(path)]
    )
    (report,) = yaml.safe_load(result.output)
    assert report["fields"]["zone_level"] == LONG_CHOICES[11]
    assert report["fields"]["zone_name"] == "山西示范经济开发区"


# -- the limits one by one --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("申报信息表", "申报信息表"),
        ("a[b]c:d*e?f/g\\h", "a_b_c_d_e_f_g_h"),
        ("'引号'", "引号"),
        ("字" * 40, "字" * 31),
        ("", "Sheet"),
    ],
)
def test_sheet_title(name: str, expected: str) -> None:
    assert xl.sheet_title(name) == expected


def test_sheet_title_is_distinct_from_the_names_taken() -> None:
    assert xl.sheet_title("字" * 40, ["字" * 31]) == "字" * 28 + "(2)"
    assert xl.sheet_title("Sheet", ["sheet"]) == "Sheet(2)"


def test_fit_keeps_rows_columns_and_texts_within_excels_limits() -> None:
    book = openpyxl.Workbook()
    ws = book.active
    ws.row_dimensions[1].height = 600
    ws.row_dimensions[2].height = 30
    ws.column_dimensions["A"].width = 400
    dv = DataValidation(type="list", formula1='"' + ",".join(["选项"] * 100) + '"')
    dv.promptTitle, dv.prompt, dv.error = "题" * 40, "长" * 300, "错" * 256
    ws.add_data_validation(dv)
    xl.fit(book)
    assert ws.row_dimensions[1].height == 409 and ws.row_dimensions[2].height == 30
    assert ws.column_dimensions["A"].width == 255
    assert len(dv.promptTitle) == 32 and len(dv.prompt) == len(dv.error) == 255
    assert dv.formula1 == "'下拉选项'!$A$1:$A$100"
    out = io.BytesIO()
    book.save(out)
    again = openpyxl.load_workbook(out)
    assert again["下拉选项"].sheet_state == "hidden"
