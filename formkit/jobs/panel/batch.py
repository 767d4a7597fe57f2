"""What the panel takes from a ``formkit batch`` output folder: the review of its registry
(zones, cities, status, the figures the rubric looks at) and the panel's own entries in the
registry's ``meta`` table — the key that signs the workbooks' ids and, per round, the digest
of the sheet last issued to each expert."""

from __future__ import annotations

import json
import secrets
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from formkit.jobs.batch.review import Review, ZoneReview, for_review, review
from formkit.jobs.registry import Registry
from formkit.model.errors import ConfigError
from formkit.pipeline import ResultData
from formkit.programme import Programme
from formkit.spec import FormSpec, load_all

REGISTRY = "formkit.sqlite"
SECRET_KEY = "panel_secret"


@dataclass(frozen=True)
class Figure:
    """One dossier figure a criterion looks at: ``form``'s field ``key``, printed ``label``."""

    form: str
    key: str
    label: str


def figures(programme: Programme, specs: Mapping[str, FormSpec]) -> dict[str, list[Figure]]:
    """Criterion name → its figures; an unknown field is a configuration error."""
    out: dict[str, list[Figure]] = {}
    for criterion in programme.panel.criteria:
        found = []
        for ref in criterion.figures:
            form, _, key = ref.rpartition(".")
            form = form or "application"
            try:
                label = specs[form].field(key).label
            except KeyError:
                raise ConfigError(
                    "panel-unknown-figure", criterion=criterion.name, key=ref
                ) from None
            found.append(Figure(form, key, label))
        out[criterion.name] = found
    return out


def rubric_of(programme: Programme) -> None:
    """Refuse a programme without a rubric."""
    if not programme.panel.criteria:
        name = Path(programme.source).name if programme.source else "programme.yaml"
        raise ConfigError("panel-no-rubric", file=name)


class Batch:
    """A batch output folder opened for the panel (close it, or use ``with``)."""

    def __init__(self, folder: str | Path, programme: Programme) -> None:
        self.folder = Path(folder)
        path = self.folder / REGISTRY
        if not path.is_file():
            raise ConfigError("panel-batch-missing", folder=str(self.folder))
        rubric_of(programme)
        self.programme = programme
        self.specs = load_all(None)
        self.figures = figures(programme, self.specs)
        self.registry = Registry(path)
        self.review: Review = review(self.registry.entries(self._keep), programme, self.specs)

    def __enter__(self) -> Batch:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self.registry.close()

    def _keep(self, result: ResultData) -> dict[str, object]:
        """What the review keeps of a stored result, plus the figures the rubric shows."""
        kept = for_review(result)
        fields, shown = result.get("fields") or {}, kept["fields"]
        assert isinstance(shown, dict)  # for_review keeps the fields as a dict
        for figs in self.figures.values():
            for f in figs:
                if result.get("form") == f.form and f.key in fields:
                    shown[f.key] = fields[f.key]
        return kept

    @property
    def zones(self) -> list[ZoneReview]:
        return self.review.zones

    def zone(self, key: str) -> ZoneReview | None:
        return next((z for z in self.zones if z.dossier.key == key), None)

    def figure(self, zone: ZoneReview, figure: Figure) -> object:
        return zone.dossier.value(figure.form, figure.key)

    # --- the panel's entries in the registry --------------------------------------------------

    def secret(self, create: bool = False) -> bytes | None:
        """The signing key, kept in the registry; made on first use when ``create``."""
        value = self.registry.get_meta(SECRET_KEY)
        if value is None and create:
            value = secrets.token_hex(32)
            self.registry.set_meta(SECRET_KEY, value)
        return None if value is None else bytes.fromhex(value)

    def issued(self, round_no: int) -> dict[str, str]:
        """Expert → digest of the sheet last issued to them in ``round_no``."""
        value = self.registry.get_meta(f"panel_sheets:{round_no}")
        return dict(json.loads(value)) if value else {}

    def record_issued(self, round_no: int, sheets: Mapping[str, str]) -> None:
        merged = {**self.issued(round_no), **sheets}
        text = json.dumps(merged, ensure_ascii=False, sort_keys=True)
        self.registry.set_meta(f"panel_sheets:{round_no}", text)
