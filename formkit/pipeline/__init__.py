"""parse and check: one input path → one result per form file (archive members included).

This is the library behind ``formkit parse`` and ``formkit check`` (and, per file, behind
``batch`` and ``serve``): intake (safety gate, archives) → reader → form recognition →
extractor → validation. A file that cannot be read becomes a result carrying one
``file-*`` finding and ``unreadable=True``; nothing here raises for bad input.
"""

from __future__ import annotations

import traceback
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, TypedDict, cast

from formkit.intake.names import skipped
from formkit.model.codes import REPORT_TEXTS
from formkit.model.document import Document
from formkit.model.errors import InputFileError
from formkit.model.findings import Finding, FindingData, FindingDict, finding, has_errors
from formkit.model.record import Record, Value
from formkit.spec import FormSpec, load_all

if TYPE_CHECKING:
    from formkit.programme.model import Programme

MAX_INPUT_BYTES = 200 * 1024 * 1024
MANUAL_REVIEW = frozenset({"file-docx-pictures"})  # reader notes that only a person can act on


class _ResultBase(TypedDict):
    file: str
    form: str | None
    layout: str | None
    fields: dict[str, object]
    indicators: list[dict[str, object]]
    sections: dict[str, object]
    sources: dict[str, str]


class ResultDict(_ResultBase):
    """A result as ``--json`` prints it."""

    findings: list[FindingDict]


class ResultData(_ResultBase):
    """A result as the batch registry stores it (findings as data)."""

    findings: list[FindingData]


@dataclass
class FileResult:
    """What formkit made of one input file (or one archive member)."""

    file: str
    form: str | None = None
    record: Record | None = None
    findings: list[Finding] = field(default_factory=list)
    unreadable: bool = False
    debug: str | None = None  # traceback of an internal error, shown with --debug only

    @property
    def has_errors(self) -> bool:
        return has_errors(self.findings)

    def to_dict(self, lang: str = "zh") -> ResultDict:
        return {**self._values(), "findings": [f.to_dict(lang) for f in self.findings]}

    def to_data(self) -> ResultData:
        """The result as the batch registry stores it: values and findings as data (code,
        params, place), no rendered message."""
        return {**self._values(), "findings": [f.to_data() for f in self.findings]}

    def _values(self) -> _ResultBase:
        record = self.record
        data = record.data() if record else {}
        return {
            "file": self.file,
            "form": self.form,
            "layout": record.layout if record else None,
            "fields": {k: v for k, v in data.items() if k not in ("indicators", "sections")},
            # the shapes Record.data() builds
            "indicators": cast("list[dict[str, object]]", data.get("indicators", [])),
            "sections": cast("dict[str, object]", data.get("sections", {})),
            "sources": record.sources() if record else {},
        }


def exit_code(results: Iterable[FileResult]) -> int:
    """0 clean, 1 errors in the forms, 2 some input unreadable — 2 wins over 1."""
    results = list(results)
    if any(r.unreadable for r in results):
        return 2
    return 1 if any(r.has_errors for r in results) else 0


@dataclass(frozen=True)
class Keep:
    """What of each record a caller reads when it does not want the values read
    (``Options.records`` False): these fields, and of the table's rows that have a
    ``row_key`` value these columns. The rest stays in the worker: ``check``'s dossier checks
    read a tenth of a record (a 绩效目标表's pickle: 10.7 KB whole).

    A kept value keeps its place only for the fields in ``located`` (the places the caller
    names); the table's kept values come without theirs. A place is one more object to
    pickle and unpickle per value: a 绩效目标表's 36 target cells with their places cost the
    parent 77 µs to unpickle, without them 38 µs."""

    fields: frozenset[str] = frozenset()
    columns: frozenset[str] = frozenset()
    row_key: str = "indicator"
    located: frozenset[str] = frozenset()

    def cut(self, record: Record) -> Record:
        """The record with only these values (its form and layout kept)."""
        return Record(
            record.form,
            record.layout,
            fields={
                k: v if k in self.located else Value(v.raw, v.value)
                for k, v in record.fields.items()
                if k in self.fields
            },
            indicators=[
                {k: Value(v.raw, v.value) for k, v in row.items() if k in self.columns}
                for row in record.indicators
                if self.columns and self.row_key in row
            ],
        )


class OptionsDict(TypedDict, total=False):
    """The keys :meth:`Options.resolve` accepts in a dict (those of :class:`Options`)."""

    validators: str | None
    programme: Programme | None
    isolate: bool
    timeout_s: float
    memory_mb: int
    workers: int
    records: bool
    keep: Keep


