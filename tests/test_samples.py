"""The committed samples are exactly what scripts/make_samples.py and
scripts/make_progress_samples.py write today, compared by content (every part of a package as
canonical XML, volatile metadata dropped), so a writer fix reaches them."""

from __future__ import annotations

import importlib.util
import io
import sys
import zipfile
from pathlib import Path
from types import ModuleType

import pytest
from lxml import etree

from .writers.ooxml_content import VOLATILE

ROOT = Path(__file__).resolve().parent.parent
SCRIPTS = ROOT / "scripts"
SAMPLES = ROOT / "samples"
# LibreOffice stamps the time into a PDF: the one PDF plan is compared by its source only
# (make_samples.write_inbox(pdf=False) leaves it out).
PDF_PLAN = Path("太原市/太原演示工业园区/两年期实施方案.pdf")


def script(name: str) -> ModuleType:
    sys.path.insert(0, str(SCRIPTS))  # make_progress_samples imports make_samples
    try:
        spec = importlib.util.spec_from_file_location(name, SCRIPTS / f"{name}.py")
        assert spec and spec.loader
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        return module
    finally:
        sys.path.remove(str(SCRIPTS))


def part(data: bytes) -> bytes:
    """An XML part as canonical XML without volatile metadata; any other part as it is."""
    try:
        root = etree.fromstring(data)
    except etree.XMLSyntaxError:
        return data  # docProps/thumbnail.jpeg
    for el in list(root.iter()):
        if isinstance(el.tag, str) and etree.QName(el).localname in VOLATILE:
            el.getparent().remove(el)
    return etree.tostring(root, method="c14n2")


def members(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return {i.filename: archive.read(i) for i in archive.infolist()}


def differences(name: str, old: bytes, new: bytes) -> list[str]:
    """Where two files differ by content: a package part by part as canonical XML (parts
    with equal bytes need no parsing), an archive member by member, anything else by bytes."""
    if old == new:
        return []
    if not (zipfile.is_zipfile(io.BytesIO(old)) and zipfile.is_zipfile(io.BytesIO(new))):
        return [name]
    a, b = members(old), members(new)
    if sorted(a) != sorted(b):
        return [f"{name}: parts {sorted(set(a) ^ set(b))}"]
    if name.endswith((".docx", ".xlsx")):
        return [f"{name}/{n}" for n in a if a[n] != b[n] and part(a[n]) != part(b[n])]
    return [d for n in a for d in differences(f"{name}/{n}", a[n], b[n])]


def files(root: Path) -> dict[Path, bytes]:
    return {p.relative_to(root): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


@pytest.mark.parametrize(
    ("folder", "writer"),
    [
        ("inbox", ("make_samples", "write_inbox")),
        ("progress", ("make_progress_samples", "write_progress")),
    ],
)
def test_committed_samples_are_what_the_scripts_write(
    tmp_path: Path, folder: str, writer: tuple[str, str]
) -> None:
    module, function = writer
    kwargs = {"pdf": False} if function == "write_inbox" else {}
    getattr(script(module), function)(tmp_path, **kwargs)
    committed = {
        p: c for p, c in files(SAMPLES / folder).items() if p != PDF_PLAN and p.suffix != ".md"
    }
    regenerated = files(tmp_path)
    assert sorted(regenerated) == sorted(committed)
    stale = [d for p in committed for d in differences(str(p), committed[p], regenerated[p])]
    assert stale == [], f"run scripts/{module}.py and commit what it writes"


def test_the_comparison_sees_a_changed_cell(tmp_path: Path) -> None:
    """The comparison is not blind: one changed value in a package differs; new timestamps
    in the zip and in docProps/core.xml do not."""
    sample = SAMPLES / "inbox" / "太原市" / "太原样例经济技术开发区" / "申报信息表.docx"
    data = sample.read_bytes()
    changed = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(changed, "w") as dst:
        for info in src.infolist():
            part = src.read(info)
            if info.filename == "word/document.xml":
                part = part.replace("太原样例".encode(), "太原演示".encode(), 1)
            dst.writestr(info, part)
    assert differences(sample.name, data, changed.getvalue()) == [
        f"{sample.name}/word/document.xml"
    ]
    restamped = io.BytesIO()  # other zip timestamps and core dates: the same content
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(restamped, "w") as dst:
        for info in src.infolist():
            part_ = src.read(info)
            if info.filename == "docProps/core.xml":
                part_ = part_.replace(b"2020-01-01T00:00:00Z", b"2026-12-01T21:00:00Z")
            dst.writestr(zipfile.ZipInfo(info.filename, (2026, 12, 1, 21, 0, 0)), part_)
    assert restamped.getvalue() != data
    assert differences(sample.name, data, restamped.getvalue()) == []
