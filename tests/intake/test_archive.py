"""Submission archives are read member by member; names are decoded right and only shown."""

from __future__ import annotations

import struct
import zlib

import pytest

from formkit.intake.archive import Member, iter_members
from formkit.intake.limits import Limits
from formkit.model.errors import InputFileError

from . import hostile as h


def members(data: bytes, name: str = "材料.zip", **kwargs) -> list[Member]:
    return list(iter_members(data, name, **kwargs))


def names(data: bytes, name: str = "材料.zip") -> list[str]:
    return [m.name for m in members(data, name)]


def refused(data: bytes, name: str = "材料.zip", **kwargs) -> InputFileError:
    with pytest.raises(InputFileError) as info:
        members(data, name, **kwargs)
    return info.value


def test_each_member_comes_with_its_shown_name_and_bytes():
    form = h.docx_bytes()
    [member] = members(h.zip_of({"申报/申报信息表.docx": form}))
    assert member == Member("材料.zip!申报/申报信息表.docx", form, "申报/申报信息表.docx")
    assert member.name_shown == member.name


def test_gbk_names_without_the_utf8_flag_are_decoded_as_gbk():
    """What Chinese Windows' built-in zip and WinRAR write."""
    entry = h.raw_entry("开发区申报表（2024）.docx".encode("gbk"), b"x")
    assert entry.flags & 0x800 == 0
    assert names(h.raw_zip([entry])) == ["材料.zip!开发区申报表（2024）.docx"]


def test_gb18030_only_characters_are_decoded_too():
    entry = h.raw_entry("㐀表.docx".encode("gb18030"), b"x")
    assert names(h.raw_zip([entry])) == ["材料.zip!㐀表.docx"]


def test_the_utf8_flag_is_honoured():
    entry = h.raw_entry("绩效目标表.xlsx", b"x", flags=0x800)
    assert names(h.raw_zip([entry])) == ["材料.zip!绩效目标表.xlsx"]


def test_utf8_names_without_the_flag_are_recognised():
    """macOS Archive Utility and old Info-ZIP write UTF-8 without setting the flag."""
    entry = h.raw_entry("实施方案.docx".encode(), b"x")
    assert names(h.raw_zip([entry])) == ["材料.zip!实施方案.docx"]


def test_the_info_zip_unicode_path_field_wins_over_a_lossy_name():
    raw = b"??.docx"
    utf8 = "方案.docx".encode()
    field = struct.pack("<HHB", 0x7075, 5 + len(utf8), 1) + struct.pack("<I", zlib.crc32(raw))
    entry = h.raw_entry(raw, b"x", extra=field + utf8)
    assert names(h.raw_zip([entry])) == ["材料.zip!方案.docx"]


def test_names_that_are_neither_utf8_nor_gbk_fall_back_to_cp437():
    entry = h.raw_entry(b"caf\xe9.docx", b"x")  # cp1252 é: not UTF-8, not GB18030
    assert names(h.raw_zip([entry])) == ["材料.zip!cafΘ.docx"]


def test_backslash_separators_are_shown_as_folders():
    entry = h.raw_entry("申报材料\\申报表.docx".encode("gbk"), b"x")
    assert names(h.raw_zip([entry])) == ["材料.zip!申报材料/申报表.docx"]


def test_control_and_bidi_characters_in_member_names_are_shown_escaped():
    entry = h.raw_entry("报告\u202excod.docx\n", b"x", flags=0x800)
    assert names(h.raw_zip([entry])) == ["材料.zip!报告\\u202excod.docx\\n"]


def test_folders_and_file_manager_litter_are_skipped():
    data = h.zip_of(
        {
            "申报/": b"",
            "申报/表.docx": b"x",
            "__MACOSX/申报/._表.docx": b"y",
            "申报/.DS_Store": b"z",
            "Thumbs.db": b"t",
            "申报/~$表.docx": b"lock",
        }
    )
    assert names(data) == ["材料.zip!申报/表.docx"]


