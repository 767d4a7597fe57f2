"""Checks of a zone's dossier as a whole, and of the batch against the programme's rules.

Single forms were checked when they were read (:mod:`formkit.validate`); here:

====================================  =========================================================
check                                 codes
====================================  =========================================================
every required document present       ``document-missing``
the same facts in every document      ``field-mismatch`` (name, code, carrier, period, amounts;
                                      a zone name differing only in wording is a warning)
the plan's fund uses = Form A amount  ``fund-uses-mismatch``, ``fund-uses-missing``
the plan's yearly targets = Form B    ``plan-targets-mismatch``
several versions of a form            ``duplicate-version`` (the newest is used)
each city within its quota            ``quota-exceeded`` (programme)
示范县                                ``demo-county-priority`` (note), ``demo-county-unlisted``
the city letter lists the zones       ``letter-zone-missing`` (on the letter),
                                      ``letter-zone-extra`` (on the zone)
====================================  =========================================================

Catalogue, 省级, carrier type and city were checked per form (with the programme).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING

from formkit.jobs.batch.dossier import Dossier, Grouping, Identify, Submission
from formkit.jobs.batch.status import Issue, issue
from formkit.model.codes import text
from formkit.programme.zonenames import zone_key

if TYPE_CHECKING:
    from formkit.programme.model import Programme

REQUIRED = ("application", "targets", "plan")
# (what, {form: key}) — the facts every document of a dossier must state alike
COMPARED: tuple[tuple[str, dict[str, str]], ...] = (
    ("zone_name", {"application": "zone_name", "targets": "zone_name", "plan": "zone_name"}),
    ("zone_code", {"application": "zone_code", "targets": "zone_code", "plan": "zone_code"}),
    (
        "carrier_name",
        {"application": "carrier_name", "targets": "carrier_name", "plan": "carrier_name"},
    ),
    ("period_start", {"application": "period_start", "targets": "period_start"}),
    ("period_end", {"application": "period_end", "targets": "period_end"}),
    (
        "subsidy",
        {"application": "subsidy_requested", "targets": "subsidy", "plan": "subsidy_requested"},
    ),
    ("local_funds", {"application": "local_funds", "targets": "local_funds"}),
    ("other_funds", {"application": "other_funds", "targets": "other_funds"}),
)
# the checks that need the programme, by their names as stored (codes.value_text renders them)
PROGRAMME_CHECKS = tuple(text(f"check-{c}") for c in ("catalogue", "city", "quota", "demo-county"))
# (the plan's goal, Form B's target, the catalogue line naming the year)
YEARS = (("year1_goal", "target_y1", "year-1"), ("year2_goal", "target_y2", "year-2"))
INDICATOR_KEYS = ("indicator", *(target for _, target, _ in YEARS))  # what plan_targets reads
# the fields whose places the checks name, and (with those) the fields the checks read
SOURCED = tuple(
    sorted(
        {k for _, keys in COMPARED for k in keys.values()}
        | {goal for goal, _, _ in YEARS}
        | {"fund_uses", "in_demo_county", "zones"}
    )
)
READ = tuple(sorted({*SOURCED, "city", "county", "doc_no"}))
_NUMBER = re.compile(r"\d+(?:\.\d+)?")
_CLAUSE_END = re.compile(r"[，,。；;\n]")

Titles = dict[str, str]
Labels = Callable[[str, str], str]


def _fmt(value: float) -> str:
    return f"{value:.2f}".rstrip("0").rstrip(".")


def _number(value: object) -> float | None:
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    return float(value)


def _squash(value: object) -> str:
    return re.sub(r"\s", "", str(value)).replace("(", "（").replace(")", "）")


# --- one dossier ------------------------------------------------------------------------------


def check_dossier(d: Dossier, titles: Titles, label: Labels) -> list[Issue]:
    return [
        *documents_present(d, titles),
        *versions(d, titles),
        *fields_agree(d, titles, label),
        *fund_uses(d, titles, label),
        *plan_targets(d, titles),
    ]


def documents_present(d: Dossier, titles: Titles) -> Iterator[Issue]:
    for form in REQUIRED:
        if form not in d.forms:
            yield issue("document-missing", document=titles[form])


def versions(d: Dossier, titles: Titles) -> Iterator[Issue]:
    for form, older in sorted(d.older.items()):
        used = d.forms[form]
        yield issue(
            "duplicate-version",
            file=used.file,
            document=titles.get(form, form),
            chosen=used.file,
            others_words=[s.file for s in older],  # joined in the output's language
        )


def fields_agree(d: Dossier, titles: Titles, label: Labels) -> Iterator[Issue]:
    for _what, keys in COMPARED:
        present = [
            (f, keys[f], d.forms[f])
            for f in REQUIRED
            if f in keys and d.value(f, keys[f]) not in (None, "")
        ]
        if len(present) < 2:
            continue
        ref_form, ref_key, ref = present[0]
        for form, key, sub in present[1:]:
            severity = _difference(key, ref.fields[ref_key], sub.fields[key])
            if severity is None:
                continue
            yield issue(
                "field-mismatch",
                file=sub.file,
                document=titles[form],
                field=label(ref_form, ref_key),
                location=sub.sources.get(key),
                severity=severity,
                first=titles[ref_form],
                a=_shown(ref.fields[ref_key]),
                second=titles[form],
                b=_shown(sub.fields[key]),
            )


def _difference(key: str, a: object, b: object) -> str | None:
    """None when equal; "error" when different; "warning" for a zone name in other words."""
    x, y = _number(a), _number(b)
    if x is not None and y is not None:
        return None if abs(x - y) < 0.005 else "error"
    if _squash(a).upper() == _squash(b).upper():
        return None
    if key == "zone_name" and zone_key(str(a)) == zone_key(str(b)):
        return "warning"
    return "error"


def _shown(value: object) -> str:
    number = _number(value)
    return _fmt(number) if number is not None else str(value)


def fund_uses(d: Dossier, titles: Titles, label: Labels) -> Iterator[Issue]:
    plan, subsidy = d.forms.get("plan"), _number(d.value("application", "subsidy_requested"))
    if plan is None:
        return
    rows = plan.fields.get("fund_uses") or []
    amounts = [_number(r.get("amount_wan")) for r in rows if isinstance(r, dict)]
    if not any(a is not None for a in amounts):
        if not _has_code(plan, "section-missing"):
            yield issue("fund-uses-missing", file=plan.file, document=titles["plan"])
        return
    total = sum(a for a in amounts if a is not None)
    own = _number(plan.fields.get("subsidy_requested"))
    already = own is not None and abs(total - own) > 0.005  # the plan's own check said so
    if subsidy is not None and abs(total - subsidy) > 0.005 and not already:
        yield issue(
            "fund-uses-mismatch",
            file=plan.file,
            document=titles["plan"],
            field=f"{label('application', 'subsidy_requested')}（{titles['application']}）",
            location=plan.sources.get("fund_uses"),
            total=_fmt(total),
            expected=_fmt(subsidy),
        )


def _has_code(sub: Submission, code: str) -> bool:
    return any(f.get("code") == code for f in sub.findings)


def plan_targets(d: Dossier, titles: Titles) -> Iterator[Issue]:
    """Each indicator of Form B the plan's yearly goals name must carry Form B's target."""
    plan, table = d.forms.get("plan"), d.forms.get("targets")
    if plan is None or table is None:
        return
    rows = [r for r in table.entry.result.get("indicators") or [] if r.get("indicator")]
    for goal_key, target_key, year in YEARS:
        text = _squash(plan.fields.get(goal_key) or "")
        for row in rows:
            wanted = _number(row.get(target_key))
            said = _numbers_after(text, _squash(row["indicator"]))
            if wanted is None or not said or any(abs(n - wanted) < 0.005 for n in said):
                continue
            yield issue(
                "plan-targets-mismatch",
                file=plan.file,
                document=titles["plan"],
                location=plan.sources.get(goal_key),
                indicator=row["indicator"],
                year_word=year,
                plan=_fmt(said[0]),
                table=_fmt(wanted),
            )


def _numbers_after(text: str, name: str) -> list[float]:
    at = text.find(name) if name else -1
    if at < 0:
        return []
    clause = _CLAUSE_END.split(text[at + len(name) :], maxsplit=1)[0]
    return [float(n) for n in _NUMBER.findall(clause)]


# --- the batch against the programme ----------------------------------------------------------


def check_programme(grouping: Grouping, programme: Programme) -> dict[str, list[Issue]]:
    """Quota and 示范县 issues per dossier key."""
    found: dict[str, list[Issue]] = {d.key: [] for d in grouping.dossiers}
    by_city: dict[str, list[Dossier]] = {}
    for d in grouping.dossiers:
        by_city.setdefault(d.city, []).append(d)
        found[d.key].extend(demo_county(d, programme))
    for city, dossiers in sorted(by_city.items()):
        if not city or programme.city(city) is None:
            continue  # unknown-city was reported on Form A
        quota = programme.quota(city)
        if len(dossiers) <= quota:
            continue
        letter = grouping.letters.get(city)
        for d in _beyond_quota(dossiers, quota, letter, Identify(programme)):
            found[d.key].append(
                issue(
                    "quota-exceeded",
                    document=text("value-city-quota"),
                    city=city,
                    count=len(dossiers),
                    quota=quota,
                    excess=len(dossiers) - quota,
                )
            )
    return found


def _beyond_quota(
    dossiers: list[Dossier], quota: int, letter: Submission | None, ident: Identify
) -> list[Dossier]:
    """The zones past the quota in the letter's order; without a letter, all of the city's."""
    if letter is None:
        return dossiers
    order = [ident.key(str(z)) for z in letter.fields.get("zones") or ()]
    ranked = sorted(dossiers, key=lambda d: order.index(d.key) if d.key in order else len(order))
    return ranked[quota:]


def demo_county(d: Dossier, programme: Programme) -> Iterator[Issue]:
    county = str(d.value("application", "county") or "").strip()
    claimed = d.value("application", "in_demo_county") is True
    if county and programme.is_demo_county(county, d.city or None):
        yield issue("demo-county-priority", document=text("form-application"), county=county)
    elif claimed:
        app = d.forms["application"]
        yield issue(
            "demo-county-unlisted",
            file=app.file,
            document=text("form-application"),
            location=app.sources.get("in_demo_county"),
            county=county,
            county_word=None if county else "county-not-filled",
        )


def check_letters(
    grouping: Grouping, ident: Identify, title: str
) -> tuple[dict[str, list[Issue]], list[Issue]]:
    """The zones each city letter lists against the dossiers received from that city."""
    on_zones: dict[str, list[Issue]] = {d.key: [] for d in grouping.dossiers}
    on_letters: list[Issue] = []
    for city, letter in sorted(grouping.letters.items()):
        listed = [str(z) for z in letter.fields.get("zones") or ()]
        keys = {ident.key(z) for z in listed}
        received = {d.key for d in grouping.dossiers}
        for zone in listed:
            if ident.key(zone) not in received:
                on_letters.append(
                    issue(
                        "letter-zone-missing",
                        file=letter.file,
                        document=title,
                        location=letter.sources.get("zones"),
                        zone=zone,
                    )
                )
        docno = str(letter.fields.get("doc_no") or "")
        for d in grouping.dossiers:
            if d.city == city and d.key not in keys:
                on_zones[d.key].append(
                    issue(
                        "letter-zone-extra",
                        file=letter.file,
                        document=title,
                        city=city,
                        docno=docno,
                        docno_word=None if docno else "docno-unknown",
                    )
                )
    return on_zones, on_letters


def letter_versions(grouping: Grouping, title: str) -> list[Issue]:
    out = []
    for city, older in sorted(grouping.older_letters.items()):
        used = grouping.letters[city]
        out.append(
            issue(
                "duplicate-version",
                file=used.file,
                document=f"{city}{title}",
                chosen=used.file,
                others_words=[s.file for s in older],
            )
        )
    return out
