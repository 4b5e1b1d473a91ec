"""The JSON API under /api. Every handler asks the Service and returns plain JSON.

Every GET answer carries an ETag (a hash of its bytes) and ``Cache-Control: no-cache``: a
client may keep it and ask again with ``If-None-Match``, and gets 304 while it is unchanged.
The Service keeps the answers' bytes per question and data version (see ``service``)."""

from __future__ import annotations

import hmac
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Body, Header, Path, Query, Request, Response

from parley.api.app import etag_matches, service_of
from parley.api.service import ApiError, Service

router = APIRouter(prefix="/api")

DATE = r"^\d{4}-\d{2}-\d{2}$"
KEY = r"^[^\x00-\x1f]{1,200}$"
MAX_PAGE = 200  # the Service's limits.max_page may lower it, never raise it

DateQ = Annotated[str | None, Query(pattern=DATE, description="YYYY-MM-DD")]
Limit = Annotated[int | None, Query(ge=1, le=MAX_PAGE,
                                    description=f"page size (default 50), at most {MAX_PAGE}")]
Offset = Annotated[int, Query(ge=0, le=10_000_000)]
Text = Annotated[str | None, Query(max_length=200)]
Level = Annotated[Literal["country", "actor"], Query(
    description="match country codes (CHN) or actor keys (kb:Q...)")]


def _svc(request: Request) -> Service:
    return service_of(request)


def _limit(svc: Service, limit: int | None) -> int:
    if limit is None:
        return min(50, svc.limits.max_page)
    if limit > svc.limits.max_page:
        raise ApiError(422, f"limit: at most {svc.limits.max_page} items a page")
    return limit


def _slice(rows: list[Any], limit: int, offset: int) -> dict[str, Any]:
    return {"items": rows[offset:offset + limit], "limit": limit, "offset": offset,
            "next_offset": offset + limit if len(rows) > offset + limit else None}


def _matches(request: Request, etag: str) -> bool:
    return etag_matches(request.headers.get("if-none-match"), etag)


async def _json(request: Request, svc: Service, key: tuple[Any, ...], fn: Any, *args: Any,
                quick: bool = False, **kw: Any) -> Response:
    """``fn(*args, **kw)`` as a JSON response, answered from what the Service keeps when
    the same question was answered on the same data; 304 when the client holds it.
    Computed in the threads for this endpoint, or (``quick``: a look-up by key) in the
    threads for look-ups."""
    route = request.scope.get("route")
    kind = None if quick else getattr(route, "path", request.url.path)
    url = (request.scope["path"], request.scope.get("query_string", b""))
    ans = await svc.answer((request.url.path, key), lambda: fn(*args, **kw), kind=kind, url=url)
    headers = {"etag": ans.etag, "cache-control": "no-cache"}
    if _matches(request, ans.etag):
        return Response(status_code=304, headers=headers)
    return Response(ans.body, media_type="application/json", headers=headers)


def _key(**kw: Any) -> tuple[Any, ...]:
    return tuple(sorted(kw.items()))


async def _page(request: Request, svc: Service, fn: Any, limit: int | None, offset: int,
                **filters: Any) -> Response:
    """One page: ask for one row more than the page to know whether another follows."""
    size = _limit(svc, limit)

    def page() -> dict[str, Any]:
        rows = fn(limit=size + 1, offset=offset, **filters)
        more = len(rows) > size
        return {"items": rows[:size], "limit": size, "offset": offset,
                "next_offset": offset + size if more else None}
    return await _json(request, svc, _key(limit=size, offset=offset, **filters), page)


def _drop_none(**kw: Any) -> dict[str, Any]:
    return {k: v for k, v in kw.items() if v is not None}


@router.get("/articles", summary="Search and list articles", response_model=dict[str, Any])
async def articles(request: Request, q: Annotated[str | None, Query(
                       max_length=500, description="full-text search on title and text")] = None,
                   date_from: DateQ = None, date_to: DateQ = None, source: Text = None,
                   actor: Text = None, limit: Limit = None, offset: Offset = 0) -> Response:
    svc = _svc(request)
    return await _page(request, svc, svc.articles, limit, offset, q=q or None,
                       date_from=date_from, date_to=date_to, source=source, actor=actor)


@router.get("/articles/{key}", summary="One article: the CONTRACT record with every span",
            response_model=dict[str, Any])
async def article(request: Request, key: Annotated[str, Path(pattern=KEY)]) -> Response:
    svc = _svc(request)
    return await _json(request, svc, (), svc.article, key, quick=True)


