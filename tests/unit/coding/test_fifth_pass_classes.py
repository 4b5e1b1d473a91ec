"""Fifth pass (issue 10): argument structure and sense by class, each class on sentences
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
    # the passive of a verb of asking or urging: the agent asks, the passive's subject is the
    # one asked; what is asked is its content, no event of its own
    "passive request": [
        ("Greece was urged by Germany to cut spending.", "REQUEST", {"DEU"}, {"GRC"}, set()),
        ("Turkey was asked by NATO to join the mission.", "REQUEST", {"IGO"}, {"TUR"}, {"AID"}),
        ("The Philippines was pressed by China to withdraw its ships.", "REQUEST", {"CHN"},
         {"PHL"}, {"RETREAT"}),
        ("Serbia has been called on by the EU to recognize Kosovo.", "REQUEST", {"IGO"},
         {"SRB"}, {"SUPPORT"}),
    ],
    # a result participle ("..., killing ...") and its conjuncts are the same act as the
    # verb they hang on: one event, whose recipient may be named only in them
    "result participle": [
        ("Rebels ambushed a convoy, killing four Kenyan soldiers and wounding ten.", "ASSAULT",
         set(), {"KEN"}, set()),
        ("Gunmen stormed the hotel and killed two French tourists.", "ASSAULT", set(), {"FRA"},
         set()),
        ("Russian forces pounded the town, wounding or killing scores of Ukrainian civilians.",
         "ASSAULT", {"RUS"}, {"UKR"}, set()),
    ],
    # whose a thing acted on is, through a modifying noun: the recipient
    "owner through a noun modifier": [
        ("Protesters torched a Russian embassy car in Kyiv.", "PROTEST", set(), {"RUS"}, set()),
        ("Militants attacked a Chinese oil company convoy.", "ASSAULT", set(), {"CHN"}, set()),
        ("Gunmen ambushed a Malian army patrol near Gao.", "ASSAULT", set(), {"MLI"}, set()),
    ],
    # crowds moving on a target ("marched on", "converged on") protest against its owner
    "moving on a target": [
        ("Demonstrators marched on the U.S. embassy in Manila.", "PROTEST", set(), {"USA"},
         set()),
        ("Kenyan students marched on the British embassy in Nairobi.", "PROTEST", {"KEN"},
         {"GBR"}, set()),
        ("Thousands of farmers converged on the Indian parliament.", "PROTEST", set(), {"IND"},
         set()),
        ("Angry crowds descended on the French consulate in Bamako.", "PROTEST", set(), {"FRA"},
         set()),
    ],
    # violence by those named as protesting is a riot (PROTEST, mode riot); violence done
    # to them stays ASSAULT
    "riot": [
        ("Rioters attacked a French police station.", "PROTEST", set(), {"FRA"}, {"ASSAULT"}),
        ("Hundreds of demonstrators stormed the parliament building in Lima.", "PROTEST",
         {"PER"}, set(), {"ASSAULT"}),
        ("The Turkish consulate was set on fire by Kurdish protesters.", "PROTEST", set(),
         {"TUR"}, {"ASSAULT"}),
        ("Police attacked protesters in Minsk.", "ASSAULT", {"BLR"}, set(), {"PROTEST"}),
    ],
    # nouns of answering force with force are attacks
    "counter-attacks": [
        ("Ukrainian forces launched a counteroffensive against Russian troops.", "ASSAULT",
         {"UKR"}, {"RUS"}, set()),
        ("Iraqi troops repelled a counterattack by Islamic State fighters.", "ASSAULT", set(),
         set(), set()),
        ("The Azerbaijani army began a counterattack on Armenian positions.", "ASSAULT",
         {"AZE"}, {"ARM"}, set()),
    ],
    # military drills and exercises are a show of force (MOBILIZE)
    "drills": [
        ("The Chinese navy conducted drills near Taiwan.", "MOBILIZE", {"CHN"}, set(), set()),
        ("South Korea and the United States held joint military drills.", "MOBILIZE",
         {"KOR", "USA"}, set(), set()),
        ("Iran began a military exercise in the Gulf.", "MOBILIZE", {"IRN"}, set(), set()),
    ],
    # the parties named by "between" in what is offered or agreed are its recipients
    "offered mediation between": [
        ("Turkey offered to mediate between Russia and Ukraine.", "AGREE", {"TUR"},
         {"RUS", "UKR"}, set()),
        ("Kenya agreed to mediate between Ethiopia and Sudan.", "AGREE", {"KEN"},
         {"ETH", "SDN"}, set()),
        ("Oman pledged to mediate between Iran and the United States.", "AGREE", {"OMN"},
         {"IRN", "USA"}, set()),
    ],
    # an act aimed at an act (an investigation, a protest, a condemnation) is aimed at the
    # doer named by the act's agent phrase
    "doer of the act": [
        ("Serbian police launched an investigation into crimes committed by Croatian forces.",
         "ACCUSE", {"SRB"}, {"HRV"}, set()),
        ("The UN opened a probe into abuses by Ethiopian troops.", "ACCUSE", {"IGO"}, {"ETH"},
         set()),
        ("Thousands protested in Warsaw against the killing of civilians by Russian soldiers.",
         "PROTEST", set(), {"RUS"}, set()),
        ("Human rights groups condemned the arrest of journalists by Egyptian police.",
         "ACCUSE", set(), {"EGY"}, set()),
    ],
    # a known act named as the ground of another ("for its support", "over the attacks by")
    # is no new event; an indefinite aim after "for" stays what is asked
    "ground of an act": [
        ("The United States imposed sanctions on the Taliban for its support of al-Qaeda.",
         "SANCTION", {"USA"}, {"AFG"}, {"SUPPORT"}),
        ("The EU imposed sanctions on Iran over the attacks by Houthi rebels.", "SANCTION",
         {"IGO"}, {"IRN"}, {"ASSAULT"}),
        ("Britain thanked Turkey for its mediation between Russia and Ukraine.", "SUPPORT",
         {"GBR"}, {"TUR"}, {"CONSULT"}),
        ("Poland criticized Hungary for its veto of the aid package.", "ACCUSE", {"POL"},
         {"HUN"}, {"REJECT"}),
        ("Ukraine pressed for a ceasefire with Russia.", "REQUEST", {"UKR"}, {"RUS"}, set()),
    ],
    # whose act is asked for ("the withdrawal of Russian troops") is the one asked
    "asked-for act's of-complement": [
        ("Germany called for the withdrawal of Russian troops.", "REQUEST", {"DEU"}, {"RUS"},
         set()),
        ("The UN appealed for the release of the Iranian hostages.", "REQUEST", {"IGO"},
         {"IRN"}, set()),
        ("Turkey pushed for the extradition of the Swedish activists.", "REQUEST", {"TUR"},
         {"SWE"}, set()),
    ],
    # a claim or complaint by one the knowledge base does not know is still an accusation
    "unknown claimant": [
        ("Croatian authorities are failing to protect Serb refugees, a human rights group "
         "complained.", "ACCUSE", set(), {"HRV"}, set()),
        ("An opposition group alleged that Syrian troops had shelled the town.", "ACCUSE",
         set(), {"SYR"}, {"ASSAULT"}),
        ("A local monitoring group claimed that Iranian forces had attacked the tanker.",
         "ACCUSE", set(), {"IRN"}, {"ASSAULT"}),
    ],
    # a measure noun that counts acts stands in the act's place: the light verb's subject
    # is the act's actor
    "series of acts": [
        ("Israel carried out a series of strikes on Hezbollah targets.", "ASSAULT", {"ISR"},
         {"LBN"}, set()),
        ("Ukraine began a new round of negotiations with Russia.", "CONSULT", {"UKR"}, {"RUS"},
         set()),
        ("Turkey conducted a wave of raids on Kurdish positions in Iraq.", "ASSAULT", {"TUR"},
         set(), set()),
    ],
    # adjectives of not doing ("reluctant to", "unwilling to") govern their complement as a
    # refusal: cooperation that is not done is a REJECT
    "reluctance": [
        ("Germany is unwilling to send tanks to Ukraine.", "REJECT", {"DEU"}, {"UKR"}, {"AID"}),
        ("Egypt was hesitant to join the coalition against the Houthis.", "REJECT", {"EGY"},
         set(), {"SUPPORT"}),
        ("Japan is reluctant to provide weapons to Ukraine.", "REJECT", {"JPN"}, {"UKR"},
         {"AID"}),
    ],
    # a noun of deciding or planning with a possessor: the possessor does the act its
    # infinitive names (a plan's act is yet to come)
    "decided act": [
        ("China's decision to recognize the Taliban government surprised many.", "SUPPORT",
         {"CHN"}, {"AFG"}, set()),
        ("Moscow's move to expel the Estonian ambassador drew protests.", "SANCTION", {"RUS"},
         {"EST"}, set()),
        ("Poland's decision to close its border with Belarus was criticized.", "COERCE",
         {"POL"}, {"BLR"}, set()),
    ],
    # "up to N" before the object is a count, not a particle: the object is still whom the
    # act is done to
    "up to a count": [
        ("Rebels have kidnapped up to 16 Russian engineers from a market.", "ASSAULT", set(),
         {"RUS"}, set()),
        ("Gunmen killed up to 30 Nigerian villagers.", "ASSAULT", set(), {"NGA"}, set()),
        ("Police detained up to 200 Georgian students.", "COERCE", set(), {"GEO"}, set()),
    ],
    # the complement of the last conjunct of a coordinated object is the coordination's
    "coordinated object": [
        ("Syrian forces launched artillery, mortar and rocket fire against Turkish positions.",
         "ASSAULT", {"SYR"}, {"TUR"}, set()),
        ("The EU imposed an embargo and a travel ban on Belarus.", "SANCTION", {"IGO"},
         {"BLR"}, set()),
        ("Ethiopia announced a curfew and a ban on rallies in Tigray.", "COERCE", {"ETH"},
         set(), set()),
    ],
}

CASES = [pytest.param(*case, id=f"{cls}: {case[0][:40]}")
         for cls, cases in CLASSES.items() for case in cases]


def _show(doc: Document) -> list[tuple[str, str]]:
    return [(e.event, e.reason) for e in doc.events]


@pytest.mark.parametrize("text, event, actors, recipients, absent", CASES)
def test_fifth_pass_classes(analyze: Callable[..., Document], text: str, event: str,
                            actors: set[str], recipients: set[str], absent: set[str]) -> None:
    check_case(analyze(text, "2024-05-06"), event, actors, recipients, absent)


@pytest.mark.parametrize("text", [
    "The army shelled the village, killing or wounding 30 civilians.",
    "Rebels ambushed a convoy, killing four Kenyan soldiers and wounding ten.",
    "Russian forces pounded the town, wounding or killing scores of Ukrainian civilians.",
])
def test_a_result_participle_and_its_conjuncts_are_one_event(
        analyze: Callable[..., Document], text: str) -> None:
    doc = analyze(text, "2024-05-06")
    assert [e.event for e in doc.events] == ["ASSAULT"], _show(doc)


def test_a_riot_has_the_riot_mode(analyze: Callable[..., Document]) -> None:
    doc = analyze("Protesters torched a Russian embassy car in Kyiv.", "2024-05-06")
    assert [(e.event, e.mode) for e in doc.events] == [("PROTEST", ("riot",))], _show(doc)


@pytest.mark.parametrize("text", [
    "An Egyptian activist began a hunger strike to protest the Egyptian government's crackdown.",
    "Iranian students held a rally to demonstrate against the Iraqi government.",
    "Chilean miners launched a strike to protest the closure of the mine.",
])
def test_the_aim_of_a_nominal_act_of_the_same_type_is_that_act(
        analyze: Callable[..., Document], text: str) -> None:
    """A light verb's clause stands for the nominal event it governs: a purpose clause of
    the same type on it ("began a hunger strike to protest ...") is that event, once."""
    doc = analyze(text, "2024-05-06")
    assert [e.event for e in doc.events] == ["PROTEST"], _show(doc)


@pytest.mark.parametrize("text, absent", [
    ("The rebels said they will release the Fijian minister, whom they had taken hostage "
     "in May.", "ASSAULT"),
    ("Kenya freed the Somali fishermen whom its navy had arrested last month.", "COERCE"),
    ("Mali released the French journalists that its soldiers had detained.", "COERCE"),
])
def test_a_past_perfect_relative_clause_is_no_new_event(
        analyze: Callable[..., Document], text: str, absent: str) -> None:
    """A past perfect relative clause says who a participant is; the main clause's event
    keeps its own date, not the clause's."""
    doc = analyze(text, "2024-05-06")
    assert doc.events and absent not in {e.event for e in doc.events}, _show(doc)
    assert all(e.aux_mode != "historical" for e in doc.events), _show(doc)


