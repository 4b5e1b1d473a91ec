"""The FastAPI application: security headers, JSON errors, static files, routes and pages."""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from importlib import resources
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from parley import __version__
from parley.api.service import ApiError, Service

logger = logging.getLogger(__name__)

# Scripts and styles from our own origin only: no inline code, no eval, nothing from outside.
CSP = ("default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; "
       "connect-src 'self'; font-src 'self'; base-uri 'none'; form-action 'self'; "
       "frame-ancestors 'none'")
SECURITY_HEADERS = [
    (b"content-security-policy", CSP.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"x-frame-options", b"DENY"),
    (b"referrer-policy", b"no-referrer"),
    (b"cross-origin-opener-policy", b"same-origin"),
]


class SecurityHeaders:
    """Adds the headers above to every response (pages, JSON, static files, errors)."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                names = {k.lower() for k, _ in message.get("headers", [])}
                headers = list(message.get("headers", []))
                headers += [(k, v) for k, v in SECURITY_HEADERS if k not in names]
                message["headers"] = headers
            await send(message)

        await self.app(scope, receive, send_with_headers)


def etag_matches(given: str | None, etag: str) -> bool:
    """Whether an ``If-None-Match`` header names ``etag``."""
    if not given:
        return False
    tags = {t.strip().removeprefix("W/") for t in given.split(",")}
    return "*" in tags or etag in tags


class KeptAnswers:
    """A GET of an API URL answered before on the same data is sent from what the Service
    kept for that URL, before routing: the same URL is the same question, and parsing and
    checking its parameters again would be most of the work (FastAPI's dependency solving:
    three quarters of a kept answer's time). Everything else goes on to the app."""

    def __init__(self, app: ASGIApp, service: Service) -> None:
        self.app = app
        self.service = service

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if (scope["type"] != "http" or scope["method"] != "GET"
                or not scope["path"].startswith("/api/")):
            await self.app(scope, receive, send)
            return
        ans = self.service.answer_for_url(scope["path"], scope.get("query_string", b""))
        if ans is None:
            await self.app(scope, receive, send)
            return
        headers = [(b"etag", ans.etag.encode()), (b"cache-control", b"no-cache")]
        given = next((v.decode("latin-1") for k, v in scope["headers"]
                      if k == b"if-none-match"), None)
        if etag_matches(given, ans.etag):
            await send({"type": "http.response.start", "status": 304, "headers": headers})
            await send({"type": "http.response.body", "body": b""})
            return
        headers += [(b"content-type", b"application/json"),
                    (b"content-length", str(len(ans.body)).encode())]
        await send({"type": "http.response.start", "status": 200, "headers": headers})
        await send({"type": "http.response.body", "body": ans.body})


def _wants_html(request: Request) -> bool:
    return not request.url.path.startswith("/api/") and request.url.path != "/openapi.json"


def create_app(service: Service) -> FastAPI:
    """The app over one ``Service``. No Swagger or ReDoc pages: they load scripts from a CDN."""
    @asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        yield
        service.close()

    app = FastAPI(title="Parley", version=__version__, docs_url=None, redoc_url=None,
                  lifespan=lifespan,
                  description="Evidence-linked political event data: articles, events, "
                              "dyads, networks, positions, alerts and actor briefs.")
    app.state.service = service

    from parley.api import pages, routes

    def error(request: Request, status: int, message: str) -> Response:
        if _wants_html(request):
            return pages.error_page(request, status, message)
        return JSONResponse({"status": status, "message": message}, status_code=status)

    @app.exception_handler(ApiError)
    async def _api_error(request: Request, exc: ApiError) -> Response:
        return error(request, exc.status, exc.message)

    @app.exception_handler(StarletteHTTPException)
    async def _http_error(request: Request, exc: StarletteHTTPException) -> Response:
        message = exc.detail if isinstance(exc.detail, str) else "error"
        if exc.status_code == 404 and message == "Not Found":
            message = f"nothing at {request.url.path}"
        return error(request, exc.status_code, message)

    @app.exception_handler(RequestValidationError)
    async def _invalid(request: Request, exc: RequestValidationError) -> Response:
        parts = []
        for e in exc.errors():
            where = ".".join(str(x) for x in e.get("loc", ()) if x not in ("query", "path", "body"))
            parts.append(f"{where}: {e.get('msg', 'invalid')}")
        return error(request, 422, "; ".join(parts) or "invalid request")

    @app.exception_handler(Exception)
    async def _crash(request: Request, exc: Exception) -> Response:
        logger.exception("error answering %s", request.url.path)
        return error(request, 500, f"internal error ({type(exc).__name__})")

    app.include_router(routes.router)
    app.include_router(pages.router)
    static = resources.files("parley.api") / "static"
    app.mount("/static", StaticFiles(directory=str(static)), name="static")
    app.add_middleware(KeptAnswers, service=service)
    app.add_middleware(SecurityHeaders)  # the outer one: on kept answers too

    return app


def service_of(request: Request) -> Service:
    svc: Any = request.app.state.service
    return svc
