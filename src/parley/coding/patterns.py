"""Event patterns as data: one YAML file per PLOVER type under ``coding/patterns/``.

A file holds ``event: TYPE`` and a list of ``patterns``. Each pattern has either a ``verb``
or a ``noun`` phrase:

A pattern is one sense with its synonyms: ``verb`` or ``noun`` is a phrase or a list of
phrases, and ``example`` is a sentence (or ``{text, event, actor, recipient}``) that a test
codes.

- ``verb: "call for"`` — the first word is the verb lemma; each further word must be found
  among the verb's particles, prepositions or direct object ("express opposition", "reach
  out", "impose sanctions"); the pattern that matches the most words wins.
- ``noun: "phone call"`` — the last word is the head noun lemma; earlier words must be its
  left modifiers.

Optional keys: ``mode``, ``context`` (list), ``recipient`` (where the recipient is:
``dobj`` and/or prepositions; default per file), ``reciprocal`` (all parties are actors),
``place_recipient`` (the country of the place visited is the recipient), ``place_actor``
(the country of the place is the host when no actor is named: "was greeted in Russia"),
``goes_to`` (what the verb moves goes to someone: a to-complement on the verb or its
object, "cut funding to the agency", not "cut oil supply by 2%"), ``particle`` (the phrase's last word is the verb's particle,
not a preposition with an object of its own: "gave in", not "gave a speech in Nairobi"),
``needs_object`` (the
verb must have an object, a that-clause or a prepositional object:
"sought to deepen ties" is no request), ``object: actor`` (a direct object, if any, must name
someone: "received the minister", not "received weapons"; ``object: guest``, a person or a
group, not a thing named by its origin: "received Iranian officials", not "Russian wheat";
``object: thing``: a direct object, if any, is no act of another type: "sent tanks", not
"sent a warning"), ``of_actor`` (an intransitive event noun whose "of" object is its actor: "the withdrawal of
US troops"), ``content``
(the event's complement is what is asked, agreed, threatened: events inside it are not
coded separately), ``examples`` (sentences a test codes, with the expected type).

A word ``@name`` in a phrase stands for each member of that word class of
``patterns/_classes.yaml`` (verbs of halting, restrictions, flows of aid ...): one pattern
per member, so that a sense is written once for its whole class ("halt @aid_flow").
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from parley.errors import ConfigError
from parley.ontology import ontology

DEFAULT_RECIPIENT = ("dobj", "with", "to", "against", "on", "toward", "towards")
SPEECH_ACT_TYPES = {"AGREE", "REQUEST", "THREATEN", "REJECT", "ACCUSE", "SUPPORT", "CONCEDE"}


@dataclass(frozen=True, slots=True)
class Example:
    text: str
    event: str | None  # None: the sentence must code nothing of this pattern
    actor: tuple[str, ...] = ()
    recipient: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Pattern:
    id: str
    event: str
    pos: str  # verb | noun
    head: str  # lemma of the verb or head noun
    words: tuple[str, ...]  # further words that must be present
    mode: tuple[str, ...] = ()
    context: tuple[str, ...] = ()
    recipient: tuple[str, ...] = DEFAULT_RECIPIENT
    reciprocal: bool = False
    place_recipient: bool = False
    place_actor: bool = False
    of_actor: bool = False
    needs_object: bool = False
    goes_to: bool = False
    particle: bool = False  # the last word is the verb's particle, not a preposition
    object: str = ""  # "actor" / "guest": a direct object, if any, must name someone
    content: bool = False
    source: str = ""
    examples: tuple[Example, ...] = field(default=(), compare=False)

    @property
    def phrase(self) -> str:
        return " ".join((self.head, *self.words)) if self.pos == "verb" else " ".join(
            (*self.words, self.head))


def _words(items: Any) -> tuple[str, ...]:
    """YAML 1.1 reads a bare ``on`` as true: take it back as the preposition it is."""
    out = []
    for item in items or ():
        if item is True:
            item = "on"
        elif item is False:
            item = "off"
        out.append(str(item).lower())
    return tuple(out)


def _expand(phrase: str, classes: dict[str, tuple[str, ...]], where: str) -> list[str]:
    """A phrase with ``@name`` words as the phrases of each member of those classes."""
    out = [""]
    for word in phrase.split():
        if word.startswith("@"):
            if word not in classes:
                raise ConfigError(f"{where}: no word class {word!r} in {CLASSES}")
            out = [f"{o} {m}" for o in out for m in classes[word]]
        else:
            out = [f"{o} {word}" for o in out]
    return [o.strip() for o in out]


@lru_cache(maxsize=1)
def word_classes() -> dict[str, tuple[str, ...]]:
    """The word classes of ``patterns/_classes.yaml``: ``@name`` -> its members."""
    path = Path(str(resources.files(__package__).joinpath("patterns", CLASSES)))
    raw = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    return {f"@{k}": tuple(str(m).lower() for m in v) for k, v in raw.items()}


def _parse_file(text: str, where: str) -> tuple[list[Pattern], tuple[str, ...]]:
    """A hand-written file's patterns, and where its type's recipient sits by default."""
    try:
        raw = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        raise ConfigError(f"{where}: not valid YAML ({exc})") from exc
    if not isinstance(raw, dict) or "event" not in raw or "patterns" not in raw:
        raise ConfigError(f"{where}: expected keys 'event' and 'patterns'")
    onto = ontology()
    event = raw["event"]
    onto.type(event)
    default_recipient = _words(raw.get("recipient")) or DEFAULT_RECIPIENT
    classes = word_classes()
    out = []
    for n, p in enumerate(raw["patterns"]):
        if not isinstance(p, dict) or ("verb" in p) == ("noun" in p):
            raise ConfigError(f"{where}: pattern {n} needs exactly one of 'verb' or 'noun': {p!r}")
        if not p.get("example"):
            raise ConfigError(f"{where}: pattern {n} ({p.get('verb') or p.get('noun')!r}) has no "
                              "'example' sentence; every pattern carries one that a test codes")
        pos = "verb" if "verb" in p else "noun"
        phrases = p[pos] if isinstance(p[pos], list) else [p[pos]]
        modes = tuple([p["mode"]] if isinstance(p.get("mode"), str) else p.get("mode") or ())
        for m in modes:
            onto.check_mode(event, m)
        ex = p["example"]
        ex = ex if isinstance(ex, dict) else {"text": ex}
        example = Example(ex["text"], ex.get("event", event), tuple(ex.get("actor") or ()),
                          tuple(ex.get("recipient") or ()))
        for phrase in (x for ph in phrases for x in _expand(str(ph).lower(), classes, where)):
            words = phrase.split()
            head, rest = (words[0], words[1:]) if pos == "verb" else (words[-1], words[:-1])
            out.append(Pattern(
                id=f"{event.lower()}:{pos}:{' '.join(words)}", event=event, pos=pos, head=head,
                words=tuple(rest), mode=modes, context=tuple(p.get("context") or ()),
                recipient=_words(p.get("recipient")) or default_recipient,
                reciprocal=bool(p.get("reciprocal", raw.get("reciprocal", False))),
                place_recipient=bool(p.get("place_recipient", False)),
                place_actor=bool(p.get("place_actor", False)),
                of_actor=bool(p.get("of_actor", False)),
                needs_object=bool(p.get("needs_object", False)),
                goes_to=bool(p.get("goes_to", False)),
                particle=bool(p.get("particle", False)),
                object=str(p.get("object") or ""),
                content=bool(p.get("content", raw.get("content", event in SPEECH_ACT_TYPES))),
                source=where, examples=(example,),
            ))
    return out, _words(raw.get("recipient"))


def pattern_files() -> list[Path]:
    folder = resources.files(__package__).joinpath("patterns")
    return sorted(Path(str(p)) for p in folder.iterdir()
                  if str(p).endswith(".yaml") and not Path(str(p)).name.startswith("_"))


GENERATED = "cameo_generated.tsv"
CLASSES = "_classes.yaml"  # word classes (``@name``) that hand-written phrases may use
# verbs by which an actor announces, intends or fails an act of its own: the event is their
# complement ("wants to attack", "said it will withdraw", "failed to reach a deal"), which
# the coder composes with them; no generated pattern codes the frame itself
FRAME_VERBS = frozenset({
    "say", "announce", "declare", "state", "warn", "tell", "vow", "pledge", "promise", "swear",
    "plan", "intend", "prepare", "ready", "willing", "decide", "threaten", "offer", "agree",
    "insist", "confirm", "indicate", "signal", "want", "seek", "aim", "hope", "wish",
    "determined", "eager", "fail", "try", "attempt", "prepared", "keen"})
# raising predicates: they say how likely or due their complement is ("is expected to impose
# sanctions", "seems to have attacked", "appears to be preparing"), and their subject is the
# complement's; alone they are no event, so no generated pattern codes them bare (with a word
# of their own, "appear in court", they keep their sense)
RAISING_VERBS = frozenset({"seem", "appear", "expect", "tend", "happen", "likely", "due",
                           "poised", "bound", "predict", "anticipate"})
# verbs of phase: what they govern is the event ("continued their effort", "began talks")
_ASPECT_VERBS = frozenset({"continue", "keep", "remain", "begin", "start", "resume", "go",
                           "complete", "finish"})
# prepositions that are never particles: with a verb they add a complement, not a new sense
# ("pull out", "back down", "call off" keep their particles)
PREPOSITIONS = frozenset(
    "about above across after against along among around as at before behind below beside "
    "between beyond by during for from in inside into near of onto outside past since through "
    "throughout to toward towards under until upon with within without".split())
# prepositions and particles: words that do not by themselves change a verb's sense
_FUNCTION_WORDS = frozenset(
    "about above across after against along among around as at away back before behind below "
    "beside between beyond by down during for from in inside into near of off on onto out "
    "outside over past since through throughout to toward towards under until up upon with "
    "within without".split())
NULL_EVENT = "-"  # a generated pattern that names a sense of the verb that is no event


def generated_file() -> Path:
    return Path(str(resources.files(__package__).joinpath("patterns", GENERATED)))


def read_generated(path: Path) -> tuple[list[Pattern], dict[str, frozenset[str]]]:
    """The patterns of a file written by `parley patterns import-cameo` (coding/cameo.py),
    and its synonym sets (``&NAME`` -> its members, each a word or a phrase with its head
    last)."""
    sets: dict[str, frozenset[str]] = {}
    blocks: dict[str, list[str]] = {}
    out: list[Pattern] = []
    onto = ontology()
    with path.open(encoding="utf-8") as fh:
        for raw in fh:
            if raw.startswith("#") or raw.startswith("kind\t"):
                continue
            cols = raw.rstrip("\n").split("\t")
            if len(cols) != 10:
                raise ConfigError(f"{path.name}: a line with {len(cols)} columns, expected 10")
            kind, verbs, words, event, mode, ctx, recip, cameo, line, block = cols
            if kind == "set":
                sets[verbs] = frozenset(m for m in words.split("|") if m)
                continue
            if kind == "block":
                blocks[block] = verbs.split("|")
                continue
            if event != NULL_EVENT:
                onto.type(event)
            heads = blocks.get(block, []) if verbs == "*" else [verbs]
            for verb in heads:
                phrase = (f"{verb} {words}" if kind == "verb" else verb).split()
                head, rest = (phrase[0], phrase[1:]) if kind == "verb" else (phrase[-1], phrase[:-1])
                out.append(Pattern(
                    id=f"cameo:{kind}:{' '.join(phrase)}", event=event, pos=kind, head=head,
                    words=tuple(rest), mode=(mode,) if mode else (),
                    context=tuple(c for c in ctx.split(";") if c),
                    recipient=DEFAULT_RECIPIENT, reciprocal=recip == "1",
                    content=event in SPEECH_ACT_TYPES,
                    source=f"{path.name}:{line} CAMEO {cameo}"))
    return out, sets


@dataclass(frozen=True)
class PatternSet:
    verbs: dict[str, tuple[Pattern, ...]]
    nouns: dict[str, tuple[Pattern, ...]]
    all: tuple[Pattern, ...]
    # ``&NAME`` in a generated pattern's words: any of these words or phrases (head last)
    sets: dict[str, frozenset[str]] = field(default_factory=dict)

    @classmethod
    def from_files(cls, paths: Iterable[Path], generated: Path | None = None) -> PatternSet:
        pats: list[Pattern] = []
        # where each type's recipient sits (its file's default: "fired rockets at X",
        # "captured towns from X"), for the generated patterns of that type as well
        frames: dict[str, tuple[str, ...]] = {}
        for path in paths:
            found, frame = _parse_file(path.read_text(encoding="utf-8"), path.name)
            pats.extend(found)
            if found and frame:
                frames[found[0].event] = frame
        verbs: dict[str, list[Pattern]] = {}
        nouns: dict[str, list[Pattern]] = {}
        seen: dict[str, str] = {}
        for p in pats:
            key = f"{p.pos}:{p.phrase}"
            if key in seen and seen[key] != p.event:
                raise ConfigError(
                    f"pattern {p.phrase!r} ({p.pos}) is in both {seen[key]} and {p.event}; "
                    "keep it in one file")
            seen[key] = p.event
            (verbs if p.pos == "verb" else nouns).setdefault(p.head, []).append(p)
        sets: dict[str, frozenset[str]] = {}
        if generated is not None:
            gen, sets = read_generated(generated)
            hand_heads = {f"{p.pos}:{p.head}" for p in pats}
            hand_phrases = set(seen)
            disapproving = _disapproving_verbs(pats)
            arresting = _arresting_verbs(pats)
            for p in gen:
                key = f"{p.pos}:{p.phrase}"
                if key in seen:
                    continue  # hand-written patterns win; the first line of the file wins
                if p.head in FRAME_VERBS and p.pos == "verb":
                    continue
                if p.head in RAISING_VERBS and p.pos == "verb" and not p.words:
                    continue  # "is expected to impose sanctions": the complement is the event  # the event is the frame's complement ("wants to attack")
                if p.pos == "verb" and p.head in _ASPECT_VERBS and p.words:
                    continue  # "continued their effort", "began talks": the object is the event
                if p.pos == "verb" and p.words and all(w in PREPOSITIONS for w in p.words):
                    continue  # "control for", "sue for": a preposition alone is no new sense
                if f"{p.pos}:{p.head}" in hand_heads and all(w in _FUNCTION_WORDS
                                                              for w in p.words):
                    # a verb written by hand keeps its sense with any preposition or particle
                    # ("sue for", "host by"); only a named object changes it ("accept refugees")
                    continue
                core = tuple(w for w in p.words if w not in PREPOSITIONS)
                if p.pos == "verb" and len(core) < len(p.words) and \
                        f"verb:{' '.join((p.head, *core))}" in hand_phrases:
                    # "send warships to", "wage war for": a preposition adds a complement to
                    # a sense written by hand ("send warships"), it names no other sense
                    continue
                if p.pos == "verb" and p.event == "SUPPORT" and p.head in disapproving:
                    # CAMEO's "rally support on behalf of" (05x) on "criticized the detention
                    # of ...", "protested the expulsion of ...": to disapprove of a hostile
                    # act is no support; the verb keeps its own sense
                    continue
                if p.pos == "verb" and p.event == "ASSAULT" and p.head in arresting and not {
                        "hostage", "&HOSTAGE"} & set(p.words):
                    # CAMEO's block of "arrest, capture, snatch ..." codes "arrest protesters",
                    # "arrest journalist" as repression and "arrest minister" as abduction
                    # (ASSAULT): an arrest stays an arrest whoever is arrested; only hostages
                    # are abducted
                    continue
                seen[key] = p.event
                if p.event in frames:
                    p = replace(p, recipient=tuple(dict.fromkeys(p.recipient + frames[p.event])))
                pats.append(p)
                (verbs if p.pos == "verb" else nouns).setdefault(p.head, []).append(p)
        # most specific first: more words to match; hand-written first among equals
        return cls(
            {k: tuple(sorted(v, key=lambda p: -len(p.words))) for k, v in verbs.items()},
            {k: tuple(sorted(v, key=lambda p: -len(p.words))) for k, v in nouns.items()},
            tuple(pats), sets,
        )


_DISAPPROVAL = frozenset({"ACCUSE", "REJECT", "PROTEST"})


def _disapproving_verbs(pats: list[Pattern]) -> set[str]:
    """Verbs whose hand-written senses alone (no words) are all disapproval."""
    senses: dict[str, set[str]] = {}
    for p in pats:
        if p.pos == "verb" and not p.words:
            senses.setdefault(p.head, set()).add(p.event)
    return {v for v, events in senses.items() if events <= _DISAPPROVAL}


def _arresting_verbs(pats: list[Pattern]) -> set[str]:
    """Verbs whose hand-written senses alone (no words) are all arrests (COERCE arrest)."""
    senses: dict[str, set[tuple[str, tuple[str, ...]]]] = {}
    for p in pats:
        if p.pos == "verb" and not p.words:
            senses.setdefault(p.head, set()).add((p.event, p.mode))
    return {v for v, found in senses.items() if found == {("COERCE", ("arrest",))}}


@lru_cache(maxsize=1)
def default_patterns() -> PatternSet:
    gen = generated_file()
    return PatternSet.from_files(pattern_files(), gen if gen.is_file() else None)
