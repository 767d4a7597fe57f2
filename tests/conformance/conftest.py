"""Every kind of file formkit writes, written once per test session from the samples."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner

from formkit.cli import main

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = ROOT / "samples"
PROGRAMME = str(SAMPLES / "programme.yaml")
NOTICE_KINDS = ("call", "publicity", "funding", "evaluation", "opinion")


def formkit(*args: str) -> None:
    result = CliRunner().invoke(main, list(args))
    assert result.exit_code == 0, result.output


@pytest.fixture(scope="session")
def written(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A folder with what each command writes from the samples: blank forms, the batch review
    (汇总表, 审核意见), each notice kind, and the cycle's workbooks and notices."""
    out = tmp_path_factory.mktemp("written")
    formkit("forms", "--out", str(out / "forms"))
    formkit(
        "batch",
        str(SAMPLES / "inbox"),
        "--out",
        str(out / "review"),
        "--programme",
        PROGRAMME,
        "--workers",
        "1",
    )
    for kind in NOTICE_KINDS:
        data = str(SAMPLES / "notices" / f"{kind}.yaml")
        formkit("notice", kind, "--data", data, "--out", str(out / "notices" / f"{kind}.docx"))
    formkit("allocate", "--programme", PROGRAMME, "--out", str(out / "allocate"))
    formkit(
        "monitor",
        str(SAMPLES / "progress"),
        "--programme",
        PROGRAMME,
        "--out",
        str(out / "monitor"),
    )
    formkit(
        "evaluate",
        str(SAMPLES / "progress"),
        "--programme",
        PROGRAMME,
        "--out",
        str(out / "evaluate"),
        "--date",
        "2022-03-15",
    )
    for kind, folder in (("funding", "allocate"), ("evaluation", "evaluate")):
        formkit(
            "notice",
            kind,
            "--data",
            str(out / folder / f"{kind}.yaml"),
            "--out",
            str(out / folder / f"{kind}.docx"),
        )
    return out


@pytest.fixture(scope="session")
def zipped_samples(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The forms inside the sample inbox's zip archives, unpacked."""
    out = tmp_path_factory.mktemp("zipped")
    for archive in sorted((SAMPLES / "inbox").rglob("*.zip")):
        with zipfile.ZipFile(archive) as z:
            for n, info in enumerate(z.infolist()):
                suffix = Path(info.filename).suffix
                if suffix in (".docx", ".xlsx"):
                    (out / f"{archive.stem}-{n}{suffix}").write_bytes(z.read(info))
    return out
