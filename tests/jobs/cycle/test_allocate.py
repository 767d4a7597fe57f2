"""Fund allocation: exact shares, caps by request, largest-remainder rounding to 分, per-city
blocks. Every expected number below was worked out by hand (the working is in the comment)."""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from formkit.jobs.cycle.allocate import allocate, split
from formkit.model.errors import ConfigError
from tests.jobs.cycle.conftest import MakeProgramme, zone

D = Decimal


def amounts(result) -> list[str]:  # type: ignore[no-untyped-def]
    return [str(s.amount) for s in result.shares]


def codes(result) -> list[str]:  # type: ignore[no-untyped-def]
    return [f.code for _, f in result.findings]


def test_a_budget_that_does_not_divide_evenly_gives_the_odd_cent_to_the_first_zone() -> None:
    # 100 / 3 = 33.333… → floors 33.33 × 3 = 99.99; one cent left, remainders tie → first
    assert [str(a) for a in split(D("100"), [Fraction(1)] * 3, [None] * 3)] == [
        "33.34",
        "33.33",
        "33.33",
    ]


def test_five_cents_over_three_zones() -> None:
    # 5 cents / 3 = 1.67 cents each → floors 1,1,1; two cents left → first two
    assert [str(a) for a in split(D("0.05"), [Fraction(1)] * 3, [None] * 3)] == [
        "0.02",
        "0.02",
        "0.01",
    ]


def test_largest_remainders_get_the_leftover_cents() -> None:
    # 10 over weights 1, 2, 4 (sum 7): 1.428571…, 2.857142…, 5.714285…
    # cents 142.857, 285.714, 571.428 → floors 142, 285, 571 (998); 2 left →
    # remainders .857 (1st) and .714 (2nd) are the largest
    assert [
        str(a) for a in split(D("10"), [Fraction(1), Fraction(2), Fraction(4)], [None] * 3)
    ] == [
        "1.43",
        "2.86",
        "5.71",
    ]


def test_the_sample_tiers_with_two_caps(make_programme: MakeProgramme) -> None:
    # budget 2000, weights 1.2 / 1 / 1 / 0.8 / 1 (sum 5) → 480, 400, 400, 320, 400
    # round 1: 临汾 400 > its request 300 → capped at 300; 1700 left over weights 4
    # round 2: 太原 1700 × 1.2 / 4 = 510 > 500 → capped; 1200 left over weights 2.8
    # round 3: 晋中, 大同 1200 / 2.8 = 428.571428…, 长治 1200 × 0.8 / 2.8 = 342.857142…
    # cents 42857.14 + 42857.14 + 34285.71 → floors sum 119999; the cent goes to 长治 (.71)
    prog = make_programme(
        approved=[
            zone("太原甲区", request=500, grade="优秀"),
            zone("晋中乙区", "晋中市", request=500, grade="良好"),
            zone("大同丙区", "大同市", request=600, grade="良好"),
            zone("长治丁区", "长治市", request=500, grade="合格"),
            zone("临汾戊区", "临汾市", request=300, grade="良好"),
        ],
        allocation={
            "budget": 2000,
            "rule": "tiers",
            "tiers": {"优秀": 1.2, "良好": 1, "合格": 0.8},
        },
    )
    result = allocate(prog)
    assert amounts(result) == ["500.00", "428.57", "428.57", "342.86", "300.00"]
    assert result.total == D("2000.00")
    assert [s.capped for s in result.shares] == [True, False, False, False, True]
    capped = [f.message() for _, f in result.findings if f.code == "allocation-capped"]
    assert capped == [
        "太原甲区测算额510.00万元超过申请额，按申请额500.00万元安排",
        "临汾戊区测算额400.00万元超过申请额，按申请额300.00万元安排",
    ]


def test_equal_shares_summed_per_city(make_programme: MakeProgramme) -> None:
    # 1000.01 / 3 = 333.336666… → cents 33333.67 × 3: floors 99999, 2 cents left → first two
    prog = make_programme(
        approved=[zone("甲区"), zone("乙区", "大同市"), zone("丙区")],
        allocation={"budget": "1000.01", "rule": "equal", "cap_by_request": False},
    )
    result = allocate(prog)
    assert amounts(result) == ["333.34", "333.34", "333.33"]
    assert [(b.city, b.count, str(b.amount)) for b in result.by_city] == [
        ("太原市", 2, "666.67"),
        ("大同市", 1, "333.34"),
    ]
    assert sum(b.amount for b in result.by_city) == D("1000.01")


