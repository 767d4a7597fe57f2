"""The 市级推荐文件 (``city_letter``): an official letter, not a form — no labels, just
paragraphs. It is recognised and read by its shape:

- 发文字号: the first paragraph that is a document number (``并工信发〔2020〕12号``; other
  brackets are read too and flagged by validation);
- the city: a labelled line (``推荐地市：太原市``), else the issuing agency at the top or in
  the signature (``太原市工业和信息化局`` → 太原市);
- the zones, in order: a table with a 开发区名称 column, else the numbered paragraphs after
  the paragraph that says 推荐 (``1. 太原样例经济技术开发区``), else the zone names written
  inline in that paragraph (``推荐太原样例经济技术开发区、太原演示工业园区``);
- 成文日期: the last paragraph that is a date (``2020年3月20日``).

A spec opts in with ``form: {reader: letter}`` (validators/city_letter.yaml).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from formkit.model.document import Cell, Document, Location, Paragraph, Table
from formkit.model.findings import finding
from formkit.model.record import Record, Value
from formkit.model.resources import text_map, word, words
from formkit.normalize import NormalizeError, normalize
from formkit.spec import FormSpec

READER = "letter"
POINTS = 8  # enough to win over nothing, far below a filled form's label hits
_NO: dict[str, str] = text_map("identifiers", "docno")
_DOCNO = re.compile(
    rf"^\s*(\S{{1,12}}?[〔\[【（(［]\s*\d{{4}}\s*[〕\]】）)］]\s*{_NO['ordinal']}?\s*\d+\s*{_NO['number']})\s*$"
)
_YEAR, _MONTH, _DAY = (word("calendar", k) for k in ("year", "month", "day"))
_DATE = re.compile(rf"^\s*(\d{{4}}\s*{_YEAR}\s*\d{{1,2}}\s*{_MONTH}\s*\d{{1,2}}\s*{_DAY})\s*$")
_CITY_SUFFIX = word("extract", "city_suffix")
_CITY = re.compile(
    rf"^([\u4e00-\u9fff]{{2,4}}?{_CITY_SUFFIX})(?!{word('extract', 'city_not_followed_by')})"
)
_CITY_LABEL = re.compile(
    rf"^\s*(?:{'|'.join(words('extract', 'city_labels'))})\s*[:：]\s*(\S+?{_CITY_SUFFIX})"
)
_CN = word("normalize", "numbering_digits")
_ITEM = re.compile(
    rf"^\s*(?:\d{{1,2}}\s*[.、．)）]|[（(]\s*\d{{1,2}}\s*[)）]|[{_CN}]{{1,2}}、)\s*(.+)$"
)
_ZONE_SUFFIX = f"(?:{'|'.join(words('extract', 'zone_suffixes'))})"
_ZONE_NAME = re.compile(r"[\u4e00-\u9fff（）()]{2,30}?" + _ZONE_SUFFIX)
_ZONE_END = re.compile(r"^(.*?" + _ZONE_SUFFIX + r")")
_LEADING_VERB = re.compile(f"^.*?(?:{'|'.join(words('extract', 'leading_verbs'))})")
_ZONE_HEADERS = words("extract", "zone_headers")
_RECOMMEND, _ISSUER_SUFFIX = word("extract", "recommend"), word("extract", "issuer_suffix")


def looks_like_letter(doc: Document) -> bool:
    paragraphs = [p.text for p in doc.paragraphs]
    has_docno = any(_DOCNO.match(t) for t in paragraphs)
    recommends = any(_RECOMMEND in t for t in paragraphs)
    return has_docno and recommends and bool(_zones(doc))


def score(doc: Document) -> int:
    """Points for recognition: a document number, a paragraph that recommends, and zones."""
    return POINTS if looks_like_letter(doc) else 0


def read_letter(doc: Document, spec: FormSpec) -> Record:
    record = Record(form=spec.name, layout="letter")
    paragraphs = [p for p in doc.paragraphs if p.text.strip()]
    docno = next((p for p in paragraphs if _DOCNO.match(p.text)), None)
    if docno is not None:
        _docno(record, spec, docno)
    issuer = _issuer(paragraphs, docno)
    if issuer is not None:
        name = issuer.text.strip().removesuffix(_ISSUER_SUFFIX)
        _put(record, spec, "issuer", name, issuer.location)
    city = _city(paragraphs, issuer)
    if city is not None:
        _put(record, spec, "city", city[0], city[1])
    zones = _zones(doc)
    if zones:
        names = [name for name, _ in zones]
        record.fields["zones"] = Value("、".join(names), names, zones[0][1])
    dated = [p for p in paragraphs if _DATE.match(p.text)]
    if dated:
        _put(record, spec, "issue_date", dated[-1].text.strip(), dated[-1].location)
    return record


def _docno(record: Record, spec: FormSpec, paragraph: Paragraph) -> None:
    """The document number; brackets other than 〔〕 are read and flagged."""
    found = _DOCNO.match(paragraph.text)
    raw = found[1] if found else paragraph.text.strip()
    _put(record, spec, "doc_no", raw, paragraph.location)
    if "〔" not in raw:
        label = spec.field("doc_no").label
        record.findings.append(
            finding("docno-brackets", field=label, location=paragraph.location, raw=raw)
        )


def _put(record: Record, spec: FormSpec, key: str, raw: str, where: Location) -> None:
    field = spec.field(key)
    try:
        value = normalize(field.kind, raw)
    except NormalizeError:
        record.findings.append(
            finding("bad-value", field=field.label, location=where, raw=raw, kind=field.kind)
        )
        record.invalid[key] = Value(raw, None, where)
        return
    record.fields[key] = Value(raw, value, where)


def _issuer(paragraphs: list[Paragraph], docno: Paragraph | None) -> Paragraph | None:
    """The agency: the 版头 line above the document number, else the signature line."""
    head = paragraphs[: paragraphs.index(docno)] if docno in paragraphs else paragraphs[:3]
    for p in reversed(head):
        if _CITY.match(p.text.strip()) and len(p.text.strip()) <= 30:
            return p
    for p in reversed(paragraphs[-4:]):
        if _CITY.match(p.text.strip()) and len(p.text.strip()) <= 30 and not _DATE.match(p.text):
            return p
    return None


def _city(paragraphs: list[Paragraph], issuer: Paragraph | None) -> tuple[str, Location] | None:
    for p in paragraphs:
        labelled = _CITY_LABEL.match(p.text)
        if labelled:
            return labelled[1], p.location
    if issuer is not None:
        found = _CITY.match(issuer.text.strip())
        if found:
            return found[1], issuer.location
    return None


# --- the recommended zones ------------------------------------------------------------------


def _zones(doc: Document) -> list[tuple[str, Location]]:
    for table in doc.all_tables():
        from_table = _table_zones(table)
        if from_table:
            return from_table
    return _paragraph_zones(doc.paragraphs)


def _table_zones(table: Table) -> list[tuple[str, Location]]:
    rows = table.rows()
    for r, row in enumerate(rows):
        for cell in row:
            if re.sub(r"\s", "", cell.text) in _ZONE_HEADERS:
                below = (_cell_at(rows, i, cell.col) for i in range(r + 1, len(rows)))
                return [(name, loc) for name, loc in below if name]
    return []


def _cell_at(rows: list[list[Cell]], r: int, col: int) -> tuple[str, Location]:
    for cell in rows[r]:
        if cell.col == col:
            return _zone_text(cell.text), cell.location
    return "", Location()


def _paragraph_zones(paragraphs: list[Paragraph]) -> list[tuple[str, Location]]:
    start = next((i for i, p in enumerate(paragraphs) if _RECOMMEND in p.text), None)
    if start is None:
        return []
    items = list(_numbered(paragraphs[start + 1 :]))
    if items:
        return items
    inline = _LEADING_VERB.sub("", paragraphs[start].text, count=1)
    return [(m.group(0), paragraphs[start].location) for m in _ZONE_NAME.finditer(inline)]


def _numbered(paragraphs: list[Paragraph]) -> Iterator[tuple[str, Location]]:
    """Consecutive numbered items naming a zone (the list ends at the first other text)."""
    seen = False
    for p in paragraphs:
        item = _ITEM.match(p.text)
        name = _zone_text(item[1]) if item else ""
        if name:
            seen = True
            yield name, p.location
        elif seen:
            return


def _zone_text(text: str) -> str:
    """The zone name in an item: ``太原样例经济技术开发区（载体：…）；`` → the name."""
    text = re.sub(r"\s", "", text)
    found = _ZONE_END.match(text)
    return found[1] if found else ""
