"""Eighth pass on PLOVER (issue 10): verb classes and synonyms, each class on sentences
written for it (never a gold sentence)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from parley.model import Document
from unit.coding.test_argument_classes import check_case

pytestmark = pytest.mark.model

# (sentence, expected type, actor countries (any of), recipient countries (any of),
#  types that must not appear)
Case = tuple[str, str, set[str], set[str], set[str]]

CLASSES: dict[str, list[Case]] = {
    # committing oneself to pay back a harm, named by the verb of the act: a threat
    "vowing to retaliate": [
        ("Russia vowed to retaliate against Finland.", "THREATEN", {"RUS"}, {"FIN"},
         {"AGREE"}),
        ("Hezbollah promised to avenge the killing of its commander.", "THREATEN", {"LBN"},
         set(), {"AGREE"}),
        ("Iran swore to retaliate for the strike.", "THREATEN", {"IRN"}, set(), set()),
    ],
    # bringing armed forces together near a border or a foe
    "massing forces": [
        ("Russia amassed tanks along the border with Ukraine.", "MOBILIZE", {"RUS"}, {"UKR"},
         set()),
        ("China massed warships off Taiwan.", "MOBILIZE", {"CHN"}, {"TWN"}, set()),
        ("Serbia mustered reinforcements around the Kosovo town.", "MOBILIZE", {"SRB"},
         {"XKX"}, set()),
    ],
    # handing captives over to another's keeping frees them: whose they are is the recipient
    "handing over captives": [
        ("Hamas handed over three Thai hostages to Egypt.", "RETREAT", {"PSE"}, {"THA"},
         {"COOPERATE"}),
        ("The rebels handed the Nepali prisoners over to the Red Cross.", "RETREAT", set(),
         {"NPL"}, {"COOPERATE"}),
        ("The militia turned over two kidnapped German captives to the police.", "RETREAT",
         set(), {"DEU"}, set()),
    ],
    # a protest or complaint addressed to someone is a diplomatic one, made to whom it blames
    "protesting to a government": [
        ("Venezuela protested to Guyana over the oil licences.", "ACCUSE", {"VEN"}, {"GUY"},
         {"PROTEST"}),
        ("Egypt protested to Israel about the raid.", "ACCUSE", {"EGY"}, {"ISR"}, {"PROTEST"}),
        ("Brazil complained to Argentina about the tariffs.", "ACCUSE", {"BRA"}, {"ARG"},
         set()),
    ],
    # laying a charge on another's trade, or raising it, is an economic sanction
    "charges on trade": [
        ("The EU imposed customs duties on Chinese cars.", "SANCTION", {"IGO"}, {"CHN"},
         set()),
        ("Canada levied tariffs on American steel.", "SANCTION", {"CAN"}, {"USA"}, set()),
        ("India slapped tariffs on Chinese phones.", "SANCTION", {"IND"}, {"CHN"}, set()),
        ("Mexico raised import duties on Brazilian beef.", "SANCTION", {"MEX"}, {"BRA"},
         set()),
    ],
    # shutting a place in by encircling it is a restriction of movement (CAMEO 191)
    "encircling": [
        ("Serbian troops encircled the Bosnian town of Srebrenica.", "COERCE", {"SRB"},
         {"BIH"}, set()),
        ("Russian troops laid siege to the Ukrainian city of Mariupol.", "COERCE", {"RUS"},
         {"UKR"}, set()),
        ("Azerbaijani forces besieged the Armenian villages.", "COERCE", {"AZE"}, {"ARM"},
         set()),
    ],
    # honouring someone in public is praise
    "paying tribute": [
        ("The French president paid tribute to the Lebanese soldiers.", "SUPPORT", {"FRA"},
         {"LBN"}, set()),
        ("Modi paid homage to the Nepali soldiers.", "SUPPORT", {"IND"}, {"NPL"}, set()),
        ("The Kenyan president paid his respects to the Tanzanian leader.", "SUPPORT",
         {"KEN"}, {"TZA"}, set()),
    ],
    # an arrest stays an arrest whoever is arrested (CAMEO's block of arrest, capture,
    # snatch codes some of them as repression or abduction)
    "arrests of anyone": [
        ("Police arrested dozens of protesters in Tbilisi.", "COERCE", {"GEO"}, set(),
         {"ASSAULT"}),
        ("Sudan arrested two Eritrean journalists in Khartoum.", "COERCE", {"SDN"}, {"ERI"},
         {"ASSAULT"}),
        ("Israel apprehended a Palestinian engineer.", "COERCE", {"ISR"}, {"PSE"},
         {"ASSAULT"}),
        ("Police arrested demonstrators during the protests in Dhaka.", "COERCE", {"BGD"},
         set(), {"ASSAULT"}),
    ],
    # a particle the parser took for a preposition ("cordoned off the embassy"): its object
    # is the verb's direct object, and so the recipient
    "the object of a particle taken for a preposition": [
        ("Police cordoned off the Iranian embassy in London.", "COERCE", set(), {"IRN"},
         set()),
        ("Police cordoned off the Chinese consulate in Sydney.", "COERCE", set(), {"CHN"},
         set()),
        ("Israeli troops closed off the Palestinian town.", "COERCE", {"ISR"}, {"PSE"}, set()),
    ],
    # a light verb the lemmatizer slips on ("staged" -> "stag") still lends its subject to
    # the act it names
    "a light verb read by its forms": [
        ("China staged military exercises near Taiwan.", "MOBILIZE", {"CHN"}, {"TWN"}, set()),
        ("Russia staged naval drills in the Baltic.", "MOBILIZE", {"RUS"}, set(), set()),
        ("Iran staged a missile test.", "MOBILIZE", {"IRN"}, set(), set()),
    ],
    # exports and sales stopped to whom they go are flows cut (CAMEO 162, like supplies)
    "exports and sales stopped": [
        ("Kuwait halted oil exports to Iraq.", "SANCTION", {"KWT"}, {"IRQ"}, set()),
        ("The United States suspended arms sales to Turkey.", "SANCTION", {"USA"}, {"TUR"},
         set()),
        ("China halted rare earth exports to Japan.", "SANCTION", {"CHN"}, {"JPN"}, set()),
    ],
    # raising forces' readiness for combat, or putting them on alert, is a mobilization
    "readiness for combat": [
        ("Serbia raised the combat readiness of its army.", "MOBILIZE", {"SRB"}, set(), set()),
        ("Pakistan put its air force on high readiness.", "MOBILIZE", {"PAK"}, set(), set()),
        ("Japan boosted its combat readiness near the disputed islands.", "MOBILIZE", {"JPN"},
         set(), set()),
    ],
    # playing host to guests is hosting them
    "playing host": [
        ("Turkey played host to the Ukrainian and Russian delegations.", "CONSULT", {"TUR"},
         {"UKR", "RUS"}, set()),
        ("Egypt played host to the Sudanese president.", "CONSULT", {"EGY"}, {"SDN"}, set()),
        ("Qatar played host to talks between Hamas and Israel.", "CONSULT", {"QAT"}, set(),
         set()),
    ],
    # naming another's act as a wrong (a crime, a provocation, terrorism) accuses its author
    "naming an act a wrong": [
        ("Brazil called the Israeli operation a genocide.", "ACCUSE", {"BRA"}, {"ISR"}, set()),
        ("Turkey described the Greek move as a provocation.", "ACCUSE", {"TUR"}, {"GRC"},
         set()),
        ("Russia branded the Ukrainian attack an act of terrorism.", "ACCUSE", {"RUS"},
         {"UKR"}, set()),
        ("China called the American sanctions a violation of international law.", "ACCUSE",
         {"CHN"}, {"USA"}, set()),
    ],
    # synonyms of senses already written: consenting is agreeing, sympathizing with or
    # vouching for is backing, berating or taking to task is disapproving
    "synonyms of written senses": [
        ("Iran consented to the inspections.", "AGREE", {"IRN"}, set(), set()),
        ("Syria assented to the Russian plan.", "AGREE", {"SYR"}, {"RUS"}, set()),
        ("Egypt sympathized with Libya after the floods.", "SUPPORT", {"EGY"}, {"LBY"}, set()),
        ("The US vouched for the Israeli account.", "SUPPORT", {"USA"}, {"ISR"}, set()),
        ("The Indian minister berated Pakistan for the attack.", "ACCUSE", {"IND"}, {"PAK"},
         set()),
        ("Mexico took the United States to task over the wall.", "ACCUSE", {"MEX"}, {"USA"},
         set()),
    ],
    # harming someone with a blade or a blow, putting someone to death, and fencing a
    # border off: synonyms of the beating, killing and restriction senses
    "blades, blows, executions and fences": [
        ("Militants stabbed a French teacher.", "ASSAULT", set(), {"FRA"}, set()),
        ("Kenyan police clubbed protesters in Nairobi.", "ASSAULT", {"KEN"}, set(), set()),
        ("Saudi Arabia put to death a Pakistani man.", "ASSAULT", {"SAU"}, {"PAK"}, set()),
        ("Hungary fenced off its border with Serbia.", "COERCE", {"HUN"}, {"SRB"}, set()),
    ],
    # driving out people who live or work in a place is deporting them; expelling
    # diplomats stays a sanction
    "driving people out": [
        ("Pakistan expelled 300 Afghan refugees.", "COERCE", {"PAK"}, {"AFG"}, {"SANCTION"}),
        ("Russia expelled an American journalist.", "COERCE", {"RUS"}, {"USA"}, {"SANCTION"}),
        ("The Dominican Republic drove out Haitian migrants.", "COERCE", {"DOM"}, {"HTI"},
         set()),
        ("Kuwait expelled the Iraqi diplomats.", "SANCTION", {"KWT"}, {"IRQ"}, {"COERCE"}),
    ],
    # who dies in an act is whom it is done to
    "dying in an act": [
        ("Three Malian soldiers died in an attack by jihadists.", "ASSAULT", set(), {"MLI"},
         set()),
        ("Two Nigerian policemen died in an ambush by Boko Haram.", "ASSAULT", {"NGA"},
         {"NGA"}, set()),
        ("Five Pakistani civilians perished in an Indian air strike.", "ASSAULT", {"IND"},
         {"PAK"}, set()),
    ],
    # more verbs of going back on a commitment, and vacating a place is leaving it
    "undoing a commitment, vacating a place": [
        ("Mali disavowed the agreement with the rebels.", "REJECT", {"MLI"}, set(), set()),
        ("Niger repudiated the military pact with France.", "REJECT", {"NER"}, {"FRA"}, set()),
        ("Russia tore up the arms treaty with the United States.", "REJECT", {"RUS"}, {"USA"},
         set()),
        ("Russian troops vacated positions near Kherson.", "RETREAT", {"RUS"}, set(), set()),
    ],
    # a state that protests does so in words: a diplomatic protest, not a demonstration
    "a protest by a state": [
        ("India protested against China's renaming of places in Arunachal.", "ACCUSE",
         {"IND"}, {"CHN"}, {"PROTEST"}),
        ("Japan protested the Chinese drills near Okinawa.", "ACCUSE", {"JPN"}, {"CHN"},
         {"PROTEST"}),
        ("Moscow protested the expulsion of its diplomats.", "ACCUSE", {"RUS"}, set(),
         {"PROTEST"}),
    ],
    # the parties of a fight named with "between" are its actors, as when they fight
    "the parties of a fight": [
        ("Clashes between Armenian and Azerbaijani troops erupted on the border.", "ASSAULT",
         {"ARM", "AZE"}, set(), set()),
        ("Clashes between Indian and Chinese soldiers killed twenty soldiers.", "ASSAULT",
         {"IND", "CHN"}, set(), set()),
        ("A battle between Ethiopian and Eritrean forces broke out near Badme.", "ASSAULT",
         {"ETH", "ERI"}, set(), set()),
        ("Skirmishes between Thai and Cambodian soldiers erupted at the temple.", "ASSAULT",
         {"THA", "KHM"}, set(), set()),
    ],
    # a clash protesters take part in, named with the police, is a riot
    "a clash with protesters among its parties": [
        ("Clashes between police and protesters in Dhaka left ten dead.", "PROTEST", {"BGD"},
         set(), {"ASSAULT"}),
        ("Police and protesters clashed in Dhaka.", "PROTEST", {"BGD"}, set(), {"ASSAULT"}),
        ("Riot police and demonstrators clashed in Nairobi.", "PROTEST", {"KEN"}, set(),
         {"ASSAULT"}),
    ],
}

CASES = [pytest.param(*case, id=f"{cls}: {case[0][:40]}")
         for cls, cases in CLASSES.items() for case in cases]


def _show(doc: Document) -> list[tuple[str, str]]:
    return [(e.event, e.reason) for e in doc.events]


@pytest.mark.parametrize("text, event, actors, recipients, absent", CASES)
def test_eighth_pass_classes(analyze: Callable[..., Document], text: str, event: str,
                             actors: set[str], recipients: set[str], absent: set[str]) -> None:
    check_case(analyze(text, "2024-05-06"), event, actors, recipients, absent)


@pytest.mark.parametrize("text", [
    "Kenya concentrated its efforts on the economy.",
    "The opposition gathered its supporters in Caracas.",
    "Japan promised to help Indonesia.",
])
def test_gathering_what_is_no_force_and_plain_promises_are_no_threat(
        analyze: Callable[..., Document], text: str) -> None:
    doc = analyze(text, "2024-05-06")
    assert not {e.event for e in doc.events} & {"MOBILIZE", "THREATEN"}, _show(doc)


def test_handing_over_a_suspect_stays_an_extradition(analyze: Callable[..., Document]) -> None:
    """Handing over a suspect is no release: CAMEO's "hand over" (COOPERATE) stays."""
    doc = analyze("Ghana handed over the Nigerian suspect to Nigeria.", "2024-05-06")
    assert "RETREAT" not in {e.event for e in doc.events}, _show(doc)


