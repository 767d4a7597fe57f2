"""formkit — forms, checks, summaries and official documents for a provincial SME grant
programme (大中小企业融通型创新创业特色载体).

The library behind the ``formkit`` command::

    formkit.parse(path)            # one file or archive → [FileResult]
    formkit.check(paths)           # files, folders, archives → [FileResult]
    formkit.render(kind, data, out)  # an official document (.docx, optionally PDF)
"""

from formkit._api import render
from formkit.model.errors import (
    ConfigError,
    FormkitError,
    InputFileError,
    OutputFileError,
    SpecError,
    TemplateError,
)
from formkit.model.findings import Finding
from formkit.pipeline import FileResult, Options, check, exit_code, parse
from formkit.spec import FormSpec, load_spec

__version__ = "0.1.0"


__all__ = [
    "ConfigError",
    "FileResult",
    "Finding",
    "FormSpec",
    "FormkitError",
    "InputFileError",
    "Options",
    "OutputFileError",
    "SpecError",
    "TemplateError",
    "__version__",
    "check",
    "exit_code",
    "load_spec",
    "parse",
    "render",
]
