"""``formkit serve``: a page to check forms before sending them, and the same check as JSON.

    app = create_app(Settings(token="…"))       # an ASGI app; uvicorn runs it

Routes: ``GET /`` the page; ``POST /`` the page with results (``X-Formkit-Fragment: 1``
answers only the results block, for the page's script); ``POST /api/check`` the findings
exactly as ``formkit check --json`` prints them; ``GET /forms/<name>`` the blank forms;
``/openapi.json`` and ``/docs`` the API description; ``/healthz``. Uploads are streamed
into a private temporary folder per request and removed when the answer is made.
"""

from __future__ import annotations

import json
import os
import shutil
import tempfile
import time
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass, replace
from pathlib import Path
from urllib.parse import quote

import jinja2
from markdown_it import MarkdownIt
from markupsafe import Markup
from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException
from starlette.requests import ClientDisconnect, Request
from starlette.responses import (
    FileResponse,
    HTMLResponse,
    JSONResponse,
    PlainTextResponse,
    Response,
)
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles
from starlette.types import Scope

from formkit.model.codes import CODES, text
from formkit.pipeline import FileResult, Options, exit_code
from formkit.pipeline.report_text import FORMS, form_title
from formkit.programme.model import Programme
from formkit.writers.forms import BLANK_FORMS, form_bytes

from .auth import RefusalPage, TokenGate
from .checker import Checker
from .openapi import openapi
from .uploads import UploadLimits, UploadRefused, receive_uploads
from .views import results_view

HERE = Path(__file__).resolve().parent
MiB = 1024 * 1024
FRAGMENT_HEADER = "x-formkit-fragment"


@dataclass(frozen=True)
class Settings:
    """How the server runs; every limit has a safe default for a clerk's laptop."""

    host: str = "127.0.0.1"
    port: int = 8000
    token: str | None = None
    max_file_mb: float = 20
    max_request_mb: float = 50
    max_files: int = 20
    workers: int = os.cpu_count() or 2
    timeout_s: float = 60.0
    memory_mb: int = 1024
    queue: int = 0  # requests received or checked at once; 0 = 2 × workers
    validators: str | None = None
    programme: Programme | None = None
    temp_dir: str | None = None  # where the per-request folders go (default: the system's)
    agency: str | None = None  # shown in the page's banner (default: the programme's agency)
    lang: str = "zh"  # the page's and the API's words (formkit serve --lang)

    @property
    def limits(self) -> UploadLimits:
        return UploadLimits(
            int(self.max_file_mb * MiB), int(self.max_request_mb * MiB), self.max_files
        )


def create_app(settings: Settings | None = None) -> Starlette:
    """The ASGI app; its worker pool starts with the app's lifespan and stops with it."""
    settings = settings or Settings()
    options = Options(validators=settings.validators, programme=settings.programme)
    checker = Checker(
        settings.workers,
        timeout_s=settings.timeout_s,
        memory_mb=settings.memory_mb,
        options=options,
        queue_size=settings.queue or 2 * settings.workers,
    )

    @asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        checker.start()
        try:
            yield
        finally:
            checker.close()

    routes = [
        Route("/", page, methods=["GET"]),
        Route("/", page_check, methods=["POST"]),
        Route("/api/check", api_check, methods=["POST"]),
        Route("/forms/{name}", blank_form, methods=["GET"]),
        Route("/openapi.json", openapi_json, methods=["GET"]),
        Route("/docs", docs, methods=["GET"]),
        Route("/healthz", healthz, methods=["GET"]),
        Route("/favicon.ico", favicon, methods=["GET"]),
        Mount("/static", StaticFiles(directory=HERE / "static"), name="static"),
    ]
    handlers = {404: error_page, 405: error_page}
    app = Starlette(routes=routes, lifespan=lifespan, exception_handlers=handlers)
    if settings.agency is None and settings.programme is not None:
        settings = replace(settings, agency=settings.programme.agency)
    app.state.settings = settings
    app.state.checker = checker
    app.state.templates = _templates(settings.lang)
    app.state.forms = {}
    app.add_middleware(TokenGate, token=settings.token, page=token_page(app))
    return app


def _templates(lang: str = "zh") -> jinja2.Environment:
    """The page's templates; their words come from the catalogue in ``lang`` (``w``)."""
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(HERE / "templates"),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
    )
    env.globals["lang"] = lang
    env.globals["html_lang"] = "en" if lang == "en" else "zh-CN"
    env.globals["w"] = lambda key, **params: text(key, lang, **params)
    env.globals["form_titles"] = {form: form_title(form, lang) for form in FORMS}
    env.globals["message"] = lambda code, **params: CODES[code].render(lang, **params)
    # the API description is written in Markdown; raw HTML in it is shown as text
    md = MarkdownIt("commonmark", {"html": False})
    env.filters["markdown"] = lambda text: Markup(md.render(text))
    env.filters["markdown_inline"] = lambda text: Markup(md.renderInline(text))
    return env