@pytest.mark.parametrize("text", [
    "Students protested outside the ministry in Accra.",
    "Thousands protested against the Serbian government.",
    "Nurses protested in Nairobi on Monday.",
    "Iranian women protested in Tehran.",
])
def test_a_protest_addressed_to_no_one_stays_a_demonstration(
        analyze: Callable[..., Document], text: str) -> None:
    doc = analyze(text, "2024-05-06")
    assert {e.event for e in doc.events} == {"PROTEST"}, _show(doc)


@pytest.mark.parametrize("text", [
    "The Nigerian government levied a new tax on fuel.",
    "Kenya increased the number of police officers on duty.",
    "Ghana put its soldiers on duty at the border.",
])
def test_taxes_at_home_and_other_duties_are_no_sanction(
        analyze: Callable[..., Document], text: str) -> None:
    doc = analyze(text, "2024-05-06")
    assert "SANCTION" not in {e.event for e in doc.events}, _show(doc)


@pytest.mark.parametrize("text", [
    "Kidnappers seized a Nigerian engineer.",
    "The militants took two Italian engineers hostage.",
    "Gunmen held three Turkish hostages in a village.",
])
def test_seizing_people_or_holding_hostages_stays_an_abduction(
        analyze: Callable[..., Document], text: str) -> None:
    doc = analyze(text, "2024-05-06")
    assert "ASSAULT" in {e.event for e in doc.events}, _show(doc)


