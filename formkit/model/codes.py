"""Every finding and refusal code formkit emits, with its messages — the one place they live.

Messages are ``str.format`` templates; ``{field}`` is the printed label of the field
concerned. The README's table of codes is generated from this module
(``python -m formkit.model.codes``), and a test keeps it in step.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Mapping
from dataclasses import dataclass


@dataclass(frozen=True)
class Code:
    code: str
    severity: str  # "error" | "warning"
    zh: str
    en: str
    hint: str = ""  # one line on how to fix it, Chinese

    def render(self, lang: str, **params: object) -> str:
        """The message in ``lang``. A param ``NAME_word`` names a line of
        :data:`REPORT_TEXTS` that fills ``{NAME}`` in ``lang`` (from the other params), and a
        param ``NAME_words`` a list of them (see :func:`filled`), so a finding stored as data
        keeps formkit's own words in every language."""
        template = self.en if lang == "en" else self.zh
        values = filled(lang, params)
        reason = params.get("reason")
        if isinstance(reason, str) and reason in REASONS and "{detail}" in template:
            # the reason's words fill {detail} (after the words, which a reason may hold)
            values["detail"] = REASONS[reason].render(lang, **values)
        return template.format_map(_Missing(values))

    def advice(self, lang: str = "zh") -> str:
        """How to fix it in ``lang`` ("" when the code has no hint)."""
        return HINTS_EN.get(self.code, "") if lang == "en" else self.hint


@dataclass(frozen=True)
class Reason:
    """Why a file was refused, in words that fill its code's ``{detail}``: the param
    ``reason`` names one (``InputFileError("file-unsafe", name, reason="rels-too-large")``),
    and its placeholders are params of the same error."""

    key: str
    zh: str
    en: str

    def render(self, lang: str, **params: object) -> str:
        template = self.en if lang == "en" else self.zh
        values = {k: ("" if v is None else v) for k, v in params.items()}
        return template.format_map(_Missing(values))


WORD, WORDS = "_word", "_words"  # see Code.render


def filled(lang: str, params: Mapping[str, object]) -> dict[str, object]:
    """``params`` ready to format a template in ``lang``: None as "", each ``NAME_word``
    param's catalogue line (:data:`REPORT_TEXTS`) as ``NAME``, and each ``NAME_words`` list
    as ``NAME``: its items joined by ``list-sep``, an item that is a catalogue line in
    ``lang``, any other (a title from a bureau's own spec) as it is."""
    values = {k: ("" if v is None else v) for k, v in params.items()}
    for key, items in params.items():
        if key.endswith(WORDS) and isinstance(items, list | tuple):
            shown = (_line(str(i), lang) if i in REPORT_TEXTS else str(i) for i in items)
            values[key.removesuffix(WORDS)] = _line("list-sep", lang).join(shown)
    for key, word in params.items():
        if key.endswith(WORD) and isinstance(word, str) and word in REPORT_TEXTS:
            zh, en = REPORT_TEXTS[word]
            values[key.removesuffix(WORD)] = (en if lang == "en" else zh).format_map(
                _Missing(values)
            )
    return values


def _line(key: str, lang: str) -> str:
    zh, en = REPORT_TEXTS[key]
    return en if lang == "en" else zh


class _Missing(dict[str, object]):
    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


def _codes(*items: Code) -> dict[str, Code]:
    return {c.code: c for c in items}


E, W = "error", "warning"

