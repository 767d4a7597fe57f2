"""The blank forms of the call for applications (``formkit forms``), written from the specs.

Each form is one writer function ``(spec, data=None) -> bytes``: without data it writes the
blank form, with data (normalised values, as ``formkit parse`` reports them) the same form
filled in, as the samples and the round-trip test need. Output is deterministic.

    write_forms(out_dir)                      # the five blank forms, atomically
    form_bytes("targets", "xlsx", data)       # one form, filled
"""

from __future__ import annotations

import errno
import os
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

from formkit.atomic import write_bytes_atomic
from formkit.codes import CODES
from formkit.errors import OutputFileError
from formkit.spec import FormSpec, load_spec
from formkit.writers.forms_docx import application_docx, plan_docx
from formkit.writers.forms_xlsx import application_xlsx, progress_xlsx, targets_xlsx
from formkit.writers.self_eval_xlsx import self_eval_xlsx

Writer = Callable[[FormSpec, Mapping[str, Any] | None], bytes]

WRITERS: dict[tuple[str, str], Writer] = {
    ("application", "docx"): application_docx,
    ("application", "xlsx"): application_xlsx,
    ("targets", "xlsx"): targets_xlsx,
    ("plan", "docx"): plan_docx,
    ("progress", "xlsx"): progress_xlsx,
    ("self_eval", "xlsx"): self_eval_xlsx,
}

# The files ``formkit forms`` writes, in order: file name → (form, format).
BLANK_FORMS: dict[str, tuple[str, str]] = {
    "申报信息表.docx": ("application", "docx"),
    "申报信息表.xlsx": ("application", "xlsx"),
    "绩效目标及评价指标表.xlsx": ("targets", "xlsx"),
    "两年期实施方案编制提纲.docx": ("plan", "docx"),
    "进展情况报送表.xlsx": ("progress", "xlsx"),
    "绩效自评表.xlsx": ("self_eval", "xlsx"),
}

_REASONS = {
    errno.EACCES: "没有写入权限",
    errno.EPERM: "没有写入权限",
    errno.EROFS: "文件系统只读",
    errno.ENOSPC: "磁盘空间不足",
    errno.ENOTDIR: "路径中有一项不是文件夹",
    errno.EEXIST: "已有同名文件，不是文件夹",
    errno.ENOENT: "路径不存在",
    errno.ENAMETOOLONG: "路径过长",
}


def form_bytes(
    form: str,
    fmt: str,
    data: Mapping[str, Any] | None = None,
    validators: str | os.PathLike[str] | None = None,
) -> bytes:
    """One form as .docx/.xlsx bytes: blank, or filled with ``data``."""
    try:
        writer = WRITERS[(form, fmt)]
    except KeyError:
        raise KeyError(f"no {fmt} writer for form {form!r}") from None
    return writer(load_spec(form, Path(validators) if validators else None), data)


def write_forms(
    out_dir: str | os.PathLike[str], *, validators: str | os.PathLike[str] | None = None
) -> list[Path]:
    """Write the five blank forms into ``out_dir`` (created if needed); return their paths.

    Raises :class:`SpecError` for a broken spec and :class:`OutputFileError` when the
    folder or a file cannot be written.
    """
    folder = Path(out_dir)
    _make_folder(folder)
    contents = {
        name: form_bytes(form, fmt, None, validators) for name, (form, fmt) in BLANK_FORMS.items()
    }
    written = []
    for name, data in contents.items():
        path = folder / name
        try:
            write_bytes_atomic(path, data)
        except OSError as exc:
            raise unwritable(path, exc) from None
        written.append(path)
    return written


def _make_folder(folder: Path) -> None:
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise unwritable(folder, exc) from None


def unwritable(path: Path, exc: OSError) -> OutputFileError:
    """An :class:`OutputFileError` saying in Chinese why ``path`` cannot be written."""
    detail = _REASONS.get(exc.errno or 0, f"系统错误（{exc.strerror or exc}）")
    return OutputFileError(CODES["output-unwritable"].render("zh", path=path, detail=detail))
