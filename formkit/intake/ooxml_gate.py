"""What the gate looks for inside an OOXML package (after the zip audit passed).

- every part's prolog is scanned for a DTD (:mod:`formkit.intake.xmlscan`);
- ``vbaProject.bin`` anywhere means macros;
- relationships with ``TargetMode="External"`` other than hyperlinks are external
  references: an attached template (``attachedTemplate``), a linked workbook
  (``externalLinkPath``), a linked picture or OLE object, a frame. None is ever followed;
  each becomes part of one ``external-reference`` warning.
"""

from __future__ import annotations

import zipfile
from dataclasses import dataclass, field

from lxml import etree

from formkit.intake.limits import Limits
from formkit.intake.names import safe_display
from formkit.intake.xmlscan import UnsafeXml, check_stream
from formkit.intake.zipaudit import member_label
from formkit.intake.zipread import Reader, member_reader
from formkit.model.codes import text
from formkit.model.errors import InputFileError

_RELS_CAP = 8 * 1024 * 1024
_SHOWN_REFS = 3
_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)


@dataclass
class PackageReport:
    macros: bool = False
    external: list[str] = field(default_factory=list)


def scan_package(archive: zipfile.ZipFile, data: bytes, name: str, limits: Limits) -> PackageReport:
    """Scan every part of an audited OOXML package; raises ``InputFileError`` on a DTD."""
    report = PackageReport()
    for info in archive.infolist():
        if info.is_dir():
            continue
        _check_part(member_reader(archive, data, info), info, name, limits)
        lower = info.filename.casefold()
        if lower.rsplit("/", 1)[-1] == "vbaproject.bin":
            report.macros = True
        elif lower.endswith(".rels"):
            raw = member_reader(archive, data, info)(_RELS_CAP + 1)
            report.external.extend(_external_targets(raw, info, name))
    if len(report.external) > _SHOWN_REFS:
        more = len(report.external) - _SHOWN_REFS
        report.external[_SHOWN_REFS:] = [text("more-places", n=more)]
    return report


def _check_part(read: Reader, info: zipfile.ZipInfo, name: str, limits: Limits) -> None:
    try:
        check_stream(read, limits.prolog_budget)
    except UnsafeXml as exc:
        raise InputFileError("file-unsafe", name, place=member_label(info), **exc.params) from exc


def _external_targets(raw: bytes, info: zipfile.ZipInfo, name: str) -> list[str]:
    if len(raw) > _RELS_CAP:
        raise InputFileError("file-unsafe", name, place=member_label(info), reason="rels-too-large")
    try:
        root = etree.fromstring(raw, _PARSER)
    except etree.XMLSyntaxError:
        return []  # a broken relationships part is the reader's to report
    found: list[str] = []
    for rel in root:
        if (rel.get("TargetMode") or "").casefold() != "external":
            continue
        kind = (rel.get("Type") or "").rstrip("/").rsplit("/", 1)[-1]
        if kind.casefold() == "hyperlink":
            continue
        found.append(f"{kind} → {safe_display(rel.get('Target') or '', 80)}")
    return found
