"""The rule coder: verb and noun patterns on the parse -> PLOVER events with evidence."""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator
from dataclasses import replace
from typing import Any

from parley import syntax
from parley.coding import arguments as args
from parley.coding import article, roles
from parley.coding import entities as ent
from parley.coding.dates import event_when, is_historical
from parley.coding.linking import link
from parley.coding.matcher import Hit as _Hit
from parley.coding.matcher import match_noun, match_verb
from parley.coding.patterns import PREPOSITIONS, PatternSet, default_patterns
from parley.coding.places import event_place, is_place_token
from parley.model import Document, Entity, Event, Span
from parley.ontology import ontology

logger = logging.getLogger(__name__)

# modals that turn a reported act into a demand on its actor
_OBLIGATION = {"must", "should", "ought"}
# verbs of dying: their subject is whom the act they die in is done to
_DYING = {"die", "perish"}
# sectors whose actors, when no country is named, belong to the place where they act
_DOMESTIC_SECTORS = {"COP", "CVL", "JUD", "LEG", "OPP", "LAB", "REB", "EDU", "HLH", "REF"}


class CodingStage:
    name = "parley.coding.rules.v1"
    requires: tuple[str, ...] = ("parse", "actors")
    provides: tuple[str, ...] = ("events",)

    def __init__(self, patterns: PatternSet | None = None) -> None:
        self.patterns = patterns or default_patterns()
        self.onto = ontology()
        # the sense a claim of another's harm is coded with ("claimed that Iran attacked")
        self._claim = next((p for p in self.patterns.verbs.get("allege", ())
                            if not p.words and p.event == "ACCUSE"), None)

    def pipe(self, documents: Iterable[Document]) -> Iterator[Document]:
        return (self(d) for d in documents)

    def setup(self, settings: Any = None) -> None:
        """Load what the first document would otherwise load: the gazetteer of places and
        the date parser's language data (once per process)."""
        from parley.coding.dates import resolve_date
        from parley.coding.places import resolve_place

        resolve_place("Paris")
        resolve_date("16 March 2022", "2023-03-20")

    # ------------------------------------------------------------------ the stage
    def __call__(self, document: Document) -> Document:
        doc = document.parse
        text = document.article.text
        pub = document.article.date
        index = ent.actor_index(document)
        actors = {a.id: a for a in document.actors}
        ctx = ent.Context(text, actors, index)
        events: list[Event] = []
        told: list[tuple[str, Event]] = []  # (the trigger's lemma, the event), in text order
        furniture = syntax.furniture_tokens(doc)
        for sent in doc.sents:
            # "Read more: Xi arrives in Moscow", a caption, a byline: no news
            hits = [h for h in self._sentence_hits(sent, ctx) if h.trigger.i not in furniture]
            reported = ent.reported_by(sent, ctx)
            coded: dict[int, bool] = {}
            pending = list(hits)
            while pending:
                # a hit stands aside for the one that covers it; a merged part ("meet for
                # peace negotiations") comes back when that one codes nothing
                ready = [h for h in pending if h.by is None or id(h.by) in coded]
                if not ready:
                    ready = pending[:1]
                for hit in ready:
                    pending.remove(hit)
                    if hit.by is not None and (coded.get(id(hit.by), False)
                                               or hit.by.pattern.content):
                        # what a speech act asks or agrees stays unreal even if no one is
                        # found to ask it; a merged part comes back when its event codes nothing
                        coded[id(hit)] = coded.get(id(hit.by), False)
                        continue
                    ev = self._event(hit, sent, ctx, pub, reported, len(events) + 1, told)
                    coded[id(hit)] = ev is not None
                    if ev is not None:
                        events.append(ev)
                        told.append((hit.trigger.lemma_.lower(), ev))
        events.sort(key=lambda e: (e.sentence.start, e.trigger.start))
        # "Brazil and South Africa call for a ceasefire" over the lead that tells that call
        events = article.restated(events, text)
        events = [replace(e, id=f"E{i + 1}") for i, e in enumerate(events)]
        return replace(document, events=tuple(events))

    def _sentence_hits(self, sent: Any, ctx: ent.Context) -> list[_Hit]:
        hits: list[_Hit] = []
        used: set[int] = set()
        for tok in sent:
            if tok.pos_ in ("VERB", "AUX") or (tok.pos_ == "ADJ" and (
                    tok.dep_ in ("ROOT", "advcl", "conj")
                    or tok.dep_ == "acomp" and tok.head.lemma_ in syntax.COPULAS)):
                # a predicative adjective is its clause's predicate: "Iran is critical of ..."
                h = match_verb(tok, self.patterns, lambda c, guest=False: ent.names_someone(c, ctx, guest))
                if h is not None and tok.dep_ == "acomp" and tok.pos_ == "ADJ" and not h.pattern.words:
                    h = None  # "would be free to use": only "critical of", "supportive of" ...
                if h is not None:
                    hits.append(h)
                    used.update(t.i for t in h.tokens)
        for tok in sent:
            if tok.pos_ in ("NOUN", "PROPN") and tok.i not in used:
                h = match_noun(tok, self.patterns)
                if h is not None:
                    hits.append(h)
        hits += self._claims(sent, hits, ctx)
        link(hits)
        return hits

    def _claims(self, sent: Any, hits: list[_Hit], ctx: ent.Context) -> list[_Hit]:
        """Claims that another actor did harm are accusations: "The US claimed that Iran had
        attacked a tanker" (the attack is what is alleged, not a fact of the day); a claim of
        one's own act ("Russia claimed it had destroyed ...") stays that act."""
        if self._claim is None:
            return []
        taken = {h.trigger.i: h for h in hits}
        out = []
        for tok in sent:
            comp, hostile_only = roles.claim_complement(tok)
            if comp is None or tok.i in taken and taken[tok.i].pattern.event != "PROTEST":
                continue
            inner = [h for h in hits if h.pattern.pos == "verb" and h.trigger in comp.subtree
                     and (self.onto.type(h.pattern.event).quad in (3, 4) or not hostile_only)]
            if hostile_only and not inner:
                continue
            claimant = syntax.subject_tokens(tok)[0]
            # a claimant the knowledge base does not know ("a human rights group") still
            # claims: it is kept with its words, as the actor of the accusation
            claimer = ent.entities(claimant, ctx) or args.unresolved(claimant, ctx.text)
            doers = syntax.subject_tokens(inner[0].trigger if inner else comp)[0]
            if any(t.pos_ == "PRON" or any(c.dep_ == "poss" and c.pos_ == "PRON"
                                          for c in t.children) for t in doers):
                continue  # "Russia claimed that its forces had destroyed ...": its own act
            doer = ent.entities(doers, ctx)
            if not claimer or not doer or {e.actor_id for e in claimer if e.actor_id} & {
                    e.actor_id for e in doer} or (
                    {e.country for e in claimer if e.country}
                    & {e.country for e in doer if e.country}):
                continue
            if tok.i in taken:
                hits.remove(taken[tok.i])  # "protested that ...": a complaint, no demonstration
            out.append(_Hit(self._claim, tok, [tok]))
        return out

    def _event(self, hit: _Hit, sent: Any, ctx: ent.Context, pub: str | None,
               reported: Entity | None, n: int,
               told: list[tuple[str, Event]]) -> Event | None:
        index, text = ctx.index, ctx.text
        p = hit.pattern
        trig = hit.trigger
        reasons = [f"{p.pos} pattern '{p.phrase}' -> {p.event}" + (f" ({','.join(p.mode)})" if p.mode else "")]
        # actor
        ordered: list[Any] = []
        ahead = False  # an act a possessor plans ("Britain's plan to send troops")
        if p.pos == "verb":
            subj, passive = syntax.subject_tokens(trig)
            anchor = trig
            decider, ahead = roles.decided_act(trig)
            if decider and (not subj or subj[0].i == trig.head.i):
                # "China's decision to recognize the Taliban": the possessor decides and acts
                # (the parser may take "steps to ease" for a relative clause on "steps")
                subj, passive = decider, False
                reasons.append(f"decided by '{decider[0].text}'")
            if subj and subj[0].dep_ == "csubj" and subj[0].tag_ == "VBG":
                # "The Chadian team trying to broker a deal met ...": a participle the parser
                # took for the subject; the subject is the noun it describes
                subj = [c for c in subj[0].children if c.dep_ == "nsubj"] or subj
            shared = [] if passive else roles.passive_conjunct_subject(trig)
            if shared:
                subj = shared  # "has been indicted ... and will resign": the indicted resigns
            stative = roles.stative_subject(trig) if passive else []
            if stative:
                subj, passive = stative, False  # "Japan is opposed to the plan"
                reasons.append(f"'{trig.text}' is predicative: its subject acts")
            boss, ordered = roles.orderer(trig)
            bosses = ent.entities(boss, ctx)
            if bosses:
                # "the government ordered the newspaper to close": the one who orders acts;
                # the one ordered is acted on unless it is the orderer's own ("its troops")
                reasons.append(f"ordered by '{boss[0].text}'")
                subj, passive = boss, False
                own = {e.country for e in bosses if e.country}
                ordered = [t for t in ordered if not {e.country for e in ent.entities(
                    [t], ctx)} & own]
            else:
                ordered = []
        else:
            subj, passive = args.noun_actor(hit)
            anchor = hit.governor if hit.governor is not None else trig
        if p.pos == "verb" and "visit" in p.mode and subj and subj[0].pos_ == "NOUN" \
                and not index.get(subj[0].idx) and not args.names_agent(args.measured(subj[0])):
            return None  # "the American aid arrived": a thing that arrives pays no visit
        actor_ents = ent.entities(subj, ctx)
        if subj and actor_ents and all(e.country is None for e in actor_ents):
            # "Iran's navy seized ...": a body with no country of its own is its owner's
            owner = [e for e in ent.entities([c for c in subj[0].children if c.dep_ == "poss"], ctx) if e.country]
            if owner:
                actor_ents = [replace(e, country=owner[0].country) for e in actor_ents]
                reasons.append(f"country of '{actor_ents[0].text}' from its owner "
                               f"'{owner[0].text}'")
        owned = bool(subj) and any(c.dep_ == "poss" and c.lower_ in ("his", "her", "its", "their")
                                   for c in subj[0].children)
        if not any(e.country for e in actor_ents) and subj and (
                subj[0].lower_ in ("he", "she", "it", "they") or owned):
            # "Iraq's government announced that it is prepared to ...", "the Serbs said their
            # forces had withdrawn": a pronoun subject of a reported clause (or its owner)
            # stands for the one who reports it
            rep = [e for e in ent.reporter(trig, ctx) if e.country]
            if rep:
                actor_ents = ([replace(e, country=rep[0].country) for e in actor_ents]
                              if owned and actor_ents else rep)
                reasons.append(f"'{subj[0].text}' belongs to the reporter, "
                               + ", ".join(e.text for e in rep))
        if passive and not actor_ents and p.pos == "verb" and roles.moves_own_forces(
                p.event, p.mode or hit.mode, p.context):
            # "Ugandan troops were withdrawn from Somalia", "UN peacekeepers were pulled out
            # of Mali": with no agent named, whose forces they are moves them
            moved = syntax.passive_subject(trig)
            # the forces are named by the pattern ("withdraw troops") or as forces
            forces_named = hit.extra is not None and hit.extra in moved
            actor_ents = [e for e in ent.entities(moved, ctx) if e.country and (
                forces_named or e.sector in ("MIL", "COP") or e.country == "IGO")]
            if actor_ents:
                passive = False
                reasons.append(f"actor: whose forces '{actor_ents[0].text}' are")
        # recipient
        rec_toks: list[Any] = []
        if p.pos == "verb":
            rec_toks = args.objects(trig, p.recipient)
            if "dobj" in p.recipient:
                # "cordoned off the embassy", "closed off the town": the parser took the
                # verb's particle for a preposition; its object is the verb's direct object
                rec_toks += [o for t in trig.children if t.dep_ == "prep"
                             and t.lower_ not in PREPOSITIONS
                             for o in t.children if o.dep_ == "pobj"]
            if hit.extra is not None:
                rec_toks += args.objects(hit.extra, tuple(x for x in p.recipient if x != "dobj"))
            # the object a pattern names is the recipient only when it names someone
            # ("expelled two Russian diplomats"), not when it is the act ("imposed sanctions")
            rec_toks = [t for t in rec_toks if t not in hit.tokens or index.get(t.idx)]
            # ... but whose act it is names the recipient: "rejected a U.S. request",
            # "support Turkey's efforts", "boycott Algeria's elections", and through a
            # modifying noun: "torched a Russian embassy car", "hit a Syrian army base"
            rec_toks += [m for t in hit.tokens[1:] if t.pos_ in ("NOUN", "PROPN")
                         and not index.get(t.idx) for m in roles.owners(t)
                         if index.get(m.idx)]
            # ... or its of-complement: "accepted the proposal of Egypt", "froze the assets
            # of Russian oligarchs" (named by a modifier)
            rec_toks += [o for t in hit.tokens[1:] if t.pos_ == "NOUN" and not index.get(t.idx)
                         for m in t.children if m.dep_ == "prep" and m.lower_ == "of"
                         for o in m.children if o.dep_ == "pobj"
                         and any(index.get(x.idx) for x in args.expand(o))]
            if p.event == "RETREAT" or p.event == "SANCTION" and roles.moves_own_forces(
                    p.event, p.mode, p.context):
                # "withdrew its soldiers from Gaza", "pulled its forces out of Afghanistan":
                # what a retreat (or a withdrawal of peacekeepers) leaves names whom it
                # yields to, whichever sense codes it
                rec_toks += args.objects(trig, ("from",)) + [
                    o for c in trig.children if c.lower_ == "out" for o in args.objects(c, ("of",))]
            if passive:
                rec_toks += syntax.passive_subject(trig)
            rec_toks += ordered + roles.participle_undergoer(trig)
            if "dobj" in p.recipient:
                rec_toks += roles.shared_objects(trig)
        else:
            rec_toks = args.objects(trig, tuple(x for x in p.recipient if x != "dobj") + ("between", "of"))
            rec_toks += roles.noun_complements(trig)
            if trig.dep_ == "pobj" and trig.head.lower_ in ("in", "during") \
                    and trig.head.head.lemma_.lower() in _DYING:
                # "three soldiers died in an attack by jihadists": who dies in the act is
                # whom it is done to
                rec_toks += [c for c in trig.head.head.children if c.dep_ == "nsubj"]
            if hit.governor is not None:
                # "engaged Filipino peacekeepers in a firefight": the light verb's object
                rec_toks += [t for t in args.objects(hit.governor, p.recipient) if t.i != trig.i]
        rec_toks = [t for t in rec_toks if not is_place_token(t)]
        if p.reciprocal:
            # PLOVER: when the parties are named together ("X and Y met", "talks between X and
            # Y") all are actors; "X met with Y" keeps Y as the recipient, as the subject acts
            partners = [t for t in rec_toks if t.dep_ == "pobj" and t.head.lower_ == "between"]
            partners += [t for t in partners for t in t.conjuncts]
            actor_ids = {e.actor_id for e in actor_ents}
            actor_ents += [e for e in ent.entities(partners, ctx)
                           if e.actor_id not in actor_ids]
            rec_toks = [t for t in rec_toks if t not in partners]
        own_ids = {e.actor_id for e in actor_ents}

        def others(toks: list[Any]) -> list[Entity]:
            # the actor is never its own recipient ("reiterated its demand that Israel ...")
            return [e for e in ent.entities(toks, ctx)
                    if e.actor_id not in own_ids]

        recipient_ents = others(rec_toks)
        if not recipient_ents and p.pos == "verb":
            # "rejected calls by Kofi Annan", "demanded an admission by Moscow"
            deps = p.recipient + (("by", "from") if p.content else ())
            for obj in ([hit.extra] if hit.extra is not None else []) + [
                    c for c in trig.children if c.dep_ == "dobj"]:
                recipient_ents = others(
                    [t for t in args.objects_deep(obj, deps) if not is_place_token(t)])
                if recipient_ents:
                    break
        if not recipient_ents and p.pos == "verb":
            # "gave in to demands from the unions", "bowed to Chinese pressure": the author
            # of the act the verb answers
            recipient_ents = others([t for t in roles.answered_authors(trig)
                                     if not is_place_token(t)])
            if recipient_ents:
                reasons.append("recipient: the author of what it answers")
        if not recipient_ents and p.pos == "verb":
            # "lodged a protest with Croatia", "called for sanctions against Zimbabwe",
            # "renewed its demand that Israel lift ...": the complements of the event noun
            nouns = roles.event_nouns(hit.tokens[1:])
            # "launched artillery, mortar and rocket fire against X": the complement of the
            # last conjunct is the whole coordination's
            for noun in nouns + [c for n in nouns for c in n.conjuncts if c not in nouns]:
                cands = roles.noun_complements(noun)
                if p.content:
                    # "called for the withdrawal of Russian troops": whose act is asked
                    cands += args.objects(noun, ("of",))
                recipient_ents = others([t for t in cands if not is_place_token(t)])
                if not recipient_ents and self.onto.type(p.event).quad in (1, 3):
                    recipient_ents = others(roles.object_place(noun))
                if recipient_ents:
                    reasons.append(f"recipient from the complement of '{noun.text}'")
                    break
        if not recipient_ents and p.pos == "verb":
            # "offered mediation between Russia and Ukraine", "proposed talks with Iran": an
            # event noun as the object of a bare verb pattern names whom the act concerns;
            # the parties of the object of any pattern ("brokered a truce between A and B")
            for obj in (c for c in trig.children if c.dep_ == "dobj"):
                if p.words:
                    cands = roles.between(obj)
                elif any(match_noun(t, self.patterns) for t in (obj, *(
                        c for c in obj.children if c.dep_ == "compound"))):
                    cands = roles.noun_complements(obj) + roles.between(obj) + roles.act_doers(obj)
                else:
                    continue
                recipient_ents = others([t for t in cands if not is_place_token(t)])
                if recipient_ents:
                    reasons.append(f"recipient from the complement of '{obj.text}'")
                    break
        if not recipient_ents and p.content and p.pos == "verb":
            # "Libya offered to hand over two suspects to Britain": whom the content concerns
            for comp in args.complements(trig):
                # "demanded that the US cancel plans": the one asked is the complement's subject
                cands = [c for c in comp.children if c.dep_ in ("nsubj", "nsubjpass")
                         and c.lower_ not in syntax.RELATIVE_PRONOUNS] if comp.dep_ == "ccomp" else []
                cands += args.objects_deep(comp, ("dobj", "to", "with", "against", "on", "from", "of",
                                                  "between"))
                found = others([t for t in cands if not is_place_token(t)])
                if found:
                    recipient_ents = found
                    reasons.append(f"recipient from the complement '{comp.text}'")
                    break
        if not any(e.country for e in recipient_ents) and p.pos == "verb":
            # "opened a probe into abuses by Ethiopian troops", "condemned the arrest of
            # journalists by Egyptian police": an act aimed at an act is aimed at its doer
            acts = [c for c in trig.children if c.dep_ == "dobj"] + [
                g for c in trig.children if c.dep_ == "prep" for g in c.children if g.dep_ == "pobj"]
            acts += [g for t in acts for c in t.children if c.dep_ == "prep"
                     for g in c.children if g.dep_ == "pobj"]
            doers = others([d for t in acts for d in roles.act_doers(t) if not is_place_token(d)])
            if any(e.country for e in doers):
                recipient_ents = doers
                reasons.append("recipient: the doer of the act it is about")
        if not any(e.country for e in recipient_ents) and p.pos == "verb":
            # "Chile called for elections ... Venezuela rejected the call": a bare definite act
            # noun names the act the article told; whose act it was is the recipient
            named = article.named_act(trig, told, actor_ents)
            if named is not None:
                recipient_ents = [e for e in named[1].actor if e.actor_id not in own_ids]
                reasons.append(f"recipient: the actor of {named[1].event} "
                               f"'{text[named[1].trigger.start:named[1].trigger.end]}' that "
                               f"'the {named[0].text}' names")
        if not recipient_ents and hit.parts:
            # "ambushed a convoy, killing four Kenyan soldiers": whom the verbs merged into
            # the event (its result participle, its conjuncts) act on
            recipient_ents = others([t for v in hit.parts for t in args.objects(v, ("dobj",) + p.recipient)
                                     if not is_place_token(t)])
            if recipient_ents:
                reasons.append("recipient from a verb of the same event")
        actor_ids = {e.actor_id for e in actor_ents}
        recipient_ents = [e for e in recipient_ents if e.actor_id not in actor_ids and not (
            # the forces an actor mobilizes or withdraws are its own, not whom it mobilizes
            # against or withdraws from
            e.country in {None} | {a.country for a in actor_ents}
            and (p.event == "MOBILIZE" or p.event == "RETREAT" and e.sector == "MIL"))]
        # "... unless the United States lifts sanctions", "until Israel lifts the siege";
        # "sent arms to help defend Estonia", "refused to allow UN planes to land"
        for tokens_of, why in ((roles.condition_subjects, "from the unless/until clause"),
                               (roles.beneficiaries, "whom the act is for or lets act"),
                               (roles.prepared_against, "whom the armed act prepared is aimed at")):
            if recipient_ents:
                break
            recipient_ents = [e for e in ent.entities(tokens_of(trig), ctx)
                              if e.actor_id not in actor_ids]
            if recipient_ents:
                reasons.append(f"recipient {why}")
        if p.event == "CONSULT" and roles.all_press(recipient_ents):
            return None  # "spoke to reporters", "speaking to the BBC": a statement
        # place
        # a visit's place is also where its verb of travel goes ("travelled to Riyadh")
        place, place_text = event_place(anchor, sent, goal=p.place_recipient)
        if place_text:
            # the event's place is never its recipient ("destroyed a bridge in Kherson")
            recipient_ents = [e for e in recipient_ents if e.text != place_text]
        if p.place_recipient and place is not None and place.country and not recipient_ents:
            actor_countries = {e.country for e in actor_ents}
            if place.country not in actor_countries:
                recipient_ents = [Entity(None, place_text, place.name, place.country, None, None)]
                reasons.append(f"recipient {place.country} from the place visited")
        if place is not None and place.country:
            # police, protesters, courts, rebels with no country named act where they are
            for k, e in enumerate(actor_ents):
                if e.country is None and e.sector in _DOMESTIC_SECTORS:
                    actor_ents[k] = replace(e, country=place.country)
                    reasons.append(f"country of '{e.text}' from the place ({place.name})")
            # ... and those acted on with no country named are people of that place
            # ("police dispersed demonstrators in Monrovia")
            for k, e in enumerate(recipient_ents):
                if e.country is None:
                    recipient_ents[k] = replace(e, country=place.country)
                    reasons.append(f"country of '{e.text}' from the place ({place.name})")
        # an act of state authority in the passive with no agent ("was arrested in Egypt",
        # "was put under investigation in Italy") is the act of the state where it happens
        authority = passive and not actor_ents and roles.authority_act(p.event, p.mode or hit.mode)
        if (p.place_actor or authority) and not actor_ents and place is not None \
                and place.country:
            actor_ents = [Entity(None, place_text, place.name, place.country, None, None)]
            reasons.append(f"actor {place.country} from the place of the event "
                           + ("(the state where it is done)" if authority else "(host)"))
        if not actor_ents:
            # no known actor: keep the one named, with its words and no country ("the party
            # boycotted ...", "gunmen attacked ..."); an event needs someone who acts
            actor_ents = args.unresolved(subj, text, p.event == "ASSAULT")
            if not actor_ents:
                return None
            reasons.append(f"actor '{actor_ents[0].text}' not in the knowledge base")
        if not recipient_ents and place is not None and place.country and not p.place_recipient \
                and len({e.country or e.text for e in actor_ents}) < 2:
            # no one named on the receiving end: the country where it happened (where the
            # parties are named together, "X and Y signed a deal in Jeddah", it is the venue)
            recipient_ents = [Entity(None, place_text, place.name, place.country, None, None)]
            reasons.append(f"recipient {place.country} from the place of the event")
        if actor_ents:
            reasons.append("actor " + ", ".join(f"'{e.text}'" for e in actor_ents)
                           + (" (passive agent)" if passive and not authority else ""))
        if recipient_ents:
            reasons.append("recipient " + ", ".join(f"'{e.text}'" for e in recipient_ents))
        # mood and time
        governor = hit.governor
        if governor is None and p.pos == "noun" and trig.dep_ not in ("nsubj", "csubj"):
            # "would ratify Russia's conquest": the mood of the verb whose object it is; a
            # subject is not ("his visit ... would give new momentum": the visit happened)
            governor = next((a for a in trig.ancestors if a.pos_ in ("VERB", "AUX")), None)
        mode, mode_word = args.aux_mode(trig, governor)
        if mode is None and ahead:
            mode, mode_word = "future", trig.head.text
        background = args.background(trig, p.pos, p.event, hit.governor is not None)
        if background == args.CONTEXT:
            return None  # "amid the war", "when asked": named as the setting, not reported
        if background and mode is None:
            mode, mode_word = "historical", background
        date_text, date, precision = event_when(anchor, trig, sent, pub,
                                                args.tense(anchor, mode))
        if mode is None and is_historical(date, pub, precision):
            mode, mode_word = "historical", date_text or ""
        if mode:
            reasons.append(f"aux_mode {mode} from '{mode_word}'")
        if date_text and date:
            reasons.append(f"date '{date_text}' -> {date} ({precision})")
        elif mode is None and pub:
            date, precision = pub[:10], "day"
        event_type, event_mode = p.event, p.mode or hit.mode
        if event_type in ("ASSAULT", "REJECT") and roles.work_stoppage(trig, subj):
            # "miners began a strike", "the strike by teachers", "nurses walked out": workers
            # stop work
            reasons.append("a strike by workers -> PROTEST (strike)")
            event_type, event_mode = "PROTEST", ("strike",)
        elif event_type == "ASSAULT" and any(roles.by_protesters([c]) for t in subj[:1]
                                             for c in (t, *t.conjuncts)):
            # "protesters torched a police car", "rioters attacked the embassy": violence by
            # those named as protesting is a riot (PLOVER PROTEST, mode riot), and so is a
            # clash they take part in ("clashes between police and protesters")
            reasons.append("violence by protesters -> PROTEST (riot)")
            event_type, event_mode = "PROTEST", ("riot",)
        elif event_type == "PROTEST" and p.pos == "verb" and trig.lemma_.lower() == "protest" \
                and roles.by_state(subj, actor_ents):
            # "India protested China's dam", "Japan protested to Beijing": a state's protest
            # is a complaint, not a demonstration
            reasons.append("a protest by a state -> ACCUSE (disapprove)")
            event_type, event_mode = "ACCUSE", ("disapprove",)
        left = roles.agreement_object(trig) if event_type in ("RETREAT", "SANCTION") else None
        if left is not None:
            # "withdrew from the deal", "pulled out of the treaty": the agreement is rejected
            reasons.append(f"{event_type} from an agreement ('{left.text}') -> REJECT")
            event_type, event_mode = "REJECT", ()
        etype = self.onto.type(event_type)
        if mode == "negation" and etype.quad in (1, 2) and event_type != "REJECT" and (
                args.negating_governor(trig) is not None or (
                    args.modal_future(trig)
                    and ent.stated_by_actor(trig, actor_ents, ctx) is not None)):
            # "failed to reach agreement", "said it would not meet the demands": a refusal
            reasons.append(f"{event_type} its actor refuses or says it will not do -> REJECT")
            event_type, event_mode, mode = "REJECT", (), None
            etype = self.onto.type(event_type)
        if mode == "hypothetical" and mode_word.lower() in _OBLIGATION and event_type != "REQUEST":
            # "Chirac reminded Iraq that it must cooperate": the speaker asks it of the actor
            asker = ent.reporter(trig, ctx)
            if asker and not {e.actor_id for e in asker} & {e.actor_id for e in actor_ents}:
                reasons.append(f"'{mode_word} {trig.text}' reported by "
                               f"{', '.join(e.text for e in asker)} -> REQUEST of the actor")
                recipient_ents, actor_ents = actor_ents, asker
                event_type, event_mode, mode = "REQUEST", (), None
                etype = self.onto.type(event_type)
        # a commitment on a negative condition is a threat: "will boycott ... unless"
        marks = roles.condition_marks(trig) if mode in ("future", "hypothetical") else set()
        unless = "unless" in marks and event_type != "THREATEN"
        # "they would meet the mediator if he gave them a veto": a conditional offer; "Egypt
        # may halt its mediation if the shelling goes on": a hostile act on a condition is a
        # threat, like one on an unless-condition
        offer = "if" in marks and etype.quad == 1 and event_type != "AGREE"
        unless = unless or ("if" in marks and etype.quad == 4)
        if mode in ("future", "hypothetical") and (etype.quad in (2, 4) or unless or offer
                                                   or event_type == "CONCEDE"):
            # "Nigeria said it will withdraw its force unless ...", "X pledged ... will free":
            # a material act its own actor announces is an offer (AGREE) or a threat (THREATEN)
            stated = ent.stated_by_actor(trig, actor_ents, ctx)
            if stated is None and unless:
                stated = trig  # "Greece will block the talks unless ...": a conditioned act
            if stated is not None:
                intent = "THREATEN" if etype.quad == 4 or unless else "AGREE"
                reasons.append(f"{event_type} announced by its actor ('{stated.text}', {mode}) "
                               f"-> {intent}")
                event_type, event_mode, mode = intent, (), None
                etype = self.onto.type(event_type)
        t0 = min(t.idx for t in hit.tokens)
        t_end = max(t.idx + len(t) for t in hit.tokens)
        if t_end - t0 > 60:
            t0, t_end = trig.idx, trig.idx + len(trig)
        confidence = 0.5 + 0.25 * bool(actor_ents) + 0.15 * bool(recipient_ents) + 0.1 * (p.pos == "verb")
        return Event(
            id=f"E{n}", event=event_type, actor=tuple(actor_ents), recipient=tuple(recipient_ents),
            trigger=Span.of(text, t0, t_end), sentence=Span.of(text, sent.start_char, sent.end_char),
            mode=event_mode, context=p.context, aux_mode=mode, date=date, date_text=date_text,
            date_precision=precision if date else None,
            event_loc=place, quad_code=etype.quad, intensity=etype.intensity(event_mode),
            reported_by=reported, coder=self.name, confidence=round(min(confidence, 0.95), 2),
            reason="; ".join(reasons),
        )
