"""``--lang en``: check's report and batch's console lines, report.html and 汇总表.xlsx speak
English in formkit's own words; what the forms gave (names, labels, values, files, sheets)
stays as given, always inside “quotes” or in its own column; the 审核意见 stay Chinese.

"formkit's own words" is checked precisely: a line loses its file path, its “quoted” spans,
a sheet's name before ``!`` and the programme's city names; nothing Chinese may remain."""

from __future__ import annotations

import html.parser
import re
from pathlib import Path

import openpyxl
import pytest
import yaml
from click.testing import CliRunner

from formkit.cli import main
from formkit.model.codes import CODES, HINTS_EN, REPORT_TEXTS, place_text, value_text

ROOT = Path(__file__).resolve().parents[2]
INBOX = ROOT / "samples" / "inbox"
PROGRAMME = ROOT / "samples" / "programme.yaml"
CJK = re.compile(r"[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]")
QUOTED = re.compile(r"“[^”]*”")
SHEET = re.compile(r"\S+!")  # 评价指标!A13: the sheet's name is the file's
CITIES = [c["name"] for c in yaml.safe_load(PROGRAMME.read_text(encoding="utf-8"))["cities"]]


def own_words(text: str) -> str:
    """``text`` without what the forms gave."""
    text = SHEET.sub("", QUOTED.sub("", text))
    for city in CITIES:
        text = text.replace(city, "")
    return text


def chinese_left(lines: list[str]) -> list[str]:
    return [line for line in lines if CJK.search(own_words(line))]


# --- the catalogue ------------------------------------------------------------------------


def test_every_english_text_of_the_catalogue_has_chinese_only_in_quotes() -> None:
    texts = {
        **{f"{c.code}.en": c.en for c in CODES.values()},
        **{f"{code}.hint_en": hint for code, hint in HINTS_EN.items()},
        **{f"report:{key}": en for key, (_zh, en) in REPORT_TEXTS.items()},
    }
    assert {k: v for k, v in texts.items() if CJK.search(QUOTED.sub("", v))} == {}


def test_every_code_with_a_hint_has_an_english_hint_and_no_other() -> None:
    assert set(HINTS_EN) == {c.code for c in CODES.values() if c.hint}
    assert CODES["missing-field"].advice("en") == "fill in this item in the form"
    assert CODES["missing-field"].advice("zh") == CODES["missing-field"].hint


@pytest.mark.parametrize(
    ("place", "english"),
    [
        ("表1 第17行第3列", "table 1, row 17, column 3"),
        ("第19段", "paragraph 19"),
        ("第2页 表1 第3行", "page 2, table 1, row 3"),
        ("页眉第2段", "header, paragraph 2"),
        ("评价指标!第5行", "评价指标!row 5"),
        ("评价指标!A13", "评价指标!A13"),  # a cell: the sheet's own name, the cell as is
        ("太原市", "太原市"),  # not a place formkit wrote: as it is
    ],
)
def test_a_place_formkit_wrote_reads_in_english(place: str, english: str) -> None:
    assert place_text(place, "en") == english
    assert place_text(place, "zh") == place


def test_a_finding_stored_with_a_word_param_renders_that_word_in_each_language() -> None:
    code = CODES["bad-credit-code"]
    params = {"field": "信用代码", "raw": "X", "detail_word": "credit-check-digit"}
    assert code.render("zh", **params, expected="U").endswith("（校验位错误，按前17位计算应为 U）")
    assert code.render("en", **params, expected="U").endswith(
        "(wrong check character: the first 17 give U)"
    )
    assert value_text("需补正、不予受理", "en") == "to be corrected, not accepted"
    assert value_text("太原市、晋中市", "en") == "太原市、晋中市"  # not formkit's words


# --- formkit check ------------------------------------------------------------------------


def check(*args: str) -> tuple[int, list[str]]:
    result = CliRunner().invoke(main, ["check", *args], prog_name="formkit")
    assert "Traceback" not in result.output
    return result.exit_code, result.stdout.splitlines()


def test_check_in_english_has_no_chinese_of_its_own() -> None:
    code, lines = check(str(INBOX), "--programme", str(PROGRAMME), "--lang", "en")
    assert code == 1  # findings
    # a file's heading: its path (as received), then what formkit made of it
    heads = [line.split("  ", 1)[1] for line in lines if line.startswith(str(INBOX))]
    assert len(heads) == 24
    assert chinese_left(heads) == []
    assert chinese_left([line for line in lines if not line.startswith(str(INBOX))]) == []
    assert "application form (four-column table)" in heads
    assert "  error [missing-field] table 1, row 9, column 3 “管理机构名称” is missing" in lines
    assert "    how to fix: fill in this item in the form" in lines
    assert (
        "  error [bad-credit-code] table 1, row 17, column 3 “运营主体统一社会信用代码” is not a"
        " valid unified social credit code: 91140100XMRUW5L7M0 (wrong check character: the"
        " first 17 give U)" in lines
    )
    assert lines[-1] == (
        "Files: 24 (each file inside an archive counted) — ready: 17, to be changed: 7, "
        "unreadable: 0"
    )