CODES: dict[str, Code] = _codes(
    # --- input files (raised as InputFileError, reported per file; exit 2) ---------------
    Code("file-not-found", E, "找不到文件", "file not found"),
    Code(
        "file-empty", E, "文件为空（0字节）", "the file is empty (0 bytes)", "请重新导出文件后提交"
    ),
    Code(
        "file-unknown-type",
        E,
        "无法识别的文件类型：{detail}",
        "unrecognised file type: {detail}",
        "请提交 .docx、.xlsx 或 .pdf 文件",
    ),
    Code(
        "file-corrupt",
        E,
        "文件已损坏，无法读取：{detail}",
        "the file is corrupt: {detail}",
        "请用 Word/WPS/Excel 打开后另存一份再提交",
    ),
    Code(
        "file-encrypted",
        E,
        "文件已加密，请去除密码后提交",
        "the file is encrypted; remove the password",
        "在 Word/Excel 中取消“用密码进行加密”后另存",
    ),
    Code(
        "file-too-large",
        E,
        "文件过大（{detail}），超出处理上限",
        "the file is too large ({detail})",
        "删去嵌入的大图片后另存，或分开提交",
    ),
    Code(
        "file-too-many-cells",
        E,
        "文件过大（单元格超过 {detail} 个），超出处理上限",
        "the file is too large (more than {detail} cells)",
        "删去多余的工作表或空白区域的内容后另存，或分开提交",
    ),
    Code(
        "file-unsafe",
        E,
        "文件含有不安全的结构，已拒绝：{detail}",
        "the file has an unsafe structure and was refused: {detail}",
        "用 Word/Excel 打开原文件另存一份后重新上传",
    ),
    Code(
        "file-timeout",
        E,
        "文件处理超时（超过{seconds}秒），已跳过",
        "processing timed out after {seconds} s",
        "用 Word/Excel 打开后另存一份再上传；仍超时请联系管理员",
    ),
    Code(
        "file-memory",
        E,
        "文件处理所需内存超出上限，已跳过",
        "processing exceeded the memory limit",
        "用 Word/Excel 打开后另存一份再上传；仍失败请联系管理员",
    ),
    Code(
        "file-legacy-unconverted",
        E,
        "旧版格式（{detail}）无法转换，请另存为 .docx/.xlsx 后重新提交",
        "legacy format ({detail}) could not be converted; save as .docx/.xlsx",
    ),
    Code(
        "doc-tables-lost",
        E,
        "旧版 Word 文件经 LibreOffice 转换后表格丢失（原文件表格中约 {detail}% 的文字不在转换后的表格里），为免误报未检查，请另存为 .docx 后重新提交",
        "LibreOffice's conversion of this legacy Word file lost tables (about {detail}% of the original's table text is not in a table); not checked, save as .docx",
        "请另存为 .docx 后重新提交",
    ),
    Code(
        "doc-text-lost",
        E,
        "旧版 Word 文件经 LibreOffice 转换后约 {detail}% 的文字丢失，为免误报未检查，请另存为 .docx 后重新提交",
        "LibreOffice's conversion of this legacy Word file lost about {detail}% of its text; not checked, save as .docx",
        "请另存为 .docx 后重新提交",
    ),
    Code(
        "limits-not-enforced",
        W,
        "提示：本系统无法限制单个文件处理所用的内存，只有处理时间的上限有效",
        "note: this system cannot cap the memory used per file; only the time limit holds",
    ),
    Code(
        "file-image-too-large",
        E,
        "文档中的图片过大（{detail}），超出处理上限",
        "an image in the document is too large ({detail})",
        "请在 Word/WPS/Excel 中“压缩图片”后另存，再重新提交",
    ),
    Code(
        "file-scanned-pdf",
        E,
        "PDF 为扫描图片，没有可提取的文字，需人工审核",
        "the PDF is a scanned image without text; needs manual review",
        "请提交 Word/Excel 原文件，或从 Word/WPS 直接“另存为 PDF”",
    ),
    Code(
        "archive-refused",
        E,
        "压缩包无法处理：{detail}",
        "archive refused: {detail}",
        "请提交 .zip 压缩包，不要加密",
    ),
    Code(
        "internal-error",
        E,
        "处理该文件时发生内部错误（{detail}），请联系维护人员",
        "internal error while processing this file ({detail})",
    ),
    # --- reader notes (warnings about what the file contains) -----------------------------
    Code(
        "tracked-changes",
        W,
        "文档含有未接受的修订，已按“接受全部修订”读取，请确认后定稿",
        "the document has tracked changes; read as if all were accepted",
        "在 Word 中“接受所有修订”后保存再提交",
    ),
    Code(
        "formula-no-value",
        W,
        "单元格是公式但没有计算结果（{detail}），请在 Excel 中打开并保存后再提交",
        "formula cell without a cached value ({detail})",
        "在 Excel 中打开该文件，保存后再提交",
    ),
    Code(
        "macro-present",
        W,
        "文件含有宏（VBA），宏不会被执行，建议另存为不含宏的格式",
        "the file contains macros (not run)",
    ),
    Code(
        "external-reference",
        W,
        "文件引用了外部模板或链接（{detail}），不会被读取",
        "the file references an external template or link ({detail}); not followed",
    ),
    # --- intake ---
    Code(
        "extension-mismatch",
        W,
        "文件扩展名为 {detail}，已按实际内容读取",
        "the file's extension does not match its content ({detail}); read by content",
    ),
    # --- pdf reader ---
    Code(
        "file-pdf-unmapped",
        E,
        "PDF 中的文字无法还原为字符（字体缺少 ToUnicode 映射），需人工审核",
        "the PDF's text cannot be mapped to characters (fonts lack ToUnicode); needs manual review",
        "请从 Word/WPS 重新“另存为 PDF”，或直接提交 .docx/.xlsx",
    ),
    Code(
        "file-pdf-empty",
        E,
        "PDF 中没有可读取的文字，需人工审核",
        "the PDF contains no readable text; needs manual review",
        "请确认导出的不是空白页；请从 Word/WPS 直接“另存为 PDF”，或直接提交 .docx/.xlsx",
    ),
    Code(
        "pdf-scanned-pages",
        W,
        "PDF 第{pages}页为扫描图片，其中的内容未读取，需人工核对",
        "PDF page(s) {pages} are scanned images; their content was not read",
    ),
    Code(
        "pdf-unmapped-pages",
        W,
        "PDF 第{pages}页有文字的字体缺少字符映射，这些字符无法识别（显示为 (cid:…)），需人工核对",
        "PDF page(s) {pages} hold characters whose font has no character map; they could not"
        " be read (shown as (cid:…))",
    ),
    Code(
        "legacy-converted",
        W,
        "旧版格式（{detail}）已由 LibreOffice 转换后读取，请核对；今后请提交 .docx/.xlsx",
        "legacy format ({detail}) was converted by LibreOffice before reading; please check",
    ),
    # --- form recognition ------------------------------------------------------------------
    Code(
        "form-unknown",
        E,
        "不是本次申报的表单：未找到任何一种申报表单特有的标签或标题（可识别的表单：{forms}）",
        "not one of this programme's forms: no label or heading specific to one was found"
        " (forms known: {forms})",
        "若这是申报材料，请使用下发的空白表单填写，不要删改表中的标签；其他材料无需提交",
    ),
    Code(
        "file-docx-pictures",
        E,
        "Word 文档中没有文字，内容全是图片（{detail} 张），需人工审核",
        "the Word document has no text, only pictures ({detail}); needs manual review",
        "请提交含文字的 Word 原文件，不要粘贴截图或扫描件",
    ),
    Code(
        "files-not-forms",
        W,
        "{count}个未识别/非申报材料",
        "not recognised or not application forms: {count}",
    ),
    Code(
        "layout-fiscal",
        W,
        "指标表采用“产出/效益/满意度”财政绩效格式；本项目要求按六个一级指标"
        "（产业集聚度、资源聚集力、持续发展力、产出与效益、改革创新力、辐射带动力）填报",
        "the indicator table uses the fiscal output/benefit/satisfaction layout; the programme "
        "asks for the six-dimension layout",
    ),
    # --- field rules -----------------------------------------------------------------------
    Code("missing-field", E, "未填写“{field}”", "“{field}” is missing", "请在表中填写该项"),
    Code(
        "bad-value",
        E,
        "“{field}”的值“{raw}”无法识别为{kind}",
        "“{field}”: “{raw}” is not a valid {kind}",
        "按表中示例的格式填写（数字不带单位，日期写成2024-06或2024年6月）",
    ),
    Code(
        "bad-pattern",
        E,
        "“{field}”的格式不正确：{raw}",
        "“{field}” has the wrong format: {raw}",
        "按表中提示的格式重新填写",
    ),
    Code(
        "not-allowed",
        E,
        "“{field}”应为 {allowed} 之一，实际为“{raw}”",
        "“{field}” must be one of {allowed}, got “{raw}”",
        "从表中列出的选项中选择一项",
    ),
    Code(
        "out-of-range",
        E,
        "“{field}”的值{value}超出允许范围（{detail}）",
        "“{field}” value {value} out of range ({detail})",
        "核对数值是否多写或少写了位数、单位是否正确",
    ),
    Code(
        "bad-credit-code",
        E,
        "“{field}”不是有效的统一社会信用代码：{raw}（{detail}）",
        "“{field}” is not a valid unified social credit code: {raw} ({detail})",
        "请核对营业执照上的18位代码",
    ),
    Code(
        "credit-code-number",
        E,
        "“{field}”所在单元格是数字格式，代码被存成了 {raw}，已丢失位数",
        "“{field}” is stored as a number ({raw}) and has lost digits",
        "把该单元格设为“文本”格式，再重新输入18位代码",
    ),
    Code(
        "value-approximate",
        W,
        "“{field}”填写的是约数“{raw}”，暂按{value}读取",
        "“{field}” is approximate (“{raw}”); read as {value}",
        "请填写确数，如“500”，不要写“约500”“近百家”“超过30家”",
    ),
    Code(
        "bad-zone-code",
        E,
        "“{field}”格式应为 G/S 加6位数字（如 S141234），实际为“{raw}”",
        "“{field}” must be G/S followed by 6 digits, got “{raw}”",
        "按《中国开发区审核公告目录》中的代码填写，如 S141234",
    ),
    Code(
        "bad-phone",
        E,
        "“{field}”不是有效的电话号码：{raw}",
        "“{field}” is not a valid phone number: {raw}",
        "手机写11位，固定电话写区号-号码，如0351-1234567",
    ),
    Code(
        "bad-email",
        E,
        "“{field}”不是有效的电子邮箱：{raw}",
        "“{field}” is not a valid e-mail: {raw}",
        "写完整的邮箱地址，如 name@example.com",
    ),
    Code(
        "bad-docno",
        E,
        "“{field}”不是规范的发文字号：{raw}（应如 晋政函〔2019〕12号）",
        "“{field}” is not a valid document number: {raw}",
        "按批准文件上的发文字号照录，年份用六角括号〔〕",
    ),
    Code(
        "docno-brackets",
        W,
        "“{field}”的年份应使用六角括号〔〕：{raw}",
        "“{field}”: the year should be in “〔〕”: {raw}",
    ),
    Code(
        "sme-exceeds-total",
        E,
        "“{field}”（{value}）大于入驻企业数（{total}）",
        "“{field}” ({value}) exceeds the number of enterprises ({total})",
        "中小企业数是入驻企业数的一部分，核对两项数字",
    ),
    Code(
        "period-not-two-years",
        E,
        "实施期应为两年（24个月），实际为{start}至{end}",
        "the plan period must be two years (24 months), got {start} to {end}",
        "实施期写满两年，如2024年1月至2025年12月",
    ),
    Code(
        "wrong-carrier-type",
        E,
        "“{field}”应为“大中小企业融通型”，实际为“{raw}”",
        "“{field}” must be “大中小企业融通型”, got “{raw}”",
        "载体类型填写“大中小企业融通型”",
    ),
    Code(
        "key-industries-count",
        E,
        "“{field}”应为1至2个，实际为{count}个",
        "“{field}” must list 1 or 2 industries, got {count}",
        "主导产业只填1至2个，用顿号分隔",
    ),
    Code(
        "zone-level-not-provincial",
        E,
        "“{field}”应为“省级”，实际为“{raw}”",
        "“{field}” must be provincial (“省级”), got “{raw}”",
        "本批次只受理省级开发区，级别填写“省级”",
    ),
    Code(
        "zone-not-in-catalogue",
        E,
        "开发区“{raw}”不在《中国开发区审核公告目录》中，且未填写省政府批准设立文件文号",
        "zone “{raw}” is not in the catalogue and no approval document is given",
        "按目录中的名称填写，或填写省政府批准设立文件的文号",
    ),
    Code(
        "zone-name-variant",
        W,
        "开发区名称“{raw}”与目录中的“{expected}”不完全一致",
        "zone name “{raw}” differs from the catalogue's “{expected}”",
    ),
    Code(
        "zone-code-mismatch",
        W,
        "开发区代码“{raw}”与目录中的“{expected}”不一致",
        "zone code “{raw}” differs from the catalogue's “{expected}”",
    ),
    Code(
        "unknown-city",
        E,
        "“{field}”“{raw}”不是本批次的申报地市",
        "“{field}” “{raw}” is not a configured city",
        "按本批次的申报地市填写（如 太原市）",
    ),
    # --- indicators ------------------------------------------------------------------------
    Code(
        "no-indicators",
        E,
        "未找到绩效指标表（应含 一级指标/二级指标/单位/目标值 等列）",
        "no indicator table found",
        "使用空白的绩效目标及评价指标表填写，不要改动表头",
    ),
    Code(
        "dimension-missing",
        E,
        "一级指标“{dimension}”下没有任何指标",
        "dimension “{dimension}” has no indicator",
        "在该一级指标下至少填写一项指标（含单位和两年目标值）",
    ),
    Code(
        "dimension-not-quantitative",
        E,
        "一级指标“{dimension}”下没有可量化、可考核的定量指标",
        "dimension “{dimension}” has no quantitative indicator",
        "在该一级指标下补充一项有单位、有数值目标的指标",
    ),
    Code(
        "unknown-dimension",
        W,
        "“{raw}”不是规定的六个一级指标之一",
        "“{raw}” is not one of the six dimensions",
    ),
    Code(
        "target-decreasing",
        W,
        "指标“{indicator}”第二年目标值（{y2}）低于第一年（{y1}）",
        "indicator “{indicator}”: year-2 target ({y2}) below year 1 ({y1})",
        "核对两年目标值是否填反；确需下降请在备注中说明",
    ),
    Code(
        "indicator-incomplete",
        E,
        "指标“{indicator}”未填写“{field}”",
        "indicator “{indicator}”: “{field}” missing",
        "补全该指标这一行的空白栏目",
    ),
    # --- indicator rows without a name ---
    Code(
        "indicator-name-missing",
        E,
        "此行填写了{filled}，但“{field}”为空，该行未作为指标读取",
        "this row has {filled} filled but “{field}” is blank; it was not read as an indicator",
        "补填该行的指标名称；多余的行请整行删除",
    ),
    # --- plan sections -----------------------------------------------------------------------
    Code(
        "section-missing",
        E,
        "实施方案缺少“{field}”部分",
        "the plan lacks the section “{field}”",
        "按编制提纲补上这一部分（标题与提纲一致）",
    ),
    Code(
        "section-thin",
        W,
        "实施方案“{field}”部分内容过少（{count}字）",
        "the plan's section “{field}” is very short (characters: {count})",
        "按编制提纲充实这一部分的内容",
    ),
    # --- validation ---
    Code(
        "docno-nonstandard",
        W,
        "“{field}”不符合发文字号规范（序号不加“第”、不编虚位）：{raw}，应为{expected}",
        "“{field}” is not a standard document number: {raw}, should be {expected}",
    ),
    Code(
        "fund-uses-mismatch",
        E,
        "资金使用方向各项金额合计{total}万元，与“{field}”所填的{expected}万元不一致",
        "fund uses add up to {total} (10k yuan), not the {expected} given as “{field}”",
        "核对各资金使用方向的金额，使合计等于申请资金总额",
    ),
    Code(
        "execution-rate-mismatch",
        W,
        "“{field}”填报为{value}%，按执行数÷预算数计算应为{expected}%",
        "“{field}” is {value}%, but spent ÷ budget gives {expected}%",
    ),
    Code(
        "spent-exceeds-budget",
        W,
        "“{field}”填报为{value}，大于预算数{total}",
        "“{field}” ({value}) exceeds the budget ({total})",
    ),
    Code(
        "unit-missing",
        W,
        "定量指标“{indicator}”未填写单位",
        "quantitative indicator “{indicator}” has no unit",
        "在“单位”栏填写计量单位，如 家、个、万元、%",
    ),
    # --- extraction and validation fixes ---
    Code(
        "month-ambiguous",
        W,
        "“{field}”的值{raw}可能是 Excel 把{intended}存成了{raw}，已按{value}读取，请核对",
        "“{field}”: {raw} may be {intended} shortened by Excel; read as {value}, please check",
        "在 Excel 中把该单元格设为文本后填写，或写成“2006年10月”",
    ),
    Code(
        "fiscal-layout-not-accepted",
        E,
        "“{field}”未按本项目要求的六个一级指标填报"
        "（现为“产出/效益/满意度”财政绩效格式），其中的指标未予核对",
        "“{field}” is not in the six-dimension layout the programme asks for (it uses the "
        "fiscal output/benefit/satisfaction layout); its indicators were not checked",
        "请按空白的绩效目标及评价指标表，把指标归入六个一级指标后重新填写",
    ),
    Code(
        "row-incomplete",
        E,
        "{table}第{row}行未填写“{field}”",
        "{table}, row {row}: “{field}” missing",
    ),
    Code(
        "zone-name-mismatch",
        W,
        "开发区名称“{raw}”与目录中代码 {catalogue_code} 对应的“{expected}”不一致",
        "zone name “{raw}” differs from “{expected}”, the catalogue's zone with code "
        "{catalogue_code}",
        "核对开发区名称与开发区代码，二者应指同一个开发区",
    ),
    Code(
        "input-no-forms",
        E,
        "未找到可检查的文件：{path} 中没有表单文件",
        "no files to check: {path} holds no form files",
        "确认选对了文件夹；表单应为 .docx、.xlsx、.pdf 文件或 .zip 压缩包",
    ),
    # --- batch review: dossiers, programme, city letters (formkit batch) -----------------------
    Code(
        "document-missing",
        E,
        "未提交“{document}”",
        "“{document}” was not submitted",
        "请补交该材料",
    ),
    Code(
        "field-mismatch",
        E,
        "“{field}”在{first}中为“{a}”，在{second}中为“{b}”，两处不一致",
        "“{field}” is “{a}” in {first} but “{b}” in {second}",
        "核对后统一各材料中的填报内容",
    ),
    Code(
        "fund-uses-missing",
        W,
        "实施方案未列出资金使用方向的分项金额，无法核对合计",
        "the plan gives no amounts per fund use; the total cannot be checked",
        "在“资金使用方向”中按直接补助、绩效奖励、购买服务列出金额",
    ),
    Code(
        "plan-targets-mismatch",
        E,
        "实施方案中“{indicator}”的{year}目标值（{plan}）与绩效目标表（{table}）不一致",
        "the plan's {year} target for “{indicator}” ({plan}) differs from Form B ({table})",
        "使实施方案的年度目标与绩效目标表一致",
    ),
    Code(
        "quota-exceeded",
        E,
        "{city}分配名额{quota}个，推荐{count}个，超出{excess}个",
        "“{city}”: quota {quota}, {count} recommended, {excess} over",
        "由市级主管部门按名额调整推荐名单",
    ),
    Code(
        "demo-county-priority",
        "info",
        "开发区位于小微企业创业创新基地示范县（{county}），按规定优先支持",
        "the zone lies in a demonstration county ({county}) and has priority",
    ),
    Code(
        "demo-county-unlisted",
        W,
        "申报信息表填报位于示范县，但“{county}”不在本批次示范县名单中",
        "Form A claims a demonstration county, but “{county}” is not on the programme's list",
    ),
    Code(
        "letter-zone-missing",
        E,
        "市级推荐文件推荐了“{zone}”，但未收到该开发区的申报材料",
        "the city letter recommends “{zone}”, but no submission of that zone was received",
    ),
    Code(
        "letter-zone-extra",
        E,
        "该开发区未列入{city}市级推荐文件（{docno}）的推荐名单",
        "the zone is not on “{city}”'s recommendation letter ({docno})",
        "请市级主管部门确认是否推荐该开发区",
    ),
    Code(
        "duplicate-version",
        W,
        "“{document}”收到多个版本，已采用 {chosen}，未采用：{others}",
        "several versions of “{document}”: used {chosen}, not used: {others}",
        "每份材料只报送最终版本，撤回其他版本",
    ),
    Code(
        "file-unassigned",
        W,
        "无法确定该文件所属的开发区（{detail}），未归入任何开发区的申报材料",
        "the file could not be assigned to a zone ({detail})",
        "确认该文件属于哪个开发区，或从收件目录中移除",
    ),
    Code(
        "zone-from-folder",
        W,
        "文件中未写明开发区名称，已按所在文件夹归入“{zone}”",
        "the file names no zone; assigned to “{zone}” by its folder",
        "在材料中写明开发区名称",
    ),
    Code(
        "checks-skipped",
        "info",
        "未提供项目配置（--programme），以下核对未进行：{checks}",
        "no programme configuration (--programme): not checked: {checks}",
    ),
    # --- notices (official documents) and LibreOffice ---------------------------------------
    Code(
        "notice-unknown-kind",
        E,
        "没有“{kind}”这种公文模板（可选：{kinds}）",
        "no notice template “{kind}” (choose from: {kinds})",
    ),
    Code(
        "notice-bad-data", E, "公文数据“{field}”有误：{detail}", "notice data “{field}”: {detail}"
    ),
    Code(
        "date-impossible",
        E,
        "“{field}”的日期“{value}”不存在",
        "“{field}”: the date “{value}” does not exist",
        "核对年、月、日，如2月只有28日或29日",
    ),
    Code(
        "notice-data-unreadable",
        E,
        "公文数据文件 {file} 无法读取：{detail}",
        "the notice data file {file} cannot be read: {detail}",
        "数据文件应为 UTF-8 编码的 YAML 或 JSON",
    ),
    Code(
        "template-unreadable",
        E,
        "模板 {template} 无法读取：{detail}",
        "template {template} cannot be read: {detail}",
        "请用 Word 打开模板后另存为 .docx",
    ),
    Code(
        "template-missing-data",
        E,
        "模板 {template} 需要的数据缺失：{names}",
        "template {template} needs data that is missing: {names}",
        "在数据文件中补上这些项",
    ),
    Code(
        "template-undefined",
        E,
        "模板 {template} 中“{context}”处用到的数据缺失：{detail}",
        "template {template}, at “{context}”: missing data: {detail}",
    ),
    Code(
        "template-syntax",
        E,
        "模板 {template} 中“{context}”处的标签写法有误：{detail}",
        "template {template}, at “{context}”: bad tag: {detail}",
        "检查 {{ }} 与 {%p %} 标签是否完整、成对",
    ),
    Code(
        "template-bad-output",
        E,
        "模板 {template} 生成的文档结构有误：{detail}",
        "template {template} produced a broken document: {detail}",
    ),
    Code(
        "office-missing",
        E,
        "未找到 LibreOffice（soffice），无法转换文件",
        "LibreOffice (soffice) not found; cannot convert",
        "安装 libreoffice-writer-nogui（运行 scripts/setup-system.sh）",
    ),
    Code(
        "office-timeout",
        E,
        "LibreOffice 转换超时（{seconds}秒）：{files}",
        "LibreOffice timed out after {seconds} s: {files}",
    ),
    Code(
        "office-failed",
        E,
        "LibreOffice 未能转换：{files}{detail}",
        "LibreOffice failed to convert: {files}{detail}",
    ),
    # --- the rest of the cycle: allocate, monitor, evaluate ----------------------------------
    Code(
        "allocation-capped",
        "info",
        "{zone}测算额{share}万元超过申请额，按申请额{request}万元安排",
        "“{zone}”: the computed share {share} exceeds the request; capped at {request}",
    ),
    Code(
        "allocation-unspent",
        W,
        "年度预算{budget}万元中有{amount}万元未分配（各开发区均已按申请额封顶）",
        "{amount} of the budget {budget} is unallocated (every zone is capped by its request)",
    ),
    Code(
        "allocation-grade-unknown",
        W,
        "{zone}的等次“{grade}”不在分档权重（allocation.tiers）中，未安排资金",
        "“{zone}”: grade “{grade}” has no tier weight; nothing allocated",
    ),
    Code(
        "allocation-no-request",
        W,
        "{zone}未填写申请额（request），分配额未按申请额封顶",
        "“{zone}”: no request given; the share is not capped",
    ),
    Code(
        "allocation-not-rolled",
        W,
        "{zone}绩效评价未通过滚动支持（{reason}），本年度未安排资金",
        "“{zone}” does not roll on ({reason}); nothing allocated",
    ),
    Code(
        "progress-unknown-zone",
        E,
        "进展情况报送表的开发区“{zone}”不在支持名单中，未登记",
        "progress report of “{zone}”, which is not on the approved list; not stored",
    ),
    Code(
        "progress-missing",
        W,
        "{zone}未报送{year}年{period}进展情况",
        "“{zone}” sent no progress report for “{period}” {year}",
    ),
    Code(
        "progress-late",
        W,
        "{zone}{year}年{period}进展情况填报日期{date}晚于报送期限{deadline}",
        "“{zone}”: the “{period}” {year} report is dated {date}, after the deadline {deadline}",
    ),
    Code(
        "progress-out-of-order",
        E,
        "{zone}{year}年{period}进展情况的填报日期{date}早于该时段结束，报送时间段可能填错",
        "“{zone}”: the “{period}” {year} report is dated {date}, before the period "
        "ended; the period may be wrong",
    ),
    Code(
        "progress-duplicate",
        W,
        "{zone}{year}年{period}进展情况收到多份，已采用 {chosen}",
        "“{zone}”: several reports for “{period}” {year}; used {chosen}",
    ),
    Code(
        "progress-decreased",
        W,
        "{zone}“{indicator}”{year}年{period}报送期末值{value}低于上期{previous}",
        "“{zone}”: “{indicator}” fell from {previous} to {value} in “{period}” {year}",
    ),
    Code(
        "progress-negative",
        E,
        "{zone}{year}年{period}“{field}”为负数（{value}），已按未填写处理",
        "“{zone}”: “{field}” is negative ({value}) in “{period}” {year}; ignored",
    ),
    Code(
        "progress-lagging",
        W,
        "{zone}截至{year}年{period}指标平均完成率{rate}%，低于时间进度{expected}%",
        "“{zone}”: {rate}% of the year's targets by “{period}” {year}, behind the time path {expected}%",
    ),
    Code(
        "progress-no-target",
        W,
        "{zone}“{indicator}”没有{year}年目标值，未计算完成率",
        "“{zone}”: “{indicator}” has no target for {year}; completion not computed",
    ),
    Code(
        "evaluation-no-data",
        E,
        "{zone}没有{year}年的绩效自评表或进展数据，无法评价",
        "“{zone}”: no self-evaluation or progress data for {year}; not evaluated",
    ),
    Code(
        "evaluation-zero-target",
        W,
        "{zone}“{indicator}”年度指标值为0，{detail}",
        "“{zone}”: “{indicator}” has a zero target; {detail}",
    ),
    Code(
        "evaluation-qualitative-unscored",
        W,
        "{zone}定性指标“{indicator}”未录入得分，按不适用处理",
        "“{zone}”: qualitative indicator “{indicator}” has no score; treated as not applicable",
    ),
    Code(
        "evaluation-missing-actual",
        W,
        "{zone}“{indicator}”未填写实际完成值，得0分",
        "“{zone}”: “{indicator}” has no actual value; scored 0",
    ),
    Code(
        "evaluation-score-differs",
        W,
        "{zone}“{indicator}”自评得分{claimed}，按规则计算应为{computed}",
        "“{zone}”: “{indicator}” self-scored {claimed}, the rule gives {computed}",
    ),
    Code(
        "evaluation-unknown-zone",
        E,
        "绩效自评表的开发区“{zone}”不在支持名单中，未评价",
        "self-evaluation of “{zone}”, which is not on the approved list; not evaluated",
    ),
    # --- the expert panel (formkit panel sheets / collect) ----------------------------------
    Code(
        "panel-experts-unreadable",
        E,
        "专家名单 {file} 无法读取：{detail}",
        "the expert list {file} cannot be read: {detail}",
        "专家名单应为 CSV（UTF-8 或 GBK），列为 姓名、工作单位、所在市、回避开发区",
    ),
    Code(
        "panel-experts-column",
        E,
        "专家名单 {file} 缺少列“{column}”",
        "the expert list {file} has no column “{column}”",
        "第一行应为列名：姓名、工作单位、所在市、回避开发区",
    ),
    Code(
        "panel-experts-duplicate",
        E,
        "专家名单 {file} 第{row}行：专家“{expert}”重复",
        "the expert list {file}, row {row}: “{expert}” is listed twice",
        "同名专家请在姓名后加以区分，如 张伟（太原）",
    ),
    Code(
        "panel-experts-blank",
        E,
        "专家名单 {file} 第{row}行：姓名为空",
        "the expert list {file}, row {row}: the name is empty",
    ),
    Code(
        "panel-avoid-unknown",
        W,
        "专家“{expert}”的回避开发区“{zone}”不在本批申报中，已忽略",
        "“{expert}” avoids “{zone}”, which is not in this batch; ignored",
        "核对回避开发区的名称，多个开发区用“；”分隔",
    ),
    Code(
        "panel-expert-no-zones",
        W,
        "专家“{expert}”回避后没有可评审的开发区，未生成评分表",
        "“{expert}” has no zone left to score; no sheet written",
    ),
    Code(
        "panel-no-rubric",
        E,
        "项目配置 {file} 没有专家评审的评审项（panel.criteria）",
        "the programme {file} has no panel rubric (panel.criteria)",
        "在 programme.yaml 的 panel.criteria 中列出评审项、分值和所看的申报数据",
    ),
    Code(
        "panel-unknown-figure",
        E,
        "项目配置 panel.criteria“{criterion}”的 figures 中“{key}”不是表单的字段",
        "panel.criteria “{criterion}”: figure “{key}” is not a form field",
        "填写申报信息表的字段名（如 enterprises_total），其他表单写作 targets.字段名",
    ),
    Code(
        "panel-batch-missing",
        E,
        "{folder} 不是 formkit batch 的输出目录（没有 formkit.sqlite）",
        "{folder} is not a formkit batch output folder (no formkit.sqlite)",
        "先运行 formkit batch 收件目录 --out 该目录 --programme programme.yaml",
    ),
    Code(
        "panel-batch-empty",
        E,
        "batch 输出目录 {folder} 中没有开发区，无法生成评分表",
        "the batch output {folder} holds no zones",
    ),
    Code(
        "panel-sheet-exists",
        E,
        "{path} 已存在，未覆盖",
        "{path} exists; not overwritten",
        "确认要重新生成时加 --force（已发出的旧评分表将不再被接受）",
    ),
    Code(
        "panel-folder-missing",
        E,
        "评分表目录 {folder} 不存在或不是文件夹",
        "the returned-sheets folder {folder} does not exist",
    ),
    Code(
        "panel-file-unreadable",
        E,
        "无法读取，未计入：{detail}",
        "cannot be read; not counted: {detail}",
        "请专家用 Excel/WPS 打开评分表另存为 .xlsx 后重新发回",
    ),
    Code(
        "panel-not-scoresheet",
        E,
        "不是 formkit 生成的专家评分表（{detail}），未计入",
        "not a scoring sheet formkit wrote ({detail}); not counted",
        "请专家在 formkit 发出的评分表上填写，不要另建表格或复制到新工作簿",
    ),
    Code(
        "panel-id-tampered",
        E,
        "评分表的识别码与内容不符（被改动过，或不是 formkit 为专家“{expert}”生成的），未计入",
        "the sheet's id does not match its content (changed, or not written for “{expert}”)",
        "请向该专家重新发送 formkit 生成的评分表",
    ),
    Code(
        "panel-id-superseded",
        E,
        "专家“{expert}”的评分表不是最近一次生成的版本，未计入",
        "“{expert}”'s sheet is not the latest one issued; not counted",
        "请专家在最近一次发出的评分表上填写",
    ),
    Code(
        "panel-wrong-round",
        E,
        "评分表属于第{found}轮评审，本次汇总第{expected}轮，未计入",
        "the sheet is for round {found}, this is round {expected}; not counted",
    ),
    Code(
        "panel-duplicate-expert",
        E,
        "专家“{expert}”的评分表收到多份，只计入 {kept}",
        "several sheets of “{expert}”; only {kept} counted",
        "确认该专家最终提交的是哪一份，删去其他份后重新汇总",
    ),
    Code(
        "panel-declaration-missing",
        E,
        "专家“{expert}”未在无利害关系声明处选择“是”，评分表未计入",
        "“{expert}” did not tick “是” in the no-conflict declaration; not counted",
        "请专家确认与所评开发区无利害关系后在声明处选择“是”",
    ),
    Code(
        "panel-conflict-declared",
        E,
        "专家“{expert}”声明与所评开发区存在利害关系（选择了“否”），评分表未计入",
        "“{expert}” declared a conflict of interest (chose “否”); not counted",
        "请另请专家评审，并在专家名单的回避开发区中登记该利害关系",
    ),
    Code(
        "panel-zone-row-missing",
        E,
        "专家“{expert}”的评分表中找不到开发区“{zone}”所在的行，该开发区的评分未计入",
        "“{expert}”'s sheet has no row for “{zone}”; not counted",
    ),
    Code(
        "panel-score-missing",
        E,
        "专家“{expert}”未给“{zone}”的“{criterion}”打分，该开发区的评分未计入",
        "“{expert}” left “{criterion}” of “{zone}” unscored; not counted",
        "请专家补打分后重新发回",
    ),
    Code(
        "panel-score-not-number",
        E,
        "专家“{expert}”给“{zone}”的“{criterion}”的分数“{value}”不是数字，该开发区的评分未计入",
        "“{expert}”: the score “{value}” for “{criterion}” of “{zone}” is not a number",
    ),
    Code(
        "panel-score-out-of-range",
        E,
        "专家“{expert}”给“{zone}”的“{criterion}”打分{value}，超出{low}–{high}分的范围，"
        "该开发区的评分未计入",
        "“{expert}” scored {value} for “{criterion}” of “{zone}”, outside {low}–{high}",
        "请专家在评分范围内打分后重新发回",
    ),
    Code(
        "panel-zone-unknown",
        W,
        "评分表中的开发区“{zone}”不在本批审核结果中，未计入",
        "“{zone}” on the sheet is not in this batch; not counted",
    ),
    Code(
        "panel-sheet-not-returned",
        W,
        "专家“{expert}”的评分表未收回",
        "“{expert}”'s sheet was not returned",
    ),
    Code(
        "panel-disagreement",
        W,
        "“{zone}”专家评分相差 {spread} 分（最高 {high}，最低 {low}），超过 {margin} 分，请复核",
        "experts disagree on “{zone}” by {spread} (high {high}, low {low}), over {margin}",
        "请评审组复核该开发区的评分，必要时组织专家合议",
    ),
    Code(
        "panel-zone-unscored",
        W,
        "“{zone}”没有有效的专家评分，未排名",
        "“{zone}” has no valid expert score; not ranked",
    ),
    # --- blank forms (formkit forms) ---------------------------------------------------------
    Code(
        "output-exists",
        E,
        "{path} 已存在，未覆盖（可能是已填写的文件）",
        "{path} already exists and was not replaced",
        "换一个输出位置；确需替换时加 --force",
    ),
    Code(
        "output-unwritable",
        E,
        "无法写入 {path}：{detail}",
        "cannot write {path}: {detail}",
        "换一个有写入权限的文件夹，或先关闭正在打开这些文件的 Word/Excel",
    ),
    # --- formkit spec draft / spec check -------------------------------------------------
    Code(
        "draft-header",
        W,
        "formkit spec draft 根据 {source} 起草的表单规格。请核对后使用；改过的文件不会被再次起草覆盖（除非加 --force）。",
        "form spec drafted by formkit spec draft from {source}; review it before use; an edited file is not overwritten by a new draft unless --force",
    ),
    Code(
        "draft-written",
        W,
        "已起草 {path}：{fields} 个字段，{notes} 处待确认（见下，也写在文件的注释中）",
        "drafted {path}: fields: {fields}, points to review: {notes} (below, and as comments in the "
        "file)",
    ),
    Code(
        "draft-no-labels",
        E,
        "未找到可生成字段的标签",
        "no labels to draft fields from",
        "请提交空白表单本身（带“标签 | 填写栏”的表格，或“标签：____”的行）",
    ),
    Code(
        "draft-archive",
        E,
        "压缩包不能直接起草，请解压后逐份起草",
        "an archive cannot be drafted; extract it and draft each form",
    ),
    Code(
        "draft-edited",
        E,
        "{path} 已被人工修改，未覆盖；如确需重新起草，请加 --force",
        "{path} was edited by a person and was not replaced; use --force to draft it again",
        "或换一个 --out 文件夹",
    ),
    Code(
        "draft-key-slug",
        W,
        "待确认：「{label}」不在标签词典中，键名暂用拼音 {key}",
        "to review: “{label}” is not in the label dictionary; key {key} is a pinyin slug",
    ),
    Code(
        "draft-kind-unsure",
        W,
        "待确认：「{label}」的类型无法判断，暂按文本（{kind}）",
        "to review: the kind of “{label}” could not be decided; drafted as {kind}",
    ),
    Code(
        "draft-time-unsure",
        W,
        "待确认：「{label}」暂按年月（YYYY-MM）读取；如需填到日，请把 kind 改为 date",
        "to review: “{label}” is read as a month (YYYY-MM); set kind to date if a day is expected",
    ),
    Code(
        "draft-range-unsure",
        W,
        "待确认：「{label}」是起止时间，暂按文本读取；可拆成起、止两个 month 字段",
        "to review: “{label}” is a date range, read as text; split it into two month fields if needed",
    ),
    Code(
        "draft-money-unit",
        W,
        "待确认：「{label}」未标明单位，暂按万元读取",
        "to review: “{label}” prints no unit; read in “万元”",
    ),
    Code(
        "draft-unit-unsure",
        W,
        "待确认：「{label}」未标明单位，请补充 unit",
        "to review: “{label}” prints no unit; add one",
    ),
    Code(
        "draft-table-rows",
        W,
        "待确认：表格「{label}」按行读取，每行以「{column}」列为准（该列为空的行不读）",
        "to review: table “{label}” is read row by row, keyed by its column “{column}” (rows where it is empty are skipped)",
    ),
    Code(
        "draft-label-printed",
        W,
        "待确认：「{label}」在 {place} 已印有内容“{value}”；读表时跳过这段印好的内容（见 form.printed），请确认该处不是要填的栏目",
        "to review: “{label}” is printed at {place} with “{value}”; reading skips that printed text (form.printed)",
    ),
    Code(
        "draft-table-narrow",
        W,
        "待确认：表格「{label}」不足三列，formkit 暂不能按行读取，请补列或改为单个字段",
        "to review: table “{label}” has fewer than three columns and cannot be read row by row",
    ),
    Code(
        "draft-table-extra",
        W,
        "待确认：第二个及以后的表格「{label}」未起草（每份表单规格只能有一个重复表格）",
        "to review: table “{label}” was not drafted (a spec holds one repeating table)",
    ),
    Code(
        "spec-yaml",
        E,
        "{file} 第{line}行：不是有效的 YAML（{detail}）",
        "{file} line {line}: not valid YAML ({detail})",
        "检查缩进（只用空格）、冒号后的空格和括号是否成对",
    ),
    Code(
        "spec-top",
        E,
        "{file}：表单规格需要顶层的 form 和 schema 两部分",
        "{file}: a spec needs top-level form and schema",
    ),
    Code(
        "spec-title-missing",
        E,
        "{file} 第{line}行：form 缺少 title（表单名称）",
        "{file} line {line}: form has no title",
    ),
    Code(
        "spec-sections-bad",
        E,
        "{file} 第{line}行：form.sections 应为栏目名称的列表，如 [基本信息, 联系方式]",
        "{file} line {line}: form.sections must be a list of section names",
    ),
    Code(
        "spec-key-bad",
        E,
        "{file} 第{line}行：字段键名 {name} 应为英文字母开头、只含小写字母、数字和下划线",
        "{file} line {line}: field key {name} must start with a letter and hold only a-z, 0-9 and _",
    ),
    Code(
        "spec-key-duplicate",
        E,
        "{file} 第{line}行：字段键名 {name} 重复",
        "{file} line {line}: field key {name} appears twice",
    ),
    Code(
        "spec-label-missing",
        E,
        "{file} 第{line}行：字段 {name} 缺少 meta.label（表上印的标签）",
        "{file} line {line}: field {name} has no meta.label",
    ),
    Code(
        "spec-label-duplicate",
        E,
        "{file} 第{line}行：字段 {name} 的标签「{label}」与字段 {other} 相同，读表时无法区分",
        "{file} line {line}: field {name} has the label {label} of field {other}",
    ),
    Code(
        "spec-kind-unknown",
        E,
        "{file} 第{line}行：字段 {name} 的 kind「{kind}」不存在；可用：{kinds}",
        "{file} line {line}: field {name} has unknown kind {kind}; known: {kinds}",
    ),
    Code(
        "spec-section-unknown",
        E,
        "{file} 第{line}行：字段 {name} 的 section「{section}」不在 form.sections 中",
        "{file} line {line}: field {name} names section {section}, which is not in form.sections",
    ),
    Code(
        "spec-rule-bad",
        E,
        "{file} 第{line}行：字段 {name} 的规则有误：{detail}",
        "{file} line {line}: field {name} has a bad rule: {detail}",
        "规则写法见 Cerberus 文档（type、required、allowed、min、max、regex）",
    ),
    Code(
        "spec-ok",
        W,
        "{file}：表单规格无误（{fields} 个字段）",
        "{file}: spec is valid (fields: {fields})",
    ),
    # --- specs, configuration and outputs that cannot be used (raised; exit 2) -------------
    Code(
        "spec-unreadable",
        E,
        "{file}：无法读取表单规格（{detail}）",
        "{file}: cannot read the spec ({detail})",
    ),
    Code(
        "spec-not-utf8",
        E,
        "{file}：表单规格不是 UTF-8 编码的文本（{detail}）",
        "{file}: the spec is not UTF-8 text ({detail})",
        "用文本编辑器把文件另存为 UTF-8 编码",
    ),
    Code(
        "spec-yaml-invalid",
        E,
        "{file}：不是有效的 YAML（{detail}）",
        "{file}: not valid YAML ({detail})",
        "检查缩进（只用空格）、冒号后的空格和括号是否成对",
    ),
    Code(
        "spec-schema-invalid",
        E,
        "{file}：schema 不是有效的 Cerberus 规则（{detail}）",
        "{file}: invalid Cerberus schema ({detail})",
        "规则写法见 Cerberus 文档（type、required、allowed、min、max、regex）",
    ),
    Code(
        "spec-field-section",
        E,
        "{file}：字段 {name} 的 section「{section}」不在 form.sections 中",
        "{file}: field {name} names section {section}, which is not in form.sections",
    ),
    Code(
        "spec-field-label",
        E,
        "{file}：字段 {name} 缺少 meta.label（表上印的标签）",
        "{file}: field {name} has no meta.label",
    ),
    Code(
        "spec-field-kind",
        E,
        "{file}：字段 {name} 的 kind「{kind}」不存在",
        "{file}: field {name} has unknown kind {kind}",
    ),
    Code(
        "catalogue-unreadable",
        E,
        "{file}：无法读取开发区目录（{detail}）",
        "{file}: cannot read the zone catalogue ({detail})",
    ),
    Code(
        "catalogue-encoding",
        E,
        "{file}：开发区目录编码无法识别（应为 UTF-8 或 GBK）",
        "{file}: the zone catalogue's encoding is not UTF-8 or GBK",
    ),
    Code(
        "catalogue-empty",
        E,
        "{file}：开发区目录中没有任何开发区",
        "{file}: the zone catalogue holds no zone",
    ),
    # a zone catalogue's notes (Catalogue.notes): what a person should confirm, by file row
    Code(
        "catalogue-area-not-number",
        W,
        "核准面积“{value}”不是数字，已忽略",
        "“核准面积” (approved area) “{value}” is not a number; ignored",
    ),
    Code(
        "catalogue-month-unreadable",
        W,
        "批准时间“{value}”无法识别，已忽略",
        "“批准时间” (approval month) “{value}” cannot be read; ignored",
    ),
    Code(
        "catalogue-month-october",
        W,
        "批准时间“{value}”疑为 Excel 把{year}.10存成了数字，按{year}-10读取",
        "“批准时间” “{value}” looks like {year}.10 that Excel stored as a number; read as {year}-10",
    ),
    Code(
        "catalogue-month-january",
        W,
        "批准时间“{value}”按{year}-01读取；若原为{year}.10请更正目录",
        "“批准时间” “{value}” read as {year}-01; if it was {year}.10, correct the catalogue",
    ),
    Code(
        "catalogue-month-number",
        W,
        "批准时间为数字{value}（Excel 去掉了末尾的0），按{month}读取",
        "“批准时间” is the number {value} (Excel dropped the trailing 0); read as {month}",
    ),
    Code(
        "catalogue-no-header",
        E,
        "{file}：开发区目录缺少“开发区名称”列（前10行内未找到表头）",
        "{file}: the zone catalogue has no “开发区名称” column (no header in its first 10 rows)",
    ),
    Code(
        "programme-unreadable",
        E,
        "{file}：无法读取（{detail}）",
        "{file}: cannot be read ({detail})",
    ),
    Code(
        "programme-not-utf8",
        E,
        "{file}：不是 UTF-8 编码的文本",
        "{file}: not UTF-8 text",
    ),
    Code(
        "programme-yaml",
        E,
        "{file}：YAML 格式错误",
        "{file}: malformed YAML",
    ),
    Code(
        "programme-yaml-line",
        E,
        "{file}：第{line}行 YAML 格式错误",
        "{file}: malformed YAML at line {line}",
    ),
    Code(
        "programme-not-mapping",
        E,
        "{file}：应为键值形式的配置",
        "{file}: the configuration must be a mapping of keys to values",
    ),
    # programme.yaml's checks: {at} is the key (programme-at-* of REPORT_TEXTS, from the
    # params key, item and part)
    Code(
        "programme-key-missing",
        E,
        "{file}：缺少 {at}",
        "{file}: {at} is missing",
    ),
    Code(
        "programme-item-key-missing",
        E,
        "{file}：{at}缺少 {name}",
        "{file}: {at} lacks {name}",
    ),
    Code(
        "programme-cities-missing",
        E,
        "{file}：缺少 {at}（申报地市及名额）",
        "{file}: {at} (the cities that may recommend, with their quotas) is missing",
    ),
    Code(
        "programme-not-integer",
        E,
        "{file}：{at} 应为整数",
        "{file}: {at} must be a whole number",
    ),
    Code(
        "programme-not-text",
        E,
        "{file}：{at} 应为文字",
        "{file}: {at} must be text",
    ),
    Code(
        "programme-not-list",
        E,
        "{file}：{at} 应为列表",
        "{file}: {at} must be a list",
    ),
    Code(
        "programme-item-not-mapping",
        E,
        "{file}：{at} 应为键值形式，如 {example}",
        "{file}: {at} must be a mapping of keys to values, such as {example}",
    ),
    Code(
        "programme-section-not-mapping",
        E,
        "{file}：{at} 应为键值形式",
        "{file}: {at} must be a mapping of keys to values",
    ),
    Code(
        "programme-duplicate-cities",
        E,
        "{file}：{at} 中有重复的地市",
        "{file}: {at} names a city twice",
    ),
    Code(
        "programme-duplicate-zones",
        E,
        "{file}：{at} 中有重复的开发区",
        "{file}: {at} names a zone twice",
    ),
    Code(
        "programme-duplicate-criteria",
        E,
        "{file}：{at} 中有重复的评审项",
        "{file}: {at} names a criterion twice",
    ),
    Code(
        "programme-negative",
        E,
        "{file}：{at} 不能为负数",
        "{file}: {at} cannot be negative",
    ),
    Code(
        "programme-date-invalid",
        E,
        "{file}：{at}“{value}”应为日期 YYYY-MM-DD 或区间 起..止",
        "{file}: {at} “{value}” must be a date YYYY-MM-DD or a range start..end",
    ),
    Code(
        "programme-date-reversed",
        E,
        "{file}：{at}“{value}”的结束日期早于开始日期",
        "{file}: {at} “{value}” ends before it starts",
    ),
    Code(
        "programme-weights-form",
        E,
        "{file}：{at} 应为 一级指标: 分值 的形式",
        "{file}: {at} must give each dimension (“一级指标”) its points",
    ),
    Code(
        "programme-weights-unknown",
        E,
        "{file}：{at} 含有不是一级指标的项：{names}",
        "{file}: {at} holds items that are not dimensions (“一级指标”): {names}",
    ),
    Code(
        "programme-not-number",
        E,
        "{file}：{at} 应为数字",
        "{file}: {at} must be a number",
    ),
    Code(
        "programme-not-number-was",
        E,
        "{file}：{at} 应为数字，现为{value}",
        "{file}: {at} must be a number, not {value}",
    ),
    Code(
        "programme-not-non-negative",
        E,
        "{file}：{at} 应为非负数",
        "{file}: {at} must be a number not below 0",
    ),
    Code(
        "programme-too-many-decimals",
        E,
        "{file}：{at} 最多 {places} 位小数",
        "{file}: {at} has too many decimal places (at most {places})",
    ),
    Code(
        "programme-rule-unknown",
        E,
        "{file}：{at} 应为 {rules} 之一",
        "{file}: {at} must be one of {rules}",
    ),
    Code(
        "programme-tiers-form",
        E,
        "{file}：{at} 应为 等次: 权重 的形式",
        "{file}: {at} must give each grade (“等次”) its weight",
    ),
    Code(
        "programme-score-range",
        E,
        "{file}：{at} 的 max 应大于 min",
        "{file}: in {at}, max must be greater than min",
    ),
    Code(
        "programme-catalogue-missing",
        E,
        "{file}：{at} 指向的文件不存在：{value}",
        "{file}: {at} names a file that does not exist: {value}",
    ),
    Code(
        "allocation-budget-missing",
        E,
        "{file}：缺少 allocation.budget（年度预算，万元）",
        "{file}: allocation.budget (the year's budget, in 10,000 yuan) is missing",
    ),
    Code(
        "allocation-approved-missing",
        E,
        "{file}：缺少支持名单（approved）",
        "{file}: approved (the list of supported zones) is missing",
    ),
    Code(
        "inbox-missing",
        E,
        "收件目录不存在或不是文件夹：{path}",
        "the inbox does not exist or is not a folder: {path}",
    ),
    Code(
        "out-inside-inbox",
        E,
        "输出目录不能位于收件目录之内（收件目录必须保持原样）",
        "the output folder cannot lie inside the inbox (the inbox stays as it is)",
    ),
    Code(
        "out-folder-uncreatable",
        E,
        "无法创建输出目录 {path}：{detail}",
        "cannot create the output folder {path}: {detail}",
    ),
    Code(
        "batch-busy",
        E,
        "输出目录 {path} 正被另一个 formkit batch 使用，请等待其结束后再运行",
        "the output folder {path} is in use by another formkit batch; wait until it ends",
    ),
    Code(
        "registry-unopenable",
        E,
        "无法打开登记库 {path}：{detail}",
        "cannot open the registry {path}: {detail}",
    ),
    Code(
        "registry-newer",
        E,
        "登记库 {path} 由更新版本的 formkit 创建（版本{version}），请升级 formkit",
        "the registry {path} was made by a newer formkit (version {version}); upgrade formkit",
    ),
    # --- web (formkit serve): refusals of a whole upload ------------------------------------
    Code(
        "upload-no-files",
        E,
        "没有收到文件，请选择或拖入要检查的表单文件",
        "no files received",
        "可一次选择多个文件，也可上传 .zip 压缩包",
    ),
    Code(
        "upload-too-many-files",
        E,
        "一次最多检查 {count} 个文件，请分批上传",
        "at most {count} files per upload",
        "把文件打成一个 .zip 压缩包，或分几次上传",
    ),
    Code(
        "upload-file-too-large",
        E,
        "文件“{file}”超过 {limit} MB 的上限，未检查",
        "“{file}” is over the {limit} MB limit; not checked",
        "表单文件通常不足 1 MB：请删去嵌入的大图片后另存再上传",
    ),
    Code(
        "upload-request-too-large",
        E,
        "本次上传超过 {limit} MB 的上限，未检查",
        "the upload is over the {limit} MB limit; not checked",
        "请分几次上传",
    ),
    Code(
        "upload-not-multipart",
        E,
        "请求格式有误：文件应以 multipart/form-data 上传，字段名为 files",
        "files must be sent as multipart/form-data in the field files",
    ),
    Code(
        "serve-missing-package",
        E,
        "缺少网页服务所需的软件包（{package}）：请安装 pip install 'formkit[serve]'",
        "a package the web service needs is missing ({package}): install pip install "
        "'formkit[serve]'",
    ),
    Code(
        "upload-malformed",
        E,
        "上传内容不完整或格式有误（{detail}），请重新上传",
        "the upload is incomplete or malformed ({detail})",
    ),
    Code(
        "token-missing",
        E,
        "需要访问口令：请使用管理员提供的链接打开本页",
        "an access token is required",
        "接口调用请加请求头 Authorization: Bearer <口令>",
    ),
    Code("token-wrong", E, "访问口令不正确", "the access token is wrong", "请向管理员核对口令"),
)


