"""The OpenAPI description of the JSON API (served at ``/openapi.json``, shown at ``/docs``).

Written by hand, as data: the API is one endpoint, and a hand-written description needs no
schema framework. The document is :file:`openapi.yaml` beside this module; this fills in the
version and the server's limits. ``tests/web/test_api.py`` keeps it in step with the answers."""

from __future__ import annotations

import copy
import functools
from importlib import resources
from typing import Any, cast

import yaml

from formkit import __version__


@functools.cache
def _document() -> dict[str, object]:
    text = resources.files("formkit.web").joinpath("openapi.yaml").read_text("utf-8")
    data: dict[str, object] = yaml.safe_load(text)
    return data


def openapi(max_file_mb: float, max_request_mb: float, max_files: int) -> dict[str, object]:
    data = _document()
    limits = str(data["limits"]).format(
        max_file_mb=max_file_mb, max_request_mb=max_request_mb, max_files=max_files
    )
    document = cast(dict[str, Any], copy.deepcopy(data["document"]))
    document["info"]["version"] = __version__
    check = document["paths"]["/api/check"]["post"]
    check["description"] = check["description"].replace("{limits}", limits)
    return document
