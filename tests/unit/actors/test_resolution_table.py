"""Who is who on the article's date: a table of (mention, sentence, date) -> (country, sector)
run through the real NLP and actor stages.

The cases live in ``tests/fixtures/actors/resolution_table.yaml`` (format at its top). Each is
written from public facts (who held which office when) or invents a name that no dictionary
can know, so that only the title or apposition tells who it is. Groups: people whose role
changed, names shared by several people, titles and appositions, countries, capitals and seats
of power, international bodies, news media, armed groups and nominal groups.

``sector`` is one code or a tuple of acceptable codes (``None`` = no sector, e.g. a country
named bare). ``country`` may also be a tuple, or ``NO_ACTOR`` when the words name a place
and no actor must come out. ``who`` (a piece of the canonical name) and ``office`` (a piece of
the office) are checked only where a case gives them.

Cases the resolver gets wrong today carry ``xfail(strict=True)`` with what came out (see
``XFAIL``), so the table stays green and turns red the day one of them is fixed: remove the
entry from ``XFAIL`` then. All sentences are parsed in one batch, once per module.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest
import yaml

from parley.actors.kb import normalise_alias
from parley.model import Actor, Article, Document

pytestmark = pytest.mark.model

NO_ACTOR = "<no actor>"
Codes = str | None | tuple[str | None, ...]


@dataclass(frozen=True)
class Case:
    id: str
    mention: str
    text: str
    date: str | None
    country: Codes
    sector: Codes
    nth: int = 1  # which occurrence of ``mention`` in ``text``
    who: str | None = None  # a piece of the expected canonical name
    office: str | None = None  # a piece of the expected office
    group: str = ""

    def span(self) -> tuple[int, int]:
        start = -1
        for _ in range(self.nth):
            start = self.text.find(self.mention, start + 1)
            if start < 0:
                raise ValueError(f"case {self.id}: {self.mention!r} occurs fewer than {self.nth} "
                                 f"times in {self.text!r}")
        return start, start + len(self.mention)


TABLE = Path(__file__).resolve().parents[2] / "fixtures" / "actors" / "resolution_table.yaml"
GROUPS = ("roles", "shared_names", "titles", "countries", "seats", "igos", "media", "groups",
          "nominals")


def _codes(value: object) -> Codes:
    return tuple(value) if isinstance(value, list) else value  # type: ignore[return-value]


def load_cases(path: Path = TABLE) -> list[Case]:
    """The cases of the YAML table, in file order (format: the comment at its top)."""
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    cases = []
    for group in GROUPS:
        for raw in data[group]:
            no_actor = raw.get("no_actor", False)
            cases.append(Case(
                id=raw["id"], mention=raw["mention"], text=raw["text"], date=raw.get("date"),
                country=NO_ACTOR if no_actor else _codes(raw["country"]),
                sector=None if no_actor else _codes(raw["sector"]),
                nth=raw.get("nth", 1), who=raw.get("who"), office=raw.get("office"),
                group=group,
            ))
    return cases


CASES: list[Case] = load_cases()

# What comes out today where the resolver is wrong: case id -> what came out. Remove an entry
# when the case starts passing (the xfails are strict).
XFAIL: dict[str, str] = {
    # -- knowledge-base data (people.yaml, groups.yaml) misses or misdates a role
    "kirby-pentagon-2014": "USA/GOV office=None: people.yaml lacks Kirby's Dec 2013-May 2015 "
                           "Pentagon press secretary role",
    "taliban-spokesman-2020": "AFG/GOV 'Spokesperson of the Taliban': the role is undated, so "
                              "it is GOV before the Taliban took Kabul",
    "rsf-state-force-2019": "SDN/REB: groups.yaml gives the RSF no dated roles; it was a state "
                            "paramilitary force until the war of April 2023",
    # -- people.yaml has no opposition roles: out of office they get no sector, not OPP
    "suu-kyi-opposition-2007": "MMR/None: no opposition role in people.yaml",
    "imran-khan-opposition-2023": "PAK/None: no opposition role in people.yaml",
    "poroshenko-opposition-2021": "UKR/None: no opposition role in people.yaml",
    "gantz-opposition-2023": "ISR/None: no opposition role in people.yaml",
    # -- the name span is cut by the parser and the knowledge-base matcher cannot repair it
    "appos-dutch-defence": "no actor: no PERSON entity for 'Jan de Vries', so the apposition "
                           "is never read",
    "khan-sadiq-2020": "'Khan' GBR/GOV office='Governor': NER keeps only 'Khan', 'Sadiq' is "
                       "read as a title word",
    # -- a bare surname, or a title + surname without a country word, finds no one
    "bush-bare-2003": "'Bush' None/None unresolved: no date-aware surname lookup without a title",
    "johnson-bare-2020": "'Johnson' None/None unresolved: no date-aware surname lookup without "
                         "a title",
    "johnson-speaker-2024": "'Johnson' None/LEG office='Legislator': 'Speaker' + surname does "
                            "not find the Speaker of the House",
    "kim-president-2000": "'Kim' None/GOV office='President': title + surname does not find Kim "
                          "Dae-jung",
    "clinton-hillary-secstate": "'Clinton' None/None unresolved: NER splits 'Secretary of "
                                "State' (State=ORG) so the title is not read",
    # -- a country word in the title is not read
    "bush-jeb-governor": "'Jeb Bush' None/GOV office='Governor': a US state in the title gives "
                         "no country",
    "nominal-china-defence-ministry": "'defence ministry' None/GOV via name-parts: NER makes it "
                                      "an ORG and the possessive \"China's\" is not read",
    # -- the organisation or group word loses to a generic office word
    # -- a seat of power taken for a place, or not matched
}


def _params() -> list[object]:
    out: list[object] = []
    for case in CASES:
        marks: tuple[pytest.MarkDecorator, ...] = ()
        if case.id in XFAIL:
            marks = (pytest.mark.xfail(strict=True, reason=XFAIL[case.id]),)
        out.append(pytest.param(case, id=case.id, marks=marks))
    return out


def test_table_is_well_formed() -> None:
    ids = [c.id for c in CASES]
    assert len(ids) == len(set(ids)), "duplicate case ids"
    assert len(CASES) >= 200
    assert all(sum(c.group == g for c in CASES) >= 20 for g in GROUPS)
    assert set(XFAIL) <= set(ids), f"XFAIL names unknown cases: {set(XFAIL) - set(ids)}"
    for case in CASES:
        case.span()  # the mention occurs in the sentence


@pytest.fixture(scope="module")
def resolved() -> dict[str, Document]:
    """Every sentence of the table parsed once (batched) and run through the actor stage."""
    from parley.actors.stage import ActorStage
    from parley.nlp import NLPStage

    nlp, actors = NLPStage(), ActorStage()
    docs = [Document(article=Article(id=c.id, text=c.text, date=c.date)) for c in CASES]
    return {d.article.id: actors(d) for d in nlp.pipe(docs)}


def actor_for(doc: Document, start: int, end: int) -> Actor | None:
    """The actor named by ``[start, end)``: among the actor mentions overlapping it, the one
    covering its last character (the head of an English noun phrase), tightest first."""
    best: tuple[int, int, str] | None = None
    for s, e, actor_id in doc.mention_actor:
        if min(e, end) <= max(s, start):
            continue
        rank = (0 if s <= end - 1 < e else 1, e - s, actor_id)
        if best is None or rank < best:
            best = rank
    if best is None:
        return None
    return next((a for a in doc.actors if a.id == best[2]), None)


def describe(actor: Actor | None) -> str:
    if actor is None:
        return "no actor"
    return (f"{actor.name!r} {actor.country}/{actor.sector} office={actor.office!r} "
            f"via {actor.method}")


def _accepts(expected: Codes, got: str | None) -> bool:
    return got in expected if isinstance(expected, tuple) else got == expected


@pytest.mark.parametrize("case", _params())
def test_resolution(case: Case, resolved: dict[str, Document]) -> None:
    doc = resolved[case.id]
    start, end = case.span()
    actor = actor_for(doc, start, end)
    got = describe(actor)
    if case.country == NO_ACTOR:
        assert actor is None, f"{case.mention!r} is a place here, got {got}"
        return
    assert actor is not None, f"{case.mention!r} in {case.text!r}: no actor"
    assert _accepts(case.country, actor.country), f"country: want {case.country}, got {got}"
    assert _accepts(case.sector, actor.sector), f"sector: want {case.sector}, got {got}"
    if case.who is not None:
        assert normalise_alias(case.who) in normalise_alias(actor.name), \
            f"who: want {case.who!r}, got {got}"
    if case.office is not None:
        assert normalise_alias(case.office) in normalise_alias(actor.office or ""), \
            f"office: want {case.office!r}, got {got}"
