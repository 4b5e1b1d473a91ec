"""Events on real pages: how many come from merged lines, background war nouns, and whether
a country named as an event's place resolves to that country (issue 10, "on real pages").

    python benchmarks/real_pages.py [--dir ../shared/corpora/html_eval] [--limit N]
                                    [--show 10] [--json]
    python benchmarks/real_pages.py --corpus ../shared/corpora/allsides_political_news.jsonl.gz \
                                    --grep Ukraine --limit 100     # war news, as text

Runs Parley's default pipeline on the raw HTML pages (Parley's own ingest extracts the text;
the gold text is not used) and prints, over all events:

- ``merged``: the share of events whose sentence spans a line break of the extracted text
  onto a line that starts as a new one (a caption, menu item, byline or headline of a list
  joined to a sentence; a line going on in lower case is prose wrapped by hand, not
  counted); target <= 2 %;
- ``background``: the share of events whose trigger is a background war / invasion /
  annexation / occupation noun coded as a new event (``aux_mode`` not ``historical``);
  target <= 2 %;
- ``country_place``: of the events whose place is named as a country (a name of a country
  in pycountry's list or a common short name), the share whose place resolves to that
  country; target >= 97 %.

Also, for information: events from a one-line segment that has no sentence-final mark (a
headline or caption on its own line: not merged, but worth watching), and events with no
recipient.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

_HERE = Path(__file__).resolve().parent
_DEFAULT_DIR = _HERE.parent.parent / "shared" / "corpora" / "html_eval"
_ENDS = tuple('.!?:;"\'”’)]…')

# background nouns: a war, an invasion, an annexation named as the setting of the news
BACKGROUND_NOUNS = frozenset({
    "war", "wars", "invasion", "invasions", "annexation", "occupation", "conflict",
    "conflicts", "aggression", "hostilities", "insurgency", "civil war",
})

# short names news uses for countries whose ISO name is longer (pycountry's common_name
# covers several, not these)
_SHORT = {
    "russia": "RUS", "united states": "USA", "america": "USA", "u.s.": "USA", "us": "USA",
    "britain": "GBR", "great britain": "GBR", "uk": "GBR", "u.k.": "GBR",
    "united kingdom": "GBR", "iran": "IRN", "syria": "SYR", "north korea": "PRK",
    "south korea": "KOR", "venezuela": "VEN", "bolivia": "BOL", "vietnam": "VNM",
    "laos": "LAO", "moldova": "MDA", "tanzania": "TZA", "taiwan": "TWN", "palestine": "PSE",
    "czech republic": "CZE", "ivory coast": "CIV", "turkey": "TUR", "holland": "NLD",
    "the netherlands": "NLD", "congo": "COG", "democratic republic of congo": "COD",
}


def country_names() -> dict[str, str]:
    """Lower-case country name -> ISO 3166 alpha-3, from pycountry and the short names."""
    import pycountry

    names: dict[str, str] = {}
    for c in pycountry.countries:
        for attr in ("name", "common_name", "official_name"):
            value = getattr(c, attr, None)
            if value:
                names[value.lower()] = c.alpha_3
    names.update(_SHORT)
    return names


def _sentence(text: str, ev: dict[str, Any]) -> str:
    s = ev.get("sentence") or {}
    return text[s.get("start", 0):s.get("end", 0)]


def is_merged(sentence: str) -> bool:
    """The event's sentence runs over a line break of the extracted text onto a line that
    starts as a new one does (not on a lower-case word or a comma: that is prose wrapped by
    hand, one sentence over two lines)."""
    lines = [ln.strip() for ln in sentence.strip().split("\n")]
    return any(ln and not ln[0].islower() and ln[0] not in ",;:)]}%" for ln in lines[1:])


def is_bare_line(sentence: str) -> bool:
    """A one-line segment with no sentence-final mark (a headline, caption or menu line)."""
    s = sentence.strip()
    return bool(s) and "\n" not in s and not s.endswith(_ENDS)


_PREPOSITIONS = frozenset({"amid", "during", "since", "in", "of", "over", "after", "before",
                           "against", "on", "with", "from", "by", "for", "into"})


def is_background(ev: dict[str, Any]) -> bool:
    """The trigger is a war, invasion, annexation ... noun ("the invasion of Ukraine"; not
    "shut down amid the war", whose noun is the setting of another event) and the event is
    coded as new (not ``historical``)."""
    words = (ev.get("trigger") or {}).get("text", "").lower().split()
    head: list[str] = []
    for w in words:
        if w in _PREPOSITIONS:
            break
        head.append(w.strip(".,;:'\"’”"))
    noun = bool(head) and (head[-1] in BACKGROUND_NOUNS or " ".join(head[-2:]) in BACKGROUND_NOUNS)
    return noun and ev.get("aux_mode") != "historical"


def place_check(ev: dict[str, Any], names: dict[str, str]) -> bool | None:
    """None when the place is not named as a country; else whether it resolves to it."""
    loc = ev.get("event_loc") or {}
    name = (loc.get("name") or "").lower().strip()
    if name.startswith("the "):
        name = name[4:]
    code = names.get(name)
    if code is None:
        return None
    return loc.get("country") == code


def share(n: int, d: int) -> float:
    return round(n / d, 4) if d else 0.0


def measure(records: list[dict[str, Any]], show: int = 0) -> dict[str, Any]:
    names = country_names()
    total = merged = bare = background = placed = placed_ok = no_recipient = 0
    examples: dict[str, list[str]] = {"merged": [], "background": [], "place": []}
    for rec in records:
        text = rec.get("text") or ""
        for ev in rec.get("events") or []:
            total += 1
            no_recipient += not ev.get("recipient")
            sent = _sentence(text, ev)
            if is_merged(sent):
                merged += 1
                examples["merged"].append(f"{rec['id']} {ev['event']}: {sent!r}")
            elif is_bare_line(sent):
                bare += 1
            if is_background(ev):
                background += 1
                examples["background"].append(
                    f"{rec['id']} {ev['event']} [{ev['trigger']['text']}]: {sent.strip()!r}")
            ok = place_check(ev, names)
            if ok is not None:
                placed += 1
                placed_ok += ok
                if not ok:
                    examples["place"].append(f"{rec['id']} {ev['event_loc']}: {sent.strip()!r}")
    out = {
        "pages": len(records), "events": total,
        "merged": merged, "merged_share": share(merged, total),
        "background": background, "background_share": share(background, total),
        "country_place": placed, "country_place_ok": placed_ok,
        "country_place_share": share(placed_ok, placed) if placed else 1.0,
        "bare_line": bare, "bare_line_share": share(bare, total),
        "no_recipient": no_recipient, "no_recipient_share": share(no_recipient, total),
        "targets_met": bool(share(merged, total) <= 0.02 and share(background, total) <= 0.02
                            and (share(placed_ok, placed) if placed else 1.0) >= 0.97),
    }
    if show:
        out["examples"] = {k: v[:show] for k, v in examples.items()}
    return out


def _corpus(path: str, word: str | None, limit: int | None) -> list[dict[str, Any]]:
    import gzip

    out: list[dict[str, Any]] = []
    opener = gzip.open if path.endswith(".gz") else open
    with opener(path, "rt", encoding="utf-8") as fh:
        for line in fh:
            rec = json.loads(line)
            if word and word not in (rec.get("text") or ""):
                continue
            out.append({k: rec.get(k) for k in ("id", "text", "title", "date", "url")})
            if limit and len(out) >= limit:
                break
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--dir", default=str(_DEFAULT_DIR), help="folder of .html pages")
    ap.add_argument("--limit", type=int, default=None)
    ap.add_argument("--corpus", default=None,
                    help="a JSON Lines corpus (.jsonl[.gz]) to read instead of the pages")
    ap.add_argument("--grep", default=None,
                    help="with --corpus: only the articles whose text has this word")
    ap.add_argument("--show", type=int, default=0, help="print N examples of each miss")
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--out", default=None, help="write the records as JSON Lines")
    args = ap.parse_args(argv)

    from parley import Parley

    if args.corpus:
        inputs: list[Any] = list(_corpus(args.corpus, args.grep, args.limit))
    else:
        inputs = [str(p) for p in sorted(Path(args.dir).glob("*.html"))[: args.limit]]
    if not inputs:
        print(f"no .html pages under {args.dir}", file=sys.stderr)
        return 2
    records = [r for r in Parley().analyze(inputs) if not r.get("rejection")]
    if args.out:
        with open(args.out, "w", encoding="utf-8") as fh:
            for r in records:
                fh.write(json.dumps(r, ensure_ascii=False) + "\n")
    out = measure(records, args.show)
    if args.json:
        print(json.dumps(out, indent=2, ensure_ascii=False))
        return 0
    print(f"pages {out['pages']}, events {out['events']}")
    print(f"merged lines      {out['merged']:5d}  {out['merged_share']:.1%}  (target <= 2%)")
    print(f"background nouns  {out['background']:5d}  {out['background_share']:.1%}"
          "  (target <= 2%)")
    print(f"country places    {out['country_place_ok']:5d}/{out['country_place']}"
          f"  {out['country_place_share']:.1%}  (target >= 97%)")
    print(f"bare lines (info) {out['bare_line']:5d}  {out['bare_line_share']:.1%}")
    print(f"no recipient (info) {out['no_recipient']:3d}  {out['no_recipient_share']:.1%}")
    for kind, rows in (out.get("examples") or {}).items():
        for row in rows:
            print(f"  {kind}: {row}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
