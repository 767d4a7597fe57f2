"""Writing what the reviewer hands on, from the registry alone:

- ``汇总表.xlsx`` (:mod:`formkit.jobs.batch.summary_xlsx`),
- ``审核意见/<市>/<开发区>.docx``, one 合规性审核意见 per zone (the ``opinion`` notice),
- ``report.html`` (:mod:`formkit.jobs.batch.report_html`).

Every file is written atomically. Each output's data is hashed; an output whose data, file
size and modification time are what the registry recorded is left alone, so a re-run with
nothing changed writes nothing. Opinions of zones that are gone are removed.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import tempfile
from collections.abc import Callable, Mapping
from dataclasses import asdict
from pathlib import Path
from typing import TYPE_CHECKING, Any

from formkit.intake.isolate import IsolatedPool, start_method
from formkit.jobs.batch import rounds
from formkit.jobs.batch.opinions import opinion_data, opinion_path
from formkit.jobs.batch.report_html import SUMMARY_NAME, report_html
from formkit.jobs.batch.review import Review, ZoneReview, for_review, not_forms, review
from formkit.jobs.batch.summary import BatchSummary
from formkit.jobs.batch.workers import default_workers
from formkit.jobs.registry import Registry
from formkit.model.codes import CODES, REPORT_TEXTS
from formkit.model.errors import OutputFileError
from formkit.model.resources import templates_dir
from formkit.programme.model import Programme
from formkit.spec import FormSpec, load_all
from formkit.writers.atomic import write_bytes_atomic
from formkit.writers.title_lines import segmenter

if TYPE_CHECKING:  # summary_xlsx imports openpyxl: loaded when the workbook is written
    from formkit.jobs.batch.summary_xlsx import History

REPORT_NAME = "report.html"
FORMAT_VERSION = "1"  # bump when an output's layout changes, so unchanged data is rewritten


class _Writer:
    """Writes outputs whose data changed since the registry last recorded them."""

    def __init__(self, out: Path, known: dict[str, tuple[str, int, int]], salt: str) -> None:
        self.out = out
        self.known = known
        self.salt = salt
        self.rows: list[tuple[str, str, int, int]] = []
        self.written = 0

    def digest(self, data: object) -> str:
        text = json.dumps(data, ensure_ascii=False, sort_keys=True, default=str)
        return hashlib.sha256((self.salt + text).encode()).hexdigest()

    def put(self, rel: str, data: object, produce: Callable[[], bytes]) -> Path:
        digest = self.digest(data)
        if not self.fresh(rel, digest):
            self.write(rel, digest, produce(), durable=True)
        return self.out / rel

    def fresh(self, rel: str, digest: str) -> bool:
        """Whether the file on disk is the one written last time for the same data (then it
        is recorded again and left alone)."""
        known = self.known.get(rel)
        try:
            st = (self.out / rel).stat()
        except OSError:
            return False
        if known is None or known != (digest, st.st_size, st.st_mtime_ns):
            return False
        self.rows.append((rel, digest, st.st_size, st.st_mtime_ns))
        return True

    def write(self, rel: str, digest: str, body: bytes, durable: bool = False) -> None:
        """Atomically (a reader never sees half a file); ``durable`` also syncs to disk."""
        path = self.out / rel
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            if durable:
                write_bytes_atomic(path, body)
            else:
                _replace(path, body)
            st = path.stat()
        except OSError as exc:
            raise OutputFileError(
                "output-unwritable", path=str(path), detail=exc.strerror or str(exc)
            ) from exc
        self.written += 1
        self.rows.append((rel, digest, st.st_size, st.st_mtime_ns))


def _replace(path: Path, body: bytes) -> None:
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(body)
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def write_outputs(
    reg: Registry,
    summary: BatchSummary,
    programme: Programme | None,
    *,
    validators: str | None = None,
    templates: Path | None = None,
    workers: int | None = None,
    round_no: int | None = None,
    lang: str = "zh",
) -> Review | None:
    """Review the registry and write every output; fills ``summary`` for the console.

    汇总表.xlsx and report.html speak ``lang``; the opinions are official documents and stay
    Chinese (their data, hence their files, do not depend on ``lang``).

    When neither the stored files nor the settings changed since the outputs were last
    written, and those outputs are still as written, nothing is reviewed again (None).
    """
    out = Path(summary.out)
    round_no = rounds.current(reg, round_no)
    salt = _salt(templates) + (f"round:{round_no}" if round_no > 1 else "")
    # the workbook's and the page's words depend on lang, the opinions' never (always zh)
    lang_mark = [f"lang:{lang}"] if lang != "zh" else []
    state = _state(reg, salt + "".join(lang_mark))
    if reg.get_meta(STATE_KEY) == state and _intact(out, reg.outputs()):
        summary.dossiers = reg.dossiers()
        summary.skipped_checks = json.loads(reg.get_meta(SKIPPED_KEY) or "[]")
        summary.not_forms = int(reg.get_meta(NOT_FORMS_KEY) or 0)
        summary.outputs = [out / rel for rel in sorted(reg.outputs())]
        return None
    specs = load_all(validators)
    entries = reg.entries(rounds.with_values(for_review))  # one pass over the registry
    rev = review(entries, programme, specs)
    snap = rounds.snapshot(rev, rounds.values_of(entries))
    changes = _changes(reg, round_no, snap, specs)
    history = _history(reg, round_no, snap, changes)
    lines = {key: c.lines(rev.titles, lang) for key, c in changes.items()}
    writer = _Writer(out, reg.outputs(), salt)
    opinion_files = _opinions(
        writer, rev, programme, templates, workers or default_workers(), changes
    )
    shown = _summary_data(rev, opinion_files)
    summary.outputs = [
        writer.put(
            SUMMARY_NAME,
            [shown, history, *lang_mark],
            _xlsx(rev, opinion_files, history, lang),
        ),
        *(out / rel for rel in sorted(opinion_files.values())),
        writer.put(
            REPORT_NAME,
            [shown, lines, *lang_mark],
            lambda: report_html(rev, opinion_files, templates=templates, changes=lines, lang=lang),
        ),
    ]
    _remove_stale(out, writer)
    reg.save_outputs(writer.rows)
    reg.save_dossiers([_dossier_row(z) for z in rev.zones])
    reg.set_meta(SKIPPED_KEY, json.dumps(rev.skipped, ensure_ascii=False))
    rounds.save(reg, round_no, snap)
    summary.not_forms = not_forms(rev)
    reg.set_meta(NOT_FORMS_KEY, str(summary.not_forms))
    reg.set_meta(STATE_KEY, state)
    summary.dossiers = reg.dossiers()
    summary.skipped_checks = list(rev.skipped)
    summary.outputs_written = writer.written
    return rev


STATE_KEY, SKIPPED_KEY, NOT_FORMS_KEY = "outputs_state", "skipped_checks", "not_forms"


def _state(reg: Registry, salt: str) -> str:
    """What the outputs were made from: every stored file's content and the settings."""
    digest = hashlib.sha256((salt + (reg.get_meta("fingerprint") or "")).encode())
    for path, stored in sorted(reg.known().items()):
        digest.update(f"{path}\0{stored.sha256}\n".encode())
    return digest.hexdigest()


