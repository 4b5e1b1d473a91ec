"""The HTML pages, rendered on the server. Every value is escaped by Jinja2's autoescape;
no template marks anything safe, and the scripts are static files (see app.CSP)."""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache
from typing import Annotated, Any

from fastapi import APIRouter, Path, Query, Request
from fastapi.responses import HTMLResponse, Response
from jinja2 import Environment, PackageLoader

from parley import __version__
from parley.api import render
from parley.api.app import service_of

router = APIRouter(default_response_class=HTMLResponse, include_in_schema=False)

DATE = r"^\d{4}-\d{2}-\d{2}$"
KEY = r"^[^\x00-\x1f]{1,200}$"
PAGE = 50
DateQ = Annotated[str | None, Query(pattern=DATE)]
Text = Annotated[str | None, Query(max_length=200)]


@lru_cache(maxsize=1)
def environment() -> Environment:
    env = Environment(loader=PackageLoader("parley.api", "templates"), autoescape=True,
                      trim_blocks=True, lstrip_blocks=True)
    env.globals.update(safe_url=render.safe_url, path_part=render.path_part,
                       entity_label=render.entity_label, split_evidence=render.split_evidence,
                       version=__version__)
    return env


def page(template: str, status: int = 200, **context: Any) -> HTMLResponse:
    html = environment().get_template(template).render(**context)
    return HTMLResponse(html, status_code=status)


def error_page(request: Request, status: int, message: str) -> Response:
    return page("error.html", status=status, status_code=status, message=message,
                title=f"Error {status}")


@router.get("/")
async def index(request: Request, q: Annotated[str | None, Query(max_length=500)] = None,
                date_from: DateQ = None, date_to: DateQ = None, source: Text = None,
                actor: Text = None, offset: Annotated[int, Query(ge=0, le=10_000_000)] = 0,
                ) -> HTMLResponse:
    svc = service_of(request)
    filters = {"q": q or None, "date_from": date_from, "date_to": date_to,
               "source": source or None, "actor": actor or None}
    rows = await svc.run(svc.articles, limit=PAGE + 1, offset=offset, **filters)
    counts = await svc.run(svc.counts)
    args = {k: v for k, v in filters.items() if v}
    return page("index.html", title=f"Search: {q}" if q else "Parley", rows=rows[:PAGE],
                more=len(rows) > PAGE, offset=offset, page_size=PAGE, filters=filters,
                args=args, counts=counts)


@router.get("/search")
async def search(request: Request, q: Annotated[str | None, Query(max_length=500)] = None,
                 date_from: DateQ = None, date_to: DateQ = None, source: Text = None,
                 actor: Text = None, offset: Annotated[int, Query(ge=0, le=10_000_000)] = 0,
                 ) -> HTMLResponse:
    return await index(request, q, date_from, date_to, source, actor, offset)


@router.get("/articles/{key}")
async def article(request: Request, key: Annotated[str, Path(pattern=KEY)]) -> HTMLResponse:
    svc = service_of(request)
    rec = await svc.run(svc.article, key)
    actors = {a.get("id"): a for a in rec.get("actors") or []}
    return page("article.html", title=rec.get("title") or rec.get("id") or key, key=key,
                rec=rec, segments=render.segments(rec), actors=actors)


@router.get("/actors/{key}")
async def actor(request: Request, key: Annotated[str, Path(pattern=KEY)],
                date_from: DateQ = None, date_to: DateQ = None) -> HTMLResponse:
    svc = service_of(request)
    kw = {k: v for k, v in (("date_from", date_from), ("date_to", date_to)) if v}
    brief = await svc.run(svc.brief, key, **kw)
    name = (brief.get("actor") or {}).get("name") or key
    level = brief.get("level") or ("country" if re.fullmatch(r"[A-Z]{3}", key) else "actor")
    end = (brief.get("period") or {}).get("to") or date_to
    chart_from = chart_to = ""
    if end:  # the charts show the twelve weeks up to the brief's last day
        chart_to = end
        chart_from = (dt.date.fromisoformat(end) - dt.timedelta(weeks=12)).isoformat()
    return page("actor.html", title=f"Brief: {name}", key=key, brief=brief, name=name,
                level=level, date_from=date_from or "", date_to=date_to or "",
                chart_from=chart_from, chart_to=chart_to)


