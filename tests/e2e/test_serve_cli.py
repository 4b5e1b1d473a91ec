"""`parley serve`: binds to 127.0.0.1, serves the pages and the API over a store, warns when
bound elsewhere without a token, refuses a store that does not exist."""

from __future__ import annotations

import os
import random
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("fastapi")
ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture()
def db(tmp_path: Path) -> Path:
    from parley.store import SQLiteStore
    from parley.store.base import Batch
    from support.synthetic import document

    rng = random.Random(5)
    path = tmp_path / "s.db"
    store = SQLiteStore(path)
    store.write_batch(Batch(documents=[document(i, rng, "2023-06-05") for i in range(5)]))
    store.close()
    return path


def test_serve_answers_pages_and_json_on_loopback(db: Path) -> None:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    env = dict(os.environ, PYTHONPATH=f"{ROOT / 'src'}{os.pathsep}{os.environ.get('PYTHONPATH', '')}")
    proc = subprocess.Popen([sys.executable, "-m", "parley.cli.main", "serve", "--db", str(db),
                             "--port", str(port)], env=env, stderr=subprocess.PIPE)
    try:
        base = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + 60
        while True:
            try:
                with urllib.request.urlopen(base + "/api/counts", timeout=5) as r:
                    assert r.status == 200
                    break
            except OSError:
                if time.monotonic() > deadline or proc.poll() is not None:
                    raise
                time.sleep(0.2)
        with urllib.request.urlopen(base + "/", timeout=10) as r:
            page = r.read().decode()
            assert "5 articles" in page and r.headers["X-Content-Type-Options"] == "nosniff"
    finally:
        proc.terminate()
        _, err = proc.communicate(timeout=20)
    assert f"serving {db} on http://127.0.0.1:{port}/" in err.decode()
    assert "warning" not in err.decode()


def test_serve_warns_when_bound_elsewhere_without_a_token(db: Path, monkeypatch: Any,
                                                          capsys: Any) -> None:
    import uvicorn

    from parley.cli.main import main

    ran: dict[str, Any] = {}
    monkeypatch.setattr(uvicorn, "run", lambda app, **kw: ran.update(kw))  # bind nothing
    assert main(["serve", "--db", str(db), "--host", "0.0.0.0", "--port", "8123"]) == 0
    assert ran["host"] == "0.0.0.0" and ran["port"] == 8123
    assert "warning: serving on 0.0.0.0 without web.token" in capsys.readouterr().err
    assert main(["serve", "--db", str(db), "--host", "0.0.0.0",
                 "--set", "web.token=s3cret"]) == 0
    assert "warning" not in capsys.readouterr().err


def test_serve_refuses_a_missing_store(tmp_path: Path, capsys: Any) -> None:
    from parley.cli.main import main

    assert main(["serve", "--db", str(tmp_path / "none.db")]) == 1
    assert "no such store" in capsys.readouterr().err