def _intact(out: Path, known: dict[str, tuple[str, int, int]]) -> bool:
    for rel, (_digest, size, mtime_ns) in known.items():
        try:
            st = (out / rel).stat()
        except OSError:
            return False
        if (st.st_size, st.st_mtime_ns) != (size, mtime_ns):
            return False
    return bool(known)


def _xlsx(
    rev: Review, opinion_files: dict[str, str], history: History | None = None, lang: str = "zh"
) -> Callable[[], bytes]:
    def produce() -> bytes:
        # on use, not at the top: saves ~190 ms of start-up (measured)
        from formkit.jobs.batch.summary_xlsx import summary_bytes  # openpyxl: imported when needed

        return summary_bytes(rev, opinion_files, history, lang)

    return produce


def _changes(
    reg: Registry, round_no: int, snap: rounds.Snapshot, specs: Mapping[str, FormSpec]
) -> dict[str, rounds.Changes]:
    """Each zone's changes since the round before (none in round 1)."""
    before = rounds.load(reg, round_no - 1) if round_no > 1 else None
    if not before:
        return {}

    def label(form: str, key: str) -> str:
        try:
            return str(specs[form].field(key).label)
        except KeyError:
            return key

    return {k: rounds.compare(before[k], snap[k], label) for k in snap if k in before}


def _history(
    reg: Registry, round_no: int, snap: rounds.Snapshot, changes: dict[str, rounds.Changes]
) -> History | None:
    """Every round's status per zone, side by side, with this round's counts (from round 2)."""
    if round_no < 2:
        return None
    earlier = [rounds.load(reg, n) or {} for n in range(1, round_no)]
    keys = list(dict.fromkeys([*(k for r in earlier for k in r), *snap]))
    rows = []
    for key in keys:
        known = next(r[key] for r in [snap, *earlier] if key in r)
        statuses = [r[key]["status"] if key in r else None for r in [*earlier, snap]]
        c = changes.get(key)
        counts = [c.count(s) for s in ("fixed", "open", "new")] if c else [None] * 3
        rows.append([known["city"], known["zone"], *statuses, *counts])
    return {"rounds": round_no, "rows": rows}


def _opinions(
    writer: _Writer,
    rev: Review,
    programme: Programme | None,
    templates: Path | None,
    workers: int,
    changes: dict[str, rounds.Changes] | None = None,
) -> dict[str, str]:
    """One opinion per zone; those whose data changed are rendered, in parallel when many."""
    agency = programme.agency if programme is not None else None
    date = rev.date or dt.date.today().isoformat()
    taken: set[str] = set()
    files: dict[str, str] = {}
    pending: list[tuple[str, str, dict[str, Any]]] = []
    for z in rev.zones:
        rel = opinion_path(z, taken)
        files[z.dossier.key] = rel
        data = opinion_data(z, agency=agency, date=date)
        if changes and z.dossier.key in changes:
            data["rectification"] = changes[z.dossier.key].lines(rev.titles)
        digest = writer.digest(data)
        if not writer.fresh(rel, digest):
            pending.append((rel, digest, data))
    bodies = _render_all([(data, templates) for *_, data in pending], workers)
    for (rel, digest, _), body in zip(pending, bodies, strict=True):
        writer.write(rel, digest, body)
    return files


