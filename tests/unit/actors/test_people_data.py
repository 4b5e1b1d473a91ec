"""The people of the knowledge base (src/parley/actors/data/people.yaml) hold together.

These tests read the YAML file directly, not through the knowledge-base loader, so that the
data can be checked on its own: it parses, every role is complete and dated, offices that
one person holds at a time never have two holders, names that would be ambiguous are not
aliases, and a table of well-known facts (who held which office on a given day) comes out
right.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections import defaultdict
from itertools import pairwise
from pathlib import Path
from typing import Any

import pycountry
import pytest
import yaml

PEOPLE_YAML = (
    Path(__file__).resolve().parents[3] / "src" / "parley" / "actors" / "data" / "people.yaml"
)

# Non-state codes of docs/knowledge_base.md (intergovernmental bodies such as the UN, NATO and
# the EU are IGO) and XKX for Kosovo, which has no ISO 3166 code.
NON_ISO_COUNTRIES = {"IGO", "NGO", "MNC", "IMG", "XKX"}
SECTORS = {
    "GOV", "MIL", "LEG", "JUD", "OPP", "PTY", "REB", "SPY", "COP", "ELI", "JRN", "BUS", "REL",
    "CVL",
}  # fmt: skip
ROLE_KEYS = {"office", "country", "sector", "start", "end", "source"}

# Offices that several people hold at the same time; every other (office, country) pair has
# one holder at a time.
SHARED_OFFICES = (
    "Spokesperson of the Ministry of Foreign Affairs of China",
    "Senator",
    "Deputy Prime Minister",
    "Vice-President of the European Commission",
    "Member of the",
    "State Councilor",
    "Vice Chairman of the Central Military Commission",
    "Vice Premier",
    "Aide to the President",
    "Deputy Foreign Minister",
)

# Surnames and given names that belong to several well-known people: never an alias alone.
AMBIGUOUS_ALIASES = {
    "Kim", "Bush", "Abe", "Clinton", "Johnson", "Rice", "Lee", "Park", "Moon", "Wang", "Li",
    "Zhang", "Singh", "Khan", "Brown", "Powell", "Harris", "Koizumi", "Kim Jong", "Cheney",
    "Sharif", "Gandhi", "Castro", "Aliyev", "Assad", "Kirchner", "Fernandez", "Fernández",
    "Larijani", "Sullivan", "Miller", "Carney", "Kallas", "Zuma",
}  # fmt: skip


def _date(value: Any) -> dt.date | None:
    if value is None:
        return None
    if isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value))


def _fold(text: str) -> str:
    """Accents dropped, case folded, dots and apostrophes deleted, hyphens made spaces."""
    decomposed = unicodedata.normalize("NFKD", text)
    plain = "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()
    plain = re.sub(r"[.'’]", "", plain)
    return " ".join(re.sub(r"[-,]", " ", plain).split())


@pytest.fixture(scope="module")
def people() -> list[dict[str, Any]]:
    data = yaml.safe_load(PEOPLE_YAML.read_text(encoding="utf-8"))
    assert isinstance(data, dict) and isinstance(data.get("actors"), list)
    return data["actors"]


@pytest.fixture(scope="module")
def by_name(people: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    return {person["name"]: person for person in people}


def _roles_on(person: dict[str, Any], day: dt.date) -> list[dict[str, Any]]:
    """Roles in force on the day; start and end are inclusive (docs/knowledge_base.md)."""
    held = []
    for role in person["roles"]:
        end = _date(role["end"])
        if _date(role["start"]) <= day and (end is None or day <= end):
            held.append(role)
    return held


def test_file_lists_several_hundred_people(people: list[dict[str, Any]]) -> None:
    assert len(people) >= 400
    assert sum(len(person["roles"]) for person in people) >= 700


def test_every_person_has_the_published_fields(people: list[dict[str, Any]]) -> None:
    problems = []
    for person in people:
        for key in ("id", "kind", "name", "aliases", "country", "sector", "roles"):
            if key not in person:
                problems.append(f"{person.get('name')}: no {key}")
        if person.get("kind") != "person":
            problems.append(f"{person.get('name')}: kind {person.get('kind')!r}")
        if not person.get("roles"):
            problems.append(f"{person.get('name')}: no roles")
        qid = person.get("qid")
        if qid is not None and person["id"] != qid:
            problems.append(f"{person['name']}: id {person['id']} differs from qid {qid}")
        if qid is None and not str(person.get("id", "")).startswith("person:"):
            problems.append(f"{person['name']}: id {person.get('id')} is neither QID nor slug")
    assert problems == []


def test_ids_and_names_are_unique(people: list[dict[str, Any]]) -> None:
    ids = [person["id"] for person in people]
    assert len(ids) == len(set(ids)), sorted({i for i in ids if ids.count(i) > 1})
    names = [person["name"] for person in people]
    assert len(names) == len(set(names)), sorted({n for n in names if names.count(n) > 1})


def test_every_role_is_complete_and_dated(people: list[dict[str, Any]]) -> None:
    problems = []
    for person in people:
        for role in person["roles"]:
            where = f"{person['name']} / {role.get('office')}"
            if set(role) != ROLE_KEYS:
                problems.append(f"{where}: keys {sorted(role)}")
                continue
            if not role["office"] or not role["source"]:
                problems.append(f"{where}: empty office or source")
            if role["sector"] not in SECTORS:
                problems.append(f"{where}: sector {role['sector']}")
            start, end = _date(role["start"]), _date(role["end"])
            if start is None:
                problems.append(f"{where}: no start")
            elif end is not None and end < start:
                problems.append(f"{where}: ends {end} before it starts {start}")
            elif start > dt.date(2026, 12, 31):
                problems.append(f"{where}: starts in the future {start}")
    assert problems == []


def test_countries_are_iso_alpha3_or_plover_codes(people: list[dict[str, Any]]) -> None:
    def valid(code: str) -> bool:
        return code in NON_ISO_COUNTRIES or pycountry.countries.get(alpha_3=code) is not None

    bad = [(p["name"], p["country"]) for p in people if not valid(p["country"])]
    bad += [
        (p["name"], r["country"]) for p in people for r in p["roles"] if not valid(r["country"])
    ]
    assert bad == []


def test_one_holder_at_a_time_for_single_holder_offices(people: list[dict[str, Any]]) -> None:
    holders: dict[tuple[str, str], list[tuple[dt.date, dt.date, str]]] = defaultdict(list)
    for person in people:
        for role in person["roles"]:
            if any(shared in role["office"] for shared in SHARED_OFFICES):
                continue
            end = _date(role["end"]) or dt.date(2100, 1, 1)
            holders[(role["office"], role["country"])].append(
                (_date(role["start"]), end, person["name"])
            )
    clashes = []
    for office, spans in holders.items():
        spans.sort()
        for i, (s1, e1, n1) in enumerate(spans):
            for s2, e2, n2 in spans[i + 1 :]:
                # a day or two of overlap is the handover (sworn in before the other leaves)
                if n1 != n2 and (min(e1, e2) - max(s1, s2)).days > 2:
                    clashes.append(f"{office}: {n1} ({s1}..{e1}) and {n2} ({s2}..{e2})")
    assert clashes == []


def test_one_person_never_holds_the_same_office_twice_at_once(
    people: list[dict[str, Any]],
) -> None:
    clashes = []
    for person in people:
        spans = sorted(
            (_date(r["start"]), _date(r["end"]) or dt.date(2100, 1, 1), r["office"])
            for r in person["roles"]
        )
        for (s1, e1, o1), (s2, _e2, o2) in pairwise(spans):
            if o1 == o2 and s2 <= e1:
                clashes.append(f"{person['name']}: {o1} {s1}..{e1} overlaps {s2}")
    assert clashes == []


def test_aliases_point_to_one_person_only(people: list[dict[str, Any]]) -> None:
    owners: dict[str, set[str]] = defaultdict(set)
    for person in people:
        for name in [person["name"], *person["aliases"]]:
            owners[_fold(name)].add(person["name"])
    shared = {alias: sorted(names) for alias, names in owners.items() if len(names) > 1}
    assert shared == {}


def test_ambiguous_surnames_are_not_aliases(people: list[dict[str, Any]]) -> None:
    banned = {_fold(a) for a in AMBIGUOUS_ALIASES}
    found = [(p["name"], a) for p in people for a in p["aliases"] if _fold(a) in banned]
    assert found == []


def test_aliases_include_spellings_without_diacritics(people: list[dict[str, Any]]) -> None:
    missing = []
    for person in people:
        plain = {_fold(a) for a in person["aliases"]} | {_fold(person["name"])}
        for alias in [person["name"], *person["aliases"]]:
            ascii_form = _fold(alias)
            if alias.casefold() != ascii_form and ascii_form not in plain:
                missing.append((person["name"], alias))
            if alias.casefold() != ascii_form and not any(
                a.isascii() for a in [person["name"], *person["aliases"]]
            ):
                missing.append((person["name"], "no plain ASCII spelling"))
    assert missing == []


SPOT_FACTS = [
    # (name, day, country, sector, office substring)
    ("Vladimir Putin", "2000-01-15", "RUS", "GOV", "Acting President of Russia"),
    ("Vladimir Putin", "2005-06-01", "RUS", "GOV", "President of Russia"),
    ("Vladimir Putin", "2010-06-01", "RUS", "GOV", "Prime Minister of Russia"),
    ("Vladimir Putin", "2023-03-20", "RUS", "GOV", "President of Russia"),
    ("Dmitry Medvedev", "2010-01-01", "RUS", "GOV", "President of Russia"),
    ("Dmitry Medvedev", "2015-01-01", "RUS", "GOV", "Prime Minister of Russia"),
    ("Dmitry Medvedev", "2022-03-01", "RUS", "GOV", "Security Council of Russia"),
    ("Sergey Lavrov", "2000-01-01", "RUS", "GOV", "United Nations"),
    ("Sergey Lavrov", "2023-03-20", "RUS", "GOV", "Foreign Minister of Russia"),
    ("Sergei Shoigu", "2020-01-01", "RUS", "GOV", "Defence Minister of Russia"),
    ("Andrei Belousov", "2024-08-01", "RUS", "GOV", "Defence Minister of Russia"),
    ("Valery Gerasimov", "2022-03-01", "RUS", "MIL", "Chief of the General Staff"),
    ("Dmitry Peskov", "2023-03-20", "RUS", "GOV", "Press Secretary of the President of Russia"),
    ("Maria Zakharova", "2022-03-01", "RUS", "GOV", "Spokesperson of the Ministry of Foreign"),
    ("Xi Jinping", "2010-01-01", "CHN", "GOV", "Vice President of China"),
    ("Xi Jinping", "2023-03-20", "CHN", "GOV", "President of China"),
    ("Hu Jintao", "2008-08-08", "CHN", "GOV", "President of China"),
    ("Wang Yi", "2015-01-01", "CHN", "GOV", "Foreign Minister of China"),
    ("Qin Gang", "2023-03-01", "CHN", "GOV", "Foreign Minister of China"),
    ("Wang Yi", "2024-01-01", "CHN", "GOV", "Foreign Minister of China"),
    ("Li Zhaoxing", "2005-01-01", "CHN", "GOV", "Foreign Minister of China"),
    ("Yang Jiechi", "2010-01-01", "CHN", "GOV", "Foreign Minister of China"),
    ("Zhao Lijian", "2021-06-01", "CHN", "GOV", "Spokesperson of the Ministry of Foreign Affairs"),
    ("Mao Ning", "2023-06-01", "CHN", "GOV", "Spokesperson of the Ministry of Foreign Affairs"),
    ("Barack Obama", "2012-06-01", "USA", "GOV", "President of the United States"),
    ("Joe Biden", "2012-06-01", "USA", "GOV", "Vice President of the United States"),
    ("Donald Trump", "2025-06-01", "USA", "GOV", "President of the United States"),
    ("George W. Bush", "2003-03-20", "USA", "GOV", "President of the United States"),
    ("Condoleezza Rice", "2003-03-20", "USA", "GOV", "National Security Advisor"),
    ("Condoleezza Rice", "2007-01-01", "USA", "GOV", "Secretary of State"),
    ("Hillary Clinton", "2011-05-02", "USA", "GOV", "Secretary of State"),
    ("Donald Rumsfeld", "2003-03-20", "USA", "GOV", "Secretary of Defense"),
    ("Mark Milley", "2022-03-01", "USA", "MIL", "Chairman of the Joint Chiefs of Staff"),
    ("John Kirby", "2023-03-20", "USA", "GOV", "National Security Council"),
    ("Karine Jean-Pierre", "2023-03-20", "USA", "GOV", "White House Press Secretary"),
    ("Nancy Pelosi", "2022-08-02", "USA", "LEG", "Speaker"),
    ("Tony Blair", "2003-03-20", "GBR", "GOV", "Prime Minister of the United Kingdom"),
    ("Boris Johnson", "2017-01-01", "GBR", "GOV", "Foreign Secretary"),
    ("Boris Johnson", "2021-01-01", "GBR", "GOV", "Prime Minister of the United Kingdom"),
    ("David Cameron", "2024-01-01", "GBR", "GOV", "Foreign Secretary"),
    ("Keir Starmer", "2025-01-01", "GBR", "GOV", "Prime Minister of the United Kingdom"),
    ("Angela Merkel", "2015-09-01", "DEU", "GOV", "Chancellor of Germany"),
    ("Frank-Walter Steinmeier", "2014-06-01", "DEU", "GOV", "Foreign Minister of Germany"),
    ("Frank-Walter Steinmeier", "2020-06-01", "DEU", "GOV", "President of Germany"),
    ("Emmanuel Macron", "2020-01-01", "FRA", "GOV", "President of France"),
    ("Nicolas Sarkozy", "2003-01-01", "FRA", "GOV", "Interior"),
    ("Volodymyr Zelenskyy", "2022-02-24", "UKR", "GOV", "President of Ukraine"),
    ("Dmytro Kuleba", "2022-02-24", "UKR", "GOV", "Foreign Minister of Ukraine"),
    ("Andrii Sybiha", "2025-01-01", "UKR", "GOV", "Foreign Minister of Ukraine"),
    ("Valerii Zaluzhnyi", "2023-01-01", "UKR", "MIL", "Commander-in-Chief"),
    ("Benjamin Netanyahu", "1998-01-01", "ISR", "GOV", "Prime Minister of Israel"),
    ("Benjamin Netanyahu", "2015-01-01", "ISR", "GOV", "Prime Minister of Israel"),
    ("Benjamin Netanyahu", "2022-01-01", "ISR", "OPP", "Leader of the Opposition"),
    ("Recep Tayyip Erdoğan", "2010-01-01", "TUR", "GOV", "Prime Minister of Turkey"),
    ("Recep Tayyip Erdoğan", "2020-01-01", "TUR", "GOV", "President of Turkey"),
    ("Ali Khamenei", "2020-01-01", "IRN", "GOV", "Supreme Leader of Iran"),
    ("Mohammad Javad Zarif", "2015-07-14", "IRN", "GOV", "Foreign Minister of Iran"),
    ("Kim Jong-un", "2018-06-12", "PRK", "GOV", "Supreme Leader"),
    ("Moon Jae-in", "2018-06-12", "KOR", "GOV", "President of South Korea"),
    ("Narendra Modi", "2020-01-01", "IND", "GOV", "Prime Minister of India"),
    ("Subrahmanyam Jaishankar", "2023-01-01", "IND", "GOV", "External Affairs"),
    ("Shinzo Abe", "2015-01-01", "JPN", "GOV", "Prime Minister of Japan"),
    ("Luiz Inácio Lula da Silva", "2005-01-01", "BRA", "GOV", "President of Brazil"),
    ("Jair Bolsonaro", "2020-01-01", "BRA", "GOV", "President of Brazil"),
    ("Javier Milei", "2024-06-01", "ARG", "GOV", "President of Argentina"),
    ("Mohammed bin Salman", "2019-01-01", "SAU", "GOV", "Crown Prince"),
    ("Cyril Ramaphosa", "2020-01-01", "ZAF", "GOV", "President of South Africa"),
    ("Justin Trudeau", "2020-01-01", "CAN", "GOV", "Prime Minister of Canada"),
    ("Anthony Albanese", "2023-01-01", "AUS", "GOV", "Prime Minister of Australia"),
    ("Joko Widodo", "2020-01-01", "IDN", "GOV", "President of Indonesia"),
    ("Andrés Manuel López Obrador", "2020-01-01", "MEX", "GOV", "President of Mexico"),
    ("Giorgia Meloni", "2023-06-01", "ITA", "GOV", "Prime Minister of Italy"),
    ("António Guterres", "2020-01-01", "IGO", "GOV", "Secretary-General of the United Nations"),
    ("Kofi Annan", "2003-03-20", "IGO", "GOV", "Secretary-General of the United Nations"),
    ("Jens Stoltenberg", "2022-03-01", "IGO", "GOV", "Secretary General of NATO"),
    ("Jens Stoltenberg", "2010-01-01", "NOR", "GOV", "Prime Minister of Norway"),
    ("Javier Solana", "2005-01-01", "IGO", "GOV", "High Representative"),
    ("Josep Borrell", "2022-03-01", "IGO", "GOV", "High Representative"),
    ("Ursula von der Leyen", "2022-03-01", "IGO", "GOV", "President of the European Commission"),
    ("Ursula von der Leyen", "2015-01-01", "DEU", "GOV", "Defence Minister of Germany"),
    ("Donald Tusk", "2017-01-01", "IGO", "GOV", "President of the European Council"),
    ("Donald Tusk", "2024-06-01", "POL", "GOV", "Prime Minister of Poland"),
]


@pytest.mark.parametrize(("name", "day", "country", "sector", "office"), SPOT_FACTS)
def test_spot_facts(
    by_name: dict[str, dict[str, Any]], name: str, day: str, country: str, sector: str, office: str
) -> None:
    assert name in by_name, f"{name} is not in people.yaml"
    held = _roles_on(by_name[name], dt.date.fromisoformat(day))
    matches = [
        r
        for r in held
        if office in r["office"] and r["country"] == country and r["sector"] == sector
    ]
    assert matches, (
        f"{name} on {day}: holds {[(r['office'], r['country'], r['sector']) for r in held]}"
    )


@pytest.mark.parametrize(
    ("name", "day"),
    [
        ("Barack Obama", "2000-06-01"),  # before his first federal office
        ("Tony Blair", "2016-01-01"),  # out of office, Quartet envoy until May 2015
        ("Qin Gang", "2023-08-01"),  # removed as foreign minister on 25 July 2023
        ("Dmytro Kuleba", "2024-10-01"),  # resigned on 5 September 2024
        ("Sergei Shoigu", "2024-06-01"),  # no longer defence minister
    ],
)
def test_no_office_held_outside_the_dates(
    by_name: dict[str, dict[str, Any]], name: str, day: str
) -> None:
    held = _roles_on(by_name[name], dt.date.fromisoformat(day))
    assert all(
        "Foreign Minister" not in r["office"] and "Defence Minister" not in r["office"]
        for r in held
    )
    if name in {"Barack Obama", "Tony Blair"}:
        assert held == []


@pytest.mark.parametrize(
    ("name", "day", "office"),
    [
        ("Qin Gang", "2023-03-16", "Foreign Minister of China"),  # also State Councilor
        ("Wang Yi", "2024-03-01", "Foreign Minister of China"),  # also heads the CFAC office
        ("Xi Jinping", "2023-03-20", "President of China"),  # also party and CMC head
        ("Marco Rubio", "2025-09-01", "United States Secretary of State"),  # also NSA
        ("Vladimir Putin", "2000-02-01", "Acting President of Russia"),  # also PM
        ("Michel Temer", "2016-06-01", "Acting President of Brazil"),  # also VP
    ],
)
def test_principal_role_is_listed_first(
    by_name: dict[str, dict[str, Any]], name: str, day: str, office: str
) -> None:
    """The knowledge base reports the first role in force, so the main office comes first."""
    held = _roles_on(by_name[name], dt.date.fromisoformat(day))
    assert len(held) > 1
    assert held[0]["office"] == office
