"""The final evaluation from real 绩效自评表 / 进展情况报送表 files: scores, grade, roll-on
with its reasons, and bad input as findings (never a crash), with the registry kept."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import Any

from formkit.jobs.cycle.evaluate import evaluate
from formkit.jobs.cycle.inbox import read_cycle
from formkit.spec import load_spec
from formkit.writers.forms_xlsx import progress_xlsx
from formkit.writers.self_eval_xlsx import self_eval_xlsx
from tests.jobs.cycle.conftest import MakeProgramme, zone

ZONE = "太原甲经济开发区"


def rows(**actuals: Any) -> list[dict[str, Any]]:
    """Six dimensions, one indicator each, target 10; points = the default weights."""
    weights = {
        "产业集聚度": 20,
        "资源聚集力": 15,
        "持续发展力": 15,
        "产出与效益": 20,
        "改革创新力": 15,
        "辐射带动力": 15,
    }
    out = []
    for n, (dim, points) in enumerate(weights.items()):
        actual = actuals.get(f"a{n}", 10)
        out.append(
            {
                "dimension": dim,
                "indicator": f"指标{n}",
                "unit": "个",
                "direction": "≥",
                "target": 10,
                "actual": actual,
                "points": points,
            }
        )
    return out


def self_eval_file(
    folder: Path,
    name: str,
    *,
    zone_name: str = ZONE,
    year: int = 2021,
    spent: float = 90,
    indicators: list[dict[str, Any]] | None = None,
) -> Path:
    data = {
        "zone_name": zone_name,
        "eval_year": year,
        "budget": 100,
        "spent": spent,
        "indicators": indicators or rows(),
    }
    path = folder / name
    path.write_bytes(self_eval_xlsx(load_spec("self_eval"), data))
    return path


def progress_file(
    folder: Path,
    name: str,
    period: str,
    value: float,
    *,
    spent: float = 20,
    zone_name: str = ZONE,
    year: int = 2021,
    fill: str = "2021-04-10",
) -> Path:
    data = {
        "zone_name": zone_name,
        "period": period,
        "report_year": year,
        "fill_date": fill,
        "budget": 100,
        "spent": spent,
        "indicators": [
            {
                "dimension": "产业集聚度",
                "indicator": "指标0",
                "unit": "个",
                "target_year": 10,
                "value_end": value,
            }
        ],
    }
    path = folder / name
    path.write_bytes(progress_xlsx(load_spec("progress"), data))
    return path


def programme(make_programme: MakeProgramme, **more: Any):  # type: ignore[no-untyped-def]
    return make_programme(approved=[zone(ZONE, request=100, start=2020)], **more)


def test_a_self_evaluation_is_scored_graded_and_rolls_on(
    tmp_path: Path, make_programme: MakeProgramme
) -> None:
    inbox = tmp_path / "in"
    inbox.mkdir()
    # 产业集聚度 7/10 of 20 = 14; 产出与效益 5/10 of 20 = 10; the rest full (15 × 4 = 60)
    # total 14 + 10 + 60 = 84.0 → 良好; execution 90 / 100 = 90.0 %
    self_eval_file(inbox, "自评.xlsx", indicators=rows(a0=7, a3=5))
    prog = programme(make_programme)
    result = evaluate(read_cycle(inbox, prog, tmp_path / "r.sqlite", workers=1), prog)
    [z] = result.zones
    assert (z.source, z.total, z.grade, z.execution_rate) == (
        "自评表",
        Decimal("84.0"),
        "良好",
        Decimal("90.0"),
    )
    assert z.dimensions["产业集聚度"] == Decimal("14.00")
    assert z.roll_on is True
    assert z.reasons == [
        "总分 84.0 分，评价等次为良好",
        "预算执行率 90.0%，不低于 60%",
        "已获支持 2 年（最长 3 年）",
    ]


def test_low_execution_and_the_third_year_stop_the_roll_on(
    tmp_path: Path, make_programme: MakeProgramme
) -> None:
    inbox = tmp_path / "in"
    inbox.mkdir()
    self_eval_file(inbox, "自评.xlsx", year=2022, spent="45")  # type: ignore[arg-type]
    prog = programme(make_programme)
    [z] = evaluate(read_cycle(inbox, prog, tmp_path / "r.sqlite", workers=1), prog).zones
    assert z.roll_on is False
    assert "预算执行率 45.0%，低于 60%" in z.reasons
    assert "已获支持 3 年，达到最长支持期限 3 年" in z.reasons


def test_without_self_evaluation_the_latest_progress_report_is_scored(
    tmp_path: Path, make_programme: MakeProgramme
) -> None:
    inbox = tmp_path / "in"
    inbox.mkdir()
    progress_file(inbox, "q1.xlsx", "一季度", 2)
    progress_file(inbox, "q4.xlsx", "四季度", 8, spent=70, fill="2022-01-10")
    prog = programme(make_programme)
    [z] = evaluate(read_cycle(inbox, prog, tmp_path / "r.sqlite", workers=1), prog).zones
    # only 产业集聚度 has an indicator: 8 / 10 → 16 of 20; rescaled over weight 20 → 80.0
    assert (z.source, z.dimensions["产业集聚度"], z.total, z.grade) == (
        "监测数据",
        Decimal("16.00"),
        Decimal("80.0"),
        "良好",
    )
    assert z.execution_rate == Decimal("70.0")


def test_bad_input_gives_findings_and_keeps_what_the_registry_held(
    tmp_path: Path, make_programme: MakeProgramme
) -> None:
    prog = programme(make_programme)
    registry = tmp_path / "r.sqlite"
    first = tmp_path / "first"
    first.mkdir()
    progress_file(first, "q1.xlsx", "一季度", 2)
    read_cycle(first, prog, registry, workers=1)

    second = tmp_path / "second"
    second.mkdir()
    progress_file(second, "stranger.xlsx", "一季度", 2, zone_name="不存在的开发区")
    progress_file(second, "negative.xlsx", "二季度", 5, spent=-3)
    (second / "broken.xlsx").write_bytes(b"PK\x03\x04 not really a workbook")
    self_eval_file(second, "zero.xlsx", indicators=rows(a0=0))
    data = read_cycle(second, prog, registry, workers=1)
    codes = {f.code for _, f in data.findings}
    assert {"progress-unknown-zone", "progress-negative", "file-corrupt"} <= codes
    assert [r.period for r in data.reports(ZONE)] == ["一季度", "二季度"]  # the first run's Q1 kept
    assert "spent" not in data.reports(ZONE)[1].data
    result = evaluate(data, prog)
    assert result.zones[0].dimensions["产业集聚度"] == Decimal("0.00")


def test_a_zone_without_any_data_is_named_and_does_not_roll_on(
    tmp_path: Path, make_programme: MakeProgramme
) -> None:
    inbox = tmp_path / "in"
    inbox.mkdir()
    prog = programme(make_programme)
    result = evaluate(read_cycle(inbox, prog, tmp_path / "r.sqlite", workers=1), prog, 2021)
    [z] = result.zones
    assert (z.source, z.grade, z.roll_on) == ("无数据", "不合格", False)
    assert [f.code for _, f in result.findings] == ["evaluation-no-data"]