def _reasons(*items: Reason) -> dict[str, Reason]:
    return {r.key: r for r in items}


R = Reason

# Why an input was refused: fills the {detail} of file-corrupt, file-unsafe, archive-refused,
# file-too-large, file-unknown-type, file-legacy-unconverted and notice-data-unreadable.
REASONS: dict[str, Reason] = _reasons(
    # --- zip structure (intake/zipaudit, intake/archive) -----------------------------------
    R(
        "zip-truncated",
        "压缩结构不完整（文件可能被截断或未下载完整）",
        "the zip structure is incomplete (the file may be truncated or not fully downloaded)",
    ),
    R("zip-directory-broken", "压缩包目录损坏", "the archive's directory is broken"),
    R("zip64-directory-broken", "ZIP64 目录损坏", "the ZIP64 directory is broken"),
    R("zip-broken", "压缩结构损坏（{error}）", "the zip structure is broken ({error})"),
    R(
        "zip-version-unsupported",
        "压缩包使用了不支持的格式版本",
        "the archive uses an unsupported format version",
    ),
    R(
        "zip-too-many-members",
        "压缩包成员过多（超过{limit}个）",
        "too many members in the archive (over {limit})",
    ),
    R("image-too-large", "{size}，上限{limit}", "{size}, limit {limit}"),
    R(
        "images-total-too-large",
        "图片合计{size}，上限{limit}",
        "pictures total {size}, limit {limit}",
    ),
    R(
        "member-too-large",
        "成员解压后过大（{size}，上限{limit}），疑似压缩炸弹",
        "a member inflates to {size} (limit {limit}); looks like a zip bomb",
    ),
    R(
        "member-ratio",
        "成员压缩比异常（{ratio}倍），疑似压缩炸弹",
        "a member's compression ratio is {ratio}:1; looks like a zip bomb",
    ),
    R(
        "total-too-large",
        "解压后总大小超过上限{limit}，疑似压缩炸弹",
        "the members inflate to more than {limit}; looks like a zip bomb",
    ),
    R("member-path-unsafe", "成员路径不安全：{member}", "unsafe member path: {member}"),
    R("member-name-duplicate", "成员名称重复：{member}", "duplicate member name: {member}"),
    R(
        "method-unsupported",
        "不支持的压缩方式（{method}）",
        "unsupported compression method ({method})",
    ),
    R(
        "local-header-broken",
        "成员本地头缺失或错位",
        "a member's local header is missing or misplaced",
    ),
    R(
        "members-overlap",
        "压缩包成员相互重叠（疑似压缩炸弹）",
        "archive members overlap (looks like a zip bomb)",
    ),
    R(
        "nested-total-too-large",
        "压缩包（含嵌套压缩包）解压后总大小超过上限，疑似压缩炸弹",
        "the archive (with its nested archives) inflates beyond the limit; looks like a zip bomb",
    ),
    R("archive-password", "压缩包设置了密码", "the archive is password-protected"),
    R("archive-empty", "压缩包中没有可读取的文件", "the archive holds no readable file"),
    R("archive-too-deep", "压缩包嵌套超过{limit}层", "archives nested more than {limit} deep"),
    R("member-broken", "压缩包成员已损坏（{error}）", "an archive member is corrupt ({error})"),
    R(
        "archive-format",
        "不支持 {format} 压缩格式，请改用 .zip 压缩后提交",
        "{format} archives are not supported; compress as .zip",
    ),
    # --- the gate (intake/gate, intake/ooxml, intake/xmlscan, intake/pdfcheck) -------------
    R("data-broken", "文件内部数据损坏（{error}）", "the file's inner data is corrupt ({error})"),
    R(
        "ooxml-structure-missing",
        "扩展名为 .{ext}，但缺少 Office 文档结构（[Content_Types].xml）",
        "the extension is .{ext} but the Office structure ([Content_Types].xml) is missing",
    ),
    R("kind-extension", "{description}（扩展名为 .{ext}）", "{description} (extension .{ext})"),
    R("rels-too-large", "关系部件过大", "a relationships part is too large"),
    R("xml-prolog-too-long", "XML 序言过长", "an XML prolog is too long"),
    R(
        "xml-dtd",
        "XML 部件含有 DTD（<!DOCTYPE>），可能是 XXE 或实体膨胀攻击",
        "an XML part has a DTD (<!DOCTYPE>): possibly an XXE or entity-expansion attack",
    ),
    R(
        "xml-encoding",
        "XML 部件使用了不支持的编码 {encoding}",
        "an XML part uses the unsupported encoding {encoding}",
    ),
    R(
        "pdf-stream-bomb",
        "PDF 数据流解压后过大或压缩比异常，疑似压缩炸弹",
        "a PDF stream inflates too far or too steeply; looks like a compression bomb",
    ),
    R(
        "pdf-streams-total",
        "PDF 数据流解压后合计超过{limit} MB，疑似压缩炸弹",
        "the PDF's streams inflate to more than {limit} MB; looks like a compression bomb",
    ),
    # --- the readers -----------------------------------------------------------------------
    R("part-missing", "缺少部件 {part}", "part {part} is missing"),
    R("part-unzip", "部件 {part} 无法解压", "part {part} cannot be inflated"),
    R("part-too-large", "部件 {part} 超过{limit} MB", "part {part} is over {limit} MB"),
    R("part-not-xml", "部件 {part} 不是有效的 XML", "part {part} is not valid XML"),
    R("part-dtd", "部件 {part} 含有 DTD 声明（DOCTYPE）", "part {part} has a DTD (DOCTYPE)"),
    R(
        "main-part-missing",
        "找不到主文档部件（_rels/.rels 中没有 officeDocument 关系）",
        "no main document part (no officeDocument relationship in _rels/.rels)",
    ),
    R(
        "legacy-binary",
        "旧版 Office 二进制文件（.doc/.xls），不是 .docx/.xlsx",
        "a legacy Office binary file (.doc/.xls), not .docx/.xlsx",
    ),
    R(
        "not-office-zip",
        "不是有效的 Office 文档（zip 结构损坏）",
        "not a valid Office document (broken zip structure)",
    ),
    R("read-failed", "无法读取文件（{error}）", "the file cannot be read ({error})"),
    R("not-word-main", "{part} 不是 Word 文档正文", "{part} is not a Word document body"),
    R("not-excel-main", "{part} 不是 Excel 工作簿", "{part} is not an Excel workbook"),
    R("table-cells", "表格单元格超过{limit}个", "more than {limit} table cells"),
    R("sheet-cells", "单元格超过{limit}个", "more than {limit} cells"),
    R(
        "sheet-range",
        "工作表“{sheet}”的使用范围过大（{rows}行×{cols}列）",
        "sheet “{sheet}” uses too large a range ({rows} rows × {cols} columns)",
    ),
    R("shared-strings", "共享字符串超过{limit}个", "more than {limit} shared strings"),
    R(
        "sheet-merges",
        "工作表“{sheet}”合并区域超过{limit}个",
        "sheet “{sheet}” has more than {limit} merged ranges",
    ),
    R(
        "sheet-merges-many",
        "工作表“{sheet}”合并区域过多",
        "sheet “{sheet}” has too many merged ranges",
    ),
    R("pdf-pages", "共{pages}页，上限{limit}页", "{pages} pages, limit {limit}"),
    R("pdf-unparsable", "PDF 无法解析（{error}）", "the PDF cannot be parsed ({error})"),
    R(
        "legacy-no-kind",
        ".未知，不是 .doc/.wps/.xls/.et 文件",
        "unknown, not a .doc/.wps/.xls/.et file",
    ),
    R(
        "legacy-not-legacy",
        ".{kind}，不是 .doc/.wps/.xls/.et 文件",
        ".{kind}, not a .doc/.wps/.xls/.et file",
    ),
    R("legacy-content", ".{kind}，内容不是 .{kind} 文件", ".{kind}, the content is not .{kind}"),
    R(
        "legacy-no-office",
        ".{kind}，本机未安装 LibreOffice",
        ".{kind}, LibreOffice is not installed here",
    ),
    R(
        "legacy-convert-failed",
        ".{kind}，LibreOffice 转换失败，文件可能已损坏或加密",
        ".{kind}, LibreOffice failed to convert it; the file may be corrupt or encrypted",
    ),
    R(
        "office-output-missing",
        "（输出文件缺失或为空；文件可能已损坏或受密码保护）",
        " (the output is missing or empty; the file may be corrupt or password-protected)",
    ),
    # --- templates (notices, report.html) --------------------------------------------------
    R("template-not-found", "找不到模板文件", "the template file is missing"),
    R("tags-unclosed", "标签没有成对闭合", "a tag is not closed"),
    R("docx-invalid", "不是有效的 .docx（{error}）", "not a valid .docx ({error})"),
    R("docx-no-document", "缺少 word/document.xml", "word/document.xml is missing"),
    # --- notice data (notice-bad-data) -----------------------------------------------------
    R("data-missing", "缺少此项", "missing"),
    R("data-not-text", "应为文字", "must be text"),
    R(
        "data-not-date",
        "应为日期，如 2020-03-05（现为 {value}）",
        "must be a date such as 2020-03-05 (is {value})",
    ),
    R("data-not-list", "应为列表", "must be a list"),
    R("item-not-mapping", "第{index}项应为键值形式", "item {index} must be a mapping"),
    R("item-missing", "第{index}项缺少 {name}", "item {index} lacks {name}"),
    R("data-not-money", "应为金额（万元），现为 {value}", "must be an amount (万元), is {value}"),
    R("data-negative", "应为非负金额，现为 {value}", "must not be negative, is {value}"),
    R("data-not-number", "应为数值", "must be a number"),
    R("data-not-number-is", "应为数值，现为 {value}", "must be a number, is {value}"),
    R(
        "docno-bad",
        "{raw} 不是规范的发文字号，应如 晋企发〔2020〕95号（年份用六角括号〔〕，序号不加“第”、不编虚位）",
        "{raw} is not a standard document number, such as 晋企发〔2020〕95号",
    ),
    R("days-too-few", "公示期至少1个工作日", "the publicity period is at least 1 working day"),
    R("dates-bad", "日期写法有误（{error}）", "a date is malformed ({error})"),
    # --- outputs (output-unwritable) -------------------------------------------------------
    R("no-permission", "没有写入权限", "no permission to write"),
    R("read-only", "文件系统只读", "the file system is read-only"),
    R("disk-full", "磁盘空间不足", "the disk is full"),
    R("not-a-folder", "路径中有一项不是文件夹", "part of the path is not a folder"),
    R("file-in-the-way", "已有同名文件，不是文件夹", "a file of that name is in the way"),
    R("path-missing", "路径不存在", "the path does not exist"),
    R("path-too-long", "路径过长", "the path is too long"),
    R("os-error", "系统错误（{error}）", "system error ({error})"),
    # --- data files (notice data, evaluation.yaml) -----------------------------------------
    R("not-found", "找不到文件", "file not found"),
    R("not-utf8", "不是 UTF-8 编码的文本", "not UTF-8 text"),
    R("yaml-line", "第{line}行格式错误", "malformed at line {line}"),
    R("yaml-bad", "格式错误", "malformed"),
    R(
        "not-mapping",
        "应为键值形式（如 agency: 山西省小企业发展促进局）",
        "must be a mapping of keys to values (such as agency: …)",
    ),
)

