"""The JSON API under /api. Every handler asks the Service and returns plain JSON."""

from __future__ import annotations

import hmac
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Body, Header, Path, Query, Request

from parley.api.app import service_of
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


async def _page(svc: Service, fn: Any, limit: int | None, offset: int,
                **filters: Any) -> dict[str, Any]:
    """One page: ask for one row more than the page to know whether another follows."""
    limit = _limit(svc, limit)
    rows = await svc.run(fn, limit=limit + 1, offset=offset, **filters)
    more = len(rows) > limit
    return {"items": rows[:limit], "limit": limit, "offset": offset,
            "next_offset": offset + limit if more else None}


def _drop_none(**kw: Any) -> dict[str, Any]:
    return {k: v for k, v in kw.items() if v is not None}


@router.get("/articles", summary="Search and list articles")
async def articles(request: Request, q: Annotated[str | None, Query(
                       max_length=500, description="full-text search on title and text")] = None,
                   date_from: DateQ = None, date_to: DateQ = None, source: Text = None,
                   actor: Text = None, limit: Limit = None, offset: Offset = 0) -> dict[str, Any]:
    svc = _svc(request)
    return await _page(svc, svc.articles, limit, offset, q=q or None, date_from=date_from,
                       date_to=date_to, source=source, actor=actor)


@router.get("/articles/{key}", summary="One article: the CONTRACT record with every span")
async def article(request: Request, key: Annotated[str, Path(pattern=KEY)]) -> dict[str, Any]:
    svc = _svc(request)
    return await svc.run(svc.article, key)


@router.get("/events", summary="Coded events with filters")
async def events(request: Request, actor: Text = None, recipient: Text = None,
                 level: Level = "country", type: Annotated[str | None, Query(
                     pattern=r"^[A-Z]{3,12}$", description="PLOVER type, e.g. CONSULT")] = None,
                 quad: Annotated[int | None, Query(ge=1, le=4)] = None,
                 aux_mode: Annotated[Literal["future", "hypothetical", "negation",
                                             "historical"] | None, Query()] = None,
                 all_modes: bool = False, date_from: DateQ = None, date_to: DateQ = None,
                 limit: Limit = None, offset: Offset = 0) -> dict[str, Any]:
    svc = _svc(request)
    filters = _drop_none(actor=actor, recipient=recipient, type=type, quad=quad,
                         date_from=date_from, date_to=date_to)
    if aux_mode is not None:
        filters.update(aux_mode=aux_mode, real_only=False)
    elif all_modes:
        filters["real_only"] = False
    return await _page(svc, svc.events, limit, offset, level=level, **filters)


@router.get("/dyads/{a}/{b}", summary="Events between two actors over time (analysis shape)")
async def dyad(request: Request, a: Annotated[str, Path(pattern=KEY)],
               b: Annotated[str, Path(pattern=KEY)], level: Level = "country",
               by: Literal["day", "week", "month"] = "week", date_from: DateQ = None,
               date_to: DateQ = None, all_modes: bool = False) -> dict[str, Any]:
    svc = _svc(request)
    kw = _drop_none(date_from=date_from, date_to=date_to)
    return await svc.run(svc.dyad, a, b, level=level, by=by, all_modes=all_modes, **kw)


@router.get("/network", summary="Signed alignment network and structural balance")
async def network(request: Request, date_from: DateQ = None,
                  date_to: DateQ = None) -> dict[str, Any]:
    svc = _svc(request)
    return await svc.run(svc.network, **_drop_none(date_from=date_from, date_to=date_to))


@router.get("/positions", summary="Actor x issue positions")
async def positions(request: Request, issue: Text = None, date_from: DateQ = None,
                    date_to: DateQ = None) -> dict[str, Any]:
    svc = _svc(request)
    return await svc.run(svc.positions,
                         **_drop_none(issue=issue, date_from=date_from, date_to=date_to))


@router.get("/alerts", summary="Sharp changes against an actor's recent norm")
async def alerts(request: Request, actor: Text = None) -> Any:
    svc = _svc(request)
    return await svc.run(svc.alerts, **_drop_none(actor=actor))


@router.get("/brief/{actor}", summary="What the news means for an actor, with evidence")
async def brief(request: Request, actor: Annotated[str, Path(pattern=KEY)],
                date_from: DateQ = None, date_to: DateQ = None) -> dict[str, Any]:
    svc = _svc(request)
    return await svc.run(svc.brief, actor, **_drop_none(date_from=date_from, date_to=date_to))


@router.get("/actors", summary="Who is who: knowledge-base look-up on a date, or stored actors")
async def actors(request: Request, name: Text = None, date: DateQ = None, key: Text = None,
                 country: Text = None, limit: Limit = None, offset: Offset = 0) -> dict[str, Any]:
    """With ``name``: every knowledge-base entry the name stands for on ``date`` (office,
    country, sector then). Without: the actors stored, with their counts and first/last day."""
    svc = _svc(request)
    size = _limit(svc, limit)
    if name:
        return _slice(await svc.run(svc.who, name, date), size, offset)
    rows = await svc.run(svc.actors, **_drop_none(key=key, country=country, date_from=date,
                                                  date_to=date))
    return _slice(rows, size, offset)


@router.get("/counts", summary="How many articles, events, quotes and stances are stored")
async def counts(request: Request) -> dict[str, int]:
    svc = _svc(request)
    return await svc.run(svc.counts)


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
