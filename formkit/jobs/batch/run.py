"""``formkit batch``: read an inbox into the registry, then build dossiers and outputs.

Reading is incremental and resumable: each inbox file's results are committed to the
registry as soon as it is read, so a killed run loses at most the files in flight, and the
next run reads only files whose content changed. Dossiers and outputs are then computed
from the registry alone, which is why an interrupted-then-resumed run ends with the same
outputs as an uninterrupted one.
"""

from __future__ import annotations

import fcntl
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from formkit.jobs.batch.ingest import DELAY_ENV, Progress, ingest, load
from formkit.jobs.batch.outputs import write_outputs
from formkit.jobs.batch.summary import BatchSummary
from formkit.jobs.batch.workers import default_workers
from formkit.jobs.registry import Registry
from formkit.model.errors import ConfigError, OutputFileError

__all__ = ["DELAY_ENV", "BatchSummary", "default_workers", "exclusive", "run_batch"]


@contextmanager
def exclusive(out: Path) -> Iterator[None]:
    """Refuse a second run on the same output folder while one is running."""
    lock_path = out / ".formkit.lock"
    fh = lock_path.open("a+")
    try:
        fcntl.flock(fh, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError as exc:
        fh.close()
        raise OutputFileError("batch-busy", path=str(out)) from exc
    try:
        yield
    finally:
        fcntl.flock(fh, fcntl.LOCK_UN)
        fh.close()


def run_batch(
    inbox: str | Path,
    out: str | Path,
    *,
    programme: str | Path | None = None,
    validators: str | None = None,
    workers: int | None = None,
    registry: str | Path | None = None,
    progress: Progress | None = None,
    round_no: int | None = None,
    lang: str = "zh",
) -> BatchSummary:
    inbox, out = Path(inbox).resolve(), Path(out).resolve()
    if not inbox.is_dir():
        raise ConfigError("inbox-missing", path=str(inbox))
    if out == inbox or inbox in out.parents:
        raise OutputFileError("out-inside-inbox")
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise OutputFileError("out-folder-uncreatable", path=str(out), detail=exc.strerror) from exc
    prog_path = str(Path(programme).resolve()) if programme else None
    prog = load(prog_path)
    summary = BatchSummary(inbox, out)
    with exclusive(out):
        reg = Registry(registry or out / "formkit.sqlite")
        try:
            _read_all(reg, summary, prog_path, validators, workers, progress)
            write_outputs(
                reg,
                summary,
                prog,
                validators=validators,
                workers=workers,
                round_no=round_no,
                lang=lang,
            )
        finally:
            reg.close()
    return summary


def _read_all(
    reg: Registry,
    summary: BatchSummary,
    programme: str | None,
    validators: str | None,
    workers: int | None,
    progress: Progress | None,
) -> None:
    done = ingest(
        reg,
        summary.inbox,
        programme=programme,
        validators=validators,
        workers=workers,
        progress=progress,
    )
    summary.files_seen, summary.files_read = done.files_seen, done.files_read
    summary.files_reused, summary.files_forgotten = done.files_reused, done.files_forgotten