@pytest.mark.parametrize("text", [
    "The president gave a speech in Nairobi.",
    "The Kenyan minister gave an interview in London.",
    "Macron gave a press conference in Berlin.",
])
def test_a_preposition_with_its_own_object_is_no_particle(
        analyze: Callable[..., Document], text: str) -> None:
    """"Gave a speech in Nairobi" is no "give in": a particle sense needs the particle."""
    doc = analyze(text, "2024-05-06")
    assert "CONCEDE" not in {e.event for e in doc.events}, _show(doc)


@pytest.mark.parametrize("text", [
    "Serbia gave in to Russian demands.",
    "The Malian government finally gave in.",
    "Iran gave in on the nuclear issue.",
])
def test_giving_in_with_the_particle_is_a_concession(
        analyze: Callable[..., Document], text: str) -> None:
    doc = analyze(text, "2024-05-06")
    assert "CONCEDE" in {e.event for e in doc.events}, _show(doc)


@pytest.mark.parametrize("text", [
    "India received a shipment of Russian oil.",
    "Egypt received Russian wheat.",
    "Kenya received Chinese vaccines.",
])
def test_receiving_goods_named_by_their_origin_is_no_visit(
        analyze: Callable[..., Document], text: str) -> None:
    """A nationality adjective on a thing names no one: what is received is no guest."""
    doc = analyze(text, "2024-05-06")
    assert "CONSULT" not in {e.event for e in doc.events}, _show(doc)


