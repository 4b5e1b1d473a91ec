"""`parley dyad | network | positions | alerts | brief` as a user runs them, on a hand-made
store (no model): every format, the plots, and the errors a user makes."""

from __future__ import annotations

import csv
import io
import json

import pytest

from parley.cli.main import main
from parley.store.base import Batch
from parley.store.sqlite import SQLiteStore
from support.analysis_docs import ukraine_docs

PERIOD = ["--from", "2024-03-04", "--to", "2024-03-10"]


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> str:
    path = tmp_path_factory.mktemp("cli") / "parley.db"
    store = SQLiteStore(path)
    store.write_batch(Batch(documents=ukraine_docs()))
    store.close()
    return str(path)


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out = capsys.readouterr()
    return code, out.out, out.err


def test_dyad_formats_and_plots(db, capsys, tmp_path):
    code, text, _ = run(capsys, "dyad", "RUS", "UKR", "--db", db, "--by", "day")
    assert code == 0 and "RUS <-> UKR by day" in text and "ASSAULT:" in text
    code, out, _ = run(capsys, "dyad", "RUS", "UKR", "--db", db, "--format", "json")
    series = json.loads(out)
    assert set(series) >= {"a", "b", "by", "periods"}
    assert [p["events"] for p in series["periods"]] == [1, 4]
    code, out, _ = run(capsys, "dyad", "RUS", "UKR", "--db", db, "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(out)))
    assert [r["events"] for r in rows] == ["1", "4"] and rows[1]["a_to_b_ASSAULT"] == "3"
    for ext, magic in (("png", b"\x89PNG"), ("svg", b"<?xml")):
        plot = tmp_path / f"d.{ext}"
        assert run(capsys, "dyad", "RUS", "UKR", "--db", db, "--plot", str(plot))[0] == 0
        assert plot.read_bytes().startswith(magic)


def test_network_positions_alerts(db, capsys):
    code, out, _ = run(capsys, "network", "--db", db, "--format", "json")
    net = json.loads(out)
    assert code == 0 and net["balance"]["triads"] >= 1
    code, out, _ = run(capsys, "network", "--db", db, "--format", "graphml")
    assert out.startswith("<?xml") and "<graphml" in out
    code, out, _ = run(capsys, "positions", "--db", db, "--format", "csv")
    assert "sanctions" in out and out.splitlines()[0].startswith("actor,issue,support,oppose")
    code, out, _ = run(capsys, "alerts", "--db", db, "--format", "json")
    assert code == 0 and isinstance(json.loads(out), list)


def test_brief_in_every_format(db, capsys, tmp_path):
    code, text, _ = run(capsys, "brief", "UKR", "--db", db, *PERIOD)
    assert code == 0 and text.startswith("Brief: Ukraine (UKR), 2024-03-04 to 2024-03-10")
    assert "“Xi Jinping met Vladimir Putin in Moscow.”" in text
    code, out, _ = run(capsys, "brief", "UKR", "--db", db, *PERIOD, "--format", "json")
    assert json.loads(out)["actor"]["key"] == "UKR"
    md = tmp_path / "new" / "ukraine.md"
    assert run(capsys, "brief", "UKR", "--db", db, *PERIOD, "--format", "markdown",
               "--out", str(md))[0] == 0
    pngs = sorted(p.name for p in md.parent.glob("*.png"))
    assert pngs and all(f"]({name})" in md.read_text() for name in pngs)
    html = tmp_path / "ukraine.html"
    assert run(capsys, "brief", "UKR", "--db", db, *PERIOD, "--format", "html",
               "--out", str(html))[0] == 0
    page = html.read_text()
    assert "&lt;script&gt;x&lt;/script&gt;" in page and "<script>" not in page
    assert page.count("data:image/png;base64,") >= 1


def test_errors_a_user_makes(db, capsys, tmp_path):
    code, _, err = run(capsys, "brief", "UKR", "--db", str(tmp_path / "none.db"))
    assert code == 1 and "does not exist" in err
    with pytest.raises(SystemExit) as exc:
        main(["dyad", "RUS", "UKR", "--db", db, "--by", "year"])
    assert exc.value.code == 2
    code, _, err = run(capsys, "dyad", "RUS", "UKR", "--db", db, "--plot", str(tmp_path / "x.gif"))
    assert code == 1 and ".png or .svg" in err


def test_the_facade_answers_as_the_verbs(db):
    from parley import Parley

    p = Parley()
    assert sum(x["events"] for x in p.dyad("RUS", "UKR", db=db, by="day")["periods"]) == 5
    b = p.brief("UKR", db=db, date_from="2024-03-04", date_to="2024-03-10")
    assert b["actor"]["name"] == "Ukraine" and b["implications"]
    assert p.network(db=db)["balance"]["triads"] >= 1
    assert p.positions(db=db)["matrix"] and isinstance(p.alerts(db=db), list)
