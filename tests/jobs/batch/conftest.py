"""One generated inbox for the batch tests, built once per session, and one review of it.

Zones (city) — how they were sent — the flaw put in:

- 太原样例经济技术开发区 (太原市) — folder 太原市/太原样例经开区/, plus an older Form A in
  旧版/ — none; it lies in 清徐县, a 示范县;
- 太原演示工业园区 (太原市) — folder — the operator's credit code has a wrong check digit;
- 太原试点产业园区 (太原市) — folder — third in 太原市's letter, whose quota is 2;
- 大同样例工业园区 (大同市) — 大同市/大同市申报材料.zip, GBK names as Windows writes them —
  no 辐射带动力 indicator;
- 长治样例产业园区 (长治市) — folder, the plan as a PDF — the plan lacks 责任分工;
- 晋中样例经济开发区 (晋中市) — folder — the fund uses add up to 50 万元 less than requested;
- 运城示范经济开发区 (运城市) — loose files at the top of the inbox — none.

Also: 太原市's letter (its three zones in order), 长治市's letter (its zone and one never
received), and a stray 说明.txt that fits no zone.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from formkit.intake import office
from formkit.jobs.batch.run import BatchSummary, run_batch

from . import builders as b

ROOT = Path(__file__).resolve().parents[3]
PROGRAMME = ROOT / "samples" / "programme.yaml"

ZONES = {
    "clean": ("太原样例经济技术开发区", "S140102", "太原市", "清徐县"),
    "credit": ("太原演示工业园区", "S140103", "太原市", "小店区"),
    "quota": ("太原试点产业园区", "S140104", "太原市", "晋源区"),
    "dimension": ("大同样例工业园区", "S140202", "大同市", "云冈区"),
    "section": ("长治样例产业园区", "S140302", "长治市", "潞州区"),
    "amounts": ("晋中样例经济开发区", "S140402", "晋中市", "榆次区"),
    "loose": ("运城示范经济开发区", "S140501", "运城市", "盐湖区"),
}


def _data(key: str, seed: int) -> dict:
    name, code, city, county = ZONES[key]
    return b.zone(name, code, city, county, seed=seed)


def _pdf_plan(plan_docx: bytes, work: Path) -> bytes:
    if not office.soffice_available():
        pytest.skip("LibreOffice (soffice) is not installed: the PDF plan cannot be made")
    source = work / "实施方案.docx"
    source.write_bytes(plan_docx)
    (pdf,) = office.convert([source], "pdf", work)
    return pdf.read_bytes()


def build_inbox(root: Path, work: Path) -> None:
    clean = _data("clean", 1)
    old_a = dict(clean["application"], fill_date="2020-03-01", contact_name="旧稿")
    b.write(root / "太原市" / "太原样例经开区", b.documents(clean))
    b.write(
        root / "太原市" / "太原样例经开区" / "旧版",
        {"申报信息表.docx": b.documents({**clean, "application": old_a})["申报信息表.docx"]},
    )
    credit = _data("credit", 2)
    code = credit["application"]["operator_credit_code"]
    credit["application"]["operator_credit_code"] = code[:-1] + ("0" if code[-1] != "0" else "1")
    b.write(root / "太原市" / "太原演示工业园区", b.documents(credit))
    b.write(root / "太原市" / "太原试点产业园区", b.documents(_data("quota", 3)))
    (root / "太原市" / "太原市推荐文件.docx").write_bytes(
        b.letter_docx(
            "太原市工业和信息化局",
            "并工信函〔2020〕12号",
            [ZONES[k][0] for k in ("clean", "credit", "quota")],
        )
    )
    dim = _data("dimension", 4)
    dim["targets"]["indicators"] = [
        r for r in dim["targets"]["indicators"] if r["dimension"] != "辐射带动力"
    ]
    members = {f"大同样例工业园区/{n}": c for n, c in b.documents(dim).items()}
    (root / "大同市").mkdir()
    (root / "大同市" / "大同市申报材料.zip").write_bytes(b.windows_zip(members))
    section = _data("section", 5)
    del section["plan"]["sections"]["responsibilities"]
    files = b.documents(section)
    pdf = _pdf_plan(files.pop("实施方案.docx"), work)
    b.write(root / "长治市" / "长治样例产业园区", {**files, "实施方案.pdf": pdf})
    (root / "长治市" / "推荐函.docx").write_bytes(
        b.letter_docx(
            "长治市工业和信息化局",
            "长工信发〔2020〕7号",
            [ZONES["section"][0], "长治演示经济开发区"],
        )
    )
    amounts = _data("amounts", 6)
    amounts["plan"]["fund_uses"][0]["amount_wan"] -= 50
    b.write(root / "晋中市" / "晋中样例经济开发区", b.documents(amounts))
    loose = b.documents(_data("loose", 7))
    b.write(root, {f"运城示范经济开发区{n}": c for n, c in loose.items()})
    (root / "说明.txt").write_text("各开发区申报材料已收齐。", encoding="utf-8")


@pytest.fixture(scope="session")
def inbox(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("inbox")
    build_inbox(root, tmp_path_factory.mktemp("work"))
    return root


@pytest.fixture(scope="session")
def reviewed(
    inbox: Path, tmp_path_factory: pytest.TempPathFactory
) -> tuple[Path, BatchSummary, dict[str, str]]:
    """(OUT, summary, the inbox's digest before the run)."""
    before = b.tree_digest(inbox)
    out = tmp_path_factory.mktemp("out")
    summary = run_batch(inbox, out, programme=PROGRAMME, workers=2)
    return out, summary, before


@pytest.fixture(scope="session")
def small_inbox_source(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("small") / "inbox"
    for key, seed in (("clean", 1), ("loose", 7)):
        name = ZONES[key][0]
        b.write(root / name, b.documents(_data(key, seed)))
    return root


@pytest.fixture
def small_inbox(small_inbox_source: Path, tmp_path: Path) -> Path:
    """Two clean zones, six files (a fresh copy): for runs that are killed, locked or repeated."""
    return Path(shutil.copytree(small_inbox_source, tmp_path / "inbox"))


def copy_outputs(out: Path) -> dict[str, bytes]:
    """Every output file (not the registry or the lock) by relative path."""
    return {
        str(p.relative_to(out)): p.read_bytes()
        for p in sorted(out.rglob("*"))
        if p.is_file() and not p.name.startswith((".", "formkit.sqlite"))
    }