@dataclass(frozen=True)
class Options:
    """How to process files; a dict of the same keys is accepted by :meth:`resolve`."""

    validators: str | None = None
    programme: Programme | None = None
    isolate: bool = True
    timeout_s: float = 60.0
    memory_mb: int = 1024
    workers: int = 1
    # False: results carry the form, its layout and the findings but not the values read —
    # all a text report shows, and a tenth of what a worker would otherwise send back.
    records: bool = True
    keep: Keep = Keep()  # what of the values read comes back all the same without records

    @classmethod
    def resolve(cls, value: Options | OptionsDict | None) -> Options:
        if value is None:
            return cls()
        if isinstance(value, Options):
            return value
        return cls(**value)


def iter_inputs(paths: Iterable[str | Path]) -> Iterator[tuple[str, Path]]:
    """Expand folders into their files (sorted); yield (name as given, path)."""
    for given in paths:
        path = Path(given)
        if path.is_dir():
            for child in sorted(p for p in path.rglob("*") if p.is_file()):
                if not skipped(child.relative_to(path).parts):
                    yield str(child), child
        else:
            yield str(given), path


def read_input(name: str, path: Path) -> bytes:
    try:
        size = path.stat().st_size
    except FileNotFoundError as exc:
        raise InputFileError("file-not-found", name) from exc
    if size > MAX_INPUT_BYTES:
        raise InputFileError("file-too-large", name, detail=f"{size >> 20} MB")
    return path.read_bytes()


def process_bytes(name: str, data: bytes, options: Options | None = None) -> list[FileResult]:
    """Gate, unpack, read, recognise, extract and validate one input's bytes."""
    # on use, not at the top: saves ~28 ms of start-up (measured)
    from formkit.intake.archive import iter_members
    from formkit.intake.gate import inspect

    options = Options.resolve(options)
    try:
        gate = inspect(data, name)
    except InputFileError as exc:
        return [unreadable(name, exc)]
    if gate.kind == "zip":
        results: list[FileResult] = []
        try:
            for member in iter_members(data, name):
                results.extend(process_bytes(member.name, member.data, options))
        except InputFileError as exc:
            results.append(unreadable(name, exc))
        return results
    return [process_document(name, data, gate.kind, list(gate.notes), options)]


def process_document(
    name: str, data: bytes, kind: str, notes: list[Finding], options: Options
) -> FileResult:
    try:
        doc = read_document(name, data, kind)
        result = analyse(doc, options)
    except Exception as exc:  # an internal defect: one line for the user, details for --debug
        return failed(name, exc, traceback.format_exc())
    if not result.unreadable:  # a refused file gets its refusal alone, as when a reader raises
        result.findings[:0] = notes
    return result


def read_document(name: str, data: bytes, kind: str) -> Document:
    if kind == "docx":
        # on use, not at the top: saves ~35 ms of start-up (measured)
        from formkit.readers.docx import read_docx

        return read_docx(data, name)
    if kind == "xlsx":
        # on use, not at the top: saves ~31 ms of start-up (measured)
        from formkit.readers.xlsx import read_xlsx

        return read_xlsx(data, name)
    if kind == "pdf":
        # on use, not at the top: saves ~134 ms of start-up (measured)
        from formkit.readers.pdf import read_pdf

        return read_pdf(data, name)
    if kind in ("xls", "et"):
        # on use, not at the top: saves ~95 ms of start-up (measured)
        from formkit.readers.legacy import read_workbook

        return read_workbook(data, name, kind)
    if kind in ("doc", "wps"):
        # on use, not at the top: saves ~68 ms of start-up (measured)
        from formkit.readers.legacy import read_legacy

        return read_legacy(data, name, kind)
    raise InputFileError("file-unknown-type", name, detail=kind)


def _form_word(spec: FormSpec) -> str:
    """The catalogue line of a form's title (``form-application``), rendered in the report's
    language; a bureau's own spec's title as it is."""
    key = f"form-{spec.name}"
    return key if REPORT_TEXTS.get(key, ("",))[0] == spec.title else spec.title


def analyse(doc: Document, options: Options) -> FileResult:
    """Recognise the form in a read document, extract and validate it."""
    # on use, not at the top: saves ~82 ms of start-up (measured)
    from formkit.extract import extract, recognise
    from formkit.validate import validate

    specs = _specs(options.validators)
    result = FileResult(doc.name)
    review = [f for f in doc.notes if f.code in MANUAL_REVIEW]
    if review:  # only a person can read it, as a scanned PDF
        result.findings, result.unreadable = review, True
        return result
    result.findings.extend(doc.notes)
    form = recognise(doc, specs)
    if form is None:
        known = [_form_word(spec) for spec in specs.values()]
        result.findings.append(finding("form-unknown", forms_words=known))
        return result
    spec = specs[form]
    record = extract(doc, spec)
    result.form = form
    result.record = record
    result.findings.extend(record.findings)
    result.findings.extend(validate(spec, record, programme=options.programme))
    return result


