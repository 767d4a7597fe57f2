"""The safety gate's limits, in one small frozen dataclass.

Defaults were measured on ``shared/corpus/peers/`` (330 files from seven parsers' test
suites): the most members in one file is 1,033 (openpyxl's ``bigfoot.xlsx``), the largest
uncompressed total 6.4 MB and the largest member 3.1 MB (docling's ``test_emf_docx.docx``),
and the highest compression ratio of any member 42.9 (a 150 KB ``[Content_Types].xml``;
the highest for a member over 1 MiB is 41.5, a 2.3 MB ``numbering.xml``). A zip bomb's
members inflate 1,000× (deflate's ceiling is ~1,032×). The peer PDFs' largest Flate
stream inflates to 2.7 MB (ratio 31), their largest total to 3.9 MB; the PDF caps are set
for scans instead (an A4 page at 600 dpi in RGB is 100 MB raw). Every limit below leaves a
wide margin over the peers and stays far below what would hurt a 1 GiB worker.
"""

from __future__ import annotations

from dataclasses import dataclass

MiB = 1024 * 1024


@dataclass(frozen=True)
class Limits:
    """What the gate accepts before any parser sees a file."""

    max_file_bytes: int = 200 * MiB  # the input itself (also the pipeline's cap)
    max_members: int = 2_000  # entries in one zip (peers: 1,033)
    max_total: int = 200 * MiB  # sum of declared uncompressed sizes (peers: 6.4 MB)
    max_member: int = 100 * MiB  # one member, uncompressed (peers: 3.1 MB)
    max_ratio: float = 100.0  # uncompressed / compressed (peers: 42.9) …
    ratio_floor: int = 1 * MiB  # … checked only for members larger than this
    max_depth: int = 2  # zips inside zips: outer = 0, deepest allowed = 2
    prolog_budget: int = 64 * 1024  # bytes of an XML part read to find its root element
    pdf_max_stream: int = 256 * MiB  # one PDF stream, inflated (a 600 dpi A4 RGB image: 100 MB)
    pdf_ratio_floor: int = 32 * MiB  # … and one past this at more than max_ratio is a bomb
    pdf_max_inflated: int = 1024 * MiB  # all PDF Flate streams together, inflated

    def __post_init__(self) -> None:
        for name, value in vars(self).items():
            if value <= 0 and name != "max_depth":
                raise ValueError(f"Limits.{name} must be positive, got {value!r}")


DEFAULT_LIMITS = Limits()
