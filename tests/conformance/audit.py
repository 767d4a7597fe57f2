"""ISO/IEC 29500 transitional conformance of .docx/.xlsx, judged by openxml-audit.

openxml-audit is a pure-Python port of the Open XML SDK's validator (the schemas with their
element order, which is what Word and Excel enforce, plus the SDK's semantic checks) with extra
checks of its own for what Word and Excel repair. Every finding fails, warnings included, unless
a rule in :data:`TOLERATED` names it. That list is calibrated on python-docx's and openpyxl's own
default files (``test_calibration_*``): a rule that fires on them is either tolerated here with
the reason, or the validator is wrong for everything those libraries write.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from openxml_audit import FileFormat, OpenXmlValidator, ValidationError

# What openpyxl writes inside <font> (names only: an unknown element still fails).
_FONT_CHILDREN = (
    "b|i|strike|condense|extend|outline|shadow|u|vertAlign|sz|color|name|family|charset|scheme"
)


@dataclass(frozen=True)
class Tolerated:
    """A finding the validator reports that Word/Excel accept, with the reason."""

    name: str
    reason: str
    part: str  # regular expression over the part name
    description: str  # regular expression over the finding's text

    def covers(self, finding: ValidationError) -> bool:
        return bool(
            re.fullmatch(self.part, finding.part_uri)
            and re.search(self.description, finding.description)
        )


TOLERATED: tuple[Tolerated, ...] = (
    Tolerated(
        "xlsx-font-child-order",
        "ISO/IEC 29500-1 transitional sml.xsd declares CT_Font as <xsd:choice "
        "maxOccurs='unbounded'>: its children may come in any order. The Open XML SDK's model "
        "(which openxml-audit ports) makes it a sequence; openpyxl writes name/family/b/color/sz "
        "and Excel opens that without repair.",
        r"/xl/styles\.xml",
        rf"^Unexpected element '({_FONT_CHILDREN})' found$",
    ),
    Tolerated(
        "xlsx-inline-strings",
        "openpyxl writes text cells as inline strings (t='inlineStr', valid per §18.3.1.4). "
        "Excel opens them without repair and moves them to a shared-strings table when it "
        "saves; a warning about a rewrite, not about a defect.",
        r"/xl/worksheets/sheet\d+\.xml",
        r"inline-string cell",
    ),
    Tolerated(
        "docx-styles-with-effects-drift",
        "python-docx's own default template carries a Word 2010 stylesWithEffects.xml that "
        "already lacks its Header/Footer styles and differs in docDefaults; every styles.xml "
        "edit widens the gap. Word 2013 and later keep that part only as a copy for Word 2010 "
        "and format from styles.xml; python-docx's defaults open in Word without repair. "
        "formkit's own forms leave the part out (ooxml_common.drop_styles_with_effects); "
        "the sample a zone retyped in plain python-docx keeps it.",
        r"/word/stylesWithEffects\.xml",
        r"(not in stylesWithEffects|docDefaults differ between styles\.xml and stylesWithEffects)",
    ),
    Tolerated(
        "docx-no-theme-part",
        "The theme part is optional in ISO/IEC 29500-1 (§14.2.7); Word falls back to its "
        "built-in Office theme. openxml-audit's strict mode (not the SDK) lists it as "
        "required. formkit's notices name every font explicitly, so no theme font is used.",
        r"/word/document\.xml",
        r"required relationship type '[^']*/relationships/theme' is missing",
    ),
)


@cache
def validator() -> OpenXmlValidator:
    """One validator for the process: it loads the schemas once (≈ 0.3 s)."""
    return OpenXmlValidator(file_format=FileFormat.OFFICE_2019, max_errors=0)


def findings(path: Path) -> list[str]:
    """Every finding on the file that no tolerated rule covers, as readable lines."""
    result = validator().validate(path)
    return [
        f"{f.severity.value} {f}"
        for f in result.errors
        if not any(rule.covers(f) for rule in TOLERATED)
    ]


def tolerated_names(path: Path) -> set[str]:
    """The tolerated rules that fired on the file (to prove each one is still needed)."""
    result = validator().validate(path)
    return {rule.name for f in result.errors for rule in TOLERATED if rule.covers(f)}
