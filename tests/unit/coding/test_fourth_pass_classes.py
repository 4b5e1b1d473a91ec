"""Fourth pass (issue 10): trigger coverage by class and events whose actor is not in the
knowledge base, each class on sentences written for it (never a gold sentence): stopping a
flow of aid or a mediation, going back on a commitment, taking an act up again, making a
restriction bite harder or easing it, a hostile act on an if-condition, and actors kept with
their words when no country is known."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from parley.model import Document, to_contract
from unit.coding.test_argument_classes import check_case

pytestmark = pytest.mark.model

# (sentence, expected type, actor countries (any of), recipient countries (any of),
#  types that must not appear)
Case = tuple[str, str, set[str], set[str], set[str]]

CLASSES: dict[str, list[Case]] = {
    # stopping or cutting what flows to a recipient is a SANCTION (CAMEO 162)
    "halting aid": [
        ("The EU reduced food aid to Sudan.", "SANCTION", {"IGO"}, {"SDN"}, set()),
        ("Germany scaled back humanitarian supplies to Chad.", "SANCTION", {"DEU"}, {"TCD"},
         set()),
        ("The United States slashed military assistance to Egypt.", "SANCTION", {"USA"},
         {"EGY"}, set()),
        ("Russia halted gas deliveries to Bulgaria.", "SANCTION", {"RUS"}, {"BGR"}, set()),
    ],
    # a third party that stops its work between two sides withdraws (CAMEO 165); its
    # mediation is no new CONSULT
    "halting mediation": [
        ("Qatar halted mediation between Hamas and Israel.", "SANCTION", {"QAT"}, {"ISR"},
         {"CONSULT"}),
        ("Norway ended its mediation efforts between the two factions.", "SANCTION", {"NOR"},
         set(), {"CONSULT"}),
        ("Algeria abandoned its mediation between Mali and the Tuareg rebels.", "SANCTION",
         {"DZA"}, {"MLI"}, {"CONSULT"}),
    ],
    # going back on what one committed to is a REJECT, whatever CAMEO's revoke block says
    "reneging": [
        ("Venezuela reneged on its promise to hold free elections.", "REJECT", {"VEN"}, set(),
         {"SANCTION"}),
        ("Serbia backed out of the deal with Kosovo.", "REJECT", {"SRB"}, set(), {"SUPPORT"}),
        ("Iran went back on its pledge to free the sailors.", "REJECT", {"IRN"}, set(), set()),
        ("Mali's junta broke its promise to hand over power.", "REJECT", {"MLI"}, set(),
         set()),
    ],
    # a verb of taking an act up again lends its subject to the act its object names
    "taking up again": [
        ("Israel and Lebanon renewed negotiations on Tuesday.", "CONSULT", {"ISR", "LBN"},
         set(), set()),
        ("Colombia and the rebels reopened peace talks.", "CONSULT", {"COL"}, set(), set()),
        ("Sudan and Ethiopia restarted talks on the border dispute.", "CONSULT",
         {"SDN", "ETH"}, set(), set()),
    ],
    # ... and a verb of bringing it to its end: the act named is the event
    "completing an act": [
        ("Israel's withdrawal from Gaza was completed.", "RETREAT", {"ISR"}, set(), set()),
        ("Russia completed its withdrawal from Kherson.", "RETREAT", {"RUS"}, {"UKR"}, set()),
        ("Turkey and Syria finished their talks in Moscow.", "CONSULT", {"TUR"}, set(),
         set()),
    ],
    # making a restriction last longer or bite harder is imposing it again
    "tightening a restriction": [
        ("Kenyan police extended the curfew in Nairobi by a week.", "COERCE", {"KEN"}, set(),
         set()),
        ("Thailand prolonged the state of emergency in the south.", "COERCE", {"THA"}, set(),
         set()),
        ("Egypt tightened the blockade of the border crossing.", "COERCE", {"EGY"}, set(),
         set()),
    ],
    # lifting or easing it is a concession
    "easing a restriction": [
        ("Peru eased the curfew in Lima.", "CONCEDE", {"PER"}, set(), {"COERCE"}),
        ("Sri Lanka lifted the state of emergency.", "CONCEDE", {"LKA"}, set(), {"COERCE"}),
        ("Israel loosened the restrictions on Gaza.", "CONCEDE", {"ISR"}, set(), {"COERCE"}),
    ],
    # a hostile act its actor would do on an if-condition is a threat
    "conditional threat": [
        ("Turkey will close the border if Syria attacks the Kurds.", "THREATEN", {"TUR"},
         set(), {"COERCE"}),
        ("Russia would cut gas supplies to Poland if the EU imposes a price cap.", "THREATEN",
         {"RUS"}, set(), {"SANCTION"}),
        ("Egypt may suspend its mediation between the parties if the shelling goes on.",
         "THREATEN", {"EGY"}, set(), {"SANCTION"}),
        ("President Ruto said he will extend the curfew in Nairobi.", "THREATEN", {"KEN"},
         set(), {"COERCE"}),
    ],
    # a relative clause whose relative pronoun is its subject does not take the noun it
    # describes as its object: "a strike that shut down X" is no ending of the strike
    "relative subject": [
        ("Four unions in Greece have organized a general strike that shut down Athens.",
         "PROTEST", {"GRC"}, set(), {"CONCEDE"}),
        ("Teachers in Chile organized a general strike that shut down the schools.", "PROTEST",
         {"CHL"}, set(), {"CONCEDE"}),
        ("Dock workers in Kenya organized a general strike that shut down the port of Mombasa.",
         "PROTEST", {"KEN"}, set(), {"CONCEDE"}),
    ],
    # a strike by people named by their work is a stopping of work, not a military strike
    "work stoppage": [
        ("Teachers in Kenya started a strike over pay.", "PROTEST", {"KEN"}, set(),
         {"ASSAULT"}),
        ("The strike by Nigerian doctors entered its second week.", "PROTEST", {"NGA"}, set(),
         {"ASSAULT"}),
        ("Bus drivers in London began a strike on Monday.", "PROTEST", set(), set(),
         {"ASSAULT"}),
        ("Russia launched a strike on the port of Odesa.", "ASSAULT", {"RUS"}, {"UKR"},
         {"PROTEST"}),
        ("Nurses in Ireland walked out on Tuesday.", "PROTEST", {"IRL"}, set(), {"REJECT"}),
        ("Iran walked out of the talks in Vienna.", "REJECT", {"IRN"}, set(), {"PROTEST"}),
    ],
    # an act of state authority in the passive with no agent is the act of the state where
    # it is done (PLOVER codes the host as actor when none is named)
    "agentless passive of authority": [
        ("A British journalist was put under investigation in France.", "ACCUSE", {"FRA"},
         {"GBR"}, set()),
        ("Three American tourists were arrested in Iran.", "COERCE", {"IRN"}, {"USA"}, set()),
        ("An Australian writer was detained in Beijing.", "COERCE", {"CHN"}, {"AUS"}, set()),
    ],
    # the agent of an event noun hung by the parser on its of-object is still its agent
    "agent of an event noun": [
        ("The expulsion of the Russian diplomats by Poland angered Moscow.", "SANCTION",
         {"POL"}, {"RUS"}, set()),
        ("The release of the prisoners by Israel began on Monday.", "RETREAT", {"ISR"}, set(),
         set()),
        ("The seizure of the tanker by Iran drew criticism.", "COERCE", {"IRN"}, set(), set()),
    ],
    # committing oneself to pay back a harm is a threat, not an offer
    "vowing revenge": [
        ("Iran vowed revenge against Israel.", "THREATEN", {"IRN"}, {"ISR"}, {"AGREE"}),
        ("Pakistan promised retaliation against India.", "THREATEN", {"PAK"}, {"IND"},
         {"AGREE"}),
        ("The Houthis have sworn vengeance against Saudi Arabia.", "THREATEN", set(),
         {"SAU"}, {"AGREE"}),
    ],
    # giving up a position held against another is a concession, not a new rejection
    "giving up a stance": [
        ("Turkey gave up its objection to Sweden's membership.", "CONCEDE", {"TUR"}, {"SWE"},
         {"REJECT"}),
        ("Ukraine abandoned its demand for a full Russian withdrawal.", "CONCEDE", {"UKR"},
         set(), {"REQUEST"}),
        ("Argentina renounced its claim to the islands.", "CONCEDE", {"ARG"}, set(), set()),
    ],
    # the nouns of committing oneself are offers
    "commitment nouns": [
        ("Poland's offer of fighter jets to Ukraine surprised Washington.", "AGREE", {"POL"},
         {"UKR"}, set()),
        ("The Saudi pledge of aid to Syria came on Monday.", "AGREE", {"SAU"}, set(), set()),
        ("Russia rejected the Turkish offer of mediation.", "REJECT", {"RUS"}, {"TUR"},
         {"AGREE"}),
    ],
    # the particle gives the verb its sense
    "particle sense": [
        ("Mali's junta kicked out the French ambassador.", "SANCTION", {"MLI"}, {"FRA"},
         {"ASSAULT"}),
        ("Burkina Faso threw out the French military attache.", "SANCTION", {"BFA"}, {"FRA"},
         set()),
        ("Police sealed off the centre of Minsk.", "COERCE", set(), {"BLR"}, set()),
        ("Venezuela stood by its ally Cuba.", "SUPPORT", {"VEN"}, set(), set()),
    ],
    # an act that prepares an armed act is aimed at whom that act is aimed at; the forces
    # mobilized are the actor's own, never the recipient
    "prepared against": [
        ("Britain mobilized army reservists for a possible war against Iraq.", "MOBILIZE",
         {"GBR"}, {"IRQ"}, set()),
        ("Turkey deployed tanks for an operation against the Kurdish militia in Syria.",
         "MOBILIZE", {"TUR"}, {"SYR"}, set()),
        ("Israel called up 300,000 reservists for a war against Hamas.", "MOBILIZE", {"ISR"},
         {"PSE"}, {"THREATEN"}),
    ],
    # a particle verb is not the prepositional verb of the same head: "called up reservists
    # for a war" is no "call for war"; a sense with no preposition keeps ("held back aid")
    "particle, not preposition": [
        ("Israel called up 300,000 reservists for a war against Hamas.", "MOBILIZE", {"ISR"},
         set(), {"THREATEN"}),
        ("Poland called up its reserves for the defence of the border.", "MOBILIZE", {"POL"},
         set(), {"THREATEN"}),
        ("Egypt held back aid for Gaza at the crossing.", "SANCTION", {"EGY"}, set(),
         {"AID"}),
    ],
    # recognition given to someone is a recognition of them
    "giving recognition": [
        ("Zambia extended diplomatic recognition to Namibia.", "SUPPORT", {"ZMB"}, {"NAM"},
         set()),
        ("Spain granted recognition to the Palestinian state.", "SUPPORT", {"ESP"}, {"PSE"},
         set()),
        ("Brazil accorded recognition to the new government in Lima.", "SUPPORT", {"BRA"},
         {"PER"}, set()),
    ],
}

CASES = [pytest.param(*case, id=f"{cls}: {case[0][:40]}")
         for cls, cases in CLASSES.items() for case in cases]


def _show(doc: Document) -> list[tuple[str, str]]:
    return [(e.event, e.reason) for e in doc.events]


@pytest.mark.parametrize("text, event, actors, recipients, absent", CASES)
def test_fourth_pass_classes(analyze: Callable[..., Document], text: str, event: str,
                             actors: set[str], recipients: set[str], absent: set[str]) -> None:
    check_case(analyze(text, "2024-05-06"), event, actors, recipients, absent)


@pytest.mark.parametrize("text, event, words", [
    ("The Zorbian Liberation Front attacked a police station.", "ASSAULT",
     "Zorbian Liberation Front"),
    ("Local militiamen burned the village.", "ASSAULT", "militiamen"),
    ("The junta has reneged on its deal with the unions.", "REJECT", "junta"),
    ("The Qadiri Brotherhood rejected the new constitution.", "REJECT", "Qadiri Brotherhood"),
])
def test_an_actor_not_in_the_knowledge_base_keeps_its_event(
        analyze: Callable[..., Document], text: str, event: str, words: str) -> None:
    """A person or group the knowledge base does not know still acts: the event is kept,
    its actor an entity with the words of the text and no country, valid in the contract."""
    doc = analyze(text, "2024-05-06")
    found = [e for e in doc.events if e.event == event]
    assert found, _show(doc)
    (actor,) = [a for a in found[0].actor if words in a.text]
    assert actor.country is None
    out = to_contract(doc)
    (ev,) = [e for e in out["events"] if e["event"] == event]
    assert any(a["text"] == actor.text and a["country"] is None for a in ev["actor"])


@pytest.mark.parametrize("text", [
    "They attacked the convoy.",
    "It rejected the proposal.",
    "The decision rejected the proposal.",
])
def test_no_one_named_is_no_actor(analyze: Callable[..., Document], text: str) -> None:
    """A pronoun with nothing to stand for, or a noun that names no one who can act, makes
    no actor: the event is dropped rather than coded for no one."""
    doc = analyze(text, "2024-05-06")
    assert not doc.events, _show(doc)


def test_a_passive_of_harm_is_no_act_of_the_host(analyze: Callable[..., Document]) -> None:
    """Only acts a state's authorities do are the host's: a kidnapping in Niger is not
    Niger's."""
    doc = analyze("A French aid worker was kidnapped in Niger.", "2024-05-06")
    assert not any(a.country == "NER" for e in doc.events for a in e.actor), _show(doc)


@pytest.mark.parametrize("text", [
    "OPEC cut oil supply by two million barrels a day.",
    "Toyota suspended deliveries of new cars.",
    "The company ended its subsidy for electric bikes.",
])
def test_a_flow_going_to_no_one_is_no_sanction(analyze: Callable[..., Document],
                                                text: str) -> None:
    """Cutting supplies, deliveries or subsidies is a sanction only when they go to someone:
    a producer's cut in output is no political event."""
    doc = analyze(text, "2024-05-06")
    assert not [e for e in doc.events if e.event == "SANCTION"], _show(doc)


@pytest.mark.parametrize("text, absent", [
    ("The army is holding refugees, according to a press release by the rebels.", "RETREAT"),
    ("The ministry said in a news release that the talks had failed.", "RETREAT"),
    ("The minister held a news conference in Cairo.", "CONSULT"),
])
def test_a_text_for_the_press_is_no_act(analyze: Callable[..., Document], text: str,
                                        absent: str) -> None:
    """An event noun made a text or a briefing for the press ("press release", "news
    conference") names no act between actors."""
    doc = analyze(text, "2024-05-06")
    assert not [e for e in doc.events if e.event == absent], _show(doc)
