"""Load the quote and stance word lists (package data) once per process."""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources
from typing import Any

import yaml

from parley.errors import ConfigError

logger = logging.getLogger(__name__)


@cache
def _load(name: str) -> Any:
    """One data file, read once a process (the loaders below only read what it holds)."""
    ref = resources.files("parley.quotes") / "data" / name
    try:
        with ref.open("r", encoding="utf-8") as fh:
            return yaml.safe_load(fh)
    except (OSError, yaml.YAMLError) as exc:
        raise ConfigError(
            f"could not read quote data file {name!r} ({exc}); it ships with the package "
            "under parley/quotes/data/: reinstall parley or restore the file"
        ) from exc


def _lemmas(data: dict[str, Any], group: str, key: str, file: str) -> frozenset[str]:
    try:
        values = data[group][key]
    except (KeyError, TypeError) as exc:
        raise ConfigError(
            f"{file}: group {group!r} has no list {key!r}; each group needs "
            f"'{key}: [word, ...]' (see the comments at the top of the file)"
        ) from exc
    return frozenset(str(v).lower() for v in values)


def _charges(data: dict[str, Any], file: str) -> dict[str, frozenset[str]]:
    try:
        table = data["accusation"]["charges"]
        out = {str(k).lower(): frozenset(str(p).lower() for p in v) for k, v in table.items()}
        if any(isinstance(p, bool) for v in table.values() for p in v):
            # YAML 1.1 reads a bare on, off, yes or no as true or false
            raise TypeError("a preposition read as true or false: write it in quotes")
        return out
    except (KeyError, TypeError, AttributeError) as exc:
        raise ConfigError(
            f"{file}: group 'accusation' needs 'charges: {{verb: [preposition, ...]}}' "
            "(see the comments at the top of the file)") from exc


@dataclass(frozen=True, slots=True)
class ReportingWords:
    speech: frozenset[str]
    belief: frozenset[str]
    naming: frozenset[str]
    nouns: frozenset[str]
    addressee: frozenset[str]
    according_to: tuple[str, ...]
    bare_clause: frozenset[str]  # speech verbs whose complement may lack "that"
    object_speech: frozenset[str]  # speech acts whose content is a clause after them
    asking: frozenset[str]  # "call on", "plead with": the preposition's object is asked
    headline_labels: frozenset[str]  # "Analysis: ...", "Exclusive: ..." are no speakers
    genre_heads: frozenset[str]  # "Delegate Update: ...": a label headed by a genre noun
    title_nouns: frozenset[str]  # "her memoir, 'Plenty of Time'": a title, not words said
    charges: dict[str, frozenset[str]]  # accusation verb -> prepositions of its charge
    examples: tuple[tuple[str, str], ...]  # (group, example sentence)


@lru_cache(maxsize=1)
def reporting_words() -> ReportingWords:
    file = "reporting_verbs.yaml"
    data = _load(file)
    return ReportingWords(
        speech=_lemmas(data, "speech", "lemmas", file),
        belief=_lemmas(data, "belief", "lemmas", file),
        naming=_lemmas(data, "naming", "lemmas", file),
        nouns=_lemmas(data, "nouns", "lemmas", file),
        addressee=_lemmas(data, "speech", "addressee", file),
        according_to=tuple(_lemmas(data, "according_to", "phrases", file)),
        bare_clause=_lemmas(data, "speech", "bare_clause", file),
        object_speech=_lemmas(data, "object_speech", "lemmas", file),
        asking=_lemmas(data, "object_speech", "asking_preps", file),
        headline_labels=_lemmas(data, "headlines", "labels", file),
        genre_heads=_lemmas(data, "headlines", "genre_heads", file),
        title_nouns=_lemmas(data, "titles", "nouns", file),
        charges=_charges(data, file),
        examples=tuple((g, str(v["example"])) for g, v in data.items() if "example" in v),
    )


@dataclass(frozen=True, slots=True)
class Issue:
    name: str  # normalised, lower case
    synonyms: tuple[str, ...]  # lower-case phrases, the name included
    concerns: str | None = None  # ISO alpha-3 or IGO code of the country or body it is about
    example: str = ""
    at_war: str | None = None  # its name in a sentence about a war ("negotiations": peace talks)
    deal: str | None = None  # the issue of a pact on it ("a deal on Iran's nuclear programme")


