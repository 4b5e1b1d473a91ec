"""`parley serve --db DB`: the JSON API and the pages over a store, on 127.0.0.1 by default."""

from __future__ import annotations

import argparse
import ipaddress
import logging
import sys
from pathlib import Path
from typing import Any

from parley.config import load_settings
from parley.errors import ConfigError

logger = logging.getLogger(__name__)


def add_parser(sub: Any) -> None:
    p = sub.add_parser("serve", help="serve the JSON API and the web pages over a store",
                       description="Serve the JSON API (/api, /openapi.json) and the pages "
                                   "(/, /articles/KEY, /actors/KEY, /network, /positions) over "
                                   "a store. Read-only unless web.token is set.")
    p.add_argument("--db", help="the store (default: the db setting, parley.db)")
    p.add_argument("--host", help="address to bind (default 127.0.0.1: this machine only)")
    p.add_argument("--port", type=int, help="port (default 8000)")
    p.add_argument("--config", help="a parley.toml settings file")
    p.add_argument("--set", action="append", default=[], metavar="KEY=VALUE",
                   help="override a setting, e.g. web.timeout_s=5 (repeatable)")
    p.set_defaults(func=run)


def is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def build_app(settings: Any, db: str) -> Any:
    """The app over ``parley.Parley(settings)`` and the store at ``db``."""
    try:
        from parley.api import Limits, Service, create_app
        from parley.facade import Parley
    except ModuleNotFoundError as exc:  # the web extra is not installed
        raise ConfigError(f"`parley serve` needs the web extra ({exc.name} is missing): "
                          "pip install 'parley[web]'") from exc
    web = settings.web
    limits = Limits(timeout_s=web.timeout_s, max_page=min(web.max_page, 200), threads=web.threads,
                    cache_s=web.cache_s)
    service = Service.from_facade(Parley(settings), db, limits=limits, token=web.token,
                                  writable=bool(web.token))
    return create_app(service)


def run(args: argparse.Namespace) -> int:
    settings = load_settings(Path(args.config) if args.config else None, args.set)
    db = args.db or settings.db
    if "://" not in db and not Path(db).exists():
        raise ConfigError(f"--db {db!r}: no such store; build one with `parley ingest --db {db} "
                          "FILES...` first")
    host = args.host or settings.web.host
    port = args.port or settings.web.port
    if not is_loopback(host) and not settings.web.token:
        print(f"parley: warning: serving on {host} without web.token: anyone who can reach this "
              "address can read every article in the store", file=sys.stderr)
    app = build_app(settings, db)
    try:
        import uvicorn
    except ModuleNotFoundError as exc:
        raise ConfigError("`parley serve` needs uvicorn: pip install 'parley[web]'") from exc
    shown = f"[{host}]" if ":" in host else host
    print(f"parley: serving {db} on http://{shown}:{port}/ (Ctrl-C stops)", file=sys.stderr)
    uvicorn.run(app, host=host, port=port, log_level="warning", access_log=False)
    return 0