@pytest.mark.parametrize("text", [
    "Egypt recalled its ambassador, who had arrived in Tel Aviv in 2020.",
    "Kenya freed the Somali fishermen whom its navy had arrested in Mombasa last month.",
    "Chile expelled the Bolivian diplomat who had worked in La Paz for years.",
])
def test_a_relative_clause_keeps_its_place_and_date(
        analyze: Callable[..., Document], text: str) -> None:
    doc = analyze(text, "2024-05-06")
    assert doc.events, _show(doc)
    for e in doc.events:
        assert e.event_loc is None and e.date == "2024-05-06", _show(doc)


def test_a_planned_act_is_future(analyze: Callable[..., Document]) -> None:
    doc = analyze("Britain's plan to send troops to Estonia was announced.", "2024-05-06")
    found = [e for e in doc.events if e.event == "MOBILIZE"]
    assert found and found[0].aux_mode == "future", _show(doc)


@pytest.mark.parametrize("text", [
    "Local officials felt pressured to resign.",
    "Mexican farmers were pressured to sell their land.",
    "The Bolivian judges say they are pressured to rule quickly.",
])
def test_the_passive_of_pressure_is_a_state_not_a_request(
        analyze: Callable[..., Document], text: str) -> None:
    """"Pressured" in the passive mostly says how its subject stands; no one is named as
    asking, so no REQUEST is coded."""
    doc = analyze(text, "2024-05-06")
    assert "REQUEST" not in {e.event for e in doc.events}, _show(doc)


