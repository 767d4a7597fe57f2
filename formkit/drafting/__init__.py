"""Draft a form spec from a bureau's own blank form, and check a hand-edited spec.

    draft = draft_spec("科技项目申报表.docx")      # a Draft: spec dict + notes to review
    text = render(draft, "科技项目申报表.docx")   # validators/<name>.yaml text
    write_draft(draft, text, out_dir, force=False)
    problems = check_dir(out_dir)                  # spec check: findings with file and line

The blank form is read like any received file: the intake gate, then a reader in an
isolated worker under formkit's time and memory limits. See docs/spec-draft.md.
"""

from __future__ import annotations

from formkit.drafting.build import Draft, Note
from formkit.drafting.check import check_dir, check_text
from formkit.drafting.draft import draft_document, draft_spec, write_draft
from formkit.drafting.render import edited, note_text, render

__all__ = [
    "Draft",
    "Note",
    "check_dir",
    "check_text",
    "draft_document",
    "draft_spec",
    "edited",
    "note_text",
    "render",
    "write_draft",
]
