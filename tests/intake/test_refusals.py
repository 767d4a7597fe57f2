"""Issue 3's promise, end to end through ``formkit check``: every hostile file is refused
with exit 2 and a line naming the file and the reason, within the guard, in isolated
workers; the originals stay byte-identical and nothing is written beside them."""

from __future__ import annotations

import hashlib
import json
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from formkit.cli import main

from . import hostile as h


@pytest.fixture(scope="module")
def inbox(tmp_path_factory, zip_bomb, office_bomb, pdf_bomb) -> Path:
    folder = tmp_path_factory.mktemp("hostile")
    files = {
        "zip-bomb.zip": zip_bomb,
        "office-bomb.docx": office_bomb,
        "pdf-bomb.pdf": pdf_bomb,
        "xxe.docx": h.docx_with_document(h.xxe()),
        "billion-laughs.docx": h.docx_with_document(h.billion_laughs()),
        "zip-slip.zip": h.raw_zip([h.raw_entry("../../etc/passwd", b"root")]),
        "encrypted.xlsx": h.tiny_cfb(["EncryptionInfo", "EncryptedPackage"]),
        "encrypted.zip": h.raw_zip([h.raw_entry("a.docx", b"x", flags=0x1)]),
        "truncated.docx": h.docx_bytes()[:4000],
        "disguised.docx": b"MZ\x90\x00" + bytes(200),
        "archive.rar": b"Rar!\x1a\x07\x00" + bytes(100),
        "bomb-inside.zip": h.zip_of({"申报/炸弹.docx": office_bomb}, stored=True),
        "名字\u202excod\n.docx": b"\x89PNG\r\n\x1a\n" + bytes(100),
    }
    for name, data in files.items():
        (folder / name).write_bytes(data)
    return folder


EXPECTED = {
    "zip-bomb.zip": "file-unsafe",
    "office-bomb.docx": "file-unsafe",
    "pdf-bomb.pdf": "file-unsafe",
    "xxe.docx": "file-unsafe",
    "billion-laughs.docx": "file-unsafe",
    "zip-slip.zip": "file-unsafe",
    "encrypted.xlsx": "file-encrypted",
    "encrypted.zip": "archive-refused",
    "truncated.docx": "file-corrupt",
    "disguised.docx": "file-unknown-type",
    "archive.rar": "archive-refused",
    "bomb-inside.zip!申报/炸弹.docx": "file-unsafe",
    "名字\\u202excod\\n.docx": "file-unknown-type",
}


def _digests(folder: Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in folder.iterdir()}


def test_every_hostile_file_is_refused_with_exit_2_naming_file_and_reason(inbox):
    before = _digests(inbox)
    start = time.monotonic()
    result = CliRunner().invoke(main, ["check", str(inbox), "--json"])
    elapsed = time.monotonic() - start
    assert result.exit_code == 2, result.output
    found = {}
    for item in json.loads(result.stdout):  # JSON on stdout; notes go to stderr
        shown = item["file"].removeprefix(str(inbox) + "/")
        found[shown.replace("\u202e", "\\u202e").replace("\n", "\\n")] = [
            f["code"] for f in item["findings"]
        ]
    assert found == {name: [code] for name, code in EXPECTED.items()}
    assert elapsed < 60
    assert _digests(inbox) == before


def test_the_text_report_names_each_file_on_one_safe_line(inbox):
    result = CliRunner().invoke(main, ["check", str(inbox)])
    assert result.exit_code == 2
    assert "名字\\u202excod\\n.docx" in result.output
    assert "\u202e" not in result.output
    assert "zip-slip.zip" in result.output and "成员路径不安全：../../etc/passwd" in result.output
