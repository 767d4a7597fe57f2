"""Per-zone statistics and rankings: mean, trimmed mean from trim_from experts, spread,
the disagreement flag, competition ranks, quota and target."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

from formkit.jobs.panel.aggregate import aggregate
from formkit.jobs.panel.collect import Collected, Returned, ZoneScore
from formkit.programme import load_programme

from .conftest import PROGRAMME


class _Zone:
    """The little of a ZoneReview aggregate reads."""

    def __init__(self, name: str, city: str, status: str = "通过") -> None:
        self.zone, self.city, self.status = name, city, status
        self.dossier = type("D", (), {"key": name})()


def _sheets(scores: dict[str, list[float]]) -> Collected:
    experts = max(len(v) for v in scores.values())
    out = Collected()
    for n in range(experts):
        sheet = Returned(f"{n}.xlsx", f"专家{n}", "", "")
        for zone, values in scores.items():
            if n < len(values):
                total = Decimal(str(values[n]))
                sheet.scores[zone] = ZoneScore(zone, zone, [], total, "")
        out.sheets.append(sheet)
    return out


def test_trimmed_mean_from_five_experts_and_the_disagreement_flag() -> None:
    programme = load_programme(PROGRAMME)
    zones = [_Zone("甲区", "太原市"), _Zone("乙区", "大同市")]
    collected = _sheets({"甲区": [60, 80, 82, 84, 100], "乙区": [70, 72, 74, 75]})
    ranking = aggregate(zones, collected, programme)  # type: ignore[arg-type]
    first, second = ranking.zones
    assert first.zone.zone == "甲区"
    assert (first.mean, first.trimmed, first.score) == (
        Decimal("81.20"),
        Decimal("82.00"),
        Decimal("82.00"),
    )
    assert (first.spread, first.disagree) == (Decimal(40), True)
    assert (second.mean, second.trimmed, second.disagree) == (Decimal("72.75"), None, False)
    assert [f.code for _, f in ranking.findings] == ["panel-disagreement"]


def test_equal_scores_share_a_rank_and_quota_and_target_pick() -> None:
    programme = replace(load_programme(PROGRAMME), target_zones=2)
    zones = [
        _Zone("甲区", "太原市"),
        _Zone("乙区", "太原市"),
        _Zone("丙区", "太原市"),
        _Zone("丁区", "大同市", status="不予受理"),
        _Zone("戊区", "长治市"),
    ]
    collected = _sheets({"甲区": [80], "乙区": [80], "丙区": [90], "丁区": [95], "戊区": [50]})
    ranking = aggregate(zones, collected, programme)  # type: ignore[arg-type]
    table = [(r.zone.zone, r.rank, r.city_rank, r.picked) for r in ranking.zones]
    assert table == [
        ("丁区", 1, 1, False),  # refused in the compliance review
        ("丙区", 2, 1, True),
        ("乙区", 3, 2, True),
        ("甲区", 3, 2, False),  # within 太原市's quota of 2 only by a tie; the target is 2
        ("戊区", 5, 1, False),
    ]


def test_a_zone_nobody_scored_is_unranked() -> None:
    programme = load_programme(PROGRAMME)
    ranking = aggregate([_Zone("甲区", "太原市")], Collected(), programme)  # type: ignore[list-item]
    assert ranking.zones[0].rank is None
    assert [f.message() for _, f in ranking.findings] == ["“甲区”没有有效的专家评分，未排名"]
