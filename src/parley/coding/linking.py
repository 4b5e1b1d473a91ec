"""Which pattern hits of a sentence stand for events of their own, and which are part,
content, claim, aim or twin of another hit (``Hit.by``): a light verb's object, what a speech
act asks, the purpose clause of an act, a verb of the same type on the same clause."""

from __future__ import annotations

from typing import Any

from parley.coding import arguments as args
from parley.coding import roles
from parley.coding.matcher import Hit, forms

# verbs of taking part in an act whose object names it: the act is the noun's
_TAKE_PART = {"undertake", "join"}


# nouns that count or string together acts: "a series of strikes", "two days of talks"
_SERIES = frozenset({"series", "wave", "round", "spate", "string", "barrage", "volley", "flurry"})
# ... and spans of time, when counted ("two days of talks", "48 hours of shelling")
_SPANS = frozenset({"day", "week", "hour"})


def _measure_of(noun: Any) -> Any:
    """The measure noun whose "of" names ``noun`` ("a series of strikes" -> series), or the
    noun itself."""
    prep = noun.head
    if noun.dep_ != "pobj" or prep.lower_ != "of" or prep.head.pos_ != "NOUN":
        return noun
    measure = prep.head
    lemma = measure.lemma_.lower()
    if lemma in _SERIES or lemma in _SPANS and any(c.dep_ == "nummod" for c in measure.children):
        return measure
    return noun


def link(hits: list[Hit]) -> None:
    """Mark, in place, the hits that another hit of the sentence stands for."""
    # light verbs lend nominal events their subject: "held talks", "launched an attack"
    by_trigger = {h.trigger.i: h for h in hits}
    for h in hits:
        if h.pattern.pos != "noun":
            continue
        # "carried out a series of strikes", "began a wave of protests": the measure noun
        # stands in the act's place
        slot = _measure_of(h.trigger)
        gov = slot.head
        if slot.dep_ == "pobj" and gov.head.i in by_trigger \
                and by_trigger[gov.head.i].pattern.pos == "noun" and gov.head.i != h.trigger.i:
            # the complement of an event noun is part of it: "talks on a peace
            # agreement", "the withdrawal from the Paris agreement"
            head_hit = by_trigger[gov.head.i]
            h.suppressed = f"part of {head_hit.pattern.event} '{head_hit.trigger.text}'"
            h.by = head_hit
            continue
        if slot.dep_ == "pobj":
            gov = gov.head
            if gov.dep_ in ("prep", "prt", "advmod") and gov.pos_ in ("ADP", "ADV") \
                    and gov.head.i in by_trigger:
                gov = gov.head  # "pulled out of the deal": the particle's object is the verb's
        if slot.dep_ in ("dobj", "pobj", "nsubjpass", "attr", "conj") and gov.pos_ in ("VERB", "AUX"):
            outer = by_trigger.get(gov.i)
            if outer is not None and outer is not h and slot.dep_ == "dobj" \
                    and gov.lemma_.lower() in _TAKE_PART and not outer.pattern.words:
                # "undertook a mediation mission", "joined the protests": the verb of
                # taking part lends its subject to the act named, and has no sense of its own
                outer.suppressed = f"takes part in {h.pattern.event} '{h.trigger.text}'"
                outer.by = h
                h.governor = gov
                continue
            if outer is None:
                # by its forms, as patterns are: the lemmatizer slips now and then
                # ("staged" -> "stag": "staged military exercises")
                if roles.LIGHT_VERBS.intersection(forms(gov)) or (
                        slot.dep_ == "pobj" and slot.head.lower_ == "with"
                        and gov.lemma_.lower() in roles.RESPONSE_VERBS):
                    h.governor = gov
            elif outer is not h:
                # the object of an event verb is part of that event ("negotiate a deal",
                # "meet for peace negotiations", "spoke ... in a phone call")
                h.suppressed = f"part of {outer.pattern.event} '{outer.trigger.text}'"
                h.by = outer
                if outer.pattern.event == h.pattern.event and not outer.mode and h.pattern.mode:
                    outer.mode = h.pattern.mode
    # complements of speech acts ("agreed to cooperate", "called for a ceasefire")
    for h in hits:
        if h.suppressed:
            continue
        for other in hits:
            if other is h or other.suppressed or not other.pattern.content:
                continue
            if args.inside_content(h, other):
                h.suppressed = f"content of {other.pattern.event} '{other.trigger.text}'"
                h.by = other
                break
    # a light verb's clause stands for the nominal event it governs: "started a hunger
    # strike to protest ...", "staged a sit-in, demanding ..."
    governed = {h.governor.i: h for h in hits if h.governor is not None and not h.suppressed}

    def on_clause(i: int) -> Hit | None:
        return by_trigger.get(i) or governed.get(i)

    # the claim an act makes is part of it: "demonstrated in Kirkuk, calling for
    # independence", "blocked roads to press their demands"
    for h in hits:
        if h.suppressed or not h.pattern.content or h.pattern.pos != "verb":
            continue
        if h.trigger.dep_ in ("advcl", "xcomp"):
            outer = on_clause(h.trigger.head.i)
            if outer is not None and outer is not h and not outer.suppressed \
                    and not outer.pattern.content:
                h.suppressed = f"the claim of {outer.pattern.event} '{outer.trigger.text}'"
                h.by = outer
    # the aim of an act is no act of its own: "deployed police to Haiti to fight gangs",
    # "used tear gas to disperse demonstrators" (it comes back if the act codes nothing)
    for h in hits:
        if h.suppressed or h.pattern.pos != "verb" or not roles.purpose_clause(h.trigger):
            continue
        outer = on_clause(h.trigger.head.i)
        if outer is not None and outer is not h and not outer.suppressed \
                and outer.pattern.event != h.pattern.event:
            h.suppressed = f"the aim of {outer.pattern.event} '{outer.trigger.text}'"
            h.by = outer
    # a verb of the same type in the purpose or coordinated clause of another one is the
    # same event: "met ... to discuss", "agreed and signed"
    for h in hits:
        if h.suppressed or h.pattern.pos != "verb":
            continue
        head = h.trigger.head
        outer_hit = on_clause(head.i)
        if h.trigger.dep_ in ("xcomp", "advcl", "conj") and outer_hit is not None:
            outer = outer_hit
            # "shelled the village, killing or wounding 30": the conjunct of a merged
            # participle is merged into what that participle was merged into
            while outer.suppressed.startswith("same event") and outer.by is not None \
                    and outer.by.pattern.event == outer.pattern.event:
                outer = outer.by
            if outer is not h and outer.pattern.event == h.pattern.event and not outer.suppressed:
                h.suppressed = f"same event as '{outer.trigger.text}'"
                h.by = outer
                outer.parts.append(h.trigger)
    # the same type twice on one clause: keep the verb
    for h in hits:
        if h.suppressed or h.pattern.pos != "noun":
            continue
        for other in hits:
            if other is not h and not other.suppressed and other.pattern.pos == "verb" \
                    and other.pattern.event == h.pattern.event and other.trigger.is_ancestor(h.trigger) \
                    and args.hops(h.trigger, other.trigger) <= 3:
                h.suppressed = f"same event as '{other.trigger.text}'"
                h.by = other
                break
