"""report.html: a static page a reviewer opens in a browser — per city, per zone, every issue,
with links to the opinion files and the summary workbook.

Rendered from ``templates/report.html.j2`` by Jinja with autoescape and ``StrictUndefined``;
the variables the template needs are compared with the data before rendering, so a bureau's
edited template that asks for something unknown fails naming the template and the names.
"""

from __future__ import annotations

import hashlib
from pathlib import Path, PurePosixPath
from urllib.parse import quote

import jinja2
from jinja2 import meta

from formkit.jobs.batch.opinions import document_of
from formkit.jobs.batch.review import Review, ZoneReview, not_forms
from formkit.jobs.batch.status import PASSED, REJECTED, STATUSES, Issue, rules, skipped_text
from formkit.model.codes import CODES, place_text, text, value_text
from formkit.model.errors import TemplateError
from formkit.model.resources import templates_dir, word

TEMPLATE = "report.html.j2"
SUMMARY_NAME = word("batch", "summary_file")
_CSS = {PASSED: "s-pass", REJECTED: "s-reject"}


def report_html(
    rev: Review,
    opinion_files: dict[str, str],
    *,
    templates: Path | None = None,
    changes: dict[str, list[str]] | None = None,
    lang: str = "zh",
) -> bytes:
    """The page; its words (headings, statuses, messages, places) in ``lang``."""
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(templates or templates_dir())),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
    )
    context = report_context(rev, opinion_files, changes, lang)
    _check_needs(env, context)
    try:
        return env.get_template(TEMPLATE).render(context).encode("utf-8")
    except jinja2.TemplateError as exc:
        raise TemplateError(
            "template-undefined", template=TEMPLATE, context="?", detail=str(exc)
        ) from None


def _check_needs(env: jinja2.Environment, context: dict[str, object]) -> None:
    assert env.loader is not None
    try:
        source = env.loader.get_source(env, TEMPLATE)[0]
        needs = meta.find_undeclared_variables(env.parse(source))
    except jinja2.TemplateNotFound:
        raise TemplateError(
            "template-unreadable", template=TEMPLATE, reason="template-not-found"
        ) from None
    except jinja2.TemplateSyntaxError as exc:
        raise TemplateError(
            "template-syntax",
            template=TEMPLATE,
            context_word="place-row",
            n=exc.lineno,
            detail=exc.message,
        ) from None
    missing = sorted(needs - context.keys())
    if missing:
        raise TemplateError("template-missing-data", template=TEMPLATE, names_words=missing)


WORDS = {
    "summary_link": "report-summary-link",
    "rules_heading": "rules-heading",
    "zone": "col-zone",
    "carrier": "col-carrier",
    "subsidy": "col-subsidy",
    "errors": "report-errors",
    "warnings": "report-warnings",
    "status": "col-status",
    "opinion": "report-opinion",
    "changes": "report-changes",
    "severity": "col-severity",
    "document": "col-document",
    "file": "col-file",
    "place": "col-place",
    "message": "col-message",
    "code": "col-code",
    "no_issues": "report-no-issues",
    "others": "report-others",
    "full_stop": "full-stop",
}
HTML_LANG = {"zh": "zh-CN", "en": "en"}


def report_context(
    rev: Review,
    opinion_files: dict[str, str],
    changes: dict[str, list[str]] | None = None,
    lang: str = "zh",
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
                "name": value_text(city, lang),
                "anchor": f"city-{n}",
                "nav": text("report-nav", lang, city=value_text(city, lang), count=len(zones)),
                "letter": text("report-letter", lang, file=letter) if letter else "",
                "zones": [_zone(z, opinion_files, changes or {}, lang) for z in zones],
            }
        )
    counted = [
        {"name": value_text(s, lang), "count": sum(z.status == s for z in rev.zones)}
        for s in STATUSES
    ]
    return {
        "lang": HTML_LANG.get(lang, lang),
        "title": text("report-title", lang),
        "words": {name: text(key, lang) for name, key in WORDS.items()},
        "intro": _intro(rev, counted, lang),
        "totals": {"files": len(rev.files), "zones": len(rev.zones), "by_status": counted},
        "not_forms": _not_forms(rev, lang),
        "summary_href": quote(SUMMARY_NAME),
        "summary_name": SUMMARY_NAME,
        "skipped": skipped_text(rev.skipped, lang),
        "rules": list(rules(lang)),
        "cities": cities,
        "others": [
            {**_issue(i, lang), "document": i.file or value_text(i.document, lang)}
            for i in rev.other_issues
        ],
    }


def _intro(rev: Review, counted: list[dict[str, object]], lang: str) -> str:
    """共读取文件…个, 形成…份: the page's first sentence."""
    by_status = text("report-status-sep", lang).join(
        text("report-status-count", lang, status=c["name"], count=c["count"]) for c in counted
    )
    stray = _not_forms(rev, lang)
    apart = text("report-apart", lang, text=stray) if stray else ""
    return text(
        "report-totals",
        lang,
        files=len(rev.files),
        zones=len(rev.zones),
        by_status=by_status,
        apart=apart,
    )


def _not_forms(rev: Review, lang: str = "zh") -> str:
    count = not_forms(rev)
    return CODES["files-not-forms"].render(lang, count=count) if count else ""


def _zone(
    z: ZoneReview, opinion_files: dict[str, str], changes: dict[str, list[str]], lang: str
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
        "status": value_text(z.status, lang),
        "css": _CSS.get(z.status, "s-fix"),
        "opinion_href": quote(href) if href else "",
        "issues": [_issue(i, lang) for i in z.issues],
        "changes": changes.get(z.dossier.key, []),
    }


def _issue(i: Issue, lang: str = "zh") -> dict[str, str]:
    return {
        "severity": i.severity,
        "severity_zh": i.severity_in(lang),  # the name older templates use
        "severity_text": i.severity_in(lang),
        "document": document_in(i, lang),
        "place": place_text(i.location, lang),
        "message": i.message_in(lang),
        "code": i.code,
    }


def document_in(i: Issue, lang: str) -> str:
    """The document and the file it came in (``申报信息表（申报表.docx）``), in ``lang``."""
    if lang != "en":
        return document_of(i)
    document = value_text(i.document, lang)
    if not i.file:
        return document
    name = PurePosixPath(i.file.rpartition("!")[2] or i.file).name
    if not i.document or PurePosixPath(name).stem == i.document:
        return name
    return text("document-file", lang, document=document, file=name)
