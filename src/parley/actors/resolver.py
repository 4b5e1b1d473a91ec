"""Resolve mention candidates to actors: knowledge base first, then titles and appositions,
then coreference (names, descriptions, pronouns) inside the article.

Every resolution records ``method`` and a ``reason`` in words.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

from parley import limits
from parley.actors.kb import (
    NOT_THE_HOLDER,
    TERRITORY_KINDS,
    Hit,
    KnowledgeBase,
    normalise_alias,
)
from parley.actors.mentions import (
    NEUTER_PRONOUNS,
    PERSONAL_PRONOUNS,
    PLURAL_PRONOUNS,
    Candidate,
    mention_text,
)

# prepositions after which a capital or city is a place, not an actor ("arrived in Moscow")
_LOCATIVE = {"in", "at", "to", "from", "near", "into", "across", "outside", "inside", "around",
             "toward", "towards", "through", "via", "throughout", "within", "over", "between"}
# prepositions after which a country's name says where, not who ("fighting in Ukraine")
_WHERE = frozenset({"in", "at", "near", "across", "throughout", "inside"})
_GOV_HEADS = {"administration", "government", "cabinet", "regime", "authorities", "leadership"}
_COUNTERPART = {"counterpart", "counterparts", "opposite number"}
# verbs after which "to <capital>" is a destination, not an addressee
_MOTION = {"go", "travel", "fly", "arrive", "return", "head", "move", "come", "send", "deploy",
           "drive", "sail", "flee", "march", "walk", "deport", "extradite", "transfer", "trip",
           "visit", "journey", "relocate", "evacuate", "bring", "take", "ship", "export"}
_DETERMINERS = {"the", "a", "an", "his", "her", "its", "their", "our", "this", "that", "these",
                "those"}
# titles that say nothing of the body a person speaks for
_GENERIC_OFFICES = {"Spokesperson", "Minister", "Leader"}


SUBTREE_TOKENS = 40  # a modifier that names a country is short ("of the Republic of Korea")


def subtree_indices(tok: Any, limit: int = SUBTREE_TOKENS) -> list[int]:
    """The token indices of ``tok``'s subtree, at most ``limit`` of them
    (``tok`` and the first ones in pre-order), sorted.

    An explicit stack, not spaCy's ``Token.subtree``: that one recurses once per level, and
    a parse of one word repeated 45,000 times is deep enough to overflow the C stack
    (a segfault); and a country word is looked up in windows over these tokens, so an
    unbounded subtree made each mention cost as much as the sentence.
    """
    found: list[int] = []
    stack = [tok]
    while stack and len(found) < limit:
        t = stack.pop()
        found.append(t.i)
        stack.extend(reversed(list(t.children)))
    return sorted(found)


# peoples (in the plural) who live in several states, so that a country word before them says
# which: "Bosnian Serbs" live in Bosnia, "Iraqi Kurds" in Iraq; a civic demonym ("Cypriots",
# "Bosnians") is not among them: "Turkish Cypriots" are Cypriots
PEOPLES = frozenset({
    "serbs", "croats", "albanians", "kurds", "hungarians", "russians", "turks", "arabs",
    "tamils", "pashtuns", "uighurs", "uyghurs", "tajiks", "uzbeks", "armenians", "azeris",
    "greeks", "romanians", "poles", "germans", "somalis", "hutus", "tutsis", "berbers",
    "baluchs", "baloch", "shiites", "shias", "sunnis", "christians", "muslims", "jews",
    "druze", "copts", "maronites", "alawites", "yazidis", "rohingya", "roma", "palestinians",
})
# head words of the names of non-governmental bodies
_NGO_WORDS = frozenset({"association", "foundation", "forum", "society", "watch", "network",
                        "institute"})
# bodies above states: one named in a person's title is whom they serve
_BODIES = frozenset({"IGO", "NGO"})
# words that put a title in the past: it names no role in force on the day
_PAST = frozenset({"former", "ex", "late", "then", "onetime", "one-time", "erstwhile", "retired"})


@dataclass
class ActorRecord:
    """An actor being assembled: the resolver's working copy."""

    key: str
    name: str
    country: str | None
    sector: str | None
    office: str | None
    kb_id: str | None
    kind: str  # person | country | org | group | nominal
    method: str
    reason: str
    plural: bool = False