# Words of formkit's own outputs that are not findings (text reports of check and parse, the
# batch's console lines, report.html and 汇总表.xlsx): key → (zh, en).
REPORT_TEXTS: dict[str, tuple[str, str]] = {
    # parts of a message that fill its {detail} (bounds, phones, places)
    "phone-none": ("未填写号码", "no number given"),
    "phone-unknown": ("无法识别 {numbers}", "not a phone number: {numbers}"),
    "at-least": ("不小于 {n}", "at least {n}"),
    "at-most": ("不大于 {n}", "at most {n}"),
    "at-most-items": ("最多 {n} 项", "at most {n} items"),
    "places": ("{first} 等 {n} 处", "{first} and {more} more"),
    "more-places": ("另有 {n} 处", "{n} more"),
    # where in programme.yaml (the {at} of programme-*): a key, an item of its list, a key of that
    "programme-at-key": ("{key}", "{key}"),
    "programme-at-item": ("{key} 第{item}项", "{key} item {item}"),
    "programme-at-part": ("{key} 第{item}项 {part}", "{part} of {key} item {item}"),
    # an item of each list of programme.yaml, as programme-item-not-mapping shows it
    "programme-example-cities": ("{{name: 太原市, quota: 2}}", "“{{name: 太原市, quota: 2}}”"),
    "programme-example-demo_counties": (
        "{{name: 清徐县, city: 太原市}}",
        "“{{name: 清徐县, city: 太原市}}”",
    ),
    "programme-example-grades": ("{{name: 优秀, min: 90}}", "“{{name: 优秀, min: 90}}”"),
    "programme-example-approved": (
        "{{zone: 太原样例经济技术开发区, city: 太原市}}",
        "“{{zone: 太原样例经济技术开发区, city: 太原市}}”",
    ),
    "programme-example-criteria": (
        "{{name: 产业特色与发展基础, weight: 20}}",
        "“{{name: 产业特色与发展基础, weight: 20}}”",
    ),
    # what a file is, by its content (file-unknown-type)
    "type-pptx": ("PowerPoint 演示文稿", "a PowerPoint presentation"),
    "type-ppt": ("PowerPoint 演示文稿", "a PowerPoint presentation"),
    "type-xlsb": ("Excel 二进制工作簿（.xlsb）", "an Excel binary workbook (.xlsb)"),
    "type-odt": ("OpenDocument 文本（.odt）", "an OpenDocument text (.odt)"),
    "type-ods": ("OpenDocument 表格（.ods）", "an OpenDocument spreadsheet (.ods)"),
    "type-cfb": ("未知的 Office 复合文档", "an unknown Office compound document"),
    "type-png": ("PNG 图片", "a PNG image"),
    "type-jpeg": ("JPEG 图片", "a JPEG image"),
    "type-gif": ("GIF 图片", "a GIF image"),
    "type-bmp": ("BMP 图片", "a BMP image"),
    "type-tiff": ("TIFF 图片", "a TIFF image"),
    "type-exe": ("Windows 可执行程序", "a Windows program"),
    "type-elf": ("Linux 可执行程序", "a Linux program"),
    "type-html": ("网页（HTML）文件", "a web page (HTML)"),
    "type-rtf": ("RTF 文档", "an RTF document"),
    "type-gzip": ("gzip 压缩文件", "a gzip archive"),
    "type-bzip2": ("bzip2 压缩文件", "a bzip2 archive"),
    "type-xz": ("xz 压缩文件", "an xz archive"),
    "type-unknown": ("未知格式", "an unknown format"),
    "how-to-fix": ("如何修改：{hint}", "how to fix: {hint}"),
    "cli-line": ("formkit：{message}", "formkit: {message}"),
    "cli-written": ("已生成：{path}", "Written: {path}"),
    "cli-forms-written": (
        "已生成 {count} 份空白表单，保存在 {folder}：",
        "Blank forms written to {folder} ({count}):",
    ),
    "cli-findings": (
        "发现问题 {errors} 个错误、{warnings} 个警告。",
        "Errors found: {errors}; warnings: {warnings}.",
    ),
    "cli-findings-sheet": (
        "发现问题 {errors} 个错误、{warnings} 个警告（详见工作簿“问题清单”）。",
        "Errors found: {errors}; warnings: {warnings} (see the workbook's sheet “问题清单”).",
    ),
    "cli-finding": ("  [{severity}] {message}", "  [{severity}] {message}"),
    "cli-finding-at": ("  [{severity}] {where}：{message}", "  [{severity}] {where}: {message}"),
    "interrupted": ("已中断。", "Interrupted."),
    "internal-error": (
        "内部错误：{kind}: {detail}（加 --debug 查看详情）",
        "internal error: {kind}: {detail} (add --debug for details)",
    ),
    "yes": ("是", "yes"),
    "no": ("否", "no"),
    "indicator": ("绩效指标“{name}”", "indicator “{name}”"),
    "section": ("“{name}”部分（{chars}字）", "part “{name}” (characters: {chars})"),
    "nothing-read": ("未读出任何字段", "no field read"),
    "at-byte": ("字节 {offset}", "byte {offset}"),  # a place in a file
    "value-line": ("{label}：{value}", "{label}: {value}"),
    "no-findings": ("无问题", "no findings"),
    "layout": ("（{layout}）", " ({layout})"),
    "summary": (
        "共{files}个文件{each}：{ok}个可以提交，{errors}个需修改，{bad}个无法读取{apart}",
        # counts after a colon: "1 files" / "1 need changes" never arise
        "Files: {files}{each} — ready: {ok}, to be changed: {errors}, unreadable: {bad}{apart}",
    ),
    "summary-each": ("（压缩包内的文件逐个计数）", " (each file inside an archive counted)"),
    "summary-apart": ("，{text}", ", {text}"),
    "list-sep": ("、", ", "),
    # severities
    "severity-error": ("错误", "error"),
    "severity-warning": ("警告", "warning"),
    "severity-info": ("提示", "note"),
    # the form kinds and how a form was laid out (check's heading of each file)
    "form-application": ("申报信息表", "application form"),
    "form-targets": ("绩效目标及评价指标表", "performance targets form"),
    "form-plan": ("两年期实施方案", "two-year implementation plan"),
    "form-progress": ("进展情况报送表", "progress report form"),
    "form-city_letter": ("市级推荐文件", "city recommendation letter"),
    "form-self_eval": ("绩效自评表", "performance self-evaluation form"),
    "layout-table-2col": ("两列表格", "two-column table"),
    "layout-table-4col": ("四列表格", "four-column table"),
    "layout-table-6col": ("六列表格", "six-column table"),
    "layout-table-below": ("值在标签下方", "values below their labels"),
    "layout-inline": ("标签与值同格", "label and value in one cell"),
    "layout-mixed": ("混合版式", "mixed layout"),
    "layout-xlsx-form": ("Excel 表单", "Excel form"),
    "layout-six-dimension": ("六维指标表", "six-dimension indicator table"),
    "layout-fiscal": ("财政绩效格式", "fiscal performance layout"),
    "layout-plan": ("按标题分节", "sections by heading"),
    "layout-letter": ("推荐文件", "recommendation letter"),
    # a place inside a file, as readers.model.Location writes it
    "place-page": ("第{n}页", "page {n}"),
    "place-table": ("表{n}", "table {n}"),
    "place-row": ("第{n}行", "row {n}"),
    "place-col": ("第{n}列", "column {n}"),
    "place-paragraph": ("第{n}段", "paragraph {n}"),
    "place-header": ("页眉", "header"),
    "place-footer": ("页脚", "footer"),
    # values formkit itself gives (stored as the Chinese word): statuses, file roles, checks
    "status-passed": ("通过", "passed"),
    "status-to-fix": ("需补正", "to be corrected"),
    "status-rejected": ("不予受理", "not accepted"),
    "role-used": ("采用", "used"),
    "role-older": ("旧版本（未采用）", "older version (not used)"),
    "role-by-folder": ("按文件夹归入", "assigned by its folder"),
    "role-unassigned": ("未归属", "not assigned"),
    "role-letter": ("推荐文件", "recommendation letter"),
    "value-unknown-city": ("未知地市", "unknown city"),
    "value-unknown-file": ("未识别的文件", "unrecognised file"),
    "value-unknown-form": ("未识别", "not recognised"),
    "value-city-quota": ("市级推荐", "city recommendations"),
    "check-catalogue": ("开发区目录核对", "zone catalogue check"),
    "check-city": ("申报地市核对", "city check"),
    "check-quota": ("地市推荐名额", "city quotas"),
    "check-demo-county": ("示范县优先", "demonstration county priority"),
    # the status rules, as the outputs state them
    "rule-rejected": (
        "不予受理：开发区不符合申报条件——不是省级开发区，既不在《中国开发区审核公告目录》中也没有"
        "省政府批准设立文件，或载体类型不是大中小企业融通型。",
        "Not accepted: the zone is not eligible — it is not a provincial zone, it is neither in "
        "the China Development Zone Catalogue nor approved by a document of the provincial "
        "government, or its carrier is not of the type “大中小企业融通型”.",
    ),
    "rule-to-fix": (
        "需补正：符合申报条件，但存在可以补正的错误——字段缺失或有误、材料缺失、各材料之间不一致、"
        "文件无法读取、超出地市推荐名额等。",
        "To be corrected: the zone is eligible but has errors that can be corrected — fields "
        "missing or wrong, documents missing, documents that disagree, unreadable files, a "
        "city over its quota and the like.",
    ),
    "rule-passed": (
        "通过：没有错误（可以有警告或提示）。",
        "Passed: no errors (warnings or notes may remain).",
    ),
    "rules-heading": ("审核状态的判定规则：", "How the status is decided:"),
    # formkit batch on the terminal
    "batch-inbox": ("收件目录：{path}", "Inbox: {path}"),
    "batch-files": (
        "文件 {seen} 个：本次读取 {read} 个，沿用上次结果 {reused} 个{forgotten}"
        "（按收件目录中的文件计数，压缩包计为 1 个）",
        "Files: {seen} ({read} read now, {reused} unchanged since the last run{forgotten}; "
        "files in the inbox counted, an archive as one)",
    ),
    "batch-forgotten": ("，不再存在 {count} 个", ", {count} gone from the inbox"),
    "batch-table": ("审核结果（按地市）", "Results by city"),
    "batch-zones": ("开发区", "Zones"),
    "batch-out": (
        "输出目录：{path}（汇总表.xlsx、审核意见/、report.html）",
        "Outputs: {path} (“汇总表.xlsx”, “审核意见/”, report.html)",
    ),
    "progress-reading": ("读取文件", "Reading files"),
    "progress-elapsed": ("已用", "elapsed"),
    "progress-left": ("剩余", "left"),
    # column headings and words of report.html and 汇总表.xlsx
    "col-no": ("序号", "No."),
    "col-city": ("所属市", "City"),
    "col-zone": ("开发区名称", "Zone"),
    "col-zone-code": ("开发区代码", "Zone code"),
    "col-carrier": ("特色载体名称", "Carrier"),
    "col-subsidy": ("申请省级奖补资金（万元）", "Subsidy requested (10k yuan)"),
    "col-errors": ("错误数", "Errors"),
    "col-warnings": ("警告数", "Warnings"),
    "col-status": ("审核状态", "Status"),
    "col-opinion-file": ("审核意见文件", "Opinion file"),
    "col-file": ("文件", "File"),
    "col-document": ("材料", "Document"),
    "col-place": ("位置", "Place"),
    "col-severity": ("级别", "Severity"),
    "col-code": ("代码", "Code"),
    "col-message": ("问题说明", "Issue"),
    "col-form": ("材料类型", "Document type"),
    "col-role": ("处理情况", "Use"),
    "col-size": ("大小（字节）", "Size (bytes)"),
    "col-sha256": ("SHA-256", "SHA-256"),
    "total": ("合计", "Total"),
    "total-zones": ("{count} 个开发区", "zones: {count}"),
    "sheet-summary": ("汇总", "Summary"),
    "sheet-issues": ("问题清单", "Issues"),
    "sheet-files": ("文件清单", "Files"),
    "sheet-notes": ("说明", "Notes"),
    "summary-title": ("合规性审核汇总表", "Compliance review summary"),
    "page-footer": ("第 &P 页，共 &N 页", "Page &P of &N"),
    "report-title": ("合规性审核情况", "Compliance review"),
    "report-totals": (
        "共读取文件{files}个（压缩包内的文件逐个计数），形成开发区申报材料{zones}份：\n{by_status}"
        "{apart}。",
        "Files read: {files} (each file inside an archive counted); zones applying: {zones} — "
        "{by_status}{apart}.",
    ),
    "report-status-count": ("{status}{count}份", "{count} {status}"),
    "report-status-sep": ("，", ", "),
    "report-apart": ("；另有{text}", "; also {text}"),
    "report-summary-link": ("汇总表见", "Summary workbook:"),
    "report-letter": ("市级推荐文件：{file}", "City recommendation letter: {file}"),
    "report-errors": ("错误", "Errors"),
    "report-warnings": ("警告", "Warnings"),
    "report-opinion": ("审核意见", "Opinion"),
    "report-changes": ("上轮意见整改情况：", "Since the last round’s opinion:"),
    "report-no-issues": ("未发现问题。", "No issues found."),
    "report-others": ("推荐文件与未归属文件的问题", "Issues of letters and unassigned files"),
    "report-nav": ("{city}（{count}）", "{city} ({count})"),
    "full-stop": ("。", "."),
    # the page of formkit serve (formkit/web/templates), and the command's own lines
    "serve-open": (
        "formkit：警告：{host} 不是本机地址且未设置 --token，内网中任何人都能访问。",
        "formkit: warning: {host} is not this machine's address and no --token is set: "
        "anyone on the network can use the page.",
    ),
    "serve-listening": (
        "formkit 表单自查：{url}  （按 {keys} 停止）",
        "formkit self-check: {url}  (press {keys} to stop)",
    ),
    "page-title": ("申报材料自查", "Application self-check"),
    "page-service": ("申报材料自查服务", "Application self-check service"),
    "page-privacy": (
        "上传的文件只在服务器的临时文件夹中处理，检查完立即删除，不作保存。",
        "Uploaded files are handled only in a temporary folder on the server and deleted as "
        "soon as they are checked; nothing is kept.",
    ),
    "page-h1": ("提交前自查", "Check before you submit"),
    "page-lead": (
        "提交申报材料前，先在这里检查一遍：选择填好的表单文件（可一次选择多个，也可以是压缩包），"
        "再点击“检查”。",
        "Before you submit your application, check it here: choose the filled-in forms (several "
        "at once, or an archive), then click “Check”.",
    ),
    "page-lead-2": (
        "每个文件都会列出发现的问题、所在位置和修改方法。",
        "Each file's problems are listed with where they are and how to fix them.",
    ),
    "page-refused": ("未检查：", "Not checked: "),
    "page-network": (
        "网络连接中断，未能完成检查，请稍后再点击“检查”",
        "The connection was lost before the check finished; please click “Check” again later",
    ),
    "page-checking": ("正在检查{count}个文件，请稍候…", "Checking files ({count}), please wait…"),
    "page-chosen": (
        "已选择{count}个文件，请点击“检查”：",
        "Files chosen ({count}); click “Check”:",
    ),
    "page-checked": (
        "已检查以下{count}个文件（改好后可再次点击“检查”）：",
        "Files checked ({count}; click “Check” again after fixing them):",
    ),
    "page-pick": ("选择文件", "Choose files"),
    "page-drop": ("或把文件拖到这里", "or drop them here"),
    "page-limits": (
        "可选择填好的表单文件（文档、表格或其导出的版式文件）或压缩包；每个文件不超过{file_mb} MB，"
        "每次最多{files}个文件、共{request_mb} MB。",
        "Choose filled-in forms (documents, spreadsheets or their PDF exports) or an archive; "
        "at most {file_mb} MB per file, {files} files and {request_mb} MB per check.",
    ),
    "page-noscript": (
        "选好文件后请点击“检查”，结果中会列出每个文件的名称。",
        "After choosing the files, click “Check”; the results name each file.",
    ),
    "page-check": ("检查", "Check"),
    "page-blank": ("空白表单下载", "Blank forms"),
    "page-blank-lead": (
        "请使用下面的空白表单填写，不要删改表中的栏目名称。",
        "Fill in these blank forms; do not change or delete their labels.",
    ),
    "page-docs-link": (
        "接口说明（供信息化部门对接系统使用）",
        "API documentation (for IT departments connecting their systems)",
    ),
    "page-verdict-ok": ("可以提交", "Ready to submit"),
    "page-verdict-fix": ("需修改", "Needs changes"),
    "page-verdict-unknown": ("未识别/非申报材料", "Not an application form"),
    "page-verdict-unreadable": ("无法读取", "Unreadable"),
    "page-counted-ok": ("可以提交", "ready"),
    "page-counted-fix": ("需修改", "to be changed"),
    "page-counted-unknown": ("未识别/非申报材料", "not recognised"),
    "page-counted-unreadable": ("无法读取", "unreadable"),
    "page-partly-unreadable": ("部分文件无法读取", "Some files cannot be read"),
    "page-total": ("：共{total}个文件", " — files checked: {total}"),
    "page-among": ("，其中", "; "),
    "page-count": ("{n}个{verdict}", "{n} {verdict}"),
    "page-count-sep": ("，", ", "),
    "page-all": ("，均{verdict}", ", all {verdict}"),
    "page-next-ok": (
        "未发现错误，可以提交；如有警告，请再核对一遍。",
        "No errors found: ready to submit; if there are warnings, check them once more.",
    ),
    "page-next-fix": (
        "请按下面每个文件的“如何修改”改好后，再点击“检查”。",
        "Fix each file as its “How to fix” lines say, then click “Check” again.",
    ),
    "page-next-other": (
        "请按下面的说明重新导出或另存文件后，再点击“检查”。",
        "Export or save the files again as described below, then click “Check” again.",
    ),
    "page-severity-error": ("错误", "Errors"),
    "page-severity-warning": ("警告", "Warnings"),
    "page-severity-info": ("提示", "Notes"),
    "page-group": ("{severity}（{count}）", "{severity} ({count})"),
    "page-field": ("栏目：{field}", "Field: {field}"),
    "page-where-sep": ("；", "; "),
    "page-place": ("位置：{place}", "Place: {place}"),
    "page-hint": ("如何修改：{hint}", "How to fix: {hint}"),
    "page-not-found": ("找不到这个页面", "Page not found"),
    "page-cannot-handle": ("无法处理这个请求", "This request cannot be handled"),
    "page-not-found-text": (
        "您打开的地址不存在，可能是链接抄错了。",
        "The address you opened does not exist; the link may have been mistyped.",
    ),
    "page-cannot-handle-text": (
        "请回到首页，选择文件后点击“检查”。",
        "Go back to the first page, choose the files and click “Check”.",
    ),
    "page-back": ("返回申报材料自查", "Back to the self-check"),
    "page-token-title": ("请输入访问口令", "Enter the access token"),
    "page-token-wrong": ("访问口令不正确", "The access token is wrong"),
    "page-token-wrong-text": (
        "您输入的口令或打开的链接中的口令不正确，请向管理员核对后重新输入。",
        "The token you entered, or the one in the link you opened, is wrong; check it with the "
        "administrator and enter it again.",
    ),
    "page-token-text": (
        "本页只对申报单位开放。请用管理员发给您的链接打开本页（链接里已带有口令），"
        "或在下面输入管理员告诉您的访问口令。",
        "This page is open to applicants only. Open it with the link the administrator sent "
        "you (the link carries the token), or enter the token the administrator gave you below.",
    ),
    "page-token-label": ("访问口令", "Access token"),
    "page-token-enter": ("进入", "Enter"),
    "page-token-once": (
        "输入一次即可：关闭浏览器之前，再打开本页不必重新输入。",
        "Enter it once: until you close the browser, this page will not ask again.",
    ),
    # formkit read's dump (templates/read.txt.j2)
    "read-kind": ("（{kind}）", " ({kind})"),
    "read-finding": ("问题 {line}", "finding {line}"),
    "read-header": ("页眉：{text}", "header: {text}"),
    "read-footer": ("页脚：{text}", "footer: {text}"),
    "read-table": ("表格“{name}”", "table “{name}”"),
    "read-hidden": ("（隐藏）", " (hidden)"),
    "read-nested": ("（嵌套）", " (nested)"),
    "read-cells": ("，{count} 个单元格", ", cells: {count}"),
    "read-cell": ("第{row}行第{col}列", "row {row}, column {col}"),
    "read-merged": ("（合并 {rows}×{cols}）", " (merged {rows}×{cols})"),
    "read-colon": ("：", ": "),
    # words inside findings (a param NAME_word fills {NAME}): why a credit code is wrong, and
    # the kind of value a field asks for
    "credit-length": ("长度应为18位，实为{length}位", "it must have 18 characters, not {length}"),
    "credit-chars": (
        "含有不允许的字符 {chars}（不使用 I、O、S、V、Z）",
        "it has characters not allowed: {chars} (I, O, S, V and Z are never used)",
    ),
    "credit-division": (
        "第3至8位应为行政区划代码（6位数字），实为 {division}",
        "characters 3 to 8 must be an administrative division code (6 digits), not {division}",
    ),
    "credit-check-digit": (
        "校验位错误，按前17位计算应为 {expected}",
        "wrong check character: the first 17 give {expected}",
    ),
    "credit-format": ("格式不符", "wrong format"),
    "kind-int": ("整数", "whole number"),
    "kind-number": ("数字", "number"),
    "kind-money": ("金额（万元）", "amount (10k yuan)"),
    "kind-month": ("年月（如 2020-01）", "month (e.g. 2020-01)"),
    "kind-date": ("日期（如 2020-03-20）", "date (e.g. 2020-03-20)"),
    "kind-bool": ("是/否", "yes/no"),
    "kind-list": ("列表", "list"),
    "kind-target": ("数值", "figure"),
    "kind-choice": ("选项", "choice"),
    "kind-period": ("报送时间段", "reporting period"),
    "kind-text": ("文字", "text"),
    "kind-longtext": ("文字", "text"),
    "kind-day": ("日期", "date"),
    "document-file": ("{document}（{file}）", "{document} ({file})"),
    # words inside the batch's findings: the plan's year, what a form left blank, why a file
    # fits no zone
    "year-1": ("第一年", "first-year"),
    "year-2": ("第二年", "second-year"),
    "county-not-filled": ("（未填写）", "(not filled in)"),
    "docno-unknown": ("文号未识别", "document number not recognised"),
    "unassigned-no-form": ("未识别出表单类型", "the form was not recognised"),
    "unassigned-no-zone": ("文件中没有开发区名称或代码", "the file gives no zone name or code"),
    # a round against the one before (batch --round N from 2): the lines of the opinion's
    # 上轮意见整改情况 (always Chinese) and of report.html, and 汇总表's 轮次对比 sheet
    "round-fixed": ("已整改", "fixed"),
    "round-open": ("未整改", "not fixed"),
    "round-new": ("新发现", "new"),
    "round-issue": (
        "【{status}】{document}{place}：{message}",
        "[{status}] {document}{place}: {message}",
    ),
    "round-place": ("（{place}）", " ({place})"),
    "round-value": (
        "【数据变更】{document}{place}“{label}”：{old} → {new}",
        "[value changed] {document}{place} “{label}”: {old} → {new}",
    ),
    "round-added": ("【新增材料】{document}：{file}", "[document added] {document}: {file}"),
    "round-replaced": ("【更换材料】{document}：{new}", "[document replaced] {document}: {new}"),
    "round-withdrawn": (
        "【撤回材料】{document}：{file}",
        "[document withdrawn] {document}: {file}",
    ),
    "round-blank": ("空", "blank"),
    "round-absent": ("未报送", "not submitted"),
    "sheet-rounds": ("轮次对比", "Rounds"),
    "col-round-status": ("第{n}轮审核状态", "Status in round {n}"),
    "col-fixed": ("已整改", "Fixed"),
    "col-open": ("未整改", "Not fixed"),
    "col-new": ("新发现", "New"),
    # the 合规性审核意见 of a zone (an official document, always written in Chinese)
    "opinion-agency": ("省级中小企业主管部门", "the provincial SME authority"),
    "opinion-documents": ("申报材料", "the application documents"),
    "opinion-advice": (
        "按上述问题逐项修改“{document}”后，经市级主管部门重新报送。",
        "Correct “{document}” point by point as above and submit it again through the city "
        "authority.",
    ),
    "opinion-passed": (
        "申报材料齐全，符合申报要求，通过合规性审核。",
        "The application is complete and meets the requirements: it passes the compliance review.",
    ),
    "opinion-rejected": (
        "该开发区不符合申报条件（{reasons}），不予受理。",
        "The zone is not eligible ({reasons}); the application is not accepted.",
    ),
    "opinion-to-fix": (
        "申报材料存在{errors}处需要补正的问题{also}，请按以下意见补正后重新报送。",
        "Issues to correct in the application: {errors}{also}. Correct them as below and "
        "submit it again.",
    ),
    "opinion-also": ("、{warnings}处需要核实的问题", "; issues to verify: {warnings}"),
    # words of formkit's other outputs
    "page-no-form": ("没有这份空白表单", "No such blank form"),  # formkit serve's /forms/NAME
    "upload-unterminated": ("未收到结束分隔符", "the closing boundary never came"),
    "ext-content": (".{ext}，但内容是 {kind} 文件", ".{ext}, but the content is a {kind} file"),
    "not-given": ("（未填写）", "(not filled in)"),
    "notice-item": ("{items} 第{index}项 {key}", "{items}, item {index}, {key}"),
    # the command line (formkit.cli.zh): what --help shows, in the language of --lang
    "metavar-options": ("[选项]", "[OPTIONS]"),
    "metavar-command": ("命令 [参数]...", "COMMAND [ARGS]..."),
    "metavar-arg-paths": ("路径...", "PATHS..."),
    "metavar-arg-files": ("文件...", "FILES..."),
    "metavar-arg-inbox": ("收件目录", "INBOX"),
    "metavar-arg-kind": ("公文种类", "KIND"),
    "metavar-arg-folder": ("文件夹", "FOLDER"),
    "metavar-arg-blank": ("空白表单", "BLANK_FORM"),
    "metavar-arg-directory": ("文件夹", "FOLDER"),
    "metavar-folder": ("文件夹", "FOLDER"),
    "metavar-file": ("文件", "FILE"),
    "metavar-path": ("路径", "PATH"),
    "metavar-number": ("数字", "NUMBER"),
    "metavar-text": ("文本", "TEXT"),
    "metavar-date": ("日期", "DATE"),
    "help-formkit": (
        "formkit：省级大中小企业融通型创新创业特色载体项目的表单、审核与公文工具。",
        "formkit: the forms, the review and the official documents of the provincial programme "
        "of innovation and entrepreneurship carriers for large, medium and small enterprises.",
    ),
    "help-debug": (
        "出错时显示完整的技术细节（供维护人员使用）。",
        "Show the full technical details of a failure (for maintainers).",
    ),
    "help-force": (
        "输出位置已有同名文件时替换它（默认不覆盖，以免替换已填写的文件）。",
        "Replace a file of the same name where an output goes (by default nothing is "
        "overwritten, so that no filled-in file is replaced).",
    ),
    "help-lang": (
        "输出语言：zh 中文、en 英文（公文始终为中文，见 README 的语言表）。",
        "Language of the output: zh Chinese, en English (official documents are always "
        "Chinese; see the README's table of languages).",
    ),
    "help-validators": (
        "使用自定义的表单规格目录（默认使用内置 validators/）。",
        "Use this folder of form specs (by default the built-in validators/).",
    ),
    "help-templates": (
        "使用自定义的模板目录（默认使用内置 templates/）。",
        "Use this folder of templates (by default the built-in templates/).",
    ),
    "help-json": ("输出 JSON（每个文件一个对象）。", "Print JSON (one object per file)."),
    "help-out": ("输出目录。", "Output folder."),
    "help-programme-checks": (
        "项目配置文件（programme.yaml），启用目录、地市等核对。",
        "The programme configuration (programme.yaml): turns on the catalogue, city and "
        "other checks.",
    ),
    "help-workers-check": (
        "同时处理文件的进程数（默认：CPU 核数）。",
        "Processes handling files at once (default: the number of CPU cores).",
    ),
    "help-parse": (
        "读取表单文件，输出识别出的字段值（含来源位置）与问题。",
        "Read form files and print the field values recognised (with where each was found) "
        "and the findings.",
    ),
    "help-check": (
        "检查表单（文件、文件夹或 zip 压缩包）。\n\n"
        "文件夹、压缩包或多个文件按开发区归组，像省级审核一样核对各开发区的材料。\n\n"
        "核对材料是否齐全、彼此是否一致；加 --programme 时也核对目录、名额等。\n\n"
        "退出码：0 无错误（可有警告）；1 表单有错误；2 有文件无法读取或用法错误。",
        "Check forms (files, folders or zip archives).\n\n"
        "Folders, archives or several files are grouped by zone, and each zone's documents "
        "are checked as the provincial review does.\n\n"
        "Checks that the documents are complete and agree with one another; with --programme "
        "also the catalogue, the quotas and the like.\n\n"
        "Exit codes: 0 no errors (warnings allowed); 1 a form has errors; 2 a file cannot be "
        "read, or a usage error.",
    ),
    "help-read": (
        "显示读取到的内容：表格单元格、段落、页眉页脚，用于查明表单为何未能识别。\n\n"
        "退出码：0 全部读取；2 有文件无法读取或用法错误。",
        "Show what was read: table cells, paragraphs, headers and footers, to find out why a "
        "form was not recognised.\n\n"
        "Exit codes: 0 all read; 2 a file cannot be read, or a usage error.",
    ),
    "help-batch": (
        "批量审核收件目录中的全部申报材料（合规性审核）。\n\n"
        "按开发区归集材料，逐份并整体核对，写出汇总表、每个开发区的审核意见和 report.html。"
        "收件目录不会被改动。退出码：0 已完成（发现的问题是结果的一部分）；2 收件目录无法读取、"
        "配置有误或输出目录正被另一次运行使用。",
        "Review everything received in an inbox folder (compliance review).\n\n"
        "Groups the documents by zone, checks each and all of them together, and writes the "
        "summary workbook, each zone's opinion and report.html. The inbox is never changed. "
        "Exit codes: 0 done (the findings are part of the result); 2 the inbox cannot be "
        "read, the configuration is wrong or another run is using the output folder.",
    ),
    "help-batch-out": (
        "输出目录：汇总表.xlsx、审核意见/、report.html 和登记库 formkit.sqlite。",
        "Output folder: “汇总表.xlsx”, “审核意见/”, report.html and the registry formkit.sqlite.",
    ),
    "help-batch-programme": (
        "项目配置文件（programme.yaml）：启用目录、地市、名额和示范县核对。",
        "The programme configuration (programme.yaml): turns on the catalogue, city, quota "
        "and demonstration county checks.",
    ),
    "help-batch-workers": (
        "并行读取文件的进程数（默认每个 CPU 核一个）。",
        "Processes reading files in parallel (default: one per CPU core).",
    ),
    "help-round": (
        "审核轮次：第2轮起与上一轮比对（已整改/未整改/新发现、数据变更、材料增删换）；"
        "默认沿用该输出目录上次的轮次（首次为第1轮）。",
        "Review round: from round 2 on, compared with the round before (fixed, not fixed or "
        "new; data changed; documents added, removed or replaced); by default the output "
        "folder's last round (round 1 the first time).",
    ),
    "help-cycle-programme": (
        "项目配置（programme.yaml）：支持名单、年度预算与分配规则、评价权重与等次。",
        "The programme configuration (programme.yaml): the approved list, the yearly budget "
        "and its allocation rules, the evaluation's weights and grades.",
    ),
    "help-registry": (
        "登记库（SQLite）；默认 OUT/formkit.sqlite。已登记的报送材料在后续运行中保留。",
        "The registry (SQLite); by default OUT/formkit.sqlite. The reports registered stay "
        "for later runs.",
    ),
    "help-allocate": (
        "按规则把年度预算分配到支持名单中的开发区，并按市汇总切块下达。\n\n"
        "退出码：0 已生成（含问题清单）；2 配置无法读取。",
        "Allocate the yearly budget to the zones of the approved list by the rules, with the "
        "totals handed down by city.\n\n"
        "Exit codes: 0 written (with the list of issues); 2 the configuration cannot be read.",
    ),
    "help-allocate-out": (
        "输出目录：资金分配表.xlsx、funding.yaml。",
        "Output folder: “资金分配表.xlsx”, funding.yaml.",
    ),
    "help-evaluation": (
        "绩效评价结果（evaluate 生成的 evaluation.yaml）：按评价等次分档，未滚动支持的不安排。",
        "The evaluation's results (evaluation.yaml, written by evaluate): amounts by grade, "
        "nothing for a zone whose support does not roll on.",
    ),
    "help-evaluate": (
        "终期绩效评价：按绩效自评表（或进展数据对照绩效目标表）计算指标得分、一级指标得分、"
        "总分、等次和是否滚动支持，写出 绩效评价结果.xlsx 与 evaluation.yaml。\n\n"
        "退出码：0 已生成（含问题清单）；2 目录或配置无法读取。",
        "Final performance evaluation: from the self-evaluation forms (or the progress data "
        "against the targets forms), the score of each indicator and of each first-level "
        "indicator, the total, the grade and whether support rolls on; writes "
        "“绩效评价结果.xlsx” and evaluation.yaml.\n\n"
        "Exit codes: 0 written (with the list of issues); 2 the folder or the configuration "
        "cannot be read.",
    ),
    "help-year": (
        "评价年度；默认为材料中最近的年度。",
        "The year evaluated; by default the latest year of the reports.",
    ),
    "help-evaluate-date": (
        "通报的成文日期（YYYY-MM-DD）；默认今天。",
        "The date of the notice (YYYY-MM-DD); by default today.",
    ),
    "help-evaluate-seq": ("通报的发文序号。", "The sequence number of the notice."),
    "help-monitor": (
        "进展监测：读取各开发区各时段的进展情况报送表，计算比上季度增加值和年度目标完成率，"
        "标出进度滞后、逾期和未报送，写出 进展汇总.xlsx（每个开发区一张走势图）。\n\n"
        "退出码：0 已生成（含问题清单）；2 目录或配置无法读取。",
        "Progress monitoring: reads each zone's progress reports of each period, computes the "
        "increase on the quarter before and the share of the year's target reached, marks "
        "zones behind, late or not reporting, and writes “进展汇总.xlsx” (a trend chart per "
        "zone).\n\n"
        "Exit codes: 0 written (with the list of issues); 2 the folder or the configuration "
        "cannot be read.",
    ),
    "help-forms": (
        "生成空白表单：申报信息表（Word、Excel）、绩效目标及评价指标表、两年期实施方案编制提纲、"
        "进展情况报送表。给 --validators 时按该目录中的规格生成"
        "（自行起草的规格各生成一份 .docx 和 .xlsx）。\n\n"
        "退出码：0 已写出；2 输出文件夹无法写入、已有同名文件（未加 --force）或表单规格有误。",
        "Write the blank forms: the application form (Word, Excel), the performance targets "
        "form, the outline of the two-year implementation plan and the progress report form. "
        "With --validators, from the specs of that folder (a spec a bureau drafted gives one "
        ".docx and one .xlsx).\n\n"
        "Exit codes: 0 written; 2 the output folder cannot be written, a file of the same name "
        "is there (without --force) or a spec is wrong.",
    ),
    "help-forms-out": (
        "输出文件夹（不存在时自动创建）。",
        "Output folder (made if it does not exist).",
    ),
    "help-notice": (
        "按模板生成公文：call 申报通知、publicity 拟支持名单公示、funding 资金下达通知、"
        "evaluation 绩效评价结果通报、opinion 合规性审核意见。\n\n"
        "退出码：0 已生成；2 数据、模板或配置有误，或输出位置已有同名文件（未加 --force）。",
        "Write an official document from its template: call (the call for applications), "
        "publicity (the public notice of the proposed list), funding (the funding notice), "
        "evaluation (the notice of the evaluation's results), opinion (a compliance review "
        "opinion).\n\n"
        "Exit codes: 0 written; 2 the data, a template or the configuration is wrong, or a "
        "file of the same name is where the output goes (without --force).",
    ),
    "help-notice-data": (
        "公文数据文件（YAML/JSON），示例见 samples/notices/<种类>.yaml。",
        "The document's data (YAML/JSON); examples in samples/notices/<kind>.yaml.",
    ),
    "help-notice-out": ("输出的 .docx 文件。", "The .docx file to write."),
    "help-pdf": (
        "同时在 .docx 旁生成同名 PDF（需要 LibreOffice）。",
        "Also write a PDF of the same name beside the .docx (needs LibreOffice).",
    ),
    "help-notice-programme": (
        "项目配置（programme.yaml）：发文机关、节假日与调休等，数据文件中的同名项优先。",
        "The programme configuration (programme.yaml): the issuing agency, holidays and "
        "make-up working days and the like; the data file's own items come first.",
    ),
    "help-panel": (
        "专家评审：生成专家评分表（sheets），收回、核验并汇总评分（collect）。",
        "Expert panel: write the experts' scoring sheets (sheets); collect, verify and total "
        "the scores (collect).",
    ),
    "help-panel-batch": (
        "formkit batch 的输出目录（其中的登记库给出开发区及其申报数据）。",
        "The output folder of formkit batch (its registry gives the zones and their "
        "applications' data).",
    ),
    "help-sheets": (
        "为每位专家生成一份评分表（以专家姓名命名）：回避本市及所列开发区。\n\n"
        "退出码：0 已生成；2 名单、配置或 batch 目录无法读取，或评分表已存在（未加 --force）。",
        "Write one scoring sheet per expert (named after the expert), leaving out the "
        "expert's own city and the zones listed.\n\n"
        "Exit codes: 0 written; 2 the list, the configuration or the batch folder cannot be "
        "read, or a sheet is already there (without --force).",
    ),
    "help-experts": (
        "专家名单 CSV（UTF-8 或 GBK）：姓名、工作单位、所在市、回避开发区（用“；”分隔）。",
        "The experts' list, CSV (UTF-8 or GBK): name, employer, city, zones to stay out of "
        "(separated by “；”).",
    ),
    "help-sheets-out": ("评分表的输出目录。", "Output folder of the scoring sheets."),
    "help-sheets-force": (
        "覆盖已存在的评分表（旧表将不再被接受）。",
        "Replace scoring sheets already there (the old sheets are then no longer accepted).",
    ),
    "help-collect": (
        "收回专家评分表：逐表核验，按开发区汇总（平均分、去掉最高最低分后平均分、分差），"
        "排名并按各市名额提出拟支持名单，写出汇总表、含专家意见的审核意见和公示数据。\n\n"
        "退出码：0 已生成（含问题清单）；2 目录、配置或 batch 目录无法读取。",
        "Collect the experts' scoring sheets: verify each, total them by zone (mean, mean "
        "without the highest and the lowest, spread), rank the zones and propose the list by "
        "each city's quota; writes the summary workbook, the opinions with the experts' "
        "comments and the public notice's data.\n\n"
        "Exit codes: 0 written (with the list of issues); 2 the folder, the configuration or "
        "the batch folder cannot be read.",
    ),
    "help-collect-out": (
        "输出目录：专家评审汇总表.xlsx、审核意见/、publicity.yaml。",
        "Output folder: “专家评审汇总表.xlsx”, “审核意见/”, publicity.yaml.",
    ),
    "help-publicity-seq": (
        "公示的发文序号（默认取 programme.yaml 的 panel.publicity）。",
        "The sequence number of the public notice (by default programme.yaml's panel.publicity).",
    ),
    "help-publicity-date": (
        "公示的成文日期 YYYY-MM-DD。",
        "The date of the public notice, YYYY-MM-DD.",
    ),
    "help-publicity-start": (
        "公示开始日期 YYYY-MM-DD。",
        "The first day of the public notice, YYYY-MM-DD.",
    ),
    "help-publicity-days": ("公示工作日数。", "The working days the public notice runs."),
    "help-serve": (
        "启动表单自查网页：选好文件后点“检查”，即可看到与 formkit check 相同的结果，"
        "并提供 JSON 接口 POST /api/check（说明见 /docs）。按 Ctrl+C 停止。\n\n"
        "上传的文件只在临时文件夹中处理，检查完立即删除。",
        "Start the self-check page: choose the files and click “Check” to see the same "
        "results as formkit check; a JSON API too, POST /api/check (described at /docs). "
        "Press Ctrl+C to stop.\n\n"
        "Uploaded files are handled only in a temporary folder and deleted as soon as they "
        "are checked.",
    ),
    "help-host": (
        "监听地址。默认只接受本机访问；在内网提供服务时请同时设置 --token。",
        "The address to listen on. By default only this machine can connect; to serve a "
        "network, set --token too.",
    ),
    "help-port": ("监听端口。", "The port to listen on."),
    "help-token": (
        "访问口令（也可用环境变量 FORMKIT_TOKEN）。浏览器打开 /?token=口令 一次即可。",
        "The access token (or the environment variable FORMKIT_TOKEN). A browser opens "
        "/?token=TOKEN once.",
    ),
    "help-max-file-mb": (
        "每个上传文件的大小上限（MB）。",
        "The size limit of each uploaded file (MB).",
    ),
    "help-max-request-mb": (
        "每次上传的总大小上限（MB）。",
        "The size limit of each upload, all files together (MB).",
    ),
    "help-max-files": ("每次上传的文件个数上限。", "The most files an upload may hold."),
    "help-serve-workers": (
        "同时检查的文件数（工作进程数）。",
        "Files checked at once (worker processes).",
    ),
    "help-timeout": ("每个文件的处理时间上限（秒）。", "The time limit per file (seconds)."),
    "help-memory-mb": (
        "每个工作进程的内存上限（MB）。",
        "The memory limit of each worker process (MB).",
    ),
    "help-agency": (
        "页面顶部显示的机关名称（默认取 --programme 中的 agency）。",
        "The agency named at the top of the page (by default the agency of --programme).",
    ),
    "help-spec": (
        "表单规格：根据空白表单起草规格（draft），检查改过的规格（check）。",
        "Form specs: draft a spec from a blank form (draft), check an edited spec (check).",
    ),
    "help-spec-draft": (
        "根据空白表单（.docx / .xlsx）起草表单规格 validators/<名称>.yaml。\n\n"
        "无法判断的地方在屏幕上列出，并以注释写在 YAML 中对应字段上方。\n\n"
        "退出码：0 已写出；2 文件无法读取、没有可起草的标签，或规格已被人工修改（未加 --force）。",
        "Draft a form spec validators/<name>.yaml from a blank form (.docx / .xlsx).\n\n"
        "What could not be decided is listed on the screen and written as a comment above "
        "its field in the YAML.\n\n"
        "Exit codes: 0 written; 2 the file cannot be read, it has no labels to draft from, or "
        "a person edited the spec (without --force).",
    ),
    "help-spec-form": (
        "规格名（英文键名，默认由表名拼音生成）。",
        "The spec's name (an English key; by default the pinyin of the form's title).",
    ),
    "help-spec-out": ("规格输出文件夹。", "The folder the spec is written to."),
    "help-spec-force": ("覆盖已被人工修改过的规格。", "Replace a spec a person has edited."),
    "help-spec-check": (
        "检查规格文件夹中的每个 .yaml：逐条列出文件、行号、字段和问题。\n\n"
        "退出码：0 无误；1 有问题；2 文件夹中没有规格。",
        "Check each .yaml of a folder of specs: lists the file, line, field and problem of "
        "each finding.\n\n"
        "Exit codes: 0 no problems; 1 problems found; 2 no spec in the folder.",
    ),
}