def test_when_every_zone_is_capped_the_rest_stays_unspent(make_programme: MakeProgramme) -> None:
    prog = make_programme(
        approved=[zone("甲区", request=100), zone("乙区", request="50.5")],
        allocation={"budget": 200, "rule": "equal"},
    )
    result = allocate(prog)
    assert amounts(result) == ["100.00", "50.50"]
    assert result.unspent == D("49.50")
    assert "allocation-unspent" in codes(result)


def test_a_grade_without_a_tier_weight_gets_nothing_and_a_finding(
    make_programme: MakeProgramme,
) -> None:
    prog = make_programme(
        approved=[zone("甲区", grade="优秀"), zone("乙区", grade="待定")],
        allocation={"budget": 300, "rule": "tiers", "cap_by_request": False},
    )
    result = allocate(prog)
    assert amounts(result) == ["300.00", "0.00"]
    assert codes(result) == ["allocation-grade-unknown"]


def test_evaluation_grades_replace_review_grades_and_failed_zones_get_nothing(
    make_programme: MakeProgramme,
) -> None:
    # 甲 rated 良好 (1), 乙 优秀 (1.2), 丙 does not roll on: 550 × 1/2.2 = 250, × 1.2/2.2 = 300
    prog = make_programme(
        approved=[
            zone("甲区", grade="优秀"),
            zone("乙区", grade="合格"),
            zone("丙区", grade="优秀"),
        ],
        allocation={"budget": 550, "rule": "tiers", "cap_by_request": False},
    )
    decisions = {
        "甲区": {"grade": "良好", "roll_on": True},
        "乙区": {"grade": "优秀", "roll_on": True},
        "丙区": {"grade": "不合格", "roll_on": False, "reasons": ["总分 52.0 分，不合格"]},
    }
    result = allocate(prog, decisions)
    assert amounts(result) == ["250.00", "300.00", "0.00"]
    assert [f.message() for _, f in result.findings] == [
        "丙区绩效评价未通过滚动支持（总分 52.0 分，不合格），本年度未安排资金"
    ]


def test_a_zone_without_request_is_not_capped_and_is_named(make_programme: MakeProgramme) -> None:
    prog = make_programme(approved=[zone("甲区")], allocation={"budget": 10})
    result = allocate(prog)
    assert amounts(result) == ["10.00"]
    assert codes(result) == ["allocation-no-request"]


def test_missing_budget_is_a_configuration_error(make_programme: MakeProgramme) -> None:
    with pytest.raises(ConfigError, match=r"allocation\.budget"):
        allocate(make_programme(approved=[zone("甲区")]))


def test_a_budget_with_three_decimals_is_refused(make_programme: MakeProgramme) -> None:
    with pytest.raises(ConfigError, match="最多 2 位小数"):
        make_programme(approved=[zone("甲区")], allocation={"budget": "1.005"})


@given(
    cents=st.integers(0, 10**9),
    weights=st.lists(st.integers(0, 20), min_size=1, max_size=12),
    caps=st.lists(st.one_of(st.none(), st.integers(0, 10**8)), min_size=12, max_size=12),
)
def test_shares_add_up_exactly_and_respect_caps(
    cents: int, weights: list[int], caps: list[int | None]
) -> None:
    budget = D(cents) / 100
    cap_values = [None if c is None else D(c) / 100 for c in caps[: len(weights)]]
    shares = split(budget, [Fraction(w) for w in weights], cap_values)
    assert all(s.as_tuple().exponent == -2 for s in shares)
    assert all(c is None or s <= c for s, c in zip(shares, cap_values, strict=True))
    assert all(s == 0 for s, w in zip(shares, weights, strict=True) if w == 0)
    positive = [i for i, w in enumerate(weights) if w > 0]
    room = sum((cap_values[i] or 0 for i in positive), D(0))
    if any(cap_values[i] is None for i in positive):
        assert sum(shares) == (budget if positive else 0)
    else:
        assert sum(shares) == min(budget, room)
