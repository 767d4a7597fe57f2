"""``formkit batch``: read an inbox into the registry, then build dossiers and outputs.

Reading is incremental and resumable: each inbox file's results are committed to the
registry as soon as it is read, so a killed run loses at most the files in flight, and the
next run reads only files whose content changed. Dossiers and outputs are then computed
from the registry alone, which is why an interrupted-then-resumed run ends with the same
outputs as an uninterrupted one.
"""

from __future__ import annotations

import fcntl
import hashlib
import io
import os
import time
import zipfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from formkit.batch.discover import InboxFile, unchanged, walk
from formkit.errors import ConfigError, OutputFileError
from formkit.registry import Registry, StoredFile

if TYPE_CHECKING:  # annotation only; the pipeline is loaded where files are read
    from formkit.pipeline import ResultData
    from formkit.programme_model import Programme

Read = tuple[StoredFile, list["ResultData"], list[bool], list[str | None]]

Progress = Callable[[int, int, str], None]


@dataclass
class BatchSummary:
    inbox: Path
    out: Path
    files_seen: int = 0
    files_read: int = 0
    files_reused: int = 0
    files_forgotten: int = 0
    outputs: list[Path] = field(default_factory=list)
    dossiers: list[dict[str, Any]] = field(default_factory=list)
    skipped_checks: list[str] = field(default_factory=list)
    outputs_written: int = 0
    not_forms: int = 0  # documents read that are none of the programme's forms


@contextmanager
def exclusive(out: Path) -> Iterator[None]:
    """Refuse a second run on the same output folder while one is running."""
    lock_path = out / ".formkit.lock"
    fh = lock_path.open("a+")
    try:
        fcntl.flock(fh, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError as exc:
        fh.close()
        raise OutputFileError(
            f"输出目录 {out} 正被另一个 formkit batch 使用，请等待其结束后再运行"
        ) from exc
    try:
        yield
    finally:
        fcntl.flock(fh, fcntl.LOCK_UN)
        fh.close()


# Test hook: seconds each worker waits before reading a file, so a test can kill a run
# part-way at a known point. Never set in normal use.
DELAY_ENV = "FORMKIT_TEST_READ_DELAY"


def read_inbox_file(inbox: str, rel: str, programme: str | None, validators: str | None) -> Read:
    """Worker: read one inbox file (an archive gives several results)."""
    from formkit.pipeline import Options, process_bytes

    if os.environ.get(DELAY_ENV):
        time.sleep(float(os.environ[DELAY_ENV]))
    path = Path(inbox) / rel
    st = path.stat()
    data = path.read_bytes()
    options = Options(validators=validators, programme=_programme(programme), isolate=False)
    results = process_bytes(rel, data, options)
    stored = StoredFile(rel, hashlib.sha256(data).hexdigest(), st.st_size, st.st_mtime_ns)
    times = member_times(data, rel) if any("!" in r.file for r in results) else {}
    return (
        stored,
        [r.to_data() for r in results],
        [r.unreadable for r in results],
        [times.get(r.file) for r in results],
    )


def member_times(data: bytes, name: str) -> dict[str, str]:
    """When each member of a (top-level) zip was last modified, by its shown name."""
    from formkit.intake.names import safe_display
    from formkit.intake.zipaudit import member_path

    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            return {
                f"{name}!{safe_display(member_path(i))}": _iso(i.date_time)
                for i in archive.infolist()
            }
    except (zipfile.BadZipFile, OSError, ValueError):
        return {}


def _iso(stamp: tuple[int, ...]) -> str:
    return "{:04d}-{:02d}-{:02d}T{:02d}:{:02d}:{:02d}".format(*stamp)


def fingerprint(programme: str | None, validators: str | None) -> str:
    """What stored results depend on besides the file: formkit, the specs, the programme and
    its catalogue. When it changes, every file is read again."""
    from formkit import __version__
    from formkit.resources import validators_dir

    digest = hashlib.sha256(__version__.encode())
    folder = Path(validators) if validators else validators_dir()
    sources = sorted(folder.glob("*.yaml"))
    prog = _programme(programme)
    if programme:
        sources.append(Path(programme))
    if prog is not None and prog.catalogue_path:
        sources.append(Path(prog.catalogue_path))
    for source in sources:
        digest.update(source.name.encode() + b"\0" + source.read_bytes())
    return digest.hexdigest()


_PROGRAMMES: dict[str, Programme] = {}


def _programme(path: str | None) -> Programme | None:
    if path is None:
        return None
    if path not in _PROGRAMMES:
        from formkit.programme import load_programme

        _PROGRAMMES[path] = load_programme(path)
    return _PROGRAMMES[path]


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
) -> BatchSummary:
    inbox, out = Path(inbox).resolve(), Path(out).resolve()
    if not inbox.is_dir():
        raise ConfigError(f"收件目录不存在或不是文件夹：{inbox}")
    if out == inbox or inbox in out.parents:
        raise OutputFileError("输出目录不能位于收件目录之内（收件目录必须保持原样）")
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise OutputFileError(f"无法创建输出目录 {out}：{exc.strerror}") from exc
    prog_path = str(Path(programme).resolve()) if programme else None
    prog = _programme(prog_path)
    summary = BatchSummary(inbox, out)
    with exclusive(out):
        reg = Registry(registry or out / "formkit.sqlite")
        try:
            _read_all(reg, summary, prog_path, validators, workers, progress)
            from formkit.batch.outputs import write_outputs

            write_outputs(
                reg, summary, prog, validators=validators, workers=workers, round_no=round_no
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
    run_id = reg.start_run(str(summary.inbox))
    settings = fingerprint(programme, validators)
    if reg.get_meta("fingerprint") != settings:
        reg.clear_files()
        reg.set_meta("fingerprint", settings)
    known = reg.known()
    items = list(walk(summary.inbox))
    summary.files_seen = len(items)
    todo: list[InboxFile] = []
    for item in items:
        stored = known.get(item.rel)
        if unchanged(item, stored):
            assert stored is not None
            if stored.mtime_ns != item.mtime_ns:
                reg.touch(StoredFile(item.rel, stored.sha256, item.size, item.mtime_ns), run_id)
            summary.files_reused += 1
        else:
            todo.append(item)
    summary.files_forgotten = reg.forget_missing({i.rel for i in items})
    from formkit.batch.pool import map_files

    done = 0
    for stored, results, unreadable, received in map_files(
        read_inbox_file, summary.inbox, todo, programme, validators, workers
    ):
        reg.store(stored, run_id, results, unreadable, received)
        done += 1
        if progress:
            progress(done, len(todo), stored.path)
    summary.files_read = done
    reg.finish_run(run_id, summary.files_seen, summary.files_read)


def default_workers() -> int:
    return max(1, len(os.sched_getaffinity(0)))
