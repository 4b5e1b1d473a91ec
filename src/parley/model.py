"""The records that flow between stages: frozen, slotted dataclasses.

Every offset is a half-open ``[start, end)`` character span into ``Article.text``.
``to_contract`` turns a finished Document into the JSON shape of CONTRACT.md.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import asdict, dataclass, field
from functools import lru_cache
from typing import Any

PLOVER_TYPES = (
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
)
AUX_MODES = ("future", "hypothetical", "negation", "historical")


@dataclass(frozen=True, slots=True)
class Span:
    start: int
    end: int
    text: str

    @classmethod
    def of(cls, text: str, start: int, end: int) -> Span:
        return cls(start, end, text[start:end])

    def overlaps(self, other: Span) -> bool:
        return min(self.end, other.end) > max(self.start, other.start)

    def contains(self, other: Span) -> bool:
        return self.start <= other.start and other.end <= self.end


def normalise_for_hash(text: str) -> str:
    """NFC, lower case, whitespace squashed: two copies that differ only there hash alike."""
    text = unicodedata.normalize("NFC", text).lower()
    return re.sub(r"\s+", " ", text).strip()


@lru_cache(maxsize=1024)  # asked of one text many times a run (dedupe, writer, rows)
def content_hash(text: str) -> str:
    return hashlib.sha256(normalise_for_hash(text).encode("utf-8")).hexdigest()[:20]


_QUOTES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'", "`": "'", "\u00b4": "'",
                         "\u201c": '"', "\u201d": '"', "\u2010": "-", "\u2011": "-",
                         "\u2012": "-", "\u2013": "-", "\u2014": "-"})
_POSSESSIVE = re.compile(r"'s?$")
_DROP = re.compile(r"[.']")
_SPACE = re.compile(r"[^\w]+|_")
_THE = re.compile(r"^the\s+", re.IGNORECASE)


def strip_name(text: str) -> str:
    """Everything ``normalise_alias`` does except case folding."""
    text = unicodedata.normalize("NFKD", text.translate(_QUOTES))
    text = "".join(c for c in text if not unicodedata.combining(c)).strip()
    text = _THE.sub("", text)
    text = _POSSESSIVE.sub("", text)
    text = _DROP.sub("", text)
    return " ".join(_SPACE.sub(" ", text).split())


@lru_cache(maxsize=1 << 16)  # a pure function of a short name, asked ~3,000 times an article
def normalise_alias(text: str) -> str:
    """The key every alias and every looked-up text is compared by.

    Accents dropped, curly quotes straightened, case folded, a leading "the" and a trailing
    possessive dropped, dots and apostrophes deleted, other punctuation made a space:
    ``"U.S."``, ``"US"`` -> ``"us"``; ``"the Kremlin"`` -> ``"kremlin"``; ``"Xi’s"`` -> ``"xi"``.
    """
    return strip_name(text).casefold()


def name_key(country: str | None, sector: str | None, name: str) -> str:
    """The stable key of an actor without a knowledge-base id: country + sector + normalised
    name (``name:---:REB:islamic state``). ``actors.stage.stable_key`` and the store (for an
    entity that has no actor) both key by it."""
    return f"name:{country or '---'}:{sector or ''}:{normalise_alias(name)}"


@dataclass(frozen=True, slots=True)
class Article:
    """An input article. ``id`` is the user's id (record id or path); ``key`` the content hash."""

    id: str
    text: str
    title: str | None = None
    date: str | None = None  # YYYY-MM-DD publication date
    url: str | None = None
    source: str | None = None  # where it was read from: a path, feed or corpus
    author: str | None = None
    site: str | None = None
    language: str | None = None
    meta: tuple[tuple[str, str], ...] = ()
    # where ``date`` came from: input | page-metadata | dateline | assumed-today (None: unknown)
    date_source: str | None = None

    @property
    def key(self) -> str:
        return content_hash(self.text)