def named_as_place(head: Any) -> bool:
    """A name after a preposition of place ("in Yemen", "at Gaza"): where, not who."""
    return bool(head.dep_ == "pobj" and head.head.lower_ in _WHERE)


class Resolver:
    def __init__(self, kb: KnowledgeBase) -> None:
        self.kb = kb
        self._surnames: dict[str, list[Any]] | None = None

    def _by_surname(self, word: str) -> list[Any]:
        """People whose name ends in ``word`` (built once, on first use)."""
        if self._surnames is None:
            index: dict[str, list[Any]] = {}
            for e in self.kb.entries():
                if e.kind == "person" and e.roles:
                    for name in (e.name, *e.aliases):
                        parts = normalise_alias(name).split()
                        if len(parts) > 1:
                            # the family name comes last, or first ("Kim Dae-jung")
                            for key in {parts[-1], parts[0]}:
                                index.setdefault(key, [])
                                if e not in index[key]:
                                    index[key].append(e)
            self._surnames = index
        return self._surnames.get(normalise_alias(word), [])

    def _by_title_and_surname(self, doc: Any, c: Candidate, date: str | None,
                              ctx_country: str | None,
                              ctx_title: tuple[str, str] | None) -> ActorRecord | None:
        """'President Bush' in 2003: of the people called Bush, the one who held an office
        of that title, in that country, on the article's date."""
        if not date or ctx_title is None or c.end - c.start != 1:
            return None
        word = doc[c.start].text
        title_words = set(normalise_alias(ctx_title[0]).split())
        fits = []
        for e in self._by_surname(word):
            for r in e.roles:
                if not r.in_force(date[:10]):
                    continue
                if ctx_country and r.country != ctx_country:
                    continue
                if title_words & set(normalise_alias(r.office).split()):
                    fits.append((e, r))
                    break
        if len({e.id for e, _r in fits}) != 1:
            return None
        e, r = fits[0]
        return ActorRecord(f"kb:{e.id}:{r.sector or ''}", e.name, r.country or e.country, r.sector,
                           r.office, e.qid or e.id, "person", "kb-title",
                           f"{doc[c.start - 1:c.end].text!r}: the only {word} holding an office "
                           f"titled {ctx_title[0]!r} on {date}: {r.office} {r.span()}")

    # ----------------------------------------------------------------- helpers
    def demonym(self, text: str) -> Any:
        """The country of a demonym, singular or plural ("Albanians", "Israelis")."""
        entry = self.kb.country_of_demonym(text)
        if entry is None and len(text) > 4 and text.endswith("s"):
            entry = self.kb.country_of_demonym(text[:-1])
        return entry

    def _country_of_text(self, text: str, date: str | None, states_only: bool = False
                         ) -> str | None:
        demonym = self.demonym(text)
        if demonym is not None:
            return demonym.id
        for hit in self.kb.lookup(text, date):
            if hit.entry.kind in TERRITORY_KINDS or hit.via in ("capital", "seat"):
                return hit.country
            if not states_only and hit.entry.kind in ("igo", "org", "media", "group") \
                    and hit.country:
                return hit.country  # "the United Nations Emergency Relief Coordinator"
        return None

    def countries_in(self, doc: Any, idxs: list[int], date: str | None,
                      name: bool = False) -> str | None:
        """The first country named or implied among these tokens (one to three words): a
        state's name or demonym first, then a body's ("U.S. National Security Council" is
        American, not the UN Security Council's). In the ``name`` of another body, a party's
        one-word alias does not place it: "Conservatives", "Labour", "Greens" name a creed
        that parties of many countries share ("Senate Conservatives Fund", "Young Labour
        Network" are not the British party's)."""
        order = sorted(idxs)
        # the texts of the runs of adjacent tokens, longest first, read once for both passes
        texts = [doc[order[k]:order[k] + n].text for n in (3, 2, 1)
                 for k in range(len(order) - n + 1) if order[k + n - 1] - order[k] == n - 1]
        for states_only in (True, False):
            for text in texts:
                if name and not states_only and " " not in text and len(order) > 1 and any(
                        h.sector == "PTY" and h.via == "alias" for h in self.kb.lookup(text, date)):
                    continue
                country = self._country_of_text(text, date, states_only)
                if country:
                    return country
        return None

    def _title(self, doc: Any, idxs: list[int]) -> tuple[str, str] | None:
        words = [doc[i] for i in sorted(idxs)
                 if doc[i].pos_ in ("NOUN", "PROPN", "ADJ") and doc[i].ent_type_ not in ("NORP", "GPE")]
        if not words:
            return None
        return self.kb.office_sector(" ".join(w.text for w in words)) or next(
            (hit for hit in (self.kb.office_sector(w.text) for w in reversed(words)) if hit), None)

    def _body_sector(self, doc: Any, idxs: list[int], date: str | None
                     ) -> tuple[str | None, str] | None:
        """(country, sector) of the body a generic title speaks for: "a Hamas official",
        "Thai police spokesman" -> the group's or the force's sector, not GOV; a seat stands
        for the body it houses ("a Pentagon spokesman" -> USA, MIL; "a State Department
        official" -> USA, GOV)."""
        for i in sorted(idxs):
            t = doc[i]
            if t.pos_ not in ("NOUN", "PROPN", "ADJ"):
                continue
            # a body's name may be two words ("State Department"): the compound chain
            words = " ".join(doc[k].text for k in subtree_indices(t, 4)
                             if doc[k].dep_ in ("compound", "amod") or k == i) \
                if t.dep_ == "compound" else t.text
            org = next((h for text in dict.fromkeys((words, t.text))
                        for h in self.kb.lookup(text, date)
                        if h.entry.kind in ("group", "igo", "org", "media", "seat") and h.sector),
                       None)
            if org is not None:
                return org.country, str(org.sector)
            inner = self.kb.office_sector(t.text)
            if inner is not None and inner[1] != "GOV":
                return None, inner[1]
        return None

    # ----------------------------------------------------------------- names
    def resolve_name(self, doc: Any, c: Candidate, date: str | None) -> ActorRecord | None:
        text = mention_text(doc, c)
        head = c.head(doc)
        hits = self.kb.lookup(text, date)
        ctx_country = self.countries_in(doc, c.context, date) if c.context else None
        ctx_title = self._title(doc, c.context) if c.context else None
        if any(doc[i].lower_ in _COUNTERPART for i in c.context):
            ctx_title = ("counterpart", "GOV")
        elif ctx_title is not None and ctx_title[0] in _GENERIC_OFFICES:
            body = self._body_sector(doc, c.context, date)
            if body is not None:
                ctx_country = ctx_country or body[0]
                ctx_title = (ctx_title[0], body[1])
        if hits and _other_party(doc, c, hits[0]):
            # "Young Conservatives", "Free Democrats": another party, of no known country
            name = f"{doc[c.start - 1].text} {text}"
            return ActorRecord(f"org:{normalise_alias(name)}", name, None, "PTY", None, None,
                               "org", "unresolved",
                               f"party {name!r}: not the {hits[0].entry.name} its last word names")
        if hits:
            hit = self._pick(hits, ctx_country)
            rec = self._from_hit(doc, c, hit, head)
            now = rec is not None and hit.entry.kind == "person" and not any(
                doc[i].lower_.strip("-") in _PAST for i in c.context)
            if now and rec is not None and hit.office is None and ctx_country in _BODIES \
                    and ctx_country != rec.country:
                # no office of theirs is known that day: the international body the text's
                # title names is whom they act for now, over a role that has ended ("U.N.
                # mediator X", "African Union envoy X"); "former president X" tells none. A
                # state's title word may name another state's body ("Congress leader X")
                rec = replace(rec, country=ctx_country,
                              reason=f"{rec.reason}; country {ctx_country} from the title")
            if now and rec is not None and hit.sector is None and ctx_title is not None:
                # no role of theirs is in force that day: the text's title tells the role
                # ("Thai police spokesman X")
                rec = replace(rec, key=f"kb:{hit.entry.id}:{ctx_title[1]}", office=ctx_title[0],
                              sector=ctx_title[1], country=rec.country or ctx_country,
                              reason=f"{rec.reason}; office {ctx_title[0]!r} -> {ctx_title[1]}"
                                     " from the title")
            return rec
        people = self._people_of(doc, c, text, date) if c.label in ("PERSON", "NORP") else None
        if people is not None:
            return people
        if c.label == "PERSON" or (c.label == "KB" and ctx_title):
            by_title = self._by_title_and_surname(doc, c, date, ctx_country, ctx_title)
            if by_title is not None:
                return by_title
            if ctx_country or ctx_title:
                office, sector = ctx_title or (None, None)
                if ctx_title and ctx_title[0].lower() in _COUNTERPART:
                    office, sector = "counterpart", "GOV"
                why = []
                if ctx_country:
                    why.append(f"country {ctx_country} from the title/apposition")
                if ctx_title:
                    why.append(f"office {office!r} -> {sector}")
                return ActorRecord(f"person:{normalise_alias(text)}", text, ctx_country, sector,
                                   office, None, "person", "title",
                                   f"{text!r}: not in the knowledge base; " + "; ".join(why))
            return ActorRecord(f"person:{normalise_alias(text)}", text, None, None, None, None,
                               "person", "unresolved",
                               f"person {text!r}: not in the knowledge base and no title")
        if c.label in ("ORG", "KB", "FAC"):
            return self._org(doc, c, text, date)
        return None  # GPE/LOC not in the base: a place, not an actor

    @staticmethod
    def _pick(hits: list[Hit], ctx_country: str | None) -> Hit:
        if ctx_country:
            for hit in hits:
                if hit.country == ctx_country:
                    return hit
        return hits[0]

    def _from_hit(self, doc: Any, c: Candidate, hit: Hit, head: Any) -> ActorRecord | None:
        e = hit.entry
        if hit.via == "capital" and head.dep_ == "pobj" and head.head.lower_ in _LOCATIVE:
            verb = head.head.head
            if head.head.lower_ not in ("to", "toward", "towards") or verb.lemma_ in _MOTION:
                return None  # "arrived in Moscow", "flew to Beijing": a place
            # "protested to Tokyo", "appealed to Washington": the government addressed
        if e.kind in TERRITORY_KINDS and hit.via in ("name", "alias") and named_as_place(head) \
                and head.head.head.pos_ == "VERB":
            # "fighting in Ukraine": a place; the country stays an actor elsewhere
            return None
        kind = e.kind if e.kind in ("person", "country") else (
            "country" if e.kind in TERRITORY_KINDS else "org")
        sector = hit.sector
        key = f"kb:{e.id}:{sector or ''}"
        return ActorRecord(key, e.name, hit.country, sector, hit.office, e.qid or e.id, kind,
                           f"kb-{hit.via}", hit.reason)

    def _org(self, doc: Any, c: Candidate, text: str, date: str | None) -> ActorRecord | None:
        idxs = list(range(c.start, c.end))
        country = self.countries_in(doc, idxs, date, name=True)
        title = self.kb.office_sector(text)
        if title is None and _NGO_WORDS & {doc[i].lower_ for i in idxs}:
            # "the Association of Independent Lawyers", "Global Water Forum": a body of
            # citizens; with no country word it is an international one (PLOVER's NGO)
            where = f"country {country} from a country word in the name" if country else \
                "no country word: an international one"
            return ActorRecord(f"org:{normalise_alias(text)}", text, country or "NGO", "NGO",
                               None, None, "org", "name-parts",
                               f"{text!r}: a non-governmental body by its name; {where}")
        if country is None and title is None:
            return ActorRecord(f"org:{normalise_alias(text)}", text, None, None, None, None, "org",
                               "unresolved", f"organisation {text!r}: not in the knowledge base")
        office, sector = title or (None, None)
        return ActorRecord(f"org:{normalise_alias(text)}", text, country, sector, None, None, "org",
                           "name-parts",
                           f"{text!r}: country {country or 'unknown'} from a country word in the "
                           f"name" + (f"; {office!r} -> {sector}" if title else ""))

    # ----------------------------------------------------------------- nominals
    def resolve_nominal(self, doc: Any, c: Candidate, date: str | None,
                        possessor: ActorRecord | None) -> ActorRecord | None:
        head = c.head(doc)
        title_text = mention_text(doc, c)
        title = self.kb.office_sector(title_text) or self.kb.office_sector(head.lemma_)
        if title is None:
            return None
        office, sector = title
        mods = [t.i for t in head.children if t.dep_ in ("amod", "compound", "nmod", "poss")]
        for prep in head.children:
            if prep.dep_ == "prep" and prep.lower_ in ("of", "in", "for", "from"):
                mods.extend(t.i for t in prep.children if t.dep_ == "pobj")
        country = None
        for i in mods:
            limits.check("actors")
            country = self._country_of_text(doc[i].text, date) or self.countries_in(
                doc, subtree_indices(doc[i]), date)
            if country:
                break
        if office in _GENERIC_OFFICES:
            # "Thai police spokesman" speaks for the police, "a Hamas official" for Hamas
            body = self._body_sector(
                doc, [i for i in mods if doc[i].dep_ in ("compound", "amod", "nmod")], date)
            if body is not None:
                country, sector = country or body[0], body[1]
        plural = head.tag_ in ("NNS", "NNPS")
        holder = self._holder(doc, c, head, office, country, date, plural)
        if holder is not None:
            return holder
        if head.lemma_.lower() in _GOV_HEADS or head.lower_ in _GOV_HEADS:
            # "the Biden administration": the government of the named person's country
            for t in head.lefts:
                if t.ent_type_ == "PERSON" and possessor is not None and possessor.country:
                    country = country or possessor.country
        if possessor is not None and head.lower_ in _COUNTERPART:
            sector = possessor.sector or sector
        if country is None and possessor is not None and any(
                t.dep_ == "poss" and t.ent_type_ in ("GPE", "ORG", "NORP") for t in head.children):
            country = possessor.country
        kind = "nominal"
        key = f"nominal:{country or '---'}:{sector}:{office.lower() if not plural else ''}"
        reason = (f"{title_text!r}: office/group word -> {office} ({sector})"
                  + (f"; country {country} from its modifier" if country else "; no country word"))
        if country and plural:
            # a group named in many ways ("Indian troops", "Indian army officials") is one
            # actor: the country's armed forces, police, officials ...
            entry = self.kb.country(country)
            name = f"{entry.name if entry else country} ({office.lower()})"
        else:
            # the whole modifier: "State Department official", not "Department official"
            start = min([doc[i].left_edge.i for i in mods] + [c.start])
            while start < c.end and doc[start].lower_ in _DETERMINERS:
                start += 1
            name = doc[start:c.end].text
        return ActorRecord(key, name, country, sector, office, None, kind, "nominal", reason, plural)

    def _holder(self, doc: Any, c: Candidate, head: Any, office: str, country: str | None,
                date: str | None, plural: bool) -> ActorRecord | None:
        """"the British prime minister", "Russia's foreign minister": the one person who held
        that office of that country on the article's date, when the base knows them."""
        if plural or country is None:
            return None
        # the whole title: "prime minister", "foreign minister" (the mention may be its head)
        title = [t for t in head.lefts if t.dep_ in ("compound", "amod")
                 and t.ent_type_ not in ("NORP", "GPE") and self.demonym(t.text) is None]
        full = self.kb.office_sector(" ".join([t.text for t in title] + [head.text]))
        office = full[0] if full else office
        if office in _GENERIC_OFFICES:
            return None
        words = {t.lower_.strip("-") for t in doc[c.start:c.end]} | {
            t.lower_ for t in head.lefts}
        if words & NOT_THE_HOLDER or any(t.dep_ == "det" and t.lower_ in ("a", "an", "another")
                                          for t in head.children):
            return None  # "a former prime minister", "the deputy foreign minister"
        hit = self.kb.holder(office, country, date)
        if hit is None:
            return None
        rec = self._from_hit(doc, c, hit, head)
        return None if rec is None else replace(rec, method="office-holder",
                                                reason=f"{mention_text(doc, c)!r}: {hit.reason}")

    def counterpart(self, doc: Any, c: Candidate, owner: ActorRecord,
                    date: str | None) -> ActorRecord | None:
        """The counterpart in the country the demonym ``c`` names of ``owner`` (an actor with
        an office): that office's holder that day when the base knows exactly one (as
        ``_holder``), else the country's office as a nominal actor."""
        entry = self.demonym(mention_text(doc, c))
        title = None if entry is None or owner.office is None \
            else self.kb.office_sector(owner.office)
        if entry is None or title is None:
            return None
        office, sector = title
        hit = self.kb.holder(office, entry.id, date)
        rec = None if hit is None else self._from_hit(doc, c, hit, c.head(doc))
        if hit is not None and rec is not None:
            return replace(rec, method="kb-counterpart",
                           reason=f"counterpart of {owner.name} ({office}) in {entry.id}: "
                                  f"{hit.reason}")
        return ActorRecord(f"nominal:{entry.id}:{owner.sector or sector}:{office.lower()}",
                           f"{entry.name} ({office.lower()})", entry.id, owner.sector or sector,
                           office, None, "nominal", "nominal",
                           f"counterpart of {owner.name} ({office}) in {entry.id}; no single "
                           f"holder known that day")

    def resolve_demonym(self, doc: Any, c: Candidate, date: str | None) -> ActorRecord | None:
        text = mention_text(doc, c)
        head = c.head(doc)
        if any(t.lower_ == "ethnic" for t in head.lefts):
            return self._ethnic_group(doc, head, text, date)
        if head.lower_ in PEOPLES and c.start > 0 and doc[c.start - 1].head.i == head.i \
                and doc[c.start - 1].dep_ in ("amod", "compound"):
            # "Croatian Serbs", "Kosovo Albanians": a people of several states, qualified by
            # the one it lives in
            country = self._country_of_text(doc[c.start - 1].text, date, states_only=True)
            if country is not None:
                return _people(f"{doc[c.start - 1].text} {text}", country)
        entry = self.demonym(text)
        if entry is None:
            hits = self.kb.lookup(text, date)
            if not hits or _other_party(doc, c, hits[0]):
                return None  # "Social Democrats", "Free Democrats": another party
            return self._from_hit(doc, c, hits[0], c.head(doc))
        return ActorRecord(f"kb:{entry.id}:", entry.name, entry.id, None, None, entry.qid or entry.id,
                           "country", "kb-demonym", f"demonym {text!r} of {entry.name}")

    def _people_of(self, doc: Any, c: Candidate, text: str, date: str | None
                   ) -> ActorRecord | None:
        """"Bosnian Serbs", "Lebanese Shiites": a people named by the country it lives in and
        a plural (the tagger often takes it for a person's name); coded by that country."""
        toks = doc[c.start:c.end]
        if len(toks) != 2 or toks[1].tag_ not in ("NNS", "NNPS") or \
                not toks[1].text[:1].isupper():
            return None
        if toks[1].lower_ not in PEOPLES and self.demonym(toks[1].text) is not None:
            return None  # "Turkish Cypriots" are Cypriots: the head's own country holds
        country = self._country_of_text(toks[0].text, date, states_only=True)
        return None if country is None else _people(text, country)

    def _ethnic_group(self, doc: Any, head: Any, text: str, date: str | None) -> ActorRecord:
        """"Ethnic Hungarians in Romania": a people, not the state its name comes from; it is
        coded by the country it lives in, when a phrase on it says where (in/from/of X)."""
        country = None
        for prep in head.rights:
            if prep.dep_ == "prep" and prep.lower_ in ("in", "from", "of", "across"):
                for obj in prep.children:
                    if obj.dep_ == "pobj":
                        words = doc[obj.left_edge.i:obj.i + 1].text
                        country = self._country_of_text(words, date, states_only=True) or \
                            self._country_of_text(obj.text, date, states_only=True)
                if country:
                    break
        name = f"ethnic {text}"
        where = f"lives in {country}" if country else "no phrase says where it lives"
        return ActorRecord(f"ethnic:{country or '---'}:{normalise_alias(text)}", name, country,
                           None, None, None, "group", "ethnic-group",
                           f"{name!r}: an ethnic group, coded by where it lives ({where})")


