"""GDELT 2.0-style event rows (tab-separated, one row an event) from contract records.

The 61 columns of the GDELT 2.0 event table come first, in GDELT's order and with its names,
filled where a column means something here and empty where it does not; Parley's own columns
follow. docs/export.md describes every column.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from functools import lru_cache
from typing import Any

from parley.export.crosswalk import cameo_code

_ACTOR = ("Code", "Name", "CountryCode", "KnownGroupCode", "EthnicCode", "Religion1Code",
          "Religion2Code", "Type1Code", "Type2Code", "Type3Code")
_GEO = ("Type", "FullName", "CountryCode", "ADM1Code", "ADM2Code", "Lat", "Long", "FeatureID")

GDELT_COLUMNS: tuple[str, ...] = (
    "GlobalEventID", "SQLDATE", "MonthYear", "Year", "FractionDate",
    *(f"Actor1{c}" for c in _ACTOR), *(f"Actor2{c}" for c in _ACTOR),
    "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale",
    "NumMentions", "NumSources", "NumArticles", "AvgTone",
    *(f"Actor1Geo_{c}" for c in _GEO), *(f"Actor2Geo_{c}" for c in _GEO),
    *(f"ActionGeo_{c}" for c in _GEO),
    "DATEADDED", "SOURCEURL",
)
PARLEY_COLUMNS: tuple[str, ...] = (
    "ParleyArticleKey", "ParleyEventID", "ParleyArticleID", "PloverEvent", "PloverMode",
    "PloverContext", "AuxMode", "DatePrecision", "Confidence", "TriggerText",
)
COLUMNS = GDELT_COLUMNS + PARLEY_COLUMNS


def global_event_id(article_key: str, event_id: str) -> int:
    """A stable positive 63-bit integer for one event: the same in every export."""
    digest = hashlib.sha1(f"{article_key}-{event_id}".encode()).digest()
    return int.from_bytes(digest[:8], "big") >> 1


@lru_cache(maxsize=4096)
def _is_iso3(code: str) -> bool:
    import pycountry

    return pycountry.countries.get(alpha_3=code) is not None


def _actor(ent: dict[str, Any] | None) -> dict[str, str]:
    if not ent:
        return {}
    country, sector = ent.get("country") or "", ent.get("sector") or ""
    iso = country if country and _is_iso3(country) else ""
    out = {"Code": f"{country}{sector}", "Name": (ent.get("name") or ent.get("text") or "").upper(),
           "CountryCode": iso}
    types = [t for t in ([country] if country and not iso else []) + ([sector] if sector else [])]
    for slot, code in zip(("Type1Code", "Type2Code"), types, strict=False):
        out[slot] = code
    return out


def _fraction(d: dt.date) -> str:
    days = 366 if d.year % 4 == 0 and (d.year % 100 != 0 or d.year % 400 == 0) else 365
    return f"{d.year + (d.timetuple().tm_yday - 1) / days:.4f}"


def _dateadded(stored_at: str | None) -> str:
    if not stored_at:
        return ""
    digits = "".join(ch for ch in stored_at if ch.isdigit())
    return digits[:14]


def gdelt_rows(record: dict[str, Any], key: str, article: dict[str, Any]) -> list[dict[str, Any]]:
    """One row per event of a contract ``record``; ``article`` is the stored article row with
    ``source``, ``stored_at``, ``copies`` (stored copies, the first included) and ``sources``
    (distinct sources among them)."""
    rows = []
    for e in record.get("events", []):
        row: dict[str, Any] = dict.fromkeys(COLUMNS, "")
        day = e.get("date") or record.get("date")
        row["GlobalEventID"] = global_event_id(key, e["id"])
        if day:
            d = dt.date.fromisoformat(day)
            row.update(SQLDATE=d.strftime("%Y%m%d"), MonthYear=d.strftime("%Y%m"), Year=d.year,
                       FractionDate=_fraction(d))
        actors, recipients = e.get("actor") or [], e.get("recipient") or []
        first = actors[0] if actors else None
        # a reciprocal event (several actors, no recipient) pairs the first two actors
        second = recipients[0] if recipients else (actors[1] if len(actors) > 1 else None)
        for prefix, ent in (("Actor1", first), ("Actor2", second)):
            for col, value in _actor(ent).items():
                row[prefix + col] = value
        code = cameo_code(e["event"], e.get("mode") or (), e.get("context") or ())
        if code:
            row.update(EventCode=code, EventBaseCode=code[:3], EventRootCode=code[:2])
        row["QuadClass"] = e.get("quad_code") or ""
        row["GoldsteinScale"] = e.get("intensity") if e.get("intensity") is not None else ""
        copies = int(article.get("copies") or 1)
        row.update(NumMentions=copies, NumArticles=copies,
                   NumSources=int(article.get("sources") or 1))
        loc = e.get("event_loc")
        if loc:
            row.update({
                "ActionGeo_Type": 4 if loc.get("geonameid") and loc.get("lat") is not None else 1,
                "ActionGeo_FullName": loc.get("name") or "",
                "ActionGeo_CountryCode": loc.get("country") or "",
                "ActionGeo_Lat": loc.get("lat") if loc.get("lat") is not None else "",
                "ActionGeo_Long": loc.get("lon") if loc.get("lon") is not None else "",
                "ActionGeo_FeatureID": loc.get("geonameid") or "",
            })
        row["DATEADDED"] = _dateadded(article.get("stored_at"))
        row["SOURCEURL"] = record.get("url") or record.get("id") or ""
        trigger = e.get("trigger") or {}
        row.update(
            ParleyArticleKey=key, ParleyEventID=e["id"], ParleyArticleID=record.get("id") or "",
            PloverEvent=e["event"], PloverMode=";".join(e.get("mode") or []),
            PloverContext=";".join(e.get("context") or []), AuxMode=e.get("aux_mode") or "",
            DatePrecision=e.get("date_precision") or "",
            Confidence=e.get("confidence") if e.get("confidence") is not None else "",
            TriggerText=trigger.get("text") or "",
        )
        rows.append(row)
    return rows


def tsv_field(value: Any) -> str:
    """A value as one TSV field: tabs and line breaks inside text become spaces."""
    text = "" if value is None else str(value)
    return text.replace("\t", " ").replace("\r", " ").replace("\n", " ")