def test_check_says_nothing_to_check_in_english_and_exits_2(tmp_path: Path) -> None:
    (tmp_path / "说明.txt").write_text("无", encoding="utf-8")
    result = CliRunner().invoke(main, ["check", str(tmp_path), "--lang", "en"])
    assert result.exit_code == 2
    assert result.stderr.startswith("formkit: no files to check: ")
    assert chinese_left([result.stderr.replace(str(tmp_path), "")]) == []


# --- formkit batch ------------------------------------------------------------------------


@pytest.fixture(scope="module")
def batch_out(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[str], dict]:
    """One zh run, then an English one into the same folder: (out, English console lines,
    each opinion's bytes and mtime after the zh run)."""
    out = tmp_path_factory.mktemp("lang") / "out"
    args = ["batch", str(INBOX), "--out", str(out), "--programme", str(PROGRAMME)]
    zh = CliRunner().invoke(main, args)
    assert zh.exit_code == 0, zh.output
    opinions = {
        p: (p.read_bytes(), p.stat().st_mtime_ns)
        for p in sorted((out / "审核意见").rglob("*.docx"))
    }
    en = CliRunner().invoke(main, [*args, "--lang", "en"], env={"COLUMNS": "200"})  # no wrap
    assert en.exit_code == 0, en.output
    assert "Traceback" not in en.output
    return out, en.stdout.splitlines(), opinions


def test_batch_prints_its_summary_in_english(batch_out: tuple[Path, list[str], dict]) -> None:
    out, lines, _ = batch_out
    shown = [line.replace(str(out), "").replace(str(INBOX), "") for line in lines]
    assert chinese_left(shown) == []
    assert f"Inbox: {INBOX}" in lines
    assert (
        lines[1]
        == "Files: 22 (0 read now, 22 unchanged since the last run; files in the inbox counted,"
        " an archive as one)"
    )
    assert any("Results by city" in line for line in lines)
    assert any(re.search(r"Total\s*│\s*8\s*│\s*1\s*│\s*7\s*│\s*0", line) for line in lines)
    assert lines[-1] == f"Outputs: {out} (“汇总表.xlsx”, “审核意见/”, report.html)"


class _Cells(html.parser.HTMLParser):
    """The text of each <th>, <td>, <title>, <h1>, <li> and <p> of a page, by tag."""

    def __init__(self) -> None:
        super().__init__()
        self.found: list[tuple[str, str]] = []
        self.open: list[tuple[str, list[str]]] = []
        self.lang = ""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "html":
            self.lang = dict(attrs).get("lang") or ""
        if tag in ("th", "td", "title", "h1", "li", "p", "h2", "h3"):
            self.open.append((tag, []))

    def handle_data(self, data: str) -> None:
        for _tag, parts in self.open:
            parts.append(data)

    def handle_endtag(self, tag: str) -> None:
        if self.open and self.open[-1][0] == tag:
            name, parts = self.open.pop()
            self.found.append((name, " ".join("".join(parts).split())))


def test_report_html_in_english(batch_out: tuple[Path, list[str], dict]) -> None:
    page = _Cells()
    page.feed((batch_out[0] / "report.html").read_text(encoding="utf-8"))
    assert page.lang == "en"
    texts = dict(page.found)
    assert texts["title"] == texts["h1"] == "Compliance review"
    heads = [t for tag, t in page.found if tag == "th"]
    assert "Subsidy requested (10k yuan)" in heads and chinese_left(heads) == []
    assert "How the status is decided:" in [t for tag, t in page.found if tag == "p"]
    assert chinese_left([t for tag, t in page.found if tag == "li"]) == []
    rows = _issue_rows(page.found)
    assert len(rows) == 11
    # severity, place, message and code are formkit's; the document is named by formkit or
    # is the file's own name
    assert chinese_left([" ".join((r[0], r[2], r[3], r[4])) for r in rows]) == []
    assert [
        "error",
        "two-year implementation plan (实施方案.docx)",
        "table 1, row 1, column 1",
    ] in [r[:3] for r in rows]
    intro = next(t for tag, t in page.found if tag == "p" and t.startswith("Files read:"))
    assert intro.startswith(
        "Files read: 24 (each file inside an archive counted); zones applying: 8 — 1 passed,"
        " 7 to be corrected, 0 not accepted."
    )


def _issue_rows(found: list[tuple[str, str]]) -> list[list[str]]:
    """The issue tables' rows: five cells, the last a code."""
    cells = [t for tag, t in found if tag == "td"]
    codes = [n for n, t in enumerate(cells) if t in CODES and n >= 4]
    return [cells[n - 4 : n + 1] for n in codes]