@lru_cache(maxsize=1)
def issues() -> tuple[Issue, ...]:
    file = "issues.yaml"
    data = _load(file)
    out = []
    for entry in data.get("issues") or []:
        try:
            name = str(entry["issue"]).lower()
            syn = tuple(dict.fromkeys([name, *(str(s).lower() for s in entry.get("synonyms") or [])]))
        except (KeyError, TypeError) as exc:
            raise ConfigError(
                f"{file}: entry {entry!r} needs 'issue: name' and 'synonyms: [...]'"
            ) from exc
        out.append(Issue(name, syn, entry.get("concerns"), str(entry.get("example", "")),
                         entry.get("at_war"), entry.get("deal")))
    return tuple(out)


@lru_cache(maxsize=1)
def war_words() -> frozenset[str]:
    """Lemmas that make a sentence one about a war (``Issue.at_war``)."""
    return _words(_load("issues.yaml"), "war_words", "issues.yaml")


@lru_cache(maxsize=1)
def issue_pattern() -> tuple[re.Pattern[str], dict[str, Issue]]:
    """One pattern over every issue name (longest first, on word boundaries, hyphens and
    spaces alike) and the issue each normalised name stands for."""
    by_name: dict[str, Issue] = {}
    for issue in issues():
        for syn in issue.synonyms:
            by_name.setdefault(norm_phrase(syn), issue)
    names = sorted(by_name, key=len, reverse=True)
    alts = "|".join(re.escape(n).replace(r"\ ", r"[\s-]+") for n in names)
    return re.compile(rf"(?<![\w-])(?:{alts})(?![\w-])", re.IGNORECASE), by_name


def norm_phrase(text: str) -> str:
    """Lower case, hyphens and runs of space as one space: "Cease-fire" -> "cease fire"."""
    return re.sub(r"[\s-]+", " ", text.lower()).strip()


def _words(data: dict[str, Any], key: str, file: str) -> frozenset[str]:
    values = data.get(key)
    if not isinstance(values, list):
        raise ConfigError(f"{file}: {key!r} must be a list of words (see the comments at the "
                          "top of the file)")
    return frozenset(str(v).lower() for v in values)


def _ended_by(data: dict[str, Any], file: str) -> dict[str, str]:
    table = data.get("ended_by")
    if not isinstance(table, dict):
        raise ConfigError(f"{file}: 'ended_by' must map an issue to the words it ends "
                          "(see the comments at the top of the file)")
    return {str(w).lower(): str(issue).lower() for issue, words in table.items() for w in words}


@dataclass(frozen=True, slots=True)
class StanceCues:
    support_verbs: frozenset[str]  # lemmas and "lemma particle" phrases
    oppose_verbs: frozenset[str]
    support_nouns: frozenset[str]
    oppose_nouns: frozenset[str]
    oppose_preps: frozenset[str]  # "argued against X"
    support_preps: frozenset[str]  # "in favor of X"
    support_adjs: frozenset[str]  # "adjective preposition" after a copula: "committed to X"
    oppose_adjs: frozenset[str]  # "opposed to X"
    addressee_verbs: frozenset[str]  # "urged Russia to ...": the object is whom it asks
    clause_oppose_verbs: frozenset[str]  # "urged Iran to halt enrichment": oppose enrichment
    preventing_verbs: frozenset[str]  # "to prevent a war" (among the above; not in proposals)
    ending_verbs: frozenset[str]  # "stop", "halt": with a word of ``ended_by`` they support
    ended_by: dict[str, str]  # what an issue ends -> the issue ("fighting" -> "ceasefire")
    ending_nouns: frozenset[str]  # "an end to", "a halt to": the course of what they end
    caring_nouns: frozenset[str]  # "concern for the safety of": for what follows "for"
    proposal_heads: frozenset[str]  # "a plan that rewards aggression": its clause says what
    enacting_verbs: frozenset[str]  # "a resolution that imposes sanctions": for sanctions
    eval_oppose_verbs: frozenset[str]  # "a ceasefire would ratify the conquest"
    eval_harm_verbs: frozenset[str]  # their object is whom the speaker says it hurts
    eval_support_verbs: frozenset[str]
    eval_oppose_adjs: frozenset[str]  # "the pact would be one-sided"
    eval_support_adjs: frozenset[str]
    eval_oppose_preps: frozenset[str]  # "would work against Ukraine"
    eval_intransitive: frozenset[str]  # judge with no object ("the truce would backfire")
    eval_copulas: frozenset[str]  # judge like "be": "would amount to a surrender"
    respite_verbs: frozenset[str]  # "would give the rebels time to regroup": a respite ...
    respite_nouns: frozenset[str]
    rebuild_verbs: frozenset[str]  # ... for rebuilding, so the subject is opposed
    condition_heads: frozenset[str]  # "any settlement must begin with X": support X
    condition_verbs: frozenset[str]  # lemma, or "lemma preposition"
    hosting_verbs: frozenset[str]  # "welcomed Xi to Moscow": a greeting, no position
    negators: frozenset[str]  # "refused to back", "avoids condemning": the polarity flips
    negating_preps: frozenset[str]  # "stopped short of backing", "far from supporting"
    receiving_verbs: frozenset[str]  # "faced criticism": the subject does not hold it
    generic_heads: frozenset[str]  # "the decision", "his remarks": no issue of their own
    person_heads: frozenset[str]  # "the coach", "voters": people, not issues
    examples: tuple[tuple[str, str, str, str], ...]  # (sentence, issue, polarity, holder)

    def verb_polarity(self, key: str) -> str | None:
        if key in self.support_verbs:
            return "support"
        if key in self.oppose_verbs:
            return "oppose"
        return None

    def adjective_polarity(self, key: str) -> str | None:
        if key in self.support_adjs:
            return "support"
        if key in self.oppose_adjs:
            return "oppose"
        return None

    def noun_polarity(self, word: str) -> str | None:
        if word in self.support_nouns:
            return "support"
        if word in self.oppose_nouns:
            return "oppose"
        return None


