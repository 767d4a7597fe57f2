"""What a batch run did (counts and outputs): made by ``run``, shown by the command line and
the outputs. Its own module so that ``outputs`` needs not import ``run``, which imports it."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any


@dataclass
class BatchSummary:
    inbox: Path
    out: Path
    files_seen: int = 0
    files_read: int = 0
    files_reused: int = 0
    files_forgotten: int = 0
    outputs: list[Path] = field(default_factory=list)
    dossiers: list[dict[str, Any]] = field(default_factory=list)
    skipped_checks: list[str] = field(default_factory=list)
    outputs_written: int = 0
    not_forms: int = 0  # documents read that are none of the programme's forms