def text(key: str, lang: str = "zh", **params: object) -> str:
    """A line of :data:`REPORT_TEXTS` in ``lang``."""
    zh, en = REPORT_TEXTS[key]
    return (en if lang == "en" else zh).format(**params)


def value_text(value: str, lang: str = "zh") -> str:
    """A value formkit gives in Chinese (a status, a file's role, a form's title, a check's
    name) in ``lang``; any other value (a zone's name, a sheet's) as it is."""
    if lang != "en":
        return value
    if value in _VALUES_EN:
        return _VALUES_EN[value]
    parts = value.split(text("list-sep"))  # documents concerned: 申报信息表、实施方案
    if len(parts) > 1 and all(p in _VALUES_EN for p in parts):
        return text("list-sep", lang).join(_VALUES_EN[p] for p in parts)
    return value


_VALUE_PREFIXES = ("status-", "role-", "value-", "check-", "form-")
_VALUES_EN = {zh: en for key, (zh, en) in REPORT_TEXTS.items() if key.startswith(_VALUE_PREFIXES)}


_AREAS = ("header", "footer")
_PLACE_PARTS = ("page", "table", "row", "col", "paragraph")


@functools.cache
def _place_pattern() -> re.Pattern[str]:
    """A place as ``Location`` writes it in Chinese (``页眉``, ``第2页 表1 第3行第2列``), built
    from the ``place-*`` templates so the two cannot drift apart."""
    areas = "|".join(f"(?P<{a}>{re.escape(REPORT_TEXTS[f'place-{a}'][0])})" for a in _AREAS)
    parts = []
    for name in _PLACE_PARTS:
        before, after = REPORT_TEXTS[f"place-{name}"][0].split("{n}")
        parts.append(rf"(?:\s*{re.escape(before)}(?P<{name}>\d+){re.escape(after)})?")
    return re.compile(f"(?:{areas})?{''.join(parts)}")


