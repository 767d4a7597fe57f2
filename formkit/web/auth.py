"""The optional shared token, and the security headers every answer carries.

With a token set, a request must carry it as ``Authorization: Bearer <token>``, an
``X-Formkit-Token`` header, or the ``formkit_token`` cookie. A browser gets the cookie by
opening ``/?token=<token>`` once (the link the administrator hands out, or the form on the
refusal page): the answer sets it (HttpOnly, SameSite=Strict) and redirects to the same page
without the token in its address. No token → 401, a wrong one → 403: JSON for the API, the
``page`` given (a clerk's page asking for the token) for a browser, plain text for the
page's script. ``/healthz``, the favicon and the static files answer without a token.
"""

from __future__ import annotations

import hmac
from collections.abc import Callable
from urllib.parse import parse_qsl, urlencode

from starlette.datastructures import Headers
from starlette.responses import JSONResponse, PlainTextResponse, RedirectResponse, Response
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from formkit.model.codes import CODES

COOKIE = "formkit_token"
OPEN_PATHS = frozenset({"/healthz", "/favicon.ico"})
OPEN_PREFIX = "/static/"  # the style sheet, script and icon: nothing in them is private
RefusalPage = Callable[[Scope, int, str], Response]
SECURITY_HEADERS = [
    (b"x-content-type-options", b"nosniff"),
    (b"x-frame-options", b"DENY"),
    (b"referrer-policy", b"no-referrer"),
    (
        b"content-security-policy",
        b"default-src 'self'; img-src 'self' data:; object-src 'none'; frame-ancestors 'none'",
    ),
]


class TokenGate:
    """ASGI middleware: the token check (when a token is set) and the security headers."""

    def __init__(self, app: ASGIApp, token: str | None, page: RefusalPage | None = None) -> None:
        self.app = app
        self.token = token
        self.page = page

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_secured(message: Message) -> None:
            if message["type"] == "http.response.start":
                message.setdefault("headers", [])
                message["headers"] = [*message["headers"], *SECURITY_HEADERS]
            await send(message)

        refusal = self.refusal(scope)
        if refusal is not None:
            await refusal(scope, receive, send_secured)
            return
        await self.app(scope, receive, send_secured)

    def refusal(self, scope: Scope) -> Response | None:
        path = scope["path"]
        if self.token is None or path in OPEN_PATHS or path.startswith(OPEN_PREFIX):
            return None
        query = dict(parse_qsl(scope.get("query_string", b"").decode("latin-1")))
        if "token" in query and scope["method"] == "GET":
            return self._from_link(scope, query)
        given = presented(Headers(scope=scope))
        if given is None:
            return self.refuse(scope, 401, "token-missing")
        if not self.matches(given):
            return self.refuse(scope, 403, "token-wrong")
        return None

    def matches(self, given: str) -> bool:
        assert self.token is not None
        return hmac.compare_digest(given.encode(), self.token.encode())

    def _from_link(self, scope: Scope, query: dict[str, str]) -> Response:
        if not self.matches(query.pop("token")):
            return self.refuse(scope, 403, "token-wrong")
        rest = urlencode(query)
        target = scope.get("root_path", "") + scope["path"] + (f"?{rest}" if rest else "")
        answer = RedirectResponse(target, status_code=303)
        answer.set_cookie(
            COOKIE, self.token or "", httponly=True, samesite="strict", secure=_behind_https(scope)
        )
        return answer

    def refuse(self, scope: Scope, status: int, code: str) -> Response:
        message = CODES[code].render("zh")
        if scope["path"].startswith("/api/"):
            return JSONResponse({"error": code, "message": message}, status)
        if self.page is None or Headers(scope=scope).get("x-formkit-fragment") == "1":
            return PlainTextResponse(message, status)
        return self.page(scope, status, code)


def presented(headers: Headers) -> str | None:
    """The token a request carries, if any."""
    auth = headers.get("authorization", "")
    if auth.lower().startswith("bearer "):
        return auth[7:].strip()
    if "x-formkit-token" in headers:
        return headers["x-formkit-token"]
    for item in headers.get("cookie", "").split(";"):
        name, _, value = item.strip().partition("=")
        if name == COOKIE:
            return value
    return None


def _behind_https(scope: Scope) -> bool:
    forwarded = Headers(scope=scope).get("x-forwarded-proto", "")
    return scope.get("scheme") == "https" or forwarded == "https"
