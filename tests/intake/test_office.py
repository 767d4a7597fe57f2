"""The LibreOffice runner: one process a batch, private profile, timeout, retry, checked output."""

from __future__ import annotations

import os
import shutil
import stat
import subprocess
import time
from pathlib import Path

import docx
import pytest

from formkit.intake.office import ConversionError, convert, fontconfig_file, soffice_available
from formkit.model.errors import ConfigError

needs_soffice = pytest.mark.skipif(
    not soffice_available(), reason="LibreOffice (soffice) not installed"
)

# A stand-in for soffice with the same command line; FAKE_MODE picks its behaviour.
FAKE = r"""#!/usr/bin/env bash
files=()
while [[ $# -gt 0 ]]; do
  case $1 in
    --outdir) out=$2; shift 2;;
    --convert-to) fmt=${2%%:*}; shift 2;;
    -*) shift;;
    *) files+=("$1"); shift;;
  esac
done
echo "${#files[@]}" >> "$FAKE_LOG"
write() {
  for f in "${files[@]}"; do b=$(basename "$f"); echo "%PDF fake" > "$out/${b%.*}.$fmt"; done
}
case $FAKE_MODE in
  ok) write;;
  empty) for f in "${files[@]}"; do b=$(basename "$f"); : > "$out/${b%.*}.$fmt"; done;;
  flaky) if [[ $(wc -l < "$FAKE_LOG") -ge 2 ]]; then write; fi;;
  hang) sleep 60 & echo $! > "$FAKE_CHILD"; wait;;
esac
"""


@pytest.fixture
def fake(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    exe = tmp_path / "soffice"
    exe.write_text(FAKE)
    exe.chmod(exe.stat().st_mode | stat.S_IXUSR)
    monkeypatch.setenv("FORMKIT_SOFFICE", str(exe))
    monkeypatch.setenv("FAKE_LOG", str(tmp_path / "calls.log"))
    monkeypatch.setenv("FAKE_CHILD", str(tmp_path / "child.pid"))
    return tmp_path


def inputs(folder: Path, *names: str) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for name in names:
        document = docx.Document()
        document.add_paragraph(f"{name}：测试文档")
        document.save(folder / name)
        paths.append(folder / name)
    return paths


def calls(fake: Path) -> list[int]:
    log = fake / "calls.log"
    return [int(n) for n in log.read_text().split()] if log.exists() else []


def test_missing_libreoffice_is_a_clear_error(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("FORMKIT_SOFFICE", str(tmp_path / "no-such-soffice"))
    assert not soffice_available()
    with pytest.raises(ConfigError, match="未找到 LibreOffice"):
        convert(inputs(tmp_path, "a.docx"), "pdf", tmp_path / "out")


def test_a_batch_is_one_process(fake: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FAKE_MODE", "ok")
    files = inputs(fake / "in", "甲.docx", "乙.docx", "丙.docx")
    out = convert(files, "pdf", fake / "out")
    assert [p.name for p in out] == ["甲.pdf", "乙.pdf", "丙.pdf"]
    assert calls(fake) == [3]


def test_inputs_sharing_a_name_go_in_separate_calls(
    fake: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("FAKE_MODE", "ok")
    files = inputs(fake / "a", "x.docx", "y.docx") + inputs(fake / "b", "x.docx")
    convert(files, "pdf", fake / "out")
    assert calls(fake) == [2, 1]


def test_missing_outputs_are_tried_once_more(fake: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FAKE_MODE", "flaky")
    out = convert(inputs(fake / "in", "a.docx"), "pdf", fake / "out")
    assert out[0].read_text().startswith("%PDF")
    assert calls(fake) == [1, 1]


def test_empty_outputs_count_as_failures(fake: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FAKE_MODE", "empty")
    with pytest.raises(ConversionError, match=r"未能转换：a\.docx") as err:
        convert(inputs(fake / "in", "a.docx"), "pdf", fake / "out", retries=0)
    assert [p.name for p in err.value.failed] == ["a.docx"]


def test_stale_outputs_are_not_taken_for_new_ones(
    fake: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("FAKE_MODE", "empty")
    (fake / "out").mkdir()
    (fake / "out" / "a.pdf").write_text("%PDF from last week")
    with pytest.raises(ConversionError):
        convert(inputs(fake / "in", "a.docx"), "pdf", fake / "out", retries=0)


def test_a_hung_converter_is_killed_with_its_children(
    fake: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("FAKE_MODE", "hang")
    started = time.monotonic()
    with pytest.raises(ConversionError, match="超时"):
        convert(inputs(fake / "in", "a.docx"), "pdf", fake / "out", timeout=0.5, retries=0)
    assert time.monotonic() - started < 10
    child = int((fake / "child.pid").read_text())
    time.sleep(0.1)
    assert not Path(f"/proc/{child}").exists() or _zombie(child)


def _zombie(pid: int) -> bool:
    return Path(f"/proc/{pid}/stat").read_text().split()[2] == "Z"


@needs_soffice
@pytest.mark.libreoffice
@pytest.mark.slow
def test_real_batch_converts_every_file_in_one_call(tmp_path: Path) -> None:
    files = inputs(tmp_path / "in", "一.docx", "二.docx")
    out = convert(files, "pdf", tmp_path / "out")
    assert [p.read_bytes()[:4] for p in out] == [b"%PDF", b"%PDF"]


@needs_soffice
@pytest.mark.libreoffice
@pytest.mark.slow
def test_real_failure_names_the_file_and_keeps_the_others(tmp_path: Path) -> None:
    good = inputs(tmp_path / "in", "good.docx")
    with pytest.raises(ConversionError) as err:
        convert([*good, tmp_path / "in" / "missing.docx"], "pdf", tmp_path / "out", retries=0)
    assert [p.name for p in err.value.failed] == ["missing.docx"]
    assert [p.name for p in err.value.converted] == ["good.pdf"]


@pytest.mark.skipif(shutil.which("fc-match") is None, reason="fontconfig's fc-match not installed")
@pytest.mark.parametrize(
    ("face", "free"),
    [
        ("仿宋_GB2312", "FandolFang"),
        ("方正小标宋简体", "Noto Serif CJK SC:style=Bold"),
        ("黑体", "Noto Sans CJK SC"),
        ("楷体_GB2312", "AR PL UKai CN"),
    ],
)
def test_fontconfig_maps_each_official_face_to_its_free_font(face: str, free: str) -> None:
    env = {**os.environ, "FONTCONFIG_FILE": str(fontconfig_file())}
    found = subprocess.run(
        ["fc-match", face, "family", "style"], env=env, capture_output=True, text=True, check=True
    ).stdout
    if free.split(":")[0] not in found:
        installed = subprocess.run(
            ["fc-list", ":", "family"], capture_output=True, text=True
        ).stdout
        if free.split(":")[0] not in installed:
            pytest.skip(f"{free} not installed (run scripts/install-fonts.sh)")
    assert free.split(":")[0] in found
    if ":style=" in free:
        assert free.split("=")[1] in found
