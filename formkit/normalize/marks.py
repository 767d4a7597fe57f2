"""Ticks and yes/no answers: checkbox glyphs in every layout (``☑是 ☐否``, ``是√ 否``,
``√是``, ``是（√）否（ ）``, ``■省级 □国家级``) and plain answers (是/否, Y/N, 有/无, 1/0).

Readers turn real checkboxes into ☑/☐; applicants also type ■ □ ☒ √ ✓ ✔ by hand.
"""

from __future__ import annotations

import re
from typing import Final

from formkit.model.resources import words
from formkit.normalize.base import ABSENT, NormalizeError, is_none_marker, nfkc

CHECKED_GLYPHS: Final = "☑☒■✓✔√✅▣●◉⊠"
UNCHECKED_GLYPHS: Final = "☐□○◯✗✘×"
_GLYPH = re.compile(f"[{CHECKED_GLYPHS}{UNCHECKED_GLYPHS}]")
_BRACKET_TICK = re.compile(r"[(（\[【]\s*([√✓✔xX×☑■])\s*[)）\]】]")
_BRACKET_EMPTY = re.compile(r"[(（\[【]\s*[)）\]】]")
_LABEL_EDGES = " \t\r\n\u3000:：,，;；、/|"

TRUE_WORDS: Final = frozenset(words("normalize", "true_words"))
FALSE_WORDS: Final = frozenset(words("normalize", "false_words"))


def has_marks(text: str) -> bool:
    return _GLYPH.search(_bracket_marks(text)) is not None


def checked_options(text: str) -> list[str]:
    """The labels whose box is ticked, in order: ``☑省级 ☐国家级`` → ``["省级"]``.

    A mark belongs to the label it touches (no space between); when it touches both or
    neither, the layout decides: marks before their labels if the text starts with a mark,
    after them if it ends with one.
    """
    text = _bracket_marks(text)
    pieces = _GLYPH.split(text)
    glyphs = _GLYPH.findall(text)
    marks_first = text.strip()[:1] in glyphs or text.strip()[-1:] not in glyphs
    chosen: list[str] = []
    for i, glyph in enumerate(glyphs):
        if glyph not in CHECKED_GLYPHS:
            continue
        label = _label_for(pieces[i], pieces[i + 1], marks_first)
        if label and label not in chosen:
            chosen.append(label)
    return chosen


def _bracket_marks(text: str) -> str:
    text = _BRACKET_TICK.sub(lambda m: "☐" if m[1] == "×" else "☑", text)
    return _BRACKET_EMPTY.sub("☐", text)


def _label_for(before: str, after: str, marks_first: bool) -> str:
    """The label a mark between ``before`` and ``after`` belongs to."""
    left = _last_label(before)
    right = _first_label(after)
    touches_left = bool(before) and not _is_gap(before[-1]) and bool(left)
    touches_right = bool(after) and not _is_gap(after[0]) and bool(right)
    if touches_left != touches_right:
        return left if touches_left else right
    return (right or left) if marks_first else (left or right)


def _is_gap(char: str) -> bool:
    return char.isspace() or char in _LABEL_EDGES


def _first_label(text: str) -> str:
    return re.split(r"\s{2,}|[\s:：,，;；、/|]", text.strip(_LABEL_EDGES), maxsplit=1)[0]


def _last_label(text: str) -> str:
    return re.split(r"\s{2,}|[\s:：,，;；、/|]", text.strip(_LABEL_EDGES))[-1]


def parse_bool(raw: object) -> object:
    """True/False from a typed Excel bool, 1/0, 是/否, Y/N, 有/无 or ticked boxes."""
    if isinstance(raw, bool):
        return raw
    if isinstance(raw, (int, float)) and raw in (0, 1):
        return bool(raw)
    if not isinstance(raw, str):
        raise NormalizeError("bool", raw, "not a yes/no answer")
    if has_marks(raw) and squash_lower(raw) not in TRUE_WORDS | FALSE_WORDS:
        return _bool_from_marks(raw)
    word = squash_lower(raw).rstrip("。.")
    if word in TRUE_WORDS:
        return True
    if word in FALSE_WORDS:
        return False
    if is_none_marker(raw):
        return ABSENT
    raise NormalizeError("bool", raw, "not a yes/no answer")


def _bool_from_marks(raw: str) -> object:
    answers = {_answer(label) for label in checked_options(raw)}
    if not answers:
        return ABSENT  # nothing ticked
    if len(answers) > 1 or None in answers:
        raise NormalizeError("bool", raw, "both or neither of yes/no ticked")
    return answers.pop()


def _answer(label: str) -> bool | None:
    word = squash_lower(label)
    if word in TRUE_WORDS:
        return True
    if word in FALSE_WORDS:
        return False
    return None


def squash_lower(text: str) -> str:
    return "".join(nfkc(text).split()).lower()
