"""``formkit panel collect`` as one library call: read, check, aggregate, write."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from formkit.jobs.panel.aggregate import aggregate
from formkit.jobs.panel.batch import Batch
from formkit.jobs.panel.collect import collect
from formkit.jobs.panel.outputs import write_panel
from formkit.model.errors import ConfigError
from formkit.model.findings import Finding
from formkit.programme import Programme


def run_collect(
    folder: Path,
    programme: Programme,
    batch_dir: Path,
    out: Path,
    options: Mapping[str, object] | None = None,
) -> tuple[list[Path], list[tuple[str, Finding]]]:
    """Collect the returned sheets in ``folder`` and write PANEL; the paths and findings."""
    if not folder.is_dir():
        raise ConfigError("panel-folder-missing", folder=str(folder))
    with Batch(batch_dir, programme) as batch:
        collected = collect(folder, batch)
        ranking = aggregate(batch.zones, collected, programme)
        paths = write_panel(batch, collected, ranking, out, options)
    return paths, [*collected.findings, *ranking.findings]
