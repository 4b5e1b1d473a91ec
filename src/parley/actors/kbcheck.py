"""Checks of the knowledge base's facts: codes, sectors, sources, dates (``parley kb
validate``)."""

from __future__ import annotations

from collections import defaultdict
from functools import lru_cache
from typing import TYPE_CHECKING

from parley.actors.kb import (
    EXTRA_COUNTRY_CODES,
    KINDS,
    NON_STATE_CODES,
    Role,
    _end_key,
    _start_key,
    normalise_alias,
)

if TYPE_CHECKING:
    from parley.actors.kb import KnowledgeBase


@lru_cache(maxsize=1)
def country_codes() -> frozenset[str]:
    import pycountry

    return frozenset(c.alpha_3 for c in pycountry.countries) | EXTRA_COUNTRY_CODES


def _sector_codes() -> frozenset[str]:
    from parley.ontology import ontology

    return ontology().sectors


def check(kb: KnowledgeBase) -> list[str]:
    codes, sectors = country_codes(), _sector_codes()
    out: list[str] = []

    def country_ok(code: str | None) -> bool:
        return code is None or code in codes or code in NON_STATE_CODES

    for e in kb.entries():
        tag = f"{e.id} ({e.name})"
        if e.kind not in KINDS:
            out.append(f"error: {tag}: kind {e.kind!r} is not one of {', '.join(KINDS)}")
        if not e.source.strip():
            out.append(f"error: {tag}: no source; cite where the facts come from")
        if not country_ok(e.country):
            out.append(f"error: {tag}: country {e.country!r} is not ISO 3166-1 alpha-3 "
                       f"nor one of {', '.join(sorted(NON_STATE_CODES))}")
        if e.sector is not None and e.sector not in sectors:
            out.append(f"error: {tag}: sector {e.sector!r} is not a PLOVER sector")
        if e.kind == "country" and e.id not in codes:
            out.append(f"error: {tag}: a country's id must be its ISO alpha-3 code")
        for state, _until in e.part_of:
            if e.kind != "country" or not country_ok(state):
                out.append(f"error: {tag}: part_of {state!r} needs a country entry and an "
                           "ISO 3166-1 alpha-3 code")
        for r in e.roles:
            if not country_ok(r.country):
                out.append(f"error: {tag}: role {r.office!r} country {r.country!r} is not "
                           "ISO 3166-1 alpha-3")
            if r.sector is not None and r.sector not in sectors:
                out.append(f"error: {tag}: role {r.office!r} sector {r.sector!r} is not a "
                           "PLOVER sector")
            if _start_key(r.start) > _end_key(r.end):
                out.append(f"error: {tag}: role {r.office!r} starts {r.start} after it ends {r.end}")
        by_office: dict[str, list[Role]] = defaultdict(list)
        for r in e.roles:
            by_office[normalise_alias(r.office)].append(r)
        for roles in by_office.values():
            roles.sort(key=lambda r: _start_key(r.start))
            for a, b in zip(roles, roles[1:], strict=False):
                if _start_key(b.start) <= _end_key(a.end):
                    out.append(f"error: {tag}: roles {a.office!r} {a.span()} and {b.span()} overlap")
    for key, cands in kb.index_items():
        named = {(e.id, e.country) for e, via, _ in cands if via in ("name", "alias")}
        if len({c for _, c in named}) > 1:
            ids = ", ".join(sorted(i for i, _ in named))
            out.append(f"warning: alias {key!r} names entries of different countries: {ids}")
    return out
