"""Invariants Word keeps in every document it writes, beyond the schema.

- a table is never the last element of the body or of a cell: Word keeps a paragraph after it
  (LibreOffice's .doc export drops a table that ends the body);
- every cell ends with a paragraph (the schema wants one w:p in a cell; Word wants it last);
- ids are unique: wp:docPr/@id across the drawings of a part, w:bookmarkStart/@w:id.
"""

from __future__ import annotations

import zipfile
from collections import Counter
from pathlib import Path

from lxml import etree

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
WP = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"
_CONTAINERS = ("body", "tc")
_STORY = ("word/document.xml", "word/header", "word/footer", "word/footnotes", "word/endnotes")


def _local(el: etree._Element) -> str:
    return etree.QName(el).localname if isinstance(el.tag, str) else ""


def _block_children(container: etree._Element) -> list[etree._Element]:
    """Block-level children, the body's closing w:sectPr left out."""
    return [c for c in container if _local(c) not in ("", "sectPr", "tcPr")]


def part_breaches(name: str, root: etree._Element) -> list[str]:
    found = []
    for container in root.iter(*(f"{{{W}}}{c}" for c in _CONTAINERS)):
        blocks = _block_children(container)
        where = f"{name}:{root.getroottree().getpath(container)}"
        if blocks and _local(blocks[-1]) == "tbl":
            found.append(f"{where}: ends with a table, no paragraph after it")
        if _local(container) == "tc" and (not blocks or _local(blocks[-1]) != "p"):
            found.append(f"{where}: the cell does not end with a paragraph")
    ids = Counter(el.get("id") for el in root.iter(f"{{{WP}}}docPr"))
    marks = Counter(el.get(f"{{{W}}}id") for el in root.iter(f"{{{W}}}bookmarkStart"))
    found += [f"{name}: wp:docPr id {i} used {n} times" for i, n in ids.items() if n > 1]
    found += [f"{name}: bookmark id {i} used {n} times" for i, n in marks.items() if n > 1]
    return found


def breaches(path: Path) -> list[str]:
    """Every breach of Word's invariants in the document's stories."""
    found: list[str] = []
    doc_pr_ids: Counter[str | None] = Counter()
    with zipfile.ZipFile(path) as z:
        for name in z.namelist():
            if name.startswith(_STORY) and name.endswith(".xml"):
                root = etree.fromstring(z.read(name))
                found += part_breaches(name, root)
                doc_pr_ids.update(el.get("id") for el in root.iter(f"{{{WP}}}docPr"))
    found += [f"wp:docPr id {i} used in {n} places" for i, n in doc_pr_ids.items() if n > 1]
    return sorted(set(found))
