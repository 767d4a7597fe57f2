"""formkit's exceptions.

Three kinds of failure stay apart (DESIGN.md): a broken spec, template or configuration
raises at load; an unreadable input file raises ``InputFileError`` and is caught per file
by ``check``/``batch`` and reported; data that breaks rules is never raised, it is returned
as findings.

    FormkitError
    ├── SpecError          a validators/*.yaml spec is malformed (file and place named)
    ├── ConfigError        the programme configuration or catalogue cannot be used
    ├── TemplateError      a document template is broken or the data misses a variable
    ├── InputFileError     an input file cannot be read
    └── OutputFileError    an output cannot be written

A refusal is the same kind of data as a finding: a ``code`` of :data:`formkit.model.codes.CODES`,
its ``params``, the ``file`` and the ``place`` in it. No exception carries prose; its text
is rendered from the catalogue, in Chinese (``str(exc)``) or English (``exc.message("en")``)::

    raise InputFileError("file-unsafe", name, place="word/_rels/document.xml.rels",
                         reason="rels-too-large")

``reason`` names an entry of :data:`formkit.model.codes.REASONS` that fills the code's
``{detail}`` (its own placeholders are params too).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from formkit.model.codes import CODES, REASONS, filled
from formkit.model.findings import plain_param


class FormkitError(Exception):
    """Base of every error formkit raises on purpose: ``code``, ``params``, ``file``, ``place``.

    ``code`` and ``file`` are positional-only so that a template's own ``{file}`` can be a
    param (``InputFileError("panel-experts-blank", str(path), file=path.name, row=3)``).
    """

    hinted = True  # the message ends with the code's hint (what to do), as the CLI prints it

    def __init__(
        self, code: str, file: str | None = None, /, *, place: object = None, **params: object
    ) -> None:
        if code not in CODES:
            raise KeyError(f"unknown code {code!r}")
        reason = params.get("reason")
        if reason is not None and reason not in REASONS:
            raise KeyError(f"unknown reason {reason!r}")
        self.code = code
        self.file = file
        self.place = None if place is None else str(place)
        # Any: the params are forwarded as keywords to finding(), whose names are typed
        self.params: dict[str, Any] = {k: plain_param(v) for k, v in params.items()}
        super().__init__(code, file, self.place, self.params)

    def __reduce__(self) -> tuple[object, ...]:
        # code, file, place and plain params: an error crosses a process boundary intact
        # (and a subclass's own attributes, as the state)
        state = {k: v for k, v in vars(self).items() if k not in _OWN}
        return (_rebuild, (type(self), self.code, self.file, self.place, self.params), state)

    def sentence(self, lang: str = "zh") -> str:
        """The catalogue's sentence for this error, without file and place."""
        return CODES[self.code].render(lang, **self.params)

    def message(self, lang: str = "zh") -> str:
        """``file place：sentence`` (``file place: sentence`` in English), then the code's
        hint where the class shows it."""
        where = " ".join(p for p in (self.file, self.place) if p)
        text = self.sentence(lang)
        if where:
            text = f"{where}{': ' if lang == 'en' else '：'}{text}"
        hint = CODES[self.code].hint
        if self.hinted and hint and lang != "en":  # hints are Chinese only (codes.py)
            text = f"{text.rstrip('。')}。{hint}"
        return text

    def __str__(self) -> str:
        return self.message("zh")

    @property
    def reason(self) -> str:
        """Compatibility: the Chinese words that used to be passed as ``reason`` — the
        reason's sentence, else the bare ``detail``/``seconds``, else the code's sentence."""
        reason = self.params.get("reason")
        if reason is not None:
            return REASONS[reason].render("zh", **filled("zh", self.params))
        for key in ("detail", "seconds"):
            if key in self.params:
                return str(self.params[key])
        return self.sentence("zh")


_OWN = frozenset({"code", "file", "place", "params"})


def _rebuild(
    cls: type[FormkitError],
    code: str,
    file: str | None,
    place: str | None,
    params: Mapping[str, object],
) -> FormkitError:
    error = cls.__new__(cls)
    FormkitError.__init__(error, code, file, place=place, **params)
    return error


class SpecError(FormkitError):
    """A form spec is malformed."""


class ConfigError(FormkitError):
    """The programme configuration or the zone catalogue cannot be used."""


class TemplateError(FormkitError):
    """A template is broken, or the data lacks what the template needs."""


class OutputFileError(FormkitError):
    """An output file or folder cannot be written."""


class InputFileError(FormkitError):
    """An input file cannot be read; ``file`` is required. Its hint is not in the message:
    a per-file report shows the hint on a line of its own."""

    file: str
    hinted = False

    def __init__(self, code: str, file: str, /, *, place: object = None, **params: object) -> None:
        super().__init__(code, file, place=place, **params)
