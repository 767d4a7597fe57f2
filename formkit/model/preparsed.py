"""The shipped YAML files (the vocabulary, the validators) parsed ahead of time.

Every command starts by reading them: importing PyYAML and parsing the 13 documents a
``check`` reads cost about 200 M instructions (≈ 50 ms CPU, 1 M instructions per file of a
200-file check: 3 % of it), reading the same data as JSON about 6 M. ``formkit/preparsed.json``
holds each shipped document keyed by the SHA-256 of its bytes, so a file edited since is a
miss and is parsed from its YAML: the table can make a start slower, never its data stale.
``scripts/gen_docs.py`` rewrites it and ``tests/test_docs.py`` fails when it lags behind.
Nothing is written while formkit runs.
"""

from __future__ import annotations

import functools
import hashlib
import json
from pathlib import Path

from formkit.model.data import JSON  # what json.loads returns

TABLE = Path(__file__).resolve().parent.parent / "preparsed.json"


def document(raw: bytes) -> object:
    """The parsed document of a YAML file's bytes if they are a shipped file's, else None."""
    entry = _table().get(digest(raw))
    return entry["data"] if isinstance(entry, dict) else None


def digest(raw: bytes) -> str:
    return hashlib.sha256(raw).hexdigest()


@functools.cache
def _table() -> dict[str, JSON]:
    try:
        table = json.loads(TABLE.read_bytes())
    except (OSError, ValueError):  # not built (a bare source tree): every file is parsed
        return {}
    return table if isinstance(table, dict) else {}


def parse_yaml(text: str) -> object:
    """A YAML document by libyaml (safe), for a file the table does not hold."""
    # on use, not at the top: importing PyYAML costs ~105 M instructions (~25 ms), which a
    # start that finds every shipped file in the table never pays
    import yaml

    return yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))


def table_text(root: Path, paths: list[Path]) -> str:
    """The contents of ``preparsed.json`` for these YAML files (``scripts/gen_docs.py``):
    each entry names its file (relative to ``root``) for a person reading the table."""
    table = {
        digest(p.read_bytes()): {
            "source": p.relative_to(root).as_posix(),
            "data": parse_yaml(p.read_text("utf-8")),
        }
        for p in paths
    }
    return json.dumps(dict(sorted(table.items())), ensure_ascii=False, indent=1) + "\n"