def test_an_archive_with_nothing_to_read_is_refused():
    err = refused(h.zip_of({"__MACOSX/._x": b"y"}))
    assert (err.code, err.reason) == ("archive-refused", "压缩包中没有可读取的文件")


def test_nested_zips_are_flattened_with_the_path_through_them():
    inner = h.zip_of({"表.docx": b"form"})
    middle = h.zip_of({"市级/县区.zip": inner})
    data = h.zip_of({"汇总.zip": middle, "说明.pdf": b"%PDF-"})
    assert names(data) == ["材料.zip!汇总.zip!市级/县区.zip!表.docx", "材料.zip!说明.pdf"]


def test_a_docx_inside_a_zip_is_a_member_not_an_archive():
    form = h.docx_bytes()
    assert [m.data for m in members(h.zip_of({"a.docx": form}))] == [form]


def test_nesting_deeper_than_two_levels_is_refused():
    data = h.zip_of({"x.docx": b"x"})
    for level in range(3):
        data = h.zip_of({f"level{level}.zip": data})
    err = refused(data)
    assert (err.code, err.reason) == ("archive-refused", "压缩包嵌套超过2层")
    assert err.place == "level0.zip"


def test_a_nested_bomb_stops_at_the_depth_limit_without_inflating_the_leaves():
    """42.zip's shape: every level holds several copies of the level below."""
    leaf = h.zip_bomb(64, "zeros.bin")
    level = h.raw_zip(
        [h.raw_entry(f"{i}.bin", b"") for i in range(1)]
        + [h.raw_entry(f"leaf{i}.zip", leaf, method=0) for i in range(3)]
    )
    for depth in range(3):
        level = h.zip_of({f"d{depth}-{i}.zip": level for i in range(4)}, stored=True)
    err = refused(level)
    assert (err.code, err.reason) == ("archive-refused", "压缩包嵌套超过2层")


def test_one_budget_covers_every_level_of_nesting():
    """Each level alone is within the limits (3 × 6 MiB < 20 MiB); all of them are not."""
    leaf = h.zip_bomb(6, "zeros.bin")
    inner = h.zip_of({f"part{i}.zip": leaf for i in range(3)}, stored=True)
    data = h.zip_of({"a.zip": inner, "b.zip": inner}, stored=True)
    limits = Limits(max_total=20 * h.MiB, max_ratio=2000)  # only the budget can stop it
    assert len(members(inner, limits=limits)) == 3
    err = refused(data, limits=limits)
    assert err.code == "file-unsafe"
    assert "总大小" in err.reason


def test_a_corrupt_member_is_refused_naming_it():
    entry = h.raw_entry("表.docx", b"real content" * 10)
    entry.crc ^= 1
    err = refused(h.raw_zip([entry]))
    assert (err.code, err.place) == ("file-corrupt", "表.docx")


def test_the_archive_audit_runs_before_any_member_is_yielded():
    good = h.raw_entry("a.docx", b"x")
    evil = h.raw_entry("../../etc/passwd", b"y")
    stream = iter_members(h.raw_zip([good, evil]), "材料.zip")
    with pytest.raises(InputFileError):
        next(stream)


def test_an_encrypted_archive_is_refused_before_any_member_is_yielded():
    entries = [h.raw_entry("a.docx", b"x"), h.raw_entry("b.docx", b"y", flags=0x1)]
    assert refused(h.raw_zip(entries)).reason == "压缩包设置了密码"


def test_an_archive_with_zip64_end_records_is_read(monkeypatch):
    """Some tools always write ZIP64 end records and set the classic fields to 0xFFFF…."""
    import io
    import zipfile

    monkeypatch.setattr(zipfile, "ZIP_FILECOUNT_LIMIT", 0)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("表.docx", b"x")
    data = bytearray(out.getvalue())
    struct.pack_into("<HHII", data, len(data) - 14, 0xFFFF, 0xFFFF, 0xFFFFFFFF, 0xFFFFFFFF)
    assert names(bytes(data)) == ["材料.zip!表.docx"]