# --- checking ------------------------------------------------------------------------------


async def run_check(request: Request) -> list[FileResult]:
    """Receive the uploads into a private folder, check them, remove the folder."""
    settings: Settings = request.app.state.settings
    checker: Checker = request.app.state.checker
    async with checker.gate:
        folder = Path(tempfile.mkdtemp(prefix="formkit-serve-", dir=settings.temp_dir))
        try:
            uploads = await receive_uploads(
                dict(request.headers), request.stream(), folder, settings.limits
            )
            return await checker.check(uploads)
        finally:
            shutil.rmtree(folder, ignore_errors=True)


def check_json(results: list[FileResult], lang: str = "zh") -> str:
    """Exactly what ``formkit check --json`` prints for the same files (without its newline)."""
    return json.dumps([r.to_dict(lang) for r in results], ensure_ascii=False, indent=2)


async def api_check(request: Request) -> Response:
    started = time.perf_counter()
    try:
        results = await run_check(request)
    except UploadRefused as exc:
        lang = request.app.state.settings.lang
        return JSONResponse({"error": exc.code, "message": exc.message_in(lang)}, exc.status)
    except ClientDisconnect:
        return Response(status_code=400)
    headers = {"X-Formkit-Exit": str(exit_code(results)), "Server-Timing": _timing(started)}
    body = check_json(results, request.app.state.settings.lang)
    return Response(body, media_type="application/json", headers=headers)


async def page_check(request: Request) -> Response:
    started = time.perf_counter()
    fragment = request.headers.get(FRAGMENT_HEADER) == "1"
    template = "_results.html" if fragment else "index.html"
    try:
        results = await run_check(request)
    except UploadRefused as exc:
        return render(request, template, exc.status, refusal=exc)
    except ClientDisconnect:
        return Response(status_code=400)
    view = results_view(results, request.app.state.settings.lang)
    answer = render(request, template, 200, results=view)
    answer.headers["Server-Timing"] = _timing(started)
    return answer


def _timing(started: float) -> str:
    return f"check;dur={(time.perf_counter() - started) * 1000:.1f}"


# --- pages ---------------------------------------------------------------------------------


def render(request: Request, name: str, status: int = 200, **context: object) -> HTMLResponse:
    settings: Settings = request.app.state.settings
    env: jinja2.Environment = request.app.state.templates
    values = {
        "settings": settings,
        "root": request.scope.get("root_path", "") + "/",
        "forms": list(BLANK_FORMS),
        "results": None,
        "refusal": None,
        **context,
    }
    return HTMLResponse(env.get_template(name).render(values), status)


def token_page(app: Starlette) -> RefusalPage:
    """The page a browser gets without the token (or with a wrong one): ask the clerk for it."""

    def answer(scope: Scope, status: int, code: str) -> Response:
        request = Request({**scope, "app": app})
        return render(request, "token.html", status, code=code, action=scope["path"])

    return answer


async def error_page(request: Request, exc: Exception) -> Response:
    """A wrong address or method gets a page in Chinese, not the framework's English line."""
    status = exc.status_code if isinstance(exc, HTTPException) else 500
    return render(request, "error.html", status, code=status)


async def page(request: Request) -> Response:
    return render(request, "index.html")


async def blank_form(request: Request) -> Response:
    name = request.path_params["name"]
    if name not in BLANK_FORMS:
        return PlainTextResponse(text("page-no-form", request.app.state.settings.lang), 404)
    cache: dict[str, bytes] = request.app.state.forms
    if name not in cache:
        form, fmt = BLANK_FORMS[name]
        validators = request.app.state.settings.validators
        cache[name] = await run_in_threadpool(form_bytes, form, fmt, None, validators)
    kind = {
        "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    }
    disposition = (
        f"attachment; filename=\"form.{name.rsplit('.', 1)[1]}\"; filename*=UTF-8''{quote(name)}"
    )
    return Response(
        cache[name],
        media_type=kind[name.rsplit(".", 1)[1]],
        headers={"Content-Disposition": disposition},
    )


async def openapi_json(request: Request) -> Response:
    return JSONResponse(_description(request))


async def docs(request: Request) -> Response:
    # the address as the browser reached it: the port the server really listens on
    return render(request, "docs.html", api=_description(request), base_url=str(request.base_url))


def _description(request: Request) -> dict[str, object]:
    s: Settings = request.app.state.settings
    return openapi(s.max_file_mb, s.max_request_mb, s.max_files)


async def healthz(request: Request) -> Response:
    return PlainTextResponse("ok")


async def favicon(request: Request) -> Response:
    # browsers ask for /favicon.ico on pages that name none (a download, a plain-text answer)
    return FileResponse(HERE / "static" / "favicon.svg", media_type="image/svg+xml")
