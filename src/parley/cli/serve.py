"""`parley serve --db DB`: the JSON API and the pages over a store, on 127.0.0.1 by default."""

from __future__ import annotations

import argparse
import ipaddress
import json
import logging
import os
import sys
import tempfile
from pathlib import Path
from typing import Any

from parley.config import load_settings
from parley.errors import ConfigError

logger = logging.getLogger(__name__)

# How `--workers N` hands the settings to its worker processes (uvicorn starts each one
# afresh and builds the app with `app_from_environment`).
SPEC_ENV = "PARLEY_SERVE_SPEC"


def add_parser(sub: Any) -> None:
    p = sub.add_parser("serve", help="serve the JSON API and the web pages over a store",
                       description="Serve the JSON API (/api, /openapi.json) and the pages "
                                   "(/, /articles/KEY, /actors/KEY, /network, /positions) over "
                                   "a store. Read-only unless web.token is set.")
    p.add_argument("--db", help="the store (default: the db setting, parley.db)")
    p.add_argument("--host", help="address to bind (default 127.0.0.1: this machine only)")
    p.add_argument("--port", type=int, help="port (default 8000)")
    p.add_argument("--workers", type=int, metavar="N",
                   help="server processes (default: the web.workers setting; 0: one per CPU, "
                        "at most 4); each opens the store for reading and keeps its own answers")
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


def worker_count(setting: int, cpus: int | None = None) -> int:
    """``setting`` processes, or with 0 one per CPU, at most 4 (more only add copies of the
    kept answers: the store's reading is shared by the operating system's file cache)."""
    if setting > 0:
        return setting
    return max(1, min(4, cpus if cpus is not None else (os.cpu_count() or 1)))


def build_app(settings: Any, db: str, shared: str | None = None) -> Any:
    """The app over ``parley.Parley(settings)`` and the store at ``db``; ``shared``: the
    folder where the worker processes share their answers."""
    try:
        from parley.api import Limits, Service, create_app
        from parley.facade import Parley
    except ModuleNotFoundError as exc:  # the web extra is not installed
        raise ConfigError(f"`parley serve` needs the web extra ({exc.name} is missing): "
                          "pip install 'parley[web]'") from exc
    web = settings.web
    limits = Limits(timeout_s=web.timeout_s, max_page=min(web.max_page, 200), threads=web.threads,
                    cache_s=web.cache_s)
    from parley.api.shared import SharedAnswers

    service = Service.from_facade(Parley(settings), db, limits=limits, token=web.token,
                                  writable=bool(web.token),
                                  shared=SharedAnswers(shared) if shared else None)
    return create_app(service)


def app_from_environment() -> Any:
    """The app of one worker process of `parley serve --workers N` (uvicorn's factory)."""
    spec = json.loads(os.environ[SPEC_ENV])
    settings = load_settings(Path(spec["config"]) if spec["config"] else None, spec["set"])
    return build_app(settings, spec["db"], spec.get("shared"))


def run(args: argparse.Namespace) -> int:
    settings = load_settings(Path(args.config) if args.config else None, args.set)
    db = args.db or settings.db
    if "://" not in db and not Path(db).exists():
        raise ConfigError(f"--db {db!r}: no such store; build one with `parley ingest --db {db} "
                          "FILES...` first")
    host = args.host or settings.web.host
    port = args.port or settings.web.port
    if args.workers is not None and not 0 <= args.workers <= 64:
        raise ConfigError(f"--workers {args.workers}: expected 0..64 (0: one per CPU)")
    workers = worker_count(settings.web.workers if args.workers is None else args.workers)
    if not is_loopback(host) and not settings.web.token:
        print(f"parley: warning: serving on {host} without web.token: anyone who can reach this "
              "address can read every article in the store", file=sys.stderr)
    app = build_app(settings, db)  # here too: a missing extra or bad setting fails once
    try:
        import uvicorn
    except ModuleNotFoundError as exc:
        raise ConfigError("`parley serve` needs uvicorn: pip install 'parley[web]'") from exc
    shown = f"[{host}]" if ":" in host else host
    print(f"parley: serving {db} on http://{shown}:{port}/ with {workers} "
          f"process{'es' if workers > 1 else ''} (Ctrl-C stops)", file=sys.stderr)
    if workers == 1:
        uvicorn.run(app, host=host, port=port, log_level="warning", access_log=False)
        return 0
    app.state.service.close()
    with tempfile.TemporaryDirectory(prefix="parley-serve-") as shared:
        os.environ[SPEC_ENV] = json.dumps({"config": args.config, "set": list(args.set),
                                           "db": db, "shared": shared})
        uvicorn.run(f"{__name__}:app_from_environment", factory=True, workers=workers,
                    host=host, port=port, log_level="warning", access_log=False)
    return 0
