"""Document C (两年期实施方案) as zones write it: numbered or styled headings, reworded."""

from __future__ import annotations

import functools

from .builders import WordDoc

PLAN_TITLE = "山西示范经济开发区融通型特色载体两年期实施方案"

EXISTING = "开发区已建成孵化器3家、众创空间5家，累计服务中小企业600余家。"
CARRIER = "载体聚焦高端装备制造，现有入驻企业120家，其中中小企业108家。"
OVERALL = "两年内建成服务装备制造产业链的融通创新载体。"
YEAR1 = "2020年完成公共技术服务平台建设，新增入驻中小企业20家。"
YEAR2 = "2021年形成龙头企业带动的配套协作体系，新增入驻中小企业30家。"
CONTENT = "建设共享制造平台，开展龙头企业开放供应链对接活动。"
FUNDS = "省级奖补资金全部用于载体公共服务能力建设。"
DUTIES = "开发区管委会主任任组长，经发局牵头，按季度调度。"

FUND_USES = [
    {"use": "直接补助", "amount_wan": 200},
    {"use": "绩效奖励", "amount_wan": 150},
    {"use": "购买服务", "amount_wan": 150},
]


@functools.cache
def numbered_plan() -> bytes:
    """Plain paragraphs numbered 一、/（一）/1., the fund-use table inside its part."""
    doc = WordDoc().para(PLAN_TITLE)
    doc.para("开发区名称：山西示范经济开发区").para("特色载体名称：示范装备制造融通创新特色载体")
    doc.para("一、开发区既有双创工作开展情况").para(EXISTING)
    doc.para("二、融通型特色载体发展现状").para(CARRIER)
    doc.para("三、实施目标").para("（一）总体目标").para(OVERALL)
    doc.para("（二）第一年目标").para(YEAR1).para("（三）第二年目标").para(YEAR2)
    doc.para("四、主要建设内容").para("1. 建设共享制造平台").para(CONTENT)
    doc.para("五、资金使用方向").para(FUNDS).para("申请省级奖补资金：500万元")
    doc.table(
        [
            ["用途", "金额（万元）", "主要内容"],
            ["直接补助", "200", "平台设备购置补助"],
            ["绩效奖励", "150", "对服务成效突出的机构奖励"],
            ["购买服务", "150", "购买检验检测服务"],
            ["合计", "500", ""],
        ]
    )
    doc.para("六、责任分工与保障措施").para(DUTIES)
    return doc.bytes()


@functools.cache
def styled_plan() -> bytes:
    """Word heading styles without numbering, reworded headings, goals as 标签：值 lines."""
    doc = WordDoc().para(PLAN_TITLE, heading=1)
    doc.para("双创工作基础", heading=2).para(EXISTING)
    doc.para("载体发展现状", heading=2).para(CARRIER)
    doc.para("建设目标", heading=2).para(OVERALL)
    doc.para(f"第一年目标：{YEAR1}").para(f"第二年目标：{YEAR2}")
    doc.para("重点任务", heading=2).para(CONTENT)
    doc.para("资金使用计划", heading=2).para(FUNDS)
    doc.table(
        [
            ["资金用途", "安排资金（万元）"],
            ["直接补助", "200"],
            ["绩效奖励", "150"],
            ["购买服务", "150"],
        ]
    )
    doc.para("保障措施", heading=2).para(DUTIES)
    return doc.bytes()