def place_text(place: str | None, lang: str = "zh") -> str:
    """A finding's place (stored as Chinese) in ``lang``: ``表1 第3行第2列`` → ``table 1, row 3,
    column 2``; a sheet's cell (``指标!D7``) and any text not a place stay as they are."""
    if not place or lang != "en":
        return place or ""
    sheet, bang, rest = place.rpartition("!")
    found = _place_pattern().fullmatch(rest)
    if found is None or not any(found.groupdict().values()):
        return place
    words = [
        text(f"place-{name}", lang, n=found[name])
        for name in (*_AREAS, *_PLACE_PARTS)
        if found[name] is not None
    ]
    return sheet + bang + ", ".join(words)


# The hint of each code that has one, in English (the Chinese hint is ``Code.hint``).
HINTS_EN: dict[str, str] = {
    "spec-not-utf8": "save the file again as UTF-8 text in a text editor",
    "spec-yaml-invalid": "check the indentation (spaces only), the space after each colon and that brackets pair up",
    "spec-schema-invalid": "see the Cerberus documentation for how rules are written (type, required, allowed, min, max, regex)",
    "file-empty": "export the file again and resubmit it",
    "file-unknown-type": "submit .docx, .xlsx or .pdf files",
    "file-corrupt": "open it in Word/WPS/Excel, save a copy and submit that",
    "file-encrypted": "in Word/Excel, turn off “Encrypt with password” and save again",
    "file-too-large": "delete large embedded pictures and save again, or submit in parts",
    "file-too-many-cells": (
        "delete unneeded sheets or content in blank areas and save again, or submit in parts"
    ),
    "file-unsafe": "open the original in Word/Excel, save a copy and upload that",
    "file-timeout": (
        "open it in Word/Excel, save a copy and upload that; if it still times out, "
        "ask the administrator"
    ),
    "file-memory": (
        "open it in Word/Excel, save a copy and upload that; if it still fails, "
        "ask the administrator"
    ),
    "doc-tables-lost": "save it as .docx and resubmit",
    "doc-text-lost": "save it as .docx and resubmit",
    "file-image-too-large": "use “Compress Pictures” in Word/WPS/Excel, save and resubmit",
    "file-scanned-pdf": (
        "submit the original Word/Excel file, or use “Save as PDF” in Word/WPS directly"
    ),
    "archive-refused": "submit an unencrypted .zip archive",
    "tracked-changes": "in Word, “Accept All Changes”, save and resubmit",
    "formula-no-value": "open the file in Excel, save it and resubmit",
    "file-pdf-unmapped": "“Save as PDF” again from Word/WPS, or submit the .docx/.xlsx itself",
    "file-pdf-empty": (
        "check that the export is not blank pages; use “Save as PDF” in Word/WPS directly, "
        "or submit the .docx/.xlsx itself"
    ),
    "form-unknown": (
        "if this is an application document, fill in the blank form issued, without "
        "changing its labels; other documents need not be submitted"
    ),
    "file-docx-pictures": "submit the Word original with its text, not screenshots or scans",
    "missing-field": "fill in this item in the form",
    "bad-value": (
        "write it as the form's example shows (numbers without units, dates as 2024-06 "
        "or “2024年6月”)"
    ),
    "bad-pattern": "write it again in the format the form asks for",
    "not-allowed": "choose one of the options the form lists",
    "out-of-range": "check for a digit too many or too few, and that the unit is right",
    "bad-credit-code": "check the 18-character code on the business licence",
    "credit-code-number": "format the cell as Text, then type the 18-character code again",
    "value-approximate": "give an exact figure such as “500”, not “about 500” or “over 30”",
    "bad-zone-code": (
        "use the code in the China Development Zone Catalogue (“中国开发区审核公告目录”), "
        "e.g. S141234"
    ),
    "bad-phone": (
        "a mobile number has 11 digits; a landline is area code-number, e.g. 0351-1234567"
    ),
    "bad-email": "write the full e-mail address, e.g. name@example.com",
    "bad-docno": (
        "copy the document number from the approval exactly, the year in hexagonal brackets “〔〕”"
    ),
    "sme-exceeds-total": "SMEs are part of all enterprises in the zone: check both figures",
    "period-not-two-years": "the period must span two full years, e.g. 2024-01 to 2025-12",
    "wrong-carrier-type": "the carrier type must be “大中小企业融通型”",
    "key-industries-count": "list one or two key industries, separated by “、”",
    "zone-level-not-provincial": (
        "this round accepts provincial zones only: the level must be “省级”"
    ),
    "zone-not-in-catalogue": (
        "write the name as in the catalogue, or give the number of the provincial "
        "government's approval document"
    ),
    "unknown-city": "write one of this round's cities (e.g. “太原市”)",
    "no-indicators": ("fill in the blank performance targets form without changing its header"),
    "dimension-missing": (
        "add at least one indicator under this dimension (with its unit and both years' targets)"
    ),
    "dimension-not-quantitative": (
        "add an indicator with a unit and a numeric target under this dimension"
    ),
    "target-decreasing": (
        "check whether the two years' targets are swapped; explain a real decrease in the remarks"
    ),
    "indicator-incomplete": "fill in the blank cells of this indicator's row",
    "indicator-name-missing": (
        "fill in the indicator's name on this row; delete rows not needed entirely"
    ),
    "section-missing": "add this part as the outline asks (with the outline's heading)",
    "section-thin": "expand this part as the outline asks",
    "fund-uses-mismatch": (
        "check the amount of each fund use so that they add up to the total requested"
    ),
    "unit-missing": "write the unit in the unit column, e.g. “家”, “个”, “万元” or “%”",
    "month-ambiguous": (
        "format the cell as Text in Excel before typing, or write it as “2006年10月”"
    ),
    "fiscal-layout-not-accepted": (
        "fill in the blank performance targets form again, sorting the indicators into "
        "its six dimensions"
    ),
    "zone-name-mismatch": ("check the zone's name and code: both must refer to the same zone"),
    "input-no-forms": (
        "check that this is the right folder; forms are .docx, .xlsx or .pdf files or .zip archives"
    ),
    "document-missing": "submit this document",
    "field-mismatch": "check the documents and make them give the same value",
    "fund-uses-missing": (
        "list the amounts for direct subsidies, performance rewards and purchased "
        "services under the fund uses"
    ),
    "plan-targets-mismatch": "make the plan's yearly targets match the performance targets form",
    "quota-exceeded": "the city's authority adjusts its list of recommended zones to the quota",
    "letter-zone-extra": "ask the city's authority to confirm whether it recommends this zone",
    "duplicate-version": "submit only the final version of each document; withdraw the others",
    "file-unassigned": "decide which zone the file belongs to, or remove it from the inbox",
    "zone-from-folder": "name the zone in the document",
    "date-impossible": "check the year, month and day (February has only 28 or 29 days)",
    "notice-data-unreadable": "the data file must be YAML or JSON in UTF-8",
    "template-unreadable": "open the template in Word and save it as .docx",
    "template-missing-data": "add these items to the data file",
    "template-syntax": "check that the {{ }} and {%p %} tags are complete and paired",
    "office-missing": "install libreoffice-writer-nogui (run scripts/setup-system.sh)",
    "panel-experts-unreadable": (
        "the expert list must be CSV (UTF-8 or GBK) with the columns “姓名”, “工作单位”, "
        "“所在市”, “回避开发区”"
    ),
    "panel-experts-column": (
        "the first row must name the columns: “姓名”, “工作单位”, “所在市”, “回避开发区”"
    ),
    "panel-experts-duplicate": (
        "tell experts of the same name apart after the name, e.g. “张伟（太原）”"
    ),
    "panel-avoid-unknown": "check the zone's name; separate several zones with “；”",
    "panel-no-rubric": (
        "list the criteria, their points and the figures they look at under panel.criteria "
        "in programme.yaml"
    ),
    "panel-unknown-figure": (
        "use a field name of the application form (e.g. enterprises_total), or targets.NAME "
        "for another form"
    ),
    "panel-batch-missing": "run formkit batch INBOX --out FOLDER --programme programme.yaml first",
    "panel-sheet-exists": (
        "add --force to make them again (old sheets already sent will no longer be accepted)"
    ),
    "panel-file-unreadable": (
        "ask the expert to open the sheet in Excel/WPS, save it as .xlsx and send it back"
    ),
    "panel-not-scoresheet": (
        "ask the expert to fill in the sheet formkit sent, not a new or copied workbook"
    ),
    "panel-id-tampered": "send the expert a new sheet made by formkit",
    "panel-id-superseded": "ask the expert to fill in the sheet sent most recently",
    "panel-duplicate-expert": (
        "find out which sheet the expert submitted last, delete the others and tally again"
    ),
    "panel-declaration-missing": (
        "ask the expert to confirm having no interest in the zones scored and choose “是” "
        "in the declaration"
    ),
    "panel-conflict-declared": (
        "have another expert score, and record the conflict in the expert list's “回避开发区” column"
    ),
    "panel-score-missing": "ask the expert to add the missing score and send the sheet back",
    "panel-score-out-of-range": (
        "ask the expert to score within the range and send the sheet back"
    ),
    "panel-disagreement": (
        "the panel reviews this zone's scores, and the experts confer if needed"
    ),
    "output-exists": "choose another place for the output, or add --force to replace it",
    "output-unwritable": (
        "choose a folder you can write to, or first close Word/Excel if they have these files open"
    ),
    "draft-no-labels": (
        "submit the blank form itself (a table of “label | blank”, or lines “label: ____”)"
    ),
    "draft-edited": "or choose another --out folder",
    "spec-yaml": "check the indentation (spaces only), the space after each colon and brackets",
    "spec-rule-bad": (
        "rules are written as the Cerberus documentation shows (type, required, allowed, "
        "min, max, regex)"
    ),
    "upload-no-files": "you can choose several files at once, or upload a .zip archive",
    "upload-too-many-files": "put the files into one .zip archive, or upload them in parts",
    "upload-file-too-large": (
        "a form is usually under 1 MB: delete large embedded pictures, save and upload again"
    ),
    "upload-request-too-large": "upload in parts",
    "token-missing": "an API call needs the header Authorization: Bearer <token>",
    "token-wrong": "check the token with the administrator",
}


