"""Browser tests: a live Parley server on 127.0.0.1 over a store written through the store's
writer, driven by Debian's Chromium through Playwright (never `playwright install`)."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from support.browser import Watched

HOSTILE = Path(__file__).resolve().parents[1] / "fixtures" / "hostile_web"
CHROMIUM = os.environ.get("PARLEY_CHROMIUM", "/usr/bin/chromium")

def pytest_collection_modifyitems(config: Any, items: list[Any]) -> None:
    here = Path(__file__).parent
    for item in items:
        if here in Path(str(item.fspath)).parents:
            item.add_marker(pytest.mark.browser)
            item.add_marker(pytest.mark.slow)


@pytest.fixture(scope="module")
def chromium() -> Iterator[Any]:
    """Chromium for one test module: Playwright's sync API runs an event loop in this
    thread while it is open, which later tests that call asyncio.run must not find."""
    if not (Path(CHROMIUM).exists() or shutil.which(CHROMIUM)):
        pytest.skip(f"no Chromium at {CHROMIUM}: `apt-get install chromium` (Debian) to run the "
                    "browser tests, or set PARLEY_CHROMIUM")
    sync_api = pytest.importorskip("playwright.sync_api",
                                   reason="pip install 'parley[browser]' for the browser tests")
    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        yield browser
        browser.close()


@pytest.fixture()
def open_page(chromium: Any, server: str) -> Iterator[Any]:
    contexts = []

    def make(bypass_csp: bool = False) -> Watched:
        ctx = chromium.new_context(viewport={"width": 1280, "height": 900},
                                   bypass_csp=bypass_csp)
        contexts.append(ctx)
        return Watched(ctx.new_page(), server)

    yield make
    for ctx in contexts:
        ctx.close()


def _service(db: Path, docs: list[Any]) -> Any:
    """The service over a store written through the store's writer, with the real reader
    and analysis (the same objects `parley serve` uses)."""
    import parley.analysis as analysis
    from parley.api import Service
    from parley.store import SQLiteStore
    from parley.store.base import Batch

    store = SQLiteStore(db)
    store.write_batch(Batch(documents=docs))
    store.close()
    ingest_hostile(db)
    return Service(SQLiteStore(db).reader, analysis=analysis)


def ingest_hostile(db: Path) -> None:
    """The hostile corpus (tests/fixtures/hostile_web) through `parley ingest`: the readers, the
    HTML extraction and the whole pipeline, as a user's files would go."""
    from parley.cli.main import main

    rc = main(["ingest", "--db", str(db), "--no-dedupe", "--no-progress", "--quiet",
               "--date", "2023-06-05", str(HOSTILE)])
    assert rc == 0, f"parley ingest of {HOSTILE} exited {rc}"


@pytest.fixture(scope="session")
def corpus() -> list[Any]:
    from support.synthetic import PAYLOADS, documents, hostile_document

    return list(documents(80, seed=11, start="2023-05-01", days=60)) + [
        hostile_document(i) for i in range(len(PAYLOADS))]


@pytest.fixture(scope="session")
def server(tmp_path_factory: Any, corpus: list[Any]) -> Iterator[str]:
    from parley.api import create_app
    from support.liveserver import live_server

    db = tmp_path_factory.mktemp("web") / "web.db"
    with live_server(create_app(_service(db, corpus))) as base:
        yield base