def _people(words: str, country: str) -> ActorRecord:
    return ActorRecord(f"people:{country}:{normalise_alias(words)}", words, country, None, None,
                       None, "group", "people-of-country",
                       f"{words!r}: a people, coded by the country its first word names "
                       f"({country})")


def pronoun_kind(c: Candidate) -> str:
    if c.label in PERSONAL_PRONOUNS:
        return "person"
    if c.label in PLURAL_PRONOUNS:
        return "plural"
    if c.label in NEUTER_PRONOUNS:
        return "neuter"
    return ""


# words of creed that make another party of a party's one-word alias: "Social Democrats",
# "Christian Democrats", "Free Democrats", "Young Conservatives" are not the American or British
# party the bare word names ("Senate Democrats", "House Republicans" still are)
_CREEDS = frozenset({"social", "christian", "free", "liberal", "new", "progressive", "national",
                     "radical", "young", "left", "socialist", "popular", "civic", "united"})


def _other_party(doc: Any, c: Candidate, hit: Hit) -> bool:
    if hit.via != "alias" or hit.sector != "PTY" or c.end - c.start != 1 or c.start == 0:
        return False
    before = doc[c.start - 1]
    return before.lower_ in _CREEDS and before.text[:1].isupper() \
        and before.dep_ in ("amod", "compound") and before.head.i == c.start