@dataclass(frozen=True, slots=True)
class Rejection:
    """An expected drop: stored, shown, never silent."""

    input: str  # the input as the user named it (path, URL, record id)
    stage: str  # ingest, language, dedupe, nlp ...
    reason: str  # short machine-readable reason: empty, binary, not_english, duplicate ...
    detail: str = ""  # words for a person: the value and why

    def to_dict(self) -> dict[str, str]:
        return {"stage": self.stage, "reason": self.reason, "detail": self.detail}


@dataclass(frozen=True, slots=True)
class Token:
    """One token of a parse, in our own terms (so that stages can run on hand-built parses)."""

    i: int
    text: str
    start: int
    lemma: str
    pos: str
    tag: str
    dep: str
    head: int
    ent_type: str = ""
    ent_iob: str = ""


@dataclass(frozen=True, slots=True)
class Sentence:
    index: int
    span: Span


@dataclass(frozen=True, slots=True)
class Mention:
    """A stretch of text that names or points to an actor."""

    span: Span
    kind: str  # name | demonym | nominal | pronoun | title
    label: str = ""  # spaCy entity label where there is one
    sentence: int = -1
    head: int = -1  # token index of the syntactic head in the parse


@dataclass(frozen=True, slots=True)
class Actor:
    id: str
    name: str
    country: str | None
    sector: str | None
    office: str | None = None
    kb_id: str | None = None
    mentions: tuple[Span, ...] = ()
    method: str = ""
    reason: str = ""
    # stable across articles: the knowledge-base id, else country + sector + normalised name
    key: str = ""


@dataclass(frozen=True, slots=True)
class Entity:
    actor_id: str | None
    text: str
    name: str | None
    country: str | None
    sector: str | None
    mention: Span | None = None


@dataclass(frozen=True, slots=True)
class Place:
    name: str
    country: str | None = None
    geonameid: int | None = None
    lat: float | None = None
    lon: float | None = None


@dataclass(frozen=True, slots=True)
class Event:
    id: str
    event: str
    actor: tuple[Entity, ...]
    recipient: tuple[Entity, ...]
    trigger: Span
    sentence: Span
    mode: tuple[str, ...] = ()
    context: tuple[str, ...] = ()
    aux_mode: str | None = None
    date: str | None = None
    date_text: str | None = None
    date_precision: str | None = None  # day | week | month | year; ``date`` is its first day
    event_loc: Place | None = None
    quad_code: int = 0
    intensity: float = 0.0
    reported_by: Entity | None = None
    coder: str = ""
    confidence: float = 0.0
    reason: str = ""


@dataclass(frozen=True, slots=True)
class Quote:
    id: str
    kind: str  # direct | indirect | mixed
    content: Span
    speaker: Entity | None = None
    speaker_span: Span | None = None
    cue: Span | None = None
    via: Entity | None = None
    addressee: str | None = None
    reason: str = ""


@dataclass(frozen=True, slots=True)
class Stance:
    id: str
    holder: Entity
    issue: str
    polarity: str  # support | oppose
    evidence: Span
    toward: Entity | None = None
    quote_id: str | None = None
    reason: str = ""
    target: Entity | None = None  # an actor the stance is about ("praised Putin")
    issue_text: str | None = None  # the issue in the text's own words
    cue: Span | None = None  # the polarity cue ("condemned", "called for")


