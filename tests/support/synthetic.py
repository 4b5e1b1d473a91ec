"""Synthetic coded documents for web tests and the load benchmark.

Each document is built sentence by sentence from templates, so every span (mentions,
triggers, sentences, quotes, stance evidence) points at the right characters. They go into
a store through its writer (``put_document`` / ``write_batch``), as the pipeline's would.
``hostile_document`` puts an attack payload into every field a page shows.
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from dataclasses import dataclass, field

from parley.model import Actor, Article, Document, Entity, Event, Quote, Span, Stance

COUNTRIES = [
    ("RUS", "Russia", "Sergey Lavrov"), ("UKR", "Ukraine", "Dmytro Kuleba"),
    ("CHN", "China", "Wang Yi"), ("USA", "United States", "Antony Blinken"),
    ("TUR", "Turkey", "Hakan Fidan"), ("DEU", "Germany", "Annalena Baerbock"),
    ("FRA", "France", "Catherine Colonna"), ("GBR", "United Kingdom", "James Cleverly"),
    ("IRN", "Iran", "Hossein Amir-Abdollahian"), ("ISR", "Israel", "Eli Cohen"),
    ("IND", "India", "Subrahmanyam Jaishankar"), ("JPN", "Japan", "Yoko Kamikawa"),
    ("POL", "Poland", "Zbigniew Rau"), ("SAU", "Saudi Arabia", "Faisal bin Farhan"),
    ("EGY", "Egypt", "Sameh Shoukry"), ("BRA", "Brazil", "Mauro Vieira"),
]
# (PLOVER type, quad, intensity, verb as written, mode)
ACTS = [
    ("CONSULT", 1, 4.0, "met", "visit"), ("AGREE", 1, 6.0, "signed an accord with", ""),
    ("SUPPORT", 1, 5.0, "praised", ""), ("AID", 2, 7.0, "sent aid to", ""),
    ("COOPERATE", 2, 6.0, "agreed to work with", ""), ("REQUEST", 1, -1.0, "urged", ""),
    ("ACCUSE", 3, -4.0, "accused", ""), ("REJECT", 3, -5.0, "rejected a proposal from", ""),
    ("THREATEN", 3, -7.0, "threatened", ""), ("SANCTION", 4, -8.0, "imposed sanctions on", ""),
    ("PROTEST", 3, -6.0, "protested against", ""), ("ASSAULT", 4, -10.0, "shelled", ""),
]
ISSUES = ["ceasefire", "sanctions", "peace talks", "nato membership", "grain corridor"]
SOURCES = ["wire-a", "wire-b", "daily-c", "broadcaster-d", "weekly-e", "gazette-f"]
WORDS = ("officials described the talks as difficult but said that more meetings would follow "
         "within weeks while markets watched the negotiations closely and analysts expected "
         "further statements from both capitals before the summit").split()


@dataclass
class _Builder:
    """Appends text and hands back the span of what it appended."""

    parts: list[str] = field(default_factory=list)
    n: int = 0

    def add(self, s: str) -> Span:
        start = self.n
        self.parts.append(s)
        self.n += len(s)
        return Span(start, self.n, s)

    @property
    def text(self) -> str:
        return "".join(self.parts)


def _entity(actor: Actor, span: Span) -> Entity:
    return Entity(actor.id, span.text, actor.name, actor.country, actor.sector, span)


def document(i: int, rng: random.Random, day: str, *, pairs: list[tuple[int, int]] | None = None
             ) -> Document:
    """One coded article: 2-4 events between two or three countries, a quote and a stance."""
    b = _Builder()
    pick = pairs[rng.randrange(len(pairs))] if pairs else tuple(rng.sample(range(len(COUNTRIES)), 2))
    ca, cb = COUNTRIES[pick[0]], COUNTRIES[pick[1]]
    act = ACTS[rng.randrange(len(ACTS))]
    title = f"{ca[1]} {act[3]} {cb[1]} as talks go on (report {i})"
    b.add(title + "\n\n")
    mentions: dict[str, list[Span]] = {}
    actors: dict[str, Actor] = {}

    def actor_for(c: tuple[str, str, str], person: bool) -> Actor:
        aid = f"A{len(actors) + 1}"
        name = c[2] if person else c[1]
        key = f"syn:{c[0]}:{'GOV:' + name if person else 'country'}"
        a = Actor(aid, name, c[0], "GOV" if person else None,
                  "Foreign Minister" if person else None, None, (), "kb-name",
                  f"name {name!r} of {name}", key)
        actors[key] = a
        mentions[key] = []
        return a

    def mention(a: Actor, surface: str) -> Span:
        s = b.add(surface)
        mentions[a.key].append(s)
        return s

    events: list[Event] = []
    n_events = 2 + rng.randrange(3)
    for k in range(n_events):
        src, dst = (ca, cb) if k % 2 == 0 else (cb, ca)
        act = ACTS[rng.randrange(len(ACTS))] if k else act
        sent_start = b.n
        who = next((a for a in actors.values() if a.country == src[0] and a.sector), None) \
            or actor_for(src, True)
        whom = next((a for a in actors.values() if a.country == dst[0] and not a.sector), None) \
            or actor_for(dst, False)
        b.add(f"{src[1]}'s foreign minister ")
        ms = mention(who, src[2])
        b.add(" ")
        trig = b.add(act[3])
        b.add(" ")
        mr = mention(whom, dst[1])
        b.add(" on Monday, " + " ".join(rng.sample(WORDS, 6)) + ".")
        sentence = Span(sent_start, b.n, b.text[sent_start:b.n])
        b.add(" ")
        events.append(Event(
            f"E{k + 1}", act[0], (_entity(who, ms),), (_entity(whom, mr),), trig, sentence,
            mode=(act[4],) if act[4] else (), date=day, date_text="on Monday",
            quad_code=act[1], intensity=act[2], coder="synthetic", confidence=0.9,
            reason=f"verb pattern {act[3]!r} -> {act[0]}; actor {ms.text!r}; recipient {mr.text!r}"))
    b.add("\n\n")
    speaker = next(a for a in actors.values() if a.sector)
    sp = mention(speaker, speaker.name)
    b.add(" ")
    cue = b.add("said")
    b.add(" that ")
    issue = ISSUES[rng.randrange(len(ISSUES))]
    polarity = "support" if rng.random() < 0.6 else "oppose"
    content_start = b.n
    ev = b.add(f"{'his government backed' if polarity == 'support' else 'his government opposed'}"
               f" the {issue}")
    b.add(" and would say more " + " ".join(rng.sample(WORDS, 5)))
    content = Span(content_start, b.n, b.text[content_start:b.n])
    b.add(".\n")
    quote = Quote("Q1", "indirect", content, _entity(speaker, sp), sp, cue,
                  reason="reporting verb 'said' with a clausal complement")
    toward_actor = next((a for a in actors.values() if a.country != speaker.country), None)
    stance = Stance("S1", _entity(speaker, sp), issue, polarity, ev,
                    toward=Entity(toward_actor.id, toward_actor.name, toward_actor.name,
                                  toward_actor.country, toward_actor.sector)
                    if toward_actor else None,
                    quote_id="Q1", reason=f"{polarity} {issue!r}; inside quote Q1")
    final_actors = tuple(
        Actor(a.id, a.name, a.country, a.sector, a.office, a.kb_id, tuple(mentions[a.key]),
              a.method, a.reason, a.key) for a in actors.values())
    src_name = SOURCES[rng.randrange(len(SOURCES))]
    article = Article(id=f"syn-{i}", text=b.text, title=title, date=day,
                      url=f"https://{src_name}.example/news/{i}", source=src_name)
    return Document(article=article, actors=final_actors, events=tuple(events), quotes=(quote,),
                    stances=(stance,))


def documents(n: int, *, seed: int = 7, start: str = "2023-01-02", days: int = 365
              ) -> Iterator[Document]:
    """``n`` documents over ``days`` days, skewed towards a few dyads (as news is)."""
    import datetime as dt

    rng = random.Random(seed)
    base = dt.date.fromisoformat(start)
    hot = [(0, 1), (2, 0), (3, 2), (4, 0), (3, 8)]
    everyone = [(x, y) for x in range(len(COUNTRIES)) for y in range(len(COUNTRIES)) if x != y]
    for i in range(n):
        day = (base + dt.timedelta(days=rng.randrange(days))).isoformat()
        yield document(i, rng, day, pairs=hot if rng.random() < 0.6 else everyone)


# Payloads that run script if a page ever puts them into the DOM as markup.
PAYLOADS = [
    "<script>alert('xss-script')</script>",
    "<img src=x onerror=alert('xss-img')>",
    "<svg onload=alert('xss-svg')><script>alert('xss-svg2')</script></svg>",
    "<math><mtext><table><mglyph><style><img src=x onerror=alert('xss-math')>",
    "\"><script>alert('xss-attr')</script>",
    "' onmouseover='alert(1)' x='",
    "<scr<script>ipt>alert('xss-split')</scr</script>ipt>",
    "&lt;script&gt;alert('xss-entity')&lt;/script&gt;",
    "<a href=\"javascript:alert('xss-href')\">click</a>",
    "<iframe srcdoc=\"<script>alert('xss-iframe')</script>\"></iframe>",
    "<!--<img src=x onerror=alert('xss-comment')>-->",
    "<style>body{display:none}</style><b>unclosed <i>markup",
]


def hostile_document(i: int = 0) -> Document:
    """Every field a page shows carries a payload: title, text, names, reasons, issue, url."""
    b = _Builder()
    b.add(PAYLOADS[i % len(PAYLOADS)] + " hostile title\n\n")
    actor_a = "Evil <img src=x onerror=alert('xss-name')> Minister"
    actor_b = "<svg/onload=alert('xss-name2')>land"
    sent_start = b.n
    ma = b.add(actor_a)
    b.add(" ")
    trig = b.add("met")
    b.add(" ")
    mb = b.add(actor_b)
    b.add(" and said " + " ".join(PAYLOADS) + ".")
    sentence = Span(sent_start, b.n, b.text[sent_start:b.n])
    b.add("\n\n")
    q_start = b.n
    content = b.add("<script>alert('xss-quote')</script> we back the ceasefire")
    b.add(" said the minister.\n")
    ev = Span(q_start, content.end, content.text)
    a1 = Actor("A1", actor_a, "XSS", "GOV", "<b>Office</b>", None, (ma,), "kb-name",
               "reason <script>alert('xss-reason')</script>", "kb:<script>alert(1)</script>")
    a2 = Actor("A2", actor_b, "RUS", None, None, None, (mb,), "kb-name",
               "\"><img src=x onerror=alert('xss-reason2')>", "syn:RUS:country")
    e = Event("E1", "CONSULT", (_entity(a1, ma),), (_entity(a2, mb),), trig, sentence,
              date="2023-06-05", quad_code=1, intensity=4.0, coder="synthetic", confidence=0.9,
              reason="verb <img src=x onerror=alert('xss-event')> -> CONSULT")
    q = Quote("Q1", "direct", content, _entity(a1, ma), ma, None,
              reason="<svg onload=alert('xss-qreason')>")
    s = Stance("S1", _entity(a1, ma), "ceasefire <script>alert('xss-issue')</script>",
               "support", ev, toward=_entity(a2, mb), quote_id="Q1",
               reason="<math><mi xlink:href=\"javascript:alert('xss-math2')\">x</mi></math>")
    urls = ["javascript:alert('xss-url')", "JaVaScRiPt:alert(1)", "java\tscript:alert(1)",
            "data:text/html,<script>alert('xss-data')</script>", " javascript:alert(1)",
            "vbscript:msgbox(1)", "//evil.example/x"]
    article = Article(id=f"hostile-<b>{i}</b>", text=b.text, title=b.parts[0].strip(),
                      date="2023-06-05", url=urls[i % len(urls)],
                      source="<script>alert('xss-source')</script>")
    return Document(article=article, actors=(a1, a2), events=(e,), quotes=(q,), stances=(s,))
