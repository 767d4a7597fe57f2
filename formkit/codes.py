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
        "无法识别表单类型：未找到任何已知表单的标签",
        "the form could not be recognised",
        "使用下发的空白表单填写，不要删改表中的标签",
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