@pytest.mark.parametrize("text, country", [
    ("Xi received a Brazilian delegation.", "BRA"),
    ("Erdogan received Iranian officials in Ankara.", "IRN"),
    ("The Sudanese president received Ethiopian army officers.", "ETH"),
])
def test_receiving_people_named_by_their_nationality_stays_a_visit(
        analyze: Callable[..., Document], text: str, country: str) -> None:
    doc = analyze(text, "2024-05-06")
    found = [e for e in doc.events if e.event == "CONSULT"]
    assert found and country in {r.country for r in found[0].recipient}, _show(doc)


@pytest.mark.parametrize("text", [
    "OPEC cut oil exports by two percent.",
    "Toyota suspended car sales in Russia.",
    "Nigeria reduced crude exports last month.",
])
def test_exports_cut_to_no_one_are_no_sanction(
        analyze: Callable[..., Document], text: str) -> None:
    doc = analyze(text, "2024-05-06")
    assert "SANCTION" not in {e.event for e in doc.events}, _show(doc)


def test_readiness_for_no_combat_is_no_mobilization(analyze: Callable[..., Document]) -> None:
    doc = analyze("The Kenyan company raised its readiness for the new market.", "2024-05-06")
    assert "MOBILIZE" not in {e.event for e in doc.events}, _show(doc)


def test_naming_someone_a_friend_is_no_accusation(analyze: Callable[..., Document]) -> None:
    doc = analyze("The president called the Nigerian leader a friend.", "2024-05-06")
    assert "ACCUSE" not in {e.event for e in doc.events}, _show(doc)


def test_scrapping_a_tax_is_no_rejection(analyze: Callable[..., Document]) -> None:
    doc = analyze("Kenya scrapped the fuel tax.", "2024-05-06")
    assert "REJECT" not in {e.event for e in doc.events}, _show(doc)