@router.get("/events", summary="Coded events with filters", response_model=dict[str, Any])
async def events(request: Request, actor: Text = None, recipient: Text = None,
                 level: Level = "country", type: Annotated[str | None, Query(
                     pattern=r"^[A-Z]{3,12}$", description="PLOVER type, e.g. CONSULT")] = None,
                 quad: Annotated[int | None, Query(ge=1, le=4)] = None,
                 aux_mode: Annotated[Literal["future", "hypothetical", "negation",
                                             "historical"] | None, Query()] = None,
                 all_modes: bool = False, date_from: DateQ = None, date_to: DateQ = None,
                 limit: Limit = None, offset: Offset = 0) -> Response:
    svc = _svc(request)
    filters = _drop_none(actor=actor, recipient=recipient, type=type, quad=quad,
                         date_from=date_from, date_to=date_to)
    if aux_mode is not None:
        filters.update(aux_mode=aux_mode, real_only=False)
    elif all_modes:
        filters["real_only"] = False
    return await _page(request, svc, svc.events, limit, offset, level=level, **filters)


@router.get("/dyads/{a}/{b}", summary="Events between two actors over time (analysis shape)",
            response_model=dict[str, Any])
async def dyad(request: Request, a: Annotated[str, Path(pattern=KEY)],
               b: Annotated[str, Path(pattern=KEY)], level: Level = "country",
               by: Literal["day", "week", "month"] = "week", date_from: DateQ = None,
               date_to: DateQ = None, all_modes: bool = False) -> Response:
    svc = _svc(request)
    kw = _drop_none(date_from=date_from, date_to=date_to)
    return await _json(request, svc, _key(level=level, by=by, all_modes=all_modes, **kw),
                       svc.dyad, a, b, level=level, by=by, all_modes=all_modes, **kw)


@router.get("/network", summary="Signed alignment network and structural balance",
            response_model=dict[str, Any])
async def network(request: Request, date_from: DateQ = None,
                  date_to: DateQ = None) -> Response:
    svc = _svc(request)
    kw = _drop_none(date_from=date_from, date_to=date_to)
    return await _json(request, svc, _key(**kw), svc.network, **kw)


@router.get("/positions", summary="Actor x issue positions", response_model=dict[str, Any])
async def positions(request: Request, issue: Text = None, date_from: DateQ = None,
                    date_to: DateQ = None) -> Response:
    svc = _svc(request)
    kw = _drop_none(issue=issue, date_from=date_from, date_to=date_to)
    return await _json(request, svc, _key(**kw), svc.positions, **kw)


@router.get("/alerts", summary="Sharp changes against an actor's recent norm", response_model=Any)
async def alerts(request: Request, actor: Text = None) -> Response:
    svc = _svc(request)
    kw = _drop_none(actor=actor)
    return await _json(request, svc, _key(**kw), svc.alerts, **kw)


@router.get("/brief/{actor}", summary="What the news means for an actor, with evidence",
            response_model=dict[str, Any])
async def brief(request: Request, actor: Annotated[str, Path(pattern=KEY)],
                date_from: DateQ = None, date_to: DateQ = None) -> Response:
    svc = _svc(request)
    kw = _drop_none(date_from=date_from, date_to=date_to)
    return await _json(request, svc, _key(**kw), svc.brief, actor, **kw)


@router.get("/actors", summary="Who is who: knowledge-base look-up on a date, or stored actors",
            response_model=dict[str, Any])
async def actors(request: Request, name: Text = None, date: DateQ = None, key: Text = None,
                 country: Text = None, limit: Limit = None, offset: Offset = 0) -> Response:
    """With ``name``: every knowledge-base entry the name stands for on ``date`` (office,
    country, sector then). Without: the actors stored, with their counts and first/last day."""
    svc = _svc(request)
    size = _limit(svc, limit)

    def page() -> dict[str, Any]:
        if name:
            return _slice(svc.who(name, date), size, offset)
        return _slice(svc.actors(**_drop_none(key=key, country=country, date_from=date,
                                              date_to=date)), size, offset)
    return await _json(request, svc, _key(name=name, date=date, key=key, country=country,
                                          limit=size, offset=offset), page)


@router.get("/counts", summary="How many articles, events, quotes and stances are stored",
            response_model=dict[str, int])
async def counts(request: Request) -> Response:
    svc = _svc(request)
    return await _json(request, svc, (), svc.counts, quick=True)


@router.post("/ingest", summary="Store records (only with the token from the settings)")
async def ingest(request: Request,
                 records: Annotated[list[dict[str, Any]], Body(max_length=1000)],
                 authorization: Annotated[str | None, Header()] = None) -> dict[str, Any]:
    """Records as ``{"text", "id", "title", "date", "url"}``; ``Authorization: Bearer TOKEN``."""
    svc = _svc(request)
    if not svc.writable or svc.token is None:
        raise ApiError(403, "this server is read-only (start it with a web.token to ingest)")
    given = (authorization or "").removeprefix("Bearer ").strip()
    if not hmac.compare_digest(given.encode(), svc.token.encode()):
        raise ApiError(401, "a valid 'Authorization: Bearer TOKEN' header is required")
    for i, r in enumerate(records):
        if not isinstance(r.get("text"), str) or not r["text"].strip():
            raise ApiError(422, f"record {i}: 'text' must be a non-empty string")
    # coding takes longer than a query (and the first call loads the language model)
    return await svc.run_for(max(120.0, svc.limits.timeout_s), svc.ingest, records)
