"""The local web page and JSON API of ``formkit serve`` (see :mod:`formkit.web.app`)."""

from __future__ import annotations

from formkit.web.app import Settings, create_app

__all__ = ["Settings", "create_app"]