@dataclass(frozen=True, slots=True)
class Document:
    """The record in flight: an article and what the stages found in it.

    ``parse`` holds the in-process parse (a spaCy Doc); it never leaves the process.
    """

    article: Article
    sentences: tuple[Sentence, ...] = ()
    mentions: tuple[Mention, ...] = ()
    actors: tuple[Actor, ...] = ()
    events: tuple[Event, ...] = ()
    quotes: tuple[Quote, ...] = ()
    stances: tuple[Stance, ...] = ()
    rejection: Rejection | None = None
    parse: Any = field(default=None, compare=False, repr=False)
    # in-process index: character offset of a mention start -> actor id (set by the actor stage)
    mention_actor: tuple[tuple[int, int, str], ...] = ()
    timings: tuple[tuple[str, float], ...] = ()

    def actors_sharing(self, start: int, end: int) -> tuple[Actor, ...]:
        """Every actor of the tightest mention overlapping ``[start, end)``: two for a pair
        ("the two leaders" after Xi and Putin), one for most mentions, none for no mention."""
        found = [(e - s, s, e) for s, e, _ in self.mention_actor if min(e, end) > max(s, start)]
        if not found:
            return ()
        _, s0, e0 = min(found)
        ids = [a for s, e, a in self.mention_actor if (s, e) == (s0, e0)]
        return tuple(a for a in self.actors if a.id in ids)

    def actor_at(self, start: int, end: int) -> Actor | None:
        """The actor that has a mention overlapping ``[start, end)``, preferring the tightest."""
        best: tuple[int, str] | None = None
        for s, e, actor_id in self.mention_actor:
            if min(e, end) > max(s, start):
                width = e - s
                if best is None or width < best[0]:
                    best = (width, actor_id)
        if best is None:
            return None
        return next((a for a in self.actors if a.id == best[1]), None)


def _clean(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _clean(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_clean(v) for v in value]
    return value


def entity_dict(entity: Entity | None) -> dict[str, Any] | None:
    if entity is None:
        return None
    out: dict[str, Any] = {
        "actor_id": entity.actor_id, "text": entity.text, "name": entity.name,
        "country": entity.country, "sector": entity.sector,
    }
    if entity.mention is not None:
        out["mention"] = asdict(entity.mention)
    return out


def rejected_record(rejection: Rejection, article: Article | None = None) -> dict[str, Any]:
    """The CONTRACT.md object for an input that was rejected: no findings, ``rejection`` set."""
    obj = to_contract(Document(article=article or Article(id=rejection.input, text="")))
    obj["rejection"] = rejection.to_dict()
    return obj


def to_contract(doc: Document) -> dict[str, Any]:
    """The JSON object of CONTRACT.md for one document."""
    a = doc.article
    events = []
    for e in doc.events:
        events.append({
            "id": e.id, "event": e.event, "mode": list(e.mode), "context": list(e.context),
            "actor": [entity_dict(x) for x in e.actor],
            "recipient": [entity_dict(x) for x in e.recipient],
            "aux_mode": e.aux_mode, "date": e.date, "date_text": e.date_text,
            "date_precision": e.date_precision,
            "event_loc": asdict(e.event_loc) if e.event_loc else None,
            "quad_code": e.quad_code, "intensity": e.intensity,
            "trigger": asdict(e.trigger), "sentence": asdict(e.sentence),
            "reported_by": entity_dict(e.reported_by),
            "coder": e.coder, "confidence": e.confidence, "reason": e.reason,
        })
    quotes = []
    for q in doc.quotes:
        quotes.append({
            "id": q.id, "kind": q.kind, "content": asdict(q.content),
            "speaker": entity_dict(q.speaker),
            "speaker_span": asdict(q.speaker_span) if q.speaker_span else None,
            "cue": asdict(q.cue) if q.cue else None,
            "via": entity_dict(q.via), "addressee": q.addressee, "reason": q.reason,
        })
    stances = []
    for s in doc.stances:
        stances.append({
            "id": s.id, "holder": entity_dict(s.holder), "issue": s.issue,
            "polarity": s.polarity, "toward": entity_dict(s.toward),
            "evidence": asdict(s.evidence), "quote_id": s.quote_id, "reason": s.reason,
            "target": entity_dict(s.target), "issue_text": s.issue_text,
            "cue": asdict(s.cue) if s.cue else None,
        })
    return _clean({
        "id": a.id, "title": a.title, "url": a.url, "date": a.date, "text": a.text,
        "date_source": a.date_source,
        "actors": [
            {"id": x.id, "name": x.name, "country": x.country, "sector": x.sector,
             "office": x.office, "kb_id": x.kb_id, "key": x.key,
             "mentions": [asdict(m) for m in x.mentions], "method": x.method, "reason": x.reason}
            for x in doc.actors
        ],
        "events": events, "quotes": quotes, "stances": stances,
        "rejection": doc.rejection.to_dict() if doc.rejection else None,
    })
