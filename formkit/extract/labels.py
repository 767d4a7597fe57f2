"""Which field a piece of text names: label matching tolerant of how applicants print labels.

Every spelling is first brought to canonical form by :func:`formkit.normalize.normalize_label`
(whitespace, full-width characters, brackets, trailing colons, ※/*, numbering and suffixes
such as （全称） are taken care of there). A :class:`LabelIndex`, built once per spec, then
answers in three steps of decreasing strength:

1. ``EXACT`` — the canonical text, or its core without a trailing bracketed unit, is a
   label or alias of the spec;
2. ``CONTAINS`` — the text contains a label's core, or is contained in one, and the shorter
   covers most of the longer (``管理机构`` for ``管理机构名称``);
3. ``FUZZY`` — a close edit distance to a label of similar length, with a strict threshold.

Grouped labels (a merged ``联系人`` with ``姓名 / 职务 / 联系电话`` beside it) are looked up
under their group: ``(市级主管部门, 联系电话)`` is ``city_contact_phone``, never
``contact_phone``.
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher

from formkit.model.resources import words
from formkit.normalize import normalize_label
from formkit.spec import Field, FormSpec

EXACT, CONTAINS, FUZZY = 3, 2, 1

_TRAILING_BRACKETS = re.compile(r"(?:[（(][^（()）]*[)）])+$")
_LEADING_ASIDE = re.compile(f"^(?:{'|'.join(words('extract', 'leading_asides'))})[:：]?")
# A unit printed after a slash instead of in brackets: 核准面积/公顷, 申请资金／万元.
_UNIT = f"(?:{'|'.join(words('extract', 'slash_units'))})"
_SLASH_UNIT = re.compile(r"\s*[/／]\s*(" + _UNIT + r")\s*[:：]?\s*$", re.I)
_DIGITS = re.compile(r"\d")
MIN_CONTAIN_RATIO = 0.6
MIN_FUZZY_RATIO = 0.8
MAX_LABEL_CHARS = 24
LOOSE_MEMO = 4096


@functools.lru_cache(maxsize=16384)
def canon(text: str) -> str:
    """The canonical form of a label as printed (cached: texts repeat across documents)."""
    return normalize_label(text)


@functools.lru_cache(maxsize=16384)
def core(label: str) -> str:
    """A canonical label without trailing bracketed units or a leading ``其中：``."""
    stripped = _TRAILING_BRACKETS.sub("", _SLASH_UNIT.sub("", label))
    stripped = _LEADING_ASIDE.sub("", stripped)
    return stripped or label


def bracket_unit(text: str) -> str | None:
    """The unit printed in a label's trailing brackets or after a slash: ``申请资金（元）``,
    ``申请资金/元`` → ``元``."""
    found = re.search(r"[（(]([^（()）]{1,6})[)）]\s*[:：]?\s*$", text) or _SLASH_UNIT.search(text)
    return found.group(1).strip() if found else None


@dataclass(frozen=True)
class Match:
    """A label hit. ``field`` is None for a known label that names nothing here (a
    sub-label outside the fields of its group, such as 职务 under 市级主管部门)."""

    field: Field | None
    strength: int


class LabelIndex:
    """Canonical label → field look-ups for one list of fields, built once and reused."""

    def __init__(self, fields: Sequence[Field]) -> None:
        self.fields = tuple(fields)
        self.exact: dict[str, Field] = {}
        self.grouped: dict[tuple[str, str], Field] = {}  # (group, sub-label) → field
        self.group_labels: dict[tuple[str, str], Field] = {}  # (group, full label) → field
        self.groups: dict[str, str] = {}
        self.cores: list[tuple[str, Field]] = []
        for f in self.fields:
            self._add(f)
        self.cores.sort(key=lambda item: -len(item[0]))
        self._chars = _char_index(label for label, _ in self.cores)
        self._loose: dict[str, Match | None] = {}
        self._exact_memo: dict[str, Match | None] = {}
        self._group_memo: dict[str, str | None] = {}

    def _add(self, f: Field) -> None:
        spellings = [canon(label) for label in f.labels]
        for text in spellings:
            self.exact.setdefault(text, f)
        for text in spellings:
            self.exact.setdefault(core(text), f)
            if len(core(text)) >= 2:
                self.cores.append((core(text), f))
        if f.group:
            group = canon(f.group)
            self.groups[group] = f.group
            for sub in f.sublabels:
                self.grouped.setdefault((group, canon(sub)), f)
            for text in spellings:
                self.group_labels.setdefault((group, text), f)
                self.group_labels.setdefault((group, core(text)), f)

    # -- look-ups -------------------------------------------------------------------------

    def exact_match(self, text: str) -> Match | None:
        if text in self._exact_memo:
            return self._exact_memo[text]
        c = canon(text)
        f = (self.exact.get(c) or self.exact.get(core(c))) if c else None
        found = Match(f, EXACT) if f else None
        if len(self._exact_memo) > LOOSE_MEMO:
            self._exact_memo.clear()
        self._exact_memo[text] = found
        return found

    def match(self, text: str, *, fuzzy: bool = True) -> Match | None:
        """The field ``text`` names, strongest rule first; None when it names none."""
        c = canon(text)
        if not c or len(c) > MAX_LABEL_CHARS * 2:
            return None
        found = self.exact_match(text)
        if found or not fuzzy or not label_like(c):
            return found
        c = core(c)
        if c not in self._loose:
            if len(self._loose) > LOOSE_MEMO:
                self._loose.clear()
            self._loose[c] = self._contains(c) or self._fuzzy(c)
        return self._loose[c]

    def sub_label(self, group: str, text: str) -> Field | None:
        """The field ``text`` names as a sub-label printed under ``group`` (exactly)."""
        c = canon(text)
        return self.grouped.get((group, c)) or self.grouped.get((group, core(c)))

    def in_group(self, group: str, text: str) -> Match | None:
        """``text`` read as a label under the group label ``group`` (canonical)."""
        c = canon(text)
        f = self.sub_label(group, text) or self.group_labels.get((group, c))
        if f:
            return Match(f, EXACT)
        if label_like(c):
            f = self._group_contains(group, core(c))
            if f:
                return Match(f, CONTAINS)
        loose = self.match(text)
        if loose is None:
            return None
        if loose.field is not None and loose.field.group == self.groups[group]:
            return loose
        return Match(None, loose.strength)

    def _group_contains(self, group: str, c: str) -> Field | None:
        best: tuple[int, Field] | None = None
        for (g, sub), f in self.grouped.items():
            if g != group or len(sub) < 2 or sub not in c or len(sub) * 2 < len(c):
                continue
            if best is None or len(sub) > best[0]:
                best = (len(sub), f)
        return best[1] if best else None

    def group_of(self, text: str) -> str | None:
        """The canonical group name ``text`` prints (``市级中小企业主管部门`` → 市级主管部门)."""
        if text not in self._group_memo:
            if len(self._group_memo) > LOOSE_MEMO:
                self._group_memo.clear()
            self._group_memo[text] = self._group_of(text) if self.groups else None
        return self._group_memo[text]

    def _group_of(self, text: str) -> str | None:
        c = canon(text)
        if c in self.groups:
            return c
        if c in self.exact:
            return None
        for group in self.groups:
            if c.endswith(group) and len(group) * 5 >= len(c) * 2:
                return group  # 开发区联系人 → 联系人
            if len(group) >= 4 and is_subsequence(group, c) and len(group) / len(c) >= 0.5:
                return group
        return None

    def _contains(self, c: str) -> Match | None:
        best: tuple[float, Field] | None = None
        for label, f in self.cores:
            if label in c:
                ratio = len(label) / len(c)
            elif c in label and len(c) >= 2:
                ratio = len(c) / len(label)
            else:
                continue
            if ratio >= MIN_CONTAIN_RATIO and (best is None or ratio > best[0]):
                best = (ratio, f)
        return Match(best[1], CONTAINS) if best else None

    def _fuzzy(self, c: str) -> Match | None:
        """The closest label by edit similarity; :class:`SequenceMatcher` runs only on the
        labels whose shared characters could reach the threshold."""
        shared: dict[int, int] = {}
        for ch, n in Counter(c).items():
            for i, m in self._chars.get(ch, ()):
                shared[i] = shared.get(i, 0) + min(n, m)
        best: tuple[float, Field] | None = None
        matcher = SequenceMatcher(None, autojunk=False)
        matcher.set_seq2(c)
        for i, common in shared.items():
            label, f = self.cores[i]
            if len(label) < 3 or 2 * common < MIN_FUZZY_RATIO * (len(label) + len(c)):
                continue
            matcher.set_seq1(label)
            ratio = matcher.ratio()
            if ratio >= MIN_FUZZY_RATIO and (best is None or ratio > best[0]):
                best = (ratio, f)
        return Match(best[1], FUZZY) if best else None


def _char_index(labels: Iterable[str]) -> dict[str, list[tuple[int, int]]]:
    """character → [(label number, how often it occurs in that label)]."""
    index: dict[str, list[tuple[int, int]]] = {}
    for i, label in enumerate(labels):
        for ch, n in Counter(label).items():
            index.setdefault(ch, []).append((i, n))
    return index


# Words any office form prints — a student's application, a company's 任务书, another
# programme's 申报表. Recognition never counts them as evidence for one of our forms.
GENERIC_LABELS = frozenset(normalize_label(t) for t in words("extract", "generic_labels"))


def is_generic(text: str) -> bool:
    """Is ``text`` a label too common to tell one form from any other (a word of
    :data:`GENERIC_LABELS`, or two characters or fewer such as 单位, 日期, 职务)?"""
    label = canon(text)
    c = core(label)
    return len(c) <= 2 or c in GENERIC_LABELS or label in GENERIC_LABELS


def label_like(c: str) -> bool:
    """Could this canonical text be a label at all? Short, and not mostly digits."""
    if len(c) > MAX_LABEL_CHARS:
        return False
    digits = len(_DIGITS.findall(c))
    return digits * 3 < len(c)


def is_subsequence(needle: str, haystack: str) -> bool:
    it = iter(haystack)
    return all(ch in it for ch in needle)


def matches_any(text: str, names: Iterable[str]) -> bool:
    """Does ``text`` name one of ``names`` (exactly, or by containment of the core)?"""
    c = canon(text)
    if not c:
        return False
    for name in names:
        n = canon(name)
        if n == c or (
            len(n) >= 2 and (n in c or c in n) and min(len(n), len(c)) * 2 >= max(len(n), len(c))
        ):
            return True
    return False


_INDEX_CACHE: dict[tuple[int, str], tuple[object, LabelIndex]] = {}


def index_for(owner: object, part: str, fields: Sequence[Field]) -> LabelIndex:
    """The index of ``fields`` (``part`` of the spec ``owner``), cached per spec object:
    specs are loaded once, so the index is built once per process."""
    key = (id(owner), part)
    hit = _INDEX_CACHE.get(key)
    if hit is not None and hit[0] is owner:
        return hit[1]
    index = LabelIndex(fields)
    _INDEX_CACHE[key] = (owner, index)
    return index


SPEC_PARTS = ("fields", "columns", "parts")  # the field groups of a FormSpec that get an index


def build_indexes(specs: Iterable[FormSpec]) -> None:
    """Build every index recognition and extraction will ask of ``specs`` (once per
    process; before forking workers, so each does not build them on its first file)."""
    for spec in specs:
        for part in SPEC_PARTS:
            fields = getattr(spec, part)
            if fields:
                index_for(spec, part, fields)
