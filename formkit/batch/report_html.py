"""report.html: a static page a reviewer opens in a browser — per city, per zone, every issue,
with links to the opinion files and the summary workbook.

Rendered from ``templates/report.html.j2`` by Jinja with autoescape and ``StrictUndefined``;
the variables the template needs are compared with the data before rendering, so a bureau's
edited template that asks for something unknown fails naming the template and the names.
"""

from __future__ import annotations

import hashlib
from pathlib import Path
from urllib.parse import quote

import jinja2
from jinja2 import meta

from formkit.batch.opinions import document_of
from formkit.batch.review import Review, ZoneReview, not_forms
from formkit.batch.status import PASSED, REJECTED, RULES, STATUSES, Issue
from formkit.codes import CODES
from formkit.errors import TemplateError
from formkit.resources import templates_dir

TEMPLATE = "report.html.j2"
SUMMARY_NAME = "汇总表.xlsx"
_CSS = {PASSED: "s-pass", REJECTED: "s-reject"}


def report_html(
    rev: Review,
    opinion_files: dict[str, str],
    *,
    templates: Path | None = None,
    changes: dict[str, list[str]] | None = None,
) -> bytes:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(templates or templates_dir())),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
    )
    context = report_context(rev, opinion_files, changes)
    _check_needs(env, context)
    try:
        return env.get_template(TEMPLATE).render(context).encode("utf-8")
    except jinja2.TemplateError as exc:
        raise TemplateError(
            CODES["template-undefined"].render(
                "zh", template=TEMPLATE, context="?", detail=str(exc)
            )
        ) from None


def _check_needs(env: jinja2.Environment, context: dict[str, object]) -> None:
    assert env.loader is not None
    try:
        source = env.loader.get_source(env, TEMPLATE)[0]
        needs = meta.find_undeclared_variables(env.parse(source))
    except jinja2.TemplateNotFound:
        raise TemplateError(
            CODES["template-unreadable"].render("zh", template=TEMPLATE, detail="找不到模板文件")
        ) from None
    except jinja2.TemplateSyntaxError as exc:
        raise TemplateError(
            CODES["template-syntax"].render(
                "zh", template=TEMPLATE, context=f"第{exc.lineno}行", detail=exc.message
            )
        ) from None
    missing = sorted(needs - context.keys())
    if missing:
        raise TemplateError(
            CODES["template-missing-data"].render("zh", template=TEMPLATE, names="、".join(missing))
        )


def report_context(
    rev: Review, opinion_files: dict[str, str], changes: dict[str, list[str]] | None = None
) -> dict[str, object]:
    """``changes``: per dossier key, the lines of 上轮意见整改情况 (batch --round from 2)."""
    by_city: dict[str, list[ZoneReview]] = {}
    for z in rev.zones:
        by_city.setdefault(z.city, []).append(z)
    letters = {rev.grouping.letters[c].file: c for c in rev.grouping.letters}
    cities = []
    for n, (city, zones) in enumerate(sorted(by_city.items()), 1):
        letter = next((f for f, c in letters.items() if c == city), "")
        cities.append(
            {
                "name": city,
                "anchor": f"city-{n}",
                "letter": letter,
                "zones": [_zone(z, opinion_files, changes or {}) for z in zones],
            }
        )
    skipped = ""
    if rev.skipped:
        skipped = CODES["checks-skipped"].render("zh", checks="、".join(rev.skipped))
    counted = [{"name": s, "count": sum(z.status == s for z in rev.zones)} for s in STATUSES]
    return {
        "title": "合规性审核情况",
        "totals": {"files": len(rev.files), "zones": len(rev.zones), "by_status": counted},
        "not_forms": _not_forms(rev),
        "summary_href": quote(SUMMARY_NAME),
        "summary_name": SUMMARY_NAME,
        "skipped": skipped,
        "rules": list(RULES),
        "cities": cities,
        "others": [{**_issue(i), "document": i.file or i.document} for i in rev.other_issues],
    }


def _not_forms(rev: Review) -> str:
    count = not_forms(rev)
    return CODES["files-not-forms"].render("zh", count=count) if count else ""


def _zone(
    z: ZoneReview, opinion_files: dict[str, str], changes: dict[str, list[str]]
) -> dict[str, object]:
    subsidy = z.subsidy()
    href = opinion_files.get(z.dossier.key)
    anchor = "zone-" + hashlib.sha1(z.dossier.key.encode()).hexdigest()[:10]
    return {
        "zone": z.zone,
        "anchor": anchor,
        "carrier": z.carrier(),
        "subsidy": "" if subsidy is None else f"{subsidy:.2f}",
        "errors": z.errors,
        "warnings": z.warnings,
        "status": z.status,
        "css": _CSS.get(z.status, "s-fix"),
        "opinion_href": quote(href) if href else "",
        "issues": [_issue(i) for i in z.issues],
        "changes": changes.get(z.dossier.key, []),
    }


def _issue(i: Issue) -> dict[str, str]:
    return {
        "severity": i.severity,
        "severity_zh": i.severity_zh,
        "document": document_of(i),
        "place": i.location or "",
        "message": i.message,
        "code": i.code,
    }
