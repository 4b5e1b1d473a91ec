"""Argument structure by linguistic class, each rule on sentences written for it (never a
gold sentence): subjects through raising and participle clauses, coordination, passive and
predicative forms, recipients from event-noun complements and unless/until clauses, ordering,
hostile claims, and a sense taken from what a verb of leaving leaves."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from parley.model import Document, Event

pytestmark = pytest.mark.model

# (sentence, expected type, actor countries (any of), recipient countries (any of),
#  types that must not appear)
Case = tuple[str, str, set[str], set[str], set[str]]

CLASSES: dict[str, list[Case]] = {
    # a raising predicate ("is expected to", "seems to") is no event: its complement is,
    # with the raised subject as actor
    "raising": [
        ("Turkey is expected to impose sanctions on Syria.", "SANCTION", {"TUR"}, {"SYR"},
         {"AGREE"}),
        ("Egypt appears to have expelled the Qatari ambassador.", "SANCTION", {"EGY"}, {"QAT"},
         set()),
        ("Greece is likely to veto the Turkish proposal.", "REJECT", {"GRC"}, {"TUR"}, set()),
    ],
    # control: the subject of the controlling predicate acts
    "control": [
        ("Germany is prepared to meet Russian officials in Geneva.", "CONSULT", {"DEU"}, {"RUS"},
         set()),
        ("France hopes to sign a trade agreement with Vietnam next month.", "AGREE", {"FRA"},
         {"VNM"}, set()),
        ("Kenya is eager to mediate between Ethiopia and Eritrea.", "CONSULT", {"KEN"},
         {"ETH", "ERI"}, set()),
    ],
    # suspending a state or a body is suspending its membership; suspending aid or talks
    # keeps the object's sense
    "suspension": [
        ("The African Union suspended Niger after the military coup.", "SANCTION", {"IGO"},
         {"NER"}, set()),
        ("The Commonwealth suspended Fiji.", "SANCTION", set(), {"FJI"}, set()),
        ("Egypt suspended talks with Ethiopia.", "REJECT", {"EGY"}, {"ETH"}, {"SANCTION"}),
        ("The EU suspended aid to Niger.", "SANCTION", {"IGO"}, {"NER"}, set()),
    ],
    # readiness adjectives ("is willing to", "is prepared to") control their complement:
    # a material act its actor is ready to do is an offer, or a threat when hostile
    "readiness": [
        ("Norway is willing to send food aid to Yemen.", "AGREE", {"NOR"}, set(), {"AID"}),
        ("The Thai government said it is prepared to impose martial law.", "THREATEN",
         {"THA"}, set(), {"COERCE"}),
        ("Chile is prepared to lift the ban on Peruvian imports.", "AGREE", {"CHL"}, set(),
         {"CONCEDE"}),
    ],
    # a pronoun subject of a reported clause stands for the one who reports it
    "reporter pronoun": [
        ("Iraq's government announced that it will expel the Turkish ambassador.", "THREATEN",
         {"IRQ"}, {"TUR"}, set()),
        ("The Sudanese army said that it would attack the rebel camps.", "THREATEN", {"SDN"},
         set(), set()),
        ("Morocco's foreign ministry said it had recalled its envoy from Algeria.", "SANCTION",
         {"MAR"}, set(), set()),
        ("Serbian officials said their forces had completed their withdrawal from Kosovo.",
         "RETREAT", {"SRB"}, set(), set()),
        ("The Turkish government said its troops had shelled Kurdish positions.", "ASSAULT",
         {"TUR"}, set(), set()),
        ("Ethiopia said its soldiers had withdrawn from the Eritrean border.", "RETREAT",
         {"ETH"}, set(), set()),
    ],
    # a complaint holds what it reports against its actor, whatever it is
    "complaint": [
        ("Egypt complained that Ethiopia had ignored its concerns over the dam.", "ACCUSE",
         {"EGY"}, {"ETH"}, set()),
        ("Greek officials protested that Turkish jets had entered Greek airspace.", "ACCUSE",
         {"GRC"}, {"TUR"}, {"PROTEST"}),
        ("Poland complained that Belarus was pushing migrants across the border.", "ACCUSE",
         {"POL"}, {"BLR"}, set()),
    ],
    # the sense of a verb from its object's class: people evacuated are rescued, roads
    # blocked are an obstruction
    "object class": [
        ("Turkish helicopters evacuated wounded civilians from the Syrian town of Afrin.", "AID",
         {"TUR"}, {"SYR"}, {"RETREAT"}),
        ("Russian troops evacuated their positions near Kherson.", "RETREAT", {"RUS"}, set(),
         {"AID"}),
        ("Bolivian farmers blocked roads into La Paz.", "PROTEST", {"BOL"}, set(), {"REJECT"}),
        ("Kenyan truck drivers blocked traffic in Nairobi.", "PROTEST", {"KEN"}, set(),
         {"REJECT"}),
    ],
    # the aim of an act (an infinitive of purpose) is no act of its own
    "purpose": [
        ("Kenya deployed police officers to Haiti to fight gangs.", "MOBILIZE", {"KEN"},
         {"HTI"}, {"ASSAULT"}),
        ("Russia sent troops to Belarus to attack Ukraine.", "MOBILIZE", {"RUS"}, {"BLR"},
         {"ASSAULT"}),
        ("Liberian police fired tear gas to disperse protesters in Monrovia.", "ASSAULT",
         {"LBR"}, set(), set()),
    ],
    # a cooperative act its actor would do on a condition is an offer
    "conditional offer": [
        ("Afghan rebel leaders said they would meet the UN envoy if he gave them guarantees.",
         "AGREE", {"AFG"}, {"IGO"}, {"CONSULT"}),
        ("Serbia said it would support the Kosovo plan if Pristina dropped its demands.",
         "AGREE", {"SRB"}, set(), {"SUPPORT"}),
        ("Syria said it would negotiate with Israel if the Golan were returned.", "AGREE",
         {"SYR"}, {"ISR"}, {"CONSULT"}),
    ],
    # a reduced relative describes a noun; its act is not the news
    "reduced relative": [
        ("A group of Moroccan diplomats met Obama at a lunch hosted by the Kenyan ambassador.",
         "CONSULT", {"MAR"}, {"USA"}, set()),
        ("The Chadian team trying to broker a peace deal met Sudanese officials.", "CONSULT",
         {"TCD"}, {"SDN"}, set()),
        ("The first Western delegation to visit Bucharest met Romanian leaders.", "CONSULT",
         set(), {"ROU"}, set()),
    ],
    # a passive participle clause acts on the subject it modifies, in its own mood
    "participle": [
        ("Backed by Egypt, Sudan rejected the Ethiopian proposal.", "SUPPORT", {"EGY"}, {"SDN"},
         set()),
        ("Praised by Japan, India refused to sign the Chinese proposal.", "SUPPORT", {"JPN"},
         {"IND"}, set()),
        ("Backed by Russia, Serbia did not sign the Kosovo agreement.", "SUPPORT", {"RUS"}, {"SRB"},
         set()),
    ],
    # coordinated verbs: each is an act of its own, and they share an object
    "coordination": [
        ("Israeli police arrested and questioned two Palestinian activists.", "COERCE", {"ISR"},
         {"PSE"}, set()),
        ("Iran criticized and then rejected the American proposal.", "REJECT", {"IRN"}, {"USA"},
         set()),
        ("Iran criticized and then rejected the American proposal.", "ACCUSE", {"IRN"}, {"USA"},
         set()),
        ("Montenegro's prime minister has been indicted by a Serbian court and will resign.",
         "RETREAT", {"MNE"}, set(), set()),
    ],
    # the object slot of a verb+object pattern filled by the passive subject
    "passive": [
        ("A ceasefire was declared by Israel in Gaza.", "RETREAT", {"ISR"}, set(), set()),
        ("New sanctions were imposed on Iran by the European Union.", "SANCTION", {"IGO"},
         {"IRN"}, set()),
        ("A trade agreement was signed by Ghana and Togo.", "AGREE", {"GHA", "TGO"}, set(),
         set()),
    ],
    # a predicative adjective or participle is its clause's predicate; its subject acts
    "predicative": [
        ("Iran is critical of the Saudi plan.", "ACCUSE", {"IRN"}, {"SAU"}, set()),
        ("Japan is opposed to the Chinese proposal.", "REJECT", {"JPN"}, {"CHN"}, set()),
        ("Vietnam is supportive of the Indian initiative.", "SUPPORT", {"VNM"}, {"IND"}, set()),
    ],
    # recipients in the complements of an event noun
    "noun complement": [
        ("Serbia lodged a formal protest with Croatia over the border incident.", "ACCUSE",
         {"SRB"}, {"HRV"}, set()),
        ("Zambia called for sanctions against Zimbabwe.", "REQUEST", {"ZMB"}, {"ZWE"}, set()),
        ("Egypt renewed its demand that Israel lift the blockade.", "REQUEST", {"EGY"}, {"ISR"},
         set()),
        ("India voiced concern about China's military buildup.", "ACCUSE", {"IND"}, {"CHN"},
         set()),
    ],
    # the one an unless/until clause names is whom the threat is aimed at
    "unless/until": [
        ("Iran threatened to close the strait unless the United States lifts sanctions.",
         "THREATEN", {"IRN"}, {"USA"}, set()),
        ("Greece will block the talks unless Turkey withdraws its ships.", "THREATEN", {"GRC"},
         {"TUR"}, {"REJECT"}),
        ("Hamas will keep firing rockets until Israel lifts the siege.", "ASSAULT", {"PSE"},
         {"ISR"}, set()),
    ],
    # the one who orders acts; the one ordered is acted on
    "ordering": [
        ("The Nicaraguan government ordered the newspaper to close.", "COERCE", {"NIC"}, set(),
         set()),
        ("The Ethiopian government ordered Eritrean troops to withdraw from the border.",
         "RETREAT", {"ETH"}, {"ERI"}, set()),
        ("Putin ordered Russian troops to withdraw from Kherson.", "RETREAT", {"RUS"}, set(),
         set()),
    ],
    # destruction is an assault on what is destroyed
    "destruction": [
        ("Russian forces blew up a bridge in Kherson.", "ASSAULT", {"RUS"}, {"UKR"}, set()),
        ("Rebels burned down a Malian village.", "ASSAULT", set(), {"MLI"}, set()),
        ("Israeli jets destroyed a Hamas tunnel.", "ASSAULT", {"ISR"}, {"PSE"}, set()),
    ],
    # a claim that another did harm is an accusation, and the harm is not a fact of the day
    "hostile claim": [
        ("The US claimed that Iran had attacked a tanker.", "ACCUSE", {"USA"}, {"IRN"},
         {"ASSAULT"}),
        ("Ukraine claimed that Russia shelled the nuclear plant.", "ACCUSE", {"UKR"}, {"RUS"},
         {"ASSAULT"}),
        ("Azerbaijan alleged that Armenia violated the ceasefire.", "ACCUSE", {"AZE"}, {"ARM"},
         {"ASSAULT"}),
    ],
    "permission": [
        ("Egypt allowed aid trucks to enter Gaza.", "RETREAT", {"EGY"}, {"PSE"}, set()),
        ("Turkey gave permission to Sweden to join the alliance.", "CONCEDE", {"TUR"}, {"SWE"},
         set()),
        ("Hungary authorized Ukrainian grain shipments.", "RETREAT", {"HUN"}, {"UKR"}, set()),
    ],
    "prevention": [
        ("Serbia blocked Kosovo from joining UNESCO.", "COERCE", {"SRB"}, {"XKX"}, set()),
        ("Israeli troops stopped Palestinian workers from entering Israel.", "COERCE", {"ISR"},
         {"PSE"}, set()),
        ("Chinese police prevented Tibetan monks from reaching the monastery.", "COERCE",
         {"CHN"}, set(), set()),
    ],
    "violation": [
        ("Armenia violated the ceasefire with Azerbaijan.", "ASSAULT", {"ARM"}, {"AZE"}, set()),
        ("Russian jets violated Finnish airspace.", "MOBILIZE", {"RUS"}, {"FIN"}, set()),
        ("North Korea breached the UN sanctions.", "REJECT", {"PRK"}, set(), set()),
    ],
    # leaving an agreement rejects it; it is no military retreat
    "leaving an agreement": [
        ("The United States withdrew from the Iran nuclear deal.", "REJECT", {"USA"}, set(),
         {"RETREAT", "SANCTION"}),
        ("Russia pulled out of the grain agreement.", "REJECT", {"RUS"}, set(), {"RETREAT"}),
        ("Iran quit the treaty with France.", "REJECT", {"IRN"}, {"FRA"}, {"SANCTION"}),
        ("Britain abandoned the agreement with Rwanda.", "REJECT", {"GBR"}, {"RWA"},
         {"SANCTION", "RETREAT"}),
        ("The US withdrawal from the Paris agreement angered China.", "REJECT", {"USA"}, set(),
         {"RETREAT", "AGREE"}),
    ],
}

CASES = [pytest.param(*case, id=f"{cls}: {case[0][:40]}")
         for cls, cases in CLASSES.items() for case in cases]


def _show(doc: Document) -> list[tuple[str, str]]:
    return [(e.event, e.reason) for e in doc.events]


def _countries(events: tuple[Event, ...] | list[Event], side: str) -> set[str]:
    return {x.country for e in events for x in getattr(e, side) if x.country}


@pytest.mark.parametrize("text, event, actors, recipients, absent", CASES)
def test_argument_classes(analyze: Callable[..., Document], text: str, event: str,
                          actors: set[str], recipients: set[str], absent: set[str]) -> None:
    check_case(analyze(text, "2024-05-06"), event, actors, recipients, absent)


def check_case(doc: Document, event: str, actors: set[str], recipients: set[str],
               absent: set[str]) -> None:
    """An event of ``event`` with one of ``actors`` / ``recipients`` (when given) among its
    countries, and no event of the types in ``absent``."""
    found = [e for e in doc.events if e.event == event]
    assert found, _show(doc)
    assert not {e.event for e in doc.events} & absent, _show(doc)
    if actors:
        assert actors & _countries(found, "actor"), _show(doc)
    if recipients:
        assert recipients & _countries(found, "recipient"), _show(doc)


@pytest.mark.parametrize("text", [
    "Backed by Egypt, Sudan rejected the Ethiopian proposal.",
    "Backed by Russia, Serbia did not sign the Kosovo agreement.",
])
def test_a_participle_clause_keeps_its_own_mood(analyze: Callable[..., Document],
                                                text: str) -> None:
    """The negation or refusal of the main clause is not the participle's: the backing
    happened."""
    doc = analyze(text, "2024-05-06")
    support = [e for e in doc.events if e.event == "SUPPORT"]
    assert support and support[0].aux_mode is None, _show(doc)


@pytest.mark.parametrize("text, place", [
    ("Iran and Saudi Arabia held talks with Oman in Baghdad.", "IRQ"),
    ("The Chinese foreign minister signed an agreement with Pakistan in Moscow.", "RUS"),
    ("Germany met France in Brussels on Monday.", "BEL"),
    # parties named together: the place is the venue, not a third party
    ("Ethiopia and Eritrea signed a peace agreement in Jeddah.", "SAU"),
    ("Armenia and Azerbaijan held talks in Prague.", "CZE"),
    ("Serbia and Kosovo agreed on a roadmap in Ohrid.", "MKD"),
])
def test_the_venue_is_not_the_recipient_when_one_is_named(
        analyze: Callable[..., Document], text: str, place: str) -> None:
    doc = analyze(text, "2024-05-06")
    assert doc.events, text
    assert place not in _countries(doc.events, "recipient"), _show(doc)


@pytest.mark.parametrize("text", [
    "Russia claimed that its forces had destroyed Ukrainian tanks.",
    "Israel claimed that it had struck Hamas positions.",
    "Turkey claimed that Turkish jets had bombed Kurdish militants.",
])
def test_a_claim_of_ones_own_act_is_that_act(analyze: Callable[..., Document],
                                             text: str) -> None:
    doc = analyze(text, "2024-05-06")
    coded = {e.event for e in doc.events}
    assert "ASSAULT" in coded and "ACCUSE" not in coded, _show(doc)


@pytest.mark.parametrize("text", [
    "A group of Moroccan diplomats met Obama at a lunch hosted by the Kenyan ambassador.",
    "The Chadian team trying to broker a peace deal met Sudanese officials.",
    "The first Western delegation to visit Bucharest met Romanian leaders.",
])
def test_a_reduced_relative_is_one_event(analyze: Callable[..., Document], text: str) -> None:
    """Only the main clause is news: the lunch, the brokering, the visit describe a noun."""
    doc = analyze(text, "2024-05-06")
    assert len(doc.events) == 1, _show(doc)