def unreadable(name: str, exc: InputFileError) -> FileResult:
    # the error's params are the code's: the finding renders the same sentence, in any language
    res = FileResult(name, unreadable=True)
    res.findings.append(finding(exc.code, location=exc.place, **exc.params))
    return res


def failed(name: str, error: BaseException, debug: str | None = None) -> FileResult:
    """The result of a file whose reading failed. An ``InputFileError`` is the file's fault
    (its own code and reason); anything else — an exception here, or a ``WorkerError`` from
    an isolated worker — is formkit's: ``internal-error``, with the traceback kept for
    ``--debug``."""
    if isinstance(error, InputFileError):
        return unreadable(name, error)
    # on use, not at the top: saves ~55 ms of start-up (measured)
    from formkit.intake.isolate import WorkerError

    res = FileResult(name, unreadable=True, debug=debug or getattr(error, "debug", None))
    detail = error.params["detail"] if isinstance(error, WorkerError) else type(error).__name__
    res.findings.append(finding("internal-error", detail=detail))
    return res


def _specs(directory: str | None) -> dict[str, FormSpec]:
    return load_all(directory)


def parse(path: str | Path, options: Options | OptionsDict | None = None) -> list[FileResult]:
    """Read one file (or archive) and return one result per form file in it."""
    return check([path], options)


def check(
    paths: Iterable[str | Path], options: Options | OptionsDict | None = None
) -> list[FileResult]:
    """Check files, folders and archives; one result per form file, in input order.

    With ``options.isolate`` (the default) each file is read in a worker process under
    ``timeout_s`` and ``memory_mb``, so one hostile file cannot stall or kill the run.
    """
    opts = Options.resolve(options)
    inputs = list(iter_inputs(paths))
    if not opts.isolate:
        return [r for name, path in inputs for r in check_one(name, str(path), opts)]
    # on use, not at the top: saves ~78 ms of start-up (measured)
    from formkit.intake.isolate import IsolatedPool, Shared

    warm_up(opts, [path for _, path in inputs])
    slots: list[list[FileResult]] = [[] for _ in inputs]
    workers = max(1, min(opts.workers, len(inputs)))
    # the options (a programme with its zone catalogue) reach the workers by fork, not by pipe
    with (
        Shared(opts) as shared,
        IsolatedPool(workers, timeout_s=opts.timeout_s, memory_mb=opts.memory_mb) as pool,
    ):
        calls = [(name, str(path), shared) for name, path in inputs]
        names = [n for n, _ in inputs]
        chunk = pool.chunk_for(len(calls))
        for outcome in pool.imap_unordered(check_one, calls, names=names, chunk=chunk):
            name = inputs[outcome.index][0]
            if outcome.error is None:
                slots[outcome.index] = outcome.result()
            else:
                slots[outcome.index] = [failed(name, outcome.error)]
    return [r for slot in slots for r in slot]


# The reader each file suffix needs; any other suffix (archives, legacy formats, none) may
# hold anything, so it warms every reader.
_READER_OF_SUFFIX = {
    ".docx": "formkit.readers.docx",
    ".docm": "formkit.readers.docx",
    ".xlsx": "formkit.readers.xlsx",
    ".xlsm": "formkit.readers.xlsx",
    ".pdf": "formkit.readers.pdf",
}


def warm_up(options: Options, paths: Iterable[Path] | None = None) -> None:
    """Import the readers and load the specs once, so every forked worker starts warm.

    With ``paths``, only the readers their suffixes call for (pdfplumber alone costs ~90 ms
    to import, a tenth of a second on every ``check`` of Word forms). The suffix is only a
    guess at what to import ahead: the type is still told by content, and a worker imports
    any other reader it turns out to need.
    """
    import importlib

    # on use, not at the top: saves ~109 ms of start-up (measured)
    import formkit.extract
    import formkit.intake.archive
    import formkit.intake.gate
    import formkit.validate  # noqa: F401
    from formkit.extract.labels import build_indexes

    readers = set(_READER_OF_SUFFIX.values())
    if paths is not None:
        wanted = {_READER_OF_SUFFIX.get(Path(p).suffix.lower()) for p in paths}
        readers = readers if None in wanted else {r for r in wanted if r is not None}
    for module in sorted(readers):
        importlib.import_module(module)
    build_indexes(_specs(options.validators).values())


def check_one(name: str, path: str, options: Options) -> list[FileResult]:
    """Read one input path (file or archive) into results; never raises for bad input."""
    try:
        data = read_input(name, Path(path))
    except InputFileError as exc:
        return [unreadable(name, exc)]
    results = process_bytes(name, data, options)
    if not options.records:
        for result in results:
            if result.record is not None:
                result.record = options.keep.cut(result.record)
    return results
