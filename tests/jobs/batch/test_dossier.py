"""Grouping files into one dossier per zone: by the zone the content names, folders only as
hints, the newest version of each form used and the others listed."""

from __future__ import annotations

from typing import Any

from formkit.jobs.batch.dossier import group, submissions
from formkit.jobs.entries import Entry
from formkit.programme import load_programme

from .conftest import PROGRAMME


def entry(
    file: str,
    form: str | None,
    received: str | None = None,
    mtime_ns: int = 0,
    unreadable: bool = False,
    **fields: Any,
) -> Entry:
    result = {"file": file, "form": form, "fields": fields, "sources": {}, "findings": []}
    return Entry(file.split("!")[0], 0, result, unreadable, received, mtime_ns, "0" * 64, 1)


def grouped(*entries: Entry, programme: Any = None) -> Any:
    return group(submissions(entries), programme)


def test_forms_naming_one_zone_form_one_dossier_whatever_their_folders() -> None:
    g = grouped(
        entry("a/申报表.docx", "application", zone_name="太原样例经济技术开发区", city="太原市"),
        entry("b/指标.xlsx", "targets", zone_name="太原样例经济技术开发区"),
        entry("c/方案.docx", "plan", zone_name="太原样例经开区"),
    )
    assert [sorted(d.forms) for d in g.dossiers] == [["application", "plan", "targets"]]
    assert g.dossiers[0].zone_name == "太原样例经济技术开发区"
    assert g.dossiers[0].city == "太原市"


def test_a_folder_named_after_one_zone_does_not_pull_in_another_zones_form() -> None:
    g = grouped(
        entry("甲区/申报表.docx", "application", zone_name="太原样例经济技术开发区"),
        entry("甲区/指标.xlsx", "targets", zone_name="大同样例工业园区"),
    )
    assert sorted(d.zone_name for d in g.dossiers) == ["大同样例工业园区", "太原样例经济技术开发区"]


def test_with_the_catalogue_a_short_name_joins_the_catalogue_zone() -> None:
    programme = load_programme(PROGRAMME)
    g = grouped(
        entry("x/a.docx", "application", zone_name="太原样例经济技术开发区", zone_code="S140102"),
        entry("x/b.xlsx", "targets", zone_name="山西省太原样例经开区"),
        programme=programme,
    )
    assert len(g.dossiers) == 1
    assert g.dossiers[0].city == "太原市"  # from the catalogue: Form A named no city


def test_the_newest_version_by_fill_date_is_used_and_the_other_listed() -> None:
    g = grouped(
        entry(
            "z/新/申报表.docx",
            "application",
            mtime_ns=1,
            zone_name="甲经济开发区",
            fill_date="2020-03-20",
        ),
        entry(
            "z/旧/申报表.docx",
            "application",
            mtime_ns=9,
            zone_name="甲经济开发区",
            fill_date="2020-03-01",
        ),
    )
    (d,) = g.dossiers
    assert d.forms["application"].file == "z/新/申报表.docx"
    assert [s.file for s in d.older["application"]] == ["z/旧/申报表.docx"]


def test_without_dates_the_later_archive_member_wins_over_the_later_file() -> None:
    g = grouped(
        entry(
            "z.zip!v2/指标.xlsx",
            "targets",
            received="2020-03-05T10:00:00",
            zone_name="甲经济开发区",
        ),
        entry(
            "z.zip!v1/指标.xlsx",
            "targets",
            received="2020-03-01T10:00:00",
            zone_name="甲经济开发区",
        ),
    )
    assert g.dossiers[0].forms["targets"].file == "z.zip!v2/指标.xlsx"


def test_a_file_naming_no_zone_joins_the_one_zone_of_its_folder() -> None:
    g = grouped(
        entry("太原市/甲区/申报表.docx", "application", zone_name="甲经济开发区"),
        entry("太原市/甲区/附件/扫描件.pdf", None, unreadable=True),
    )
    (d,) = g.dossiers
    assert [s.file for s in d.by_folder] == ["太原市/甲区/附件/扫描件.pdf"]
    assert g.unassigned == []


def test_inside_an_archive_the_archive_is_the_folder() -> None:
    g = grouped(
        entry("太原市/甲区.zip!申报表.docx", "application", zone_name="甲经济开发区"),
        entry("太原市/甲区.zip!方案.docx", "plan"),
    )
    assert [s.file for s in g.dossiers[0].by_folder] == ["太原市/甲区.zip!方案.docx"]


def test_files_that_fit_no_zone_are_listed_not_dropped() -> None:
    g = grouped(
        entry("太原市/甲区/申报表.docx", "application", zone_name="甲经济开发区"),
        entry("太原市/乙区/申报表.docx", "application", zone_name="乙经济开发区"),
        entry("太原市/说明.txt", None, unreadable=True),  # the city folder holds two zones
        entry("readme.docx", None),
    )
    assert [s.file for s in g.unassigned] == ["readme.docx", "太原市/说明.txt"]


def test_city_letters_are_kept_apart_one_per_city_the_newest_used() -> None:
    g = grouped(
        entry("太原市/函1.docx", "city_letter", city="太原市", issue_date="2020-03-01"),
        entry("太原市/函2.docx", "city_letter", city="太原", issue_date="2020-03-09"),
        programme=load_programme(PROGRAMME),
    )
    assert g.dossiers == []
    assert g.letters["太原市"].file == "太原市/函2.docx"
    assert [s.file for s in g.older_letters["太原市"]] == ["太原市/函1.docx"]


def test_a_zone_named_only_by_its_code_in_one_form_finds_its_dossier() -> None:
    g = grouped(
        entry("a.docx", "application", zone_name="甲经济开发区", zone_code="S141111"),
        entry("b.docx", "targets", zone_code="s141111"),
    )
    assert len(g.dossiers) == 1 and sorted(g.dossiers[0].forms) == ["application", "targets"]