@lru_cache(maxsize=1)
def stance_cues() -> StanceCues:
    file = "stance_cues.yaml"
    data = _load(file)
    ev = data.get("evaluative") or {}
    return StanceCues(
        support_verbs=_lemmas(data, "support", "verbs", file),
        oppose_verbs=_lemmas(data, "oppose", "verbs", file),
        support_nouns=_lemmas(data, "support", "nouns", file),
        oppose_nouns=_lemmas(data, "oppose", "nouns", file),
        oppose_preps=_lemmas(data, "oppose", "preps", file),
        support_preps=_lemmas(data, "support", "preps", file),
        support_adjs=_lemmas(data, "support", "adjectives", file),
        oppose_adjs=_lemmas(data, "oppose", "adjectives", file),
        addressee_verbs=_words(data, "addressee_verbs", file),
        clause_oppose_verbs=_words(data, "clause_oppose_verbs", file)
        | _words(data, "preventing_verbs", file),
        preventing_verbs=_words(data, "preventing_verbs", file),
        ending_verbs=_words(data, "ending_verbs", file),
        ended_by=_ended_by(data, file),
        ending_nouns=_words(data, "ending_nouns", file),
        caring_nouns=_words(data, "caring_nouns", file),
        proposal_heads=_words(data, "proposal_heads", file),
        enacting_verbs=_words(data, "enacting_verbs", file),
        eval_oppose_verbs=_lemmas(data, "evaluative", "oppose_verbs", file),
        eval_harm_verbs=_lemmas(data, "evaluative", "harm_verbs", file),
        eval_support_verbs=_lemmas(data, "evaluative", "support_verbs", file),
        eval_oppose_adjs=_lemmas(data, "evaluative", "oppose_adjs", file),
        eval_support_adjs=_lemmas(data, "evaluative", "support_adjs", file),
        eval_oppose_preps=frozenset(str(w).lower() for w in ev.get("oppose_preps") or []),
        eval_intransitive=frozenset(str(w).lower() for w in ev.get("intransitive") or []),
        eval_copulas=_lemmas(data, "evaluative", "copulas", file),
        respite_verbs=_lemmas(data, "evaluative", "respite_verbs", file),
        respite_nouns=_lemmas(data, "evaluative", "respite_nouns", file),
        rebuild_verbs=_lemmas(data, "evaluative", "rebuild_verbs", file),
        condition_heads=_lemmas(data, "evaluative", "condition_heads", file),
        condition_verbs=_lemmas(data, "evaluative", "condition_verbs", file),
        hosting_verbs=_words(data, "hosting_verbs", file),
        negators=_words(data, "negators", file),
        negating_preps=_words(data, "negating_preps", file),
        receiving_verbs=_words(data, "receiving_verbs", file),
        generic_heads=_words(data, "generic_heads", file),
        person_heads=_words(data, "person_heads", file),
        examples=tuple(
            (str(e["text"]), str(e["issue"]), str(e["polarity"]), str(e.get("holder") or ""))
            for e in data.get("examples") or []
        ),
    )