PARALLEL_FROM = 64  # fewer opinions than this are rendered in this process
RENDER_TIMEOUT_S = 120.0
RENDER_MEMORY_MB = 1024
# opinions per call to a render worker, as the pool's protocol costs ~0.3 ms a call (16
# opinions take ~40 ms, far within the time limit)
RENDER_CHUNK = 16


def _render_all(jobs: list[tuple[dict[str, object], Path | None]], workers: int) -> list[bytes]:
    if workers < 2 or len(jobs) < PARALLEL_FROM:
        return [_render(job) for job in jobs]
    bodies: list[bytes] = [b""] * len(jobs)
    # the same pool as reading (not a second process machinery); an opinion that cannot be
    # rendered is formkit's defect and stops the run
    if start_method() == "fork":
        # load jieba once here, so that every forked worker inherits it: loading it costs
        # 1.2 s CPU and ~70 MB a process (1,000 zones: 56 → 49 s CPU, peak PSS 254 → 187 MB);
        # the notice writer and the compiled template likewise (~0.2 s a worker)
        segmenter()
        _warm_renderer(jobs[0][1])
    # workers are not replaced (max_tasks=0): they render formkit's own data, not a
    # submitter's file, and a replacement would import and compile everything again
    with IsolatedPool(
        workers, timeout_s=RENDER_TIMEOUT_S, memory_mb=RENDER_MEMORY_MB, max_tasks=0
    ) as pool:
        chunks = [jobs[at : at + RENDER_CHUNK] for at in range(0, len(jobs), RENDER_CHUNK)]
        for outcome in pool.imap_unordered(_render_chunk, [(chunk,) for chunk in chunks]):
            if outcome.error is not None:
                raise outcome.error
            at = outcome.index * RENDER_CHUNK
            for offset, body in enumerate(outcome.result()):
                bodies[at + offset] = body
    return bodies


def _render_chunk(chunk: list[tuple[dict[str, object], Path | None]]) -> list[bytes]:
    return [_render(job) for job in chunk]


def _warm_renderer(templates: Path | None) -> None:
    # on use, not at the top: saves ~103 ms of start-up (measured)
    from formkit.writers.notice import load_template, template_path

    load_template(template_path("opinion", templates))


def _render(job: tuple[dict[str, object], Path | None]) -> bytes:
    # on use, not at the top: saves ~103 ms of start-up (measured)
    from formkit.writers.notice import render_bytes

    data, templates = job
    return render_bytes("opinion", data, templates=templates)


def _summary_data(rev: Review, opinion_files: dict[str, str]) -> object:
    return {
        "zones": [
            (
                z.dossier.key,
                z.city,
                z.zone,
                z.dossier.zone_code,
                z.carrier(),
                z.subsidy(),
                z.status,
                [asdict(i) for i in z.issues],
            )
            for z in rev.zones
        ],
        "others": [asdict(i) for i in rev.other_issues],
        "files": [asdict(f) for f in rev.files],
        "skipped": rev.skipped,
        "letters": sorted(
            (c, s.file, s.fields.get("doc_no")) for c, s in rev.grouping.letters.items()
        ),
        "opinions": opinion_files,
    }


def _salt(templates: Path | None) -> str:
    """Outputs depend on the templates and the catalogue's words too (stored findings are
    rendered when outputs are written): both are part of every digest."""
    digest = hashlib.sha256(FORMAT_VERSION.encode())
    for code in sorted(CODES.values(), key=lambda c: c.code):
        digest.update(f"{code.code}\0{code.zh}\0{code.en}\0{code.hint}\n".encode())
    digest.update(json.dumps(REPORT_TEXTS, sort_keys=True).encode())
    folder = Path(templates) if templates else templates_dir()
    for name in ("opinion.docx", "report.html.j2"):
        path = folder / name
        if path.is_file():
            digest.update(path.read_bytes())
    return digest.hexdigest()


def _remove_stale(out: Path, writer: _Writer) -> None:
    current = {rel for rel, *_ in writer.rows}
    for rel in writer.known:
        if rel not in current:
            (out / rel).unlink(missing_ok=True)


def _dossier_row(z: ZoneReview) -> dict[str, object]:
    return {
        "zone_key": z.dossier.key,
        "city": z.city,
        "zone_name": z.zone,
        "status": z.status,
        "errors": z.errors,
        "warnings": z.warnings,
        "summary": json.dumps(
            {"code": z.dossier.zone_code, "carrier": z.carrier(), "subsidy": z.subsidy()},
            ensure_ascii=False,
            sort_keys=True,
        ),
    }
