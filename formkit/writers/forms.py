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

from formkit.model.errors import OutputFileError
from formkit.model.resources import word_section
from formkit.spec import FormSpec, available_forms, load_spec
from formkit.writers.atomic import write_bytes_atomic
from formkit.writers.forms_docx import application_docx, plan_docx, spec_docx
from formkit.writers.forms_xlsx import application_xlsx, progress_xlsx, spec_xlsx, targets_xlsx
from formkit.writers.self_eval_xlsx import self_eval_xlsx

Writer = Callable[[FormSpec, Mapping[str, object] | None], bytes]

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
    name: (form, fmt)
    for name, (form, fmt) in word_section("writers", "blank_forms", dict[str, list[str]]).items()
}

_REASONS = {  # errno → a reason of formkit.model.codes.REASONS
    errno.EACCES: "no-permission",
    errno.EPERM: "no-permission",
    errno.EROFS: "read-only",
    errno.ENOSPC: "disk-full",
    errno.ENOTDIR: "not-a-folder",
    errno.EEXIST: "file-in-the-way",
    errno.ENOENT: "path-missing",
    errno.ENAMETOOLONG: "path-too-long",
}


def form_bytes(
    form: str,
    fmt: str,
    data: Mapping[str, object] | None = None,
    validators: str | os.PathLike[str] | None = None,
) -> bytes:
    """One form as .docx/.xlsx bytes: blank, or filled with ``data``."""
    spec = load_spec(form, Path(validators) if validators else None)
    return writer_for(form, fmt)(spec, data)


def writer_for(form: str, fmt: str) -> Writer:
    """The writer of one of formkit's forms, else (a drafted spec) the generic one."""
    if (form, fmt) in WRITERS:
        return WRITERS[(form, fmt)]
    if form in {f for f, _ in WRITERS}:
        raise KeyError(f"no {fmt} writer for form {form!r}")
    return {"docx": spec_docx, "xlsx": spec_xlsx}[fmt]


def blank_files(validators: str | os.PathLike[str] | None = None) -> dict[str, tuple[str, str]]:
    """File name → (form, format) for the specs of a folder: formkit's own forms under their
    usual names, any other spec (a drafted one) as ``<title>.docx`` and ``<title>.xlsx``."""
    if validators is None:
        return dict(BLANK_FORMS)
    names = available_forms(Path(validators))
    files = {n: f for n, f in BLANK_FORMS.items() if f[0] in names}
    for name in names:
        if name not in {f for f, _ in WRITERS}:
            title = load_spec(name, Path(validators)).title
            files[f"{title}.docx"] = (name, "docx")
            files[f"{title}.xlsx"] = (name, "xlsx")
    return files


def write_forms(
    out_dir: str | os.PathLike[str], *, validators: str | os.PathLike[str] | None = None
) -> list[Path]:
    """Write the blank forms of the specs (formkit's, or those of ``validators``) into
    ``out_dir`` (created if needed); return their paths.

    Raises :class:`SpecError` for a broken spec and :class:`OutputFileError` when the
    folder or a file cannot be written.
    """
    folder = Path(out_dir)
    _make_folder(folder)
    contents = {
        name: form_bytes(form, fmt, None, validators)
        for name, (form, fmt) in blank_files(validators).items()
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
    reason = _REASONS.get(exc.errno or 0)
    if reason is None:
        error = exc.strerror or str(exc)
        return OutputFileError("output-unwritable", path=str(path), reason="os-error", error=error)
    return OutputFileError("output-unwritable", path=str(path), reason=reason)