def test_the_summary_workbook_in_english(batch_out: tuple[Path, list[str], dict]) -> None:
    book = openpyxl.load_workbook(batch_out[0] / "汇总表.xlsx")
    assert book.sheetnames == ["Summary", "Issues", "Files", "Notes"]
    assert book.properties.title == "Compliance review summary"
    summary, issues, files, notes = (list(s.iter_rows(values_only=True)) for s in book)
    for sheet in (summary, issues, files):
        assert chinese_left([str(v) for v in sheet[0]]) == []
    assert summary[0][5] == "Subsidy requested (10k yuan)"
    assert [r[8] for r in summary[1:-1]] == ["passed", *["to be corrected"] * 7]
    assert summary[-1][:3] == ("Total", None, "zones: 8")
    status_fill = book["Summary"]["I3"].fill.fgColor.rgb  # 需补正's colour, as in zh
    assert book["Summary"]["I3"].value == "to be corrected" and status_fill.endswith("FFF2CC")
    # severity, place, code and message: formkit's words; the document: formkit's name or
    # a form's title
    own = [" ".join(str(v or "") for v in (r[4], r[5], r[6], r[7], r[8])) for r in issues[1:]]
    assert len(own) == 11 and chinese_left(own) == []
    assert {r[5] for r in files[1:]} == {"used"}
    assert {r[2] for r in files[1:]} <= {
        "application form",
        "performance targets form",
        "two-year implementation plan",
        "city recommendation letter",
    }
    assert notes[0] == ("How the status is decided:",)
    assert chinese_left([str(r[0]) for r in notes]) == []
    assert book["Summary"].oddFooter.center.text == "Page &P of &N"


def test_the_opinions_stay_chinese_and_untouched(batch_out: tuple[Path, list[str], dict]) -> None:
    """Official documents do not follow --lang: the English run left each opinion as the
    Chinese run wrote it (same bytes, not even rewritten)."""
    out, _, before = batch_out
    now = {
        p: (p.read_bytes(), p.stat().st_mtime_ns)
        for p in sorted((out / "审核意见").rglob("*.docx"))
    }
    assert now == before
    assert len(now) == 8


# --- the other commands: their console lines -----------------------------------------------


def test_allocate_prints_what_it_wrote_in_english_and_writes_the_same_workbook(
    tmp_path: Path,
) -> None:
    args = ["allocate", "--programme", str(PROGRAMME), "--out"]
    zh = CliRunner().invoke(main, [*args, str(tmp_path / "zh")])
    en = CliRunner().invoke(main, [*args, str(tmp_path / "en"), "--lang", "en"])
    assert (zh.exit_code, en.exit_code) == (0, 0), en.output
    lines = en.stdout.replace(str(tmp_path), "").splitlines()
    assert lines[0] == "Written: /en/资金分配表.xlsx"
    assert re.fullmatch(
        r"Errors found: \d+; warnings: \d+ \(see the workbook's sheet “问题清单”\)\.", lines[2]
    )
    assert chinese_left([line.replace("资金分配表.xlsx", "") for line in lines]) == []
    assert zh.stdout.splitlines()[0].startswith("已生成：")
    # the workbook is the bureau's document: the same in either language
    for name in ("资金分配表.xlsx", "funding.yaml"):
        assert (tmp_path / "zh" / name).read_bytes() == (tmp_path / "en" / name).read_bytes()


def test_spec_check_speaks_english() -> None:
    result = CliRunner().invoke(main, ["spec", "check", str(ROOT / "validators"), "--lang", "en"])
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines and all(re.search(r": spec is valid \(fields: \d+\)$", line) for line in lines)


def test_read_dumps_with_english_words_and_the_files_own_text() -> None:
    plan = INBOX / "长治市" / "长治样例产业园区" / "两年期实施方案.docx"
    result = CliRunner().invoke(main, ["read", str(plan), "--lang", "en"])
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[0] == f"== {plan} (docx)"
    assert "  table “表1”, cells: 10" in lines
    assert "    row 1, column 2: 金额（万元）" in lines
    assert "  paragraph 1: 省级大中小企业融通型创新创业特色载体" in lines
    # what formkit says before each ": " is English; the file's text follows it
    heads = [line.split(": ", 1)[0] for line in lines[1:] if ": " in line]
    assert len(heads) > 20 and chinese_left(heads) == []


@pytest.mark.parametrize(
    ("name", "data", "zh", "en"),
    [
        (
            "申报表.docx",
            b"\x89PNG\r\n\x1a\n" + b"\0" * 64,
            "PNG 图片（扩展名为 .docx）",
            "a PNG image (extension .docx)",
        ),
        ("说明", b"just some text", "未知格式", "an unknown format"),
    ],
)
def test_regression_what_a_refused_file_really_is_follows_lang(
    tmp_path: Path, name: str, data: bytes, zh: str, en: str
) -> None:
    """The type named in file-unknown-type came from a Chinese table in intake, so an English
    report said “unrecognised file type: 未知格式”; it is a catalogue word now."""
    (tmp_path / name).write_bytes(data)
    for lang, words in (("zh", zh), ("en", en)):
        result = CliRunner().invoke(main, ["check", "--lang", lang, str(tmp_path / name)])
        assert result.exit_code == 2, result.output
        assert words in result.output
    assert not re.search(r"[\u4e00-\u9fff]", result.output.replace(str(tmp_path / name), ""))
