"""Documents that are NOT one of the programme's forms, written the way real offices write
them: they share the programme's generic words (基本情况, 项目名称, 申请单位, 联系人, 电话,
资金安排, 一级指标…) and even its short titles. Recognition must call every one unknown.

Each builder returns ``(file bytes, kind)``.
"""

from __future__ import annotations

import functools
from collections.abc import Callable

from .builders import UP, Span, WordDoc, Workbook

Builder = Callable[[], tuple[bytes, str]]


@functools.cache
def student_application() -> tuple[bytes, str]:
    """A student's 大学生创新创业训练计划 application: headings and a form table."""
    doc = WordDoc().para("山西某大学大学生创新创业训练计划项目申请书", heading=1)
    doc.para("一、基本情况")
    doc.table(
        [
            ["项目名称", Span("基于机器视觉的果蔬分拣装置", 3)],
            ["项目类型", Span("☑创新训练 ☐创业训练 ☐创业实践", 3)],
            ["申请单位", "机械工程学院", "指导教师", "李老师"],
            ["联系人", "王小明", "联系电话", "139 0000 0000"],
            ["电子邮箱", Span("student@example.edu.cn", 3)],
            ["起止时间", Span("2020年4月至2021年4月", 3)],
        ]
    )
    doc.para("二、项目简介").para("本项目研制一种低成本的果蔬分拣装置，服务本地合作社。")
    doc.para("三、项目目标").para("完成样机一台，申请实用新型专利一项。")
    doc.para("四、主要内容").para("图像采集、缺陷识别算法、机械分拣结构设计。")
    doc.para("五、实施计划").para("第一年完成算法，第二年完成样机与测试。")
    doc.para("六、资金安排")
    doc.table([["用途", "金额（元）"], ["材料费", "3000"], ["测试费", "2000"], ["合计", "5000"]])
    doc.para("七、指导教师意见").para("同意申报。")
    doc.para("日期：2020年3月20日")
    return doc.bytes(), "docx"


@functools.cache
def task_book() -> tuple[bytes, str]:
    """A company's 科技计划项目任务书 template, with the programme's generic headings."""
    doc = WordDoc().para("科技计划项目任务书")
    doc.para("项目名称：").para("承担单位：").para("项目负责人：").para("起止年限：")
    doc.para("一、基本情况")
    doc.table(
        [
            ["项目名称", Span("", 3)],
            ["申请单位", Span("", 3)],
            ["统一社会信用代码", "", "所属市", ""],
            ["联系人", "", "职务", ""],
            ["电话", "", "电子邮箱", ""],
        ]
    )
    doc.para("二、项目目标").para("（一）总体目标").para("（二）年度目标")
    doc.para("三、主要建设内容").para("四、项目资金安排")
    doc.table(
        [
            ["资金来源", "金额（万元）", "用途"],
            ["申请省级资金", "", ""],
            ["自筹资金（万元）", "", ""],
            ["其他资金", "", ""],
            ["合计", "", ""],
        ]
    )
    doc.para("五、保障措施").para("六、考核指标")
    doc.table([["一级指标", "二级指标", "指标值"], ["产出指标", "数量指标", ""]])
    doc.para("项目承担单位（盖章）").para("年  月  日")
    return doc.bytes(), "docx"


@functools.cache
def other_programme_application() -> tuple[bytes, str]:
    """Another programme's 申报信息表 for enterprises, from the same SME department."""
    rows: list[list[object]] = [
        [Span("专精特新中小企业申报信息表", 4)],
        ["企业名称", Span("示范精密机械有限公司", 3)],
        ["统一社会信用代码", "91140100MA0XXXXX1A", "所属市", "太原市"],
        ["所在县（市、区）", "小店区", "主导产品", "精密轴承"],
        ["从业人员数（人）", "320", "注册时间", "2012年5月"],
        ["联系人", "张三", "职务", "办公室主任"],
        ["联系电话", "0351-7654321", "电子邮箱", "zjtx@example.cn"],
        ["市级中小企业主管部门推荐意见", Span("同意推荐。", 3)],
        ["填报日期", Span("2020年3月20日", 3)],
    ]
    return WordDoc().table(rows).bytes(), "docx"


@functools.cache
def fiscal_targets_of_another_project() -> tuple[bytes, str]:
    """The standard 项目支出绩效目标申报表 every budget unit fills (财预〔2015〕163号)."""
    rows: list[list[object]] = [
        [Span("项目支出绩效目标申报表", 4)],
        ["项目名称", Span("城区道路维修工程", 3)],
        ["主管部门", "住房和城乡建设局", "实施单位", "市政工程处"],
        ["资金安排（万元）", "800", "其他资金", "100"],
        ["总体目标", Span("完成城区主干道维修12公里。", 3)],
        ["一级指标", "二级指标", "三级指标", "指标值"],
        ["产出指标", "数量指标", "维修道路长度", "≥12公里"],
        [UP, "质量指标", "验收合格率", "100%"],
        ["效益指标", "社会效益指标", "通行效率提升", "明显提升"],
        ["满意度指标", "服务对象满意度指标", "市民满意度", "≥90%"],
    ]
    return Workbook().sheet("绩效目标", rows).bytes(), "xlsx"


@functools.cache
def quarterly_report_of_another_project() -> tuple[bytes, str]:
    """Another project's 进展情况报送表: budget, spending, and a free progress note."""
    rows: list[list[object]] = [
        [Span("乡村振兴项目进展情况报送表", 6)],
        ["报送单位", Span("某县农业农村局", 2), "报送日期", Span("2020年7月5日", 2)],
        ["项目名称", "预算数（万元）", "执行数（万元）", "执行率", "备注", "联系人"],
        ["高标准农田建设", "500", "220", "44%", "", "刘一"],
        ["农村道路硬化", "300", "300", "100%", "", "刘一"],
    ]
    return Workbook().sheet("进展情况", rows).bytes(), "xlsx"


@functools.cache
def work_plan() -> tuple[bytes, str]:
    """A county's 两年工作方案 in prose with the generic plan headings."""
    doc = WordDoc().para("某县2020—2021年营商环境优化工作实施方案")
    for heading, body in [
        ("一、基本情况", "我县营商环境持续改善。"),
        ("二、总体目标", "到2021年底，企业开办时间压缩至1个工作日。"),
        ("三、重点任务", "（一）推行一网通办。（二）压减审批事项。"),
        ("四、资金使用计划", "县财政安排专项资金200万元。"),
        ("五、责任分工", "县政务服务中心牵头。"),
        ("六、保障措施", "建立月调度制度。"),
    ]:
        doc.para(heading).para(body)
    doc.para("联系人：赵六  电话：0351-1111111")
    return doc.bytes(), "docx"


@functools.cache
def meeting_minutes() -> tuple[bytes, str]:
    doc = WordDoc().para("项目推进会会议纪要")
    doc.table([["时间", "2020年3月1日"], ["地点", "三楼会议室"], ["主持人", "王局长"]])
    doc.para("会议听取了各开发区申报准备情况的汇报，要求各单位按时报送申报材料。")
    return doc.bytes(), "docx"


MADE: dict[str, Builder] = {
    "student_application": student_application,
    "task_book": task_book,
    "other_programme_application": other_programme_application,
    "fiscal_targets_of_another_project": fiscal_targets_of_another_project,
    "quarterly_report_of_another_project": quarterly_report_of_another_project,
    "work_plan": work_plan,
    "meeting_minutes": meeting_minutes,
}
