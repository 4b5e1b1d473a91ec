"""PETRARCH/Phoenix and Wikidata importers, on hand-written fixtures and the real Phoenix files."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from parley.actors.importers import (
    import_petrarch,
    import_wikidata,
    parse_cameo_code,
    people_to_ship,
    write_yaml,
)
from parley.actors.kb import KnowledgeBase, shipped_paths
from parley.errors import ConfigError

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "kb"
SHARED = Path(os.environ.get("PARLEY_SHARED")
              or Path(__file__).resolve().parents[3] / ".." / "shared")
PHOENIX = SHARED / "dictionaries" / "phoenix"


@pytest.fixture(autouse=True)
def _own_cache(tmp_path, monkeypatch):
    monkeypatch.setenv("PARLEY_CACHE_DIR", str(tmp_path / "cache"))


@pytest.mark.parametrize(("code", "expected"), [
    ("RUSGOV", ("RUS", "GOV")), ("USAMIL", ("USA", "MIL")), ("AFG", ("AFG", None)),
    ("EGYGOVJUD", ("EGY", "GOV")), ("GBRMED", ("GBR", "JRN")), ("IGOUNO", ("IGO", "IGO")),
    ("NGOXYZ", ("NGO", "NGO")), ("MNC", ("MNC", "BUS")), ("IMGMUSALQ", ("IMG", "IMG")),
    ("ELI", (None, "ELI")), ("USRARM", (None, None)), ("QQQGOV", (None, None)),
])
def test_parse_cameo_code(code, expected) -> None:
    assert parse_cameo_code(code) == expected


@pytest.fixture(scope="module")
def petrarch():
    return import_petrarch([FIXTURES / "sample.actors.txt", FIXTURES / "orphan.actors.txt"])


def test_petrarch_dated_person(petrarch) -> None:
    ana = next(e for e in petrarch.entries if e.name == "Ana Kord")
    assert ana.kind == "person" and ana.country == "FRA" and ana.sector == "ELI"
    assert set(ana.aliases) == {"Minister Kord", "A. Kord"}
    spans = sorted((r.start, r.end, r.sector) for r in ana.roles)
    assert spans == [("2015-01-10", "2019-06-30", "GOV"), ("2020-02-01", None, "GOV")]


def test_petrarch_consecutive_names_share_codes_and_overlaps_merge(petrarch) -> None:
    carl = next(e for e in petrarch.entries if e.name == "Carl One")
    assert carl.aliases == ("Carl Two",)
    assert [(r.start, r.end) for r in carl.roles] == [("1999-01-01", "2005-12-31")]


def test_petrarch_inline_before_restriction(petrarch) -> None:
    dora = next(e for e in petrarch.entries if e.name == "Dora Late")
    assert [(r.start, r.end, r.sector) for r in dora.roles] == [(None, "2010-12-31", "MIL")]


@pytest.mark.parametrize(("name", "kind", "country", "sector"), [
    ("Atlantic Council Of Tests", "igo", "IGO", "IGO"),
    ("Test Rebel Front", "group", "IMG", "IMG"),
    ("Northern Liberation Army", "group", "ESP", "REB"),
    ("Daily Test", "media", "GBR", "JRN"),
])
def test_petrarch_bodies(petrarch, name, kind, country, sector) -> None:
    e = next(e for e in petrarch.entries if e.name == name)
    assert (e.kind, e.country, e.sector) == (kind, country, sector)


def test_petrarch_report_says_what_was_skipped_and_why(petrarch) -> None:
    assert (petrarch.actors, petrarch.roles, petrarch.records) == (7, 4, 11)
    reasons = " | ".join(petrarch.skipped)
    for needle in ["no ISO country", "without any code", "date restriction not", "synonym before"]:
        assert needle in reasons
    assert "sample.actors.txt:34 [FRAGOV 99010-001231]" in petrarch.summary()


def test_petrarch_output_loads_and_resolves(petrarch, tmp_path) -> None:
    out = tmp_path / "p.yaml"
    assert write_yaml(petrarch.entries, out, header="test") == 7
    kb = KnowledgeBase.from_paths([out], cache=False)
    assert [p for p in kb.validate() if p.startswith("error")] == []
    h = kb.lookup("A. Kord", "2016-01-01")[0]
    assert (h.country, h.sector, h.office) == ("FRA", "GOV", "government (FRAGOV)")
    assert kb.lookup("Ana Kord", "2019-09-01")[0].office is None


def test_petrarch_keeps_countries_on_request() -> None:
    r = import_petrarch(FIXTURES / "sample.actors.txt", include_countries=True)
    assert r.actors == 7  # ZZA is no ISO code, so Freedonia is still skipped


@pytest.fixture(scope="module")
def people():
    known = KnowledgeBase.from_paths([FIXTURES / "small.yaml"], cache=False)
    return people_to_ship(import_petrarch(FIXTURES / "people.actors.txt"), known)


def test_people_to_ship_keeps_people_with_names_of_two_words(people) -> None:
    assert [e.name for e in people.entries] == ["Marta McCloud", "Paul O'Dare"]
    marta = people.entries[0]
    # "McCloud" alone would name anyone of that surname: only two-word aliases are kept
    assert marta.aliases == ("President McCloud",)
    assert [(r.start, r.end, r.sector) for r in marta.roles] == [
        ("1989-01-01", None, "ELI"), ("1980-01-01", "1988-12-31", "GOV")]


@pytest.mark.parametrize(("reason", "name"), [
    ("a one-word name", "Kordan"),
    ("a body's name with dated codes", "People's Unity Movement"),
    ("a name the shipped base already knows", "Ana Kord"),
    ("a name an earlier record already has", "Paul O'Dare Junior"),
    ("not a person", "Daily Test"),
])
def test_people_to_ship_says_whom_it_left_out_and_why(people, reason, name) -> None:
    key = f"{reason} (--people)"
    assert name in people.examples[key] and people.skipped[key] == 1
    assert f"{people.actors} actors (person {people.actors})" in people.summary()


def test_people_file_written_by_the_cli_resolves_on_its_dates(tmp_path, capsys) -> None:
    from parley.cli.main import main

    out = tmp_path / "people.yaml"
    assert main(["kb", "--kb", str(FIXTURES / "small.yaml"), "import-petrarch", "--people",
                 str(FIXTURES / "people.actors.txt"), "-o", str(out)]) == 0
    text = out.read_text(encoding="utf-8")
    assert "MIT licence" in text and "people.actors.txt" in text and str(FIXTURES) not in text
    kb = KnowledgeBase.from_paths([out], cache=False)
    assert kb.validate() == []
    h = kb.lookup("President McCloud", "1985-03-01")[0]
    # a role's country and source default to the entry's: the file does not repeat them
    assert (h.country, h.sector) == ("FRA", "GOV") and "line" in h.entry.roles[0].source
    assert kb.lookup("Marta McCloud", "1995-03-01")[0].sector == "ELI"
    assert kb.lookup("McCloud", "1985-03-01") == []


def test_shipped_phoenix_people_name_their_source_and_licence() -> None:
    path = next(p for p in shipped_paths() if p.name == "people_phoenix.yaml")
    head = path.read_text(encoding="utf-8")[:600]
    assert "MIT licence" in head and "Open Event Data" in head
    assert (path.parent / "PHOENIX_LICENSE.txt").read_text().startswith("The MIT License")
    kb = KnowledgeBase.default()
    # leaders of the 1980s and 1990s that the curated files lack
    for name, date, country in [("President Reagan", "1985-06-01", "USA"),
                                ("Yoweri Museveni", "1996-06-01", "UGA"),
                                ("Abdelaziz Bouteflika", "2001-06-01", "DZA")]:
        hits = kb.lookup(name, date)
        assert hits and (hits[0].country, hits[0].sector) == (country, "GOV"), name


def test_petrarch_missing_file() -> None:
    with pytest.raises(ConfigError, match="cannot read PETRARCH dictionary"):
        import_petrarch(FIXTURES / "nope.actors.txt")


@pytest.mark.parametrize("name", ["entities.jsonl", "entities_dump.json"])
def test_wikidata_person_with_positions(name) -> None:
    r = import_wikidata(FIXTURES / name)
    ana = next(e for e in r.entries if e.id == "Q900001")
    assert (ana.kind, ana.name, ana.country, ana.qid) == ("person", "Ana Kord", "FRA", "Q900001")
    assert ana.aliases == ("Kord", "A. Kord")
    first, second = ana.roles  # the deprecated P39 claim is dropped
    assert (first.office, first.country, first.sector, first.start, first.end) == (
        "Foreign Minister of Testland", "DEU", "GOV", "2015-01-10", "2019-06-30")
    assert (second.office, second.start, second.end) == ("Q900101", "2020", None)


def test_wikidata_bodies_and_skips() -> None:
    r = import_wikidata(FIXTURES / "entities.jsonl")
    by_id = {e.id: e for e in r.entries}
    assert (by_id["Q900200"].kind, by_id["Q900200"].sector, by_id["Q900200"].country) == (
        "group", "PTY", "DEU")
    assert (by_id["Q900300"].kind, by_id["Q900300"].sector) == ("media", "JRN")
    reasons = set(r.skipped)
    assert {"position (used for office labels)", "no label", "not an item (id is not Q...)",
            "country (countries.yaml covers countries)"} <= reasons
    assert any("instance of" in x for x in reasons)


def test_wikidata_output_is_date_aware(tmp_path) -> None:
    out = tmp_path / "w.yaml"
    write_yaml(import_wikidata(FIXTURES / "entities.jsonl").entries, out)
    kb = KnowledgeBase.from_paths([out], cache=False)
    assert kb.lookup("Kord", "2017-01-01")[0].office == "Foreign Minister of Testland"
    assert kb.lookup("Kord", "2021-01-01")[0].office == "Q900101"


def test_wikidata_bad_file(tmp_path) -> None:
    p = tmp_path / "bad.json"
    p.write_text("{not json\n")
    with pytest.raises(ConfigError, match="neither JSON Lines nor a JSON array"):
        import_wikidata(p)


@pytest.mark.slow
def test_real_phoenix_dictionaries(tmp_path) -> None:
    files = sorted(PHOENIX.glob("*.actors.txt"))
    if not files:
        pytest.skip(f"Phoenix dictionaries not found under {PHOENIX} (set PARLEY_SHARED)")
    r = import_petrarch(files)
    assert r.actors > 25_000 and r.roles > 25_000 and r.kinds["person"] > 15_000
    assert sum(r.skipped.values()) < 0.05 * r.records
    out = tmp_path / "phoenix.yaml"
    write_yaml(r.entries, out)
    kb = KnowledgeBase.from_paths([out])
    putin = [h for h in kb.lookup("Vladimir Putin", "2010-01-01")]
    assert putin and putin[0].country == "RUS" and putin[0].sector == "GOV"
    assert [p for p in kb.validate() if p.startswith("error")] == []
