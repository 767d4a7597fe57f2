"""experts.csv: UTF-8 or GBK, the four columns, and who scores what."""

from __future__ import annotations

from pathlib import Path

import pytest

from formkit.jobs.panel.batch import Batch
from formkit.jobs.panel.experts import assign, read_experts
from formkit.model.errors import InputFileError
from formkit.programme import load_programme

from .conftest import PROGRAMME

HEADER = "姓名,工作单位,所在市,回避开发区\n"


def _csv(tmp_path: Path, text: str, encoding: str = "utf-8") -> Path:
    path = tmp_path / "experts.csv"
    path.write_bytes(text.encode(encoding))
    return path


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gbk"])
def test_experts_are_read_in_utf8_and_gbk(tmp_path: Path, encoding: str) -> None:
    path = _csv(tmp_path, HEADER + "王 建国,山西大学,太原,甲区；乙区;丙区\n", encoding)
    (expert,) = read_experts(path)
    assert (expert.name, expert.unit, expert.city) == ("王建国", "山西大学", "太原")
    assert expert.avoid == ("甲区", "乙区", "丙区")


def test_a_missing_column_is_refused_by_name(tmp_path: Path) -> None:
    path = _csv(tmp_path, "姓名,工作单位,所在市\n王建国,山西大学,太原市\n")
    with pytest.raises(InputFileError) as caught:
        read_experts(path)
    assert caught.value.code == "panel-experts-column"
    assert caught.value.reason == "专家名单 experts.csv 缺少列“回避开发区”"


def test_an_expert_listed_twice_is_refused_with_the_row(tmp_path: Path) -> None:
    path = _csv(tmp_path, HEADER + "王建国,山西大学,太原市,\n王建国,中北大学,长治市,\n")
    with pytest.raises(InputFileError) as caught:
        read_experts(path)
    assert caught.value.reason == "专家名单 experts.csv 第3行：专家“王建国”重复"


def test_no_expert_scores_their_own_city_or_a_zone_to_avoid(
    tmp_path: Path, batch_dir: Path
) -> None:
    path = _csv(tmp_path, HEADER + "张敏,中北大学,长治,临汾样例经济开发区；不存在的开发区\n")
    (expert,) = read_experts(path)
    programme = load_programme(PROGRAMME)
    with Batch(batch_dir, programme) as batch:
        zones, notes = assign(expert, batch.zones, programme)
    names = {z.zone for z in zones}
    assert "长治样例产业园区" not in names and "临汾样例经济开发区" not in names
    assert len(names) == 6
    assert [n.message() for n in notes] == [
        "专家“张敏”的回避开发区“不存在的开发区”不在本批申报中，已忽略"
    ]
