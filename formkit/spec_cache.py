"""Loaded form specs kept between runs, as Python keeps byte code.

Reading the six specs costs more than any other part of a command's start: PyYAML to import
and parse them, then Cerberus to validate every schema (≈ 80–100 ms of a ``formkit check``
that spends ≈ 2.5 ms on each file). A spec that loaded once is stored pickled under
``$FORMKIT_CACHE_DIR`` (default ``$XDG_CACHE_HOME/formkit`` or ``~/.cache/formkit``), keyed
by everything the result depends on: the spec file's path and bytes, the source of
:mod:`formkit.spec` (which builds it) and the installed Cerberus (which validated it). So an
edited spec, an upgraded formkit or Cerberus never meets a stale entry. A spec that fails to
load is never stored. ``FORMKIT_CACHE_DIR=""`` turns the cache off.

The cache is an optimisation only: an entry that cannot be read or written is ignored.
Entries are pickles, trusted as Python trusts the byte code in ``__pycache__``: whoever can
write the user's cache folder can already run code as that user.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import importlib.util
import os
import pickle
from pathlib import Path
from typing import Any

FORMAT = b"formkit-spec-cache-1"


def cache_dir() -> Path | None:
    """Where specs are kept; None when ``FORMKIT_CACHE_DIR`` is set empty."""
    chosen = os.environ.get("FORMKIT_CACHE_DIR")
    if chosen is not None:
        return Path(chosen) / "specs" if chosen else None
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "formkit" / "specs"


def key(path: str, raw: bytes) -> str:
    digest = _salt().copy()
    for part in (path.encode("utf-8", "surrogateescape"), raw):
        digest.update(len(part).to_bytes(8, "big"))
        digest.update(part)
    return digest.hexdigest()


@functools.cache
def _salt() -> Any:
    """What every key shares, hashed once per process: the format, the builder's source and
    the installed Cerberus."""
    digest = hashlib.sha256(FORMAT)
    for part in (_builder(), _cerberus()):
        digest.update(len(part).to_bytes(8, "big"))
        digest.update(part)
    return digest


def get(path: str, raw: bytes) -> Any | None:
    """The spec stored for this file and content, or None."""
    folder = cache_dir()
    if folder is None:
        return None
    try:
        return pickle.loads((folder / f"{key(path, raw)}.pickle").read_bytes())
    except Exception:  # missing, unreadable, truncated, from another Python: rebuild
        return None


def put(path: str, raw: bytes, spec: Any) -> None:
    """Store a spec that loaded; never fails (the cache is an optimisation)."""
    folder = cache_dir()
    if folder is None:
        return
    with contextlib.suppress(Exception):
        from formkit.atomic import write_bytes_atomic

        folder.mkdir(parents=True, exist_ok=True)
        data = pickle.dumps(spec, protocol=pickle.HIGHEST_PROTOCOL)
        write_bytes_atomic(folder / f"{key(path, raw)}.pickle", data)


def _builder() -> bytes:
    """The source of the module that builds specs: a changed builder makes new keys."""
    from formkit import spec

    return Path(spec.__file__).read_bytes()


def _cerberus() -> bytes:
    """The installed Cerberus, by its package file's size and time (without importing it)."""
    found = importlib.util.find_spec("cerberus")
    if found is None or found.origin is None:
        return b""
    stat = os.stat(found.origin)
    return f"{found.origin}:{stat.st_size}:{stat.st_mtime_ns}".encode()
