"""Blank forms of other programmes — a real one from the peers corpus (a county's tender
document with its annexed forms: 报价单, 企业基本情况表, 授权委托书 …) and our own
科技项目申报表 / 企业基本情况表 — drafted, filled by a clerk who types a value of the
right kind beside (or below) every label of the draft, and read back with the draft."""

from __future__ import annotations

from pathlib import Path

import pytest

from formkit.drafting import draft_spec, render, write_draft
from formkit.pipeline import parse
from formkit.spec import load_spec

from . import forms as F
from .clerk import fill_docx, fill_xlsx

PEERS = Path(__file__).resolve().parents[3] / "shared" / "corpus" / "peers"
TENDER = PEERS / "docx2python" / "tests" / "resources" / "libreoffice_conversion.docx"
MIN_RECOVERED = 0.95


def _ours(tmp_path: Path, name: str, content: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(content)
    return path


BLANKS = {
    "tender": lambda tmp: TENDER,
    "tech": lambda tmp: _ours(tmp, "科技项目申报表.docx", F.tech_blank()),
    "firm": lambda tmp: _ours(tmp, "企业基本情况表.xlsx", F.firm_blank()),
    "talent": lambda tmp: _ours(tmp, "人才项目申报书.docx", F.talent_blank()),
}


@pytest.mark.parametrize("name", sorted(BLANKS))
def test_clerk_values_are_read_back_under_their_labels(tmp_path: Path, name: str) -> None:
    if name == "tender" and not TENDER.is_file():
        pytest.skip("shared/corpus/peers is not beside the repo")
    blank = BLANKS[name](tmp_path)
    draft = draft_spec(blank, name)
    out = tmp_path / "spec"
    write_draft(draft, render(draft, blank.name), out)
    spec = load_spec(name, out)
    fill = fill_docx if blank.suffix == ".docx" else fill_xlsx
    filled_bytes, expected = fill(blank.read_bytes(), spec)
    filled = tmp_path / f"filled{blank.suffix}"
    filled.write_bytes(filled_bytes)
    (result,) = parse(filled, {"validators": str(out), "isolate": False})
    assert result.form == name
    got = result.record.data() if result.record else {}
    misses = {k: (v, got.get(k)) for k, v in expected.items() if got.get(k) != v}
    assert len(expected) >= min(len(spec.fields) * 3 // 4, 14)
    assert 1 - len(misses) / len(expected) >= MIN_RECOVERED, misses


def test_values_the_blank_form_prints_are_named_and_skipped(tmp_path: Path) -> None:
    if not TENDER.is_file():
        pytest.skip("shared/corpus/peers is not beside the repo")
    draft = draft_spec(TENDER, "tender")
    printed = draft.spec["form"]["printed"]
    assert "方向东" in printed["contact_name"]  # 项目联系人（询问）：方向东, in the notice
    notes = [n for n in draft.notes if n.code == "draft-label-printed"]
    assert {n.key for n in notes} == set(printed)


@pytest.mark.parametrize("name", ["firm", "talent", "tech"])
@pytest.mark.parametrize("kind", ["docx", "xlsx"])
def test_drafted_spec_round_trip(tmp_path: Path, name: str, kind: str) -> None:
    """As for the shipped specs: data → the draft's own form, filled → read → the data."""
    from formkit.extract import extract, recognise
    from formkit.pipeline import read_document
    from formkit.writers.forms import writer_for

    from .clerk import typed_value

    blank = BLANKS[name](tmp_path)
    draft = draft_spec(blank, name)
    write_draft(draft, render(draft, blank.name), tmp_path / "spec")
    spec = load_spec(name, tmp_path / "spec")
    data: dict[str, object] = {f.key: typed_value(f, n)[1] for n, f in enumerate(spec.fields)}
    if spec.table is not None:
        data[spec.table.key] = [{c.key: f"示范{n}{c.key}" for c in spec.columns} for n in range(3)]
    doc = read_document(f"{name}.{kind}", writer_for(name, kind)(spec, data), kind)
    assert recognise(doc, {name: spec}) == name
    got = extract(doc, spec).data()
    if spec.table is not None:
        got[spec.table.key] = got.pop("indicators")
    assert got == data