@pytest.mark.parametrize("text", [
    "The American aid to Ukrainian refugees arrived.",
    "The first Russian shipment of grain arrived in Egypt.",
    "A Turkish parcel arrived in Athens.",
])
def test_a_thing_that_arrives_pays_no_visit(analyze: Callable[..., Document], text: str) -> None:
    """Verbs of visiting need someone who travels: aid, a shipment, a parcel arriving is no
    CONSULT (the country named beside it is no visitor)."""
    doc = analyze(text, "2024-05-06")
    assert "CONSULT" not in {e.event for e in doc.events}, _show(doc)


def test_a_delegation_that_arrives_visits(analyze: Callable[..., Document]) -> None:
    doc = analyze("The Chinese delegation arrived in Moscow.", "2024-05-06")
    assert "CONSULT" in {e.event for e in doc.events}, _show(doc)


@pytest.mark.parametrize("text, event", [
    ("UN troops withdrew from the Golan on Monday, two weeks after rebels kidnapped dozens "
     "of peacekeepers.", "ASSAULT"),
    ("The army retook the town days after militants attacked it.", "ASSAULT"),
    ("Kenya closed its border with Somalia three weeks after Somali militants attacked Mandera.",
     "ASSAULT"),
])
def test_a_clause_dated_some_time_before_the_news_is_historical(
        analyze: Callable[..., Document], text: str, event: str) -> None:
    """"N weeks after X did Y": Y happened before the news; it is coded as historical."""
    doc = analyze(text, "2024-05-06")
    found = [e for e in doc.events if e.event == event]
    assert found and found[-1].aux_mode == "historical", _show(doc)
