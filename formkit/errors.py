"""formkit's exceptions.

Three kinds of failure stay apart (DESIGN.md): a broken spec, template or configuration
raises at load; an unreadable input file raises ``InputFileError`` and is caught per file
by ``check``/``batch`` and reported; data that breaks rules is never raised, it is returned
as findings.

    FormkitError
    ├── SpecError          a validators/*.yaml spec is malformed (file and place named)
    ├── ConfigError        the programme configuration or catalogue cannot be used
    ├── TemplateError      a document template is broken or the data misses a variable
    ├── InputFileError     an input file cannot be read (code + Chinese reason)
    └── OutputFileError    an output cannot be written
"""

from __future__ import annotations


class FormkitError(Exception):
    """Base of every error formkit raises on purpose."""


class SpecError(FormkitError):
    """A form spec is malformed."""


class ConfigError(FormkitError):
    """The programme configuration or the zone catalogue cannot be used."""


class TemplateError(FormkitError):
    """A template is broken, or the data lacks what the template needs."""


class OutputFileError(FormkitError):
    """An output file or folder cannot be written."""


class InputFileError(FormkitError):
    """An input file cannot be read.

    ``code`` is a stable slug from :mod:`formkit.codes`; ``reason`` is the Chinese sentence
    shown to the user; ``place`` optionally names where in the file the problem is.
    """

    def __init__(self, file: str, code: str, reason: str, place: str | None = None) -> None:
        self.file = file
        self.code = code
        self.reason = reason
        self.place = place
        where = f"{file} {place}" if place else file
        super().__init__(f"{where}：{reason}")
