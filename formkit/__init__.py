"""formkit — forms, checks, summaries and official documents for a provincial SME grant
programme (大中小企业融通型创新创业特色载体)."""

from formkit.errors import (
    ConfigError,
    FormkitError,
    InputFileError,
    OutputFileError,
    SpecError,
    TemplateError,
)
from formkit.findings import Finding
from formkit.spec import FormSpec, load_spec

__version__ = "0.1.0"

__all__ = [
    "ConfigError",
    "Finding",
    "FormSpec",
    "FormkitError",
    "InputFileError",
    "OutputFileError",
    "SpecError",
    "TemplateError",
    "__version__",
    "load_spec",
]
