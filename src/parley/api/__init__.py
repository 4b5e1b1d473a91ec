"""Parley over HTTP: a JSON API and server-rendered pages (the ``web`` extra).

``create_app(Service.from_facade(Parley(settings), db))`` builds the FastAPI app;
``parley serve`` runs it with uvicorn on 127.0.0.1.
"""

from parley.api.app import CSP, create_app
from parley.api.service import ApiError, Limits, Service

__all__ = ["CSP", "ApiError", "Limits", "Service", "create_app"]
