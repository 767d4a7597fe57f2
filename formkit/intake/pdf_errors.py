"""What pdfminer / pdfplumber raise on a damaged file, in one place for the PDF reader and
the print check of formkit's own PDFs: their own exceptions, and the builtin ones their
parsers let through on malformed objects and streams."""

from __future__ import annotations

import struct
import zlib

from pdfminer.psexceptions import PSException
from pdfplumber.utils.exceptions import MalformedPDFException, PdfminerException

PARSE_ERRORS: tuple[type[BaseException], ...] = (
    PdfminerException,
    MalformedPDFException,
    PSException,
    ValueError,
    KeyError,
    TypeError,
    IndexError,
    AttributeError,
    AssertionError,
    EOFError,
    OverflowError,
    ZeroDivisionError,
    NotImplementedError,
    UnicodeError,
    RecursionError,
    struct.error,
    zlib.error,
)
