"""The programme configuration (``programme.yaml``): one year's call of the provincial scheme.

Keys (``samples/programme.yaml`` is a complete example)::

    synthetic: true                 # sample data, not a real call (optional)
    year: 2020                      # the year of the call
    agency: 山西省小企业发展促进局    # issuing agency (renamed over the years: configuration)
    docno_prefix: 晋企发             # 发文字号 prefix → 晋企发〔2020〕95号
    parent_notice: 《……实施方案》（晋政办发〔2019〕12号）   # the notice cited as the basis
    target_zones: 5                 # how many zones the province supports this year (optional)
    publicity_days: 5               # working days of the 公示 (default 5)
    cities:                         # the cities that may recommend, with their quotas
      - {name: 太原市, quota: 2}
    demo_counties:                  # 小微企业创业创新基地示范县 (priority)
      - {name: 清徐县, city: 太原市}
    holidays: [2020-01-01, 2020-01-24..2020-02-02]   # public holidays (dates or ranges a..b)
    workdays: [2020-01-19]          # 调休: weekend days that are working days
    evaluation:                     # optional; defaults below
      weights: {产业集聚度: 20, …}   # per dimension, summing to 100
      grades: [{name: 优秀, min: 90}, …]
      roll_on_grades: [优秀, 良好, 合格]   # grades that roll on (滚动支持)
      min_execution: 60             # least budget execution rate (%) to roll on
      max_years: 3                  # longest support (years)
    catalogue: catalogue.csv        # zone catalogue, relative to this file (.csv or .xlsx)
    approved:                       # 支持名单 after the 公示 (formkit allocate/monitor/evaluate)
      - {zone: 山西清徐经济开发区, city: 太原市, carrier: 清徐精细化工融通创新港,
         request: 500, grade: 优秀, start: 2020}
    allocation:                     # 资金分配 (formkit allocate); optional
      budget: 2000                  # 万元, two decimals at most
      rule: tiers                   # equal | tiers
      cap_by_request: true          # no zone gets more than its request (default true)
      tiers: {优秀: 1.2, 良好: 1, 合格: 0.8}   # share weights by grade (rule tiers)
      doc_seq: 95                   # 资金下达通知 number → 晋企发〔2020〕95号 (optional)
      date: 2020-06-18              # 成文日期 of that notice (optional)
    panel:                          # 专家评审 (formkit panel); optional
      round: 1                      # the review round the sheets are for (default 1)
      score: {min: 0, max: 10}      # every criterion is scored in this range
      criteria:                     # the rubric: weight = points of the total, figures =
        - {name: 产业基础, weight: 30, figures: [enterprises_total, sme_count]}  # Form A keys
      margin: 15                    # flag a zone whose experts' totals differ by more
      trim_from: 5                  # trimmed mean (highest and lowest dropped) from 5 experts
      names: false                  # name the experts in the 审核意见's 专家意见
      publicity: {doc_seq: 41, date: 2020-04-27, start: 2020-04-28}   # for the 公示

Default evaluation weights (【定】: the official ones are not public) are 20 for 产业集聚度 and
产出与效益 and 15 for the other four dimensions; default grades 优秀 ≥ 90, 良好 ≥ 80, 合格 ≥ 60,
不合格 below.
``approved`` lists the supported zones: ``request`` (万元) is the zone's 申请省级奖补资金,
``grade`` its review grade (used by the tiers rule), ``start`` the first year of its two-year plan
(default ``year``). ``allocation`` defaults (【定】, no rule is public): ``rule: equal``,
``cap_by_request: true``, tiers 优秀 1.2 / 良好 1.0 / 合格 0.8 / 不合格 0.

A configuration that cannot be used raises :class:`ConfigError` naming the file
and the key (a ``programme-*`` code of :mod:`formkit.model.codes`:
``programme.yaml：cities 第2项缺少 quota``). The defaults above are data, in
``formkit/vocabulary/programme.yaml``.

This module is the public face; the values live in :mod:`formkit.programme.model`, the reading
and checking of the YAML in :mod:`formkit.programme.loader`, the catalogue in
:mod:`formkit.programme.catalogue`.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from formkit.programme.catalogue import Catalogue, CatalogueMatch, Zone, load_catalogue
    from formkit.programme.loader import load_programme
    from formkit.programme.model import (
        Allocation,
        ApprovedZone,
        City,
        Criterion,
        DemoCounty,
        Evaluation,
        Grade,
        Panel,
        Programme,
    )

# The package's names are imported on first use (PEP 562): a check without --programme needs
# only the catalogue's zone names, and the model's nine frozen dataclasses and the loader cost
# ~72 M instructions (~20 ms) of every start (measured with callgrind).
_HOMES = {
    "Catalogue": "catalogue",
    "CatalogueMatch": "catalogue",
    "Zone": "catalogue",
    "load_catalogue": "catalogue",
    "load_programme": "loader",
    "Allocation": "model",
    "ApprovedZone": "model",
    "City": "model",
    "Criterion": "model",
    "DemoCounty": "model",
    "Evaluation": "model",
    "Grade": "model",
    "Panel": "model",
    "Programme": "model",
}


def __getattr__(name: str) -> object:
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(importlib.import_module(f"{__name__}.{home}"), name)


__all__ = [
    "Allocation",
    "ApprovedZone",
    "Catalogue",
    "CatalogueMatch",
    "City",
    "Criterion",
    "DemoCounty",
    "Evaluation",
    "Grade",
    "Panel",
    "Programme",
    "Zone",
    "load_catalogue",
    "load_programme",
]
