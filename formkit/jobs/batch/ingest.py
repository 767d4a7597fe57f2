"""The one inbox reader: an inbox folder into the registry, reading only what changed.

``formkit batch`` and the cycle commands (``monitor``, ``evaluate``) both read their inbox
through :func:`ingest`. Each file is read in an isolated worker (time and memory limits per
file, :mod:`formkit.jobs.batch.workers`) and its results are committed to the registry as soon as it
is read, so a killed run loses at most the files in flight. A file whose size and time (or
else content hash) match what the registry holds is not read again; its stored results are
used. Stored results are data — values as read and findings as code, params and place — so
a wording change in the catalogue reaches them without reading any file again.

When the settings the results depend on change (formkit, the specs, the programme and its
catalogue, what a worker stores: :func:`fingerprint`), every file is read again.
"""

from __future__ import annotations

import functools
import hashlib
import io
import os
import time
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import NotRequired, TypedDict, cast

from formkit import __version__
from formkit.intake.isolate import start_method
from formkit.intake.names import safe_display
from formkit.intake.zipaudit import member_path
from formkit.jobs.batch.discover import InboxFile, unchanged, walk
from formkit.jobs.batch.workers import Read, map_files
from formkit.jobs.entries import StoredFile
from formkit.jobs.registry import Registry
from formkit.model.resources import validators_dir, word_section
from formkit.pipeline import FileResult, Options, ResultData, process_bytes, warm_up
from formkit.programme import Programme, load_programme

Progress = Callable[[int, int, str], None]

# What a worker stores besides ``FileResult.to_data()``; part of the fingerprint, so results
# stored in an older shape are read again rather than misread.
STORED_FORMAT = "2: rows_not_applicable"


class _InboxWords(TypedDict):  # the part of vocabulary/cycle.yaml: inbox read here
    not_applicable: list[str]


# An indicator row marked as not applying to the zone (a none-marker in an amount reads as 0,
# so the mark is kept beside the values: the cycle scores such a row apart).
NOT_APPLICABLE: tuple[str, ...] = tuple(
    word_section("cycle", "inbox", _InboxWords)["not_applicable"]
)

# Test hook: seconds each worker waits before reading a file, so a test can kill a run
# part-way at a known point. Never set in normal use.
DELAY_ENV = "FORMKIT_TEST_READ_DELAY"


@dataclass
class Ingested:
    """What one reading of an inbox did; ``files`` are the inbox's files in walk order."""

    files: list[str] = field(default_factory=list)
    files_read: int = 0
    files_reused: int = 0
    files_forgotten: int = 0

    @property
    def files_seen(self) -> int:
        return len(self.files)


def ingest(
    reg: Registry,
    inbox: Path,
    *,
    programme: str | None = None,
    validators: str | None = None,
    workers: int | None = None,
    progress: Progress | None = None,
) -> Ingested:
    """Bring ``reg`` up to date with ``inbox``: read new and changed files, forget removed
    ones. ``programme`` is a programme file's path (its catalogue checks run per file)."""
    run_id = reg.start_run(str(inbox))
    settings = fingerprint(programme, validators)
    if reg.get_meta("fingerprint") != settings:
        reg.clear_files()
        reg.set_meta("fingerprint", settings)
    known = reg.known()
    own = _own_files(reg.path, inbox)
    items = [i for i in walk(inbox) if i.rel not in own]
    done = Ingested([i.rel for i in items])
    todo: list[InboxFile] = []
    for item in items:
        stored = known.get(item.rel)
        if stored is not None and unchanged(item, stored):
            if stored.mtime_ns != item.mtime_ns:
                reg.touch(StoredFile(item.rel, stored.sha256, item.size, item.mtime_ns), run_id)
            done.files_reused += 1
        else:
            todo.append(item)
    done.files_forgotten = reg.forget_missing(set(done.files))
    if todo and start_method() == "fork":
        # readers imported and specs loaded here, once, rather than in each worker: pebble
        # replaces a worker every 200 calls (of up to 8 files each), and each paid 0.1–0.15 s
        # CPU to warm up (1,000 zones: 17 workers, before calls took several files)
        warm_up(Options(validators=validators), [i.path for i in todo])
    for stored, results, unreadable, received in map_files(
        read_inbox_file, inbox, todo, programme, validators, workers
    ):
        reg.store(stored, run_id, results, unreadable, received)
        done.files_read += 1
        if progress:
            progress(done.files_read, len(todo), stored.path)
    reg.finish_run(run_id, done.files_seen, done.files_read)
    return done


def _own_files(registry: Path, inbox: Path) -> frozenset[str]:
    """The registry's own files, when it lies inside the inbox: never read as submissions."""
    try:
        rel = registry.resolve().relative_to(inbox.resolve()).as_posix()
    except ValueError:
        return frozenset()
    return frozenset(rel + end for end in ("", "-wal", "-shm", "-journal"))


def read_inbox_file(inbox: str, rel: str, programme: str | None, validators: str | None) -> Read:
    """Worker: read one inbox file (an archive gives several results)."""
    if os.environ.get(DELAY_ENV):
        time.sleep(float(os.environ[DELAY_ENV]))
    path = Path(inbox) / rel
    st = path.stat()
    data = path.read_bytes()
    options = Options(validators=validators, programme=load(programme), isolate=False)
    results = process_bytes(rel, data, options)
    stored = StoredFile(rel, hashlib.sha256(data).hexdigest(), st.st_size, st.st_mtime_ns)
    times = member_times(data, rel) if any("!" in r.file for r in results) else {}
    return (
        stored,
        [stored_data(r) for r in results],
        [r.unreadable for r in results],
        [times.get(r.file) for r in results],
    )


class StoredData(ResultData):
    """What the registry keeps of a result: with the indicator rows marked 不适用."""

    rows_not_applicable: NotRequired[list[int]]


def stored_data(result: FileResult) -> StoredData:
    """A result as the registry keeps it: :meth:`FileResult.to_data` and the indicator rows
    marked 不适用 (by position), which the values alone no longer show."""
    data = cast(StoredData, result.to_data())  # the same dict, one key more to come
    rows = result.record.indicators if result.record else []
    marked = [n for n, row in enumerate(rows) if any(_not_applicable(v.raw) for v in row.values())]
    if marked:
        data["rows_not_applicable"] = marked
    return data


def _not_applicable(raw: object) -> bool:
    return str(raw).strip() in NOT_APPLICABLE


def member_times(data: bytes, name: str) -> dict[str, str]:
    """When each member of a (top-level) zip was last modified, by its shown name."""
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
    its catalogue, the shape a worker stores. When it changes, every file is read again."""
    digest = hashlib.sha256(f"{__version__}\0{STORED_FORMAT}".encode())
    folder = Path(validators) if validators else validators_dir()
    sources = sorted(folder.glob("*.yaml"))
    prog = load(programme)
    if programme:
        sources.append(Path(programme))
    if prog is not None and prog.catalogue_path:
        sources.append(Path(prog.catalogue_path))
    for source in sources:
        digest.update(source.name.encode() + b"\0" + source.read_bytes())
    return digest.hexdigest()


@functools.cache
def _loaded(path: str) -> Programme:
    return load_programme(path)


def load(path: str | None) -> Programme | None:
    """The programme at ``path`` (loaded once per process: each worker loads it itself)."""
    return None if path is None else _loaded(path)
