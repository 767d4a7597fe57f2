"""Every finding and refusal code formkit emits, with its messages — the one place they live.

Messages are ``str.format`` templates; ``{field}`` is the printed label of the field
concerned. The README's table of codes is generated from this module
(``python -m formkit.codes``), and a test keeps it in step.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Code:
    code: str
    severity: str  # "error" | "warning"
    zh: str
    en: str
    hint: str = ""  # one line on how to fix it, Chinese

    def render(self, lang: str, **params: object) -> str:
        template = self.en if lang == "en" else self.zh
        values = {k: ("" if v is None else v) for k, v in params.items()}
        return template.format_map(_Missing(values))


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
        "{count} not recognised / not application forms",
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
        "“{field}”: the year should be in 〔〕: {raw}",
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
        "“{field}” must be 大中小企业融通型, got “{raw}”",
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
        "“{field}” must be provincial (省级), got “{raw}”",
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
        "the plan's section “{field}” is very short ({count} characters)",
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
        "{city}: quota {quota}, {count} recommended, {excess} over",
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
        "the zone is not on {city}'s recommendation letter ({docno})",
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
        "{zone}: the computed share {share} exceeds the request; capped at {request}",
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
        "{zone}: grade “{grade}” has no tier weight; nothing allocated",
    ),
    Code(
        "allocation-no-request",
        W,
        "{zone}未填写申请额（request），分配额未按申请额封顶",
        "{zone}: no request given; the share is not capped",
    ),
    Code(
        "allocation-not-rolled",
        W,
        "{zone}绩效评价未通过滚动支持（{reason}），本年度未安排资金",
        "{zone} does not roll on ({reason}); nothing allocated",
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
        "{zone} sent no progress report for {period} {year}",
    ),
    Code(
        "progress-late",
        W,
        "{zone}{year}年{period}进展情况填报日期{date}晚于报送期限{deadline}",
        "{zone}: the {period} {year} report is dated {date}, after the deadline {deadline}",
    ),
    Code(
        "progress-out-of-order",
        E,
        "{zone}{year}年{period}进展情况的填报日期{date}早于该时段结束，报送时间段可能填错",
        "{zone}: the {period} {year} report is dated {date}, before the period "
        "ended; the period may be wrong",
    ),
    Code(
        "progress-duplicate",
        W,
        "{zone}{year}年{period}进展情况收到多份，已采用 {chosen}",
        "{zone}: several reports for {period} {year}; used {chosen}",
    ),
    Code(
        "progress-decreased",
        W,
        "{zone}“{indicator}”{year}年{period}报送期末值{value}低于上期{previous}",
        "{zone}: “{indicator}” fell from {previous} to {value} in {period} {year}",
    ),
    Code(
        "progress-negative",
        E,
        "{zone}{year}年{period}“{field}”为负数（{value}），已按未填写处理",
        "{zone}: “{field}” is negative ({value}) in {period} {year}; ignored",
    ),
    Code(
        "progress-lagging",
        W,
        "{zone}截至{year}年{period}指标平均完成率{rate}%，低于时间进度{expected}%",
        "{zone}: {rate}% of the year's targets by {period} {year}, behind the time path {expected}%",
    ),
    Code(
        "progress-no-target",
        W,
        "{zone}“{indicator}”没有{year}年目标值，未计算完成率",
        "{zone}: “{indicator}” has no target for {year}; completion not computed",
    ),
    Code(
        "evaluation-no-data",
        E,
        "{zone}没有{year}年的绩效自评表或进展数据，无法评价",
        "{zone}: no self-evaluation or progress data for {year}; not evaluated",
    ),
    Code(
        "evaluation-zero-target",
        W,
        "{zone}“{indicator}”年度指标值为0，{detail}",
        "{zone}: “{indicator}” has a zero target; {detail}",
    ),
    Code(
        "evaluation-qualitative-unscored",
        W,
        "{zone}定性指标“{indicator}”未录入得分，按不适用处理",
        "{zone}: qualitative indicator “{indicator}” has no score; treated as not applicable",
    ),
    Code(
        "evaluation-missing-actual",
        W,
        "{zone}“{indicator}”未填写实际完成值，得0分",
        "{zone}: “{indicator}” has no actual value; scored 0",
    ),
    Code(
        "evaluation-score-differs",
        W,
        "{zone}“{indicator}”自评得分{claimed}，按规则计算应为{computed}",
        "{zone}: “{indicator}” self-scored {claimed}, the rule gives {computed}",
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
        "“{expert}” did not tick 是 in the no-conflict declaration; not counted",
        "请专家确认与所评开发区无利害关系后在声明处选择“是”",
    ),
    Code(
        "panel-conflict-declared",
        E,
        "专家“{expert}”声明与所评开发区存在利害关系（选择了“否”），评分表未计入",
        "“{expert}” declared a conflict of interest (chose 否); not counted",
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
        "drafted {path}: {fields} fields, {notes} points to review (below, and as comments in the file)",
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
        "to review: {label} is not in the label dictionary; key {key} is a pinyin slug",
    ),
    Code(
        "draft-kind-unsure",
        W,
        "待确认：「{label}」的类型无法判断，暂按文本（{kind}）",
        "to review: the kind of {label} could not be decided; drafted as {kind}",
    ),
    Code(
        "draft-time-unsure",
        W,
        "待确认：「{label}」暂按年月（YYYY-MM）读取；如需填到日，请把 kind 改为 date",
        "to review: {label} is read as a month (YYYY-MM); set kind to date if a day is expected",
    ),
    Code(
        "draft-range-unsure",
        W,
        "待确认：「{label}」是起止时间，暂按文本读取；可拆成起、止两个 month 字段",
        "to review: {label} is a date range, read as text; split it into two month fields if needed",
    ),
    Code(
        "draft-money-unit",
        W,
        "待确认：「{label}」未标明单位，暂按万元读取",
        "to review: {label} prints no unit; read in 万元",
    ),
    Code(
        "draft-unit-unsure",
        W,
        "待确认：「{label}」未标明单位，请补充 unit",
        "to review: {label} prints no unit; add one",
    ),
    Code(
        "draft-table-rows",
        W,
        "待确认：表格「{label}」按行读取，每行以「{column}」列为准（该列为空的行不读）",
        "to review: table {label} is read row by row, keyed by its column {column} (rows where it is empty are skipped)",
    ),
    Code(
        "draft-label-printed",
        W,
        "待确认：「{label}」在 {place} 已印有内容“{value}”；读表时跳过这段印好的内容（见 form.printed），请确认该处不是要填的栏目",
        "to review: {label} is printed at {place} with “{value}”; reading skips that printed text (form.printed)",
    ),
    Code(
        "draft-table-narrow",
        W,
        "待确认：表格「{label}」不足三列，formkit 暂不能按行读取，请补列或改为单个字段",
        "to review: table {label} has fewer than three columns and cannot be read row by row",
    ),
    Code(
        "draft-table-extra",
        W,
        "待确认：第二个及以后的表格「{label}」未起草（每份表单规格只能有一个重复表格）",
        "to review: table {label} was not drafted (a spec holds one repeating table)",
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
        "{file}: spec is valid ({fields} fields)",
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


# Lines of the text reports (check, parse) that are not findings: key → (zh, en).
REPORT_TEXTS: dict[str, tuple[str, str]] = {
    "how-to-fix": ("如何修改：{hint}", "how to fix: {hint}"),
    "yes": ("是", "yes"),
    "no": ("否", "no"),
    "indicator": ("绩效指标“{name}”", "indicator “{name}”"),
    "section": ("“{name}”部分（{chars}字）", "part “{name}” ({chars} characters)"),
    "nothing-read": ("未读出任何字段", "no field read"),
}


# The parts of findings' messages that validation fills in ({detail}, {kind}): key → (zh, en).
# Rendered in Chinese when the finding is made (formkit.checksum, formkit.validate).
DETAIL_TEXTS: dict[str, tuple[str, str]] = {
    "credit-length": ("长度应为18位，实为{n}位", "should be 18 characters long, is {n}"),
    "credit-chars": (
        "含有不允许的字符 {chars}（不使用 I、O、S、V、Z）",
        "has characters not allowed: {chars} (I, O, S, V, Z are not used)",
    ),
    "credit-region": (
        "第3至8位应为行政区划代码（6位数字），实为 {region}",
        "characters 3 to 8 should be an administrative division code (6 digits), are {region}",
    ),
    "credit-check": (
        "校验位错误，按前17位计算应为 {expected}",
        "wrong check character: the first 17 give {expected}",
    ),
    "format-mismatch": ("格式不符", "wrong format"),
    "phone-none": ("未填写号码", "no number given"),
    "phone-unknown": ("无法识别 {numbers}", "not a phone number: {numbers}"),
    "at-least": ("不小于 {n}", "at least {n}"),
    "at-most": ("不大于 {n}", "at most {n}"),
    "at-most-items": ("最多 {n} 项", "at most {n} items"),
    "kind-int": ("整数", "a whole number"),
    "kind-number": ("数字", "a number"),
    "kind-money": ("金额（万元）", "an amount (10,000 yuan)"),
    "kind-month": ("年月（如 2020-01）", "a month (e.g. 2020-01)"),
    "kind-date": ("日期（如 2020-03-20）", "a date (e.g. 2020-03-20)"),
    "kind-bool": ("是/否", "yes/no"),
    "kind-list": ("列表", "a list"),
    "kind-target": ("数值", "a value"),
    "kind-choice": ("选项", "an option"),
    "kind-period": ("报送时间段", "a reporting period"),
    "kind-text": ("文字", "text"),
    "kind-longtext": ("文字", "text"),
    "places": ("{first} 等 {n} 处", "{first} and {more} more"),
    "more-places": ("另有 {n} 处", "{n} more"),
}


def detail_text(key: str, lang: str = "zh", **params: object) -> str:
    """A part of a message from :data:`DETAIL_TEXTS`, filled with ``params``."""
    zh, en = DETAIL_TEXTS[key]
    return (en if lang == "en" else zh).format(**params)


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


if __name__ == "__main__":  # pragma: no cover - docs helper
    print(markdown_table())