# click's own messages (usage errors, help headings), by click's English text → Chinese;
# formkit.cli.zh hands them to click. Placeholders stay as click fills them.
CLICK_ZH: dict[str, str] = {
    "Usage:": "用法：",
    "Try '{command} {option}' for help.": "输入“{command} {option}”查看帮助。",
    "Error: {message}": "错误：{message}",
    "Missing argument": "缺少参数",
    "Missing option": "缺少选项",
    "Missing parameter": "缺少参数",
    "Missing {param_type}": "缺少{param_type}",
    "Missing parameter: {param_name}": "缺少参数：{param_name}",
    "Missing command.": "缺少命令。",
    "{missing}{param_hint}.{msg}": "{missing}{param_hint}。{msg}",
    "No such command {name!r}.": "没有 {name!r} 这个命令。",
    "Did you mean {possibility}?": "是否要输入 {possibility}？",
    "(Did you mean one of: {possibilities}?)": "（是否要输入其中之一：{possibilities}？）",
    "No such option {name!r}.": "没有 {name!r} 这个选项。",
    "Option {name!r} requires an argument.": "选项 {name!r} 需要填写一个值。",
    "Option {name!r} requires {nargs} arguments.": "选项 {name!r} 需要填写 {nargs} 个值。",
    "Option {name!r} does not take a value.": "选项 {name!r} 不需要填写值。",
    "Got unexpected extra argument ({args})": "多余的参数（{args}）",
    "Got unexpected extra arguments ({args})": "多余的参数（{args}）",
    "Takes {nargs} values but 1 was given.": "需要{nargs}个值，只给了1个。",
    "Takes {nargs} values but {len} were given.": "需要{nargs}个值，给了{len}个。",
    "Argument {name!r} takes {nargs} values.": "参数 {name!r} 需要 {nargs} 个值。",
    "Invalid value for {param_hint}: {message}": "{param_hint} 的值无效：{message}",
    "Invalid value: {message}": "值无效：{message}",
    "{value!r} is not {choice}.": "{value!r} 不是可选的 {choice}。",
    "{value!r} is not one of {choices}.": "{value!r} 不在可选值 {choices} 之中。",
    "Choose from:\n\t{choices}": "可选：\n\t{choices}",
    "{value!r} is not a valid {number_type}.": "{value!r} 不是有效的数字。",
    "{value} is not in the range {range}.": "{value}不在允许的范围{range}内。",
    "{value!r} is not a valid boolean. Recognized values: {states}": (
        "{value!r} 不是有效的是/否值，可填：{states}"
    ),
    "{value!r} does not match the format {format}.": "{value!r} 不符合格式 {format}。",
    "{value!r} does not match the formats {formats}.": "{value!r} 不符合格式 {formats}。",
    "{value!r} is not a valid UUID.": "{value!r} 不是有效的编号。",
    "file": "文件",
    "directory": "文件夹",
    "path": "路径",
    "{name} {filename!r} does not exist.": "{name} {filename!r} 不存在。",
    "{name} {filename!r} is a file.": "{name} {filename!r} 是文件，应为文件夹。",
    "{name} {filename!r} is a directory.": "{name} {filename!r} 是文件夹，应为文件。",
    "{name} {filename!r} is not readable.": "{name} {filename!r} 无法读取。",
    "{name} {filename!r} is not writable.": "{name} {filename!r} 无法写入。",
    "{name} {filename!r} is not executable.": "{name} {filename!r} 无法执行。",
    "Could not open file {filename!r}: {message}": "无法打开文件 {filename!r}：{message}",
    "Show this message and exit.": "显示本帮助并退出。",
    "Show the version and exit.": "显示版本号并退出。",
    "%(prog)s, version %(version)s": "%(prog)s，版本 %(version)s",
    "Options": "选项",
    "Commands": "命令",
    "Positional arguments": "参数",
    "default: {default}": "默认：{default}",
    "required": "必填",
    "env var: {var}": "环境变量：{var}",
    "Aborted!": "已取消。",
    "unknown error": "未知错误",
}


def markdown_table() -> str:
    """The README's list of codes, generated from :data:`CODES`."""
    lines = ["| code | severity | message (zh) | message (en) |", "|---|---|---|---|"]
    for c in CODES.values():
        lines.append(f"| `{c.code}` | {c.severity} | {c.zh} | {c.en} |")
    return "\n".join(lines)


def reasons_table() -> str:
    """The docs' list of reasons (what fills a refusal's ``{detail}``), from :data:`REASONS`."""
    lines = ["| reason | zh | en |", "|---|---|---|"]
    for r in REASONS.values():
        lines.append(f"| `{r.key}` | {r.zh} | {r.en} |")
    return "\n".join(lines)


if __name__ == "__main__":  # pragma: no cover - docs helper
    print(markdown_table())