@router.get("/events")
async def events(request: Request, actor: Text = None, recipient: Text = None,
                 level: Annotated[str, Query(pattern=r"^(country|actor)$")] = "country",
                 type: Annotated[str | None, Query(pattern=r"^[A-Z]{3,12}$")] = None,
                 date_from: DateQ = None, date_to: DateQ = None, both: bool = False,
                 offset: Annotated[int, Query(ge=0, le=10_000_000)] = 0) -> HTMLResponse:
    """The evidence behind a figure: each event with the exact sentence it stands on.
    ``both`` adds the events in the other direction (recipient -> actor)."""
    svc = service_of(request)
    base = {k: v for k, v in (("type", type), ("date_from", date_from),
                              ("date_to", date_to)) if v}
    rows = await svc.run(svc.events_with_evidence, actor=actor or None,
                         recipient=recipient or None, level=level, limit=PAGE + 1,
                         offset=offset, **base)
    if both and actor and recipient:
        rows += await svc.run(svc.events_with_evidence, actor=recipient, recipient=actor,
                              level=level, limit=PAGE + 1, offset=offset, **base)
        rows.sort(key=lambda r: (r.get("date") or "", r.get("article_key") or ""))
    args = {k: v for k, v in (("actor", actor), ("recipient", recipient), ("level", level),
                              ("type", type), ("date_from", date_from), ("date_to", date_to),
                              ("both", "true" if both else None)) if v}
    what = " / ".join(x for x in (actor, recipient, type) if x) or "all"
    return page("events.html", title=f"Events: {what}", rows=rows[:PAGE],
                more=len(rows) > PAGE, offset=offset, page_size=PAGE, args=args,
                both=both, actor=actor or "", recipient=recipient or "")


@router.get("/stances")
async def stances(request: Request, holder: Text = None, issue: Text = None,
                  polarity: Annotated[str | None, Query(pattern=r"^(support|oppose)$")] = None,
                  toward: Text = None, date_from: DateQ = None, date_to: DateQ = None,
                  offset: Annotated[int, Query(ge=0, le=10_000_000)] = 0) -> HTMLResponse:
    """The evidence behind a cell of the positions matrix: each stance with its sentence."""
    svc = service_of(request)
    args = {k: v for k, v in (("holder", holder), ("issue", issue), ("polarity", polarity),
                              ("toward", toward), ("date_from", date_from),
                              ("date_to", date_to)) if v}
    rows = await svc.run(svc.stances_with_evidence, limit=PAGE + 1, offset=offset, **args)
    what = " ".join(x for x in (holder, polarity, issue) if x) or "all"
    return page("stances.html", title=f"Stances: {what}", rows=rows[:PAGE],
                more=len(rows) > PAGE, offset=offset, page_size=PAGE, args=args)


@router.get("/network")
async def network(request: Request, date_from: DateQ = None,
                  date_to: DateQ = None) -> HTMLResponse:
    svc = service_of(request)
    kw = {k: v for k, v in (("date_from", date_from), ("date_to", date_to)) if v}
    net = await svc.run(svc.network, **kw)
    return page("network.html", title="Network", net=net, date_from=date_from or "",
                date_to=date_to or "")


@router.get("/positions")
async def positions(request: Request, issue: Text = None, date_from: DateQ = None,
                    date_to: DateQ = None) -> HTMLResponse:
    svc = service_of(request)
    kw = {k: v for k, v in (("issue", issue), ("date_from", date_from),
                            ("date_to", date_to)) if v}
    pos = await svc.run(svc.positions, **kw)
    return page("positions.html", title="Positions", pos=pos, issue=issue or "",
                date_from=date_from or "", date_to=date_to or "")


@router.get("/favicon.ico")
async def favicon() -> Response:
    return Response(status_code=204)
