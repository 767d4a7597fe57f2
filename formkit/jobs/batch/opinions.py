"""The 合规性审核意见 of one zone: the data the ``opinion`` notice template takes
(docs/templates.md, samples/notices/opinion.yaml), built from the zone's review."""

from __future__ import annotations

import re
from pathlib import PurePosixPath
from typing import Any

from formkit.jobs.batch.review import ZoneReview
from formkit.jobs.batch.status import INELIGIBLE, PASSED, REJECTED, Issue
from formkit.model.codes import CODES, text
from formkit.model.resources import word

# an opinion is an official document: its words are the catalogue's Chinese (opinion-*)
DEFAULT_AGENCY = text("opinion-agency")
FOLDER = word("batch", "opinion_folder")
_UNSAFE = re.compile(r'[\\/:*?"<>|\x00-\x1f]')


def opinion_data(zone: ZoneReview, *, agency: str | None, date: str) -> dict[str, object]:
    problems = [i for i in zone.issues if i.severity in ("error", "warning")]
    data: dict[str, Any] = {
        "agency": agency or DEFAULT_AGENCY,
        "zone": zone.zone,
        "city": zone.city,
        "findings": [_problem(i) for i in problems],
        "suggestions": suggestions(problems),
        "conclusion": conclusion(zone),
        "date": date,
    }
    notes = [i.message for i in zone.issues if i.code == "demo-county-priority"]
    if notes:
        data["note"] = notes[0]
    return data


def _problem(i: Issue) -> dict[str, str]:
    return {"document": document_of(i), "place": i.location or "", "message": i.message}


def document_of(i: Issue) -> str:
    """``申报信息表（申报表.docx）``: the document and the file it came in."""
    if not i.file:
        return i.document
    name = PurePosixPath(i.file.rpartition("!")[2] or i.file).name
    if not i.document or PurePosixPath(name).stem == i.document:
        return name
    return f"{i.document}（{name}）"


def suggestions(problems: list[Issue]) -> list[str]:
    """完善建议: each code's own hint, else a general one per document; each said once."""
    out: list[str] = []
    for i in problems:
        hint = CODES[i.code].hint if i.code in CODES else ""
        advice = (
            _sentence(hint)
            if hint
            else text("opinion-advice", document=i.document or text("opinion-documents"))
        )
        if i.field and hint:
            advice = f"“{i.field}”：{advice}"
        if advice not in out:
            out.append(advice)
    return out


def _sentence(text: str) -> str:
    return text if text.endswith(("。", "！", "？")) else text + "。"


def conclusion(zone: ZoneReview) -> str:
    if zone.status == PASSED:
        return text("opinion-passed")
    if zone.status == REJECTED:
        reasons = "；".join(dict.fromkeys(i.message for i in zone.issues if _ineligible(i)))
        return text("opinion-rejected", reasons=reasons)
    # the list above holds errors and warnings: both counts, so the sentence matches it
    also = text("opinion-also", warnings=zone.warnings) if zone.warnings else ""
    return text("opinion-to-fix", errors=zone.errors, also=also)


def _ineligible(i: Issue) -> bool:
    return i.code in INELIGIBLE and i.severity == "error"


def opinion_path(zone: ZoneReview, taken: set[str]) -> str:
    """``审核意见/<市>/<开发区>.docx`` (relative to the output folder), unique in ``taken``."""
    city, name = safe_name(zone.city), safe_name(zone.zone)
    path = f"{FOLDER}/{city}/{name}.docx"
    n = 2
    while path in taken:
        path = f"{FOLDER}/{city}/{name}（{n}）.docx"
        n += 1
    taken.add(path)
    return path


def safe_name(text: str) -> str:
    cleaned = _UNSAFE.sub("_", text).strip(" .")
    return cleaned[:80] or word("batch", "unnamed")
